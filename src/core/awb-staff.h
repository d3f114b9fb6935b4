/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awb-database.h"

G_BEGIN_DECLS

/* The certificate kind a staff entry has unless told otherwise. */
#define AWB_STAFF_DEFAULT_CERT_KIND "CISP"

#define AWB_TYPE_STAFF (awb_staff_get_type ())
G_DECLARE_FINAL_TYPE (AwbStaff, awb_staff, AWB, STAFF, GObject)

const char *awb_staff_get_id          (AwbStaff *self);
const char *awb_staff_get_case_id     (AwbStaff *self);
const char *awb_staff_get_name        (AwbStaff *self);
gboolean    awb_staff_get_full_time   (AwbStaff *self);
const char *awb_staff_get_cert_kind   (AwbStaff *self);
const char *awb_staff_get_cert_no     (AwbStaff *self);
const char *awb_staff_get_valid_until (AwbStaff *self);
const char *awb_staff_get_created_at  (AwbStaff *self);
const char *awb_staff_get_updated_at  (AwbStaff *self);
gint64      awb_staff_get_rev         (AwbStaff *self);
gboolean    awb_staff_is_valid_on     (AwbStaff    *self,
                                       const GDate *date);

/* Adds a person to the case's staff register; cert_kind NULL means CISP.
 * Returns the entry's id. */
char       *awb_staff_add    (AwbDatabase *db,
                              const char  *case_id,
                              const char  *name,
                              gboolean     full_time,
                              const char  *cert_kind,
                              const char  *cert_no,
                              const char  *valid_until,
                              const char  *actor,
                              GError     **error);
/* Replaces every field of a staff entry. */
gboolean    awb_staff_update (AwbDatabase *db,
                              const char  *staff_id,
                              const char  *name,
                              gboolean     full_time,
                              const char  *cert_kind,
                              const char  *cert_no,
                              const char  *valid_until,
                              const char  *actor,
                              GError     **error);
gboolean    awb_staff_remove (AwbDatabase *db,
                              const char  *staff_id,
                              const char  *actor,
                              GError     **error);
AwbStaff   *awb_staff_get    (AwbDatabase *db,
                              const char  *staff_id,
                              GError     **error);
/* The case's staff register by name, as AwbStaff. */
GListModel *awb_staff_list   (AwbDatabase *db,
                              const char  *case_id,
                              GError     **error);

G_END_DECLS
