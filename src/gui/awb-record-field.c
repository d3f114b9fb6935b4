/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-record-field"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-evidence.h"
#include "awb-record-field.h"

/* The names people read for the columns of the record: the Conflicts page
 * lists differing fields by them, the History page the fields an entry
 * changed. */

const char *
awb_record_field_label (const char *entity,
                        const char *field)
{
  static const struct { const char *field, *label; } labels[] = {
    { "applicant", NC_("record field", "Applicant") },
    { "credit_code", NC_("record field", "Credit code") },
    { "app_type", NC_("record field", "Type of application") },
    { "previous_certificate", NC_("record field", "Previous certificate") },
    { "previous_expiry", NC_("record field", "Previous certificate expires") },
    { "baseline_case", NC_("record field", "Baseline case") },
    { "stage", NC_("record field", "Stage") },
    { "is_demo", NC_("record field", "Demo case") },
    { "statement", NC_("record field", "Conclusion statement") },
    { "panel_conclusion", NC_("record field", "Panel conclusion") },
    { "name", NC_("record field", "Name") },
    { "role", NC_("record field", "Role") },
    { "kind", NC_("record field", "Kind") },
    { "date", NC_("record field", "Date") },
    { "from_stage", NC_("record field", "From stage") },
    { "to_stage", NC_("record field", "To stage") },
    { "on_date", NC_("record field", "On") },
    { "item", NC_("record field", "Item") },
    { "method", NC_("record field", "Method") },
    { "title", NC_("record field", "Title") },
    { "observation", NC_("record field", "Observation") },
    { "evaluator", NC_("record field", "Evaluator") },
    { "observed_on", NC_("record field", "Observed on") },
    { "evidence_links", NC_("record field", "Linked requirements") },
    { "attachments", NC_("record field", "Attachments") },
    { "requirement_id", NC_("record field", "Requirement") },
    { "rating", NC_("record field", "Rating") },
    { "rationale", NC_("record field", "Rationale") },
    { "text", NC_("record field", "Text") },
    { "action", NC_("record field", "Rectification action") },
    { "due", NC_("record field", "Due date") },
    { "status", NC_("record field", "Status") },
    { "full_time", NC_("record field", "Full-time") },
    { "cert_kind", NC_("record field", "Certificate kind") },
    { "cert_no", NC_("record field", "Certificate number") },
    { "valid_until", NC_("record field", "Valid until") },
    { "client", NC_("record field", "Client") },
    { "service", NC_("record field", "Service") },
    { "from_date", NC_("record field", "From") },
    { "to_date", NC_("record field", "To") },
    { "accepted", NC_("record field", "Accepted") },
    { "affiliation", NC_("record field", "Affiliation") },
    { "member", NC_("record field", "Panel member") },
    { "scope", NC_("record field", "Scope") },
    { "sufficient", NC_("record field", "Evidence sufficient") },
    { "reasonable", NC_("record field", "Conclusion reasonable") },
    { "comment", NC_("record field", "Comment") },
    { "vote", NC_("record field", "Vote") },
    { "submitted_at", NC_("record field", "Submitted to the panel") },
    { "team_conclusion", NC_("record field", "Project team’s conclusion") },
    { "statement_decision", NC_("record field", "Statement written for") },
    { "panel_concluded_at", NC_("record field", "Panel conclusion recorded") },
    { "catalogue_id", NC_("record field", "Catalogue") },
    { "catalogue_version", NC_("record field", "Catalogue version") },
    { "supports", NC_("record field", "Support") },
    { "reason", NC_("record field", "Reason") },
  };
  const char *method_field;

  /* an evidence item's method fields have their own labels */
  if (g_strcmp0 (entity, "evidence") == 0
      && (method_field = awb_evidence_field_label (field)) != NULL)
    return method_field;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return g_dpgettext2 (NULL, "record field", labels[i].label);
  return field;
}
