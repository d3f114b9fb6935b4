/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awb-database.h"

G_BEGIN_DECLS

#define AWB_TYPE_PROJECT (awb_project_get_type ())
G_DECLARE_FINAL_TYPE (AwbProject, awb_project, AWB, PROJECT, GObject)

const char *awb_project_get_id         (AwbProject *self);
const char *awb_project_get_case_id    (AwbProject *self);
const char *awb_project_get_client     (AwbProject *self);
const char *awb_project_get_service    (AwbProject *self);
const char *awb_project_get_from       (AwbProject *self);
const char *awb_project_get_to         (AwbProject *self);
gboolean    awb_project_get_accepted   (AwbProject *self);
const char *awb_project_get_created_at (AwbProject *self);
const char *awb_project_get_updated_at (AwbProject *self);
gint64      awb_project_get_rev        (AwbProject *self);

/* Adds a project to the case's register of past projects; to must not be
 * before from. Returns the entry's id. */
char       *awb_project_add    (AwbDatabase *db,
                                const char  *case_id,
                                const char  *client,
                                const char  *service,
                                const char  *from,
                                const char  *to,
                                gboolean     accepted,
                                const char  *actor,
                                GError     **error);
/* Replaces every field of a project entry. */
gboolean    awb_project_update (AwbDatabase *db,
                                const char  *project_id,
                                const char  *client,
                                const char  *service,
                                const char  *from,
                                const char  *to,
                                gboolean     accepted,
                                const char  *actor,
                                GError     **error);
gboolean    awb_project_remove (AwbDatabase *db,
                                const char  *project_id,
                                const char  *actor,
                                GError     **error);
AwbProject *awb_project_get    (AwbDatabase *db,
                                const char  *project_id,
                                GError     **error);
/* The case's project register, latest end date first, as AwbProject. */
GListModel *awb_project_list   (AwbDatabase *db,
                                const char  *case_id,
                                GError     **error);

G_END_DECLS
