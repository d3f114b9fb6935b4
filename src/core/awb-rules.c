/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-rules"

#include "config.h"

#include "awb-rules.h"

void
awb_rules_clear (AwbRules *rules)
{
  g_clear_pointer (&rules->suggest_all_yes, g_free);
  g_clear_pointer (&rules->suggest_with_partly, g_free);
  g_clear_pointer (&rules->suggest_contradicted, g_free);
  g_clear_pointer (&rules->suggest_insufficient, g_free);
  g_clear_pointer (&rules->staff_requirement, g_free);
  g_clear_pointer (&rules->staff_date, g_free);
  g_clear_pointer (&rules->acceptance_requirement, g_free);
  g_clear_pointer (&rules->acceptance_date, g_free);
  g_clear_pointer (&rules->finding_kind, g_free);
  g_clear_pointer (&rules->panel_tie, g_free);
}
