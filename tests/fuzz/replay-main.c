/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-fuzz-replay"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "fuzz-common.h"

/* Replays a corpus through a fuzz target without libFuzzer: every argument is
 * a file, or a folder whose files are fed one by one (sorted by name) to
 * LLVMFuzzerTestOneInput. Linked with each target in the ordinary builds, so
 * the corpus runs under every compiler, sanitizer and valgrind. */

static gboolean
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;
  guint8 *copy;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "replay: %s\n", error->message);
      return FALSE;
    }
  /* an exact-size copy, so that the sanitizers see a read past the end (never
   * NULL, as under libFuzzer, even for an empty input) */
  copy = g_malloc (MAX (length, 1));
  memcpy (copy, contents, length);
  g_free (contents);
  LLVMFuzzerTestOneInput (copy, length);
  g_free (copy);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s CORPUS-FOLDER-OR-FILE…\n", argv[0]);
      return 1;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = NULL;
      const char *name;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          if (!replay_file (argv[i]))
            return 1;
          n++;
          continue;
        }

      dir = g_dir_open (argv[i], 0, &error);
      if (dir == NULL)
        {
          fprintf (stderr, "replay: %s\n", error->message);
          return 1;
        }
      names = g_ptr_array_new_with_free_func (g_free);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (names, compare_names);

      for (guint k = 0; k < names->len; k++)
        {
          const char *path = g_ptr_array_index (names, k);

          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
            continue;
          if (!replay_file (path))
            return 1;
          n++;
        }
    }

  /* an empty corpus would prove nothing */
  if (n == 0)
    {
      fprintf (stderr, "replay: no input found in the corpus\n");
      return 1;
    }
  printf ("replayed %u inputs without a crash\n", n);
  return 0;
}
