/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-window-package"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-error.h"
#include "awb-package.h"
#include "awb-window-private.h"

/* Case packages from the window (docs/package-format.md): win.export-package
 * writes the open case to a .awbcase file, win.import-package reads one — a
 * new case, or a merge into the case it holds, whose conflicts the Conflicts
 * page lists. Each runs in a worker thread on its own connection (the core's
 * _async) under a moving bar with Cancel. A refused package is explained in
 * a dialog with the core's words, and nothing changes: the core checks
 * everything before it writes, in one transaction. */

static AwbDatabase *
window_database (AwbWindow *self)
{
  return awb_application_get_database (AWB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static gboolean
on_pulse_cb (gpointer data)
{
  AwbWindow *self = data;

  _awb_window_show_progress (self, self->progress_text, -1);
  return G_SOURCE_CONTINUE;
}

static void
begin_job (AwbWindow  *self,
           const char *text)
{
  self->export_cancellable = g_cancellable_new ();
  g_free (self->progress_text);
  self->progress_text = g_strdup (text);
  _awb_window_show_progress (self, text, -1);
  /* the core reports no fraction for a package: the bar shows it is alive */
  self->pulse_id = g_timeout_add (150, on_pulse_cb, self);
  _awb_window_update_actions (self);
}

/* FALSE when the window was closed while the job ran. */
static gboolean
end_job (AwbWindow *self)
{
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->case_page == NULL)
    return FALSE;
  _awb_window_hide_progress (self);
  _awb_window_update_actions (self);
  return TRUE;
}

static void
show_refusal (AwbWindow  *self,
              const char *heading,
              const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
package_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Case packages (.awbcase)"));
  gtk_file_filter_add_suffix (filter, "awbcase");
  return filter;
}

/* Export */

static void
on_export_package_done_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(AwbWindow) self = user_data;
  g_autoptr(AwbPackageSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;

  summary = awb_package_export_finish (result, &error);
  if (!end_job (self))
    return;
  if (summary == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        awb_window_show_message (GTK_WIDGET (self), _("Export cancelled: no file was written"));
      else
        show_refusal (self, _("Case Package Not Written"), error->message);
      return;
    }

  basename = g_path_get_basename (summary->path);
  folder = g_path_get_dirname (summary->path);
  /* Translators: a toast after exporting a case package, with the file's name */
  title = g_strdup_printf (_("Case package exported to “%s”"), basename);
  _awb_window_toast_written (self, title, _("Open _Folder"), folder);
}

static void
on_export_package_response_cb (GtkNativeDialog *native,
                               int              response,
                               AwbWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || self->session == NULL)
    return;
  chosen = g_file_get_path (file);
  if (chosen == NULL)
    {
      awb_window_show_message (GTK_WIDGET (self),
                               _("The case package can only be saved to a local folder: choose "
                                 "another"));
      return;
    }
  path = g_str_has_suffix (chosen, ".awbcase") ? g_strdup (chosen)
                                               : g_strconcat (chosen, ".awbcase", NULL);
  /* the chooser asked before replacing the file it names; a name the suffix
   * was added to was not asked about, and the core refuses to replace it */
  awb_window_export_package (self, path,
                             g_str_equal (path, chosen) && g_file_test (path, G_FILE_TEST_EXISTS));
}

static char *
suggested_package_name (AwbWindow *self)
{
  AwbCase *kase = awb_session_get_case (self->session);
  g_autofree char *applicant = g_strdup (awb_case_get_applicant (kase));
  g_autofree char *evaluator = g_strdup (awb_session_get_actor (self->session));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  g_strdelimit (applicant, "/\\:*?\"<>|", '_');
  g_strdelimit (evaluator, "/\\:*?\"<>|", '_');
  /* whose work it is shows in the file name, and so in the conflicts it brings */
  /* Translators: the suggested name of a case package: applicant, evaluator, date */
  return g_strdup_printf (_("%s (%s) %s.awbcase"), applicant, evaluator, date);
}

static void
export_package_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  GtkFileChooserNative *native;
  GtkFileFilter *filter = package_filter ();
  g_autofree char *file_name = suggested_package_name (self);

  native = gtk_file_chooser_native_new (_("Export Case Package"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_signal_connect (native, "response", G_CALLBACK (on_export_package_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Import */

static AdwToast *
import_toast (AwbImportResult *r)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (r->created)
    /* Translators: a toast after importing a case package that brought a new case */
    title = g_strdup_printf (_("Case “%s” imported"), r->applicant);
  else if (r->conflicts->len > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Case merged: %u conflict to decide",
                                          "Case merged: %u conflicts to decide",
                                          r->conflicts->len),
                             r->conflicts->len);
  else if (r->changes->len == 0 && r->n_history == 0)
    /* Translators: a toast after importing a package that brought nothing new */
    title = g_strdup_printf (_("The case already holds everything in “%s”: nothing changed"),
                             r->package);
  else
    /* Translators: a toast after a merge: records added, changed and removed */
    title = g_strdup_printf (_("Case merged: %u added, %u changed, %u removed"), r->n_added,
                             r->n_updated, r->n_removed);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  if (r->conflicts->len > 0)
    {
      adw_toast_set_button_label (toast, _("_Show Conflicts"));
      adw_toast_set_action_name (toast, "win.show-page");
      adw_toast_set_action_target_value (toast, g_variant_new_string ("conflicts"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  return toast;
}

static void
on_import_package_done_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(AwbWindow) self = user_data;
  g_autoptr(AwbImportResult) imported = NULL;
  g_autoptr(GError) error = NULL;

  imported = awb_package_import_finish (result, &error);
  if (!end_job (self))
    return;
  if (imported == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        awb_window_show_message (GTK_WIDGET (self), _("Import cancelled: nothing was changed"));
      else if (g_error_matches (error, AWB_ERROR, AWB_ERROR_LOCKED))
        /* the core's words name the command line */
        show_refusal (self, _("Case Package Not Imported"),
                      _("The case is with the expert panel here, and the package changes its "
                        "records: nothing was imported. Reopen the case (Reopen… under its "
                        "header), then import the package again."));
      else
        show_refusal (self, _("Case Package Not Imported"), error->message);
      return;
    }

  awb_window_reload_cases (self);
  if (self->session != NULL
      && g_str_equal (awb_session_get_case_id (self->session), imported->case_id))
    awb_session_refresh (self->session, AWB_SESSION_ALL);
  else if (!awb_window_open_case (self, imported->case_id, &error))
    {
      awb_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  awb_window_add_toast (self, import_toast (imported));
}

static void
on_import_package_response_cb (GtkNativeDialog *native,
                               int              response,
                               AwbWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      awb_window_show_message (GTK_WIDGET (self),
                               _("A case package can only be imported from a local folder: copy "
                                 "it to one first"));
      return;
    }
  awb_window_import_package (self, path);
}

static void
import_package_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  AwbWindow *self = AWB_WINDOW (widget);
  GtkFileChooserNative *native;
  GtkFileFilter *packages = package_filter ();
  GtkFileFilter *all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import Case Package"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), packages);
  /* a package renamed on its way (e-mail, USB stick) is still one */
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  g_object_unref (packages);
  g_object_unref (all);
  g_signal_connect (native, "response", G_CALLBACK (on_import_package_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_awb_window_class_init_package_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-package", NULL,
                                   export_package_action);
  gtk_widget_class_install_action (widget_class, "win.import-package", NULL,
                                   import_package_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-package", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import-package", NULL);
}

/* Writes the open case to path in a worker thread; replace: the user chose
 * to replace the file there (otherwise an existing file is refused). */
void
awb_window_export_package (AwbWindow  *self,
                           const char *path,
                           gboolean    replace)
{
  g_return_if_fail (AWB_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->session == NULL || self->export_cancellable != NULL)
    return;
  /* commit the field being typed in: the package carries it */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  begin_job (self, _("Exporting the case package…"));
  awb_package_export_async (window_database (self), awb_session_get_case_id (self->session), path,
                            replace ? AWB_PACKAGE_FORCE : AWB_PACKAGE_NONE,
                            self->export_cancellable, on_export_package_done_cb,
                            g_object_ref (self));
}

/* Imports the package at path in a worker thread, then opens its case. */
void
awb_window_import_package (AwbWindow  *self,
                           const char *path)
{
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (AWB_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->export_cancellable != NULL)
    return;
  /* commit the field being typed in before the merge compares records */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  basename = g_path_get_basename (path);
  /* Translators: the progress of an import, with the package's file name */
  text = g_strdup_printf (_("Importing “%s”…"), basename);
  begin_job (self, text);
  awb_package_import_async (window_database (self), path, self->export_cancellable,
                            on_import_package_done_cb, g_object_ref (self));
}
