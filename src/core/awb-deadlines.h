/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "awb-case.h"
#include "awb-rules.h"

G_BEGIN_DECLS

/* What a deadline item says, from least to most serious (docs/lifecycle.md). */
typedef enum
{
  AWB_DEADLINE_OK,       /* met, or nothing left to do */
  AWB_DEADLINE_INFO,     /* for information: no deadline is running */
  AWB_DEADLINE_DUE,      /* a deadline is running and has not passed */
  AWB_DEADLINE_OVERDUE,  /* a deadline passed: still not done, or done late */
  AWB_DEADLINE_BREACHED, /* a limit of the guide was exceeded */
  AWB_N_DEADLINE_STATES
} AwbDeadlineState;

typedef struct
{
  char             *item;   /* "supplement", "evaluation-start", "cycle", "cycle-target",
                               "cycle-limit", "maintenance", "retention" */
  AwbDeadlineState  state;
  char             *date;   /* the deadline or the date the item is about, or NULL */
  char             *text;   /* one sentence, in the UI language */
} AwbDeadline;

const char *awb_deadline_state_to_string (AwbDeadlineState state);
const char *awb_deadline_state_label     (AwbDeadlineState state);
void        awb_deadline_free            (AwbDeadline     *deadline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbDeadline, awb_deadline_free)

GPtrArray  *awb_deadlines_compute        (AwbCase         *kase,
                                          const AwbRules  *rules,
                                          const GDate     *today);
GPtrArray  *awb_deadlines_for_case       (AwbDatabase     *db,
                                          const char      *case_id,
                                          GError         **error);
AwbDeadlineState awb_deadlines_worst     (GPtrArray       *deadlines);
JsonNode   *awb_deadlines_to_json        (GPtrArray       *deadlines);

G_END_DECLS
