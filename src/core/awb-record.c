/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-record"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-catalogue-registry.h"
#include "awb-dates.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-record-private.h"

/* What every record module needs: ids that people can type short, the panel
 * lock, and the case's own catalogue version. */

static const char * const id_tables[] = {
  "cases", "evidence", "attachments", "findings", "staff", "projects", "panel_members",
  "ratings", "history", "conflicts", NULL
};

char *
_awb_resolve_id (AwbDatabase *db,
                 const char  *table,
                 const char  *id_or_prefix,
                 const char  *what,
                 GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *found = NULL;
  int rc;

  g_return_val_if_fail (g_strv_contains (id_tables, table), NULL);

  if (id_or_prefix == NULL || strlen (id_or_prefix) < AWB_MIN_ID_PREFIX)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("“%s” is too short to name a %s: give its id or at least its first %d "
                   "characters"), id_or_prefix != NULL ? id_or_prefix : "", what,
                   AWB_MIN_ID_PREFIX);
      return NULL;
    }

  /* ids are UUIDs: no LIKE wildcards to escape, but refuse them anyway */
  if (strpbrk (id_or_prefix, "%_") != NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No %s “%s”"), what, id_or_prefix);
      return NULL;
    }

  sql = g_strdup_printf ("SELECT id FROM %s WHERE id = ?1 OR id LIKE ?2 ORDER BY id = ?1 DESC "
                         "LIMIT 2", table);
  pattern = g_strconcat (id_or_prefix, "%", NULL);
  stmt = _awb_database_query (db, error, sql, "ss", id_or_prefix, pattern);
  if (stmt == NULL)
    return NULL;

  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *id = _awb_column_text (stmt, 0);

      if (g_str_equal (id, id_or_prefix))
        return g_strdup (id);
      if (found != NULL)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_AMBIGUOUS,
                       _("“%s” names more than one %s (%s, %s …): give more of its id"),
                       id_or_prefix, what, found, id);
          return NULL;
        }
      found = g_strdup (id);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  if (found == NULL)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No %s “%s”"), what, id_or_prefix);
  return g_steal_pointer (&found);
}

gboolean
_awb_case_require_unlocked (AwbDatabase *db,
                            const char  *case_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error, "SELECT submitted_at, applicant FROM cases WHERE id = ?",
                              "s", case_id);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No case “%s”"), case_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return FALSE;
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_LOCKED,
                   _("Case %s (%s) is with the expert panel since %.10s and cannot be changed; "
                   "to change it, reopen it with “awb case reopen %.8s --reason TEXT”"),
                   case_id, _awb_column_text (stmt, 1), _awb_column_text (stmt, 0), case_id);
      return FALSE;
    }
  return TRUE;
}

AwbCatalogue *
_awb_case_get_catalogue (AwbDatabase *db,
                         const char  *case_id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT catalogue_id, catalogue_version FROM cases WHERE id = ?",
                              "s", case_id);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No case “%s”"), case_id);
  if (rc != SQLITE_ROW)
    return NULL;
  return awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (),
                                        _awb_column_text (stmt, 0), _awb_column_text (stmt, 1),
                                        error);
}

AwbRequirement *
_awb_case_lookup_requirement (AwbDatabase *db,
                              const char  *case_id,
                              const char  *requirement_id,
                              GError     **error)
{
  AwbCatalogue *cat = _awb_case_get_catalogue (db, case_id, error);
  AwbRequirement *req;

  if (cat == NULL)
    return NULL;
  req = awb_catalogue_lookup (cat, requirement_id);
  if (req == NULL)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                 _("Requirement “%s” is not in catalogue %s %s (ids look like 3.2.3-5)"),
                 requirement_id != NULL ? requirement_id : "", awb_catalogue_get_id (cat),
                 awb_catalogue_get_version (cat));
  return req;
}

gboolean
_awb_action_finish (AwbDatabase *db,
                    gboolean     ok,
                    GError     **error)
{
  if (ok)
    return awb_database_commit (db, error);
  awb_database_rollback (db);
  return FALSE;
}

gboolean
_awb_tombstone_add (AwbDatabase *db,
                    const char  *table,
                    const char  *id,
                    const char  *case_id,
                    GError     **error)
{
  g_autofree char *now = awb_timestamp_now ();

  return _awb_database_run (db, error,
                            "INSERT INTO tombstones (entity, id, case_id, deleted_at) "
                            "VALUES (?, ?, ?, ?) ON CONFLICT (entity, id) DO UPDATE SET "
                            "deleted_at = excluded.deleted_at",
                            "ssss", table, id, case_id, now);
}

char *
_awb_strip_dup (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_strstrip (g_strdup (text));
}

gboolean
_awb_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Refuses a name (applicant, evaluator …) holding a control character: a name
 * is printable text, and an escape sequence in one would reach a terminal.
 * The message names the character by its code point, not raw. Right-to-left
 * marks and other format characters are printable and kept as given. */
gboolean
_awb_check_name (const char *what,
                 const char *text,
                 GError    **error)
{
  glong pos = 1;

  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The %s is not valid UTF-8 text: give it again in UTF-8"), what);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), pos++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_CONTROL)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("The %s holds the control character U+%04X (character %ld): a name "
                         "must be printable text. Remove it and try again."),
                       what, (guint) c, pos);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_awb_record_log (AwbDatabase *db,
                 const char  *table,
                 const char  *id,
                 const char  *case_id,
                 const char  *actor,
                 const char  *action,
                 const char  *entity,
                 JsonNode    *before,
                 GError     **error)
{
  g_autoptr(JsonNode) after = _awb_database_row_json (db, table, "id", id, error);

  return after != NULL &&
         awb_history_append (db, case_id, actor, action, entity, id, before, after, error);
}

gboolean
_awb_record_update (AwbDatabase *db,
                    const char  *table,
                    const char  *id,
                    const char  *case_id,
                    const char  *actor,
                    const char  *action,
                    const char  *entity,
                    GError     **error,
                    const char  *sql,
                    const char  *types,
                    ...)
{
  g_autoptr(JsonNode) before = _awb_database_row_json (db, table, "id", id, error);
  va_list args;
  gboolean ok;

  if (before == NULL)
    return FALSE;
  va_start (args, types);
  ok = _awb_database_run_valist (db, error, sql, types, args);
  va_end (args);
  return ok && _awb_record_log (db, table, id, case_id, actor, action, entity, before, error);
}

GListModel *
_awb_record_list (AwbDatabase      *db,
                  sqlite3_stmt     *stmt,
                  GType             item_type,
                  AwbRecordFromRow  from_row,
                  GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (item_type);
  int rc;

  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = from_row (stmt);
      g_list_store_append (store, item);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
_awb_record_remove (AwbDatabase *db,
                    const char  *table,
                    const char  *entity,
                    const char  *id_or_prefix,
                    const char  *what,
                    const char  *actor,
                    GError     **error)
{
  static const char * const simple_tables[] = { "findings", "staff", "projects", NULL };
  g_autofree char *rid = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(JsonNode) before = NULL;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (g_strv_contains (simple_tables, table), FALSE);

  rid = _awb_resolve_id (db, table, id_or_prefix, what, error);
  if (rid == NULL)
    return FALSE;
  if (actor == NULL)
    actor = awb_history_default_actor ();

  if (!awb_database_begin (db, error))
    return FALSE;
  before = _awb_database_row_json (db, table, "id", rid, error);
  ok = before != NULL;
  if (ok)
    {
      case_id = g_strdup (json_object_get_string_member (json_node_get_object (before), "case_id"));
      ok = _awb_case_require_unlocked (db, case_id, error);
    }
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  ok = ok && _awb_database_run (db, error, sql, "s", rid) &&
       _awb_tombstone_add (db, table, rid, case_id, error) &&
       awb_history_append (db, case_id, actor, "remove", entity, rid, before, NULL, error);
  return _awb_action_finish (db, ok, error);
}

void
_awb_json_add_string (JsonBuilder *b,
                      const char  *name,
                      const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}
