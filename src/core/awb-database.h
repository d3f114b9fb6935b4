/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define AWB_SCHEMA_VERSION 2
/* PRAGMA application_id of a workbench database: "AWB1" */
#define AWB_APPLICATION_ID 0x41574231

#define AWB_TYPE_DATABASE (awb_database_get_type ())
G_DECLARE_FINAL_TYPE (AwbDatabase, awb_database, AWB, DATABASE, GObject)

char        *awb_database_default_path (void);
AwbDatabase *awb_database_open         (const char  *path,
                                        GError     **error);
const char  *awb_database_get_path     (AwbDatabase *self);
int          awb_database_get_schema_version (AwbDatabase *self);

gboolean     awb_database_begin        (AwbDatabase *self,
                                        GError     **error);
gboolean     awb_database_commit       (AwbDatabase *self,
                                        GError     **error);
void         awb_database_rollback     (AwbDatabase *self);
gboolean     awb_database_in_transaction (AwbDatabase *self);

G_END_DECLS
