/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awb-finding.h"
#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_FINDING_DIALOG (awb_finding_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AwbFindingDialog, awb_finding_dialog, AWB, FINDING_DIALOG, AdwWindow)

GtkWidget *awb_finding_dialog_new (GtkWindow  *parent,
                                   AwbSession *session,
                                   const char *requirement_id,
                                   AwbFinding *finding);

G_END_DECLS
