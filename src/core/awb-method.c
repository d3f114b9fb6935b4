/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-method"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awb-enum-private.h"
#include "awb-method.h"

static const char * const names[AWB_N_METHODS] = { "document", "interview", "demonstration" };

const char *
awb_method_to_string (AwbMethod method)
{
  g_return_val_if_fail (method < AWB_N_METHODS, NULL);
  return names[method];
}

gboolean
awb_method_from_string (const char *text,
                        AwbMethod  *out)
{
  guint i;

  if (!_awb_enum_from_string (names, AWB_N_METHODS, text, &i))
    return FALSE;
  *out = (AwbMethod) i;
  return TRUE;
}

/* The name a person reads, in the UI language. */
const char *
awb_method_label (AwbMethod method)
{
  switch (method)
    {
    case AWB_METHOD_DOCUMENT:
      return _("Document review");
    case AWB_METHOD_INTERVIEW:
      return _("Interview");
    case AWB_METHOD_DEMONSTRATION:
      return _("Demonstration");
    case AWB_N_METHODS:
    default:
      g_return_val_if_reached (NULL);
    }
}
