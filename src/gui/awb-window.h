/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awb-application.h"

G_BEGIN_DECLS

#define AWB_TYPE_WINDOW (awb_window_get_type ())
G_DECLARE_FINAL_TYPE (AwbWindow, awb_window, AWB, WINDOW, AdwApplicationWindow)

AwbWindow *awb_window_new (AwbApplication *app);

G_END_DECLS
