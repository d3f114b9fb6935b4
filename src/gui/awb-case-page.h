/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_CASE_PAGE (awb_case_page_get_type ())
G_DECLARE_FINAL_TYPE (AwbCasePage, awb_case_page, AWB, CASE_PAGE, GtkWidget)

void            awb_case_page_set_session         (AwbCasePage *self,
                                                   AwbSession  *session);
AwbSession     *awb_case_page_get_session         (AwbCasePage *self);
void            awb_case_page_show_page           (AwbCasePage *self,
                                                   const char  *name);
const char     *awb_case_page_get_visible_page    (AwbCasePage *self);
gboolean        awb_case_page_select_requirement  (AwbCasePage *self,
                                                   const char  *requirement_id);
AwbRequirement *awb_case_page_get_requirement     (AwbCasePage *self);
void            awb_case_page_focus_search        (AwbCasePage *self);
void            awb_case_page_show_progress       (AwbCasePage *self,
                                                   const char  *text,
                                                   double       fraction);
void            awb_case_page_hide_progress       (AwbCasePage *self);

G_END_DECLS
