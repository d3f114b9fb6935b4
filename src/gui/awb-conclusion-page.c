/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-conclusion-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "awb-autosave.h"
#include "awb-conclusion-page.h"

/* The project team's audit conclusion as the judgement computes it after
 * every edit: the decision, its reasons (each opens its requirement), what
 * is due or overdue, the two quantitative checks, counts per section, and
 * the conclusion statement, which the project leader may edit. The page
 * refreshes only while it is shown; hidden, it waits for the next showing. */

enum {
  COL_SECTION,
  COL_RATINGS,                                   /* one column per rating, unrated last */
  COL_SUFFICIENCY = COL_RATINGS + AWB_N_RATINGS, /* one column per sufficiency state */
  N_COLUMNS = COL_SUFFICIENCY + AWB_N_SUFFICIENCIES
};

struct _AwbConclusionPage
{
  GtkWidget      parent_instance;

  GtkWidget     *conclusion_box;
  GtkLabel      *conclusion_label;
  GtkLabel      *counts_label;
  GtkListBox    *reasons_list;
  GtkListBox    *notices_list;
  AdwActionRow  *staff_row;
  GtkImage      *staff_icon;
  AdwActionRow  *acceptance_row;
  GtkImage      *acceptance_icon;
  GtkGrid       *sections_grid;
  GtkWidget     *reset_statement_button;
  GtkLabel      *stale_label;
  GtkTextView   *statement_view;
  GtkLabel      *statement_status;

  AwbSession    *session;
  gulong         changed_id;
  gboolean       dirty;
  GPtrArray     *cells;  /* GtkLabel*, row-major, N_COLUMNS per section */
};

G_DEFINE_FINAL_TYPE (AwbConclusionPage, awb_conclusion_page, GTK_TYPE_WIDGET)

enum {
  REQUIREMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const conclusion_classes[] = {
  "conclusion-incomplete", "conclusion-fail", "conclusion-rectification", "conclusion-pass"
};

/* Rating columns in the order a person reads them. */
static const AwbRating rating_columns[AWB_N_RATINGS] = {
  AWB_RATING_CONFORMANT, AWB_RATING_LARGELY, AWB_RATING_NONCONFORMANT,
  AWB_RATING_NOT_APPLICABLE, AWB_RATING_UNRATED
};
static const AwbSufficiency sufficiency_columns[AWB_N_SUFFICIENCIES] = {
  AWB_SUFFICIENCY_SUFFICIENT, AWB_SUFFICIENCY_INSUFFICIENT, AWB_SUFFICIENCY_CONTRADICTED,
  AWB_SUFFICIENCY_NONE
};

static const char *
reason_icon (const char *kind)
{
  if (g_strcmp0 (kind, "fail") == 0 || g_strcmp0 (kind, "will-fail") == 0)
    return "dialog-error-symbolic";
  if (g_strcmp0 (kind, "rectification") == 0)
    return "task-due-symbolic";
  if (g_strcmp0 (kind, "pass") == 0)
    return "emblem-ok-symbolic";
  return "dialog-warning-symbolic";
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
capitalized (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

static GtkWidget *
reason_row (const AwbReason *reason)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *sentence = capitalized (reason->text);
  g_autofree char *text = g_markup_escape_text (sentence, -1);
  GtkWidget *icon = gtk_image_new_from_icon_name (reason_icon (reason->kind));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (reason->kind != NULL)
    gtk_widget_add_css_class (icon, g_str_equal (reason->kind, "pass") ? "success"
                                    : g_str_equal (reason->kind, "rectification") ? "accent"
                                    : (g_str_equal (reason->kind, "fail")
                                       || g_str_equal (reason->kind, "will-fail")) ? "error"
                                    : "warning");
  if (reason->requirement_id != NULL)
    {
      GtkWidget *link = gtk_label_new (reason->requirement_id);
      g_autofree char *accessible = NULL;

      gtk_widget_add_css_class (link, "link-label");
      gtk_widget_add_css_class (link, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "requirement-id",
                              g_strdup (reason->requirement_id), g_free);
      /* Translators: a reason of the conclusion read by a screen reader; activating it opens the requirement */
      accessible = g_strdup_printf (_("%s: %s. Open the requirement."), reason->requirement_id,
                                    reason->text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
    }
  return row;
}

static void
on_reason_row_activated_cb (AdwActionRow      *row,
                            AwbConclusionPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "requirement-id");

  if (id != NULL)
    g_signal_emit (self, signals[REQUIREMENT_ACTIVATED], 0, id);
}


static char **
requirement_ids (GPtrArray *reasons)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < reasons->len; i++)
    g_strv_builder_add (ids, ((const AwbReason *) g_ptr_array_index (reasons, i))->requirement_id);
  return g_strv_builder_end (ids);
}

static void
on_group_expanded_cb (AdwExpanderRow    *row,
                      GParamSpec        *pspec,
                      AwbConclusionPage *self)
{
  const char * const *ids = g_object_get_data (G_OBJECT (row), "requirement-ids");
  const char *text = g_object_get_data (G_OBJECT (row), "reason-text");

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      GtkWidget *child = adw_action_row_new ();
      g_autofree char *accessible = g_strdup_printf (_("%s: %s. Open the requirement."), ids[i], text);
      AwbRequirement *req = awb_catalogue_lookup (awb_session_get_catalogue (self->session), ids[i]);
      g_autofree char *req_text = g_markup_escape_text (req != NULL ? awb_requirement_get_text (req)
                                                                    : "", -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), ids[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (child), req_text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (child), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (child),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), TRUE);
      g_object_set_data_full (G_OBJECT (child), "requirement-id", g_strdup (ids[i]), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_signal_connect (child, "activated", G_CALLBACK (on_reason_row_activated_cb), self);
      adw_expander_row_add_row (row, child);
    }
}

/* Many requirements with the same reason ("not yet rated") make one row that
 * expands into a row per requirement, so that the list stays readable. */
static GtkWidget *
reason_group_row (AwbConclusionPage *self,
                  GPtrArray         *all,
                  const AwbReason   *reason)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();
  guint count;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (reason_icon (reason->kind));
  g_autofree char *text = capitalized (reason->text);
  g_autofree char *title = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    {
      const AwbReason *r = g_ptr_array_index (all, i);

      if (r->requirement_id != NULL && g_strcmp0 (r->kind, reason->kind) == 0
          && g_strcmp0 (r->text, reason->text) == 0)
        g_ptr_array_add (reasons, (gpointer) r);
    }
  count = reasons->len;

  /* Translators: a reason shared by several requirements, with how many */
  title = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE, "%s: %u requirement",
                                                "%s: %u requirements", count),
                                   text, count);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  for (guint i = 0; i < count && i < 6; i++)
    {
      const AwbReason *r = g_ptr_array_index (reasons, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", r->requirement_id);
    }
  /* the rows of the requirements are made when the row is first expanded */
  g_object_set_data_full (G_OBJECT (row), "requirement-ids", requirement_ids (reasons),
                          (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (row), "reason-text", g_strdup (reason->text), g_free);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_group_expanded_cb), self, 0);
  if (count > 6)
    g_string_append (ids, " …");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), ids->str);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
  gtk_widget_add_css_class (icon, g_strcmp0 (reason->kind, "fail") == 0
                                  || g_strcmp0 (reason->kind, "will-fail") == 0 ? "error"
                                  : "warning");
  return row;
}

static GtkWidget *
notice_row (const char *text,
            const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  return row;
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

static GtkWidget *
grid_label (const char *text,
            gboolean    heading,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (heading)
    gtk_widget_add_css_class (label, "caption-heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* The grid's headings and one row of labels per section: built once per case. */
static void
build_sections_grid (AwbConclusionPage *self,
                     AwbJudgement      *judgement)
{
  AwbCatalogue *catalogue = awb_session_get_catalogue (self->session);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_grid))) != NULL)
    gtk_grid_remove (self->sections_grid, child);
  g_ptr_array_set_size (self->cells, 0);

  gtk_grid_attach (self->sections_grid, grid_label (_("Section"), TRUE, 0), COL_SECTION, 0, 1, 1);
  for (guint i = 0; i < AWB_N_RATINGS; i++)
    gtk_grid_attach (self->sections_grid, grid_label (awb_rating_label (rating_columns[i]), TRUE, 1),
                     COL_RATINGS + i, 0, 1, 1);
  for (guint i = 0; i < AWB_N_SUFFICIENCIES; i++)
    gtk_grid_attach (self->sections_grid,
                     grid_label (awb_sufficiency_label (sufficiency_columns[i]), TRUE, 1),
                     COL_SUFFICIENCY + i, 0, 1, 1);

  for (guint s = 0; s < judgement->sections->len; s++)
    {
      AwbSectionCounts *counts = g_ptr_array_index (judgement->sections, s);
      AwbSection *section = awb_catalogue_lookup_section (catalogue, counts->section_id);
      g_autofree char *name = g_strdup_printf ("%s %s", counts->section_id,
                                               section != NULL ? awb_section_get_title (section) : "");
      GtkWidget *label = grid_label (name, FALSE, 0);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_widget_set_tooltip_text (label, name);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (self->sections_grid, label, COL_SECTION, s + 1, 1, 1);
      g_ptr_array_add (self->cells, label);
      for (guint c = COL_RATINGS; c < N_COLUMNS; c++)
        {
          GtkWidget *cell = grid_label ("", FALSE, 1);

          gtk_grid_attach (self->sections_grid, cell, c, s + 1, 1, 1);
          g_ptr_array_add (self->cells, cell);
        }
    }
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", count);
  gtk_label_set_text (label, text);
  if (count == 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
show_sections (AwbConclusionPage *self,
               AwbJudgement      *judgement)
{
  if (self->cells->len != judgement->sections->len * N_COLUMNS)
    build_sections_grid (self, judgement);

  for (guint s = 0; s < judgement->sections->len; s++)
    {
      AwbSectionCounts *counts = g_ptr_array_index (judgement->sections, s);
      GtkLabel **row = (GtkLabel **) &self->cells->pdata[s * N_COLUMNS];

      for (guint i = 0; i < AWB_N_RATINGS; i++)
        set_count (row[COL_RATINGS + i], counts->ratings[rating_columns[i]]);
      for (guint i = 0; i < AWB_N_SUFFICIENCIES; i++)
        set_count (row[COL_SUFFICIENCY + i], counts->sufficiency[sufficiency_columns[i]]);
    }
}

static void
show_statement (AwbConclusionPage *self,
                AwbJudgement      *judgement)
{
  gboolean locked = awb_session_is_locked (self->session);

  gtk_text_view_set_editable (self->statement_view, !locked);
  gtk_widget_set_visible (self->reset_statement_button, judgement->statement_edited && !locked);
  if (!awb_autosave_is_pending (GTK_WIDGET (self->statement_view)))
    awb_autosave_set_text (GTK_WIDGET (self->statement_view), judgement->statement);

  gtk_widget_set_visible (GTK_WIDGET (self->stale_label), judgement->statement_stale);
  if (judgement->statement_stale)
    {
      g_autofree char *stale = NULL;
      AwbConclusion written_for = AWB_CONCLUSION_INCOMPLETE;

      for (AwbConclusion c = AWB_CONCLUSION_INCOMPLETE; c <= AWB_CONCLUSION_PASS; c++)
        if (g_strcmp0 (judgement->statement_decision, awb_conclusion_to_string (c)) == 0)
          written_for = c;
      stale = g_strdup_printf (_("This statement was written for “%s”, but the conclusion is now "
                                 "“%s”. Check it, or use the generated text."),
                               awb_conclusion_label (written_for),
                               awb_conclusion_label (judgement->conclusion));
      gtk_label_set_text (self->stale_label, stale);
    }
  gtk_label_set_text (self->statement_status,
                      judgement->statement_edited ? _("Edited by hand: kept as written.")
                                                  : _("Generated: follows the record until you edit it."));
}

static void
show_judgement (AwbConclusionPage *self)
{
  AwbJudgement *judgement = awb_session_get_judgement (self->session);
  guint n_rated = 0, n_backed = 0;
  g_autofree char *counts = NULL;

  if (judgement == NULL)
    return;  /* shown when the judgement arrives */
  self->dirty = FALSE;

  gtk_label_set_text (self->conclusion_label, awb_conclusion_label (judgement->conclusion));
  for (guint i = 0; i < G_N_ELEMENTS (conclusion_classes); i++)
    gtk_widget_remove_css_class (self->conclusion_box, conclusion_classes[i]);
  gtk_widget_add_css_class (self->conclusion_box, conclusion_classes[judgement->conclusion]);

  for (guint i = 0; i < judgement->requirements->len; i++)
    {
      AwbRequirementJudgement *j = g_ptr_array_index (judgement->requirements, i);

      if (j->rating != AWB_RATING_UNRATED)
        n_rated++;
      if (j->rating != AWB_RATING_UNRATED && j->backed)
        n_backed++;
    }
  /* Translators: under the conclusion: rated requirements, backed ratings, then the
   * evidence items of each method */
  counts = g_strdup_printf (_("%u of %u requirements rated, %u backed by their evidence · "
                              "evidence: document review %u, interview %u, demonstration %u"),
                            n_rated, judgement->requirements->len, n_backed,
                            judgement->evidence[AWB_METHOD_DOCUMENT],
                            judgement->evidence[AWB_METHOD_INTERVIEW],
                            judgement->evidence[AWB_METHOD_DEMONSTRATION]);
  gtk_label_set_text (self->counts_label, counts);

  clear_list (self->reasons_list);
  {
    g_autoptr(GHashTable) shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);

    /* a reason shared by several requirements ("not yet rated") is one row,
     * where the first of them stands */
    for (guint i = 0; i < judgement->reasons->len; i++)
      {
        const AwbReason *reason = g_ptr_array_index (judgement->reasons, i);
        char *key;

        if (reason->requirement_id == NULL)
          continue;
        key = g_strconcat (reason->kind != NULL ? reason->kind : "", "\n", reason->text, NULL);
        g_hash_table_insert (shared, key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (shared, key)) + 1));
      }
    for (guint i = 0; i < judgement->reasons->len; i++)
      {
        const AwbReason *reason = g_ptr_array_index (judgement->reasons, i);
        g_autofree char *key = NULL;
        guint n;

        if (reason->requirement_id == NULL)
          {
            gtk_list_box_append (self->reasons_list, reason_row (reason));
            continue;
          }
        key = g_strconcat (reason->kind != NULL ? reason->kind : "", "\n", reason->text, NULL);
        n = GPOINTER_TO_UINT (g_hash_table_lookup (shared, key));
        if (n < 3)
          gtk_list_box_append (self->reasons_list, reason_row (reason));
        else if (!g_hash_table_contains (shown, key))
          {
            const char *stored = NULL;

            g_hash_table_lookup_extended (shared, key, (gpointer *) &stored, NULL);
            g_hash_table_add (shown, (gpointer) stored);
            gtk_list_box_append (self->reasons_list,
                                 reason_group_row (self, judgement->reasons, reason));
          }
      }
  }

  clear_list (self->notices_list);
  for (guint i = 0; i < judgement->notices->len; i++)
    gtk_list_box_append (self->notices_list,
                         notice_row (g_ptr_array_index (judgement->notices, i), "task-past-due-symbolic"));

  show_check (self->staff_row, self->staff_icon, &judgement->staff_check,
              _("Certified full-time staff"));
  show_check (self->acceptance_row, self->acceptance_icon, &judgement->acceptance_check,
              _("No failed acceptance"));
  show_sections (self, judgement);
  show_statement (self, judgement);
}

static void
on_session_changed_cb (AwbConclusionPage *self,
                       guint              what,
                       AwbSession        *session)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_judgement (self);
  else
    self->dirty = TRUE;
}

static void
on_reasons_list_row_activated_cb (AwbConclusionPage *self,
                                  GtkListBoxRow     *row,
                                  GtkListBox        *list)
{
  const char *id = g_object_get_data (G_OBJECT (row), "requirement-id");

  if (id != NULL)
    g_signal_emit (self, signals[REQUIREMENT_ACTIVATED], 0, id);
}

static gboolean
commit_statement_cb (GtkWidget  *field,
                     const char *text,
                     gpointer    user_data,
                     GError    **error)
{
  AwbConclusionPage *self = user_data;

  if (self->session == NULL)
    return TRUE;
  return awb_judge_set_statement (awb_session_get_database (self->session),
                                  awb_session_get_case_id (self->session), text,
                                  awb_session_get_actor (self->session), error);
}

static void
statement_result_cb (GtkWidget    *field,
                     const GError *error,
                     gpointer      user_data)
{
  AwbConclusionPage *self = user_data;

  if (error != NULL)
    {
      gtk_label_set_text (self->statement_status, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->statement_status), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->statement_status), "error");
  awb_session_refresh (self->session, AWB_SESSION_STATEMENT);
}

static void
on_reset_statement_button_clicked_cb (AwbConclusionPage *self,
                                      GtkButton         *button)
{
  g_autoptr(GError) error = NULL;

  if (!awb_judge_reset_statement (awb_session_get_database (self->session),
                                  awb_session_get_case_id (self->session),
                                  awb_session_get_actor (self->session), &error))
    {
      gtk_label_set_text (self->statement_status, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->statement_status), "error");
      return;
    }
  /* drop what is shown, so that the generated text replaces it */
  awb_autosave_set_text (GTK_WIDGET (self->statement_view), "");
  awb_session_refresh (self->session, AWB_SESSION_STATEMENT);
}

static void
awb_conclusion_page_map (GtkWidget *widget)
{
  AwbConclusionPage *self = AWB_CONCLUSION_PAGE (widget);

  GTK_WIDGET_CLASS (awb_conclusion_page_parent_class)->map (widget);
  if (self->dirty && self->session != NULL)
    show_judgement (self);
}

static void
awb_conclusion_page_dispose (GObject *object)
{
  GtkWidget *child;
  AwbConclusionPage *self = (AwbConclusionPage *) object;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_CONCLUSION_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->cells, g_ptr_array_unref);

  G_OBJECT_CLASS (awb_conclusion_page_parent_class)->dispose (object);
}

static void
awb_conclusion_page_class_init (AwbConclusionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_conclusion_page_dispose;
  widget_class->map = awb_conclusion_page_map;

  /* A reason naming a requirement was activated. */
  signals[REQUIREMENT_ACTIVATED] = g_signal_new ("requirement-activated", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-conclusion-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, conclusion_box);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, conclusion_label);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, reasons_list);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, notices_list);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, staff_row);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, staff_icon);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, acceptance_row);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, acceptance_icon);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, sections_grid);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, reset_statement_button);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, stale_label);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, statement_view);
  gtk_widget_class_bind_template_child (widget_class, AwbConclusionPage, statement_status);
  gtk_widget_class_bind_template_callback (widget_class, on_reasons_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_statement_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_conclusion_page_init (AwbConclusionPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_ptr_array_new ();

  placeholder = gtk_label_new (_("Nothing due or overdue."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->notices_list, placeholder);

  awb_autosave_attach (GTK_WIDGET (self->statement_view), commit_statement_cb,
                       statement_result_cb, self);
}

void
awb_conclusion_page_set_session (AwbConclusionPage *self,
                                 AwbSession        *session)
{
  g_return_if_fail (AWB_IS_CONCLUSION_PAGE (self));

  if (self->session == session)
    return;
  awb_autosave_flush (GTK_WIDGET (self->statement_view));
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  g_ptr_array_set_size (self->cells, 0);
  if (session == NULL)
    return;
  self->changed_id = g_signal_connect_object (session, "changed",
                                              G_CALLBACK (on_session_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  awb_autosave_set_text (GTK_WIDGET (self->statement_view), "");
  on_session_changed_cb (self, AWB_SESSION_ALL, session);
}
