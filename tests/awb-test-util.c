/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "awb-test-util.h"

char *
awb_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("awb-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
awb_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          awb_test_remove_tree (child);
        }
      g_chmod (path, 0700);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

GBytes *
awb_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

char *
awb_test_builtin_catalogue_text (void)
{
  g_autoptr(GBytes) bytes =
    g_resources_lookup_data ("/io/github/assessorworkbench/Workbench/catalogues/"
                             "cnitsec-cloud-l1-2025.json", 0, NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}
