/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-evidence"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-error.h"
#include "awb-record-private.h"
#include "awb-evidence-private.h"

/* Evidence items: what an evaluator saw (a document, an interview, a
 * demonstration), the requirements it bears on and how, and the files that
 * show it. This file holds the object and the reads; the actions, each one
 * transaction with its history entry, are in awb-evidence-actions.c. An
 * AwbEvidence is a snapshot of the record when it was read; the actions
 * change the database, and readers read again. */

struct _AwbEvidence
{
  GObject    parent_instance;

  char      *id;
  char      *case_id;
  AwbMethod  method;
  char      *title;
  char      *observation;
  char      *evaluator;
  char      *observed_on;
  char      *recorded_at;
  char      *updated_at;
  gint64     rev;
  char      *fields[AWB_EVIDENCE_N_FIELDS];
  GPtrArray *links;        /* AwbEvidenceLink* */
  GPtrArray *attachments;  /* AwbAttachment* */
};

G_DEFINE_FINAL_TYPE (AwbEvidence, awb_evidence, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (AwbEvidenceLink, awb_evidence_link, awb_evidence_link_copy,
                     awb_evidence_link_free)

typedef struct
{
  const char *key;      /* as on the command line and in JSON */
  const char *column;
  AwbMethod   method;
  const char *label;
} FieldInfo;

static const FieldInfo field_info[] = {
  { "version", "version", AWB_METHOD_DOCUMENT, N_("Version or date") },
  { "work-product", "work_product", AWB_METHOD_DOCUMENT, N_("Kind of work product") },
  { "location", "location", AWB_METHOD_DOCUMENT, N_("Where it was seen") },
  { "interviewee", "interviewee", AWB_METHOD_INTERVIEW, N_("Interviewee") },
  { "role", "role", AWB_METHOD_INTERVIEW, N_("Role") },
  { "topics", "topics", AWB_METHOD_INTERVIEW, N_("Topics") },
  { "summary", "summary", AWB_METHOD_INTERVIEW, N_("Summary") },
  { "environment", "environment", AWB_METHOD_DEMONSTRATION, N_("Tool, platform or environment") },
  { "operated", "operated", AWB_METHOD_DEMONSTRATION, N_("What was operated") },
  { "operator", "operator", AWB_METHOD_DEMONSTRATION, N_("Operated by") },
  { "outcome", "outcome", AWB_METHOD_DEMONSTRATION, N_("Outcome") },
};
#define N_FIELDS AWB_EVIDENCE_N_FIELDS

static const char * const method_fields[AWB_N_METHODS][5] = {
  { "version", "work-product", "location", NULL },
  { "interviewee", "role", "topics", "summary", NULL },
  { "environment", "operated", "operator", "outcome", NULL },
};

const char * const _awb_evidence_columns[AWB_EVIDENCE_N_COLUMNS] = {
  "id", "case_id", "method", "title", "observation", "evaluator", "observed_on", "recorded_at",
  "updated_at", "rev", "version", "work_product", "location", "interviewee", "role", "topics",
  "summary", "environment", "operated", "operator", "outcome",
};

#define SELECT_EVIDENCE \
  "SELECT e.id, e.case_id, e.method, e.title, e.observation, e.evaluator, e.observed_on, " \
  "e.recorded_at, e.updated_at, e.rev, e.version, e.work_product, e.location, e.interviewee, " \
  "e.role, e.topics, e.summary, e.environment, e.operated, e.operator, e.outcome FROM evidence e "

enum
{
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_METHOD,
  PROP_TITLE,
  PROP_OBSERVATION,
  PROP_EVALUATOR,
  PROP_OBSERVED_ON,
  PROP_RECORDED_AT,
  PROP_UPDATED_AT,
  PROP_REV,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + AWB_EVIDENCE_N_FIELDS
};

static GParamSpec *properties[N_PROPS];

G_STATIC_ASSERT (G_N_ELEMENTS (field_info) == AWB_EVIDENCE_N_FIELDS);

/* ---- shared with the actions ------------------------------------------------ */

int
_awb_evidence_field_index (const char *key)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_info[i].key, key) == 0)
      return (int) i;
  return -1;
}

AwbMethod
_awb_evidence_field_method (guint index)
{
  g_return_val_if_fail (index < N_FIELDS, AWB_METHOD_DOCUMENT);
  return field_info[index].method;
}

const char *
_awb_evidence_get_field_at (AwbEvidence *self,
                            guint        index)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self) && index < N_FIELDS, NULL);
  return self->fields[index];
}

/* ---- static helpers --------------------------------------------------------- */

static gboolean
read_begin (AwbDatabase *db,
            GError     **error)
{
  return _awb_database_run (db, error, "SAVEPOINT awb_evidence_read", NULL);
}

static void
read_end (AwbDatabase *db)
{
  _awb_database_run (db, NULL, "RELEASE awb_evidence_read", NULL);
}

static AwbEvidence *
evidence_from_row (sqlite3_stmt *stmt)
{
  AwbEvidence *self = g_object_new (AWB_TYPE_EVIDENCE, NULL);

  self->id = g_strdup (_awb_column_text (stmt, AWB_EVIDENCE_COL_ID));
  self->case_id = g_strdup (_awb_column_text (stmt, AWB_EVIDENCE_COL_CASE_ID));
  if (!awb_method_from_string (_awb_column_text (stmt, AWB_EVIDENCE_COL_METHOD), &self->method))
    self->method = AWB_METHOD_DOCUMENT;
  self->title = g_strdup (_awb_column_text (stmt, AWB_EVIDENCE_COL_TITLE));
  self->observation = g_strdup (_awb_column_text (stmt, AWB_EVIDENCE_COL_OBSERVATION));
  self->evaluator = g_strdup (_awb_column_text (stmt, AWB_EVIDENCE_COL_EVALUATOR));
  self->observed_on = g_strdup (_awb_column_text (stmt, AWB_EVIDENCE_COL_OBSERVED_ON));
  self->recorded_at = g_strdup (_awb_column_text (stmt, AWB_EVIDENCE_COL_RECORDED_AT));
  self->updated_at = g_strdup (_awb_column_text (stmt, AWB_EVIDENCE_COL_UPDATED_AT));
  self->rev = sqlite3_column_int64 (stmt, AWB_EVIDENCE_COL_REV);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = g_strdup (_awb_column_text (stmt, AWB_EVIDENCE_COL_FIRST_FIELD + i));
  return self;
}

typedef enum
{
  SCOPE_ID,
  SCOPE_CASE,
  SCOPE_CASE_REQUIREMENT,
} Scope;

/* Every item of the scope with its links and attachments: three queries,
 * whatever the number of items. */
static GPtrArray *
load (AwbDatabase *db,
      Scope        scope,
      const char  *key,
      const char  *requirement_id,
      GError     **error)
{
  static const char * const where[] = {
    "WHERE e.id = ?1 ",
    "WHERE e.case_id = ?1 ",
    /* "+": look the requirement's items up by id, not by scanning the whole
     * case (100,000 items) through evidence_by_case */
    "WHERE +e.case_id = ?1 AND e.id IN "
    "(SELECT evidence_id FROM evidence_links WHERE requirement_id = ?2) ",
  };
  const char *types = scope == SCOPE_CASE_REQUIREMENT ? "ss" : "s";
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *items_sql = NULL;
  g_autofree char *links_sql = NULL;
  g_autofree char *attachments_sql = NULL;
  gboolean ok = FALSE;
  int rc;

  items_sql = g_strconcat (SELECT_EVIDENCE, where[scope], "ORDER BY e.recorded_at, e.rowid",
                           NULL);
  links_sql = g_strconcat ("SELECT l.evidence_id, l.requirement_id, l.supports "
                           "FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id ",
                           where[scope], "ORDER BY l.rowid", NULL);
  attachments_sql = g_strconcat ("SELECT a.evidence_id, a.id, a.sha256, a.name, a.size, "
                                 "a.content_type, a.added_at "
                                 "FROM attachments a JOIN evidence e ON e.id = a.evidence_id ",
                                 where[scope], "ORDER BY a.added_at, a.rowid", NULL);

  if (!read_begin (db, error))
    return NULL;

  {
    g_autoptr(sqlite3_stmt) stmt =
      _awb_database_query (db, error, items_sql, types, key, requirement_id);

    if (stmt == NULL)
      goto out;
    while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
      {
        AwbEvidence *item = evidence_from_row (stmt);

        g_ptr_array_add (items, item);
        g_hash_table_insert (by_id, item->id, item);
      }
    if (rc != SQLITE_DONE)
      goto out;
  }

  {
    g_autoptr(sqlite3_stmt) stmt =
      _awb_database_query (db, error, links_sql, types, key, requirement_id);

    if (stmt == NULL)
      goto out;
    while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
      {
        AwbEvidence *item = g_hash_table_lookup (by_id, _awb_column_text (stmt, 0));
        AwbSupports supports;

        if (item == NULL)
          continue;
        if (!awb_supports_from_string (_awb_column_text (stmt, 2), &supports))
          supports = AWB_SUPPORTS_YES;
        g_ptr_array_add (item->links,
                         awb_evidence_link_new (_awb_column_text (stmt, 1), supports));
      }
    if (rc != SQLITE_DONE)
      goto out;
  }

  {
    g_autoptr(sqlite3_stmt) stmt =
      _awb_database_query (db, error, attachments_sql, types, key, requirement_id);

    if (stmt == NULL)
      goto out;
    while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
      {
        AwbEvidence *item = g_hash_table_lookup (by_id, _awb_column_text (stmt, 0));
        AwbAttachment *a;

        if (item == NULL)
          continue;
        a = g_new0 (AwbAttachment, 1);
        a->id = g_strdup (_awb_column_text (stmt, 1));
        a->sha256 = g_strdup (_awb_column_text (stmt, 2));
        a->name = g_strdup (_awb_column_text (stmt, 3));
        a->size = sqlite3_column_int64 (stmt, 4);
        a->content_type = g_strdup (_awb_column_text (stmt, 5));
        a->added_at = g_strdup (_awb_column_text (stmt, 6));
        g_ptr_array_add (item->attachments, a);
      }
    if (rc != SQLITE_DONE)
      goto out;
  }
  ok = TRUE;

out:
  read_end (db);
  return ok ? g_steal_pointer (&items) : NULL;
}

static GListModel *
to_model (GPtrArray *items)
{
  GListStore *store = g_list_store_new (AWB_TYPE_EVIDENCE);

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

AwbEvidence *
_awb_evidence_load_one (AwbDatabase *db,
                        const char  *full_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) items = load (db, SCOPE_ID, full_id, NULL, error);

  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No evidence item “%s”"), full_id);
      return NULL;
    }
  return g_object_ref (items->pdata[0]);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
awb_evidence_finalize (GObject *object)
{
  AwbEvidence *self = (AwbEvidence *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_free (self->title);
  g_free (self->observation);
  g_free (self->evaluator);
  g_free (self->observed_on);
  g_free (self->recorded_at);
  g_free (self->updated_at);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  g_ptr_array_unref (self->links);
  g_ptr_array_unref (self->attachments);

  G_OBJECT_CLASS (awb_evidence_parent_class)->finalize (object);
}

static void
awb_evidence_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AwbEvidence *self = AWB_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_METHOD:
      g_value_set_uint (value, self->method);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OBSERVATION:
      g_value_set_string (value, self->observation);
      break;
    case PROP_EVALUATOR:
      g_value_set_string (value, self->evaluator);
      break;
    case PROP_OBSERVED_ON:
      g_value_set_string (value, self->observed_on);
      break;
    case PROP_RECORDED_AT:
      g_value_set_string (value, self->recorded_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;
    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
        g_value_set_string (value, self->fields[prop_id - PROP_FIRST_FIELD]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_evidence_class_init (AwbEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awb_evidence_finalize;
  object_class->get_property = awb_evidence_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CASE_ID] = g_param_spec_string ("case-id", NULL, NULL, NULL, flags);
  properties[PROP_METHOD] = g_param_spec_uint ("method", NULL, NULL, 0, AWB_N_METHODS - 1, 0,
                                               flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_OBSERVATION] = g_param_spec_string ("observation", NULL, NULL, NULL, flags);
  properties[PROP_EVALUATOR] = g_param_spec_string ("evaluator", NULL, NULL, NULL, flags);
  properties[PROP_OBSERVED_ON] = g_param_spec_string ("observed-on", NULL, NULL, NULL, flags);
  properties[PROP_RECORDED_AT] = g_param_spec_string ("recorded-at", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);
  properties[PROP_REV] = g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0, flags);
  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] = g_param_spec_string (field_info[i].key, NULL, NULL, NULL,
                                                            flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awb_evidence_init (AwbEvidence *self)
{
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_evidence_link_free);
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_attachment_free);
}

/* ---- links ---------------------------------------------------------------- */

AwbEvidenceLink *
awb_evidence_link_new (const char  *requirement_id,
                       AwbSupports  supports)
{
  AwbEvidenceLink *link = g_new0 (AwbEvidenceLink, 1);

  link->requirement_id = g_strdup (requirement_id);
  link->supports = supports;
  return link;
}

AwbEvidenceLink *
awb_evidence_link_copy (const AwbEvidenceLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);
  return awb_evidence_link_new (link->requirement_id, link->supports);
}

void
awb_evidence_link_free (AwbEvidenceLink *link)
{
  if (link == NULL)
    return;
  g_free (link->requirement_id);
  g_free (link);
}

/* ---- public: fields and getters --------------------------------------------- */

/* The field keys of a method, NULL-terminated. */
const char * const *
awb_evidence_method_fields (AwbMethod method)
{
  g_return_val_if_fail (method < AWB_N_METHODS, NULL);
  return method_fields[method];
}

/* A field's name for people, in the UI language, or NULL for an unknown key. */
const char *
awb_evidence_field_label (const char *key)
{
  int idx = _awb_evidence_field_index (key);

  return idx >= 0 ? _(field_info[idx].label) : NULL;
}

const char *
awb_evidence_get_id (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  return self->id;
}

const char *
awb_evidence_get_case_id (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  return self->case_id;
}

AwbMethod
awb_evidence_get_method (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), AWB_METHOD_DOCUMENT);
  return self->method;
}

const char *
awb_evidence_get_title (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  return self->title;
}

const char *
awb_evidence_get_observation (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  return self->observation;
}

const char *
awb_evidence_get_evaluator (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  return self->evaluator;
}

/* YYYY-MM-DD, or NULL when not known. */
const char *
awb_evidence_get_observed_on (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  return self->observed_on;
}

/* When it was recorded (UTC timestamp). */
const char *
awb_evidence_get_recorded_at (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  return self->recorded_at;
}

const char *
awb_evidence_get_updated_at (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  return self->updated_at;
}

gint64
awb_evidence_get_rev (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), 0);
  return self->rev;
}

/* A method field ("work-product" …), or NULL when empty or unknown. */
const char *
awb_evidence_get_field (AwbEvidence *self,
                        const char  *key)
{
  int idx;

  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  idx = _awb_evidence_field_index (key);
  return idx >= 0 ? self->fields[idx] : NULL;
}

/* AwbEvidenceLink*, in the order they were given. Borrowed. */
GPtrArray *
awb_evidence_get_links (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  return self->links;
}

/* AwbAttachment*, in the order they were added. Borrowed. */
GPtrArray *
awb_evidence_get_attachments (AwbEvidence *self)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);
  return self->attachments;
}

/* How the item bears on requirement_id; FALSE when it is not linked to it. */
gboolean
awb_evidence_get_supports (AwbEvidence *self,
                           const char  *requirement_id,
                           AwbSupports *out)
{
  g_return_val_if_fail (AWB_IS_EVIDENCE (self), FALSE);

  for (guint i = 0; i < self->links->len; i++)
    {
      AwbEvidenceLink *link = self->links->pdata[i];

      if (g_strcmp0 (link->requirement_id, requirement_id) == 0)
        {
          if (out != NULL)
            *out = link->supports;
          return TRUE;
        }
    }
  return FALSE;
}

/* The item as JSON (see docs/evidence.md). "supports" is how it bears on
 * requirement_id when given, else the value its links share, else "mixed". */
JsonNode *
awb_evidence_to_json (AwbEvidence *self,
                      const char  *requirement_id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *supports = NULL;
  AwbSupports s;

  g_return_val_if_fail (AWB_IS_EVIDENCE (self), NULL);

  if (requirement_id != NULL && awb_evidence_get_supports (self, requirement_id, &s))
    supports = awb_supports_to_string (s);
  else
    for (guint i = 0; i < self->links->len; i++)
      {
        const char *one = awb_supports_to_string (((AwbEvidenceLink *) self->links->pdata[i])->supports);

        if (supports == NULL)
          supports = one;
        else if (!g_str_equal (supports, one))
          supports = "mixed";
      }

  json_builder_begin_object (b);
  _awb_json_add_string (b, "id", self->id);
  _awb_json_add_string (b, "case_id", self->case_id);
  _awb_json_add_string (b, "method", awb_method_to_string (self->method));
  _awb_json_add_string (b, "title", self->title);
  _awb_json_add_string (b, "observation", self->observation);
  _awb_json_add_string (b, "evaluator", self->evaluator);
  _awb_json_add_string (b, "observed_on", self->observed_on);
  _awb_json_add_string (b, "recorded_at", self->recorded_at);
  _awb_json_add_string (b, "updated_at", self->updated_at);
  json_builder_set_member_name (b, "rev");
  json_builder_add_int_value (b, self->rev);
  _awb_json_add_string (b, "supports", supports);
  for (const char * const *key = method_fields[self->method]; *key != NULL; key++)
    _awb_json_add_string (b, *key, self->fields[_awb_evidence_field_index (*key)]);

  json_builder_set_member_name (b, "requirements");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->links->len; i++)
    {
      AwbEvidenceLink *link = self->links->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "id", link->requirement_id);
      _awb_json_add_string (b, "supports", awb_supports_to_string (link->supports));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "attachments");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->attachments->len; i++)
    {
      AwbAttachment *a = self->attachments->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "id", a->id);
      _awb_json_add_string (b, "name", a->name);
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, a->size);
      _awb_json_add_string (b, "sha256", a->sha256);
      _awb_json_add_string (b, "type", a->content_type);
      _awb_json_add_string (b, "added_at", a->added_at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/* ---- public: reading -------------------------------------------------------- */

/* The item with this id or unique prefix, with its links and attachments. */
AwbEvidence *
awb_evidence_lookup (AwbDatabase *db,
                     const char  *id,
                     GError     **error)
{
  g_autofree char *eid = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  eid = _awb_resolve_id (db, "evidence", id, _("evidence item"), error);
  if (eid == NULL)
    return NULL;
  return _awb_evidence_load_one (db, eid, error);
}

/* The case's items (those linked to requirement_id when it is given), in the
 * order they were recorded: a GListModel of AwbEvidence. */
GListModel *
awb_evidence_list (AwbDatabase *db,
                   const char  *case_id,
                   const char  *requirement_id,
                   GError     **error)
{
  g_autofree char *cid = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL)
    return NULL;
  if (requirement_id != NULL &&
      _awb_case_lookup_requirement (db, cid, requirement_id, error) == NULL)
    return NULL;
  items = load (db, requirement_id != NULL ? SCOPE_CASE_REQUIREMENT : SCOPE_CASE, cid,
                requirement_id, error);
  if (items == NULL)
    return NULL;
  return to_model (items);
}

/* For a case started from a previous one (cases.baseline_case): the previous
 * case's items, to read beside the new ones, never to change. */
GListModel *
awb_evidence_list_reference (AwbDatabase *db,
                             const char  *case_id,
                             const char  *requirement_id,
                             GError     **error)
{
  g_autofree char *cid = NULL;
  g_autofree char *baseline = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL)
    return NULL;
  if (requirement_id != NULL &&
      _awb_case_lookup_requirement (db, cid, requirement_id, error) == NULL)
    return NULL;

  stmt = _awb_database_query (db, error,
                              "SELECT c.baseline_case, b.id FROM cases c "
                              "LEFT JOIN cases b ON b.id = c.baseline_case WHERE c.id = ?",
                              "s", cid);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Case %s has no baseline case: only a maintenance case started from a "
                     "previous case has reference evidence"), cid);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                   _("The baseline case %s of case %s is no longer in this database"),
                   _awb_column_text (stmt, 0), cid);
      return NULL;
    }
  baseline = g_strdup (_awb_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  items = load (db, requirement_id != NULL ? SCOPE_CASE_REQUIREMENT : SCOPE_CASE, baseline,
                requirement_id, error);
  if (items == NULL)
    return NULL;
  return to_model (items);
}

