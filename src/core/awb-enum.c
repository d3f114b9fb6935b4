/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-enum"

#include "config.h"

#include "awb-enum-private.h"

/* The one lookup behind every *_from_string of an enum with a names table. */

gboolean
_awb_enum_from_string (const char * const *names,
                       guint               n_names,
                       const char         *text,
                       guint              *out)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}
