/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-history-item.h"

G_BEGIN_DECLS

#define AWB_TYPE_HISTORY_ROW (awb_history_row_get_type ())
G_DECLARE_FINAL_TYPE (AwbHistoryRow, awb_history_row, AWB, HISTORY_ROW, GtkWidget)

GtkWidget  *awb_history_row_new         (void);
void        awb_history_row_show        (AwbHistoryRow  *self,
                                         AwbHistoryItem *item);
const char *awb_history_row_get_summary (AwbHistoryRow  *self);

G_END_DECLS
