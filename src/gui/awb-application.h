/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awb-database.h"

G_BEGIN_DECLS

#define AWB_TYPE_APPLICATION (awb_application_get_type ())
G_DECLARE_FINAL_TYPE (AwbApplication, awb_application, AWB, APPLICATION, AdwApplication)

AwbApplication *awb_application_new                (void);
gboolean        awb_application_open_database      (AwbApplication *self,
                                                    const char     *path,
                                                    GError        **error);
AwbDatabase    *awb_application_get_database       (AwbApplication *self);
GSettings      *awb_application_get_settings       (AwbApplication *self);
const char     *awb_application_get_case_to_open   (AwbApplication *self);
char           *awb_application_get_evaluator_name (AwbApplication *self);
void            awb_application_set_evaluator_name (AwbApplication *self,
                                                    const char     *name);
const char     *awb_application_get_actor          (AwbApplication *self);

G_END_DECLS
