/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-evidence-row"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-evidence-row.h"
#include "awb-locale.h"

/* A row of a requirement's evidence: either the heading of a method (with
 * how many items it has, or what evidence is typical when it has none) or one
 * item with how it bears on the requirement, its own details, and buttons to
 * edit or delete it. */

struct _AwbEvidenceRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkImage  *method_icon;
  GtkLabel  *title_label;
  GtkLabel  *supports_badge;
  GtkLabel  *detail_label;
  GtkWidget *edit_button;
  GtkWidget *delete_button;

  char      *summary;
};

G_DEFINE_FINAL_TYPE (AwbEvidenceRow, awb_evidence_row, GTK_TYPE_WIDGET)

static const char * const supports_classes[AWB_N_SUPPORTS] = {
  "supports-yes", "supports-partly", "supports-no"
};

const char *
awb_method_icon_name (AwbMethod method)
{
  switch (method)
    {
    case AWB_METHOD_DOCUMENT:
      return "awb-document-review-symbolic";
    case AWB_METHOD_INTERVIEW:
      return "awb-interview-symbolic";
    case AWB_METHOD_DEMONSTRATION:
      return "awb-demonstration-symbolic";
    case AWB_N_METHODS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
append_part (GString    *out,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append (out, part);
}

static void
awb_evidence_row_dispose (GObject *object)
{
  GtkWidget *child;
  AwbEvidenceRow *self = (AwbEvidenceRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_EVIDENCE_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (awb_evidence_row_parent_class)->dispose (object);
}

static void
awb_evidence_row_class_init (AwbEvidenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_evidence_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-evidence-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceRow, box);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceRow, method_icon);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceRow, supports_badge);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceRow, delete_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_evidence_row_init (AwbEvidenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awb_evidence_row_new (void)
{
  return g_object_new (AWB_TYPE_EVIDENCE_ROW, NULL);
}

/* The heading of one method's items. */
void
awb_evidence_row_show_group (AwbEvidenceRow *self,
                             AwbMethod       method,
                             guint           n_items,
                             AwbRequirement *requirement)
{
  g_autofree char *title = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  gboolean required = (awb_requirement_get_methods (requirement) & AWB_METHOD_BIT (method)) != 0;

  g_return_if_fail (AWB_IS_EVIDENCE_ROW (self));

  gtk_image_set_from_icon_name (self->method_icon, awb_method_icon_name (method));
  /* Translators: a method and how many evidence items it has, "Interview (3)" */
  title = g_strdup_printf (_("%s (%u)"), awb_method_label (method), n_items);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_add_css_class (self->box, "group-row");
  gtk_widget_set_visible (GTK_WIDGET (self->supports_badge), FALSE);
  gtk_widget_set_visible (self->edit_button, FALSE);
  gtk_widget_set_visible (self->delete_button, FALSE);

  if (n_items == 0)
    {
      GPtrArray *hints = awb_requirement_get_hints (requirement, method,
                                                    awb_locale_is_chinese ());

      if (required)
        g_string_append (detail, _("Required, none yet."));
      else
        g_string_append (detail, _("Not required for this requirement."));
      if (hints != NULL && hints->len > 0)
        {
          g_string_append (detail, " ");
          /* Translators: followed by examples of typical evidence */
          g_string_append (detail, _("Typical:"));
          g_string_append (detail, " ");
          for (guint i = 0; i < hints->len; i++)
            {
              if (i > 0)
                g_string_append (detail, _("; "));
              g_string_append (detail, g_ptr_array_index (hints, i));
            }
        }
    }
  gtk_label_set_text (self->detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail->len > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label), detail->len > 0 ? detail->str : NULL);

  g_free (self->summary);
  self->summary = detail->len > 0 ? g_strdup_printf ("%s. %s", title, detail->str)
                                  : g_strdup (title);
}

/* One item, with how it bears on requirement_id. */
void
awb_evidence_row_show_evidence (AwbEvidenceRow *self,
                                AwbEvidence    *evidence,
                                const char     *requirement_id)
{
  AwbMethod method = awb_evidence_get_method (evidence);
  AwbSupports supports = AWB_SUPPORTS_YES;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *observed = NULL;
  g_autofree char *attachments = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *delete_label = NULL;
  GPtrArray *files = awb_evidence_get_attachments (evidence);
  const char *id = awb_evidence_get_id (evidence);

  g_return_if_fail (AWB_IS_EVIDENCE_ROW (self));

  gtk_image_set_from_icon_name (self->method_icon, awb_method_icon_name (method));
  gtk_label_set_text (self->title_label, awb_evidence_get_title (evidence));
  gtk_widget_remove_css_class (self->box, "group-row");

  awb_evidence_get_supports (evidence, requirement_id, &supports);
  gtk_label_set_text (self->supports_badge, awb_supports_label (supports));
  for (guint i = 0; i < AWB_N_SUPPORTS; i++)
    {
      if (i == supports)
        gtk_widget_add_css_class (GTK_WIDGET (self->supports_badge), supports_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->supports_badge), supports_classes[i]);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->supports_badge), TRUE);

  switch (method)
    {
    case AWB_METHOD_DOCUMENT:
      append_part (detail, awb_evidence_get_field (evidence, "work-product"));
      append_part (detail, awb_evidence_get_field (evidence, "version"));
      append_part (detail, awb_evidence_get_field (evidence, "location"));
      break;
    case AWB_METHOD_INTERVIEW:
      append_part (detail, awb_evidence_get_field (evidence, "interviewee"));
      append_part (detail, awb_evidence_get_field (evidence, "role"));
      break;
    case AWB_METHOD_DEMONSTRATION:
      append_part (detail, awb_evidence_get_field (evidence, "environment"));
      append_part (detail, awb_evidence_get_field (evidence, "operator"));
      break;
    case AWB_N_METHODS:
    default:
      break;
    }
  append_part (detail, awb_evidence_get_evaluator (evidence));
  if (awb_evidence_get_observed_on (evidence) != NULL)
    {
      /* Translators: the date an evidence item was observed */
      observed = g_strdup_printf (_("seen %s"), awb_evidence_get_observed_on (evidence));
      append_part (detail, observed);
    }
  if (files != NULL && files->len > 0)
    {
      attachments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attachment",
                                                  "%u attachments", files->len),
                                     files->len);
      append_part (detail, attachments);
    }
  gtk_label_set_text (self->detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail->len > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label), NULL);

  gtk_widget_set_visible (self->edit_button, TRUE);
  gtk_widget_set_visible (self->delete_button, TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "win.edit-evidence");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "win.delete-evidence");

  g_free (self->summary);
  self->summary = g_strdup_printf ("%s: %s. %s. %s", awb_method_label (method),
                                   awb_evidence_get_title (evidence),
                                   awb_supports_label (supports), detail->str);
  edit_label = g_strdup_printf (_("Edit evidence “%s”"), awb_evidence_get_title (evidence));
  delete_label = g_strdup_printf (_("Delete evidence “%s”"), awb_evidence_get_title (evidence));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
}

const char *
awb_evidence_row_get_summary (AwbEvidenceRow *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE_ROW (self), NULL);
  return self->summary;
}
