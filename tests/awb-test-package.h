/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by test-package.c and test-merge.c: databases, packages and a
 * comparable text of a case's records. Static: each test includes it once. */

#include <glib/gstdio.h>

#include "awb-database-private.h"
#include "awb-history.h"
#include "awb-package-private.h"
#include "awb-test-util.h"

G_GNUC_UNUSED static AwbDatabase *
pkg_open (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  AwbDatabase *db = awb_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

G_GNUC_UNUSED static char *
pkg_export (AwbDatabase *db,
            const char  *case_id,
            const char  *dir,
            const char  *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbPackageSummary) summary = NULL;

  g_unlink (path);
  summary = awb_package_export (db, case_id, path, AWB_PACKAGE_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return g_steal_pointer (&path);
}

G_GNUC_UNUSED static AwbImportResult *
pkg_import (AwbDatabase *db,
            const char  *path)
{
  g_autoptr(GError) error = NULL;
  AwbImportResult *result = awb_package_import (db, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

G_GNUC_UNUSED static guint
pkg_history_problems (AwbDatabase *db,
                      const char  *case_id)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (awb_history_verify (db, case_id, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
  return problems->len;
}

G_GNUC_UNUSED static void
pkg_append_rows (GPtrArray              *lines,
                 AwbDatabase            *db,
                 const char             *table,
                 const AwbPackageColumn *columns,
                 const char             *where,
                 const char             *case_id,
                 gboolean                exact)
{
  g_autoptr(GString) sql = g_string_new ("SELECT '");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append_printf (sql, "%s'", table);
  for (const AwbPackageColumn *c = columns; c->name != NULL; c++)
    if (exact || !(c->flags & AWB_COLUMN_IDENTITY))
      g_string_append_printf (sql, ", quote (%s)", c->name);
  g_string_append_printf (sql, " FROM %s %s", table, where);
  stmt = _awb_database_query (db, &error, sql->str, "s", case_id);
  g_assert_no_error (error);
  while (_awb_database_step (db, stmt, &error) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (line, "%s%s", i > 0 ? "|" : "", _awb_column_text (stmt, i));
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_assert_no_error (error);
}

G_GNUC_UNUSED static int
pkg_compare_lines (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every record of the case as sorted lines. exact: ids of records matched by
 * natural keys (a rating's …) and the tombstones too; otherwise the record
 * contents that two merged databases must agree on. */
G_GNUC_UNUSED static char *
pkg_case_records (AwbDatabase *db,
                  const char  *case_id,
                  gboolean     exact)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (const AwbPackageEntity *e = _awb_package_entities; e->table != NULL; e++)
    {
      g_autofree char *where = g_strdup_printf ("WHERE %s = ?", e->case_column);

      pkg_append_rows (lines, db, e->table, e->columns, where, case_id, exact);
      for (const AwbPackageChild *c = e->children; c != NULL && c->table != NULL; c++)
        pkg_append_rows (lines, db, c->table, c->columns,
                         "WHERE evidence_id IN (SELECT id FROM evidence WHERE case_id = ?)",
                         case_id, exact);
    }
  if (exact)
    {
      static const AwbPackageColumn tombstone_columns[] = {
        { "entity", AWB_COLUMN_PLAIN }, { "id", AWB_COLUMN_PLAIN },
        { "deleted_at", AWB_COLUMN_PLAIN }, { NULL }
      };
      pkg_append_rows (lines, db, "tombstones", tombstone_columns, "WHERE case_id = ?", case_id,
                       TRUE);
    }
  g_ptr_array_sort (lines, pkg_compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* The case's history as "id at actor action entity entity_id" lines, in order. */
G_GNUC_UNUSED static char *
pkg_history_text (AwbDatabase *db,
                  const char  *case_id,
                  gboolean     with_hashes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = awb_history_list (db, case_id, FALSE, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      AwbHistoryEntry *e = entries->pdata[i];

      g_string_append_printf (out, "%s %s %s %s %s %s %s %s %s\n", e->id, e->at, e->actor,
                              e->action, e->entity, e->entity_id, e->before, e->after,
                              with_hashes ? e->hash : "");
    }
  return g_string_free (out, FALSE);
}
