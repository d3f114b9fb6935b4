/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awb-database-private.h"
#include "awb-evidence.h"

G_BEGIN_DECLS

/* Shared by awb-evidence.c (the object and the reads) and
 * awb-evidence-actions.c (the actions). */

#define AWB_EVIDENCE_N_FIELDS 11

/* The columns of table evidence, in the order both files read and write them. */
enum
{
  AWB_EVIDENCE_COL_ID,
  AWB_EVIDENCE_COL_CASE_ID,
  AWB_EVIDENCE_COL_METHOD,
  AWB_EVIDENCE_COL_TITLE,
  AWB_EVIDENCE_COL_OBSERVATION,
  AWB_EVIDENCE_COL_EVALUATOR,
  AWB_EVIDENCE_COL_OBSERVED_ON,
  AWB_EVIDENCE_COL_RECORDED_AT,
  AWB_EVIDENCE_COL_UPDATED_AT,
  AWB_EVIDENCE_COL_REV,
  AWB_EVIDENCE_COL_FIRST_FIELD,
  AWB_EVIDENCE_N_COLUMNS = AWB_EVIDENCE_COL_FIRST_FIELD + AWB_EVIDENCE_N_FIELDS
};

extern const char * const _awb_evidence_columns[AWB_EVIDENCE_N_COLUMNS];

/* The position of a method field key ("work-product") in the field table, or -1. */
int          _awb_evidence_field_index  (const char  *key);
AwbMethod    _awb_evidence_field_method (guint        index);
const char  *_awb_evidence_get_field_at (AwbEvidence *self,
                                         guint        index);
/* The item with this full id, with its links and attachments. */
AwbEvidence *_awb_evidence_load_one     (AwbDatabase *db,
                                         const char  *full_id,
                                         GError     **error);

G_END_DECLS
