/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-xlsx"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-xlsx-private.h"
#include "awb-error.h"
#include "awb-evidence.h"

/* The record sheets of the panel workbook: Evidence (one row per item,
 * streamed from SQLite in constant memory — a case may hold 100,000 items),
 * Findings, and Registers (staff and projects with the two quantitative
 * checks). */

/* Progress and cancellation are looked at every this many rows. */
#define TICK_ROWS 256

enum {
  EV_ID, EV_METHOD, EV_TITLE, EV_REQUIREMENTS, EV_SUPPORTS, EV_OBSERVATION, EV_EVALUATOR,
  EV_OBSERVED, EV_RECORDED, EV_VERSION, EV_WORK_PRODUCT, EV_LOCATION, EV_INTERVIEWEE, EV_ROLE,
  EV_TOPICS, EV_SUMMARY, EV_ENVIRONMENT, EV_OPERATED, EV_OPERATOR, EV_OUTCOME, EV_ATTACHMENTS,
  EV_SHA256, EV_N_COLUMNS
};

/* The query's columns 7 … 17 are the method's own fields, EV_VERSION … EV_OUTCOME,
 * in the order of awb_evidence_method_fields (document, interview, demonstration). */
#define EV_FIRST_FIELD_COLUMN 7

typedef struct
{
  const char *requirement;
  const char *supports;
  guint       position;
} Link;

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const Link *la = a;
  const Link *lb = b;

  if (la->position != lb->position)
    return la->position < lb->position ? -1 : 1;
  return strcmp (la->requirement, lb->requirement);
}

static const char *
supports_label (const char *code)
{
  AwbSupports supports;

  if (awb_supports_from_string (code, &supports))
    return awb_supports_label (supports);
  return code;
}

/* "3.2.1-1\tyes\n3.2.1-2\tpartly" → the requirements and how the item bears
 * on each, one a line, in catalogue order. */
static void
write_links (AwbXlsxContext *ctx,
             lxw_worksheet  *ws,
             lxw_row_t       row,
             char           *links)
{
  g_autoptr(GArray) list = NULL;
  g_autoptr(GString) reqs = NULL;
  g_autoptr(GString) supports = NULL;
  char *line;
  char *next;

  if (links == NULL || *links == '\0')
    return;

  if (strchr (links, '\n') == NULL)
    {
      char *tab = strchr (links, '\t');

      if (tab != NULL)
        *tab = '\0';
      _awb_xlsx_text (ctx, ws, row, EV_REQUIREMENTS, links, ctx->f.plain);
      if (tab != NULL)
        _awb_xlsx_text (ctx, ws, row, EV_SUPPORTS, supports_label (tab + 1), ctx->f.plain);
      return;
    }

  list = g_array_new (FALSE, FALSE, sizeof (Link));
  for (line = links; line != NULL; line = next)
    {
      Link link;
      char *tab;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      tab = strchr (line, '\t');
      if (tab != NULL)
        *tab = '\0';
      link.requirement = line;
      link.supports = tab != NULL ? tab + 1 : "";
      link.position = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->kase->positions, line));
      g_array_append_val (list, link);
    }
  g_array_sort (list, compare_links);

  reqs = g_string_new (NULL);
  supports = g_string_new (NULL);
  for (guint i = 0; i < list->len; i++)
    {
      Link *link = &g_array_index (list, Link, i);

      if (i > 0)
        {
          g_string_append_c (reqs, '\n');
          g_string_append_c (supports, '\n');
        }
      g_string_append (reqs, link->requirement);
      g_string_append (supports, supports_label (link->supports));
    }
  _awb_xlsx_text (ctx, ws, row, EV_REQUIREMENTS, reqs->str, ctx->f.text);
  _awb_xlsx_text (ctx, ws, row, EV_SUPPORTS, supports->str, ctx->f.text);
}

/* "name\tsize\tsha256" lines → "name (12.3 kB)" lines and the hashes. */
static void
write_attachments (AwbXlsxContext *ctx,
                   lxw_worksheet  *ws,
                   lxw_row_t       row,
                   char           *attachments,
                   const char     *where)
{
  g_autoptr(GString) names = NULL;
  g_autoptr(GString) hashes = NULL;
  char *line;
  char *next;

  if (attachments == NULL || *attachments == '\0')
    return;

  names = g_string_new (NULL);
  hashes = g_string_new (NULL);
  for (line = attachments; line != NULL; line = next)
    {
      char *size;
      char *sha;
      g_autofree char *human = NULL;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      size = strchr (line, '\t');
      if (size == NULL)
        continue;
      *size++ = '\0';
      sha = strchr (size, '\t');
      if (sha == NULL)
        continue;
      *sha++ = '\0';
      human = g_format_size ((guint64) g_ascii_strtoull (size, NULL, 10));
      if (names->len > 0)
        {
          g_string_append_c (names, '\n');
          g_string_append_c (hashes, '\n');
        }
      g_string_append_printf (names, "%s (%s)", line, human);
      g_string_append (hashes, sha);
    }
  _awb_xlsx_text_cut (ctx, ws, row, EV_ATTACHMENTS, names->str, where, ctx->f.text);
  _awb_xlsx_text_cut (ctx, ws, row, EV_SHA256, hashes->str, where, ctx->f.text);
}

static const char *
method_label (const char *code)
{
  AwbMethod method;

  if (awb_method_from_string (code, &method))
    return awb_method_label (method);
  return code;
}

gboolean
_awb_xlsx_write_evidence (AwbXlsxContext *ctx)
{
  AwbXlsxColumn columns[EV_N_COLUMNS] = {
    { _("Evidence id"), 37 },
    { _("Method"), 13 },
    { _("Title"), 26 },
    { _("Requirements"), 13 },
    { _("Bears on them"), 13 },
    { _("Observation"), 44 },
    { _("Evaluator"), 12 },
    { _("Observed on"), 11 },
    { _("Recorded at"), 16 },
    /* EV_VERSION … EV_OUTCOME: the method's own fields, named as everywhere else */
    { NULL, 11 }, { NULL, 16 }, { NULL, 13 },
    { NULL, 13 }, { NULL, 12 }, { NULL, 16 }, { NULL, 28 },
    { NULL, 16 }, { NULL, 16 }, { NULL, 12 }, { NULL, 22 },
    { _("Attachments"), 22 },
    { _("SHA-256"), 34 },
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *error = NULL;
  lxw_worksheet *ws;
  lxw_row_t row = 0;
  guint records = 0;
  guint pending = 0;
  int rc;

  for (guint m = 0, c = EV_VERSION; m < AWB_N_METHODS; m++)
    for (const char * const *key = awb_evidence_method_fields ((AwbMethod) m); *key != NULL; key++)
      columns[c++].title = awb_evidence_field_label (*key);

  ws = _awb_xlsx_add_sheet (ctx, NC_("workbook sheet", "Evidence"), columns, EV_N_COLUMNS, 1, 1);
  if (ws == NULL)
    return FALSE;
  _awb_xlsx_header_row (ctx, ws, row++, columns, EV_N_COLUMNS);

  stmt = _awb_database_query (ctx->db, &error,
                              "SELECT e.id, e.method, e.title, e.observation, e.evaluator, "
                              "e.observed_on, e.recorded_at, e.version, e.work_product, "
                              "e.location, e.interviewee, e.role, e.topics, e.summary, "
                              "e.environment, e.operated, e.operator, e.outcome, "
                              "(SELECT group_concat (l.requirement_id || char (9) || l.supports, "
                              "  char (10)) FROM evidence_links l WHERE l.evidence_id = e.id), "
                              "(SELECT group_concat (a.name || char (9) || a.size || char (9) || "
                              "  a.sha256, char (10)) FROM (SELECT name, size, sha256 "
                              "  FROM attachments WHERE evidence_id = e.id "
                              "  ORDER BY added_at, name) a) "
                              "FROM evidence e WHERE e.case_id = ? ORDER BY e.recorded_at, e.id",
                              "s", ctx->kase->id);
  if (stmt == NULL)
    return _awb_xlsx_fail_db (ctx, error);

  while ((rc = _awb_database_step (ctx->db, stmt, &error)) == SQLITE_ROW)
    {
      const char *id = _awb_column_text (stmt, 0);
      const char *observation = _awb_column_text (stmt, 3);
      g_autofree char *where = NULL;
      g_autofree char *links = g_strdup ((const char *) sqlite3_column_text (stmt, 18));
      g_autofree char *attachments = g_strdup ((const char *) sqlite3_column_text (stmt, 19));

      if (row >= LXW_ROW_MAX)
        {
          g_set_error (&ctx->error, AWB_ERROR, AWB_ERROR_REFUSED,
                       _("The case has more evidence items than an Excel sheet holds "
                         "(%u rows): the workbook cannot be written. Nothing was written."),
                       (guint) LXW_ROW_MAX - 1);
          return FALSE;
        }

      where = g_strdup_printf (_("evidence %s"), id);
      _awb_xlsx_text (ctx, ws, row, EV_ID, id, ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, EV_METHOD, method_label (_awb_column_text (stmt, 1)),
                      ctx->f.plain);
      _awb_xlsx_text_cut (ctx, ws, row, EV_TITLE, _awb_column_text (stmt, 2), where,
                          ctx->f.text);
      write_links (ctx, ws, row, links);
      _awb_xlsx_text_cut (ctx, ws, row, EV_OBSERVATION, observation, where, ctx->f.text);
      _awb_xlsx_text (ctx, ws, row, EV_EVALUATOR, _awb_column_text (stmt, 4), ctx->f.text);
      _awb_xlsx_date (ctx, ws, row, EV_OBSERVED, (const char *) sqlite3_column_text (stmt, 5),
                      ctx->f.date);
      _awb_xlsx_timestamp (ctx, ws, row, EV_RECORDED, _awb_column_text (stmt, 6),
                           ctx->f.datetime);
      for (int c = 0; c <= EV_OUTCOME - EV_VERSION; c++)
        _awb_xlsx_text_cut (ctx, ws, row, (lxw_col_t) (EV_VERSION + c),
                            (const char *) sqlite3_column_text (stmt, EV_FIRST_FIELD_COLUMN + c),
                            where, ctx->f.text);
      write_attachments (ctx, ws, row, attachments, where);

      row++;
      records++;
      if (++pending == TICK_ROWS)
        {
          pending = 0;
          if (!_awb_xlsx_tick (ctx, TICK_ROWS) || _awb_xlsx_failed (ctx))
            return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    return _awb_xlsx_fail_db (ctx, error);
  if (!_awb_xlsx_tick (ctx, pending))
    return FALSE;

  _awb_xlsx_check (ctx, worksheet_autofilter (ws, 0, 0, MAX (row - 1, 1), EV_N_COLUMNS - 1),
                   ws->name);
  _awb_xlsx_sheet_done (ctx, ws, records);
  return !_awb_xlsx_failed (ctx);
}

typedef struct
{
  char  *id;
  char  *requirement;
  char  *kind;
  char  *text;
  char  *action;
  char  *due;
  char  *status;
  char  *actor;
  char  *created_at;
  guint  position;
} Finding;

static void
finding_free (gpointer data)
{
  Finding *f = data;

  g_free (f->id);
  g_free (f->requirement);
  g_free (f->kind);
  g_free (f->text);
  g_free (f->action);
  g_free (f->due);
  g_free (f->status);
  g_free (f->actor);
  g_free (f->created_at);
  g_free (f);
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const Finding *fa = *(Finding * const *) a;
  const Finding *fb = *(Finding * const *) b;

  if (fa->position != fb->position)
    return fa->position < fb->position ? -1 : 1;
  return strcmp (fa->created_at, fb->created_at);
}

enum {
  FI_ID, FI_REQUIREMENT, FI_KIND, FI_TEXT, FI_ACTION, FI_DUE, FI_STATUS, FI_OVERDUE, FI_ACTOR,
  FI_CREATED, FI_N_COLUMNS
};

/* Overdue: still open after its due date (a rectified finding waits for
 * verification, not for the applicant). */
static gboolean
is_overdue (AwbXlsxContext *ctx,
            const Finding  *f)
{
  lxw_datetime due;
  GDate date;

  if (g_strcmp0 (f->status, "open") != 0 || !_awb_xlsx_date_parse (f->due, &due))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) due.day, (GDateMonth) due.month, (GDateYear) due.year);
  return g_date_compare (&date, &ctx->today) < 0;
}

gboolean
_awb_xlsx_write_findings (AwbXlsxContext *ctx)
{
  AwbXlsxColumn columns[FI_N_COLUMNS] = {
    { _("Finding id"), 37 },
    { _("Requirement"), 12 },
    { _("Kind"), 15 },
    { _("Finding"), 50 },
    { _("Rectification action"), 40 },
    { _("Due"), 11 },
    { _("Status"), 11 },
    { _("Overdue"), 9 },
    { _("Recorded by"), 14 },
    { _("Recorded at"), 16 },
  };
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (finding_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *error = NULL;
  lxw_worksheet *ws;
  lxw_row_t row = 0;
  int rc;

  stmt = _awb_database_query (ctx->db, &error,
                              "SELECT id, requirement_id, kind, text, action, due, status, actor, "
                              "created_at FROM findings WHERE case_id = ?", "s", ctx->kase->id);
  if (stmt == NULL)
    return _awb_xlsx_fail_db (ctx, error);
  while ((rc = _awb_database_step (ctx->db, stmt, &error)) == SQLITE_ROW)
    {
      Finding *f = g_new0 (Finding, 1);

      f->id = g_strdup (_awb_column_text (stmt, 0));
      f->requirement = g_strdup (_awb_column_text (stmt, 1));
      f->kind = g_strdup (_awb_column_text (stmt, 2));
      f->text = g_strdup (_awb_column_text (stmt, 3));
      f->action = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      f->due = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      f->status = g_strdup (_awb_column_text (stmt, 6));
      f->actor = g_strdup (_awb_column_text (stmt, 7));
      f->created_at = g_strdup (_awb_column_text (stmt, 8));
      f->position = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->kase->positions, f->requirement));
      g_ptr_array_add (findings, f);
    }
  if (rc != SQLITE_DONE)
    return _awb_xlsx_fail_db (ctx, error);
  g_ptr_array_sort (findings, compare_findings);

  ws = _awb_xlsx_add_sheet (ctx, NC_("workbook sheet", "Findings"), columns, FI_N_COLUMNS, 1, 1);
  if (ws == NULL)
    return FALSE;
  _awb_xlsx_header_row (ctx, ws, row++, columns, FI_N_COLUMNS);

  for (guint i = 0; i < findings->len; i++)
    {
      Finding *f = findings->pdata[i];
      gboolean overdue = is_overdue (ctx, f);
      g_autofree char *where = g_strdup_printf (_("finding %s"), f->id);

      _awb_xlsx_text (ctx, ws, row, FI_ID, f->id, ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, FI_REQUIREMENT, f->requirement, ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, FI_KIND, _awb_xlsx_finding_kind_label (f->kind), ctx->f.plain);
      _awb_xlsx_text_cut (ctx, ws, row, FI_TEXT, f->text, where, ctx->f.text);
      _awb_xlsx_text_cut (ctx, ws, row, FI_ACTION, f->action, where, ctx->f.text);
      _awb_xlsx_date (ctx, ws, row, FI_DUE, f->due, overdue ? ctx->f.overdue_date : ctx->f.date);
      _awb_xlsx_text (ctx, ws, row, FI_STATUS, _awb_xlsx_finding_status_label (f->status),
                      ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, FI_OVERDUE, _awb_xlsx_yes_no (overdue),
                      overdue ? ctx->f.overdue_text : ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, FI_ACTOR, f->actor, ctx->f.text);
      _awb_xlsx_timestamp (ctx, ws, row, FI_CREATED, f->created_at, ctx->f.datetime);
      row++;
      if (!_awb_xlsx_tick (ctx, 1))
        return FALSE;
    }

  _awb_xlsx_check (ctx, worksheet_autofilter (ws, 0, 0, MAX (row - 1, 1), FI_N_COLUMNS - 1),
                   ws->name);
  _awb_xlsx_sheet_done (ctx, ws, findings->len);
  return !_awb_xlsx_failed (ctx);
}

static void
write_check (AwbXlsxContext       *ctx,
             lxw_worksheet        *ws,
             lxw_row_t             row,
             const AwbCheckResult *check,
             const char           *name)
{
  _awb_xlsx_text (ctx, ws, row, 0, check->requirement_id, ctx->f.plain);
  _awb_xlsx_text (ctx, ws, row, 1, name, ctx->f.text);
  _awb_xlsx_text (ctx, ws, row, 2, check->passed ? _("Passed") : _("Failed"),
                  check->passed ? ctx->f.good_cell : ctx->f.bad_cell);
  _awb_xlsx_number (ctx, ws, row, 3, check->count, ctx->f.number);
  _awb_xlsx_number (ctx, ws, row, 4, check->limit, ctx->f.number);
  _awb_xlsx_text (ctx, ws, row, 5, check->figures, ctx->f.text);
}

static void
table_header (AwbXlsxContext *ctx,
              lxw_worksheet  *ws,
              lxw_row_t       row,
              const char     *titles[6])
{
  for (lxw_col_t c = 0; c < 6; c++)
    _awb_xlsx_text (ctx, ws, row, c, titles[c], ctx->f.header);
}

gboolean
_awb_xlsx_write_registers (AwbXlsxContext *ctx)
{
  AwbJudgement *j = ctx->kase->judgement;
  static const AwbXlsxColumn columns[6] = {
    { NULL, 37 }, { NULL, 26 }, { NULL, 30 }, { NULL, 16 }, { NULL, 18 }, { NULL, 50 },
  };
  const char *check_titles[6] = {
    _("Requirement"), _("Check"), _("Result"), _("Count"), _("Limit"), _("Figures"),
  };
  const char *staff_titles[6] = {
    _("Staff id"), _("Name"), _("Full-time"), _("Certificate kind"), _("Certificate number"),
    _("Valid until"),
  };
  const char *project_titles[6] = {
    _("Project id"), _("Client"), _("Service"), _("From"), _("To"), _("Acceptance result"),
  };
  g_autoptr(sqlite3_stmt) staff = NULL;
  g_autoptr(sqlite3_stmt) projects = NULL;
  GError *error = NULL;
  lxw_worksheet *ws;
  lxw_row_t row = 0;
  lxw_row_t staff_header;
  guint records = 0;
  int rc;

  ws = _awb_xlsx_add_sheet (ctx, NC_("workbook sheet", "Registers"), columns, 6, 3, 0);
  if (ws == NULL)
    return FALSE;

  /* the two checks stay in view above both registers */
  table_header (ctx, ws, row++, check_titles);
  write_check (ctx, ws, row++, &j->staff_check, _("Full-time registered professionals"));
  write_check (ctx, ws, row++, &j->acceptance_check, _("No failed acceptance in 3 years"));
  row++;

  _awb_xlsx_text (ctx, ws, row++, 0, _("Staff register"), ctx->f.heading);
  staff_header = row;
  table_header (ctx, ws, row++, staff_titles);
  staff = _awb_database_query (ctx->db, &error,
                               "SELECT id, name, full_time, cert_kind, cert_no, valid_until "
                               "FROM staff WHERE case_id = ? ORDER BY name, id", "s",
                               ctx->kase->id);
  if (staff == NULL)
    return _awb_xlsx_fail_db (ctx, error);
  while ((rc = _awb_database_step (ctx->db, staff, &error)) == SQLITE_ROW)
    {
      _awb_xlsx_text (ctx, ws, row, 0, _awb_column_text (staff, 0), ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, 1, _awb_column_text (staff, 1), ctx->f.text);
      _awb_xlsx_text (ctx, ws, row, 2, _awb_xlsx_yes_no (sqlite3_column_int (staff, 2) != 0),
                      ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, 3, _awb_column_text (staff, 3), ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, 4, _awb_column_text (staff, 4), ctx->f.plain);
      _awb_xlsx_date (ctx, ws, row, 5, _awb_column_text (staff, 5), ctx->f.date);
      row++;
      records++;
      if (!_awb_xlsx_tick (ctx, 1))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _awb_xlsx_fail_db (ctx, error);
  _awb_xlsx_check (ctx, worksheet_autofilter (ws, staff_header, 0, MAX (row - 1, staff_header + 1),
                                              5), ws->name);
  row++;

  _awb_xlsx_text (ctx, ws, row++, 0, _("Project register"), ctx->f.heading);
  table_header (ctx, ws, row++, project_titles);
  projects = _awb_database_query (ctx->db, &error,
                                  "SELECT id, client, service, from_date, to_date, accepted "
                                  "FROM projects WHERE case_id = ? ORDER BY to_date DESC, id",
                                  "s", ctx->kase->id);
  if (projects == NULL)
    return _awb_xlsx_fail_db (ctx, error);
  while ((rc = _awb_database_step (ctx->db, projects, &error)) == SQLITE_ROW)
    {
      gboolean accepted = sqlite3_column_int (projects, 5) != 0;

      _awb_xlsx_text (ctx, ws, row, 0, _awb_column_text (projects, 0), ctx->f.plain);
      _awb_xlsx_text (ctx, ws, row, 1, _awb_column_text (projects, 1), ctx->f.text);
      _awb_xlsx_text (ctx, ws, row, 2, _awb_column_text (projects, 2), ctx->f.text);
      _awb_xlsx_date (ctx, ws, row, 3, _awb_column_text (projects, 3), ctx->f.date);
      _awb_xlsx_date (ctx, ws, row, 4, _awb_column_text (projects, 4), ctx->f.date);
      _awb_xlsx_text (ctx, ws, row, 5, accepted ? _("Accepted") : _("Failed acceptance"),
                      accepted ? ctx->f.plain : ctx->f.overdue_text);
      row++;
      records++;
      if (!_awb_xlsx_tick (ctx, 1))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _awb_xlsx_fail_db (ctx, error);

  _awb_xlsx_sheet_done (ctx, ws, records);
  return !_awb_xlsx_failed (ctx);
}
