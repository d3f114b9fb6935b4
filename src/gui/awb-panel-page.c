/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-panel-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "awb-panel.h"
#include "awb-panel-page.h"
#include "awb-window.h"

/* The expert panel's view of the case: its conclusion by the catalogue's
 * rule, the submission (which locks the case) and reopening, each member
 * with their vote and their review of each section and of the case as a
 * whole, and the dissent. Votes and reviews are recorded in small dialogs, so
 * that the page can be rebuilt after every change without losing what is
 * being typed; the members whose row is expanded stay expanded. */

struct _AwbPanelPage
{
  GtkWidget   parent_instance;

  GtkWidget  *conclusion_box;
  GtkLabel   *conclusion_label;
  GtkLabel   *votes_label;
  GtkWidget  *conclude_button;
  AdwActionRow *submission_row;
  GtkWidget  *submit_button;
  GtkWidget  *reopen_button;
  GtkWidget  *add_member_button;
  AdwPreferencesGroup *members_group;
  GtkListBox *members_list;
  GtkWidget  *dissent_group;
  GtkListBox *dissent_list;

  AwbSession *session;
  gulong      changed_id;
  gboolean    dirty;
  GHashTable *expanded;  /* ids of the members whose row is expanded */
};

G_DEFINE_FINAL_TYPE (AwbPanelPage, awb_panel_page, GTK_TYPE_WIDGET)

static const char * const conclusion_classes[] = {
  "conclusion-incomplete", "conclusion-pass", "conclusion-fail"
};

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
vote_label (AwbVote vote)
{
  switch (vote)
    {
    case AWB_VOTE_PASS:
      return _("Voted pass");
    case AWB_VOTE_FAIL:
      return _("Voted fail");
    case AWB_VOTE_NONE:
    default:
      return _("Not voted yet");
    }
}

static void
refresh (AwbPanelPage *self)
{
  awb_session_refresh (self->session, AWB_SESSION_PANEL);
}

static void
report (AwbPanelPage *self,
        GError       *error)
{
  awb_window_show_message (GTK_WIDGET (self), error->message);
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A row with a switch, for the dialogs. */
static GtkWidget *
switch_row (const char *title,
            gboolean    active,
            GtkWidget **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  set_accessible_label (sw, title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  *out_switch = sw;
  return row;
}

static GtkWidget *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
message_dialog (AwbPanelPage *self,
                const char   *heading,
                const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

/* A member's vote: a dialog whose answers are the two votes. */
static void
on_vote_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AwbPanelPage     *self)
{
  GtkEditable *comment = g_object_get_data (G_OBJECT (dialog), "comment");
  const char *member = g_object_get_data (G_OBJECT (dialog), "member");
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  AwbVote vote;

  if (self->session == NULL || !awb_vote_from_string (response, &vote))
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (comment)));
  id = awb_panel_vote (awb_session_get_database (self->session),
                       awb_session_get_case_id (self->session), member, vote, text,
                       awb_session_get_actor (self->session), &error);
  if (id == NULL)
    report (self, error);
  refresh (self);
}

static void
on_vote_button_clicked_cb (GtkButton    *button,
                           AwbPanelPage *self)
{
  const char *member = g_object_get_data (G_OBJECT (button), "member");
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  AwbVote vote = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "vote"));
  g_autofree char *heading = g_strdup_printf (_("Vote of %s"), name);
  GtkWidget *dialog = message_dialog (self, heading,
                                      _("The panel conclusion follows the catalogue's rule once "
                                        "every member has voted. A vote can be changed until the "
                                        "conclusion is recorded."));
  GtkWidget *list = boxed_list ();
  GtkWidget *comment = entry_row (_("Comment on the vote"),
                                  g_object_get_data (G_OBJECT (button), "comment"));

  gtk_list_box_append (GTK_LIST_BOX (list), comment);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "fail", _("Vote _Fail"), "pass", _("Vote _Pass"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fail",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "pass",
                                              ADW_RESPONSE_SUGGESTED);
  if (vote != AWB_VOTE_NONE)
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), awb_vote_to_string (vote));
  g_object_set_data (G_OBJECT (dialog), "comment", comment);
  g_object_set_data_full (G_OBJECT (dialog), "member", g_strdup (member), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_vote_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (comment);
}

/* A member's review of one scope: the two judgements and a comment. */
static void
on_review_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       AwbPanelPage     *self)
{
  GtkSwitch *sufficient = g_object_get_data (G_OBJECT (dialog), "sufficient");
  GtkSwitch *reasonable = g_object_get_data (G_OBJECT (dialog), "reasonable");
  GtkEditable *comment = g_object_get_data (G_OBJECT (dialog), "comment");
  const char *member = g_object_get_data (G_OBJECT (dialog), "member");
  const char *section = g_object_get_data (G_OBJECT (dialog), "section");
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "record") || self->session == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (comment)));
  id = awb_panel_review (awb_session_get_database (self->session),
                         awb_session_get_case_id (self->session), member, section,
                         gtk_switch_get_active (sufficient), gtk_switch_get_active (reasonable),
                         text, awb_session_get_actor (self->session), &error);
  if (id == NULL)
    report (self, error);
  refresh (self);
}

static void
on_review_button_clicked_cb (GtkButton    *button,
                             AwbPanelPage *self)
{
  AwbPanelReview *review = g_object_get_data (G_OBJECT (button), "review");
  const char *member = g_object_get_data (G_OBJECT (button), "member");
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  const char *section = g_object_get_data (G_OBJECT (button), "section");
  const char *scope = g_object_get_data (G_OBJECT (button), "scope");
  g_autofree char *heading = g_strdup_printf (_("Review by %s"), name);
  GtkWidget *dialog = message_dialog (self, heading, scope);
  GtkWidget *list = boxed_list ();
  GtkWidget *sufficient, *reasonable;
  GtkWidget *comment = entry_row (_("Comment on the review"), review != NULL ? review->comment : NULL);

  /* a first review starts from "yes": the panel mostly confirms */
  gtk_list_box_append (GTK_LIST_BOX (list),
                       switch_row (_("Evidence sufficient"), review == NULL || review->sufficient,
                                   &sufficient));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       switch_row (_("Conclusion reasonable"), review == NULL || review->reasonable,
                                   &reasonable));
  gtk_list_box_append (GTK_LIST_BOX (list), comment);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "record", _("_Record"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  g_object_set_data (G_OBJECT (dialog), "sufficient", sufficient);
  g_object_set_data (G_OBJECT (dialog), "reasonable", reasonable);
  g_object_set_data (G_OBJECT (dialog), "comment", comment);
  g_object_set_data_full (G_OBJECT (dialog), "member", g_strdup (member), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "section", g_strdup (section), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_review_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static AwbPanelReview *
review_copy (const AwbPanelReview *review)
{
  AwbPanelReview *copy = g_new0 (AwbPanelReview, 1);

  copy->sufficient = review->sufficient;
  copy->reasonable = review->reasonable;
  copy->comment = g_strdup (review->comment);
  return copy;
}

static void
review_free (gpointer data)
{
  AwbPanelReview *review = data;

  g_free (review->comment);
  g_free (review);
}

static const AwbPanelReview *
find_review (AwbPanel       *panel,
             AwbPanelMember *member,
             const char     *scope)
{
  for (guint i = 0; i < panel->reviews->len; i++)
    {
      AwbPanelReview *review = g_ptr_array_index (panel->reviews, i);

      if (g_str_equal (review->member_id, member->id) && g_str_equal (review->scope, scope))
        return review;
    }
  return NULL;
}

/* One scope of a member's review: what was recorded, and the button that
 * records it. section NULL is the case as a whole. */
static GtkWidget *
review_row (AwbPanelPage   *self,
            AwbPanel       *panel,
            AwbPanelMember *member,
            AwbSection     *section,
            gboolean        open)
{
  const char *scope_id = section != NULL ? awb_section_get_id (section) : "overall";
  const AwbPanelReview *review = find_review (panel, member, scope_id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (review == NULL || (review->sufficient &&
                                                                     review->reasonable)
                                                  ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Review…"));
  g_autofree char *scope = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  if (section != NULL)
    scope = g_strdup_printf ("%s %s", scope_id, awb_section_get_title (section));
  else
    scope = g_strdup (_("The case as a whole"));
  title = g_markup_escape_text (scope, -1);
  if (review == NULL)
    subtitle = g_strdup (_("Not reviewed yet"));
  else
    {
      /* Translators: a recorded panel review: the two judgements */
      g_autofree char *what = g_strdup_printf (_("Evidence %s, conclusion %s"),
                                               review->sufficient ? _("sufficient") : _("insufficient"),
                                               review->reasonable ? _("reasonable") : _("unreasonable"));

      if (review->comment != NULL && *review->comment != '\0')
        subtitle = g_markup_printf_escaped (_("%s: “%s”"), what, review->comment);
      else
        subtitle = g_markup_escape_text (what, -1);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* an unreviewed scope keeps the icon's room, so that the titles line up */
  if (review == NULL)
    gtk_widget_set_opacity (icon, 0);
  else if (!review->sufficient || !review->reasonable)
    gtk_widget_add_css_class (icon, "warning");
  else
    gtk_widget_add_css_class (icon, "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  review == NULL ? _("Not reviewed") : _("Reviewed"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* Translators: the accessible name of a review button: scope, then member */
  name = g_strdup_printf (_("Review of %s by %s"),
                          section != NULL ? scope_id : _("the case as a whole"), member->name);
  set_accessible_label (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_visible (button, open);
  g_object_set_data_full (G_OBJECT (button), "member", g_strdup (member->id), g_free);
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (member->name), g_free);
  g_object_set_data_full (G_OBJECT (button), "section",
                          section != NULL ? g_strdup (scope_id) : NULL, g_free);
  g_object_set_data_full (G_OBJECT (button), "scope", g_strdup (scope), g_free);
  if (review != NULL)
    g_object_set_data_full (G_OBJECT (button), "review", review_copy (review), review_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_review_button_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
on_member_expanded_cb (AdwExpanderRow *row,
                       GParamSpec     *pspec,
                       AwbPanelPage   *self)
{
  const char *member = g_object_get_data (G_OBJECT (row), "member");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (member));
  else
    g_hash_table_remove (self->expanded, member);
}

static GtkWidget *
member_row (AwbPanelPage   *self,
            AwbPanel       *panel,
            AwbPanelMember *member,
            gboolean        open)
{
  AwbCatalogue *catalogue = awb_session_get_catalogue (self->session);
  GListModel *sections = awb_catalogue_get_sections (catalogue);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *vote = gtk_button_new_with_mnemonic (_("_Vote…"));
  g_autofree char *title = g_markup_escape_text (member->name, -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *vote_name = g_strdup_printf (_("Vote of %s"), member->name);
  g_autofree char *reviewed = NULL;
  g_autofree char *who = NULL;
  const char *role;
  guint n_scopes = 1, n_reviewed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AwbSection) section = g_list_model_get_item (sections, i);

      n_scopes += awb_section_is_leaf (section) ? 1 : 0;
    }
  for (guint i = 0; i < panel->reviews->len; i++)
    n_reviewed += g_str_equal (((AwbPanelReview *) g_ptr_array_index (panel->reviews, i))->member_id,
                               member->id) ? 1 : 0;
  /* Translators: how many of the scopes (sections and the whole case) a member reviewed */
  reviewed = g_strdup_printf (_("%u of %u reviewed"), n_reviewed, n_scopes);
  role = member->role == AWB_PANEL_ROLE_CHAIR ? _("Chair") : _("Member");
  if (*member->affiliation != '\0')
    /* Translators: a panel member's role, then their affiliation */
    who = g_strdup_printf (C_("panel member", "%s, %s"), role, member->affiliation);
  subtitle = g_markup_printf_escaped ("%s · %s · %s", who != NULL ? who : role,
                                      vote_label (member->vote), reviewed);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "member", g_strdup (member->id), g_free);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 g_hash_table_contains (self->expanded, member->id));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_member_expanded_cb), self);

  /* the vote, in the header so that it is there without expanding */
  set_accessible_label (vote, vote_name);
  gtk_widget_set_valign (vote, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (vote, open);
  g_object_set_data_full (G_OBJECT (vote), "member", g_strdup (member->id), g_free);
  g_object_set_data_full (G_OBJECT (vote), "name", g_strdup (member->name), g_free);
  g_object_set_data_full (G_OBJECT (vote), "comment", g_strdup (member->vote_comment), g_free);
  g_object_set_data (G_OBJECT (vote), "vote", GINT_TO_POINTER (member->vote));
  g_signal_connect (vote, "clicked", G_CALLBACK (on_vote_button_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), vote);

  /* the vote with its comment, then a row per scope: the whole case, each section */
  if (member->vote != AWB_VOTE_NONE)
    {
      GtkWidget *vote_row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (member->vote == AWB_VOTE_PASS
                                                      ? "emblem-ok-symbolic"
                                                      : "dialog-error-symbolic");
      g_autofree char *comment = g_markup_escape_text (member->vote_comment, -1);

      gtk_widget_add_css_class (icon, member->vote == AWB_VOTE_PASS ? "success" : "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      vote_label (member->vote), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (vote_row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (vote_row), vote_label (member->vote));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (vote_row), comment);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), vote_row);
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), review_row (self, panel, member, NULL, open));
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AwbSection) section = g_list_model_get_item (sections, i);

      if (awb_section_is_leaf (section))
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  review_row (self, panel, member, section, open));
    }
  return row;
}

static char *
votes_text (AwbPanel *panel,
            gboolean  submitted)
{
  g_autofree char *counts = NULL;

  if (panel->members->len == 0)
    return g_strdup (submitted ? _("No members yet: add the panel's members below.")
                               : _("The expert panel reviews the case once the project leader "
                                   "submits it."));
  /* Translators: the votes so far: pass votes, fail votes, members */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pass, %u fail, of %u member",
                                         "%u pass, %u fail, of %u members", panel->members->len),
                            panel->n_pass, panel->n_fail, panel->members->len);
  if (submitted && panel->conclusion != AWB_PANEL_PENDING && panel->n_pass == panel->n_fail)
    {
      /* Translators: the vote counts, then the conclusion a tie gives */
      g_autofree char *tie = g_strdup_printf (_("%s: a tie, which the catalogue's rule makes “%s”"),
                                              counts, awb_panel_conclusion_label (panel->conclusion));

      g_free (counts);
      counts = g_steal_pointer (&tie);
    }
  if (!submitted)
    /* Translators: %s are the vote counts of a reopened case */
    return g_strdup_printf (_("%s, from before the case was reopened; the members confirm or "
                              "change their votes once it is submitted again."), counts);
  if (panel->recorded)
    /* Translators: the vote counts, then the day the panel conclusion was recorded */
    return g_strdup_printf (_("%s · recorded on %.10s"), counts,
                            panel->concluded_at != NULL ? panel->concluded_at : "");
  return g_steal_pointer (&counts);
}

static void
show_panel (AwbPanelPage *self)
{
  g_autoptr(AwbPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *votes = NULL;
  g_autofree char *submission = NULL;
  AwbJudgement *judgement = awb_session_get_judgement (self->session);
  const char *team = NULL;
  gboolean submitted, open;
  AwbPanelConclusion shown;

  if (judgement == NULL)
    return;  /* shown when the judgement arrives */
  self->dirty = FALSE;
  panel = awb_panel_get (awb_session_get_database (self->session),
                         awb_session_get_case_id (self->session), &error);
  if (panel == NULL)
    {
      gtk_label_set_text (self->votes_label, error->message);
      return;
    }
  submitted = panel->submitted_at != NULL;
  open = submitted && !panel->recorded;

  /* before submission the votes kept from an earlier review decide nothing */
  shown = submitted ? panel->conclusion : AWB_PANEL_PENDING;
  gtk_label_set_text (self->conclusion_label,
                      submitted ? awb_panel_conclusion_label (shown) : _("Not submitted"));
  for (guint i = 0; i < G_N_ELEMENTS (conclusion_classes); i++)
    gtk_widget_remove_css_class (self->conclusion_box, conclusion_classes[i]);
  gtk_widget_add_css_class (self->conclusion_box, conclusion_classes[shown]);
  votes = votes_text (panel, submitted);
  gtk_label_set_text (self->votes_label, votes);
  gtk_widget_set_visible (self->conclude_button, open && panel->conclusion != AWB_PANEL_PENDING);

  team = awb_conclusion_label (judgement->conclusion);
  if (submitted)
    /* Translators: the frozen team conclusion, then the day of submission */
    submission = g_strdup_printf (_("“%s”, submitted on %.10s: the case is locked until it is "
                                    "reopened"), team, panel->submitted_at);
  else if (judgement->conclusion == AWB_CONCLUSION_INCOMPLETE)
    submission = g_strdup_printf (_("“%s”: the case can be submitted once every requirement is "
                                    "rated and backed by its evidence"), team);
  else
    submission = g_strdup_printf (_("“%s”: ready to be submitted to the panel"), team);
  adw_action_row_set_subtitle (self->submission_row, submission);
  gtk_widget_set_visible (self->submit_button, !submitted);
  gtk_widget_set_visible (self->reopen_button, submitted);
  gtk_widget_set_sensitive (self->submit_button, judgement->conclusion != AWB_CONCLUSION_INCOMPLETE);

  /* the panel works on a submitted case until its conclusion is recorded */
  gtk_widget_set_visible (self->add_member_button, open);
  if (open)
    adw_preferences_group_set_description (self->members_group,
                                           _("Record each member's vote, and their review of the "
                                             "case as a whole and of each section."));
  else if (submitted)
    adw_preferences_group_set_description (self->members_group,
                                           _("The panel conclusion is recorded: votes and reviews "
                                             "are closed until the case is reopened."));
  else if (panel->members->len > 0)
    adw_preferences_group_set_description (self->members_group,
                                           _("Votes and reviews open again once the case is "
                                             "submitted to the panel."));
  else
    adw_preferences_group_set_description (self->members_group,
                                           _("Members are added once the case is submitted to the "
                                             "panel."));
  gtk_widget_set_visible (GTK_WIDGET (self->members_list), panel->members->len > 0);
  clear_list (self->members_list);
  for (guint i = 0; i < panel->members->len; i++)
    gtk_list_box_append (self->members_list,
                         member_row (self, panel, g_ptr_array_index (panel->members, i), open));

  clear_list (self->dissent_list);
  gtk_widget_set_visible (self->dissent_group, submitted && panel->dissent->len > 0);
  for (guint i = 0; i < panel->dissent->len; i++)
    {
      AwbPanelMember *member = g_ptr_array_index (panel->dissent, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_printf_escaped ("%s — %s", member->name, vote_label (member->vote));
      g_autofree char *comment = g_markup_escape_text (member->vote_comment, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), comment);
      gtk_list_box_append (self->dissent_list, row);
    }
}

static void
on_session_changed_cb (AwbPanelPage *self,
                       guint         what,
                       AwbSession   *session)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_panel (self);
  else
    self->dirty = TRUE;
}

static void
on_conclude_button_clicked_cb (AwbPanelPage *self,
                               GtkButton    *button)
{
  g_autoptr(AwbPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  panel = awb_panel_conclude (awb_session_get_database (self->session),
                              awb_session_get_case_id (self->session),
                              awb_session_get_actor (self->session), &error);
  if (panel == NULL)
    report (self, error);
  else
    {
      message = g_strdup_printf (_("Panel conclusion recorded: %s"),
                                 awb_panel_conclusion_label (panel->conclusion));
      awb_window_show_message (GTK_WIDGET (self), message);
    }
  refresh (self);
}

static void
on_add_member_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           AwbPanelPage     *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *affiliation = g_object_get_data (G_OBJECT (dialog), "affiliation");
  GtkSwitch *chair = g_object_get_data (G_OBJECT (dialog), "chair");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *stripped = NULL;

  if (!g_str_equal (response, "add") || self->session == NULL)
    return;
  stripped = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  id = awb_panel_add_member (awb_session_get_database (self->session),
                             awb_session_get_case_id (self->session), stripped,
                             gtk_editable_get_text (affiliation),
                             gtk_switch_get_active (chair) ? AWB_PANEL_ROLE_CHAIR
                                                           : AWB_PANEL_ROLE_MEMBER,
                             awb_session_get_actor (self->session), &error);
  if (id == NULL)
    report (self, error);
  else  /* the new member's row opens, ready for their vote and reviews */
    g_hash_table_add (self->expanded, g_steal_pointer (&id));
  refresh (self);
}

static void
on_member_name_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *text != '\0');
}

static void
on_add_member_button_clicked_cb (AwbPanelPage *self,
                                 GtkButton    *button)
{
  GtkWidget *dialog = message_dialog (self, _("Add a Panel Member"), NULL);
  GtkWidget *list = boxed_list ();
  GtkWidget *name = entry_row (_("Name"), NULL);
  GtkWidget *affiliation = entry_row (_("Affiliation"), NULL);
  GtkWidget *chair;

  gtk_list_box_append (GTK_LIST_BOX (list), name);
  gtk_list_box_append (GTK_LIST_BOX (list), affiliation);
  gtk_list_box_append (GTK_LIST_BOX (list), switch_row (_("Chair of the panel"), FALSE, &chair));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "affiliation", affiliation);
  g_object_set_data (G_OBJECT (dialog), "chair", chair);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "add", _("_Add"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_signal_connect (name, "changed", G_CALLBACK (on_member_name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_member_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

static void
awb_panel_page_map (GtkWidget *widget)
{
  AwbPanelPage *self = AWB_PANEL_PAGE (widget);

  GTK_WIDGET_CLASS (awb_panel_page_parent_class)->map (widget);
  if (self->dirty && self->session != NULL)
    show_panel (self);
}

static void
awb_panel_page_dispose (GObject *object)
{
  GtkWidget *child;
  AwbPanelPage *self = (AwbPanelPage *) object;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_PANEL_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (awb_panel_page_parent_class)->dispose (object);
}

static void
awb_panel_page_class_init (AwbPanelPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_panel_page_dispose;
  widget_class->map = awb_panel_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-panel-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, conclusion_box);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, conclusion_label);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, votes_label);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, conclude_button);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, submission_row);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, members_group);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, members_list);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, dissent_group);
  gtk_widget_class_bind_template_child (widget_class, AwbPanelPage, dissent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_conclude_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_member_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_panel_page_init (AwbPanelPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
awb_panel_page_set_session (AwbPanelPage *self,
                            AwbSession   *session)
{
  g_return_if_fail (AWB_IS_PANEL_PAGE (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  g_hash_table_remove_all (self->expanded);
  if (session == NULL)
    return;
  self->changed_id = g_signal_connect_object (session, "changed",
                                              G_CALLBACK (on_session_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  on_session_changed_cb (self, AWB_SESSION_ALL, session);
}
