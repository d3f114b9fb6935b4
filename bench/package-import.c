/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-package-import"

#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "awb-attachment-store.h"
#include "awb-case.h"
#include "awb-database-private.h"
#include "awb-history.h"
#include "awb-package-private.h"
#include "awb-record-private.h"

/* Imports a package of a case with 100,000 evidence items (AWB_BENCH_ITEMS
 * overrides) into an empty database, and in the same run a bare SQLite
 * program inserts the same rows into an empty database of the same schema
 * with prepared statements in one transaction: the floor. Prints both and
 * their ratio (target: at most 3×). Also times the export and a merge of the
 * package into the database it came from. See docs/performance.md. */

#define ATTACH_EVERY 1000

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static double
now_s (void)
{
  return (double) g_get_monotonic_time () / G_USEC_PER_SEC;
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    {
      g_printerr ("bench-package-import: %s: %s\n", what, error != NULL ? error->message : "?");
      exit (1);
    }
}

/* The source case: items spread over the catalogue's requirements, each
 * with one link and the history entry evidence_add would write; every
 * requirement rated; a small file attached to every 1,000th item. */
static char *
build_source (AwbDatabase *db,
              const char  *dir,
              guint        n_items)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (db);
  g_autoptr(sqlite3_stmt) item = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  g_autoptr(sqlite3_stmt) attach = NULL;
  g_autoptr(GPtrArray) requirements = g_ptr_array_new ();
  AwbCaseNew params = { 0 };
  const char *evaluators[] = { "Li", "Zhao", NULL };
  AwbCatalogue *cat;
  char *case_id;
  gboolean ok;

  params.applicant = "示例云安全科技有限公司";
  params.credit_code = "91350100M000100Y43";
  params.leader = "Wang";
  params.evaluators = evaluators;
  case_id = awb_case_create (db, &params, &error);
  check (case_id != NULL, error, "creating the case");
  cat = _awb_case_get_catalogue (db, case_id, &error);
  check (cat != NULL, error, "the catalogue");
  for (guint i = 0; i < awb_catalogue_get_n_requirements (cat); i++)
    g_ptr_array_add (requirements,
                     (gpointer) awb_requirement_get_id (awb_catalogue_get_requirement (cat, i)));

  check (awb_database_begin (db, &error), error, "begin");
  item = _awb_database_query (db, &error,
                              "INSERT INTO evidence (id, case_id, method, title, observation, "
                              "evaluator, observed_on, recorded_at, updated_at) VALUES (?, ?, ?, "
                              "?, ?, ?, '2026-11-02', ?, ?)", NULL);
  link = _awb_database_query (db, &error,
                              "INSERT INTO evidence_links (evidence_id, requirement_id, supports) "
                              "VALUES (?, ?, 'yes')", NULL);
  attach = _awb_database_query (db, &error,
                                "INSERT INTO attachments (id, evidence_id, sha256, name, size, "
                                "content_type, added_at) VALUES (?, ?, ?, ?, ?, "
                                "'application/pdf', '2026-11-02T08:00:00Z')", NULL);
  check (item != NULL && link != NULL && attach != NULL, error, "preparing");

  for (guint i = 0; i < n_items; i++)
    {
      static const char * const methods[] = { "document", "interview", "demonstration" };
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *title = g_strdup_printf ("Evidence item %u", i);
      g_autofree char *observation =
        g_strdup_printf ("Observed during the on-site evaluation, sample %u: the procedure "
                         "is documented, followed and its records are kept.", i);
      g_autofree char *at = g_strdup_printf ("2026-11-02T08:%02u:%02u.%06uZ", (i / 60) % 60,
                                             i % 60, i);
      const char *req = requirements->pdata[i % requirements->len];
      g_autoptr(JsonNode) after = NULL;

      sqlite3_reset (item);
      sqlite3_bind_text (item, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 2, case_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 3, methods[i % 3], -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 4, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 5, observation, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 6, i % 2 ? "Li" : "Zhao", -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 7, at, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 8, at, -1, SQLITE_STATIC);
      ok = _awb_database_step (db, item, &error) == SQLITE_DONE;
      sqlite3_reset (link);
      sqlite3_bind_text (link, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (link, 2, req, -1, SQLITE_STATIC);
      ok = ok && _awb_database_step (db, link, &error) == SQLITE_DONE;

      if (ok && i % ATTACH_EVERY == 0)
        {
          g_autofree char *file = g_build_filename (dir, "scan.pdf", NULL);
          g_autofree char *content = g_strdup_printf ("%%PDF-1.4 scanned page %u %0*d", i, 4000,
                                                      0);
          g_autofree char *aid = g_uuid_string_random ();
          g_autoptr(AwbAttachment) a = NULL;

          g_file_set_contents (file, content, -1, NULL);
          a = awb_attachment_store_add (store, file, NULL, &error);
          check (a != NULL, error, "storing an attachment");
          sqlite3_reset (attach);
          sqlite3_bind_text (attach, 1, aid, -1, SQLITE_STATIC);
          sqlite3_bind_text (attach, 2, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (attach, 3, a->sha256, -1, SQLITE_STATIC);
          sqlite3_bind_text (attach, 4, "scan.pdf", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (attach, 5, a->size);
          ok = _awb_database_step (db, attach, &error) == SQLITE_DONE;
        }
      after = _awb_database_row_json (db, "evidence", "id", id, &error);
      ok = ok && after != NULL &&
           awb_history_append (db, case_id, i % 2 ? "Li" : "Zhao", "add", "evidence", id, NULL,
                               after, &error);
      check (ok, error, "adding an item");
    }
  for (guint i = 0; i < requirements->len; i++)
    {
      g_autofree char *id = g_uuid_string_random ();

      check (_awb_database_run (db, &error,
                                "INSERT INTO ratings (id, case_id, requirement_id, rating, "
                                "rationale, actor, at) VALUES (?, ?, ?, 'conformant', "
                                "'sufficient evidence', 'Wang', '2026-11-20T10:00:00Z')",
                                "sss", id, case_id, requirements->pdata[i]),
             error, "rating");
    }
  check (awb_database_commit (db, &error), error, "commit");
  return case_id;
}

/* ---- the floor: the same rows inserted by a bare SQLite program --------------- */

typedef struct
{
  char      *table;
  char      *insert;  /* INSERT INTO table (…) VALUES (?…) */
  int        n_columns;
  GPtrArray *rows;    /* sqlite3_value** of n_columns each */
} TableRows;

static void
table_rows_free (TableRows *t)
{
  for (guint r = 0; r < t->rows->len; r++)
    {
      sqlite3_value **row = t->rows->pdata[r];

      for (int c = 0; c < t->n_columns; c++)
        sqlite3_value_free (row[c]);
      g_free (row);
    }
  g_ptr_array_unref (t->rows);
  g_free (t->table);
  g_free (t->insert);
  g_free (t);
}

/* Reads every row the import writes from the package into memory. */
static GPtrArray *
load_rows (const char *package)
{
  static const char * const tables[] = {
    "cases", "team_members", "case_dates", "stage_moves", "checklist", "evidence",
    "evidence_links", "attachments", "ratings", "findings", "staff", "projects", "panel_members",
    "panel_reviews", "panel_votes", "history", "history_heads", "tombstones", "merge_versions",
    NULL
  };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) table_rows_free);
  sqlite3 *con = NULL;

  if (sqlite3_open_v2 (package, &con, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    check (FALSE, NULL, "opening the package");
  for (guint i = 0; tables[i] != NULL; i++)
    {
      TableRows *t = g_new0 (TableRows, 1);
      g_autofree char *select = NULL;
      GString *cols = g_string_new (NULL);
      GString *marks = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;
      const char *sel_cols;

      /* the package's own columns except history.seq, which the database numbers itself */
      g_autofree char *info = g_strdup_printf ("PRAGMA table_info (%s)", tables[i]);
      sqlite3_prepare_v2 (con, info, -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 1);

          if (g_str_equal (tables[i], "history") && g_str_equal (name, "seq"))
            continue;
          g_string_append_printf (cols, "%s%s", cols->len > 0 ? ", " : "", name);
          g_string_append (marks, marks->len > 0 ? ", ?" : "?");
          t->n_columns++;
        }
      sqlite3_finalize (stmt);
      sel_cols = cols->str;
      t->table = g_strdup (tables[i]);
      t->insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", tables[i], cols->str,
                                   marks->str);
      t->rows = g_ptr_array_new ();
      select = g_strdup_printf ("SELECT %s FROM %s%s", sel_cols, tables[i],
                                g_str_equal (tables[i], "history") ? " ORDER BY seq" : "");
      sqlite3_prepare_v2 (con, select, -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          sqlite3_value **row = g_new0 (sqlite3_value *, t->n_columns);

          for (int c = 0; c < t->n_columns; c++)
            row[c] = sqlite3_value_dup (sqlite3_column_value (stmt, c));
          g_ptr_array_add (t->rows, row);
        }
      sqlite3_finalize (stmt);
      g_string_free (cols, TRUE);
      g_string_free (marks, TRUE);
      g_ptr_array_add (all, t);
    }
  sqlite3_close (con);
  return g_steal_pointer (&all);
}

static double
bare_insert (AwbDatabase *db,
             GPtrArray   *tables,
             guint64     *n_rows)
{
  sqlite3 *con = _awb_database_get_handle (db);
  double start = now_s ();

  *n_rows = 0;
  sqlite3_exec (con, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  for (guint i = 0; i < tables->len; i++)
    {
      TableRows *t = tables->pdata[i];
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (con, t->insert, -1, &stmt, NULL) != SQLITE_OK)
        check (FALSE, NULL, sqlite3_errmsg (con));
      for (guint r = 0; r < t->rows->len; r++)
        {
          sqlite3_value **row = t->rows->pdata[r];

          sqlite3_reset (stmt);
          for (int c = 0; c < t->n_columns; c++)
            sqlite3_bind_value (stmt, c + 1, row[c]);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            check (FALSE, NULL, sqlite3_errmsg (con));
        }
      *n_rows += t->rows->len;
      sqlite3_finalize (stmt);
    }
  if (sqlite3_exec (con, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    check (FALSE, NULL, sqlite3_errmsg (con));
  return now_s () - start;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awb-bench-XXXXXX", &error);
  g_autofree char *source_path = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *floor_path = NULL;
  g_autofree char *package = NULL;
  g_autofree char *case_id = NULL;
  g_autoptr(AwbDatabase) source = NULL;
  g_autoptr(AwbDatabase) target = NULL;
  g_autoptr(AwbDatabase) floor_db = NULL;
  g_autoptr(AwbPackageSummary) summary = NULL;
  g_autoptr(AwbImportResult) imported = NULL;
  g_autoptr(AwbImportResult) merged = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *env = g_getenv ("AWB_BENCH_ITEMS");
  guint n_items = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 100000;
  double t, t_export, t_import, t_bare, t_merge;
  guint64 n_rows;

  check (dir != NULL, error, "a temporary folder");
  source_path = g_build_filename (dir, "source.db", NULL);
  target_path = g_build_filename (dir, "target.db", NULL);
  floor_path = g_build_filename (dir, "floor.db", NULL);
  package = g_build_filename (dir, "case.awbcase", NULL);

  source = awb_database_open (source_path, &error);
  check (source != NULL, error, "the source database");
  t = now_s ();
  case_id = build_source (source, dir, n_items);
  g_print ("built a case of %u evidence items in %.2f s\n", n_items, now_s () - t);

  t = now_s ();
  summary = awb_package_export (source, case_id, package, AWB_PACKAGE_NONE, &error);
  check (summary != NULL, error, "export");
  t_export = now_s () - t;

  /* the two empty databases are made before either clock starts */
  target = awb_database_open (target_path, &error);
  check (target != NULL, error, "the target database");
  floor_db = awb_database_open (floor_path, &error);
  check (floor_db != NULL, error, "the floor database");
  rows = load_rows (package);

  t = now_s ();
  imported = awb_package_import (target, package, &error);
  check (imported != NULL, error, "import");
  t_import = now_s () - t;

  t_bare = bare_insert (floor_db, rows, &n_rows);

  t = now_s ();
  merged = awb_package_import (source, package, &error);
  check (merged != NULL && merged->changes->len == 0, error, "merge");
  t_merge = now_s () - t;

  g_print ("package: %u records, %u attached files, %u history entries, %.1f MB\n",
           summary->n_records, summary->n_attachments, summary->n_history,
           (double) summary->size / 1e6);
  g_print ("export:                           %7.3f s\n", t_export);
  g_print ("import into an empty database:    %7.3f s\n", t_import);
  g_print ("bare SQLite, same %" G_GUINT64_FORMAT " rows:   %7.3f s\n", n_rows, t_bare);
  g_print ("merge into its source (no change): %6.3f s\n", t_merge);
  g_print ("ratio import / bare: %.2fx (target <= 3x: %s)\n", t_import / t_bare,
           t_import / t_bare <= 3.0 ? "met" : "missed");

  g_clear_object (&source);
  g_clear_object (&target);
  g_clear_object (&floor_db);
  remove_tree (dir);
  return 0;
}
