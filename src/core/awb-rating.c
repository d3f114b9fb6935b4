/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-rating"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awb-enum-private.h"
#include "awb-rating.h"

static const char * const rating_names[AWB_N_RATINGS] = {
  "unrated", "conformant", "largely", "nonconformant", "not-applicable"
};
static const char * const supports_names[AWB_N_SUPPORTS] = { "yes", "partly", "no" };

const char *
awb_rating_to_string (AwbRating rating)
{
  g_return_val_if_fail (rating < AWB_N_RATINGS, NULL);
  return rating_names[rating];
}

gboolean
awb_rating_from_string (const char *text,
                        AwbRating  *out)
{
  guint i;

  if (!_awb_enum_from_string (rating_names, AWB_N_RATINGS, text, &i))
    return FALSE;
  *out = (AwbRating) i;
  return TRUE;
}

const char *
awb_rating_label (AwbRating rating)
{
  switch (rating)
    {
    case AWB_RATING_UNRATED:
      return _("Not yet rated");
    case AWB_RATING_CONFORMANT:
      return _("Conformant");
    case AWB_RATING_LARGELY:
      return _("Largely conformant");
    case AWB_RATING_NONCONFORMANT:
      return _("Non-conformant");
    case AWB_RATING_NOT_APPLICABLE:
      return _("Not applicable");
    case AWB_N_RATINGS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
awb_supports_to_string (AwbSupports supports)
{
  g_return_val_if_fail (supports < AWB_N_SUPPORTS, NULL);
  return supports_names[supports];
}

gboolean
awb_supports_from_string (const char  *text,
                          AwbSupports *out)
{
  guint i;

  if (!_awb_enum_from_string (supports_names, AWB_N_SUPPORTS, text, &i))
    return FALSE;
  *out = (AwbSupports) i;
  return TRUE;
}

const char *
awb_supports_label (AwbSupports supports)
{
  switch (supports)
    {
    case AWB_SUPPORTS_YES:
      return _("Supports");
    case AWB_SUPPORTS_PARTLY:
      return _("Partly supports");
    case AWB_SUPPORTS_NO:
      return _("Contradicts");
    case AWB_N_SUPPORTS:
    default:
      g_return_val_if_reached (NULL);
    }
}
