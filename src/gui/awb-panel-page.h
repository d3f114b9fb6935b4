/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_PANEL_PAGE (awb_panel_page_get_type ())
G_DECLARE_FINAL_TYPE (AwbPanelPage, awb_panel_page, AWB, PANEL_PAGE, GtkWidget)

void awb_panel_page_set_session (AwbPanelPage *self,
                                 AwbSession   *session);

G_END_DECLS
