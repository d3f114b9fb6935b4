/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "awb-assessment.h"
#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-test-util.h"

#define CASE_ID "c0ffee00-1111-4222-8333-444455556666"
#define OTHER_CASE "c0ffee00-2222-4222-8333-444455556666"

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
  path = g_build_filename (f->dir, "a.db", NULL);
  f->db = awb_database_open (path, &error);
  g_assert_no_error (error);
  awb_test_insert_case (f->db, CASE_ID);
  awb_test_insert_case (f->db, OTHER_CASE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
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

static AwbAssessment *
get (Fixture *f, const char *requirement)
{
  g_autoptr(GError) error = NULL;
  AwbAssessment *a = awb_rating_get (f->db, CASE_ID, requirement, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static void
test_rate_and_read (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAssessment) a = NULL;
  g_autoptr(AwbAssessment) unrated = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *req = NULL;
  guint rating = 0;

  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.1-1", AWB_RATING_CONFORMANT,
                                 "  QA manual seen  ", "Wang", &error));
  g_assert_no_error (error);

  a = get (f, "3.2.1-1");
  g_assert_cmpint (awb_assessment_get_rating (a), ==, AWB_RATING_CONFORMANT);
  g_assert_cmpstr (awb_assessment_get_rationale (a), ==, "QA manual seen");
  g_assert_cmpstr (awb_assessment_get_actor (a), ==, "Wang");
  g_assert_cmpstr (awb_assessment_get_case_id (a), ==, CASE_ID);
  g_assert_cmpint (awb_assessment_get_rev (a), ==, 1);
  g_assert_nonnull (awb_assessment_get_at (a));
  g_assert_cmpuint (strlen (awb_assessment_get_id (a)), ==, 36);
  g_object_get (a, "requirement-id", &req, "rating", &rating, NULL);
  g_assert_cmpstr (req, ==, "3.2.1-1");
  g_assert_cmpuint (rating, ==, AWB_RATING_CONFORMANT);

  unrated = get (f, "3.2.1-2");
  g_assert_cmpint (awb_assessment_get_rating (unrated), ==, AWB_RATING_UNRATED);
  g_assert_null (awb_assessment_get_id (unrated));
  g_assert_null (awb_assessment_get_actor (unrated));
  g_assert_cmpstr (awb_assessment_get_rationale (unrated), ==, "");

  /* every requirement of the catalogue, in catalogue order, rated or not */
  list = awb_rating_list (f->db, CASE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 42);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwbAssessment) item = g_list_model_get_item (list, i);
      gboolean is_rated = g_str_equal (awb_assessment_get_requirement_id (item), "3.2.1-1");

      g_assert_cmpint (awb_assessment_get_rating (item), ==,
                       is_rated ? AWB_RATING_CONFORMANT : AWB_RATING_UNRATED);
      if (i == 0)
        g_assert_cmpstr (awb_assessment_get_requirement_id (item), ==, "3.1-1");
    }

  /* the other case is untouched */
  g_clear_object (&list);
  list = awb_rating_list (f->db, OTHER_CASE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwbAssessment) item = g_list_model_get_item (list, i);
      g_assert_cmpint (awb_assessment_get_rating (item), ==, AWB_RATING_UNRATED);
    }

  g_assert_finalize_object (g_steal_pointer (&a));
}

static void
test_replace_keeps_history (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAssessment) first = NULL;
  g_autoptr(AwbAssessment) second = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  AwbHistoryEntry *e;

  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.2-1", AWB_RATING_LARGELY, "one report",
                                 "Wang", &error));
  first = get (f, "3.2.2-1");
  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.2-1", AWB_RATING_CONFORMANT,
                                 "three reports", "Li", &error));
  g_assert_no_error (error);
  second = get (f, "3.2.2-1");

  /* one rating per (case, requirement): replaced in place */
  g_assert_cmpint (count (f, "SELECT count(*) FROM ratings"), ==, 1);
  g_assert_cmpstr (awb_assessment_get_id (first), ==, awb_assessment_get_id (second));
  g_assert_cmpint (awb_assessment_get_rev (second), ==, 2);
  g_assert_cmpint (awb_assessment_get_rating (second), ==, AWB_RATING_CONFORMANT);
  g_assert_cmpstr (awb_assessment_get_actor (second), ==, "Li");

  /* the history keeps the earlier rating as the newest entry's "before" */
  history = awb_history_list (f->db, CASE_ID, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  e = history->pdata[0];
  g_assert_cmpstr (e->action, ==, "rate");
  g_assert_cmpstr (e->entity, ==, "rating");
  g_assert_cmpstr (e->actor, ==, "Li");
  g_assert_cmpstr (e->entity_id, ==, awb_assessment_get_id (second));
  before = json_from_string (e->before, &error);
  after = json_from_string (e->after, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (before), "rating"), ==,
                   "largely");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (before), "rationale"),
                   ==, "one report");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "rating"), ==,
                   "conformant");
  g_assert_null (((AwbHistoryEntry *) history->pdata[1])->before);

  /* the same rating again records nothing */
  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.2-1", AWB_RATING_CONFORMANT,
                                 "three reports", "Zhao", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM history"), ==, 2);
  g_assert_cmpint (count (f, "SELECT rev FROM ratings"), ==, 2);
}

static void
test_not_applicable_needs_rationale (Fixture *f, gconstpointer data)
{
  const char *blanks[] = { NULL, "", "   ", "\t\n", "\u3000" };
  g_autofree char *before = awb_test_dump_database (f->db);
  g_autoptr(AwbAssessment) a = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GError) refusal = NULL;
      g_autofree char *after = NULL;

      g_assert_false (awb_rating_set (f->db, CASE_ID, "3.2.4-2", AWB_RATING_NOT_APPLICABLE,
                                      blanks[i], "Wang", &refusal));
      g_assert_error (refusal, AWB_ERROR, AWB_ERROR_REFUSED);
      g_assert_nonnull (strstr (refusal->message, "3.2.4-2"));
      g_assert_nonnull (strstr (refusal->message, "justification"));
      after = awb_test_dump_database (f->db);
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.4-2", AWB_RATING_NOT_APPLICABLE,
                                 "No test lab: the applicant only audits", "Wang", &error));
  g_assert_no_error (error);
  a = get (f, "3.2.4-2");
  g_assert_cmpint (awb_assessment_get_rating (a), ==, AWB_RATING_NOT_APPLICABLE);
  g_assert_cmpstr (awb_assessment_get_rationale (a), ==, "No test lab: the applicant only audits");
}

static void
test_not_applicable_banned_by_catalogue (Fixture *f, gconstpointer data)
{
  /* the catalogue forbids N/A for these (na_allowed: false) */
  const char *banned[] = { "3.1-1", "3.2.3-5", "3.3-1", "3.4-7" };
  g_autofree char *before = awb_test_dump_database (f->db);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (banned); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (awb_rating_set (f->db, CASE_ID, banned[i], AWB_RATING_NOT_APPLICABLE,
                                      "we do not do that", "Wang", &error));
      g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
      g_assert_nonnull (strstr (error->message, banned[i]));
      g_assert_nonnull (strstr (error->message, "catalogue"));
    }
  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_unknown_requirement_and_case (Fixture *f, gconstpointer data)
{
  g_autofree char *before = awb_test_dump_database (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  g_autoptr(GError) e4 = NULL;
  g_autoptr(GError) e5 = NULL;

  g_assert_false (awb_rating_set (f->db, CASE_ID, "3.9-9", AWB_RATING_CONFORMANT, NULL, NULL,
                                  &e1));
  g_assert_error (e1, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (e1->message, "3.9-9"));

  g_assert_false (awb_rating_set (f->db, "deadbeef", "3.1-1", AWB_RATING_CONFORMANT, NULL, NULL,
                                  &e2));
  g_assert_error (e2, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (e2->message, "deadbeef"));

  /* a prefix shorter than 8 characters is refused even where it is unique */
  g_assert_false (awb_rating_set (f->db, "c0ffee0", "3.1-1", AWB_RATING_CONFORMANT, NULL, NULL,
                                  &e3));
  g_assert_error (e3, AWB_ERROR, AWB_ERROR_INVALID);

  /* both cases start with c0ffee00 */
  g_assert_null (awb_rating_list (f->db, "c0ffee00", &e4));
  g_assert_error (e4, AWB_ERROR, AWB_ERROR_AMBIGUOUS);
  g_assert_null (awb_rating_get (f->db, CASE_ID, "nonsense", &e5));
  g_assert_error (e5, AWB_ERROR, AWB_ERROR_NOT_FOUND);

  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_prefix (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAssessment) a = NULL;

  /* a prefix that names one case */
  g_assert_true (awb_rating_set (f->db, "c0ffee00-1", "3.2.5-2", AWB_RATING_NONCONFORMANT, NULL,
                                 NULL, &error));
  g_assert_no_error (error);
  a = get (f, "3.2.5-2");
  g_assert_cmpint (awb_assessment_get_rating (a), ==, AWB_RATING_NONCONFORMANT);
  g_assert_cmpstr (awb_assessment_get_case_id (a), ==, CASE_ID);
}

static void
test_clear (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAssessment) rated = NULL;
  g_autoptr(AwbAssessment) cleared = NULL;
  g_autoptr(GPtrArray) history = NULL;
  AwbHistoryEntry *e;

  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.6-1", AWB_RATING_LARGELY, "", "Wang",
                                 &error));
  rated = get (f, "3.2.6-1");

  g_assert_true (awb_rating_clear (f->db, CASE_ID, "3.2.6-1", "Wang", &error));
  g_assert_no_error (error);
  cleared = get (f, "3.2.6-1");
  g_assert_cmpint (awb_assessment_get_rating (cleared), ==, AWB_RATING_UNRATED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM ratings"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tombstones WHERE entity = 'ratings'"), ==, 1);

  history = awb_history_list (f->db, CASE_ID, TRUE, &error);
  e = history->pdata[0];
  g_assert_cmpstr (e->action, ==, "unrate");
  g_assert_cmpstr (e->entity_id, ==, awb_assessment_get_id (rated));
  g_assert_nonnull (strstr (e->before, "largely"));
  g_assert_null (e->after);

  /* clearing an unrated requirement, or setting "unrated", records nothing */
  g_assert_true (awb_rating_clear (f->db, CASE_ID, "3.2.6-1", "Wang", &error));
  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.6-1", AWB_RATING_UNRATED, NULL, "Wang",
                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM history"), ==, 2);

  /* setting "unrated" clears a rating */
  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.6-1", AWB_RATING_CONFORMANT, NULL, "Wang",
                                 &error));
  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.6-1", AWB_RATING_UNRATED, NULL, "Wang",
                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM ratings"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM history"), ==, 4);
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GListModel) list = NULL;

  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.1-3", AWB_RATING_CONFORMANT, NULL, "Wang",
                                 &error));
  awb_test_lock_case (f->db, CASE_ID);
  before = awb_test_dump_database (f->db);

  g_assert_false (awb_rating_set (f->db, CASE_ID, "3.2.1-3", AWB_RATING_LARGELY, "x", "Wang",
                                  &e1));
  g_assert_error (e1, AWB_ERROR, AWB_ERROR_LOCKED);
  g_assert_nonnull (strstr (e1->message, CASE_ID));
  g_assert_false (awb_rating_set (f->db, CASE_ID, "3.2.1-1", AWB_RATING_CONFORMANT, NULL, "Wang",
                                  &e2));
  g_assert_error (e2, AWB_ERROR, AWB_ERROR_LOCKED);
  g_assert_false (awb_rating_clear (f->db, CASE_ID, "3.2.1-3", "Wang", &e3));
  g_assert_error (e3, AWB_ERROR, AWB_ERROR_LOCKED);

  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (awb_database_in_transaction (f->db));

  /* reading goes on */
  list = awb_rating_list (f->db, CASE_ID, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);

  /* the other case is not locked */
  g_assert_true (awb_rating_set (f->db, OTHER_CASE, "3.2.1-3", AWB_RATING_LARGELY, NULL, "Wang",
                                 &error));
  g_assert_no_error (error);
}

static void
test_history_chain_intact (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.2-2", AWB_RATING_LARGELY, NULL, "A", &error));
  g_assert_true (awb_rating_set (f->db, CASE_ID, "3.2.2-2", AWB_RATING_CONFORMANT, NULL, "B",
                                 &error));
  g_assert_true (awb_rating_clear (f->db, CASE_ID, "3.2.2-2", "C", &error));
  g_assert_no_error (error);
  g_assert_true (awb_history_verify (f->db, NULL, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/assessment/rate-and-read", Fixture, NULL, setup, test_rate_and_read, teardown);
  g_test_add ("/assessment/replace-keeps-history", Fixture, NULL, setup,
              test_replace_keeps_history, teardown);
  g_test_add ("/assessment/not-applicable-needs-rationale", Fixture, NULL, setup,
              test_not_applicable_needs_rationale, teardown);
  g_test_add ("/assessment/not-applicable-banned", Fixture, NULL, setup,
              test_not_applicable_banned_by_catalogue, teardown);
  g_test_add ("/assessment/unknown", Fixture, NULL, setup, test_unknown_requirement_and_case,
              teardown);
  g_test_add ("/assessment/prefix", Fixture, NULL, setup, test_prefix, teardown);
  g_test_add ("/assessment/clear", Fixture, NULL, setup, test_clear, teardown);
  g_test_add ("/assessment/locked", Fixture, NULL, setup, test_locked, teardown);
  g_test_add ("/assessment/history-chain", Fixture, NULL, setup, test_history_chain_intact,
              teardown);

  return g_test_run ();
}
