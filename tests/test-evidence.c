/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-evidence.h"
#include "awb-history.h"
#include "awb-verify.h"
#include "awb-test-util.h"

#define CASE_A   "aaaaaaaa-0000-4000-8000-000000000001"
#define CASE_B   "bbbbbbbb-0000-4000-8000-000000000002"
#define CASE_OLD "cccccccc-0000-4000-8000-000000000003"

typedef struct
{
  char        *dir;
  char        *store;
  AwbDatabase *db;
} Fixture;

static void
insert_case (AwbDatabase *db, const char *id, const char *baseline)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_awb_database_run (db, &error,
                                    "INSERT INTO cases (id, catalogue_id, catalogue_version, "
                                    "applicant, credit_code, app_type, baseline_case, created_at, "
                                    "updated_at) VALUES (?, 'cnitsec-cloud-l1-2025', '2025.05', "
                                    "'示例云安全科技有限公司', '91350100M000100Y43', ?, ?, "
                                    "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                                    "sss", id, baseline != NULL ? "maintenance" : "initial",
                                    baseline));
  g_assert_no_error (error);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("AWB_TODAY", "2026-11-25", TRUE);
  g_setenv ("AWB_USER", "Evaluator Wang", TRUE);
  f->dir = awb_test_make_tmpdir ();
  path = g_build_filename (f->dir, "w.db", NULL);
  f->store = g_strconcat (path, ".attachments", NULL);
  f->db = awb_database_open (path, &error);
  g_assert_no_error (error);
  insert_case (f->db, CASE_OLD, NULL);
  insert_case (f->db, CASE_A, CASE_OLD);
  insert_case (f->db, CASE_B, NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->db != NULL)
    awb_test_assert_counts (f->db);
  g_assert_finalize_object (f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->store);
  g_free (f->dir);
}

static char *
make_file (Fixture *f, const char *name, const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  awb_test_write_file (path, contents, -1);
  return path;
}

static gint64
count (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _awb_database_query (f->db, &error, sql, NULL);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static GPtrArray *
links_of (const char *first, ...)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_evidence_link_free);
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_ptr_array_add (links, awb_evidence_link_new (id, va_arg (args, AwbSupports)));
  va_end (args);
  return links;
}

static GHashTable *
fields_of (const char *first, ...)
{
  GHashTable *fields = g_hash_table_new (g_str_hash, g_str_equal);
  va_list args;

  va_start (args, first);
  for (const char *key = first; key != NULL; key = va_arg (args, const char *))
    g_hash_table_insert (fields, (gpointer) key, va_arg (args, char *));
  va_end (args);
  return fields;
}

/* A plain document item linked to requirement. */
static char *
add_simple (Fixture *f, const char *case_id, const char *requirement, const char *title)
{
  g_autoptr(GPtrArray) links = links_of (requirement, AWB_SUPPORTS_YES, NULL);
  g_autoptr(GError) error = NULL;
  AwbEvidenceNew p = { .method = AWB_METHOD_DOCUMENT, .title = title, .links = links };
  char *id = awb_evidence_add (f->db, case_id, &p, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* Runs add and expects a refusal of the given code naming fragment, with nothing written. */
static void
assert_add_refused (Fixture              *f,
                    const char           *case_id,
                    const AwbEvidenceNew *p,
                    int                   code,
                    const char           *fragment)
{
  g_autofree char *before = awb_test_dump_database (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = awb_evidence_add (f->db, case_id, p, &error);

  g_assert_null (id);
  g_assert_error (error, AWB_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, fragment);
  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (awb_database_in_transaction (f->db));
}

static guint
history_problems (Fixture *f)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (awb_history_verify (f->db, NULL, problems, &error));
  g_assert_no_error (error);
  return problems->len;
}

static void
test_add_each_method (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) links = links_of ("3.2.1-1", AWB_SUPPORTS_YES, "3.2.1-2",
                                         AWB_SUPPORTS_PARTLY, NULL);
  g_autoptr(GHashTable) doc_fields = fields_of ("version", "V2.1 (2025-03)", "work-product",
                                                "quality manual", "location", "Room 301", NULL);
  g_autoptr(GHashTable) int_fields = fields_of ("interviewee", "李工", "role", "Quality manager",
                                                "topics", "internal audits", "summary",
                                                "Audits run twice a year", NULL);
  g_autoptr(GHashTable) demo_fields = fields_of ("environment", "test lab", "operator",
                                                 "Zhao", NULL);
  AwbEvidenceNew doc = { .method = AWB_METHOD_DOCUMENT, .title = "  Quality manual  ",
                         .observation = "Signed by the general manager", .evaluator = "Wang",
                         .observed_on = "2026-11-20", .links = links, .fields = doc_fields };
  AwbEvidenceNew interview = { .method = AWB_METHOD_INTERVIEW, .title = "Interview with QA",
                               .links = links, .fields = int_fields, .actor = "Li" };
  AwbEvidenceNew demo = { .method = AWB_METHOD_DEMONSTRATION, .title = "Vulnerability scanner",
                          .links = links, .fields = demo_fields };
  g_autoptr(GError) error = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *id3 = NULL;
  g_autoptr(AwbEvidence) e = NULL;
  g_autoptr(GPtrArray) history = NULL;
  AwbEvidenceLink *link;
  AwbSupports supports;
  char prefix[9];

  id1 = awb_evidence_add (f->db, CASE_A, &doc, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (id1));
  id2 = awb_evidence_add (f->db, "aaaaaaaa", &interview, &error);  /* a case prefix */
  g_assert_no_error (error);
  id3 = awb_evidence_add (f->db, CASE_A, &demo, &error);
  g_assert_no_error (error);

  /* looked up by an 8-character prefix */
  memcpy (prefix, id1, 8);
  prefix[8] = '\0';
  e = awb_evidence_lookup (f->db, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awb_evidence_get_id (e), ==, id1);
  g_assert_cmpstr (awb_evidence_get_case_id (e), ==, CASE_A);
  g_assert_cmpint (awb_evidence_get_method (e), ==, AWB_METHOD_DOCUMENT);
  g_assert_cmpstr (awb_evidence_get_title (e), ==, "Quality manual");
  g_assert_cmpstr (awb_evidence_get_observation (e), ==, "Signed by the general manager");
  g_assert_cmpstr (awb_evidence_get_evaluator (e), ==, "Wang");
  g_assert_cmpstr (awb_evidence_get_observed_on (e), ==, "2026-11-20");
  /* recorded now, not on the day it was observed */
  g_assert_true (g_str_has_suffix (awb_evidence_get_recorded_at (e), "Z"));
  g_assert_cmpstr (awb_evidence_get_recorded_at (e), !=, awb_evidence_get_observed_on (e));
  g_assert_cmpint (awb_evidence_get_rev (e), ==, 1);
  g_assert_cmpstr (awb_evidence_get_field (e, "version"), ==, "V2.1 (2025-03)");
  g_assert_cmpstr (awb_evidence_get_field (e, "work-product"), ==, "quality manual");
  g_assert_cmpstr (awb_evidence_get_field (e, "location"), ==, "Room 301");
  g_assert_null (awb_evidence_get_field (e, "interviewee"));
  g_assert_cmpuint (awb_evidence_get_links (e)->len, ==, 2);
  link = awb_evidence_get_links (e)->pdata[1];
  g_assert_cmpstr (link->requirement_id, ==, "3.2.1-2");
  g_assert_cmpint (link->supports, ==, AWB_SUPPORTS_PARTLY);
  g_assert_true (awb_evidence_get_supports (e, "3.2.1-1", &supports));
  g_assert_cmpint (supports, ==, AWB_SUPPORTS_YES);
  g_assert_false (awb_evidence_get_supports (e, "3.1-1", NULL));
  g_assert_cmpuint (awb_evidence_get_attachments (e)->len, ==, 0);
  /* properties for the GUI */
  {
    g_autofree char *title = NULL;
    g_autofree char *location = NULL;
    g_object_get (e, "title", &title, "location", &location, NULL);
    g_assert_cmpstr (title, ==, "Quality manual");
    g_assert_cmpstr (location, ==, "Room 301");
  }
  g_clear_object (&e);

  e = awb_evidence_lookup (f->db, id2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awb_evidence_get_field (e, "interviewee"), ==, "李工");
  g_assert_cmpstr (awb_evidence_get_field (e, "summary"), ==, "Audits run twice a year");
  g_assert_null (awb_evidence_get_observed_on (e));
  g_assert_cmpstr (awb_evidence_get_evaluator (e), ==, "");
  g_clear_object (&e);

  e = awb_evidence_lookup (f->db, id3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awb_evidence_get_field (e, "environment"), ==, "test lab");
  g_assert_null (awb_evidence_get_field (e, "outcome"));

  /* one history entry per action, with the actor, chain intact */
  history = awb_history_list (f->db, CASE_A, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "add");
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->entity_id, ==, id1);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->actor, ==, "Evaluator Wang");
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[1])->actor, ==, "Li");
  g_assert_nonnull (strstr (((AwbHistoryEntry *) history->pdata[0])->after, "Room 301"));
  g_assert_cmpuint (history_problems (f), ==, 0);

  g_assert_cmpstr (awb_evidence_method_fields (AWB_METHOD_INTERVIEW)[0], ==, "interviewee");
  g_assert_nonnull (awb_evidence_field_label ("work-product"));
  g_assert_null (awb_evidence_field_label ("colour"));
}

static void
test_field_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) links = links_of ("3.1-1", AWB_SUPPORTS_YES, NULL);
  g_autoptr(GHashTable) other_method = fields_of ("version", "1", "interviewee", "Li", NULL);
  g_autoptr(GHashTable) unknown = fields_of ("colour", "red", NULL);
  g_autoptr(GHashTable) demo_on_doc = fields_of ("outcome", "worked", NULL);
  AwbEvidenceNew p = { .method = AWB_METHOD_DOCUMENT, .title = "Licence", .links = links };

  p.fields = other_method;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "“interviewee” belongs to interview");
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "version, work-product, location");

  p.fields = unknown;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "“colour”");

  p.method = AWB_METHOD_INTERVIEW;
  p.fields = demo_on_doc;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "interviewee, role, topics, summary");

  p.method = AWB_METHOD_DEMONSTRATION;
  {
    g_autofree char *id = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(AwbEvidence) e = NULL;

    id = awb_evidence_add (f->db, CASE_A, &p, &error);
    g_assert_no_error (error);
    e = awb_evidence_lookup (f->db, id, &error);
    g_assert_cmpstr (awb_evidence_get_field (e, "outcome"), ==, "worked");
  }
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) links = links_of ("3.1-1", AWB_SUPPORTS_YES, NULL);
  g_autoptr(GPtrArray) none = links_of (NULL);
  g_autoptr(GPtrArray) unknown = links_of ("3.1-1", AWB_SUPPORTS_YES, "9.9-9", AWB_SUPPORTS_NO,
                                           NULL);
  g_autoptr(GPtrArray) twice = links_of ("3.1-1", AWB_SUPPORTS_YES, "3.1-1", AWB_SUPPORTS_NO,
                                         NULL);
  g_autoptr(GPtrArray) bad_supports = links_of ("3.1-1", (AwbSupports) 7, NULL);
  const char * const missing[] = { "/nonexistent/营业执照.pdf", NULL };
  AwbEvidenceNew ok = { .method = AWB_METHOD_DOCUMENT, .title = "Licence", .links = links };
  AwbEvidenceNew p;

  p = ok, p.title = NULL;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "title");
  p = ok, p.title = "   ";
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "title");
  p = ok, p.title = "\xff\xfe";
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "UTF-8");
  p = ok, p.links = NULL;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "requirement");
  p = ok, p.links = none;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "requirement");
  p = ok, p.links = unknown;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_NOT_FOUND, "9.9-9");
  p = ok, p.links = twice;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "3.1-1");
  p = ok, p.links = bad_supports;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "3.1-1");
  p = ok, p.method = (AwbMethod) 9;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "document, interview or demonstration");
  p = ok, p.observed_on = "2026-02-30";
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "2026-02-30");
  p = ok, p.observed_on = "25/11/2026";
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "25/11/2026");
  p = ok, p.observed_on = "2026-11-26";  /* tomorrow (AWB_TODAY) */
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_INVALID, "2026-11-26");
  p = ok, p.attachments = missing;
  assert_add_refused (f, CASE_A, &p, AWB_ERROR_NOT_FOUND, "/nonexistent/营业执照.pdf");
  g_assert_false (g_file_test (f->store, G_FILE_TEST_EXISTS));

  assert_add_refused (f, "dddddddd-0000-4000-8000-000000000009", &ok, AWB_ERROR_NOT_FOUND,
                      "dddddddd");
  assert_add_refused (f, "aaaa", &ok, AWB_ERROR_INVALID, "aaaa");

  /* today itself is fine */
  p = ok, p.observed_on = "2026-11-25";
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *id = awb_evidence_add (f->db, CASE_A, &p, &error);
    g_assert_no_error (error);
  }
}

static void
test_attachments (Fixture *f, gconstpointer data)
{
  g_autofree char *sub = g_build_filename (f->dir, "现场 材料", NULL);
  g_autofree char *cn = NULL;
  g_autofree char *pdf = make_file (f, "licence scan.pdf", "%PDF-1.4 licence");
  g_autofree char *same = make_file (f, "licence copy.pdf", "%PDF-1.4 licence");
  g_autofree char *later = make_file (f, "later.txt", "added later");
  g_autoptr(GPtrArray) links = links_of ("3.1-1", AWB_SUPPORTS_YES, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *att = NULL;
  g_autoptr(AwbEvidence) e = NULL;
  g_autofree char *stored = NULL;
  AwbAttachment *a;
  struct stat st;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  cn = g_build_filename (sub, "营业执照 正本.txt", NULL);
  awb_test_write_file (cn, "统一社会信用代码 91350100M000100Y43", -1);

  {
    const char * const files[] = { pdf, cn, NULL };
    const char * const dup[] = { pdf, same, NULL };
    AwbEvidenceNew p = { .method = AWB_METHOD_DOCUMENT, .title = "Business licence",
                         .links = links, .attachments = files };

    id = awb_evidence_add (f->db, CASE_A, &p, &error);
    g_assert_no_error (error);

    /* the same content twice in one item is refused, nothing recorded */
    p.attachments = dup;
    assert_add_refused (f, CASE_A, &p, AWB_ERROR_EXISTS, "licence copy.pdf");
  }

  e = awb_evidence_lookup (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awb_evidence_get_attachments (e)->len, ==, 2);
  a = awb_evidence_get_attachments (e)->pdata[1];
  g_assert_cmpstr (a->name, ==, "营业执照 正本.txt");
  g_assert_cmpstr (a->content_type, ==, "text/plain");
  g_assert_cmpint (a->size, ==, (gint64) strlen ("统一社会信用代码 91350100M000100Y43"));
  g_assert_true (g_uuid_string_is_valid (a->id));
  a = awb_evidence_get_attachments (e)->pdata[0];
  g_assert_cmpstr (a->name, ==, "licence scan.pdf");
  g_assert_cmpstr (a->content_type, ==, "application/pdf");

  /* the store: 0700, files 0600 named by their SHA-256 */
  g_assert_cmpint (g_stat (f->store, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  {
    g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (f->db);
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "%PDF-1.4 licence",
                                                          -1);
    g_assert_cmpstr (a->sha256, ==, sha);
    stored = awb_attachment_store_get_file_path (store, a->sha256);
  }
  g_assert_cmpint (g_stat (stored, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* a second item with the same file: stored once */
  {
    const char * const files[] = { same, NULL };
    AwbEvidenceNew p = { .method = AWB_METHOD_DOCUMENT, .title = "Licence again",
                         .links = links, .attachments = files };
    g_autofree char *id2 = awb_evidence_add (f->db, CASE_B, &p, &error);

    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(DISTINCT sha256) FROM attachments"), ==, 2);
    g_assert_cmpint (count (f, "SELECT count(*) FROM attachments"), ==, 3);
  }

  /* attach one more later; the same content again is refused */
  att = awb_evidence_add_attachment (f->db, id, later, "Zhao", &error);
  g_assert_no_error (error);
  {
    g_autofree char *before = awb_test_dump_database (f->db);
    g_autofree char *after = NULL;
    g_autofree char *again = awb_evidence_add_attachment (f->db, id, same, NULL, &error);
    g_autofree char *missing_path = g_build_filename (f->dir, "gone.pdf", NULL);

    g_assert_null (again);
    g_assert_error (error, AWB_ERROR, AWB_ERROR_EXISTS);
    g_assert_nonnull (strstr (error->message, "licence scan.pdf"));
    g_clear_error (&error);
    again = awb_evidence_add_attachment (f->db, id, missing_path, NULL, &error);
    g_assert_null (again);
    g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, missing_path));
    g_clear_error (&error);
    after = awb_test_dump_database (f->db);
    g_assert_cmpstr (before, ==, after);
  }
  g_clear_object (&e);
  e = awb_evidence_lookup (f->db, id, &error);
  g_assert_cmpuint (awb_evidence_get_attachments (e)->len, ==, 3);
  g_assert_cmpint (awb_evidence_get_rev (e), ==, 2);

  /* detach: the row goes, the stored file stays (history, other items) */
  g_assert_true (awb_evidence_remove_attachment (f->db, att, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&e);
  e = awb_evidence_lookup (f->db, id, &error);
  g_assert_cmpuint (awb_evidence_get_attachments (e)->len, ==, 2);
  g_assert_cmpint (awb_evidence_get_rev (e), ==, 3);
  g_assert_false (awb_evidence_remove_attachment (f->db, att, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (f->db);
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "added later", -1);
    g_autofree char *path = awb_attachment_store_get_file_path (store, sha);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM history WHERE action = 'attach'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM history WHERE action = 'detach'"), ==, 1);
  g_assert_cmpuint (history_problems (f), ==, 0);
}

static void
test_update (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) links = links_of ("3.2.3-1", AWB_SUPPORTS_YES, NULL);
  g_autoptr(GPtrArray) new_links = links_of ("3.2.3-2", AWB_SUPPORTS_NO, "3.2.3-1",
                                             AWB_SUPPORTS_PARTLY, NULL);
  g_autoptr(GHashTable) fields = fields_of ("interviewee", "Zhang", "role", "HR", NULL);
  g_autoptr(GHashTable) change = fields_of ("role", "", "topics", "background checks", NULL);
  g_autoptr(GHashTable) wrong = fields_of ("location", "Room 1", NULL);
  AwbEvidenceNew p = { .method = AWB_METHOD_INTERVIEW, .title = "HR interview", .links = links,
                       .fields = fields, .observed_on = "2026-11-01" };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = awb_evidence_add (f->db, CASE_A, &p, &error);
  g_autoptr(AwbEvidence) e = NULL;
  g_autoptr(GPtrArray) history = NULL;
  AwbEvidenceLink *link;

  g_assert_no_error (error);

  {
    AwbEvidenceChanges c = { .title = "HR manager interview", .observation = "Checks are done",
                             .fields = change, .observed_on = "", .links = new_links,
                             .evaluator = "Wang" };
    g_assert_true (awb_evidence_update (f->db, id, &c, &error));
    g_assert_no_error (error);
  }
  e = awb_evidence_lookup (f->db, id, &error);
  g_assert_cmpstr (awb_evidence_get_title (e), ==, "HR manager interview");
  g_assert_cmpstr (awb_evidence_get_observation (e), ==, "Checks are done");
  g_assert_cmpstr (awb_evidence_get_evaluator (e), ==, "Wang");
  g_assert_null (awb_evidence_get_observed_on (e));
  g_assert_cmpstr (awb_evidence_get_field (e, "interviewee"), ==, "Zhang");  /* untouched */
  g_assert_null (awb_evidence_get_field (e, "role"));                        /* cleared */
  g_assert_cmpstr (awb_evidence_get_field (e, "topics"), ==, "background checks");
  g_assert_cmpint (awb_evidence_get_rev (e), ==, 2);
  g_assert_cmpuint (awb_evidence_get_links (e)->len, ==, 2);
  link = awb_evidence_get_links (e)->pdata[0];
  g_assert_cmpstr (link->requirement_id, ==, "3.2.3-2");
  g_assert_cmpint (link->supports, ==, AWB_SUPPORTS_NO);

  history = awb_history_list (f->db, CASE_A, TRUE, &error);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "update");
  g_assert_nonnull (strstr (((AwbHistoryEntry *) history->pdata[0])->before, "HR interview"));
  g_assert_nonnull (strstr (((AwbHistoryEntry *) history->pdata[0])->after,
                            "HR manager interview"));

  /* a change that changes nothing writes nothing */
  {
    g_autofree char *before = awb_test_dump_database (f->db);
    g_autofree char *after = NULL;
    AwbEvidenceChanges c = { .title = "HR manager interview" };

    g_assert_true (awb_evidence_update (f->db, id, &c, &error));
    after = awb_test_dump_database (f->db);
    g_assert_cmpstr (before, ==, after);
  }

  /* refusals name the value and write nothing */
  {
    g_autofree char *before = awb_test_dump_database (f->db);
    g_autofree char *after = NULL;
    g_autoptr(GPtrArray) bad_links = links_of ("7.7-7", AWB_SUPPORTS_YES, NULL);
    g_autoptr(GPtrArray) no_links = links_of (NULL);
    AwbEvidenceChanges c1 = { .fields = wrong };
    AwbEvidenceChanges c2 = { .links = bad_links };
    AwbEvidenceChanges c3 = { .title = "" };
    AwbEvidenceChanges c4 = { .observed_on = "2026-13-01" };
    AwbEvidenceChanges c5 = { .links = no_links };

    g_assert_false (awb_evidence_update (f->db, id, &c1, &error));
    g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "location"));
    g_clear_error (&error);
    g_assert_false (awb_evidence_update (f->db, id, &c2, &error));
    g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "7.7-7"));
    g_clear_error (&error);
    g_assert_false (awb_evidence_update (f->db, id, &c3, &error));
    g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (awb_evidence_update (f->db, id, &c4, &error));
    g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "2026-13-01"));
    g_clear_error (&error);
    g_assert_false (awb_evidence_update (f->db, id, &c5, &error));
    g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (awb_evidence_update (f->db, "eeeeeeee-no-such", &c3, &error));
    g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
    g_clear_error (&error);
    after = awb_test_dump_database (f->db);
    g_assert_cmpstr (before, ==, after);
  }
  g_assert_cmpuint (history_problems (f), ==, 0);
}

static JsonNode *
without (JsonNode *node, const char * const *members)
{
  JsonNode *copy = json_node_copy (node);

  for (const char * const *m = members; *m != NULL; m++)
    json_object_remove_member (json_node_get_object (copy), *m);
  return copy;
}

static void
test_remove_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *file = make_file (f, "drill record 演练.txt", "drill");
  const char * const files[] = { file, NULL };
  g_autoptr(GPtrArray) links = links_of ("3.3-5", AWB_SUPPORTS_YES, "3.3-2", AWB_SUPPORTS_PARTLY,
                                         NULL);
  g_autoptr(GHashTable) fields = fields_of ("environment", "DR site", "outcome", "Failover in 4 min",
                                            NULL);
  AwbEvidenceNew p = { .method = AWB_METHOD_DEMONSTRATION, .title = "Failover drill",
                       .links = links, .fields = fields, .attachments = files,
                       .observed_on = "2026-10-10", .evaluator = "Zhao" };
  const char * const volatile_members[] = { "rev", "updated_at", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = awb_evidence_add (f->db, CASE_A, &p, &error);
  g_autofree char *other = add_simple (f, CASE_A, "3.1-1", "Licence");
  g_autofree char *restored = NULL;
  g_autoptr(AwbEvidence) before = awb_evidence_lookup (f->db, id, &error);
  g_autoptr(AwbEvidence) after = NULL;
  g_autoptr(JsonNode) jb = NULL;
  g_autoptr(JsonNode) ja = NULL;
  g_autoptr(JsonNode) jb2 = NULL;
  g_autoptr(JsonNode) ja2 = NULL;
  g_autoptr(GListModel) list = NULL;
  char prefix[9];

  g_assert_no_error (error);
  memcpy (prefix, id, 8);
  prefix[8] = '\0';

  g_assert_true (awb_evidence_remove (f->db, prefix, "Li", &error));
  g_assert_no_error (error);
  g_assert_null (awb_evidence_lookup (f->db, id, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM evidence_links"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachments"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tombstones WHERE entity = 'evidence'"), ==, 1);
  list = awb_evidence_list (f->db, CASE_A, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);

  /* removing twice: nothing there */
  g_assert_false (awb_evidence_remove (f->db, id, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* restoring what was not removed */
  g_assert_null (awb_evidence_restore (f->db, other, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_null (awb_evidence_restore (f->db, "ffffffff-0000", &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo: exactly what was removed */
  restored = awb_evidence_restore (f->db, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored, ==, id);
  after = awb_evidence_lookup (f->db, id, &error);
  g_assert_no_error (error);
  jb = awb_evidence_to_json (before, NULL);
  ja = awb_evidence_to_json (after, NULL);
  jb2 = without (jb, volatile_members);
  ja2 = without (ja, volatile_members);
  g_assert_true (json_node_equal (jb2, ja2));
  g_assert_cmpint (awb_evidence_get_rev (after), ==, 2);
  g_assert_cmpstr (awb_evidence_get_recorded_at (after), ==,
                   awb_evidence_get_recorded_at (before));
  g_assert_cmpint (count (f, "SELECT count(*) FROM tombstones"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachments"), ==, 1);

  /* in recorded order again */
  list = awb_evidence_list (f->db, CASE_A, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(AwbEvidence) first = g_list_model_get_item (list, 0);
    g_assert_cmpstr (awb_evidence_get_id (first), ==, id);
  }

  g_assert_cmpint (count (f, "SELECT count(*) FROM history WHERE action = 'remove'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM history WHERE action = 'restore'"), ==, 1);
  g_assert_cmpuint (history_problems (f), ==, 0);

  /* and it can be removed and restored again */
  g_assert_true (awb_evidence_remove (f->db, id, NULL, &error));
  g_free (restored);
  restored = awb_evidence_restore (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored, ==, id);
}

static void
test_lock (Fixture *f, gconstpointer data)
{
  g_autofree char *file = make_file (f, "a.txt", "a");
  g_autofree char *file2 = make_file (f, "b.txt", "b");
  const char * const files[] = { file2, NULL };
  g_autofree char *id = add_simple (f, CASE_B, "3.1-1", "Licence");
  g_autofree char *removed = add_simple (f, CASE_B, "3.1-1", "To be removed");
  g_autofree char *att = NULL;
  g_autoptr(GPtrArray) links = links_of ("3.1-1", AWB_SUPPORTS_YES, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AwbEvidenceNew p = { .method = AWB_METHOD_DOCUMENT, .title = "New", .links = links,
                       .attachments = files };
  AwbEvidenceChanges c = { .title = "Changed" };
  gboolean store_existed;

  att = awb_evidence_add_attachment (f->db, id, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (awb_evidence_remove (f->db, removed, NULL, &error));
  store_existed = g_file_test (f->store, G_FILE_TEST_EXISTS);
  g_assert_true (store_existed);

  /* the panel has the case */
  awb_test_lock_case (f->db, CASE_B);
  before = awb_test_dump_database (f->db);

  assert_add_refused (f, CASE_B, &p, AWB_ERROR_LOCKED, "expert panel");
  {
    /* the file was not even copied */
    g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (f->db);
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "b", -1);
    g_autofree char *path = awb_attachment_store_get_file_path (store, sha);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  g_assert_false (awb_evidence_update (f->db, id, &c, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (awb_evidence_add_attachment (f->db, id, file2, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (awb_evidence_remove_attachment (f->db, att, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (awb_evidence_remove (f->db, id, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (awb_evidence_restore (f->db, removed, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_LOCKED);
  g_clear_error (&error);

  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (before, ==, after);

  /* another case is not locked */
  g_free (add_simple (f, CASE_A, "3.1-1", "Other case"));
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_autofree char *a1 = add_simple (f, CASE_A, "3.2.3-5", "Staff roster");
  g_autofree char *b1 = add_simple (f, CASE_B, "3.2.3-5", "Other case's roster");
  g_autofree char *a2 = add_simple (f, CASE_A, "3.1-1", "Licence");
  g_autofree char *old1 = add_simple (f, CASE_OLD, "3.2.3-5", "Last cycle's roster");
  g_autofree char *old2 = add_simple (f, CASE_OLD, "3.1-1", "Last cycle's licence");
  g_autoptr(GPtrArray) links = links_of ("3.1-1", AWB_SUPPORTS_PARTLY, "3.2.3-5",
                                         AWB_SUPPORTS_NO, NULL);
  AwbEvidenceNew p = { .method = AWB_METHOD_INTERVIEW, .title = "HR", .links = links };
  g_autoptr(GError) error = NULL;
  g_autofree char *a3 = awb_evidence_add (f->db, CASE_A, &p, &error);
  g_autoptr(GListModel) all = awb_evidence_list (f->db, CASE_A, NULL, &error);
  g_autoptr(GListModel) staff = awb_evidence_list (f->db, "aaaaaaaa", "3.2.3-5", &error);
  g_autoptr(GListModel) ref = NULL;
  g_autoptr(AwbEvidence) item = NULL;

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (all) == AWB_TYPE_EVIDENCE);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  item = g_list_model_get_item (all, 0);
  g_assert_cmpstr (awb_evidence_get_id (item), ==, a1);
  g_clear_object (&item);
  item = g_list_model_get_item (all, 2);
  g_assert_cmpstr (awb_evidence_get_id (item), ==, a3);
  /* every link of a listed item, not only the one asked for */
  g_assert_cmpuint (awb_evidence_get_links (item)->len, ==, 2);
  g_clear_object (&item);

  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 2);
  item = g_list_model_get_item (staff, 1);
  g_assert_cmpstr (awb_evidence_get_id (item), ==, a3);
  g_assert_cmpuint (awb_evidence_get_links (item)->len, ==, 2);
  {
    g_autoptr(JsonNode) json = awb_evidence_to_json (item, "3.2.3-5");
    g_autoptr(JsonNode) mixed = awb_evidence_to_json (item, NULL);
    JsonObject *o = json_node_get_object (json);

    g_assert_cmpstr (json_object_get_string_member (o, "supports"), ==, "no");
    g_assert_cmpstr (json_object_get_string_member (o, "method"), ==, "interview");
    g_assert_true (json_object_has_member (o, "interviewee"));
    g_assert_false (json_object_has_member (o, "location"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "requirements")),
                      ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (mixed), "supports"),
                     ==, "mixed");
  }
  g_clear_object (&item);

  /* unknown requirement, unknown case */
  g_assert_null (awb_evidence_list (f->db, CASE_A, "3.9-9", &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "3.9-9"));
  g_clear_error (&error);
  g_assert_null (awb_evidence_list (f->db, "99999999", NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the baseline's evidence for the maintenance case, read-only */
  ref = awb_evidence_list_reference (f->db, CASE_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ref), ==, 2);
  g_clear_object (&ref);
  ref = awb_evidence_list_reference (f->db, CASE_A, "3.1-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ref), ==, 1);
  item = g_list_model_get_item (ref, 0);
  g_assert_cmpstr (awb_evidence_get_id (item), ==, old2);
  g_assert_cmpstr (awb_evidence_get_case_id (item), ==, CASE_OLD);
  g_clear_object (&ref);
  g_assert_null (awb_evidence_list_reference (f->db, CASE_B, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, CASE_B));
  g_clear_error (&error);
}

static void
test_verify (Fixture *f, gconstpointer data)
{
  g_autofree char *f1 = make_file (f, "one.txt", "one");
  g_autofree char *f2 = make_file (f, "two.txt", "two");
  const char * const files[] = { f1, f2, NULL };
  g_autoptr(GPtrArray) links = links_of ("3.1-1", AWB_SUPPORTS_YES, NULL);
  AwbEvidenceNew p = { .method = AWB_METHOD_DOCUMENT, .title = "T", .links = links,
                       .attachments = files };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = awb_evidence_add (f->db, CASE_A, &p, &error);
  g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (f->db);
  g_autofree char *sha1 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "one", -1);
  g_autofree char *sha2 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "two", -1);
  g_autofree char *p1 = awb_attachment_store_get_file_path (store, sha1);
  g_autofree char *p2 = awb_attachment_store_get_file_path (store, sha2);
  g_autofree char *tmp = g_build_filename (f->store, ".tmp-Qw3rTy", NULL);

  g_assert_no_error (error);
  {
    g_autoptr(AwbVerifyReport) r = awb_verify (f->db, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (awb_verify_report_ok (r));
    g_assert_cmpuint (r->attachments_checked, ==, 2);
  }

  awb_test_write_file (tmp, "half a fi", -1);
  g_assert_cmpint (g_chmod (p1, 0600), ==, 0);
  awb_test_write_file (p1, "One", -1);
  g_assert_cmpint (g_unlink (p2), ==, 0);
  {
    g_autoptr(AwbVerifyReport) r = awb_verify (f->db, "aaaaaaaa", &error);
    g_assert_no_error (error);
    g_assert_false (awb_verify_report_ok (r));
    g_assert_cmpstr (r->case_id, ==, CASE_A);
    g_assert_cmpuint (r->history_problems->len, ==, 0);
    g_assert_cmpuint (r->attachment_problems->len, ==, 2);
    g_assert_cmpuint (r->temporaries_removed, ==, 1);
    for (guint i = 0; i < 2; i++)
      g_assert_nonnull (strstr (r->attachment_problems->pdata[i], id));
  }
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));

  /* another case has no problem */
  {
    g_autoptr(AwbVerifyReport) r = awb_verify (f->db, CASE_B, &error);
    g_assert_no_error (error);
    g_assert_true (awb_verify_report_ok (r));
  }
  /* a tampered history row is found too */
  g_assert_true (_awb_database_run (f->db, &error, "UPDATE history SET actor = 'Mallory'", NULL));
  {
    g_autoptr(AwbVerifyReport) r = awb_verify (f->db, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (r->history_problems->len, ==, 1);
  }
  g_assert_null (awb_verify (f->db, "12345678", &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
}

static int
count_statement (unsigned int type, void *data, void *stmt, void *sql)
{
  (*(guint *) data)++;
  return 0;
}

/* Many items: the list reads them with three queries. AWB_LONG_TESTS=1 for 100,000. */
static void
test_many (Fixture *f, gconstpointer data)
{
  guint n = g_getenv ("AWB_LONG_TESTS") != NULL ? 100000 : 5000;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) one = NULL;
  g_autoptr(GTimer) timer = NULL;
  double seconds;

  g_assert_true (awb_database_begin (f->db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *title = g_strdup_printf ("Item %u", i);
      g_autofree char *at = g_strdup_printf ("2026-11-25T00:00:00.%06uZ", i);

      g_assert_true (_awb_database_run (f->db, &error,
                                        "INSERT INTO evidence (id, case_id, method, title, "
                                        "recorded_at, updated_at, location) VALUES "
                                        "(?, ?, 'document', ?, ?, ?, 'Room 1')",
                                        "sssss", id, CASE_A, title, at, at));
      g_assert_true (_awb_database_run (f->db, &error,
                                        "INSERT INTO evidence_links (evidence_id, "
                                        "requirement_id, supports) VALUES (?, ?, 'yes')",
                                        "ss", id, i % 2 ? "3.1-1" : "3.2.3-5"));
      g_assert_true (_awb_database_run (f->db, &error,
                                        "INSERT INTO attachments (id, evidence_id, sha256, name, "
                                        "size, content_type, added_at) VALUES (?, ?, ?, 'f.pdf', "
                                        "1, 'application/pdf', ?)",
                                        "ssss", title, id,
                                        "0000000000000000000000000000000000000000000000000000000000000000",
                                        at));
    }
  g_assert_true (awb_database_commit (f->db, &error));

  timer = g_timer_new ();
  list = awb_evidence_list (f->db, CASE_A, NULL, &error);
  seconds = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  g_test_message ("awb_evidence_list of %u items: %.3f s", n, seconds);
  g_test_minimized_result (seconds, "list %u items", n);

  g_timer_start (timer);
  one = awb_evidence_list (f->db, CASE_A, "3.1-1", &error);
  g_test_message ("awb_evidence_list of one requirement (%u items): %.3f s",
                  g_list_model_get_n_items (one), g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (one), ==, n / 2);
  {
    g_autoptr(AwbEvidence) last = g_list_model_get_item (list, n - 1);
    g_autofree char *title = g_strdup_printf ("Item %u", n - 1);
    g_assert_cmpstr (awb_evidence_get_title (last), ==, title);
    g_assert_cmpuint (awb_evidence_get_links (last)->len, ==, 1);
    g_assert_cmpuint (awb_evidence_get_attachments (last)->len, ==, 1);
  }
  /* generous (1 ms an item): a slow shared machine, sanitizers */
  g_assert_cmpfloat (seconds, <, n / 1000.0);

  /* the number of statements does not grow with the number of items */
  {
    guint statements = 0;
    guint statements_small = 0;
    g_autoptr(GListModel) again = NULL;
    g_autoptr(GListModel) small = NULL;
    sqlite3 *handle = _awb_database_get_handle (f->db);

    g_free (add_simple (f, CASE_B, "3.1-1", "One item"));
    sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, count_statement, &statements);
    again = awb_evidence_list (f->db, CASE_A, NULL, &error);
    sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, count_statement, &statements_small);
    small = awb_evidence_list (f->db, CASE_B, NULL, &error);
    sqlite3_trace_v2 (handle, 0, NULL, NULL);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, n);
    g_assert_cmpuint (g_list_model_get_n_items (small), ==, 1);
    g_test_message ("statements to list %u items: %u; 1 item: %u", n, statements,
                    statements_small);
    g_assert_cmpuint (statements, ==, statements_small);
    g_assert_cmpuint (statements, <=, 6);
  }
}

/* A 10 MB observation (issue 8, docs/robustness.md): accepted, stored whole,
 * read back byte for byte (also after reopening), and the history chain that
 * holds it verifies. */
static void
test_large_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) links = links_of ("3.1-1", AWB_SUPPORTS_YES, NULL);
  g_autoptr(GString) text = g_string_sized_new (10 * 1024 * 1024 + 64);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = g_strdup (awb_database_get_path (f->db));
  AwbEvidenceNew p = { .method = AWB_METHOD_DOCUMENT, .title = "Full log", .links = links };

  for (guint i = 0; text->len < 10 * 1024 * 1024; i++)
    g_string_append_printf (text, "%07u 访谈记录：系统日志一行 log line\n", i);
  g_string_append (text, "end");
  p.observation = text->str;

  id = awb_evidence_add (f->db, CASE_A, &p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  {
    g_autoptr(AwbEvidence) e = awb_evidence_lookup (f->db, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (awb_evidence_get_observation (e)), ==, text->len);
    g_assert_true (strcmp (awb_evidence_get_observation (e), text->str) == 0);
  }
  g_assert_true (awb_history_verify (f->db, NULL, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_object (&f->db);
  f->db = awb_database_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(AwbEvidence) e = awb_evidence_lookup (f->db, id, &error);
    g_assert_no_error (error);
    g_assert_true (strcmp (awb_evidence_get_observation (e), text->str) == 0);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/evidence/add-each-method", test_add_each_method);
  ADD ("/evidence/field-validation", test_field_validation);
  ADD ("/evidence/refusals", test_refusals);
  ADD ("/evidence/attachments", test_attachments);
  ADD ("/evidence/update", test_update);
  ADD ("/evidence/remove-restore", test_remove_restore);
  ADD ("/evidence/lock", test_lock);
  ADD ("/evidence/list", test_list);
  ADD ("/evidence/verify", test_verify);
  ADD ("/evidence/many", test_many);
  ADD ("/evidence/large-text", test_large_text);
#undef ADD

  return g_test_run ();
}
