/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "awb-dates.h"
#include "awb-error.h"
#include "awb-database-private.h"
#include "awb-history.h"
#include "awb-record-private.h"
#include "awb-history-private.h"

/* The history is append-only and hash-chained per case: each entry's hash is a
 * SHA-256 over every one of its columns and the hash of the case's previous
 * entry. history_heads keeps the newest hash and the count, so an edited row,
 * a deleted row in the middle, and deleted newest rows are all detected. */

#define GENESIS AWB_HISTORY_GENESIS

void
awb_history_entry_free (AwbHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->case_id);
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry->hash);
  g_free (entry->prev_hash);
  g_free (entry);
}

/* Who is acting: $AWB_USER, else the account's real name, else its login. */
const char *
awb_history_default_actor (void)
{
  const char *user = g_getenv ("AWB_USER");
  const char *real;

  if (user != NULL && *user != '\0')
    return user;
  real = g_get_real_name ();
  if (real != NULL && *real != '\0' && !g_str_equal (real, "Unknown"))
    return real;
  return g_get_user_name ();
}

static void
feed (GChecksum  *sum,
      const char *value)
{
  /* length-prefixed, with NULL distinct from "", so no two rows hash alike by shifting text */
  char prefix[32];

  if (value == NULL)
    {
      g_checksum_update (sum, (const guchar *) "N;", 2);
      return;
    }
  g_snprintf (prefix, sizeof prefix, "S%zu:", strlen (value));
  g_checksum_update (sum, (const guchar *) prefix, (gssize) strlen (prefix));
  g_checksum_update (sum, (const guchar *) value, (gssize) strlen (value));
}

static char *
entry_hash (const char *id,
            const char *case_id,
            const char *at,
            const char *actor,
            const char *action,
            const char *entity,
            const char *entity_id,
            const char *before,
            const char *after,
            const char *prev_hash)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  feed (sum, "awb-history-1");
  feed (sum, id);
  feed (sum, case_id);
  feed (sum, at);
  feed (sum, actor);
  feed (sum, action);
  feed (sum, entity);
  feed (sum, entity_id);
  feed (sum, before);
  feed (sum, after);
  feed (sum, prev_hash);
  return g_strdup (g_checksum_get_string (sum));
}

/* Appends one entry; must run inside the action's transaction. */
gboolean
awb_history_append (AwbDatabase *db,
                    const char  *case_id,
                    const char  *actor,
                    const char  *action,
                    const char  *entity,
                    const char  *entity_id,
                    JsonNode    *before,
                    JsonNode    *after,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) head = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *at = awb_timestamp_now ();
  g_autofree char *before_text = _awb_json_to_string (before);
  g_autofree char *after_text = _awb_json_to_string (after);
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (awb_database_in_transaction (db), FALSE);

  head = _awb_database_query (db, error, "SELECT hash, count FROM history_heads WHERE case_id = ?",
                              "s", case_id);
  if (head == NULL)
    return FALSE;
  rc = _awb_database_step (db, head, error);
  if (rc == SQLITE_ROW)
    {
      prev = g_strdup (_awb_column_text (head, 0));
      count = sqlite3_column_int64 (head, 1);
    }
  else if (rc == SQLITE_DONE)
    prev = g_strdup (GENESIS);
  else
    return FALSE;

  if (actor == NULL)
    actor = awb_history_default_actor ();

  hash = entry_hash (id, case_id, at, actor, action, entity, entity_id, before_text, after_text,
                     prev);

  return _awb_database_run (db, error,
                            "INSERT INTO history (id, case_id, at, actor, action, entity, "
                            "entity_id, before, after, prev_hash, hash) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            "sssssssssss", id, case_id, at, actor, action, entity, entity_id,
                            before_text, after_text, prev, hash) &&
         _awb_database_run (db, error,
                            "INSERT INTO history_heads (case_id, count, hash) VALUES (?, ?, ?) "
                            "ON CONFLICT (case_id) DO UPDATE SET count = excluded.count, "
                            "hash = excluded.hash",
                            "sis", case_id, count + 1, hash);
}

#define ENTRY_COLUMNS "seq, id, case_id, at, actor, action, entity, entity_id, before, after, " \
                      "prev_hash, hash"

static AwbHistoryEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  AwbHistoryEntry *e = g_new0 (AwbHistoryEntry, 1);

  e->seq = sqlite3_column_int64 (stmt, 0);
  e->id = g_strdup (_awb_column_text (stmt, 1));
  e->case_id = g_strdup (_awb_column_text (stmt, 2));
  e->at = g_strdup (_awb_column_text (stmt, 3));
  e->actor = g_strdup (_awb_column_text (stmt, 4));
  e->action = g_strdup (_awb_column_text (stmt, 5));
  e->entity = g_strdup (_awb_column_text (stmt, 6));
  e->entity_id = g_strdup (_awb_column_text (stmt, 7));
  e->before = g_strdup (_awb_column_text (stmt, 8));
  e->after = g_strdup (_awb_column_text (stmt, 9));
  e->prev_hash = g_strdup (_awb_column_text (stmt, 10));
  e->hash = g_strdup (_awb_column_text (stmt, 11));
  return e;
}

/* The case's history as AwbHistoryEntry pointers. */
GPtrArray *
awb_history_list (AwbDatabase *db,
                  const char  *case_id,
                  gboolean     newest_first,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) awb_history_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error,
                              newest_first
                                ? "SELECT " ENTRY_COLUMNS " FROM history WHERE case_id = ? "
                                  "ORDER BY seq DESC"
                                : "SELECT " ENTRY_COLUMNS " FROM history WHERE case_id = ? "
                                  "ORDER BY seq",
                              "s", case_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&entries);
}

GPtrArray *
awb_history_list_for_case (AwbDatabase *db,
                           const char  *case_id_or_prefix,
                           gboolean     newest_first,
                           GError     **error)
{
  g_autofree char *cid = _awb_resolve_id (db, "cases", case_id_or_prefix, _("case"), error);

  if (cid == NULL)
    return NULL;
  return awb_history_list (db, cid, newest_first, error);
}

/* Recomputes the chain of case_id (every case when NULL); each problem found
 * is added to problems as a sentence. Returns FALSE only when it could not read. */
gboolean
awb_history_verify (AwbDatabase *db,
                    const char  *case_id,
                    GPtrArray   *problems,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) cases = NULL;
  int rc;

  if (case_id == NULL)
    cases = _awb_database_query (db, error,
                                 "SELECT case_id FROM history_heads UNION "
                                 "SELECT DISTINCT case_id FROM history ORDER BY 1", NULL);
  else
    cases = _awb_database_query (db, error, "SELECT ?", "s", case_id);
  if (cases == NULL)
    return FALSE;

  while ((rc = _awb_database_step (db, cases, error)) == SQLITE_ROW)
    {
      const char *cid = _awb_column_text (cases, 0);
      g_autoptr(sqlite3_stmt) rows = NULL;
      g_autoptr(sqlite3_stmt) head = NULL;
      g_autofree char *prev = g_strdup (GENESIS);
      gint64 count = 0;
      int rrc;

      rows = _awb_database_query (db, error,
                                  "SELECT " ENTRY_COLUMNS " FROM history WHERE case_id = ? "
                                  "ORDER BY seq", "s", cid);
      if (rows == NULL)
        return FALSE;
      while ((rrc = _awb_database_step (db, rows, error)) == SQLITE_ROW)
        {
          const char *stored_prev = _awb_column_text (rows, 10);
          const char *stored_hash = _awb_column_text (rows, 11);
          g_autofree char *expected =
            entry_hash (_awb_column_text (rows, 1), _awb_column_text (rows, 2),
                        _awb_column_text (rows, 3), _awb_column_text (rows, 4),
                        _awb_column_text (rows, 5), _awb_column_text (rows, 6),
                        _awb_column_text (rows, 7), _awb_column_text (rows, 8),
                        _awb_column_text (rows, 9), stored_prev);
          gint64 seq = (gint64) sqlite3_column_int64 (rows, 0);

          count++;
          if (g_strcmp0 (stored_prev, prev) != 0)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("Case %s: history entry %lld does not follow the entry "
                                                 "before it: an entry was deleted or inserted"),
                                              cid, (long long) seq));
          if (g_strcmp0 (stored_hash, expected) != 0)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("Case %s: history entry %lld was altered after it was "
                                                 "written"), cid, (long long) seq));
          g_free (prev);
          prev = g_strdup (stored_hash);
        }
      if (rrc != SQLITE_DONE)
        return FALSE;

      head = _awb_database_query (db, error,
                                  "SELECT hash, count FROM history_heads WHERE case_id = ?",
                                  "s", cid);
      if (head == NULL)
        return FALSE;
      rrc = _awb_database_step (db, head, error);
      if (rrc == SQLITE_ROW)
        {
          if (sqlite3_column_int64 (head, 1) != count ||
              g_strcmp0 (_awb_column_text (head, 0), prev) != 0)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("Case %s: the history holds %lld entries but %lld were "
                                                 "written: the newest entries were deleted or "
                                                 "replaced"), cid, (long long) count,
                                              (long long) sqlite3_column_int64 (head, 1)));
        }
      else if (rrc == SQLITE_DONE)
        {
          if (count > 0)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("Case %s: the history's seal is missing"), cid));
        }
      else
        return FALSE;
    }
  return rc == SQLITE_DONE;
}

char *
_awb_history_entry_hash (const char *id,
                         const char *case_id,
                         const char *at,
                         const char *actor,
                         const char *action,
                         const char *entity,
                         const char *entity_id,
                         const char *before,
                         const char *after,
                         const char *prev_hash)
{
  return entry_hash (id, case_id, at, actor, action, entity, entity_id, before, after, prev_hash);
}
