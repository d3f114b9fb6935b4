/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awb-error.h"
#include "awb-dates.h"
#include "awb-history.h"
#include "awb-record-private.h"
#include "awb-xlsx-private.h"
#include "awb-xlsx-exporter.h"

/* The export itself: check the target, write the workbook under a temporary
 * name in the target folder (libxlsxwriter's own temporary files go there
 * too), and put it in place only when it is complete — a failed export leaves
 * nothing behind. An existing file is replaced only with AWB_XLSX_FORCE.
 * The sheets are written by awb-xlsx-sheets-*.c in constant_memory mode. */

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
  json_builder_set_member_name (b, "case");
  if (result->case_id != NULL)
    json_builder_add_string_value (b, result->case_id);
  else
    json_builder_add_null_value (b);
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

/* Refuses, before anything is written: a name that is not .xlsx, a folder
 * that is missing or not writable, an existing file without FORCE. */
static char *
check_target (const char    *path,
              AwbXlsxFlags   flags,
              GError       **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *lower = NULL;

  if (path == NULL || *path == '\0')
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("No file name given for the workbook: give one ending in .xlsx"));
      return NULL;
    }
  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (path, "/.xlsx"))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("“%s” does not end in .xlsx: Excel and LibreOffice open a workbook by "
                     "its extension; give a name such as case.xlsx"), path);
      return NULL;
    }

  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Folder “%s” does not exist: create it or choose another folder "
                     "for %s. Nothing was written."), folder, path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                   _("“%s” is a folder: give a file name ending in .xlsx"), path);
      return NULL;
    }
  if ((flags & AWB_XLSX_FORCE) == 0 && g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                   _("File “%s” already exists and was left as it is: choose another name, "
                     "or replace it (awb export … --force)"), path);
      return NULL;
    }
  if (g_access (folder, W_OK | X_OK) != 0)
    {
      int saved = errno;
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Folder “%s” cannot be written (%s): choose another folder for the "
                     "workbook. Nothing was written."), folder, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&folder);
}

/* A hidden name beside the target that nobody else uses. */
static char *
temporary_name (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  for (;;)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      char *tmp = g_build_filename (folder, name, NULL);

      if (!g_file_test (tmp, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        return tmp;
      g_free (tmp);
    }
}

/* libxlsxwriter's errors, in words that say what to do. */
static void
set_lxw_error (AwbXlsxContext *ctx,
               lxw_error       status,
               int             saved_errno,
               const char     *path,
               GError        **error)
{
  const char *why = saved_errno != 0 ? g_strerror (saved_errno) : lxw_strerror (status);

  switch (status)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("The workbook %s cannot be created in folder %s (%s): check that the "
                     "folder is writable. Nothing was written."), path, ctx->folder, why);
      break;
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Temporary files for %s cannot be written in folder %s (%s): free some "
                     "space or choose another folder. Nothing was written."),
                   path, ctx->folder, why);
      break;
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Writing the workbook %s failed (%s): the disk may be full; free some "
                     "space or choose another folder. Nothing was written."), path, why);
      break;
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Out of memory while writing the workbook %s: close other programs and "
                     "try again. Nothing was written."), path);
      break;
    case LXW_NO_ERROR:
    case LXW_ERROR_FEATURE_NOT_SUPPORTED:
    case LXW_ERROR_NULL_PARAMETER_IGNORED:
    case LXW_ERROR_PARAMETER_VALIDATION:
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND:
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
    case LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED:
    case LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED:
    case LXW_ERROR_IMAGE_DIMENSIONS:
    case LXW_MAX_ERRNO:
    default:
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("The workbook %s could not be written: %s (in “%s”). This is a fault "
                     "of the workbench; please report it. Nothing was written."),
                   path, lxw_strerror (status), ctx->lxw_where != NULL ? ctx->lxw_where : "");
      break;
    }
}

static gboolean
sync_file (const char *path,
           gboolean    directory,
           GError    **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC, 0);
  int saved = 0;

  if (fd < 0 || (fsync (fd) != 0 && errno != EINVAL))
    saved = errno;
  if (fd >= 0)
    close (fd);
  if (saved != 0 && !directory)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("The workbook could not be saved to disk (%s): free some space or "
                     "choose another folder. Nothing was written."), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Puts the complete file at path: without FORCE by link(), which never
 * replaces a file that appeared meanwhile; with FORCE by rename(). */
static gboolean
place_file (const char   *tmp,
            const char   *path,
            const char   *folder,
            AwbXlsxFlags  flags,
            GError      **error)
{
  if (!sync_file (tmp, FALSE, error))
    return FALSE;

  if ((flags & AWB_XLSX_FORCE) == 0)
    {
      if (link (tmp, path) == 0)
        {
          g_unlink (tmp);
          sync_file (folder, TRUE, NULL);
          return TRUE;
        }
      if (errno == EEXIST)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                       _("File “%s” appeared while the workbook was written and was left as "
                         "it is: choose another name, or replace it (awb export … --force)"),
                       path);
          return FALSE;
        }
      /* file systems without hard links (FAT, some network shares) */
      if (g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                       _("File “%s” appeared while the workbook was written and was left as "
                         "it is: choose another name, or replace it (awb export … --force)"),
                       path);
          return FALSE;
        }
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("The workbook cannot be saved as %s (%s). Nothing was written."),
                   path, g_strerror (saved));
      return FALSE;
    }
  sync_file (folder, TRUE, NULL);
  return TRUE;
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

/* Throws the unfinished workbook away; libxlsxwriter does not close the
 * temporary files of constant_memory sheets itself. */
static void
discard_workbook (AwbXlsxContext *ctx)
{
  if (ctx->workbook == NULL)
    return;
  for (guint i = 0; i < ctx->worksheets->len; i++)
    {
      lxw_worksheet *ws = ctx->worksheets->pdata[i];

      if (ws->optimize_tmpfile != NULL)
        fclose (ws->optimize_tmpfile);
      ws->optimize_tmpfile = NULL;
      ws->file = NULL;
    }
  lxw_workbook_free (ctx->workbook);
  ctx->workbook = NULL;
}

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
  ctx->folder = check_target (path, flags, error);
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

  tmp = temporary_name (path);
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
      discard_workbook (ctx);
      g_unlink (tmp);
      if (ctx->error != NULL)
        g_propagate_error (error, g_steal_pointer (&ctx->error));
      else
        set_lxw_error (ctx, ctx->lxw_status, 0, path, error);
      return NULL;
    }

  errno = 0;
  status = workbook_close (ctx->workbook);
  saved = errno;
  ctx->workbook = NULL;
  if (status != LXW_NO_ERROR)
    {
      g_unlink (tmp);
      set_lxw_error (ctx, status, saved, path, error);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !place_file (tmp, path, ctx->folder, flags, error))
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
