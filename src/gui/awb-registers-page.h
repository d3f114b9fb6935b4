/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_REGISTERS_PAGE (awb_registers_page_get_type ())
G_DECLARE_FINAL_TYPE (AwbRegistersPage, awb_registers_page, AWB, REGISTERS_PAGE, GtkWidget)

void awb_registers_page_set_session (AwbRegistersPage *self,
                                     AwbSession       *session);

G_END_DECLS
