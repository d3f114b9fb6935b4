/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "awb-database.h"
#include "awb-method.h"
#include "awb-rating.h"

G_BEGIN_DECLS

/* The judgement of a case: sufficiency per requirement, the two quantitative
 * checks, the audit conclusion with its reasons, per-section counts and the
 * conclusion statement. Computed from the record and the catalogue's rules;
 * nothing here is stored except an edited statement. See docs/rules.md. */

typedef enum
{
  AWB_SUFFICIENCY_NONE,          /* no evidence at all */
  AWB_SUFFICIENCY_INSUFFICIENT,
  AWB_SUFFICIENCY_SUFFICIENT,
  AWB_SUFFICIENCY_CONTRADICTED,  /* any contradicting item */
  AWB_N_SUFFICIENCIES
} AwbSufficiency;

typedef enum
{
  AWB_CONCLUSION_INCOMPLETE,
  AWB_CONCLUSION_FAIL,
  AWB_CONCLUSION_PASS_AFTER_RECTIFICATION,
  AWB_CONCLUSION_PASS,
} AwbConclusion;

typedef struct
{
  char           *requirement_id;
  char           *section_id;
  AwbRating       rating;
  char           *rationale;
  char           *suggested;         /* "conformant", "largely", "review" or "none" */
  AwbSufficiency  sufficiency;
  char           *missing;           /* what is missing, for people ("no demonstration"), or NULL */
  guint           supporting[AWB_N_METHODS]; /* supporting or partly supporting items per method */
  guint           contradicting;
  guint           n_evidence;        /* items linked, whatever they say */
  gboolean        backed;            /* the rating is backed (see docs/rules.md) */
  /* added after the first contract: */
  guint           partly[AWB_N_METHODS]; /* partly supporting items per method (in supporting
                                          * too when the rules count "partly" as supporting) */
  const char     *check;             /* the quantitative check's name, or NULL */
  char           *problem;           /* why the rating is not backed, or NULL */
} AwbRequirementJudgement;

typedef struct
{
  char     *check;          /* "certified-staff" or "failed-acceptance" */
  char     *requirement_id;
  gboolean  passed;
  guint     count;          /* qualifying staff, or failed projects */
  guint     limit;          /* the minimum (staff) or the maximum (failed projects) */
  char     *figures;        /* "3 of 4 required: Wang's certificate expired 2026-03-01" */
  /* added after the first contract: */
  char     *date_kind;      /* the case date the rule names: "evaluation-start", "received" */
  char     *date;           /* the date the check was computed for */
  gboolean  date_set;       /* FALSE: the case has no such date yet, today was used */
} AwbCheckResult;

typedef struct
{
  char *requirement_id;     /* NULL for a reason about the whole case */
  char *text;
  /* added after the first contract: */
  const char *kind;         /* "incomplete", "will-fail", "fail", "rectification" or "pass" */
} AwbReason;

typedef struct
{
  char  *section_id;
  guint  ratings[AWB_N_RATINGS];
  guint  sufficiency[AWB_N_SUFFICIENCIES];
} AwbSectionCounts;

/* A finding that carries a rectification action (added after the first contract). */
typedef struct
{
  char     *finding_id;
  char     *requirement_id;
  char     *kind;           /* "nonconformity" or "observation" */
  char     *action;
  char     *due;            /* YYYY-MM-DD or NULL */
  char     *status;         /* "open", "rectified" or "verified" */
  gboolean  overdue;        /* open and due before today */
} AwbRectification;

typedef struct
{
  char          *case_id;
  AwbConclusion  conclusion;
  GPtrArray     *reasons;       /* AwbReason* */
  GPtrArray     *requirements;  /* AwbRequirementJudgement*, in catalogue order */
  GPtrArray     *sections;      /* AwbSectionCounts*, leaf sections in catalogue order */
  AwbCheckResult staff_check;
  AwbCheckResult acceptance_check;
  GPtrArray     *notices;       /* char*: deadlines due or breached, overdue rectifications */
  char          *statement;     /* the edited statement if any, else the generated one */
  gboolean       statement_edited;
  gboolean       statement_stale;  /* edited for another decision than today's */
  /* added after the first contract: */
  char          *generated_statement; /* always the generated one */
  char          *statement_decision;  /* the decision an edited statement was written for */
  guint          evidence[AWB_N_METHODS]; /* evidence items of the case per method */
  char          *today;
  char          *submitted_at;      /* non-NULL while the case is with the expert panel */
  GPtrArray     *rectifications;    /* AwbRectification*, by due date */
  GPtrArray     *deadlines;         /* AwbDeadline* (awb-deadlines.h): the case's lifecycle */
} AwbJudgement;

const char   *awb_sufficiency_to_string (AwbSufficiency sufficiency);
const char   *awb_sufficiency_label     (AwbSufficiency sufficiency);
const char   *awb_conclusion_to_string  (AwbConclusion  conclusion);
const char   *awb_conclusion_label      (AwbConclusion  conclusion);

AwbJudgement *awb_judge_case            (AwbDatabase   *db,
                                         const char    *case_id,
                                         GError       **error);
void          awb_judgement_free        (AwbJudgement  *judgement);
const AwbRequirementJudgement *
              awb_judgement_lookup      (AwbJudgement  *judgement,
                                         const char    *requirement_id);
JsonNode     *awb_judgement_to_json     (AwbJudgement  *judgement);

/* The project leader's edit of the conclusion statement (项目审核结论). text is
 * kept as written; the decision it was written for is recorded so that the
 * statement is flagged stale when the decision changes. Refused while the case
 * is with the panel. actor NULL: awb_history_default_actor (). */
gboolean      awb_judge_set_statement   (AwbDatabase   *db,
                                         const char    *case_id,
                                         const char    *text,
                                         const char    *actor,
                                         GError       **error);
/* Drops the edited statement: the generated one is shown again. */
gboolean      awb_judge_reset_statement (AwbDatabase   *db,
                                         const char    *case_id,
                                         const char    *actor,
                                         GError       **error);
/* One generated paragraph, exposed for tests and the exporter. */
char         *awb_judgement_generate_statement (AwbJudgement *judgement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbJudgement, awb_judgement_free)

G_END_DECLS
