/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "awb-database.h"
#include "awb-merge.h"

G_BEGIN_DECLS

/* Case packages (.awbcase): one SQLite file holding one case with everything
 * in it, for carrying a case between evaluators' laptops. Importing into a
 * database that lacks the case recreates it; where it exists, a merge. The
 * format is described in docs/package-format.md. */

/* PRAGMA application_id of a package: "AWBP" */
#define AWB_PACKAGE_APPLICATION_ID 0x41574250
/* PRAGMA user_version of the packages this version writes and the newest it reads */
#define AWB_PACKAGE_FORMAT_VERSION 1

typedef enum
{
  AWB_PACKAGE_NONE  = 0,
  AWB_PACKAGE_FORCE = 1 << 0,  /* replace an existing file (otherwise refused) */
} AwbPackageFlags;

/* What awb_package_export wrote. */
typedef struct
{
  char    *path;
  char    *case_id;
  char    *applicant;
  guint    n_records;      /* record rows of every table */
  guint    n_attachments;  /* distinct attached files */
  guint    n_history;      /* history entries */
  goffset  size;           /* bytes */
} AwbPackageSummary;

void               awb_package_summary_free    (AwbPackageSummary *summary);
JsonNode          *awb_package_summary_to_json (AwbPackageSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbPackageSummary, awb_package_summary_free)

/* Writes case_id (a full id or a unique prefix) with its attachments to path. */
AwbPackageSummary *awb_package_export (AwbDatabase      *db,
                                       const char       *case_id,
                                       const char       *path,
                                       AwbPackageFlags   flags,
                                       GError          **error);
/* Imports the package at path in one transaction: a new case, or a merge
 * into the case of the same id. Refused, with nothing written, for a file
 * that is not a package, a truncated or altered one, a newer format, another
 * catalogue, or attachment bytes that do not match their SHA-256. */
AwbImportResult   *awb_package_import (AwbDatabase      *db,
                                       const char       *path,
                                       GError          **error);

/* The same in a worker thread on its own connection to db's file. */
void               awb_package_export_async  (AwbDatabase          *db,
                                              const char           *case_id,
                                              const char           *path,
                                              AwbPackageFlags       flags,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
AwbPackageSummary *awb_package_export_finish (GAsyncResult         *result,
                                              GError              **error);
void               awb_package_import_async  (AwbDatabase          *db,
                                              const char           *path,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
AwbImportResult   *awb_package_import_finish (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
