/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "awb-merge.h"
#include "awb-session.h"

G_BEGIN_DECLS

/* One field of a conflict's record, in words, on both sides. */
typedef struct
{
  char *label;   /* "Rating", "Attachments" … */
  char *mine;    /* the value on this computer, "—" for none */
  char *theirs;  /* the value in the package */
} AwbConflictField;

#define AWB_TYPE_CONFLICT_ITEM (awb_conflict_item_get_type ())
G_DECLARE_FINAL_TYPE (AwbConflictItem, awb_conflict_item, AWB, CONFLICT_ITEM, GObject)

AwbConflictItem   *awb_conflict_item_new          (AwbConflict     *conflict);
const AwbConflict *awb_conflict_item_get_conflict (AwbConflictItem *self);
const char        *awb_conflict_item_get_id       (AwbConflictItem *self);
const char        *awb_conflict_item_get_title    (AwbConflictItem *self);
GPtrArray         *awb_conflict_item_get_fields   (AwbConflictItem *self);
AwbSessionChange   awb_conflict_item_get_change   (AwbConflictItem *self);

char              *awb_conflict_describe_record   (const char      *entity,
                                                   const char      *key,
                                                   JsonNode        *mine,
                                                   JsonNode        *theirs);

G_END_DECLS
