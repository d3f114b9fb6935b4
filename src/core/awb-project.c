/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awb-dates.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-project.h"
#include "awb-record-private.h"

/* The project register of a case: the applicant's past projects with their
 * period and whether the client accepted the result, behind requirement
 * 3.2.6-2 (no failed acceptance in cloud security services in the last three
 * years). The register keeps every project it is given; which ones fall in the
 * three years is the judgement's business. */

struct _AwbProject
{
  GObject   parent_instance;

  char     *id;
  char     *case_id;
  char     *client;
  char     *service;
  char     *from;
  char     *to;
  gboolean  accepted;
  char     *created_at;
  char     *updated_at;
  gint64    rev;
};

G_DEFINE_FINAL_TYPE (AwbProject, awb_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_CLIENT,
  PROP_SERVICE,
  PROP_FROM,
  PROP_TO,
  PROP_ACCEPTED,
  PROP_REV,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PROJECT_COLUMNS "id, case_id, client, service, from_date, to_date, accepted, " \
                        "created_at, updated_at, rev"

static AwbProject *
project_new_from_row (sqlite3_stmt *stmt)
{
  AwbProject *self = g_object_new (AWB_TYPE_PROJECT, NULL);

  self->id = g_strdup (_awb_column_text (stmt, 0));
  self->case_id = g_strdup (_awb_column_text (stmt, 1));
  self->client = g_strdup (_awb_column_text (stmt, 2));
  self->service = g_strdup (_awb_column_text (stmt, 3));
  self->from = g_strdup (_awb_column_text (stmt, 4));
  self->to = g_strdup (_awb_column_text (stmt, 5));
  self->accepted = sqlite3_column_int (stmt, 6) != 0;
  self->created_at = g_strdup (_awb_column_text (stmt, 7));
  self->updated_at = g_strdup (_awb_column_text (stmt, 8));
  self->rev = sqlite3_column_int64 (stmt, 9);
  return self;
}

static AwbProject *
load (AwbDatabase *db,
      const char  *project_id,
      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error, "SELECT " PROJECT_COLUMNS " FROM projects WHERE id = ?",
                              "s", project_id);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No project “%s”"), project_id);
  if (rc != SQLITE_ROW)
    return NULL;
  return project_new_from_row (stmt);
}

static gboolean
check_fields (const char *client,
              const char *service,
              const char *from,
              const char *to,
              GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate from_date, to_date;

  if (_awb_text_is_blank (client))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("A project needs the client's name (“%s” is empty)"),
                   client != NULL ? client : "");
      return FALSE;
    }
  if (_awb_text_is_blank (service))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Project for %s: say which service was delivered (“%s” is empty)"),
                   client, service != NULL ? service : "");
      return FALSE;
    }
  if (!awb_date_parse (from, &from_date, &local_error))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID, _("Project for %s: start: %s"), client,
                   local_error->message);
      return FALSE;
    }
  if (!awb_date_parse (to, &to_date, &local_error))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID, _("Project for %s: end: %s"), client,
                   local_error->message);
      return FALSE;
    }
  if (g_date_compare (&to_date, &from_date) < 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Project for %s ends on %s, before it starts on %s; check the two dates"),
                   client, to, from);
      return FALSE;
    }
  return TRUE;
}

static void
awb_project_finalize (GObject *object)
{
  AwbProject *self = (AwbProject *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_free (self->client);
  g_free (self->service);
  g_free (self->from);
  g_free (self->to);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (awb_project_parent_class)->finalize (object);
}

static void
awb_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AwbProject *self = AWB_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_CLIENT:
      g_value_set_string (value, self->client);
      break;
    case PROP_SERVICE:
      g_value_set_string (value, self->service);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_TO:
      g_value_set_string (value, self->to);
      break;
    case PROP_ACCEPTED:
      g_value_set_boolean (value, self->accepted);
      break;
    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_project_class_init (AwbProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awb_project_finalize;
  object_class->get_property = awb_project_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CASE_ID] = g_param_spec_string ("case-id", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT] = g_param_spec_string ("client", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE] = g_param_spec_string ("service", NULL, NULL, NULL, flags);
  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, flags);
  properties[PROP_TO] = g_param_spec_string ("to", NULL, NULL, NULL, flags);
  properties[PROP_ACCEPTED] = g_param_spec_boolean ("accepted", NULL, NULL, FALSE, flags);
  properties[PROP_REV] = g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awb_project_init (AwbProject *self)
{
}

const char *
awb_project_get_id (AwbProject *self)
{
  g_return_val_if_fail (AWB_IS_PROJECT (self), NULL);
  return self->id;
}

const char *
awb_project_get_case_id (AwbProject *self)
{
  g_return_val_if_fail (AWB_IS_PROJECT (self), NULL);
  return self->case_id;
}

const char *
awb_project_get_client (AwbProject *self)
{
  g_return_val_if_fail (AWB_IS_PROJECT (self), NULL);
  return self->client;
}

const char *
awb_project_get_service (AwbProject *self)
{
  g_return_val_if_fail (AWB_IS_PROJECT (self), NULL);
  return self->service;
}

/* The first day of the project (YYYY-MM-DD). */
const char *
awb_project_get_from (AwbProject *self)
{
  g_return_val_if_fail (AWB_IS_PROJECT (self), NULL);
  return self->from;
}

/* The last day of the project (YYYY-MM-DD). */
const char *
awb_project_get_to (AwbProject *self)
{
  g_return_val_if_fail (AWB_IS_PROJECT (self), NULL);
  return self->to;
}

/* Whether the client accepted the result (FALSE: the acceptance failed). */
gboolean
awb_project_get_accepted (AwbProject *self)
{
  g_return_val_if_fail (AWB_IS_PROJECT (self), FALSE);
  return self->accepted;
}

const char *
awb_project_get_created_at (AwbProject *self)
{
  g_return_val_if_fail (AWB_IS_PROJECT (self), NULL);
  return self->created_at;
}

const char *
awb_project_get_updated_at (AwbProject *self)
{
  g_return_val_if_fail (AWB_IS_PROJECT (self), NULL);
  return self->updated_at;
}

gint64
awb_project_get_rev (AwbProject *self)
{
  g_return_val_if_fail (AWB_IS_PROJECT (self), 0);
  return self->rev;
}

char *
awb_project_add (AwbDatabase *db,
                 const char  *case_id,
                 const char  *client,
                 const char  *service,
                 const char  *from,
                 const char  *to,
                 gboolean     accepted,
                 const char  *actor,
                 GError     **error)
{
  g_autofree char *cid = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean_client = NULL;
  g_autofree char *clean_service = NULL;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL || !check_fields (client, service, from, to, error))
    return NULL;
  clean_client = _awb_strip_dup (client);
  clean_service = _awb_strip_dup (service);
  if (actor == NULL)
    actor = awb_history_default_actor ();
  id = g_uuid_string_random ();
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return NULL;
  ok = _awb_case_require_unlocked (db, cid, error) &&
       _awb_database_run (db, error,
                          "INSERT INTO projects (id, case_id, client, service, from_date, "
                          "to_date, accepted, created_at, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          "ssssssbss", id, cid, clean_client, clean_service, from, to, accepted,
                          now, now) &&
       _awb_record_log (db, "projects", id, cid, actor, "add", "project", NULL, error);
  if (!_awb_action_finish (db, ok, error))
    return NULL;
  return g_steal_pointer (&id);
}

gboolean
awb_project_update (AwbDatabase *db,
                    const char  *project_id,
                    const char  *client,
                    const char  *service,
                    const char  *from,
                    const char  *to,
                    gboolean     accepted,
                    const char  *actor,
                    GError     **error)
{
  g_autofree char *pid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean_client = NULL;
  g_autofree char *clean_service = NULL;
  g_autoptr(AwbProject) project = NULL;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  pid = _awb_resolve_id (db, "projects", project_id, _("project"), error);
  if (pid == NULL || !check_fields (client, service, from, to, error))
    return FALSE;
  clean_client = _awb_strip_dup (client);
  clean_service = _awb_strip_dup (service);
  if (actor == NULL)
    actor = awb_history_default_actor ();
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return FALSE;
  project = load (db, pid, error);
  ok = project != NULL && _awb_case_require_unlocked (db, project->case_id, error);
  if (ok && g_str_equal (project->client, clean_client) &&
      g_str_equal (project->service, clean_service) && g_str_equal (project->from, from) &&
      g_str_equal (project->to, to) && project->accepted == !!accepted)
    return _awb_action_finish (db, TRUE, error);
  ok = ok && _awb_record_update (db, "projects", pid, project->case_id, actor, "update", "project",
                                 error,
                                 "UPDATE projects SET client = ?, service = ?, from_date = ?, "
                                 "to_date = ?, accepted = ?, updated_at = ?, rev = rev + 1 "
                                 "WHERE id = ?",
                                 "ssssbss", clean_client, clean_service, from, to, accepted, now,
                                 pid);
  return _awb_action_finish (db, ok, error);
}

gboolean
awb_project_remove (AwbDatabase *db,
                    const char  *project_id,
                    const char  *actor,
                    GError     **error)
{
  return _awb_record_remove (db, "projects", "project", project_id, _("project"), actor, error);
}

AwbProject *
awb_project_get (AwbDatabase *db,
                 const char  *project_id,
                 GError     **error)
{
  g_autofree char *pid = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  pid = _awb_resolve_id (db, "projects", project_id, _("project"), error);
  if (pid == NULL)
    return NULL;
  return load (db, pid, error);
}

GListModel *
awb_project_list (AwbDatabase *db,
                  const char  *case_id,
                  GError     **error)
{
  g_autofree char *cid = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL)
    return NULL;
  stmt = _awb_database_query (db, error,
                              "SELECT " PROJECT_COLUMNS " FROM projects WHERE case_id = ? "
                              "ORDER BY to_date DESC, from_date DESC, client, id",
                              "s", cid);
  if (stmt == NULL)
    return NULL;
  return _awb_record_list (db, stmt, AWB_TYPE_PROJECT, (AwbRecordFromRow) project_new_from_row,
                           error);
}
