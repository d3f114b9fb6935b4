/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-case.h"

G_BEGIN_DECLS

#define AWB_TYPE_CASE_ROW (awb_case_row_get_type ())
G_DECLARE_FINAL_TYPE (AwbCaseRow, awb_case_row, AWB, CASE_ROW, GtkWidget)

GtkWidget  *awb_case_row_new         (void);
void        awb_case_row_show_case   (AwbCaseRow *self,
                                      AwbCase    *kase);
const char *awb_case_row_get_summary (AwbCaseRow *self);

G_END_DECLS
