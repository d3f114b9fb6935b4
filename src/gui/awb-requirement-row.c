/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-requirement-row"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-requirement-row.h"

/* One row of the requirements tree: a section with how far it is rated, or a
 * requirement with its rating, sufficiency, open findings and the supporting
 * evidence per method as small badges. */

struct _AwbRequirementRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *id_label;
  GtkLabel  *text_label;
  GtkWidget *badges;
  GtkLabel  *rating_badge;
  GtkImage  *sufficiency_icon;
  GtkWidget *findings_badge;
  GtkLabel  *findings_count;
  GtkWidget *document_badge;
  GtkLabel  *document_count;
  GtkWidget *interview_badge;
  GtkLabel  *interview_count;
  GtkWidget *demonstration_badge;
  GtkLabel  *demonstration_count;

  char      *summary;
  char      *state;    /* what is shown, to skip a rebind that changes nothing */
};

G_DEFINE_FINAL_TYPE (AwbRequirementRow, awb_requirement_row, GTK_TYPE_WIDGET)

static const char * const rating_classes[AWB_N_RATINGS] = {
  "rating-unrated", "rating-conformant", "rating-largely", "rating-nonconformant",
  "rating-not-applicable"
};

static void
set_rating_class (GtkWidget *widget,
                  AwbRating  rating)
{
  for (guint i = 0; i < AWB_N_RATINGS; i++)
    {
      if (i == rating)
        gtk_widget_add_css_class (widget, rating_classes[i]);
      else
        gtk_widget_remove_css_class (widget, rating_classes[i]);
    }
}

static void
show_method_badge (GtkWidget *badge,
                   GtkLabel  *count_label,
                   guint      count,
                   gboolean   required)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", count);
  gtk_label_set_text (count_label, text);
  gtk_widget_set_visible (badge, required || count > 0);
  if (required && count == 0)
    gtk_widget_add_css_class (badge, "missing");
  else
    gtk_widget_remove_css_class (badge, "missing");
}

/* TRUE when state differs from what the row shows (and remembers it). */
static gboolean
state_changed (AwbRequirementRow *self,
               char              *state)
{
  if (g_strcmp0 (self->state, state) == 0)
    {
      g_free (state);
      return FALSE;
    }
  g_free (self->state);
  self->state = state;
  return TRUE;
}

static void
awb_requirement_row_dispose (GObject *object)
{
  GtkWidget *child;
  AwbRequirementRow *self = (AwbRequirementRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_REQUIREMENT_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->state, g_free);

  G_OBJECT_CLASS (awb_requirement_row_parent_class)->dispose (object);
}

static void
awb_requirement_row_class_init (AwbRequirementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_requirement_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-requirement-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, box);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, badges);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, rating_badge);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, sufficiency_icon);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, findings_badge);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, findings_count);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, document_badge);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, document_count);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, interview_badge);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, interview_count);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, demonstration_badge);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementRow, demonstration_count);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_requirement_row_init (AwbRequirementRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awb_requirement_row_new (void)
{
  return g_object_new (AWB_TYPE_REQUIREMENT_ROW, NULL);
}

/* A section row: its number, title and how many of its requirements are rated. */
void
awb_requirement_row_show_section (AwbRequirementRow *self,
                                  AwbSection        *section,
                                  guint              n_rated,
                                  guint              n_requirements)
{
  g_autofree char *progress = NULL;

  g_return_if_fail (AWB_IS_REQUIREMENT_ROW (self));

  if (!state_changed (self, g_strdup_printf ("s%p %u %u", (gpointer) section, n_rated, n_requirements)))
    return;
  gtk_label_set_text (self->id_label, awb_section_get_id (section));
  gtk_label_set_text (self->text_label, awb_section_get_title (section));
  gtk_widget_add_css_class (self->box, "section-row");
  gtk_widget_set_visible (self->badges, TRUE);

  /* Translators: how many requirements of a section have a rating */
  progress = g_strdup_printf (_("%u of %u rated"), n_rated, n_requirements);
  gtk_label_set_text (self->rating_badge, progress);
  set_rating_class (GTK_WIDGET (self->rating_badge),
                    n_rated == n_requirements ? AWB_RATING_CONFORMANT : AWB_RATING_UNRATED);
  gtk_widget_add_css_class (GTK_WIDGET (self->rating_badge), "progress");
  gtk_widget_set_visible (GTK_WIDGET (self->sufficiency_icon), FALSE);
  gtk_widget_set_visible (self->findings_badge, FALSE);
  gtk_widget_set_visible (self->document_badge, FALSE);
  gtk_widget_set_visible (self->interview_badge, FALSE);
  gtk_widget_set_visible (self->demonstration_badge, FALSE);

  g_free (self->summary);
  self->summary = g_strdup_printf ("%s %s, %s", awb_section_get_id (section),
                                   awb_section_get_title (section), progress);
}

/* A requirement row. judgement may be NULL while the case is being judged. */
void
awb_requirement_row_show_requirement (AwbRequirementRow             *self,
                                      AwbRequirement                *requirement,
                                      const AwbRequirementJudgement *judgement,
                                      guint                          open_findings)
{
  guint methods = awb_requirement_get_methods (requirement);
  AwbRating rating = judgement != NULL ? judgement->rating : AWB_RATING_UNRATED;
  const char *icon = NULL;
  const char *icon_class = NULL;
  const char *sufficiency = NULL;
  g_autofree char *findings = NULL;

  g_return_if_fail (AWB_IS_REQUIREMENT_ROW (self));

  if (!state_changed (self, judgement == NULL
                              ? g_strdup_printf ("r%p", (gpointer) requirement)
                              : g_strdup_printf ("r%p %d %d %u %u %u %u %s", (gpointer) requirement,
                                                 judgement->rating, judgement->sufficiency,
                                                 judgement->supporting[AWB_METHOD_DOCUMENT],
                                                 judgement->supporting[AWB_METHOD_INTERVIEW],
                                                 judgement->supporting[AWB_METHOD_DEMONSTRATION],
                                                 open_findings,
                                                 judgement->missing != NULL ? judgement->missing : "")))
    return;
  gtk_label_set_text (self->id_label, awb_requirement_get_id (requirement));
  gtk_label_set_text (self->text_label, awb_requirement_get_text (requirement));
  gtk_widget_remove_css_class (self->box, "section-row");
  gtk_widget_remove_css_class (GTK_WIDGET (self->rating_badge), "progress");

  /* not judged yet (a large case just opened): no badge rather than a wrong one */
  gtk_widget_set_visible (self->badges, judgement != NULL);
  gtk_label_set_text (self->rating_badge, awb_rating_label (rating));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rating_badge), awb_rating_label (rating));
  set_rating_class (GTK_WIDGET (self->rating_badge), rating);

  if (judgement != NULL)
    {
      switch (judgement->sufficiency)
        {
        case AWB_SUFFICIENCY_SUFFICIENT:
          icon = "emblem-ok-symbolic";
          icon_class = "success";
          break;
        case AWB_SUFFICIENCY_INSUFFICIENT:
          icon = "dialog-warning-symbolic";
          icon_class = "warning";
          break;
        case AWB_SUFFICIENCY_CONTRADICTED:
          icon = "dialog-error-symbolic";
          icon_class = "error";
          break;
        case AWB_SUFFICIENCY_NONE:
        case AWB_N_SUFFICIENCIES:
        default:
          break;
        }
      sufficiency = awb_sufficiency_label (judgement->sufficiency);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sufficiency_icon), icon != NULL);
  if (icon != NULL)
    {
      gtk_image_set_from_icon_name (self->sufficiency_icon, icon);
      gtk_widget_remove_css_class (GTK_WIDGET (self->sufficiency_icon), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->sufficiency_icon), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->sufficiency_icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->sufficiency_icon), icon_class);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->sufficiency_icon),
                                   judgement->missing != NULL ? judgement->missing : sufficiency);
    }

  gtk_widget_set_visible (self->findings_badge, open_findings > 0);
  if (open_findings > 0)
    {
      char count[16];

      g_snprintf (count, sizeof count, "%u", open_findings);
      findings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open finding",
                                               "%u open findings", open_findings),
                                  open_findings);
      gtk_label_set_text (self->findings_count, count);
      gtk_widget_set_tooltip_text (self->findings_badge, findings);
    }

  show_method_badge (self->document_badge, self->document_count,
                     judgement != NULL ? judgement->supporting[AWB_METHOD_DOCUMENT] : 0,
                     methods & AWB_METHOD_BIT (AWB_METHOD_DOCUMENT));
  show_method_badge (self->interview_badge, self->interview_count,
                     judgement != NULL ? judgement->supporting[AWB_METHOD_INTERVIEW] : 0,
                     methods & AWB_METHOD_BIT (AWB_METHOD_INTERVIEW));
  show_method_badge (self->demonstration_badge, self->demonstration_count,
                     judgement != NULL ? judgement->supporting[AWB_METHOD_DEMONSTRATION] : 0,
                     methods & AWB_METHOD_BIT (AWB_METHOD_DEMONSTRATION));

  g_free (self->summary);
  /* Translators: what a screen reader says for a requirement row:
   * id, text, rating, sufficiency, then the counts of supporting evidence */
  self->summary = g_strdup_printf (_("%s %s. %s. %s. Document review %u, interviews %u, "
                                     "demonstrations %u.%s%s"),
                                   awb_requirement_get_id (requirement),
                                   awb_requirement_get_text (requirement),
                                   awb_rating_label (rating),
                                   sufficiency != NULL ? sufficiency : _("No evidence"),
                                   judgement != NULL ? judgement->supporting[AWB_METHOD_DOCUMENT] : 0,
                                   judgement != NULL ? judgement->supporting[AWB_METHOD_INTERVIEW] : 0,
                                   judgement != NULL
                                     ? judgement->supporting[AWB_METHOD_DEMONSTRATION] : 0,
                                   findings != NULL ? " " : "", findings != NULL ? findings : "");
}

/* What a screen reader reads for the row. */
const char *
awb_requirement_row_get_summary (AwbRequirementRow *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT_ROW (self), NULL);
  return self->summary;
}
