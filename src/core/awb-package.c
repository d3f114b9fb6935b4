/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-package"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awb-attachment-store.h"
#include "awb-catalogue-registry.h"
#include "awb-dates.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-history-private.h"
#include "awb-package-private.h"
#include "awb-record-private.h"

/* The package file: written through the database's own connection with the
 * new file attached (so every table is one INSERT … SELECT), under a
 * temporary name in the target folder, then linked into place. Reading
 * checks the whole file on a read-only connection first (header, size,
 * SQLite's quick_check, row counts, every attachment's SHA-256, the history
 * chain), and only then attaches it for the import's one transaction. */

#define PACKAGE_RESOURCE "/io/github/assessorworkbench/Workbench/package/%d.sql"
#define PART_SIZE        (1024 * 1024)

/* Tables that hang off the case through their evidence item. */
static const char * const child_tables[] = { "evidence_links", "attachments", NULL };

static const char * const history_columns =
  "id, case_id, at, actor, action, entity, entity_id, before, after, prev_hash, hash";

void
awb_package_summary_free (AwbPackageSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->path);
  g_free (summary->case_id);
  g_free (summary->applicant);
  g_free (summary);
}

/* {path, case, applicant, records, attachments, history_entries, size} */
JsonNode *
awb_package_summary_to_json (AwbPackageSummary *summary)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, summary->path);
  json_builder_set_member_name (b, "case");
  json_builder_add_string_value (b, summary->case_id);
  json_builder_set_member_name (b, "applicant");
  json_builder_add_string_value (b, summary->applicant);
  json_builder_set_member_name (b, "records");
  json_builder_add_int_value (b, summary->n_records);
  json_builder_set_member_name (b, "attachments");
  json_builder_add_int_value (b, summary->n_attachments);
  json_builder_set_member_name (b, "history_entries");
  json_builder_add_int_value (b, summary->n_history);
  json_builder_set_member_name (b, "size");
  json_builder_add_int_value (b, summary->size);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- helpers ------------------------------------------------------------------ */

static const AwbPackageColumn *
child_columns (const char *table)
{
  for (const AwbPackageEntity *e = _awb_package_entities; e->table != NULL; e++)
    for (const AwbPackageChild *c = e->children; c != NULL && c->table != NULL; c++)
      if (g_str_equal (c->table, table))
        return c->columns;
  g_return_val_if_reached (NULL);
}

static char *
column_list (const AwbPackageColumn *columns)
{
  GString *s = g_string_new (NULL);

  for (const AwbPackageColumn *c = columns; c->name != NULL; c++)
    g_string_append_printf (s, "%s%s", c == columns ? "" : ", ", c->name);
  return g_string_free (s, FALSE);
}

static void
sync_folder (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
sync_file (const char *path,
           GError    **error)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("Package %s cannot be written: %s"), path,
               g_strerror (saved));
  return FALSE;
}

/* Attaches the package, with a page cache for a large case on both sides
 * (SQLite's default of 2 MB makes the B-trees of 100,000 items thrash);
 * *cache: the database's own cache size, for detach to restore. */
static gboolean
attach (AwbDatabase *db,
        const char  *path,
        gint64      *cache,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (!awb_database_in_transaction (db), FALSE);
  *cache = -2000;
  stmt = _awb_database_query (db, NULL, "PRAGMA main.cache_size", NULL);
  if (stmt != NULL && _awb_database_step (db, stmt, NULL) == SQLITE_ROW)
    *cache = sqlite3_column_int64 (stmt, 0);
  if (!_awb_database_run (db, error, "ATTACH DATABASE ? AS " AWB_PACKAGE_SCHEMA, "s", path))
    return FALSE;
  _awb_database_run (db, NULL, "PRAGMA main.cache_size = -65536", NULL);
  _awb_database_run (db, NULL, "PRAGMA " AWB_PACKAGE_SCHEMA ".cache_size = -65536", NULL);
  return TRUE;
}

static void
detach (AwbDatabase *db,
        gint64       cache)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA main.cache_size = %" G_GINT64_FORMAT, cache);

  _awb_database_run (db, NULL, "DETACH DATABASE " AWB_PACKAGE_SCHEMA, NULL);
  _awb_database_run (db, NULL, sql, NULL);
}

/* ---- export ---------------------------------------------------------------------- */

static gboolean
exec_sql (sqlite3    *con,
          const char *path,
          const char *sql,
          GError    **error)
{
  char *msg = NULL;

  if (sqlite3_exec (con, sql, NULL, NULL, &msg) == SQLITE_OK)
    return TRUE;
  g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("Package %s cannot be written: %s"), path,
               msg != NULL ? msg : sqlite3_errmsg (con));
  sqlite3_free (msg);
  return FALSE;
}

/* An empty package of the current format at path. */
static gboolean
create_package_file (const char *path,
                     GError    **error)
{
  g_autofree char *resource = g_strdup_printf (PACKAGE_RESOURCE, AWB_PACKAGE_FORMAT_VERSION);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
  g_autofree char *schema = NULL;
  g_autofree char *pragmas = NULL;
  sqlite3 *con = NULL;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, FALSE);
  schema = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d; "
                             "PRAGMA journal_mode = OFF;", AWB_PACKAGE_APPLICATION_ID,
                             AWB_PACKAGE_FORMAT_VERSION);
  if (sqlite3_open_v2 (path, &con, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("Package %s cannot be written: %s"), path,
                   sqlite3_errmsg (con));
      sqlite3_close (con);
      return FALSE;
    }
  ok = exec_sql (con, path, pragmas, error) && exec_sql (con, path, "BEGIN", error) &&
       exec_sql (con, path, schema, error) && exec_sql (con, path, "COMMIT", error);
  sqlite3_close (con);
  return ok;
}

static gboolean
put_info (AwbDatabase *db,
          const char  *key,
          const char  *value,
          GError     **error)
{
  return _awb_database_run (db, error,
                            "INSERT INTO " AWB_PACKAGE_SCHEMA ".package_info (key, value) "
                            "VALUES (?, ?)", "ss", key, value);
}

static gboolean
put_count (AwbDatabase *db,
           const char  *table,
           gint64       count,
           GError     **error)
{
  g_autofree char *key = g_strconcat ("rows:", table, NULL);
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  return put_info (db, key, value, error);
}

/* INSERT INTO awbpkg.table SELECT … FROM main.table WHERE …; the rows copied. */
static gboolean
copy_out (AwbDatabase *db,
          const char  *table,
          const char  *columns,
          const char  *from_where,
          const char  *case_id,
          gint64      *count,
          GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO " AWB_PACKAGE_SCHEMA ".%s (%s) SELECT %s "
                                          "%s", table, columns, columns, from_where);

  if (!_awb_database_run (db, error, sql, "s", case_id))
    return FALSE;
  *count = sqlite3_changes64 (_awb_database_get_handle (db));
  return put_count (db, table, *count, error);
}

/* Copies an attached file's bytes from the store into the package, checking
 * that they still hash to their name. */
static gboolean
copy_bytes_out (AwbDatabase        *db,
                AwbAttachmentStore *store,
                sqlite3_stmt       *insert,
                const char         *sha256,
                const char         *name,
                GError            **error)
{
  g_autofree char *path = awb_attachment_store_get_file_path (store, sha256);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree guchar *buf = g_malloc (PART_SIZE);
  gint64 part = 0;

  if (path == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                   _("Attachment “%s” has a damaged SHA-256 “%s” in the database: no package "
                     "was written (run “awb verify”)"), name, sha256);
      return FALSE;
    }
  file = g_file_new_for_path (path);
  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                   _("Attachment “%s” cannot be read from the attachment store (%s): no package "
                     "was written (run “awb verify”)"), name, local_error->message);
      return FALSE;
    }
  for (;;)
    {
      gsize got = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (in), buf, PART_SIZE, &got, NULL,
                                    &local_error))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                       _("Attachment “%s” cannot be read from the attachment store (%s): no "
                         "package was written"), name, local_error->message);
          return FALSE;
        }
      if (got == 0 && part > 0)
        break;
      g_checksum_update (sum, buf, got);
      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, part++);
      sqlite3_bind_blob (insert, 3, buf, (int) got, SQLITE_STATIC);
      if (_awb_database_step (db, insert, error) != SQLITE_DONE)
        return FALSE;
      if (got < PART_SIZE)
        break;
    }
  if (!g_str_equal (g_checksum_get_string (sum), sha256))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                   _("Attachment “%s” was altered in the attachment store (%s no longer has "
                     "SHA-256 %s): no package was written (run “awb verify”)"), name, path,
                   sha256);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_package (AwbDatabase       *db,
               const char        *case_id,
               AwbPackageSummary *summary,
               GError           **error)
{
  g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (db);
  g_autoptr(sqlite3_stmt) files = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) info = NULL;
  g_autofree char *now = awb_timestamp_now ();
  gint64 count;
  int rc;

  if (!_awb_merge_sync (db, case_id, error))
    return FALSE;

  for (const AwbPackageEntity *e = _awb_package_entities; e->table != NULL; e++)
    {
      g_autofree char *columns = column_list (e->columns);
      g_autofree char *from = g_strdup_printf ("FROM main.%s WHERE %s = ?", e->table,
                                               e->case_column);

      if (!copy_out (db, e->table, columns, from, case_id, &count, error))
        return FALSE;
      summary->n_records += (guint) count;
    }
  for (guint i = 0; child_tables[i] != NULL; i++)
    {
      g_autofree char *columns = column_list (child_columns (child_tables[i]));
      g_autofree char *from = g_strdup_printf ("FROM main.%s WHERE evidence_id IN "
                                               "(SELECT id FROM main.evidence WHERE case_id = ?)",
                                               child_tables[i]);

      if (!copy_out (db, child_tables[i], columns, from, case_id, &count, error))
        return FALSE;
      summary->n_records += (guint) count;
    }
  if (!copy_out (db, "history", history_columns,
                 "FROM main.history WHERE case_id = ? ORDER BY seq", case_id, &count, error))
    return FALSE;
  summary->n_history = (guint) count;
  if (!copy_out (db, "history_heads", "case_id, count, hash",
                 "FROM main.history_heads WHERE case_id = ?", case_id, &count, error) ||
      !copy_out (db, "tombstones", "entity, id, case_id, deleted_at",
                 "FROM main.tombstones WHERE case_id = ?", case_id, &count, error) ||
      !copy_out (db, "merge_versions", "case_id, entity, key, version, deleted, current",
                 "FROM main.merge_versions WHERE case_id = ?", case_id, &count, error))
    return FALSE;

  files = _awb_database_query (db, error,
                               "SELECT sha256, min (name) FROM " AWB_PACKAGE_SCHEMA
                               ".attachments GROUP BY sha256 ORDER BY sha256", NULL);
  insert = _awb_database_query (db, error,
                                "INSERT INTO " AWB_PACKAGE_SCHEMA ".attachment_data (sha256, "
                                "part, data) VALUES (?, ?, ?)", NULL);
  if (files == NULL || insert == NULL)
    return FALSE;
  while ((rc = _awb_database_step (db, files, error)) == SQLITE_ROW)
    {
      if (!copy_bytes_out (db, store, insert, _awb_column_text (files, 0),
                           _awb_column_text (files, 1), error))
        return FALSE;
      summary->n_attachments++;
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  info = _awb_database_query (db, error,
                              "SELECT applicant, catalogue_id, catalogue_version FROM main.cases "
                              "WHERE id = ?", "s", case_id);
  if (info == NULL || _awb_database_step (db, info, error) != SQLITE_ROW)
    return FALSE;
  summary->applicant = g_strdup (_awb_column_text (info, 0));
  {
    g_autofree char *format = g_strdup_printf ("%d", AWB_PACKAGE_FORMAT_VERSION);
    g_autofree char *n_files = g_strdup_printf ("%u", summary->n_attachments);

    return put_info (db, "format", format, error) && put_info (db, "case", case_id, error) &&
           put_info (db, "applicant", _awb_column_text (info, 0), error) &&
           put_info (db, "catalogue_id", _awb_column_text (info, 1), error) &&
           put_info (db, "catalogue_version", _awb_column_text (info, 2), error) &&
           put_info (db, "exported_at", now, error) &&
           put_info (db, "exported_by", awb_history_default_actor (), error) &&
           put_info (db, "program", "Assessor Workbench " PACKAGE_VERSION, error) &&
           put_info (db, "files", n_files, error);
  }
}

/* Writes case_id (a full id or a unique prefix) with its attachments to path. */
AwbPackageSummary *
awb_package_export (AwbDatabase     *db,
                    const char      *case_id,
                    const char      *path,
                    AwbPackageFlags  flags,
                    GError         **error)
{
  g_autoptr(AwbPackageSummary) summary = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  GStatBuf st;
  gint64 cache = 0;
  gboolean ok;
  int fd;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL)
    return NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("%s is a folder: give the package's file name (for example %s/case.awbcase)"),
                   path, path);
      return NULL;
    }
  if (g_lstat (path, &st) == 0 && !(flags & AWB_PACKAGE_FORCE))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                   _("File %s already exists: nothing was written. Give another name, or "
                     "--force to replace it."), path);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                   _("Folder %s does not exist: nothing was written"), dir);
      return NULL;
    }

  tmp = g_strdup_printf ("%s/.%s.new-XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("Package %s cannot be written in %s: %s"),
                   base, dir, g_strerror (saved));
      return NULL;
    }
  close (fd);

  summary = g_new0 (AwbPackageSummary, 1);
  summary->path = g_strdup (path);
  summary->case_id = g_strdup (cid);

  ok = create_package_file (tmp, error) && attach (db, tmp, &cache, error);
  if (ok)
    {
      ok = _awb_database_run (db, error, "PRAGMA " AWB_PACKAGE_SCHEMA ".synchronous = OFF",
                              NULL) &&
           awb_database_begin (db, error);
      if (ok)
        {
          ok = write_package (db, cid, summary, error);
          ok = ok ? awb_database_commit (db, error) : (awb_database_rollback (db), FALSE);
        }
      detach (db, cache);
    }
  ok = ok && sync_file (tmp, error);
  if (ok && (flags & AWB_PACKAGE_FORCE))
    {
      if (g_rename (tmp, path) != 0)
        {
          int saved = errno;
          g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("Package %s cannot be written: %s"),
                       path, g_strerror (saved));
          ok = FALSE;
        }
    }
  else if (ok && link (tmp, path) != 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                     _("File %s already exists: nothing was written. Give another name, or "
                       "--force to replace it."), path);
      else
        g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("Package %s cannot be written: %s"), path,
                     g_strerror (saved));
      ok = FALSE;
    }
  g_unlink (tmp);
  if (!ok)
    return NULL;
  sync_folder (dir);
  if (g_stat (path, &st) == 0)
    summary->size = st.st_size;
  return g_steal_pointer (&summary);
}

/* ---- reading: the checks ------------------------------------------------------------- */

typedef struct
{
  char *case_id;
  char *applicant;
  char *catalogue_id;
  char *catalogue_version;
  char *exported_by;
  char *exported_at;
} PackageInfo;

static void
package_info_clear (PackageInfo *info)
{
  g_free (info->case_id);
  g_free (info->applicant);
  g_free (info->catalogue_id);
  g_free (info->catalogue_version);
  g_free (info->exported_by);
  g_free (info->exported_at);
}

static guint32
be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
damaged (GError    **error,
         const char *path,
         const char *detail)
{
  g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
               _("Package %s is damaged (%s): nothing was imported. Ask for the package again."),
               path, detail);
  return FALSE;
}

/* The file's header: a package of a format we read, not cut short. */
static gboolean
check_header (const char *path,
              GError    **error)
{
  guchar header[100];
  GStatBuf st;
  gssize n;
  guint32 page_size;
  guint32 pages;
  guint32 app_id;
  guint32 format;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("Package %s cannot be opened: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_FOREIGN_FILE,
                   _("%s is not a file, so not a case package: nothing was imported"), path);
      return FALSE;
    }
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("Package %s cannot be opened: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      if (n > 0 && memcmp (header, "SQLite format 3", MIN ((gsize) n, 16)) == 0)
        return damaged (error, path, _("it is cut short"));
      g_set_error (error, AWB_ERROR, AWB_ERROR_FOREIGN_FILE,
                   _("%s is not a case package (.awbcase): nothing was imported"), path);
      return FALSE;
    }
  app_id = be32 (header + 68);
  if (app_id == AWB_APPLICATION_ID)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_FOREIGN_FILE,
                   _("%s is a workbench database, not a case package: nothing was imported. "
                     "Export a case from it with “awb --db %s case export CASE --package FILE”."),
                   path, path);
      return FALSE;
    }
  if (app_id != AWB_PACKAGE_APPLICATION_ID)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_FOREIGN_FILE,
                   _("%s is an SQLite database of another program, not a case package: nothing "
                     "was imported"), path);
      return FALSE;
    }
  format = be32 (header + 60);
  if (format > AWB_PACKAGE_FORMAT_VERSION)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_NEWER_VERSION,
                   _("Package %s has format version %u, written by a newer Assessor Workbench "
                     "(this version reads up to %d): nothing was imported. Update the program."),
                   path, format, AWB_PACKAGE_FORMAT_VERSION);
      return FALSE;
    }
  if (format == 0)
    return damaged (error, path, _("it has no format version"));

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  pages = be32 (header + 28);
  /* the page count is valid when the two change counters agree */
  if (pages > 0 && be32 (header + 24) == be32 (header + 92) &&
      (goffset) st.st_size < (goffset) page_size * pages)
    {
      g_autofree char *have = g_strdup_printf ("%" G_GOFFSET_FORMAT, (goffset) st.st_size);
      g_autofree char *want = g_strdup_printf ("%" G_GOFFSET_FORMAT,
                                               (goffset) page_size * pages);
      g_autofree char *detail = g_strdup_printf (_("it is cut short: %s of %s bytes"), have, want);

      return damaged (error, path, detail);
    }
  {
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    if (g_file_test (journal, G_FILE_TEST_EXISTS) || g_file_test (wal, G_FILE_TEST_EXISTS))
      return damaged (error, path, _("it was being written when its writer stopped"));
  }
  return TRUE;
}

static gboolean
ro_fail (sqlite3    *con,
         const char *path,
         GError    **error)
{
  g_autofree char *detail = g_strdup (sqlite3_errmsg (con));
  return damaged (error, path, detail);
}

static char *
ro_text (sqlite3    *con,
         const char *sql,
         const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (con, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      if (arg != NULL)
        sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return value;
}

/* How many rows the query counts, or -1 when it fails. */
static gint64
ro_count (sqlite3    *con,
          const char *sql,
          const char *arg)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (con, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      if (arg != NULL)
        sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return value;
}

/* Each table is there with its columns and holds the rows the writer counted. */
static gboolean
check_table (sqlite3    *con,
             const char *path,
             const char *table,
             const char *columns,
             GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (SELECT %s FROM %s)", columns,
                                          table);
  g_autofree char *key = g_strconcat ("rows:", table, NULL);
  g_autofree char *expected = ro_text (con, "SELECT value FROM package_info WHERE key = ?", key);
  gint64 count = ro_count (con, sql, NULL);

  if (count < 0)
    {
      g_autofree char *detail = g_strdup_printf (_("table %s is missing or incomplete"), table);
      return damaged (error, path, detail);
    }
  if (expected == NULL || g_ascii_strtoll (expected, NULL, 10) != count)
    {
      g_autofree char *have = g_strdup_printf ("%" G_GINT64_FORMAT, count);
      g_autofree char *detail = g_strdup_printf (_("table %s holds %s rows where %s were written"),
                                                 table, have, expected != NULL ? expected : "?");
      return damaged (error, path, detail);
    }
  return TRUE;
}

/* Every attachment's bytes are there and hash to its SHA-256. */
static gboolean
check_attachment_bytes (sqlite3    *con,
                        const char *path,
                        GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GChecksum) sum = NULL;
  g_autofree char *current = NULL;
  g_autofree char *missing = NULL;
  gint64 size = 0;
  gint64 next_part = 0;
  gboolean ok = TRUE;
  int rc;

  missing = ro_text (con, "SELECT name || ' (' || sha256 || ')' FROM attachments a WHERE "
                          "NOT EXISTS (SELECT 1 FROM attachment_data d WHERE d.sha256 = a.sha256)",
                     NULL);
  if (missing != NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                   _("Package %s lacks the bytes of attachment %s: nothing was imported"), path,
                   missing);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (con, "SELECT d.sha256, d.part, d.data, (SELECT max (size) FROM "
                               "attachments a WHERE a.sha256 = d.sha256), (SELECT min (name) FROM "
                               "attachments a WHERE a.sha256 = d.sha256) FROM attachment_data d "
                               "ORDER BY d.sha256, d.part", -1, &stmt, NULL) != SQLITE_OK)
    return ro_fail (con, path, error);

  for (;;)
    {
      const char *sha = NULL;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        sha = (const char *) sqlite3_column_text (stmt, 0);
      if (current != NULL && (rc != SQLITE_ROW || g_strcmp0 (sha, current) != 0))
        {
          /* the end of a file: its hash and size */
          if (!g_str_equal (g_checksum_get_string (sum), current))
            {
              g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                           _("Package %s holds an attachment whose bytes do not match its "
                             "SHA-256 %s (they hash to %s): nothing was imported"), path,
                           current, g_checksum_get_string (sum));
              ok = FALSE;
              break;
            }
          g_clear_pointer (&current, g_free);
        }
      if (rc != SQLITE_ROW)
        break;
      if (current == NULL)
        {
          current = g_strdup (sha);
          g_clear_pointer (&sum, g_checksum_free);
          sum = g_checksum_new (G_CHECKSUM_SHA256);
          size = 0;
          next_part = 0;
        }
      if (sqlite3_column_int64 (stmt, 1) != next_part++)
        {
          ok = damaged (error, path, _("a part of an attachment is missing"));
          break;
        }
      g_checksum_update (sum, sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      size += sqlite3_column_bytes (stmt, 2);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL && size > sqlite3_column_int64 (stmt, 3))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                       _("Package %s holds more bytes for attachment “%s” than its size: nothing "
                         "was imported"), path, (const char *) sqlite3_column_text (stmt, 4));
          ok = FALSE;
          break;
        }
    }
  if (ok && rc != SQLITE_DONE)
    ok = ro_fail (con, path, error);
  sqlite3_finalize (stmt);
  return ok;
}

/* The package's history chains from the first entry to its seal. */
static gboolean
check_history (sqlite3    *con,
               const char *path,
               const char *case_id,
               GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev = g_strdup (AWB_HISTORY_GENESIS);
  g_autofree char *head = NULL;
  gint64 count = 0;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (con, "SELECT id, case_id, at, actor, action, entity, entity_id, before, "
                               "after, prev_hash, hash FROM history ORDER BY seq", -1, &stmt,
                          NULL) != SQLITE_OK)
    return ro_fail (con, path, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *v[11];
      g_autofree char *hash = NULL;

      for (int i = 0; i < 11; i++)
        v[i] = (const char *) sqlite3_column_text (stmt, i);
      hash = _awb_history_entry_hash (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], prev);
      count++;
      if (g_strcmp0 (v[1], case_id) != 0 || g_strcmp0 (v[9], prev) != 0 ||
          g_strcmp0 (v[10], hash) != 0)
        {
          g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, count);

          g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                       _("Package %s: its history was altered (entry %s, %s, does not match its "
                         "hash): nothing was imported"), path, n, v[0] != NULL ? v[0] : "");
          ok = FALSE;
          break;
        }
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  if (ok && rc != SQLITE_DONE)
    ok = ro_fail (con, path, error);
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  head = ro_text (con, "SELECT hash || ' ' || count FROM history_heads WHERE case_id = ?",
                  case_id);
  if (count > 0)
    {
      g_autofree char *expected = g_strdup_printf ("%s %" G_GINT64_FORMAT, prev, count);

      if (g_strcmp0 (head, expected) != 0)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                       _("Package %s: its history does not end where its seal says (entries "
                         "were removed or added): nothing was imported"), path);
          return FALSE;
        }
    }
  return TRUE;
}

/* Every check of a package file, on a read-only connection of its own. */
static gboolean
check_package (const char  *path,
               PackageInfo *info,
               GError     **error)
{
  sqlite3 *con = NULL;
  g_autofree char *check = NULL;
  g_autofree char *sql = NULL;
  AwbCatalogue *catalogue;
  gboolean ok = FALSE;

  if (!check_header (path, error))
    return FALSE;

  if (sqlite3_open_v2 (path, &con, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) !=
      SQLITE_OK)
    {
      ro_fail (con, path, error);
      goto out;
    }
  check = ro_text (con, "PRAGMA quick_check", NULL);
  if (g_strcmp0 (check, "ok") != 0)
    {
      damaged (error, path, check != NULL ? check : sqlite3_errmsg (con));
      goto out;
    }

  info->case_id = ro_text (con, "SELECT value FROM package_info WHERE key = 'case'", NULL);
  info->applicant = ro_text (con, "SELECT value FROM package_info WHERE key = 'applicant'", NULL);
  info->exported_by = ro_text (con, "SELECT value FROM package_info WHERE key = 'exported_by'",
                               NULL);
  info->exported_at = ro_text (con, "SELECT value FROM package_info WHERE key = 'exported_at'",
                               NULL);
  info->catalogue_id = ro_text (con, "SELECT catalogue_id FROM cases WHERE id = ?",
                                info->case_id);
  info->catalogue_version = ro_text (con, "SELECT catalogue_version FROM cases WHERE id = ?",
                                     info->case_id);
  if (info->case_id == NULL || info->catalogue_id == NULL || info->catalogue_version == NULL)
    {
      damaged (error, path, _("it does not name its case"));
      goto out;
    }

  for (const AwbPackageEntity *e = _awb_package_entities; e->table != NULL; e++)
    {
      g_autofree char *columns = column_list (e->columns);

      if (!check_table (con, path, e->table, columns, error))
        goto out;
      g_free (sql);
      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s IS NOT ?", e->table,
                             e->case_column);
      if (ro_count (con, sql, info->case_id) != 0)
        {
          g_autofree char *detail = g_strdup_printf (_("table %s holds rows of another case"),
                                                     e->table);
          damaged (error, path, detail);
          goto out;
        }
    }
  for (guint i = 0; child_tables[i] != NULL; i++)
    {
      g_autofree char *columns = column_list (child_columns (child_tables[i]));

      if (!check_table (con, path, child_tables[i], columns, error))
        goto out;
      g_free (sql);
      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE evidence_id NOT IN "
                             "(SELECT id FROM evidence)", child_tables[i]);
      if (ro_count (con, sql, NULL) != 0)
        {
          g_autofree char *detail =
            g_strdup_printf (_("table %s holds rows of no evidence item"), child_tables[i]);
          damaged (error, path, detail);
          goto out;
        }
    }
  if (!check_table (con, path, "history", history_columns, error) ||
      !check_table (con, path, "history_heads", "case_id, count, hash", error) ||
      !check_table (con, path, "tombstones", "entity, id, case_id, deleted_at", error) ||
      !check_table (con, path, "merge_versions",
                    "case_id, entity, key, version, deleted, current", error))
    goto out;
  if (ro_count (con, "SELECT count(*) FROM cases", NULL) != 1)
    {
      damaged (error, path, _("it must hold exactly one case"));
      goto out;
    }
  if (ro_count (con, "SELECT count(*) FROM merge_versions WHERE case_id IS NOT ?",
                info->case_id) != 0 ||
      ro_count (con, "SELECT count(*) FROM tombstones WHERE case_id IS NOT ?", info->case_id) != 0)
    {
      damaged (error, path, _("it holds rows of another case"));
      goto out;
    }

  catalogue = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (),
                                             info->catalogue_id, info->catalogue_version, NULL);
  if (catalogue == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE,
                   _("Package %s holds a case assessed against catalogue %s version %s, which is "
                     "not installed here: nothing was imported. Install that catalogue first "
                     "(“awb catalogue list” shows what is installed)."), path, info->catalogue_id,
                   info->catalogue_version);
      goto out;
    }

  if (!check_attachment_bytes (con, path, error) ||
      !check_history (con, path, info->case_id, error))
    goto out;
  ok = TRUE;

out:
  sqlite3_close (con);
  return ok;
}

/* ---- import ------------------------------------------------------------------------- */

/* Puts the package's attachment bytes that the store lacks into it (content
 * addressed: a file nothing refers to yet is harmless if the import fails). */
static gboolean
store_bytes (AwbDatabase *db,
             const char  *path,
             GError     **error)
{
  g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (db);
  sqlite3 *con = NULL;
  sqlite3_stmt *files = NULL;
  sqlite3_stmt *parts = NULL;
  gboolean ok = TRUE;

  if (sqlite3_open_v2 (path, &con, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) !=
        SQLITE_OK ||
      sqlite3_prepare_v2 (con, "SELECT DISTINCT sha256 FROM attachment_data ORDER BY sha256", -1,
                          &files, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (con, "SELECT data FROM attachment_data WHERE sha256 = ? ORDER BY part",
                          -1, &parts, NULL) != SQLITE_OK)
    {
      ok = ro_fail (con, path, error);
      goto out;
    }

  while (ok && sqlite3_step (files) == SQLITE_ROW)
    {
      const char *sha = (const char *) sqlite3_column_text (files, 0);
      g_autofree char *target = awb_attachment_store_get_file_path (store, sha);
      g_autofree char *tmp = NULL;
      g_autoptr(AwbAttachment) stored = NULL;
      g_autoptr(GError) local_error = NULL;
      int fd;

      if (target == NULL || g_file_test (target, G_FILE_TEST_EXISTS))
        continue;

      /* the store copies from a file: a temporary one outside it */
      fd = g_file_open_tmp ("awb-import-XXXXXX", &tmp, &local_error);
      if (fd < 0)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                       _("An attachment cannot be unpacked from %s: %s. Nothing was imported."),
                       path, local_error->message);
          ok = FALSE;
          break;
        }
      sqlite3_reset (parts);
      sqlite3_bind_text (parts, 1, sha, -1, SQLITE_STATIC);
      while (ok && sqlite3_step (parts) == SQLITE_ROW)
        {
          const guchar *data = sqlite3_column_blob (parts, 0);
          gsize len = (gsize) sqlite3_column_bytes (parts, 0);

          while (len > 0)
            {
              gssize n = write (fd, data, len);

              if (n < 0 && errno == EINTR)
                continue;
              if (n < 0)
                {
                  int saved = errno;
                  g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                               _("An attachment cannot be unpacked from %s: %s. Nothing was "
                                 "imported."), path, g_strerror (saved));
                  ok = FALSE;
                  break;
                }
              data += n;
              len -= (gsize) n;
            }
        }
      close (fd);
      if (ok)
        {
          stored = awb_attachment_store_add (store, tmp, NULL, error);
          if (stored == NULL)
            ok = FALSE;
          else if (!g_str_equal (stored->sha256, sha))
            {
              g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                           _("Attachment %s changed while it was unpacked from %s: nothing was "
                             "imported"), sha, path);
              ok = FALSE;
            }
        }
      g_unlink (tmp);
    }

out:
  sqlite3_finalize (files);
  sqlite3_finalize (parts);
  sqlite3_close (con);
  return ok;
}

/* INSERT INTO main.table SELECT … FROM awbpkg.table; the rows copied. */
static gboolean
copy_in (AwbDatabase *db,
         const char  *table,
         const char  *columns,
         const char  *tail,
         gint64      *count,
         GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO main.%s (%s) SELECT %s FROM "
                                          AWB_PACKAGE_SCHEMA ".%s %s", table, columns, columns,
                                          table, tail != NULL ? tail : "");

  if (!_awb_database_run (db, error, sql, NULL))
    return FALSE;
  *count = sqlite3_changes64 (_awb_database_get_handle (db));
  return TRUE;
}

/* The case is new here: every row as it is, the history's hashes included
 * (check_history found they chain from the start). */
static gboolean
import_new_case (AwbDatabase     *db,
                 AwbImportResult *result,
                 GError         **error)
{
  gint64 count;

  for (const AwbPackageEntity *e = _awb_package_entities; e->table != NULL; e++)
    {
      g_autofree char *columns = column_list (e->columns);

      if (!copy_in (db, e->table, columns, NULL, &count, error))
        return FALSE;
      result->n_added += (guint) count;
    }
  for (guint i = 0; child_tables[i] != NULL; i++)
    {
      g_autofree char *columns = column_list (child_columns (child_tables[i]));

      if (!copy_in (db, child_tables[i], columns, NULL, &count, error))
        return FALSE;
      result->n_added += (guint) count;
    }
  if (!copy_in (db, "history", history_columns, "ORDER BY seq", &count, error))
    return FALSE;
  result->n_history = (guint) count;
  return copy_in (db, "history_heads", "case_id, count, hash", NULL, &count, error) &&
         copy_in (db, "tombstones", "entity, id, case_id, deleted_at",
                  "WHERE true ON CONFLICT (entity, id) DO NOTHING", &count, error) &&
         copy_in (db, "merge_versions", "case_id, entity, key, version, deleted, current", NULL,
                  &count, error);
}

/* Refuses a package whose case this database deleted, or assesses against
 * another catalogue. *exists: the case is here. */
static gboolean
check_local_case (AwbDatabase *db,
                  const char  *path,
                  PackageInfo *info,
                  gboolean    *exists,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT catalogue_id, catalogue_version, applicant FROM main.cases "
                              "WHERE id = ?", "s", info->case_id);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *exists = TRUE;
      if (g_strcmp0 (_awb_column_text (stmt, 0), info->catalogue_id) != 0 ||
          g_strcmp0 (_awb_column_text (stmt, 1), info->catalogue_version) != 0)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE,
                       _("Package %s assesses case %s (%s) against catalogue %s version %s, but "
                         "this database's case uses %s version %s: nothing was imported"), path,
                       info->case_id, _awb_column_text (stmt, 2), info->catalogue_id,
                       info->catalogue_version, _awb_column_text (stmt, 0),
                       _awb_column_text (stmt, 1));
          return FALSE;
        }
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  *exists = FALSE;

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _awb_database_query (db, error,
                              "SELECT deleted_at FROM main.tombstones WHERE entity IN ('case', "
                              "'cases') AND id = ?", "s", info->case_id);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Case %s (%s) was deleted from this database on %.10s (its retention had "
                     "ended): package %s was not imported"), info->case_id, info->applicant,
                   _awb_column_text (stmt, 0), path);
      return FALSE;
    }
  return rc == SQLITE_DONE;
}

AwbImportResult *
awb_package_import (AwbDatabase *db,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(AwbImportResult) result = NULL;
  PackageInfo info = { 0 };
  gboolean exists = FALSE;
  gint64 cache;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!check_package (path, &info, error) || !check_local_case (db, path, &info, &exists, error) ||
      !store_bytes (db, path, error))
    {
      package_info_clear (&info);
      return NULL;
    }

  result = g_new0 (AwbImportResult, 1);
  result->case_id = g_strdup (info.case_id);
  result->applicant = g_strdup (info.applicant);
  result->package = g_path_get_basename (path);
  result->created = !exists;
  result->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_merge_change_free);
  package_info_clear (&info);

  if (!_awb_package_register_functions (_awb_database_get_handle (db), error) ||
      !attach (db, path, &cache, error))
    return NULL;
  ok = awb_database_begin (db, error);
  if (ok)
    {
      ok = exists ? _awb_merge_package (db, result->case_id, result->package, result, error)
                  : import_new_case (db, result, error);
      ok = ok ? awb_database_commit (db, error) : (awb_database_rollback (db), FALSE);
    }
  detach (db, cache);
  if (!ok)
    return NULL;

  result->conflicts = awb_conflict_list (db, result->case_id, error);
  if (result->conflicts == NULL)
    return NULL;
  return g_steal_pointer (&result);
}

/* ---- in a worker thread -------------------------------------------------------------- */

typedef struct
{
  char            *db_path;
  char            *case_id;
  char            *path;
  AwbPackageFlags  flags;
} PackageTask;

static void
package_task_free (gpointer data)
{
  PackageTask *t = data;

  g_free (t->db_path);
  g_free (t->case_id);
  g_free (t->path);
  g_free (t);
}

static void
package_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PackageTask *t = task_data;
  g_autoptr(AwbDatabase) db = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* a connection of its own: SQLite handles are not shared between threads */
  db = awb_database_open (t->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (t->case_id != NULL)
    {
      AwbPackageSummary *summary = awb_package_export (db, t->case_id, t->path, t->flags,
                                                       &error);
      if (summary == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, summary, (GDestroyNotify) awb_package_summary_free);
    }
  else
    {
      AwbImportResult *result = awb_package_import (db, t->path, &error);
      if (result == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, result, (GDestroyNotify) awb_import_result_free);
    }
}

static void
run_package_task (AwbDatabase         *db,
                  const char          *case_id,
                  const char          *path,
                  AwbPackageFlags      flags,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PackageTask *t = g_new0 (PackageTask, 1);

  t->db_path = g_strdup (awb_database_get_path (db));
  t->case_id = g_strdup (case_id);
  t->path = g_strdup (path);
  t->flags = flags;
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, case_id != NULL ? "[awb] package export" : "[awb] package import");
  g_task_set_task_data (task, t, package_task_free);
  g_task_run_in_thread (task, package_thread);
}

void
awb_package_export_async (AwbDatabase         *db,
                          const char          *case_id,
                          const char          *path,
                          AwbPackageFlags      flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (AWB_IS_DATABASE (db));
  g_return_if_fail (case_id != NULL && path != NULL);
  run_package_task (db, case_id, path, flags, cancellable, callback, user_data,
                    awb_package_export_async);
}

AwbPackageSummary *
awb_package_export_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == awb_package_export_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
awb_package_import_async (AwbDatabase         *db,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (AWB_IS_DATABASE (db));
  g_return_if_fail (path != NULL);
  run_package_task (db, NULL, path, AWB_PACKAGE_NONE, cancellable, callback, user_data,
                    awb_package_import_async);
}

AwbImportResult *
awb_package_import_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == awb_package_import_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
