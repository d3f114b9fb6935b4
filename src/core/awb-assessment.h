/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awb-database.h"
#include "awb-rating.h"

G_BEGIN_DECLS

#define AWB_TYPE_ASSESSMENT (awb_assessment_get_type ())
G_DECLARE_FINAL_TYPE (AwbAssessment, awb_assessment, AWB, ASSESSMENT, GObject)

/* One requirement's rating in a case, as read; unrated requirements have no
 * id, actor or time. */
const char *awb_assessment_get_id             (AwbAssessment *self);
const char *awb_assessment_get_case_id        (AwbAssessment *self);
const char *awb_assessment_get_requirement_id (AwbAssessment *self);
AwbRating   awb_assessment_get_rating         (AwbAssessment *self);
const char *awb_assessment_get_rationale      (AwbAssessment *self);
const char *awb_assessment_get_actor          (AwbAssessment *self);
const char *awb_assessment_get_at             (AwbAssessment *self);
gint64      awb_assessment_get_rev            (AwbAssessment *self);

/* Rates requirement_id in the case (full id or prefix); rating again replaces
 * the earlier rating, AWB_RATING_UNRATED clears it. */
gboolean       awb_rating_set   (AwbDatabase *db,
                                 const char  *case_id,
                                 const char  *requirement_id,
                                 AwbRating    rating,
                                 const char  *rationale,
                                 const char  *actor,
                                 GError     **error);
/* Takes the rating back: the requirement is unrated again. */
gboolean       awb_rating_clear (AwbDatabase *db,
                                 const char  *case_id,
                                 const char  *requirement_id,
                                 const char  *actor,
                                 GError     **error);
/* The requirement's rating (unrated when none was given). */
AwbAssessment *awb_rating_get   (AwbDatabase *db,
                                 const char  *case_id,
                                 const char  *requirement_id,
                                 GError     **error);
/* Every requirement of the case's catalogue in catalogue order, as AwbAssessment. */
GListModel    *awb_rating_list  (AwbDatabase *db,
                                 const char  *case_id,
                                 GError     **error);

G_END_DECLS
