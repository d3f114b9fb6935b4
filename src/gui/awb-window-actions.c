/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-evidence.h"
#include "awb-evidence-dialog.h"
#include "awb-finding.h"
#include "awb-finding-dialog.h"
#include "awb-new-case-dialog.h"
#include "awb-panel.h"
#include "awb-preferences-window.h"
#include "awb-window-private.h"
#include "awb-xlsx-exporter.h"

/* The window's actions and their shortcuts: each one calls one core
 * function (or opens the dialog that does), refreshes the open case and
 * says what happened in a toast, with Undo where a deletion can be undone. */

static AwbDatabase *
window_database (AwbWindow *self)
{
  return awb_application_get_database (AWB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static const char *
actor (AwbWindow *self)
{
  return awb_session_get_actor (self->session);
}

void
_awb_window_set_show_cases (AwbWindow *self,
                            gboolean   show)
{
  if (self->show_cases == show)
    return;
  self->show_cases = show;
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), show);
  gtk_widget_set_visible (self->sidebar_separator, show);
  if (show && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "cases");
  g_object_notify (G_OBJECT (self), "show-cases");
}

/* Enabling an action touches every widget bound to it: only on a change. */
static void
set_enabled (GtkWidget  *widget,
             const char *action,
             gboolean    enabled)
{
  GHashTable *states = g_object_get_data (G_OBJECT (widget), "awb-action-states");
  gpointer known;

  if (states == NULL)
    {
      states = g_hash_table_new (g_str_hash, g_str_equal);
      g_object_set_data_full (G_OBJECT (widget), "awb-action-states", states,
                              (GDestroyNotify) g_hash_table_unref);
    }
  known = g_hash_table_lookup (states, action);
  if (known != NULL && GPOINTER_TO_INT (known) == (enabled ? 2 : 1))
    return;
  g_hash_table_insert (states, (gpointer) action, GINT_TO_POINTER (enabled ? 2 : 1));
  gtk_widget_action_set_enabled (widget, action, enabled);
}

void
_awb_window_update_actions (AwbWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_case = self->session != NULL;
  gboolean locked = has_case && awb_session_is_locked (self->session);
  gboolean exporting = self->export_cancellable != NULL;

  set_enabled (widget, "win.export", has_case && !exporting);
  set_enabled (widget, "win.export-portfolio", !exporting);
  set_enabled (widget, "win.cancel-export", exporting);
  set_enabled (widget, "win.export-package", has_case && !exporting);
  set_enabled (widget, "win.import-package", !exporting);
  set_enabled (widget, "win.new-evidence", has_case && !locked);
  set_enabled (widget, "win.delete-evidence", has_case && !locked);
  set_enabled (widget, "win.undo-delete-evidence", has_case && !locked);
  set_enabled (widget, "win.edit-evidence", has_case);
  set_enabled (widget, "win.new-finding", has_case && !locked);
  set_enabled (widget, "win.edit-finding", has_case);
  set_enabled (widget, "win.delete-finding", has_case && !locked);
  set_enabled (widget, "win.advance-finding", has_case);
  set_enabled (widget, "win.show-page", has_case);
  set_enabled (widget, "win.new-maintenance-case", has_case);
  set_enabled (widget, "win.reopen-case", locked);
  set_enabled (widget, "win.submit-case", has_case && !locked);
}

static void
refresh (AwbWindow        *self,
         AwbSessionChange  what)
{
  if (self->session != NULL)
    awb_session_refresh (self->session, what);
}

static void
on_case_created_cb (AwbWindow        *self,
                    const char       *case_id,
                    AwbNewCaseDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  awb_window_reload_cases (self);
  if (!awb_window_open_case (self, case_id, &error))
    awb_window_show_message (GTK_WIDGET (self), error->message);
}

static void
present_new_case_dialog (AwbWindow  *self,
                         const char *baseline_case_id)
{
  GtkWidget *dialog = awb_new_case_dialog_new (GTK_WINDOW (self), window_database (self),
                                               baseline_case_id);

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_case_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_case_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  present_new_case_dialog (AWB_WINDOW (widget), NULL);
}

static void
new_maintenance_case_action (GtkWidget  *widget,
                             const char *name,
                             GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);

  present_new_case_dialog (self, awb_session_get_case_id (self->session));
}

static void
new_evidence_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  GtkWidget *dialog;

  dialog = awb_evidence_dialog_new_item (GTK_WINDOW (self), self->session,
                                         awb_case_page_get_requirement (self->case_page),
                                         AWB_METHOD_DOCUMENT, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_evidence_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  dialog = awb_evidence_dialog_new_edit (GTK_WINDOW (self), self->session,
                                         g_variant_get_string (param, NULL), &error);
  if (dialog == NULL)
    {
      awb_window_show_message (widget, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_evidence_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  g_autoptr(AwbEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  evidence = awb_evidence_lookup (window_database (self), id, &error);
  if (evidence == NULL
      || !awb_evidence_remove (window_database (self), id, actor (self), &error))
    {
      awb_window_show_message (widget, error->message);
      return;
    }
  refresh (self, AWB_SESSION_EVIDENCE);

  /* Translators: a toast after deleting an evidence item */
  title = g_strdup_printf (_("“%s” deleted"), awb_evidence_get_title (evidence));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-evidence");
  adw_toast_set_action_target_value (toast, g_variant_new_string (awb_evidence_get_id (evidence)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_evidence_action (GtkWidget  *widget,
                             const char *name,
                             GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = awb_evidence_restore (window_database (self), g_variant_get_string (param, NULL), &error);
  if (id == NULL)
    {
      awb_window_show_message (widget, error->message);
      return;
    }
  refresh (self, AWB_SESSION_EVIDENCE);
  awb_window_show_message (widget, _("Evidence restored"));
}

static void
new_finding_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  AwbRequirement *req = awb_case_page_get_requirement (self->case_page);
  GtkWidget *dialog;

  if (req == NULL)
    {
      awb_window_show_message (widget, _("Pick a requirement first: a finding belongs to one."));
      return;
    }
  dialog = awb_finding_dialog_new (GTK_WINDOW (self), self->session, awb_requirement_get_id (req),
                                   NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_finding_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  g_autoptr(AwbFinding) finding = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  finding = awb_finding_get (window_database (self), g_variant_get_string (param, NULL), &error);
  if (finding == NULL)
    {
      awb_window_show_message (widget, error->message);
      return;
    }
  dialog = awb_finding_dialog_new (GTK_WINDOW (self), self->session,
                                   awb_finding_get_requirement_id (finding), finding);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
advance_finding_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  g_autoptr(AwbFinding) finding = NULL;
  g_autoptr(GError) error = NULL;
  AwbFindingStatus status;

  finding = awb_finding_get (window_database (self), g_variant_get_string (param, NULL), &error);
  if (finding == NULL)
    {
      awb_window_show_message (widget, error->message);
      return;
    }
  status = awb_finding_get_status (finding);
  if (status + 1 >= AWB_N_FINDING_STATUSES)
    return;
  if (!awb_finding_set_status (window_database (self), awb_finding_get_id (finding), status + 1,
                               actor (self), &error))
    {
      awb_window_show_message (widget, error->message);
      return;
    }
  refresh (self, AWB_SESSION_FINDINGS);
}

static void
undo_delete_finding_action (GtkWidget  *widget,
                            const char *name,
                            GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *requirement, *kind, *text, *action, *due, *status;
  AwbFindingKind k = AWB_FINDING_NONCONFORMITY;
  AwbFindingStatus s = AWB_FINDING_OPEN;

  g_variant_get (param, "(&s&s&s&s&s&s)", &requirement, &kind, &text, &action, &due, &status);
  awb_finding_kind_from_string (kind, &k);
  awb_finding_status_from_string (status, &s);
  /* a finding has no tombstone to restore: record it again as it was */
  id = awb_finding_add (window_database (self), awb_session_get_case_id (self->session), requirement,
                        k, text, *action != '\0' ? action : NULL, *due != '\0' ? due : NULL,
                        actor (self), &error);
  if (id != NULL && s != AWB_FINDING_OPEN)
    awb_finding_set_status (window_database (self), id, s, actor (self), &error);
  if (error != NULL)
    awb_window_show_message (widget, error->message);
  refresh (self, AWB_SESSION_FINDINGS);
}

static void
delete_finding_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  g_autoptr(AwbFinding) finding = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  finding = awb_finding_get (window_database (self), g_variant_get_string (param, NULL), &error);
  if (finding == NULL
      || !awb_finding_remove (window_database (self), awb_finding_get_id (finding), actor (self),
                              &error))
    {
      awb_window_show_message (widget, error->message);
      return;
    }
  refresh (self, AWB_SESSION_FINDINGS);

  toast = adw_toast_new (_("Finding deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-finding");
  adw_toast_set_action_target_value (toast,
                                     g_variant_new ("(ssssss)",
                                                    awb_finding_get_requirement_id (finding),
                                                    awb_finding_kind_to_string (awb_finding_get_kind (finding)),
                                                    awb_finding_get_text (finding),
                                                    awb_finding_get_action (finding) != NULL
                                                      ? awb_finding_get_action (finding) : "",
                                                    awb_finding_get_due (finding) != NULL
                                                      ? awb_finding_get_due (finding) : "",
                                                    awb_finding_status_to_string (awb_finding_get_status (finding))));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Export */

static void
on_export_progress_cb (double      fraction,
                       const char *what,
                       gpointer    user_data)
{
  AwbWindow *self = user_data;
  g_autofree char *text = NULL;

  /* Translators: the progress of an export, with the sheet being written */
  text = g_strdup_printf (_("Exporting: %s"), what != NULL ? what : "");
  _awb_window_show_progress (self, text, fraction);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AwbWindow) self = user_data;
  g_autoptr(AwbXlsxResult) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;

  exported = awb_xlsx_export_finish (result, &error);
  g_clear_object (&self->export_cancellable);
  if (self->case_page == NULL)
    return;  /* the window was closed meanwhile */
  _awb_window_hide_progress (self);
  _awb_window_update_actions (self);

  if (exported == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        awb_window_show_message (GTK_WIDGET (self), error->message);
      else
        awb_window_show_message (GTK_WIDGET (self), _("Export cancelled: no file was written"));
      return;
    }

  basename = g_path_get_basename (exported->path);
  /* Translators: a toast after an export, with the file's name */
  title = g_strdup_printf (_("Workbook exported to “%s”"), basename);
  _awb_window_toast_written (self, title, _("_Open"), exported->path);
}

void
_awb_window_toast_written (AwbWindow  *self,
                           const char *title,
                           const char *button_label,
                           const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 10);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, "win.open-file");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* portfolio: the summary of every case in the database instead of the open case */
static void
start_export (AwbWindow  *self,
              const char *path,
              gboolean    portfolio)
{
  self->export_cancellable = g_cancellable_new ();
  _awb_window_update_actions (self);
  _awb_window_show_progress (self, _("Exporting…"), 0);
  if (portfolio)
    awb_xlsx_export_portfolio_async (window_database (self), path, AWB_XLSX_FORCE,
                                     self->export_cancellable, on_export_progress_cb,
                                     g_object_ref (self), g_object_unref, on_export_done_cb,
                                     g_object_ref (self));
  else
    awb_xlsx_export_case_async (window_database (self), awb_session_get_case_id (self->session),
                                path, AWB_XLSX_FORCE, self->export_cancellable,
                                on_export_progress_cb, g_object_ref (self), g_object_unref,
                                on_export_done_cb, g_object_ref (self));
}

static void
on_export_chooser_response_cb (GtkNativeDialog *native,
                               int              response,
                               AwbWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean portfolio = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "portfolio"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || (self->session == NULL && !portfolio))
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      awb_window_show_message (GTK_WIDGET (self),
                               _("The workbook can only be saved to a local folder: choose another"));
      return;
    }
  /* the chooser has asked before replacing a file */
  start_export (self, path, portfolio);
}

static char *
suggested_file_name (AwbWindow *self)
{
  AwbCase *kase = awb_session_get_case (self->session);
  g_autofree char *applicant = g_strdup (awb_case_get_applicant (kase));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  g_strdelimit (applicant, "/\\:*?\"<>|", '_');
  /* Translators: the suggested name of an exported workbook: applicant, date */
  return g_strdup_printf (_("%s panel workbook %s.xlsx"), applicant, date);
}

static void
choose_export_file (AwbWindow  *self,
                    const char *title,
                    const char *file_name,
                    gboolean    portfolio)
{
  GtkFileChooserNative *native;
  GtkFileFilter *filter;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_object_set_data (G_OBJECT (native), "portfolio", GINT_TO_POINTER (portfolio));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_signal_connect (native, "response", G_CALLBACK (on_export_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  g_autofree char *file_name = suggested_file_name (self);

  choose_export_file (self, _("Export Workbook"), file_name, FALSE);
}

/* The portfolio summary: one row per case of the database, for whoever runs many assessments. */
static void
export_portfolio_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested name of the exported summary of all cases, with the date */
  g_autofree char *file_name = g_strdup_printf (_("Portfolio of all cases %s.xlsx"), date);

  choose_export_file (self, _("Export Portfolio"), file_name, TRUE);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

/* Navigation */

static void
search_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);

  if (self->session == NULL)
    {
      _awb_window_set_show_cases (self, TRUE);
      adw_leaflet_set_visible_child_name (self->leaflet, "cases");
      awb_case_sidebar_focus_search (self->sidebar);
      return;
    }
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
  awb_case_page_focus_search (self->case_page);
}

static void
search_cases_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);

  _awb_window_set_show_cases (self, TRUE);
  adw_leaflet_set_visible_child_name (self->leaflet, "cases");
  awb_case_sidebar_focus_search (self->sidebar);
}

static void
back_to_cases_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);

  _awb_window_set_show_cases (self, TRUE);
  adw_leaflet_set_visible_child_name (self->leaflet, "cases");
}

static void
show_page_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
  awb_case_page_show_page (self->case_page, g_variant_get_string (param, NULL));
}

static void
reload_cases_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  awb_window_reload_cases (AWB_WINDOW (widget));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  GtkWidget *prefs = awb_preferences_window_new (GTK_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (prefs));
}

/* The panel lock */

static void
on_reopen_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       AwbWindow        *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "reason");
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  if (!g_str_equal (response, "reopen") || self->session == NULL)
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (!awb_panel_reopen (window_database (self), awb_session_get_case_id (self->session), reason,
                         actor (self), &error))
    {
      awb_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  refresh (self, AWB_SESSION_ALL);
  awb_window_reload_cases (self);
  awb_window_show_message (GTK_WIDGET (self), _("Case reopened: it can be changed again"));
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reopen", *text != '\0');
}

static void
reopen_case_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reopen the Case?"),
                                   _("The case goes back to the project team: the panel's "
                                     "conclusion is cleared and the reason is kept in the history."));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for reopening"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for reopening"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "reason", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_submit_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       AwbWindow        *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "submit") || self->session == NULL)
    return;
  if (!awb_panel_submit (window_database (self), awb_session_get_case_id (self->session),
                         actor (self), &error))
    {
      awb_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  refresh (self, AWB_SESSION_ALL);
  awb_window_reload_cases (self);
  awb_window_show_message (GTK_WIDGET (self), _("Submitted to the expert panel: the case is locked"));
}

static void
submit_case_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Submit to the Expert Panel?"),
                                   _("The project team's conclusion and statement are frozen, and "
                                     "ratings, evidence, findings and registers are locked until "
                                     "the case is reopened."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_awb_window_class_init_actions (GtkWidgetClass *widget_class)
{
  static const char * const pages[] = {
    "overview", "requirements", "registers", "conclusion", "panel", "history", "conflicts"
  };

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.new-maintenance-case", NULL,
                                   new_maintenance_case_action);
  gtk_widget_class_install_action (widget_class, "win.new-evidence", NULL, new_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.edit-evidence", "s", edit_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.delete-evidence", "s", delete_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-evidence", "s",
                                   undo_delete_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.new-finding", NULL, new_finding_action);
  gtk_widget_class_install_action (widget_class, "win.edit-finding", "s", edit_finding_action);
  gtk_widget_class_install_action (widget_class, "win.delete-finding", "s", delete_finding_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-finding", "(ssssss)",
                                   undo_delete_finding_action);
  gtk_widget_class_install_action (widget_class, "win.advance-finding", "s", advance_finding_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-portfolio", NULL,
                                   export_portfolio_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.search-cases", NULL, search_cases_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-cases", NULL, back_to_cases_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.reload-cases", NULL, reload_cases_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-case", NULL, reopen_case_action);
  gtk_widget_class_install_action (widget_class, "win.submit-case", NULL, submit_case_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-cases", "show-cases");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-evidence", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-cases", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-cases", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}
