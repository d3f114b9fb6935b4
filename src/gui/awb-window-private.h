/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awb-case-page.h"
#include "awb-case-sidebar.h"
#include "awb-window.h"

G_BEGIN_DECLS

/* Shared by awb-window.c (the window) and awb-window-actions.c (its actions). */
struct _AwbWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AwbCaseSidebar       *sidebar;
  GtkWidget            *sidebar_separator;
  GtkStack             *main_stack;
  AwbCasePage          *case_page;

  AwbSession           *session;
  gulong                changed_id;
  gulong                failed_id;
  gboolean              show_cases;
  GCancellable         *export_cancellable;
};

void _awb_window_class_init_actions (GtkWidgetClass *widget_class);
void _awb_window_update_actions     (AwbWindow      *self);
void _awb_window_set_show_cases     (AwbWindow      *self,
                                     gboolean        show);

G_END_DECLS
