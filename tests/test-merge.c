/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "awb-assessment.h"
#include "awb-case.h"
#include "awb-error.h"
#include "awb-evidence.h"
#include "awb-finding.h"
#include "awb-merge.h"
#include "awb-package.h"
#include "awb-panel.h"
#include "awb-test-package.h"
#include "awb-test-records.h"

/* Two evaluators work on copies of one case and bring their work together:
 * merges both ways agree, conflicts are per record, resolutions are history,
 * and no change is lost or replayed. */

typedef struct
{
  char        *dir;
  AwbDatabase *leader;  /* where the case was made */
  AwbDatabase *a;       /* evaluator Li's laptop */
  AwbDatabase *b;       /* evaluator Zhao's laptop */
  char        *case_id;
  char        *licence;  /* evidence item with an attachment, edited by Li, removed by Zhao */
  char        *chart;    /* evidence item only Li edits */
} Fixture;

static char *
add_evidence (AwbDatabase *db,
              const char  *case_id,
              AwbMethod    method,
              const char  *requirement,
              const char  *title,
              const char  *attachment,
              const char  *actor)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                               awb_evidence_link_free);
  g_autoptr(GError) error = NULL;
  const char *files[] = { attachment, NULL };
  AwbEvidenceNew params = { 0 };
  char *id;

  g_ptr_array_add (links, awb_evidence_link_new (requirement, AWB_SUPPORTS_YES));
  params.method = method;
  params.title = title;
  params.links = links;
  params.attachments = attachment != NULL ? files : NULL;
  params.actor = actor;
  id = awb_evidence_add (db, case_id, &params, &error);
  g_assert_no_error (error);
  return id;
}

static void
rate (AwbDatabase *db,
      const char  *case_id,
      const char  *requirement,
      AwbRating    rating,
      const char  *rationale,
      const char  *actor)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (awb_rating_set (db, case_id, requirement, rating, rationale, actor, &error));
  g_assert_no_error (error);
}

static void
retitle (AwbDatabase *db,
         const char  *id,
         const char  *title,
         const char  *actor)
{
  g_autoptr(GError) error = NULL;
  AwbEvidenceChanges changes = { 0 };

  changes.title = title;
  changes.actor = actor;
  g_assert_true (awb_evidence_update (db, id, &changes, &error));
  g_assert_no_error (error);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scan = NULL;
  g_autofree char *p0 = NULL;
  const char *evaluators[] = { "Li", "Zhao", NULL };
  AwbCaseNew params = { 0 };

  f->dir = awb_test_make_tmpdir ();
  f->leader = pkg_open (f->dir, "leader.db");
  f->a = pkg_open (f->dir, "a.db");
  f->b = pkg_open (f->dir, "b.db");

  params.applicant = "示例云安全科技有限公司";
  params.credit_code = "91350100M000100Y43";
  params.leader = "Wang";
  params.evaluators = evaluators;
  params.actor = "Wang";
  f->case_id = awb_case_create (f->leader, &params, &error);
  g_assert_no_error (error);

  scan = g_build_filename (f->dir, "licence.pdf", NULL);
  awb_test_write_file (scan, "%PDF-1.4 business licence", -1);
  f->licence = add_evidence (f->leader, f->case_id, AWB_METHOD_DOCUMENT, "3.1-1",
                             "Business licence", scan, "Wang");
  f->chart = add_evidence (f->leader, f->case_id, AWB_METHOD_DOCUMENT, "3.2.1-1",
                           "Organisation chart", NULL, "Wang");

  /* both evaluators start from the leader's package */
  p0 = pkg_export (f->leader, f->case_id, f->dir, "p0.awbcase");
  awb_import_result_free (pkg_import (f->a, p0));
  awb_import_result_free (pkg_import (f->b, p0));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  if (f->leader != NULL)
    awb_test_assert_counts (f->leader);
  if (f->a != NULL)
    awb_test_assert_counts (f->a);
  if (f->b != NULL)
    awb_test_assert_counts (f->b);
  g_clear_object (&f->leader);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  awb_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->case_id);
  g_free (f->licence);
  g_free (f->chart);
}

/* Li adds an interview, rates 3.2.1-1 conformant, retitles the licence and
 * the chart; Zhao adds a demonstration, rates 3.2.1-1 nonconformant, removes
 * the licence and records a finding. */
static void
work_in_parallel (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *interview = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *finding = NULL;

  interview = add_evidence (f->a, f->case_id, AWB_METHOD_INTERVIEW, "3.2.1-1",
                            "Interview with the quality manager", NULL, "Li");
  rate (f->a, f->case_id, "3.2.1-1", AWB_RATING_CONFORMANT, "manual and interview agree", "Li");
  retitle (f->a, f->licence, "Business licence (2025 copy)", "Li");
  retitle (f->a, f->chart, "Organisation chart, signed", "Li");

  demo = add_evidence (f->b, f->case_id, AWB_METHOD_DEMONSTRATION, "3.2.2-1",
                       "Vulnerability scanner run live", NULL, "Zhao");
  rate (f->b, f->case_id, "3.2.1-1", AWB_RATING_NONCONFORMANT, "no quality manual", "Zhao");
  g_assert_true (awb_evidence_remove (f->b, f->licence, "Zhao", &error));
  g_assert_no_error (error);
  finding = awb_finding_add (f->b, f->case_id, "3.2.1-1", AWB_FINDING_OBSERVATION,
                             "The quality manual is a draft", NULL, NULL, "Zhao", &error);
  g_assert_no_error (error);
}

static const AwbConflict *
find_conflict (GPtrArray  *conflicts,
               const char *entity)
{
  for (guint i = 0; i < conflicts->len; i++)
    if (g_str_equal (((AwbConflict *) conflicts->pdata[i])->entity, entity))
      return conflicts->pdata[i];
  return NULL;
}

static const char *
value_member (JsonNode   *value,
              const char *member)
{
  g_assert_nonnull (value);
  return json_object_get_string_member (json_node_get_object (value), member);
}

static void
resolve (AwbDatabase     *db,
         GPtrArray       *conflicts,
         const char      *entity,
         AwbConflictSide  side)
{
  g_autoptr(GError) error = NULL;
  const AwbConflict *c = find_conflict (conflicts, entity);

  g_assert_nonnull (c);
  g_assert_true (awb_conflict_resolve (db, c->id, side, "Wang", &error));
  g_assert_no_error (error);
}

static guint
count_actions (AwbDatabase *db,
               const char  *case_id,
               const char  *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = awb_history_list (db, case_id, FALSE, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (((AwbHistoryEntry *) entries->pdata[i])->action, action))
      n++;
  return n;
}

static void
test_two_evaluators (Fixture *f, gconstpointer data)
{
  g_autofree char *pa = NULL;
  g_autofree char *pb = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *a_records = NULL;
  g_autofree char *b_records = NULL;
  g_autofree char *store_file = NULL;
  g_autoptr(AwbImportResult) into_a = NULL;
  g_autoptr(AwbImportResult) into_b = NULL;
  g_autoptr(AwbImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a_conflicts = NULL;
  g_autoptr(GPtrArray) b_conflicts = NULL;
  g_autoptr(AwbEvidence) chart = NULL;
  const AwbConflict *c;

  work_in_parallel (f);
  pa = pkg_export (f->a, f->case_id, f->dir, "li.awbcase");
  pb = pkg_export (f->b, f->case_id, f->dir, "zhao.awbcase");

  into_a = pkg_import (f->a, pb);
  into_b = pkg_import (f->b, pa);
  g_assert_false (into_a->created);
  g_assert_cmpuint (into_a->n_new_conflicts, ==, 2);
  g_assert_cmpuint (into_b->n_new_conflicts, ==, 2);
  /* Zhao's demonstration and finding came to Li; Li's interview and chart edit to Zhao */
  g_assert_cmpuint (into_a->n_added, ==, 2);
  g_assert_cmpuint (into_b->n_added, ==, 1);
  g_assert_cmpuint (into_b->n_updated, ==, 1);
  g_assert_cmpuint (into_a->n_history, >, 0);
  chart = awb_evidence_lookup (f->b, f->chart, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awb_evidence_get_title (chart), ==, "Organisation chart, signed");

  /* the two conflicts, one per record, with both values, who and when */
  a_conflicts = awb_conflict_list (f->a, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a_conflicts->len, ==, 2);
  c = find_conflict (a_conflicts, "ratings");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->key, ==, "3.2.1-1");
  g_assert_cmpstr (value_member (c->mine, "rating"), ==, "conformant");
  g_assert_cmpstr (value_member (c->theirs, "rating"), ==, "nonconformant");
  g_assert_cmpstr (c->mine_actor, ==, "Li");
  g_assert_cmpstr (c->theirs_actor, ==, "Zhao");
  g_assert_nonnull (c->mine_at);
  g_assert_nonnull (c->theirs_at);
  {
    g_auto(GStrv) fields = awb_conflict_get_differences (c);
    g_assert_true (g_strv_contains ((const char * const *) fields, "rating"));
    g_assert_false (g_strv_contains ((const char * const *) fields, "at"));
    g_assert_false (g_strv_contains ((const char * const *) fields, "actor"));
  }
  c = find_conflict (a_conflicts, "evidence");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->record_id, ==, f->licence);
  g_assert_cmpstr (value_member (c->mine, "title"), ==, "Business licence (2025 copy)");
  g_assert_null (c->theirs);  /* Zhao removed it */
  g_assert_cmpstr (c->mine_actor, ==, "Li");
  g_assert_cmpstr (c->theirs_actor, ==, "Zhao");
  {
    g_autoptr(JsonNode) node = awb_conflict_to_json (c);
    JsonObject *o = json_node_get_object (node);

    g_assert_cmpstr (json_object_get_string_member (o, "entity"), ==, "evidence");
    g_assert_cmpstr (json_object_get_string_member (o, "record"), ==, f->licence);
    g_assert_true (json_object_has_member (json_object_get_object_member (o, "mine"), "value"));
    g_assert_true (json_object_get_null_member (json_object_get_object_member (o, "theirs"),
                                                "value"));
  }

  b_conflicts = awb_conflict_list (f->b, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (b_conflicts->len, ==, 2);
  c = find_conflict (b_conflicts, "ratings");
  g_assert_cmpstr (value_member (c->mine, "rating"), ==, "nonconformant");
  g_assert_cmpstr (value_member (c->theirs, "rating"), ==, "conformant");
  c = find_conflict (b_conflicts, "evidence");
  g_assert_null (c->mine);
  g_assert_cmpstr (value_member (c->theirs, "title"), ==, "Business licence (2025 copy)");

  /* merging the same package again changes nothing at all */
  dump = awb_test_dump_database (f->a);
  again = pkg_import (f->a, pb);
  g_assert_cmpuint (again->changes->len, ==, 0);
  g_assert_cmpuint (again->n_history, ==, 0);
  g_assert_cmpuint (again->n_new_conflicts, ==, 0);
  g_assert_cmpuint (again->conflicts->len, ==, 2);
  {
    g_autofree char *after = awb_test_dump_database (f->a);
    g_assert_cmpstr (after, ==, dump);
  }

  /* the same decisions taken on both laptops: Zhao's rating, Li's licence */
  resolve (f->a, a_conflicts, "ratings", AWB_CONFLICT_THEIRS);
  resolve (f->a, a_conflicts, "evidence", AWB_CONFLICT_MINE);
  resolve (f->b, b_conflicts, "ratings", AWB_CONFLICT_MINE);
  resolve (f->b, b_conflicts, "evidence", AWB_CONFLICT_THEIRS);
  g_assert_cmpuint (count_actions (f->a, f->case_id, "resolve"), ==, 2);
  g_assert_cmpuint (count_actions (f->b, f->case_id, "resolve"), ==, 2);
  g_assert_cmpuint (count_actions (f->a, f->case_id, "merge"), ==, 1);

  a_records = pkg_case_records (f->a, f->case_id, FALSE);
  b_records = pkg_case_records (f->b, f->case_id, FALSE);
  g_assert_cmpstr (a_records, ==, b_records);
  g_assert_cmpuint (pkg_history_problems (f->a, f->case_id), ==, 0);
  g_assert_cmpuint (pkg_history_problems (f->b, f->case_id), ==, 0);

  /* the licence Zhao took back from Li's package has its file in Zhao's store */
  {
    g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (f->b);
    g_autoptr(AwbEvidence) licence = awb_evidence_lookup (f->b, f->licence, &error);
    g_autoptr(GBytes) bytes = NULL;
    AwbAttachment *a;

    g_assert_no_error (error);
    g_assert_cmpuint (awb_evidence_get_attachments (licence)->len, ==, 1);
    a = awb_evidence_get_attachments (licence)->pdata[0];
    store_file = awb_attachment_store_get_file_path (store, a->sha256);
    bytes = awb_test_read_file (store_file);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                     "%PDF-1.4 business licence", strlen ("%PDF-1.4 business licence"));
  }
}

/* After both resolved, a further exchange brings only history. */
static void
test_resolved_exchange (Fixture *f, gconstpointer data)
{
  g_autofree char *pa = NULL;
  g_autofree char *pb = NULL;
  g_autofree char *a_records = NULL;
  g_autofree char *b_records = NULL;
  g_autofree char *leader_records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  work_in_parallel (f);
  pa = pkg_export (f->a, f->case_id, f->dir, "li.awbcase");
  pb = pkg_export (f->b, f->case_id, f->dir, "zhao.awbcase");
  awb_import_result_free (pkg_import (f->a, pb));
  conflicts = awb_conflict_list (f->a, f->case_id, &error);
  g_assert_no_error (error);
  resolve (f->a, conflicts, "ratings", AWB_CONFLICT_THEIRS);
  resolve (f->a, conflicts, "evidence", AWB_CONFLICT_MINE);

  /* Zhao gets Li's merged and resolved case: Li's choices stand without new conflicts */
  g_free (pa);
  pa = pkg_export (f->a, f->case_id, f->dir, "li-2.awbcase");
  {
    g_autoptr(AwbImportResult) r = pkg_import (f->b, pa);

    g_assert_cmpuint (r->conflicts->len, ==, 0);
    g_assert_cmpuint (r->n_new_conflicts, ==, 0);
  }
  a_records = pkg_case_records (f->a, f->case_id, FALSE);
  b_records = pkg_case_records (f->b, f->case_id, FALSE);
  g_assert_cmpstr (a_records, ==, b_records);

  /* and back: nothing new for Li but Zhao's merge entry */
  g_free (pb);
  pb = pkg_export (f->b, f->case_id, f->dir, "zhao-2.awbcase");
  {
    g_autoptr(AwbImportResult) r = pkg_import (f->a, pb);

    g_assert_cmpuint (r->changes->len, ==, 0);
    g_assert_cmpuint (r->conflicts->len, ==, 0);
  }

  /* the leader, who has seen neither, takes both without a conflict */
  awb_import_result_free (pkg_import (f->leader, pb));
  leader_records = pkg_case_records (f->leader, f->case_id, FALSE);
  g_assert_cmpstr (leader_records, ==, a_records);
  g_assert_cmpuint (pkg_history_problems (f->leader, f->case_id), ==, 0);
}

/* A package that is behind (the leader's first one) reverts nothing. */
static void
test_stale_package (Fixture *f, gconstpointer data)
{
  g_autofree char *p0 = g_build_filename (f->dir, "p0.awbcase", NULL);
  g_autofree char *pa = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AwbImportResult) r = NULL;

  retitle (f->a, f->chart, "Organisation chart, signed", "Li");
  pa = pkg_export (f->a, f->case_id, f->dir, "li.awbcase");
  awb_import_result_free (pkg_import (f->leader, pa));

  before = pkg_case_records (f->leader, f->case_id, TRUE);
  r = pkg_import (f->leader, p0);
  after = pkg_case_records (f->leader, f->case_id, TRUE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (r->changes->len, ==, 0);
  g_assert_cmpuint (r->conflicts->len, ==, 0);

  /* and Zhao, still at the leader's first state, takes Li's edit from the leader */
  {
    g_autofree char *pl = pkg_export (f->leader, f->case_id, f->dir, "leader-2.awbcase");
    g_autoptr(AwbImportResult) rb = pkg_import (f->b, pl);
    g_autoptr(GError) error = NULL;
    g_autoptr(AwbEvidence) chart = awb_evidence_lookup (f->b, f->chart, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rb->n_updated, ==, 1);
    g_assert_cmpuint (rb->conflicts->len, ==, 0);
    g_assert_cmpstr (awb_evidence_get_title (chart), ==, "Organisation chart, signed");
  }
}

/* Both sides making the same change, or deleting the same record, is no conflict. */
static void
test_same_change_both_sides (Fixture *f, gconstpointer data)
{
  g_autofree char *pa = NULL;
  g_autofree char *pb = NULL;
  g_autofree char *a_records = NULL;
  g_autofree char *b_records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbImportResult) into_a = NULL;
  g_autoptr(AwbImportResult) into_b = NULL;

  rate (f->a, f->case_id, "3.1-1", AWB_RATING_CONFORMANT, "licence seen", "Li");
  rate (f->b, f->case_id, "3.1-1", AWB_RATING_CONFORMANT, "licence seen", "Zhao");
  g_assert_true (awb_evidence_remove (f->a, f->chart, "Li", &error));
  g_assert_true (awb_evidence_remove (f->b, f->chart, "Zhao", &error));
  g_assert_no_error (error);
  /* panel members meet by name */
  awb_test_lock_case (f->a, f->case_id);
  awb_test_lock_case (f->b, f->case_id);
  g_free (awb_panel_add_member (f->a, f->case_id, "Prof. Sun", "CNITSEC", AWB_PANEL_ROLE_CHAIR,
                                "Li", &error));
  g_assert_no_error (error);
  g_free (awb_panel_add_member (f->b, f->case_id, "Prof. Sun", "CNITSEC", AWB_PANEL_ROLE_CHAIR,
                                "Zhao", &error));
  g_assert_no_error (error);

  pa = pkg_export (f->a, f->case_id, f->dir, "li.awbcase");
  pb = pkg_export (f->b, f->case_id, f->dir, "zhao.awbcase");
  into_a = pkg_import (f->a, pb);
  into_b = pkg_import (f->b, pa);
  g_assert_cmpuint (into_a->conflicts->len, ==, 0);
  g_assert_cmpuint (into_b->conflicts->len, ==, 0);
  a_records = pkg_case_records (f->a, f->case_id, FALSE);
  b_records = pkg_case_records (f->b, f->case_id, FALSE);
  g_assert_cmpstr (a_records, ==, b_records);
  g_assert_nonnull (strstr (a_records, "'Prof. Sun'"));
  g_assert_null (strstr (strstr (a_records, "'Prof. Sun'") + 1, "'Prof. Sun'"));
}

/* A case with the panel takes no record changes; the refusal writes nothing. */
static void
test_locked_case_refuses (Fixture *f, gconstpointer data)
{
  g_autofree char *pa = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbImportResult) r = NULL;

  retitle (f->a, f->chart, "Organisation chart, signed", "Li");
  pa = pkg_export (f->a, f->case_id, f->dir, "li.awbcase");
  awb_test_lock_case (f->leader, f->case_id);

  dump = awb_test_dump_database (f->leader);
  r = awb_package_import (f->leader, pa, &error);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "li.awbcase"));
  g_assert_null (r);
  after = awb_test_dump_database (f->leader);
  g_assert_cmpstr (after, ==, dump);
}

/* A record Zhao deletes while Li edits it, resolved by the deletion. */
static void
test_resolve_deletion (Fixture *f, gconstpointer data)
{
  g_autofree char *pb = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(AwbEvidence) gone = NULL;

  retitle (f->a, f->licence, "Business licence (2025 copy)", "Li");
  g_assert_true (awb_evidence_remove (f->b, f->licence, "Zhao", &error));
  pb = pkg_export (f->b, f->case_id, f->dir, "zhao.awbcase");
  awb_import_result_free (pkg_import (f->a, pb));
  conflicts = awb_conflict_list (f->a, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  resolve (f->a, conflicts, "evidence", AWB_CONFLICT_THEIRS);

  gone = awb_evidence_lookup (f->a, f->licence, &error);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* deleted as the evidence module deletes: restorable from its tombstone */
  {
    g_autofree char *back = awb_evidence_restore (f->a, f->licence, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (back, ==, f->licence);
  }
  g_assert_cmpuint (pkg_history_problems (f->a, f->case_id), ==, 0);

  /* an unknown choice or conflict is refused */
  g_assert_false (awb_conflict_resolve (f->a, "00000000-dead", AWB_CONFLICT_MINE, NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/merge/two-evaluators", Fixture, NULL, setup, test_two_evaluators, teardown);
  g_test_add ("/merge/resolved-exchange", Fixture, NULL, setup, test_resolved_exchange,
              teardown);
  g_test_add ("/merge/stale-package", Fixture, NULL, setup, test_stale_package, teardown);
  g_test_add ("/merge/same-change-both-sides", Fixture, NULL, setup,
              test_same_change_both_sides, teardown);
  g_test_add ("/merge/locked-case-refuses", Fixture, NULL, setup, test_locked_case_refuses,
              teardown);
  g_test_add ("/merge/resolve-deletion", Fixture, NULL, setup, test_resolve_deletion, teardown);
  return g_test_run ();
}
