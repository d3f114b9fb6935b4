/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-case-row"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-case-row.h"

/* A case in the sidebar: the applicant, then stage, application type and
 * credit code; a lock while the panel has it, a badge on the demo case. */

struct _AwbCaseRow
{
  GtkWidget  parent_instance;

  GtkLabel  *applicant_label;
  GtkWidget *locked_icon;
  GtkWidget *demo_badge;
  GtkLabel  *detail_label;

  char      *summary;
};

G_DEFINE_FINAL_TYPE (AwbCaseRow, awb_case_row, GTK_TYPE_WIDGET)

static void
awb_case_row_dispose (GObject *object)
{
  GtkWidget *child;
  AwbCaseRow *self = (AwbCaseRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_CASE_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (awb_case_row_parent_class)->dispose (object);
}

static void
awb_case_row_class_init (AwbCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_case_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbCaseRow, applicant_label);
  gtk_widget_class_bind_template_child (widget_class, AwbCaseRow, locked_icon);
  gtk_widget_class_bind_template_child (widget_class, AwbCaseRow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, AwbCaseRow, detail_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_case_row_init (AwbCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awb_case_row_new (void)
{
  return g_object_new (AWB_TYPE_CASE_ROW, NULL);
}

void
awb_case_row_show_case (AwbCaseRow *self,
                        AwbCase    *kase)
{
  g_autofree char *detail = NULL;
  const char *type;

  g_return_if_fail (AWB_IS_CASE_ROW (self));

  type = awb_case_is_maintenance (kase) ? _("Maintenance") : _("Initial");
  gtk_label_set_text (self->applicant_label, awb_case_get_applicant (kase));
  /* Translators: stage · application type · credit code, under a case's applicant */
  detail = g_strdup_printf (_("%s · %s · %s"), awb_stage_label (awb_case_get_stage (kase)), type,
                            awb_case_get_credit_code (kase));
  gtk_label_set_text (self->detail_label, detail);
  gtk_widget_set_visible (self->locked_icon, awb_case_is_locked (kase));
  gtk_widget_set_visible (self->demo_badge, awb_case_get_is_demo (kase));

  g_free (self->summary);
  self->summary = g_strdup_printf ("%s%s, %s%s", awb_case_get_applicant (kase),
                                   awb_case_get_is_demo (kase) ? _(" (demo)") : "", detail,
                                   awb_case_is_locked (kase) ? _(", with the expert panel") : "");
}

const char *
awb_case_row_get_summary (AwbCaseRow *self)
{
  g_return_val_if_fail (AWB_IS_CASE_ROW (self), NULL);
  return self->summary;
}
