/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awb-method.h"
#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_EVIDENCE_DIALOG (awb_evidence_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AwbEvidenceDialog, awb_evidence_dialog, AWB, EVIDENCE_DIALOG, AdwWindow)

GtkWidget *awb_evidence_dialog_new_item (GtkWindow          *parent,
                                         AwbSession         *session,
                                         AwbRequirement     *requirement,
                                         AwbMethod           method,
                                         const char * const *files);
GtkWidget *awb_evidence_dialog_new_edit (GtkWindow          *parent,
                                         AwbSession         *session,
                                         const char         *evidence_id,
                                         GError            **error);
void       awb_evidence_dialog_set_method (AwbEvidenceDialog *self,
                                           AwbMethod          method);
void       awb_evidence_dialog_add_files  (AwbEvidenceDialog  *self,
                                           const char * const *paths);

G_END_DECLS
