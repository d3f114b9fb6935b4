/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-project-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-autosave.h"
#include "awb-project-dialog.h"
#include "awb-window.h"

/* A project of the register of the last three years: client, service,
 * period and whether its acceptance passed. A new entry is recorded with
 * "Add"; an existing one saves each change as it is made, and can be deleted. */

struct _AwbProjectDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget      *cancel_button;
  GtkWidget      *delete_button;
  GtkWidget      *add_button;
  GtkLabel       *error_label;
  AdwEntryRow    *client_row;
  AdwEntryRow    *service_row;
  AdwEntryRow    *from_row;
  AdwEntryRow    *to_row;
  GtkSwitch      *switch_;

  AwbSession     *session;
  AwbProject     *project;  /* NULL for a new entry */
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (AwbProjectDialog, awb_project_dialog, ADW_TYPE_WINDOW)

static char *
text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_error (AwbProjectDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
save (AwbProjectDialog *self,
      GError        **error)
{
  g_autofree char *client = text_of (self->client_row);
  g_autofree char *service = text_of (self->service_row);
  g_autofree char *from = text_of (self->from_row);
  g_autofree char *to = text_of (self->to_row);

  return awb_project_update (awb_session_get_database (self->session),
                             awb_project_get_id (self->project), client, service, from, to,
                             gtk_switch_get_active (self->switch_),
                             awb_session_get_actor (self->session), error);
}

static gboolean
commit_cb (GtkWidget  *field,
           const char *text,
           gpointer    user_data,
           GError    **error)
{
  AwbProjectDialog *self = user_data;

  return self->project == NULL || save (self, error);
}

static void
result_cb (GtkWidget    *field,
           const GError *error,
           gpointer      user_data)
{
  AwbProjectDialog *self = user_data;

  if (self->project == NULL)
    return;
  if (error != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      show_error (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (field, "error");
  show_error (self, NULL);
  awb_session_refresh (self->session, AWB_SESSION_REGISTERS);
}

static void
on_switch_active_cb (AwbProjectDialog *self,
                     GParamSpec     *pspec,
                     GtkSwitch      *sw)
{
  g_autoptr(GError) error = NULL;

  if (self->project == NULL || self->loading)
    return;
  if (!save (self, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  awb_session_refresh (self->session, AWB_SESSION_REGISTERS);
}

static void
on_add_button_clicked_cb (AwbProjectDialog *self,
                          GtkButton      *button)
{
  g_autofree char *client = text_of (self->client_row);
  g_autofree char *service = text_of (self->service_row);
  g_autofree char *from = text_of (self->from_row);
  g_autofree char *to = text_of (self->to_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = awb_project_add (awb_session_get_database (self->session),
                        awb_session_get_case_id (self->session), client, service, from, to,
                        gtk_switch_get_active (self->switch_),
                        awb_session_get_actor (self->session), &error);
  if (id == NULL)
    {
      show_error (self, error->message);
      return;
    }
  awb_session_refresh (self->session, AWB_SESSION_REGISTERS);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_button_clicked_cb (AwbProjectDialog *self,
                             GtkButton      *button)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *message = NULL;

  if (!awb_project_remove (awb_session_get_database (self->session),
                           awb_project_get_id (self->project), awb_session_get_actor (self->session),
                           &error))
    {
      show_error (self, error->message);
      return;
    }
  awb_session_refresh (self->session, AWB_SESSION_REGISTERS);
  /* Translators: a toast after removing a project from the register */
  message = g_strdup_printf (_("Project for “%s” removed from the register"),
                             awb_project_get_client (self->project));
  if (parent != NULL)
    awb_window_show_message (GTK_WIDGET (parent), message);
  g_clear_object (&self->project);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
awb_project_dialog_close_request (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);
  return GTK_WINDOW_CLASS (awb_project_dialog_parent_class)->close_request (window);
}

static void
awb_project_dialog_dispose (GObject *object)
{
  AwbProjectDialog *self = (AwbProjectDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_PROJECT_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (awb_project_dialog_parent_class)->dispose (object);
}

static void
awb_project_dialog_class_init (AwbProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = awb_project_dialog_dispose;
  window_class->close_request = awb_project_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbProjectDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AwbProjectDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AwbProjectDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AwbProjectDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AwbProjectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwbProjectDialog, client_row);
  gtk_widget_class_bind_template_child (widget_class, AwbProjectDialog, service_row);
  gtk_widget_class_bind_template_child (widget_class, AwbProjectDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, AwbProjectDialog, to_row);
  gtk_widget_class_bind_template_child_full (widget_class, "switch", FALSE,
                                             G_STRUCT_OFFSET (AwbProjectDialog, switch_));
  gtk_widget_class_bind_template_callback (widget_class, on_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awb_project_dialog_init (AwbProjectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A dialog adding a project to the session's register, or on project. */
GtkWidget *
awb_project_dialog_new (GtkWindow  *parent,
                        AwbSession *session,
                        AwbProject *project)
{
  AwbProjectDialog *self = g_object_new (AWB_TYPE_PROJECT_DIALOG,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                         "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  if (project == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Project"));
      gtk_switch_set_active (self->switch_, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->client_row));
      return GTK_WIDGET (self);
    }

  self->project = g_object_ref (project);
  self->loading = TRUE;
  adw_window_title_set_title (self->window_title, awb_project_get_client (project));
  adw_window_title_set_subtitle (self->window_title, _("Changes are saved as you make them"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_set_visible (self->delete_button, !awb_session_is_locked (session));
  gtk_editable_set_text (GTK_EDITABLE (self->client_row), awb_project_get_client (project));
  gtk_editable_set_text (GTK_EDITABLE (self->service_row), awb_project_get_service (project));
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), awb_project_get_from (project));
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), awb_project_get_to (project));
  gtk_switch_set_active (self->switch_, awb_project_get_accepted (project));
  self->loading = FALSE;
  awb_autosave_attach (GTK_WIDGET (self->client_row), commit_cb, result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->service_row), commit_cb, result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->from_row), commit_cb, result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->to_row), commit_cb, result_cb, self);
  return GTK_WIDGET (self);
}
