/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-requirement-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "awb-assessment.h"
#include "awb-autosave.h"
#include "awb-evidence-row.h"
#include "awb-finding-row.h"
#include "awb-locale.h"
#include "awb-requirement-page.h"

/* One requirement of the open case: its text in both languages, the rating
 * chooser beside the rating the evidence suggests, the rationale (the
 * justification when not applicable), the evidence grouped by method, the
 * findings, and for a maintenance case the evidence of the previous case.
 * A rating is saved when chosen; the rationale when focus leaves it or after
 * a pause in typing. */

#define MAX_REFERENCE_ROWS 100

struct _AwbRequirementPage
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkLabel          *id_label;
  GtkLabel          *section_label;
  GtkLabel          *kind_label;
  GtkLabel          *text_label;
  GtkLabel          *other_text_label;
  GtkLabel          *note_label;
  GtkWidget         *clear_rating_button;
  GtkToggleButton   *conformant_button;
  GtkToggleButton   *largely_button;
  GtkToggleButton   *nonconformant_button;
  GtkToggleButton   *not_applicable_button;
  AdwActionRow      *suggestion_row;
  GtkWidget         *use_suggestion_button;
  AdwActionRow      *sufficiency_row;
  GtkImage          *sufficiency_icon;
  AdwActionRow      *check_row;
  GtkImage          *check_icon;
  AdwActionRow      *problem_row;
  GtkLabel          *rationale_heading;
  GtkTextView       *rationale_view;
  GtkLabel          *rationale_status;
  AdwPreferencesGroup *evidence_group;
  GtkScrolledWindow *evidence_scroller;
  GtkListView       *evidence_view;
  GtkListBox        *findings_list;
  GtkWidget         *reference_group;
  GtkListBox        *reference_list;

  AwbSession        *session;
  gulong             changed_id;
  AwbRequirement    *requirement;
  GListStore        *evidence;                     /* AwbEvidence of the requirement */
  GtkFilterListModel *by_method[AWB_N_METHODS];
  GHashTable        *bound;                        /* GtkListItem* of the evidence view */
  AwbRating          shown_rating;                 /* what the toggles show */
  AwbRating          pending;                      /* N/A waiting for its justification */
  gboolean           updating;
  gboolean           folded;
  guint              evidence_generation;
  guint              load_source;
  gboolean           loading;
};

G_DEFINE_FINAL_TYPE (AwbRequirementPage, awb_requirement_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

enum {
  GO_BACK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkToggleButton *
rating_button (AwbRequirementPage *self,
               AwbRating           rating)
{
  switch (rating)
    {
    case AWB_RATING_CONFORMANT:
      return self->conformant_button;
    case AWB_RATING_LARGELY:
      return self->largely_button;
    case AWB_RATING_NONCONFORMANT:
      return self->nonconformant_button;
    case AWB_RATING_NOT_APPLICABLE:
      return self->not_applicable_button;
    case AWB_RATING_UNRATED:
    case AWB_N_RATINGS:
    default:
      return NULL;
    }
}

static const AwbRequirementJudgement *
current_judgement (AwbRequirementPage *self)
{
  if (self->session == NULL || self->requirement == NULL)
    return NULL;
  return awb_session_lookup (self->session, awb_requirement_get_id (self->requirement));
}

static AwbRating
stored_rating (AwbRequirementPage *self)
{
  const AwbRequirementJudgement *j = current_judgement (self);

  return j != NULL ? j->rating : AWB_RATING_UNRATED;
}

static void
set_status (AwbRequirementPage *self,
            const char         *text,
            gboolean            is_error)
{
  gtk_label_set_text (self->rationale_status, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rationale_status), text != NULL && *text != '\0');
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->rationale_status), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->rationale_status), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->rationale_status), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->rationale_status), "dim-label");
    }
}

static void
show_toggles (AwbRequirementPage *self,
              AwbRating           rating)
{
  GtkToggleButton *button = rating_button (self, rating);

  self->updating = TRUE;
  self->shown_rating = rating;
  if (button != NULL)
    gtk_toggle_button_set_active (button, TRUE);
  else
    for (AwbRating r = AWB_RATING_CONFORMANT; r < AWB_N_RATINGS; r++)
      gtk_toggle_button_set_active (rating_button (self, r), FALSE);
  self->updating = FALSE;
}

static void
show_rationale_heading (AwbRequirementPage *self,
                        AwbRating           rating)
{
  if (rating == AWB_RATING_NOT_APPLICABLE)
    gtk_label_set_text_with_mnemonic (self->rationale_heading,
                                      _("_Why the requirement does not apply (required)"));
  else
    gtk_label_set_text_with_mnemonic (self->rationale_heading, _("_Rationale"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rationale_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rating == AWB_RATING_NOT_APPLICABLE
                                    ? _("Why the requirement does not apply")
                                    : _("Rationale"), -1);
}

static AwbRating
suggested_rating (const char *suggested)
{
  AwbRating rating;

  if (suggested != NULL && awb_rating_from_string (suggested, &rating))
    return rating;
  return AWB_RATING_UNRATED;
}

static const char *
suggestion_text (const char *suggested)
{
  if (g_strcmp0 (suggested, "review") == 0)
    return _("Review needed: the evidence contradicts the requirement");
  if (g_strcmp0 (suggested, "none") == 0 || suggested == NULL)
    return _("No suggestion until the evidence is sufficient");
  return awb_rating_label (suggested_rating (suggested));
}

static const AwbCheckResult *
check_result (AwbJudgement *judgement,
              const char   *requirement_id)
{
  if (judgement == NULL)
    return NULL;
  if (g_strcmp0 (judgement->staff_check.requirement_id, requirement_id) == 0)
    return &judgement->staff_check;
  if (g_strcmp0 (judgement->acceptance_check.requirement_id, requirement_id) == 0)
    return &judgement->acceptance_check;
  return NULL;
}

/* The rating part: toggles, suggestion, sufficiency, check, problem. */
static void
show_judgement (AwbRequirementPage *self)
{
  const AwbRequirementJudgement *j = current_judgement (self);
  AwbRating rating = j != NULL ? j->rating : AWB_RATING_UNRATED;
  AwbRating suggested = j != NULL ? suggested_rating (j->suggested) : AWB_RATING_UNRATED;
  gboolean locked = awb_session_is_locked (self->session);
  const AwbCheckResult *check;
  const char *icon = "dialog-question-symbolic";
  const char *icon_class = NULL;
  g_autofree char *sufficiency = NULL;

  show_toggles (self, self->pending != AWB_RATING_UNRATED ? self->pending : rating);
  show_rationale_heading (self, self->shown_rating);
  gtk_widget_set_visible (self->clear_rating_button, rating != AWB_RATING_UNRATED && !locked);
  /* no rating before the evidence has been judged, nor while the panel has
   * the case; each button carries its state, which is what assistive
   * technologies see (an insensitive box leaves its buttons "enabled" there) */
  for (AwbRating r = AWB_RATING_CONFORMANT; r < AWB_N_RATINGS; r++)
    gtk_widget_set_sensitive (GTK_WIDGET (rating_button (self, r)),
                              !locked && j != NULL &&
                              (r != AWB_RATING_NOT_APPLICABLE ||
                               awb_requirement_get_na_allowed (self->requirement) ||
                               rating == AWB_RATING_NOT_APPLICABLE));
  gtk_text_view_set_editable (self->rationale_view, !locked);
  if (!awb_autosave_is_pending (GTK_WIDGET (self->rationale_view)))
    awb_autosave_set_text (GTK_WIDGET (self->rationale_view), j != NULL ? j->rationale : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->not_applicable_button),
                               awb_requirement_get_na_allowed (self->requirement)
                                 ? _("Not applicable: needs a written justification")
                                 : _("The catalogue does not allow “not applicable” here"));

  adw_action_row_set_subtitle (self->suggestion_row, suggestion_text (j != NULL ? j->suggested : NULL));
  gtk_widget_set_visible (self->use_suggestion_button,
                          !locked && suggested != AWB_RATING_UNRATED && suggested != rating);
  if (suggested != AWB_RATING_UNRATED)
    {
      g_autofree char *label = g_strdup_printf (_("Rate as suggested: %s"),
                                                awb_rating_label (suggested));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->use_suggestion_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  if (j != NULL)
    {
      switch (j->sufficiency)
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
      if (j->missing != NULL && *j->missing != '\0')
        sufficiency = g_strdup_printf ("%s: %s", awb_sufficiency_label (j->sufficiency),
                                       j->missing);
      else
        sufficiency = g_strdup (awb_sufficiency_label (j->sufficiency));
    }
  gtk_image_set_from_icon_name (self->sufficiency_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->sufficiency_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->sufficiency_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->sufficiency_icon), "error");
  if (icon_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->sufficiency_icon), icon_class);
  adw_action_row_set_subtitle (self->sufficiency_row,
                               sufficiency != NULL ? sufficiency : _("No evidence yet"));

  check = check_result (awb_session_get_judgement (self->session),
                        awb_requirement_get_id (self->requirement));
  gtk_widget_set_visible (GTK_WIDGET (self->check_row), check != NULL);
  if (check != NULL)
    {
      g_autofree char *figures = g_markup_escape_text (check->figures != NULL ? check->figures : "", -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_row),
                                     check->passed ? _("Quantitative check passed")
                                                   : _("Quantitative check failed"));
      adw_action_row_set_subtitle (self->check_row, figures);
      gtk_image_set_from_icon_name (self->check_icon,
                                    check->passed ? "emblem-ok-symbolic" : "dialog-error-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), check->passed ? "error" : "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->check_icon), check->passed ? "success" : "error");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problem_row),
                          j != NULL && j->problem != NULL && rating != AWB_RATING_UNRATED);
  if (j != NULL && j->problem != NULL)
    {
      g_autofree char *problem = g_markup_escape_text (j->problem, -1);

      adw_action_row_set_subtitle (self->problem_row, problem);
    }
}

static gboolean
filter_method_cb (gpointer item,
                  gpointer user_data)
{
  return awb_evidence_get_method (AWB_EVIDENCE (item)) == (AwbMethod) GPOINTER_TO_UINT (user_data);
}

static GListModel *
create_evidence_children_cb (gpointer item,
                             gpointer user_data)
{
  AwbRequirementPage *self = user_data;
  AwbMethod method;

  if (!GTK_IS_STRING_OBJECT (item))
    return NULL;
  if (!awb_method_from_string (gtk_string_object_get_string (item), &method))
    return NULL;
  return g_object_ref (G_LIST_MODEL (self->by_method[method]));
}

static void
bind_evidence_row (AwbRequirementPage *self,
                   GtkListItem        *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  AwbEvidenceRow *widget = AWB_EVIDENCE_ROW (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (self->requirement == NULL)
    return;
  if (GTK_IS_STRING_OBJECT (item))
    {
      AwbMethod method = AWB_METHOD_DOCUMENT;

      awb_method_from_string (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), &method);
      awb_evidence_row_show_group (widget, method,
                                   g_list_model_get_n_items (G_LIST_MODEL (self->by_method[method])),
                                   self->requirement);
      gtk_list_item_set_activatable (list_item, FALSE);
    }
  else
    {
      awb_evidence_row_show_evidence (widget, AWB_EVIDENCE (item),
                                      awb_requirement_get_id (self->requirement));
      gtk_list_item_set_activatable (list_item, TRUE);
    }
  if (g_strcmp0 (g_object_get_data (G_OBJECT (expander), "awb-label"),
                 awb_evidence_row_get_summary (widget)) != 0)
    {
      g_object_set_data_full (G_OBJECT (expander), "awb-label",
                              g_strdup (awb_evidence_row_get_summary (widget)), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      awb_evidence_row_get_summary (widget), -1);
    }
}

static void
on_evidence_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      AwbRequirementPage       *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *row = awb_evidence_row_new ();

  gtk_widget_set_hexpand (row, TRUE);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), row);
  gtk_list_item_set_child (list_item, expander);
}

static void
on_evidence_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AwbRequirementPage       *self)
{
  g_hash_table_add (self->bound, list_item);
  bind_evidence_row (self, list_item);
}

static void
on_evidence_unbind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       AwbRequirementPage       *self)
{
  g_hash_table_remove (self->bound, list_item);
}

/* A requirement of a large case has thousands of items: they are read in a
 * worker thread on its own connection, and shown when they arrive (unless
 * another requirement was picked meanwhile). */
typedef struct
{
  char *db_path;
  char *case_id;
  char *requirement_id;
} EvidenceQuery;

static void
evidence_query_free (EvidenceQuery *query)
{
  g_free (query->db_path);
  g_free (query->case_id);
  g_free (query->requirement_id);
  g_free (query);
}

static void
load_evidence_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  EvidenceQuery *query = data;
  g_autoptr(AwbDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  db = awb_database_open (query->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  list = awb_evidence_list (db, query->case_id, query->requirement_id, &error);
  if (list == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, list, g_object_unref);
}

static void
show_evidence (AwbRequirementPage *self,
               GListModel         *list)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;
  GHashTableIter iter;
  gpointer list_item;
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  g_list_store_splice (self->evidence, 0, g_list_model_get_n_items (G_LIST_MODEL (self->evidence)),
                       items->pdata, items->len);

  /* the list scrolls inside the page: tall enough for a few items, never the whole page */
  gtk_scrolled_window_set_min_content_height (self->evidence_scroller,
                                              CLAMP ((int) (n + AWB_N_METHODS) * 44, 140, 440));

  /* Translators: the heading of a requirement's evidence, with how many items it has */
  title = g_strdup_printf (_("Evidence (%u)"), n);
  adw_preferences_group_set_title (self->evidence_group, title);

  /* the method headings show counts: rebind the rows on screen */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    bind_evidence_row (self, list_item);
}

static void
on_evidence_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AwbRequirementPage) self = user_data;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  list = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_task_get_source_tag (G_TASK (result)) != GUINT_TO_POINTER (self->evidence_generation))
    return;  /* another requirement, or a newer load */
  self->loading = FALSE;
  if (list == NULL)
    {
      g_warning ("Cannot list the evidence: %s", error->message);
      return;
    }
  show_evidence (self, list);
}

static gboolean
on_load_evidence_idle_cb (gpointer data)
{
  AwbRequirementPage *self = data;
  EvidenceQuery *query;
  g_autoptr(GTask) task = NULL;

  self->load_source = 0;
  if (self->session == NULL || self->requirement == NULL)
    return G_SOURCE_REMOVE;
  query = g_new0 (EvidenceQuery, 1);

  query->db_path = g_strdup (awb_database_get_path (awb_session_get_database (self->session)));
  query->case_id = g_strdup (awb_session_get_case_id (self->session));
  query->requirement_id = g_strdup (awb_requirement_get_id (self->requirement));
  self->evidence_generation++;
  self->loading = TRUE;
  task = g_task_new (NULL, NULL, on_evidence_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, GUINT_TO_POINTER (self->evidence_generation));
  g_task_set_task_data (task, query, (GDestroyNotify) evidence_query_free);
  g_task_run_in_thread (task, load_evidence_thread);
  return G_SOURCE_REMOVE;
}

/* Reads the items once the window has drawn what it shows now. */
static void
load_evidence (AwbRequirementPage *self)
{
  self->evidence_generation++;
  if (self->load_source == 0)
    self->load_source = g_idle_add_full (G_PRIORITY_LOW, on_load_evidence_idle_cb, self, NULL);
}

static GtkWidget *
create_finding_row_cb (gpointer item,
                       gpointer user_data)
{
  return awb_finding_row_new (AWB_FINDING (item));
}

static void
load_findings (AwbRequirementPage *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  list = awb_finding_list (awb_session_get_database (self->session),
                           awb_session_get_case_id (self->session),
                           awb_requirement_get_id (self->requirement), &error);
  if (list == NULL)
    g_warning ("Cannot list the findings of %s: %s",
               awb_requirement_get_id (self->requirement), error->message);
  gtk_list_box_bind_model (self->findings_list, list, create_finding_row_cb, self, NULL);
}

static GtkWidget *
create_reference_row_cb (gpointer item,
                         gpointer user_data)
{
  AwbRequirementPage *self = user_data;
  AwbEvidence *evidence = item;
  AwbSupports supports = AWB_SUPPORTS_YES;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (awb_method_icon_name (awb_evidence_get_method (evidence)));
  g_autofree char *title = g_markup_escape_text (awb_evidence_get_title (evidence), -1);
  g_autofree char *subtitle = NULL;

  awb_evidence_get_supports (evidence, awb_requirement_get_id (self->requirement), &supports);
  subtitle = g_strdup_printf ("%s · %s%s%s", awb_method_label (awb_evidence_get_method (evidence)),
                              awb_supports_label (supports),
                              awb_evidence_get_observed_on (evidence) != NULL ? " · " : "",
                              awb_evidence_get_observed_on (evidence) != NULL
                                ? awb_evidence_get_observed_on (evidence) : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
load_reference (AwbRequirementPage *self)
{
  AwbCase *kase = awb_session_get_case (self->session);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkSliceListModel) slice = NULL;
  guint n = 0;

  if (awb_case_get_baseline_case_id (kase) != NULL)
    {
      list = awb_evidence_list_reference (awb_session_get_database (self->session),
                                          awb_session_get_case_id (self->session),
                                          awb_requirement_get_id (self->requirement), &error);
      if (list == NULL)
        g_warning ("Cannot list the previous case's evidence: %s", error->message);
      else
        n = g_list_model_get_n_items (list);
    }
  gtk_widget_set_visible (self->reference_group, n > 0);
  if (n == 0)
    {
      gtk_list_box_bind_model (self->reference_list, NULL, NULL, NULL, NULL);
      return;
    }
  slice = gtk_slice_list_model_new (g_object_ref (list), 0, MAX_REFERENCE_ROWS);
  gtk_list_box_bind_model (self->reference_list, G_LIST_MODEL (slice), create_reference_row_cb,
                           self, NULL);
}

static void
show_texts (AwbRequirementPage *self)
{
  AwbRequirement *req = self->requirement;
  AwbSection *section = awb_catalogue_lookup_section (awb_session_get_catalogue (self->session),
                                                      awb_requirement_get_section (req));
  gboolean chinese = awb_locale_is_chinese ();
  const char *other = chinese ? awb_requirement_get_text_en (req) : awb_requirement_get_text_zh (req);
  const char *note = awb_requirement_get_note (req);
  g_autofree char *section_text = NULL;

  gtk_label_set_text (self->id_label, awb_requirement_get_id (req));
  if (section != NULL)
    section_text = g_strdup_printf ("%s %s", awb_section_get_id (section),
                                    awb_section_get_title (section));
  gtk_label_set_text (self->section_label, section_text != NULL ? section_text : "");
  gtk_label_set_text (self->kind_label,
                      awb_requirement_get_kind (req) == AWB_REQUIREMENT_PROCESS_AREA
                        ? _("Process area") : _("Basic requirement"));
  gtk_label_set_text (self->text_label, awb_requirement_get_text (req));
  gtk_label_set_text (self->other_text_label, other != NULL ? other : "");
  gtk_widget_set_visible (GTK_WIDGET (self->other_text_label),
                          other != NULL && g_strcmp0 (other, awb_requirement_get_text (req)) != 0);
  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');
}

static void
on_session_changed_cb (AwbRequirementPage *self,
                       guint               what,
                       AwbSession         *session)
{
  if (self->requirement == NULL)
    return;
  show_judgement (self);
  /* thousands of items in a large case: read again only when they changed */
  if (what & AWB_SESSION_EVIDENCE)
    load_evidence (self);
  if (what & AWB_SESSION_FINDINGS)
    load_findings (self);
}

static gboolean
save_rating (AwbRequirementPage *self,
             AwbRating           rating,
             const char         *rationale,
             GError            **error)
{
  g_autofree char *text = g_strstrip (g_strdup (rationale != NULL ? rationale : ""));

  if (!awb_rating_set (awb_session_get_database (self->session),
                       awb_session_get_case_id (self->session),
                       awb_requirement_get_id (self->requirement), rating, text,
                       awb_session_get_actor (self->session), error))
    return FALSE;
  self->pending = AWB_RATING_UNRATED;
  return TRUE;
}

static gboolean
commit_rationale_cb (GtkWidget  *field,
                     const char *text,
                     gpointer    user_data,
                     GError    **error)
{
  AwbRequirementPage *self = user_data;
  AwbRating rating = self->pending != AWB_RATING_UNRATED ? self->pending : stored_rating (self);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->session == NULL || self->requirement == NULL)
    return TRUE;
  if (rating == AWB_RATING_UNRATED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("Not saved yet: choose a rating, and the rationale is saved with it."));
      return FALSE;
    }
  if (rating == AWB_RATING_NOT_APPLICABLE && *stripped == '\0' && self->pending != AWB_RATING_UNRATED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("Write why the requirement does not apply; “Not applicable” is saved with it."));
      return FALSE;
    }
  return save_rating (self, rating, text, error);
}

static void
rationale_result_cb (GtkWidget    *field,
                     const GError *error,
                     gpointer      user_data)
{
  AwbRequirementPage *self = user_data;

  if (error != NULL)
    {
      set_status (self, error->message, !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING));
      return;
    }
  set_status (self, _("Saved"), FALSE);
  awb_session_refresh (self->session, AWB_SESSION_RATINGS);
}

static void
on_rating_button_toggled_cb (AwbRequirementPage *self,
                             GtkToggleButton    *button)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rationale = NULL;
  g_autofree char *stripped = NULL;
  AwbRating rating = AWB_RATING_UNRATED;

  if (self->updating || !gtk_toggle_button_get_active (button) || self->requirement == NULL)
    return;
  for (AwbRating r = AWB_RATING_CONFORMANT; r < AWB_N_RATINGS; r++)
    if (rating_button (self, r) == button)
      rating = r;
  if (rating == self->shown_rating)
    return;
  self->shown_rating = rating;
  show_rationale_heading (self, rating);

  rationale = awb_autosave_get_text (GTK_WIDGET (self->rationale_view));
  stripped = g_strstrip (g_strdup (rationale));
  if (rating == AWB_RATING_NOT_APPLICABLE && *stripped == '\0')
    {
      /* the core refuses N/A without a justification: ask for it first */
      self->pending = AWB_RATING_NOT_APPLICABLE;
      set_status (self, _("Write why the requirement does not apply; “Not applicable” is saved "
                          "when you leave the field."), FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->rationale_view));
      return;
    }
  self->pending = AWB_RATING_UNRATED;
  if (!save_rating (self, rating, rationale, &error))
    {
      set_status (self, error->message, TRUE);
      show_toggles (self, stored_rating (self));
      show_rationale_heading (self, self->shown_rating);
      return;
    }
  /* the rationale went with the rating */
  awb_autosave_set_text (GTK_WIDGET (self->rationale_view), rationale);
  set_status (self, _("Saved"), FALSE);
  awb_session_refresh (self->session, AWB_SESSION_RATINGS);
}

static void
on_clear_rating_button_clicked_cb (AwbRequirementPage *self,
                                   GtkButton          *button)
{
  g_autoptr(GError) error = NULL;

  self->pending = AWB_RATING_UNRATED;
  if (!awb_rating_clear (awb_session_get_database (self->session),
                         awb_session_get_case_id (self->session),
                         awb_requirement_get_id (self->requirement),
                         awb_session_get_actor (self->session), &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  set_status (self, _("Rating cleared"), FALSE);
  awb_session_refresh (self->session, AWB_SESSION_RATINGS);
}

static void
on_use_suggestion_button_clicked_cb (AwbRequirementPage *self,
                                     GtkButton          *button)
{
  const AwbRequirementJudgement *j = current_judgement (self);
  AwbRating rating = j != NULL ? suggested_rating (j->suggested) : AWB_RATING_UNRATED;
  GtkToggleButton *toggle = rating_button (self, rating);

  if (toggle != NULL)
    gtk_toggle_button_set_active (toggle, TRUE);
}

static void
on_check_row_activated_cb (AwbRequirementPage *self,
                           AdwActionRow       *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "registers");
}

static void
on_back_button_clicked_cb (AwbRequirementPage *self,
                           GtkButton          *button)
{
  g_signal_emit (self, signals[GO_BACK], 0);
}

static void
on_evidence_view_activate_cb (AwbRequirementPage *self,
                              guint               position,
                              GtkListView        *view)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, position);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  if (AWB_IS_EVIDENCE (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-evidence", "s",
                                awb_evidence_get_id (AWB_EVIDENCE (item)));
}

static void
on_findings_list_row_activated_cb (AwbRequirementPage *self,
                                   GtkListBoxRow      *row,
                                   GtkListBox         *list)
{
  if (AWB_IS_FINDING_ROW (row))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-finding", "s",
                                awb_finding_get_id (awb_finding_row_get_finding (AWB_FINDING_ROW (row))));
}

static void
awb_requirement_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AwbRequirementPage *self = AWB_REQUIREMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_requirement_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AwbRequirementPage *self = AWB_REQUIREMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_requirement_page_dispose (GObject *object)
{
  GtkWidget *child;
  AwbRequirementPage *self = (AwbRequirementPage *) object;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_clear_handle_id (&self->load_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_REQUIREMENT_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->requirement);
  g_clear_object (&self->evidence);
  for (guint i = 0; i < AWB_N_METHODS; i++)
    g_clear_object (&self->by_method[i]);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (awb_requirement_page_parent_class)->dispose (object);
}

static void
awb_requirement_page_class_init (AwbRequirementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_requirement_page_dispose;
  object_class->get_property = awb_requirement_page_get_property;
  object_class->set_property = awb_requirement_page_set_property;

  /* Shown alone (the list folded away): a back button appears. */
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                  | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[GO_BACK] = g_signal_new ("go-back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-requirement-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, id_label);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, section_label);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, text_label);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, other_text_label);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, clear_rating_button);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, conformant_button);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, largely_button);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, nonconformant_button);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, not_applicable_button);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, suggestion_row);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, use_suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, sufficiency_row);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, sufficiency_icon);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, check_row);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, check_icon);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, problem_row);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, rationale_heading);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, rationale_view);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, rationale_status);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, evidence_scroller);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, findings_list);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, reference_group);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementPage, reference_list);
  gtk_widget_class_bind_template_callback (widget_class, on_rating_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_rating_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_use_suggestion_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_check_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_findings_list_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_requirement_page_init (AwbRequirementPage *self)
{
  GtkListItemFactory *factory;
  GListStore *groups;
  GtkTreeListModel *tree;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound = g_hash_table_new (NULL, NULL);
  self->evidence = g_list_store_new (AWB_TYPE_EVIDENCE);
  groups = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (AwbMethod m = 0; m < AWB_N_METHODS; m++)
    {
      GtkCustomFilter *filter = gtk_custom_filter_new (filter_method_cb, GUINT_TO_POINTER (m), NULL);
      g_autoptr(GtkStringObject) name = gtk_string_object_new (awb_method_to_string (m));

      self->by_method[m] = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->evidence)),
                                                      GTK_FILTER (filter));
      g_list_store_append (groups, name);
    }
  tree = gtk_tree_list_model_new (G_LIST_MODEL (groups), FALSE, TRUE,
                                  create_evidence_children_cb, self, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_evidence_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_evidence_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_evidence_unbind_cb), self);
  gtk_list_view_set_factory (self->evidence_view, factory);
  gtk_list_view_set_model (self->evidence_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (tree))));
  g_object_unref (factory);

  placeholder = gtk_label_new (_("No findings."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->findings_list, placeholder);

  awb_autosave_attach (GTK_WIDGET (self->rationale_view), commit_rationale_cb,
                       rationale_result_cb, self);
  set_status (self, NULL, FALSE);
}

void
awb_requirement_page_set_session (AwbRequirementPage *self,
                                  AwbSession         *session)
{
  g_return_if_fail (AWB_IS_REQUIREMENT_PAGE (self));

  if (self->session == session)
    return;
  awb_autosave_flush (GTK_WIDGET (self->rationale_view));
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  g_clear_object (&self->requirement);
  self->evidence_generation++;
  g_list_store_remove_all (self->evidence);
  /* blank, not "no requirement selected", while the first one is picked */
  gtk_stack_set_visible_child_name (self->stack, session != NULL ? "blank" : "none");
  if (session != NULL)
    self->changed_id = g_signal_connect_object (session, "changed",
                                                G_CALLBACK (on_session_changed_cb), self,
                                                G_CONNECT_SWAPPED);
}

/* Shows requirement of the session's case; the rationale being typed for the
 * previous one is committed first. */
void
awb_requirement_page_show (AwbRequirementPage *self,
                           AwbRequirement     *requirement)
{
  g_return_if_fail (AWB_IS_REQUIREMENT_PAGE (self));
  g_return_if_fail (self->session != NULL);

  if (self->requirement == requirement)
    return;
  awb_autosave_flush (GTK_WIDGET (self->rationale_view));
  g_set_object (&self->requirement, requirement);
  self->pending = AWB_RATING_UNRATED;
  set_status (self, NULL, FALSE);
  if (requirement == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  awb_autosave_set_text (GTK_WIDGET (self->rationale_view), "");
  /* no item of the previous requirement stays on screen while these load */
  show_evidence (self, NULL);
  adw_preferences_group_set_title (self->evidence_group, _("Evidence"));
  show_texts (self);
  show_judgement (self);
  load_evidence (self);
  load_findings (self);
  load_reference (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "requirement");
}

AwbRequirement *
awb_requirement_page_get_requirement (AwbRequirementPage *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENT_PAGE (self), NULL);
  return self->requirement;
}

/* Puts the keyboard on the rating chooser. */
void
awb_requirement_page_focus (AwbRequirementPage *self)
{
  GtkToggleButton *button;

  g_return_if_fail (AWB_IS_REQUIREMENT_PAGE (self));

  button = rating_button (self, self->shown_rating);
  gtk_widget_grab_focus (GTK_WIDGET (button != NULL ? button : self->conformant_button));
}
