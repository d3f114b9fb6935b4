/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-database"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "awb-error.h"
#include "awb-database-private.h"

/* The one owner of the SQLite connection. Opening refuses anything that is not
 * a workbench database before SQLite writes a byte to it; a new database is
 * built under a temporary name and linked into place only when complete, so a
 * crash never leaves a half-made file at the real path. */

#define SCHEMA_RESOURCE "/io/github/assessorworkbench/Workbench/schema/%d.sql"

struct _AwbDatabase
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
  guint    depth;  /* transaction nesting: 0 none, 1 BEGIN, >1 savepoints */
};

G_DEFINE_FINAL_TYPE (AwbDatabase, awb_database, G_TYPE_OBJECT)

static void
awb_database_finalize (GObject *object)
{
  AwbDatabase *self = (AwbDatabase *) object;

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (awb_database_parent_class)->finalize (object);
}

static void
awb_database_class_init (AwbDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awb_database_finalize;
}

static void
awb_database_init (AwbDatabase *self)
{
}

/* $XDG_DATA_HOME/assessor-workbench/workbench.db */
char *
awb_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "assessor-workbench", "workbench.db", NULL);
}

static gboolean
set_sqlite_error (sqlite3    *db,
                  int         rc,
                  const char *path,
                  const char *what,
                  GError    **error)
{
  const char *msg = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int code = rc & 0xff;
  int sys_errno = db != NULL && code == SQLITE_IOERR ? sqlite3_system_errno (db) : 0;

  /* a full disk met while growing the -shm or -wal file comes as an I/O error */
  if (code == SQLITE_FULL || sys_errno == ENOSPC || sys_errno == EDQUOT)
    g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                 _("The disk holding %s is full: %s failed and nothing was saved. "
                 "Free some space and try again."), path, what);
  else if (code == SQLITE_READONLY || code == SQLITE_PERM || code == SQLITE_CANTOPEN)
    g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                 _("Database %s cannot be written (%s): %s failed and nothing was saved. "
                 "Check the file's permissions."), path, msg, what);
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, AWB_ERROR, AWB_ERROR_DATABASE,
                 _("Database %s is busy in another program: %s failed and nothing was saved. "
                 "Try again."), path, what);
  else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                 _("Database %s is damaged (%s): %s failed."), path, msg, what);
  else if (code == SQLITE_CONSTRAINT)
    g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                 _("%s was refused by the database: %s"), what, msg);
  else
    g_set_error (error, AWB_ERROR, AWB_ERROR_DATABASE,
                 _("Database %s: %s failed: %s"), path, what, msg);
  return FALSE;
}

gboolean
_awb_database_fail (AwbDatabase *self,
                    GError     **error,
                    const char  *what)
{
  return set_sqlite_error (self->db, sqlite3_extended_errcode (self->db), self->path, what, error);
}

static gboolean
exec (sqlite3    *db,
      const char *path,
      const char *sql,
      GError    **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, path, _("a database command"), error);
  return TRUE;
}

/* Reads a PRAGMA's integer; FALSE when SQLite could not (its error is on db). */
static gboolean
pragma_int (sqlite3    *db,
            const char *sql,
            int        *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Reads the 100-byte SQLite header ourselves so that a foreign file is never
 * handed to SQLite (which could roll back a journal or change its mode). */
/* The first bytes of the file (up to 100), read through the connection's own
 * file handle. Another descriptor opened and closed on a file this process
 * holds open would drop every POSIX lock the process has on it — SQLite's
 * among them — and another program (awb on the command line) could then
 * believe itself the last user, checkpoint and delete the WAL under the
 * connections still open here, which then fail with "disk I/O error".
 * Returns the count read, or -1. */
static gssize
read_header (sqlite3 *db,
             guchar   header[100])
{
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  gssize n;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK
      || file == NULL || file->pMethods == NULL
      || file->pMethods->xFileSize (file, &size) != SQLITE_OK)
    return -1;
  n = (gssize) MIN (size, (sqlite3_int64) 100);
  if (n > 0 && file->pMethods->xRead (file, header, (int) n, 0) != SQLITE_OK)
    return -1;
  return n;
}

static gboolean
check_header (const char   *path,
              const guchar *header,
              gssize        n,
              GError      **error)
{
  guint32 app_id;

  if (n < 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Database %s cannot be opened: its first bytes cannot be read"), path);
      return FALSE;
    }
  if (n == 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_FOREIGN_FILE,
                   _("%s is an empty file, not a workbench database; it was left as it is. "
                   "Give another file name (a missing file is created)."), path);
      return FALSE;
    }
  if (n < 100 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_FOREIGN_FILE,
                   _("%s is not a workbench database (it is not an SQLite file at all); "
                   "it was left as it is."), path);
      return FALSE;
    }
  app_id = ((guint32) header[68] << 24) | ((guint32) header[69] << 16) |
           ((guint32) header[70] << 8) | (guint32) header[71];
  if (app_id != AWB_APPLICATION_ID)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_FOREIGN_FILE,
                   _("%s is an SQLite database of another program, not a workbench database; "
                   "it was left as it is."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_schema (sqlite3    *db,
              const char *path,
              int         from,
              GError    **error)
{
  for (int v = from + 1; v <= AWB_SCHEMA_VERSION; v++)
    {
      g_autofree char *resource = g_strdup_printf (SCHEMA_RESOURCE, v);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *sql = NULL;
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v);

      if (bytes == NULL)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_DATABASE,
                       _("The database schema %d is missing from this build"), v);
          return FALSE;
        }
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      g_autofree char *what = g_strdup_printf ("bringing the database to schema %d", v);
      int rc;

      /* one transaction per version: a failure rolls the file back as it was */
      rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, set_version, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (db, rc, path, what, error);
          if (!sqlite3_get_autocommit (db))
            sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

/* Connection settings that write nothing to the file. */
static gboolean
configure (sqlite3    *db,
           const char *path,
           GError    **error)
{
  sqlite3_busy_timeout (db, 10000);
  sqlite3_extended_result_codes (db, 1);
  return exec (db, path, "PRAGMA foreign_keys = ON", error) &&
         exec (db, path, "PRAGMA synchronous = FULL", error) &&
         exec (db, path, "PRAGMA secure_delete = ON", error) &&
         /* 16 MiB of page cache: a 100,000-item case is read without re-reading pages,
          * while an export stays well under its 64 MiB budget */
         exec (db, path, "PRAGMA cache_size = -16384", error);
}

/* Builds a complete new database at a temporary name beside path, then links it
 * into place (link() never replaces an existing file). */
static gboolean
create_new (const char *path,
            GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.new-XXXXXX", dir, base);
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", AWB_APPLICATION_ID);
  sqlite3 *db = NULL;
  gboolean ok;
  int fd;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Folder %s cannot be created: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Database %s cannot be created in %s: %s"), base, dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmpl, &db, SQLITE_OPEN_READWRITE, NULL);
  ok = rc == SQLITE_OK || set_sqlite_error (db, rc, path, _("creating the database"), error);
  ok = ok && exec (db, path, app_id, error);
  ok = ok && exec (db, path, "PRAGMA journal_mode = WAL", error);
  ok = ok && exec (db, path, "PRAGMA synchronous = FULL", error);
  ok = ok && apply_schema (db, path, 0, error);
  if (sqlite3_close (db) != SQLITE_OK && ok)
    ok = set_sqlite_error (NULL, SQLITE_IOERR, path, _("closing the new database"), error);

  if (ok && link (tmpl, path) != 0)
    {
      int saved = errno;

      /* Another process created it in the meantime: theirs stands, ours goes. */
      if (saved != EEXIST)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                       _("Database %s cannot be created: %s"), path, g_strerror (saved));
          ok = FALSE;
        }
    }
  if (ok)
    {
      /* make the link durable */
      int dfd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
      if (dfd >= 0)
        {
          fsync (dfd);
          close (dfd);
        }
    }

  g_unlink (tmpl);
  {
    g_autofree char *wal = g_strconcat (tmpl, "-wal", NULL);
    g_autofree char *shm = g_strconcat (tmpl, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  return ok;
}

/* Opens the database at path, creating it if the file is missing. */
AwbDatabase *
awb_database_open (const char *path,
                   GError    **error)
{
  g_autoptr(AwbDatabase) self = NULL;
  int rc;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create_new (path, error))
        return NULL;
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_FOREIGN_FILE,
                   _("%s is a folder, not a workbench database"), path);
      return NULL;
    }

  /* SQLite keeps its journal (-wal, -shm) beside the database: without a
   * writable folder it could not even read it, and would say so obscurely */
  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (g_access (dir, W_OK | X_OK) != 0)
      {
        int saved = errno;
        g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                     _("Database %s cannot be opened: its folder %s cannot be written (%s), and "
                     "the workbench keeps its journal beside the database. Check the folder's "
                     "permissions; the database was left as it is."), path, dir,
                     g_strerror (saved));
        return NULL;
      }
  }

  self = g_object_new (AWB_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                       _("Database %s cannot be opened for writing; check the file's permissions"),
                       path);
          return NULL;
        }
      set_sqlite_error (self->db, rc, path, _("opening the database"), error);
      return NULL;
    }

  /* SQLite reads nothing before the first statement: the file is known to
   * be a workbench database before anything runs on it */
  {
    guchar header[100];
    gssize n = read_header (self->db, header);

    if (!check_header (path, header, n, error))
      return NULL;
  }

  sqlite3_busy_timeout (self->db, 10000);
  if (!pragma_int (self->db, "PRAGMA user_version", &version))
    {
      _awb_database_fail (self, error, _("reading the database version"));
      return NULL;
    }
  if (version < 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                   _("Database %s is damaged: its schema version is %d, which no Assessor "
                   "Workbench writes. It was left as it is."), path, version);
      return NULL;
    }
  if (version > AWB_SCHEMA_VERSION)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_NEWER_VERSION,
                   _("Database %s was written by a newer Assessor Workbench (schema %d; this "
                   "version reads up to %d). It was left as it is; update the program to open it."),
                   path, version, AWB_SCHEMA_VERSION);
      return NULL;
    }

  /* Nothing is written before the file is known to be good: the upgrade runs
   * in the file's own journal mode, so a failed one leaves it byte for byte as
   * it was; only then does the connection switch to WAL. */
  if (!configure (self->db, path, error))
    return NULL;
  if (version < AWB_SCHEMA_VERSION && !apply_schema (self->db, path, version, error))
    return NULL;
  if (!exec (self->db, path, "PRAGMA journal_mode = WAL", error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
awb_database_get_path (AwbDatabase *self)
{
  g_return_val_if_fail (AWB_IS_DATABASE (self), NULL);
  return self->path;
}

int
awb_database_get_schema_version (AwbDatabase *self)
{
  int version = -1;

  g_return_val_if_fail (AWB_IS_DATABASE (self), -1);
  if (!pragma_int (self->db, "PRAGMA user_version", &version))
    return -1;
  return version;
}

sqlite3 *
_awb_database_get_handle (AwbDatabase *self)
{
  return self->db;
}

/* Starts a user action. Nested calls become savepoints, so that an action
 * built from other actions is still one transaction. */
gboolean
awb_database_begin (AwbDatabase *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT s%u", self->depth);
  if (!exec (self->db, self->path, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
awb_database_commit (AwbDatabase *self,
                     GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT") : g_strdup_printf ("RELEASE s%u", self->depth - 1);
  if (!exec (self->db, self->path, sql, error))
    {
      awb_database_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

void
awb_database_rollback (AwbDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (AWB_IS_DATABASE (self));
  if (self->depth == 0)
    return;

  if (self->depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    {
      sql = g_strdup_printf ("ROLLBACK TO s%u; RELEASE s%u", self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  self->depth--;
}

gboolean
awb_database_in_transaction (AwbDatabase *self)
{
  g_return_val_if_fail (AWB_IS_DATABASE (self), FALSE);
  return self->depth > 0;
}

static gboolean
bind_args (AwbDatabase  *self,
           sqlite3_stmt *stmt,
           const char   *types,
           va_list       args,
           GError      **error)
{
  for (int i = 0; types != NULL && types[i] != '\0'; i++)
    {
      int rc;

      switch (types[i])
        {
        case 's':
          {
            const char *s = va_arg (args, const char *);
            rc = s != NULL ? sqlite3_bind_text (stmt, i + 1, s, -1, SQLITE_TRANSIENT)
                           : sqlite3_bind_null (stmt, i + 1);
          }
          break;
        case 'i':
          rc = sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
          break;
        case 'b':
          rc = sqlite3_bind_int (stmt, i + 1, va_arg (args, gboolean) ? 1 : 0);
          break;
        case 'n':
          rc = sqlite3_bind_null (stmt, i + 1);
          break;
        default:
          g_return_val_if_reached (FALSE);
        }
      if (rc != SQLITE_OK)
        return _awb_database_fail (self, error, _("binding a value"));
    }
  return TRUE;
}

static sqlite3_stmt *
query_valist (AwbDatabase *self,
              GError     **error,
              const char  *sql,
              const char  *types,
              va_list      args)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _awb_database_fail (self, error, _("preparing a query"));
      return NULL;
    }
  if (!bind_args (self, stmt, types, args, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

sqlite3_stmt *
_awb_database_query (AwbDatabase *self,
                     GError     **error,
                     const char  *sql,
                     const char  *types,
                     ...)
{
  va_list args;
  sqlite3_stmt *stmt;

  va_start (args, types);
  stmt = query_valist (self, error, sql, types, args);
  va_end (args);
  return stmt;
}

gboolean
_awb_database_run_valist (AwbDatabase *self,
                          GError     **error,
                          const char  *sql,
                          const char  *types,
                          va_list      args)
{
  g_autoptr(sqlite3_stmt) stmt = query_valist (self, error, sql, types, args);

  if (stmt == NULL)
    return FALSE;
  return _awb_database_step (self, stmt, error) == SQLITE_DONE;
}

gboolean
_awb_database_run (AwbDatabase *self,
                   GError     **error,
                   const char  *sql,
                   const char  *types,
                   ...)
{
  va_list args;
  gboolean ok;

  va_start (args, types);
  ok = _awb_database_run_valist (self, error, sql, types, args);
  va_end (args);
  return ok;
}

int
_awb_database_step (AwbDatabase  *self,
                    sqlite3_stmt *stmt,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  _awb_database_fail (self, error, _("saving"));
  return rc;
}

const char *
_awb_column_text (sqlite3_stmt *stmt,
                  int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static const char * const record_tables[] = {
  "cases", "team_members", "case_dates", "stage_moves", "checklist", "evidence",
  "evidence_links", "attachments", "ratings", "findings", "staff", "projects",
  "panel_members", "panel_reviews", "panel_votes", NULL
};

JsonNode *
_awb_database_row_json (AwbDatabase *self,
                        const char  *table,
                        const char  *key_column,
                        const char  *key,
                        GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  int rc;

  g_return_val_if_fail (g_strv_contains (record_tables, table), NULL);

  sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?", table, key_column);
  stmt = _awb_database_query (self, error, sql, "s", key);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (self, stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      json_builder_set_member_name (builder, sqlite3_column_name (stmt, i));
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          json_builder_add_double_value (builder, sqlite3_column_double (stmt, i));
          break;
        case SQLITE_NULL:
          json_builder_add_null_value (builder);
          break;
        default:
          json_builder_add_string_value (builder, _awb_column_text (stmt, i));
        }
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
_awb_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = NULL;

  if (node == NULL)
    return NULL;
  gen = json_generator_new ();
  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}
