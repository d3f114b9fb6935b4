/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "awb-database.h"

G_BEGIN_DECLS

/* Merging a package into a case: records are unioned by their merge key; a
 * record changed on one side only since the two last shared it takes that
 * side; changed on both, it becomes a conflict, which a person resolves by
 * choosing a side. See docs/package-format.md, "Merging". */

typedef enum
{
  AWB_CONFLICT_MINE,    /* keep this database's record */
  AWB_CONFLICT_THEIRS,  /* take the package's */
} AwbConflictSide;

gboolean awb_conflict_side_from_string (const char      *text,
                                        AwbConflictSide *out);

/* One record changed on both sides. mine/theirs are the record as JSON, or
 * NULL when that side deleted it. */
typedef struct
{
  char     *id;
  char     *case_id;
  char     *entity;     /* the record's table: "ratings", "evidence" … */
  char     *key;        /* its merge key: its id, or a natural key (a requirement id) */
  char     *record_id;  /* its id (the key for case_dates and checklist) */
  JsonNode *mine;
  char     *mine_actor;
  char     *mine_at;
  JsonNode *theirs;
  char     *theirs_actor;
  char     *theirs_at;
  char     *package;    /* the file name of the package it came from */
  char     *detected_at;
} AwbConflict;

void      awb_conflict_free            (AwbConflict       *conflict);
JsonNode *awb_conflict_to_json         (const AwbConflict *conflict);
/* The fields whose values differ between the two sides (timestamps, revs
 * and computed values left out), NULL-terminated; empty when one side
 * deleted the record. */
GStrv     awb_conflict_get_differences (const AwbConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbConflict, awb_conflict_free)

/* One record that an import added, updated or removed. */
typedef struct
{
  char *entity;
  char *record_id;
  char *change;  /* "added", "updated", "removed" */
} AwbMergeChange;

void awb_merge_change_free (AwbMergeChange *change);

/* What awb_package_import did. */
typedef struct
{
  char      *case_id;
  char      *applicant;
  char      *package;    /* the package's file name */
  gboolean   created;    /* the case was new to this database */
  guint      n_added;
  guint      n_updated;
  guint      n_removed;
  guint      n_history;  /* history entries brought in */
  GPtrArray *changes;    /* AwbMergeChange* of a merge (empty for a new case) */
  GPtrArray *conflicts;  /* AwbConflict*: the case's open conflicts after the import */
  guint      n_new_conflicts;
} AwbImportResult;

void      awb_import_result_free    (AwbImportResult *result);
JsonNode *awb_import_result_to_json (AwbImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbImportResult, awb_import_result_free)

/* The open conflicts of case_id (full id or prefix), oldest first. */
GPtrArray   *awb_conflict_list    (AwbDatabase     *db,
                                   const char      *case_id,
                                   GError         **error);
AwbConflict *awb_conflict_lookup  (AwbDatabase     *db,
                                   const char      *conflict_id,
                                   GError         **error);
/* Resolves the conflict (full id or prefix) by choosing a side; the choice
 * is recorded in the case's history. */
gboolean     awb_conflict_resolve (AwbDatabase     *db,
                                   const char      *conflict_id,
                                   AwbConflictSide  side,
                                   const char      *actor,
                                   GError         **error);

G_END_DECLS
