/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-judge"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-judge.h"
#include "awb-catalogue.h"
#include "awb-dates.h"
#include "awb-deadlines.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-record-private.h"

/* The judgement of a case, recomputed from the record on every call: the
 * sufficiency of the evidence per requirement, the two quantitative checks,
 * whether each rating is backed, the audit conclusion with its reasons, the
 * per-section counts, deadline notices and the conclusion statement.
 *
 * Every threshold comes from the catalogue's "rules" section. The evidence is
 * read as counts kept by triggers (schema-2.sql), so that the GUI can refresh
 * the conclusion after each edit of a case with 100,000 evidence items. The
 * rules are written out, with a worked example, in docs/rules.md. */

/* The three ways an item can bear on a requirement, indexed like AwbSupports. */
typedef struct
{
  guint counts[AWB_N_METHODS][AWB_N_SUPPORTS];
} EvidenceCounts;

typedef struct
{
  AwbDatabase    *db;
  AwbCatalogue   *catalogue;
  const AwbRules *rules;
  AwbJudgement   *judgement;
  GHashTable     *by_id;        /* requirement id → AwbRequirementJudgement* (borrowed) */
  EvidenceCounts *evidence;     /* per requirement, in catalogue order */
  GHashTable     *dates;        /* case date kind → date */
  char           *frozen;       /* cases.team_conclusion */
} Work;

static const char * const sufficiency_names[AWB_N_SUFFICIENCIES] = {
  "none", "insufficient", "sufficient", "contradicted"
};

static const char * const conclusion_names[] = {
  "incomplete", "fail", "pass-after-rectification", "pass"
};

/* ---- small helpers ---- */

static const char *
method_noun (AwbMethod method)
{
  switch (method)
    {
    case AWB_METHOD_DOCUMENT:
      return _("document");
    case AWB_METHOD_INTERVIEW:
      return _("interview");
    case AWB_METHOD_DEMONSTRATION:
      return _("demonstration");
    case AWB_N_METHODS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
no_method (AwbMethod method)
{
  switch (method)
    {
    case AWB_METHOD_DOCUMENT:
      return _("no document");
    case AWB_METHOD_INTERVIEW:
      return _("no interview");
    case AWB_METHOD_DEMONSTRATION:
      return _("no demonstration");
    case AWB_N_METHODS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
finding_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "observation") == 0)
    return _("observation");
  return _("nonconformity");
}

static const char *
check_label (const char *check)
{
  if (g_strcmp0 (check, "certified-staff") == 0)
    return _("Certified staff");
  return _("Failed acceptances");
}

/* How words and sentences are joined is the translation's business too:
 * Chinese joins with full-width punctuation and no spaces. */
static const char *
list_separator (void)
{
  return C_("list separator", ", ");
}

static const char *
item_separator (void)
{
  return C_("item separator", "; ");
}

/* items (char*) joined with separator; NULL for none */
static char *
join (GPtrArray  *items,
      const char *separator)
{
  GString *s;

  if (items->len == 0)
    return NULL;
  s = g_string_new (items->pdata[0]);
  for (guint i = 1; i < items->len; i++)
    {
      g_string_append (s, separator);
      g_string_append (s, items->pdata[i]);
    }
  return g_string_free (s, FALSE);
}

/* "a, b, c" or "a, b, c and 3 more" */
static char *
join_ids (GPtrArray *ids,
          guint      limit)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; i < ids->len && i < limit; i++)
    g_ptr_array_add (first, ids->pdata[i]);
  list = join (first, list_separator ());
  if (ids->len <= limit)
    return g_steal_pointer (&list);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                       ids->len - limit), list, ids->len - limit);
}

/* "3 of 4 required" + ": " + the items joined */
static char *
with_details (const char *head,
              GPtrArray  *details)
{
  g_autofree char *list = join (details, item_separator ());

  if (list == NULL)
    return g_strdup (head);
  return g_strdup_printf (C_("figures", "%s: %s"), head, list);
}

static void
requirement_judgement_free (AwbRequirementJudgement *rj)
{
  g_free (rj->requirement_id);
  g_free (rj->section_id);
  g_free (rj->rationale);
  g_free (rj->suggested);
  g_free (rj->missing);
  g_free (rj->problem);
  g_free (rj);
}

static void
reason_free (AwbReason *reason)
{
  g_free (reason->requirement_id);
  g_free (reason->text);
  g_free (reason);
}

static void
section_counts_free (AwbSectionCounts *counts)
{
  g_free (counts->section_id);
  g_free (counts);
}

static void
rectification_free (AwbRectification *rect)
{
  g_free (rect->finding_id);
  g_free (rect->requirement_id);
  g_free (rect->kind);
  g_free (rect->action);
  g_free (rect->due);
  g_free (rect->status);
  g_free (rect);
}

static void
check_result_clear (AwbCheckResult *check)
{
  g_clear_pointer (&check->check, g_free);
  g_clear_pointer (&check->requirement_id, g_free);
  g_clear_pointer (&check->figures, g_free);
  g_clear_pointer (&check->date_kind, g_free);
  g_clear_pointer (&check->date, g_free);
}

static void
add_reason (AwbJudgement *j,
            const char   *requirement_id,
            const char   *kind,
            char         *text)
{
  AwbReason *reason = g_new0 (AwbReason, 1);

  reason->requirement_id = g_strdup (requirement_id);
  reason->kind = kind;
  reason->text = text;
  g_ptr_array_add (j->reasons, reason);
}

/* ---- reading the record ---- */

static gboolean
load_case (Work        *w,
           const char  *case_id,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AwbJudgement *j = w->judgement;
  int rc;

  stmt = _awb_database_query (w->db, error,
                              "SELECT submitted_at, statement, statement_decision, "
                              "team_conclusion FROM cases WHERE id = ?", "s", case_id);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (w->db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No case “%s”"), case_id);
  if (rc != SQLITE_ROW)
    return FALSE;
  j->submitted_at = g_strdup (_awb_column_text (stmt, 0));
  j->statement = g_strdup (_awb_column_text (stmt, 1));
  j->statement_decision = g_strdup (_awb_column_text (stmt, 2));
  w->frozen = g_strdup (_awb_column_text (stmt, 3));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _awb_database_query (w->db, error, "SELECT kind, date FROM case_dates WHERE case_id = ?",
                              "s", case_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _awb_database_step (w->db, stmt, error)) == SQLITE_ROW)
    g_hash_table_insert (w->dates, g_strdup (_awb_column_text (stmt, 0)),
                         g_strdup (_awb_column_text (stmt, 1)));
  return rc == SQLITE_DONE;
}

/* The set-based heart: the counts of the case's links per requirement, method
 * and support, and of its items per method, which triggers keep up to date on
 * every write (schema-2.sql): a few hundred rows whatever the size of the case. */
static gboolean
count_evidence (Work        *w,
                const char  *case_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AwbJudgement *j = w->judgement;
  int rc;

  stmt = _awb_database_query (w->db, error,
                              "SELECT requirement_id, method, supports, n "
                              "FROM evidence_link_counts WHERE case_id = ?", "s", case_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _awb_database_step (w->db, stmt, error)) == SQLITE_ROW)
    {
      gpointer index;
      AwbMethod method;
      AwbSupports supports;

      /* links to requirements of another catalogue version are not ours to judge */
      if (!g_hash_table_lookup_extended (w->by_id, _awb_column_text (stmt, 0), NULL, &index) ||
          !awb_method_from_string (_awb_column_text (stmt, 1), &method) ||
          !awb_supports_from_string (_awb_column_text (stmt, 2), &supports))
        continue;
      w->evidence[GPOINTER_TO_UINT (index)].counts[method][supports] +=
        (guint) sqlite3_column_int64 (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _awb_database_query (w->db, error,
                              "SELECT method, n FROM evidence_counts WHERE case_id = ?", "s",
                              case_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _awb_database_step (w->db, stmt, error)) == SQLITE_ROW)
    {
      AwbMethod method;

      if (awb_method_from_string (_awb_column_text (stmt, 0), &method))
        j->evidence[method] = (guint) sqlite3_column_int64 (stmt, 1);
    }
  return rc == SQLITE_DONE;
}

static gboolean
load_ratings (Work        *w,
              const char  *case_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (w->db, error,
                              "SELECT requirement_id, rating, rationale FROM ratings "
                              "WHERE case_id = ?", "s", case_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _awb_database_step (w->db, stmt, error)) == SQLITE_ROW)
    {
      gpointer index;
      AwbRequirementJudgement *rj;

      if (!g_hash_table_lookup_extended (w->by_id, _awb_column_text (stmt, 0), NULL, &index))
        continue;
      rj = w->judgement->requirements->pdata[GPOINTER_TO_UINT (index)];
      if (!awb_rating_from_string (_awb_column_text (stmt, 1), &rj->rating))
        rj->rating = AWB_RATING_UNRATED;
      g_free (rj->rationale);
      rj->rationale = g_strdup (_awb_column_text (stmt, 2));
    }
  return rc == SQLITE_DONE;
}

static gboolean
load_findings (Work        *w,
               const char  *case_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AwbJudgement *j = w->judgement;
  int rc;

  stmt = _awb_database_query (w->db, error,
                              "SELECT id, requirement_id, kind, action, due, status FROM findings "
                              "WHERE case_id = ? AND action IS NOT NULL AND TRIM (action) != '' "
                              "ORDER BY due IS NULL, due, requirement_id, created_at", "s",
                              case_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _awb_database_step (w->db, stmt, error)) == SQLITE_ROW)
    {
      AwbRectification *rect = g_new0 (AwbRectification, 1);

      rect->finding_id = g_strdup (_awb_column_text (stmt, 0));
      rect->requirement_id = g_strdup (_awb_column_text (stmt, 1));
      rect->kind = g_strdup (_awb_column_text (stmt, 2));
      rect->action = g_strdup (_awb_column_text (stmt, 3));
      rect->due = g_strdup (_awb_column_text (stmt, 4));
      rect->status = g_strdup (_awb_column_text (stmt, 5));
      if (rect->due != NULL && !awb_date_string_valid (rect->due))
        g_clear_pointer (&rect->due, g_free);
      rect->overdue = rect->due != NULL && g_str_equal (rect->status, "open") &&
                      strcmp (rect->due, j->today) < 0;
      g_ptr_array_add (j->rectifications, rect);
    }
  return rc == SQLITE_DONE;
}

/* The date a check is computed for: the case date the rule names, or today. */
static void
check_date (Work           *w,
            const char     *kind,
            AwbCheckResult *check)
{
  const char *date = g_hash_table_lookup (w->dates, kind);

  check->date_kind = g_strdup (kind);
  check->date_set = date != NULL && awb_date_string_valid (date);
  check->date = g_strdup (check->date_set ? date : w->judgement->today);
}

/* 3.2.3-5: people (by name, each once) in the staff register holding a
 * certificate valid on the date (valid_until inclusive), full-time if the
 * rule says so. */
static gboolean
check_staff (Work        *w,
             const char  *case_id,
             GError     **error)
{
  const AwbRules *rules = w->rules;
  AwbCheckResult *check = &w->judgement->staff_check;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) excluded = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *person = NULL;
  g_autofree char *latest_full_time = NULL;  /* latest valid_until on a full-time row */
  gboolean person_qualifies = FALSE;
  gboolean person_full_time = FALSE;
  gboolean more = TRUE;
  g_autofree char *head = NULL;
  int rc;

  check->check = g_strdup ("certified-staff");
  check->requirement_id = g_strdup (rules->staff_requirement);
  check->limit = rules->staff_minimum;
  check_date (w, rules->staff_date, check);

  stmt = _awb_database_query (w->db, error,
                              "SELECT TRIM (name), full_time, valid_until FROM staff "
                              "WHERE case_id = ? ORDER BY TRIM (name), valid_until", "s", case_id);
  if (stmt == NULL)
    return FALSE;

  /* rows come grouped by person; a person is settled when the name changes */
  while (more)
    {
      const char *name = NULL;
      gboolean full_time = FALSE;
      const char *valid_until = NULL;

      rc = _awb_database_step (w->db, stmt, error);
      if (rc == SQLITE_ROW)
        {
          name = _awb_column_text (stmt, 0);
          full_time = sqlite3_column_int (stmt, 1) != 0;
          valid_until = _awb_column_text (stmt, 2);
        }
      else if (rc == SQLITE_DONE)
        more = FALSE;
      else
        return FALSE;

      if (person != NULL && (name == NULL || !g_str_equal (name, person)))
        {
          if (person_qualifies)
            check->count++;
          else if (rules->staff_full_time_only && !person_full_time)
            g_ptr_array_add (excluded, g_strdup_printf (_("%s is not full-time"), person));
          else
            g_ptr_array_add (excluded, g_strdup_printf (_("%s's certificate expired %s"), person,
                                                        latest_full_time));
          g_clear_pointer (&person, g_free);
        }
      if (name == NULL)
        continue;
      if (person == NULL)
        {
          person = g_strdup (name);
          person_qualifies = FALSE;
          person_full_time = FALSE;
          g_clear_pointer (&latest_full_time, g_free);
        }
      if (full_time || !rules->staff_full_time_only)
        {
          person_full_time = TRUE;
          g_free (latest_full_time);
          latest_full_time = g_strdup (valid_until);
          if (valid_until != NULL && strcmp (valid_until, check->date) >= 0)
            person_qualifies = TRUE;
        }
    }

  check->passed = check->count >= check->limit;
  head = check->passed ? g_strdup_printf (_("%u qualifying, %u required"), check->count,
                                          check->limit)
                       : g_strdup_printf (_("%u of %u required"), check->count, check->limit);
  check->figures = with_details (head, excluded);
  return TRUE;
}

/* 3.2.6-2: projects with a failed acceptance whose end date lies within the
 * rule's years before the date, both ends inclusive. */
static gboolean
check_acceptance (Work        *w,
                  const char  *case_id,
                  GError     **error)
{
  const AwbRules *rules = w->rules;
  AwbCheckResult *check = &w->judgement->acceptance_check;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL;
  g_autofree char *head = NULL;
  GDate start;
  int rc;

  check->check = g_strdup ("failed-acceptance");
  check->requirement_id = g_strdup (rules->acceptance_requirement);
  check->limit = rules->acceptance_maximum_failed;
  check_date (w, rules->acceptance_date, check);

  awb_date_parse (check->date, &start, NULL);
  awb_date_add_years (&start, -(int) rules->acceptance_years);
  from = awb_date_format (&start);

  stmt = _awb_database_query (w->db, error,
                              "SELECT client, service, to_date FROM projects "
                              "WHERE case_id = ? AND accepted = 0 AND to_date BETWEEN ? AND ? "
                              "ORDER BY to_date, client", "sss", case_id, from, check->date);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _awb_database_step (w->db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (failed, g_strdup_printf (_("%s, %s, ended %s"), _awb_column_text (stmt, 0),
                                              _awb_column_text (stmt, 1),
                                              _awb_column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    return FALSE;

  check->count = failed->len;
  check->passed = check->count <= check->limit;
  if (check->count == 0)
    head = g_strdup_printf (_("no failed acceptance between %s and %s"), from, check->date);
  else
    head = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u failed acceptance between %s and %s (at most %u "
                                         "allowed)",
                                         "%u failed acceptances between %s and %s (at most %u "
                                         "allowed)", check->count),
                            check->count, from, check->date, check->limit);
  check->figures = with_details (head, failed);
  return TRUE;
}

/* ---- judging one requirement ---- */

/* What the supporting items lack against the rule, or NULL when they meet it. */
static char *
supporting_gaps (const AwbRules                *rules,
                 AwbRequirement                *req,
                 const AwbRequirementJudgement *rj)
{
  guint required = awb_requirement_get_methods (req);
  guint min_methods = awb_requirement_get_min_methods (req);
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func (g_free);
  guint distinct = 0;
  guint missing_required = 0;
  gboolean direct = FALSE;
  gboolean direct_named = FALSE;

  for (guint m = 0; m < AWB_N_METHODS; m++)
    if (rj->supporting[m] > 0)
      {
        distinct++;
        if (rules->direct_methods & AWB_METHOD_BIT (m))
          direct = TRUE;
      }
  if (distinct == 0)
    return g_strdup (_("no supporting evidence"));

  for (guint m = 0; m < AWB_N_METHODS; m++)
    if ((required & AWB_METHOD_BIT (m)) && rj->supporting[m] == 0)
      {
        g_ptr_array_add (gaps, g_strdup (no_method ((AwbMethod) m)));
        missing_required++;
        if (rules->direct_methods & AWB_METHOD_BIT (m))
          direct_named = TRUE;
      }
  /* "only one method" only when adding the missing required methods would not be enough */
  if (distinct + missing_required < min_methods)
    {
      if (distinct == 1)
        g_ptr_array_add (gaps, g_strdup (_("only one method")));
      else
        g_ptr_array_add (gaps, g_strdup_printf (_("only %u of %u methods"), distinct,
                                                min_methods));
    }
  if (!direct && !direct_named)
    {
      GString *names = g_string_new (NULL);

      for (guint m = 0; m < AWB_N_METHODS; m++)
        if (rules->direct_methods & AWB_METHOD_BIT (m))
          {
            if (names->len > 0)
              g_string_append (names, C_("alternatives", " or "));
            g_string_append (names, method_noun ((AwbMethod) m));
          }
      g_ptr_array_add (gaps, g_strdup_printf (_("no direct work product (%s)"), names->str));
      g_string_free (names, TRUE);
    }
  return join (gaps, item_separator ());
}

static void
judge_evidence (Work                    *w,
                AwbRequirement          *req,
                AwbRequirementJudgement *rj,
                const EvidenceCounts    *counts)
{
  const AwbRules *rules = w->rules;
  guint partly_total = 0;
  const char *suggested;

  for (guint m = 0; m < AWB_N_METHODS; m++)
    {
      rj->supporting[m] = counts->counts[m][AWB_SUPPORTS_YES];
      rj->partly[m] = counts->counts[m][AWB_SUPPORTS_PARTLY];
      if (rules->supporting_partly)
        {
          rj->supporting[m] += rj->partly[m];
          partly_total += rj->partly[m];
        }
      rj->contradicting += counts->counts[m][AWB_SUPPORTS_NO];
      for (guint s = 0; s < AWB_N_SUPPORTS; s++)
        rj->n_evidence += counts->counts[m][s];
    }

  if (rj->n_evidence == 0)
    {
      rj->sufficiency = AWB_SUFFICIENCY_NONE;
      rj->missing = g_strdup (_("no evidence"));
    }
  else
    {
      rj->missing = supporting_gaps (rules, req, rj);
      if (rj->contradicting > 0)
        rj->sufficiency = AWB_SUFFICIENCY_CONTRADICTED;
      else if (rj->missing != NULL)
        rj->sufficiency = AWB_SUFFICIENCY_INSUFFICIENT;
      else
        rj->sufficiency = AWB_SUFFICIENCY_SUFFICIENT;
    }

  switch (rj->sufficiency)
    {
    case AWB_SUFFICIENCY_CONTRADICTED:
      suggested = rules->suggest_contradicted;
      break;
    case AWB_SUFFICIENCY_SUFFICIENT:
      suggested = partly_total > 0 ? rules->suggest_with_partly : rules->suggest_all_yes;
      break;
    case AWB_SUFFICIENCY_NONE:
    case AWB_SUFFICIENCY_INSUFFICIENT:
    case AWB_N_SUFFICIENCIES:
    default:
      suggested = rules->suggest_insufficient;
      break;
    }
  rj->suggested = g_strdup (suggested);
}

static const AwbRectification *
qualifying_finding (Work       *w,
                    const char *requirement_id)
{
  GPtrArray *rects = w->judgement->rectifications;

  for (guint i = 0; i < rects->len; i++)
    {
      const AwbRectification *rect = rects->pdata[i];

      if (g_str_equal (rect->requirement_id, requirement_id) &&
          g_strcmp0 (rect->kind, w->rules->finding_kind) == 0 && rect->due != NULL)
        return rect;
    }
  return NULL;
}

static const AwbCheckResult *
check_of (Work                          *w,
          const AwbRequirementJudgement *rj)
{
  if (g_strcmp0 (rj->check, "certified-staff") == 0)
    return &w->judgement->staff_check;
  if (g_strcmp0 (rj->check, "failed-acceptance") == 0)
    return &w->judgement->acceptance_check;
  return NULL;
}

/* Why the evidence does not back a conformant or largely rating, or NULL. */
static char *
evidence_problem (AwbRequirementJudgement *rj,
                  const char              *rating)
{
  switch (rj->sufficiency)
    {
    case AWB_SUFFICIENCY_NONE:
      return g_strdup_printf (_("rated %s without any evidence"), rating);
    case AWB_SUFFICIENCY_INSUFFICIENT:
      return g_strdup_printf (_("rated %s but the evidence is insufficient: %s"), rating,
                              rj->missing);
    case AWB_SUFFICIENCY_SUFFICIENT:
    case AWB_SUFFICIENCY_CONTRADICTED:
    case AWB_N_SUFFICIENCIES:
    default:
      return NULL;
    }
}

/* Sets rj->backed and rj->problem (see docs/rules.md, "Backed ratings"). */
static void
judge_backing (Work                    *w,
               AwbRequirement          *req,
               AwbRequirementJudgement *rj)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gboolean explained = !_awb_text_is_blank (rj->rationale);
  const AwbCheckResult *check = check_of (w, rj);
  char *problem;

  switch (rj->rating)
    {
    case AWB_RATING_UNRATED:
      g_ptr_array_add (problems, g_strdup (_("not yet rated")));
      break;

    case AWB_RATING_NOT_APPLICABLE:
      if (!awb_requirement_get_na_allowed (req))
        g_ptr_array_add (problems,
                         g_strdup (_("rated not applicable, which the catalogue does not allow "
                                     "for this requirement")));
      else if (!explained)
        g_ptr_array_add (problems, g_strdup (_("rated not applicable without a justification")));
      break;

    case AWB_RATING_CONFORMANT:
      if (rj->sufficiency == AWB_SUFFICIENCY_CONTRADICTED)
        g_ptr_array_add (problems,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "rated conformant but %u evidence item "
                                                       "contradicts it",
                                                       "rated conformant but %u evidence items "
                                                       "contradict it", rj->contradicting),
                                          rj->contradicting));
      else if ((problem = evidence_problem (rj, _("conformant"))) != NULL)
        g_ptr_array_add (problems, problem);
      if (check != NULL && !check->passed)
        g_ptr_array_add (problems, g_strdup_printf (_("rated conformant but the %s check fails: "
                                                      "%s"), rj->check, check->figures));
      break;

    case AWB_RATING_LARGELY:
      if (rj->sufficiency == AWB_SUFFICIENCY_CONTRADICTED)
        {
          if (!explained)
            g_ptr_array_add (problems,
                             g_strdup (_("rated largely conformant against contradicting "
                                         "evidence without a rationale")));
          if (rj->missing != NULL)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("rated largely conformant but the supporting "
                                                "evidence is insufficient: %s"), rj->missing));
        }
      else if ((problem = evidence_problem (rj, _("largely conformant"))) != NULL)
        g_ptr_array_add (problems, problem);
      if (w->rules->largely_needs_finding && qualifying_finding (w, rj->requirement_id) == NULL)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("rated largely conformant without a %s finding that "
                                            "carries a rectification action and a due date"),
                                          finding_kind_label (w->rules->finding_kind)));
      break;

    case AWB_RATING_NONCONFORMANT:
      if (rj->sufficiency == AWB_SUFFICIENCY_CONTRADICTED && !explained)
        g_ptr_array_add (problems,
                         g_strdup (_("rated non-conformant against contradicting evidence "
                                     "without a rationale")));
      break;

    case AWB_N_RATINGS:
    default:
      g_assert_not_reached ();
    }

  rj->backed = problems->len == 0;
  rj->problem = join (problems, item_separator ());
}

/* ---- the case ---- */

static void
conclude (Work *w)
{
  AwbJudgement *j = w->judgement;
  gboolean incomplete = FALSE, nonconformant = FALSE, largely = FALSE;
  guint n_conformant = 0, n_na = 0;

  for (guint i = 0; i < j->requirements->len; i++)
    {
      AwbRequirementJudgement *rj = j->requirements->pdata[i];

      if (!rj->backed)
        incomplete = TRUE;
      else if (rj->rating == AWB_RATING_NONCONFORMANT)
        nonconformant = TRUE;
      else if (rj->rating == AWB_RATING_LARGELY)
        largely = TRUE;
      else if (rj->rating == AWB_RATING_CONFORMANT)
        n_conformant++;
      else if (rj->rating == AWB_RATING_NOT_APPLICABLE)
        n_na++;
    }

  if (incomplete)
    {
      j->conclusion = AWB_CONCLUSION_INCOMPLETE;
      for (guint i = 0; i < j->requirements->len; i++)
        {
          AwbRequirementJudgement *rj = j->requirements->pdata[i];

          if (!rj->backed)
            add_reason (j, rj->requirement_id, "incomplete", g_strdup (rj->problem));
        }
      for (guint i = 0; i < j->requirements->len; i++)
        {
          AwbRequirementJudgement *rj = j->requirements->pdata[i];

          if (rj->backed && rj->rating == AWB_RATING_NONCONFORMANT)
            add_reason (j, rj->requirement_id, "will-fail",
                        g_strdup (_("rated non-conformant: the case will fail")));
        }
    }
  else if (nonconformant)
    {
      j->conclusion = AWB_CONCLUSION_FAIL;
      for (guint i = 0; i < j->requirements->len; i++)
        {
          AwbRequirementJudgement *rj = j->requirements->pdata[i];

          if (rj->rating != AWB_RATING_NONCONFORMANT)
            continue;
          add_reason (j, rj->requirement_id, "fail",
                      _awb_text_is_blank (rj->rationale)
                        ? g_strdup (_("rated non-conformant"))
                        : g_strdup_printf (_("rated non-conformant: %s"), rj->rationale));
        }
    }
  else if (largely)
    {
      j->conclusion = AWB_CONCLUSION_PASS_AFTER_RECTIFICATION;
      for (guint i = 0; i < j->requirements->len; i++)
        {
          AwbRequirementJudgement *rj = j->requirements->pdata[i];
          const AwbRectification *rect;

          if (rj->rating != AWB_RATING_LARGELY)
            continue;
          rect = qualifying_finding (w, rj->requirement_id);
          if (rect != NULL)
            add_reason (j, rj->requirement_id, "rectification",
                        g_strdup_printf (_("largely conformant; rectification due %s: %s"),
                                         rect->due, rect->action));
          else
            add_reason (j, rj->requirement_id, "rectification",
                        g_strdup (_("largely conformant")));
        }
    }
  else
    {
      j->conclusion = AWB_CONCLUSION_PASS;
      if (n_na == 0)
        add_reason (j, NULL, "pass",
                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "the %u requirement is conformant",
                                                  "all %u requirements are conformant",
                                                  n_conformant), n_conformant));
      else
        add_reason (j, NULL, "pass",
                    g_strdup_printf (_("%u requirements are conformant and %u not applicable "
                                       "with a justification"), n_conformant, n_na));
    }
}

static void
count_sections (Work *w)
{
  AwbJudgement *j = w->judgement;
  GListModel *sections = awb_catalogue_get_sections (w->catalogue);
  g_autoptr(GHashTable) by_section = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AwbSection) section = g_list_model_get_item (sections, i);
      AwbSectionCounts *counts;

      if (!awb_section_is_leaf (section))
        continue;
      counts = g_new0 (AwbSectionCounts, 1);
      counts->section_id = g_strdup (awb_section_get_id (section));
      g_ptr_array_add (j->sections, counts);
      g_hash_table_insert (by_section, counts->section_id, counts);
    }

  for (guint i = 0; i < j->requirements->len; i++)
    {
      AwbRequirementJudgement *rj = j->requirements->pdata[i];
      AwbSectionCounts *counts = g_hash_table_lookup (by_section, rj->section_id);

      if (counts == NULL)
        continue;
      counts->ratings[rj->rating]++;
      counts->sufficiency[rj->sufficiency]++;
    }
}

/* Deadlines are reported beside the conclusion and never change it: the
 * overdue rectifications, the checks computed for today for want of a case
 * date, and the case's lifecycle deadlines (supplement period, project
 * cycle, maintenance) from awb-deadlines that are running or missed. */
static void
collect_notices (Work *w)
{
  AwbJudgement *j = w->judgement;
  const AwbCheckResult *checks[] = { &j->staff_check, &j->acceptance_check };

  for (guint i = 0; i < j->deadlines->len; i++)
    {
      const AwbDeadline *d = j->deadlines->pdata[i];

      if (d->state >= AWB_DEADLINE_DUE)
        g_ptr_array_add (j->notices, g_strdup (d->text));
    }

  for (guint i = 0; i < j->rectifications->len; i++)
    {
      const AwbRectification *rect = j->rectifications->pdata[i];
      GDate due, today;

      if (!rect->overdue)
        continue;
      awb_date_parse (rect->due, &due, NULL);
      awb_date_parse (j->today, &today, NULL);
      g_ptr_array_add (j->notices,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Rectification of %s is overdue by %d day "
                                                     "(due %s): %s",
                                                     "Rectification of %s is overdue by %d days "
                                                     "(due %s): %s",
                                                     (gulong) awb_date_days_between (&due, &today)),
                                        rect->requirement_id, awb_date_days_between (&due, &today),
                                        rect->due, rect->action));
    }

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (!checks[i]->date_set)
      g_ptr_array_add (j->notices,
                       g_strdup_printf (_("The %s check (%s) was computed for today, %s: the case "
                                          "has no “%s” date yet"), checks[i]->check,
                                        checks[i]->requirement_id, checks[i]->date,
                                        checks[i]->date_kind));
}

/* The statement as it stands: an edited one is kept (and frozen with the
 * case when it goes to the panel); stale when the decision has moved on. */
static void
settle_statement (Work *w)
{
  AwbJudgement *j = w->judgement;

  j->generated_statement = awb_judgement_generate_statement (j);
  if (j->statement == NULL)
    {
      j->statement = g_strdup (j->generated_statement);
      j->statement_edited = FALSE;
      j->statement_stale = FALSE;
      return;
    }

  j->statement_edited = TRUE;
  if (j->submitted_at != NULL && w->frozen != NULL)
    {
      /* submission froze the statement; it is the leader's own only if it was edited then */
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, w->frozen, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *root = json_node_get_object (json_parser_get_root (parser));
          JsonObject *statement = json_object_get_object_member (root, "statement");

          if (statement != NULL && json_object_has_member (statement, "edited"))
            j->statement_edited = json_object_get_boolean_member (statement, "edited");
        }
    }
  j->statement_stale = g_strcmp0 (j->statement_decision,
                                  awb_conclusion_to_string (j->conclusion)) != 0;
}

/* ---- public ---- */

const char *
awb_sufficiency_to_string (AwbSufficiency sufficiency)
{
  g_return_val_if_fail (sufficiency < AWB_N_SUFFICIENCIES, NULL);
  return sufficiency_names[sufficiency];
}

const char *
awb_sufficiency_label (AwbSufficiency sufficiency)
{
  switch (sufficiency)
    {
    case AWB_SUFFICIENCY_NONE:
      return _("No evidence");
    case AWB_SUFFICIENCY_INSUFFICIENT:
      return _("Evidence insufficient");
    case AWB_SUFFICIENCY_SUFFICIENT:
      return _("Evidence sufficient");
    case AWB_SUFFICIENCY_CONTRADICTED:
      return _("Contradicted");
    case AWB_N_SUFFICIENCIES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
awb_conclusion_to_string (AwbConclusion conclusion)
{
  g_return_val_if_fail (conclusion <= AWB_CONCLUSION_PASS, NULL);
  return conclusion_names[conclusion];
}

const char *
awb_conclusion_label (AwbConclusion conclusion)
{
  switch (conclusion)
    {
    case AWB_CONCLUSION_INCOMPLETE:
      return _("Incomplete");
    case AWB_CONCLUSION_FAIL:
      return _("Fail");
    case AWB_CONCLUSION_PASS_AFTER_RECTIFICATION:
      return _("Pass after rectification");
    case AWB_CONCLUSION_PASS:
      return _("Pass");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Judges the case (its id or a unique prefix) against its own catalogue version. */
AwbJudgement *
awb_judge_case (AwbDatabase *db,
                const char  *case_id,
                GError     **error)
{
  g_autoptr(AwbJudgement) j = NULL;
  g_autofree char *full_id = NULL;
  g_autofree EvidenceCounts *evidence = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) dates = NULL;
  Work w = { 0 };
  guint n;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  full_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (full_id == NULL)
    return NULL;

  w.db = db;
  w.catalogue = _awb_case_get_catalogue (db, full_id, error);
  if (w.catalogue == NULL)
    return NULL;
  w.rules = awb_catalogue_get_rules (w.catalogue);

  j = g_new0 (AwbJudgement, 1);
  j->case_id = g_strdup (full_id);
  j->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) reason_free);
  j->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) requirement_judgement_free);
  j->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_counts_free);
  j->notices = g_ptr_array_new_with_free_func (g_free);
  j->rectifications = g_ptr_array_new_with_free_func ((GDestroyNotify) rectification_free);
  j->today = awb_date_today_string ();
  w.judgement = j;

  n = awb_catalogue_get_n_requirements (w.catalogue);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  evidence = g_new0 (EvidenceCounts, n);
  dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.by_id = by_id;
  w.evidence = evidence;
  w.dates = dates;

  for (guint i = 0; i < n; i++)
    {
      AwbRequirement *req = awb_catalogue_get_requirement (w.catalogue, i);
      AwbRequirementJudgement *rj = g_new0 (AwbRequirementJudgement, 1);

      rj->requirement_id = g_strdup (awb_requirement_get_id (req));
      rj->section_id = g_strdup (awb_requirement_get_section (req));
      rj->rating = AWB_RATING_UNRATED;
      rj->rationale = g_strdup ("");
      rj->check = awb_requirement_get_check (req);
      g_ptr_array_add (j->requirements, rj);
      g_hash_table_insert (by_id, rj->requirement_id, GUINT_TO_POINTER (i));
    }

  j->deadlines = awb_deadlines_for_case (db, full_id, error);
  ok = j->deadlines != NULL &&
       load_case (&w, full_id, error) &&
       count_evidence (&w, full_id, error) &&
       load_ratings (&w, full_id, error) &&
       load_findings (&w, full_id, error) &&
       check_staff (&w, full_id, error) &&
       check_acceptance (&w, full_id, error);
  if (!ok)
    {
      g_free (w.frozen);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      AwbRequirement *req = awb_catalogue_get_requirement (w.catalogue, i);

      judge_evidence (&w, req, j->requirements->pdata[i], &evidence[i]);
      judge_backing (&w, req, j->requirements->pdata[i]);
    }
  conclude (&w);
  count_sections (&w);
  collect_notices (&w);
  settle_statement (&w);
  g_free (w.frozen);

  return g_steal_pointer (&j);
}

void
awb_judgement_free (AwbJudgement *judgement)
{
  if (judgement == NULL)
    return;
  g_free (judgement->case_id);
  g_clear_pointer (&judgement->reasons, g_ptr_array_unref);
  g_clear_pointer (&judgement->requirements, g_ptr_array_unref);
  g_clear_pointer (&judgement->sections, g_ptr_array_unref);
  g_clear_pointer (&judgement->notices, g_ptr_array_unref);
  g_clear_pointer (&judgement->rectifications, g_ptr_array_unref);
  g_clear_pointer (&judgement->deadlines, g_ptr_array_unref);
  check_result_clear (&judgement->staff_check);
  check_result_clear (&judgement->acceptance_check);
  g_free (judgement->statement);
  g_free (judgement->generated_statement);
  g_free (judgement->statement_decision);
  g_free (judgement->today);
  g_free (judgement->submitted_at);
  g_free (judgement);
}

const AwbRequirementJudgement *
awb_judgement_lookup (AwbJudgement *judgement,
                      const char   *requirement_id)
{
  g_return_val_if_fail (judgement != NULL, NULL);

  for (guint i = 0; i < judgement->requirements->len; i++)
    {
      const AwbRequirementJudgement *rj = judgement->requirements->pdata[i];

      if (g_strcmp0 (rj->requirement_id, requirement_id) == 0)
        return rj;
    }
  return NULL;
}

/* The project team's conclusion statement (项目审核结论), generated from the data. */
char *
awb_judgement_generate_statement (AwbJudgement *j)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) failing = g_ptr_array_new ();
  guint ratings[AWB_N_RATINGS] = { 0 };
  guint total = 0;
  char *text;

  g_return_val_if_fail (j != NULL, NULL);

  /* the methods used */
  if (j->evidence[AWB_METHOD_DOCUMENT] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document reviewed",
                                                          "%u documents reviewed",
                                                          j->evidence[AWB_METHOD_DOCUMENT]),
                                             j->evidence[AWB_METHOD_DOCUMENT]));
  if (j->evidence[AWB_METHOD_INTERVIEW] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u interview held",
                                                          "%u interviews held",
                                                          j->evidence[AWB_METHOD_INTERVIEW]),
                                             j->evidence[AWB_METHOD_INTERVIEW]));
  if (j->evidence[AWB_METHOD_DEMONSTRATION] > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u demonstration observed",
                                                   "%u demonstrations observed",
                                                   j->evidence[AWB_METHOD_DEMONSTRATION]),
                                      j->evidence[AWB_METHOD_DEMONSTRATION]));
  for (guint m = 0; m < AWB_N_METHODS; m++)
    total += j->evidence[m];
  if (total == 0)
    g_ptr_array_add (sentences, g_strdup (_("No evidence has been recorded.")));
  else
    {
      g_autofree char *list = join (parts, list_separator ());

      g_ptr_array_add (sentences,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "The project team based its assessment on "
                                                     "%u evidence item: %s.",
                                                     "The project team based its assessment on "
                                                     "%u evidence items: %s.", total),
                                        total, list));
    }

  /* the ratings */
  for (guint i = 0; i < j->requirements->len; i++)
    ratings[((AwbRequirementJudgement *) j->requirements->pdata[i])->rating]++;
  g_ptr_array_add (sentences,
                   g_strdup_printf (_("%u of %u requirements are rated: %u conformant, %u largely "
                                      "conformant, %u non-conformant, %u not applicable."),
                                    j->requirements->len - ratings[AWB_RATING_UNRATED],
                                    j->requirements->len, ratings[AWB_RATING_CONFORMANT],
                                    ratings[AWB_RATING_LARGELY], ratings[AWB_RATING_NONCONFORMANT],
                                    ratings[AWB_RATING_NOT_APPLICABLE]));

  /* the checks */
  g_ptr_array_add (sentences,
                   g_strdup_printf (_("%s (%s): %s. %s (%s): %s."),
                                    check_label (j->staff_check.check),
                                    j->staff_check.requirement_id, j->staff_check.figures,
                                    check_label (j->acceptance_check.check),
                                    j->acceptance_check.requirement_id,
                                    j->acceptance_check.figures));

  /* the decision and the requirements driving it */
  for (guint i = 0; i < j->reasons->len; i++)
    {
      AwbReason *reason = j->reasons->pdata[i];

      if (g_strcmp0 (reason->kind, "will-fail") == 0)
        g_ptr_array_add (failing, reason->requirement_id);
      else if (reason->requirement_id != NULL)
        g_ptr_array_add (ids, reason->requirement_id);
    }
  {
    g_autofree char *list = join_ids (ids, 10);

    switch (j->conclusion)
      {
      case AWB_CONCLUSION_INCOMPLETE:
        g_ptr_array_add (sentences,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "The assessment is not complete: %u "
                                                       "requirement is not yet backed by a rating "
                                                       "on sufficient evidence (%s).",
                                                       "The assessment is not complete: %u "
                                                       "requirements are not yet backed by a "
                                                       "rating on sufficient evidence (%s).",
                                                       ids->len), ids->len, list));
        if (failing->len > 0)
          {
            g_autofree char *failing_list = join_ids (failing, 10);

            g_ptr_array_add (sentences,
                             g_strdup_printf (_("Rated non-conformant, so the case will fail: "
                                                "%s."), failing_list));
          }
        break;
      case AWB_CONCLUSION_FAIL:
        g_ptr_array_add (sentences,
                         g_strdup_printf (_("Audit conclusion: %s. Non-conformant: %s."),
                                          awb_conclusion_label (j->conclusion), list));
        break;
      case AWB_CONCLUSION_PASS_AFTER_RECTIFICATION:
        g_ptr_array_add (sentences,
                         g_strdup_printf (_("Audit conclusion: %s. Largely conformant, to be "
                                            "rectified: %s."),
                                          awb_conclusion_label (j->conclusion), list));
        break;
      case AWB_CONCLUSION_PASS:
      default:
        g_ptr_array_add (sentences,
                         g_strdup_printf (_("Audit conclusion: %s. Every requirement is "
                                            "conformant or justifiably not applicable."),
                                          awb_conclusion_label (j->conclusion)));
        break;
      }
  }

  /* open rectifications */
  for (guint i = 0; i < j->rectifications->len; i++)
    {
      const AwbRectification *rect = j->rectifications->pdata[i];

      if (!g_str_equal (rect->status, "open"))
        continue;
      if (rect->due != NULL)
        g_ptr_array_add (open, g_strdup_printf (_("%s “%s” due %s"), rect->requirement_id,
                                                rect->action, rect->due));
      else
        g_ptr_array_add (open, g_strdup_printf (_("%s “%s” without a due date"),
                                                rect->requirement_id, rect->action));
    }
  if (open->len > 0)
    {
      g_autofree char *list = join (open, item_separator ());

      g_ptr_array_add (sentences, g_strdup_printf (_("Open rectifications: %s."), list));
    }

  /* "A. B." — Chinese puts no space between sentences */
  text = g_strdup (sentences->pdata[0]);
  for (guint i = 1; i < sentences->len; i++)
    {
      char *joined = g_strdup_printf (C_("sentences", "%s %s"), text, (char *) sentences->pdata[i]);

      g_free (text);
      text = joined;
    }
  return text;
}

static void
add_check_json (JsonBuilder          *b,
                const AwbCheckResult *check)
{
  json_builder_begin_object (b);
  _awb_json_add_string (b, "check", check->check);
  _awb_json_add_string (b, "requirement", check->requirement_id);
  json_builder_set_member_name (b, "passed");
  json_builder_add_boolean_value (b, check->passed);
  json_builder_set_member_name (b, "count");
  json_builder_add_int_value (b, check->count);
  json_builder_set_member_name (b, "limit");
  json_builder_add_int_value (b, check->limit);
  _awb_json_add_string (b, "date_kind", check->date_kind);
  _awb_json_add_string (b, "date", check->date);
  json_builder_set_member_name (b, "date_set");
  json_builder_add_boolean_value (b, check->date_set);
  _awb_json_add_string (b, "figures", check->figures);
  json_builder_end_object (b);
}

static void
add_methods_json (JsonBuilder *b,
                  const guint *per_method)
{
  json_builder_begin_object (b);
  for (guint m = 0; m < AWB_N_METHODS; m++)
    {
      json_builder_set_member_name (b, awb_method_to_string ((AwbMethod) m));
      json_builder_add_int_value (b, per_method[m]);
    }
  json_builder_end_object (b);
}

/* The judgement as JSON (the shape is documented in docs/rules.md). */
JsonNode *
awb_judgement_to_json (AwbJudgement *j)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (j != NULL, NULL);

  json_builder_begin_object (b);
  _awb_json_add_string (b, "case", j->case_id);
  _awb_json_add_string (b, "conclusion", awb_conclusion_to_string (j->conclusion));
  _awb_json_add_string (b, "label", awb_conclusion_label (j->conclusion));
  _awb_json_add_string (b, "today", j->today);
  _awb_json_add_string (b, "submitted_at", j->submitted_at);

  json_builder_set_member_name (b, "reasons");
  json_builder_begin_array (b);
  for (guint i = 0; i < j->reasons->len; i++)
    {
      AwbReason *reason = j->reasons->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "requirement", reason->requirement_id);
      _awb_json_add_string (b, "kind", reason->kind);
      _awb_json_add_string (b, "text", reason->text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "requirements");
  json_builder_begin_array (b);
  for (guint i = 0; i < j->requirements->len; i++)
    {
      AwbRequirementJudgement *rj = j->requirements->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "id", rj->requirement_id);
      _awb_json_add_string (b, "section", rj->section_id);
      _awb_json_add_string (b, "rating", awb_rating_to_string (rj->rating));
      _awb_json_add_string (b, "rationale", rj->rationale);
      _awb_json_add_string (b, "suggested", rj->suggested);
      _awb_json_add_string (b, "sufficiency", awb_sufficiency_to_string (rj->sufficiency));
      _awb_json_add_string (b, "missing", rj->missing);
      json_builder_set_member_name (b, "methods");
      add_methods_json (b, rj->supporting);
      json_builder_set_member_name (b, "partly");
      add_methods_json (b, rj->partly);
      json_builder_set_member_name (b, "contradicting");
      json_builder_add_int_value (b, rj->contradicting);
      json_builder_set_member_name (b, "evidence");
      json_builder_add_int_value (b, rj->n_evidence);
      _awb_json_add_string (b, "check", rj->check);
      json_builder_set_member_name (b, "backed");
      json_builder_add_boolean_value (b, rj->backed);
      _awb_json_add_string (b, "problem", rj->problem);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; i < j->sections->len; i++)
    {
      AwbSectionCounts *counts = j->sections->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "id", counts->section_id);
      json_builder_set_member_name (b, "ratings");
      json_builder_begin_object (b);
      for (guint r = 0; r < AWB_N_RATINGS; r++)
        {
          json_builder_set_member_name (b, awb_rating_to_string ((AwbRating) r));
          json_builder_add_int_value (b, counts->ratings[r]);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "sufficiency");
      json_builder_begin_object (b);
      for (guint s = 0; s < AWB_N_SUFFICIENCIES; s++)
        {
          json_builder_set_member_name (b, awb_sufficiency_to_string ((AwbSufficiency) s));
          json_builder_add_int_value (b, counts->sufficiency[s]);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "checks");
  json_builder_begin_array (b);
  add_check_json (b, &j->staff_check);
  add_check_json (b, &j->acceptance_check);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "evidence");
  add_methods_json (b, j->evidence);

  json_builder_set_member_name (b, "rectifications");
  json_builder_begin_array (b);
  for (guint i = 0; i < j->rectifications->len; i++)
    {
      AwbRectification *rect = j->rectifications->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "finding", rect->finding_id);
      _awb_json_add_string (b, "requirement", rect->requirement_id);
      _awb_json_add_string (b, "kind", rect->kind);
      _awb_json_add_string (b, "action", rect->action);
      _awb_json_add_string (b, "due", rect->due);
      _awb_json_add_string (b, "status", rect->status);
      json_builder_set_member_name (b, "overdue");
      json_builder_add_boolean_value (b, rect->overdue);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "deadlines");
  json_builder_add_value (b, awb_deadlines_to_json (j->deadlines));

  json_builder_set_member_name (b, "notices");
  json_builder_begin_array (b);
  for (guint i = 0; i < j->notices->len; i++)
    json_builder_add_string_value (b, j->notices->pdata[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "statement");
  json_builder_begin_object (b);
  _awb_json_add_string (b, "text", j->statement);
  json_builder_set_member_name (b, "edited");
  json_builder_add_boolean_value (b, j->statement_edited);
  json_builder_set_member_name (b, "stale");
  json_builder_add_boolean_value (b, j->statement_stale);
  _awb_json_add_string (b, "decision", j->statement_decision);
  _awb_json_add_string (b, "generated", j->generated_statement);
  json_builder_end_object (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
write_statement (AwbDatabase *db,
                 const char  *case_id,
                 const char  *text,
                 const char  *actor,
                 GError     **error)
{
  g_autofree char *full_id = NULL;
  g_autoptr(AwbJudgement) j = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *now = NULL;

  full_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (full_id == NULL)
    return FALSE;

  if (!awb_database_begin (db, error))
    return FALSE;
  if (!_awb_case_require_unlocked (db, full_id, error) ||
      (j = awb_judge_case (db, full_id, error)) == NULL ||
      (before = _awb_database_row_json (db, "cases", "id", full_id, error)) == NULL)
    goto fail;

  /* nothing to reset is not a change */
  if (text == NULL && !j->statement_edited)
    {
      awb_database_rollback (db);
      return TRUE;
    }

  now = awb_timestamp_now ();
  if (!_awb_database_run (db, error,
                          "UPDATE cases SET statement = ?, statement_decision = ?, "
                          "rev = rev + 1, updated_at = ? WHERE id = ?", "ssss", text,
                          text != NULL ? awb_conclusion_to_string (j->conclusion) : NULL, now,
                          full_id) ||
      (after = _awb_database_row_json (db, "cases", "id", full_id, error)) == NULL ||
      !awb_history_append (db, full_id, actor,
                           text != NULL ? "edit-statement" : "reset-statement",
                           "case", full_id, before, after, error) ||
      !awb_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  awb_database_rollback (db);
  return FALSE;
}

gboolean
awb_judge_set_statement (AwbDatabase *db,
                         const char  *case_id,
                         const char  *text,
                         const char  *actor,
                         GError     **error)
{
  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || _awb_text_is_blank (text))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The statement “%s” is empty or not UTF-8 text; write the statement, or "
                     "reset it to the generated one with --reset"),
                   text != NULL && g_utf8_validate (text, -1, NULL) ? text : "");
      return FALSE;
    }
  return write_statement (db, case_id, text, actor, error);
}

gboolean
awb_judge_reset_statement (AwbDatabase *db,
                           const char  *case_id,
                           const char  *actor,
                           GError     **error)
{
  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);
  return write_statement (db, case_id, NULL, actor, error);
}
