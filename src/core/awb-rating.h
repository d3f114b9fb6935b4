/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 符合 · 基本符合 · 不符合 · 不适用 · 未评 */
typedef enum
{
  AWB_RATING_UNRATED,
  AWB_RATING_CONFORMANT,
  AWB_RATING_LARGELY,
  AWB_RATING_NONCONFORMANT,
  AWB_RATING_NOT_APPLICABLE,
  AWB_N_RATINGS
} AwbRating;

/* How one evidence item bears on one requirement (--supports yes|partly|no). */
typedef enum
{
  AWB_SUPPORTS_YES,
  AWB_SUPPORTS_PARTLY,
  AWB_SUPPORTS_NO,
  AWB_N_SUPPORTS
} AwbSupports;

const char *awb_rating_to_string     (AwbRating    rating);
gboolean    awb_rating_from_string   (const char  *text,
                                      AwbRating   *out);
const char *awb_rating_label         (AwbRating    rating);
const char *awb_supports_to_string   (AwbSupports  supports);
gboolean    awb_supports_from_string (const char  *text,
                                      AwbSupports *out);
const char *awb_supports_label       (AwbSupports  supports);

G_END_DECLS
