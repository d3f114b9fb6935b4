/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_REQUIREMENT_PAGE (awb_requirement_page_get_type ())
G_DECLARE_FINAL_TYPE (AwbRequirementPage, awb_requirement_page, AWB, REQUIREMENT_PAGE, GtkWidget)

void            awb_requirement_page_set_session     (AwbRequirementPage *self,
                                                      AwbSession         *session);
void            awb_requirement_page_show            (AwbRequirementPage *self,
                                                      AwbRequirement     *requirement);
AwbRequirement *awb_requirement_page_get_requirement (AwbRequirementPage *self);
void            awb_requirement_page_focus           (AwbRequirementPage *self);

G_END_DECLS
