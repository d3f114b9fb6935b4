/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-finding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awb-dates.h"
#include "awb-enum-private.h"
#include "awb-error.h"
#include "awb-finding.h"
#include "awb-history.h"
#include "awb-record-private.h"

/* Findings: a nonconformity or an observation against one requirement, with
 * a rectification action and a due date. Their status moves forward only
 * (open → rectified → verified, skipping allowed): a rectification that turns
 * out not to hold is a new finding, so the record of what was accepted when
 * stays as it was. Status changes are the one change the expert panel's lock
 * lets through — the applicant keeps rectifying while the panel reviews. */

struct _AwbFinding
{
  GObject           parent_instance;

  char             *id;
  char             *case_id;
  char             *requirement_id;
  AwbFindingKind    kind;
  char             *text;
  char             *action;
  char             *due;
  AwbFindingStatus  status;
  char             *actor;
  char             *created_at;
  char             *updated_at;
  gint64            rev;
};

G_DEFINE_FINAL_TYPE (AwbFinding, awb_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_REQUIREMENT_ID,
  PROP_KIND,
  PROP_TEXT,
  PROP_ACTION,
  PROP_DUE,
  PROP_STATUS,
  PROP_ACTOR,
  PROP_REV,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[AWB_N_FINDING_KINDS] = { "nonconformity", "observation" };
static const char * const status_names[AWB_N_FINDING_STATUSES] = {
  "open", "rectified", "verified"
};

#define FINDING_COLUMNS "id, case_id, requirement_id, kind, text, action, due, status, actor, " \
                        "created_at, updated_at, rev"

static AwbFinding *
finding_new_from_row (sqlite3_stmt *stmt)
{
  AwbFinding *self = g_object_new (AWB_TYPE_FINDING, NULL);

  self->id = g_strdup (_awb_column_text (stmt, 0));
  self->case_id = g_strdup (_awb_column_text (stmt, 1));
  self->requirement_id = g_strdup (_awb_column_text (stmt, 2));
  awb_finding_kind_from_string (_awb_column_text (stmt, 3), &self->kind);
  self->text = g_strdup (_awb_column_text (stmt, 4));
  self->action = g_strdup (_awb_column_text (stmt, 5));
  self->due = g_strdup (_awb_column_text (stmt, 6));
  awb_finding_status_from_string (_awb_column_text (stmt, 7), &self->status);
  self->actor = g_strdup (_awb_column_text (stmt, 8));
  self->created_at = g_strdup (_awb_column_text (stmt, 9));
  self->updated_at = g_strdup (_awb_column_text (stmt, 10));
  self->rev = sqlite3_column_int64 (stmt, 11);
  return self;
}

/* The stored finding, or NULL with error set. */
static AwbFinding *
load (AwbDatabase *db,
      const char  *finding_id,
      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error, "SELECT " FINDING_COLUMNS " FROM findings WHERE id = ?",
                              "s", finding_id);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No finding “%s”"), finding_id);
  if (rc != SQLITE_ROW)
    return NULL;
  return finding_new_from_row (stmt);
}

static gboolean
check_text (const char *text,
            GError    **error)
{
  if (_awb_text_is_blank (text))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("A finding needs a text saying what was found (“%s” is empty)"),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

/* A due date is optional; a blank one means none. */
static gboolean
check_due (const char *due,
           GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (_awb_text_is_blank (due))
    return TRUE;
  if (!awb_date_parse (due, NULL, &local_error))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID, _("Due date: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* NULL for a blank optional value, else the value without surrounding spaces. */
static char *
optional (const char *text)
{
  return _awb_text_is_blank (text) ? NULL : _awb_strip_dup (text);
}

static void
awb_finding_finalize (GObject *object)
{
  AwbFinding *self = (AwbFinding *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_free (self->requirement_id);
  g_free (self->text);
  g_free (self->action);
  g_free (self->due);
  g_free (self->actor);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (awb_finding_parent_class)->finalize (object);
}

static void
awb_finding_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AwbFinding *self = AWB_FINDING (object);

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
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_finding_class_init (AwbFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awb_finding_finalize;
  object_class->get_property = awb_finding_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CASE_ID] = g_param_spec_string ("case-id", NULL, NULL, NULL, flags);
  properties[PROP_REQUIREMENT_ID] =
    g_param_spec_string ("requirement-id", NULL, NULL, NULL, flags);
  /* an AwbFindingKind */
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, AWB_N_FINDING_KINDS - 1, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, flags);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  /* an AwbFindingStatus */
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, AWB_N_FINDING_STATUSES - 1, 0, flags);
  properties[PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, flags);
  properties[PROP_REV] = g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awb_finding_init (AwbFinding *self)
{
}

const char *
awb_finding_kind_to_string (AwbFindingKind kind)
{
  g_return_val_if_fail (kind < AWB_N_FINDING_KINDS, NULL);
  return kind_names[kind];
}

gboolean
awb_finding_kind_from_string (const char     *text,
                              AwbFindingKind *out)
{
  guint i;

  if (!_awb_enum_from_string (kind_names, AWB_N_FINDING_KINDS, text, &i))
    return FALSE;
  *out = (AwbFindingKind) i;
  return TRUE;
}

const char *
awb_finding_kind_label (AwbFindingKind kind)
{
  switch (kind)
    {
    case AWB_FINDING_NONCONFORMITY:
      return _("Nonconformity");
    case AWB_FINDING_OBSERVATION:
      return _("Observation");
    case AWB_N_FINDING_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
awb_finding_status_to_string (AwbFindingStatus status)
{
  g_return_val_if_fail (status < AWB_N_FINDING_STATUSES, NULL);
  return status_names[status];
}

gboolean
awb_finding_status_from_string (const char       *text,
                                AwbFindingStatus *out)
{
  guint i;

  if (!_awb_enum_from_string (status_names, AWB_N_FINDING_STATUSES, text, &i))
    return FALSE;
  *out = (AwbFindingStatus) i;
  return TRUE;
}

const char *
awb_finding_status_label (AwbFindingStatus status)
{
  switch (status)
    {
    case AWB_FINDING_OPEN:
      return _("Open");
    case AWB_FINDING_RECTIFIED:
      return _("Rectified");
    case AWB_FINDING_VERIFIED:
      return _("Verified");
    case AWB_N_FINDING_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
awb_finding_get_id (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), NULL);
  return self->id;
}

const char *
awb_finding_get_case_id (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), NULL);
  return self->case_id;
}

const char *
awb_finding_get_requirement_id (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), NULL);
  return self->requirement_id;
}

AwbFindingKind
awb_finding_get_kind (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), AWB_FINDING_NONCONFORMITY);
  return self->kind;
}

const char *
awb_finding_get_text (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), NULL);
  return self->text;
}

/* The rectification action; NULL when none was given. */
const char *
awb_finding_get_action (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), NULL);
  return self->action;
}

/* The due date (YYYY-MM-DD); NULL when none was given. */
const char *
awb_finding_get_due (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), NULL);
  return self->due;
}

AwbFindingStatus
awb_finding_get_status (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), AWB_FINDING_OPEN);
  return self->status;
}

/* Who recorded the finding. */
const char *
awb_finding_get_actor (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), NULL);
  return self->actor;
}

const char *
awb_finding_get_created_at (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), NULL);
  return self->created_at;
}

const char *
awb_finding_get_updated_at (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), NULL);
  return self->updated_at;
}

gint64
awb_finding_get_rev (AwbFinding *self)
{
  g_return_val_if_fail (AWB_IS_FINDING (self), 0);
  return self->rev;
}

/* Still open after its due date has passed on date (the due day itself is not overdue). */
gboolean
awb_finding_is_overdue_on (AwbFinding  *self,
                           const GDate *date)
{
  GDate due;

  g_return_val_if_fail (AWB_IS_FINDING (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (self->status != AWB_FINDING_OPEN || self->due == NULL)
    return FALSE;
  if (!awb_date_parse (self->due, &due, NULL))
    return FALSE;
  return g_date_compare (&due, date) < 0;
}

/* Overdue today ($AWB_TODAY when set). */
gboolean
awb_finding_is_overdue (AwbFinding *self)
{
  GDate today;

  awb_date_today (&today);
  return awb_finding_is_overdue_on (self, &today);
}

char *
awb_finding_add (AwbDatabase    *db,
                 const char     *case_id,
                 const char     *requirement_id,
                 AwbFindingKind  kind,
                 const char     *text,
                 const char     *action,
                 const char     *due,
                 const char     *actor,
                 GError        **error)
{
  g_autofree char *cid = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean_text = NULL;
  g_autofree char *clean_action = NULL;
  g_autofree char *clean_due = NULL;
  AwbRequirement *req;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind < AWB_N_FINDING_KINDS, NULL);

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL)
    return NULL;
  req = _awb_case_lookup_requirement (db, cid, requirement_id, error);
  if (req == NULL || !check_text (text, error) || !check_due (due, error))
    return NULL;

  clean_text = _awb_strip_dup (text);
  clean_action = optional (action);
  clean_due = optional (due);
  if (actor == NULL)
    actor = awb_history_default_actor ();
  id = g_uuid_string_random ();
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return NULL;
  ok = _awb_case_require_unlocked (db, cid, error) &&
       _awb_database_run (db, error,
                          "INSERT INTO findings (id, case_id, requirement_id, kind, text, action, "
                          "due, actor, created_at, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          "ssssssssss", id, cid, awb_requirement_get_id (req),
                          awb_finding_kind_to_string (kind), clean_text, clean_action, clean_due,
                          actor, now, now) &&
       _awb_record_log (db, "findings", id, cid, actor, "add", "finding", NULL, error);
  if (!_awb_action_finish (db, ok, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* The same status again changes nothing; a step back is refused. */
gboolean
awb_finding_set_status (AwbDatabase      *db,
                        const char       *finding_id,
                        AwbFindingStatus  status,
                        const char       *actor,
                        GError          **error)
{
  g_autofree char *fid = NULL;
  g_autofree char *now = NULL;
  g_autoptr(AwbFinding) finding = NULL;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (status < AWB_N_FINDING_STATUSES, FALSE);

  fid = _awb_resolve_id (db, "findings", finding_id, _("finding"), error);
  if (fid == NULL)
    return FALSE;
  if (actor == NULL)
    actor = awb_history_default_actor ();
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return FALSE;
  /* read inside the transaction, so the step checked is the step taken */
  finding = load (db, fid, error);
  if (finding == NULL)
    return _awb_action_finish (db, FALSE, error);
  if (finding->status == status)
    return _awb_action_finish (db, TRUE, error);
  if (status < finding->status)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Finding %.8s is already %s and cannot go back to %s: a status moves "
                     "forward only (open → rectified → verified). If the rectification did not "
                     "hold, record a new finding."),
                   fid, awb_finding_status_to_string (finding->status),
                   awb_finding_status_to_string (status));
      return _awb_action_finish (db, FALSE, error);
    }

  /* no panel-lock check: the status is what the lock lets through */
  ok = _awb_record_update (db, "findings", fid, finding->case_id, actor, "set-status", "finding",
                           error,
                           "UPDATE findings SET status = ?, updated_at = ?, rev = rev + 1 "
                           "WHERE id = ?",
                           "sss", awb_finding_status_to_string (status), now, fid);
  return _awb_action_finish (db, ok, error);
}

gboolean
awb_finding_update (AwbDatabase *db,
                    const char  *finding_id,
                    const char  *text,
                    const char  *action,
                    const char  *due,
                    const char  *actor,
                    GError     **error)
{
  g_autofree char *fid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean_text = NULL;
  g_autofree char *clean_action = NULL;
  g_autofree char *clean_due = NULL;
  g_autoptr(AwbFinding) finding = NULL;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  fid = _awb_resolve_id (db, "findings", finding_id, _("finding"), error);
  if (fid == NULL || !check_text (text, error) || !check_due (due, error))
    return FALSE;
  clean_text = _awb_strip_dup (text);
  clean_action = optional (action);
  clean_due = optional (due);
  if (actor == NULL)
    actor = awb_history_default_actor ();
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return FALSE;
  finding = load (db, fid, error);
  ok = finding != NULL && _awb_case_require_unlocked (db, finding->case_id, error);
  if (ok && g_strcmp0 (finding->text, clean_text) == 0 &&
      g_strcmp0 (finding->action, clean_action) == 0 && g_strcmp0 (finding->due, clean_due) == 0)
    return _awb_action_finish (db, TRUE, error);
  ok = ok && _awb_record_update (db, "findings", fid, finding->case_id, actor, "update", "finding",
                                 error,
                                 "UPDATE findings SET text = ?, action = ?, due = ?, "
                                 "updated_at = ?, rev = rev + 1 WHERE id = ?",
                                 "sssss", clean_text, clean_action, clean_due, now, fid);
  return _awb_action_finish (db, ok, error);
}

gboolean
awb_finding_remove (AwbDatabase *db,
                    const char  *finding_id,
                    const char  *actor,
                    GError     **error)
{
  return _awb_record_remove (db, "findings", "finding", finding_id, _("finding"), actor, error);
}

AwbFinding *
awb_finding_get (AwbDatabase *db,
                 const char  *finding_id,
                 GError     **error)
{
  g_autofree char *fid = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  fid = _awb_resolve_id (db, "findings", finding_id, _("finding"), error);
  if (fid == NULL)
    return NULL;
  return load (db, fid, error);
}

GListModel *
awb_finding_list (AwbDatabase *db,
                  const char  *case_id,
                  const char  *requirement_id,
                  GError     **error)
{
  g_autofree char *cid = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL)
    return NULL;
  if (requirement_id != NULL)
    {
      AwbRequirement *req = _awb_case_lookup_requirement (db, cid, requirement_id, error);

      if (req == NULL)
        return NULL;
      stmt = _awb_database_query (db, error,
                                  "SELECT " FINDING_COLUMNS " FROM findings "
                                  "WHERE case_id = ? AND requirement_id = ? "
                                  "ORDER BY created_at, id",
                                  "ss", cid, awb_requirement_get_id (req));
    }
  else
    stmt = _awb_database_query (db, error,
                                "SELECT " FINDING_COLUMNS " FROM findings WHERE case_id = ? "
                                "ORDER BY created_at, id",
                                "s", cid);
  if (stmt == NULL)
    return NULL;
  return _awb_record_list (db, stmt, AWB_TYPE_FINDING, (AwbRecordFromRow) finding_new_from_row,
                           error);
}
