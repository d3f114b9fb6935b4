/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-new-case-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-application.h"
#include "awb-case.h"
#include "awb-catalogue-registry.h"
#include "awb-credit-code.h"
#include "awb-new-case-dialog.h"

/* A new case: the applicant and the credit code (checked as it is typed),
 * the catalogue, initial or maintenance (with the previous certificate, and
 * optionally the earlier case to start from) and the project team. "Create"
 * records it and emits "created" with the new id. */

/* The fields a baseline case fills in. */
enum {
  FILLED_APPLICANT,
  FILLED_CREDIT_CODE,
  FILLED_LEADER,
  FILLED_EVALUATORS,
  N_FILLED
};

struct _AwbNewCaseDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget      *create_button;
  GtkLabel       *error_label;
  AdwEntryRow    *applicant_row;
  AdwEntryRow    *credit_code_row;
  GtkLabel       *credit_code_label;
  AdwComboRow    *catalogue_row;
  AdwComboRow    *type_row;
  AdwEntryRow    *certificate_row;
  AdwEntryRow    *expiry_row;
  AdwComboRow    *baseline_row;
  GtkWidget      *baseline_label;
  AdwEntryRow    *leader_row;
  AdwEntryRow    *evaluators_row;

  AwbDatabase    *db;
  GListModel     *cases;  /* for the baseline: a placeholder string, then the cases */
  char           *filled[N_FILLED];  /* what the baseline put in each field */
};

G_DEFINE_FINAL_TYPE (AwbNewCaseDialog, awb_new_case_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
check_credit_code (AwbNewCaseDialog *self)
{
  g_autofree char *code = stripped_text (self->credit_code_row);
  g_autoptr(GError) error = NULL;
  glong length = g_utf8_strlen (code, -1);
  g_autofree char *message = NULL;
  gboolean valid = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self->credit_code_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->credit_code_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->credit_code_row), "error");
  if (length == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->credit_code_label), FALSE);
      return FALSE;
    }
  if (length < 18)
    {
      /* Translators: shown while a credit code is being typed */
      message = g_strdup_printf (_("%ld of 18 characters"), length);
      gtk_widget_add_css_class (GTK_WIDGET (self->credit_code_label), "dim-label");
    }
  else if (awb_credit_code_validate (code, &error))
    {
      message = g_strdup (_("Valid credit code"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->credit_code_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->credit_code_label), "success");
      valid = TRUE;
    }
  else
    {
      message = g_strdup (error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->credit_code_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->credit_code_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->credit_code_row), "error");
    }
  gtk_label_set_text (self->credit_code_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->credit_code_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->credit_code_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  return valid;
}

static void
on_field_changed_cb (AwbNewCaseDialog *self,
                     GtkEditable      *row)
{
  g_autofree char *applicant = stripped_text (self->applicant_row);
  gboolean code_ok = check_credit_code (self);

  gtk_widget_set_sensitive (self->create_button, *applicant != '\0' && code_ok);
}

static void
on_type_row_selected_cb (AwbNewCaseDialog *self,
                         GParamSpec       *pspec,
                         AdwComboRow      *row)
{
  gboolean maintenance = adw_combo_row_get_selected (row) == 1;

  gtk_widget_set_visible (GTK_WIDGET (self->certificate_row), maintenance);
  gtk_widget_set_visible (GTK_WIDGET (self->expiry_row), maintenance);
  gtk_widget_set_visible (GTK_WIDGET (self->baseline_row), maintenance);
  gtk_widget_set_visible (self->baseline_label,
                          maintenance && adw_combo_row_get_selected (self->baseline_row) > 0);
}

/* Puts value in a field, unless the person typed something else there. */
static void
fill (AwbNewCaseDialog *self,
      AdwEntryRow      *row,
      guint             slot,
      const char       *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (value == NULL)
    value = "";
  if (*text == '\0' || g_strcmp0 (text, self->filled[slot]) == 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  g_free (self->filled[slot]);
  self->filled[slot] = g_strdup (value);
}

/* A maintenance case is the same applicant, usually with the same team: the
 * fields show what the earlier case gives, before anything is created. */
static void
on_baseline_row_selected_cb (AwbNewCaseDialog *self,
                             GParamSpec       *pspec,
                             AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(AwbCase) kase = NULL;
  g_autofree char *evaluators = NULL;

  gtk_widget_set_visible (self->baseline_label,
                          adw_combo_row_get_selected (self->type_row) == 1 &&
                          selected != GTK_INVALID_LIST_POSITION && selected > 0);
  if (self->cases == NULL || selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return;
  kase = g_list_model_get_item (self->cases, selected - 1);
  if (kase == NULL)
    return;
  if (awb_case_get_evaluators (kase) != NULL)
    evaluators = g_strjoinv (", ", (char **) awb_case_get_evaluators (kase));
  fill (self, self->applicant_row, FILLED_APPLICANT, awb_case_get_applicant (kase));
  fill (self, self->credit_code_row, FILLED_CREDIT_CODE, awb_case_get_credit_code (kase));
  fill (self, self->leader_row, FILLED_LEADER, awb_case_get_leader (kase));
  fill (self, self->evaluators_row, FILLED_EVALUATORS, evaluators);
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

static void
on_create_button_clicked_cb (AwbNewCaseDialog *self,
                             GtkButton        *button)
{
  AwbCaseNew params = { 0 };
  g_autofree char *applicant = stripped_text (self->applicant_row);
  g_autofree char *code = stripped_text (self->credit_code_row);
  g_autofree char *certificate = stripped_text (self->certificate_row);
  g_autofree char *expiry = stripped_text (self->expiry_row);
  g_autofree char *leader = stripped_text (self->leader_row);
  g_autofree char *evaluators_text = stripped_text (self->evaluators_row);
  g_auto(GStrv) evaluators = split_names (evaluators_text);
  gboolean maintenance = adw_combo_row_get_selected (self->type_row) == 1;
  AwbCatalogue *catalogue = adw_combo_row_get_selected_item (self->catalogue_row);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  guint baseline = adw_combo_row_get_selected (self->baseline_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *from_case = NULL;

  params.applicant = applicant;
  params.credit_code = code;
  params.app_type = maintenance ? "maintenance" : "initial";
  params.catalogue_id = catalogue != NULL ? awb_catalogue_get_id (catalogue) : NULL;
  params.leader = *leader != '\0' ? leader : NULL;
  params.evaluators = evaluators[0] != NULL ? (const char * const *) evaluators : NULL;
  if (maintenance)
    {
      params.previous_certificate = *certificate != '\0' ? certificate : NULL;
      params.previous_expiry = *expiry != '\0' ? expiry : NULL;
      if (baseline != GTK_INVALID_LIST_POSITION && baseline > 0)
        {
          g_autoptr(AwbCase) kase = g_list_model_get_item (self->cases, baseline - 1);

          from_case = g_strdup (awb_case_get_id (kase));
          params.from_case = from_case;
        }
    }
  params.actor = app != NULL ? awb_application_get_actor (AWB_APPLICATION (app)) : NULL;

  id = awb_case_create (self->db, &params, &error);
  if (id == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
catalogue_title (AwbCatalogue *catalogue)
{
  if (catalogue == NULL)
    return g_strdup ("");
  /* Translators: a catalogue: its title (its version) */
  return g_strdup_printf (_("%s (%s)"), awb_catalogue_get_title (catalogue),
                          awb_catalogue_get_version (catalogue));
}

static void
awb_new_case_dialog_dispose (GObject *object)
{
  AwbNewCaseDialog *self = (AwbNewCaseDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_NEW_CASE_DIALOG);
  g_clear_object (&self->db);
  g_clear_object (&self->cases);
  for (guint i = 0; i < N_FILLED; i++)
    g_clear_pointer (&self->filled[i], g_free);

  G_OBJECT_CLASS (awb_new_case_dialog_parent_class)->dispose (object);
}

static void
awb_new_case_dialog_class_init (AwbNewCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_new_case_dialog_dispose;

  /* The case was recorded; its full id. */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-new-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, applicant_row);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, credit_code_row);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, credit_code_label);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, catalogue_row);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, baseline_label);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, leader_row);
  gtk_widget_class_bind_template_child (widget_class, AwbNewCaseDialog, evaluators_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_type_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_baseline_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awb_new_case_dialog_init (AwbNewCaseDialog *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (catalogue_title), NULL, NULL);
  adw_combo_row_set_expression (self->catalogue_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->catalogue_row,
                           awb_catalogue_registry_get_catalogues (awb_catalogue_registry_get_default ()));
}

/* A dialog creating a case in db; with baseline_case_id, a maintenance case
 * starting from that case. */
GtkWidget *
awb_new_case_dialog_new (GtkWindow   *parent,
                         AwbDatabase *db,
                         const char  *baseline_case_id)
{
  AwbNewCaseDialog *self = g_object_new (AWB_TYPE_NEW_CASE_DIALOG,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                         "transient-for", parent,
                                         "application", gtk_window_get_application (parent),
                                         NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  self->db = g_object_ref (db);
  self->cases = awb_case_list (db, &error);
  gtk_string_list_append (names, _("None: a fresh record"));
  for (guint i = 0; self->cases != NULL && i < g_list_model_get_n_items (self->cases); i++)
    {
      g_autoptr(AwbCase) kase = g_list_model_get_item (self->cases, i);
      /* Translators: a case to start from: applicant (stage, short id) */
      g_autofree char *name = g_strdup_printf (_("%s (%s, %.8s)"), awb_case_get_applicant (kase),
                                               awb_stage_label (awb_case_get_stage (kase)),
                                               awb_case_get_id (kase));

      gtk_string_list_append (names, name);
      if (g_strcmp0 (awb_case_get_id (kase), baseline_case_id) == 0)
        selected = i + 1;
    }
  if (baseline_case_id != NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Maintenance Case"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Maintenance Case"));
      adw_combo_row_set_selected (self->type_row, 1);
    }
  adw_combo_row_set_model (self->baseline_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->baseline_row, selected);
  gtk_widget_grab_focus (GTK_WIDGET (self->applicant_row));
  return GTK_WIDGET (self);
}
