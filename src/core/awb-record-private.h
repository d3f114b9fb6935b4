/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awb-catalogue.h"
#include "awb-database-private.h"

G_BEGIN_DECLS

/* Shared by every record module of the core (cases, evidence, ratings …). */

/* The shortest id prefix a person may type. */
#define AWB_MIN_ID_PREFIX 8

/* Resolves a full id or a unique prefix of at least 8 characters in table
 * (whose key column is "id"). what names the record in messages ("case",
 * "evidence item"). Returns the full id. */
char         *_awb_resolve_id              (AwbDatabase *db,
                                            const char  *table,
                                            const char  *id_or_prefix,
                                            const char  *what,
                                            GError     **error);
/* Refuses (AWB_ERROR_LOCKED) while the case is with the expert panel. */
gboolean      _awb_case_require_unlocked   (AwbDatabase *db,
                                            const char  *case_id,
                                            GError     **error);
/* The catalogue (id and version) the case is assessed against. Borrowed. */
AwbCatalogue *_awb_case_get_catalogue      (AwbDatabase *db,
                                            const char  *case_id,
                                            GError     **error);
/* Refuses a requirement id that the case's catalogue does not have. */
AwbRequirement *_awb_case_lookup_requirement (AwbDatabase *db,
                                              const char  *case_id,
                                              const char  *requirement_id,
                                              GError     **error);

/* Ends an action's transaction: commits when ok, else rolls back. Returns
 * TRUE only when the action was committed. */
gboolean      _awb_action_finish           (AwbDatabase *db,
                                            gboolean     ok,
                                            GError     **error);
/* Records in tombstones that a record of table was deleted, so that the
 * deletion travels in a package instead of the record coming back. */
gboolean      _awb_tombstone_add           (AwbDatabase *db,
                                            const char  *table,
                                            const char  *id,
                                            const char  *case_id,
                                            GError     **error);
/* text without surrounding white space (NULL stays NULL). */
char         *_awb_strip_dup               (const char  *text);
/* TRUE when text is NULL or only white space. */
gboolean      _awb_text_is_blank           (const char  *text);

/* Refuses (AWB_ERROR_INVALID) a name holding a control character (Unicode Cc);
 * what names the field ("applicant's name"). Text must be valid UTF-8. */
gboolean      _awb_check_name              (const char  *what,
                                            const char  *text,
                                            GError     **error);

/* Ends a write to the row of table with this id: reads the row as it now is
 * and appends it to the case's history as action on entity, after before
 * (NULL when the action added the row). */
gboolean      _awb_record_log              (AwbDatabase *db,
                                            const char  *table,
                                            const char  *id,
                                            const char  *case_id,
                                            const char  *actor,
                                            const char  *action,
                                            const char  *entity,
                                            JsonNode    *before,
                                            GError     **error);
/* Changes the row of table with this id by sql (an UPDATE taking the
 * arguments described by types, as _awb_database_run does) inside the
 * action's transaction: reads the row before, writes, and logs the change as
 * _awb_record_log does. */
gboolean      _awb_record_update           (AwbDatabase *db,
                                            const char  *table,
                                            const char  *id,
                                            const char  *case_id,
                                            const char  *actor,
                                            const char  *action,
                                            const char  *entity,
                                            GError     **error,
                                            const char  *sql,
                                            const char  *types,
                                            ...);

/* Makes one record object of type from the current row of a query. */
typedef gpointer (*AwbRecordFromRow) (sqlite3_stmt *stmt);
/* Steps stmt through all its rows into a model of item_type, one object a
 * row made by from_row; NULL with error set when a step fails. */
GListModel   *_awb_record_list             (AwbDatabase      *db,
                                            sqlite3_stmt     *stmt,
                                            GType             item_type,
                                            AwbRecordFromRow  from_row,
                                            GError          **error);

/* Removes one record of a simple record table (one with id and case_id): the
 * panel lock, the row's last state into history, a tombstone, one transaction.
 * entity names it in history ("staff"); what names it in messages. */
gboolean      _awb_record_remove           (AwbDatabase *db,
                                            const char  *table,
                                            const char  *entity,
                                            const char  *id_or_prefix,
                                            const char  *what,
                                            const char  *actor,
                                            GError     **error);

/* Adds the member name to b: the string value, or null when value is NULL. */
void          _awb_json_add_string         (JsonBuilder *b,
                                            const char  *name,
                                            const char  *value);

G_END_DECLS
