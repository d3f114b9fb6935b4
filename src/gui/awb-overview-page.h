/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_OVERVIEW_PAGE (awb_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (AwbOverviewPage, awb_overview_page, AWB, OVERVIEW_PAGE, GtkWidget)

void awb_overview_page_set_session (AwbOverviewPage *self,
                                    AwbSession      *session);

G_END_DECLS
