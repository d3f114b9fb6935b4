/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "awb-database.h"

G_BEGIN_DECLS

/* The expert-panel workbook of one case, and the portfolio of all cases, as
 * .xlsx files. The layout is described in docs/workbook-format.md. */

typedef enum
{
  AWB_XLSX_NONE  = 0,
  AWB_XLSX_FORCE = 1 << 0,  /* replace an existing file (otherwise refused) */
} AwbXlsxFlags;

/* fraction runs from 0 to 1; what names the sheet being written. Called in
 * the thread that runs the export (the sync functions) or in the caller's
 * main context (the _async functions). */
typedef void (*AwbXlsxProgressFunc) (double      fraction,
                                     const char *what,
                                     gpointer    user_data);

typedef struct
{
  char  *name;   /* in the UI language */
  guint  rows;   /* data rows (records), headers not counted */
} AwbXlsxSheet;

typedef struct
{
  char      *path;
  char      *case_id;  /* NULL for the portfolio */
  GPtrArray *sheets;   /* AwbXlsxSheet*, in workbook order */
  goffset    size;     /* bytes */
} AwbXlsxResult;

void           awb_xlsx_result_free        (AwbXlsxResult *result);
JsonNode      *awb_xlsx_result_to_json     (AwbXlsxResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbXlsxResult, awb_xlsx_result_free)

/* Writes the panel workbook of case_id (a full id or a unique prefix) to path. */
AwbXlsxResult *awb_xlsx_export_case        (AwbDatabase          *db,
                                            const char           *case_id,
                                            const char           *path,
                                            AwbXlsxFlags          flags,
                                            GCancellable         *cancellable,
                                            AwbXlsxProgressFunc   progress,
                                            gpointer              progress_data,
                                            GError              **error);
/* Writes one row per case of the database to path. */
AwbXlsxResult *awb_xlsx_export_portfolio   (AwbDatabase          *db,
                                            const char           *path,
                                            AwbXlsxFlags          flags,
                                            GCancellable         *cancellable,
                                            AwbXlsxProgressFunc   progress,
                                            gpointer              progress_data,
                                            GError              **error);

/* The same in a worker thread on its own connection to db's file. */
void           awb_xlsx_export_case_async  (AwbDatabase          *db,
                                            const char           *case_id,
                                            const char           *path,
                                            AwbXlsxFlags          flags,
                                            GCancellable         *cancellable,
                                            AwbXlsxProgressFunc   progress,
                                            gpointer              progress_data,
                                            GDestroyNotify        progress_notify,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
void           awb_xlsx_export_portfolio_async (AwbDatabase          *db,
                                                const char           *path,
                                                AwbXlsxFlags          flags,
                                                GCancellable         *cancellable,
                                                AwbXlsxProgressFunc   progress,
                                                gpointer              progress_data,
                                                GDestroyNotify        progress_notify,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* Finishes either _async call. */
AwbXlsxResult *awb_xlsx_export_finish      (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
