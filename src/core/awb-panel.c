/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-panel"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-panel.h"
#include "awb-catalogue.h"
#include "awb-dates.h"
#include "awb-enum-private.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-judge.h"
#include "awb-record-private.h"

/* The expert panel's part of a case. Submission freezes the project team's
 * judgement and statement in the case row and sets cases.submitted_at, which
 * is the lock every other action checks (_awb_case_require_unlocked). Panel
 * actions need that lock; once the panel conclusion is recorded, members,
 * reviews and votes are closed until the case is reopened. */

static const char * const role_names[] = { "member", "chair" };
static const char * const vote_names[] = { "none", "pass", "fail" };
static const char * const panel_conclusion_names[] = { "pending", "pass", "fail" };

/* ---- small helpers ---- */

static void
member_free (AwbPanelMember *member)
{
  g_free (member->id);
  g_free (member->name);
  g_free (member->affiliation);
  g_free (member->vote_comment);
  g_free (member->voted_at);
  g_free (member);
}

static void
review_free (AwbPanelReview *review)
{
  g_free (review->id);
  g_free (review->member_id);
  g_free (review->member);
  g_free (review->scope);
  g_free (review->comment);
  g_free (review->at);
  g_free (review);
}

static gboolean
panel_conclusion_from_string (const char         *text,
                              AwbPanelConclusion *out)
{
  guint i;

  if (!_awb_enum_from_string (panel_conclusion_names, G_N_ELEMENTS (panel_conclusion_names), text, &i))
    return FALSE;
  *out = (AwbPanelConclusion) i;
  return TRUE;
}

typedef struct
{
  char *applicant;
  char *submitted_at;
  char *panel_conclusion;
  char *concluded_at;
  char *team_conclusion;
  char *statement;
} CaseRow;

static void
case_row_clear (CaseRow *row)
{
  g_clear_pointer (&row->applicant, g_free);
  g_clear_pointer (&row->submitted_at, g_free);
  g_clear_pointer (&row->panel_conclusion, g_free);
  g_clear_pointer (&row->concluded_at, g_free);
  g_clear_pointer (&row->team_conclusion, g_free);
  g_clear_pointer (&row->statement, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaseRow, case_row_clear)

static gboolean
read_case (AwbDatabase *db,
           const char  *case_id,
           CaseRow     *row,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT applicant, submitted_at, panel_conclusion, "
                              "panel_concluded_at, team_conclusion, statement "
                              "FROM cases WHERE id = ?", "s", case_id);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No case “%s”"), case_id);
  if (rc != SQLITE_ROW)
    return FALSE;
  row->applicant = g_strdup (_awb_column_text (stmt, 0));
  row->submitted_at = g_strdup (_awb_column_text (stmt, 1));
  row->panel_conclusion = g_strdup (_awb_column_text (stmt, 2));
  row->concluded_at = g_strdup (_awb_column_text (stmt, 3));
  row->team_conclusion = g_strdup (_awb_column_text (stmt, 4));
  row->statement = g_strdup (_awb_column_text (stmt, 5));
  return TRUE;
}

/* Panel actions need the case with the panel; changes to the panel's record
 * (open) also need its conclusion not yet recorded. */
static gboolean
require_with_panel (AwbDatabase *db,
                    const char  *case_id,
                    gboolean     open,
                    GError     **error)
{
  g_auto(CaseRow) row = { 0 };

  if (!read_case (db, case_id, &row, error))
    return FALSE;
  if (row.submitted_at == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Case %s (%s) is not with the expert panel; the project leader submits it "
                     "first with “awb panel submit %.8s”"), case_id, row.applicant, case_id);
      return FALSE;
    }
  if (open && row.panel_conclusion != NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("The expert panel's conclusion on case %s (%s) was recorded at %.10s "
                     "(%s); the panel's record is closed. To review the case again, reopen it "
                     "with “awb case reopen %.8s --reason TEXT” and submit it again"),
                   case_id, row.applicant, row.concluded_at, row.panel_conclusion, case_id);
      return FALSE;
    }
  return TRUE;
}

/* A member of this case's panel by exact name, else by id or id prefix. */
static char *
resolve_member (AwbDatabase *db,
                const char  *case_id,
                const char  *member,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = _awb_strip_dup (member);
  g_autofree char *pattern = NULL;
  g_autofree char *found = NULL;
  GString *names;
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT id FROM panel_members WHERE case_id = ? AND name = ?",
                              "ss", case_id, name);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return g_strdup (_awb_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (name != NULL && strlen (name) >= AWB_MIN_ID_PREFIX && strpbrk (name, "%_") == NULL)
    {
      pattern = g_strconcat (name, "%", NULL);
      stmt = _awb_database_query (db, error,
                                  "SELECT id FROM panel_members WHERE case_id = ? AND "
                                  "(id = ? OR id LIKE ?) LIMIT 2", "sss", case_id, name, pattern);
      if (stmt == NULL)
        return NULL;
      while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
        {
          if (found != NULL)
            {
              g_set_error (error, AWB_ERROR, AWB_ERROR_AMBIGUOUS,
                           _("“%s” names more than one panel member: give more of the id, or "
                             "the name"), name);
              return NULL;
            }
          found = g_strdup (_awb_column_text (stmt, 0));
        }
      if (rc != SQLITE_DONE)
        return NULL;
      if (found != NULL)
        return g_steal_pointer (&found);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = _awb_database_query (db, error,
                              "SELECT name FROM panel_members WHERE case_id = ? ORDER BY name",
                              "s", case_id);
  if (stmt == NULL)
    return NULL;
  names = g_string_new (NULL);
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    g_string_append_printf (names, names->len == 0 ? "%s" : ", %s", _awb_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    {
      if (names->len == 0)
        g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                     _("No panel member “%s” on case %s: the panel has no members yet (add them "
                       "with “awb panel add”)"), name != NULL ? name : "", case_id);
      else
        g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                     _("No panel member “%s” on case %s; the members are: %s"),
                     name != NULL ? name : "", case_id, names->str);
    }
  g_string_free (names, TRUE);
  return NULL;
}

/* ---- public ---- */

const char *
awb_panel_role_to_string (AwbPanelRole role)
{
  g_return_val_if_fail (role <= AWB_PANEL_ROLE_CHAIR, NULL);
  return role_names[role];
}

const char *
awb_vote_to_string (AwbVote vote)
{
  g_return_val_if_fail (vote <= AWB_VOTE_FAIL, NULL);
  return vote_names[vote];
}

/* Only "pass" and "fail" are votes a member can cast. */
gboolean
awb_vote_from_string (const char *text,
                      AwbVote    *out)
{
  if (g_strcmp0 (text, "pass") == 0)
    *out = AWB_VOTE_PASS;
  else if (g_strcmp0 (text, "fail") == 0)
    *out = AWB_VOTE_FAIL;
  else
    return FALSE;
  return TRUE;
}

const char *
awb_panel_conclusion_to_string (AwbPanelConclusion conclusion)
{
  g_return_val_if_fail (conclusion <= AWB_PANEL_FAIL, NULL);
  return panel_conclusion_names[conclusion];
}

const char *
awb_panel_conclusion_label (AwbPanelConclusion conclusion)
{
  switch (conclusion)
    {
    case AWB_PANEL_PENDING:
      return _("Pending");
    case AWB_PANEL_PASS:
      return _("Pass");
    case AWB_PANEL_FAIL:
      return _("Fail");
    default:
      g_return_val_if_reached (NULL);
    }
}

AwbPanelConclusion
awb_panel_decide (const AwbRules *rules,
                  guint           n_members,
                  guint           n_pass,
                  guint           n_fail)
{
  g_return_val_if_fail (rules != NULL, AWB_PANEL_PENDING);

  if (n_members == 0 || n_pass + n_fail == 0)
    return AWB_PANEL_PENDING;
  if (rules->panel_quorum_all && n_pass + n_fail < n_members)
    return AWB_PANEL_PENDING;
  /* with two possible votes, a strict and a simple majority of the votes cast coincide */
  if (n_pass > n_fail)
    return AWB_PANEL_PASS;
  if (n_fail > n_pass)
    return AWB_PANEL_FAIL;
  return g_strcmp0 (rules->panel_tie, "pass") == 0 ? AWB_PANEL_PASS : AWB_PANEL_FAIL;
}

gboolean
awb_panel_submit (AwbDatabase *db,
                  const char  *case_id,
                  const char  *actor,
                  GError     **error)
{
  g_autofree char *full_id = NULL;
  g_autoptr(AwbJudgement) j = NULL;
  g_autoptr(JsonNode) frozen = NULL;
  g_autofree char *frozen_text = NULL;
  g_autofree char *now = NULL;
  g_auto(CaseRow) row = { 0 };

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  full_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (full_id == NULL)
    return FALSE;
  if (!awb_database_begin (db, error))
    return FALSE;

  if (!read_case (db, full_id, &row, error))
    goto fail;
  if (row.submitted_at != NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Case %s (%s) is already with the expert panel since %.10s"), full_id,
                   row.applicant, row.submitted_at);
      goto fail;
    }
  if (!_awb_case_require_unlocked (db, full_id, error) ||
      (j = awb_judge_case (db, full_id, error)) == NULL)
    goto fail;
  if (j->conclusion == AWB_CONCLUSION_INCOMPLETE)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; i < j->reasons->len && i < 5; i++)
        {
          AwbReason *reason = j->reasons->pdata[i];

          if (i > 0)
            g_string_append (list, C_("item separator", "; "));
          g_string_append_printf (list, C_("figures", "%s: %s"),
                                  reason->requirement_id != NULL ? reason->requirement_id : "—",
                                  reason->text);
        }
      if (j->reasons->len > 5)
        g_string_append_printf (list, _(" … (%u reasons in all)"), j->reasons->len);
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Case %s (%s) cannot go to the expert panel while its audit conclusion is "
                     "incomplete: %s. See “awb conclude %.8s”"), full_id, row.applicant,
                   list->str, full_id);
      g_string_free (list, TRUE);
      goto fail;
    }

  frozen = awb_judgement_to_json (j);
  frozen_text = _awb_json_to_string (frozen);
  now = awb_timestamp_now ();
  if (!_awb_record_update (db, "cases", full_id, full_id, actor, "submit", "case", error,
                           "UPDATE cases SET submitted_at = ?, team_conclusion = ?, "
                           "statement = ?, statement_decision = ?, panel_conclusion = NULL, "
                           "panel_concluded_at = NULL, rev = rev + 1, updated_at = ? "
                           "WHERE id = ?",
                           "ssssss", now, frozen_text, j->statement,
                           awb_conclusion_to_string (j->conclusion), now, full_id) ||
      !awb_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  awb_database_rollback (db);
  return FALSE;
}

/* Whether the statement frozen at submission was the leader's edit. */
static gboolean
frozen_statement_edited (const char *team_conclusion)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *statement;

  if (team_conclusion == NULL ||
      !json_parser_load_from_data (parser, team_conclusion, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return TRUE;
  statement = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                             "statement");
  if (statement == NULL || !json_object_has_member (statement, "edited"))
    return TRUE;
  return json_object_get_boolean_member (statement, "edited");
}

gboolean
awb_panel_reopen (AwbDatabase *db,
                  const char  *case_id,
                  const char  *reason,
                  const char  *actor,
                  GError     **error)
{
  g_autofree char *full_id = NULL;
  g_autofree char *why = _awb_strip_dup (reason);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *now = NULL;
  g_auto(CaseRow) row = { 0 };
  gboolean keep_statement;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  if (why == NULL || *why == '\0' || !g_utf8_validate (why, -1, NULL))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The reason “%s” is empty: say why the case is taken back from the panel "
                     "(--reason TEXT)"), why != NULL && g_utf8_validate (why, -1, NULL) ? why : "");
      return FALSE;
    }
  full_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (full_id == NULL)
    return FALSE;
  if (!awb_database_begin (db, error))
    return FALSE;

  if (!read_case (db, full_id, &row, error))
    goto fail;
  if (row.submitted_at == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Case %s (%s) is not with the expert panel; there is nothing to reopen"),
                   full_id, row.applicant);
      goto fail;
    }

  /* a generated statement frozen at submission goes back to being generated */
  keep_statement = frozen_statement_edited (row.team_conclusion);
  now = awb_timestamp_now ();
  if ((before = _awb_database_row_json (db, "cases", "id", full_id, error)) == NULL ||
      !_awb_database_run (db, error,
                          "UPDATE cases SET submitted_at = NULL, team_conclusion = NULL, "
                          "panel_conclusion = NULL, panel_concluded_at = NULL, "
                          "statement = CASE WHEN ? THEN statement END, "
                          "statement_decision = CASE WHEN ? THEN statement_decision END, "
                          "rev = rev + 1, updated_at = ? WHERE id = ?", "bbss",
                          keep_statement, keep_statement, now, full_id) ||
      (after = _awb_database_row_json (db, "cases", "id", full_id, error)) == NULL)
    goto fail;
  json_object_set_string_member (json_node_get_object (after), "reason", why);
  if (!awb_history_append (db, full_id, actor, "reopen", "case", full_id, before, after, error) ||
      !awb_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  awb_database_rollback (db);
  return FALSE;
}

char *
awb_panel_add_member (AwbDatabase  *db,
                      const char   *case_id,
                      const char   *name,
                      const char   *affiliation,
                      AwbPanelRole  role,
                      const char   *actor,
                      GError      **error)
{
  g_autofree char *full_id = NULL;
  g_autofree char *clean_name = _awb_strip_dup (name);
  g_autofree char *clean_affiliation = _awb_strip_dup (affiliation);
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (role <= AWB_PANEL_ROLE_CHAIR, NULL);

  if (clean_name == NULL || *clean_name == '\0' || !g_utf8_validate (clean_name, -1, NULL))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The panel member's name “%s” is empty; give the name (--name NAME)"),
                   clean_name != NULL && g_utf8_validate (clean_name, -1, NULL) ? clean_name : "");
      return NULL;
    }
  if (clean_affiliation != NULL && !g_utf8_validate (clean_affiliation, -1, NULL))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The affiliation of %s is not UTF-8 text"), clean_name);
      return NULL;
    }
  full_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (full_id == NULL)
    return NULL;
  if (!awb_database_begin (db, error))
    return NULL;
  if (!require_with_panel (db, full_id, TRUE, error))
    goto fail;

  stmt = _awb_database_query (db, error,
                              "SELECT name, role FROM panel_members WHERE case_id = ? AND "
                              "(name = ? OR role = 'chair')", "ss", full_id, clean_name);
  if (stmt == NULL)
    goto fail;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *existing = _awb_column_text (stmt, 0);

      if (g_str_equal (existing, clean_name))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("%s is already on the panel of case %s"), clean_name, full_id);
          goto fail;
        }
      if (role == AWB_PANEL_ROLE_CHAIR)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                       _("The panel of case %s already has a chair, %s; add %s without --chair"),
                       full_id, existing, clean_name);
          goto fail;
        }
    }
  if (rc != SQLITE_DONE)
    goto fail;

  id = g_uuid_string_random ();
  now = awb_timestamp_now ();
  if (!_awb_database_run (db, error,
                          "INSERT INTO panel_members (id, case_id, name, affiliation, role, "
                          "created_at) VALUES (?, ?, ?, ?, ?, ?)", "ssssss", id, full_id,
                          clean_name, clean_affiliation != NULL ? clean_affiliation : "",
                          awb_panel_role_to_string (role), now) ||
      !_awb_record_log (db, "panel_members", id, full_id, actor, "panel-add", "panel_member",
                        NULL, error) ||
      !awb_database_commit (db, error))
    goto fail;
  return g_steal_pointer (&id);

fail:
  awb_database_rollback (db);
  return NULL;
}

char *
awb_panel_review (AwbDatabase *db,
                  const char  *case_id,
                  const char  *member,
                  const char  *section_id,
                  gboolean     sufficient,
                  gboolean     reasonable,
                  const char  *comment,
                  const char  *actor,
                  GError     **error)
{
  g_autofree char *full_id = NULL;
  g_autofree char *member_id = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = _awb_strip_dup (comment);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) before = NULL;
  const char *scope = section_id != NULL ? section_id : "overall";
  AwbCatalogue *cat;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID, _("The comment is not UTF-8 text"));
      return NULL;
    }
  full_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (full_id == NULL)
    return NULL;
  if (section_id != NULL)
    {
      if ((cat = _awb_case_get_catalogue (db, full_id, error)) == NULL)
        return NULL;
      if (awb_catalogue_lookup_section (cat, section_id) == NULL)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                       _("Section “%s” is not in catalogue %s %s (sections look like 3.2.1; "
                         "use --overall for the whole case)"), section_id,
                       awb_catalogue_get_id (cat), awb_catalogue_get_version (cat));
          return NULL;
        }
    }
  if (!awb_database_begin (db, error))
    return NULL;
  if (!require_with_panel (db, full_id, TRUE, error) ||
      (member_id = resolve_member (db, full_id, member, error)) == NULL)
    goto fail;

  stmt = _awb_database_query (db, error,
                              "SELECT id FROM panel_reviews WHERE member_id = ? AND scope = ?",
                              "ss", member_id, scope);
  if (stmt == NULL)
    goto fail;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    id = g_strdup (_awb_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    goto fail;

  now = awb_timestamp_now ();
  if (id != NULL)
    {
      if ((before = _awb_database_row_json (db, "panel_reviews", "id", id, error)) == NULL ||
          !_awb_database_run (db, error,
                              "UPDATE panel_reviews SET sufficient = ?, reasonable = ?, "
                              "comment = ?, at = ?, rev = rev + 1 WHERE id = ?", "bbsss",
                              sufficient, reasonable, text != NULL ? text : "", now, id))
        goto fail;
    }
  else
    {
      id = g_uuid_string_random ();
      if (!_awb_database_run (db, error,
                              "INSERT INTO panel_reviews (id, case_id, member_id, scope, "
                              "sufficient, reasonable, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              "ssssbbss", id, full_id, member_id, scope, sufficient, reasonable,
                              text != NULL ? text : "", now))
        goto fail;
    }
  if (!_awb_record_log (db, "panel_reviews", id, full_id, actor, "panel-review", "panel_review",
                        before, error) ||
      !awb_database_commit (db, error))
    goto fail;
  return g_steal_pointer (&id);

fail:
  awb_database_rollback (db);
  return NULL;
}

char *
awb_panel_vote (AwbDatabase *db,
                const char  *case_id,
                const char  *member,
                AwbVote      vote,
                const char  *comment,
                const char  *actor,
                GError     **error)
{
  g_autofree char *full_id = NULL;
  g_autofree char *member_id = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = _awb_strip_dup (comment);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) before = NULL;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  if (vote != AWB_VOTE_PASS && vote != AWB_VOTE_FAIL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("A vote is “pass” or “fail”, not “%s”"), awb_vote_to_string (vote));
      return NULL;
    }
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID, _("The comment is not UTF-8 text"));
      return NULL;
    }
  full_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (full_id == NULL)
    return NULL;
  if (!awb_database_begin (db, error))
    return NULL;
  if (!require_with_panel (db, full_id, TRUE, error) ||
      (member_id = resolve_member (db, full_id, member, error)) == NULL)
    goto fail;

  stmt = _awb_database_query (db, error, "SELECT id FROM panel_votes WHERE member_id = ?", "s",
                              member_id);
  if (stmt == NULL)
    goto fail;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    id = g_strdup (_awb_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    goto fail;

  now = awb_timestamp_now ();
  if (id != NULL)
    {
      if ((before = _awb_database_row_json (db, "panel_votes", "id", id, error)) == NULL ||
          !_awb_database_run (db, error,
                              "UPDATE panel_votes SET vote = ?, comment = ?, at = ?, "
                              "rev = rev + 1 WHERE id = ?", "ssss", awb_vote_to_string (vote),
                              text != NULL ? text : "", now, id))
        goto fail;
    }
  else
    {
      id = g_uuid_string_random ();
      if (!_awb_database_run (db, error,
                              "INSERT INTO panel_votes (id, case_id, member_id, vote, comment, at) "
                              "VALUES (?, ?, ?, ?, ?, ?)", "ssssss", id, full_id, member_id,
                              awb_vote_to_string (vote), text != NULL ? text : "", now))
        goto fail;
    }
  if (!_awb_record_log (db, "panel_votes", id, full_id, actor, "panel-vote", "panel_vote", before,
                        error) ||
      !awb_database_commit (db, error))
    goto fail;
  return g_steal_pointer (&id);

fail:
  awb_database_rollback (db);
  return NULL;
}

static AwbPanel *
load_panel (AwbDatabase *db,
            const char  *full_id,
            GError     **error)
{
  g_autoptr(AwbPanel) panel = g_new0 (AwbPanel, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(CaseRow) row = { 0 };
  AwbCatalogue *cat;
  int rc;

  panel->case_id = g_strdup (full_id);
  panel->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  panel->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) review_free);
  panel->dissent = g_ptr_array_new ();

  if (!read_case (db, full_id, &row, error) ||
      (cat = _awb_case_get_catalogue (db, full_id, error)) == NULL)
    return NULL;
  panel->submitted_at = g_steal_pointer (&row.submitted_at);
  panel->team_conclusion = g_steal_pointer (&row.team_conclusion);
  panel->statement = panel->submitted_at != NULL ? g_steal_pointer (&row.statement) : NULL;
  panel->concluded_at = g_steal_pointer (&row.concluded_at);

  stmt = _awb_database_query (db, error,
                              "SELECT m.id, m.name, m.affiliation, m.role, v.vote, v.comment, v.at "
                              "FROM panel_members AS m LEFT JOIN panel_votes AS v "
                              "ON v.member_id = m.id WHERE m.case_id = ? "
                              "ORDER BY m.role = 'chair' DESC, m.created_at, m.name", "s", full_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      AwbPanelMember *m = g_new0 (AwbPanelMember, 1);

      m->id = g_strdup (_awb_column_text (stmt, 0));
      m->name = g_strdup (_awb_column_text (stmt, 1));
      m->affiliation = g_strdup (_awb_column_text (stmt, 2));
      m->role = g_strcmp0 (_awb_column_text (stmt, 3), "chair") == 0 ? AWB_PANEL_ROLE_CHAIR
                                                                      : AWB_PANEL_ROLE_MEMBER;
      if (!awb_vote_from_string (_awb_column_text (stmt, 4), &m->vote))
        m->vote = AWB_VOTE_NONE;
      m->vote_comment = g_strdup (sqlite3_column_type (stmt, 5) != SQLITE_NULL
                                    ? _awb_column_text (stmt, 5) : "");
      m->voted_at = g_strdup (_awb_column_text (stmt, 6));
      if (m->vote == AWB_VOTE_PASS)
        panel->n_pass++;
      else if (m->vote == AWB_VOTE_FAIL)
        panel->n_fail++;
      g_ptr_array_add (panel->members, m);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _awb_database_query (db, error,
                              "SELECT r.id, r.member_id, m.name, r.scope, r.sufficient, "
                              "r.reasonable, r.comment, r.at FROM panel_reviews AS r "
                              "JOIN panel_members AS m ON m.id = r.member_id "
                              "WHERE r.case_id = ? ORDER BY m.name, r.scope = 'overall', r.scope",
                              "s", full_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      AwbPanelReview *r = g_new0 (AwbPanelReview, 1);

      r->id = g_strdup (_awb_column_text (stmt, 0));
      r->member_id = g_strdup (_awb_column_text (stmt, 1));
      r->member = g_strdup (_awb_column_text (stmt, 2));
      r->scope = g_strdup (_awb_column_text (stmt, 3));
      r->sufficient = sqlite3_column_int (stmt, 4) != 0;
      r->reasonable = sqlite3_column_int (stmt, 5) != 0;
      r->comment = g_strdup (_awb_column_text (stmt, 6));
      r->at = g_strdup (_awb_column_text (stmt, 7));
      g_ptr_array_add (panel->reviews, r);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  panel->recorded = row.panel_conclusion != NULL &&
                    panel_conclusion_from_string (row.panel_conclusion, &panel->conclusion);
  if (!panel->recorded)
    panel->conclusion = awb_panel_decide (awb_catalogue_get_rules (cat), panel->members->len,
                                          panel->n_pass, panel->n_fail);

  if (panel->conclusion != AWB_PANEL_PENDING)
    {
      AwbVote against = panel->conclusion == AWB_PANEL_PASS ? AWB_VOTE_FAIL : AWB_VOTE_PASS;

      for (guint i = 0; i < panel->members->len; i++)
        {
          AwbPanelMember *m = panel->members->pdata[i];

          if (m->vote == against)
            g_ptr_array_add (panel->dissent, m);
        }
    }
  return g_steal_pointer (&panel);
}

AwbPanel *
awb_panel_get (AwbDatabase *db,
               const char  *case_id,
               GError     **error)
{
  g_autofree char *full_id = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  full_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (full_id == NULL)
    return NULL;
  return load_panel (db, full_id, error);
}

AwbPanel *
awb_panel_conclude (AwbDatabase *db,
                    const char  *case_id,
                    const char  *actor,
                    GError     **error)
{
  g_autofree char *full_id = NULL;
  g_autoptr(AwbPanel) panel = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  full_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (full_id == NULL)
    return NULL;
  if (!awb_database_begin (db, error))
    return NULL;
  if (!require_with_panel (db, full_id, FALSE, error) ||
      (panel = load_panel (db, full_id, error)) == NULL)
    goto fail;

  /* pending, or recorded already: nothing to write */
  if (panel->recorded || panel->conclusion == AWB_PANEL_PENDING)
    {
      awb_database_rollback (db);
      return g_steal_pointer (&panel);
    }

  now = awb_timestamp_now ();
  if (!_awb_record_update (db, "cases", full_id, full_id, actor, "panel-conclude", "case", error,
                           "UPDATE cases SET panel_conclusion = ?, panel_concluded_at = ?, "
                           "rev = rev + 1, updated_at = ? WHERE id = ?", "ssss",
                           awb_panel_conclusion_to_string (panel->conclusion), now, now,
                           full_id) ||
      !awb_database_commit (db, error))
    goto fail;
  panel->recorded = TRUE;
  panel->concluded_at = g_steal_pointer (&now);
  return g_steal_pointer (&panel);

fail:
  awb_database_rollback (db);
  return NULL;
}

void
awb_panel_free (AwbPanel *panel)
{
  if (panel == NULL)
    return;
  g_free (panel->case_id);
  g_free (panel->submitted_at);
  g_free (panel->team_conclusion);
  g_free (panel->statement);
  g_free (panel->concluded_at);
  g_clear_pointer (&panel->dissent, g_ptr_array_unref);
  g_clear_pointer (&panel->members, g_ptr_array_unref);
  g_clear_pointer (&panel->reviews, g_ptr_array_unref);
  g_free (panel);
}

static void
add_vote (JsonBuilder    *b,
          AwbPanelMember *m)
{
  json_builder_begin_object (b);
  _awb_json_add_string (b, "member", m->name);
  _awb_json_add_string (b, "member_id", m->id);
  _awb_json_add_string (b, "vote", awb_vote_to_string (m->vote));
  _awb_json_add_string (b, "comment", m->vote_comment);
  json_builder_end_object (b);
}

/* The panel as JSON (shape in docs/rules.md). */
JsonNode *
awb_panel_to_json (AwbPanel *panel)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (panel != NULL, NULL);

  json_builder_begin_object (b);
  _awb_json_add_string (b, "case", panel->case_id);
  _awb_json_add_string (b, "submitted_at", panel->submitted_at);
  _awb_json_add_string (b, "conclusion", awb_panel_conclusion_to_string (panel->conclusion));
  _awb_json_add_string (b, "label", awb_panel_conclusion_label (panel->conclusion));
  json_builder_set_member_name (b, "recorded");
  json_builder_add_boolean_value (b, panel->recorded);
  _awb_json_add_string (b, "concluded_at", panel->concluded_at);
  json_builder_set_member_name (b, "pass");
  json_builder_add_int_value (b, panel->n_pass);
  json_builder_set_member_name (b, "fail");
  json_builder_add_int_value (b, panel->n_fail);

  json_builder_set_member_name (b, "members");
  json_builder_begin_array (b);
  for (guint i = 0; i < panel->members->len; i++)
    {
      AwbPanelMember *m = panel->members->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "id", m->id);
      _awb_json_add_string (b, "name", m->name);
      _awb_json_add_string (b, "affiliation", m->affiliation);
      _awb_json_add_string (b, "role", awb_panel_role_to_string (m->role));
      _awb_json_add_string (b, "vote", awb_vote_to_string (m->vote));
      _awb_json_add_string (b, "comment", m->vote_comment);
      _awb_json_add_string (b, "voted_at", m->voted_at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "votes");
  json_builder_begin_array (b);
  for (guint i = 0; i < panel->members->len; i++)
    if (((AwbPanelMember *) panel->members->pdata[i])->vote != AWB_VOTE_NONE)
      add_vote (b, panel->members->pdata[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "dissent");
  json_builder_begin_array (b);
  for (guint i = 0; i < panel->dissent->len; i++)
    add_vote (b, panel->dissent->pdata[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "reviews");
  json_builder_begin_array (b);
  for (guint i = 0; i < panel->reviews->len; i++)
    {
      AwbPanelReview *r = panel->reviews->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "id", r->id);
      _awb_json_add_string (b, "member", r->member);
      _awb_json_add_string (b, "member_id", r->member_id);
      _awb_json_add_string (b, "scope", r->scope);
      json_builder_set_member_name (b, "sufficient");
      json_builder_add_boolean_value (b, r->sufficient);
      json_builder_set_member_name (b, "reasonable");
      json_builder_add_boolean_value (b, r->reasonable);
      _awb_json_add_string (b, "comment", r->comment);
      _awb_json_add_string (b, "at", r->at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  _awb_json_add_string (b, "statement", panel->statement);
  json_builder_set_member_name (b, "team_conclusion");
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    if (panel->team_conclusion != NULL &&
        json_parser_load_from_data (parser, panel->team_conclusion, -1, NULL))
      json_builder_add_value (b, json_node_copy (json_parser_get_root (parser)));
    else
      json_builder_add_null_value (b);
  }

  json_builder_end_object (b);
  return json_builder_get_root (b);
}
