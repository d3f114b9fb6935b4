/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-finding-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-autosave.h"
#include "awb-finding-dialog.h"
#include "awb-window.h"

/* A finding of a requirement: nonconformity or observation, what was found,
 * the rectification action and its due date. A new finding is recorded with
 * "Add"; an existing one saves each field when focus leaves it. */

struct _AwbFindingDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkWidget       *cancel_button;
  GtkWidget       *add_button;
  GtkLabel        *error_label;
  GtkWidget       *kind_box;
  GtkToggleButton *nonconformity_button;
  GtkToggleButton *observation_button;
  GtkTextView     *text_view;
  AdwEntryRow     *action_row;
  AdwEntryRow     *due_row;

  AwbSession      *session;
  char            *requirement_id;
  AwbFinding      *finding;  /* NULL for a new one */
};

G_DEFINE_FINAL_TYPE (AwbFindingDialog, awb_finding_dialog, ADW_TYPE_WINDOW)

static char *
field_text (GtkWidget *field)
{
  g_autofree char *text = NULL;

  if (GTK_IS_TEXT_VIEW (field))
    text = awb_autosave_get_text (field);
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
  return g_strstrip (g_steal_pointer (&text));
}

static void
show_error (AwbFindingDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_text_changed_cb (GtkTextBuffer    *buffer,
                    AwbFindingDialog *self)
{
  g_autofree char *text = field_text (GTK_WIDGET (self->text_view));

  gtk_widget_set_sensitive (self->add_button, *text != '\0');
}

static gboolean
commit_cb (GtkWidget  *field,
           const char *typed,
           gpointer    user_data,
           GError    **error)
{
  AwbFindingDialog *self = user_data;
  g_autofree char *text = field_text (GTK_WIDGET (self->text_view));
  g_autofree char *action = field_text (GTK_WIDGET (self->action_row));
  g_autofree char *due = field_text (GTK_WIDGET (self->due_row));

  if (self->finding == NULL)
    return TRUE;
  return awb_finding_update (awb_session_get_database (self->session),
                             awb_finding_get_id (self->finding), text,
                             *action != '\0' ? action : NULL, *due != '\0' ? due : NULL,
                             awb_session_get_actor (self->session), error);
}

static void
result_cb (GtkWidget    *field,
           const GError *error,
           gpointer      user_data)
{
  AwbFindingDialog *self = user_data;

  if (self->finding == NULL)
    return;
  if (error != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      show_error (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (field, "error");
  show_error (self, NULL);
  awb_session_refresh (self->session, AWB_SESSION_FINDINGS);
}

static void
on_cancel_button_clicked_cb (AwbFindingDialog *self,
                             GtkButton        *button)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_add_button_clicked_cb (AwbFindingDialog *self,
                          GtkButton        *button)
{
  g_autofree char *text = field_text (GTK_WIDGET (self->text_view));
  g_autofree char *action = field_text (GTK_WIDGET (self->action_row));
  g_autofree char *due = field_text (GTK_WIDGET (self->due_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AwbFindingKind kind = gtk_toggle_button_get_active (self->observation_button)
                          ? AWB_FINDING_OBSERVATION : AWB_FINDING_NONCONFORMITY;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  id = awb_finding_add (awb_session_get_database (self->session),
                        awb_session_get_case_id (self->session), self->requirement_id, kind, text,
                        *action != '\0' ? action : NULL, *due != '\0' ? due : NULL,
                        awb_session_get_actor (self->session), &error);
  if (id == NULL)
    {
      show_error (self, error->message);
      return;
    }
  awb_session_refresh (self->session, AWB_SESSION_FINDINGS);
  if (parent != NULL)
    awb_window_show_message (GTK_WIDGET (parent), _("Finding added"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
awb_finding_dialog_close_request (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);
  return GTK_WINDOW_CLASS (awb_finding_dialog_parent_class)->close_request (window);
}

static void
awb_finding_dialog_dispose (GObject *object)
{
  AwbFindingDialog *self = (AwbFindingDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_FINDING_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->finding);
  g_clear_pointer (&self->requirement_id, g_free);

  G_OBJECT_CLASS (awb_finding_dialog_parent_class)->dispose (object);
}

static void
awb_finding_dialog_class_init (AwbFindingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = awb_finding_dialog_dispose;
  window_class->close_request = awb_finding_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-finding-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbFindingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingDialog, kind_box);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingDialog, nonconformity_button);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingDialog, observation_button);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingDialog, action_row);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingDialog, due_row);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awb_finding_dialog_init (AwbFindingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (gtk_text_view_get_buffer (self->text_view), "changed",
                    G_CALLBACK (on_text_changed_cb), self);
}

/* A dialog for a new finding of requirement_id, or on finding. */
GtkWidget *
awb_finding_dialog_new (GtkWindow  *parent,
                        AwbSession *session,
                        const char *requirement_id,
                        AwbFinding *finding)
{
  AwbFindingDialog *self = g_object_new (AWB_TYPE_FINDING_DIALOG,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                         "transient-for", parent, NULL);
  g_autofree char *subtitle = NULL;

  self->session = g_object_ref (session);
  self->requirement_id = g_strdup (requirement_id);
  subtitle = g_strdup_printf (_("For %s"), requirement_id);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (finding == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Finding"));
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return GTK_WIDGET (self);
    }

  self->finding = g_object_ref (finding);
  adw_window_title_set_title (self->window_title, _("Finding"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_toggle_button_set_active (awb_finding_get_kind (finding) == AWB_FINDING_OBSERVATION
                                  ? self->observation_button : self->nonconformity_button, TRUE);
  /* the kind is chosen when the finding is recorded */
  gtk_widget_set_sensitive (self->kind_box, FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            awb_finding_get_text (finding), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->action_row),
                         awb_finding_get_action (finding) != NULL ? awb_finding_get_action (finding) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row),
                         awb_finding_get_due (finding) != NULL ? awb_finding_get_due (finding) : "");
  awb_autosave_attach (GTK_WIDGET (self->text_view), commit_cb, result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->action_row), commit_cb, result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->due_row), commit_cb, result_cb, self);
  if (awb_session_is_locked (session))
    {
      adw_window_title_set_subtitle (self->window_title,
                                     _("Locked while the expert panel has the case"));
      gtk_text_view_set_editable (self->text_view, FALSE);
      gtk_editable_set_editable (GTK_EDITABLE (self->action_row), FALSE);
      gtk_editable_set_editable (GTK_EDITABLE (self->due_row), FALSE);
    }
  return GTK_WIDGET (self);
}
