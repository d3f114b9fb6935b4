/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "awb-database.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Only the core talks SQL; these are for its own files. */
sqlite3      *_awb_database_get_handle (AwbDatabase *self);

/* Prepares sql and binds the arguments described by types, one character per
 * "?": 's' text (NULL binds NULL), 'i' gint64, 'b' gboolean (as int), 'n' NULL. */
sqlite3_stmt *_awb_database_query      (AwbDatabase *self,
                                        GError     **error,
                                        const char  *sql,
                                        const char  *types,
                                        ...);
/* Runs a statement that returns no rows. */
gboolean      _awb_database_run        (AwbDatabase *self,
                                        GError     **error,
                                        const char  *sql,
                                        const char  *types,
                                        ...);
/* _awb_database_run with the arguments as a va_list. */
gboolean      _awb_database_run_valist (AwbDatabase *self,
                                        GError     **error,
                                        const char  *sql,
                                        const char  *types,
                                        va_list      args);
/* Steps a statement from _awb_database_query: SQLITE_ROW or SQLITE_DONE, else sets error. */
int           _awb_database_step       (AwbDatabase   *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
gboolean      _awb_database_fail       (AwbDatabase *self,
                                        GError     **error,
                                        const char  *what);
/* A row of table as a JSON object (column → value), or NULL when there is none.
 * table must be one of the record tables. */
JsonNode     *_awb_database_row_json   (AwbDatabase *self,
                                        const char  *table,
                                        const char  *key_column,
                                        const char  *key,
                                        GError     **error);
char         *_awb_json_to_string      (JsonNode *node);
const char   *_awb_column_text         (sqlite3_stmt *stmt,
                                        int           column);

G_END_DECLS
