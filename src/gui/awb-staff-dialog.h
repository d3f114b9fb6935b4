/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awb-session.h"
#include "awb-staff.h"

G_BEGIN_DECLS

#define AWB_TYPE_STAFF_DIALOG (awb_staff_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AwbStaffDialog, awb_staff_dialog, AWB, STAFF_DIALOG, AdwWindow)

GtkWidget *awb_staff_dialog_new (GtkWindow  *parent,
                                 AwbSession *session,
                                 AwbStaff   *staff);

G_END_DECLS
