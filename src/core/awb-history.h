/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "awb-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  seq;
  char   *id;
  char   *case_id;
  char   *at;
  char   *actor;
  char   *action;
  char   *entity;
  char   *entity_id;
  char   *before;  /* JSON text or NULL */
  char   *after;   /* JSON text or NULL */
  char   *hash;
  char   *prev_hash;
} AwbHistoryEntry;

void        awb_history_entry_free (AwbHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbHistoryEntry, awb_history_entry_free)

const char *awb_history_default_actor (void);

gboolean    awb_history_append (AwbDatabase *db,
                                const char  *case_id,
                                const char  *actor,
                                const char  *action,
                                const char  *entity,
                                const char  *entity_id,
                                JsonNode    *before,
                                JsonNode    *after,
                                GError     **error);
GPtrArray  *awb_history_list   (AwbDatabase *db,
                                const char  *case_id,
                                gboolean     newest_first,
                                GError     **error);
/* The history of the case named by its full id or a unique prefix of it. */
GPtrArray  *awb_history_list_for_case (AwbDatabase *db,
                                       const char  *case_id_or_prefix,
                                       gboolean     newest_first,
                                       GError     **error);
gboolean    awb_history_verify (AwbDatabase *db,
                                const char  *case_id,
                                GPtrArray   *problems,
                                GError     **error);

G_END_DECLS
