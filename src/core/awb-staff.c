/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awb-dates.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-record-private.h"
#include "awb-staff.h"

/* The staff register of a case: the people behind requirement 3.2.3-5 (at
 * least four full-time registered professionals). A certificate is valid up to
 * and including its valid-until day, and one certificate number appears once
 * per case, so that nobody is counted twice. */

struct _AwbStaff
{
  GObject   parent_instance;

  char     *id;
  char     *case_id;
  char     *name;
  gboolean  full_time;
  char     *cert_kind;
  char     *cert_no;
  char     *valid_until;
  char     *created_at;
  char     *updated_at;
  gint64    rev;
};

G_DEFINE_FINAL_TYPE (AwbStaff, awb_staff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_NAME,
  PROP_FULL_TIME,
  PROP_CERT_KIND,
  PROP_CERT_NO,
  PROP_VALID_UNTIL,
  PROP_REV,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define STAFF_COLUMNS "id, case_id, name, full_time, cert_kind, cert_no, valid_until, " \
                      "created_at, updated_at, rev"

static AwbStaff *
staff_new_from_row (sqlite3_stmt *stmt)
{
  AwbStaff *self = g_object_new (AWB_TYPE_STAFF, NULL);

  self->id = g_strdup (_awb_column_text (stmt, 0));
  self->case_id = g_strdup (_awb_column_text (stmt, 1));
  self->name = g_strdup (_awb_column_text (stmt, 2));
  self->full_time = sqlite3_column_int (stmt, 3) != 0;
  self->cert_kind = g_strdup (_awb_column_text (stmt, 4));
  self->cert_no = g_strdup (_awb_column_text (stmt, 5));
  self->valid_until = g_strdup (_awb_column_text (stmt, 6));
  self->created_at = g_strdup (_awb_column_text (stmt, 7));
  self->updated_at = g_strdup (_awb_column_text (stmt, 8));
  self->rev = sqlite3_column_int64 (stmt, 9);
  return self;
}

static AwbStaff *
load (AwbDatabase *db,
      const char  *staff_id,
      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error, "SELECT " STAFF_COLUMNS " FROM staff WHERE id = ?",
                              "s", staff_id);
  if (stmt == NULL)
    return NULL;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND, _("No staff entry “%s”"), staff_id);
  if (rc != SQLITE_ROW)
    return NULL;
  return staff_new_from_row (stmt);
}

/* Everything that can be checked without the database. */
static gboolean
check_fields (const char *name,
              const char *cert_kind,
              const char *cert_no,
              const char *valid_until,
              GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (_awb_text_is_blank (name))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("A staff entry needs the person's name (“%s” is empty)"),
                   name != NULL ? name : "");
      return FALSE;
    }
  if (!_awb_check_name (_("staff member's name"), name, error))
    return FALSE;
  if (_awb_text_is_blank (cert_kind))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Staff entry for %s: the certificate kind “%s” is empty (leave it out "
                     "for %s)"), name, cert_kind, AWB_STAFF_DEFAULT_CERT_KIND);
      return FALSE;
    }
  if (_awb_text_is_blank (cert_no))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Staff entry for %s: the certificate number “%s” is empty; give the "
                     "number printed on the certificate"), name, cert_no != NULL ? cert_no : "");
      return FALSE;
    }
  if (!awb_date_parse (valid_until, NULL, &local_error))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Staff entry for %s: valid-until: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Refuses a certificate number already in the case's register (but for self_id). */
static gboolean
check_unique (AwbDatabase *db,
              const char  *case_id,
              const char  *self_id,
              const char  *cert_no,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT name FROM staff WHERE case_id = ? AND id IS NOT ? "
                              "AND upper(cert_no) = upper(?) LIMIT 1",
                              "sss", case_id, self_id, cert_no);
  if (stmt == NULL)
    return FALSE;
  rc = _awb_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
                   _("Certificate number %s is already in this case's staff register (%s): "
                     "each certificate counts once"), cert_no, _awb_column_text (stmt, 0));
      return FALSE;
    }
  return rc == SQLITE_DONE;
}

static void
awb_staff_finalize (GObject *object)
{
  AwbStaff *self = (AwbStaff *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_free (self->name);
  g_free (self->cert_kind);
  g_free (self->cert_no);
  g_free (self->valid_until);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (awb_staff_parent_class)->finalize (object);
}

static void
awb_staff_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AwbStaff *self = AWB_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_FULL_TIME:
      g_value_set_boolean (value, self->full_time);
      break;
    case PROP_CERT_KIND:
      g_value_set_string (value, self->cert_kind);
      break;
    case PROP_CERT_NO:
      g_value_set_string (value, self->cert_no);
      break;
    case PROP_VALID_UNTIL:
      g_value_set_string (value, self->valid_until);
      break;
    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_staff_class_init (AwbStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awb_staff_finalize;
  object_class->get_property = awb_staff_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CASE_ID] = g_param_spec_string ("case-id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_FULL_TIME] = g_param_spec_boolean ("full-time", NULL, NULL, FALSE, flags);
  properties[PROP_CERT_KIND] = g_param_spec_string ("cert-kind", NULL, NULL, NULL, flags);
  properties[PROP_CERT_NO] = g_param_spec_string ("cert-no", NULL, NULL, NULL, flags);
  properties[PROP_VALID_UNTIL] = g_param_spec_string ("valid-until", NULL, NULL, NULL, flags);
  properties[PROP_REV] = g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awb_staff_init (AwbStaff *self)
{
}

const char *
awb_staff_get_id (AwbStaff *self)
{
  g_return_val_if_fail (AWB_IS_STAFF (self), NULL);
  return self->id;
}

const char *
awb_staff_get_case_id (AwbStaff *self)
{
  g_return_val_if_fail (AWB_IS_STAFF (self), NULL);
  return self->case_id;
}

const char *
awb_staff_get_name (AwbStaff *self)
{
  g_return_val_if_fail (AWB_IS_STAFF (self), NULL);
  return self->name;
}

gboolean
awb_staff_get_full_time (AwbStaff *self)
{
  g_return_val_if_fail (AWB_IS_STAFF (self), FALSE);
  return self->full_time;
}

const char *
awb_staff_get_cert_kind (AwbStaff *self)
{
  g_return_val_if_fail (AWB_IS_STAFF (self), NULL);
  return self->cert_kind;
}

const char *
awb_staff_get_cert_no (AwbStaff *self)
{
  g_return_val_if_fail (AWB_IS_STAFF (self), NULL);
  return self->cert_no;
}

/* The last day the certificate is valid (YYYY-MM-DD). */
const char *
awb_staff_get_valid_until (AwbStaff *self)
{
  g_return_val_if_fail (AWB_IS_STAFF (self), NULL);
  return self->valid_until;
}

const char *
awb_staff_get_created_at (AwbStaff *self)
{
  g_return_val_if_fail (AWB_IS_STAFF (self), NULL);
  return self->created_at;
}

const char *
awb_staff_get_updated_at (AwbStaff *self)
{
  g_return_val_if_fail (AWB_IS_STAFF (self), NULL);
  return self->updated_at;
}

gint64
awb_staff_get_rev (AwbStaff *self)
{
  g_return_val_if_fail (AWB_IS_STAFF (self), 0);
  return self->rev;
}

/* Whether the certificate is valid on date (valid-until is inclusive). */
gboolean
awb_staff_is_valid_on (AwbStaff    *self,
                       const GDate *date)
{
  GDate until;

  g_return_val_if_fail (AWB_IS_STAFF (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!awb_date_parse (self->valid_until, &until, NULL))
    return FALSE;
  return g_date_compare (date, &until) <= 0;
}

char *
awb_staff_add (AwbDatabase *db,
               const char  *case_id,
               const char  *name,
               gboolean     full_time,
               const char  *cert_kind,
               const char  *cert_no,
               const char  *valid_until,
               const char  *actor,
               GError     **error)
{
  g_autofree char *cid = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_kind = NULL;
  g_autofree char *clean_no = NULL;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  if (cert_kind == NULL)
    cert_kind = AWB_STAFF_DEFAULT_CERT_KIND;
  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL || !check_fields (name, cert_kind, cert_no, valid_until, error))
    return NULL;
  clean_name = _awb_strip_dup (name);
  clean_kind = _awb_strip_dup (cert_kind);
  clean_no = _awb_strip_dup (cert_no);
  if (actor == NULL)
    actor = awb_history_default_actor ();
  id = g_uuid_string_random ();
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return NULL;
  ok = _awb_case_require_unlocked (db, cid, error) &&
       check_unique (db, cid, NULL, clean_no, error) &&
       _awb_database_run (db, error,
                          "INSERT INTO staff (id, case_id, name, full_time, cert_kind, cert_no, "
                          "valid_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          "sssbsssss", id, cid, clean_name, full_time, clean_kind, clean_no,
                          valid_until, now, now) &&
       _awb_record_log (db, "staff", id, cid, actor, "add", "staff", NULL, error);
  if (!_awb_action_finish (db, ok, error))
    return NULL;
  return g_steal_pointer (&id);
}

gboolean
awb_staff_update (AwbDatabase *db,
                  const char  *staff_id,
                  const char  *name,
                  gboolean     full_time,
                  const char  *cert_kind,
                  const char  *cert_no,
                  const char  *valid_until,
                  const char  *actor,
                  GError     **error)
{
  g_autofree char *sid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_kind = NULL;
  g_autofree char *clean_no = NULL;
  g_autoptr(AwbStaff) staff = NULL;
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);

  if (cert_kind == NULL)
    cert_kind = AWB_STAFF_DEFAULT_CERT_KIND;
  sid = _awb_resolve_id (db, "staff", staff_id, _("staff entry"), error);
  if (sid == NULL || !check_fields (name, cert_kind, cert_no, valid_until, error))
    return FALSE;
  clean_name = _awb_strip_dup (name);
  clean_kind = _awb_strip_dup (cert_kind);
  clean_no = _awb_strip_dup (cert_no);
  if (actor == NULL)
    actor = awb_history_default_actor ();
  now = awb_timestamp_now ();

  if (!awb_database_begin (db, error))
    return FALSE;
  staff = load (db, sid, error);
  ok = staff != NULL && _awb_case_require_unlocked (db, staff->case_id, error) &&
       check_unique (db, staff->case_id, sid, clean_no, error);
  if (ok && g_str_equal (staff->name, clean_name) && staff->full_time == !!full_time &&
      g_str_equal (staff->cert_kind, clean_kind) && g_str_equal (staff->cert_no, clean_no) &&
      g_str_equal (staff->valid_until, valid_until))
    return _awb_action_finish (db, TRUE, error);
  ok = ok && _awb_record_update (db, "staff", sid, staff->case_id, actor, "update", "staff", error,
                                 "UPDATE staff SET name = ?, full_time = ?, cert_kind = ?, "
                                 "cert_no = ?, valid_until = ?, updated_at = ?, rev = rev + 1 "
                                 "WHERE id = ?",
                                 "sbsssss", clean_name, full_time, clean_kind, clean_no,
                                 valid_until, now, sid);
  return _awb_action_finish (db, ok, error);
}

gboolean
awb_staff_remove (AwbDatabase *db,
                  const char  *staff_id,
                  const char  *actor,
                  GError     **error)
{
  return _awb_record_remove (db, "staff", "staff", staff_id, _("staff entry"), actor, error);
}

AwbStaff *
awb_staff_get (AwbDatabase *db,
               const char  *staff_id,
               GError     **error)
{
  g_autofree char *sid = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  sid = _awb_resolve_id (db, "staff", staff_id, _("staff entry"), error);
  if (sid == NULL)
    return NULL;
  return load (db, sid, error);
}

GListModel *
awb_staff_list (AwbDatabase *db,
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
                              "SELECT " STAFF_COLUMNS " FROM staff WHERE case_id = ? "
                              "ORDER BY name, created_at, id",
                              "s", cid);
  if (stmt == NULL)
    return NULL;
  return _awb_record_list (db, stmt, AWB_TYPE_STAFF, (AwbRecordFromRow) staff_new_from_row,
                           error);
}
