/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-locale"

#include "config.h"

#include "awb-locale.h"

/* The catalogue carries each text in Chinese and English; which one a person
 * sees follows their locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
gboolean
awb_locale_is_chinese (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "zh"))
        return TRUE;
      if (g_str_equal (names[i], "C") || g_str_has_prefix (names[i], "en"))
        return FALSE;
    }
  return FALSE;
}

const char *
awb_locale_pick (const char *zh,
                 const char *en)
{
  if (awb_locale_is_chinese ())
    return zh != NULL && *zh != '\0' ? zh : en;
  return en != NULL && *en != '\0' ? en : zh;
}
