/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awb-database.h"

G_BEGIN_DECLS

#define AWB_TYPE_NEW_CASE_DIALOG (awb_new_case_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AwbNewCaseDialog, awb_new_case_dialog, AWB, NEW_CASE_DIALOG, AdwWindow)

GtkWidget *awb_new_case_dialog_new (GtkWindow   *parent,
                                    AwbDatabase *db,
                                    const char  *baseline_case_id);

G_END_DECLS
