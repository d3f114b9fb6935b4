/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "awb-case.h"
#include "awb-catalogue-registry.h"
#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-test-util.h"

/* Cases: creation and its refusals, maintenance from a baseline, stage moves,
 * the checklist, dates, the team, deletion and the panel lock. */

#define CODE "91350100M000100Y43"

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

  g_setenv ("AWB_TODAY", "2026-11-25", TRUE);
  g_setenv ("AWB_USER", "Tester", TRUE);
  f->dir = awb_test_make_tmpdir ();
  path = g_build_filename (f->dir, "c.db", NULL);
  f->db = awb_database_open (path, &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->db != NULL)
    awb_test_assert_counts (f->db);
  g_assert_finalize_object (f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
count (Fixture *f, const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _awb_database_query (f->db, NULL, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Every row of every table, to compare before and after a refusal. */
static char *
dump (Fixture *f)
{
  GString *out = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) tables =
    _awb_database_query (f->db, NULL, "SELECT name FROM sqlite_master WHERE type = 'table' "
                         "AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL);

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2",
                                              sqlite3_column_text (tables, 0));
      g_autoptr(sqlite3_stmt) rows = _awb_database_query (f->db, NULL, sql, NULL);

      g_string_append_printf (out, "[%s]\n", sqlite3_column_text (tables, 0));
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (rows, i));
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_refused (GError *error, int code, const char *fragment)
{
  g_assert_nonnull (error);
  g_assert_error (error, AWB_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, fragment);
}

static char *
new_case (Fixture *f, const char *type, const char *from_case)
{
  const char *evaluators[] = { "Li", "Zhang", NULL };
  AwbCaseNew p = {
    .applicant = "示例云安全科技有限公司",
    .credit_code = CODE,
    .app_type = type,
    .leader = "Wang",
    .evaluators = evaluators,
    .from_case = from_case,
  };
  g_autoptr(GError) error = NULL;
  char *id;

  if (g_strcmp0 (type, "maintenance") == 0 && from_case == NULL)
    {
      p.previous_certificate = "CCRC-2023-ISV-CS-0042";
      p.previous_expiry = "2027-05-31";
    }
  id = awb_case_create (f->db, &p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
test_create (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = awb_case_lookup (f->db, id, &error);
  AwbCatalogue *cat = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (),
                                                     AWB_BUILTIN_CATALOGUE_ID, NULL, NULL);
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *applicant = NULL;
  const char * const *evaluators;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (id), ==, 36);
  g_assert_cmpstr (awb_case_get_id (kase), ==, id);
  g_assert_cmpstr (awb_case_get_applicant (kase), ==, "示例云安全科技有限公司");
  g_assert_cmpstr (awb_case_get_credit_code (kase), ==, CODE);
  g_assert_cmpstr (awb_case_get_app_type (kase), ==, "initial");
  g_assert_false (awb_case_is_maintenance (kase));
  g_assert_cmpstr (awb_case_get_catalogue_id (kase), ==, AWB_BUILTIN_CATALOGUE_ID);
  g_assert_cmpstr (awb_case_get_catalogue_version (kase), ==, awb_catalogue_get_version (cat));
  g_assert_cmpint (awb_case_get_stage (kase), ==, AWB_STAGE_ACCEPTANCE);
  g_assert_cmpstr (awb_case_get_leader (kase), ==, "Wang");
  evaluators = awb_case_get_evaluators (kase);
  g_assert_cmpuint (g_strv_length ((char **) evaluators), ==, 2);
  g_assert_true (g_strv_contains (evaluators, "Li") && g_strv_contains (evaluators, "Zhang"));
  g_assert_false (awb_case_get_is_demo (kase));
  g_assert_false (awb_case_is_locked (kase));
  g_assert_null (awb_case_get_baseline_case_id (kase));
  g_assert_null (awb_case_get_previous_certificate (kase));
  g_assert_null (awb_case_get_submitted_at (kase));
  g_assert_nonnull (awb_case_get_created_at (kase));
  g_assert_null (awb_case_get_date (kase, AWB_CASE_DATE_RECEIVED));
  g_assert_false (awb_case_get_check (kase, AWB_CHECK_LEGAL_ENTITY, NULL, NULL));
  g_assert_cmpuint (awb_case_get_stage_moves (kase)->len, ==, 0);

  g_object_get (kase, "applicant", &applicant, NULL);
  g_assert_cmpstr (applicant, ==, "示例云安全科技有限公司");

  /* the case and its three team members, each in the history */
  history = awb_history_list (f->db, id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "create");
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->actor, ==, "Tester");
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[1])->entity, ==, "team-member");

  g_assert_finalize_object (g_steal_pointer (&kase));
}

static void
test_create_refused (Fixture *f, gconstpointer data)
{
  const char *twice[] = { "Li", " Li ", NULL };
  const char *blank[] = { "  ", NULL };
  static const struct
  {
    AwbCaseNew  p;
    int         code;
    const char *fragment;
  } cases[] = {
    { { .applicant = "  ", .credit_code = CODE }, AWB_ERROR_INVALID, "applicant" },
    { { .applicant = NULL, .credit_code = CODE }, AWB_ERROR_INVALID, "applicant" },
    { { .applicant = "A", .credit_code = "91350100M000100Y44" }, AWB_ERROR_INVALID,
      "check character" },
    { { .applicant = "A", .credit_code = "9135" }, AWB_ERROR_INVALID, "“9135”" },
    { { .applicant = "A", .credit_code = NULL }, AWB_ERROR_INVALID, "18" },
    { { .applicant = "A", .credit_code = CODE, .app_type = "renewal" }, AWB_ERROR_INVALID,
      "“renewal”" },
    { { .applicant = "A", .credit_code = CODE, .catalogue_id = "no-such" },
      AWB_ERROR_NOT_FOUND, "“no-such”" },
    { { .applicant = "A", .credit_code = CODE, .app_type = "maintenance" }, AWB_ERROR_INVALID,
      "certificate's number" },
    { { .applicant = "A", .credit_code = CODE, .app_type = "maintenance",
        .previous_certificate = "C-1" }, AWB_ERROR_INVALID, "expiry date" },
    { { .applicant = "A", .credit_code = CODE, .app_type = "maintenance",
        .previous_certificate = "C-1", .previous_expiry = "2027-02-30" }, AWB_ERROR_INVALID,
      "2027-02-30" },
    { { .applicant = "A", .credit_code = CODE, .app_type = "maintenance",
        .previous_certificate = " ", .previous_expiry = "2027-02-28" }, AWB_ERROR_INVALID,
      "certificate number is empty" },
    { { .applicant = "A", .credit_code = CODE, .previous_certificate = "C-1" },
      AWB_ERROR_INVALID, "“C-1”" },
    { { .applicant = "A", .credit_code = CODE, .from_case = "deadbeef-0000" },
      AWB_ERROR_NOT_FOUND, "deadbeef-0000" },
    { { .applicant = "A", .credit_code = CODE, .app_type = "initial",
        .from_case = "deadbeef-0000" }, AWB_ERROR_INVALID, "maintenance" },
    { { .applicant = "A", .credit_code = CODE, .leader = " " }, AWB_ERROR_INVALID, "leader" },
  };
  g_autofree char *before = NULL;

  g_free (new_case (f, NULL, NULL));
  before = dump (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = awb_case_create (f->db, &cases[i].p, &error);
      g_autofree char *after = NULL;

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(accepted)");
      g_assert_null (id);
      assert_refused (error, cases[i].code, cases[i].fragment);
      after = dump (f);
      g_assert_cmpstr (after, ==, before);
    }

  {
    AwbCaseNew p = { .applicant = "A", .credit_code = CODE, .evaluators = twice };
    g_autoptr(GError) error = NULL;
    g_autofree char *id = awb_case_create (f->db, &p, &error);
    g_autofree char *after = dump (f);

    g_assert_null (id);
    assert_refused (error, AWB_ERROR_INVALID, "“Li” is named twice");
    g_assert_cmpstr (after, ==, before);
  }
  {
    AwbCaseNew p = { .applicant = "A", .credit_code = CODE, .evaluators = blank };
    g_autoptr(GError) error = NULL;
    g_autofree char *id = awb_case_create (f->db, &p, &error);

    g_assert_null (id);
    assert_refused (error, AWB_ERROR_INVALID, "evaluator");
  }
}

static void
insert_registers (Fixture *f, const char *case_id)
{
  g_assert_true (_awb_database_run (f->db, NULL,
                                    "INSERT INTO staff (id, case_id, name, full_time, cert_no, "
                                    "valid_until, created_at, updated_at, rev) VALUES "
                                    "('s1', ?1, 'Zhao', 1, 'CISP-1', '2028-01-01', 'x', 'x', 3), "
                                    "('s2', ?1, 'Qian', 0, 'CISP-2', '2027-01-01', 'x', 'x', 1)",
                                    "s", case_id));
  g_assert_true (_awb_database_run (f->db, NULL,
                                    "INSERT INTO projects (id, case_id, client, service, "
                                    "from_date, to_date, accepted, created_at, updated_at) VALUES "
                                    "('p1', ?1, 'Client', 'Risk assessment', '2024-01-01', "
                                    "'2024-06-30', 1, 'x', 'x')", "s", case_id));
  g_assert_true (_awb_database_run (f->db, NULL,
                                    "INSERT INTO ratings (id, case_id, requirement_id, rating, "
                                    "actor, at) VALUES ('r1', ?1, '3.1-1', 'conformant', 'W', "
                                    "'x')", "s", case_id));
}

static void
test_from_case (Fixture *f, gconstpointer data)
{
  g_autofree char *base = new_case (f, NULL, NULL);
  g_autofree char *maint = NULL;
  g_autofree char *again = NULL;
  g_autofree char *prefix = g_strndup (base, 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = NULL;
  g_autoptr(GPtrArray) history = NULL;
  guint copies = 0;

  insert_registers (f, base);

  /* an initial baseline records no certificate: it must be given */
  {
    AwbCaseNew p = { .applicant = "A", .credit_code = CODE, .from_case = prefix };
    g_autofree char *id = awb_case_create (f->db, &p, &error);

    g_assert_null (id);
    assert_refused (error, AWB_ERROR_INVALID, "does not record it");
    g_clear_error (&error);
  }
  {
    AwbCaseNew p = { .applicant = "示例云安全科技有限公司", .credit_code = CODE,
                     .from_case = prefix, .previous_certificate = "C-7",
                     .previous_expiry = "2027-05-31" };

    maint = awb_case_create (f->db, &p, &error);
    g_assert_no_error (error);
  }

  kase = awb_case_lookup (f->db, maint, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awb_case_get_app_type (kase), ==, "maintenance");
  g_assert_cmpstr (awb_case_get_baseline_case_id (kase), ==, base);
  g_assert_cmpstr (awb_case_get_previous_certificate (kase), ==, "C-7");
  g_assert_cmpstr (awb_case_get_leader (kase), ==, "Wang");
  g_assert_cmpuint (g_strv_length ((char **) awb_case_get_evaluators (kase)), ==, 2);

  /* registers copied with new ids and rev 1; ratings not copied */
  g_assert_cmpint (count (f, "SELECT count(*) FROM staff"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM projects"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM ratings"), ==, 1);
  {
    g_autoptr(sqlite3_stmt) s =
      _awb_database_query (f->db, NULL, "SELECT id, name, full_time, cert_no, valid_until, rev "
                           "FROM staff WHERE case_id = ? ORDER BY name", "s", maint);

    g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (s, 1), ==, "Qian");
    g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (s, 1), ==, "Zhao");
    g_assert_cmpstr ((const char *) sqlite3_column_text (s, 0), !=, "s1");
    g_assert_cmpuint (strlen ((const char *) sqlite3_column_text (s, 0)), ==, 36);
    g_assert_cmpint (sqlite3_column_int (s, 2), ==, 1);
    g_assert_cmpstr ((const char *) sqlite3_column_text (s, 3), ==, "CISP-1");
    g_assert_cmpstr ((const char *) sqlite3_column_text (s, 4), ==, "2028-01-01");
    g_assert_cmpint (sqlite3_column_int (s, 5), ==, 1);
  }
  history = awb_history_list (f->db, maint, FALSE, &error);
  for (guint i = 0; i < history->len; i++)
    if (g_str_equal (((AwbHistoryEntry *) history->pdata[i])->action, "copy"))
      copies++;
  g_assert_cmpuint (copies, ==, 3);

  /* a maintenance baseline provides its certificate; explicit team replaces the copied one */
  {
    const char *evaluators[] = { "Sun", NULL };
    AwbCaseNew p = { .applicant = "B", .credit_code = CODE, .from_case = maint,
                     .leader = "Zhou", .evaluators = evaluators };
    g_autoptr(AwbCase) k = NULL;

    again = awb_case_create (f->db, &p, &error);
    g_assert_no_error (error);
    k = awb_case_lookup (f->db, again, &error);
    g_assert_cmpstr (awb_case_get_previous_certificate (k), ==, "C-7");
    g_assert_cmpstr (awb_case_get_previous_expiry (k), ==, "2027-05-31");
    g_assert_cmpstr (awb_case_get_leader (k), ==, "Zhou");
    g_assert_cmpstr (awb_case_get_evaluators (k)[0], ==, "Sun");
    g_assert_null (awb_case_get_evaluators (k)[1]);
  }
}

static void
test_list_lookup (Fixture *f, gconstpointer data)
{
  g_autofree char *a = new_case (f, NULL, NULL);
  g_autofree char *b = new_case (f, "maintenance", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = awb_case_list (f->db, &error);
  g_autoptr(AwbCase) first = NULL;
  g_autoptr(AwbCase) by_prefix = NULL;
  g_autofree char *prefix = g_strndup (a, 8);
  g_autofree char *short_prefix = g_strndup (a, 7);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (awb_case_get_id (first), ==, b);  /* newest first */

  by_prefix = awb_case_lookup (f->db, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awb_case_get_id (by_prefix), ==, a);

  g_assert_null (awb_case_lookup (f->db, short_prefix, &error));
  assert_refused (error, AWB_ERROR_INVALID, "at least");
  g_clear_error (&error);
  g_assert_null (awb_case_lookup (f->db, "ffffffff-ffff", &error));
  assert_refused (error, AWB_ERROR_NOT_FOUND, "ffffffff-ffff");
}

static void
test_advance (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL, NULL);
  g_autofree char *other = new_case (f, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = NULL;
  g_autofree char *before = NULL;
  AwbStageMove *move;
  static const struct
  {
    const char *stage;
    const char *on;
    int         code;
    const char *fragment;
  } refusals[] = {
    { "evaluation", "2026-03-01", AWB_ERROR_REFUSED, "already at stage evaluation" },
    { "initiation", "2026-03-01", AWB_ERROR_REFUSED, "cannot go back to initiation" },
    { "acceptance", "2026-03-01", AWB_ERROR_REFUSED, "forward only" },
    { "certification", "2026-02-01", AWB_ERROR_INVALID, "2026-02-10" },
    { "certification", "2026-11-26", AWB_ERROR_INVALID, "after today" },
    { "certification", "2026-13-01", AWB_ERROR_INVALID, "no month 13" },
    { "review", "2026-03-01", AWB_ERROR_INVALID, "“review”" },
  };

  /* skipping initiation is allowed */
  g_assert_true (awb_case_advance (f->db, id, "evaluation", "2026-02-10", "Wang", &error));
  g_assert_no_error (error);

  before = dump (f);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *after = NULL;

      g_assert_false (awb_case_advance (f->db, id, refusals[i].stage, refusals[i].on, NULL,
                                        &error));
      g_test_message ("%s", error->message);
      assert_refused (error, refusals[i].code, refusals[i].fragment);
      g_clear_error (&error);
      after = dump (f);
      g_assert_cmpstr (after, ==, before);
    }

  /* closed from any stage, and nothing after closed */
  g_assert_true (awb_case_advance (f->db, id, "closed", "2026-02-10", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (awb_case_advance (f->db, id, "certification", NULL, NULL, &error));
  assert_refused (error, AWB_ERROR_REFUSED, "cannot go back");
  g_clear_error (&error);
  g_assert_false (awb_case_advance (f->db, id, "closed", NULL, NULL, &error));
  assert_refused (error, AWB_ERROR_REFUSED, "already at stage closed");
  g_clear_error (&error);
  g_assert_true (awb_case_advance (f->db, other, "closed", NULL, NULL, &error));
  g_assert_no_error (error);

  kase = awb_case_lookup (f->db, id, &error);
  g_assert_cmpint (awb_case_get_stage (kase), ==, AWB_STAGE_CLOSED);
  g_assert_cmpuint (awb_case_get_stage_moves (kase)->len, ==, 2);
  move = awb_case_get_stage_moves (kase)->pdata[0];
  g_assert_cmpint (move->from, ==, AWB_STAGE_ACCEPTANCE);
  g_assert_cmpint (move->to, ==, AWB_STAGE_EVALUATION);
  g_assert_cmpstr (move->on_date, ==, "2026-02-10");
  g_assert_cmpstr (move->actor, ==, "Wang");
  g_assert_cmpstr (awb_case_get_closed_on (kase), ==, "2026-02-10");
  g_assert_cmpint (count (f, "SELECT rev FROM cases ORDER BY rev DESC LIMIT 1"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM history WHERE action = 'advance'"), ==, 6);
}

static void
test_checklist (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *actor = NULL, *at = NULL;

  g_assert_true (awb_case_check (f->db, id, "stamped-bound", "Li", &error));
  g_assert_no_error (error);
  before = dump (f);
  /* ticking again changes and records nothing: Li's tick stands */
  g_assert_true (awb_case_check (f->db, id, "stamped-bound", "Wang", &error));
  g_assert_no_error (error);
  g_assert_false (awb_case_check (f->db, id, "signed", NULL, &error));
  assert_refused (error, AWB_ERROR_INVALID, "“signed”");
  g_clear_error (&error);
  after = dump (f);
  g_assert_cmpstr (after, ==, before);

  kase = awb_case_lookup (f->db, id, &error);
  g_assert_true (awb_case_get_check (kase, AWB_CHECK_STAMPED_BOUND, &actor, &at));
  g_assert_cmpstr (actor, ==, "Li");
  g_assert_nonnull (at);
  g_assert_false (awb_case_get_check (kase, AWB_CHECK_ELECTRONIC_COPY, NULL, NULL));
}

static void
test_set_date (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = NULL;
  g_autofree char *before = NULL;
  static const struct
  {
    const char *kind;
    const char *date;
    int         code;
    const char *fragment;
  } refusals[] = {
    { "received", "2026-02-30", AWB_ERROR_INVALID, "no day 30" },
    { "received", "05/01/2026", AWB_ERROR_INVALID, "YYYY-MM-DD" },
    { "received", "2026-11-26", AWB_ERROR_INVALID, "after today" },
    { "opened", "2026-01-05", AWB_ERROR_INVALID, "“opened”" },
    { "review-sent", "2026-01-04", AWB_ERROR_INVALID, "received (2026-01-05)" },
    { "supplement-received", "2026-01-19", AWB_ERROR_INVALID, "review-sent (2026-01-20)" },
    { "received", "2026-01-21", AWB_ERROR_INVALID, "after review-sent" },
  };

  g_assert_true (awb_case_set_date (f->db, id, "received", "2026-01-06", NULL, &error));
  /* a correction replaces the date and keeps the old one in the history */
  g_assert_true (awb_case_set_date (f->db, id, "received", "2026-01-05", "Li", &error));
  g_assert_true (awb_case_set_date (f->db, id, "review-sent", "2026-01-20", NULL, &error));
  /* the panel may be scheduled ahead */
  g_assert_true (awb_case_set_date (f->db, id, "panel", "2027-01-15", NULL, &error));
  g_assert_no_error (error);

  before = dump (f);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *after = NULL;

      g_assert_false (awb_case_set_date (f->db, id, refusals[i].kind, refusals[i].date, NULL,
                                         &error));
      g_test_message ("%s", error->message);
      assert_refused (error, refusals[i].code, refusals[i].fragment);
      g_clear_error (&error);
      after = dump (f);
      g_assert_cmpstr (after, ==, before);
    }

  /* the date it already has: nothing changes, nothing is recorded */
  g_assert_true (awb_case_set_date (f->db, id, "received", "2026-01-05", "Wang", &error));
  g_assert_no_error (error);
  {
    g_autofree char *after = dump (f);
    g_assert_cmpstr (after, ==, before);
  }

  kase = awb_case_lookup (f->db, id, &error);
  g_assert_cmpstr (awb_case_get_date (kase, AWB_CASE_DATE_RECEIVED), ==, "2026-01-05");
  g_assert_cmpstr (awb_case_get_date_actor (kase, AWB_CASE_DATE_RECEIVED), ==, "Li");
  g_assert_nonnull (awb_case_get_date_recorded_at (kase, AWB_CASE_DATE_RECEIVED));
  g_assert_cmpint (count (f, "SELECT rev FROM case_dates WHERE kind = 'received'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM history WHERE action = 'set-date' AND "
                             "before LIKE '%2026-01-06%' AND after LIKE '%2026-01-05%'"), ==, 1);
}

static void
test_team (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = NULL;
  g_autofree char *before = NULL;
  const char *add[] = { "Sun", NULL };
  const char *remove[] = { "Li", NULL };
  const char *nobody[] = { "Nobody", NULL };
  const char *zhang[] = { "Zhang", NULL };
  const char *sun[] = { "Sun", NULL };

  g_assert_true (awb_case_change_team (f->db, id, "Zhou", add, remove, NULL, &error));
  g_assert_no_error (error);
  kase = awb_case_lookup (f->db, id, &error);
  g_assert_cmpstr (awb_case_get_leader (kase), ==, "Zhou");
  g_assert_false (g_strv_contains (awb_case_get_evaluators (kase), "Li"));
  g_assert_true (g_strv_contains (awb_case_get_evaluators (kase), "Sun"));
  g_assert_true (g_strv_contains (awb_case_get_evaluators (kase), "Zhang"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM team_members WHERE role = 'leader'"), ==, 1);

  before = dump (f);
  /* what is already so changes and records nothing */
  g_assert_true (awb_case_change_team (f->db, id, "Zhou", zhang, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *after = dump (f);
    g_assert_cmpstr (after, ==, before);
  }
  /* the whole change is refused, the new leader with it */
  g_assert_false (awb_case_change_team (f->db, id, "Qian", NULL, nobody, NULL, &error));
  assert_refused (error, AWB_ERROR_REFUSED, "“Nobody” is not an evaluator");
  g_clear_error (&error);
  g_assert_false (awb_case_change_team (f->db, id, NULL, sun, sun, NULL, &error));
  assert_refused (error, AWB_ERROR_INVALID, "both added and removed");
  g_clear_error (&error);
  g_assert_false (awb_case_change_team (f->db, id, NULL, NULL, NULL, NULL, &error));
  assert_refused (error, AWB_ERROR_INVALID, "Nothing to change");
  g_clear_error (&error);
  {
    g_autofree char *after = dump (f);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_delete (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL, NULL);
  g_autofree char *keep = new_case (f, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  insert_registers (f, id);
  g_setenv ("AWB_TODAY", "2020-03-01", TRUE);
  g_assert_true (awb_case_set_date (f->db, id, "received", "2020-01-10", NULL, &error));
  before = dump (f);
  g_assert_false (awb_case_delete (f->db, id, &error));
  assert_refused (error, AWB_ERROR_REFUSED, "at stage acceptance");
  g_clear_error (&error);

  /* closed on 29 February 2020: six years later is 28 February 2026 */
  g_assert_true (awb_case_advance (f->db, id, "closed", "2020-02-29", NULL, &error));
  g_assert_no_error (error);
  g_setenv ("AWB_TODAY", "2026-02-27", TRUE);
  g_free (before);
  before = dump (f);
  g_assert_false (awb_case_delete (f->db, id, &error));
  assert_refused (error, AWB_ERROR_REFUSED, "kept until 2026-02-28");
  g_clear_error (&error);
  {
    g_autofree char *after = dump (f);
    g_assert_cmpstr (after, ==, before);
  }

  g_setenv ("AWB_TODAY", "2026-02-28", TRUE);
  g_assert_true (awb_case_delete (f->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM staff"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM projects"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM ratings"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM team_members"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_dates"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM stage_moves"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM history WHERE case_id = (SELECT id FROM "
                             "tombstones)"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tombstones WHERE entity = 'case'"), ==, 1);
  g_assert_null (awb_case_lookup (f->db, id, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    g_assert_true (awb_history_verify (f->db, NULL, problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_delete_demo (Fixture *f, gconstpointer data)
{
  AwbCaseNew p = { .applicant = "演示", .credit_code = CODE, .is_demo = TRUE };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = awb_case_create (f->db, &p, &error);
  g_autoptr(AwbCase) kase = awb_case_lookup (f->db, id, &error);

  g_assert_true (awb_case_get_is_demo (kase));
  g_assert_true (awb_case_delete (f->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases"), ==, 0);
}

static void
test_lock (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *add[] = { "Sun", NULL };

  g_assert_true (_awb_database_run (f->db, NULL, "UPDATE cases SET submitted_at = "
                                    "'2026-11-20T10:00:00Z' WHERE id = ?", "s", id));
  kase = awb_case_lookup (f->db, id, &error);
  g_assert_true (awb_case_is_locked (kase));

  before = dump (f);
  g_assert_false (awb_case_check (f->db, id, "legal-entity", NULL, &error));
  assert_refused (error, AWB_ERROR_LOCKED, "expert panel");
  g_clear_error (&error);
  g_assert_false (awb_case_change_team (f->db, id, NULL, add, NULL, NULL, &error));
  assert_refused (error, AWB_ERROR_LOCKED, "reopen");
  g_clear_error (&error);
  g_assert_true (_awb_database_run (f->db, NULL, "UPDATE cases SET is_demo = 1", NULL));
  g_clear_pointer (&before, g_free);
  before = dump (f);
  g_assert_false (awb_case_delete (f->db, id, &error));
  assert_refused (error, AWB_ERROR_LOCKED, "expert panel");
  g_clear_error (&error);
  after = dump (f);
  g_assert_cmpstr (after, ==, before);

  /* stages and dates go on while the panel reviews (certification follows the panel) */
  g_assert_true (awb_case_set_date (f->db, id, "panel", "2026-11-24", NULL, &error));
  g_assert_true (awb_case_advance (f->db, id, "certification", NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_json (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, "maintenance", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  g_assert_true (awb_case_set_date (f->db, id, "received", "2026-01-05", NULL, &error));
  g_assert_true (awb_case_check (f->db, id, "legal-entity", NULL, &error));
  g_assert_true (awb_case_advance (f->db, id, "initiation", "2026-02-01", NULL, &error));
  kase = awb_case_lookup (f->db, id, &error);
  node = awb_case_to_json (kase);
  o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "maintenance");
  g_assert_cmpstr (json_object_get_string_member (o, "previous_certificate"), ==,
                   "CCRC-2023-ISV-CS-0042");
  g_assert_cmpstr (json_object_get_string_member (o, "stage"), ==, "initiation");
  g_assert_false (json_object_get_boolean_member (o, "locked"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "team"),
                                                  "leader"), ==, "Wang");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "checklist")), ==, 3);
  g_assert_true (json_object_get_boolean_member (
    json_array_get_object_element (json_object_get_array_member (o, "checklist"), 0), "ticked"));
  g_assert_cmpstr (json_object_get_string_member (
    json_object_get_object_member (json_object_get_object_member (o, "dates"), "received"),
    "date"), ==, "2026-01-05");
  g_assert_true (json_object_get_null_member (json_object_get_object_member (o, "dates"), "paid"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "stage_moves")), ==,
                    1);
}

static void
test_names (void)
{
  for (guint i = 0; i < AWB_N_STAGES; i++)
    {
      AwbStage s;

      g_assert_true (awb_stage_from_string (awb_stage_to_string (i), &s));
      g_assert_cmpint (s, ==, i);
      g_assert_nonnull (awb_stage_label (i));
    }
  for (guint i = 0; i < AWB_N_CASE_DATES; i++)
    {
      AwbCaseDate d;

      g_assert_true (awb_case_date_from_string (awb_case_date_to_string (i), &d));
      g_assert_cmpint (d, ==, i);
      g_assert_nonnull (awb_case_date_label (i));
    }
  for (guint i = 0; i < AWB_N_CHECKS; i++)
    {
      AwbCheck c;

      g_assert_true (awb_check_from_string (awb_check_to_string (i), &c));
      g_assert_cmpint (c, ==, i);
      g_assert_nonnull (awb_check_label (i));
    }
  {
    AwbStage s;
    g_assert_false (awb_stage_from_string ("Closed", &s));
    g_assert_false (awb_stage_from_string (NULL, &s));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, setup, fn, teardown)
  ADD ("/case/create", test_create);
  ADD ("/case/create-refused", test_create_refused);
  ADD ("/case/from-case", test_from_case);
  ADD ("/case/list-lookup", test_list_lookup);
  ADD ("/case/advance", test_advance);
  ADD ("/case/checklist", test_checklist);
  ADD ("/case/set-date", test_set_date);
  ADD ("/case/team", test_team);
  ADD ("/case/delete", test_delete);
  ADD ("/case/delete-demo", test_delete_demo);
  ADD ("/case/lock", test_lock);
  ADD ("/case/json", test_json);
#undef ADD
  g_test_add_func ("/case/names", test_names);

  return g_test_run ();
}
