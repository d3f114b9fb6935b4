/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-staff-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-autosave.h"
#include "awb-staff-dialog.h"
#include "awb-window.h"

/* A person of the staff register: name, full-time or not, certificate kind,
 * number and validity. A new entry is recorded with "Add"; an existing one
 * saves each change as it is made, and can be deleted. */

struct _AwbStaffDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget      *cancel_button;
  GtkWidget      *delete_button;
  GtkWidget      *add_button;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *kind_row;
  AdwEntryRow    *number_row;
  AdwEntryRow    *valid_row;
  GtkSwitch      *switch_;

  AwbSession     *session;
  AwbStaff       *staff;  /* NULL for a new entry */
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (AwbStaffDialog, awb_staff_dialog, ADW_TYPE_WINDOW)

static char *
text_of (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_error (AwbStaffDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
save (AwbStaffDialog *self,
      GError        **error)
{
  g_autofree char *name = text_of (self->name_row);
  g_autofree char *kind = text_of (self->kind_row);
  g_autofree char *number = text_of (self->number_row);
  g_autofree char *valid = text_of (self->valid_row);

  return awb_staff_update (awb_session_get_database (self->session), awb_staff_get_id (self->staff),
                           name, gtk_switch_get_active (self->switch_),
                           *kind != '\0' ? kind : NULL, number, valid,
                           awb_session_get_actor (self->session), error);
}

static gboolean
commit_cb (GtkWidget  *field,
           const char *text,
           gpointer    user_data,
           GError    **error)
{
  AwbStaffDialog *self = user_data;

  return self->staff == NULL || save (self, error);
}

static void
result_cb (GtkWidget    *field,
           const GError *error,
           gpointer      user_data)
{
  AwbStaffDialog *self = user_data;

  if (self->staff == NULL)
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
on_switch_active_cb (AwbStaffDialog *self,
                     GParamSpec     *pspec,
                     GtkSwitch      *sw)
{
  g_autoptr(GError) error = NULL;

  if (self->staff == NULL || self->loading)
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
on_add_button_clicked_cb (AwbStaffDialog *self,
                          GtkButton      *button)
{
  g_autofree char *name = text_of (self->name_row);
  g_autofree char *kind = text_of (self->kind_row);
  g_autofree char *number = text_of (self->number_row);
  g_autofree char *valid = text_of (self->valid_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = awb_staff_add (awb_session_get_database (self->session),
                      awb_session_get_case_id (self->session), name,
                      gtk_switch_get_active (self->switch_), *kind != '\0' ? kind : NULL, number,
                      valid, awb_session_get_actor (self->session), &error);
  if (id == NULL)
    {
      show_error (self, error->message);
      return;
    }
  awb_session_refresh (self->session, AWB_SESSION_REGISTERS);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_button_clicked_cb (AwbStaffDialog *self,
                             GtkButton      *button)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *message = NULL;

  if (!awb_staff_remove (awb_session_get_database (self->session), awb_staff_get_id (self->staff),
                         awb_session_get_actor (self->session), &error))
    {
      show_error (self, error->message);
      return;
    }
  awb_session_refresh (self->session, AWB_SESSION_REGISTERS);
  /* Translators: a toast after removing a person from the staff register */
  message = g_strdup_printf (_("“%s” removed from the staff register"),
                             awb_staff_get_name (self->staff));
  if (parent != NULL)
    awb_window_show_message (GTK_WIDGET (parent), message);
  g_clear_object (&self->staff);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
awb_staff_dialog_close_request (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);
  return GTK_WINDOW_CLASS (awb_staff_dialog_parent_class)->close_request (window);
}

static void
awb_staff_dialog_dispose (GObject *object)
{
  AwbStaffDialog *self = (AwbStaffDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_STAFF_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (awb_staff_dialog_parent_class)->dispose (object);
}

static void
awb_staff_dialog_class_init (AwbStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = awb_staff_dialog_dispose;
  window_class->close_request = awb_staff_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbStaffDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AwbStaffDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AwbStaffDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AwbStaffDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AwbStaffDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwbStaffDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AwbStaffDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AwbStaffDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, AwbStaffDialog, valid_row);
  gtk_widget_class_bind_template_child_full (widget_class, "switch", FALSE,
                                             G_STRUCT_OFFSET (AwbStaffDialog, switch_));
  gtk_widget_class_bind_template_callback (widget_class, on_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awb_staff_dialog_init (AwbStaffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A dialog adding a person to the session's staff register, or on staff. */
GtkWidget *
awb_staff_dialog_new (GtkWindow  *parent,
                      AwbSession *session,
                      AwbStaff   *staff)
{
  AwbStaffDialog *self = g_object_new (AWB_TYPE_STAFF_DIALOG,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                         "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  if (staff == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Staff Member"));
      gtk_editable_set_text (GTK_EDITABLE (self->kind_row), AWB_STAFF_DEFAULT_CERT_KIND);
      gtk_switch_set_active (self->switch_, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return GTK_WIDGET (self);
    }

  self->staff = g_object_ref (staff);
  self->loading = TRUE;
  adw_window_title_set_title (self->window_title, awb_staff_get_name (staff));
  adw_window_title_set_subtitle (self->window_title, _("Changes are saved as you make them"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_set_visible (self->delete_button, !awb_session_is_locked (session));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), awb_staff_get_name (staff));
  gtk_editable_set_text (GTK_EDITABLE (self->kind_row), awb_staff_get_cert_kind (staff));
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), awb_staff_get_cert_no (staff));
  gtk_editable_set_text (GTK_EDITABLE (self->valid_row), awb_staff_get_valid_until (staff));
  gtk_switch_set_active (self->switch_, awb_staff_get_full_time (staff));
  self->loading = FALSE;
  awb_autosave_attach (GTK_WIDGET (self->name_row), commit_cb, result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->kind_row), commit_cb, result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->number_row), commit_cb, result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->valid_row), commit_cb, result_cb, self);
  return GTK_WIDGET (self);
}
