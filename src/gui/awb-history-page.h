/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_HISTORY_PAGE (awb_history_page_get_type ())
G_DECLARE_FINAL_TYPE (AwbHistoryPage, awb_history_page, AWB, HISTORY_PAGE, GtkWidget)

void awb_history_page_set_session (AwbHistoryPage *self,
                                   AwbSession     *session);

G_END_DECLS
