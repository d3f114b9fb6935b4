/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "awb-attachment-store.h"
#include "awb-database.h"
#include "awb-method.h"
#include "awb-rating.h"

G_BEGIN_DECLS

/* How an evidence item bears on one requirement. */
typedef struct
{
  char        *requirement_id;
  AwbSupports  supports;
} AwbEvidenceLink;

#define AWB_TYPE_EVIDENCE_LINK (awb_evidence_link_get_type ())
GType            awb_evidence_link_get_type (void) G_GNUC_CONST;
AwbEvidenceLink *awb_evidence_link_new      (const char            *requirement_id,
                                             AwbSupports            supports);
AwbEvidenceLink *awb_evidence_link_copy     (const AwbEvidenceLink *link);
void             awb_evidence_link_free     (AwbEvidenceLink       *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbEvidenceLink, awb_evidence_link_free)

/* What awb_evidence_add records. Strings are borrowed. */
typedef struct
{
  AwbMethod           method;
  const char         *title;        /* required */
  const char         *observation;  /* or NULL */
  const char         *evaluator;    /* or NULL */
  const char         *observed_on;  /* YYYY-MM-DD, not after today, or NULL (unknown) */
  GPtrArray          *links;        /* AwbEvidenceLink*, at least one */
  GHashTable         *fields;       /* method field key → value, or NULL */
  const char * const *attachments;  /* file paths, NULL-terminated, or NULL */
  const char         *actor;        /* or NULL for awb_history_default_actor () */
} AwbEvidenceNew;

/* What awb_evidence_update changes: NULL members are left as they are. */
typedef struct
{
  const char *title;
  const char *observation;
  const char *evaluator;
  const char *observed_on;  /* "" clears it */
  GHashTable *fields;       /* keys present are set; a NULL or "" value clears */
  GPtrArray  *links;        /* AwbEvidenceLink*: replaces every link */
  const char *actor;
} AwbEvidenceChanges;

#define AWB_TYPE_EVIDENCE (awb_evidence_get_type ())
G_DECLARE_FINAL_TYPE (AwbEvidence, awb_evidence, AWB, EVIDENCE, GObject)

/* The method fields: keys (NULL-terminated) of a method, and a key's label. */
const char * const *awb_evidence_method_fields (AwbMethod    method);
const char         *awb_evidence_field_label   (const char  *key);

const char  *awb_evidence_get_id          (AwbEvidence *self);
const char  *awb_evidence_get_case_id     (AwbEvidence *self);
AwbMethod    awb_evidence_get_method      (AwbEvidence *self);
const char  *awb_evidence_get_title       (AwbEvidence *self);
const char  *awb_evidence_get_observation (AwbEvidence *self);
const char  *awb_evidence_get_evaluator   (AwbEvidence *self);
const char  *awb_evidence_get_observed_on (AwbEvidence *self);
const char  *awb_evidence_get_recorded_at (AwbEvidence *self);
const char  *awb_evidence_get_updated_at  (AwbEvidence *self);
gint64       awb_evidence_get_rev         (AwbEvidence *self);
const char  *awb_evidence_get_field       (AwbEvidence *self,
                                           const char  *key);
GPtrArray   *awb_evidence_get_links       (AwbEvidence *self);
GPtrArray   *awb_evidence_get_attachments (AwbEvidence *self);
gboolean     awb_evidence_get_supports    (AwbEvidence *self,
                                           const char  *requirement_id,
                                           AwbSupports *out);
JsonNode    *awb_evidence_to_json         (AwbEvidence *self,
                                           const char  *requirement_id);

char        *awb_evidence_add               (AwbDatabase              *db,
                                             const char               *case_id,
                                             const AwbEvidenceNew     *params,
                                             GError                  **error);
gboolean     awb_evidence_update            (AwbDatabase              *db,
                                             const char               *id,
                                             const AwbEvidenceChanges *changes,
                                             GError                  **error);
char        *awb_evidence_add_attachment    (AwbDatabase              *db,
                                             const char               *id,
                                             const char               *path,
                                             const char               *actor,
                                             GError                  **error);
gboolean     awb_evidence_remove_attachment (AwbDatabase              *db,
                                             const char               *attachment_id,
                                             const char               *actor,
                                             GError                  **error);
gboolean     awb_evidence_remove            (AwbDatabase              *db,
                                             const char               *id,
                                             const char               *actor,
                                             GError                  **error);
char        *awb_evidence_restore           (AwbDatabase              *db,
                                             const char               *id,
                                             GError                  **error);

AwbEvidence *awb_evidence_lookup         (AwbDatabase *db,
                                          const char  *id,
                                          GError     **error);
GListModel  *awb_evidence_list           (AwbDatabase *db,
                                          const char  *case_id,
                                          const char  *requirement_id,
                                          GError     **error);
GListModel  *awb_evidence_list_reference (AwbDatabase *db,
                                          const char  *case_id,
                                          const char  *requirement_id,
                                          GError     **error);

G_END_DECLS
