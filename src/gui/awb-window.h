/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awb-application.h"
#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_WINDOW (awb_window_get_type ())
G_DECLARE_FINAL_TYPE (AwbWindow, awb_window, AWB, WINDOW, AdwApplicationWindow)

AwbWindow  *awb_window_new            (AwbApplication *app);
gboolean    awb_window_open_case      (AwbWindow      *self,
                                       const char     *case_id,
                                       GError        **error);
void        awb_window_close_case     (AwbWindow      *self);
AwbSession *awb_window_get_session    (AwbWindow      *self);
void        awb_window_add_toast      (AwbWindow      *self,
                                       AdwToast       *toast);
void        awb_window_reload_cases   (AwbWindow      *self);
void        awb_window_show_message   (GtkWidget      *widget,
                                       const char     *message);
void        awb_window_export_package (AwbWindow      *self,
                                       const char     *path,
                                       gboolean        replace);
void        awb_window_import_package (AwbWindow      *self,
                                       const char     *path);
gboolean    awb_window_is_busy        (AwbWindow      *self);

G_END_DECLS
