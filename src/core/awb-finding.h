/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awb-database.h"

G_BEGIN_DECLS

typedef enum
{
  AWB_FINDING_NONCONFORMITY,
  AWB_FINDING_OBSERVATION,
  AWB_N_FINDING_KINDS
} AwbFindingKind;

/* Moves forward only: open → rectified → verified (skipping allowed). */
typedef enum
{
  AWB_FINDING_OPEN,
  AWB_FINDING_RECTIFIED,
  AWB_FINDING_VERIFIED,
  AWB_N_FINDING_STATUSES
} AwbFindingStatus;

const char *awb_finding_kind_to_string     (AwbFindingKind    kind);
gboolean    awb_finding_kind_from_string   (const char       *text,
                                            AwbFindingKind   *out);
const char *awb_finding_kind_label         (AwbFindingKind    kind);
const char *awb_finding_status_to_string   (AwbFindingStatus  status);
gboolean    awb_finding_status_from_string (const char       *text,
                                            AwbFindingStatus *out);
const char *awb_finding_status_label       (AwbFindingStatus  status);

#define AWB_TYPE_FINDING (awb_finding_get_type ())
G_DECLARE_FINAL_TYPE (AwbFinding, awb_finding, AWB, FINDING, GObject)

const char       *awb_finding_get_id             (AwbFinding *self);
const char       *awb_finding_get_case_id        (AwbFinding *self);
const char       *awb_finding_get_requirement_id (AwbFinding *self);
AwbFindingKind    awb_finding_get_kind           (AwbFinding *self);
const char       *awb_finding_get_text           (AwbFinding *self);
const char       *awb_finding_get_action         (AwbFinding *self);
const char       *awb_finding_get_due            (AwbFinding *self);
AwbFindingStatus  awb_finding_get_status         (AwbFinding *self);
const char       *awb_finding_get_actor          (AwbFinding *self);
const char       *awb_finding_get_created_at     (AwbFinding *self);
const char       *awb_finding_get_updated_at     (AwbFinding *self);
gint64            awb_finding_get_rev            (AwbFinding *self);
gboolean          awb_finding_is_overdue         (AwbFinding *self);
gboolean          awb_finding_is_overdue_on      (AwbFinding  *self,
                                                  const GDate *date);

/* Records a finding against a requirement of the case; returns its id. */
char       *awb_finding_add        (AwbDatabase      *db,
                                    const char       *case_id,
                                    const char       *requirement_id,
                                    AwbFindingKind    kind,
                                    const char       *text,
                                    const char       *action,
                                    const char       *due,
                                    const char       *actor,
                                    GError          **error);
/* Moves the finding's status forward; allowed while the panel has the case. */
gboolean    awb_finding_set_status (AwbDatabase      *db,
                                    const char       *finding_id,
                                    AwbFindingStatus  status,
                                    const char       *actor,
                                    GError          **error);
/* Replaces the finding's text, action and due date (NULL action/due: none). */
gboolean    awb_finding_update     (AwbDatabase      *db,
                                    const char       *finding_id,
                                    const char       *text,
                                    const char       *action,
                                    const char       *due,
                                    const char       *actor,
                                    GError          **error);
gboolean    awb_finding_remove     (AwbDatabase      *db,
                                    const char       *finding_id,
                                    const char       *actor,
                                    GError          **error);
AwbFinding *awb_finding_get        (AwbDatabase      *db,
                                    const char       *finding_id,
                                    GError          **error);
/* The case's findings (only requirement_id's when it is not NULL), oldest first. */
GListModel *awb_finding_list       (AwbDatabase      *db,
                                    const char       *case_id,
                                    const char       *requirement_id,
                                    GError          **error);

G_END_DECLS
