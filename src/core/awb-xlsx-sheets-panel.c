/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-xlsx"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-xlsx-private.h"

/* The Panel review sheet: one row per section and one for the whole case; per
 * panel member the columns "evidence sufficient", "conclusion reasonable",
 * "vote" (drop-down lists) and comments, then a signature block. Only these
 * cells are unlocked. What the workbench already holds is filled in. */

/* panel_reviews.scope of a review of the whole case (else a section id) */
#define SCOPE_OVERALL "overall"

/* Per member: sufficient, reasonable, vote, comments. */
#define MEMBER_COLS 4
#define FIRST_MEMBER_COL 3

typedef struct
{
  char       *id;
  char       *name;
  char       *affiliation;
  gboolean    chair;
  GHashTable *reviews;  /* scope → Review */
  char       *vote;
  char       *vote_comment;
} Member;

typedef struct
{
  gboolean  sufficient;
  gboolean  reasonable;
  char     *comment;
} Review;

static void
review_free (gpointer data)
{
  Review *r = data;

  g_free (r->comment);
  g_free (r);
}

static void
member_free (gpointer data)
{
  Member *m = data;

  g_free (m->id);
  g_free (m->name);
  g_free (m->affiliation);
  g_clear_pointer (&m->reviews, g_hash_table_unref);
  g_free (m->vote);
  g_free (m->vote_comment);
  g_free (m);
}

static GPtrArray *
load_members (AwbXlsxContext *ctx)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (member_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) reviews = NULL;
  g_autoptr(sqlite3_stmt) votes = NULL;
  GError *error = NULL;
  int rc;

  stmt = _awb_database_query (ctx->db, &error,
                              "SELECT id, name, affiliation, role FROM panel_members "
                              "WHERE case_id = ? ORDER BY role = 'chair' DESC, created_at, name",
                              "s", ctx->kase->id);
  if (stmt == NULL)
    goto failed;
  while ((rc = _awb_database_step (ctx->db, stmt, &error)) == SQLITE_ROW)
    {
      Member *m = g_new0 (Member, 1);

      m->id = g_strdup (_awb_column_text (stmt, 0));
      m->name = g_strdup (_awb_column_text (stmt, 1));
      m->affiliation = g_strdup (_awb_column_text (stmt, 2));
      m->chair = g_strcmp0 (_awb_column_text (stmt, 3), "chair") == 0;
      m->reviews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, review_free);
      g_ptr_array_add (members, m);
      g_hash_table_insert (by_id, m->id, m);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  reviews = _awb_database_query (ctx->db, &error,
                                 "SELECT member_id, scope, sufficient, reasonable, comment "
                                 "FROM panel_reviews WHERE case_id = ?", "s", ctx->kase->id);
  if (reviews == NULL)
    goto failed;
  while ((rc = _awb_database_step (ctx->db, reviews, &error)) == SQLITE_ROW)
    {
      Member *m = g_hash_table_lookup (by_id, _awb_column_text (reviews, 0));
      Review *r;

      if (m == NULL)
        continue;
      r = g_new0 (Review, 1);
      r->sufficient = sqlite3_column_int (reviews, 2) != 0;
      r->reasonable = sqlite3_column_int (reviews, 3) != 0;
      r->comment = g_strdup (_awb_column_text (reviews, 4));
      g_hash_table_insert (m->reviews, g_strdup (_awb_column_text (reviews, 1)), r);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  votes = _awb_database_query (ctx->db, &error,
                               "SELECT member_id, vote, comment FROM panel_votes WHERE case_id = ?",
                               "s", ctx->kase->id);
  if (votes == NULL)
    goto failed;
  while ((rc = _awb_database_step (ctx->db, votes, &error)) == SQLITE_ROW)
    {
      Member *m = g_hash_table_lookup (by_id, _awb_column_text (votes, 0));

      if (m == NULL)
        continue;
      m->vote = g_strdup (_awb_column_text (votes, 1));
      m->vote_comment = g_strdup (_awb_column_text (votes, 2));
    }
  if (rc != SQLITE_DONE)
    goto failed;
  return g_steal_pointer (&members);

failed:
  _awb_xlsx_fail_db (ctx, error);
  return NULL;
}

/* "Conformant: 3\nLargely conformant: 1" */
static char *
section_team_summary (const AwbSectionCounts *s)
{
  static const AwbRating order[] = {
    AWB_RATING_CONFORMANT, AWB_RATING_LARGELY, AWB_RATING_NONCONFORMANT,
    AWB_RATING_NOT_APPLICABLE, AWB_RATING_UNRATED,
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (s->ratings[order[i]] > 0)
      {
        if (text->len > 0)
          g_string_append_c (text, '\n');
        g_string_append_printf (text, "%s: %u", awb_rating_label (order[i]),
                                s->ratings[order[i]]);
      }
  return g_string_free (text, FALSE);
}

static const char *
vote_label (const char *vote)
{
  if (g_strcmp0 (vote, "pass") == 0)
    return _("Pass");
  if (g_strcmp0 (vote, "fail") == 0)
    return _("Fail");
  return NULL;
}

/* Excel limits a validation's title to 32 characters and its message to 255;
 * a translation that is longer is left out rather than break the export. */
static char *
fit (const char *text,
     glong       max)
{
  return g_utf8_strlen (text, -1) <= max ? (char *) text : NULL;
}

static void
validate_list (AwbXlsxContext *ctx,
               lxw_worksheet  *ws,
               lxw_row_t       first_row,
               lxw_row_t       last_row,
               lxw_col_t       col,
               const char     *first,
               const char     *second,
               const char     *title,
               const char     *message)
{
  lxw_data_validation v = { 0 };
  const char *list[] = { first, second, NULL };

  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = (char **) list;
  v.input_title = fit (title, 32);
  v.input_message = fit (message, 255);
  v.error_title = fit (_("Not one of the choices"), 32);
  v.error_message = fit (message, 255);
  _awb_xlsx_check (ctx, worksheet_data_validation_range (ws, first_row, col, last_row, col, &v),
                   ws->name);
}

static void
validate_dates (AwbXlsxContext *ctx,
                lxw_worksheet  *ws,
                lxw_row_t       first_row,
                lxw_row_t       last_row,
                lxw_col_t       col)
{
  lxw_data_validation v = { 0 };
  lxw_datetime from = { 2000, 1, 1, 0, 0, 0 };
  lxw_datetime to = { 2099, 12, 31, 0, 0, 0 };

  v.validate = LXW_VALIDATION_TYPE_DATE;
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_datetime = from;
  v.maximum_datetime = to;
  v.input_title = fit (_("Date"), 32);
  v.input_message = fit (_("The date of signature, for example 2026-11-25."), 255);
  v.error_message = fit (_("Enter a date, for example 2026-11-25."), 255);
  _awb_xlsx_check (ctx, worksheet_data_validation_range (ws, first_row, col, last_row, col, &v),
                   ws->name);
}

static void
write_member_cells (AwbXlsxContext *ctx,
                    lxw_worksheet  *ws,
                    lxw_row_t       row,
                    lxw_col_t       col,
                    Member         *m,
                    const char     *scope,
                    gboolean        overall)
{
  Review *r = g_hash_table_lookup (m->reviews, scope);
  g_autoptr(GString) comment = g_string_new (r != NULL ? r->comment : NULL);

  if (r != NULL)
    {
      _awb_xlsx_text (ctx, ws, row, col, _awb_xlsx_yes_no (r->sufficient), ctx->f.input);
      _awb_xlsx_text (ctx, ws, row, col + 1, _awb_xlsx_yes_no (r->reasonable), ctx->f.input);
    }
  else
    {
      _awb_xlsx_blank (ctx, ws, row, col, ctx->f.input);
      _awb_xlsx_blank (ctx, ws, row, col + 1, ctx->f.input);
    }

  if (overall)
    {
      /* the vote's own comment joins the review's, unless they say the same */
      if (m->vote_comment != NULL && *m->vote_comment != '\0' &&
          g_strcmp0 (m->vote_comment, comment->str) != 0)
        {
          if (comment->len > 0)
            g_string_append_c (comment, '\n');
          g_string_append (comment, m->vote_comment);
        }
      if (vote_label (m->vote) != NULL)
        _awb_xlsx_text (ctx, ws, row, col + 2, vote_label (m->vote), ctx->f.input);
      else
        _awb_xlsx_blank (ctx, ws, row, col + 2, ctx->f.input);
    }
  else
    _awb_xlsx_blank (ctx, ws, row, col + 2, ctx->f.disabled);

  if (comment->len > 0)
    _awb_xlsx_text (ctx, ws, row, col + 3, comment->str, ctx->f.input);
  else
    _awb_xlsx_blank (ctx, ws, row, col + 3, ctx->f.input);
}

gboolean
_awb_xlsx_write_panel (AwbXlsxContext *ctx)
{
  AwbXlsxCase *k = ctx->kase;
  AwbJudgement *j = k->judgement;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (AwbXlsxColumn));
  const AwbXlsxColumn fixed[FIRST_MEMBER_COL] = {
    { _("Scope"), 12 },
    { _("Section"), 36 },
    { _("Project team's conclusion"), 30 },
  };
  const AwbXlsxColumn per_member[MEMBER_COLS] = {
    { _("Evidence sufficient"), 12 },
    { _("Conclusion reasonable"), 12 },
    { _("Vote"), 10 },
    { _("Comments"), 34 },
  };
  lxw_worksheet *ws;
  lxw_row_t row = 0;
  lxw_row_t first_row;
  lxw_row_t case_row;
  lxw_col_t last_col;

  members = load_members (ctx);
  if (members == NULL)
    return FALSE;

  g_array_append_vals (columns, fixed, FIRST_MEMBER_COL);
  for (guint i = 0; i < members->len; i++)
    g_array_append_vals (columns, per_member, MEMBER_COLS);
  last_col = (lxw_col_t) (columns->len - 1);

  ws = _awb_xlsx_add_sheet (ctx, NC_("workbook sheet", "Panel review"), (AwbXlsxColumn *) columns->data,
                            columns->len, 2, FIRST_MEMBER_COL);
  if (ws == NULL)
    return FALSE;

  /* row 0: each member's name over their four columns (no merged cells) */
  _awb_xlsx_text (ctx, ws, row, 0, _("Panel member"), ctx->f.strong);
  for (guint i = 0; i < members->len; i++)
    {
      Member *m = members->pdata[i];
      lxw_col_t col = (lxw_col_t) (FIRST_MEMBER_COL + i * MEMBER_COLS);
      g_autofree char *name = m->chair ? g_strdup_printf ("%s (%s)", m->name, _("chair"))
                                       : g_strdup (m->name);

      _awb_xlsx_text (ctx, ws, row, col, name, ctx->f.title);
    }
  row++;
  _awb_xlsx_header_row (ctx, ws, row++, (AwbXlsxColumn *) columns->data, columns->len);

  first_row = row;
  for (guint i = 0; i < j->sections->len; i++)
    {
      AwbSectionCounts *s = j->sections->pdata[i];
      AwbSection *section = awb_catalogue_lookup_section (k->catalogue, s->section_id);
      g_autofree char *team = section_team_summary (s);

      _awb_xlsx_text (ctx, ws, row, 0, s->section_id, ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, 1, section != NULL ? awb_section_get_title (section) : NULL,
                      ctx->f.text);
      _awb_xlsx_text (ctx, ws, row, 2, team, ctx->f.text);
      for (guint m = 0; m < members->len; m++)
        write_member_cells (ctx, ws, row, (lxw_col_t) (FIRST_MEMBER_COL + m * MEMBER_COLS),
                            members->pdata[m], s->section_id, FALSE);
      row++;
      if (!_awb_xlsx_tick (ctx, 1))
        return FALSE;
    }

  case_row = row;
  _awb_xlsx_text (ctx, ws, row, 0, _("Whole case"), ctx->f.label);
  _awb_xlsx_text (ctx, ws, row, 1, k->applicant, ctx->f.label);
  _awb_xlsx_text (ctx, ws, row, 2, awb_conclusion_label (j->conclusion), ctx->f.label);
  for (guint m = 0; m < members->len; m++)
    write_member_cells (ctx, ws, row, (lxw_col_t) (FIRST_MEMBER_COL + m * MEMBER_COLS),
                        members->pdata[m], SCOPE_OVERALL, TRUE);
  row++;
  if (!_awb_xlsx_tick (ctx, 1))
    return FALSE;

  _awb_xlsx_check (ctx, worksheet_autofilter (ws, first_row - 1, 0, case_row, last_col), ws->name);
  for (guint m = 0; m < members->len; m++)
    {
      lxw_col_t col = (lxw_col_t) (FIRST_MEMBER_COL + m * MEMBER_COLS);

      validate_list (ctx, ws, first_row, case_row, col, _awb_xlsx_yes_no (TRUE),
                     _awb_xlsx_yes_no (FALSE), _("Evidence sufficient?"),
                     _("Choose Yes or No from the list."));
      validate_list (ctx, ws, first_row, case_row, col + 1, _awb_xlsx_yes_no (TRUE),
                     _awb_xlsx_yes_no (FALSE), _("Conclusion reasonable?"),
                     _("Choose Yes or No from the list."));
      validate_list (ctx, ws, case_row, case_row, col + 2, _("Pass"), _("Fail"),
                     _("Your vote"), _("Choose Pass or Fail from the list."));
    }

  row++;
  if (members->len == 0)
    _awb_xlsx_text (ctx, ws, row++, 0,
                    _("No panel members are recorded yet: add them in the workbench "
                      "(awb panel add), then export the workbook again."), ctx->f.note);
  else
    _awb_xlsx_text (ctx, ws, row++, 0,
                    _("Fill in the yellow cells; choose from the drop-down lists. The rest of "
                      "the workbook is protected, without a password, so that the record is "
                      "not changed by accident."), ctx->f.note);

  if (members->len > 0)
    {
      lxw_row_t first_signature;

      row++;
      _awb_xlsx_text (ctx, ws, row++, 0, _("Signatures"), ctx->f.heading);
      _awb_xlsx_text (ctx, ws, row, 0, _("Role"), ctx->f.header);
      _awb_xlsx_text (ctx, ws, row, 1, _("Panel member"), ctx->f.header);
      _awb_xlsx_text (ctx, ws, row, 2, _("Affiliation"), ctx->f.header);
      _awb_xlsx_text (ctx, ws, row, 3, _("Date"), ctx->f.header);
      _awb_xlsx_text (ctx, ws, row, 4, _("Signature"), ctx->f.header);
      _awb_xlsx_blank (ctx, ws, row, 5, ctx->f.header);
      _awb_xlsx_blank (ctx, ws, row, 6, ctx->f.header);
      row++;
      first_signature = row;
      for (guint i = 0; i < members->len; i++)
        {
          Member *m = members->pdata[i];

          _awb_xlsx_row_height (ctx, ws, row, 36);
          _awb_xlsx_text (ctx, ws, row, 0, m->chair ? _("Chair") : _("Member"), ctx->f.plain);
          _awb_xlsx_text (ctx, ws, row, 1, m->name, ctx->f.text);
          _awb_xlsx_text (ctx, ws, row, 2, m->affiliation, ctx->f.text);
          _awb_xlsx_blank (ctx, ws, row, 3, ctx->f.input_date);
          for (lxw_col_t c = 4; c <= 6; c++)
            _awb_xlsx_blank (ctx, ws, row, c, ctx->f.signature);
          row++;
        }
      validate_dates (ctx, ws, first_signature, row - 1, 3);
    }

  _awb_xlsx_sheet_done (ctx, ws, j->sections->len + 1);
  return !_awb_xlsx_failed (ctx);
}
