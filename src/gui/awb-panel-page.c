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
 * with their reviews per section and overall and their vote, and the dissent. */

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

/* A member's vote: the toggle that was pressed, with the comment beside it. */
static void
on_vote_toggled_cb (GtkToggleButton *button,
                    AwbPanelPage    *self)
{
  GtkEditable *comment = g_object_get_data (G_OBJECT (button), "comment");
  const char *member = g_object_get_data (G_OBJECT (button), "member");
  AwbVote vote = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "vote"));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!gtk_toggle_button_get_active (button) || g_object_get_data (G_OBJECT (button), "loading"))
    return;
  id = awb_panel_vote (awb_session_get_database (self->session),
                       awb_session_get_case_id (self->session), member, vote,
                       gtk_editable_get_text (comment), awb_session_get_actor (self->session),
                       &error);
  if (id == NULL)
    report (self, error);
  refresh (self);
}

static void
on_record_review_clicked_cb (GtkButton    *button,
                             AwbPanelPage *self)
{
  AdwComboRow *scope = g_object_get_data (G_OBJECT (button), "scope");
  GtkSwitch *sufficient = g_object_get_data (G_OBJECT (button), "sufficient");
  GtkSwitch *reasonable = g_object_get_data (G_OBJECT (button), "reasonable");
  GtkEditable *comment = g_object_get_data (G_OBJECT (button), "comment");
  const char *member = g_object_get_data (G_OBJECT (button), "member");
  GtkStringObject *chosen = adw_combo_row_get_selected_item (scope);
  const char *section = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* entry 0 is the case as a whole; the others start with the section id */
  if (adw_combo_row_get_selected (scope) > 0 && chosen != NULL)
    section = g_object_get_data (G_OBJECT (chosen), "section-id");
  id = awb_panel_review (awb_session_get_database (self->session),
                         awb_session_get_case_id (self->session), member, section,
                         gtk_switch_get_active (sufficient), gtk_switch_get_active (reasonable),
                         gtk_editable_get_text (comment), awb_session_get_actor (self->session),
                         &error);
  if (id == NULL)
    {
      report (self, error);
      return;
    }
  awb_window_show_message (GTK_WIDGET (self), _("Review recorded"));
  refresh (self);
}

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
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  *out_switch = sw;
  return row;
}

static GtkWidget *
member_row (AwbPanelPage   *self,
            AwbPanel       *panel,
            AwbPanelMember *member)
{
  AwbCatalogue *catalogue = awb_session_get_catalogue (self->session);
  GListModel *sections = awb_catalogue_get_sections (catalogue);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *vote_row = adw_action_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *pass = gtk_toggle_button_new_with_mnemonic (_("_Pass"));
  GtkWidget *fail = gtk_toggle_button_new_with_mnemonic (_("_Fail"));
  GtkWidget *comment = adw_entry_row_new ();
  GtkWidget *scope = adw_combo_row_new ();
  g_autoptr(GListStore) scopes = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkStringObject) overall = gtk_string_object_new (_("The case as a whole"));
  GtkWidget *sufficient, *reasonable;
  GtkWidget *review_comment = adw_entry_row_new ();
  GtkWidget *record_row = adw_action_row_new ();
  GtkWidget *record = gtk_button_new_with_mnemonic (_("_Record Review"));
  g_autofree char *title = g_markup_escape_text (member->name, -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *pass_name = g_strdup_printf (_("%s votes pass"), member->name);
  g_autofree char *fail_name = g_strdup_printf (_("%s votes fail"), member->name);
  g_autofree char *record_name = g_strdup_printf (_("Record the review of %s"), member->name);

  subtitle = g_markup_printf_escaped ("%s%s%s · %s",
                                      member->role == AWB_PANEL_ROLE_CHAIR ? _("Chair") : _("Member"),
                                      *member->affiliation != '\0' ? ", " : "",
                                      member->affiliation, vote_label (member->vote));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  /* the vote */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (vote_row), _("Vote"));
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (fail), GTK_TOGGLE_BUTTON (pass));
  g_object_set_data (G_OBJECT (pass), "loading", GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (fail), "loading", GINT_TO_POINTER (TRUE));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (pass), member->vote == AWB_VOTE_PASS);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (fail), member->vote == AWB_VOTE_FAIL);
  g_object_set_data (G_OBJECT (pass), "loading", NULL);
  g_object_set_data (G_OBJECT (fail), "loading", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pass), GTK_ACCESSIBLE_PROPERTY_LABEL, pass_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fail), GTK_ACCESSIBLE_PROPERTY_LABEL, fail_name, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), _("Comment on the vote"));
  gtk_editable_set_text (GTK_EDITABLE (comment), member->vote_comment != NULL ? member->vote_comment : "");
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = i == 0 ? pass : fail;

      g_object_set_data_full (G_OBJECT (button), "member", g_strdup (member->id), g_free);
      g_object_set_data (G_OBJECT (button), "vote", GINT_TO_POINTER (i == 0 ? AWB_VOTE_PASS : AWB_VOTE_FAIL));
      g_object_set_data (G_OBJECT (button), "comment", comment);
      g_signal_connect (button, "toggled", G_CALLBACK (on_vote_toggled_cb), self);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (vote_row), buttons);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), vote_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), comment);

  /* a review: the scope, the two judgements, a comment */
  g_list_store_append (scopes, overall);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AwbSection) section = g_list_model_get_item (sections, i);
      g_autofree char *name = NULL;
      g_autoptr(GtkStringObject) item = NULL;

      if (!awb_section_is_leaf (section))
        continue;
      name = g_strdup_printf ("%s %s", awb_section_get_id (section), awb_section_get_title (section));
      item = gtk_string_object_new (name);
      g_object_set_data_full (G_OBJECT (item), "section-id", g_strdup (awb_section_get_id (section)),
                              g_free);
      g_list_store_append (scopes, item);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (scope), _("Review of"));
  adw_combo_row_set_model (ADW_COMBO_ROW (scope), G_LIST_MODEL (scopes));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), scope);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            switch_row (_("Evidence sufficient"), TRUE, &sufficient));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            switch_row (_("Conclusion reasonable"), TRUE, &reasonable));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (review_comment), _("Comment on the review"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), review_comment);
  gtk_widget_set_valign (record, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (record), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  record_name, -1);
  g_object_set_data (G_OBJECT (record), "scope", scope);
  g_object_set_data (G_OBJECT (record), "sufficient", sufficient);
  g_object_set_data (G_OBJECT (record), "reasonable", reasonable);
  g_object_set_data (G_OBJECT (record), "comment", review_comment);
  g_object_set_data_full (G_OBJECT (record), "member", g_strdup (member->id), g_free);
  g_signal_connect (record, "clicked", G_CALLBACK (on_record_review_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (record_row), record);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), record_row);

  /* the reviews recorded so far */
  for (guint i = 0; i < panel->reviews->len; i++)
    {
      AwbPanelReview *review = g_ptr_array_index (panel->reviews, i);
      GtkWidget *done;
      g_autofree char *what = NULL;
      g_autofree char *escaped = NULL;

      if (!g_str_equal (review->member_id, member->id))
        continue;
      done = adw_action_row_new ();
      /* Translators: a recorded panel review: scope, then the two judgements */
      what = g_strdup_printf (_("%s: evidence %s, conclusion %s"),
                              g_str_equal (review->scope, "overall") ? _("Overall") : review->scope,
                              review->sufficient ? _("sufficient") : _("insufficient"),
                              review->reasonable ? _("reasonable") : _("unreasonable"));
      escaped = g_markup_escape_text (review->comment != NULL ? review->comment : "", -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (done), what);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (done), escaped);
      adw_action_row_add_prefix (ADW_ACTION_ROW (done),
                                 gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), done);
    }
  return row;
}

static void
show_panel (AwbPanelPage *self)
{
  g_autoptr(AwbPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *votes = NULL;
  g_autofree char *submission = NULL;
  AwbJudgement *judgement = awb_session_get_judgement (self->session);
  gboolean locked = awb_session_is_locked (self->session);

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

  gtk_label_set_text (self->conclusion_label, awb_panel_conclusion_label (panel->conclusion));
  for (guint i = 0; i < G_N_ELEMENTS (conclusion_classes); i++)
    gtk_widget_remove_css_class (self->conclusion_box, conclusion_classes[i]);
  gtk_widget_add_css_class (self->conclusion_box, conclusion_classes[panel->conclusion]);
  /* Translators: the votes so far: pass votes, fail votes, members */
  votes = g_strdup_printf (_("%u pass, %u fail, of %u members%s%s"), panel->n_pass, panel->n_fail,
                           panel->members->len,
                           panel->recorded ? _(" · recorded on ") : "",
                           panel->recorded && panel->concluded_at != NULL ? panel->concluded_at : "");
  gtk_label_set_text (self->votes_label, votes);
  gtk_widget_set_visible (self->conclude_button,
                          !panel->recorded && panel->conclusion != AWB_PANEL_PENDING);

  if (panel->submitted_at != NULL)
    submission = g_strdup_printf (_("Submitted on %.10s, with the conclusion “%s”; the case is "
                                    "locked"), panel->submitted_at,
                                  awb_conclusion_label (judgement->conclusion));
  else
    submission = g_strdup_printf (_("Not submitted. Now: “%s”. The case can be submitted once "
                                    "the conclusion is complete."),
                                  awb_conclusion_label (judgement->conclusion));
  adw_action_row_set_subtitle (self->submission_row, submission);
  gtk_widget_set_visible (self->submit_button, !locked);
  gtk_widget_set_visible (self->reopen_button, locked);
  gtk_widget_set_sensitive (self->submit_button, judgement->conclusion != AWB_CONCLUSION_INCOMPLETE);

  /* the panel works on a submitted case */
  gtk_widget_set_visible (self->add_member_button, locked);
  adw_preferences_group_set_description (self->members_group,
                                         locked ? _("Expand a member to record their reviews and vote.")
                                                : _("Members are added once the case is submitted to the panel."));
  gtk_widget_set_visible (GTK_WIDGET (self->members_list), panel->members->len > 0);
  clear_list (self->members_list);
  for (guint i = 0; i < panel->members->len; i++)
    gtk_list_box_append (self->members_list,
                         member_row (self, panel, g_ptr_array_index (panel->members, i)));

  clear_list (self->dissent_list);
  gtk_widget_set_visible (self->dissent_group, panel->dissent->len > 0);
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

  panel = awb_panel_conclude (awb_session_get_database (self->session),
                              awb_session_get_case_id (self->session),
                              awb_session_get_actor (self->session), &error);
  if (panel == NULL)
    report (self, error);
  refresh (self);
}

static void
on_add_member_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           AwbPanelPage     *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *affiliation = g_object_get_data (G_OBJECT (dialog), "affiliation");
  GtkCheckButton *chair = g_object_get_data (G_OBJECT (dialog), "chair");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *stripped = NULL;

  if (!g_str_equal (response, "add") || self->session == NULL)
    return;
  stripped = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  id = awb_panel_add_member (awb_session_get_database (self->session),
                             awb_session_get_case_id (self->session), stripped,
                             gtk_editable_get_text (affiliation),
                             gtk_check_button_get_active (chair) ? AWB_PANEL_ROLE_CHAIR
                                                                 : AWB_PANEL_ROLE_MEMBER,
                             awb_session_get_actor (self->session), &error);
  if (id == NULL)
    report (self, error);
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
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *affiliation = gtk_entry_new ();
  GtkWidget *chair = gtk_check_button_new_with_mnemonic (_("_Chair of the panel"));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Add a Panel Member"), NULL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (affiliation), _("Affiliation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (affiliation), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Affiliation"), -1);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), affiliation);
  gtk_box_append (GTK_BOX (box), chair);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "affiliation", affiliation);
  g_object_set_data (G_OBJECT (dialog), "chair", chair);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (name, "changed", G_CALLBACK (on_member_name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_member_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
  if (session == NULL)
    return;
  self->changed_id = g_signal_connect_object (session, "changed",
                                              G_CALLBACK (on_session_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  on_session_changed_cb (self, AWB_SESSION_ALL, session);
}
