/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-evidence.h"
#include "awb-requirement.h"

G_BEGIN_DECLS

#define AWB_TYPE_EVIDENCE_ROW (awb_evidence_row_get_type ())
G_DECLARE_FINAL_TYPE (AwbEvidenceRow, awb_evidence_row, AWB, EVIDENCE_ROW, GtkWidget)

GtkWidget  *awb_evidence_row_new           (void);
void        awb_evidence_row_show_group    (AwbEvidenceRow *self,
                                            AwbMethod       method,
                                            guint           n_items,
                                            AwbRequirement *requirement);
void        awb_evidence_row_show_evidence (AwbEvidenceRow *self,
                                            AwbEvidence    *evidence,
                                            const char     *requirement_id);
const char *awb_evidence_row_get_summary   (AwbEvidenceRow *self);

/* The icon of a method, shared by every view that shows one. */
const char *awb_method_icon_name           (AwbMethod       method);

G_END_DECLS
