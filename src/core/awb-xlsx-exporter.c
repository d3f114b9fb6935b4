/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-xlsx"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awb-xlsx-exporter.h"
#include "awb-dates.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-record-private.h"
#include "awb-xlsx-private.h"

/* The export of a case's panel workbook or of the portfolio: load what the
 * sheets need in one read snapshot, write the sheets (awb-xlsx-sheets-*.c) in
 * constant_memory mode, close the workbook and put the file in place
 * (awb-xlsx-file.c) — and the same in a worker thread for the GUI, with
 * progress handed to the caller's main context. See docs/workbook-format.md. */

typedef struct
{
  char                *db_path;
  char                *case_id;   /* NULL: the portfolio */
  char                *path;
  AwbXlsxFlags         flags;
  AwbXlsxProgressFunc  progress;
  gpointer             progress_data;
  GDestroyNotify       progress_notify;
  GMainContext        *context;
} ExportTask;

typedef struct
{
  GTask  *task;
  double  fraction;
  char   *what;
} ProgressUpdate;

void
awb_xlsx_result_free (AwbXlsxResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->case_id);
  g_clear_pointer (&result->sheets, g_ptr_array_unref);
  g_free (result);
}

static void
sheet_free (gpointer data)
{
  AwbXlsxSheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet);
}

/* {"file": …, "case": … or null, "bytes": n, "sheets": [{"name": …, "rows": n}]} */
JsonNode *
awb_xlsx_result_to_json (AwbXlsxResult *result)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, result->path);
  _awb_json_add_string (b, "case", result->case_id);
  json_builder_set_member_name (b, "bytes");
  json_builder_add_int_value (b, result->size);
  json_builder_set_member_name (b, "sheets");
  json_builder_begin_array (b);
  for (guint i = 0; i < result->sheets->len; i++)
    {
      AwbXlsxSheet *sheet = result->sheets->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, sheet->name);
      json_builder_set_member_name (b, "rows");
      json_builder_add_int_value (b, sheet->rows);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
case_free (AwbXlsxCase *kase)
{
  if (kase == NULL)
    return;
  g_free (kase->id);
  g_free (kase->applicant);
  g_free (kase->credit_code);
  g_free (kase->app_type);
  g_free (kase->previous_certificate);
  g_free (kase->previous_expiry);
  g_free (kase->stage);
  g_free (kase->submitted_at);
  g_free (kase->team_conclusion);
  g_free (kase->panel_conclusion);
  g_free (kase->panel_concluded_at);
  g_free (kase->leader);
  g_free (kase->evaluators);
  g_clear_pointer (&kase->judgement, awb_judgement_free);
  g_clear_pointer (&kase->positions, g_hash_table_unref);
  g_free (kase);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbXlsxCase, case_free)

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL
           ? NULL : g_strdup (_awb_column_text (stmt, column));
}

static char *
team_names (AwbDatabase *db,
            const char  *case_id,
            const char  *role,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT name FROM team_members WHERE case_id = ? AND role = ? "
                              "ORDER BY created_at, name", "ss", case_id, role);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, _awb_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return names->len > 0 ? g_strdup (names->str) : g_strdup ("");
}

static AwbXlsxCase *
load_case (AwbDatabase *db,
           const char  *case_id,
           GError     **error)
{
  g_autoptr(AwbXlsxCase) kase = g_new0 (AwbXlsxCase, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT id, applicant, credit_code, app_type, previous_certificate, "
                              "previous_expiry, stage, submitted_at, team_conclusion, "
                              "panel_conclusion, panel_concluded_at FROM cases WHERE id = ?",
                              "s", case_id);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No case “%s”"), case_id);
  if (rc != SQLITE_ROW)
    return NULL;

  kase->id = dup_column (stmt, 0);
  kase->applicant = dup_column (stmt, 1);
  kase->credit_code = dup_column (stmt, 2);
  kase->app_type = dup_column (stmt, 3);
  kase->previous_certificate = dup_column (stmt, 4);
  kase->previous_expiry = dup_column (stmt, 5);
  kase->stage = dup_column (stmt, 6);
  kase->submitted_at = dup_column (stmt, 7);
  kase->team_conclusion = dup_column (stmt, 8);
  kase->panel_conclusion = dup_column (stmt, 9);
  kase->panel_concluded_at = dup_column (stmt, 10);

  kase->leader = team_names (db, case_id, "leader", error);
  if (kase->leader == NULL)
    return NULL;
  kase->evaluators = team_names (db, case_id, "evaluator", error);
  if (kase->evaluators == NULL)
    return NULL;

  kase->catalogue = _awb_case_get_catalogue (db, case_id, error);
  if (kase->catalogue == NULL)
    return NULL;
  kase->positions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < awb_catalogue_get_n_requirements (kase->catalogue); i++)
    g_hash_table_insert (kase->positions,
                         (gpointer) awb_requirement_get_id (
                           awb_catalogue_get_requirement (kase->catalogue, i)),
                         GUINT_TO_POINTER (i + 1));
  kase->judgement = awb_judge_case (db, case_id, error);
  if (kase->judgement == NULL)
    return NULL;
  return g_steal_pointer (&kase);
}

static void
context_free (AwbXlsxContext *ctx)
{
  g_clear_pointer (&ctx->sheets, g_ptr_array_unref);
  g_clear_pointer (&ctx->worksheets, g_ptr_array_unref);
  g_clear_error (&ctx->error);
  g_free (ctx->lxw_where);
  g_free (ctx->page_header);
  g_free (ctx->page_footer);
  g_free (ctx->folder);
  g_free (ctx->widths);
  g_clear_pointer (&ctx->utc, g_time_zone_unref);
  g_clear_pointer (&ctx->local, g_time_zone_unref);
  g_clear_pointer (&ctx->kase, case_free);
  g_free (ctx);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbXlsxContext, context_free)

/* Page header and footer: the workbook's title and the sheet, the case and
 * the page number; "&" doubled and 255 characters at most. */
static void
set_page_texts (AwbXlsxContext *ctx,
                const char     *title,
                const char     *who,
                const char     *id)
{
  const char *page = _("Page &P of &N");
  gsize fixed_header = strlen ("&L&R&A");
  gsize fixed_footer = strlen ("&L&R") + g_utf8_strlen (page, -1) +
                       (id != NULL ? 3 + strlen (id) : 0);
  g_autofree char *t = _awb_xlsx_escape_page_text (title, AWB_XLSX_HEADER_FOOTER_MAX - fixed_header);
  g_autofree char *w = _awb_xlsx_escape_page_text (who, AWB_XLSX_HEADER_FOOTER_MAX - fixed_footer);

  ctx->page_header = g_strdup_printf ("&L%s&R&A", t);
  if (id != NULL)
    ctx->page_footer = g_strdup_printf ("&L%s · %s&R%s", w, id, page);
  else
    ctx->page_footer = g_strdup_printf ("&L%s&R%s", w, page);
}

static gboolean
begin_read (AwbDatabase *db,
            gboolean    *began,
            GError     **error)
{
  /* one snapshot for every sheet; WAL readers do not block writers */
  *began = FALSE;
  if (awb_database_in_transaction (db))
    return TRUE;
  if (!_awb_database_run (db, error, "BEGIN DEFERRED", ""))
    return FALSE;
  *began = TRUE;
  return TRUE;
}

static void
end_read (AwbDatabase *db,
          gboolean     began)
{
  if (began)
    _awb_database_run (db, NULL, "ROLLBACK", "");
}

static gboolean
write_case_sheets (AwbXlsxContext *ctx)
{
  return _awb_xlsx_write_summary (ctx) &&
         _awb_xlsx_write_requirements (ctx) &&
         _awb_xlsx_write_evidence (ctx) &&
         _awb_xlsx_write_findings (ctx) &&
         _awb_xlsx_write_registers (ctx) &&
         _awb_xlsx_write_panel (ctx);
}

static AwbXlsxResult *
run_export (AwbDatabase          *db,
            const char           *case_id,
            const char           *path,
            AwbXlsxFlags          flags,
            GCancellable         *cancellable,
            AwbXlsxProgressFunc   progress,
            gpointer              progress_data,
            GError              **error)
{
  g_autoptr(AwbXlsxContext) ctx = g_new0 (AwbXlsxContext, 1);
  g_autofree char *full_id = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties props = { 0 };
  AwbXlsxResult *result;
  GStatBuf st;
  gboolean began = FALSE;
  gboolean ok;
  lxw_error status;
  int saved;

  ctx->db = db;
  ctx->cancellable = cancellable;
  ctx->progress = progress;
  ctx->progress_data = progress_data;
  ctx->last_permille = -1;
  ctx->sheets = g_ptr_array_new_with_free_func (sheet_free);
  ctx->worksheets = g_ptr_array_new ();
  awb_date_today (&ctx->today);

  /* everything that can be refused is refused before a byte is written */
  if (case_id != NULL)
    {
      full_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
      if (full_id == NULL)
        return NULL;
    }
  ctx->folder = _awb_xlsx_check_target (path, flags, error);
  if (ctx->folder == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!begin_read (db, &began, error))
    return NULL;

  if (full_id != NULL)
    {
      ctx->kase = load_case (db, full_id, error);
      if (ctx->kase == NULL)
        {
          end_read (db, began);
          return NULL;
        }
      ctx->rows_total = _awb_xlsx_count_case_rows (ctx);
      title = g_strdup_printf (_("Expert panel workbook: %s"), ctx->kase->applicant);
      subject = g_strdup_printf ("%s (%s %s) — %s", awb_catalogue_get_title (ctx->kase->catalogue),
                                 awb_catalogue_get_id (ctx->kase->catalogue),
                                 awb_catalogue_get_version (ctx->kase->catalogue),
                                 ctx->kase->id);
      set_page_texts (ctx, title, ctx->kase->applicant, ctx->kase->id);
      props.author = *ctx->kase->leader != '\0' ? ctx->kase->leader
                                               : (char *) awb_history_default_actor ();
      props.keywords = ctx->kase->credit_code;
    }
  else
    {
      g_autofree char *base = g_path_get_basename (awb_database_get_path (db));

      title = g_strdup (_("Portfolio of cases"));
      subject = g_strdup_printf (_("Every case in the database %s"), base);
      set_page_texts (ctx, title, base, NULL);
      props.author = (char *) awb_history_default_actor ();
    }
  props.title = title;
  props.subject = subject;
  props.category = (char *) _("Qualification assessment");
  props.comments = (char *) "Assessor Workbench " PACKAGE_VERSION;

  tmp = _awb_xlsx_temporary_name (path);
  options.constant_memory = LXW_TRUE;
  options.tmpdir = ctx->folder;
  ctx->workbook = workbook_new_opt (tmp, &options);
  if (ctx->workbook == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Out of memory while starting the workbook %s. Nothing was written."), path);
      end_read (db, began);
      return NULL;
    }
  _awb_xlsx_check (ctx, workbook_set_properties (ctx->workbook, &props), _("document properties"));
  _awb_xlsx_formats_init (ctx);

  ok = full_id != NULL ? write_case_sheets (ctx) : _awb_xlsx_write_portfolio (ctx);
  end_read (db, began);

  if (!ok || _awb_xlsx_failed (ctx))
    {
      _awb_xlsx_discard_workbook (ctx);
      g_unlink (tmp);
      if (ctx->error != NULL)
        g_propagate_error (error, g_steal_pointer (&ctx->error));
      else
        _awb_xlsx_set_lxw_error (ctx, ctx->lxw_status, 0, path, error);
      return NULL;
    }

  errno = 0;
  status = workbook_close (ctx->workbook);
  saved = errno;
  ctx->workbook = NULL;
  if (status != LXW_NO_ERROR)
    {
      g_unlink (tmp);
      _awb_xlsx_set_lxw_error (ctx, status, saved, path, error);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_awb_xlsx_place_file (tmp, path, ctx->folder, flags, error))
    {
      g_unlink (tmp);
      return NULL;
    }

  if (progress != NULL)
    progress (1.0, NULL, progress_data);

  result = g_new0 (AwbXlsxResult, 1);
  result->path = g_strdup (path);
  result->case_id = g_steal_pointer (&full_id);
  result->sheets = g_steal_pointer (&ctx->sheets);
  result->size = g_stat (path, &st) == 0 ? (goffset) st.st_size : 0;
  return result;
}

AwbXlsxResult *
awb_xlsx_export_case (AwbDatabase          *db,
                      const char           *case_id,
                      const char           *path,
                      AwbXlsxFlags          flags,
                      GCancellable         *cancellable,
                      AwbXlsxProgressFunc   progress,
                      gpointer              progress_data,
                      GError              **error)
{
  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (case_id == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID, _("No case given to export"));
      return NULL;
    }
  return run_export (db, case_id, path, flags, cancellable, progress, progress_data, error);
}

AwbXlsxResult *
awb_xlsx_export_portfolio (AwbDatabase          *db,
                           const char           *path,
                           AwbXlsxFlags          flags,
                           GCancellable         *cancellable,
                           AwbXlsxProgressFunc   progress,
                           gpointer              progress_data,
                           GError              **error)
{
  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return run_export (db, NULL, path, flags, cancellable, progress, progress_data, error);
}

static void
export_task_free (gpointer data)
{
  ExportTask *t = data;

  if (t->progress_notify != NULL)
    t->progress_notify (t->progress_data);
  g_clear_pointer (&t->context, g_main_context_unref);
  g_free (t->db_path);
  g_free (t->case_id);
  g_free (t->path);
  g_free (t);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *u = data;
  ExportTask *t = g_task_get_task_data (u->task);

  if (t->progress != NULL)
    t->progress (u->fraction, u->what, t->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *u = data;

  g_object_unref (u->task);
  g_free (u->what);
  g_free (u);
}

/* In the worker thread: hands the progress to the caller's main context. */
static void
on_export_progress (double      fraction,
                    const char *what,
                    gpointer    user_data)
{
  GTask *task = user_data;
  ExportTask *t = g_task_get_task_data (task);
  ProgressUpdate *u = g_new0 (ProgressUpdate, 1);

  u->task = g_object_ref (task);
  u->fraction = fraction;
  u->what = g_strdup (what);
  g_main_context_invoke_full (t->context, G_PRIORITY_DEFAULT, deliver_progress, u,
                              progress_update_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *t = task_data;
  g_autoptr(AwbDatabase) db = NULL;
  GError *error = NULL;
  AwbXlsxResult *result;

  /* a connection of its own: SQLite handles are not shared between threads */
  db = awb_database_open (t->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = run_export (db, t->case_id, t->path, t->flags, cancellable,
                       t->progress != NULL ? on_export_progress : NULL, task, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) awb_xlsx_result_free);
}

static void
start_export (AwbDatabase          *db,
              const char           *case_id,
              const char           *path,
              AwbXlsxFlags          flags,
              GCancellable         *cancellable,
              AwbXlsxProgressFunc   progress,
              gpointer              progress_data,
              GDestroyNotify        progress_notify,
              GAsyncReadyCallback   callback,
              gpointer              user_data,
              gpointer              source_tag)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *t;

  g_return_if_fail (AWB_IS_DATABASE (db));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[awb] xlsx export");

  t = g_new0 (ExportTask, 1);
  t->db_path = g_strdup (awb_database_get_path (db));
  t->case_id = g_strdup (case_id);
  t->path = g_strdup (path);
  t->flags = flags;
  t->progress = progress;
  t->progress_data = progress_data;
  t->progress_notify = progress_notify;
  t->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, t, export_task_free);
  /* a cancelled export returns G_IO_ERROR_CANCELLED, and has written nothing */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

void
awb_xlsx_export_case_async (AwbDatabase          *db,
                            const char           *case_id,
                            const char           *path,
                            AwbXlsxFlags          flags,
                            GCancellable         *cancellable,
                            AwbXlsxProgressFunc   progress,
                            gpointer              progress_data,
                            GDestroyNotify        progress_notify,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_return_if_fail (case_id != NULL);

  start_export (db, case_id, path, flags, cancellable, progress, progress_data, progress_notify,
                callback, user_data, awb_xlsx_export_case_async);
}

void
awb_xlsx_export_portfolio_async (AwbDatabase          *db,
                                 const char           *path,
                                 AwbXlsxFlags          flags,
                                 GCancellable         *cancellable,
                                 AwbXlsxProgressFunc   progress,
                                 gpointer              progress_data,
                                 GDestroyNotify        progress_notify,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  start_export (db, NULL, path, flags, cancellable, progress, progress_data, progress_notify,
                callback, user_data, awb_xlsx_export_portfolio_async);
}

AwbXlsxResult *
awb_xlsx_export_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
