/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-case"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awb-case.h"
#include "awb-catalogue-registry.h"
#include "awb-credit-code.h"
#include "awb-dates.h"
#include "awb-enum-private.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-record-private.h"

/* A case (one application being assessed) and the actions on its lifecycle:
 * creation (also from a baseline case), stage moves, the acceptance checklist,
 * its dates, its team and its deletion. AwbCase is a read-only snapshot of the
 * rows; every change goes through one of the awb_case_* actions, each one
 * transaction with its history entries. See docs/lifecycle.md. */

typedef struct
{
  char *date;
  char *actor;
  char *at;
} DateEntry;

typedef struct
{
  char *actor;
  char *at;
} CheckEntry;

struct _AwbCase
{
  GObject    parent_instance;

  char      *id;
  char      *catalogue_id;
  char      *catalogue_version;
  char      *applicant;
  char      *credit_code;
  char      *app_type;
  char      *previous_certificate;
  char      *previous_expiry;
  char      *baseline_case;
  AwbStage   stage;
  gboolean   is_demo;
  char      *submitted_at;
  char      *created_at;
  char      *updated_at;
  char      *leader;
  GStrv      evaluators;
  DateEntry  dates[AWB_N_CASE_DATES];
  CheckEntry checks[AWB_N_CHECKS];
  GPtrArray *moves;  /* AwbStageMove*, oldest first */
};

G_DEFINE_FINAL_TYPE (AwbCase, awb_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_APPLICANT,
  PROP_CREDIT_CODE,
  PROP_APP_TYPE,
  PROP_STAGE,
  PROP_CATALOGUE_ID,
  PROP_CATALOGUE_VERSION,
  PROP_LEADER,
  PROP_IS_DEMO,
  PROP_LOCKED,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const stage_names[AWB_N_STAGES] = {
  "acceptance", "initiation", "evaluation", "certification", "closed"
};

static const char * const date_names[AWB_N_CASE_DATES] = {
  "received", "review-sent", "supplement-received", "agreement", "paid", "evaluation-start",
  "evaluation-end", "panel", "certificate-issued"
};

static const char * const check_names[AWB_N_CHECKS] = {
  "legal-entity", "stamped-bound", "electronic-copy"
};

/* Dates that must not come before another one when both are set: what a
 * person types by mistake (a supplement before the review was sent). */
static const struct
{
  AwbCaseDate earlier;
  AwbCaseDate later;
} date_order[] = {
  { AWB_CASE_DATE_RECEIVED, AWB_CASE_DATE_REVIEW_SENT },
  { AWB_CASE_DATE_RECEIVED, AWB_CASE_DATE_SUPPLEMENT_RECEIVED },
  { AWB_CASE_DATE_REVIEW_SENT, AWB_CASE_DATE_SUPPLEMENT_RECEIVED },
  { AWB_CASE_DATE_RECEIVED, AWB_CASE_DATE_AGREEMENT },
  { AWB_CASE_DATE_RECEIVED, AWB_CASE_DATE_PAID },
  { AWB_CASE_DATE_RECEIVED, AWB_CASE_DATE_EVALUATION_START },
  { AWB_CASE_DATE_RECEIVED, AWB_CASE_DATE_EVALUATION_END },
  { AWB_CASE_DATE_RECEIVED, AWB_CASE_DATE_PANEL },
  { AWB_CASE_DATE_RECEIVED, AWB_CASE_DATE_CERTIFICATE_ISSUED },
  { AWB_CASE_DATE_EVALUATION_START, AWB_CASE_DATE_EVALUATION_END },
  { AWB_CASE_DATE_EVALUATION_START, AWB_CASE_DATE_PANEL },
  { AWB_CASE_DATE_EVALUATION_START, AWB_CASE_DATE_CERTIFICATE_ISSUED },
  { AWB_CASE_DATE_EVALUATION_END, AWB_CASE_DATE_CERTIFICATE_ISSUED },
  { AWB_CASE_DATE_PANEL, AWB_CASE_DATE_CERTIFICATE_ISSUED },
};

/* The registers a maintenance case copies from its baseline. */
static const char * const register_tables[] = { "staff", "projects", NULL };

static void
stage_move_free (AwbStageMove *move)
{
  g_free (move->id);
  g_free (move->on_date);
  g_free (move->actor);
  g_free (move->at);
  g_free (move);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_awb_column_text (stmt, column));
}

/* A copy of text without surrounding white space, or NULL when nothing is left. */
static char *
clean_text (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static char *
join_names (const char * const *names,
            guint               n_names)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", names[i]);
  return g_string_free (s, FALSE);
}

static gboolean
touch_case (AwbDatabase *db,
            const char  *case_id,
            const char  *now,
            GError     **error)
{
  return _awb_database_run (db, error, "UPDATE cases SET updated_at = ? WHERE id = ?", "ss", now,
                            case_id);
}

/* Loads the whole case: its row, team, dates, checklist and stage moves. */
static AwbCase *
load_case (AwbDatabase *db,
           const char  *case_id,
           GError     **error)
{
  g_autoptr(AwbCase) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) evaluators = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT id, catalogue_id, catalogue_version, applicant, credit_code, "
                              "app_type, previous_certificate, previous_expiry, baseline_case, "
                              "stage, is_demo, submitted_at, created_at, updated_at "
                              "FROM cases WHERE id = ?", "s", case_id);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No case “%s”"), case_id);
  if (rc != SQLITE_ROW)
    return NULL;

  self = g_object_new (AWB_TYPE_CASE, NULL);
  self->id = dup_column (stmt, 0);
  self->catalogue_id = dup_column (stmt, 1);
  self->catalogue_version = dup_column (stmt, 2);
  self->applicant = dup_column (stmt, 3);
  self->credit_code = dup_column (stmt, 4);
  self->app_type = dup_column (stmt, 5);
  self->previous_certificate = dup_column (stmt, 6);
  self->previous_expiry = dup_column (stmt, 7);
  self->baseline_case = dup_column (stmt, 8);
  if (!awb_stage_from_string (_awb_column_text (stmt, 9), &self->stage))
    self->stage = AWB_STAGE_ACCEPTANCE;
  self->is_demo = sqlite3_column_int (stmt, 10) != 0;
  self->submitted_at = dup_column (stmt, 11);
  self->created_at = dup_column (stmt, 12);
  self->updated_at = dup_column (stmt, 13);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _awb_database_query (db, error,
                              "SELECT name, role FROM team_members WHERE case_id = ? "
                              "ORDER BY created_at, rowid", "s", case_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      if (g_str_equal (_awb_column_text (stmt, 1), "leader"))
        {
          g_free (self->leader);
          self->leader = dup_column (stmt, 0);
        }
      else
        g_ptr_array_add (evaluators, dup_column (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_ptr_array_add (evaluators, NULL);
  self->evaluators = (GStrv) g_ptr_array_steal (evaluators, NULL);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _awb_database_query (db, error,
                              "SELECT kind, date, actor, at FROM case_dates WHERE case_id = ?",
                              "s", case_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      AwbCaseDate kind;

      /* a kind this version does not know is left alone */
      if (!awb_case_date_from_string (_awb_column_text (stmt, 0), &kind))
        continue;
      self->dates[kind].date = dup_column (stmt, 1);
      self->dates[kind].actor = dup_column (stmt, 2);
      self->dates[kind].at = dup_column (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _awb_database_query (db, error,
                              "SELECT item, actor, at FROM checklist WHERE case_id = ?",
                              "s", case_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      AwbCheck item;

      if (!awb_check_from_string (_awb_column_text (stmt, 0), &item))
        continue;
      self->checks[item].actor = dup_column (stmt, 1);
      self->checks[item].at = dup_column (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _awb_database_query (db, error,
                              "SELECT id, from_stage, to_stage, on_date, actor, at "
                              "FROM stage_moves WHERE case_id = ? ORDER BY on_date, at, rowid",
                              "s", case_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      AwbStageMove *move = g_new0 (AwbStageMove, 1);

      move->id = dup_column (stmt, 0);
      if (!awb_stage_from_string (_awb_column_text (stmt, 1), &move->from))
        move->from = AWB_STAGE_ACCEPTANCE;
      if (!awb_stage_from_string (_awb_column_text (stmt, 2), &move->to))
        move->to = AWB_STAGE_ACCEPTANCE;
      move->on_date = dup_column (stmt, 3);
      move->actor = dup_column (stmt, 4);
      move->at = dup_column (stmt, 5);
      g_ptr_array_add (self->moves, move);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&self);
}

static JsonNode *
pair_json (const char *first_key,
           ...)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  va_list args;
  const char *key = first_key;

  json_builder_begin_object (b);
  va_start (args, first_key);
  while (key != NULL)
    {
      const char *value = va_arg (args, const char *);

      _awb_json_add_string (b, key, value);
      key = va_arg (args, const char *);
    }
  va_end (args);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
add_member (AwbDatabase *db,
            const char  *case_id,
            const char  *name,
            const char  *role,
            const char  *now,
            const char  *actor,
            GError     **error)
{
  g_autofree char *id = g_uuid_string_random ();

  return _awb_database_run (db, error,
                            "INSERT INTO team_members (id, case_id, name, role, created_at) "
                            "VALUES (?, ?, ?, ?, ?)", "sssss", id, case_id, name, role, now) &&
         _awb_record_log (db, "team_members", id, case_id, actor, "team", "team-member", NULL,
                          error);
}

/* Copies every row of table from one case to another with new ids, whatever
 * columns the table has: a column added later is copied too. */
static gboolean
copy_rows (AwbDatabase *db,
           const char  *table,
           const char  *from_case,
           const char  *to_case,
           const char  *now,
           const char  *actor,
           GError     **error)
{
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  g_autofree char *ids_sql = g_strdup_printf ("SELECT id FROM %s WHERE case_id = ? ORDER BY "
                                              "created_at, id", table);
  g_autofree char *insert_sql = NULL;
  g_autoptr(sqlite3_stmt) info = NULL;
  g_autoptr(sqlite3_stmt) ids = NULL;
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GPtrArray) source_ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  info = _awb_database_query (db, error, info_sql, NULL);
  if (info == NULL)
    return FALSE;
  while ((rc = _awb_database_step (db, info, error)) == SQLITE_ROW)
    {
      const char *column = _awb_column_text (info, 1);

      g_string_append_printf (columns, "%s\"%s\"", columns->len > 0 ? ", " : "", column);
      if (values->len > 0)
        g_string_append (values, ", ");
      if (g_str_equal (column, "id"))
        g_string_append (values, "?1");
      else if (g_str_equal (column, "case_id"))
        g_string_append (values, "?2");
      else if (g_str_equal (column, "created_at") || g_str_equal (column, "updated_at"))
        g_string_append (values, "?3");
      else if (g_str_equal (column, "rev"))
        g_string_append (values, "1");
      else
        g_string_append_printf (values, "\"%s\"", column);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  insert_sql = g_strdup_printf ("INSERT INTO %s (%s) SELECT %s FROM %s WHERE id = ?4", table,
                                columns->str, values->str, table);

  ids = _awb_database_query (db, error, ids_sql, "s", from_case);
  if (ids == NULL)
    return FALSE;
  while ((rc = _awb_database_step (db, ids, error)) == SQLITE_ROW)
    g_ptr_array_add (source_ids, dup_column (ids, 0));
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < source_ids->len; i++)
    {
      g_autofree char *id = g_uuid_string_random ();

      if (!_awb_database_run (db, error, insert_sql, "ssss", id, to_case, now,
                              source_ids->pdata[i]) ||
          !_awb_record_log (db, table, id, to_case, actor, "copy",
                            g_str_equal (table, "staff") ? "staff" : "project", NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
awb_case_finalize (GObject *object)
{
  AwbCase *self = (AwbCase *) object;

  g_free (self->id);
  g_free (self->catalogue_id);
  g_free (self->catalogue_version);
  g_free (self->applicant);
  g_free (self->credit_code);
  g_free (self->app_type);
  g_free (self->previous_certificate);
  g_free (self->previous_expiry);
  g_free (self->baseline_case);
  g_free (self->submitted_at);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->leader);
  g_strfreev (self->evaluators);
  for (guint i = 0; i < AWB_N_CASE_DATES; i++)
    {
      g_free (self->dates[i].date);
      g_free (self->dates[i].actor);
      g_free (self->dates[i].at);
    }
  for (guint i = 0; i < AWB_N_CHECKS; i++)
    {
      g_free (self->checks[i].actor);
      g_free (self->checks[i].at);
    }
  g_clear_pointer (&self->moves, g_ptr_array_unref);

  G_OBJECT_CLASS (awb_case_parent_class)->finalize (object);
}

static void
awb_case_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AwbCase *self = AWB_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_APPLICANT:
      g_value_set_string (value, self->applicant);
      break;
    case PROP_CREDIT_CODE:
      g_value_set_string (value, self->credit_code);
      break;
    case PROP_APP_TYPE:
      g_value_set_string (value, self->app_type);
      break;
    case PROP_STAGE:
      g_value_set_string (value, awb_stage_to_string (self->stage));
      break;
    case PROP_CATALOGUE_ID:
      g_value_set_string (value, self->catalogue_id);
      break;
    case PROP_CATALOGUE_VERSION:
      g_value_set_string (value, self->catalogue_version);
      break;
    case PROP_LEADER:
      g_value_set_string (value, self->leader);
      break;
    case PROP_IS_DEMO:
      g_value_set_boolean (value, self->is_demo);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, awb_case_is_locked (self));
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_case_class_init (AwbCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awb_case_finalize;
  object_class->get_property = awb_case_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_APPLICANT] = g_param_spec_string ("applicant", NULL, NULL, NULL, flags);
  properties[PROP_CREDIT_CODE] = g_param_spec_string ("credit-code", NULL, NULL, NULL, flags);
  properties[PROP_APP_TYPE] = g_param_spec_string ("app-type", NULL, NULL, NULL, flags);
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, NULL, flags);
  properties[PROP_CATALOGUE_ID] = g_param_spec_string ("catalogue-id", NULL, NULL, NULL, flags);
  properties[PROP_CATALOGUE_VERSION] =
    g_param_spec_string ("catalogue-version", NULL, NULL, NULL, flags);
  properties[PROP_LEADER] = g_param_spec_string ("leader", NULL, NULL, NULL, flags);
  properties[PROP_IS_DEMO] = g_param_spec_boolean ("is-demo", NULL, NULL, FALSE, flags);
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, flags);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awb_case_init (AwbCase *self)
{
  self->moves = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_move_free);
}

/* Enum names as the command line and the database write them. */
const char *
awb_stage_to_string (AwbStage stage)
{
  g_return_val_if_fail (stage < AWB_N_STAGES, NULL);
  return stage_names[stage];
}

gboolean
awb_stage_from_string (const char *text,
                       AwbStage   *out)
{
  guint i;

  if (!_awb_enum_from_string (stage_names, AWB_N_STAGES, text, &i))
    return FALSE;
  *out = (AwbStage) i;
  return TRUE;
}

/* The name a person reads, in the UI language. */
const char *
awb_stage_label (AwbStage stage)
{
  switch (stage)
    {
    case AWB_STAGE_ACCEPTANCE:
      return _("Acceptance");
    case AWB_STAGE_INITIATION:
      return _("Initiation");
    case AWB_STAGE_EVALUATION:
      return _("Evaluation");
    case AWB_STAGE_CERTIFICATION:
      return _("Certification");
    case AWB_STAGE_CLOSED:
      return _("Closed");
    case AWB_N_STAGES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
awb_case_date_to_string (AwbCaseDate kind)
{
  g_return_val_if_fail (kind < AWB_N_CASE_DATES, NULL);
  return date_names[kind];
}

gboolean
awb_case_date_from_string (const char  *text,
                           AwbCaseDate *out)
{
  guint i;

  if (!_awb_enum_from_string (date_names, AWB_N_CASE_DATES, text, &i))
    return FALSE;
  *out = (AwbCaseDate) i;
  return TRUE;
}

const char *
awb_case_date_label (AwbCaseDate kind)
{
  switch (kind)
    {
    case AWB_CASE_DATE_RECEIVED:
      return _("Application received");
    case AWB_CASE_DATE_REVIEW_SENT:
      return _("Acceptance review e-mailed");
    case AWB_CASE_DATE_SUPPLEMENT_RECEIVED:
      return _("Supplement received");
    case AWB_CASE_DATE_AGREEMENT:
      return _("Agreement in force");
    case AWB_CASE_DATE_PAID:
      return _("Fee paid");
    case AWB_CASE_DATE_EVALUATION_START:
      return _("Evaluation started");
    case AWB_CASE_DATE_EVALUATION_END:
      return _("Evaluation ended");
    case AWB_CASE_DATE_PANEL:
      return _("Expert panel");
    case AWB_CASE_DATE_CERTIFICATE_ISSUED:
      return _("Certificate issued");
    case AWB_N_CASE_DATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
awb_check_to_string (AwbCheck item)
{
  g_return_val_if_fail (item < AWB_N_CHECKS, NULL);
  return check_names[item];
}

gboolean
awb_check_from_string (const char *text,
                       AwbCheck   *out)
{
  guint i;

  if (!_awb_enum_from_string (check_names, AWB_N_CHECKS, text, &i))
    return FALSE;
  *out = (AwbCheck) i;
  return TRUE;
}

const char *
awb_check_label (AwbCheck item)
{
  switch (item)
    {
    case AWB_CHECK_LEGAL_ENTITY:
      return _("Independent legal entity");
    case AWB_CHECK_STAMPED_BOUND:
      return _("Application stamped and bound");
    case AWB_CHECK_ELECTRONIC_COPY:
      return _("Electronic copy enclosed");
    case AWB_N_CHECKS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
awb_case_get_id (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->id;
}

const char *
awb_case_get_applicant (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->applicant;
}

const char *
awb_case_get_credit_code (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->credit_code;
}

/* "initial" or "maintenance". */
const char *
awb_case_get_app_type (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->app_type;
}

gboolean
awb_case_is_maintenance (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), FALSE);
  return g_strcmp0 (self->app_type, "maintenance") == 0;
}

const char *
awb_case_get_previous_certificate (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->previous_certificate;
}

const char *
awb_case_get_previous_expiry (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->previous_expiry;
}

const char *
awb_case_get_catalogue_id (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->catalogue_id;
}

const char *
awb_case_get_catalogue_version (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->catalogue_version;
}

AwbStage
awb_case_get_stage (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), AWB_STAGE_ACCEPTANCE);
  return self->stage;
}

/* The project leader, or NULL. */
const char *
awb_case_get_leader (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->leader;
}

/* The evaluators in the order they joined; never NULL. */
const char * const *
awb_case_get_evaluators (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return (const char * const *) self->evaluators;
}

gboolean
awb_case_get_is_demo (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), FALSE);
  return self->is_demo;
}

/* The case a maintenance case was started from (its evidence is the reference), or NULL. */
const char *
awb_case_get_baseline_case_id (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->baseline_case;
}

/* When the case went to the expert panel (which locks it), or NULL. */
const char *
awb_case_get_submitted_at (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->submitted_at;
}

gboolean
awb_case_is_locked (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), FALSE);
  return self->submitted_at != NULL;
}

const char *
awb_case_get_created_at (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->created_at;
}

const char *
awb_case_get_updated_at (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->updated_at;
}

/* The date of kind (YYYY-MM-DD), or NULL while it is not set. */
const char *
awb_case_get_date (AwbCase     *self,
                   AwbCaseDate  kind)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  g_return_val_if_fail (kind < AWB_N_CASE_DATES, NULL);
  return self->dates[kind].date;
}

/* Who set the date of kind, or NULL. */
const char *
awb_case_get_date_actor (AwbCase     *self,
                         AwbCaseDate  kind)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  g_return_val_if_fail (kind < AWB_N_CASE_DATES, NULL);
  return self->dates[kind].actor;
}

/* When the date of kind was set (a UTC timestamp), or NULL. */
const char *
awb_case_get_date_recorded_at (AwbCase     *self,
                               AwbCaseDate  kind)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  g_return_val_if_fail (kind < AWB_N_CASE_DATES, NULL);
  return self->dates[kind].at;
}

/* Whether item is ticked; actor and at (optional) say who ticked it and when. */
gboolean
awb_case_get_check (AwbCase     *self,
                    AwbCheck     item,
                    const char **actor,
                    const char **at)
{
  g_return_val_if_fail (AWB_IS_CASE (self), FALSE);
  g_return_val_if_fail (item < AWB_N_CHECKS, FALSE);
  if (actor != NULL)
    *actor = self->checks[item].actor;
  if (at != NULL)
    *at = self->checks[item].at;
  return self->checks[item].actor != NULL;
}

/* The stage moves, oldest first (AwbStageMove*). Borrowed. */
GPtrArray *
awb_case_get_stage_moves (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);
  return self->moves;
}

/* The date the case was closed, or NULL while it is not. */
const char *
awb_case_get_closed_on (AwbCase *self)
{
  g_return_val_if_fail (AWB_IS_CASE (self), NULL);

  if (self->stage != AWB_STAGE_CLOSED)
    return NULL;
  for (guint i = self->moves->len; i > 0; i--)
    {
      AwbStageMove *move = self->moves->pdata[i - 1];

      if (move->to == AWB_STAGE_CLOSED)
        return move->on_date;
    }
  return NULL;
}

/* The first day the archive may be destroyed: the closing date plus the
 * catalogue's retention_years. FALSE while the case is not closed. */
gboolean
awb_case_get_retention_end (AwbCase        *self,
                            const AwbRules *rules,
                            GDate          *out)
{
  const char *closed_on;

  g_return_val_if_fail (AWB_IS_CASE (self), FALSE);
  g_return_val_if_fail (rules != NULL && out != NULL, FALSE);

  closed_on = awb_case_get_closed_on (self);
  if (closed_on == NULL || !awb_date_parse (closed_on, out, NULL))
    return FALSE;
  awb_date_add_years (out, (int) rules->retention_years);
  return TRUE;
}

/* Everything about the case, ids in full (the shape is in docs/lifecycle.md). */
JsonNode *
awb_case_to_json (AwbCase *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (AWB_IS_CASE (self), NULL);

  json_builder_begin_object (b);
  _awb_json_add_string (b, "id", self->id);
  _awb_json_add_string (b, "applicant", self->applicant);
  _awb_json_add_string (b, "credit_code", self->credit_code);
  _awb_json_add_string (b, "type", self->app_type);
  _awb_json_add_string (b, "catalogue_id", self->catalogue_id);
  _awb_json_add_string (b, "catalogue_version", self->catalogue_version);
  _awb_json_add_string (b, "stage", awb_stage_to_string (self->stage));
  _awb_json_add_string (b, "previous_certificate", self->previous_certificate);
  _awb_json_add_string (b, "previous_expiry", self->previous_expiry);
  _awb_json_add_string (b, "baseline_case", self->baseline_case);
  json_builder_set_member_name (b, "is_demo");
  json_builder_add_boolean_value (b, self->is_demo);
  json_builder_set_member_name (b, "locked");
  json_builder_add_boolean_value (b, awb_case_is_locked (self));
  _awb_json_add_string (b, "submitted_at", self->submitted_at);
  _awb_json_add_string (b, "created_at", self->created_at);
  _awb_json_add_string (b, "updated_at", self->updated_at);
  _awb_json_add_string (b, "closed_on", awb_case_get_closed_on (self));

  json_builder_set_member_name (b, "team");
  json_builder_begin_object (b);
  _awb_json_add_string (b, "leader", self->leader);
  json_builder_set_member_name (b, "evaluators");
  json_builder_begin_array (b);
  for (guint i = 0; self->evaluators[i] != NULL; i++)
    json_builder_add_string_value (b, self->evaluators[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "checklist");
  json_builder_begin_array (b);
  for (guint i = 0; i < AWB_N_CHECKS; i++)
    {
      json_builder_begin_object (b);
      _awb_json_add_string (b, "item", check_names[i]);
      json_builder_set_member_name (b, "ticked");
      json_builder_add_boolean_value (b, self->checks[i].actor != NULL);
      _awb_json_add_string (b, "actor", self->checks[i].actor);
      _awb_json_add_string (b, "at", self->checks[i].at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "dates");
  json_builder_begin_object (b);
  for (guint i = 0; i < AWB_N_CASE_DATES; i++)
    {
      json_builder_set_member_name (b, date_names[i]);
      if (self->dates[i].date == NULL)
        {
          json_builder_add_null_value (b);
          continue;
        }
      json_builder_begin_object (b);
      _awb_json_add_string (b, "date", self->dates[i].date);
      _awb_json_add_string (b, "actor", self->dates[i].actor);
      _awb_json_add_string (b, "at", self->dates[i].at);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "stage_moves");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->moves->len; i++)
    {
      AwbStageMove *move = self->moves->pdata[i];

      json_builder_begin_object (b);
      _awb_json_add_string (b, "id", move->id);
      _awb_json_add_string (b, "from", awb_stage_to_string (move->from));
      _awb_json_add_string (b, "to", awb_stage_to_string (move->to));
      _awb_json_add_string (b, "on", move->on_date);
      _awb_json_add_string (b, "actor", move->actor);
      _awb_json_add_string (b, "at", move->at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Creates a case; returns its id. See AwbCaseNew and docs/lifecycle.md. */
char *
awb_case_create (AwbDatabase       *db,
                 const AwbCaseNew  *params,
                 GError           **error)
{
  g_autofree char *applicant = NULL;
  g_autofree char *credit_code = NULL;
  g_autofree char *leader = NULL;
  g_autofree char *previous_certificate = NULL;
  g_autofree char *previous_expiry = NULL;
  g_autofree char *baseline_id = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) evaluators = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AwbCase) baseline = NULL;
  const char *app_type;
  const char *actor;
  const char *catalogue_id;
  AwbCatalogue *catalogue;
  gboolean maintenance;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (params != NULL, NULL);

  actor = params->actor != NULL ? params->actor : awb_history_default_actor ();

  applicant = clean_text (params->applicant);
  if (applicant == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The applicant's name is empty: give the name of the company applying"));
      return NULL;
    }
  if (!_awb_check_name (_("applicant's name"), applicant, error))
    return NULL;

  credit_code = clean_text (params->credit_code);
  if (!awb_credit_code_validate (credit_code != NULL ? credit_code : "", error))
    return NULL;

  app_type = params->app_type;
  if (app_type == NULL)
    app_type = params->from_case != NULL ? "maintenance" : "initial";
  if (!g_str_equal (app_type, "initial") && !g_str_equal (app_type, "maintenance"))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Unknown application type “%s”: give initial or maintenance"), app_type);
      return NULL;
    }
  maintenance = g_str_equal (app_type, "maintenance");

  catalogue_id = params->catalogue_id != NULL ? params->catalogue_id : AWB_BUILTIN_CATALOGUE_ID;
  catalogue = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (), catalogue_id,
                                             NULL, error);
  if (catalogue == NULL)
    return NULL;

  if (params->leader != NULL && (leader = clean_text (params->leader)) == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The project leader's name is empty: give a name"));
      return NULL;
    }
  for (guint i = 0; params->evaluators != NULL && params->evaluators[i] != NULL; i++)
    {
      char *name = clean_text (params->evaluators[i]);

      if (name == NULL)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("An evaluator's name is empty: give a name"));
          return NULL;
        }
      if (g_ptr_array_find_with_equal_func (evaluators, name, g_str_equal, NULL))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("Evaluator “%s” is named twice"), name);
          g_free (name);
          return NULL;
        }
      g_ptr_array_add (evaluators, name);
    }

  if (params->previous_certificate != NULL &&
      (previous_certificate = clean_text (params->previous_certificate)) == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The previous certificate number is empty: give the number printed on "
                     "the certificate"));
      return NULL;
    }
  if (params->previous_expiry != NULL)
    {
      if (!awb_date_parse (params->previous_expiry, NULL, error))
        {
          g_prefix_error (error, _("Previous certificate expiry: "));
          return NULL;
        }
      previous_expiry = g_strdup (params->previous_expiry);
    }

  if (!maintenance && (previous_certificate != NULL || previous_expiry != NULL))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("An initial application has no previous certificate (“%s”): "
                     "make it a maintenance application or leave the certificate out"),
                   previous_certificate != NULL ? previous_certificate : previous_expiry);
      return NULL;
    }
  if (!maintenance && params->from_case != NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Only a maintenance application starts from a previous case (“%s”): "
                     "make it a maintenance application"), params->from_case);
      return NULL;
    }

  if (params->from_case != NULL)
    {
      baseline_id = _awb_resolve_id (db, "cases", params->from_case, _("case"), error);
      if (baseline_id == NULL)
        return NULL;
      baseline = load_case (db, baseline_id, error);
      if (baseline == NULL)
        return NULL;

      /* A baseline that was itself a maintenance of the same certificate provides it. */
      if (previous_certificate == NULL)
        previous_certificate = g_strdup (baseline->previous_certificate);
      if (previous_expiry == NULL)
        previous_expiry = g_strdup (baseline->previous_expiry);
      if (leader == NULL)
        leader = g_strdup (baseline->leader);
      if (evaluators->len == 0)
        for (guint i = 0; baseline->evaluators[i] != NULL; i++)
          g_ptr_array_add (evaluators, g_strdup (baseline->evaluators[i]));
    }

  if (maintenance && previous_certificate == NULL)
    {
      if (baseline != NULL)
        g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                     _("A maintenance application needs the previous certificate's number, and "
                       "case %.8s (%s) does not record it: give it"),
                     baseline->id, baseline->applicant);
      else
        g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                     _("A maintenance application needs the previous certificate's number: "
                       "give it"));
      return NULL;
    }
  if (maintenance && previous_expiry == NULL)
    {
      if (baseline != NULL)
        g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                     _("A maintenance application needs the previous certificate's expiry date, "
                       "and case %.8s (%s) does not record it: give it"),
                     baseline->id, baseline->applicant);
      else
        g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                     _("A maintenance application needs the previous certificate's expiry date "
                       "(previous certificate %s): give it"), previous_certificate);
      return NULL;
    }

  id = g_uuid_string_random ();
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return NULL;

  if (!_awb_database_run (db, error,
                          "INSERT INTO cases (id, catalogue_id, catalogue_version, applicant, "
                          "credit_code, app_type, previous_certificate, previous_expiry, "
                          "baseline_case, is_demo, created_at, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          "sssssssssbss", id, awb_catalogue_get_id (catalogue),
                          awb_catalogue_get_version (catalogue), applicant, credit_code, app_type,
                          previous_certificate, previous_expiry, baseline_id, params->is_demo,
                          now, now) ||
      !_awb_record_log (db, "cases", id, id, actor, "create", "case", NULL, error))
    goto fail;

  if (leader != NULL && !add_member (db, id, leader, "leader", now, actor, error))
    goto fail;
  for (guint i = 0; i < evaluators->len; i++)
    if (!add_member (db, id, evaluators->pdata[i], "evaluator", now, actor, error))
      goto fail;

  if (baseline_id != NULL)
    for (guint i = 0; register_tables[i] != NULL; i++)
      if (!copy_rows (db, register_tables[i], baseline_id, id, now, actor, error))
        goto fail;

  if (!awb_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&id);

fail:
  awb_database_rollback (db);
  return NULL;
}

/* Every case, newest first (a model of AwbCase). */
GListModel *
awb_case_list (AwbDatabase *db,
               GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (AWB_TYPE_CASE);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  stmt = _awb_database_query (db, error, "SELECT id FROM cases ORDER BY created_at DESC, id",
                              NULL);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (ids, dup_column (stmt, 0));
  if (rc != SQLITE_DONE)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AwbCase) kase = load_case (db, ids->pdata[i], error);

      if (kase == NULL)
        return NULL;
      g_list_store_append (store, kase);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The case named by a full id or a unique prefix of at least 8 characters. */
AwbCase *
awb_case_lookup (AwbDatabase *db,
                 const char  *case_id,
                 GError     **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (id == NULL)
    return NULL;
  return load_case (db, id, error);
}

/* Moves the case forward to stage on on_date (NULL: today). Skipping stages
 * is allowed and closed is reachable from any stage; going back or staying
 * is refused. Stage moves are not locked by the panel. */
gboolean
awb_case_advance (AwbDatabase *db,
                  const char  *case_id,
                  const char  *stage,
                  const char  *on_date,
                  const char  *actor,
                  GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *today = awb_date_today_string ();
  g_autofree char *date = NULL;
  g_autofree char *now = NULL;
  g_autofree char *move_id = NULL;
  g_autoptr(AwbCase) kase = NULL;
  AwbStage to;
  const char *last_on = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  if (!awb_stage_from_string (stage, &to))
    {
      g_autofree char *all = join_names (stage_names, AWB_N_STAGES);

      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID, _("Unknown stage “%s”: give one of %s"),
                   stage != NULL ? stage : "", all);
      return FALSE;
    }
  date = g_strdup (on_date != NULL ? on_date : today);
  if (!awb_date_parse (date, NULL, error))
    return FALSE;
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Date %s is after today (%s): a stage move is recorded when it happens"),
                   date, today);
      return FALSE;
    }

  id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (id == NULL)
    return FALSE;
  if (actor == NULL)
    actor = awb_history_default_actor ();

  if (!awb_database_begin (db, error))
    return FALSE;

  kase = load_case (db, id, error);
  if (kase == NULL)
    goto fail;
  if (to == kase->stage)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Case %.8s (%s) is already at stage %s"), id, kase->applicant,
                   stage_names[to]);
      goto fail;
    }
  if (to < kase->stage)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Case %.8s (%s) is at stage %s and cannot go back to %s: stages move "
                     "forward only"), id, kase->applicant, stage_names[kase->stage],
                   stage_names[to]);
      goto fail;
    }
  if (kase->moves->len > 0)
    last_on = ((AwbStageMove *) kase->moves->pdata[kase->moves->len - 1])->on_date;
  if (last_on != NULL && strcmp (date, last_on) < 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Date %s is before the case's last stage move (%s): give a date on or "
                     "after it"), date, last_on);
      goto fail;
    }

  now = awb_timestamp_now ();
  move_id = g_uuid_string_random ();
  if (!_awb_record_update (db, "cases", id, id, actor, "advance", "case", error,
                           "UPDATE cases SET stage = ?, rev = rev + 1, updated_at = ? WHERE id = ?",
                           "sss", stage_names[to], now, id) ||
      !_awb_database_run (db, error,
                          "INSERT INTO stage_moves (id, case_id, from_stage, to_stage, on_date, "
                          "actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)", "sssssss", move_id, id,
                          stage_names[kase->stage], stage_names[to], date, actor, now) ||
      !_awb_record_log (db, "stage_moves", move_id, id, actor, "advance", "stage-move", NULL,
                        error))
    goto fail;

  return awb_database_commit (db, error);

fail:
  awb_database_rollback (db);
  return FALSE;
}

/* Ticks an item of the acceptance checklist (guide §5.2) with who and when.
 * Ticking a ticked item changes and records nothing. */
gboolean
awb_case_check (AwbDatabase *db,
                const char  *case_id,
                const char  *item,
                const char  *actor,
                GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autoptr(AwbCase) kase = NULL;
  g_autoptr(JsonNode) after = NULL;
  AwbCheck check;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  if (!awb_check_from_string (item, &check))
    {
      g_autofree char *all = join_names (check_names, AWB_N_CHECKS);

      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Unknown checklist item “%s”: give one of %s"), item != NULL ? item : "",
                   all);
      return FALSE;
    }
  id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (id == NULL)
    return FALSE;
  if (actor == NULL)
    actor = awb_history_default_actor ();

  if (!awb_database_begin (db, error))
    return FALSE;
  if (!_awb_case_require_unlocked (db, id, error) || (kase = load_case (db, id, error)) == NULL)
    goto fail;
  if (kase->checks[check].actor != NULL)
    {
      /* ticked already: the first tick, with its who and when, stands */
      awb_database_rollback (db);
      return TRUE;
    }

  now = awb_timestamp_now ();
  after = pair_json ("case_id", id, "item", check_names[check], "actor", actor, "at", now, NULL);
  if (!_awb_database_run (db, error,
                          "INSERT INTO checklist (case_id, item, actor, at) VALUES (?, ?, ?, ?)",
                          "ssss", id, check_names[check], actor, now) ||
      !touch_case (db, id, now, error) ||
      !awb_history_append (db, id, actor, "check", "checklist", check_names[check], NULL, after,
                           error))
    goto fail;

  return awb_database_commit (db, error);

fail:
  awb_database_rollback (db);
  return FALSE;
}

/* Sets (or corrects) one of the case's dates. Dates record what happened, so
 * none may lie after today except the panel's, which is scheduled ahead; and
 * they must keep their natural order (see date_order). Setting the date it
 * already has changes and records nothing. */
gboolean
awb_case_set_date (AwbDatabase *db,
                   const char  *case_id,
                   const char  *kind,
                   const char  *date,
                   const char  *actor,
                   GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *today = awb_date_today_string ();
  g_autoptr(AwbCase) kase = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  const char *dates[AWB_N_CASE_DATES];
  AwbCaseDate k;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  if (!awb_case_date_from_string (kind, &k))
    {
      g_autofree char *all = join_names (date_names, AWB_N_CASE_DATES);

      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Unknown date “%s”: give one of %s"), kind != NULL ? kind : "", all);
      return FALSE;
    }
  if (!awb_date_parse (date, NULL, error))
    return FALSE;
  if (k != AWB_CASE_DATE_PANEL && strcmp (date, today) > 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Date %s (%s) is after today (%s): record it when it has happened"),
                   date, date_names[k], today);
      return FALSE;
    }
  id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (id == NULL)
    return FALSE;
  if (actor == NULL)
    actor = awb_history_default_actor ();

  if (!awb_database_begin (db, error))
    return FALSE;
  if ((kase = load_case (db, id, error)) == NULL)
    goto fail;

  if (g_strcmp0 (kase->dates[k].date, date) == 0)
    {
      /* the date it already has: nothing changes, nothing is recorded */
      awb_database_rollback (db);
      return TRUE;
    }
  for (guint i = 0; i < AWB_N_CASE_DATES; i++)
    dates[i] = kase->dates[i].date;
  dates[k] = date;
  for (guint i = 0; i < G_N_ELEMENTS (date_order); i++)
    {
      const char *earlier = dates[date_order[i].earlier];
      const char *later = dates[date_order[i].later];

      if (earlier != NULL && later != NULL && strcmp (earlier, later) > 0 &&
          (date_order[i].earlier == k || date_order[i].later == k))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("Date %s (%s) would put %s (%s) after %s (%s): correct the other date "
                         "first if it is wrong"),
                       date, date_names[k], date_names[date_order[i].earlier], earlier,
                       date_names[date_order[i].later], later);
          goto fail;
        }
    }

  now = awb_timestamp_now ();
  if (kase->dates[k].date != NULL)
    before = pair_json ("case_id", id, "kind", date_names[k], "date", kase->dates[k].date,
                        "actor", kase->dates[k].actor, "at", kase->dates[k].at, NULL);
  after = pair_json ("case_id", id, "kind", date_names[k], "date", date, "actor", actor, "at", now,
                     NULL);
  if (!_awb_database_run (db, error,
                          "INSERT INTO case_dates (case_id, kind, date, actor, at) "
                          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, kind) DO UPDATE SET "
                          "date = excluded.date, actor = excluded.actor, at = excluded.at, "
                          "rev = rev + 1", "sssss", id, date_names[k], date, actor, now) ||
      !touch_case (db, id, now, error) ||
      !awb_history_append (db, id, actor, "set-date", "case-date", date_names[k], before, after,
                           error))
    goto fail;

  return awb_database_commit (db, error);

fail:
  awb_database_rollback (db);
  return FALSE;
}

static gboolean
clean_names (const char * const *names,
             GPtrArray          *out,
             GError            **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      char *name = clean_text (names[i]);

      if (name == NULL)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("An evaluator's name is empty: give a name"));
          return FALSE;
        }
      if (g_ptr_array_find_with_equal_func (out, name, g_str_equal, NULL))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID, _("Evaluator “%s” is named twice"),
                       name);
          g_free (name);
          return FALSE;
        }
      g_ptr_array_add (out, name);
    }
  return TRUE;
}

/* Changes the team in one step: a new leader (NULL: unchanged), evaluators
 * added and removed. Naming the current leader or an evaluator already in the
 * team changes nothing; removing someone who is not an evaluator is refused.
 * Refused while the case is with the panel. */
gboolean
awb_case_change_team (AwbDatabase        *db,
                      const char         *case_id,
                      const char         *leader,
                      const char * const *add_evaluators,
                      const char * const *remove_evaluators,
                      const char         *actor,
                      GError            **error)
{
  g_autofree char *id = NULL;
  g_autofree char *new_leader = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) add = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) remove = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AwbCase) kase = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  if (leader != NULL && (new_leader = clean_text (leader)) == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("The project leader's name is empty: give a name"));
      return FALSE;
    }
  if (!clean_names (add_evaluators, add, error) || !clean_names (remove_evaluators, remove, error))
    return FALSE;
  if (new_leader == NULL && add->len == 0 && remove->len == 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Nothing to change in the team: give a leader or evaluators to add or "
                     "remove"));
      return FALSE;
    }
  for (guint i = 0; i < add->len; i++)
    if (g_ptr_array_find_with_equal_func (remove, add->pdata[i], g_str_equal, NULL))
      {
        g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                     _("Evaluator “%s” is both added and removed"), (char *) add->pdata[i]);
        return FALSE;
      }

  id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (id == NULL)
    return FALSE;
  if (actor == NULL)
    actor = awb_history_default_actor ();

  if (!awb_database_begin (db, error))
    return FALSE;
  if (!_awb_case_require_unlocked (db, id, error) || (kase = load_case (db, id, error)) == NULL)
    goto fail;

  /* what is already so is left alone: only real changes are written */
  if (new_leader != NULL && g_strcmp0 (kase->leader, new_leader) == 0)
    g_clear_pointer (&new_leader, g_free);
  for (guint i = add->len; i > 0; i--)
    if (g_strv_contains ((const char * const *) kase->evaluators, add->pdata[i - 1]))
      g_ptr_array_remove_index (add, i - 1);
  for (guint i = 0; i < remove->len; i++)
    if (!g_strv_contains ((const char * const *) kase->evaluators, remove->pdata[i]))
      {
        g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                     _("“%s” is not an evaluator of case %.8s"), (char *) remove->pdata[i],
                     id);
        goto fail;
      }

  if (new_leader == NULL && add->len == 0 && remove->len == 0)
    {
      awb_database_rollback (db);
      return TRUE;
    }

  now = awb_timestamp_now ();
  if (new_leader != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *member_id = NULL;
      int rc;

      stmt = _awb_database_query (db, error, "SELECT id FROM team_members WHERE case_id = ? "
                                  "AND role = 'leader'", "s", id);
      if (stmt == NULL)
        goto fail;
      rc = _awb_database_step (db, stmt, error);
      if (rc == SQLITE_ROW)
        member_id = dup_column (stmt, 0);
      else if (rc != SQLITE_DONE)
        goto fail;

      if (member_id != NULL)
        {
          if (!_awb_record_update (db, "team_members", member_id, id, actor, "team",
                                   "team-member", error,
                                   "UPDATE team_members SET name = ?, rev = rev + 1 WHERE id = ?",
                                   "ss", new_leader, member_id))
            goto fail;
        }
      else if (!add_member (db, id, new_leader, "leader", now, actor, error))
        goto fail;
    }

  for (guint i = 0; i < remove->len; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(JsonNode) before = NULL;
      g_autofree char *member_id = NULL;

      stmt = _awb_database_query (db, error, "SELECT id FROM team_members WHERE case_id = ? "
                                  "AND role = 'evaluator' AND name = ?", "ss", id,
                                  remove->pdata[i]);
      if (stmt == NULL || _awb_database_step (db, stmt, error) != SQLITE_ROW)
        goto fail;
      member_id = dup_column (stmt, 0);
      if ((before = _awb_database_row_json (db, "team_members", "id", member_id, error)) == NULL ||
          !_awb_database_run (db, error, "DELETE FROM team_members WHERE id = ?", "s",
                              member_id) ||
          !awb_history_append (db, id, actor, "team", "team-member", member_id, before, NULL,
                               error))
        goto fail;
    }
  for (guint i = 0; i < add->len; i++)
    if (!add_member (db, id, add->pdata[i], "evaluator", now, actor, error))
      goto fail;

  if (!touch_case (db, id, now, error))
    goto fail;
  return awb_database_commit (db, error);

fail:
  awb_database_rollback (db);
  return FALSE;
}

/* Deletes a closed case whose retention has ended (any demo case at any
 * time): every record of it, its history too, leaving a tombstone so that the
 * deletion travels in packages. Refused while the case is with the panel. */
gboolean
awb_case_delete (AwbDatabase *db,
                 const char  *case_id,
                 GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autoptr(AwbCase) kase = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (id == NULL)
    return FALSE;

  if (!awb_database_begin (db, error))
    return FALSE;
  if (!_awb_case_require_unlocked (db, id, error) || (kase = load_case (db, id, error)) == NULL)
    goto fail;

  if (!kase->is_demo)
    {
      AwbCatalogue *catalogue;
      GDate end, today;
      g_autofree char *end_text = NULL;

      if (kase->stage != AWB_STAGE_CLOSED)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                       _("Case %.8s (%s) is at stage %s: only a closed case whose archive "
                         "retention has ended can be deleted"),
                       id, kase->applicant, stage_names[kase->stage]);
          goto fail;
        }
      catalogue = _awb_case_get_catalogue (db, id, error);
      if (catalogue == NULL)
        goto fail;
      if (!awb_case_get_retention_end (kase, awb_catalogue_get_rules (catalogue), &end))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                       _("Case %.8s (%s) is closed but its closing date is not recorded, so its "
                         "retention cannot be known: it is kept"), id, kase->applicant);
          goto fail;
        }
      awb_date_today (&today);
      if (g_date_compare (&today, &end) < 0)
        {
          end_text = awb_date_format (&end);
          g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                       _("Case %.8s (%s) must be kept until %s (%u years after it was closed on "
                         "%s): it cannot be deleted before"),
                       id, kase->applicant, end_text,
                       awb_catalogue_get_rules (catalogue)->retention_years,
                       awb_case_get_closed_on (kase));
          goto fail;
        }
    }

  now = awb_timestamp_now ();
  if (!_awb_database_run (db, error, "DELETE FROM cases WHERE id = ?", "s", id) ||
      !_awb_database_run (db, error, "DELETE FROM history WHERE case_id = ?", "s", id) ||
      !_awb_database_run (db, error, "DELETE FROM history_heads WHERE case_id = ?", "s", id) ||
      !_awb_database_run (db, error,
                          "INSERT INTO tombstones (entity, id, case_id, deleted_at) "
                          "VALUES ('case', ?1, ?1, ?2) ON CONFLICT (entity, id) DO UPDATE SET "
                          "deleted_at = excluded.deleted_at", "ss", id, now))
    goto fail;

  return awb_database_commit (db, error);

fail:
  awb_database_rollback (db);
  return FALSE;
}
