/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "awb-database.h"

G_BEGIN_DECLS

/* The evidence bundle for the expert panel: the workbook, every attachment
 * under a readable name and SHA256SUMS (checked with `sha256sum -c`), as a
 * folder or, for a target ending in .zip, a ZIP file. See
 * docs/package-format.md, "The evidence bundle". */

typedef enum
{
  AWB_BUNDLE_NONE  = 0,
  AWB_BUNDLE_FORCE = 1 << 0,  /* replace an existing bundle folder or file */
} AwbBundleFlags;

typedef struct
{
  char      *path;
  char      *case_id;
  gboolean   zip;
  GPtrArray *files;        /* relative paths (char*) in SHA256SUMS order */
  guint      n_attachments;
  goffset    size;         /* bytes of every file, SHA256SUMS included */
} AwbBundleResult;

void             awb_bundle_result_free    (AwbBundleResult *result);
JsonNode        *awb_bundle_result_to_json (AwbBundleResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbBundleResult, awb_bundle_result_free)

/* Writes the bundle of case_id (a full id or a unique prefix) to target, a
 * folder, or a ZIP file when target ends in .zip. */
AwbBundleResult *awb_bundle_export (AwbDatabase     *db,
                                    const char      *case_id,
                                    const char      *target,
                                    AwbBundleFlags   flags,
                                    GError         **error);

G_END_DECLS
