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
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;

  AwbSession           *session;
  gulong                changed_id;
  gulong                failed_id;
  gboolean              show_cases;
  GCancellable         *export_cancellable;  /* while an export or import runs */
  guint                 pulse_id;
  char                 *progress_text;
};

void _awb_window_class_init_actions         (GtkWidgetClass *widget_class);
void _awb_window_class_init_package_actions (GtkWidgetClass *widget_class);
void _awb_window_update_actions             (AwbWindow      *self);
void _awb_window_set_show_cases             (AwbWindow      *self,
                                             gboolean        show);
void _awb_window_show_progress              (AwbWindow      *self,
                                             const char     *text,
                                             double          fraction);
void _awb_window_hide_progress              (AwbWindow      *self);
/* A toast saying a file was written (title), whose button (label) opens path
 * — the file itself or its folder — with the default application. */
void _awb_window_toast_written               (AwbWindow      *self,
                                              const char     *title,
                                              const char     *button_label,
                                              const char     *path);

G_END_DECLS
