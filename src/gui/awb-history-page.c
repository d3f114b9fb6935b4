/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-history-item.h"
#include "awb-history-page.h"
#include "awb-history-row.h"

/* The history of the open case, newest first, searchable. It is read when
 * the page is shown (a large case has a long history), not at every edit
 * made elsewhere. */

struct _AwbHistoryPage
{
  GtkWidget        parent_instance;

  GtkLabel        *count_label;
  GtkSearchEntry  *search_entry;
  GtkListView     *history_view;

  AwbSession      *session;
  gulong           changed_id;
  gboolean         dirty;
  GListStore      *entries;
  GtkCustomFilter *filter;
  char            *search;
};

G_DEFINE_FINAL_TYPE (AwbHistoryPage, awb_history_page, GTK_TYPE_WIDGET)

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  AwbHistoryPage *self = user_data;

  return self->search == NULL || awb_history_item_matches (item, self->search);
}

static void
load (AwbHistoryPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  self->dirty = FALSE;
  entries = awb_history_list (awb_session_get_database (self->session),
                              awb_session_get_case_id (self->session), TRUE, &error);
  if (entries == NULL)
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (items, awb_history_item_new (g_steal_pointer (&entries->pdata[i])));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change, newest first",
                                        "%u changes, newest first", items->len),
                           items->len);
  gtk_label_set_text (self->count_label, count);
}

static void
on_session_changed_cb (AwbHistoryPage *self,
                       guint           what,
                       AwbSession     *session)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->dirty = TRUE;
}

static void
on_search_entry_search_changed_cb (AwbHistoryPage *self,
                                   GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&self->search, g_free);
  if (*text != '\0')
    self->search = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, awb_history_row_new ());
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  AwbHistoryRow *row = AWB_HISTORY_ROW (gtk_list_item_get_child (list_item));

  awb_history_row_show (row, gtk_list_item_get_item (list_item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  awb_history_row_get_summary (row), -1);
}

static void
awb_history_page_map (GtkWidget *widget)
{
  AwbHistoryPage *self = AWB_HISTORY_PAGE (widget);

  GTK_WIDGET_CLASS (awb_history_page_parent_class)->map (widget);
  if (self->dirty && self->session != NULL)
    load (self);
}

static void
awb_history_page_dispose (GObject *object)
{
  GtkWidget *child;
  AwbHistoryPage *self = (AwbHistoryPage *) object;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_HISTORY_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->search, g_free);
  self->filter = NULL;

  G_OBJECT_CLASS (awb_history_page_parent_class)->dispose (object);
}

static void
awb_history_page_class_init (AwbHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_history_page_dispose;
  widget_class->map = awb_history_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbHistoryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AwbHistoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AwbHistoryPage, history_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_history_page_init (AwbHistoryPage *self)
{
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_list_store_new (AWB_TYPE_HISTORY_ITEM);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                        GTK_FILTER (self->filter));
  gtk_list_view_set_model (self->history_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
}

void
awb_history_page_set_session (AwbHistoryPage *self,
                              AwbSession     *session)
{
  g_return_if_fail (AWB_IS_HISTORY_PAGE (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  g_list_store_remove_all (self->entries);
  if (session == NULL)
    return;
  self->changed_id = g_signal_connect_object (session, "changed",
                                              G_CALLBACK (on_session_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  on_session_changed_cb (self, AWB_SESSION_ALL, session);
}
