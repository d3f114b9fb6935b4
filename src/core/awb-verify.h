/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "awb-database.h"

G_BEGIN_DECLS

/* What awb_verify found. */
typedef struct
{
  char      *case_id;              /* the full id checked, or NULL for every case */
  GPtrArray *history_problems;     /* char*: sentences */
  GPtrArray *attachment_problems;  /* char*: sentences */
  guint      attachments_checked;  /* distinct stored files re-hashed */
  guint      temporaries_removed;  /* leftovers of interrupted writes, deleted */
} AwbVerifyReport;

void             awb_verify_report_free (AwbVerifyReport *report);
gboolean         awb_verify_report_ok   (const AwbVerifyReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbVerifyReport, awb_verify_report_free)

AwbVerifyReport *awb_verify             (AwbDatabase *db,
                                         const char  *case_id,
                                         GError     **error);

G_END_DECLS
