/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "awb-catalogue-registry.h"
#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-judge.h"
#include "awb-panel.h"
#include "awb-record-private.h"
#include "awb-test-records.h"
#include "awb-test-util.h"

/* The expert panel: the rule (quorum, majority, ties), submission and the
 * lock, members, reviews, votes, the recorded conclusion and the reopen. */

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
  f->db = awb_test_open_case (f->dir, data, TRUE, &f->case_id);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->case_id);
}

static guint
count_rows (Fixture    *f,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _awb_database_query (f->db, NULL, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return (guint) sqlite3_column_int (stmt, 0);
}

static char *
case_column (Fixture    *f,
             const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM cases WHERE id = ?", column);
  g_autoptr(sqlite3_stmt) stmt = _awb_database_query (f->db, NULL, sql, "s", f->case_id);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (_awb_column_text (stmt, 0));
}

static void
submit (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (awb_panel_submit (f->db, f->case_id, NULL, &error));
  g_assert_no_error (error);
}

static char *
add (Fixture      *f,
     const char   *name,
     AwbPanelRole  role)
{
  g_autoptr(GError) error = NULL;
  char *id = awb_panel_add_member (f->db, f->case_id, name, "某大学", role, NULL,
                                  &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
vote (Fixture    *f,
      const char *member,
      AwbVote     v,
      const char *comment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = awb_panel_vote (f->db, f->case_id, member, v, comment, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
}

/* ---- the rule alone ---- */

typedef struct
{
  const char         *name;
  const char         *tie;
  guint               members, pass, fail;
  AwbPanelConclusion  expected;
} RuleCase;

static const RuleCase rule_cases[] = {
  { "no-members", "fail", 0, 0, 0, AWB_PANEL_PENDING },
  { "nobody-voted", "fail", 3, 0, 0, AWB_PANEL_PENDING },
  { "one-vote-missing", "fail", 3, 2, 0, AWB_PANEL_PENDING },
  { "one-vote-missing-would-fail", "fail", 3, 0, 2, AWB_PANEL_PENDING },
  { "majority-pass", "fail", 3, 2, 1, AWB_PANEL_PASS },
  { "majority-fail", "fail", 3, 1, 2, AWB_PANEL_FAIL },
  { "unanimous-pass", "fail", 5, 5, 0, AWB_PANEL_PASS },
  { "unanimous-fail", "fail", 5, 0, 5, AWB_PANEL_FAIL },
  { "tie-fails", "fail", 4, 2, 2, AWB_PANEL_FAIL },
  { "tie-passes-when-the-rule-says", "pass", 4, 2, 2, AWB_PANEL_PASS },
  { "lone-member-pass", "fail", 1, 1, 0, AWB_PANEL_PASS },
  { "lone-member-fail", "pass", 1, 0, 1, AWB_PANEL_FAIL },
};

static void
test_rule (gconstpointer data)
{
  const RuleCase *c = data;
  AwbRules rules = { 0 };

  rules.panel_quorum_all = TRUE;
  rules.panel_majority_strict = TRUE;
  rules.panel_tie = (char *) c->tie;
  g_assert_cmpstr (awb_panel_conclusion_to_string (awb_panel_decide (&rules, c->members, c->pass,
                                                                     c->fail)), ==,
                   awb_panel_conclusion_to_string (c->expected));
}

/* ---- submission and the lock ---- */

static void
test_submit_refused_while_incomplete (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *submitted = NULL;

  awb_test_rate (f->db, f->case_id, "3.3-2", NULL, NULL);
  g_assert_false (awb_panel_submit (f->db, f->case_id, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "3.3-2: not yet rated"));
  submitted = case_column (f, "submitted_at");
  g_assert_null (submitted);
  g_assert_cmpuint (count_rows (f, "SELECT COUNT(*) FROM history"), ==, 0);
}

static void
test_submit_freezes_and_locks (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbJudgement) j = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *frozen = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *decision = NULL;
  JsonObject *root;

  g_assert_true (awb_panel_submit (f->db, f->case_id, "周经理", &error));
  g_assert_no_error (error);
  frozen = case_column (f, "team_conclusion");
  statement = case_column (f, "statement");
  decision = case_column (f, "statement_decision");
  g_assert_nonnull (frozen);
  g_assert_true (json_parser_load_from_data (parser, frozen, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "conclusion"), ==, "pass");
  g_assert_cmpstr (statement, ==,
                   json_object_get_string_member (json_object_get_object_member (root,
                                                                                 "statement"),
                                                  "text"));
  g_assert_cmpstr (decision, ==, "pass");

  /* the judgement still reads a generated statement as generated */
  j = awb_judge_case (f->db, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (j->submitted_at);
  g_assert_false (j->statement_edited);
  g_assert_false (j->statement_stale);
  g_assert_cmpstr (j->statement, ==, statement);

  /* every other action is refused */
  g_assert_false (_awb_case_require_unlocked (f->db, f->case_id, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "awb case reopen"));
  g_clear_error (&error);
  g_assert_false (awb_judge_set_statement (f->db, f->case_id, "Edited", NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (awb_panel_submit (f->db, f->case_id, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "already with the expert panel"));

  history = awb_history_list (f->db, f->case_id, TRUE, NULL);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "submit");
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->actor, ==, "周经理");
}

static void
test_panel_needs_submission (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(AwbPanel) panel = NULL;

  id = awb_panel_add_member (f->db, f->case_id, "Prof. Chen", "", AWB_PANEL_ROLE_CHAIR, NULL,
                                  &error);
  g_assert_null (id);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "awb panel submit"));
  g_clear_error (&error);

  panel = awb_panel_conclude (f->db, f->case_id, NULL, &error);
  g_assert_null (panel);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_clear_error (&error);

  /* reading is always allowed */
  panel = awb_panel_get (f->db, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_null (panel->submitted_at);
  g_assert_cmpint (panel->conclusion, ==, AWB_PANEL_PENDING);
  g_assert_cmpuint (count_rows (f, "SELECT COUNT(*) FROM history"), ==, 0);
}

/* ---- members, reviews, votes ---- */

static void
test_members (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *chair = NULL;
  g_autofree char *member = NULL;
  g_autofree char *refused = NULL;
  g_autoptr(AwbPanel) panel = NULL;

  submit (f);
  member = add (f, "李教授", AWB_PANEL_ROLE_MEMBER);
  chair = add (f, " 陈教授 ", AWB_PANEL_ROLE_CHAIR);

  refused = awb_panel_add_member (f->db, f->case_id, "李教授", NULL, AWB_PANEL_ROLE_MEMBER, NULL,
                                  &error);
  g_assert_null (refused);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
  g_clear_error (&error);
  refused = awb_panel_add_member (f->db, f->case_id, "王研究员", NULL, AWB_PANEL_ROLE_CHAIR, NULL,
                                  &error);
  g_assert_null (refused);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "陈教授"));
  g_clear_error (&error);
  refused = awb_panel_add_member (f->db, f->case_id, "   ", NULL, AWB_PANEL_ROLE_MEMBER, NULL,
                                  &error);
  g_assert_null (refused);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
  g_clear_error (&error);

  panel = awb_panel_get (f->db, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (panel->members->len, ==, 2);
  g_assert_cmpstr (((AwbPanelMember *) panel->members->pdata[0])->name, ==, "陈教授");
  g_assert_cmpint (((AwbPanelMember *) panel->members->pdata[0])->role, ==, AWB_PANEL_ROLE_CHAIR);
  g_assert_cmpstr (((AwbPanelMember *) panel->members->pdata[1])->affiliation, ==, "某大学");
  g_assert_cmpuint (count_rows (f, "SELECT COUNT(*) FROM history WHERE action = 'panel-add'"),
                    ==, 2);
}

static void
test_reviews (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *chair = NULL;
  g_autofree char *r1 = NULL;
  g_autofree char *r2 = NULL;
  g_autofree char *r3 = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(AwbPanel) panel = NULL;
  AwbPanelReview *review;

  submit (f);
  chair = add (f, "陈教授", AWB_PANEL_ROLE_CHAIR);
  prefix = g_strndup (chair, 8);

  r1 = awb_panel_review (f->db, f->case_id, "陈教授", "3.2.3", TRUE, FALSE, "人员数量存疑",
                         NULL, &error);
  g_assert_no_error (error);
  /* the same scope again, by id prefix: replaces */
  r2 = awb_panel_review (f->db, f->case_id, prefix, "3.2.3", TRUE, TRUE, "已核实",
                         NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r1, ==, r2);
  r3 = awb_panel_review (f->db, f->case_id, chair, NULL, TRUE, TRUE, NULL,
                         NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r3, !=, r1);

  bad = awb_panel_review (f->db, f->case_id, "陈教授", "3.9", TRUE, TRUE, NULL,
                         NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "3.9"));
  g_clear_error (&error);
  bad = awb_panel_review (f->db, f->case_id, "Nobody", "3.1", TRUE, TRUE, NULL,
                         NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "the members are: 陈教授"));
  g_clear_error (&error);

  panel = awb_panel_get (f->db, f->case_id, &error);
  g_assert_cmpuint (panel->reviews->len, ==, 2);
  review = panel->reviews->pdata[0];
  g_assert_cmpstr (review->scope, ==, "3.2.3");
  g_assert_true (review->reasonable);
  g_assert_cmpstr (review->comment, ==, "已核实");
  g_assert_cmpstr (((AwbPanelReview *) panel->reviews->pdata[1])->scope, ==, "overall");
  g_assert_cmpuint (count_rows (f, "SELECT rev FROM panel_reviews WHERE scope = '3.2.3'"), ==, 2);
  g_assert_cmpuint (count_rows (f, "SELECT COUNT(*) FROM history WHERE action = 'panel-review'"),
                    ==, 3);
}

static void
test_votes_and_conclusion (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *refused = NULL, *concluded = NULL;
  g_autoptr(AwbPanel) pending = NULL;
  g_autoptr(AwbPanel) done = NULL;
  g_autoptr(AwbPanel) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint history_before;
  JsonObject *root;
  JsonArray *dissent;

  submit (f);
  a = add (f, "陈教授", AWB_PANEL_ROLE_CHAIR);
  b = add (f, "李教授", AWB_PANEL_ROLE_MEMBER);
  c = add (f, "王研究员", AWB_PANEL_ROLE_MEMBER);

  /* voting needs no review; a vote may change until the conclusion is recorded */
  vote (f, "陈教授", AWB_VOTE_FAIL, NULL);
  vote (f, "陈教授", AWB_VOTE_PASS, "证据充分");
  vote (f, "李教授", AWB_VOTE_FAIL, "3.2.3-5 人员证书存疑");

  history_before = count_rows (f, "SELECT COUNT(*) FROM history");
  pending = awb_panel_conclude (f->db, f->case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pending->conclusion, ==, AWB_PANEL_PENDING);
  g_assert_false (pending->recorded);
  g_assert_cmpuint (pending->dissent->len, ==, 0);
  g_assert_cmpuint (count_rows (f, "SELECT COUNT(*) FROM history"), ==, history_before);
  concluded = case_column (f, "panel_conclusion");
  g_assert_null (concluded);

  vote (f, c, AWB_VOTE_PASS, "");
  done = awb_panel_conclude (f->db, f->case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (done->conclusion, ==, AWB_PANEL_PASS);
  g_assert_true (done->recorded);
  g_assert_cmpuint (done->n_pass, ==, 2);
  g_assert_cmpuint (done->n_fail, ==, 1);
  g_assert_cmpuint (done->dissent->len, ==, 1);
  g_assert_cmpstr (((AwbPanelMember *) done->dissent->pdata[0])->name, ==, "李教授");
  g_clear_pointer (&concluded, g_free);
  concluded = case_column (f, "panel_conclusion");
  g_assert_cmpstr (concluded, ==, "pass");

  node = awb_panel_to_json (done);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "conclusion"), ==, "pass");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "votes")), ==, 3);
  dissent = json_object_get_array_member (root, "dissent");
  g_assert_cmpuint (json_array_get_length (dissent), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (dissent, 0),
                                                  "comment"), ==, "3.2.3-5 人员证书存疑");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (dissent, 0),
                                                  "vote"), ==, "fail");

  /* recorded: the panel's record is closed, concluding again writes nothing */
  refused = awb_panel_vote (f->db, f->case_id, "李教授", AWB_VOTE_PASS, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "was recorded"));
  g_clear_error (&error);
  refused = awb_panel_review (f->db, f->case_id, "李教授", NULL, TRUE, TRUE, NULL,
                         NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_clear_error (&error);
  refused = awb_panel_add_member (f->db, f->case_id, "赵教授", NULL, AWB_PANEL_ROLE_MEMBER, NULL,
                                  &error);
  g_assert_null (refused);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_clear_error (&error);
  history_before = count_rows (f, "SELECT COUNT(*) FROM history");
  again = awb_panel_conclude (f->db, f->case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again->recorded);
  g_assert_cmpint (again->conclusion, ==, AWB_PANEL_PASS);
  g_assert_cmpuint (count_rows (f, "SELECT COUNT(*) FROM history"), ==, history_before);
  g_assert_cmpuint (count_rows (f, "SELECT COUNT(*) FROM history WHERE action = 'panel-vote'"),
                    ==, 4);
}

/* A tie fails under the shipped rule and passes under the variant's. */
static void
test_tie (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(AwbPanel) panel = NULL;
  gboolean variant = data != NULL;

  submit (f);
  a = add (f, "陈教授", AWB_PANEL_ROLE_CHAIR);
  b = add (f, "李教授", AWB_PANEL_ROLE_MEMBER);
  vote (f, a, AWB_VOTE_PASS, NULL);
  vote (f, b, AWB_VOTE_FAIL, "不同意");
  panel = awb_panel_conclude (f->db, f->case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (panel->conclusion, ==, variant ? AWB_PANEL_PASS : AWB_PANEL_FAIL);
  g_assert_cmpuint (panel->dissent->len, ==, 1);
  g_assert_cmpstr (((AwbPanelMember *) panel->dissent->pdata[0])->name, ==,
                   variant ? "李教授" : "陈教授");
}

/* ---- reopen ---- */

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *submitted = NULL, *frozen = NULL, *concluded = NULL, *statement = NULL;
  g_autoptr(AwbPanel) panel = NULL;
  g_autoptr(AwbPanel) after = NULL;
  g_autoptr(GPtrArray) history = NULL;
  AwbHistoryEntry *entry;

  g_assert_false (awb_panel_reopen (f->db, f->case_id, "Missing material", NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "not with the expert panel"));
  g_clear_error (&error);

  submit (f);
  a = add (f, "陈教授", AWB_PANEL_ROLE_CHAIR);
  vote (f, a, AWB_VOTE_FAIL, "证据不足");
  panel = awb_panel_conclude (f->db, f->case_id, NULL, &error);
  g_assert_cmpint (panel->conclusion, ==, AWB_PANEL_FAIL);

  g_assert_false (awb_panel_reopen (f->db, f->case_id, "  ", NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (awb_panel_reopen (f->db, f->case_id, NULL, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (awb_panel_reopen (f->db, f->case_id, "专家组要求补充 3.2.3-5 材料", NULL, &error));
  g_assert_no_error (error);
  submitted = case_column (f, "submitted_at");
  frozen = case_column (f, "team_conclusion");
  concluded = case_column (f, "panel_conclusion");
  statement = case_column (f, "statement");
  g_assert_null (submitted);
  g_assert_null (frozen);
  g_assert_null (concluded);
  g_assert_null (statement);   /* it was generated: generated again */

  history = awb_history_list (f->db, f->case_id, TRUE, NULL);
  entry = history->pdata[0];
  g_assert_cmpstr (entry->action, ==, "reopen");
  g_assert_nonnull (strstr (entry->after, "专家组要求补充 3.2.3-5 材料"));

  /* unlocked again; panel actions need a new submission; votes stay */
  g_assert_true (_awb_case_require_unlocked (f->db, f->case_id, &error));
  g_assert_no_error (error);
  g_assert_null (awb_panel_vote (f->db, f->case_id, a, AWB_VOTE_PASS, NULL, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_REFUSED);
  g_clear_error (&error);

  submit (f);
  after = awb_panel_get (f->db, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_false (after->recorded);
  g_assert_cmpuint (after->n_fail, ==, 1);
  vote (f, a, AWB_VOTE_PASS, "材料已补充");
  g_clear_pointer (&after, awb_panel_free);
  after = awb_panel_conclude (f->db, f->case_id, NULL, &error);
  g_assert_cmpint (after->conclusion, ==, AWB_PANEL_PASS);
}

/* An edited statement is frozen as it is and kept through a reopen. */
static void
test_reopen_keeps_edited_statement (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbJudgement) j = NULL;
  g_autofree char *statement = NULL;
  const char *text = "申请单位满足全部要求。";

  g_assert_true (awb_judge_set_statement (f->db, f->case_id, text, NULL, &error));
  submit (f);
  statement = case_column (f, "statement");
  g_assert_cmpstr (statement, ==, text);
  j = awb_judge_case (f->db, f->case_id, &error);
  g_assert_true (j->statement_edited);
  g_clear_pointer (&j, awb_judgement_free);

  g_assert_true (awb_panel_reopen (f->db, f->case_id, "Typo in a rating", NULL, &error));
  g_clear_pointer (&statement, g_free);
  statement = case_column (f, "statement");
  g_assert_cmpstr (statement, ==, text);
  j = awb_judge_case (f->db, f->case_id, &error);
  g_assert_true (j->statement_edited);
  g_assert_false (j->statement_stale);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *xdg = awb_test_make_tmpdir ();
  int status;

  g_setenv ("AWB_TODAY", "2026-05-01", TRUE);
  g_setenv ("AWB_USER", "Tester", TRUE);
  awb_test_install_variant_catalogue (xdg);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/panel/rule/%s", rule_cases[i].name);
      g_test_add_data_func (path, &rule_cases[i], test_rule);
    }
  g_test_add ("/panel/submit/refused-while-incomplete", Fixture, NULL, setup,
              test_submit_refused_while_incomplete, teardown);
  g_test_add ("/panel/submit/freezes-and-locks", Fixture, NULL, setup,
              test_submit_freezes_and_locks, teardown);
  g_test_add ("/panel/needs-submission", Fixture, NULL, setup, test_panel_needs_submission,
              teardown);
  g_test_add ("/panel/members", Fixture, NULL, setup, test_members, teardown);
  g_test_add ("/panel/reviews", Fixture, NULL, setup, test_reviews, teardown);
  g_test_add ("/panel/votes-and-conclusion", Fixture, NULL, setup, test_votes_and_conclusion,
              teardown);
  g_test_add ("/panel/tie/shipped-rule-fails", Fixture, NULL, setup, test_tie, teardown);
  g_test_add ("/panel/tie/variant-rule-passes", Fixture, AWB_TEST_VARIANT_CATALOGUE, setup,
              test_tie, teardown);
  g_test_add ("/panel/reopen", Fixture, NULL, setup, test_reopen, teardown);
  g_test_add ("/panel/reopen-keeps-edited-statement", Fixture, NULL, setup,
              test_reopen_keeps_edited_statement, teardown);

  status = g_test_run ();
  awb_test_remove_tree (xdg);
  return status;
}
