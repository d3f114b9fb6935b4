/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-database.h"

G_BEGIN_DECLS

#define AWB_TYPE_CASE_SIDEBAR (awb_case_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (AwbCaseSidebar, awb_case_sidebar, AWB, CASE_SIDEBAR, GtkWidget)

gboolean    awb_case_sidebar_load         (AwbCaseSidebar *self,
                                           AwbDatabase    *db,
                                           GError        **error);
void        awb_case_sidebar_select       (AwbCaseSidebar *self,
                                           const char     *case_id);
guint       awb_case_sidebar_get_n_cases  (AwbCaseSidebar *self);
GListModel *awb_case_sidebar_get_cases    (AwbCaseSidebar *self);
void        awb_case_sidebar_focus_search (AwbCaseSidebar *self);

G_END_DECLS
