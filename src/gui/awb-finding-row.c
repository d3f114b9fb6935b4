/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-finding-row"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-finding-row.h"

/* A finding in a requirement's page: its kind, text, rectification action and
 * due date (overdue ones stand out), its status with a button to move it on,
 * and a delete button. Activating the row opens it for editing. */

struct _AwbFindingRow
{
  AdwActionRow  parent_instance;

  GtkLabel     *kind_badge;
  GtkLabel     *status_label;
  GtkButton    *advance_button;
  GtkWidget    *delete_button;

  AwbFinding   *finding;
};

G_DEFINE_FINAL_TYPE (AwbFindingRow, awb_finding_row, ADW_TYPE_ACTION_ROW)

static void
show_finding (AwbFindingRow *self)
{
  AwbFinding *finding = self->finding;
  AwbFindingKind kind = awb_finding_get_kind (finding);
  AwbFindingStatus status = awb_finding_get_status (finding);
  const char *action = awb_finding_get_action (finding);
  const char *due = awb_finding_get_due (finding);
  const char *id = awb_finding_get_id (finding);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  g_autofree char *delete_label = NULL;
  g_autofree char *advance_label = NULL;

  gtk_label_set_text (self->kind_badge, awb_finding_kind_label (kind));
  if (kind == AWB_FINDING_NONCONFORMITY)
    gtk_widget_add_css_class (GTK_WIDGET (self->kind_badge), "nonconformity");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->kind_badge), "observation");

  title = g_markup_escape_text (awb_finding_get_text (finding), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  if (action != NULL && *action != '\0')
    /* Translators: the rectification a finding asks for */
    g_string_append_printf (subtitle, _("Action: %s"), action);
  else if (kind == AWB_FINDING_NONCONFORMITY)
    g_string_append (subtitle, _("No rectification action yet"));
  if (due != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      if (awb_finding_is_overdue (finding))
        g_string_append_printf (subtitle, _("Overdue since %s"), due);
      else
        g_string_append_printf (subtitle, _("Due %s"), due);
    }
  else if (kind == AWB_FINDING_NONCONFORMITY)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("no due date"));
    }
  escaped = g_markup_escape_text (subtitle->str, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), escaped);
  if (awb_finding_is_overdue (finding))
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");

  gtk_label_set_text (self->status_label, awb_finding_status_label (status));
  switch (status)
    {
    case AWB_FINDING_OPEN:
      gtk_button_set_label (self->advance_button, _("Mark Rectified"));
      advance_label = g_strdup_printf (_("Mark finding “%s” rectified"),
                                       awb_finding_get_text (finding));
      break;
    case AWB_FINDING_RECTIFIED:
      gtk_button_set_label (self->advance_button, _("Mark Verified"));
      advance_label = g_strdup_printf (_("Mark finding “%s” verified"),
                                       awb_finding_get_text (finding));
      break;
    case AWB_FINDING_VERIFIED:
    case AWB_N_FINDING_STATUSES:
    default:
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->advance_button), advance_label != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), advance_label == NULL);
  if (advance_label != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->advance_button), "s", id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->advance_button), "win.advance-finding");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->advance_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, advance_label, -1);
    }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "win.delete-finding");
  delete_label = g_strdup_printf (_("Delete finding “%s”"), awb_finding_get_text (finding));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
}

static void
awb_finding_row_dispose (GObject *object)
{
  AwbFindingRow *self = (AwbFindingRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_FINDING_ROW);
  g_clear_object (&self->finding);

  G_OBJECT_CLASS (awb_finding_row_parent_class)->dispose (object);
}

static void
awb_finding_row_class_init (AwbFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_finding_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbFindingRow, kind_badge);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingRow, advance_button);
  gtk_widget_class_bind_template_child (widget_class, AwbFindingRow, delete_button);
}

static void
awb_finding_row_init (AwbFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awb_finding_row_new (AwbFinding *finding)
{
  AwbFindingRow *self = g_object_new (AWB_TYPE_FINDING_ROW, NULL);

  self->finding = g_object_ref (finding);
  show_finding (self);
  return GTK_WIDGET (self);
}

AwbFinding *
awb_finding_row_get_finding (AwbFindingRow *self)
{
  g_return_val_if_fail (AWB_IS_FINDING_ROW (self), NULL);
  return self->finding;
}
