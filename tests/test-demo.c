/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "awb-case.h"
#include "awb-demo.h"
#include "awb-evidence.h"
#include "awb-finding.h"
#include "awb-history.h"
#include "awb-judge.h"
#include "awb-test-util.h"

/* The demo case of the first run: an ordinary case built through the core,
 * marked is_demo, showing every state a first-time user should see. */

static void
test_demo (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) db = awb_database_open (path, &error);
  g_autofree char *id = NULL;
  g_autoptr(AwbCase) kase = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(AwbJudgement) judgement = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const AwbRequirementJudgement *j;
  guint methods[AWB_N_METHODS] = { 0 };

  g_assert_no_error (error);
  id = awb_demo_create (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);

  kase = awb_case_lookup (db, id, &error);
  g_assert_no_error (error);
  g_assert_true (awb_case_get_is_demo (kase));
  g_assert_cmpint (awb_case_get_stage (kase), ==, AWB_STAGE_EVALUATION);
  g_assert_nonnull (awb_case_get_leader (kase));

  /* a few items of each method */
  evidence = awb_evidence_list (db, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 13);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(AwbEvidence) item = g_list_model_get_item (evidence, i);

      methods[awb_evidence_get_method (item)]++;
    }
  for (guint m = 0; m < AWB_N_METHODS; m++)
    g_assert_cmpuint (methods[m], >=, 2);
  findings = awb_finding_list (db, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);

  /* every state can be seen: backed, contradicted, insufficient, unrated */
  judgement = awb_judge_case (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (judgement->conclusion, ==, AWB_CONCLUSION_INCOMPLETE);
  j = awb_judgement_lookup (judgement, "3.3-2");
  g_assert_cmpint (j->rating, ==, AWB_RATING_CONFORMANT);
  g_assert_cmpint (j->sufficiency, ==, AWB_SUFFICIENCY_SUFFICIENT);
  g_assert_true (j->backed);
  j = awb_judgement_lookup (judgement, "3.3-5");
  g_assert_cmpint (j->sufficiency, ==, AWB_SUFFICIENCY_CONTRADICTED);
  g_assert_false (j->backed);
  j = awb_judgement_lookup (judgement, "3.4-1");
  g_assert_cmpint (j->sufficiency, ==, AWB_SUFFICIENCY_INSUFFICIENT);
  g_assert_cmpint (j->rating, ==, AWB_RATING_UNRATED);
  g_assert_true (judgement->staff_check.passed);
  g_assert_true (judgement->acceptance_check.passed);

  /* an ordinary case: its history verifies */
  g_assert_true (awb_history_verify (db, id, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_object (&db);
  awb_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/create", test_demo);
  return g_test_run ();
}
