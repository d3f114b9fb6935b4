/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-evidence"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-dates.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-record-private.h"
#include "awb-evidence-private.h"

/* The actions on evidence items: add, update, attach, detach, remove and
 * restore. Each validates everything before it writes, copies attached files
 * into the store before its transaction commits, and is one transaction with
 * its history entry. The history entry of a removal holds the whole item,
 * which is what restore brings back. */

#define N_FIELDS  AWB_EVIDENCE_N_FIELDS
#define N_COLUMNS AWB_EVIDENCE_N_COLUMNS

static char *
method_field_list (AwbMethod method)
{
  return g_strjoinv (", ", (char **) awb_evidence_method_fields (method));
}

static gboolean
check_text (const char *what,
            const char *text,
            gboolean    required,
            GError    **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The %s is not valid UTF-8 text: give it again in UTF-8"), what);
      return FALSE;
    }
  if (required && _awb_text_is_blank (text))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The %s is empty: an evidence item needs one"), what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_observed_on (const char *text,
                   GError    **error)
{
  GDate date, today;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (!awb_date_parse (text, &date, error))
    return FALSE;
  awb_date_today (&today);
  if (g_date_compare (&date, &today) > 0)
    {
      g_autofree char *today_text = awb_date_format (&today);

      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Observed-on date %s is after today (%s): give the day the evidence was "
                     "seen"), text, today_text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_links (AwbDatabase *db,
             const char  *case_id,
             GPtrArray   *links,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (links == NULL || links->len == 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("An evidence item must bear on at least one requirement: give its id "
                     "(like 3.2.3-5)"));
      return FALSE;
    }
  for (guint i = 0; i < links->len; i++)
    {
      AwbEvidenceLink *link = links->pdata[i];

      if (link->supports >= AWB_N_SUPPORTS)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("Requirement %s: “supports” must be yes, partly or no"),
                       link->requirement_id);
          return FALSE;
        }
      if (_awb_case_lookup_requirement (db, case_id, link->requirement_id, error) == NULL)
        return FALSE;
      if (!g_hash_table_add (seen, link->requirement_id))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("Requirement %s is given twice: give each requirement once"),
                       link->requirement_id);
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks fields against the method and writes their values into
 * values[AWB_EVIDENCE_COL_FIRST_FIELD…] ("" becomes NULL). Borrowed strings. */
static gboolean
check_fields (AwbMethod    method,
              GHashTable  *fields,
              const char **values,
              GError     **error)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;

  if (fields == NULL)
    return TRUE;

  keys = g_hash_table_get_keys_as_array (fields, &n);
  /* the first bad key in alphabetical order, so that the message is repeatable */
  for (guint i = 1; i < n; i++)
    for (guint k = i; k > 0 && g_strcmp0 (keys[k - 1], keys[k]) > 0; k--)
      {
        gpointer t = keys[k];
        keys[k] = keys[k - 1];
        keys[k - 1] = t;
      }

  for (guint i = 0; i < n; i++)
    {
      const char *key = keys[i];
      const char *value = g_hash_table_lookup (fields, key);
      int idx = _awb_evidence_field_index (key);
      g_autofree char *allowed = method_field_list (method);

      if (idx < 0)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("There is no field “%s”: a %s item has the fields %s"), key,
                       awb_method_to_string (method), allowed);
          return FALSE;
        }
      if (_awb_evidence_field_method ((guint) idx) != method)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("Field “%s” belongs to %s items: a %s item has the fields %s"), key,
                       awb_method_to_string (_awb_evidence_field_method ((guint) idx)),
                       awb_method_to_string (method), allowed);
          return FALSE;
        }
      if (value != NULL && !g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("Field “%s” is not valid UTF-8 text: give it again in UTF-8"), key);
          return FALSE;
        }
      values[AWB_EVIDENCE_COL_FIRST_FIELD + idx] = value != NULL && *value != '\0' ? value : NULL;
    }
  return TRUE;
}

/* Reads run in one snapshot even outside an action's transaction. */
/* The whole item as one JSON object (its row, "links" and "attachments"),
 * for the history: what remove keeps so that restore can bring it back. */
static JsonNode *
snapshot (AwbDatabase *db,
          const char  *id,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) row = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(sqlite3_stmt) links = NULL;
  g_autoptr(sqlite3_stmt) attachments = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  int rc;

  row = _awb_database_row_json (db, "evidence", "id", id, &local_error);
  if (row == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No evidence item “%s”"), id);
      return NULL;
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  object = json_node_get_object (row);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      json_builder_set_member_name (b, l->data);
      json_builder_add_value (b, json_node_copy (json_object_get_member (object, l->data)));
    }

  json_builder_set_member_name (b, "links");
  json_builder_begin_array (b);
  links = _awb_database_query (db, error,
                               "SELECT requirement_id, supports FROM evidence_links "
                               "WHERE evidence_id = ? ORDER BY rowid", "s", id);
  if (links == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, links, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "requirement_id");
      json_builder_add_string_value (b, _awb_column_text (links, 0));
      json_builder_set_member_name (b, "supports");
      json_builder_add_string_value (b, _awb_column_text (links, 1));
      json_builder_end_object (b);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  json_builder_end_array (b);

  json_builder_set_member_name (b, "attachments");
  json_builder_begin_array (b);
  attachments = _awb_database_query (db, error,
                                     "SELECT id, sha256, name, size, content_type, added_at "
                                     "FROM attachments WHERE evidence_id = ? "
                                     "ORDER BY added_at, rowid", "s", id);
  if (attachments == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, attachments, error)) == SQLITE_ROW)
    {
      static const char * const names[] = { "id", "sha256", "name", "size", "content_type",
                                            "added_at" };

      json_builder_begin_object (b);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          json_builder_set_member_name (b, names[i]);
          if (i == 3)
            json_builder_add_int_value (b, sqlite3_column_int64 (attachments, (int) i));
          else
            json_builder_add_string_value (b, _awb_column_text (attachments, (int) i));
        }
      json_builder_end_object (b);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  json_builder_end_array (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Inserts a row of evidence from values[N_COLUMNS] (values[AWB_EVIDENCE_COL_REV] unused). */
static gboolean
insert_evidence (AwbDatabase  *db,
                 const char  **values,
                 gint64        rev,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("INSERT INTO evidence (");

  for (guint i = 0; i < N_COLUMNS; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", _awb_evidence_columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < N_COLUMNS; i++)
    g_string_append_printf (sql, "%s?", i > 0 ? ", " : "");
  g_string_append (sql, ")");

  stmt = _awb_database_query (db, error, sql->str, NULL);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      int rc = i == AWB_EVIDENCE_COL_REV ? sqlite3_bind_int64 (stmt, (int) i + 1, rev)
                            : sqlite3_bind_text (stmt, (int) i + 1, values[i], -1,
                                                 SQLITE_TRANSIENT);
      if (rc != SQLITE_OK)
        return _awb_database_fail (db, error, _("binding a value"));
    }
  return _awb_database_step (db, stmt, error) == SQLITE_DONE;
}

/* Sets every column but id, case_id, method, recorded_at from values and bumps rev. */
static gboolean
update_evidence (AwbDatabase  *db,
                 const char  **values,
                 GError      **error)
{
  static const guint set[] = { AWB_EVIDENCE_COL_TITLE, AWB_EVIDENCE_COL_OBSERVATION, AWB_EVIDENCE_COL_EVALUATOR, AWB_EVIDENCE_COL_OBSERVED_ON,
                               AWB_EVIDENCE_COL_UPDATED_AT };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("UPDATE evidence SET rev = rev + 1");
  int n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (set); i++)
    g_string_append_printf (sql, ", %s = ?", _awb_evidence_columns[set[i]]);
  for (guint i = 0; i < N_FIELDS; i++)
    g_string_append_printf (sql, ", %s = ?", _awb_evidence_columns[AWB_EVIDENCE_COL_FIRST_FIELD + i]);
  g_string_append (sql, " WHERE id = ?");

  stmt = _awb_database_query (db, error, sql->str, NULL);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (set); i++)
    if (sqlite3_bind_text (stmt, ++n, values[set[i]], -1, SQLITE_TRANSIENT) != SQLITE_OK)
      return _awb_database_fail (db, error, _("binding a value"));
  for (guint i = 0; i < N_FIELDS; i++)
    if (sqlite3_bind_text (stmt, ++n, values[AWB_EVIDENCE_COL_FIRST_FIELD + i], -1, SQLITE_TRANSIENT) !=
        SQLITE_OK)
      return _awb_database_fail (db, error, _("binding a value"));
  if (sqlite3_bind_text (stmt, ++n, values[AWB_EVIDENCE_COL_ID], -1, SQLITE_TRANSIENT) != SQLITE_OK)
    return _awb_database_fail (db, error, _("binding a value"));
  return _awb_database_step (db, stmt, error) == SQLITE_DONE;
}

static gboolean
insert_links (AwbDatabase *db,
              const char  *evidence_id,
              GPtrArray   *links,
              GError     **error)
{
  for (guint i = 0; i < links->len; i++)
    {
      AwbEvidenceLink *link = links->pdata[i];

      if (!_awb_database_run (db, error,
                              "INSERT INTO evidence_links (evidence_id, requirement_id, supports) "
                              "VALUES (?, ?, ?)", "sss", evidence_id, link->requirement_id,
                              awb_supports_to_string (link->supports)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_attachment (AwbDatabase         *db,
                   const char          *evidence_id,
                   const AwbAttachment *a,
                   GError             **error)
{
  return _awb_database_run (db, error,
                            "INSERT INTO attachments (id, evidence_id, sha256, name, size, "
                            "content_type, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            "ssssiss", a->id, evidence_id, a->sha256, a->name, a->size,
                            a->content_type, a->added_at);
}

static gboolean
touch_evidence (AwbDatabase *db,
                const char  *id,
                const char  *now,
                GError     **error)
{
  return _awb_database_run (db, error,
                            "UPDATE evidence SET rev = rev + 1, updated_at = ? WHERE id = ?",
                            "ss", now, id);
}

/* The case an item belongs to, or NULL with an error. */
static char *
evidence_case (AwbDatabase *db,
               const char  *id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error, "SELECT case_id FROM evidence WHERE id = ?", "s", id);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No evidence item “%s”"), id);
  if (rc != SQLITE_ROW)
    return NULL;
  return g_strdup (_awb_column_text (stmt, 0));
}

/* Refuses a file whose content is already attached to the item. */
static gboolean
check_not_attached (AwbDatabase         *db,
                    const char          *evidence_id,
                    const AwbAttachment *a,
                    GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT name FROM attachments WHERE evidence_id = ? AND sha256 = ?",
                              "ss", evidence_id, a->sha256);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                   _("%s has the same content as “%s”, already attached to evidence item %s"),
                   a->name, _awb_column_text (stmt, 0), evidence_id);
      return FALSE;
    }
  return rc == SQLITE_DONE;
}

static gboolean
links_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      AwbEvidenceLink *x = a->pdata[i];
      AwbEvidenceLink *y = b->pdata[i];

      if (g_strcmp0 (x->requirement_id, y->requirement_id) != 0 || x->supports != y->supports)
        return FALSE;
    }
  return TRUE;
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Records a new evidence item in case_id (full id or prefix); returns its id.
 * Attached files are copied into the store before the record is committed. */
char *
awb_evidence_add (AwbDatabase          *db,
                  const char           *case_id,
                  const AwbEvidenceNew *params,
                  GError              **error)
{
  g_autofree char *cid = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(AwbAttachmentStore) store = NULL;
  g_autoptr(JsonNode) after = NULL;
  const char *values[N_COLUMNS] = { NULL };

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (params != NULL, NULL);

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL)
    return NULL;

  if (params->method >= AWB_N_METHODS)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The method must be document, interview or demonstration"));
      return NULL;
    }
  if (!check_text (_("title"), params->title, TRUE, error) ||
      !check_text (_("observation"), params->observation, FALSE, error) ||
      !check_text (_("evaluator"), params->evaluator, FALSE, error) ||
      !_awb_check_name (_("evaluator"), params->evaluator, error) ||
      !check_observed_on (params->observed_on, error) ||
      !check_links (db, cid, params->links, error) ||
      !check_fields (params->method, params->fields, values, error))
    return NULL;
  for (const char * const *p = params->attachments; p != NULL && *p != NULL; p++)
    if (!awb_attachment_store_check_source (*p, error))
      return NULL;
  /* refuse before copying anything; checked again inside the transaction */
  if (!_awb_case_require_unlocked (db, cid, error))
    return NULL;

  id = g_uuid_string_random ();
  now = awb_timestamp_now ();
  title = _awb_strip_dup (params->title);

  store = awb_attachment_store_new_for_database (db);
  stored = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_attachment_free);
  for (const char * const *p = params->attachments; p != NULL && *p != NULL; p++)
    {
      AwbAttachment *a = awb_attachment_store_add (store, *p, NULL, error);

      if (a == NULL)
        return NULL;
      for (guint i = 0; i < stored->len; i++)
        if (g_str_equal (((AwbAttachment *) stored->pdata[i])->sha256, a->sha256))
          {
            g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                         _("%s has the same content as %s: attach it once"), a->name,
                         ((AwbAttachment *) stored->pdata[i])->name);
            awb_attachment_free (a);
            return NULL;
          }
      a->id = g_uuid_string_random ();
      a->added_at = g_strdup (now);
      g_ptr_array_add (stored, a);
    }

  values[AWB_EVIDENCE_COL_ID] = id;
  values[AWB_EVIDENCE_COL_CASE_ID] = cid;
  values[AWB_EVIDENCE_COL_METHOD] = awb_method_to_string (params->method);
  values[AWB_EVIDENCE_COL_TITLE] = title;
  values[AWB_EVIDENCE_COL_OBSERVATION] = params->observation != NULL ? params->observation : "";
  values[AWB_EVIDENCE_COL_EVALUATOR] = params->evaluator != NULL ? params->evaluator : "";
  values[AWB_EVIDENCE_COL_OBSERVED_ON] = params->observed_on != NULL && *params->observed_on != '\0'
                              ? params->observed_on : NULL;
  values[AWB_EVIDENCE_COL_RECORDED_AT] = now;
  values[AWB_EVIDENCE_COL_UPDATED_AT] = now;

  if (!awb_database_begin (db, error))
    return NULL;
  if (!_awb_case_require_unlocked (db, cid, error) ||
      !insert_evidence (db, values, 1, error) ||
      !insert_links (db, id, params->links, error))
    goto fail;
  for (guint i = 0; i < stored->len; i++)
    if (!insert_attachment (db, id, stored->pdata[i], error))
      goto fail;
  after = snapshot (db, id, error);
  if (after == NULL ||
      !awb_history_append (db, cid, params->actor, "add", "evidence", id, NULL, after, error) ||
      !awb_database_commit (db, error))
    goto fail;
  return g_steal_pointer (&id);

fail:
  awb_database_rollback (db);
  return NULL;
}

/* Changes an item's text, date, method fields or links (see AwbEvidenceChanges). */
gboolean
awb_evidence_update (AwbDatabase              *db,
                     const char               *id,
                     const AwbEvidenceChanges *changes,
                     GError                  **error)
{
  g_autofree char *eid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *title = NULL;
  g_autoptr(AwbEvidence) current = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  const char *values[N_COLUMNS] = { NULL };
  gboolean changed = FALSE;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  eid = _awb_resolve_id (db, "evidence", id, _("evidence item"), error);
  if (eid == NULL)
    return FALSE;
  current = _awb_evidence_load_one (db, eid, error);
  if (current == NULL)
    return FALSE;

  if (changes->title != NULL && !check_text (_("title"), changes->title, TRUE, error))
    return FALSE;
  if (!check_text (_("observation"), changes->observation, FALSE, error) ||
      !check_text (_("evaluator"), changes->evaluator, FALSE, error) ||
      !_awb_check_name (_("evaluator"), changes->evaluator, error) ||
      !check_observed_on (changes->observed_on, error))
    return FALSE;
  if (changes->links != NULL && !check_links (db, awb_evidence_get_case_id (current), changes->links, error))
    return FALSE;

  values[AWB_EVIDENCE_COL_ID] = awb_evidence_get_id (current);
  values[AWB_EVIDENCE_COL_TITLE] = awb_evidence_get_title (current);
  values[AWB_EVIDENCE_COL_OBSERVATION] = awb_evidence_get_observation (current);
  values[AWB_EVIDENCE_COL_EVALUATOR] = awb_evidence_get_evaluator (current);
  values[AWB_EVIDENCE_COL_OBSERVED_ON] = awb_evidence_get_observed_on (current);
  for (guint i = 0; i < N_FIELDS; i++)
    values[AWB_EVIDENCE_COL_FIRST_FIELD + i] = _awb_evidence_get_field_at (current, i);
  if (!check_fields (awb_evidence_get_method (current), changes->fields, values, error))
    return FALSE;

  if (changes->title != NULL)
    {
      title = _awb_strip_dup (changes->title);
      values[AWB_EVIDENCE_COL_TITLE] = title;
    }
  if (changes->observation != NULL)
    values[AWB_EVIDENCE_COL_OBSERVATION] = changes->observation;
  if (changes->evaluator != NULL)
    values[AWB_EVIDENCE_COL_EVALUATOR] = changes->evaluator;
  if (changes->observed_on != NULL)
    values[AWB_EVIDENCE_COL_OBSERVED_ON] = *changes->observed_on != '\0' ? changes->observed_on : NULL;

  changed = changes->links != NULL && !links_equal (changes->links, awb_evidence_get_links (current));
  if (g_strcmp0 (values[AWB_EVIDENCE_COL_TITLE], awb_evidence_get_title (current)) != 0 ||
      g_strcmp0 (values[AWB_EVIDENCE_COL_OBSERVATION], awb_evidence_get_observation (current)) != 0 ||
      g_strcmp0 (values[AWB_EVIDENCE_COL_EVALUATOR], awb_evidence_get_evaluator (current)) != 0 ||
      g_strcmp0 (values[AWB_EVIDENCE_COL_OBSERVED_ON], awb_evidence_get_observed_on (current)) != 0)
    changed = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (values[AWB_EVIDENCE_COL_FIRST_FIELD + i], _awb_evidence_get_field_at (current, i)) != 0)
      changed = TRUE;

  if (!_awb_case_require_unlocked (db, awb_evidence_get_case_id (current), error))
    return FALSE;
  if (!changed)
    return TRUE;

  now = awb_timestamp_now ();
  values[AWB_EVIDENCE_COL_UPDATED_AT] = now;

  if (!awb_database_begin (db, error))
    return FALSE;
  if (!_awb_case_require_unlocked (db, awb_evidence_get_case_id (current), error))
    goto fail;
  before = snapshot (db, eid, error);
  if (before == NULL || !update_evidence (db, values, error))
    goto fail;
  if (changes->links != NULL &&
      (!_awb_database_run (db, error, "DELETE FROM evidence_links WHERE evidence_id = ?", "s",
                           eid) ||
       !insert_links (db, eid, changes->links, error)))
    goto fail;
  after = snapshot (db, eid, error);
  if (after == NULL ||
      !awb_history_append (db, awb_evidence_get_case_id (current), changes->actor, "update", "evidence", eid,
                           before, after, error) ||
      !awb_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  awb_database_rollback (db);
  return FALSE;
}

/* Attaches the file at path to item id; returns the attachment's id. */
char *
awb_evidence_add_attachment (AwbDatabase *db,
                             const char  *id,
                             const char  *path,
                             const char  *actor,
                             GError     **error)
{
  g_autofree char *eid = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *now = NULL;
  g_autoptr(AwbAttachmentStore) store = NULL;
  g_autoptr(AwbAttachment) a = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  eid = _awb_resolve_id (db, "evidence", id, _("evidence item"), error);
  if (eid == NULL)
    return NULL;
  cid = evidence_case (db, eid, error);
  if (cid == NULL ||
      !awb_attachment_store_check_source (path, error) ||
      !_awb_case_require_unlocked (db, cid, error))
    return NULL;

  store = awb_attachment_store_new_for_database (db);
  a = awb_attachment_store_add (store, path, NULL, error);
  if (a == NULL || !check_not_attached (db, eid, a, error))
    return NULL;
  now = awb_timestamp_now ();
  a->id = g_uuid_string_random ();
  a->added_at = g_strdup (now);

  if (!awb_database_begin (db, error))
    return NULL;
  if (!_awb_case_require_unlocked (db, cid, error) ||
      !insert_attachment (db, eid, a, error) ||
      !touch_evidence (db, eid, now, error))
    goto fail;
  if (!_awb_record_log (db, "attachments", a->id, cid, actor, "attach", "attachment", NULL,
                        error) ||
      !awb_database_commit (db, error))
    goto fail;
  return g_strdup (a->id);

fail:
  awb_database_rollback (db);
  return NULL;
}

/* Detaches an attachment (full id or prefix). The stored file stays, for the
 * history and for other items that hold the same content. */
gboolean
awb_evidence_remove_attachment (AwbDatabase *db,
                                const char  *attachment_id,
                                const char  *actor,
                                GError     **error)
{
  g_autofree char *aid = NULL;
  g_autofree char *eid = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *now = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  aid = _awb_resolve_id (db, "attachments", attachment_id, _("attachment"), error);
  if (aid == NULL)
    return FALSE;
  stmt = _awb_database_query (db, error,
                              "SELECT a.evidence_id, e.case_id FROM attachments a "
                              "JOIN evidence e ON e.id = a.evidence_id WHERE a.id = ?", "s", aid);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No attachment “%s”"), aid);
  if (rc != SQLITE_ROW)
    return FALSE;
  eid = g_strdup (_awb_column_text (stmt, 0));
  cid = g_strdup (_awb_column_text (stmt, 1));
  g_clear_pointer (&stmt, sqlite3_finalize);
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return FALSE;
  if (!_awb_case_require_unlocked (db, cid, error))
    goto fail;
  before = _awb_database_row_json (db, "attachments", "id", aid, error);
  if (before == NULL ||
      !_awb_database_run (db, error, "DELETE FROM attachments WHERE id = ?", "s", aid) ||
      !touch_evidence (db, eid, now, error) ||
      !awb_history_append (db, cid, actor, "detach", "attachment", aid, before, NULL, error) ||
      !awb_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  awb_database_rollback (db);
  return FALSE;
}

/* Removes an item (full id or prefix), leaving a tombstone; the history entry
 * keeps the whole item so that awb_evidence_restore can bring it back. */
gboolean
awb_evidence_remove (AwbDatabase *db,
                     const char  *id,
                     const char  *actor,
                     GError     **error)
{
  g_autofree char *eid = NULL;
  g_autofree char *cid = NULL;
  g_autoptr(JsonNode) before = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  eid = _awb_resolve_id (db, "evidence", id, _("evidence item"), error);
  if (eid == NULL)
    return FALSE;
  cid = evidence_case (db, eid, error);
  if (cid == NULL)
    return FALSE;

  if (!awb_database_begin (db, error))
    return FALSE;
  if (!_awb_case_require_unlocked (db, cid, error))
    goto fail;
  before = snapshot (db, eid, error);
  if (before == NULL ||
      !_awb_database_run (db, error, "DELETE FROM evidence WHERE id = ?", "s", eid) ||
      !_awb_tombstone_add (db, "evidence", eid, cid, error) ||
      !awb_history_append (db, cid, actor, "remove", "evidence", eid, before, NULL, error) ||
      !awb_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  awb_database_rollback (db);
  return FALSE;
}

/* Finds a removed item by full id or prefix: its id and case. */
static gboolean
resolve_removed (AwbDatabase *db,
                 const char  *id,
                 char       **out_id,
                 char       **out_case,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *pattern = NULL;
  int rc;

  if (id == NULL || strlen (id) < AWB_MIN_ID_PREFIX || strpbrk (id, "%_") != NULL)
    {
      /* the same refusal as for any id */
      g_free (_awb_resolve_id (db, "evidence", id, _("evidence item"), error));
      if (error != NULL && *error == NULL)
        g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                     _("Evidence item %s was not removed: there is nothing to restore"), id);
      return FALSE;
    }

  pattern = g_strconcat (id, "%", NULL);
  stmt = _awb_database_query (db, error,
                              "SELECT id, case_id FROM tombstones WHERE entity = 'evidence' AND "
                              "(id = ?1 OR id LIKE ?2) ORDER BY id = ?1 DESC LIMIT 2",
                              "ss", id, pattern);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *out_id = g_strdup (_awb_column_text (stmt, 0));
      *out_case = g_strdup (_awb_column_text (stmt, 1));
      if (g_str_equal (*out_id, id))
        return TRUE;
      rc = _awb_database_step (db, stmt, error);
      if (rc == SQLITE_DONE)
        return TRUE;
      if (rc == SQLITE_ROW)
        g_set_error (error, AWB_ERROR, AWB_ERROR_AMBIGUOUS,
                     _("“%s” names more than one removed evidence item (%s, %s …): give more of "
                       "its id"), id, *out_id, _awb_column_text (stmt, 0));
      g_clear_pointer (out_id, g_free);
      g_clear_pointer (out_case, g_free);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  {
    g_autoptr(GError) local_error = NULL;
    g_autofree char *live = _awb_resolve_id (db, "evidence", id, _("evidence item"),
                                             &local_error);
    if (live != NULL)
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Evidence item %s was not removed: there is nothing to restore"), live);
    else if (g_error_matches (local_error, AWB_ERROR, AWB_ERROR_NOT_FOUND))
      g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                   _("No removed evidence item “%s”"), id);
    else
      g_propagate_error (error, g_steal_pointer (&local_error));
  }
  return FALSE;
}

/* Brings back a removed item exactly as it was (same id, fields, links and
 * attachments; rev bumped). Returns its full id. */
char *
awb_evidence_restore (AwbDatabase *db,
                      const char  *id,
                      GError     **error)
{
  g_autofree char *eid = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GPtrArray) links = NULL;
  JsonObject *row;
  JsonArray *array;
  const char *values[N_COLUMNS] = { NULL };
  gint64 rev;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  if (!resolve_removed (db, id, &eid, &cid, error))
    return NULL;
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return NULL;
  if (!_awb_case_require_unlocked (db, cid, error))
    goto fail;

  stmt = _awb_database_query (db, error,
                              "SELECT before FROM history WHERE case_id = ? AND entity = 'evidence' "
                              "AND entity_id = ? AND action = 'remove' ORDER BY seq DESC LIMIT 1",
                              "ss", cid, eid);
  if (stmt == NULL)
    goto fail;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    text = g_strdup (_awb_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                 _("Evidence item %s cannot be restored: its history holds no record of what "
                   "was removed"), eid);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (text == NULL)
    goto fail;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      g_strcmp0 (json_string (json_node_get_object (json_parser_get_root (parser)), "id"),
                 eid) != 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                   _("Evidence item %s cannot be restored: the history entry of its removal is "
                     "damaged (run “awb verify”)"), eid);
      goto fail;
    }
  row = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < N_COLUMNS; i++)
    if (i != AWB_EVIDENCE_COL_REV)
      values[i] = json_string (row, _awb_evidence_columns[i]);
  values[AWB_EVIDENCE_COL_UPDATED_AT] = now;
  rev = json_object_has_member (row, "rev") ? json_object_get_int_member (row, "rev") + 1 : 1;

  links = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_evidence_link_free);
  array = json_object_has_member (row, "links") ? json_object_get_array_member (row, "links")
                                                : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *l = json_array_get_object_element (array, i);
      AwbSupports supports;

      if (l == NULL || !awb_supports_from_string (json_string (l, "supports"), &supports))
        supports = AWB_SUPPORTS_YES;
      if (l != NULL && json_string (l, "requirement_id") != NULL)
        g_ptr_array_add (links, awb_evidence_link_new (json_string (l, "requirement_id"),
                                                       supports));
    }

  if (!insert_evidence (db, values, rev, error) || !insert_links (db, eid, links, error))
    goto fail;

  array = json_object_has_member (row, "attachments")
            ? json_object_get_array_member (row, "attachments") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      AwbAttachment a = { 0 };

      if (o == NULL)
        continue;
      a.id = (char *) json_string (o, "id");
      a.sha256 = (char *) json_string (o, "sha256");
      a.name = (char *) json_string (o, "name");
      a.size = json_object_has_member (o, "size") ? json_object_get_int_member (o, "size") : 0;
      a.content_type = (char *) json_string (o, "content_type");
      a.added_at = (char *) json_string (o, "added_at");
      if (!insert_attachment (db, eid, &a, error))
        goto fail;
    }

  after = snapshot (db, eid, error);
  if (after == NULL ||
      !_awb_database_run (db, error,
                          "DELETE FROM tombstones WHERE entity = 'evidence' AND id = ?", "s",
                          eid) ||
      !awb_history_append (db, cid, NULL, "restore", "evidence", eid, NULL, after, error) ||
      !awb_database_commit (db, error))
    goto fail;
  return g_steal_pointer (&eid);

fail:
  awb_database_rollback (db);
  return NULL;
}

