/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-xlsx"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-xlsx-private.h"

/* The portfolio workbook: one filterable row per case of the database, for
 * the people who run many assessments. */

enum {
  PF_ID, PF_APPLICANT, PF_CREDIT_CODE, PF_TYPE, PF_STAGE, PF_CATALOGUE, PF_LEADER, PF_RECEIVED,
  PF_EVALUATION, PF_PANEL, PF_CERTIFICATE, PF_NOTICES, PF_CONCLUSION, PF_PANEL_CONCLUSION,
  PF_UPDATED, PF_N_COLUMNS
};

/* The case_dates kinds shown, in the order of the columns PF_RECEIVED … */
static const char * const date_kinds[] = {
  "received", "evaluation-start", "panel", "certificate-issued",
};

static void
write_dates (AwbXlsxContext *ctx,
             lxw_worksheet  *ws,
             lxw_row_t       row,
             sqlite3_stmt   *dates,
             const char     *case_id)
{
  sqlite3_reset (dates);
  sqlite3_bind_text (dates, 1, case_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (dates) == SQLITE_ROW)
    {
      const char *kind = _awb_column_text (dates, 0);

      for (guint i = 0; i < G_N_ELEMENTS (date_kinds); i++)
        if (g_str_equal (kind, date_kinds[i]))
          _awb_xlsx_date (ctx, ws, row, (lxw_col_t) (PF_RECEIVED + i),
                          _awb_column_text (dates, 1), ctx->f.date);
    }
}

static char *
join_notices (GPtrArray *notices)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < notices->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, notices->pdata[i]);
    }
  return g_string_free (text, FALSE);
}

gboolean
_awb_xlsx_write_portfolio (AwbXlsxContext *ctx)
{
  AwbXlsxColumn columns[PF_N_COLUMNS] = {
    { _("Case id"), 37 },
    { _("Applicant"), 30 },
    { _("Unified social credit code"), 21 },
    { _("Application type"), 14 },
    { _("Stage"), 13 },
    { _("Catalogue"), 24 },
    { _("Project leader"), 16 },
    { _("Application received"), 12 },
    { _("Evaluation started"), 12 },
    { _("Expert panel"), 12 },
    { _("Certificate issued"), 12 },
    { _("Deadlines due or breached"), 44 },
    { _("Audit conclusion"), 18 },
    { _("Panel conclusion"), 12 },
    { _("Last change"), 16 },
  };
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) cases = NULL;
  g_autoptr(sqlite3_stmt) dates = NULL;
  g_autoptr(sqlite3_stmt) leaders = NULL;
  GError *error = NULL;
  lxw_worksheet *ws;
  lxw_row_t row = 0;
  guint records = 0;
  int rc;

  count = _awb_database_query (ctx->db, &error, "SELECT count(*) FROM cases", "");
  if (count == NULL || _awb_database_step (ctx->db, count, &error) != SQLITE_ROW)
    return _awb_xlsx_fail_db (ctx, error);
  ctx->rows_total = (guint64) sqlite3_column_int64 (count, 0);

  dates = _awb_database_query (ctx->db, &error,
                               "SELECT kind, date FROM case_dates WHERE case_id = ?", "n");
  if (dates == NULL)
    return _awb_xlsx_fail_db (ctx, error);
  leaders = _awb_database_query (ctx->db, &error,
                                 "SELECT group_concat (name, ', ') FROM (SELECT name "
                                 "FROM team_members WHERE case_id = ? AND role = 'leader' "
                                 "ORDER BY created_at, name)", "n");
  if (leaders == NULL)
    return _awb_xlsx_fail_db (ctx, error);

  ws = _awb_xlsx_add_sheet (ctx, NC_("workbook sheet", "Cases"), columns, PF_N_COLUMNS, 1, 2);
  if (ws == NULL)
    return FALSE;
  _awb_xlsx_header_row (ctx, ws, row++, columns, PF_N_COLUMNS);

  cases = _awb_database_query (ctx->db, &error,
                               "SELECT id, applicant, credit_code, app_type, stage, "
                               "catalogue_id, catalogue_version, panel_conclusion, updated_at "
                               "FROM cases ORDER BY created_at, id", "");
  if (cases == NULL)
    return _awb_xlsx_fail_db (ctx, error);
  while ((rc = _awb_database_step (ctx->db, cases, &error)) == SQLITE_ROW)
    {
      const char *id = _awb_column_text (cases, 0);
      g_autofree char *catalogue = g_strdup_printf ("%s %s", _awb_column_text (cases, 5),
                                                    _awb_column_text (cases, 6));
      g_autoptr(GError) judge_error = NULL;
      g_autoptr(AwbJudgement) judgement = awb_judge_case (ctx->db, id, &judge_error);

      _awb_xlsx_text (ctx, ws, row, PF_ID, id, ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, PF_APPLICANT, _awb_column_text (cases, 1), ctx->f.text);
      _awb_xlsx_text (ctx, ws, row, PF_CREDIT_CODE, _awb_column_text (cases, 2), ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, PF_TYPE, _awb_xlsx_app_type_label (_awb_column_text (cases, 3)),
                      ctx->f.text);
      _awb_xlsx_text (ctx, ws, row, PF_STAGE, _awb_xlsx_stage_label (_awb_column_text (cases, 4)),
                      ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, PF_CATALOGUE, catalogue, ctx->f.text);

      sqlite3_reset (leaders);
      sqlite3_bind_text (leaders, 1, id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (leaders) == SQLITE_ROW)
        _awb_xlsx_text (ctx, ws, row, PF_LEADER, _awb_column_text (leaders, 0), ctx->f.text);
      write_dates (ctx, ws, row, dates, id);

      if (judgement != NULL)
        {
          g_autofree char *notices = join_notices (judgement->notices);

          _awb_xlsx_text (ctx, ws, row, PF_NOTICES, notices,
                          *notices != '\0' ? ctx->f.overdue_text : ctx->f.text);
          _awb_xlsx_text (ctx, ws, row, PF_CONCLUSION, awb_conclusion_label (judgement->conclusion),
                          ctx->f.plain);
        }
      else
        /* one case that cannot be judged (its catalogue is missing) does not stop the rest */
        _awb_xlsx_text (ctx, ws, row, PF_NOTICES, judge_error->message, ctx->f.overdue_text);
      _awb_xlsx_text (ctx, ws, row, PF_PANEL_CONCLUSION,
                      _awb_xlsx_panel_label (_awb_column_text (cases, 7)), ctx->f.plain);
      _awb_xlsx_timestamp (ctx, ws, row, PF_UPDATED, _awb_column_text (cases, 8), ctx->f.datetime);
      row++;
      records++;
      if (!_awb_xlsx_tick (ctx, 1))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _awb_xlsx_fail_db (ctx, error);

  {
    lxw_row_t last = MAX (row - 1, 1);

    _awb_xlsx_check (ctx, worksheet_autofilter (ws, 0, 0, last, PF_N_COLUMNS - 1), ws->name);
    _awb_xlsx_conditional_text (ctx, ws, 1, last, PF_CONCLUSION,
                                awb_conclusion_label (AWB_CONCLUSION_PASS), ctx->f.good);
    _awb_xlsx_conditional_text (ctx, ws, 1, last, PF_CONCLUSION,
                                awb_conclusion_label (AWB_CONCLUSION_PASS_AFTER_RECTIFICATION),
                                ctx->f.fair);
    _awb_xlsx_conditional_text (ctx, ws, 1, last, PF_CONCLUSION,
                                awb_conclusion_label (AWB_CONCLUSION_FAIL), ctx->f.bad);
    _awb_xlsx_conditional_text (ctx, ws, 1, last, PF_CONCLUSION,
                                awb_conclusion_label (AWB_CONCLUSION_INCOMPLETE), ctx->f.neutral);
    _awb_xlsx_conditional_text (ctx, ws, 1, last, PF_PANEL_CONCLUSION, _awb_xlsx_panel_label ("pass"),
                                ctx->f.good);
    _awb_xlsx_conditional_text (ctx, ws, 1, last, PF_PANEL_CONCLUSION, _awb_xlsx_panel_label ("fail"),
                                ctx->f.bad);
    _awb_xlsx_conditional_text (ctx, ws, 1, last, PF_PANEL_CONCLUSION,
                                _awb_xlsx_panel_label ("pending"), ctx->f.neutral);
  }

  _awb_xlsx_sheet_done (ctx, ws, records);
  return !_awb_xlsx_failed (ctx);
}
