/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-registers-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "awb-project.h"
#include "awb-project-dialog.h"
#include "awb-registers-page.h"
#include "awb-staff.h"
#include "awb-staff-dialog.h"

/* The registers behind the two quantitative requirements: the staff (3.2.3-5)
 * and the projects of the last three years (3.2.6-2), each under the live
 * result of its check. The tables are column views over the core's models;
 * activating a row opens it for editing. */

struct _AwbRegistersPage
{
  GtkWidget      parent_instance;

  AdwActionRow  *staff_check_row;
  GtkImage      *staff_check_icon;
  GtkColumnView *staff_view;
  GtkLabel      *staff_empty;
  GtkWidget     *add_staff_button;
  AdwActionRow  *acceptance_check_row;
  GtkImage      *acceptance_check_icon;
  GtkColumnView *projects_view;
  GtkLabel      *projects_empty;
  GtkWidget     *add_projects_button;

  AwbSession    *session;
  gulong         changed_id;
  gboolean       dirty;
};

G_DEFINE_FINAL_TYPE (AwbRegistersPage, awb_registers_page, GTK_TYPE_WIDGET)

static char *
format_yes_no (gpointer unused,
               gboolean value)
{
  return g_strdup (value ? _("Yes") : _("No"));
}

static char *
format_accepted (gpointer unused,
                 gboolean accepted)
{
  return g_strdup (accepted ? C_("project acceptance", "Passed")
                            : C_("project acceptance", "Failed"));
}

/* Rows are opened, not chosen: nothing is selected until a row is clicked. */
static GtkSelectionModel *
selection_of (GListModel *model)
{
  GtkSingleSelection *selection;

  if (model == NULL)
    return NULL;
  selection = gtk_single_selection_new (g_object_ref (model));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  return GTK_SELECTION_MODEL (selection);
}

static void
show_check (AdwActionRow         *row,
            GtkImage             *icon,
            const AwbCheckResult *check,
            const char           *title)
{
  g_autofree char *heading = NULL;
  g_autofree char *figures = g_markup_escape_text (check->figures != NULL ? check->figures : "", -1);

  heading = g_strdup_printf ("%s %s — %s", check->requirement_id != NULL ? check->requirement_id : "",
                             title, check->passed ? _("passed") : _("failed"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
  adw_action_row_set_subtitle (row, figures);
  gtk_image_set_from_icon_name (icon, check->passed ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (icon), check->passed ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (icon), check->passed ? "success" : "error");
}

static void
show_registers (AwbRegistersPage *self)
{
  AwbDatabase *db = awb_session_get_database (self->session);
  const char *case_id = awb_session_get_case_id (self->session);
  AwbJudgement *judgement = awb_session_get_judgement (self->session);
  gboolean locked = awb_session_is_locked (self->session);
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GError) error = NULL;

  if (judgement == NULL)
    return;  /* shown when the judgement arrives */
  self->dirty = FALSE;
  show_check (self->staff_check_row, self->staff_check_icon, &judgement->staff_check,
              _("Certified full-time staff"));
  show_check (self->acceptance_check_row, self->acceptance_check_icon,
              &judgement->acceptance_check, _("No failed acceptance"));

  staff = awb_staff_list (db, case_id, &error);
  if (staff == NULL)
    {
      g_warning ("Cannot read the staff register: %s", error->message);
      g_clear_error (&error);
    }
  projects = awb_project_list (db, case_id, &error);
  if (projects == NULL)
    g_warning ("Cannot read the project register: %s", error->message);

  gtk_column_view_set_model (self->staff_view, selection_of (staff));
  gtk_column_view_set_model (self->projects_view, selection_of (projects));
  gtk_label_set_text (self->staff_empty,
                      staff != NULL && g_list_model_get_n_items (staff) > 0
                        ? "" : _("Nobody in the register yet."));
  gtk_widget_set_visible (GTK_WIDGET (self->staff_empty),
                          staff == NULL || g_list_model_get_n_items (staff) == 0);
  gtk_label_set_text (self->projects_empty, _("No project in the register yet."));
  gtk_widget_set_visible (GTK_WIDGET (self->projects_empty),
                          projects == NULL || g_list_model_get_n_items (projects) == 0);
  gtk_widget_set_sensitive (self->add_staff_button, !locked);
  gtk_widget_set_sensitive (self->add_projects_button, !locked);
}

static void
on_session_changed_cb (AwbRegistersPage *self,
                       guint             what,
                       AwbSession       *session)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_registers (self);
  else
    self->dirty = TRUE;
}

static void
on_add_staff_button_clicked_cb (AwbRegistersPage *self,
                                GtkButton        *button)
{
  GtkWidget *dialog = awb_staff_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                            self->session, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_projects_button_clicked_cb (AwbRegistersPage *self,
                                   GtkButton        *button)
{
  GtkWidget *dialog = awb_project_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              self->session, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_staff_view_activate_cb (AwbRegistersPage *self,
                           guint             position,
                           GtkColumnView    *view)
{
  g_autoptr(AwbStaff) staff = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)),
                                                     position);
  GtkWidget *dialog;

  if (staff == NULL)
    return;
  dialog = awb_staff_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 self->session, staff);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_projects_view_activate_cb (AwbRegistersPage *self,
                              guint             position,
                              GtkColumnView    *view)
{
  g_autoptr(AwbProject) project = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)),
                                                         position);
  GtkWidget *dialog;

  if (project == NULL)
    return;
  dialog = awb_project_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   self->session, project);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
awb_registers_page_map (GtkWidget *widget)
{
  AwbRegistersPage *self = AWB_REGISTERS_PAGE (widget);

  GTK_WIDGET_CLASS (awb_registers_page_parent_class)->map (widget);
  if (self->dirty && self->session != NULL)
    show_registers (self);
}

static void
awb_registers_page_dispose (GObject *object)
{
  GtkWidget *child;
  AwbRegistersPage *self = (AwbRegistersPage *) object;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_REGISTERS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (awb_registers_page_parent_class)->dispose (object);
}

static void
awb_registers_page_class_init (AwbRegistersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_registers_page_dispose;
  widget_class->map = awb_registers_page_map;

  g_type_ensure (AWB_TYPE_STAFF);
  g_type_ensure (AWB_TYPE_PROJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-registers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbRegistersPage, staff_check_row);
  gtk_widget_class_bind_template_child (widget_class, AwbRegistersPage, staff_check_icon);
  gtk_widget_class_bind_template_child (widget_class, AwbRegistersPage, staff_view);
  gtk_widget_class_bind_template_child (widget_class, AwbRegistersPage, staff_empty);
  gtk_widget_class_bind_template_child (widget_class, AwbRegistersPage, add_staff_button);
  gtk_widget_class_bind_template_child (widget_class, AwbRegistersPage, acceptance_check_row);
  gtk_widget_class_bind_template_child (widget_class, AwbRegistersPage, acceptance_check_icon);
  gtk_widget_class_bind_template_child (widget_class, AwbRegistersPage, projects_view);
  gtk_widget_class_bind_template_child (widget_class, AwbRegistersPage, projects_empty);
  gtk_widget_class_bind_template_child (widget_class, AwbRegistersPage, add_projects_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_staff_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_projects_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_projects_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_yes_no);
  gtk_widget_class_bind_template_callback (widget_class, format_accepted);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_registers_page_init (AwbRegistersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
awb_registers_page_set_session (AwbRegistersPage *self,
                                AwbSession       *session)
{
  g_return_if_fail (AWB_IS_REGISTERS_PAGE (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  gtk_column_view_set_model (self->staff_view, NULL);
  gtk_column_view_set_model (self->projects_view, NULL);
  if (session == NULL)
    return;
  self->changed_id = g_signal_connect_object (session, "changed",
                                              G_CALLBACK (on_session_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  on_session_changed_cb (self, AWB_SESSION_ALL, session);
}
