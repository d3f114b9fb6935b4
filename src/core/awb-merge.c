/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-merge"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-dates.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-history-private.h"
#include "awb-package-private.h"
#include "awb-record-private.h"

/* Merging a package's case into the database's, record by record.
 *
 * Every record of a case has a merge key (its id, or a natural key where two
 * evaluators' records must meet: a rating's requirement, a date's kind …) and
 * a version: a SHA-256 over its columns and its child rows. merge_versions
 * holds, per key, every version the database held at an export or import
 * (its ancestry) and which one it held last (current); a record gone since
 * then gets a deletion version derived from the last one. A package carries
 * the exporter's rows of merge_versions. Then, per key, with L and I the
 * local and incoming versions and A(L), A(I) the ancestries:
 *   L = I            nothing to do
 *   I in A(L)        the package is behind: keep ours
 *   L in A(I)        we are behind: take theirs (a deletion included)
 *   otherwise        both changed: equal content (timestamps, revs, actors
 *                    and computed values aside) takes the newer, deterministically;
 *                    different content is a conflict, ours kept until resolved.
 * See docs/package-format.md. */

/* ---- the entities of format version 1 ------------------------------------- */

#define P  AWB_COLUMN_PLAIN
#define I  AWB_COLUMN_IDENTITY
#define V  AWB_COLUMN_VOLATILE
#define M  (AWB_COLUMN_MEMBER | AWB_COLUMN_IDENTITY)
#define C  AWB_COLUMN_CASE
#define PA AWB_COLUMN_PARENT

static const AwbPackageColumn case_columns[] = {
  { "id", P }, { "catalogue_id", P }, { "catalogue_version", P }, { "applicant", P },
  { "credit_code", P }, { "app_type", P }, { "previous_certificate", P },
  { "previous_expiry", P }, { "baseline_case", P }, { "stage", P }, { "is_demo", P },
  { "submitted_at", V }, { "team_conclusion", V }, { "statement", P },
  { "statement_decision", V }, { "panel_conclusion", P }, { "panel_concluded_at", V },
  { "created_at", V }, { "updated_at", V }, { "rev", V }, { NULL }
};
static const AwbPackageColumn team_columns[] = {
  { "id", I }, { "case_id", C }, { "name", P }, { "role", P }, { "created_at", V },
  { "rev", V }, { NULL }
};
static const AwbPackageColumn date_columns[] = {
  { "case_id", C }, { "kind", P }, { "date", P }, { "actor", V }, { "at", V }, { "rev", V },
  { NULL }
};
static const AwbPackageColumn move_columns[] = {
  { "id", I }, { "case_id", C }, { "from_stage", P }, { "to_stage", P }, { "on_date", P },
  { "actor", V }, { "at", V }, { NULL }
};
static const AwbPackageColumn check_columns[] = {
  { "case_id", C }, { "item", P }, { "actor", V }, { "at", V }, { NULL }
};
static const AwbPackageColumn evidence_columns[] = {
  { "id", P }, { "case_id", C }, { "method", P }, { "title", P }, { "observation", P },
  { "evaluator", P }, { "observed_on", P }, { "recorded_at", V }, { "version", P },
  { "work_product", P }, { "location", P }, { "interviewee", P }, { "role", P },
  { "topics", P }, { "summary", P }, { "environment", P }, { "operated", P },
  { "operator", P }, { "outcome", P }, { "updated_at", V }, { "rev", V }, { NULL }
};
static const AwbPackageColumn link_columns[] = {
  { "evidence_id", PA }, { "requirement_id", P }, { "supports", P }, { NULL }
};
static const AwbPackageColumn attachment_columns[] = {
  { "id", P }, { "evidence_id", PA }, { "sha256", P }, { "name", P }, { "size", P },
  { "content_type", P }, { "added_at", V }, { NULL }
};
static const AwbPackageChild evidence_children[] = {
  { "evidence_links", "requirement_id", link_columns },
  { "attachments", "id", attachment_columns },
  { NULL }
};
static const AwbPackageColumn rating_columns[] = {
  { "id", I }, { "case_id", C }, { "requirement_id", P }, { "rating", P },
  { "rationale", P }, { "actor", V }, { "at", V }, { "rev", V }, { NULL }
};
static const AwbPackageColumn finding_columns[] = {
  { "id", P }, { "case_id", C }, { "requirement_id", P }, { "kind", P }, { "text", P },
  { "action", P }, { "due", P }, { "status", P }, { "actor", V }, { "created_at", V },
  { "updated_at", V }, { "rev", V }, { NULL }
};
static const AwbPackageColumn staff_columns[] = {
  { "id", P }, { "case_id", C }, { "name", P }, { "full_time", P }, { "cert_kind", P },
  { "cert_no", P }, { "valid_until", P }, { "created_at", V }, { "updated_at", V },
  { "rev", V }, { NULL }
};
static const AwbPackageColumn project_columns[] = {
  { "id", P }, { "case_id", C }, { "client", P }, { "service", P }, { "from_date", P },
  { "to_date", P }, { "accepted", P }, { "created_at", V }, { "updated_at", V }, { "rev", V },
  { NULL }
};
static const AwbPackageColumn member_columns[] = {
  { "id", I }, { "case_id", C }, { "name", P }, { "affiliation", P }, { "role", P },
  { "created_at", V }, { "rev", V }, { NULL }
};
static const AwbPackageColumn review_columns[] = {
  { "id", I }, { "case_id", C }, { "member_id", M }, { "scope", P }, { "sufficient", P },
  { "reasonable", P }, { "comment", P }, { "at", V }, { "rev", V }, { NULL }
};
static const AwbPackageColumn vote_columns[] = {
  { "id", I }, { "case_id", C }, { "member_id", M }, { "vote", P }, { "comment", P },
  { "at", V }, { "rev", V }, { NULL }
};

#undef P
#undef I
#undef V
#undef M
#undef C
#undef PA

const AwbPackageEntity _awb_package_entities[] = {
  { "cases", "t.id", FALSE, "id", "id", "updated_at", TRUE, case_columns, NULL },
  { "team_members",
    "CASE t.role WHEN 'leader' THEN 'leader' ELSE t.role || ':' || t.name END", FALSE, "id",
    "case_id", "created_at", TRUE, team_columns, NULL },
  { "case_dates", "t.kind", FALSE, NULL, "case_id", "at", TRUE, date_columns, NULL },
  { "stage_moves", "t.to_stage", FALSE, "id", "case_id", "at", FALSE, move_columns, NULL },
  { "checklist", "t.item", FALSE, NULL, "case_id", "at", FALSE, check_columns, NULL },
  { "evidence", "t.id", FALSE, "id", "case_id", "updated_at", TRUE, evidence_columns,
    evidence_children },
  { "ratings", "t.requirement_id", FALSE, "id", "case_id", "at", TRUE, rating_columns, NULL },
  { "findings", "t.id", FALSE, "id", "case_id", "updated_at", TRUE, finding_columns, NULL },
  { "staff", "t.id", FALSE, "id", "case_id", "updated_at", TRUE, staff_columns, NULL },
  { "projects", "t.id", FALSE, "id", "case_id", "updated_at", TRUE, project_columns, NULL },
  { "panel_members", "t.name", FALSE, "id", "case_id", "created_at", TRUE, member_columns,
    NULL },
  { "panel_reviews", "t.scope || '|' || m.name", TRUE, "id", "case_id", "at", TRUE,
    review_columns, NULL },
  { "panel_votes", "m.name", TRUE, "id", "case_id", "at", TRUE, vote_columns, NULL },
  { NULL }
};

const AwbPackageEntity *
_awb_package_entity_lookup (const char *table)
{
  for (const AwbPackageEntity *e = _awb_package_entities; e->table != NULL; e++)
    if (g_strcmp0 (e->table, table) == 0)
      return e;
  return NULL;
}

static gboolean
is_panel_entity (const char *table)
{
  return g_str_has_prefix (table, "panel_") || g_str_equal (table, "cases");
}

/* ---- SQL functions: awb_hash (values…) and awb_hash_set (hash) ------------- */

static void
hash_value (GChecksum     *sum,
            sqlite3_value *value)
{
  char prefix[48];
  int n;

  switch (sqlite3_value_type (value))
    {
    case SQLITE_NULL:
      g_checksum_update (sum, (const guchar *) "N;", 2);
      return;
    case SQLITE_INTEGER:
      g_snprintf (prefix, sizeof prefix, "I%" G_GINT64_FORMAT ";",
                  (gint64) sqlite3_value_int64 (value));
      g_checksum_update (sum, (const guchar *) prefix, -1);
      return;
    case SQLITE_FLOAT:
      g_snprintf (prefix, sizeof prefix, "F%.17g;", sqlite3_value_double (value));
      g_checksum_update (sum, (const guchar *) prefix, -1);
      return;
    case SQLITE_BLOB:
      n = sqlite3_value_bytes (value);
      g_snprintf (prefix, sizeof prefix, "B%d:", n);
      g_checksum_update (sum, (const guchar *) prefix, -1);
      if (n > 0)
        g_checksum_update (sum, sqlite3_value_blob (value), n);
      return;
    default:
      {
        const guchar *text = sqlite3_value_text (value);

        n = sqlite3_value_bytes (value);
        g_snprintf (prefix, sizeof prefix, "S%d:", n);
        g_checksum_update (sum, (const guchar *) prefix, -1);
        if (n > 0)
          g_checksum_update (sum, text, n);
      }
    }
}

static void
sql_hash (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (int i = 0; i < argc; i++)
    hash_value (sum, argv[i]);
  sqlite3_result_text (ctx, g_checksum_get_string (sum), -1, SQLITE_TRANSIENT);
}

static void
sql_hash_set_step (sqlite3_context *ctx,
                   int              argc,
                   sqlite3_value  **argv)
{
  GPtrArray **items = sqlite3_aggregate_context (ctx, sizeof (GPtrArray *));
  const char *text;

  if (items == NULL)
    {
      sqlite3_result_error_nomem (ctx);
      return;
    }
  if (*items == NULL)
    *items = g_ptr_array_new_with_free_func (g_free);
  text = (const char *) sqlite3_value_text (argv[0]);
  g_ptr_array_add (*items, g_strdup (text != NULL ? text : ""));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The hash of a set of child rows: independent of the order they came in. */
static void
sql_hash_set_final (sqlite3_context *ctx)
{
  GPtrArray **items = sqlite3_aggregate_context (ctx, 0);
  g_autoptr(GChecksum) sum = NULL;

  if (items == NULL || *items == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  g_ptr_array_sort (*items, compare_strings);
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < (*items)->len; i++)
    {
      g_checksum_update (sum, (const guchar *) (*items)->pdata[i], -1);
      g_checksum_update (sum, (const guchar *) ";", 1);
    }
  g_ptr_array_unref (*items);
  *items = NULL;
  sqlite3_result_text (ctx, g_checksum_get_string (sum), -1, SQLITE_TRANSIENT);
}

gboolean
_awb_package_register_functions (sqlite3  *db,
                                 GError  **error)
{
  if (sqlite3_create_function_v2 (db, "awb_hash", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                  sql_hash, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function_v2 (db, "awb_hash_set", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                  NULL, NULL, sql_hash_set_step, sql_hash_set_final,
                                  NULL) != SQLITE_OK)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_DATABASE,
                   _("The merge functions cannot be set up: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

char *
_awb_merge_deleted_version (const char *entity,
                            const char *key,
                            const char *last)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) "awb-deleted-1", -1);
  g_checksum_update (sum, (const guchar *) "", 1);
  g_checksum_update (sum, (const guchar *) entity, strlen (entity) + 1);
  g_checksum_update (sum, (const guchar *) key, strlen (key) + 1);
  g_checksum_update (sum, (const guchar *) last, -1);
  return g_strdup (g_checksum_get_string (sum));
}

/* ---- the state of a case: every record's version --------------------------- */

/* One record's state; a case of 100,000 items has 200,000 of them on the two
 * sides of a merge, hence the hashes kept inline. */
typedef struct
{
  const AwbPackageEntity *entity;
  char                   *key;
  char                   *record_id;  /* NULL for a deleted record */
  char                   *stamp;
  gint64                  rev;
  gboolean                deleted;
  gboolean                has_content;
  gboolean                has_current;
  char                    version[65];
  char                    content[65];
  char                    current[65];  /* what merge_versions marks current, if has_current */
} State;

static void
state_free (State *s)
{
  g_free (s->key);
  g_free (s->record_id);
  g_free (s->stamp);
  g_free (s);
}

static void
set_hash (char       *dest,
          const char *hash)
{
  g_strlcpy (dest, hash != NULL ? hash : "", 65);
}

/* States are keyed by themselves: entity and key. */
static guint
state_hash (gconstpointer p)
{
  const State *s = p;

  return g_str_hash (s->key) ^ GPOINTER_TO_UINT (s->entity);
}

static gboolean
state_equal (gconstpointer a,
             gconstpointer b)
{
  const State *x = a;
  const State *y = b;

  return x->entity == y->entity && strcmp (x->key, y->key) == 0;
}

static State *
state_find (GHashTable             *states,
            const AwbPackageEntity *e,
            const char             *key)
{
  State probe = { 0 };

  probe.entity = e;
  probe.key = (char *) key;
  return g_hash_table_lookup (states, &probe);
}

static char *
state_id (const char *table,
          const char *key)
{
  return g_strconcat (table, "\x1f", key, NULL);
}

static void
append_member_join (GString                *sql,
                    const AwbPackageEntity *e,
                    const char             *schema)
{
  if (e->member_join)
    g_string_append_printf (sql, " JOIN %s.panel_members m ON m.id = t.member_id ", schema);
}

static void
append_hash_args (GString                *sql,
                  const AwbPackageColumn *columns,
                  const char             *alias,
                  gboolean                content)
{
  for (const AwbPackageColumn *c = columns; c->name != NULL; c++)
    {
      if (c->flags & (AWB_COLUMN_IDENTITY | AWB_COLUMN_PARENT))
        continue;
      if (content && (c->flags & AWB_COLUMN_VOLATILE))
        continue;
      g_string_append_printf (sql, ", %s.%s", alias, c->name);
    }
}

static void
append_hash_expression (GString                *sql,
                        const char             *schema,
                        const AwbPackageEntity *e,
                        gboolean                content)
{
  g_string_append_printf (sql, "awb_hash ('%s', %s", e->table, e->key);
  append_hash_args (sql, e->columns, "t", content);
  for (const AwbPackageChild *c = e->children; c != NULL && c->table != NULL; c++)
    {
      const char *parent = NULL;

      for (const AwbPackageColumn *col = c->columns; col->name != NULL; col++)
        if (col->flags & AWB_COLUMN_PARENT)
          parent = col->name;
      g_string_append_printf (sql, ", (SELECT awb_hash_set (awb_hash ('%s'", c->table);
      append_hash_args (sql, c->columns, "c", content);
      g_string_append_printf (sql, ")) FROM %s.%s c WHERE c.%s = t.%s)", schema, c->table,
                              parent, e->id_column);
    }
  g_string_append (sql, ")");
}

/* SELECT key, record id, version, content, rev, stamp of the case's records. */
static char *
state_sql (const char             *schema,
           const AwbPackageEntity *e,
           gboolean                one_key)
{
  GString *sql = g_string_new ("SELECT ");

  g_string_append_printf (sql, "%s, %s%s, ", e->key, e->id_column != NULL ? "t." : "",
                          e->id_column != NULL ? e->id_column : e->key);
  append_hash_expression (sql, schema, e, FALSE);
  g_string_append (sql, ", ");
  append_hash_expression (sql, schema, e, TRUE);
  g_string_append_printf (sql, ", %s, t.%s FROM %s.%s t ", e->has_rev ? "t.rev" : "0", e->stamp,
                          schema, e->table);
  append_member_join (sql, e, schema);
  g_string_append_printf (sql, " WHERE t.%s = ?1", e->case_column);
  if (one_key)
    g_string_append_printf (sql, " AND %s = ?2", e->key);
  return g_string_free (sql, FALSE);
}

static State *
state_from_row (const AwbPackageEntity *e,
                sqlite3_stmt           *stmt)
{
  State *s = g_new0 (State, 1);

  s->entity = e;
  s->key = g_strdup (_awb_column_text (stmt, 0));
  s->record_id = g_strdup (_awb_column_text (stmt, 1));
  set_hash (s->version, _awb_column_text (stmt, 2));
  set_hash (s->content, _awb_column_text (stmt, 3));
  s->has_content = TRUE;
  s->rev = sqlite3_column_int64 (stmt, 4);
  s->stamp = g_strdup (_awb_column_text (stmt, 5));
  return s;
}

/* Every record of the case in schema (a set of State), plus the records
 * deleted since merge_versions last saw them (and those it knows deleted). */
static GHashTable *
load_states (AwbDatabase *db,
             const char  *schema,
             const char  *case_id,
             GError     **error)
{
  g_autoptr(GHashTable) states =
    g_hash_table_new_full (state_hash, state_equal, (GDestroyNotify) state_free, NULL);
  g_autoptr(sqlite3_stmt) current = NULL;
  g_autofree char *current_sql = NULL;
  int rc;

  for (const AwbPackageEntity *e = _awb_package_entities; e->table != NULL; e++)
    {
      g_autofree char *sql = state_sql (schema, e, FALSE);
      g_autoptr(sqlite3_stmt) stmt = _awb_database_query (db, error, sql, "s", case_id);

      if (stmt == NULL)
        return NULL;
      while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
        g_hash_table_add (states, state_from_row (e, stmt));
      if (rc != SQLITE_DONE)
        return NULL;
    }

  current_sql = g_strdup_printf ("SELECT entity, key, version, deleted FROM %s.merge_versions "
                                 "WHERE case_id = ? AND current = 1", schema);
  current = _awb_database_query (db, error, current_sql, "s", case_id);
  if (current == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, current, error)) == SQLITE_ROW)
    {
      const AwbPackageEntity *e = _awb_package_entity_lookup (_awb_column_text (current, 0));
      const char *key = _awb_column_text (current, 1);
      const char *version = _awb_column_text (current, 2);
      State *s;

      if (e == NULL || key == NULL || version == NULL)
        continue;
      s = state_find (states, e, key);
      if (s == NULL)
        {
          s = g_new0 (State, 1);
          s->entity = e;
          s->key = g_strdup (key);
          s->deleted = TRUE;
          if (sqlite3_column_int (current, 3) != 0)
            set_hash (s->version, version);
          else
            {
              g_autofree char *gone = _awb_merge_deleted_version (e->table, key, version);
              set_hash (s->version, gone);
            }
          g_hash_table_add (states, s);
        }
      set_hash (s->current, version);
      s->has_current = TRUE;
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&states);
}

typedef struct
{
  sqlite3_stmt *clear;
  sqlite3_stmt *mark;
} MarkStatements;

static void
mark_statements_clear (MarkStatements *m)
{
  g_clear_pointer (&m->clear, sqlite3_finalize);
  g_clear_pointer (&m->mark, sqlite3_finalize);
}

static gboolean
mark_statements_init (AwbDatabase    *db,
                      MarkStatements *m,
                      GError        **error)
{
  m->clear = _awb_database_query (db, error,
                                  "UPDATE main.merge_versions SET current = 0 WHERE case_id = ? "
                                  "AND entity = ? AND key = ? AND current = 1", NULL);
  if (m->clear == NULL)
    return FALSE;
  m->mark = _awb_database_query (db, error,
                                 "INSERT INTO main.merge_versions (case_id, entity, key, version, "
                                 "deleted, current) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT DO "
                                 "UPDATE SET current = 1, deleted = excluded.deleted", NULL);
  return m->mark != NULL;
}

/* Makes version the current one of the record (and one of its ancestry). */
static gboolean
mark_current (AwbDatabase    *db,
              MarkStatements *m,
              const char     *case_id,
              const char     *table,
              const char     *key,
              const char     *version,
              gboolean        deleted,
              gboolean        had_current,
              GError        **error)
{
  if (had_current)
    {
      sqlite3_reset (m->clear);
      sqlite3_bind_text (m->clear, 1, case_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (m->clear, 2, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (m->clear, 3, key, -1, SQLITE_STATIC);
      if (_awb_database_step (db, m->clear, error) != SQLITE_DONE)
        return FALSE;
    }
  sqlite3_reset (m->mark);
  sqlite3_bind_text (m->mark, 1, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (m->mark, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (m->mark, 3, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (m->mark, 4, version, -1, SQLITE_STATIC);
  sqlite3_bind_int (m->mark, 5, deleted ? 1 : 0);
  return _awb_database_step (db, m->mark, error) == SQLITE_DONE;
}

static int
compare_states (gconstpointer a,
                gconstpointer b)
{
  const State *x = *(State * const *) a;
  const State *y = *(State * const *) b;

  if (x->entity != y->entity)
    return x->entity < y->entity ? -1 : 1;
  return strcmp (x->key, y->key);
}

/* Brings merge_versions up to date and returns the local states. */
static GHashTable *
sync_states (AwbDatabase *db,
             const char  *case_id,
             GError     **error)
{
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  MarkStatements m = { 0 };
  GHashTableIter iter;
  State *s;
  gboolean ok = TRUE;

  if (!_awb_package_register_functions (_awb_database_get_handle (db), error))
    return NULL;
  states = load_states (db, "main", case_id, error);
  if (states == NULL || !mark_statements_init (db, &m, error))
    {
      mark_statements_clear (&m);
      return NULL;
    }

  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, (gpointer *) &s, NULL))
    if (!s->has_current || strcmp (s->current, s->version) != 0)
      g_ptr_array_add (changed, s);
  /* in key order: a first export writes every record's row, and B-trees fill
   * far faster in order than at random */
  g_ptr_array_sort (changed, compare_states);
  for (guint i = 0; ok && i < changed->len; i++)
    {
      s = changed->pdata[i];
      ok = mark_current (db, &m, case_id, s->entity->table, s->key, s->version, s->deleted,
                         s->has_current, error);
      set_hash (s->current, s->version);
      s->has_current = TRUE;
    }
  mark_statements_clear (&m);
  if (!ok)
    return NULL;
  return g_steal_pointer (&states);
}

gboolean
_awb_merge_sync (AwbDatabase *db,
                 const char  *case_id,
                 GError     **error)
{
  g_autoptr(GHashTable) states = sync_states (db, case_id, error);

  return states != NULL;
}

/* ---- records as JSON, and writing them back ------------------------------- */

static void
add_column_value (JsonBuilder  *b,
                  sqlite3_stmt *stmt,
                  int           i)
{
  switch (sqlite3_column_type (stmt, i))
    {
    case SQLITE_INTEGER:
      json_builder_add_int_value (b, sqlite3_column_int64 (stmt, i));
      break;
    case SQLITE_FLOAT:
      json_builder_add_double_value (b, sqlite3_column_double (stmt, i));
      break;
    case SQLITE_NULL:
      json_builder_add_null_value (b);
      break;
    default:
      json_builder_add_string_value (b, _awb_column_text (stmt, i));
    }
}

static void
append_column_list (GString                *sql,
                    const AwbPackageColumn *columns,
                    const char             *alias)
{
  for (const AwbPackageColumn *c = columns; c->name != NULL; c++)
    g_string_append_printf (sql, "%s%s%s%s", c == columns ? "" : ", ", alias != NULL ? alias : "",
                            alias != NULL ? "." : "", c->name);
}

gboolean
_awb_merge_record_json (AwbDatabase            *db,
                        const char             *schema,
                        const AwbPackageEntity *e,
                        const char             *case_id,
                        const char             *key,
                        JsonNode              **out,
                        GError                **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autofree char *rid = NULL;
  int n = 0;
  int rc;

  append_column_list (sql, e->columns, "t");
  if (e->member_join)
    g_string_append (sql, ", m.name");
  g_string_append_printf (sql, " FROM %s.%s t ", schema, e->table);
  append_member_join (sql, e, schema);
  g_string_append_printf (sql, " WHERE t.%s = ? AND %s = ?", e->case_column, e->key);

  *out = NULL;
  stmt = _awb_database_query (db, error, sql->str, "ss", case_id, key);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return FALSE;

  json_builder_begin_object (b);
  for (const AwbPackageColumn *c = e->columns; c->name != NULL; c++, n++)
    {
      json_builder_set_member_name (b, c->name);
      add_column_value (b, stmt, n);
      if (e->id_column != NULL && g_str_equal (c->name, e->id_column))
        rid = g_strdup (_awb_column_text (stmt, n));
    }
  if (e->member_join)
    {
      json_builder_set_member_name (b, "member");
      add_column_value (b, stmt, n);
    }

  for (const AwbPackageChild *child = e->children; child != NULL && child->table != NULL;
       child++)
    {
      g_autoptr(GString) csql = g_string_new ("SELECT ");
      g_autoptr(sqlite3_stmt) rows = NULL;
      const char *parent = NULL;

      for (const AwbPackageColumn *c = child->columns; c->name != NULL; c++)
        if (c->flags & AWB_COLUMN_PARENT)
          parent = c->name;
      append_column_list (csql, child->columns, NULL);
      g_string_append_printf (csql, " FROM %s.%s WHERE %s = ? ORDER BY %s", schema, child->table,
                              parent, child->order);
      rows = _awb_database_query (db, error, csql->str, "s", rid);
      if (rows == NULL)
        return FALSE;
      json_builder_set_member_name (b, child->table);
      json_builder_begin_array (b);
      while ((rc = _awb_database_step (db, rows, error)) == SQLITE_ROW)
        {
          int k = 0;

          json_builder_begin_object (b);
          for (const AwbPackageColumn *c = child->columns; c->name != NULL; c++, k++)
            {
              if (c->flags & AWB_COLUMN_PARENT)
                continue;
              json_builder_set_member_name (b, c->name);
              add_column_value (b, rows, k);
            }
          json_builder_end_object (b);
        }
      if (rc != SQLITE_DONE)
        return FALSE;
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  *out = json_builder_get_root (b);
  return TRUE;
}

static int
bind_json (sqlite3_stmt *stmt,
           int           i,
           JsonNode     *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return sqlite3_bind_null (stmt, i);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return sqlite3_bind_null (stmt, i);
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return sqlite3_bind_int64 (stmt, i, json_node_get_int (node));
  if (type == G_TYPE_BOOLEAN)
    return sqlite3_bind_int (stmt, i, json_node_get_boolean (node) ? 1 : 0);
  if (type == G_TYPE_DOUBLE)
    return sqlite3_bind_double (stmt, i, json_node_get_double (node));
  return sqlite3_bind_text (stmt, i, json_node_get_string (node), -1, SQLITE_TRANSIENT);
}

static const char *
object_string (JsonObject *o,
               const char *member)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The local row (rowid and id) of the record with this key, if any. */
static gboolean
find_local (AwbDatabase            *db,
            const AwbPackageEntity *e,
            const char             *case_id,
            const char             *key,
            gint64                 *rowid,
            char                  **record_id,
            GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_string_printf (sql, "SELECT t.rowid, %s%s FROM main.%s t ", e->id_column != NULL ? "t." : "",
                   e->id_column != NULL ? e->id_column : e->key, e->table);
  append_member_join (sql, e, "main");
  g_string_append_printf (sql, " WHERE t.%s = ? AND %s = ?", e->case_column, e->key);
  stmt = _awb_database_query (db, error, sql->str, "ss", case_id, key);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (db, stmt, error);
  *rowid = 0;
  *record_id = NULL;
  if (rc == SQLITE_ROW)
    {
      *rowid = sqlite3_column_int64 (stmt, 0);
      *record_id = g_strdup (_awb_column_text (stmt, 1));
      return TRUE;
    }
  return rc == SQLITE_DONE;
}

static gboolean
insert_children (AwbDatabase           *db,
                 const AwbPackageChild *child,
                 const char            *parent_id,
                 JsonObject            *record,
                 GError               **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonArray *rows;
  const char *parent = NULL;
  guint n = 0;

  for (const AwbPackageColumn *c = child->columns; c->name != NULL; c++, n++)
    if (c->flags & AWB_COLUMN_PARENT)
      parent = c->name;

  g_string_printf (sql, "DELETE FROM main.%s WHERE %s = ?", child->table, parent);
  if (!_awb_database_run (db, error, sql->str, "s", parent_id))
    return FALSE;

  rows = json_object_has_member (record, child->table)
           ? json_object_get_array_member (record, child->table) : NULL;
  if (rows == NULL || json_array_get_length (rows) == 0)
    return TRUE;

  g_string_printf (sql, "INSERT INTO main.%s (", child->table);
  append_column_list (sql, child->columns, NULL);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append (sql, i == 0 ? "?" : ", ?");
  g_string_append (sql, ")");
  stmt = _awb_database_query (db, error, sql->str, NULL);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      int i = 1;

      sqlite3_reset (stmt);
      for (const AwbPackageColumn *c = child->columns; c->name != NULL; c++, i++)
        {
          int brc = (c->flags & AWB_COLUMN_PARENT)
                      ? sqlite3_bind_text (stmt, i, parent_id, -1, SQLITE_TRANSIENT)
                      : bind_json (stmt, i, row != NULL ? json_object_get_member (row, c->name)
                                                        : NULL);
          if (brc != SQLITE_OK)
            return _awb_database_fail (db, error, _("binding a value"));
        }
      if (_awb_database_step (db, stmt, error) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

/* Writes the record (NULL: deletes it) into the database's case, keeping the
 * local id of a record matched by a natural key. *change is set to "added",
 * "updated" or "removed", or NULL when there was nothing to delete. */
static gboolean
apply_record (AwbDatabase            *db,
              const AwbPackageEntity *e,
              const char             *case_id,
              const char             *key,
              JsonNode               *value,
              const char             *deleted_at,
              const char            **change,
              char                  **out_id,
              GError                **error)
{
  g_autofree char *local_id = NULL;
  g_autofree char *rid = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *record;
  gint64 rowid;
  int i = 1;

  *change = NULL;
  if (!find_local (db, e, case_id, key, &rowid, &local_id, error))
    return FALSE;

  if (value == NULL || !JSON_NODE_HOLDS_OBJECT (value))
    {
      g_autofree char *now = NULL;

      if (local_id == NULL)
        return TRUE;
      g_string_printf (sql, "DELETE FROM main.%s WHERE rowid = ?", e->table);
      if (!_awb_database_run (db, error, sql->str, "i", rowid))
        return FALSE;
      if (e->id_column != NULL)
        {
          now = awb_timestamp_now ();
          if (!_awb_database_run (db, error,
                                  "INSERT INTO main.tombstones (entity, id, case_id, deleted_at) "
                                  "VALUES (?, ?, ?, ?) ON CONFLICT (entity, id) DO NOTHING",
                                  "ssss", e->table, local_id, case_id,
                                  deleted_at != NULL ? deleted_at : now))
            return FALSE;
        }
      *change = "removed";
      if (out_id != NULL)
        *out_id = g_steal_pointer (&local_id);
      return TRUE;
    }

  record = json_node_get_object (value);
  if (local_id != NULL)
    {
      g_string_printf (sql, "UPDATE main.%s SET ", e->table);
      for (const AwbPackageColumn *c = e->columns; c->name != NULL; c++)
        if (!(c->flags & AWB_COLUMN_IDENTITY) || (c->flags & AWB_COLUMN_MEMBER))
          g_string_append_printf (sql, "%s%s = ?", i++ == 1 ? "" : ", ", c->name);
      g_string_append (sql, " WHERE rowid = ?");
    }
  else
    {
      g_string_printf (sql, "INSERT INTO main.%s (", e->table);
      append_column_list (sql, e->columns, NULL);
      g_string_append (sql, ") VALUES (");
      for (const AwbPackageColumn *c = e->columns; c->name != NULL; c++)
        g_string_append (sql, c == e->columns ? "?" : ", ?");
      g_string_append (sql, ")");
    }
  stmt = _awb_database_query (db, error, sql->str, NULL);
  if (stmt == NULL)
    return FALSE;

  i = 1;
  for (const AwbPackageColumn *c = e->columns; c->name != NULL; c++)
    {
      int brc;

      if (c->flags & AWB_COLUMN_MEMBER)
        {
          g_autoptr(sqlite3_stmt) member = NULL;
          const char *name = object_string (record, "member");
          int rc;

          member = _awb_database_query (db, error,
                                        "SELECT id FROM main.panel_members WHERE case_id = ? "
                                        "AND name = ?", "ss", case_id, name);
          if (member == NULL)
            return FALSE;
          rc = _awb_database_step (db, member, error);
          if (rc == SQLITE_DONE)
            {
              g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                           _("The %s record “%s” belongs to panel member “%s”, who is not on this "
                             "database's panel of the case"), e->table, key,
                           name != NULL ? name : "");
              return FALSE;
            }
          if (rc != SQLITE_ROW)
            return FALSE;
          brc = sqlite3_bind_text (stmt, i++, _awb_column_text (member, 0), -1, SQLITE_TRANSIENT);
        }
      else if (c->flags & AWB_COLUMN_IDENTITY)
        {
          if (local_id != NULL)
            continue;
          brc = bind_json (stmt, i++, json_object_get_member (record, c->name));
        }
      else if (c->flags & AWB_COLUMN_CASE)
        brc = sqlite3_bind_text (stmt, i++, case_id, -1, SQLITE_STATIC);
      else
        brc = bind_json (stmt, i++, json_object_get_member (record, c->name));
      if (brc != SQLITE_OK)
        return _awb_database_fail (db, error, _("binding a value"));
    }
  if (local_id != NULL && sqlite3_bind_int64 (stmt, i, rowid) != SQLITE_OK)
    return _awb_database_fail (db, error, _("binding a value"));
  if (_awb_database_step (db, stmt, error) != SQLITE_DONE)
    return FALSE;

  rid = local_id != NULL ? g_strdup (local_id)
                         : g_strdup (e->id_column != NULL ? object_string (record, e->id_column)
                                                          : key);
  for (const AwbPackageChild *child = e->children; child != NULL && child->table != NULL;
       child++)
    if (!insert_children (db, child, rid, record, error))
      return FALSE;

  /* a record brought back is no longer deleted */
  if (e->id_column != NULL &&
      !_awb_database_run (db, error,
                          "DELETE FROM main.tombstones WHERE entity = ? AND id = ?", "ss",
                          e->table, rid))
    return FALSE;

  *change = local_id != NULL ? "updated" : "added";
  if (out_id != NULL)
    *out_id = g_steal_pointer (&rid);
  return TRUE;
}

/* ---- who changed a record last, and when ----------------------------------- */

static void
who_when (AwbDatabase *db,
          const char  *schema,
          const char  *case_id,
          const char  *record_id,
          const char  *key,
          JsonNode    *value,
          char       **actor,
          char       **at)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) ids_node = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *o = value != NULL && JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value)
                                                                  : NULL;

  /* the record's own entries, and those of its child rows (an attachment's) */
  json_builder_begin_array (b);
  if (record_id != NULL)
    json_builder_add_string_value (b, record_id);
  json_builder_add_string_value (b, key);
  if (o != NULL)
    {
      g_autoptr(GList) members = json_object_get_values (o);

      for (GList *l = members; l != NULL; l = l->next)
        if (JSON_NODE_HOLDS_ARRAY (l->data))
          {
            JsonArray *rows = json_node_get_array (l->data);

            for (guint i = 0; i < json_array_get_length (rows); i++)
              {
                const char *id = object_string (json_array_get_object_element (rows, i), "id");

                if (id != NULL)
                  json_builder_add_string_value (b, id);
              }
          }
    }
  json_builder_end_array (b);
  ids_node = json_builder_get_root (b);
  ids = _awb_json_to_string (ids_node);

  *actor = NULL;
  *at = NULL;
  sql = g_strdup_printf ("SELECT actor, at FROM %s.history WHERE case_id = ? AND entity_id IN "
                         "(SELECT value FROM json_each (?)) ORDER BY seq DESC LIMIT 1", schema);
  stmt = _awb_database_query (db, NULL, sql, "ss", case_id, ids);
  if (stmt != NULL && _awb_database_step (db, stmt, NULL) == SQLITE_ROW)
    {
      *actor = g_strdup (_awb_column_text (stmt, 0));
      *at = g_strdup (_awb_column_text (stmt, 1));
      return;
    }
  /* a record without history: its own columns say it */
  *actor = g_strdup (object_string (o, "actor"));
  *at = g_strdup (object_string (o, "updated_at") != NULL ? object_string (o, "updated_at")
                                                          : object_string (o, "at"));
}

/* ---- conflicts ------------------------------------------------------------- */

gboolean
awb_conflict_side_from_string (const char      *text,
                               AwbConflictSide *out)
{
  if (g_strcmp0 (text, "mine") == 0)
    *out = AWB_CONFLICT_MINE;
  else if (g_strcmp0 (text, "theirs") == 0)
    *out = AWB_CONFLICT_THEIRS;
  else
    return FALSE;
  return TRUE;
}

void
awb_conflict_free (AwbConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->id);
  g_free (conflict->case_id);
  g_free (conflict->entity);
  g_free (conflict->key);
  g_free (conflict->record_id);
  g_clear_pointer (&conflict->mine, json_node_unref);
  g_free (conflict->mine_actor);
  g_free (conflict->mine_at);
  g_clear_pointer (&conflict->theirs, json_node_unref);
  g_free (conflict->theirs_actor);
  g_free (conflict->theirs_at);
  g_free (conflict->package);
  g_free (conflict->detected_at);
  g_free (conflict);
}

static void
add_side (JsonBuilder *b,
          const char  *name,
          JsonNode    *value,
          const char  *actor,
          const char  *at)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  if (value != NULL)
    json_builder_add_value (b, json_node_copy (value));
  else
    json_builder_add_null_value (b);
  _awb_json_add_string (b, "actor", actor);
  _awb_json_add_string (b, "at", at);
  json_builder_end_object (b);
}

/* {id, case, entity, record, key, mine: {value, actor, at}, theirs: {…}, package, detected_at};
 * a value of null means that side deleted the record. */
JsonNode *
awb_conflict_to_json (const AwbConflict *c)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  _awb_json_add_string (b, "id", c->id);
  _awb_json_add_string (b, "case", c->case_id);
  _awb_json_add_string (b, "entity", c->entity);
  _awb_json_add_string (b, "record", c->record_id);
  _awb_json_add_string (b, "key", c->key);
  add_side (b, "mine", c->mine, c->mine_actor, c->mine_at);
  add_side (b, "theirs", c->theirs, c->theirs_actor, c->theirs_at);
  _awb_json_add_string (b, "package", c->package);
  _awb_json_add_string (b, "detected_at", c->detected_at);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

GStrv
awb_conflict_get_differences (const AwbConflict *c)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const AwbPackageEntity *e = _awb_package_entity_lookup (c->entity);
  JsonObject *mine;
  JsonObject *theirs;

  if (e == NULL || c->mine == NULL || c->theirs == NULL || !JSON_NODE_HOLDS_OBJECT (c->mine) ||
      !JSON_NODE_HOLDS_OBJECT (c->theirs))
    return g_strv_builder_end (names);
  mine = json_node_get_object (c->mine);
  theirs = json_node_get_object (c->theirs);
  for (const AwbPackageColumn *col = e->columns; col->name != NULL; col++)
    if (!(col->flags & (AWB_COLUMN_IDENTITY | AWB_COLUMN_VOLATILE)) &&
        !nodes_equal (json_object_get_member (mine, col->name),
                      json_object_get_member (theirs, col->name)))
      g_strv_builder_add (names, col->name);
  if (e->member_join &&
      !nodes_equal (json_object_get_member (mine, "member"),
                    json_object_get_member (theirs, "member")))
    g_strv_builder_add (names, "member");
  for (const AwbPackageChild *child = e->children; child != NULL && child->table != NULL; child++)
    {
      JsonArray *ma = json_object_has_member (mine, child->table)
                        ? json_object_get_array_member (mine, child->table) : NULL;
      JsonArray *ta = json_object_has_member (theirs, child->table)
                        ? json_object_get_array_member (theirs, child->table) : NULL;
      gboolean same = (ma == NULL) == (ta == NULL);

      /* compare the child rows without their volatile columns */
      for (guint i = 0; same && ma != NULL && i < json_array_get_length (ma); i++)
        {
          JsonObject *x = json_array_get_object_element (ma, i);
          JsonObject *y = i < json_array_get_length (ta) ? json_array_get_object_element (ta, i)
                                                         : NULL;

          if (y == NULL || json_array_get_length (ma) != json_array_get_length (ta))
            {
              same = FALSE;
              break;
            }
          for (const AwbPackageColumn *col = child->columns; col->name != NULL; col++)
            if (!(col->flags & (AWB_COLUMN_VOLATILE | AWB_COLUMN_PARENT)) &&
                !nodes_equal (json_object_get_member (x, col->name),
                              json_object_get_member (y, col->name)))
              same = FALSE;
        }
      if (same && ma != NULL && json_array_get_length (ma) != json_array_get_length (ta))
        same = FALSE;
      if (!same)
        g_strv_builder_add (names, child->table);
    }
  return g_strv_builder_end (names);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = NULL;

  if (text == NULL)
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

#define CONFLICT_COLUMNS "id, case_id, entity, key, record_id, mine, mine_actor, mine_at, " \
                         "theirs, theirs_actor, theirs_at, package, detected_at"

static AwbConflict *
conflict_from_row (sqlite3_stmt *stmt)
{
  AwbConflict *c = g_new0 (AwbConflict, 1);

  c->id = g_strdup (_awb_column_text (stmt, 0));
  c->case_id = g_strdup (_awb_column_text (stmt, 1));
  c->entity = g_strdup (_awb_column_text (stmt, 2));
  c->key = g_strdup (_awb_column_text (stmt, 3));
  c->record_id = g_strdup (_awb_column_text (stmt, 4));
  c->mine = parse_json (_awb_column_text (stmt, 5));
  c->mine_actor = g_strdup (_awb_column_text (stmt, 6));
  c->mine_at = g_strdup (_awb_column_text (stmt, 7));
  c->theirs = parse_json (_awb_column_text (stmt, 8));
  c->theirs_actor = g_strdup (_awb_column_text (stmt, 9));
  c->theirs_at = g_strdup (_awb_column_text (stmt, 10));
  c->package = g_strdup (_awb_column_text (stmt, 11));
  c->detected_at = g_strdup (_awb_column_text (stmt, 12));
  return c;
}

static GPtrArray *
list_conflicts (AwbDatabase *db,
                const char  *case_id,
                GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_conflict_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT " CONFLICT_COLUMNS " FROM main.conflicts WHERE case_id = ? "
                              "ORDER BY detected_at, entity, key", "s", case_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, conflict_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
awb_conflict_list (AwbDatabase *db,
                   const char  *case_id,
                   GError     **error)
{
  g_autofree char *cid = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL)
    return NULL;
  return list_conflicts (db, cid, error);
}

AwbConflict *
awb_conflict_lookup (AwbDatabase *db,
                     const char  *conflict_id,
                     GError     **error)
{
  g_autofree char *id = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  id = _awb_resolve_id (db, "conflicts", conflict_id, _("conflict"), error);
  if (id == NULL)
    return NULL;
  stmt = _awb_database_query (db, error,
                              "SELECT " CONFLICT_COLUMNS " FROM main.conflicts WHERE id = ?", "s",
                              id);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No conflict “%s”"), conflict_id);
  if (rc != SQLITE_ROW)
    return NULL;
  return conflict_from_row (stmt);
}

/* The version the record has now: computed, or its deletion version. */
static char *
record_version (AwbDatabase            *db,
                const AwbPackageEntity *e,
                const char             *case_id,
                const char             *key,
                GError                **error)
{
  g_autofree char *sql = state_sql ("main", e, TRUE);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error, sql, "ss", case_id, key);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return g_strdup (_awb_column_text (stmt, 2));
  if (rc == SQLITE_DONE)
    return g_strdup ("");
  return NULL;
}

static gboolean
add_version (AwbDatabase *db,
             const char  *case_id,
             const char  *table,
             const char  *key,
             const char  *version,
             gboolean     deleted,
             GError     **error)
{
  return _awb_database_run (db, error,
                            "INSERT INTO main.merge_versions (case_id, entity, key, version, "
                            "deleted, current) VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING",
                            "ssssb", case_id, table, key, version, deleted);
}

/* Resolves a conflict: theirs writes the package's record (or deletes ours),
 * mine keeps ours; either way both versions join the record's ancestry so
 * that the next exchange carries the choice to the other side. */
gboolean
awb_conflict_resolve (AwbDatabase     *db,
                      const char      *conflict_id,
                      AwbConflictSide  side,
                      const char      *actor,
                      GError         **error)
{
  g_autoptr(AwbConflict) conflict = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *mine_version = NULL;
  g_autofree char *theirs_version = NULL;
  g_autofree char *now_version = NULL;
  const AwbPackageEntity *e;
  const char *change = NULL;
  MarkStatements m = { 0 };
  gboolean ok;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  conflict = awb_conflict_lookup (db, conflict_id, error);
  if (conflict == NULL)
    return FALSE;
  e = _awb_package_entity_lookup (conflict->entity);
  if (e == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                   _("Conflict %s is about records of “%s”, which this version does not know"),
                   conflict->id, conflict->entity);
      return FALSE;
    }
  if (!_awb_package_register_functions (_awb_database_get_handle (db), error))
    return FALSE;

  if (!awb_database_begin (db, error))
    return FALSE;
  if (!is_panel_entity (e->table) && !_awb_case_require_unlocked (db, conflict->case_id, error))
    goto fail;

  stmt = _awb_database_query (db, error,
                              "SELECT mine_version, theirs_version FROM main.conflicts "
                              "WHERE id = ?",
                              "s", conflict->id);
  if (stmt == NULL || (rc = _awb_database_step (db, stmt, error)) != SQLITE_ROW)
    goto fail;
  mine_version = g_strdup (_awb_column_text (stmt, 0));
  theirs_version = g_strdup (_awb_column_text (stmt, 1));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!_awb_merge_record_json (db, "main", e, conflict->case_id, conflict->key, &before, error))
    goto fail;
  if (side == AWB_CONFLICT_THEIRS &&
      !apply_record (db, e, conflict->case_id, conflict->key, conflict->theirs, NULL, &change,
                     NULL, error))
    goto fail;
  if (!_awb_merge_record_json (db, "main", e, conflict->case_id, conflict->key, &after, error))
    goto fail;

  now_version = record_version (db, e, conflict->case_id, conflict->key, error);
  if (now_version == NULL)
    goto fail;
  if (*now_version == '\0')
    {
      /* deleted now: by the chosen side's deletion */
      g_free (now_version);
      now_version = g_strdup (side == AWB_CONFLICT_THEIRS ? theirs_version : mine_version);
    }

  if (!add_version (db, conflict->case_id, e->table, conflict->key, mine_version,
                    conflict->mine == NULL, error) ||
      !add_version (db, conflict->case_id, e->table, conflict->key, theirs_version,
                    conflict->theirs == NULL, error) ||
      !mark_statements_init (db, &m, error))
    goto fail;
  ok = mark_current (db, &m, conflict->case_id, e->table, conflict->key, now_version,
                     after == NULL, TRUE, error);
  mark_statements_clear (&m);
  if (!ok ||
      !_awb_database_run (db, error, "DELETE FROM main.conflicts WHERE id = ?", "s",
                          conflict->id))
    goto fail;

  record = awb_conflict_to_json (conflict);
  b = json_builder_new ();
  json_builder_begin_object (b);
  _awb_json_add_string (b, "choice", side == AWB_CONFLICT_THEIRS ? "theirs" : "mine");
  _awb_json_add_string (b, "entity", conflict->entity);
  _awb_json_add_string (b, "record", conflict->record_id);
  json_builder_set_member_name (b, "value");
  if (after != NULL)
    json_builder_add_value (b, json_node_ref (after));
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  {
    g_autoptr(JsonNode) choice = json_builder_get_root (b);

    if (!awb_history_append (db, conflict->case_id, actor, "resolve", "conflict", conflict->id,
                             record, choice, error))
      goto fail;
  }
  return awb_database_commit (db, error);

fail:
  awb_database_rollback (db);
  return FALSE;
}

/* ---- import results ----------------------------------------------------------- */

AwbMergeChange *
_awb_merge_change_new (const char *entity,
                       const char *record_id,
                       const char *change)
{
  AwbMergeChange *c = g_new0 (AwbMergeChange, 1);

  c->entity = g_strdup (entity);
  c->record_id = g_strdup (record_id);
  c->change = g_strdup (change);
  return c;
}

void
awb_merge_change_free (AwbMergeChange *change)
{
  if (change == NULL)
    return;
  g_free (change->entity);
  g_free (change->record_id);
  g_free (change->change);
  g_free (change);
}

void
awb_import_result_free (AwbImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->case_id);
  g_free (result->applicant);
  g_free (result->package);
  g_clear_pointer (&result->changes, g_ptr_array_unref);
  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  g_free (result);
}

/* {case, applicant, package, created, added, updated, removed, history_entries,
 *  changes: [{entity, record, change}], conflicts: [conflict…], new_conflicts} */
JsonNode *
awb_import_result_to_json (AwbImportResult *result)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  _awb_json_add_string (b, "case", result->case_id);
  _awb_json_add_string (b, "applicant", result->applicant);
  _awb_json_add_string (b, "package", result->package);
  json_builder_set_member_name (b, "created");
  json_builder_add_boolean_value (b, result->created);
  json_builder_set_member_name (b, "added");
  json_builder_add_int_value (b, result->n_added);
  json_builder_set_member_name (b, "updated");
  json_builder_add_int_value (b, result->n_updated);
  json_builder_set_member_name (b, "removed");
  json_builder_add_int_value (b, result->n_removed);
  json_builder_set_member_name (b, "history_entries");
  json_builder_add_int_value (b, result->n_history);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint i = 0; result->changes != NULL && i < result->changes->len; i++)
    {
      AwbMergeChange *c = result->changes->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "entity", c->entity);
      _awb_json_add_string (b, "record", c->record_id);
      _awb_json_add_string (b, "change", c->change);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "new_conflicts");
  json_builder_add_int_value (b, result->n_new_conflicts);
  json_builder_set_member_name (b, "conflicts");
  json_builder_begin_array (b);
  for (guint i = 0; result->conflicts != NULL && i < result->conflicts->len; i++)
    json_builder_add_value (b, awb_conflict_to_json (result->conflicts->pdata[i]));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- the merge ------------------------------------------------------------------ */

typedef struct
{
  char *id;
  char *mine_version;
  char *theirs_version;
} Pending;

static void
pending_free (Pending *p)
{
  g_free (p->id);
  g_free (p->mine_version);
  g_free (p->theirs_version);
  g_free (p);
}

typedef struct
{
  AwbDatabase     *db;
  const char      *case_id;
  const char      *package;
  AwbImportResult *result;
  GHashTable      *pending;   /* state_id → Pending* */
  GPtrArray       *theirs;    /* (table, key, version) triples kept out of the ancestry */
  sqlite3_stmt    *in_local;
  sqlite3_stmt    *in_theirs;
  MarkStatements   mark;
  gboolean         changed;
  gboolean         records_changed;  /* outside the panel and the case row */
} Merge;

static gboolean
has_version (Merge        *mg,
             sqlite3_stmt *stmt,
             const char   *table,
             const char   *key,
             const char   *version,
             gboolean     *out,
             GError      **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, mg->case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, version, -1, SQLITE_STATIC);
  rc = _awb_database_step (mg->db, stmt, error);
  *out = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The incoming deletion time of the record, if the package has a tombstone. */
static char *
package_deleted_at (Merge      *mg,
                    const char *table,
                    const char *record_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (record_id == NULL)
    return NULL;
  stmt = _awb_database_query (mg->db, NULL,
                              "SELECT deleted_at FROM " AWB_PACKAGE_SCHEMA ".tombstones "
                              "WHERE entity = ? AND id = ?", "ss", table, record_id);
  if (stmt != NULL && _awb_database_step (mg->db, stmt, NULL) == SQLITE_ROW)
    return g_strdup (_awb_column_text (stmt, 0));
  return NULL;
}

/* The record that the state says is there. */
static gboolean
require_record (Merge                  *mg,
                const char             *schema,
                const AwbPackageEntity *e,
                const char             *key,
                JsonNode              **out,
                GError                **error)
{
  if (!_awb_merge_record_json (mg->db, schema, e, mg->case_id, key, out, error))
    return FALSE;
  if (*out == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                   _("The %s record “%s” of case %s cannot be read back"), e->table, key,
                   mg->case_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
take_theirs (Merge       *mg,
             State       *local,
             State       *in,
             GError     **error)
{
  const AwbPackageEntity *e = in->entity;
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *deleted_at = NULL;
  g_autofree char *rid = NULL;
  const char *change = NULL;

  if (!in->deleted && !require_record (mg, AWB_PACKAGE_SCHEMA, e, in->key, &value, error))
    return FALSE;
  else
    deleted_at = package_deleted_at (mg, e->table, local != NULL ? local->record_id : NULL);

  if (!apply_record (mg->db, e, mg->case_id, in->key, value, deleted_at, &change, &rid, error))
    return FALSE;
  if (!mark_current (mg->db, &mg->mark, mg->case_id, e->table, in->key, in->version, in->deleted,
                     local != NULL, error))
    return FALSE;

  if (change != NULL)
    {
      mg->changed = TRUE;
      /* a newer copy of the same content (timestamps, actor) is not a change of substance */
      if (!is_panel_entity (e->table) &&
          (local == NULL || local->deleted || in->deleted ||
           g_strcmp0 (local->content, in->content) != 0))
        mg->records_changed = TRUE;
      g_ptr_array_add (mg->result->changes, _awb_merge_change_new (e->table, rid, change));
      if (g_str_equal (change, "added"))
        mg->result->n_added++;
      else if (g_str_equal (change, "updated"))
        mg->result->n_updated++;
      else
        mg->result->n_removed++;
    }
  return TRUE;
}

static gboolean
drop_pending (Merge   *mg,
              State   *in,
              GError **error)
{
  g_autofree char *sid = state_id (in->entity->table, in->key);
  Pending *p = g_hash_table_lookup (mg->pending, sid);

  if (p == NULL)
    return TRUE;
  mg->changed = TRUE;
  if (!_awb_database_run (mg->db, error, "DELETE FROM main.conflicts WHERE id = ?", "s", p->id))
    return FALSE;
  g_hash_table_remove (mg->pending, sid);
  return TRUE;
}

static gboolean
record_conflict (Merge   *mg,
                 State   *local,
                 State   *in,
                 GError **error)
{
  const AwbPackageEntity *e = in->entity;
  g_autofree char *sid = state_id (e->table, in->key);
  Pending *p = g_hash_table_lookup (mg->pending, sid);
  g_autoptr(JsonNode) mine = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  g_autofree char *mine_text = NULL;
  g_autofree char *theirs_text = NULL;
  g_autofree char *mine_actor = NULL;
  g_autofree char *mine_at = NULL;
  g_autofree char *theirs_actor = NULL;
  g_autofree char *theirs_at = NULL;
  g_autofree char *now = NULL;
  const char *record_id = local->record_id != NULL ? local->record_id : in->record_id;

  g_ptr_array_add (mg->theirs, g_strdup (e->table));
  g_ptr_array_add (mg->theirs, g_strdup (in->key));
  g_ptr_array_add (mg->theirs, g_strdup (in->version));

  if (p != NULL && g_strcmp0 (p->mine_version, local->version) == 0 &&
      g_strcmp0 (p->theirs_version, in->version) == 0)
    return TRUE;

  if (!local->deleted && !require_record (mg, "main", e, in->key, &mine, error))
    return FALSE;
  if (!in->deleted && !require_record (mg, AWB_PACKAGE_SCHEMA, e, in->key, &theirs, error))
    return FALSE;
  if (record_id == NULL)
    record_id = in->key;
  who_when (mg->db, "main", mg->case_id, local->record_id != NULL ? local->record_id : record_id,
            in->key, mine, &mine_actor, &mine_at);
  who_when (mg->db, AWB_PACKAGE_SCHEMA, mg->case_id,
            in->record_id != NULL ? in->record_id : record_id, in->key, theirs, &theirs_actor,
            &theirs_at);
  mine_text = _awb_json_to_string (mine);
  theirs_text = _awb_json_to_string (theirs);
  now = awb_timestamp_now ();

  if (p != NULL)
    {
      if (!_awb_database_run (mg->db, error,
                              "UPDATE main.conflicts SET record_id = ?, mine = ?, "
                              "mine_version = ?, "
                              "mine_actor = ?, mine_at = ?, theirs = ?, theirs_version = ?, "
                              "theirs_actor = ?, theirs_at = ?, package = ?, detected_at = ? "
                              "WHERE id = ?", "ssssssssssss", record_id, mine_text,
                              local->version, mine_actor, mine_at, theirs_text, in->version,
                              theirs_actor, theirs_at, mg->package, now, p->id))
        return FALSE;
    }
  else
    {
      g_autofree char *id = g_uuid_string_random ();

      if (!_awb_database_run (mg->db, error,
                              "INSERT INTO main.conflicts (id, case_id, entity, key, record_id, "
                              "mine, mine_version, mine_actor, mine_at, theirs, theirs_version, "
                              "theirs_actor, theirs_at, package, detected_at) VALUES (?, ?, ?, ?, "
                              "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "sssssssssssssss", id,
                              mg->case_id, e->table, in->key, record_id, mine_text,
                              local->version, mine_actor, mine_at, theirs_text, in->version,
                              theirs_actor, theirs_at, mg->package, now))
        return FALSE;
      mg->result->n_new_conflicts++;
    }
  mg->changed = TRUE;
  if (!is_panel_entity (e->table))
    mg->records_changed = TRUE;
  return TRUE;
}

/* The newer of two versions of equal content: by rev, then time, then hash. */
static gboolean
theirs_is_newer (State *local,
                 State *in)
{
  int cmp;

  if (in->rev != local->rev)
    return in->rev > local->rev;
  cmp = g_strcmp0 (in->stamp, local->stamp);
  if (cmp != 0)
    return cmp > 0;
  return g_strcmp0 (in->version, local->version) > 0;
}

static gboolean
merge_one (Merge   *mg,
           State   *local,
           State   *in,
           GError **error)
{
  const char *table = in->entity->table;
  gboolean known = FALSE;

  if (local == NULL)
    {
      /* new to us: a record, or the news that one we never had was deleted */
      if (in->deleted)
        return mark_current (mg->db, &mg->mark, mg->case_id, table, in->key, in->version, TRUE,
                             FALSE, error);
      return take_theirs (mg, NULL, in, error);
    }
  if (g_strcmp0 (local->version, in->version) == 0)
    return drop_pending (mg, in, error);

  if (!has_version (mg, mg->in_local, table, in->key, in->version, &known, error))
    return FALSE;
  if (known)
    return TRUE;  /* they are behind: ours stands */

  if (!has_version (mg, mg->in_theirs, table, in->key, local->version, &known, error))
    return FALSE;
  if (known)
    return drop_pending (mg, in, error) && take_theirs (mg, local, in, error);

  /* changed on both sides */
  if (local->deleted && in->deleted)
    return drop_pending (mg, in, error);
  if (!local->deleted && !in->deleted && g_strcmp0 (local->content, in->content) == 0)
    {
      if (!drop_pending (mg, in, error))
        return FALSE;
      return !theirs_is_newer (local, in) || take_theirs (mg, local, in, error);
    }
  return record_conflict (mg, local, in, error);
}

static gboolean
load_pending (Merge   *mg,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (mg->db, error,
                              "SELECT id, entity, key, mine_version, theirs_version "
                              "FROM main.conflicts WHERE case_id = ?", "s", mg->case_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _awb_database_step (mg->db, stmt, error)) == SQLITE_ROW)
    {
      Pending *p = g_new0 (Pending, 1);

      p->id = g_strdup (_awb_column_text (stmt, 0));
      p->mine_version = g_strdup (_awb_column_text (stmt, 3));
      p->theirs_version = g_strdup (_awb_column_text (stmt, 4));
      g_hash_table_replace (mg->pending,
                            state_id (_awb_column_text (stmt, 1), _awb_column_text (stmt, 2)), p);
    }
  return rc == SQLITE_DONE;
}

/* Appends the package's history entries that the case's history lacks, in
 * the package's order, chained onto ours. */
static gboolean
merge_history (Merge   *mg,
               GError **error)
{
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) head = NULL;
  g_autofree char *prev = NULL;
  gint64 count = 0;
  guint added = 0;
  int rc;

  head = _awb_database_query (mg->db, error,
                              "SELECT hash, count FROM main.history_heads WHERE case_id = ?", "s",
                              mg->case_id);
  if (head == NULL)
    return FALSE;
  rc = _awb_database_step (mg->db, head, error);
  if (rc == SQLITE_ROW)
    {
      prev = g_strdup (_awb_column_text (head, 0));
      count = sqlite3_column_int64 (head, 1);
    }
  else if (rc == SQLITE_DONE)
    prev = g_strdup (AWB_HISTORY_GENESIS);
  else
    return FALSE;

  rows = _awb_database_query (mg->db, error,
                              "SELECT id, case_id, at, actor, action, entity, entity_id, before, "
                              "after FROM " AWB_PACKAGE_SCHEMA ".history WHERE case_id = ? "
                              "ORDER BY seq", "s", mg->case_id);
  exists = _awb_database_query (mg->db, error, "SELECT 1 FROM main.history WHERE id = ?", NULL);
  insert = _awb_database_query (mg->db, error,
                                "INSERT INTO main.history (id, case_id, at, actor, action, entity, "
                                "entity_id, before, after, prev_hash, hash) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL);
  if (rows == NULL || exists == NULL || insert == NULL)
    return FALSE;

  while ((rc = _awb_database_step (mg->db, rows, error)) == SQLITE_ROW)
    {
      const char *v[9];
      char *hash;
      int erc;

      for (int i = 0; i < 9; i++)
        v[i] = _awb_column_text (rows, i);

      sqlite3_reset (exists);
      sqlite3_bind_text (exists, 1, v[0], -1, SQLITE_STATIC);
      erc = _awb_database_step (mg->db, exists, error);
      if (erc == SQLITE_ROW)
        continue;
      if (erc != SQLITE_DONE)
        return FALSE;

      hash = _awb_history_entry_hash (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], prev);
      sqlite3_reset (insert);
      for (int i = 0; i < 9; i++)
        sqlite3_bind_text (insert, i + 1, v[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 10, prev, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 11, hash, -1, SQLITE_STATIC);
      erc = _awb_database_step (mg->db, insert, error);
      g_free (prev);
      prev = hash;
      if (erc != SQLITE_DONE)
        return FALSE;
      added++;
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  if (added == 0)
    return TRUE;

  mg->changed = TRUE;
  mg->result->n_history = added;
  return _awb_database_run (mg->db, error,
                            "INSERT INTO main.history_heads (case_id, count, hash) "
                            "VALUES (?, ?, ?) "
                            "ON CONFLICT (case_id) DO UPDATE SET count = excluded.count, "
                            "hash = excluded.hash", "sis", mg->case_id, count + added, prev);
}

/* The package's tombstones of records this database does not hold alive. */
static gboolean
merge_tombstones (Merge   *mg,
                  GError **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO main.tombstones (entity, id, case_id, "
                                         "deleted_at) SELECT entity, id, case_id, deleted_at "
                                         "FROM " AWB_PACKAGE_SCHEMA ".tombstones p "
                                         "WHERE case_id = ?1");

  for (const AwbPackageEntity *e = _awb_package_entities; e->table != NULL; e++)
    if (e->id_column != NULL)
      g_string_append_printf (sql, " AND NOT EXISTS (SELECT 1 FROM main.%s WHERE %s = p.id)",
                              e->table, e->id_column);
  g_string_append (sql, " AND NOT EXISTS (SELECT 1 FROM main.attachments WHERE id = p.id)"
                        " ON CONFLICT (entity, id) DO NOTHING");
  if (!_awb_database_run (mg->db, error, sql->str, "s", mg->case_id))
    return FALSE;
  if (sqlite3_changes (_awb_database_get_handle (mg->db)) > 0)
    mg->changed = TRUE;
  return TRUE;
}

/* Ancestry: every version the package knows joins ours, except the
 * versions of theirs that are still in conflict. */
static gboolean
merge_ancestry (Merge   *mg,
                GError **error)
{
  if (!_awb_database_run (mg->db, error,
                          "INSERT INTO main.merge_versions (case_id, entity, key, version, "
                          "deleted, current) SELECT case_id, entity, key, version, deleted, 0 "
                          "FROM " AWB_PACKAGE_SCHEMA ".merge_versions WHERE case_id = ? "
                          "ON CONFLICT DO NOTHING", "s", mg->case_id))
    return FALSE;
  for (guint i = 0; i + 2 < mg->theirs->len; i += 3)
    if (!_awb_database_run (mg->db, error,
                            "DELETE FROM main.merge_versions WHERE case_id = ? AND entity = ? "
                            "AND key = ? AND version = ? AND current = 0", "ssss", mg->case_id,
                            mg->theirs->pdata[i], mg->theirs->pdata[i + 1],
                            mg->theirs->pdata[i + 2]))
      return FALSE;
  return TRUE;
}

/* *since: when the case went to the panel, NULL when it is not with it. */
static gboolean
case_locked (AwbDatabase *db,
             const char  *case_id,
             char       **since,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *since = NULL;
  stmt = _awb_database_query (db, error, "SELECT submitted_at FROM main.cases WHERE id = ?", "s",
                              case_id);
  if (stmt == NULL || _awb_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *since = g_strdup (_awb_column_text (stmt, 0));
  return TRUE;
}

static gboolean
append_merge_entry (Merge   *mg,
                    GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) after = NULL;
  AwbImportResult *r = mg->result;

  json_builder_begin_object (b);
  _awb_json_add_string (b, "package", mg->package);
  json_builder_set_member_name (b, "added");
  json_builder_add_int_value (b, r->n_added);
  json_builder_set_member_name (b, "updated");
  json_builder_add_int_value (b, r->n_updated);
  json_builder_set_member_name (b, "removed");
  json_builder_add_int_value (b, r->n_removed);
  json_builder_set_member_name (b, "history_entries");
  json_builder_add_int_value (b, r->n_history);
  json_builder_set_member_name (b, "new_conflicts");
  json_builder_add_int_value (b, r->n_new_conflicts);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->changes->len; i++)
    {
      AwbMergeChange *c = r->changes->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "entity", c->entity);
      _awb_json_add_string (b, "record", c->record_id);
      _awb_json_add_string (b, "change", c->change);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  after = json_builder_get_root (b);
  return awb_history_append (mg->db, mg->case_id, NULL, "merge", "case", mg->case_id, NULL, after,
                             error);
}

gboolean
_awb_merge_package (AwbDatabase     *db,
                    const char      *case_id,
                    const char      *package_name,
                    AwbImportResult *result,
                    GError         **error)
{
  g_autoptr(GHashTable) local = NULL;
  g_autoptr(GHashTable) incoming = NULL;
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GPtrArray) theirs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *locked_since = NULL;
  g_autofree char *locked_after = NULL;
  Merge mg = { 0 };
  gboolean ok = FALSE;

  local = sync_states (db, case_id, error);
  if (local == NULL)
    return FALSE;
  incoming = load_states (db, AWB_PACKAGE_SCHEMA, case_id, error);
  if (incoming == NULL)
    return FALSE;
  if (!case_locked (db, case_id, &locked_since, error))
    return FALSE;

  pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pending_free);
  mg.db = db;
  mg.case_id = case_id;
  mg.package = package_name;
  mg.result = result;
  mg.pending = pending;
  mg.theirs = theirs;
  if (!load_pending (&mg, error) || !mark_statements_init (db, &mg.mark, error))
    goto out;
  mg.in_local = _awb_database_query (db, error,
                                     "SELECT 1 FROM main.merge_versions WHERE case_id = ? AND "
                                     "entity = ? AND key = ? AND version = ?", NULL);
  mg.in_theirs = _awb_database_query (db, error,
                                      "SELECT 1 FROM " AWB_PACKAGE_SCHEMA ".merge_versions WHERE "
                                      "case_id = ? AND entity = ? AND key = ? AND version = ?",
                                      NULL);
  if (mg.in_local == NULL || mg.in_theirs == NULL)
    goto out;

  {
    /* parents before children, each in key order */
    g_autoptr(GPtrArray) keys = g_ptr_array_new ();
    GHashTableIter iter;
    State *s;

    g_hash_table_iter_init (&iter, incoming);
    while (g_hash_table_iter_next (&iter, (gpointer *) &s, NULL))
      g_ptr_array_add (keys, s);
    g_ptr_array_sort (keys, compare_states);
    for (guint i = 0; i < keys->len; i++)
      {
        State *in = keys->pdata[i];

        if (!merge_one (&mg, state_find (local, in->entity, in->key), in, error))
          goto out;
      }
  }

  if (!case_locked (db, case_id, &locked_after, error))
    goto out;
  if (locked_since != NULL && locked_after != NULL && mg.records_changed)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_LOCKED,
                   _("Case %s is with the expert panel since %.10s and the package %s changes "
                     "its records: nothing was imported. To merge it, reopen the case with "
                     "“awb case reopen %.8s --reason TEXT”"), case_id, locked_since, package_name,
                   case_id);
      goto out;
    }

  if (!merge_ancestry (&mg, error) || !merge_tombstones (&mg, error) ||
      !merge_history (&mg, error))
    goto out;
  if (mg.changed && !append_merge_entry (&mg, error))
    goto out;

  ok = TRUE;

out:
  g_clear_pointer (&mg.in_local, sqlite3_finalize);
  g_clear_pointer (&mg.in_theirs, sqlite3_finalize);
  mark_statements_clear (&mg.mark);
  return ok;
}
