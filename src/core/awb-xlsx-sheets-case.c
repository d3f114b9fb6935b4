/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-xlsx"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-xlsx-private.h"

/* The first two sheets of the panel workbook: Summary (the case, its dates,
 * the audit conclusion with its reasons, the quantitative checks, counts per
 * section and a chart of them) and Requirements (one row per requirement). */

/* Summary: labels in A, values in B, the counts table from A to K. */
#define SUMMARY_COLS 11

/* The chart's series colours follow the conditional formats of the ratings. */
static const lxw_color_t rating_colours[AWB_N_RATINGS] = {
  0xA6A6A6, /* unrated */
  0x70AD47, /* conformant */
  0xFFC000, /* largely */
  0xC00000, /* non-conformant */
  0x5B9BD5, /* not applicable */
};

/* The order in which ratings and sufficiency states appear as columns. */
static const AwbRating rating_order[] = {
  AWB_RATING_CONFORMANT, AWB_RATING_LARGELY, AWB_RATING_NONCONFORMANT,
  AWB_RATING_NOT_APPLICABLE, AWB_RATING_UNRATED,
};
static const AwbSufficiency sufficiency_order[] = {
  AWB_SUFFICIENCY_SUFFICIENT, AWB_SUFFICIENCY_INSUFFICIENT, AWB_SUFFICIENCY_CONTRADICTED,
  AWB_SUFFICIENCY_NONE,
};

guint64
_awb_xlsx_count_case_rows (AwbXlsxContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 rows = 0;

  stmt = _awb_database_query (ctx->db, NULL,
                              "SELECT (SELECT count(*) FROM evidence WHERE case_id = ?1) + "
                              "(SELECT count(*) FROM findings WHERE case_id = ?1) + "
                              "(SELECT count(*) FROM staff WHERE case_id = ?1) + "
                              "(SELECT count(*) FROM projects WHERE case_id = ?1)",
                              "s", ctx->kase->id);
  if (stmt != NULL && _awb_database_step (ctx->db, stmt, NULL) == SQLITE_ROW)
    rows = (guint64) sqlite3_column_int64 (stmt, 0);
  return rows + ctx->kase->judgement->requirements->len +
         2 * ctx->kase->judgement->sections->len + 1;
}

/* cases.team_conclusion holds the judgement frozen at submission (JSON). */
static const char *
frozen_conclusion_label (const char *frozen)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  const char *code = NULL;

  if (frozen == NULL || !json_parser_load_from_data (parser, frozen, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root))
    code = json_object_get_string_member_with_default (json_node_get_object (root),
                                                       "conclusion", NULL);
  else if (JSON_NODE_HOLDS_VALUE (root) && json_node_get_value_type (root) == G_TYPE_STRING)
    code = json_node_get_string (root);
  for (AwbConclusion c = AWB_CONCLUSION_INCOMPLETE; c <= AWB_CONCLUSION_PASS; c++)
    if (g_strcmp0 (code, awb_conclusion_to_string (c)) == 0)
      return awb_conclusion_label (c);
  return NULL;
}

static void
pair (AwbXlsxContext *ctx,
      lxw_worksheet  *ws,
      lxw_row_t      *row,
      const char     *label,
      const char     *value)
{
  _awb_xlsx_text (ctx, ws, *row, 0, label, ctx->f.label);
  _awb_xlsx_text (ctx, ws, *row, 1, value, ctx->f.text);
  (*row)++;
}

static void
pair_date (AwbXlsxContext *ctx,
           lxw_worksheet  *ws,
           lxw_row_t      *row,
           const char     *label,
           const char     *date)
{
  _awb_xlsx_text (ctx, ws, *row, 0, label, ctx->f.label);
  _awb_xlsx_date (ctx, ws, *row, 1, date, ctx->f.date);
  (*row)++;
}

static void
heading (AwbXlsxContext *ctx,
         lxw_worksheet  *ws,
         lxw_row_t      *row,
         const char     *text)
{
  (*row)++;  /* a blank row before each part */
  _awb_xlsx_text (ctx, ws, *row, 0, text, ctx->f.heading);
  for (lxw_col_t c = 1; c < SUMMARY_COLS; c++)
    _awb_xlsx_blank (ctx, ws, *row, c, ctx->f.heading);
  (*row)++;
}

static char *
panel_member_names (AwbXlsxContext *ctx)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *names = g_string_new (NULL);
  int rc;

  stmt = _awb_database_query (ctx->db, NULL,
                              "SELECT name, role FROM panel_members WHERE case_id = ? "
                              "ORDER BY role = 'chair' DESC, created_at, name", "s", ctx->kase->id);
  while (stmt != NULL && (rc = _awb_database_step (ctx->db, stmt, NULL)) == SQLITE_ROW)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, _awb_column_text (stmt, 0));
      if (g_str_equal (_awb_column_text (stmt, 1), "chair"))
        g_string_append_printf (names, " (%s)", _("chair"));
    }
  return g_string_free (names, FALSE);
}

static gboolean
write_key_dates (AwbXlsxContext *ctx,
                 lxw_worksheet  *ws,
                 lxw_row_t      *row)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *error = NULL;
  guint n = 0;
  int rc;

  stmt = _awb_database_query (ctx->db, &error,
                              "SELECT kind, date FROM case_dates WHERE case_id = ? "
                              "ORDER BY date, kind", "s", ctx->kase->id);
  if (stmt == NULL)
    return _awb_xlsx_fail_db (ctx, error);
  while ((rc = _awb_database_step (ctx->db, stmt, &error)) == SQLITE_ROW)
    {
      pair_date (ctx, ws, row, _awb_xlsx_date_kind_label (_awb_column_text (stmt, 0)),
                 _awb_column_text (stmt, 1));
      n++;
    }
  if (rc != SQLITE_DONE)
    return _awb_xlsx_fail_db (ctx, error);
  if (n == 0)
    pair (ctx, ws, row, _("None recorded"), NULL);
  return TRUE;
}

static void
write_check (AwbXlsxContext       *ctx,
             lxw_worksheet        *ws,
             lxw_row_t            *row,
             const AwbCheckResult *check)
{
  if (check->requirement_id == NULL)
    return;
  _awb_xlsx_text (ctx, ws, *row, 0, check->requirement_id, ctx->f.plain);
  _awb_xlsx_text (ctx, ws, *row, 1, check->figures, ctx->f.text);
  _awb_xlsx_text (ctx, ws, *row, 2, check->passed ? _("Passed") : _("Failed"),
                  check->passed ? ctx->f.good_cell : ctx->f.bad_cell);
  _awb_xlsx_number (ctx, ws, *row, 3, check->count, ctx->f.number);
  _awb_xlsx_number (ctx, ws, *row, 4, check->limit, ctx->f.number);
  (*row)++;
}

static void
write_counts_header (AwbXlsxContext *ctx,
                     lxw_worksheet  *ws,
                     lxw_row_t       row)
{
  lxw_col_t c = 2;

  _awb_xlsx_text (ctx, ws, row, 0, _("Section"), ctx->f.header);
  _awb_xlsx_text (ctx, ws, row, 1, _("Title"), ctx->f.header);
  for (guint i = 0; i < G_N_ELEMENTS (rating_order); i++)
    _awb_xlsx_text (ctx, ws, row, c++, awb_rating_label (rating_order[i]), ctx->f.header);
  for (guint i = 0; i < G_N_ELEMENTS (sufficiency_order); i++)
    _awb_xlsx_text (ctx, ws, row, c++, awb_sufficiency_label (sufficiency_order[i]),
                    ctx->f.header);
}

static void
insert_chart (AwbXlsxContext *ctx,
              lxw_worksheet  *ws,
              lxw_row_t       header_row,
              lxw_row_t       last_row,
              lxw_row_t       at_row)
{
  lxw_chart *chart = workbook_add_chart (ctx->workbook, LXW_CHART_BAR_STACKED);
  lxw_chart_options options = { 0 };

  if (chart == NULL)
    {
      _awb_xlsx_check (ctx, LXW_ERROR_MEMORY_MALLOC_FAILED, ws->name);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rating_order); i++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
      lxw_chart_fill fill = { 0 };
      lxw_col_t col = (lxw_col_t) (2 + i);

      chart_series_set_categories (series, ws->name, header_row + 1, 0, last_row, 0);
      chart_series_set_values (series, ws->name, header_row + 1, col, last_row, col);
      chart_series_set_name_range (series, ws->name, header_row, col);
      fill.color = rating_colours[rating_order[i]];
      chart_series_set_fill (series, &fill);
    }
  chart_title_set_name (chart, _("Ratings per section"));
  /* in a bar chart libxlsxwriter's y axis is the categories (vertical) one */
  chart_axis_set_name (chart->y_axis, _("Section"));
  chart_axis_set_name (chart->x_axis, _("Requirements"));
  chart_axis_set_reverse (chart->y_axis);  /* sections top to bottom, as in the table */
  chart_axis_set_major_unit (chart->x_axis, 1);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  chart_set_series_gap (chart, 60);

  options.x_scale = 2.8;  /* about as wide as the table above it */
  options.y_scale = 1.6;
  options.description = (char *) _("Ratings per section");
  _awb_xlsx_check (ctx, worksheet_insert_chart_opt (ws, at_row, 0, chart, &options), ws->name);
}

gboolean
_awb_xlsx_write_summary (AwbXlsxContext *ctx)
{
  AwbXlsxCase *k = ctx->kase;
  AwbJudgement *j = k->judgement;
  static const AwbXlsxColumn columns[SUMMARY_COLS] = {
    { NULL, 30 }, { NULL, 56 }, { NULL, 13 }, { NULL, 13 }, { NULL, 13 }, { NULL, 13 },
    { NULL, 13 }, { NULL, 13 }, { NULL, 13 }, { NULL, 13 }, { NULL, 13 },
  };
  g_autofree char *catalogue = NULL;
  g_autofree char *panel = NULL;
  guint totals_r[AWB_N_RATINGS] = { 0 };
  guint totals_s[AWB_N_SUFFICIENCIES] = { 0 };
  lxw_worksheet *ws;
  lxw_row_t row = 0;
  lxw_row_t header_row;
  lxw_col_t c;

  ws = _awb_xlsx_add_sheet (ctx, NC_("workbook sheet", "Summary"), columns, SUMMARY_COLS, 1, 0);
  if (ws == NULL)
    return FALSE;

  _awb_xlsx_text (ctx, ws, row, 0, _("Expert panel workbook"), ctx->f.title);
  _awb_xlsx_text (ctx, ws, row, 1, k->applicant, ctx->f.title);
  row++;

  heading (ctx, ws, &row, _("Case"));
  pair (ctx, ws, &row, _("Applicant"), k->applicant);
  pair (ctx, ws, &row, _("Unified social credit code"), k->credit_code);
  pair (ctx, ws, &row, _("Application type"), _awb_xlsx_app_type_label (k->app_type));
  if (g_strcmp0 (k->app_type, "maintenance") == 0)
    {
      pair (ctx, ws, &row, _("Previous certificate"), k->previous_certificate);
      pair_date (ctx, ws, &row, _("Previous certificate expires"), k->previous_expiry);
    }
  catalogue = g_strdup_printf ("%s (%s %s)", awb_catalogue_get_title (k->catalogue),
                               awb_catalogue_get_id (k->catalogue),
                               awb_catalogue_get_version (k->catalogue));
  pair (ctx, ws, &row, _("Catalogue"), catalogue);
  pair (ctx, ws, &row, _("Stage"), _awb_xlsx_stage_label (k->stage));
  pair (ctx, ws, &row, _("Case id"), k->id);
  pair (ctx, ws, &row, _("Project leader"), k->leader);
  pair (ctx, ws, &row, _("Evaluators"), k->evaluators);
  {
    lxw_datetime today = { 0 };

    today.year = g_date_get_year (&ctx->today);
    today.month = g_date_get_month (&ctx->today);
    today.day = g_date_get_day (&ctx->today);
    _awb_xlsx_text (ctx, ws, row, 0, _("Exported on"), ctx->f.label);
    _awb_xlsx_datetime (ctx, ws, row, 1, &today, ctx->f.date);
    row++;
  }

  heading (ctx, ws, &row, _("Key dates"));
  if (!write_key_dates (ctx, ws, &row))
    return FALSE;

  heading (ctx, ws, &row, _("Deadlines and notices"));
  for (guint i = 0; i < j->notices->len; i++)
    {
      _awb_xlsx_text (ctx, ws, row, 0, _("Notice"), ctx->f.label);
      _awb_xlsx_text (ctx, ws, row, 1, j->notices->pdata[i], ctx->f.overdue_text);
      row++;
    }
  if (j->notices->len == 0)
    pair (ctx, ws, &row, _("None"), _("No deadline is due or breached."));

  heading (ctx, ws, &row, _("Audit conclusion"));
  _awb_xlsx_text (ctx, ws, row, 0, _("Conclusion"), ctx->f.label);
  _awb_xlsx_text (ctx, ws, row, 1, awb_conclusion_label (j->conclusion),
                  j->conclusion == AWB_CONCLUSION_PASS ? ctx->f.good_cell
                  : j->conclusion == AWB_CONCLUSION_FAIL ? ctx->f.bad_cell : ctx->f.fair_cell);
  row++;
  if (frozen_conclusion_label (k->team_conclusion) != NULL)
    pair (ctx, ws, &row, _("Conclusion when submitted"),
          frozen_conclusion_label (k->team_conclusion));
  pair (ctx, ws, &row, j->statement_stale ? _("Statement (out of date)") : _("Statement"),
        j->statement);
  if (j->reasons->len > 0)
    {
      _awb_xlsx_text (ctx, ws, row, 0, _("Requirement"), ctx->f.header);
      _awb_xlsx_text (ctx, ws, row, 1, _("Reason"), ctx->f.header);
      row++;
    }
  for (guint i = 0; i < j->reasons->len; i++)
    {
      AwbReason *reason = j->reasons->pdata[i];

      _awb_xlsx_text (ctx, ws, row, 0,
                      reason->requirement_id != NULL ? reason->requirement_id : _("Whole case"),
                      ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, 1, reason->text, ctx->f.text);
      row++;
    }

  heading (ctx, ws, &row, _("Quantitative checks"));
  _awb_xlsx_text (ctx, ws, row, 0, _("Requirement"), ctx->f.header);
  _awb_xlsx_text (ctx, ws, row, 1, _("Figures"), ctx->f.header);
  _awb_xlsx_text (ctx, ws, row, 2, _("Result"), ctx->f.header);
  _awb_xlsx_text (ctx, ws, row, 3, _("Count"), ctx->f.header);
  _awb_xlsx_text (ctx, ws, row, 4, _("Limit"), ctx->f.header);
  row++;
  write_check (ctx, ws, &row, &j->staff_check);
  write_check (ctx, ws, &row, &j->acceptance_check);

  heading (ctx, ws, &row, _("Expert panel"));
  panel = panel_member_names (ctx);
  pair (ctx, ws, &row, _("Panel members"), panel);
  if (k->submitted_at != NULL)
    {
      _awb_xlsx_text (ctx, ws, row, 0, _("Submitted to the panel"), ctx->f.label);
      _awb_xlsx_timestamp (ctx, ws, row, 1, k->submitted_at, ctx->f.datetime);
      row++;
    }
  else
    pair (ctx, ws, &row, _("Submitted to the panel"), _("Not yet"));
  pair (ctx, ws, &row, _("Panel conclusion"), _awb_xlsx_panel_label (k->panel_conclusion));
  if (k->panel_concluded_at != NULL)
    {
      _awb_xlsx_text (ctx, ws, row, 0, _("Panel concluded"), ctx->f.label);
      _awb_xlsx_timestamp (ctx, ws, row, 1, k->panel_concluded_at, ctx->f.datetime);
      row++;
    }

  /* the table and its chart on a page of their own */
  {
    lxw_row_t breaks[] = { row + 1, 0 };

    _awb_xlsx_check (ctx, worksheet_set_h_pagebreaks (ws, breaks), ws->name);
  }
  heading (ctx, ws, &row, _("Ratings and evidence per section"));
  header_row = row;
  write_counts_header (ctx, ws, row++);
  for (guint i = 0; i < j->sections->len; i++)
    {
      AwbSectionCounts *s = j->sections->pdata[i];
      AwbSection *section = awb_catalogue_lookup_section (k->catalogue, s->section_id);

      _awb_xlsx_text (ctx, ws, row, 0, s->section_id, ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, 1, section != NULL ? awb_section_get_title (section) : NULL,
                      ctx->f.text);
      c = 2;
      for (guint r = 0; r < G_N_ELEMENTS (rating_order); r++)
        {
          _awb_xlsx_number (ctx, ws, row, c++, s->ratings[rating_order[r]], ctx->f.number);
          totals_r[rating_order[r]] += s->ratings[rating_order[r]];
        }
      for (guint r = 0; r < G_N_ELEMENTS (sufficiency_order); r++)
        {
          _awb_xlsx_number (ctx, ws, row, c++, s->sufficiency[sufficiency_order[r]],
                            ctx->f.number);
          totals_s[sufficiency_order[r]] += s->sufficiency[sufficiency_order[r]];
        }
      row++;
      if (!_awb_xlsx_tick (ctx, 1))
        return FALSE;
    }
  if (j->sections->len > 0)
    _awb_xlsx_check (ctx, worksheet_autofilter (ws, header_row, 0, row - 1, SUMMARY_COLS - 1),
                     ws->name);

  _awb_xlsx_text (ctx, ws, row, 0, _("Total"), ctx->f.total);
  _awb_xlsx_blank (ctx, ws, row, 1, ctx->f.total);
  c = 2;
  for (guint r = 0; r < G_N_ELEMENTS (rating_order); r++)
    _awb_xlsx_number (ctx, ws, row, c++, totals_r[rating_order[r]], ctx->f.total);
  for (guint r = 0; r < G_N_ELEMENTS (sufficiency_order); r++)
    _awb_xlsx_number (ctx, ws, row, c++, totals_s[sufficiency_order[r]], ctx->f.total);
  row++;

  if (j->sections->len > 0)
    insert_chart (ctx, ws, header_row, header_row + j->sections->len, row + 1);

  _awb_xlsx_sheet_done (ctx, ws, j->sections->len);
  return !_awb_xlsx_failed (ctx);
}

/* requirement id → the evidence items linked to it, one a line, by the first
 * 13 characters of their ids (unique in practice, and a prefix the Evidence
 * sheet's filter and the workbench both find); the list stops growing past
 * what a cell holds (the cell then says where the rest is). */
static GHashTable *
evidence_ids_by_requirement (AwbXlsxContext *ctx)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     _awb_xlsx_string_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *error = NULL;
  int rc;

  stmt = _awb_database_query (ctx->db, &error,
                              "SELECT l.requirement_id, substr (e.id, 1, 13) FROM evidence e "
                              "JOIN evidence_links l ON l.evidence_id = e.id "
                              "WHERE e.case_id = ? ORDER BY l.requirement_id, e.recorded_at, e.id",
                              "s", ctx->kase->id);
  if (stmt == NULL)
    {
      _awb_xlsx_fail_db (ctx, error);
      return NULL;
    }
  while ((rc = _awb_database_step (ctx->db, stmt, &error)) == SQLITE_ROW)
    {
      const char *req = _awb_column_text (stmt, 0);
      GString *ids = g_hash_table_lookup (map, req);

      if (ids == NULL)
        {
          ids = g_string_new (NULL);
          g_hash_table_insert (map, g_strdup (req), ids);
        }
      if (ids->len > AWB_XLSX_CELL_MAX)
        continue;
      if (ids->len > 0)
        g_string_append_c (ids, '\n');
      g_string_append (ids, _awb_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      _awb_xlsx_fail_db (ctx, error);
      return NULL;
    }
  return g_steal_pointer (&map);
}

static GHashTable *
findings_by_requirement (AwbXlsxContext *ctx)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     _awb_xlsx_string_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *error = NULL;
  int rc;

  stmt = _awb_database_query (ctx->db, &error,
                              "SELECT requirement_id, kind, status, text FROM findings "
                              "WHERE case_id = ? ORDER BY created_at, id", "s", ctx->kase->id);
  if (stmt == NULL)
    {
      _awb_xlsx_fail_db (ctx, error);
      return NULL;
    }
  while ((rc = _awb_database_step (ctx->db, stmt, &error)) == SQLITE_ROW)
    {
      const char *req = _awb_column_text (stmt, 0);
      GString *text = g_hash_table_lookup (map, req);

      if (text == NULL)
        {
          text = g_string_new (NULL);
          g_hash_table_insert (map, g_strdup (req), text);
        }
      if (text->len > AWB_XLSX_CELL_MAX)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* "Nonconformity (Open): text" */
      g_string_append_printf (text, "%s (%s): %s",
                              _awb_xlsx_finding_kind_label (_awb_column_text (stmt, 1)),
                              _awb_xlsx_finding_status_label (_awb_column_text (stmt, 2)),
                              _awb_column_text (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    {
      _awb_xlsx_fail_db (ctx, error);
      return NULL;
    }
  return g_steal_pointer (&map);
}

enum {
  REQ_SECTION, REQ_ID, REQ_TEXT_ZH, REQ_TEXT_EN, REQ_RATING, REQ_SUGGESTED, REQ_SUFFICIENCY,
  REQ_MISSING, REQ_DOCUMENTS, REQ_INTERVIEWS, REQ_DEMONSTRATIONS, REQ_CONTRADICTING,
  REQ_EVIDENCE, REQ_RATIONALE, REQ_FINDINGS, REQ_N_COLUMNS
};

gboolean
_awb_xlsx_write_requirements (AwbXlsxContext *ctx)
{
  AwbXlsxCase *k = ctx->kase;
  AwbJudgement *j = k->judgement;
  AwbXlsxColumn columns[REQ_N_COLUMNS] = {
    { _("Section"), 8 },
    { _("Requirement"), 12 },
    { _("Requirement (Chinese)"), 34 },
    { _("Requirement (English)"), 38 },
    { _("Rating"), 14 },
    { _("Suggested rating"), 14 },
    { _("Evidence sufficiency"), 13 },
    { _("What is missing"), 20 },
    { _("Documents"), 11 },
    { _("Interviews"), 11 },
    { _("Demonstrations"), 14 },
    { _("Contradicting"), 13 },
    { _("Evidence items (short ids)"), 15 },
    { _("Rationale"), 32 },
    { _("Findings"), 34 },
  };
  g_autoptr(GHashTable) evidence = NULL;
  g_autoptr(GHashTable) findings = NULL;
  lxw_worksheet *ws;
  lxw_row_t row = 0;
  lxw_row_t last;

  evidence = evidence_ids_by_requirement (ctx);
  if (evidence == NULL)
    return FALSE;
  findings = findings_by_requirement (ctx);
  if (findings == NULL)
    return FALSE;

  ws = _awb_xlsx_add_sheet (ctx, NC_("workbook sheet", "Requirements"), columns, REQ_N_COLUMNS, 1, 2);
  if (ws == NULL)
    return FALSE;
  _awb_xlsx_header_row (ctx, ws, row++, columns, REQ_N_COLUMNS);

  for (guint i = 0; i < j->requirements->len; i++)
    {
      AwbRequirementJudgement *r = j->requirements->pdata[i];
      AwbRequirement *req = awb_catalogue_lookup (k->catalogue, r->requirement_id);
      GString *ids = g_hash_table_lookup (evidence, r->requirement_id);
      GString *found = g_hash_table_lookup (findings, r->requirement_id);
      g_autofree char *where = g_strdup_printf (_("requirement %s"), r->requirement_id);

      _awb_xlsx_text (ctx, ws, row, REQ_SECTION, r->section_id, ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, REQ_ID, r->requirement_id, ctx->f.plain);
      if (req != NULL)
        {
          _awb_xlsx_text (ctx, ws, row, REQ_TEXT_ZH, awb_requirement_get_text_zh (req), ctx->f.text);
          _awb_xlsx_text (ctx, ws, row, REQ_TEXT_EN, awb_requirement_get_text_en (req), ctx->f.text);
        }
      _awb_xlsx_text (ctx, ws, row, REQ_RATING, awb_rating_label (r->rating), ctx->f.text);
      _awb_xlsx_text (ctx, ws, row, REQ_SUGGESTED, _awb_xlsx_suggested_label (r->suggested),
                      ctx->f.text);
      _awb_xlsx_text (ctx, ws, row, REQ_SUFFICIENCY, awb_sufficiency_label (r->sufficiency),
                      ctx->f.text);
      _awb_xlsx_text (ctx, ws, row, REQ_MISSING, r->missing, ctx->f.text);
      _awb_xlsx_number (ctx, ws, row, REQ_DOCUMENTS, r->supporting[AWB_METHOD_DOCUMENT],
                        ctx->f.number);
      _awb_xlsx_number (ctx, ws, row, REQ_INTERVIEWS, r->supporting[AWB_METHOD_INTERVIEW],
                        ctx->f.number);
      _awb_xlsx_number (ctx, ws, row, REQ_DEMONSTRATIONS, r->supporting[AWB_METHOD_DEMONSTRATION],
                        ctx->f.number);
      _awb_xlsx_number (ctx, ws, row, REQ_CONTRADICTING, r->contradicting, ctx->f.number);
      if (ids != NULL)
        _awb_xlsx_text_cut (ctx, ws, row, REQ_EVIDENCE, ids->str, where, ctx->f.text);
      _awb_xlsx_text_cut (ctx, ws, row, REQ_RATIONALE, r->rationale, where, ctx->f.text);
      if (found != NULL)
        _awb_xlsx_text_cut (ctx, ws, row, REQ_FINDINGS, found->str, where, ctx->f.text);
      row++;
      if (!_awb_xlsx_tick (ctx, 1))
        return FALSE;
    }

  last = row > 1 ? row - 1 : 1;
  _awb_xlsx_check (ctx, worksheet_autofilter (ws, 0, 0, last, REQ_N_COLUMNS - 1), ws->name);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_RATING,
                              awb_rating_label (AWB_RATING_CONFORMANT), ctx->f.good);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_RATING,
                              awb_rating_label (AWB_RATING_LARGELY), ctx->f.fair);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_RATING,
                              awb_rating_label (AWB_RATING_NONCONFORMANT), ctx->f.bad);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_RATING,
                              awb_rating_label (AWB_RATING_NOT_APPLICABLE), ctx->f.aside);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_RATING,
                              awb_rating_label (AWB_RATING_UNRATED), ctx->f.neutral);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_SUGGESTED,
                              awb_rating_label (AWB_RATING_CONFORMANT), ctx->f.good);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_SUGGESTED,
                              awb_rating_label (AWB_RATING_LARGELY), ctx->f.fair);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_SUGGESTED,
                              _awb_xlsx_suggested_label ("review"), ctx->f.bad);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_SUFFICIENCY,
                              awb_sufficiency_label (AWB_SUFFICIENCY_SUFFICIENT), ctx->f.good);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_SUFFICIENCY,
                              awb_sufficiency_label (AWB_SUFFICIENCY_INSUFFICIENT), ctx->f.fair);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_SUFFICIENCY,
                              awb_sufficiency_label (AWB_SUFFICIENCY_CONTRADICTED), ctx->f.bad);
  _awb_xlsx_conditional_text (ctx, ws, 1, last, REQ_SUFFICIENCY,
                              awb_sufficiency_label (AWB_SUFFICIENCY_NONE), ctx->f.neutral);

  _awb_xlsx_sheet_done (ctx, ws, j->requirements->len);
  return !_awb_xlsx_failed (ctx);
}
