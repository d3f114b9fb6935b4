/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "awb-autosave.h"
#include "awb-catalogue-registry.h"
#include "awb-deadlines.h"
#include "awb-overview-page.h"
#include "awb-window.h"

/* The case itself: its stage with the button that moves it on, what is due
 * or breached, the acceptance checklist, the dates, the application and the
 * project team. Dates and the team are saved when focus leaves the field. */

struct _AwbOverviewPage
{
  GtkWidget            parent_instance;

  AdwActionRow        *stage_row;
  GtkButton           *advance_button;
  GtkWidget           *close_button;
  GtkListBox          *moves_list;
  GtkListBox          *deadlines_list;
  AdwPreferencesGroup *checklist_group;
  AdwPreferencesGroup *dates_group;
  AdwActionRow        *applicant_row;
  AdwActionRow        *credit_code_row;
  AdwActionRow        *type_row;
  AdwActionRow        *baseline_row;
  AdwActionRow        *catalogue_row;
  AdwActionRow        *case_id_row;
  AdwEntryRow         *leader_row;
  AdwEntryRow         *evaluators_row;

  GtkCheckButton      *checks[AWB_N_CHECKS];
  AdwActionRow        *check_rows[AWB_N_CHECKS];
  AdwEntryRow         *date_rows[AWB_N_CASE_DATES];

  AwbSession          *session;
  gulong               changed_id;
  gboolean             dirty;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (AwbOverviewPage, awb_overview_page, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
deadline_icon (AwbDeadlineState state,
               const char     **css_class)
{
  switch (state)
    {
    case AWB_DEADLINE_OK:
      *css_class = "success";
      return "emblem-ok-symbolic";
    case AWB_DEADLINE_DUE:
      *css_class = "accent";
      return "task-due-symbolic";
    case AWB_DEADLINE_OVERDUE:
      *css_class = "warning";
      return "task-past-due-symbolic";
    case AWB_DEADLINE_BREACHED:
      *css_class = "error";
      return "dialog-error-symbolic";
    case AWB_DEADLINE_INFO:
    case AWB_N_DEADLINE_STATES:
    default:
      *css_class = "dim-label";
      return "dialog-information-symbolic";
    }
}

static void
show_deadlines (AwbOverviewPage *self)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->deadlines_list);
  deadlines = awb_deadlines_for_case (awb_session_get_database (self->session),
                                      awb_session_get_case_id (self->session), &error);
  if (deadlines == NULL)
    {
      g_warning ("Cannot compute the deadlines: %s", error->message);
      return;
    }
  for (guint i = 0; i < deadlines->len; i++)
    {
      AwbDeadline *deadline = g_ptr_array_index (deadlines, i);
      GtkWidget *row = adw_action_row_new ();
      const char *css_class = NULL;
      GtkWidget *icon = gtk_image_new_from_icon_name (deadline_icon (deadline->state, &css_class));
      g_autofree char *text = g_markup_escape_text (deadline->text, -1);

      gtk_widget_add_css_class (icon, css_class);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_set_tooltip_text (icon, awb_deadline_state_label (deadline->state));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      awb_deadline_state_label (deadline->state), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (deadline->state >= AWB_DEADLINE_OVERDUE)
        gtk_widget_add_css_class (row, deadline->state == AWB_DEADLINE_BREACHED ? "breached" : "overdue");
      gtk_list_box_append (self->deadlines_list, row);
    }
}

static void
show_moves (AwbOverviewPage *self,
            AwbCase         *kase)
{
  GPtrArray *moves = awb_case_get_stage_moves (kase);

  clear_list (self->moves_list);
  gtk_widget_set_visible (GTK_WIDGET (self->moves_list), moves != NULL && moves->len > 0);
  for (guint i = 0; moves != NULL && i < moves->len; i++)
    {
      AwbStageMove *move = g_ptr_array_index (moves, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a stage move, "Acceptance → Initiation" */
      title = g_strdup_printf (_("%s → %s"), awb_stage_label (move->from), awb_stage_label (move->to));
      /* Translators: when and by whom a stage move was made */
      subtitle = g_markup_printf_escaped (_("On %s, by %s"), move->on_date, move->actor);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->moves_list, row);
    }
}

/* A maintenance case that started from an earlier one names it: its team and
 * registers were copied, its evidence is shown beside each requirement. */
static void
show_baseline (AwbOverviewPage *self,
               AwbCase         *kase)
{
  const char *id = awb_case_get_baseline_case_id (kase);
  g_autoptr(AwbCase) baseline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->baseline_row), id != NULL);
  if (id == NULL)
    return;
  baseline = awb_case_lookup (awb_session_get_database (self->session), id, &error);
  if (baseline != NULL)
    /* Translators: the earlier case: applicant, stage, short id */
    subtitle = g_markup_printf_escaped (_("%s · %s · %.8s — its team and registers were copied"),
                                        awb_case_get_applicant (baseline),
                                        awb_stage_label (awb_case_get_stage (baseline)), id);
  else
    subtitle = g_markup_escape_text (error->message, -1);
  adw_action_row_set_subtitle (self->baseline_row, subtitle);
}

static void
on_baseline_button_clicked_cb (AwbOverviewPage *self,
                               GtkButton       *button)
{
  g_autofree char *id = g_strdup (awb_case_get_baseline_case_id (awb_session_get_case (self->session)));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  if (id != NULL && AWB_IS_WINDOW (root) && !awb_window_open_case (AWB_WINDOW (root), id, &error))
    awb_window_show_message (GTK_WIDGET (self), error->message);
}

static void
show_case (AwbOverviewPage *self)
{
  AwbCase *kase = awb_session_get_case (self->session);
  AwbCatalogue *catalogue = awb_session_get_catalogue (self->session);
  AwbStage stage = awb_case_get_stage (kase);
  gboolean maintenance = awb_case_is_maintenance (kase);
  const char * const *evaluators = awb_case_get_evaluators (kase);
  g_autofree char *catalogue_text = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *joined = NULL;

  self->dirty = FALSE;
  self->updating = TRUE;

  adw_action_row_set_subtitle (self->stage_row, awb_stage_label (stage));
  gtk_widget_set_visible (GTK_WIDGET (self->advance_button), stage < AWB_STAGE_CERTIFICATION);
  if (stage < AWB_STAGE_CERTIFICATION)
    {
      g_autofree char *label = g_strdup_printf (_("Advance to %s"), awb_stage_label (stage + 1));

      gtk_button_set_label (self->advance_button, label);
    }
  gtk_widget_set_visible (self->close_button, stage != AWB_STAGE_CLOSED);
  show_moves (self, kase);
  show_deadlines (self);

  for (AwbCheck c = 0; c < AWB_N_CHECKS; c++)
    {
      const char *actor = NULL, *at = NULL;
      gboolean done = awb_case_get_check (kase, c, &actor, &at);
      g_autofree char *subtitle = NULL;

      gtk_check_button_set_active (self->checks[c], done);
      gtk_widget_set_sensitive (GTK_WIDGET (self->checks[c]), !done);
      if (done)
        subtitle = g_markup_printf_escaped (_("Ticked by %s on %.10s"), actor, at);
      adw_action_row_set_subtitle (self->check_rows[c], subtitle != NULL ? subtitle : "");
    }

  for (AwbCaseDate d = 0; d < AWB_N_CASE_DATES; d++)
    if (!awb_autosave_is_pending (GTK_WIDGET (self->date_rows[d])))
      {
        awb_autosave_set_text (GTK_WIDGET (self->date_rows[d]), awb_case_get_date (kase, d));
        gtk_widget_remove_css_class (GTK_WIDGET (self->date_rows[d]), "error");
      }

  adw_action_row_set_subtitle (self->applicant_row, awb_case_get_applicant (kase));
  adw_action_row_set_subtitle (self->credit_code_row, awb_case_get_credit_code (kase));
  if (maintenance)
    type_text = g_markup_printf_escaped (_("Maintenance: previous certificate %s, expiring %s"),
                                         awb_case_get_previous_certificate (kase) != NULL
                                           ? awb_case_get_previous_certificate (kase) : "—",
                                         awb_case_get_previous_expiry (kase) != NULL
                                           ? awb_case_get_previous_expiry (kase) : "—");
  else
    type_text = g_strdup (_("Initial application"));
  adw_action_row_set_subtitle (self->type_row, type_text);
  show_baseline (self, kase);
  catalogue_text = g_markup_printf_escaped ("%s (%s %s)", awb_catalogue_get_title (catalogue),
                                            awb_catalogue_get_id (catalogue),
                                            awb_catalogue_get_version (catalogue));
  adw_action_row_set_subtitle (self->catalogue_row, catalogue_text);
  adw_action_row_set_subtitle (self->case_id_row, awb_case_get_id (kase));

  if (!awb_autosave_is_pending (GTK_WIDGET (self->leader_row)))
    awb_autosave_set_text (GTK_WIDGET (self->leader_row), awb_case_get_leader (kase));
  joined = evaluators != NULL ? g_strjoinv (", ", (char **) evaluators) : g_strdup ("");
  if (!awb_autosave_is_pending (GTK_WIDGET (self->evaluators_row)))
    awb_autosave_set_text (GTK_WIDGET (self->evaluators_row), joined);

  self->updating = FALSE;
}

/* Advancing is the step to take next, except out of the evaluation while the
 * audit conclusion is still incomplete: the button is there, not urged. */
static void
show_advance (AwbOverviewPage *self)
{
  AwbJudgement *judgement = awb_session_get_judgement (self->session);
  AwbStage stage = awb_case_get_stage (awb_session_get_case (self->session));
  gboolean urged = stage < AWB_STAGE_EVALUATION
                   || (stage == AWB_STAGE_EVALUATION && judgement != NULL
                       && judgement->conclusion != AWB_CONCLUSION_INCOMPLETE);

  if (urged)
    gtk_widget_add_css_class (GTK_WIDGET (self->advance_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->advance_button), "suggested-action");
}

static void
on_session_changed_cb (AwbOverviewPage *self,
                       guint            what,
                       AwbSession      *session)
{
  /* any edit can complete the conclusion: a class, cheap to set */
  show_advance (self);
  /* the case's own record, or its lock */
  if (!(what & (AWB_SESSION_CASE | AWB_SESSION_PANEL)))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_case (self);
  else
    self->dirty = TRUE;
}

static void
advance_to (AwbOverviewPage *self,
            AwbStage         stage)
{
  g_autoptr(GError) error = NULL;

  if (!awb_case_advance (awb_session_get_database (self->session),
                         awb_session_get_case_id (self->session), awb_stage_to_string (stage),
                         NULL, awb_session_get_actor (self->session), &error))
    {
      awb_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  awb_session_refresh (self->session, AWB_SESSION_CASE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reload-cases", NULL);
}

static void
on_advance_button_clicked_cb (AwbOverviewPage *self,
                              GtkButton       *button)
{
  AwbStage stage = awb_case_get_stage (awb_session_get_case (self->session));

  if (stage < AWB_STAGE_CERTIFICATION)
    advance_to (self, stage + 1);
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AwbOverviewPage  *self)
{
  if (g_str_equal (response, "close"))
    advance_to (self, AWB_STAGE_CLOSED);
}

static void
on_close_button_clicked_cb (AwbOverviewPage *self,
                            GtkButton       *button)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Close the Case?"),
                                   _("A closed case cannot move back to an earlier stage. Its "
                                     "archive is kept for the retention period."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "close", _("C_lose Case"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_check_toggled_cb (GtkCheckButton  *check,
                     AwbOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  AwbCheck item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "check"));

  if (self->updating || !gtk_check_button_get_active (check) || self->session == NULL)
    return;
  if (!awb_case_check (awb_session_get_database (self->session),
                       awb_session_get_case_id (self->session), awb_check_to_string (item),
                       awb_session_get_actor (self->session), &error))
    {
      awb_window_show_message (GTK_WIDGET (self), error->message);
      self->updating = TRUE;
      gtk_check_button_set_active (check, FALSE);
      self->updating = FALSE;
      return;
    }
  awb_session_refresh (self->session, AWB_SESSION_CASE);
}

static gboolean
commit_date_cb (GtkWidget  *field,
                const char *text,
                gpointer    user_data,
                GError    **error)
{
  AwbOverviewPage *self = user_data;
  AwbCaseDate kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (field), "date-kind"));
  g_autofree char *date = g_strstrip (g_strdup (text));

  if (self->session == NULL)
    return TRUE;
  if (*date == '\0' && awb_case_get_date (awb_session_get_case (self->session), kind) == NULL)
    return TRUE;
  return awb_case_set_date (awb_session_get_database (self->session),
                            awb_session_get_case_id (self->session),
                            awb_case_date_to_string (kind), date,
                            awb_session_get_actor (self->session), error);
}

static void
field_result_cb (GtkWidget    *field,
                 const GError *error,
                 gpointer      user_data)
{
  AwbOverviewPage *self = user_data;

  if (error != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, error->message);
      awb_window_show_message (field, error->message);
      return;
    }
  gtk_widget_remove_css_class (field, "error");
  gtk_widget_set_tooltip_text (field, NULL);
  awb_session_refresh (self->session, AWB_SESSION_CASE);
}

static char **
split_names (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,，、;；]", text, 0, 0);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);

      if (*name != '\0')
        g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

static gboolean
commit_leader_cb (GtkWidget  *field,
                  const char *text,
                  gpointer    user_data,
                  GError    **error)
{
  AwbOverviewPage *self = user_data;
  g_autofree char *leader = g_strstrip (g_strdup (text));

  if (self->session == NULL)
    return TRUE;
  return awb_case_change_team (awb_session_get_database (self->session),
                               awb_session_get_case_id (self->session), leader, NULL, NULL,
                               awb_session_get_actor (self->session), error);
}

static gboolean
commit_evaluators_cb (GtkWidget  *field,
                      const char *text,
                      gpointer    user_data,
                      GError    **error)
{
  AwbOverviewPage *self = user_data;
  g_auto(GStrv) wanted = split_names (text);
  const char * const *current;
  g_autoptr(GStrvBuilder) add = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) remove = g_strv_builder_new ();
  g_auto(GStrv) to_add = NULL;
  g_auto(GStrv) to_remove = NULL;

  if (self->session == NULL)
    return TRUE;
  current = awb_case_get_evaluators (awb_session_get_case (self->session));
  for (guint i = 0; wanted[i] != NULL; i++)
    if (current == NULL || !g_strv_contains (current, wanted[i]))
      g_strv_builder_add (add, wanted[i]);
  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) wanted, current[i]))
      g_strv_builder_add (remove, current[i]);
  to_add = g_strv_builder_end (add);
  to_remove = g_strv_builder_end (remove);
  if (to_add[0] == NULL && to_remove[0] == NULL)
    return TRUE;
  return awb_case_change_team (awb_session_get_database (self->session),
                               awb_session_get_case_id (self->session), NULL,
                               (const char * const *) to_add, (const char * const *) to_remove,
                               awb_session_get_actor (self->session), error);
}

static void
awb_overview_page_map (GtkWidget *widget)
{
  AwbOverviewPage *self = AWB_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (awb_overview_page_parent_class)->map (widget);
  if (self->dirty && self->session != NULL)
    show_case (self);
}

static void
awb_overview_page_dispose (GObject *object)
{
  GtkWidget *child;
  AwbOverviewPage *self = (AwbOverviewPage *) object;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_OVERVIEW_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (awb_overview_page_parent_class)->dispose (object);
}

static void
awb_overview_page_class_init (AwbOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_overview_page_dispose;
  widget_class->map = awb_overview_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, stage_row);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, advance_button);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, moves_list);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, dates_group);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, applicant_row);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, credit_code_row);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, catalogue_row);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, case_id_row);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, leader_row);
  gtk_widget_class_bind_template_child (widget_class, AwbOverviewPage, evaluators_row);
  gtk_widget_class_bind_template_callback (widget_class, on_advance_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_baseline_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_overview_page_init (AwbOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (AwbCheck c = 0; c < AWB_N_CHECKS; c++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), awb_check_label (c));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "check", GUINT_TO_POINTER (c));
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      adw_preferences_group_add (self->checklist_group, row);
      self->checks[c] = GTK_CHECK_BUTTON (check);
      self->check_rows[c] = ADW_ACTION_ROW (row);
    }

  for (AwbCaseDate d = 0; d < AWB_N_CASE_DATES; d++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), awb_case_date_label (d));
      g_object_set_data (G_OBJECT (row), "date-kind", GUINT_TO_POINTER (d));
      awb_autosave_attach (row, commit_date_cb, field_result_cb, self);
      adw_preferences_group_add (self->dates_group, row);
      self->date_rows[d] = ADW_ENTRY_ROW (row);
    }

  awb_autosave_attach (GTK_WIDGET (self->leader_row), commit_leader_cb, field_result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->evaluators_row), commit_evaluators_cb, field_result_cb, self);
}

void
awb_overview_page_set_session (AwbOverviewPage *self,
                               AwbSession      *session)
{
  g_return_if_fail (AWB_IS_OVERVIEW_PAGE (self));

  if (self->session == session)
    return;
  /* what was typed belongs to the case shown until now */
  for (AwbCaseDate d = 0; d < AWB_N_CASE_DATES; d++)
    awb_autosave_flush (GTK_WIDGET (self->date_rows[d]));
  awb_autosave_flush (GTK_WIDGET (self->leader_row));
  awb_autosave_flush (GTK_WIDGET (self->evaluators_row));
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  if (session == NULL)
    return;
  self->changed_id = g_signal_connect_object (session, "changed",
                                              G_CALLBACK (on_session_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  on_session_changed_cb (self, AWB_SESSION_ALL, session);
}
