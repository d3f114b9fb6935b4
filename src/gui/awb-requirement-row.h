/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-judge.h"
#include "awb-requirement.h"
#include "awb-section.h"

G_BEGIN_DECLS

#define AWB_TYPE_REQUIREMENT_ROW (awb_requirement_row_get_type ())
G_DECLARE_FINAL_TYPE (AwbRequirementRow, awb_requirement_row, AWB, REQUIREMENT_ROW, GtkWidget)

GtkWidget *awb_requirement_row_new             (void);
void       awb_requirement_row_show_section    (AwbRequirementRow             *self,
                                                AwbSection                    *section,
                                                guint                          n_rated,
                                                guint                          n_requirements);
void       awb_requirement_row_show_requirement (AwbRequirementRow             *self,
                                                 AwbRequirement                *requirement,
                                                 const AwbRequirementJudgement *judgement,
                                                 guint                          open_findings);
const char *awb_requirement_row_get_summary      (AwbRequirementRow             *self);

G_END_DECLS
