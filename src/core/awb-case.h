/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "awb-database.h"
#include "awb-rules.h"

G_BEGIN_DECLS

/* 受理 → 立项 → 评估 → 发证 → closed (guide §5). A case moves forward only. */
typedef enum
{
  AWB_STAGE_ACCEPTANCE,
  AWB_STAGE_INITIATION,
  AWB_STAGE_EVALUATION,
  AWB_STAGE_CERTIFICATION,
  AWB_STAGE_CLOSED,
  AWB_N_STAGES
} AwbStage;

/* The dates of a case (`awb case set-date CASE KIND DATE`). */
typedef enum
{
  AWB_CASE_DATE_RECEIVED,
  AWB_CASE_DATE_REVIEW_SENT,
  AWB_CASE_DATE_SUPPLEMENT_RECEIVED,
  AWB_CASE_DATE_AGREEMENT,
  AWB_CASE_DATE_PAID,
  AWB_CASE_DATE_EVALUATION_START,
  AWB_CASE_DATE_EVALUATION_END,
  AWB_CASE_DATE_PANEL,
  AWB_CASE_DATE_CERTIFICATE_ISSUED,
  AWB_N_CASE_DATES
} AwbCaseDate;

/* The acceptance checklist of guide §5.2. */
typedef enum
{
  AWB_CHECK_LEGAL_ENTITY,
  AWB_CHECK_STAMPED_BOUND,
  AWB_CHECK_ELECTRONIC_COPY,
  AWB_N_CHECKS
} AwbCheck;

const char *awb_stage_to_string      (AwbStage     stage);
gboolean    awb_stage_from_string    (const char  *text,
                                      AwbStage    *out);
const char *awb_stage_label          (AwbStage     stage);
const char *awb_case_date_to_string  (AwbCaseDate  kind);
gboolean    awb_case_date_from_string (const char *text,
                                       AwbCaseDate *out);
const char *awb_case_date_label      (AwbCaseDate  kind);
const char *awb_check_to_string      (AwbCheck     item);
gboolean    awb_check_from_string    (const char  *text,
                                      AwbCheck    *out);
const char *awb_check_label          (AwbCheck     item);

/* What `awb case new` gives. Strings are validated by awb_case_create. */
typedef struct
{
  const char         *applicant;
  const char         *credit_code;
  const char         *app_type;             /* "initial" or "maintenance"; NULL: initial,
                                               or maintenance when from_case is set */
  const char         *catalogue_id;         /* NULL: AWB_BUILTIN_CATALOGUE_ID, newest version */
  const char         *leader;               /* NULL: none (or the baseline's) */
  const char * const *evaluators;           /* NULL: none (or the baseline's) */
  const char         *previous_certificate; /* maintenance */
  const char         *previous_expiry;      /* maintenance, YYYY-MM-DD */
  const char         *from_case;            /* maintenance from a baseline case: id or prefix */
  gboolean            is_demo;
  const char         *actor;                /* NULL: awb_history_default_actor () */
} AwbCaseNew;

/* One recorded stage move. */
typedef struct
{
  char     *id;
  AwbStage  from;
  AwbStage  to;
  char     *on_date;
  char     *actor;
  char     *at;
} AwbStageMove;

#define AWB_TYPE_CASE (awb_case_get_type ())
G_DECLARE_FINAL_TYPE (AwbCase, awb_case, AWB, CASE, GObject)

/* A read-only snapshot of a case: look it up again after an action. */
const char         *awb_case_get_id                   (AwbCase     *self);
const char         *awb_case_get_applicant            (AwbCase     *self);
const char         *awb_case_get_credit_code          (AwbCase     *self);
const char         *awb_case_get_app_type             (AwbCase     *self);
gboolean            awb_case_is_maintenance           (AwbCase     *self);
const char         *awb_case_get_previous_certificate (AwbCase     *self);
const char         *awb_case_get_previous_expiry      (AwbCase     *self);
const char         *awb_case_get_catalogue_id         (AwbCase     *self);
const char         *awb_case_get_catalogue_version    (AwbCase     *self);
AwbStage            awb_case_get_stage                (AwbCase     *self);
const char         *awb_case_get_leader               (AwbCase     *self);
const char * const *awb_case_get_evaluators           (AwbCase     *self);
gboolean            awb_case_get_is_demo              (AwbCase     *self);
const char         *awb_case_get_baseline_case_id     (AwbCase     *self);
const char         *awb_case_get_submitted_at         (AwbCase     *self);
gboolean            awb_case_is_locked                (AwbCase     *self);
const char         *awb_case_get_created_at           (AwbCase     *self);
const char         *awb_case_get_updated_at           (AwbCase     *self);
const char         *awb_case_get_date                 (AwbCase     *self,
                                                       AwbCaseDate  kind);
const char         *awb_case_get_date_actor           (AwbCase     *self,
                                                       AwbCaseDate  kind);
const char         *awb_case_get_date_recorded_at     (AwbCase     *self,
                                                       AwbCaseDate  kind);
gboolean            awb_case_get_check                (AwbCase     *self,
                                                       AwbCheck     item,
                                                       const char **actor,
                                                       const char **at);
GPtrArray          *awb_case_get_stage_moves          (AwbCase     *self);
const char         *awb_case_get_closed_on            (AwbCase     *self);
gboolean            awb_case_get_retention_end        (AwbCase        *self,
                                                       const AwbRules *rules,
                                                       GDate          *out);
JsonNode           *awb_case_to_json                  (AwbCase     *self);

/* The actions: each is one transaction with its history entries. case_id is
 * a full id or a unique prefix of at least 8 characters; actor NULL means
 * awb_history_default_actor (). */
char       *awb_case_create      (AwbDatabase       *db,
                                  const AwbCaseNew  *params,
                                  GError           **error);
GListModel *awb_case_list        (AwbDatabase       *db,
                                  GError           **error);
AwbCase    *awb_case_lookup      (AwbDatabase       *db,
                                  const char        *case_id,
                                  GError           **error);
gboolean    awb_case_advance     (AwbDatabase       *db,
                                  const char        *case_id,
                                  const char        *stage,
                                  const char        *on_date,
                                  const char        *actor,
                                  GError           **error);
gboolean    awb_case_check       (AwbDatabase       *db,
                                  const char        *case_id,
                                  const char        *item,
                                  const char        *actor,
                                  GError           **error);
gboolean    awb_case_set_date    (AwbDatabase       *db,
                                  const char        *case_id,
                                  const char        *kind,
                                  const char        *date,
                                  const char        *actor,
                                  GError           **error);
gboolean    awb_case_change_team (AwbDatabase        *db,
                                  const char         *case_id,
                                  const char         *leader,
                                  const char * const *add_evaluators,
                                  const char * const *remove_evaluators,
                                  const char         *actor,
                                  GError            **error);
gboolean    awb_case_delete      (AwbDatabase       *db,
                                  const char        *case_id,
                                  GError           **error);

G_END_DECLS
