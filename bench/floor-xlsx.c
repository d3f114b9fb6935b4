/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "floor-xlsx"

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <xlsxwriter.h>

#include "awb-catalogue.h"
#include "awb-catalogue-registry.h"

/* The floor of `awb export`: the same six sheets with the same cells (the same
 * rows read from SQLite, the same strings, numbers and dates), written with
 * bare libxlsxwriter in constant_memory mode — no formats beyond a date
 * format, no judgement, no validation, protection, page setup or text checks.
 * Like awb export it makes the file durable (fsync) before it returns: that
 * is part of saving a file, not of the workbook, and costs the same to both.
 * bench/run times both and prints the ratio.
 *
 *   floor-xlsx --db FILE --case ID --out FILE.xlsx */

static lxw_format *date_format;

static void
text (lxw_worksheet *ws,
      lxw_row_t      row,
      lxw_col_t      col,
      const unsigned char *value)
{
  if (value != NULL && *value != '\0')
    worksheet_write_string (ws, row, col, (const char *) value, NULL);
}

static void
date (lxw_worksheet       *ws,
      lxw_row_t            row,
      lxw_col_t            col,
      const unsigned char *value,
      gboolean             with_time)
{
  lxw_datetime dt = { 0 };

  if (value == NULL || strlen ((const char *) value) < 10)
    return;
  if (sscanf ((const char *) value, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) != 3)
    return;
  if (with_time)
    sscanf ((const char *) value + 11, "%2d:%2d:%lf", &dt.hour, &dt.min, &dt.sec);
  worksheet_write_datetime (ws, row, col, &dt, date_format);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

static sqlite3_stmt *
query (sqlite3    *db,
       const char *sql,
       const char *case_id)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "floor-xlsx: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  if (case_id != NULL)
    sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  return stmt;
}

/* Writes every column of every row as text, from first_col on. */
static lxw_row_t
dump (lxw_worksheet *ws,
      sqlite3       *db,
      const char    *sql,
      const char    *case_id,
      lxw_row_t      row)
{
  sqlite3_stmt *stmt = query (db, sql, case_id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        text (ws, row, (lxw_col_t) c, sqlite3_column_text (stmt, c));
      row++;
    }
  sqlite3_finalize (stmt);
  return row;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The database", "FILE" },
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_id, "The case id", "ID" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "The workbook to write", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the floor of awb export");
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *wb;
  lxw_worksheet *ws;
  AwbCatalogue *cat;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  lxw_row_t row;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL ||
      case_id == NULL || out == NULL)
    {
      fprintf (stderr, "floor-xlsx: give --db FILE --case ID --out FILE.xlsx\n");
      return 1;
    }
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "floor-xlsx: %s\n", sqlite3_errmsg (db));
      return 1;
    }
  cat = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (),
                                       "cnitsec-cloud-l1-2025", NULL, &error);
  if (cat == NULL)
    {
      fprintf (stderr, "floor-xlsx: %s\n", error->message);
      return 1;
    }

  folder = g_path_get_dirname (out);
  options.constant_memory = LXW_TRUE;
  options.tmpdir = folder;
  wb = workbook_new_opt (out, &options);
  date_format = workbook_add_format (wb);
  format_set_num_format (date_format, "yyyy-mm-dd");
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);

  /* Summary: the case's fields, its dates, counts per section */
  ws = workbook_add_worksheet (wb, "Summary");
  row = dump (ws, db, "SELECT 'Applicant', applicant, credit_code, app_type, stage, id "
                      "FROM cases WHERE id = ?", case_id, 0);
  stmt = query (db, "SELECT kind, date FROM case_dates WHERE case_id = ? ORDER BY date", case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      text (ws, row, 0, sqlite3_column_text (stmt, 0));
      date (ws, row++, 1, sqlite3_column_text (stmt, 1), FALSE);
    }
  sqlite3_finalize (stmt);
  stmt = query (db, "SELECT substr (requirement_id, 1, instr (requirement_id, '-') - 1) AS s, "
                    "sum (rating = 'conformant'), sum (rating = 'largely'), "
                    "sum (rating = 'nonconformant'), sum (rating = 'not-applicable') "
                    "FROM ratings WHERE case_id = ? GROUP BY s", case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      text (ws, row, 0, sqlite3_column_text (stmt, 0));
      for (int c = 1; c < 5; c++)
        worksheet_write_number (ws, row, (lxw_col_t) (c + 1), sqlite3_column_int (stmt, c), NULL);
      row++;
    }
  sqlite3_finalize (stmt);

  /* Requirements: the catalogue's texts, the rating, counts per method, the evidence ids */
  stmt = query (db, "SELECT l.requirement_id, substr (e.id, 1, 13), e.method FROM evidence e "
                    "JOIN evidence_links l ON l.evidence_id = e.id WHERE e.case_id = ? "
                    "ORDER BY l.requirement_id, e.recorded_at, e.id", case_id);
  {
    g_autoptr(GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         free_string);
    g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *req = (const char *) sqlite3_column_text (stmt, 0);
        GString *list = g_hash_table_lookup (lists, req);
        guint *n = g_hash_table_lookup (counts, req);
        const char *method = (const char *) sqlite3_column_text (stmt, 2);

        if (list == NULL)
          {
            list = g_string_new (NULL);
            g_hash_table_insert (lists, g_strdup (req), list);
            n = g_new0 (guint, 3);
            g_hash_table_insert (counts, g_strdup (req), n);
          }
        n[method[0] == 'd' ? (method[1] == 'o' ? 0 : 2) : 1]++;
        if (list->len > 32767)
          continue;
        if (list->len > 0)
          g_string_append_c (list, '\n');
        g_string_append (list, (const char *) sqlite3_column_text (stmt, 1));
      }
    sqlite3_finalize (stmt);

    ws = workbook_add_worksheet (wb, "Requirements");
    stmt = query (db, "SELECT requirement_id, rating, rationale FROM ratings WHERE case_id = ?",
                  case_id);
    row = 1;
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *req = (const char *) sqlite3_column_text (stmt, 0);
        AwbRequirement *r = awb_catalogue_lookup (cat, req);
        GString *list = g_hash_table_lookup (lists, req);
        guint *n = g_hash_table_lookup (counts, req);

        text (ws, row, 0, (const unsigned char *) awb_requirement_get_section (r));
        text (ws, row, 1, (const unsigned char *) req);
        text (ws, row, 2, (const unsigned char *) awb_requirement_get_text_zh (r));
        text (ws, row, 3, (const unsigned char *) awb_requirement_get_text_en (r));
        for (lxw_col_t c = 4; c < 7; c++)
          text (ws, row, c, sqlite3_column_text (stmt, 1));
        for (lxw_col_t c = 0; c < 3; c++)
          worksheet_write_number (ws, row, 8 + c, n != NULL ? n[c] : 0, NULL);
        worksheet_write_number (ws, row, 11, 0, NULL);
        if (list != NULL)
          {
            if (list->len > 32767)
              g_string_truncate (list, 32700);
            text (ws, row, 12, (const unsigned char *) list->str);
          }
        text (ws, row, 13, sqlite3_column_text (stmt, 2));
        row++;
      }
    sqlite3_finalize (stmt);
  }

  /* Evidence: the same 22 columns from the same query */
  ws = workbook_add_worksheet (wb, "Evidence");
  stmt = query (db, "SELECT e.id, e.method, e.title, e.observation, e.evaluator, "
                    "e.observed_on, e.recorded_at, e.version, e.work_product, "
                    "e.location, e.interviewee, e.role, e.topics, e.summary, "
                    "e.environment, e.operated, e.operator, e.outcome, "
                    "(SELECT group_concat (l.requirement_id || char (9) || l.supports, "
                    "  char (10)) FROM evidence_links l WHERE l.evidence_id = e.id), "
                    "(SELECT group_concat (a.name || char (9) || a.size || char (9) || "
                    "  a.sha256, char (10)) FROM (SELECT name, size, sha256 "
                    "  FROM attachments WHERE evidence_id = e.id "
                    "  ORDER BY added_at, name) a) "
                    "FROM evidence e WHERE e.case_id = ? ORDER BY e.recorded_at, e.id", case_id);
  row = 1;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const unsigned char *links = sqlite3_column_text (stmt, 18);
      const unsigned char *files = sqlite3_column_text (stmt, 19);

      text (ws, row, 0, sqlite3_column_text (stmt, 0));
      text (ws, row, 1, sqlite3_column_text (stmt, 1));
      text (ws, row, 2, sqlite3_column_text (stmt, 2));
      text (ws, row, 3, links);
      text (ws, row, 4, links);
      text (ws, row, 5, sqlite3_column_text (stmt, 3));
      text (ws, row, 6, sqlite3_column_text (stmt, 4));
      date (ws, row, 7, sqlite3_column_text (stmt, 5), FALSE);
      date (ws, row, 8, sqlite3_column_text (stmt, 6), TRUE);
      for (int c = 7; c <= 17; c++)
        text (ws, row, (lxw_col_t) (c + 2), sqlite3_column_text (stmt, c));
      text (ws, row, 20, files);
      text (ws, row, 21, files);
      row++;
    }
  sqlite3_finalize (stmt);

  /* Findings, Registers, Panel review */
  ws = workbook_add_worksheet (wb, "Findings");
  stmt = query (db, "SELECT id, requirement_id, kind, text, action, due, status, actor, created_at "
                    "FROM findings WHERE case_id = ?", case_id);
  row = 1;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 5; c++)
        text (ws, row, (lxw_col_t) c, sqlite3_column_text (stmt, c));
      date (ws, row, 5, sqlite3_column_text (stmt, 5), FALSE);
      text (ws, row, 6, sqlite3_column_text (stmt, 6));
      text (ws, row, 7, sqlite3_column_text (stmt, 6));
      text (ws, row, 8, sqlite3_column_text (stmt, 7));
      date (ws, row, 9, sqlite3_column_text (stmt, 8), TRUE);
      row++;
    }
  sqlite3_finalize (stmt);

  ws = workbook_add_worksheet (wb, "Registers");
  row = dump (ws, db, "SELECT id, name, full_time, cert_kind, cert_no, valid_until FROM staff "
                      "WHERE case_id = ?", case_id, 6);
  dump (ws, db, "SELECT id, client, service, from_date, to_date, accepted FROM projects "
                "WHERE case_id = ?", case_id, row + 2);

  ws = workbook_add_worksheet (wb, "Panel review");
  dump (ws, db, "SELECT m.name, r.scope, r.sufficient, r.reasonable, r.comment, v.vote "
                "FROM panel_members m LEFT JOIN panel_reviews r ON r.member_id = m.id "
                "LEFT JOIN panel_votes v ON v.member_id = m.id WHERE m.case_id = ?", case_id, 2);

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  if (workbook_close (wb) != LXW_NO_ERROR)
    {
      fprintf (stderr, "floor-xlsx: writing %s failed\n", out);
      return 1;
    }
  {
    int fd = open (out, O_RDONLY);

    if (fd < 0 || fsync (fd) != 0)
      {
        fprintf (stderr, "floor-xlsx: syncing %s failed\n", out);
        return 1;
      }
    close (fd);
  }
  return 0;
}
