/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-fuzz-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-history.h"
#include "fuzz-common.h"

/* awb_database_open on a file whose bytes are the input, in a private
 * temporary folder. It must never crash; a file it refuses must be left
 * byte for byte as it was, with no -wal, -shm or half-made file beside it;
 * a file it accepts must answer reads and a write (or refuse them) cleanly. */

static char *folder;
static char *path;

static void
empty_folder (void)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (folder, name, NULL);
      g_assert_cmpint (g_unlink (child), ==, 0);
    }
}

static void
remove_folder (void)
{
  empty_folder ();
  g_rmdir (folder);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  if (folder != NULL)
    return;
  folder = g_dir_make_tmp ("awb-fuzz-db-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "fuzz.db", NULL);
  atexit (remove_folder);
}

static void
write_input (const uint8_t *data,
             size_t         size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  size_t done = 0;

  g_assert_cmpint (fd, >=, 0);
  while (done < size)
    {
      ssize_t n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      done += (size_t) n;
    }
  g_assert_cmpint (close (fd), ==, 0);
}

static void
assert_only_file_left (void)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "fuzz.db"))
      g_error ("a refused database left %s beside it", name);
}

static void
use_database (AwbDatabase *db)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int version = awb_database_get_schema_version (db);

  g_assert_cmpint (version, <=, AWB_SCHEMA_VERSION);

  /* reading: the history check walks every case's chain */
  if (!awb_history_verify (db, NULL, problems, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == AWB_ERROR);
      g_clear_error (&error);
    }

  /* writing: one history entry in a transaction, committed or rolled back */
  if (awb_database_begin (db, &error))
    {
      if (awb_history_append (db, "fuzz-case", "Fuzzer", "fuzz", "case", "fuzz-case",
                              NULL, NULL, &error) &&
          awb_database_commit (db, &error))
        return;
      awb_database_rollback (db);
    }
  g_assert_nonnull (error);
  g_assert_true (error->domain == AWB_ERROR);
  g_assert_false (awb_database_in_transaction (db));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  AwbDatabase *db;

  awb_fuzz_init ();
  setup ();
  empty_folder ();
  write_input (data, size);

  db = awb_database_open (path, &error);
  if (db == NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_nonnull (error);
      g_assert_true (error->domain == AWB_ERROR);
      if (strstr (error->message, path) == NULL)
        g_error ("the refusal “%s” does not name the file", error->message);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (length != size || (size > 0 && memcmp (contents, data, size) != 0))
        g_error ("a refused database was changed (%zu bytes before, %zu after): %s",
                 size, (size_t) length, error->message);
      assert_only_file_left ();
    }
  else
    {
      g_assert_no_error (error);
      use_database (db);
      g_object_unref (db);
    }
  empty_folder ();
  return 0;
}
