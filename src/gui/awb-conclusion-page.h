/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_CONCLUSION_PAGE (awb_conclusion_page_get_type ())
G_DECLARE_FINAL_TYPE (AwbConclusionPage, awb_conclusion_page, AWB, CONCLUSION_PAGE, GtkWidget)

void awb_conclusion_page_set_session (AwbConclusionPage *self,
                                      AwbSession        *session);

G_END_DECLS
