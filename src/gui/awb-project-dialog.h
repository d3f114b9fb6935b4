/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awb-session.h"
#include "awb-project.h"

G_BEGIN_DECLS

#define AWB_TYPE_PROJECT_DIALOG (awb_project_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AwbProjectDialog, awb_project_dialog, AWB, PROJECT_DIALOG, AdwWindow)

GtkWidget *awb_project_dialog_new (GtkWindow  *parent,
                                   AwbSession *session,
                                   AwbProject *project);

G_END_DECLS
