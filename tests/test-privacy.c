/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "awb-attachment-store.h"
#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-test-util.h"

/* Privacy of what the workbench writes (docs/testing.md, "Privacy"): every
 * folder it creates is 0700 and every file in its data folder 0600 — the
 * database and its -wal and -shm — whatever the umask; nothing is written
 * outside the data folder (the home and XDG folders stay empty).
 *
 * Extension point: the check walks the whole data folder, so every store that
 * lives there is covered as soon as add_user_data() below puts something in
 * it: add one step there per kind of file the workbench writes. Today: the
 * database (-wal, -shm) and the attachment store beside it (w.db.attachments/,
 * its fan-out folders and files). */

static char *sandbox;  /* HOME and every XDG folder point inside it */

static const char * const xdg_vars[] = {
  "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", NULL
};

/* Every file under root is 0600 and every folder 0700; no symbolic links.
 * Returns how many entries were checked. */
static guint
assert_private_tree (const char *root,
                     gboolean    check_root)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  struct stat st;
  guint n = 0;

  g_assert_cmpint (g_lstat (root, &st), ==, 0);
  g_assert_false (S_ISLNK (st.st_mode));
  if (S_ISREG (st.st_mode))
    {
      if ((st.st_mode & 0777) != 0600)
        g_error ("%s has mode %o; the workbench's files must be 0600", root, st.st_mode & 0777);
      return 1;
    }
  g_assert_true (S_ISDIR (st.st_mode));
  if (check_root && (st.st_mode & 0777) != 0700)
    g_error ("folder %s has mode %o; the workbench's folders must be 0700", root,
             st.st_mode & 0777);

  dir = g_dir_open (root, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (root, name, NULL);
      n += assert_private_tree (child, TRUE);
    }
  return n + 1;
}

static void
assert_mode (const char *path,
             guint       mode)
{
  struct stat st;

  if (g_lstat (path, &st) != 0)
    g_error ("%s does not exist", path);
  if ((st.st_mode & 0777) != mode)
    g_error ("%s has mode %o, not %o", path, st.st_mode & 0777, mode);
}

/* Writes what a user's work leaves in the data folder. Today: a committed
 * record (so the -wal holds data) and a file in the attachment store. Add each
 * new store here when it lands. */
static void
add_user_data (AwbDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (db);
  g_autoptr(AwbAttachment) stored = NULL;
  g_autofree char *source = g_build_filename (sandbox, "营业执照 扫描件.pdf", NULL);
  g_autofree char *stored_path = NULL;

  /* the user's file, outside HOME: only the copy in the store is ours */
  g_assert_true (g_file_set_contents (source, "%PDF-1.4 licence scan\n", -1, NULL));
  stored = awb_attachment_store_add (store, source, NULL, &error);
  g_assert_no_error (error);
  stored_path = awb_attachment_store_get_file_path (store, stored->sha256);
  g_assert_true (g_str_has_prefix (stored_path, awb_attachment_store_get_path (store)));
  assert_mode (awb_attachment_store_get_path (store), 0700);
  assert_mode (stored_path, 0600);
  g_unlink (source);

  g_assert_true (awb_database_begin (db, &error));
  g_assert_true (_awb_database_run (db, &error,
                                    "INSERT INTO cases (id, catalogue_id, catalogue_version, "
                                    "applicant, credit_code, created_at, updated_at) "
                                    "VALUES ('c-private', 'c', '1', '保密公司', 'x', 't', 't')",
                                    NULL));
  g_assert_true (awb_database_commit (db, &error));
  g_assert_no_error (error);
}

/* Nothing appeared in HOME (where every XDG folder points) except allowed and
 * the folders leading to it. */
static void
assert_nothing_outside (const char *allowed)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (stack, g_strdup (g_getenv ("HOME")));
  while (stack->len > 0)
    {
      g_autofree char *path = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          g_autofree char *child_slash = g_strconcat (child, G_DIR_SEPARATOR_S, NULL);

          if (g_str_equal (child, allowed))
            continue;
          if (g_str_has_prefix (allowed, child_slash))
            g_ptr_array_add (stack, g_steal_pointer (&child));
          else
            g_error ("%s was written outside the data folder", child);
        }
    }
}

static void
check_new_database (mode_t      umask_value,
                    const char *path,
                    const char *data_folder,
                    const char *first_new_folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  mode_t old = umask (umask_value);

  db = awb_database_open (path, &error);
  g_assert_no_error (error);
  add_user_data (db);

  /* while it is open: the database, its write-ahead log and shared memory */
  assert_mode (path, 0600);
  assert_mode (wal, 0600);
  assert_mode (shm, 0600);
  if (first_new_folder != NULL)
    g_assert_cmpuint (assert_private_tree (first_new_folder, TRUE), >=, 7);
  else
    g_assert_cmpuint (assert_private_tree (data_folder, FALSE), >=, 7);

  g_clear_object (&db);
  assert_mode (path, 0600);
  if (first_new_folder != NULL)
    assert_private_tree (first_new_folder, TRUE);
  else
    assert_private_tree (data_folder, FALSE);
  umask (old);
}

/* The default place, $XDG_DATA_HOME/assessor-workbench/, made by us: 0700 all down. */
static void
test_default_location (gconstpointer data)
{
  mode_t umask_value = (mode_t) GPOINTER_TO_UINT (data);
  g_autofree char *path = awb_database_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  const char *xdg_data = g_getenv ("XDG_DATA_HOME");

  g_assert_true (g_str_has_prefix (path, xdg_data));
  g_assert_false (g_file_test (xdg_data, G_FILE_TEST_EXISTS));

  check_new_database (umask_value, path, folder, xdg_data);
  assert_nothing_outside (folder);
  awb_test_remove_tree (xdg_data);
}

/* A database in folders that do not exist yet: every folder we make is 0700. */
static void
test_new_folders (void)
{
  g_autofree char *top = g_build_filename (sandbox, "home", "work", NULL);
  g_autofree char *folder = g_build_filename (top, "2026", "评估 cases", NULL);
  g_autofree char *path = g_build_filename (folder, "w.db", NULL);

  check_new_database (0, path, folder, top);
  assert_nothing_outside (top);
  awb_test_remove_tree (top);
}

/* A folder the user chose and made (0755): the workbench's files in it are
 * still 0600, and the user's folder is left as the user made it. */
static void
test_user_folder (void)
{
  g_autofree char *folder = g_build_filename (sandbox, "home", "chosen", NULL);
  g_autofree char *path = g_build_filename (folder, "w.db", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  check_new_database (0, path, folder, NULL);
  assert_mode (folder, 0755);
  assert_nothing_outside (folder);
  awb_test_remove_tree (folder);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = NULL;
  int status;

  /* before GLib reads (and caches) the user's folders */
  sandbox = awb_test_make_tmpdir ();
  home = g_build_filename (sandbox, "home", NULL);
  g_assert_cmpint (g_mkdir (home, 0700), ==, 0);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; xdg_vars[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (xdg_vars[i], -1);
      g_autofree char *dir = g_build_filename (home, lower, NULL);
      g_setenv (xdg_vars[i], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/privacy/default-location/umask-022", GUINT_TO_POINTER (022),
                        test_default_location);
  g_test_add_data_func ("/privacy/default-location/umask-000", GUINT_TO_POINTER (0),
                        test_default_location);
  g_test_add_func ("/privacy/new-folders", test_new_folders);
  g_test_add_func ("/privacy/user-folder", test_user_folder);

  status = g_test_run ();
  awb_test_remove_tree (sandbox);
  g_free (sandbox);
  return status;
}
