/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The catalogue's "rules" section, validated when the catalogue loads.
 * Every threshold the judgement uses lives here, never in code. */
typedef struct
{
  /* sufficiency */
  gboolean supporting_partly;  /* "partly" counts as supporting */
  guint    direct_methods;     /* AWB_METHOD_BIT mask of direct work products */

  /* suggested ratings */
  char    *suggest_all_yes;
  char    *suggest_with_partly;
  char    *suggest_contradicted;
  char    *suggest_insufficient;

  /* quantitative checks */
  char    *staff_requirement;
  guint    staff_minimum;
  gboolean staff_full_time_only;
  char    *staff_date;         /* which case date: "evaluation-start" */
  char    *acceptance_requirement;
  guint    acceptance_years;
  guint    acceptance_maximum_failed;
  char    *acceptance_date;    /* "received" */

  /* conclusion */
  gboolean largely_needs_finding;
  char    *finding_kind;

  /* panel */
  gboolean panel_quorum_all;
  gboolean panel_majority_strict;
  char    *panel_tie;          /* "pass" or "fail" */

  /* deadlines */
  guint    supplement_months;
  guint    cycle_target_months;
  guint    cycle_limit_months;
  guint    maintenance_lead_months;
  guint    maintenance_late_months;
  guint    retention_years;
} AwbRules;

void awb_rules_clear (AwbRules *rules);

G_END_DECLS
