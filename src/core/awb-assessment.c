/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awb-assessment.h"
#include "awb-dates.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-record-private.h"

/* Ratings: one per (case, requirement). Rating again replaces the rating in
 * place (same id, rev bumped) and the history keeps the earlier one as its
 * "before"; clearing deletes the row and leaves a tombstone. An AwbAssessment
 * is what a reader gets: a requirement's rating, or "unrated". */

struct _AwbAssessment
{
  GObject    parent_instance;

  char      *id;
  char      *case_id;
  char      *requirement_id;
  AwbRating  rating;
  char      *rationale;
  char      *actor;
  char      *at;
  gint64     rev;
};

G_DEFINE_FINAL_TYPE (AwbAssessment, awb_assessment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_REQUIREMENT_ID,
  PROP_RATING,
  PROP_RATIONALE,
  PROP_ACTOR,
  PROP_AT,
  PROP_REV,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define RATING_COLUMNS "id, case_id, requirement_id, rating, rationale, actor, at, rev"

static AwbAssessment *
assessment_new_unrated (const char *case_id,
                        const char *requirement_id)
{
  AwbAssessment *self = g_object_new (AWB_TYPE_ASSESSMENT, NULL);

  self->case_id = g_strdup (case_id);
  self->requirement_id = g_strdup (requirement_id);
  return self;
}

/* from a row of "SELECT " RATING_COLUMNS */
static AwbAssessment *
assessment_new_from_row (sqlite3_stmt *stmt)
{
  AwbAssessment *self = assessment_new_unrated (_awb_column_text (stmt, 1),
                                                _awb_column_text (stmt, 2));

  self->id = g_strdup (_awb_column_text (stmt, 0));
  if (!awb_rating_from_string (_awb_column_text (stmt, 3), &self->rating))
    self->rating = AWB_RATING_UNRATED;
  g_free (self->rationale);
  self->rationale = g_strdup (_awb_column_text (stmt, 4));
  self->actor = g_strdup (_awb_column_text (stmt, 5));
  self->at = g_strdup (_awb_column_text (stmt, 6));
  self->rev = sqlite3_column_int64 (stmt, 7);
  return self;
}

/* Resolves the case and checks the requirement against its catalogue. */
static char *
resolve (AwbDatabase     *db,
         const char      *case_id,
         const char      *requirement_id,
         AwbRequirement **out_requirement,
         GError         **error)
{
  g_autofree char *cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  AwbRequirement *req;

  if (cid == NULL)
    return NULL;
  req = _awb_case_lookup_requirement (db, cid, requirement_id, error);
  if (req == NULL)
    return NULL;
  if (out_requirement != NULL)
    *out_requirement = req;
  return g_steal_pointer (&cid);
}

/* The stored rating's id, or NULL (error unset) when there is none. */
static char *
find_rating_id (AwbDatabase *db,
                const char  *case_id,
                const char  *requirement_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _awb_database_query (db, error,
                              "SELECT id FROM ratings WHERE case_id = ? AND requirement_id = ?",
                              "ss", case_id, requirement_id);
  if (stmt == NULL)
    return NULL;
  if (_awb_database_step (db, stmt, error) != SQLITE_ROW)
    return NULL;
  return g_strdup (_awb_column_text (stmt, 0));
}

static void
awb_assessment_finalize (GObject *object)
{
  AwbAssessment *self = (AwbAssessment *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_free (self->requirement_id);
  g_free (self->rationale);
  g_free (self->actor);
  g_free (self->at);

  G_OBJECT_CLASS (awb_assessment_parent_class)->finalize (object);
}

static void
awb_assessment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AwbAssessment *self = AWB_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_REQUIREMENT_ID:
      g_value_set_string (value, self->requirement_id);
      break;
    case PROP_RATING:
      g_value_set_uint (value, self->rating);
      break;
    case PROP_RATIONALE:
      g_value_set_string (value, self->rationale);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_AT:
      g_value_set_string (value, self->at);
      break;
    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_assessment_class_init (AwbAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awb_assessment_finalize;
  object_class->get_property = awb_assessment_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CASE_ID] = g_param_spec_string ("case-id", NULL, NULL, NULL, flags);
  properties[PROP_REQUIREMENT_ID] =
    g_param_spec_string ("requirement-id", NULL, NULL, NULL, flags);
  /* an AwbRating */
  properties[PROP_RATING] =
    g_param_spec_uint ("rating", NULL, NULL, 0, AWB_N_RATINGS - 1, AWB_RATING_UNRATED, flags);
  properties[PROP_RATIONALE] = g_param_spec_string ("rationale", NULL, NULL, "", flags);
  properties[PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, flags);
  properties[PROP_AT] = g_param_spec_string ("at", NULL, NULL, NULL, flags);
  properties[PROP_REV] = g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awb_assessment_init (AwbAssessment *self)
{
  self->rating = AWB_RATING_UNRATED;
  self->rationale = g_strdup ("");
}

/* The rating's id; NULL while unrated. */
const char *
awb_assessment_get_id (AwbAssessment *self)
{
  g_return_val_if_fail (AWB_IS_ASSESSMENT (self), NULL);
  return self->id;
}

const char *
awb_assessment_get_case_id (AwbAssessment *self)
{
  g_return_val_if_fail (AWB_IS_ASSESSMENT (self), NULL);
  return self->case_id;
}

const char *
awb_assessment_get_requirement_id (AwbAssessment *self)
{
  g_return_val_if_fail (AWB_IS_ASSESSMENT (self), NULL);
  return self->requirement_id;
}

AwbRating
awb_assessment_get_rating (AwbAssessment *self)
{
  g_return_val_if_fail (AWB_IS_ASSESSMENT (self), AWB_RATING_UNRATED);
  return self->rating;
}

/* The rationale ("" when none was given). */
const char *
awb_assessment_get_rationale (AwbAssessment *self)
{
  g_return_val_if_fail (AWB_IS_ASSESSMENT (self), NULL);
  return self->rationale;
}

/* Who rated; NULL while unrated. */
const char *
awb_assessment_get_actor (AwbAssessment *self)
{
  g_return_val_if_fail (AWB_IS_ASSESSMENT (self), NULL);
  return self->actor;
}

/* When it was rated (UTC timestamp); NULL while unrated. */
const char *
awb_assessment_get_at (AwbAssessment *self)
{
  g_return_val_if_fail (AWB_IS_ASSESSMENT (self), NULL);
  return self->at;
}

/* The rating's revision (1 when first given); 0 while unrated. */
gint64
awb_assessment_get_rev (AwbAssessment *self)
{
  g_return_val_if_fail (AWB_IS_ASSESSMENT (self), 0);
  return self->rev;
}

/* Rates a requirement of a case. not-applicable needs a non-blank rationale and
 * a requirement the catalogue lets be not applicable. Rating again with the
 * same rating and rationale changes nothing. */
gboolean
awb_rating_set (AwbDatabase *db,
                const char  *case_id,
                const char  *requirement_id,
                AwbRating    rating,
                const char  *rationale,
                const char  *actor,
                GError     **error)
{
  g_autofree char *cid = NULL;
  g_autofree char *why = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *now = NULL;
  g_autoptr(JsonNode) before = NULL;
  AwbRequirement *req = NULL;
  const char *name;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rating < AWB_N_RATINGS, FALSE);

  if (rating == AWB_RATING_UNRATED)
    return awb_rating_clear (db, case_id, requirement_id, actor, error);

  cid = resolve (db, case_id, requirement_id, &req, error);
  if (cid == NULL)
    return FALSE;
  requirement_id = awb_requirement_get_id (req);
  name = awb_rating_to_string (rating);
  why = _awb_strip_dup (rationale != NULL ? rationale : "");

  if (rating == AWB_RATING_NOT_APPLICABLE)
    {
      if (!awb_requirement_get_na_allowed (req))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                       _("Requirement %s cannot be rated not-applicable: the catalogue "
                         "requires it of every applicant. Rate it conformant, largely or "
                         "nonconformant."), requirement_id);
          return FALSE;
        }
      if (_awb_text_is_blank (why))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                       _("Requirement %s cannot be rated not-applicable without a written "
                         "justification: give the reason as the rationale "
                         "(awb rate … --rationale TEXT)."), requirement_id);
          return FALSE;
        }
    }

  if (actor == NULL)
    actor = awb_history_default_actor ();
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return FALSE;
  ok = _awb_case_require_unlocked (db, cid, error);
  if (ok)
    {
      g_autoptr(GError) local_error = NULL;

      rid = find_rating_id (db, cid, requirement_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  if (ok && rid != NULL)
    {
      JsonObject *old;

      before = _awb_database_row_json (db, "ratings", "id", rid, error);
      ok = before != NULL;
      old = ok ? json_node_get_object (before) : NULL;
      if (ok && g_strcmp0 (json_object_get_string_member (old, "rating"), name) == 0 &&
          g_strcmp0 (json_object_get_string_member (old, "rationale"), why) == 0)
        /* the same rating again: nothing to record */
        return _awb_action_finish (db, TRUE, error);
      ok = ok && _awb_database_run (db, error,
                                    "UPDATE ratings SET rating = ?, rationale = ?, actor = ?, "
                                    "at = ?, rev = rev + 1 WHERE id = ?",
                                    "sssss", name, why, actor, now, rid);
    }
  else if (ok)
    {
      rid = g_uuid_string_random ();
      ok = _awb_database_run (db, error,
                              "INSERT INTO ratings (id, case_id, requirement_id, rating, "
                              "rationale, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              "sssssss", rid, cid, requirement_id, name, why, actor, now);
    }
  ok = ok && _awb_record_log (db, "ratings", rid, cid, actor, "rate", "rating", before, error);
  return _awb_action_finish (db, ok, error);
}

/* Clears a requirement's rating; clearing an unrated requirement changes nothing. */
gboolean
awb_rating_clear (AwbDatabase *db,
                  const char  *case_id,
                  const char  *requirement_id,
                  const char  *actor,
                  GError     **error)
{
  g_autofree char *cid = NULL;
  g_autofree char *rid = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(GError) local_error = NULL;
  AwbRequirement *req = NULL;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  cid = resolve (db, case_id, requirement_id, &req, error);
  if (cid == NULL)
    return FALSE;
  requirement_id = awb_requirement_get_id (req);
  if (actor == NULL)
    actor = awb_history_default_actor ();

  if (!awb_database_begin (db, error))
    return FALSE;
  ok = _awb_case_require_unlocked (db, cid, error);
  if (ok)
    {
      rid = find_rating_id (db, cid, requirement_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
      else if (rid == NULL)
        return _awb_action_finish (db, TRUE, error);
    }
  if (ok)
    {
      before = _awb_database_row_json (db, "ratings", "id", rid, error);
      ok = before != NULL;
    }
  ok = ok && _awb_database_run (db, error, "DELETE FROM ratings WHERE id = ?", "s", rid);
  ok = ok && _awb_tombstone_add (db, "ratings", rid, cid, error);
  ok = ok && awb_history_append (db, cid, actor, "unrate", "rating", rid, before, NULL, error);
  return _awb_action_finish (db, ok, error);
}

AwbAssessment *
awb_rating_get (AwbDatabase *db,
                const char  *case_id,
                const char  *requirement_id,
                GError     **error)
{
  g_autofree char *cid = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AwbRequirement *req = NULL;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  cid = resolve (db, case_id, requirement_id, &req, error);
  if (cid == NULL)
    return NULL;
  stmt = _awb_database_query (db, error,
                              "SELECT " RATING_COLUMNS " FROM ratings "
                              "WHERE case_id = ? AND requirement_id = ?",
                              "ss", cid, awb_requirement_get_id (req));
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return assessment_new_from_row (stmt);
  if (rc == SQLITE_DONE)
    return assessment_new_unrated (cid, awb_requirement_get_id (req));
  return NULL;
}

GListModel *
awb_rating_list (AwbDatabase *db,
                 const char  *case_id,
                 GError     **error)
{
  g_autofree char *cid = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) rated = NULL;
  g_autoptr(GListStore) store = NULL;
  AwbCatalogue *cat;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL)
    return NULL;
  cat = _awb_case_get_catalogue (db, cid, error);
  if (cat == NULL)
    return NULL;

  rated = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  stmt = _awb_database_query (db, error,
                              "SELECT " RATING_COLUMNS " FROM ratings WHERE case_id = ?", "s", cid);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      AwbAssessment *a = assessment_new_from_row (stmt);
      g_hash_table_replace (rated, a->requirement_id, a);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  store = g_list_store_new (AWB_TYPE_ASSESSMENT);
  for (guint i = 0; i < awb_catalogue_get_n_requirements (cat); i++)
    {
      const char *req_id = awb_requirement_get_id (awb_catalogue_get_requirement (cat, i));
      AwbAssessment *a = g_hash_table_lookup (rated, req_id);

      if (a != NULL)
        g_list_store_append (store, a);
      else
        {
          g_autoptr(AwbAssessment) unrated = assessment_new_unrated (cid, req_id);
          g_list_store_append (store, unrated);
        }
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
