/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-conflict-item.h"

G_BEGIN_DECLS

#define AWB_TYPE_CONFLICT_ROW (awb_conflict_row_get_type ())
G_DECLARE_FINAL_TYPE (AwbConflictRow, awb_conflict_row, AWB, CONFLICT_ROW, GtkWidget)

GtkWidget  *awb_conflict_row_new         (void);
void        awb_conflict_row_show        (AwbConflictRow  *self,
                                          AwbConflictItem *item);
const char *awb_conflict_row_get_summary (AwbConflictRow  *self);

G_END_DECLS
