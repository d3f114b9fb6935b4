/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "awb-history.h"

G_BEGIN_DECLS

#define AWB_TYPE_HISTORY_ITEM (awb_history_item_get_type ())
G_DECLARE_FINAL_TYPE (AwbHistoryItem, awb_history_item, AWB, HISTORY_ITEM, GObject)

AwbHistoryItem        *awb_history_item_new       (AwbHistoryEntry *entry);
const AwbHistoryEntry *awb_history_item_get_entry (AwbHistoryItem  *self);
gboolean               awb_history_item_matches   (AwbHistoryItem  *self,
                                                   const char      *folded_needle);

G_END_DECLS
