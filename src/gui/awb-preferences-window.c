/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-application.h"
#include "awb-autosave.h"
#include "awb-preferences-window.h"

/* The preferences: the evaluator's name, saved as it is typed (in GSettings
 * when the schema is installed, else for this run). */

struct _AwbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *name_row;
};

G_DEFINE_FINAL_TYPE (AwbPreferencesWindow, awb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
commit_name_cb (GtkWidget  *field,
                const char *text,
                gpointer    user_data,
                GError    **error)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (user_data));

  if (app != NULL)
    awb_application_set_evaluator_name (AWB_APPLICATION (app), text);
  return TRUE;
}

static gboolean
awb_preferences_window_close_request (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);
  return GTK_WINDOW_CLASS (awb_preferences_window_parent_class)->close_request (window);
}

static void
awb_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AWB_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (awb_preferences_window_parent_class)->dispose (object);
}

static void
awb_preferences_window_class_init (AwbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = awb_preferences_window_dispose;
  window_class->close_request = awb_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbPreferencesWindow, name_row);
}

static void
awb_preferences_window_init (AwbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awb_preferences_window_new (GtkWindow *parent)
{
  AwbPreferencesWindow *self = g_object_new (AWB_TYPE_PREFERENCES_WINDOW,
                                             "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                             "transient-for", parent,
                                             "application", gtk_window_get_application (parent),
                                             NULL);
  GtkApplication *app = gtk_window_get_application (parent);
  g_autofree char *name = app != NULL ? awb_application_get_evaluator_name (AWB_APPLICATION (app))
                                      : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  awb_autosave_attach (GTK_WIDGET (self->name_row), commit_name_cb, NULL, self);
  return GTK_WIDGET (self);
}
