/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-attachment-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-attachment-store.h"

/* The attachment store: a folder beside the database, named after it
 * (w.db → w.db.attachments/), holding every attached file once under its
 * SHA-256 (ab/abcdef…). A file is copied to a temporary name in the store,
 * hashed while it is copied (so the name always matches what was written,
 * even if the source changes meanwhile), fsynced, then renamed; a crash
 * leaves at worst a temporary file, which verify deletes, or a complete file
 * that nothing refers to yet. See docs/attachments.md. */

#define STORE_SUFFIX ".attachments"
#define TEMP_PREFIX  ".tmp-"
#define CHUNK        (64 * 1024)
#define SNIFF        4096

struct _AwbAttachmentStore
{
  GObject  parent_instance;

  char    *path;
};

G_DEFINE_FINAL_TYPE (AwbAttachmentStore, awb_attachment_store, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (AwbAttachment, awb_attachment, awb_attachment_copy, awb_attachment_free)

AwbAttachment *
awb_attachment_copy (const AwbAttachment *attachment)
{
  AwbAttachment *copy;

  g_return_val_if_fail (attachment != NULL, NULL);

  copy = g_new0 (AwbAttachment, 1);
  copy->id = g_strdup (attachment->id);
  copy->sha256 = g_strdup (attachment->sha256);
  copy->name = g_strdup (attachment->name);
  copy->size = attachment->size;
  copy->content_type = g_strdup (attachment->content_type);
  copy->added_at = g_strdup (attachment->added_at);
  return copy;
}

void
awb_attachment_free (AwbAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->id);
  g_free (attachment->sha256);
  g_free (attachment->name);
  g_free (attachment->content_type);
  g_free (attachment->added_at);
  g_free (attachment);
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

static void
sync_folder (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Makes folder path with mode 0700 if it is missing. */
static gboolean
ensure_folder (const char *path,
               GError    **error)
{
  if (g_mkdir (path, 0700) == 0)
    {
      g_autofree char *parent = g_path_get_dirname (path);

      /* the umask may have taken bits away, never added them; make it exactly 0700 */
      g_chmod (path, 0700);
      sync_folder (parent);
      return TRUE;
    }
  if (errno == EEXIST && g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;

  {
    int saved = errno;
    g_autofree char *display = g_filename_display_name (path);

    g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                 _("The attachment folder %s cannot be created: %s. Nothing was added."), display,
                 saved == EEXIST ? _("a file of that name is in the way") : g_strerror (saved));
    return FALSE;
  }
}

static void
set_io_error (GError    **error,
              int         saved_errno,
              const char *store_path,
              const char *source_path)
{
  g_autofree char *store = g_filename_display_name (store_path);
  g_autofree char *source = g_filename_display_name (source_path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                 _("The disk holding the attachment folder %s is full: %s was not added. "
                   "Free some space and try again."), store, source);
  else
    g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                 _("%s cannot be copied into the attachment folder %s: %s. Nothing was added."),
                 source, store, g_strerror (saved_errno));
}

static void
set_read_error (GError    **error,
                const char *path,
                GError     *cause)
{
  g_autofree char *display = g_filename_display_name (path);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                 _("File %s does not exist: nothing was added. Check the path."), display);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("Adding %s was cancelled: nothing was added."),
                 display);
  else
    g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                 _("File %s cannot be read (%s): nothing was added."), display, cause->message);
}

/* SHA-256 of the file at path, streamed. */
static char *
hash_file (const char   *path,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buf = g_malloc (CHUNK);
  gssize n;

  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, CHUNK, cancellable, error)) > 0)
    g_checksum_update (sum, buf, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (sum));
}

static gboolean
write_all (int           fd,
           const guchar *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static void
awb_attachment_store_finalize (GObject *object)
{
  AwbAttachmentStore *self = (AwbAttachmentStore *) object;

  g_free (self->path);

  G_OBJECT_CLASS (awb_attachment_store_parent_class)->finalize (object);
}

static void
awb_attachment_store_class_init (AwbAttachmentStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awb_attachment_store_finalize;
}

static void
awb_attachment_store_init (AwbAttachmentStore *self)
{
}

/* The store of the database at database_path: "w.db" → "w.db.attachments". */
AwbAttachmentStore *
awb_attachment_store_new (const char *database_path)
{
  AwbAttachmentStore *self;

  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (AWB_TYPE_ATTACHMENT_STORE, NULL);
  self->path = g_strconcat (database_path, STORE_SUFFIX, NULL);
  return self;
}

AwbAttachmentStore *
awb_attachment_store_new_for_database (AwbDatabase *db)
{
  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  return awb_attachment_store_new (awb_database_get_path (db));
}

/* The store folder (it exists once a file was added). */
const char *
awb_attachment_store_get_path (AwbAttachmentStore *self)
{
  g_return_val_if_fail (AWB_IS_ATTACHMENT_STORE (self), NULL);
  return self->path;
}

/* Where the file with this SHA-256 is kept, or NULL if sha256 is not one. */
char *
awb_attachment_store_get_file_path (AwbAttachmentStore *self,
                                    const char         *sha256)
{
  char fan[3];

  g_return_val_if_fail (AWB_IS_ATTACHMENT_STORE (self), NULL);

  if (!is_sha256 (sha256))
    return NULL;
  fan[0] = sha256[0];
  fan[1] = sha256[1];
  fan[2] = '\0';
  return g_build_filename (self->path, fan, sha256, NULL);
}

/* Refuses a path that is missing, not a regular file, or unreadable. */
gboolean
awb_attachment_store_check_source (const char *source_path,
                                   GError    **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (source_path != NULL, FALSE);

  display = g_filename_display_name (source_path);
  if (*source_path == '\0')
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("An empty file name was given as an attachment: give the file's path."));
      return FALSE;
    }

  file = g_file_new_for_path (source_path);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      set_read_error (error, source_path, local_error);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("%s is a folder, not a file: attach the files in it one by one."), display);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("%s is not a regular file (a device, pipe or socket) and cannot be attached."),
                   display);
      return FALSE;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("File %s cannot be read (permission denied): nothing was added."), display);
      return FALSE;
    }
  return TRUE;
}

/* Copies source_path into the store (once per content) and returns what was
 * stored, with id and added_at NULL. Recording it is the caller's business. */
AwbAttachment *
awb_attachment_store_add (AwbAttachmentStore *self,
                          const char         *source_path,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) sum = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guchar *buf = NULL;
  g_autofree guchar *head = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *final = NULL;
  g_autofree char *fan = NULL;
  g_autofree char *guess = NULL;
  g_autoptr(AwbAttachment) result = NULL;
  gsize head_len = 0;
  gint64 size = 0;
  gboolean uncertain;
  gssize n;
  int fd;

  g_return_val_if_fail (AWB_IS_ATTACHMENT_STORE (self), NULL);
  g_return_val_if_fail (source_path != NULL, NULL);

  if (!awb_attachment_store_check_source (source_path, error))
    return NULL;

  file = g_file_new_for_path (source_path);
  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      set_read_error (error, source_path, local_error);
      return NULL;
    }

  if (!ensure_folder (self->path, error))
    return NULL;

  tmp = g_build_filename (self->path, TEMP_PREFIX "XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, self->path, source_path);
      return NULL;
    }
  /* held until the rename: verify deletes only temporary files nobody holds */
  flock (fd, LOCK_EX | LOCK_NB);

  sum = g_checksum_new (G_CHECKSUM_SHA256);
  buf = g_malloc (CHUNK);
  head = g_malloc (SNIFF);
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, CHUNK, cancellable,
                                   &local_error)) > 0)
    {
      if (head_len < SNIFF)
        {
          gsize take = MIN ((gsize) n, SNIFF - head_len);
          memcpy (head + head_len, buf, take);
          head_len += take;
        }
      g_checksum_update (sum, buf, n);
      if (!write_all (fd, buf, (gsize) n))
        {
          set_io_error (error, errno, self->path, source_path);
          goto fail;
        }
      size += n;
    }
  if (n < 0)
    {
      set_read_error (error, source_path, local_error);
      goto fail;
    }
  if (fsync (fd) != 0)
    {
      set_io_error (error, errno, self->path, source_path);
      goto fail;
    }

  result = g_new0 (AwbAttachment, 1);
  result->sha256 = g_strdup (g_checksum_get_string (sum));
  result->size = size;
  result->name = g_filename_display_basename (source_path);
  guess = g_content_type_guess (result->name, head, head_len, &uncertain);
  result->content_type = guess != NULL ? g_content_type_get_mime_type (guess) : NULL;
  if (result->content_type == NULL)
    result->content_type = g_strdup ("application/octet-stream");

  fan = g_strndup (result->sha256, 2);
  {
    g_autofree char *fan_path = g_build_filename (self->path, fan, NULL);
    if (!ensure_folder (fan_path, error))
      goto fail;
  }
  final = awb_attachment_store_get_file_path (self, result->sha256);

  if (g_file_test (final, G_FILE_TEST_EXISTS))
    {
      g_autofree char *existing = hash_file (final, cancellable, NULL);

      /* stored once; an altered copy is replaced by the right content */
      if (g_strcmp0 (existing, result->sha256) == 0)
        {
          g_unlink (tmp);
          close (fd);
          return g_steal_pointer (&result);
        }
    }

  if (g_rename (tmp, final) != 0)
    {
      set_io_error (error, errno, self->path, source_path);
      goto fail;
    }
  {
    g_autofree char *fan_path = g_path_get_dirname (final);
    sync_folder (fan_path);
  }
  close (fd);
  return g_steal_pointer (&result);

fail:
  g_unlink (tmp);
  close (fd);
  return NULL;
}

/* Deletes temporary files left by interrupted writes (those no writer holds). */
static guint
clean_temporaries (AwbAttachmentStore *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->path, 0, NULL);
  const char *name;
  guint cleaned = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat held, named;
      int fd;

      if (!g_str_has_prefix (name, TEMP_PREFIX))
        continue;
      path = g_build_filename (self->path, name, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &held) == 0 &&
          g_lstat (path, &named) == 0 && held.st_ino == named.st_ino &&
          held.st_dev == named.st_dev && S_ISREG (named.st_mode) && g_unlink (path) == 0)
        cleaned++;
      close (fd);
    }
  if (cleaned > 0)
    sync_folder (self->path);
  return cleaned;
}

typedef enum
{
  FILE_OK,
  FILE_MISSING,
  FILE_ALTERED,
  FILE_UNREADABLE,
  FILE_BAD_NAME,
} FileState;

/* Re-hashes every file that attachments of case_id (every case when NULL)
 * refer to; each missing or altered file is added to problems as a sentence
 * per attachment. Leftover temporary files are deleted, not reported.
 * n_checked: distinct files re-hashed; n_cleaned: temporary files deleted.
 * Returns FALSE only when the database could not be read. */
gboolean
awb_attachment_store_verify (AwbDatabase *db,
                             const char  *case_id,
                             GPtrArray   *problems,
                             guint       *n_checked,
                             guint       *n_cleaned,
                             GError     **error)
{
  g_autoptr(AwbAttachmentStore) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *current = NULL;
  g_autofree char *detail = NULL;
  FileState state = FILE_OK;
  guint checked = 0;
  guint cleaned;
  int rc;

  g_return_val_if_fail (AWB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  self = awb_attachment_store_new_for_database (db);
  cleaned = clean_temporaries (self);

  stmt = _awb_database_query (db, error,
                              "SELECT a.sha256, a.name, a.id, a.evidence_id, e.case_id "
                              "FROM attachments a JOIN evidence e ON e.id = a.evidence_id "
                              "WHERE ?1 IS NULL OR e.case_id = ?1 "
                              "ORDER BY a.sha256, e.case_id, a.evidence_id, a.name",
                              "s", case_id);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *sha = _awb_column_text (stmt, 0);
      const char *name = _awb_column_text (stmt, 1);
      const char *evidence_id = _awb_column_text (stmt, 3);
      const char *cid = _awb_column_text (stmt, 4);
      g_autofree char *path = NULL;
      g_autofree char *display = NULL;

      path = awb_attachment_store_get_file_path (self, sha);
      if (g_strcmp0 (sha, current) != 0)
        {
          g_autoptr(GError) read_error = NULL;
          g_autofree char *actual = NULL;

          g_free (current);
          current = g_strdup (sha);
          g_clear_pointer (&detail, g_free);

          if (path == NULL)
            state = FILE_BAD_NAME;
          else if (!g_file_test (path, G_FILE_TEST_EXISTS))
            state = FILE_MISSING;
          else
            {
              checked++;
              actual = hash_file (path, NULL, &read_error);
              if (actual == NULL)
                {
                  state = FILE_UNREADABLE;
                  detail = g_strdup (read_error->message);
                }
              else if (!g_str_equal (actual, sha))
                {
                  state = FILE_ALTERED;
                  detail = g_steal_pointer (&actual);
                }
              else
                state = FILE_OK;
            }
        }

      display = path != NULL ? g_filename_display_name (path) : NULL;
      switch (state)
        {
        case FILE_OK:
          break;
        case FILE_MISSING:
          g_ptr_array_add (problems,
                           g_strdup_printf (_("Case %s, evidence item %s: attachment “%s” is "
                                              "missing from the store (%s does not exist)"),
                                            cid, evidence_id, name, display));
          break;
        case FILE_ALTERED:
          g_ptr_array_add (problems,
                           g_strdup_printf (_("Case %s, evidence item %s: attachment “%s” was "
                                              "altered (%s now has SHA-256 %s)"),
                                            cid, evidence_id, name, display, detail));
          break;
        case FILE_UNREADABLE:
          g_ptr_array_add (problems,
                           g_strdup_printf (_("Case %s, evidence item %s: attachment “%s” "
                                              "cannot be read: %s"),
                                            cid, evidence_id, name, detail));
          break;
        case FILE_BAD_NAME:
        default:
          g_ptr_array_add (problems,
                           g_strdup_printf (_("Case %s, evidence item %s: attachment “%s” has a "
                                              "damaged SHA-256 “%s” in the database"),
                                            cid, evidence_id, name, sha != NULL ? sha : ""));
          break;
        }
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  if (n_checked != NULL)
    *n_checked = checked;
  if (n_cleaned != NULL)
    *n_cleaned = cleaned;
  return TRUE;
}
