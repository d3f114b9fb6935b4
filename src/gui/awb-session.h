/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awb-case.h"
#include "awb-catalogue.h"
#include "awb-database.h"
#include "awb-judge.h"

G_BEGIN_DECLS

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
gboolean      awb_session_is_locked         (AwbSession  *self);
guint         awb_session_get_open_findings (AwbSession  *self,
                                             const char  *requirement_id);
const char   *awb_session_get_actor         (AwbSession  *self);
void          awb_session_set_actor         (AwbSession  *self,
                                             const char  *actor);
gint64        awb_session_get_refresh_usec  (AwbSession  *self);
void          awb_session_refresh           (AwbSession  *self);

G_END_DECLS
