/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_REQUIREMENTS_PAGE (awb_requirements_page_get_type ())
G_DECLARE_FINAL_TYPE (AwbRequirementsPage, awb_requirements_page, AWB, REQUIREMENTS_PAGE, GtkWidget)

void            awb_requirements_page_set_session      (AwbRequirementsPage *self,
                                                        AwbSession          *session);
gboolean        awb_requirements_page_select           (AwbRequirementsPage *self,
                                                        const char          *requirement_id);
AwbRequirement *awb_requirements_page_get_requirement  (AwbRequirementsPage *self);
void            awb_requirements_page_focus_search     (AwbRequirementsPage *self);
void            awb_requirements_page_set_filter       (AwbRequirementsPage *self,
                                                        guint                filter);

G_END_DECLS
