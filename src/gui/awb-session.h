/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awb-case.h"
#include "awb-catalogue.h"
#include "awb-database.h"
#include "awb-judge.h"

G_BEGIN_DECLS

/* What an edit changed, so that a page redoes only the work it concerns
 * (the judgement is always recomputed). */
typedef enum
{
  AWB_SESSION_CASE      = 1 << 0,  /* stage, dates, checklist, team, the panel lock */
  AWB_SESSION_RATINGS   = 1 << 1,
  AWB_SESSION_EVIDENCE  = 1 << 2,
  AWB_SESSION_FINDINGS  = 1 << 3,
  AWB_SESSION_REGISTERS = 1 << 4,
  AWB_SESSION_PANEL     = 1 << 5,
  AWB_SESSION_STATEMENT = 1 << 6,
  AWB_SESSION_ALL       = (1 << 7) - 1,
} AwbSessionChange;

#define AWB_TYPE_SESSION (awb_session_get_type ())
G_DECLARE_FINAL_TYPE (AwbSession, awb_session, AWB, SESSION, GObject)

AwbSession   *awb_session_new               (AwbDatabase *db,
                                             const char  *case_id,
                                             const char  *actor,
                                             GError     **error);
AwbDatabase  *awb_session_get_database      (AwbSession  *self);
const char   *awb_session_get_case_id       (AwbSession  *self);
AwbCase      *awb_session_get_case          (AwbSession  *self);
AwbCatalogue *awb_session_get_catalogue     (AwbSession  *self);
AwbJudgement *awb_session_get_judgement     (AwbSession  *self);
const AwbRequirementJudgement *
              awb_session_lookup            (AwbSession  *self,
                                             const char  *requirement_id);
void          awb_session_judge_soon        (AwbSession  *self);
gboolean      awb_session_is_locked         (AwbSession  *self);
guint         awb_session_get_open_findings (AwbSession  *self,
                                             const char  *requirement_id);
const char   *awb_session_get_actor         (AwbSession  *self);
void          awb_session_set_actor         (AwbSession  *self,
                                             const char  *actor);
gint64        awb_session_get_refresh_usec  (AwbSession  *self);
void          awb_session_refresh           (AwbSession       *self,
                                             AwbSessionChange  what);

G_END_DECLS
