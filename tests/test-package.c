/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "awb-attachment-store.h"
#include "awb-case.h"
#include "awb-error.h"
#include "awb-evidence.h"
#include "awb-finding.h"
#include "awb-package.h"
#include "awb-panel.h"
#include "awb-project.h"
#include "awb-test-package.h"
#include "awb-test-records.h"

/* The package file: a fully assessed case goes out and comes back equal,
 * and every kind of bad package is refused with nothing written. */

typedef struct
{
  char        *dir;
  AwbDatabase *db;
  char        *case_id;
  char        *package;
} Fixture;

static char *
add_evidence (AwbDatabase        *db,
              const char         *case_id,
              AwbMethod           method,
              const char         *requirement,
              const char         *title,
              const char * const *files)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                               awb_evidence_link_free);
  g_autoptr(GError) error = NULL;
  AwbEvidenceNew params = { 0 };
  char *id;

  g_ptr_array_add (links, awb_evidence_link_new (requirement, AWB_SUPPORTS_YES));
  params.method = method;
  params.title = title;
  params.links = links;
  params.attachments = files;
  params.actor = "Li";
  id = awb_evidence_add (db, case_id, &params, &error);
  g_assert_no_error (error);
  return id;
}

/* A case through acceptance and evaluation to a recorded panel conclusion,
 * with attachments, a finding, a removed item and a panel. */
static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = NULL;
  g_autofree char *photo = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *finding = NULL;
  g_autoptr(AwbPanel) panel = NULL;
  const char *evaluators[] = { "Li", "Zhao", NULL };
  const char *files[3] = { NULL };
  guchar all_bytes[256];
  AwbCaseNew params = { 0 };

  f->dir = awb_test_make_tmpdir ();
  f->db = pkg_open (f->dir, "source.db");

  params.applicant = "示例云安全科技有限公司";
  params.credit_code = "91350100M000100Y43";
  params.leader = "Wang";
  params.evaluators = evaluators;
  params.actor = "Wang";
  f->case_id = awb_case_create (f->db, &params, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < AWB_N_CHECKS; i++)
    {
      g_assert_true (awb_case_check (f->db, f->case_id, awb_check_to_string (i), "Wang",
                                     &error));
      g_assert_no_error (error);
    }
  g_assert_true (awb_case_set_date (f->db, f->case_id, "received", "2026-01-05", "Wang",
                                    &error));
  g_assert_true (awb_case_advance (f->db, f->case_id, "initiation", "2026-01-10", "Wang",
                                   &error));
  g_assert_true (awb_case_advance (f->db, f->case_id, "evaluation", "2026-01-20", "Wang",
                                   &error));
  g_assert_no_error (error);

  awb_test_full_pass (f->db, f->case_id);

  for (guint i = 0; i < sizeof all_bytes; i++)
    all_bytes[i] = (guchar) i;
  binary = g_build_filename (f->dir, "capital-verification.bin", NULL);
  photo = g_build_filename (f->dir, "营业执照.jpg", NULL);
  awb_test_write_file (binary, (const char *) all_bytes, sizeof all_bytes);
  awb_test_write_file (photo, "\xff\xd8\xff\xe0 a photographed licence", -1);
  files[0] = binary;
  files[1] = photo;
  g_free (add_evidence (f->db, f->case_id, AWB_METHOD_DOCUMENT, "3.2.5-1",
                        "Capital verification report", files));
  removed = add_evidence (f->db, f->case_id, AWB_METHOD_INTERVIEW, "3.2.1-1",
                          "Interview noted twice", NULL);
  g_assert_true (awb_evidence_remove (f->db, removed, "Li", &error));
  finding = awb_finding_add (f->db, f->case_id, "3.2.2-1", AWB_FINDING_OBSERVATION,
                             "Threat intelligence is collected by hand", NULL, NULL, "Zhao",
                             &error);
  g_assert_no_error (error);

  g_assert_true (awb_panel_submit (f->db, f->case_id, "Wang", &error));
  g_assert_no_error (error);
  g_free (awb_panel_add_member (f->db, f->case_id, "Prof. Sun", "CNITSEC", AWB_PANEL_ROLE_CHAIR,
                                "Wang", &error));
  g_free (awb_panel_add_member (f->db, f->case_id, "Dr. Qian", "University", AWB_PANEL_ROLE_MEMBER,
                                "Wang", &error));
  g_free (awb_panel_add_member (f->db, f->case_id, "Ms. Zhou", "", AWB_PANEL_ROLE_MEMBER, "Wang",
                                &error));
  g_assert_no_error (error);
  g_free (awb_panel_review (f->db, f->case_id, "Prof. Sun", NULL, TRUE, TRUE, "sound", "Sun",
                            &error));
  g_free (awb_panel_review (f->db, f->case_id, "Dr. Qian", "3.2", TRUE, FALSE, "thin", "Qian",
                            &error));
  g_assert_no_error (error);
  g_free (awb_panel_vote (f->db, f->case_id, "Prof. Sun", AWB_VOTE_PASS, "", "Sun", &error));
  g_free (awb_panel_vote (f->db, f->case_id, "Dr. Qian", AWB_VOTE_FAIL, "see review", "Qian",
                          &error));
  g_free (awb_panel_vote (f->db, f->case_id, "Ms. Zhou", AWB_VOTE_PASS, "", "Zhou", &error));
  g_assert_no_error (error);
  panel = awb_panel_conclude (f->db, f->case_id, "Sun", &error);
  g_assert_no_error (error);

  f->package = pkg_export (f->db, f->case_id, f->dir, "case.awbcase");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->db != NULL)
    awb_test_assert_counts (f->db);
  g_clear_object (&f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->case_id);
  g_free (f->package);
}

static gint64
count (AwbDatabase *db,
       const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _awb_database_query (db, &error, sql, NULL);

  g_assert_no_error (error);
  g_assert_cmpint (_awb_database_step (db, stmt, &error), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Every attached file of the case is in both stores with the same bytes. */
static void
assert_same_files (AwbDatabase *from,
                   AwbDatabase *to,
                   const char  *case_id)
{
  g_autoptr(AwbAttachmentStore) a = awb_attachment_store_new_for_database (from);
  g_autoptr(AwbAttachmentStore) b = awb_attachment_store_new_for_database (to);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;

  stmt = _awb_database_query (from, &error,
                              "SELECT DISTINCT a.sha256 FROM attachments a JOIN evidence e ON "
                              "e.id = a.evidence_id WHERE e.case_id = ?", "s", case_id);
  g_assert_no_error (error);
  while (_awb_database_step (from, stmt, &error) == SQLITE_ROW)
    {
      const char *sha = _awb_column_text (stmt, 0);
      g_autofree char *pa = awb_attachment_store_get_file_path (a, sha);
      g_autofree char *pb = awb_attachment_store_get_file_path (b, sha);
      g_autoptr(GBytes) ba = awb_test_read_file (pa);
      g_autoptr(GBytes) bb = awb_test_read_file (pb);

      g_assert_true (g_bytes_equal (ba, bb));
      n++;
    }
  g_assert_cmpuint (n, ==, 2);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(AwbDatabase) copy = pkg_open (f->dir, "copy.db");
  g_autoptr(AwbDatabase) third = pkg_open (f->dir, "third.db");
  g_autoptr(AwbImportResult) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *source_records = pkg_case_records (f->db, f->case_id, TRUE);
  g_autofree char *source_history = pkg_history_text (f->db, f->case_id, TRUE);
  g_autofree char *copy_records = NULL;
  g_autofree char *copy_history = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *again = NULL;
  g_autofree char *second = NULL;

  /* the case is the rich one the setup promised */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM ratings"), >, 40);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM panel_votes"), ==, 3);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM tombstones"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM stage_moves"), ==, 2);

  r = pkg_import (copy, f->package);
  g_assert_true (r->created);
  g_assert_cmpstr (r->case_id, ==, f->case_id);
  g_assert_cmpuint (r->n_history, ==, count (f->db, "SELECT count(*) FROM history"));
  g_assert_cmpuint (r->conflicts->len, ==, 0);

  copy_records = pkg_case_records (copy, f->case_id, TRUE);
  copy_history = pkg_history_text (copy, f->case_id, TRUE);
  g_assert_cmpstr (copy_records, ==, source_records);
  g_assert_cmpstr (copy_history, ==, source_history);
  g_assert_cmpuint (pkg_history_problems (copy, f->case_id), ==, 0);
  assert_same_files (f->db, copy, f->case_id);
  g_assert_true (awb_attachment_store_verify (copy, f->case_id, problems, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* importing it again is a merge that changes nothing */
  dump = awb_test_dump_database (copy);
  awb_import_result_free (pkg_import (copy, f->package));
  again = awb_test_dump_database (copy);
  g_assert_cmpstr (again, ==, dump);

  /* and a package of the copy recreates the same case once more */
  g_free (f->package);
  f->package = pkg_export (copy, f->case_id, f->dir, "copy.awbcase");
  awb_import_result_free (pkg_import (third, f->package));
  second = pkg_case_records (third, f->case_id, TRUE);
  g_assert_cmpstr (second, ==, source_records);
  assert_same_files (f->db, third, f->case_id);
}

static void
test_export_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.awbcase", NULL);
  g_autoptr(AwbPackageSummary) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = awb_test_read_file (f->package);
  g_autoptr(GBytes) after = NULL;

  s = awb_package_export (f->db, f->case_id, f->package, AWB_PACKAGE_NONE, &error);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, f->package));
  g_assert_null (s);
  g_clear_error (&error);
  after = awb_test_read_file (f->package);
  g_assert_true (g_bytes_equal (before, after));

  s = awb_package_export (f->db, f->case_id, missing, AWB_PACKAGE_NONE, &error);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  s = awb_package_export (f->db, "zzzzzzzz", f->package, AWB_PACKAGE_FORCE, &error);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  s = awb_package_export (f->db, f->case_id, f->package, AWB_PACKAGE_FORCE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpuint (s->n_attachments, ==, 2);
  g_assert_cmpint (s->size, >, 0);

  /* no temporary file is left beside it */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".case.awbcase"));
  }
}

/* A copy of the package with sql applied to it. */
static char *
altered_copy (Fixture    *f,
              const char *name,
              const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GBytes) bytes = awb_test_read_file (f->package);
  sqlite3 *con = NULL;

  awb_test_write_file (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  if (sql != NULL)
    {
      g_assert_cmpint (sqlite3_open (path, &con), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (con, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (con);
    }
  return g_steal_pointer (&path);
}

/* Refused into an empty database and into the one holding the case, with
 * the same error and nothing written to either. */
static void
assert_refused (Fixture    *f,
                const char *path,
                int         code,
                const char *fragment)
{
  g_autoptr(AwbDatabase) empty = pkg_open (f->dir, "empty.db");
  g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (empty);
  AwbDatabase *targets[] = { empty, f->db };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = awb_test_dump_database (targets[i]);
      g_autofree char *after = NULL;
      g_autoptr(AwbImportResult) r = awb_package_import (targets[i], path, &error);

      g_test_message ("%s: %s", path, error != NULL ? error->message : "(imported)");
      g_assert_error (error, AWB_ERROR, code);
      g_assert_null (r);
      g_assert_nonnull (strstr (error->message, fragment));
      after = awb_test_dump_database (targets[i]);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_false (g_file_test (awb_attachment_store_get_path (store), G_FILE_TEST_EXISTS));
}

static void
test_import_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *empty_file = g_build_filename (f->dir, "empty.awbcase", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.awbcase", NULL);
  g_autofree char *half = altered_copy (f, "half.awbcase", NULL);
  g_autofree char *head = altered_copy (f, "head.awbcase", NULL);
  g_autofree char *newer = altered_copy (f, "newer.awbcase", "PRAGMA user_version = 2");
  g_autofree char *other_catalogue =
    altered_copy (f, "other-catalogue.awbcase",
                  "UPDATE cases SET catalogue_version = '1999.01'");
  g_autofree char *bad_bytes =
    altered_copy (f, "bad-bytes.awbcase",
                  "UPDATE attachment_data SET data = X'00' WHERE rowid = "
                  "(SELECT min (rowid) FROM attachment_data)");
  g_autofree char *missing_bytes =
    altered_copy (f, "missing-bytes.awbcase",
                  "DELETE FROM attachment_data WHERE rowid = "
                  "(SELECT min (rowid) FROM attachment_data)");
  g_autofree char *bad_history =
    altered_copy (f, "bad-history.awbcase",
                  "UPDATE history SET actor = 'Mallory' WHERE seq = (SELECT min (seq) FROM "
                  "history)");
  g_autofree char *cut_history =
    altered_copy (f, "cut-history.awbcase",
                  "DELETE FROM history WHERE seq = (SELECT max (seq) FROM history); "
                  "UPDATE package_info SET value = value - 1 WHERE key = 'rows:history'");
  g_autofree char *lost_row =
    altered_copy (f, "lost-row.awbcase",
                  "DELETE FROM ratings WHERE rowid = (SELECT min (rowid) FROM ratings)");
  g_autofree char *db_path = g_strdup (awb_database_get_path (f->db));
  g_autofree char *local_version = NULL;

  awb_test_write_file (text, "minutes of the opening meeting\n", -1);
  awb_test_write_file (empty_file, "", 0);
  g_assert_cmpint (truncate (half, 40960), ==, 0);
  g_assert_cmpint (truncate (head, 60), ==, 0);

  assert_refused (f, missing, AWB_ERROR_NOT_FOUND, "missing.awbcase");
  assert_refused (f, text, AWB_ERROR_FOREIGN_FILE, "not a case package");
  assert_refused (f, empty_file, AWB_ERROR_FOREIGN_FILE, "not a case package");
  assert_refused (f, db_path, AWB_ERROR_FOREIGN_FILE, "workbench database");
  assert_refused (f, half, AWB_ERROR_CORRUPT, "cut short");
  assert_refused (f, head, AWB_ERROR_CORRUPT, "cut short");
  assert_refused (f, newer, AWB_ERROR_NEWER_VERSION, "format version 2");
  assert_refused (f, other_catalogue, AWB_ERROR_CATALOGUE, "1999.01");
  assert_refused (f, bad_bytes, AWB_ERROR_CORRUPT, "do not match its SHA-256");
  assert_refused (f, missing_bytes, AWB_ERROR_CORRUPT, "lacks the bytes");
  assert_refused (f, bad_history, AWB_ERROR_CORRUPT, "history was altered");
  assert_refused (f, cut_history, AWB_ERROR_CORRUPT, "seal");
  assert_refused (f, lost_row, AWB_ERROR_CORRUPT, "table ratings");

  /* the database's case uses another version of the catalogue than the package's */
  local_version = g_strdup_printf ("UPDATE cases SET catalogue_version = '2024.01' WHERE id = "
                                   "'%s'", f->case_id);
  awb_test_sql (f->db, local_version);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *before = awb_test_dump_database (f->db);
    g_autofree char *after = NULL;
    g_autoptr(AwbImportResult) r = awb_package_import (f->db, f->package, &error);

    g_assert_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE);
    g_assert_nonnull (strstr (error->message, "2024.01"));
    g_assert_null (r);
    after = awb_test_dump_database (f->db);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* The GUI's way: both directions in a worker thread. */
static void
test_async (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "async.awbcase", NULL);
  g_autoptr(AwbDatabase) copy = pkg_open (f->dir, "async.db");
  g_autoptr(GAsyncResult) exported = NULL;
  g_autoptr(GAsyncResult) imported = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(AwbPackageSummary) summary = NULL;
  g_autoptr(AwbImportResult) result = NULL;
  g_autoptr(AwbImportResult) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source_records = pkg_case_records (f->db, f->case_id, TRUE);
  g_autofree char *copy_records = NULL;

  awb_package_export_async (f->db, f->case_id, path, AWB_PACKAGE_NONE, NULL, on_done_cb,
                            &exported);
  summary = awb_package_export_finish (wait_for (&exported), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->path, ==, path);

  awb_package_import_async (copy, path, NULL, on_done_cb, &imported);
  result = awb_package_import_finish (wait_for (&imported), &error);
  g_assert_no_error (error);
  g_assert_true (result->created);
  copy_records = pkg_case_records (copy, f->case_id, TRUE);
  g_assert_cmpstr (copy_records, ==, source_records);

  awb_package_import_async (copy, awb_database_get_path (f->db), NULL, on_done_cb, &refused);
  none = awb_package_import_finish (wait_for (&refused), &error);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_FOREIGN_FILE);
  g_assert_null (none);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/package/round-trip", Fixture, NULL, setup, test_round_trip, teardown);
  g_test_add ("/package/export-refusals", Fixture, NULL, setup, test_export_refusals, teardown);
  g_test_add ("/package/import-refusals", Fixture, NULL, setup, test_import_refusals, teardown);
  g_test_add ("/package/async", Fixture, NULL, setup, test_async, teardown);
  return g_test_run ();
}
