/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-history-item"

#include "config.h"

#include <string.h>

#include "awb-history-item.h"

/* One entry of a case's history as an item of a list model: it owns the
 * core's AwbHistoryEntry. */

struct _AwbHistoryItem
{
  GObject          parent_instance;

  AwbHistoryEntry *entry;
};

G_DEFINE_FINAL_TYPE (AwbHistoryItem, awb_history_item, G_TYPE_OBJECT)

static void
awb_history_item_finalize (GObject *object)
{
  AwbHistoryItem *self = (AwbHistoryItem *) object;

  g_clear_pointer (&self->entry, awb_history_entry_free);
  G_OBJECT_CLASS (awb_history_item_parent_class)->finalize (object);
}

static void
awb_history_item_class_init (AwbHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awb_history_item_finalize;
}

static void
awb_history_item_init (AwbHistoryItem *self)
{
}

/* Takes entry. */
AwbHistoryItem *
awb_history_item_new (AwbHistoryEntry *entry)
{
  AwbHistoryItem *self = g_object_new (AWB_TYPE_HISTORY_ITEM, NULL);

  self->entry = entry;
  return self;
}

const AwbHistoryEntry *
awb_history_item_get_entry (AwbHistoryItem *self)
{
  g_return_val_if_fail (AWB_IS_HISTORY_ITEM (self), NULL);
  return self->entry;
}

static gboolean
contains (const char *text,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

/* TRUE when the entry's actor, action, record or values contain needle. */
gboolean
awb_history_item_matches (AwbHistoryItem *self,
                          const char     *folded_needle)
{
  const AwbHistoryEntry *e = self->entry;

  return contains (e->actor, folded_needle) || contains (e->action, folded_needle)
         || contains (e->entity, folded_needle) || contains (e->entity_id, folded_needle)
         || contains (e->after, folded_needle) || contains (e->before, folded_needle)
         || contains (e->at, folded_needle);
}
