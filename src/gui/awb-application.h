/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awb-database.h"

G_BEGIN_DECLS

#define AWB_TYPE_APPLICATION (awb_application_get_type ())
G_DECLARE_FINAL_TYPE (AwbApplication, awb_application, AWB, APPLICATION, AdwApplication)

AwbApplication *awb_application_new          (void);
AwbDatabase    *awb_application_get_database (AwbApplication *self);
GSettings      *awb_application_get_settings (AwbApplication *self);

G_END_DECLS
