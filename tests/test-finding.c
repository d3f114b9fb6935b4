/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "awb-database-private.h"
#include "awb-dates.h"
#include "awb-error.h"
#include "awb-finding.h"
#include "awb-history.h"
#include "awb-test-util.h"

#define CASE_ID "f1d00000-1111-4222-8333-444455556666"
#define OTHER_CASE "f1d00001-1111-4222-8333-444455556666"

typedef struct
{
  char        *dir;
  AwbDatabase *db;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = awb_test_make_tmpdir ();
  path = g_build_filename (f->dir, "f.db", NULL);
  f->db = awb_database_open (path, &error);
  g_assert_no_error (error);
  awb_test_insert_case (f->db, CASE_ID);
  awb_test_insert_case (f->db, OTHER_CASE);
  g_unsetenv ("AWB_TODAY");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_unsetenv ("AWB_TODAY");
  g_assert_finalize_object (f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
count (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _awb_database_query (f->db, &error, sql, NULL);

  g_assert_no_error (error);
  g_assert_cmpint (_awb_database_step (f->db, stmt, &error), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
add (Fixture *f, const char *requirement, const char *due)
{
  g_autoptr(GError) error = NULL;
  char *id = awb_finding_add (f->db, CASE_ID, requirement, AWB_FINDING_NONCONFORMITY,
                              "No quality assurance plan", "Write and adopt one", due, "Wang",
                              &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static AwbFinding *
get (Fixture *f, const char *id)
{
  g_autoptr(GError) error = NULL;
  AwbFinding *finding = awb_finding_get (f->db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (finding);
  return finding;
}

static void
test_add_and_read (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = add (f, "3.4-1", "2026-04-30");
  g_autofree char *obs = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AwbFinding) finding = get (f, id);
  g_autoptr(AwbFinding) by_prefix = NULL;
  g_autoptr(AwbFinding) o = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) some = NULL;
  g_autoptr(GListModel) other = NULL;
  g_autoptr(GPtrArray) history = NULL;
  guint status = 99;

  g_assert_cmpuint (strlen (id), ==, 36);
  g_assert_cmpstr (awb_finding_get_id (finding), ==, id);
  g_assert_cmpstr (awb_finding_get_case_id (finding), ==, CASE_ID);
  g_assert_cmpstr (awb_finding_get_requirement_id (finding), ==, "3.4-1");
  g_assert_cmpint (awb_finding_get_kind (finding), ==, AWB_FINDING_NONCONFORMITY);
  g_assert_cmpstr (awb_finding_get_text (finding), ==, "No quality assurance plan");
  g_assert_cmpstr (awb_finding_get_action (finding), ==, "Write and adopt one");
  g_assert_cmpstr (awb_finding_get_due (finding), ==, "2026-04-30");
  g_assert_cmpint (awb_finding_get_status (finding), ==, AWB_FINDING_OPEN);
  g_assert_cmpstr (awb_finding_get_actor (finding), ==, "Wang");
  g_assert_cmpint (awb_finding_get_rev (finding), ==, 1);
  g_object_get (finding, "text", &text, "status", &status, NULL);
  g_assert_cmpstr (text, ==, "No quality assurance plan");
  g_assert_cmpuint (status, ==, AWB_FINDING_OPEN);

  /* an observation without action or due date; blank ones mean none */
  obs = awb_finding_add (f->db, "f1d00000", "3.2.1-2", AWB_FINDING_OBSERVATION,
                         "  Org chart is two years old \n", "  ", "", "Li", &error);
  g_assert_no_error (error);
  o = get (f, obs);
  g_assert_cmpstr (awb_finding_get_text (o), ==, "Org chart is two years old");
  g_assert_null (awb_finding_get_action (o));
  g_assert_null (awb_finding_get_due (o));
  g_assert_cmpint (awb_finding_get_kind (o), ==, AWB_FINDING_OBSERVATION);

  /* a prefix of 8 characters names it */
  {
    g_autofree char *prefix = g_strndup (id, 8);
    by_prefix = get (f, prefix);
    g_assert_cmpstr (awb_finding_get_id (by_prefix), ==, id);
  }

  all = awb_finding_list (f->db, CASE_ID, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  some = awb_finding_list (f->db, CASE_ID, "3.2.1-2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (some), ==, 1);
  {
    g_autoptr(AwbFinding) first = g_list_model_get_item (some, 0);
    g_assert_cmpstr (awb_finding_get_id (first), ==, obs);
  }
  other = awb_finding_list (f->db, OTHER_CASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (other), ==, 0);

  history = awb_history_list (f->db, CASE_ID, FALSE, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "add");
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->entity, ==, "finding");
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->entity_id, ==, id);
  g_assert_null (((AwbHistoryEntry *) history->pdata[0])->before);

  g_assert_finalize_object (g_steal_pointer (&finding));
}

static void
test_add_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *before = awb_test_dump_database (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  g_autoptr(GError) e4 = NULL;
  g_autoptr(GError) e5 = NULL;

  g_assert_null (awb_finding_add (f->db, CASE_ID, "3.4-1", AWB_FINDING_OBSERVATION, " \t ",
                                  NULL, NULL, NULL, &e1));
  g_assert_error (e1, AWB_ERROR, AWB_ERROR_INVALID);
  g_assert_null (awb_finding_add (f->db, CASE_ID, "3.4-1", AWB_FINDING_OBSERVATION, "x", NULL,
                                  "2026-02-30", NULL, &e2));
  g_assert_error (e2, AWB_ERROR, AWB_ERROR_INVALID);
  g_assert_nonnull (strstr (e2->message, "2026-02-30"));
  g_assert_null (awb_finding_add (f->db, CASE_ID, "3.4-1", AWB_FINDING_OBSERVATION, "x", NULL,
                                  "30/04/2026", NULL, &e3));
  g_assert_error (e3, AWB_ERROR, AWB_ERROR_INVALID);
  g_assert_null (awb_finding_add (f->db, CASE_ID, "9.9-9", AWB_FINDING_OBSERVATION, "x", NULL,
                                  NULL, NULL, &e4));
  g_assert_error (e4, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (e4->message, "9.9-9"));
  g_assert_null (awb_finding_add (f->db, "00000000", "3.4-1", AWB_FINDING_OBSERVATION, "x",
                                  NULL, NULL, NULL, &e5));
  g_assert_error (e5, AWB_ERROR, AWB_ERROR_NOT_FOUND);

  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_status_forward_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = add (f, "3.4-2", NULL);
  g_autofree char *skip = add (f, "3.4-3", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AwbFinding) finding = NULL;
  g_autoptr(AwbFinding) skipped = NULL;
  g_autoptr(GPtrArray) history = NULL;
  AwbFindingStatus back[] = { AWB_FINDING_RECTIFIED, AWB_FINDING_OPEN };

  g_assert_true (awb_finding_set_status (f->db, id, AWB_FINDING_RECTIFIED, "Wang", &error));
  g_assert_no_error (error);
  g_assert_true (awb_finding_set_status (f->db, id, AWB_FINDING_VERIFIED, "Li", &error));
  g_assert_no_error (error);
  finding = get (f, id);
  g_assert_cmpint (awb_finding_get_status (finding), ==, AWB_FINDING_VERIFIED);
  g_assert_cmpint (awb_finding_get_rev (finding), ==, 3);

  history = awb_history_list (f->db, CASE_ID, TRUE, &error);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "set-status");
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->actor, ==, "Li");
  g_assert_nonnull (strstr (((AwbHistoryEntry *) history->pdata[0])->before, "\"rectified\""));
  g_assert_nonnull (strstr (((AwbHistoryEntry *) history->pdata[0])->after, "\"verified\""));

  /* backwards is refused, and writes nothing */
  before = awb_test_dump_database (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (back); i++)
    {
      g_autoptr(GError) refusal = NULL;

      g_assert_false (awb_finding_set_status (f->db, id, back[i], "Wang", &refusal));
      g_assert_error (refusal, AWB_ERROR, AWB_ERROR_REFUSED);
      g_assert_nonnull (strstr (refusal->message, awb_finding_status_to_string (back[i])));
    }
  /* the same status again changes nothing */
  g_assert_true (awb_finding_set_status (f->db, id, AWB_FINDING_VERIFIED, "Wang", &error));
  g_assert_no_error (error);
  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (awb_database_in_transaction (f->db));

  /* skipping forward is allowed */
  g_assert_true (awb_finding_set_status (f->db, skip, AWB_FINDING_VERIFIED, "Wang", &error));
  g_assert_no_error (error);
  skipped = get (f, skip);
  g_assert_cmpint (awb_finding_get_status (skipped), ==, AWB_FINDING_VERIFIED);
}

static gboolean
overdue_today (Fixture *f, const char *id, const char *today)
{
  g_autoptr(AwbFinding) finding = get (f, id);

  g_setenv ("AWB_TODAY", today, TRUE);
  return awb_finding_is_overdue (finding);
}

static void
test_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = add (f, "3.4-4", "2026-03-10");
  g_autofree char *undated = add (f, "3.4-5", NULL);
  g_autoptr(AwbFinding) finding = NULL;
  GDate date;

  /* the due day itself is not overdue; the day after is */
  g_assert_false (overdue_today (f, id, "2026-03-09"));
  g_assert_false (overdue_today (f, id, "2026-03-10"));
  g_assert_true (overdue_today (f, id, "2026-03-11"));
  g_assert_true (overdue_today (f, id, "2027-01-01"));
  g_assert_false (overdue_today (f, undated, "2099-12-31"));

  finding = get (f, id);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 11, G_DATE_MARCH, 2026);
  g_assert_true (awb_finding_is_overdue_on (finding, &date));
  g_date_set_dmy (&date, 10, G_DATE_MARCH, 2026);
  g_assert_false (awb_finding_is_overdue_on (finding, &date));

  /* rectified (or verified) is no longer overdue */
  g_assert_true (awb_finding_set_status (f->db, id, AWB_FINDING_RECTIFIED, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (overdue_today (f, id, "2026-03-11"));
}

static void
test_update (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autofree char *id = add (f, "3.4-6", "2026-05-01");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AwbFinding) finding = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_assert_true (awb_finding_update (f->db, id, "No QA plan for cloud projects", NULL,
                                     "2026-06-01", "Li", &error));
  g_assert_no_error (error);
  finding = get (f, id);
  g_assert_cmpstr (awb_finding_get_text (finding), ==, "No QA plan for cloud projects");
  g_assert_null (awb_finding_get_action (finding));
  g_assert_cmpstr (awb_finding_get_due (finding), ==, "2026-06-01");
  g_assert_cmpint (awb_finding_get_rev (finding), ==, 2);
  history = awb_history_list (f->db, CASE_ID, TRUE, &error);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "update");
  g_assert_nonnull (strstr (((AwbHistoryEntry *) history->pdata[0])->before, "2026-05-01"));

  before = awb_test_dump_database (f->db);
  g_assert_false (awb_finding_update (f->db, id, "", NULL, NULL, "Li", &e1));
  g_assert_error (e1, AWB_ERROR, AWB_ERROR_INVALID);
  g_assert_false (awb_finding_update (f->db, id, "x", NULL, "2026-13-01", "Li", &e2));
  g_assert_error (e2, AWB_ERROR, AWB_ERROR_INVALID);
  g_assert_nonnull (strstr (e2->message, "2026-13-01"));
  /* no change, no history */
  g_assert_true (awb_finding_update (f->db, id, "No QA plan for cloud projects", NULL,
                                     "2026-06-01", "Li", &error));
  g_assert_no_error (error);
  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_remove (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) gone = NULL;
  g_autofree char *id = add (f, "3.4-7", NULL);
  g_autoptr(GPtrArray) history = NULL;

  g_assert_true (awb_finding_remove (f->db, id, "Wang", &error));
  g_assert_no_error (error);
  g_assert_null (awb_finding_get (f->db, id, &gone));
  g_assert_error (gone, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tombstones WHERE entity = 'findings'"), ==, 1);
  history = awb_history_list (f->db, CASE_ID, TRUE, &error);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "remove");
  g_assert_null (((AwbHistoryEntry *) history->pdata[0])->after);
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  g_autofree char *id = add (f, "3.3-1", "2026-03-20");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AwbFinding) finding = NULL;

  awb_test_lock_case (f->db, CASE_ID);
  before = awb_test_dump_database (f->db);

  g_assert_null (awb_finding_add (f->db, CASE_ID, "3.3-2", AWB_FINDING_OBSERVATION, "x", NULL,
                                  NULL, NULL, &e1));
  g_assert_error (e1, AWB_ERROR, AWB_ERROR_LOCKED);
  g_assert_false (awb_finding_update (f->db, id, "changed", NULL, NULL, NULL, &e2));
  g_assert_error (e2, AWB_ERROR, AWB_ERROR_LOCKED);
  g_assert_false (awb_finding_remove (f->db, id, NULL, &e3));
  g_assert_error (e3, AWB_ERROR, AWB_ERROR_LOCKED);
  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);

  /* the lock lets the status through */
  g_assert_true (awb_finding_set_status (f->db, id, AWB_FINDING_RECTIFIED, "Wang", &error));
  g_assert_no_error (error);
  finding = get (f, id);
  g_assert_cmpint (awb_finding_get_status (finding), ==, AWB_FINDING_RECTIFIED);
}

static void
test_strings (void)
{
  AwbFindingKind kind;
  AwbFindingStatus status;

  for (guint i = 0; i < AWB_N_FINDING_KINDS; i++)
    {
      g_assert_true (awb_finding_kind_from_string (awb_finding_kind_to_string (i), &kind));
      g_assert_cmpuint (kind, ==, i);
      g_assert_nonnull (awb_finding_kind_label (i));
    }
  for (guint i = 0; i < AWB_N_FINDING_STATUSES; i++)
    {
      g_assert_true (awb_finding_status_from_string (awb_finding_status_to_string (i), &status));
      g_assert_cmpuint (status, ==, i);
      g_assert_nonnull (awb_finding_status_label (i));
    }
  g_assert_false (awb_finding_kind_from_string ("Nonconformity", &kind));
  g_assert_false (awb_finding_status_from_string ("closed", &status));
  g_assert_false (awb_finding_status_from_string (NULL, &status));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/finding/strings", test_strings);
  g_test_add ("/finding/add-and-read", Fixture, NULL, setup, test_add_and_read, teardown);
  g_test_add ("/finding/add-refused", Fixture, NULL, setup, test_add_refused, teardown);
  g_test_add ("/finding/status-forward-only", Fixture, NULL, setup, test_status_forward_only,
              teardown);
  g_test_add ("/finding/overdue", Fixture, NULL, setup, test_overdue, teardown);
  g_test_add ("/finding/update", Fixture, NULL, setup, test_update, teardown);
  g_test_add ("/finding/remove", Fixture, NULL, setup, test_remove, teardown);
  g_test_add ("/finding/locked", Fixture, NULL, setup, test_locked, teardown);

  return g_test_run ();
}
