/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-locale"

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "awb-locale.h"

/* The language a person works in: the message catalogue both programs bind at
 * start-up, and the catalogue texts, which carry each text in Chinese and
 * English; both follow the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */

/* The folder holding <lang>/LC_MESSAGES/assessor-workbench.mo. Installed
 * programs use LOCALEDIR. A program run from the build tree (or whose
 * installed catalogues are missing) uses the build tree's po/ folder, where
 * meson's i18n.gettext writes the same layout, so translations work from
 * build/ without installing. */
static const char *
pick_localedir (void)
{
  g_autofree char *build_root = g_path_get_dirname (SOURCE_LOCALEDIR);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *prefix = g_strconcat (build_root, G_DIR_SEPARATOR_S, NULL);
  const char * const *names;

  if (!g_file_test (SOURCE_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return LOCALEDIR;
  if (exe != NULL && g_str_has_prefix (exe, prefix))
    return SOURCE_LOCALEDIR;

  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *mo = g_build_filename (LOCALEDIR, names[i], "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);

      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        return LOCALEDIR;
    }
  return SOURCE_LOCALEDIR;
}

/* Called first thing by both programs' main (): the locale from the
 * environment, and this package's messages in UTF-8. */
void
awb_locale_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, pick_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* TRUE when the catalogue's Chinese texts should be shown. */
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
