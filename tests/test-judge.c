/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <time.h>

#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-judge.h"
#include "awb-record-private.h"
#include "awb-test-records.h"
#include "awb-test-util.h"

/* The judgement engine, branch by branch: each sufficiency state, each check
 * at its boundary, each conclusion with its reasons, the statement, and the
 * time it takes on a case with 100,000 evidence items. */

#define TODAY "2026-05-01"

typedef struct
{
  char        *dir;
  AwbDatabase *db;
  char        *case_id;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->dir = awb_test_make_tmpdir ();
  f->db = awb_test_open_case (f->dir, NULL, FALSE, &f->case_id);
}

/* A case that passes (awb_test_full_pass), for a test to change one thing. */
static void
setup_pass (Fixture       *f,
            gconstpointer  data)
{
  f->dir = awb_test_make_tmpdir ();
  f->db = awb_test_open_case (f->dir, NULL, TRUE, &f->case_id);
}

/* The same on the variant catalogue. */
static void
setup_variant_pass (Fixture       *f,
                    gconstpointer  data)
{
  f->dir = awb_test_make_tmpdir ();
  f->db = awb_test_open_case (f->dir, AWB_TEST_VARIANT_CATALOGUE, TRUE, &f->case_id);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  if (f->db != NULL)
    awb_test_assert_counts (f->db);
  g_clear_object (&f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->case_id);
}

static AwbJudgement *
judge (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AwbJudgement *j = awb_judge_case (f->db, f->case_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (j);
  return j;
}

static gint
query_int (Fixture    *f,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _awb_database_query (f->db, NULL, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static guint
count_rows (Fixture    *f,
            const char *sql)
{
  return (guint) query_int (f, sql);
}

/* ---- sufficiency ---- */

typedef struct
{
  const char *name;
  const char *catalogue;     /* NULL: built-in */
  const char *requirement;
  const char *evidence;      /* "method:supports,…" */
  AwbSufficiency sufficiency;
  const char *missing;       /* fragment of missing, or NULL for none */
  const char *suggested;
  guint document, interview, demonstration, contradicting;
} SufficiencyCase;

static const SufficiencyCase sufficiency_cases[] = {
  { "none", NULL, "3.2.1-1", "", AWB_SUFFICIENCY_NONE, "no evidence", "none", 0, 0, 0, 0 },
  { "document-alone", NULL, "3.2.1-1", "document:yes", AWB_SUFFICIENCY_INSUFFICIENT,
    "only one method", "none", 1, 0, 0, 0 },
  { "interview-alone", NULL, "3.2.1-1", "interview:yes", AWB_SUFFICIENCY_INSUFFICIENT,
    "no document", "none", 0, 1, 0, 0 },
  { "two-interviews", NULL, "3.2.1-1", "interview:yes,interview:yes",
    AWB_SUFFICIENCY_INSUFFICIENT, "no document", "none", 0, 2, 0, 0 },
  { "document-interview", NULL, "3.2.1-1", "document:yes,interview:yes",
    AWB_SUFFICIENCY_SUFFICIENT, NULL, "conformant", 1, 1, 0, 0 },
  { "document-demonstration", NULL, "3.2.1-1", "document:yes,demonstration:yes",
    AWB_SUFFICIENCY_SUFFICIENT, NULL, "conformant", 1, 0, 1, 0 },
  { "with-partly", NULL, "3.2.1-1", "document:yes,interview:partly",
    AWB_SUFFICIENCY_SUFFICIENT, NULL, "largely", 1, 1, 0, 0 },
  { "all-partly", NULL, "3.2.1-1", "document:partly,interview:partly",
    AWB_SUFFICIENCY_SUFFICIENT, NULL, "largely", 1, 1, 0, 0 },
  { "contradicted", NULL, "3.2.1-1", "document:yes,interview:yes,demonstration:no",
    AWB_SUFFICIENCY_CONTRADICTED, NULL, "review", 1, 1, 0, 1 },
  { "contradicted-only", NULL, "3.2.1-1", "document:no", AWB_SUFFICIENCY_CONTRADICTED,
    "no supporting evidence", "review", 0, 0, 0, 1 },
  { "process-area-two-methods", NULL, "3.3-1", "document:yes,interview:yes",
    AWB_SUFFICIENCY_INSUFFICIENT, "no demonstration", "none", 1, 1, 0, 0 },
  { "process-area-interview", NULL, "3.3-1", "interview:yes", AWB_SUFFICIENCY_INSUFFICIENT,
    "no document; no demonstration", "none", 0, 1, 0, 0 },
  { "process-area-three", NULL, "3.3-1", "document:yes,interview:yes,demonstration:yes",
    AWB_SUFFICIENCY_SUFFICIENT, NULL, "conformant", 1, 1, 1, 0 },
  { "documentary-item", NULL, "3.1-1", "document:yes", AWB_SUFFICIENCY_SUFFICIENT, NULL,
    "conformant", 1, 0, 0, 0 },
  { "documentary-item-interview", NULL, "3.1-1", "interview:yes",
    AWB_SUFFICIENCY_INSUFFICIENT, "no document", "none", 0, 1, 0, 0 },
  /* the variant catalogue: only "yes" supports; 3.2.1-1 needs an interview alone */
  { "variant-partly-not-counted", AWB_TEST_VARIANT_CATALOGUE, "3.2.2-1",
    "document:yes,interview:partly", AWB_SUFFICIENCY_INSUFFICIENT, "only one method", "none",
    1, 0, 0, 0 },
  { "variant-partly-only", AWB_TEST_VARIANT_CATALOGUE, "3.2.2-1", "document:partly",
    AWB_SUFFICIENCY_INSUFFICIENT, "no supporting evidence", "none", 0, 0, 0, 0 },
  { "variant-no-direct", AWB_TEST_VARIANT_CATALOGUE, "3.2.1-1", "interview:yes",
    AWB_SUFFICIENCY_INSUFFICIENT, "no direct work product (document or demonstration)", "none",
    0, 1, 0, 0 },
  { "variant-direct", AWB_TEST_VARIANT_CATALOGUE, "3.2.1-1", "interview:yes,document:yes",
    AWB_SUFFICIENCY_SUFFICIENT, NULL, "conformant", 1, 1, 0, 0 },
};

static void
test_sufficiency (Fixture       *f,
                  gconstpointer  data)
{
  const SufficiencyCase *c = data;
  g_autoptr(AwbJudgement) j = NULL;
  const AwbRequirementJudgement *rj;

  if (c->catalogue != NULL)
    {
      g_free (f->case_id);
      f->case_id = awb_test_case (f->db, c->catalogue, "2026-04-01", "2026-04-01");
    }
  awb_test_evidence_list (f->db, f->case_id, c->requirement, c->evidence);
  j = judge (f);
  rj = awb_judgement_lookup (j, c->requirement);
  g_assert_nonnull (rj);

  g_assert_cmpstr (awb_sufficiency_to_string (rj->sufficiency), ==,
                   awb_sufficiency_to_string (c->sufficiency));
  if (c->missing == NULL)
    g_assert_null (rj->missing);
  else
    {
      g_assert_nonnull (rj->missing);
      g_assert_nonnull (strstr (rj->missing, c->missing));
    }
  g_assert_cmpstr (rj->suggested, ==, c->suggested);
  g_assert_cmpuint (rj->supporting[AWB_METHOD_DOCUMENT], ==, c->document);
  g_assert_cmpuint (rj->supporting[AWB_METHOD_INTERVIEW], ==, c->interview);
  g_assert_cmpuint (rj->supporting[AWB_METHOD_DEMONSTRATION], ==, c->demonstration);
  g_assert_cmpuint (rj->contradicting, ==, c->contradicting);
  /* the other requirements saw nothing */
  g_assert_cmpuint (awb_judgement_lookup (j, "3.4-7")->n_evidence, ==, 0);
}

/* ---- checks ---- */

typedef struct
{
  const char *name;
  const char *catalogue;
  const char *date;          /* evaluation-start (staff) or received (projects); NULL: unset */
  const char *records;       /* staff "name:F|P:valid-until;…" or projects "client:F|A:to;…" */
  gboolean    passed;
  guint       count;
  const char *figures;       /* fragment */
} CheckCase;

static const CheckCase staff_cases[] = {
  { "exactly-four", NULL, "2026-04-01",
    "王伟:F:2026-04-01;李娜:F:2027-01-01;张敏:F:2027-01-01;刘洋:F:2028-01-01", TRUE, 4,
    "4 qualifying, 4 required" },
  { "expires-day-before", NULL, "2026-04-01",
    "Wang:F:2026-03-31;李娜:F:2027-01-01;张敏:F:2027-01-01;刘洋:F:2028-01-01", FALSE, 3,
    "3 of 4 required: Wang's certificate expired 2026-03-31" },
  { "part-time", NULL, "2026-04-01",
    "Li:P:2029-01-01;李娜:F:2027-01-01;张敏:F:2027-01-01;刘洋:F:2028-01-01", FALSE, 3,
    "Li is not full-time" },
  { "person-counts-once", NULL, "2026-04-01",
    "Zhao:F:2027-01-01;Zhao:F:2029-01-01;张敏:F:2027-01-01;刘洋:F:2028-01-01", FALSE, 3,
    "3 of 4 required" },
  { "two-rows-one-valid", NULL, "2026-04-01",
    "Zhao:F:2025-01-01;Zhao:F:2029-01-01;张敏:F:2027-01-01;刘洋:F:2028-01-01;Qian:F:2027-01-01",
    TRUE, 4, "4 qualifying" },
  { "valid-only-part-time", NULL, "2026-04-01",
    "Sun:F:2025-12-31;Sun:P:2029-01-01;张敏:F:2027-01-01;刘洋:F:2028-01-01;Qian:F:2027-01-01",
    FALSE, 3, "Sun's certificate expired 2025-12-31" },
  { "five", NULL, "2026-04-01",
    "A:F:2027-01-01;B:F:2027-01-01;C:F:2027-01-01;D:F:2027-01-01;E:F:2027-01-01", TRUE, 5,
    "5 qualifying, 4 required" },
  { "none", NULL, "2026-04-01", "", FALSE, 0, "0 of 4 required" },
  /* unset: today (2026-05-01) is used; a certificate valid to 2026-04-15 has expired */
  { "date-unset", NULL, NULL,
    "Wang:F:2026-04-15;李娜:F:2027-01-01;张敏:F:2027-01-01;刘洋:F:2028-01-01", FALSE, 3,
    "Wang's certificate expired 2026-04-15" },
  /* the variant: 2 people, part-time counts, on the received date */
  { "variant-rules", AWB_TEST_VARIANT_CATALOGUE, "2026-04-01",
    "Li:P:2029-01-01;Wang:F:2026-04-01", TRUE, 2, "2 qualifying, 2 required" },
};

static const CheckCase project_cases[] = {
  { "exactly-three-years", NULL, "2026-04-01", "甲:F:2023-04-01", FALSE, 1,
    "1 failed acceptance between 2023-04-01 and 2026-04-01 (at most 0 allowed): 甲" },
  { "day-before-window", NULL, "2026-04-01", "甲:F:2023-03-31", TRUE, 0,
    "no failed acceptance between 2023-04-01 and 2026-04-01" },
  { "on-received-date", NULL, "2026-04-01", "甲:F:2026-04-01", FALSE, 1, "ended 2026-04-01" },
  { "after-received-date", NULL, "2026-04-01", "甲:F:2026-04-02", TRUE, 0, "no failed" },
  { "accepted", NULL, "2026-04-01", "甲:A:2025-01-01;乙:A:2024-01-01", TRUE, 0, "no failed" },
  { "two-failed", NULL, "2026-04-01", "甲:F:2025-01-01;乙:F:2024-01-01;丙:A:2024-02-01", FALSE, 2,
    "2 failed acceptances" },
  { "date-unset", NULL, NULL, "甲:F:2023-04-30", TRUE, 0,
    "no failed acceptance between 2023-05-01 and 2026-05-01" },
};

static void
add_records (Fixture    *f,
             const char *records,
             gboolean    staff)
{
  g_auto(GStrv) rows = g_strsplit (records, ";", -1);

  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (*rows[i] == '\0')
        continue;
      parts = g_strsplit (rows[i], ":", 3);
      if (staff)
        awb_test_staff (f->db, f->case_id, parts[0], g_str_equal (parts[1], "F"), parts[2]);
      else
        awb_test_project (f->db, f->case_id, parts[0], parts[2], g_str_equal (parts[1], "A"));
    }
}

static void
run_check_case (Fixture         *f,
                const CheckCase *c,
                gboolean         staff)
{
  g_autoptr(AwbJudgement) j = NULL;
  const AwbCheckResult *check;
  gboolean notice = FALSE;

  g_free (f->case_id);
  f->case_id = awb_test_case (f->db, c->catalogue, staff ? NULL : c->date,
                              staff ? c->date : NULL);
  if (c->catalogue != NULL && staff)
    awb_test_case_date (f->db, f->case_id, "received", c->date);
  add_records (f, c->records, staff);

  j = judge (f);
  check = staff ? &j->staff_check : &j->acceptance_check;
  g_test_message ("%s: %s", c->name, check->figures);
  g_assert_cmpint (check->passed, ==, c->passed);
  g_assert_cmpuint (check->count, ==, c->count);
  g_assert_nonnull (strstr (check->figures, c->figures));
  g_assert_cmpstr (check->requirement_id, ==, staff ? "3.2.3-5" : "3.2.6-2");
  g_assert_cmpint (check->date_set, ==, c->date != NULL);
  g_assert_cmpstr (check->date, ==, c->date != NULL ? c->date : TODAY);

  for (guint i = 0; i < j->notices->len; i++)
    if (strstr (j->notices->pdata[i], check->check) != NULL &&
        strstr (j->notices->pdata[i], "computed for today") != NULL)
      notice = TRUE;
  g_assert_cmpint (notice, ==, c->date == NULL);
}

static void
test_staff_check (Fixture       *f,
                  gconstpointer  data)
{
  run_check_case (f, data, TRUE);
}

static void
test_project_check (Fixture       *f,
                    gconstpointer  data)
{
  run_check_case (f, data, FALSE);
}

/* ---- conclusions ---- */

typedef void (*Mutation) (Fixture *f);

typedef struct
{
  const char    *name;
  Mutation       mutate;
  AwbConclusion  conclusion;
  const char    *requirement;   /* the first reason's requirement, NULL for the whole case */
  const char    *kind;          /* its kind */
  const char    *text;          /* a fragment of its text */
  guint          n_reasons;
  const char    *notice;        /* a fragment of a notice, or NULL for none */
} ConclusionCase;

static void
remove_method (Fixture    *f,
               const char *requirement,
               const char *method)
{
  g_autoptr(GError) error = NULL;

  _awb_database_run (f->db, &error,
                     "DELETE FROM evidence WHERE method = ? AND id IN (SELECT evidence_id FROM "
                     "evidence_links WHERE requirement_id = ?)", "ss", method, requirement);
  g_assert_no_error (error);
}

static void
mut_nothing (Fixture *f)
{
}

static void
mut_unrated (Fixture *f)
{
  awb_test_rate (f->db, f->case_id, "3.2.2-1", NULL, NULL);
}

static void
mut_insufficient (Fixture *f)
{
  remove_method (f, "3.2.2-1", "interview");
  remove_method (f, "3.2.2-1", "demonstration");
}

static void
mut_no_evidence (Fixture *f)
{
  remove_method (f, "3.2.2-1", "document");
  remove_method (f, "3.2.2-1", "interview");
  remove_method (f, "3.2.2-1", "demonstration");
}

static void
mut_staff_short (Fixture *f)
{
  awb_test_sql (f->db, "UPDATE staff SET valid_until = '2026-03-31' WHERE name = '刘洋'");
}

static void
mut_failed_project (Fixture *f)
{
  awb_test_project (f->db, f->case_id, "乙客户", "2024-12-31", FALSE);
}

static void
mut_failed_project_rated_nonconformant (Fixture *f)
{
  awb_test_project (f->db, f->case_id, "乙客户", "2024-12-31", FALSE);
  awb_test_rate (f->db, f->case_id, "3.2.6-2", "nonconformant", "乙客户 failed acceptance");
}

static void
mut_largely_no_finding (Fixture *f)
{
  awb_test_rate (f->db, f->case_id, "3.2.2-1", "largely", "");
}

static void
mut_largely_observation (Fixture *f)
{
  g_autofree char *id = NULL;

  awb_test_rate (f->db, f->case_id, "3.2.2-1", "largely", "");
  id = awb_test_finding (f->db, f->case_id, "3.2.2-1", "observation", "Update the records",
                         "2026-06-30", "open");
}

static void
mut_largely_no_due (Fixture *f)
{
  g_autofree char *id = NULL;

  awb_test_rate (f->db, f->case_id, "3.2.2-1", "largely", "");
  id = awb_test_finding (f->db, f->case_id, "3.2.2-1", "nonconformity", "Update the records",
                         NULL, "open");
}

static void
mut_largely_no_action (Fixture *f)
{
  g_autofree char *id = NULL;

  awb_test_rate (f->db, f->case_id, "3.2.2-1", "largely", "");
  id = awb_test_finding (f->db, f->case_id, "3.2.2-1", "nonconformity", "  ", "2026-06-30",
                         "open");
}

static void
mut_largely (Fixture *f)
{
  g_autofree char *id = NULL;

  awb_test_rate (f->db, f->case_id, "3.2.2-1", "largely", "");
  id = awb_test_finding (f->db, f->case_id, "3.2.2-1", "nonconformity", "Update the records",
                         "2026-06-30", "open");
}

static void
mut_largely_verified (Fixture *f)
{
  g_autofree char *id = NULL;

  awb_test_rate (f->db, f->case_id, "3.2.2-1", "largely", "");
  id = awb_test_finding (f->db, f->case_id, "3.2.2-1", "nonconformity", "Update the records",
                         "2026-03-30", "verified");
}

static void
mut_largely_overdue (Fixture *f)
{
  g_autofree char *id = NULL;

  awb_test_rate (f->db, f->case_id, "3.2.2-1", "largely", "");
  id = awb_test_finding (f->db, f->case_id, "3.2.2-1", "nonconformity", "Update the records",
                         "2026-04-20", "open");
}

static void
mut_largely_insufficient (Fixture *f)
{
  mut_largely (f);
  remove_method (f, "3.2.2-1", "interview");
  remove_method (f, "3.2.2-1", "demonstration");
}

static void
mut_nonconformant (Fixture *f)
{
  awb_test_rate (f->db, f->case_id, "3.2.2-1", "nonconformant", "No records kept");
}

static void
mut_nonconformant_and_unrated (Fixture *f)
{
  mut_nonconformant (f);
  awb_test_rate (f->db, f->case_id, "3.2.2-2", NULL, NULL);
}

static void
mut_nonconformant_and_largely (Fixture *f)
{
  g_autofree char *id = NULL;

  mut_nonconformant (f);
  awb_test_rate (f->db, f->case_id, "3.2.2-3", "largely", "");
  id = awb_test_finding (f->db, f->case_id, "3.2.2-3", "nonconformity", "Fix it", "2026-06-30",
                         "open");
}

static void
mut_nonconformant_no_evidence (Fixture *f)
{
  mut_no_evidence (f);
  awb_test_rate (f->db, f->case_id, "3.2.2-1", "nonconformant", "");
}

static void
mut_na_justified (Fixture *f)
{
  awb_test_rate (f->db, f->case_id, "3.2.2-1", "not-applicable", "No such service offered");
}

static void
mut_na_unjustified (Fixture *f)
{
  awb_test_rate (f->db, f->case_id, "3.2.2-1", "not-applicable", " ");
}

static void
mut_na_not_allowed (Fixture *f)
{
  awb_test_rate (f->db, f->case_id, "3.1-1", "not-applicable", "Not a company");
}

static void
contradict (Fixture *f)
{
  g_autofree char *id = awb_test_evidence (f->db, f->case_id, "interview", "3.2.2-1", "no");
}

static void
mut_conformant_contradicted (Fixture *f)
{
  contradict (f);
}

static void
mut_largely_contradicted_explained (Fixture *f)
{
  mut_largely (f);
  contradict (f);
  awb_test_rate (f->db, f->case_id, "3.2.2-1", "largely", "One engineer unaware; trained since");
}

static void
mut_largely_contradicted_unexplained (Fixture *f)
{
  mut_largely (f);
  contradict (f);
}

static void
mut_largely_contradicted_thin (Fixture *f)
{
  mut_largely_contradicted_explained (f);
  remove_method (f, "3.2.2-1", "document");
}

static void
mut_nonconformant_contradicted_explained (Fixture *f)
{
  contradict (f);
  awb_test_rate (f->db, f->case_id, "3.2.2-1", "nonconformant", "Records are missing");
}

static void
mut_nonconformant_contradicted_unexplained (Fixture *f)
{
  contradict (f);
  awb_test_rate (f->db, f->case_id, "3.2.2-1", "nonconformant", "");
}

static void
mut_everything_unrated (Fixture *f)
{
  awb_test_sql (f->db, "DELETE FROM ratings");
}

static const ConclusionCase conclusion_cases[] = {
  { "pass", mut_nothing, AWB_CONCLUSION_PASS, NULL, "pass", "all 42 requirements are conformant",
    1, NULL },
  { "unrated", mut_unrated, AWB_CONCLUSION_INCOMPLETE, "3.2.2-1", "incomplete", "not yet rated",
    1, NULL },
  { "all-unrated", mut_everything_unrated, AWB_CONCLUSION_INCOMPLETE, "3.1-1", "incomplete",
    "not yet rated", 42, NULL },
  { "conformant-insufficient", mut_insufficient, AWB_CONCLUSION_INCOMPLETE, "3.2.2-1",
    "incomplete", "rated conformant but the evidence is insufficient: only one method", 1, NULL },
  { "conformant-no-evidence", mut_no_evidence, AWB_CONCLUSION_INCOMPLETE, "3.2.2-1",
    "incomplete", "rated conformant without any evidence", 1, NULL },
  { "conformant-contradicted", mut_conformant_contradicted, AWB_CONCLUSION_INCOMPLETE, "3.2.2-1",
    "incomplete", "rated conformant but 1 evidence item contradicts it", 1, NULL },
  { "conformant-staff-check-fails", mut_staff_short, AWB_CONCLUSION_INCOMPLETE, "3.2.3-5",
    "incomplete", "the certified-staff check fails: 3 of 4 required: 刘洋's certificate expired "
    "2026-03-31", 1, NULL },
  { "conformant-acceptance-check-fails", mut_failed_project, AWB_CONCLUSION_INCOMPLETE,
    "3.2.6-2", "incomplete", "the failed-acceptance check fails: 1 failed acceptance", 1, NULL },
  { "check-fails-rated-nonconformant", mut_failed_project_rated_nonconformant,
    AWB_CONCLUSION_FAIL, "3.2.6-2", "fail", "rated non-conformant: 乙客户 failed acceptance", 1,
    NULL },
  { "largely-no-finding", mut_largely_no_finding, AWB_CONCLUSION_INCOMPLETE, "3.2.2-1",
    "incomplete", "without a nonconformity finding that carries a rectification action and a "
    "due date", 1, NULL },
  { "largely-observation-only", mut_largely_observation, AWB_CONCLUSION_INCOMPLETE, "3.2.2-1",
    "incomplete", "without a nonconformity finding", 1, NULL },
  { "largely-finding-no-due", mut_largely_no_due, AWB_CONCLUSION_INCOMPLETE, "3.2.2-1",
    "incomplete", "without a nonconformity finding", 1, NULL },
  { "largely-finding-no-action", mut_largely_no_action, AWB_CONCLUSION_INCOMPLETE, "3.2.2-1",
    "incomplete", "without a nonconformity finding", 1, NULL },
  { "largely-insufficient", mut_largely_insufficient, AWB_CONCLUSION_INCOMPLETE, "3.2.2-1",
    "incomplete", "rated largely conformant but the evidence is insufficient", 1, NULL },
  { "pass-after-rectification", mut_largely, AWB_CONCLUSION_PASS_AFTER_RECTIFICATION, "3.2.2-1",
    "rectification", "largely conformant; rectification due 2026-06-30: Update the records", 1,
    NULL },
  { "largely-finding-verified", mut_largely_verified, AWB_CONCLUSION_PASS_AFTER_RECTIFICATION,
    "3.2.2-1", "rectification", "due 2026-03-30", 1, NULL },
  { "overdue-is-a-notice", mut_largely_overdue, AWB_CONCLUSION_PASS_AFTER_RECTIFICATION,
    "3.2.2-1", "rectification", "due 2026-04-20", 1,
    "Rectification of 3.2.2-1 is overdue by 11 days (due 2026-04-20)" },
  { "largely-contradicted-explained", mut_largely_contradicted_explained,
    AWB_CONCLUSION_PASS_AFTER_RECTIFICATION, "3.2.2-1", "rectification", "largely conformant", 1,
    NULL },
  { "largely-contradicted-unexplained", mut_largely_contradicted_unexplained,
    AWB_CONCLUSION_INCOMPLETE, "3.2.2-1", "incomplete",
    "rated largely conformant against contradicting evidence without a rationale", 1, NULL },
  { "largely-contradicted-thin", mut_largely_contradicted_thin, AWB_CONCLUSION_INCOMPLETE,
    "3.2.2-1", "incomplete", "supporting evidence is insufficient: no document", 1, NULL },
  { "fail", mut_nonconformant, AWB_CONCLUSION_FAIL, "3.2.2-1", "fail",
    "rated non-conformant: No records kept", 1, NULL },
  { "fail-needs-no-evidence", mut_nonconformant_no_evidence, AWB_CONCLUSION_FAIL, "3.2.2-1",
    "fail", "rated non-conformant", 1, NULL },
  { "fail-beats-largely", mut_nonconformant_and_largely, AWB_CONCLUSION_FAIL, "3.2.2-1", "fail",
    "No records kept", 1, NULL },
  { "incomplete-will-fail", mut_nonconformant_and_unrated, AWB_CONCLUSION_INCOMPLETE, "3.2.2-2",
    "incomplete", "not yet rated", 2, NULL },
  { "nonconformant-contradicted-explained", mut_nonconformant_contradicted_explained,
    AWB_CONCLUSION_FAIL, "3.2.2-1", "fail", "Records are missing", 1, NULL },
  { "nonconformant-contradicted-unexplained", mut_nonconformant_contradicted_unexplained,
    AWB_CONCLUSION_INCOMPLETE, "3.2.2-1", "incomplete",
    "rated non-conformant against contradicting evidence without a rationale", 1, NULL },
  { "not-applicable-justified", mut_na_justified, AWB_CONCLUSION_PASS, NULL, "pass",
    "41 requirements are conformant and 1 not applicable", 1, NULL },
  { "not-applicable-unjustified", mut_na_unjustified, AWB_CONCLUSION_INCOMPLETE, "3.2.2-1",
    "incomplete", "rated not applicable without a justification", 1, NULL },
  { "not-applicable-not-allowed", mut_na_not_allowed, AWB_CONCLUSION_INCOMPLETE, "3.1-1",
    "incomplete", "which the catalogue does not allow", 1, NULL },
};

static void
test_conclusion (Fixture       *f,
                 gconstpointer  data)
{
  const ConclusionCase *c = data;
  g_autoptr(AwbJudgement) j = NULL;
  AwbReason *first;
  gboolean notice = FALSE;

  c->mutate (f);
  j = judge (f);

  for (guint i = 0; i < j->reasons->len; i++)
    g_test_message ("reason %s [%s]: %s", ((AwbReason *) j->reasons->pdata[i])->requirement_id,
                    ((AwbReason *) j->reasons->pdata[i])->kind,
                    ((AwbReason *) j->reasons->pdata[i])->text);
  g_assert_cmpstr (awb_conclusion_to_string (j->conclusion), ==,
                   awb_conclusion_to_string (c->conclusion));
  g_assert_cmpuint (j->reasons->len, ==, c->n_reasons);
  first = j->reasons->pdata[0];
  g_assert_cmpstr (first->requirement_id, ==, c->requirement);
  g_assert_cmpstr (first->kind, ==, c->kind);
  g_assert_nonnull (strstr (first->text, c->text));

  /* the case's lifecycle deadlines are notices too; count the rectifications' */
  for (guint i = 0; i < j->notices->len; i++)
    if (g_str_has_prefix (j->notices->pdata[i], "Rectification of "))
      {
        g_assert_nonnull (c->notice);
        g_assert_nonnull (strstr (j->notices->pdata[i], c->notice));
        g_assert_false (notice);
        notice = TRUE;
      }
  g_assert_cmpint (notice, ==, c->notice != NULL);
}

/* The lifecycle deadlines of awb-deadlines are reported beside the
 * conclusion and do not change it. */
static void
test_deadline_notices (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AwbJudgement) j = NULL;
  gboolean cycle = FALSE, breached = FALSE;

  j = judge (f);
  g_assert_cmpint (j->conclusion, ==, AWB_CONCLUSION_PASS);
  g_assert_nonnull (j->deadlines);
  g_assert_cmpuint (j->deadlines->len, >, 0);
  for (guint i = 0; i < j->notices->len; i++)
    {
      g_test_message ("notice: %s", (char *) j->notices->pdata[i]);
      cycle |= strstr (j->notices->pdata[i], "the target is 2026-07-01") != NULL;
      /* the fixture's evaluation started without agreement or payment */
      breached |= strstr (j->notices->pdata[i], "neither is the agreement in force") != NULL;
    }
  g_assert_true (cycle);
  g_assert_true (breached);
}

/* While incomplete, a non-conformant rating is listed as "will fail". */
static void
test_will_fail (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(AwbJudgement) j = NULL;
  AwbReason *second;

  mut_nonconformant_and_unrated (f);
  j = judge (f);
  g_assert_cmpuint (j->reasons->len, ==, 2);
  second = j->reasons->pdata[1];
  g_assert_cmpstr (second->requirement_id, ==, "3.2.2-1");
  g_assert_cmpstr (second->kind, ==, "will-fail");
  g_assert_nonnull (strstr (second->text, "will fail"));
  g_assert_nonnull (strstr (j->statement, "will fail: 3.2.2-1"));
}

/* The variant catalogue needs no finding for largely: the rule is data. */
static void
test_largely_rule_is_data (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AwbJudgement) j = NULL;

  awb_test_rate (f->db, f->case_id, "3.2.2-1", "largely", "");
  j = judge (f);
  g_assert_cmpint (j->conclusion, ==, AWB_CONCLUSION_PASS_AFTER_RECTIFICATION);
  g_assert_cmpstr (((AwbReason *) j->reasons->pdata[0])->text, ==, "largely conformant");
}

static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AwbJudgement) j = NULL;
  const char *expected[] = { "3.1", "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5", "3.2.6",
                             "3.3", "3.4" };
  AwbSectionCounts *s322;

  mut_largely (f);
  awb_test_rate (f->db, f->case_id, "3.2.2-2", NULL, NULL);
  remove_method (f, "3.2.2-3", "document");
  remove_method (f, "3.2.2-3", "interview");
  remove_method (f, "3.2.2-3", "demonstration");
  contradict (f);
  j = judge (f);

  g_assert_cmpuint (j->sections->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((AwbSectionCounts *) j->sections->pdata[i])->section_id, ==, expected[i]);
  s322 = j->sections->pdata[2];
  g_assert_cmpuint (s322->ratings[AWB_RATING_CONFORMANT], ==, 8);
  g_assert_cmpuint (s322->ratings[AWB_RATING_LARGELY], ==, 1);
  g_assert_cmpuint (s322->ratings[AWB_RATING_UNRATED], ==, 1);
  g_assert_cmpuint (s322->sufficiency[AWB_SUFFICIENCY_SUFFICIENT], ==, 8);
  g_assert_cmpuint (s322->sufficiency[AWB_SUFFICIENCY_CONTRADICTED], ==, 1);
  g_assert_cmpuint (s322->sufficiency[AWB_SUFFICIENCY_NONE], ==, 1);
  g_assert_cmpuint (((AwbSectionCounts *) j->sections->pdata[7])->ratings[AWB_RATING_CONFORMANT],
                    ==, 7);
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(AwbJudgement) j = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *req, *methods, *statement;
  JsonArray *reqs;

  mut_largely (f);
  j = judge (f);
  node = awb_judgement_to_json (j);
  root = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (root, "conclusion"), ==,
                   "pass-after-rectification");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root, "reasons"),
                                                    0), "requirement"), ==, "3.2.2-1");
  reqs = json_object_get_array_member (root, "requirements");
  g_assert_cmpuint (json_array_get_length (reqs), ==, 42);
  req = json_array_get_object_element (reqs, 0);
  g_assert_cmpstr (json_object_get_string_member (req, "id"), ==, "3.1-1");
  g_assert_cmpstr (json_object_get_string_member (req, "rating"), ==, "conformant");
  g_assert_cmpstr (json_object_get_string_member (req, "suggested"), ==, "conformant");
  g_assert_cmpstr (json_object_get_string_member (req, "sufficiency"), ==, "sufficient");
  methods = json_object_get_object_member (req, "methods");
  g_assert_cmpint (json_object_get_int_member (methods, "document"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (methods, "interview"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (methods, "demonstration"), ==, 1);
  g_assert_true (json_object_get_null_member (req, "missing"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sections")), ==,
                    9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "checks")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "rectifications")),
                    ==, 1);
  statement = json_object_get_object_member (root, "statement");
  g_assert_false (json_object_get_boolean_member (statement, "edited"));
  g_assert_cmpstr (json_object_get_string_member (statement, "text"), ==, j->statement);
}

/* ---- the statement ---- */

static void
test_statement_generated (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AwbJudgement) j = NULL;

  mut_largely (f);
  j = judge (f);
  g_test_message ("%s", j->statement);
  g_assert_false (j->statement_edited);
  g_assert_cmpstr (j->statement, ==, j->generated_statement);
  g_assert_nonnull (strstr (j->statement, "42 documents reviewed, 42 interviews held, "
                                          "42 demonstrations observed"));
  g_assert_nonnull (strstr (j->statement, "42 of 42 requirements are rated: 41 conformant, "
                                          "1 largely conformant"));
  g_assert_nonnull (strstr (j->statement, "Audit conclusion: Pass after rectification. Largely "
                                          "conformant, to be rectified: 3.2.2-1."));
  g_assert_nonnull (strstr (j->statement, "Open rectifications: 3.2.2-1 “Update the records” due "
                                          "2026-06-30."));
  g_assert_nonnull (strstr (j->statement, "Certified staff (3.2.3-5): 4 qualifying, 4 required"));
}

static void
test_statement_incomplete_lists_ids (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(AwbJudgement) j = judge (f);

  g_assert_nonnull (strstr (j->statement, "No evidence has been recorded."));
  g_assert_nonnull (strstr (j->statement, "42 requirements are not yet backed"));
  g_assert_nonnull (strstr (j->statement, "(3.1-1, 3.2.1-1, 3.2.1-2, 3.2.1-3, 3.2.2-1, 3.2.2-2, "
                                          "3.2.2-3, 3.2.2-4, 3.2.2-5, 3.2.2-6 and 32 more)"));
}

static void
test_statement_edit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbJudgement) j1 = NULL;
  g_autoptr(AwbJudgement) j2 = NULL;
  g_autoptr(AwbJudgement) j3 = NULL;
  g_autoptr(GPtrArray) history = NULL;
  const char *text = "经评估，申请单位满足云计算安全类一级要求。";

  g_assert_true (awb_judge_set_statement (f->db, f->case_id, text, NULL, &error));
  g_assert_no_error (error);
  j1 = judge (f);
  g_assert_true (j1->statement_edited);
  g_assert_false (j1->statement_stale);
  g_assert_cmpstr (j1->statement, ==, text);
  g_assert_cmpstr (j1->statement_decision, ==, "pass");
  g_assert_cmpstr (j1->generated_statement, !=, text);

  /* the decision moves: the edit is kept, flagged stale */
  mut_nonconformant (f);
  j2 = judge (f);
  g_assert_cmpstr (j2->statement, ==, text);
  g_assert_true (j2->statement_edited);
  g_assert_true (j2->statement_stale);

  g_assert_true (awb_judge_reset_statement (f->db, f->case_id, NULL, &error));
  g_assert_no_error (error);
  j3 = judge (f);
  g_assert_false (j3->statement_edited);
  g_assert_false (j3->statement_stale);
  g_assert_cmpstr (j3->statement, ==, j3->generated_statement);

  history = awb_history_list (f->db, f->case_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "edit-statement");
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[1])->action, ==, "reset-statement");

  /* resetting a generated statement writes nothing */
  g_assert_true (awb_judge_reset_statement (f->db, f->case_id, NULL, &error));
  g_assert_cmpuint (count_rows (f, "SELECT COUNT(*) FROM history"), ==, 2);
}

static void
test_statement_refusals (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *locked = NULL;

  g_assert_false (awb_judge_set_statement (f->db, f->case_id, "  \n", NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (awb_judge_set_statement (f->db, "nonexistent-case", "Text", NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  locked = g_strdup_printf ("UPDATE cases SET submitted_at = '2026-04-30T10:00:00Z' "
                            "WHERE id = '%s'", f->case_id);
  awb_test_sql (f->db, locked);
  g_assert_false (awb_judge_set_statement (f->db, f->case_id, "Text", NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (awb_judge_reset_statement (f->db, f->case_id, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_LOCKED);

  g_assert_cmpuint (count_rows (f, "SELECT COUNT(*) FROM cases WHERE statement IS NOT NULL"), ==,
                    0);
  g_assert_cmpuint (count_rows (f, "SELECT COUNT(*) FROM history"), ==, 0);
}

static void
test_unknown_case (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbJudgement) j = awb_judge_case (f->db, "00000000-0000", &error);

  g_assert_null (j);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
}

/* Links to requirements the catalogue does not have are not judged. */
static void
test_foreign_links (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AwbJudgement) j = NULL;
  g_autofree char *id = awb_test_evidence (f->db, f->case_id, "document", "9.9-9", "yes");

  awb_test_rate (f->db, f->case_id, "9.9-9", "conformant", "");
  j = judge (f);
  g_assert_null (awb_judgement_lookup (j, "9.9-9"));
  g_assert_cmpuint (j->requirements->len, ==, 42);
  g_assert_cmpuint (j->evidence[AWB_METHOD_DOCUMENT], ==, 1);
}

/* evidence_links repeats the item's case and method (schema triggers): an
 * item whose method changes moves its links along; deleting it drops them. */
static void
test_links_follow_evidence (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbJudgement) j1 = NULL;
  g_autoptr(AwbJudgement) j2 = NULL;
  g_autoptr(AwbJudgement) j3 = NULL;
  g_autofree char *doc = awb_test_evidence (f->db, f->case_id, "document", "3.2.1-1", "yes");
  g_autofree char *other = awb_test_evidence (f->db, f->case_id, "document", "3.2.1-1", "yes");

  _awb_database_run (f->db, &error, "INSERT INTO evidence_links (evidence_id, requirement_id, "
                     "supports, case_id, method) VALUES (?, '3.2.1-2', 'partly', 'wrong', "
                     "'interview')", "s", doc);
  g_assert_no_error (error);
  j1 = judge (f);
  g_assert_cmpuint (awb_judgement_lookup (j1, "3.2.1-1")->supporting[AWB_METHOD_DOCUMENT], ==, 2);
  g_assert_cmpuint (awb_judgement_lookup (j1, "3.2.1-2")->partly[AWB_METHOD_DOCUMENT], ==, 1);
  g_assert_cmpint (awb_judgement_lookup (j1, "3.2.1-1")->sufficiency, ==,
                   AWB_SUFFICIENCY_INSUFFICIENT);

  _awb_database_run (f->db, &error, "UPDATE evidence SET method = 'interview' WHERE id = ?", "s",
                     other);
  g_assert_no_error (error);
  j2 = judge (f);
  g_assert_cmpuint (awb_judgement_lookup (j2, "3.2.1-1")->supporting[AWB_METHOD_DOCUMENT], ==, 1);
  g_assert_cmpuint (awb_judgement_lookup (j2, "3.2.1-1")->supporting[AWB_METHOD_INTERVIEW], ==, 1);
  g_assert_cmpint (awb_judgement_lookup (j2, "3.2.1-1")->sufficiency, ==,
                   AWB_SUFFICIENCY_SUFFICIENT);

  _awb_database_run (f->db, &error, "DELETE FROM evidence WHERE id = ?", "s", doc);
  g_assert_no_error (error);
  j3 = judge (f);
  g_assert_cmpuint (awb_judgement_lookup (j3, "3.2.1-1")->n_evidence, ==, 1);
  g_assert_cmpuint (awb_judgement_lookup (j3, "3.2.1-2")->n_evidence, ==, 0);
  g_assert_cmpuint (j3->evidence[AWB_METHOD_DOCUMENT], ==, 0);
  g_assert_cmpuint (j3->evidence[AWB_METHOD_INTERVIEW], ==, 1);
}

/* ---- a large case: 100,000 evidence items in the long form ---- */

static void
test_large_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbJudgement) first = NULL;
  /* the GUI's target is a case of 100,000 items: AWB_LONG_TESTS=1 (./scripts/test --long) */
  const guint n_items = g_getenv ("AWB_LONG_TESTS") != NULL ? 100000 : 5000;
  const guint runs = 5;
  const char *methods[] = { "document", "interview", "demonstration" };
  const char *supports[] = { "yes", "yes", "yes", "partly", "yes", "yes", "yes" };
  AwbCatalogue *cat = NULL;
  guint n_req;
  gint64 start, best = G_MAXINT64, total = 0;
  clock_t cpu_start;
  gint cache_size;
  double cpu_best = G_MAXDOUBLE;
  guint linked = 0;

  {
    g_autoptr(sqlite3_stmt) ev = NULL;
    g_autoptr(sqlite3_stmt) link = NULL;
    sqlite3 *handle = _awb_database_get_handle (f->db);

    cat = _awb_case_get_catalogue (f->db, f->case_id, &error);
    g_assert_no_error (error);
    n_req = awb_catalogue_get_n_requirements (cat);

    /* a bigger cache while generating only; the judging below runs with the
     * connection's own (awb-database's) */
    cache_size = query_int (f, "PRAGMA cache_size");
    awb_test_sql (f->db, "PRAGMA cache_size = -65536");
    g_assert_true (awb_database_begin (f->db, &error));
    g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                         "INSERT INTO evidence (id, case_id, method, title, "
                                         "recorded_at, updated_at) VALUES (?, ?, ?, 'Item', "
                                         "'2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z')", -1,
                                         &ev, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                         "INSERT INTO evidence_links (evidence_id, requirement_id, "
                                         "supports) VALUES (?, ?, ?)", -1, &link, NULL), ==,
                     SQLITE_OK);
    for (guint i = 0; i < n_items; i++)
      {
        g_autofree char *id = g_uuid_string_random ();
        const char *req = awb_requirement_get_id (awb_catalogue_get_requirement (cat, i % n_req));

        sqlite3_bind_text (ev, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (ev, 2, f->case_id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (ev, 3, methods[i % 3], -1, SQLITE_STATIC);
        g_assert_cmpint (sqlite3_step (ev), ==, SQLITE_DONE);
        sqlite3_reset (ev);

        /* most items bear on one requirement, every fifth on a second one too */
        for (guint k = 0; k < (i % 5 == 0 ? 2u : 1u); k++)
          {
            const char *target =
              awb_requirement_get_id (awb_catalogue_get_requirement (cat, (i + k * 7) % n_req));

            sqlite3_bind_text (link, 1, id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text (link, 2, k == 0 ? req : target, -1, SQLITE_STATIC);
            sqlite3_bind_text (link, 3, supports[i % G_N_ELEMENTS (supports)], -1, SQLITE_STATIC);
            g_assert_cmpint (sqlite3_step (link), ==, SQLITE_DONE);
            sqlite3_reset (link);
            linked++;
          }
      }
    g_assert_true (awb_database_commit (f->db, &error));
  }
  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);
    awb_test_sql (f->db, restore);
  }
  awb_test_sql (f->db, "ANALYZE");

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(AwbJudgement) j = NULL;
      gint64 took;

      start = g_get_monotonic_time ();
      cpu_start = clock ();
      j = awb_judge_case (f->db, f->case_id, &error);
      took = g_get_monotonic_time () - start;
      cpu_best = MIN (cpu_best, (double) (clock () - cpu_start) * 1000.0 / CLOCKS_PER_SEC);
      g_assert_no_error (error);
      best = MIN (best, took);
      total += took;
      if (first == NULL)
        first = g_steal_pointer (&j);
    }
  g_test_message ("judging a case of %u evidence items (%u links, %u requirements): "
                  "wall best %.1f ms, mean %.1f ms; CPU best %.1f ms (%u runs)", n_items + 3 * n_req,
                  linked + 3 * n_req, n_req, best / 1000.0, total / 1000.0 / runs, cpu_best,
                  runs);

  {
    guint sum = 0;

    for (guint i = 0; i < first->requirements->len; i++)
      sum += ((AwbRequirementJudgement *) first->requirements->pdata[i])->n_evidence;
    g_assert_cmpuint (sum, ==, linked + 3 * n_req);
    g_assert_cmpuint (first->evidence[AWB_METHOD_DOCUMENT] + first->evidence[AWB_METHOD_INTERVIEW]
                      + first->evidence[AWB_METHOD_DEMONSTRATION], ==, n_items + 3 * n_req);
    g_assert_cmpint (first->conclusion, ==, AWB_CONCLUSION_PASS);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *xdg = awb_test_make_tmpdir ();
  int status;

  g_setenv ("AWB_TODAY", TODAY, TRUE);
  g_setenv ("AWB_USER", "Tester", TRUE);
  awb_test_install_variant_catalogue (xdg);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sufficiency_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/judge/sufficiency/%s", sufficiency_cases[i].name);
      g_test_add (path, Fixture, &sufficiency_cases[i], setup, test_sufficiency, teardown);
    }
  for (guint i = 0; i < G_N_ELEMENTS (staff_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/judge/check/staff/%s", staff_cases[i].name);
      g_test_add (path, Fixture, &staff_cases[i], setup, test_staff_check, teardown);
    }
  for (guint i = 0; i < G_N_ELEMENTS (project_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/judge/check/projects/%s", project_cases[i].name);
      g_test_add (path, Fixture, &project_cases[i], setup, test_project_check, teardown);
    }
  for (guint i = 0; i < G_N_ELEMENTS (conclusion_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/judge/conclusion/%s", conclusion_cases[i].name);
      g_test_add (path, Fixture, &conclusion_cases[i], setup_pass, test_conclusion, teardown);
    }
  g_test_add ("/judge/conclusion/will-fail-listed", Fixture, NULL, setup_pass, test_will_fail,
              teardown);
  g_test_add ("/judge/conclusion/largely-rule-is-data", Fixture, NULL, setup_variant_pass,
              test_largely_rule_is_data, teardown);
  g_test_add ("/judge/conclusion/deadline-notices", Fixture, NULL, setup_pass,
              test_deadline_notices, teardown);
  g_test_add ("/judge/sections", Fixture, NULL, setup_pass, test_sections, teardown);
  g_test_add ("/judge/json", Fixture, NULL, setup_pass, test_json, teardown);
  g_test_add ("/judge/statement/generated", Fixture, NULL, setup_pass, test_statement_generated,
              teardown);
  g_test_add ("/judge/statement/incomplete", Fixture, NULL, setup,
              test_statement_incomplete_lists_ids, teardown);
  g_test_add ("/judge/statement/edit", Fixture, NULL, setup_pass, test_statement_edit, teardown);
  g_test_add ("/judge/statement/refusals", Fixture, NULL, setup, test_statement_refusals,
              teardown);
  g_test_add ("/judge/unknown-case", Fixture, NULL, setup, test_unknown_case, teardown);
  g_test_add ("/judge/foreign-links", Fixture, NULL, setup, test_foreign_links, teardown);
  g_test_add ("/judge/links-follow-evidence", Fixture, NULL, setup, test_links_follow_evidence,
              teardown);
  g_test_add ("/judge/large-case", Fixture, NULL, setup_pass, test_large_case, teardown);

  status = g_test_run ();
  awb_test_remove_tree (xdg);
  return status;
}
