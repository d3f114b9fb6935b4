/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "awb-catalogue-registry.h"
#include "awb-database-private.h"
#include "awb-test-util.h"

char *
awb_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("awb-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
awb_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          awb_test_remove_tree (child);
        }
      g_chmod (path, 0700);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

GBytes *
awb_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

char *
awb_test_builtin_catalogue_text (void)
{
  g_autoptr(GBytes) bytes =
    g_resources_lookup_data ("/io/github/assessorworkbench/Workbench/catalogues/"
                             "cnitsec-cloud-l1-2025.json", 0, NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

void
awb_test_insert_case (AwbDatabase *db,
                      const char  *case_id)
{
  g_autoptr(GError) error = NULL;
  AwbCatalogue *cat = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (),
                                                     AWB_BUILTIN_CATALOGUE_ID, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (_awb_database_run (db, &error,
                                    "INSERT INTO cases (id, catalogue_id, catalogue_version, "
                                    "applicant, credit_code, created_at, updated_at) "
                                    "VALUES (?, ?, ?, 'Test Co', '91350100M000100Y43', "
                                    "'2026-01-05T08:00:00Z', '2026-01-05T08:00:00Z')",
                                    "sss", case_id, awb_catalogue_get_id (cat),
                                    awb_catalogue_get_version (cat)));
  g_assert_no_error (error);
}

void
awb_test_lock_case (AwbDatabase *db,
                    const char  *case_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_awb_database_run (db, &error,
                                    "UPDATE cases SET submitted_at = '2026-03-01T09:00:00Z' "
                                    "WHERE id = ?", "s", case_id));
  g_assert_no_error (error);
}

char *
awb_test_dump_database (AwbDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) tables = NULL;
  GString *out = g_string_new (NULL);

  tables = _awb_database_query (db, &error,
                                "SELECT name FROM sqlite_master WHERE type = 'table' "
                                "AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL);
  g_assert_no_error (error);
  while (_awb_database_step (db, tables, &error) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1",
                                              _awb_column_text (tables, 0));
      g_autoptr(sqlite3_stmt) rows = _awb_database_query (db, &error, sql, NULL);

      g_assert_no_error (error);
      g_string_append_printf (out, "[%s]\n", _awb_column_text (tables, 0));
      while (_awb_database_step (db, rows, &error) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              const char *v = _awb_column_text (rows, i);
              g_string_append_printf (out, "%s|", v != NULL ? v : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      g_assert_no_error (error);
    }
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

void
awb_test_write_file (const char *path,
                     const char *contents,
                     gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* The counts the judgement reads (schema-2.sql) agree with a recount of the
 * rows they count: the triggers kept them through whatever the test did. */
void
awb_test_assert_counts (AwbDatabase *db)
{
  static const char * const pairs[][2] = {
    { "SELECT case_id, requirement_id, method, supports, n FROM evidence_link_counts "
      "ORDER BY 1, 2, 3, 4",
      "SELECT case_id, requirement_id, method, supports, COUNT(*) FROM evidence_links "
      "WHERE case_id IS NOT NULL AND method IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4" },
    { "SELECT case_id, method, n FROM evidence_counts ORDER BY 1, 2",
      "SELECT case_id, method, COUNT(*) FROM evidence GROUP BY 1, 2 ORDER BY 1, 2" },
  };

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      g_autofree char *kept = NULL;
      g_autofree char *recounted = NULL;

      for (guint q = 0; q < 2; q++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(sqlite3_stmt) rows = _awb_database_query (db, &error, pairs[p][q], NULL);
          GString *out = g_string_new (NULL);

          g_assert_no_error (error);
          while (_awb_database_step (db, rows, &error) == SQLITE_ROW)
            {
              for (int i = 0; i < sqlite3_column_count (rows); i++)
                g_string_append_printf (out, "%s|", _awb_column_text (rows, i));
              g_string_append_c (out, '\n');
            }
          g_assert_no_error (error);
          if (q == 0)
            kept = g_string_free (out, FALSE);
          else
            recounted = g_string_free (out, FALSE);
        }
      g_assert_cmpstr (kept, ==, recounted);
    }
}
