/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-test-util.h"

static void
test_create (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "data", "assessor-workbench", NULL);
  g_autofree char *path = g_build_filename (sub, "workbench.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) db = awb_database_open (path, &error);
  struct stat st;

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (awb_database_get_schema_version (db), ==, AWB_SCHEMA_VERSION);

  /* private: the file 0600, the folder we made 0700 */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* no temporary file is left beside it */
  {
    g_autoptr(GDir) d = g_dir_open (sub, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (strstr (name, ".new-") != NULL);
  }

  g_clear_object (&db);
  awb_test_remove_tree (dir);
}

static void
test_persist (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) db = awb_database_open (path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  g_assert_true (awb_database_begin (db, &error));
  g_assert_true (_awb_database_run (db, &error,
                                    "INSERT INTO cases (id, catalogue_id, catalogue_version, "
                                    "applicant, credit_code, created_at, updated_at) "
                                    "VALUES (?, 'c', '1', ?, 'x', 't', 't')",
                                    "ss", "case-1", "示例公司"));
  g_assert_true (awb_database_commit (db, &error));

  /* a rolled-back action leaves nothing */
  g_assert_true (awb_database_begin (db, &error));
  g_assert_true (_awb_database_run (db, &error,
                                    "INSERT INTO cases (id, catalogue_id, catalogue_version, "
                                    "applicant, credit_code, created_at, updated_at) "
                                    "VALUES ('case-2', 'c', '1', 'B', 'x', 't', 't')", NULL));
  awb_database_rollback (db);
  g_assert_no_error (error);
  g_clear_object (&db);

  db = awb_database_open (path, &error);
  g_assert_no_error (error);
  stmt = _awb_database_query (db, &error, "SELECT applicant FROM cases ORDER BY id", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr (_awb_column_text (stmt, 0), ==, "示例公司");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_object (&db);
  awb_test_remove_tree (dir);
}

/* A database made by an older version (schema 0: only the stamp) is migrated. */
static void
test_migrate (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *stamp = g_strdup_printf ("PRAGMA application_id = %d; CREATE TABLE x (y);",
                                            AWB_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) db = NULL;
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, stamp, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = awb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awb_database_get_schema_version (db), ==, AWB_SCHEMA_VERSION);
  g_clear_object (&db);
  awb_test_remove_tree (dir);
}

/* "requirement method supports n, …" of evidence_link_counts */
static char *
link_counts (AwbDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    _awb_database_query (db, &error,
                         "SELECT group_concat (requirement_id || ' ' || method || ' ' || "
                         "supports || ' ' || n, ', ') FROM (SELECT * FROM "
                         "evidence_link_counts ORDER BY 1, 2, 3, 4)", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (_awb_column_text (stmt, 0));
}

/* A database of schema 1 with evidence in it (as the first release wrote it)
 * is brought to schema 2: the counts the judgement reads are filled from the
 * rows already there, then kept by the triggers. */
static void
test_migrate_counts (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(GBytes) schema1 = g_resources_lookup_data ("/io/github/assessorworkbench/Workbench/"
                                                       "schema/1.sql", 0, NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) db = NULL;
  g_autofree char *counts = NULL;
  sqlite3 *raw;

  g_assert_nonnull (schema1);
  sql = g_strdup_printf ("PRAGMA application_id = %d; %.*s; PRAGMA user_version = 1;"
                         "INSERT INTO cases (id, catalogue_id, catalogue_version, applicant, "
                         "credit_code, created_at, updated_at) VALUES ('c', 'k', '1', 'A', 'x', "
                         "'t', 't');"
                         "INSERT INTO evidence (id, case_id, method, title, recorded_at, "
                         "updated_at) VALUES ('e1', 'c', 'document', 'D', 't', 't'), "
                         "('e2', 'c', 'document', 'D', 't', 't'), "
                         "('e3', 'c', 'interview', 'I', 't', 't');"
                         "INSERT INTO evidence_links (evidence_id, requirement_id, supports) "
                         "VALUES ('e1', '3.3-2', 'yes'), ('e2', '3.3-2', 'yes'), "
                         "('e2', '3.1-1', 'no'), ('e3', '3.3-2', 'partly');",
                         AWB_APPLICATION_ID, (int) g_bytes_get_size (schema1),
                         (const char *) g_bytes_get_data (schema1, NULL));
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = awb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awb_database_get_schema_version (db), ==, 2);
  counts = link_counts (db);
  g_assert_cmpstr (counts, ==,
                   "3.1-1 document no 1, 3.3-2 document yes 2, 3.3-2 interview partly 1");
  awb_test_assert_counts (db);

  /* kept from then on: a link changes its support, an item goes with its links */
  g_assert_true (_awb_database_run (db, &error, "UPDATE evidence_links SET supports = 'partly' "
                                    "WHERE evidence_id = 'e1'", NULL));
  g_assert_true (_awb_database_run (db, &error, "DELETE FROM evidence WHERE id = 'e2'", NULL));
  g_assert_no_error (error);
  g_free (counts);
  counts = link_counts (db);
  g_assert_cmpstr (counts, ==, "3.3-2 document partly 1, 3.3-2 interview partly 1");
  awb_test_assert_counts (db);

  g_clear_object (&db);
  awb_test_remove_tree (dir);
}

static void
assert_refused_unchanged (const char *path,
                          gint        code,
                          const char *fragment)
{
  g_autoptr(GBytes) before = awb_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) db = awb_database_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (db);
  g_assert_error (error, AWB_ERROR, code);
  g_assert_true (strstr (error->message, path) != NULL);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” lacks “%s”", error->message, fragment);
  after = awb_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  sqlite3 *raw;

  g_assert_true (g_file_set_contents (text, "These are my notes, not a database.\n", -1, NULL));
  assert_refused_unchanged (text, AWB_ERROR_FOREIGN_FILE, "not an SQLite file");

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused_unchanged (empty, AWB_ERROR_FOREIGN_FILE, "empty file");

  g_assert_cmpint (sqlite3_open (other, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE songs (title); INSERT INTO songs VALUES ('x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  assert_refused_unchanged (other, AWB_ERROR_FOREIGN_FILE, "another program");

  awb_test_remove_tree (dir);
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) db = awb_database_open (path, &error);
  sqlite3 *raw;

  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_refused_unchanged (path, AWB_ERROR_NEWER_VERSION, "newer");
  awb_test_remove_tree (dir);
}

/* Found by fuzzing (fuzz-database): a stamped file whose upgrade fails (here
 * a table of the schema already exists) used to be switched to WAL before the
 * upgrade, so the refused file was changed. It must stay byte for byte. */
static void
test_refuse_failed_upgrade (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "clash.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; CREATE TABLE cases (a);",
                                          AWB_APPLICATION_ID);
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_refused_unchanged (path, AWB_ERROR_DATABASE, "bringing the database to schema 1 failed");
  awb_test_remove_tree (dir);
}

/* Found by fuzzing (fuzz-database): a negative user_version was reported as
 * "reading the database version failed: not an error". */
static void
test_refuse_negative_version (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "negative.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = -3;",
                                          AWB_APPLICATION_ID);
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_refused_unchanged (path, AWB_ERROR_CORRUPT, "its schema version is -3");
  awb_test_remove_tree (dir);
}

static void
test_nested_transactions (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "n.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) db = awb_database_open (path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_true (awb_database_begin (db, &error));
  g_assert_true (_awb_database_run (db, &error,
                                    "INSERT INTO cases (id, catalogue_id, catalogue_version, "
                                    "applicant, credit_code, created_at, updated_at) "
                                    "VALUES ('outer', 'c', '1', 'A', 'x', 't', 't')", NULL));
  g_assert_true (awb_database_begin (db, &error));
  g_assert_true (_awb_database_run (db, &error,
                                    "INSERT INTO cases (id, catalogue_id, catalogue_version, "
                                    "applicant, credit_code, created_at, updated_at) "
                                    "VALUES ('inner', 'c', '1', 'B', 'x', 't', 't')", NULL));
  awb_database_rollback (db);
  g_assert_true (awb_database_in_transaction (db));
  g_assert_true (awb_database_commit (db, &error));
  g_assert_false (awb_database_in_transaction (db));

  stmt = _awb_database_query (db, &error, "SELECT group_concat(id) FROM cases", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr (_awb_column_text (stmt, 0), ==, "outer");
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_object (&db);
  awb_test_remove_tree (dir);
}

/* Whether another process sees a lock on path (F_GETLK from a child). */
static gboolean
locked_for_others (const char *path)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
      int fd = open (path, O_RDWR);

      if (fd < 0 || fcntl (fd, F_GETLK, &fl) != 0)
        _exit (2);
      _exit (fl.l_type == F_UNLCK ? 1 : 0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) != 2);
  return WEXITSTATUS (status) == 0;
}

/* A second connection to an open database (a worker thread's: an import, an
 * export, a requirement's evidence) must leave the POSIX locks this process
 * holds on the file alone. Reading the header through another descriptor
 * and closing it dropped them: a program closing its own connection then
 * took itself for the last user and could delete the WAL under ours, whose
 * next read failed with "disk I/O error". */
static void
test_second_connection_keeps_locks (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) db = awb_database_open (path, &error);
  g_autoptr(AwbDatabase) worker = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (awb_database_get_schema_version (db), ==, AWB_SCHEMA_VERSION);
  /* SQLite holds a lock on the file of an open WAL database */
  g_assert_true (locked_for_others (path));

  worker = awb_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awb_database_get_schema_version (worker), ==, AWB_SCHEMA_VERSION);
  g_clear_object (&worker);
  g_assert_true (locked_for_others (path));

  g_clear_object (&db);
  awb_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/persist", test_persist);
  g_test_add_func ("/database/migrate", test_migrate);
  g_test_add_func ("/database/migrate-counts", test_migrate_counts);
  g_test_add_func ("/database/refuse-foreign", test_refuse_foreign);
  g_test_add_func ("/database/refuse-newer", test_refuse_newer);
  g_test_add_func ("/database/refuse-failed-upgrade", test_refuse_failed_upgrade);
  g_test_add_func ("/database/refuse-negative-version", test_refuse_negative_version);
  g_test_add_func ("/database/nested-transactions", test_nested_transactions);
  g_test_add_func ("/database/second-connection-keeps-locks", test_second_connection_keeps_locks);

  return g_test_run ();
}
