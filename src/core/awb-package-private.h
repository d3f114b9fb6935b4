/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "awb-database-private.h"
#include "awb-merge.h"
#include "awb-package.h"

G_BEGIN_DECLS

/* Shared by awb-package.c (the file), awb-merge.c (records and conflicts) and
 * awb-bundle.c. The tables below are format version 1 (package-1.sql). */

/* The schema name under which a package is attached to the database's connection. */
#define AWB_PACKAGE_SCHEMA "awbpkg"

typedef enum
{
  AWB_COLUMN_PLAIN    = 0,
  AWB_COLUMN_IDENTITY = 1 << 0,  /* the row's own id where the merge key is a natural key */
  AWB_COLUMN_VOLATILE = 1 << 1,  /* timestamps, revs, actors, computed values: never conflict */
  AWB_COLUMN_MEMBER   = 1 << 2,  /* a panel member's id: matched by the member's name */
  AWB_COLUMN_CASE     = 1 << 3,  /* the case id */
  AWB_COLUMN_PARENT   = 1 << 4,  /* a child row's parent id */
} AwbColumnFlags;

typedef struct
{
  const char     *name;
  AwbColumnFlags  flags;
} AwbPackageColumn;

/* Rows kept with their parent record (an evidence item's links and attachments). */
typedef struct
{
  const char             *table;
  const char             *order;    /* ORDER BY of the rows in a record's JSON */
  const AwbPackageColumn *columns;  /* NULL-terminated by name */
} AwbPackageChild;

/* One merge entity: a record table of a case. */
typedef struct
{
  const char             *table;
  const char             *key;        /* the merge key, an SQL expression over t (and m) */
  gboolean                member_join; /* m: the row's panel member, for key */
  const char             *id_column;  /* the record's own id column, or NULL */
  const char             *case_column;
  const char             *stamp;      /* the column that orders versions of equal content */
  gboolean                has_rev;
  const AwbPackageColumn *columns;    /* NULL-terminated by name */
  const AwbPackageChild  *children;   /* NULL-terminated by table, or NULL */
} AwbPackageEntity;

/* In the order parents before children; NULL-terminated by table. */
extern const AwbPackageEntity _awb_package_entities[];

const AwbPackageEntity *_awb_package_entity_lookup (const char *table);

/* Registers awb_hash() and awb_hash_set() on a connection. */
gboolean  _awb_package_register_functions (sqlite3  *db,
                                           GError  **error);

/* The SHA-256 that stands for a record deleted after it had version last. */
char     *_awb_merge_deleted_version (const char *entity,
                                      const char *key,
                                      const char *last);

/* Brings merge_versions of the case up to what the database holds now. */
gboolean  _awb_merge_sync       (AwbDatabase *db,
                                 const char  *case_id,
                                 GError     **error);
/* Merges the attached package's case into the database's: inside the
 * caller's transaction, with the package attached as AWB_PACKAGE_SCHEMA. */
gboolean  _awb_merge_package    (AwbDatabase     *db,
                                 const char      *case_id,
                                 const char      *package_name,
                                 AwbImportResult *result,
                                 GError         **error);

/* The record as JSON (columns, children, "member" for panel rows) in *out,
 * NULL when the schema (main or AWB_PACKAGE_SCHEMA) holds none with that key. */
gboolean  _awb_merge_record_json (AwbDatabase            *db,
                                  const char             *schema,
                                  const AwbPackageEntity *entity,
                                  const char             *case_id,
                                  const char             *key,
                                  JsonNode              **out,
                                  GError                **error);

AwbMergeChange *_awb_merge_change_new (const char *entity,
                                       const char *record_id,
                                       const char *change);

G_END_DECLS
