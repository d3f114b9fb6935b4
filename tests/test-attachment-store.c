/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "awb-attachment-store.h"
#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-test-util.h"

typedef struct
{
  char               *dir;
  char               *db_path;
  AwbDatabase        *db;
  AwbAttachmentStore *store;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = awb_test_make_tmpdir ();
  f->db_path = g_build_filename (f->dir, "w.db", NULL);
  f->db = awb_database_open (f->db_path, &error);
  g_assert_no_error (error);
  f->store = awb_attachment_store_new_for_database (f->db);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  g_assert_finalize_object (f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static char *
make_file (Fixture *f, const char *name, const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  awb_test_write_file (path, contents, -1);
  return path;
}

/* Files in the store, temporary ones included, recursively. */
static guint
count_files (const char *path, gboolean *saw_temporary)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += count_files (child, saw_temporary);
      else
        {
          if (g_str_has_prefix (name, ".tmp-") && saw_temporary != NULL)
            *saw_temporary = TRUE;
          n++;
        }
    }
  return n;
}

static void
test_naming (Fixture *f, gconstpointer data)
{
  g_autofree char *expected = g_strconcat (f->db_path, ".attachments", NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "x", -1);
  g_autofree char *file = awb_attachment_store_get_file_path (f->store, sha);
  g_autofree char *expected_file = NULL;
  g_autoptr(AwbAttachmentStore) other = awb_attachment_store_new ("/data/other.db");
  char fan[3] = { sha[0], sha[1], 0 };

  g_assert_cmpstr (awb_attachment_store_get_path (f->store), ==, expected);
  g_assert_cmpstr (awb_attachment_store_get_path (other), ==, "/data/other.db.attachments");

  expected_file = g_build_filename (expected, fan, sha, NULL);
  g_assert_cmpstr (file, ==, expected_file);

  /* names that are not a SHA-256 never become paths */
  g_assert_null (awb_attachment_store_get_file_path (f->store, "../../etc/passwd"));
  g_assert_null (awb_attachment_store_get_file_path (f->store, "ABCDEF"));
  {
    g_autofree char *upper = g_ascii_strup (sha, -1);
    g_assert_null (awb_attachment_store_get_file_path (f->store, upper));
  }
  g_assert_null (awb_attachment_store_get_file_path (f->store, NULL));
}

static void
test_add (Fixture *f, gconstpointer data)
{
  const char *contents = "Business licence, credit code 91350100M000100Y43\n";
  g_autofree char *src = make_file (f, "licence.txt", contents);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAttachment) a = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *fan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean saw_temporary = FALSE;
  struct stat st;

  a = awb_attachment_store_add (f->store, src, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->sha256, ==, sha);
  g_assert_cmpstr (a->name, ==, "licence.txt");
  g_assert_cmpint (a->size, ==, (gint64) strlen (contents));
  g_assert_cmpstr (a->content_type, ==, "text/plain");
  g_assert_null (a->id);

  stored = awb_attachment_store_get_file_path (f->store, sha);
  bytes = awb_test_read_file (stored);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents,
                   strlen (contents));

  /* private: the store and its folders 0700, the files 0600 */
  g_assert_cmpint (g_stat (awb_attachment_store_get_path (f->store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  fan = g_path_get_dirname (stored);
  g_assert_cmpint (g_stat (fan, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (stored, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* the temporary name was renamed away */
  g_assert_cmpuint (count_files (awb_attachment_store_get_path (f->store), &saw_temporary), ==, 1);
  g_assert_false (saw_temporary);
}

static void
test_same_content_once (Fixture *f, gconstpointer data)
{
  g_autofree char *one = make_file (f, "a.pdf", "%PDF-1.4 same bytes");
  g_autofree char *two = make_file (f, "copy of a.pdf", "%PDF-1.4 same bytes");
  g_autofree char *three = make_file (f, "b.pdf", "%PDF-1.4 other bytes");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAttachment) a = awb_attachment_store_add (f->store, one, NULL, &error);
  g_autoptr(AwbAttachment) b = awb_attachment_store_add (f->store, two, NULL, &error);
  g_autoptr(AwbAttachment) c = awb_attachment_store_add (f->store, three, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (a->sha256, ==, b->sha256);
  g_assert_cmpstr (b->name, ==, "copy of a.pdf");
  g_assert_cmpstr (a->sha256, !=, c->sha256);
  g_assert_cmpstr (a->content_type, ==, "application/pdf");
  g_assert_cmpuint (count_files (awb_attachment_store_get_path (f->store), NULL), ==, 2);
}

static void
test_unicode_path (Fixture *f, gconstpointer data)
{
  g_autofree char *sub = g_build_filename (f->dir, "现场 记录", NULL);
  g_autofree char *src = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAttachment) a = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  src = g_build_filename (sub, "营业执照 副本 (2025).txt", NULL);
  awb_test_write_file (src, "营业执照", -1);

  a = awb_attachment_store_add (f->store, src, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->name, ==, "营业执照 副本 (2025).txt");
  g_assert_cmpint (a->size, ==, (gint64) strlen ("营业执照"));
}

static void
test_large (Fixture *f, gconstpointer data)
{
  /* several read chunks, and a length that is no multiple of one */
  gsize len = 3 * 64 * 1024 + 123;
  g_autofree guchar *buf = g_malloc (len);
  g_autofree char *src = g_build_filename (f->dir, "scan.bin", NULL);
  g_autofree char *sha = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAttachment) a = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (gsize i = 0; i < len; i++)
    buf[i] = (guchar) g_rand_int_range (rand, 0, 256);
  awb_test_write_file (src, (const char *) buf, (gssize) len);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, buf, len);

  a = awb_attachment_store_add (f->store, src, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->sha256, ==, sha);
  g_assert_cmpint (a->size, ==, (gint64) len);
  stored = awb_attachment_store_get_file_path (f->store, sha);
  bytes = awb_test_read_file (stored);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), buf, len);
}

static void
test_missing_source (Fixture *f, gconstpointer data)
{
  g_autofree char *src = g_build_filename (f->dir, "no such 文件.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAttachment) a = NULL;

  a = awb_attachment_store_add (f->store, src, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, src));
  /* nothing written: not even the store folder */
  g_assert_false (g_file_test (awb_attachment_store_get_path (f->store), G_FILE_TEST_EXISTS));

  g_clear_error (&error);
  g_assert_false (awb_attachment_store_check_source (f->dir, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, f->dir));

  g_clear_error (&error);
  g_assert_false (awb_attachment_store_check_source ("", &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
  g_assert_false (g_file_test (awb_attachment_store_get_path (f->store), G_FILE_TEST_EXISTS));
}

/* An attached file recorded with plain SQL, so that verify has something to check. */
static void
record (Fixture *f, const char *case_id, const char *evidence_id, const AwbAttachment *a)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *att_id = g_uuid_string_random ();

  g_assert_true (_awb_database_run (f->db, &error,
                                    "INSERT OR IGNORE INTO cases (id, catalogue_id, "
                                    "catalogue_version, applicant, credit_code, created_at, "
                                    "updated_at) VALUES (?, 'cnitsec-cloud-l1-2025', '2025.05', "
                                    "'A', 'C', 't', 't')", "s", case_id));
  g_assert_true (_awb_database_run (f->db, &error,
                                    "INSERT OR IGNORE INTO evidence (id, case_id, method, title, "
                                    "recorded_at, updated_at) VALUES (?, ?, 'document', 'T', 't', "
                                    "'t')", "ss", evidence_id, case_id));
  g_assert_true (_awb_database_run (f->db, &error,
                                    "INSERT INTO attachments (id, evidence_id, sha256, name, size, "
                                    "content_type, added_at) VALUES (?, ?, ?, ?, ?, ?, 't')",
                                    "ssssis", att_id, evidence_id, a->sha256, a->name, a->size,
                                    a->content_type));
  g_assert_no_error (error);
}

static GPtrArray *
verify (Fixture *f, const char *case_id, guint *checked, guint *cleaned)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (awb_attachment_store_verify (f->db, case_id, problems, checked, cleaned,
                                              &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
  return problems;
}

static guint
count_matching (GPtrArray *problems, const char *a, const char *b)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    if (strstr (problems->pdata[i], a) != NULL && strstr (problems->pdata[i], b) != NULL)
      n++;
  return n;
}

static void
test_verify (Fixture *f, gconstpointer data)
{
  g_autofree char *s1 = make_file (f, "one.txt", "one");
  g_autofree char *s2 = make_file (f, "two.txt", "two");
  g_autofree char *s3 = make_file (f, "three.txt", "three");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAttachment) a1 = awb_attachment_store_add (f->store, s1, NULL, &error);
  g_autoptr(AwbAttachment) a2 = awb_attachment_store_add (f->store, s2, NULL, &error);
  g_autoptr(AwbAttachment) a3 = awb_attachment_store_add (f->store, s3, NULL, &error);
  g_autofree char *p1 = awb_attachment_store_get_file_path (f->store, a1->sha256);
  g_autofree char *p2 = awb_attachment_store_get_file_path (f->store, a2->sha256);
  guint checked = 0, cleaned = 0;

  g_assert_no_error (error);
  record (f, "case-1", "ev-1", a1);
  record (f, "case-1", "ev-2", a1);  /* the same file, two items: hashed once */
  record (f, "case-1", "ev-1", a2);
  record (f, "case-2", "ev-3", a3);

  {
    g_autoptr(GPtrArray) problems = verify (f, NULL, &checked, &cleaned);
    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_cmpuint (checked, ==, 3);
    g_assert_cmpuint (cleaned, ==, 0);
  }

  /* altered: both items holding the file are reported, with its path */
  g_chmod (p1, 0600);
  awb_test_write_file (p1, "ONE", -1);
  /* missing */
  g_assert_cmpint (g_unlink (p2), ==, 0);

  {
    g_autoptr(GPtrArray) problems = verify (f, NULL, &checked, NULL);
    g_assert_cmpuint (problems->len, ==, 3);
    g_assert_cmpuint (checked, ==, 2);
    g_assert_cmpuint (count_matching (problems, "altered", "one.txt"), ==, 2);
    g_assert_cmpuint (count_matching (problems, "ev-1", "one.txt"), ==, 1);
    g_assert_cmpuint (count_matching (problems, "ev-2", "one.txt"), ==, 1);
    g_assert_cmpuint (count_matching (problems, "missing", p2), ==, 1);
  }
  {
    /* one case only */
    g_autoptr(GPtrArray) problems = verify (f, "case-2", &checked, NULL);
    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_cmpuint (checked, ==, 1);
  }

  /* adding the same content again repairs the altered copy */
  {
    g_autoptr(AwbAttachment) again = awb_attachment_store_add (f->store, s1, NULL, &error);
    g_autoptr(AwbAttachment) back = awb_attachment_store_add (f->store, s2, NULL, &error);
    g_autoptr(GPtrArray) problems = verify (f, NULL, NULL, NULL);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* a damaged hash in the database never becomes a path */
  g_assert_true (_awb_database_run (f->db, &error,
                                    "UPDATE attachments SET sha256 = '../../w.db' "
                                    "WHERE evidence_id = 'ev-3'", NULL));
  {
    g_autoptr(GPtrArray) problems = verify (f, "case-2", NULL, NULL);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_nonnull (strstr (problems->pdata[0], "damaged"));
  }
}

static void
test_temporaries (Fixture *f, gconstpointer data)
{
  g_autofree char *src = make_file (f, "x.txt", "x");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAttachment) a = awb_attachment_store_add (f->store, src, NULL, &error);
  const char *store = awb_attachment_store_get_path (f->store);
  g_autofree char *left = g_build_filename (store, ".tmp-AbC123", NULL);
  g_autofree char *held = g_build_filename (store, ".tmp-XyZ789", NULL);
  g_autofree char *other = g_build_filename (store, "notes.txt", NULL);
  guint cleaned = 0;
  int fd;

  g_assert_no_error (error);
  record (f, "case-1", "ev-1", a);

  /* an interrupted write leaves a partial temporary file */
  awb_test_write_file (left, "partial", -1);
  /* a write in progress in another process holds its temporary file */
  awb_test_write_file (held, "in progress", -1);
  fd = g_open (held, O_RDWR | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);
  /* and a file that is not ours is not touched */
  awb_test_write_file (other, "mine", -1);

  {
    g_autoptr(GPtrArray) problems = verify (f, NULL, NULL, &cleaned);
    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_cmpuint (cleaned, ==, 1);
  }
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  /* once the writer is gone, its leftover goes too */
  close (fd);
  {
    g_autoptr(GPtrArray) problems = verify (f, NULL, NULL, &cleaned);
    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_cmpuint (cleaned, ==, 1);
  }
  g_assert_false (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

static void
test_two_databases (Fixture *f, gconstpointer data)
{
  g_autofree char *path2 = g_build_filename (f->dir, "w2.db", NULL);
  g_autoptr(AwbAttachmentStore) store2 = awb_attachment_store_new (path2);
  g_autofree char *src = make_file (f, "x.txt", "x");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbAttachment) a = awb_attachment_store_add (store2, src, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (awb_attachment_store_get_path (f->store), !=,
                   awb_attachment_store_get_path (store2));
  g_assert_false (g_file_test (awb_attachment_store_get_path (f->store), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (awb_attachment_store_get_path (store2), G_FILE_TEST_IS_DIR));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/attachment-store/naming", test_naming);
  ADD ("/attachment-store/add", test_add);
  ADD ("/attachment-store/same-content-once", test_same_content_once);
  ADD ("/attachment-store/unicode-path", test_unicode_path);
  ADD ("/attachment-store/large", test_large);
  ADD ("/attachment-store/missing-source", test_missing_source);
  ADD ("/attachment-store/verify", test_verify);
  ADD ("/attachment-store/temporaries", test_temporaries);
  ADD ("/attachment-store/two-databases", test_two_databases);
#undef ADD

  return g_test_run ();
}
