/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awb-attachment-store.h"
#include "awb-bundle.h"
#include "awb-catalogue.h"
#include "awb-error.h"
#include "awb-record-private.h"
#include "awb-xlsx-exporter.h"

/* The evidence bundle: files are written one by one into a "sink" — a
 * temporary folder beside the target, or a temporary ZIP file there — each
 * hashed while it is copied (an attachment must still hash to its name in
 * the store), then SHA256SUMS, then the folder or file is renamed into place.
 * The ZIP is the plain "stored" kind (no compression: attachments are mostly
 * PDFs and pictures that do not shrink) with CRC-32 computed here, which
 * every unzip tool and Python's zipfile read. */

#define CHUNK          (64 * 1024)
#define MAX_NAME       180
#define WORKBOOK_NAME  "workbook.xlsx"
#define SUMS_NAME      "SHA256SUMS"
#define ZIP_LIMIT      G_GUINT64_CONSTANT (0xFFFFFFFF)

void
awb_bundle_result_free (AwbBundleResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->case_id);
  g_clear_pointer (&result->files, g_ptr_array_unref);
  g_free (result);
}

/* {path, case, zip, files: [...], attachments, size} */
JsonNode *
awb_bundle_result_to_json (AwbBundleResult *result)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, result->path);
  json_builder_set_member_name (b, "case");
  json_builder_add_string_value (b, result->case_id);
  json_builder_set_member_name (b, "zip");
  json_builder_add_boolean_value (b, result->zip);
  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; i < result->files->len; i++)
    json_builder_add_string_value (b, result->files->pdata[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "attachments");
  json_builder_add_int_value (b, result->n_attachments);
  json_builder_set_member_name (b, "size");
  json_builder_add_int_value (b, result->size);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- CRC-32 (ISO-HDLC, as ZIP uses it) ------------------------------------- */

static guint32 crc_table[256];

static void
crc_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
          crc_table[n] = c;
        }
      g_once_init_leave (&done, 1);
    }
}

static guint32
crc_update (guint32       crc,
            const guchar *data,
            gsize         len)
{
  crc = ~crc;
  for (gsize i = 0; i < len; i++)
    crc = crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return ~crc;
}

/* ---- the sink ------------------------------------------------------------------ */

typedef struct
{
  gboolean     zip;
  char        *root;      /* folder mode: the temporary folder */
  char        *tmp_path;  /* zip mode: the temporary file */
  int          fd;        /* zip mode */
  guint64      offset;
  GByteArray  *central;
  guint        n_entries;
  guint16      dos_time;
  guint16      dos_date;
  GString     *sums;
  GPtrArray   *files;
  goffset      size;
  const char  *target;    /* for messages */
} Sink;

static void
put16 (guchar *p,
       guint16 v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
}

static void
put32 (guchar *p,
       guint32 v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = (v >> 24) & 0xff;
}

static gboolean
write_error (Sink       *sink,
             int         saved,
             GError    **error)
{
  if (saved == ENOSPC || saved == EDQUOT)
    g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                 _("The disk is full: the bundle %s was not written. Free some space and try "
                   "again."), sink->target);
  else
    g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("The bundle %s cannot be written: %s"),
                 sink->target, g_strerror (saved));
  return FALSE;
}

static gboolean
write_all (Sink         *sink,
           int           fd,
           const guchar *data,
           gsize         len,
           GError      **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return write_error (sink, errno, error);
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
pwrite_all (Sink         *sink,
            const guchar *data,
            gsize         len,
            off_t         at,
            GError      **error)
{
  while (len > 0)
    {
      gssize n = pwrite (sink->fd, data, len, at);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return write_error (sink, errno, error);
      data += n;
      len -= (gsize) n;
      at += n;
    }
  return TRUE;
}

static gboolean
too_big (Sink    *sink,
         GError **error)
{
  g_set_error (error, AWB_ERROR, AWB_ERROR_REFUSED,
               _("The bundle is too big for a ZIP file (4 GiB or 65,535 files at most): nothing "
                 "was written. Give a folder instead of %s."), sink->target);
  return FALSE;
}

/* Starts a ZIP entry; the CRC and sizes are patched in by zip_end. */
static gboolean
zip_begin (Sink       *sink,
           const char *name,
           GError    **error)
{
  guchar header[30] = { 0 };
  gsize name_len = strlen (name);

  if (sink->n_entries >= 0xFFFF || sink->offset >= ZIP_LIMIT)
    return too_big (sink, error);
  put32 (header, 0x04034b50);
  put16 (header + 4, 20);
  put16 (header + 6, 0x0800);  /* names are UTF-8 */
  put16 (header + 8, 0);       /* stored */
  put16 (header + 10, sink->dos_time);
  put16 (header + 12, sink->dos_date);
  put16 (header + 26, (guint16) name_len);
  return write_all (sink, sink->fd, header, sizeof header, error) &&
         write_all (sink, sink->fd, (const guchar *) name, name_len, error);
}

static gboolean
zip_end (Sink       *sink,
         const char *name,
         guint32     crc,
         guint64     size,
         GError    **error)
{
  guchar fix[12];
  guchar entry[46] = { 0 };
  gsize name_len = strlen (name);
  guint64 header_at = sink->offset;

  if (size >= ZIP_LIMIT || sink->offset + 30 + name_len + size >= ZIP_LIMIT)
    return too_big (sink, error);
  put32 (fix, crc);
  put32 (fix + 4, (guint32) size);
  put32 (fix + 8, (guint32) size);
  if (!pwrite_all (sink, fix, sizeof fix, (off_t) (header_at + 14), error))
    return FALSE;

  put32 (entry, 0x02014b50);
  put16 (entry + 4, (3 << 8) | 20);  /* made on Unix, ZIP 2.0 */
  put16 (entry + 6, 20);
  put16 (entry + 8, 0x0800);
  put16 (entry + 10, 0);
  put16 (entry + 12, sink->dos_time);
  put16 (entry + 14, sink->dos_date);
  put32 (entry + 16, crc);
  put32 (entry + 20, (guint32) size);
  put32 (entry + 24, (guint32) size);
  put16 (entry + 28, (guint16) name_len);
  put32 (entry + 38, (guint32) 0100644 << 16);  /* -rw-r--r-- */
  put32 (entry + 42, (guint32) header_at);
  g_byte_array_append (sink->central, entry, sizeof entry);
  g_byte_array_append (sink->central, (const guint8 *) name, (guint) name_len);

  sink->offset += 30 + name_len + size;
  sink->n_entries++;
  return TRUE;
}

static gboolean
zip_finish (Sink    *sink,
            GError **error)
{
  guchar end[22] = { 0 };

  if (sink->offset + sink->central->len >= ZIP_LIMIT)
    return too_big (sink, error);
  put32 (end, 0x06054b50);
  put16 (end + 8, (guint16) sink->n_entries);
  put16 (end + 10, (guint16) sink->n_entries);
  put32 (end + 12, sink->central->len);
  put32 (end + 16, (guint32) sink->offset);
  if (!write_all (sink, sink->fd, sink->central->data, sink->central->len, error) ||
      !write_all (sink, sink->fd, end, sizeof end, error))
    return FALSE;
  if (fsync (sink->fd) != 0)
    return write_error (sink, errno, error);
  return TRUE;
}

/* Opens the file the entry's bytes go to in folder mode. */
static int
open_in_folder (Sink       *sink,
                const char *name,
                GError    **error)
{
  g_autofree char *path = g_build_filename (sink->root, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      write_error (sink, errno, error);
      return -1;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    write_error (sink, errno, error);
  return fd;
}

/* Adds the bytes of source (a file) as name; when expected is given the
 * bytes must hash to it. */
static gboolean
sink_add_file (Sink       *sink,
               const char *name,
               const char *source,
               const char *expected,
               const char *what,
               GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree guchar *buf = g_malloc (CHUNK);
  guint32 crc = 0;
  guint64 size = 0;
  gboolean ok = TRUE;
  gssize n;
  int fd;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                   _("%s cannot be read (%s): the bundle was not written (run “awb verify”)"),
                   what, local_error->message);
      return FALSE;
    }
  if (sink->zip)
    {
      if (!zip_begin (sink, name, error))
        return FALSE;
      fd = sink->fd;
    }
  else if ((fd = open_in_folder (sink, name, error)) < 0)
    return FALSE;

  while (ok && (n = g_input_stream_read (G_INPUT_STREAM (in), buf, CHUNK, NULL,
                                         &local_error)) > 0)
    {
      g_checksum_update (sum, buf, n);
      crc = crc_update (crc, buf, (gsize) n);
      size += (guint64) n;
      ok = write_all (sink, fd, buf, (gsize) n, error);
    }
  if (ok && local_error != NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("%s cannot be read (%s): the bundle was not written"), what,
                   local_error->message);
      ok = FALSE;
    }
  if (!sink->zip)
    {
      if (ok && fsync (fd) != 0)
        ok = write_error (sink, errno, error);
      close (fd);
    }
  if (!ok)
    return FALSE;

  if (expected != NULL && !g_str_equal (g_checksum_get_string (sum), expected))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                   _("%s was altered in the attachment store (it no longer has SHA-256 %s): "
                     "the bundle was not written (run “awb verify”)"), what, expected);
      return FALSE;
    }
  if (sink->zip && !zip_end (sink, name, crc, size, error))
    return FALSE;

  g_string_append_printf (sink->sums, "%s  %s\n", g_checksum_get_string (sum), name);
  g_ptr_array_add (sink->files, g_strdup (name));
  sink->size += (goffset) size;
  return TRUE;
}

static gboolean
sink_add_text (Sink       *sink,
               const char *name,
               const char *text,
               GError    **error)
{
  gsize len = strlen (text);
  int fd;

  if (sink->zip)
    {
      if (!zip_begin (sink, name, error) ||
          !write_all (sink, sink->fd, (const guchar *) text, len, error) ||
          !zip_end (sink, name, crc_update (0, (const guchar *) text, len), len, error))
        return FALSE;
    }
  else
    {
      gboolean ok;

      fd = open_in_folder (sink, name, error);
      if (fd < 0)
        return FALSE;
      ok = write_all (sink, fd, (const guchar *) text, len, error);
      if (ok && fsync (fd) != 0)
        ok = write_error (sink, errno, error);
      close (fd);
      if (!ok)
        return FALSE;
    }
  sink->size += (goffset) len;
  g_ptr_array_add (sink->files, g_strdup (name));
  return TRUE;
}

/* ---- names ------------------------------------------------------------------------ */

/* A file name safe in any folder and in SHA256SUMS: no separators, no
 * control characters, no backslash (sha256sum would escape it), not hidden. */
static char *
safe_name (const char *name)
{
  GString *out = g_string_new (NULL);

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || g_unichar_iscntrl (c))
          g_string_append_c (out, '_');
        else if (out->len + 6 < MAX_NAME)
          g_string_append_unichar (out, c);
      }
  g_strstrip (out->str);
  g_string_set_size (out, strlen (out->str));
  if (out->len == 0)
    g_string_assign (out, "attachment");
  if (out->str[0] == '.')
    g_string_prepend_c (out, '_');
  return g_string_free (out, FALSE);
}

/* "name.pdf" → "name (2).pdf" */
static char *
numbered_name (const char *name,
               guint       n)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name)
    return g_strdup_printf ("%s (%u)", name, n);
  return g_strdup_printf ("%.*s (%u)%s", (int) (dot - name), name, n, dot);
}

/* The first linked requirement in catalogue order, or the item's short id. */
static char *
attachment_folder (AwbDatabase  *db,
                   GHashTable   *order,
                   const char   *evidence_id,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *best = NULL;
  guint best_pos = G_MAXUINT;
  int rc;

  stmt = _awb_database_query (db, error,
                              "SELECT requirement_id FROM evidence_links WHERE evidence_id = ? "
                              "ORDER BY requirement_id", "s", evidence_id);
  if (stmt == NULL)
    return NULL;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *req = _awb_column_text (stmt, 0);
      gpointer pos;
      guint p = G_MAXUINT - 1;

      if (g_hash_table_lookup_extended (order, req, NULL, &pos))
        p = GPOINTER_TO_UINT (pos);
      if (best == NULL || p < best_pos)
        {
          g_free (best);
          best = safe_name (req);
          best_pos = p;
        }
    }
  if (rc != SQLITE_DONE)
    return NULL;
  if (best == NULL)
    best = g_strndup (evidence_id, 8);
  return g_steal_pointer (&best);
}

/* ---- placing the result ---------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static gboolean
check_target (const char *target,
              gboolean    zip,
              gboolean    force,
              GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *sums = g_build_filename (target, SUMS_NAME, NULL);
  GStatBuf st;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                   _("Folder %s does not exist: nothing was written"), dir);
      return FALSE;
    }
  if (g_lstat (target, &st) != 0)
    return TRUE;
  if (!force)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                   _("%s already exists: nothing was written. Give another name, or --force to "
                     "replace it."), target);
      return FALSE;
    }
  if (zip && !S_ISREG (st.st_mode))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                   _("%s exists and is not a file: nothing was written"), target);
      return FALSE;
    }
  if (!zip && (!S_ISDIR (st.st_mode) || !g_file_test (sums, G_FILE_TEST_IS_REGULAR)))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                   _("%s exists and is not an evidence bundle folder (it has no %s): it was left "
                     "as it is and nothing was written"), target, SUMS_NAME);
      return FALSE;
    }
  return TRUE;
}

static gboolean
place (Sink       *sink,
       const char *target,
       gboolean    force,
       GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  const char *from = sink->zip ? sink->tmp_path : sink->root;

  if (!sink->zip && force && g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      /* the old bundle goes aside, the new one in, then the old one away */
      g_autofree char *old = g_strdup_printf ("%s/.%s.old-XXXXXX", dir, base);

      if (g_mkdtemp_full (old, 0700) == NULL || g_rename (target, old) != 0 ||
          g_rename (from, target) != 0)
        return write_error (sink, errno, error);
      remove_tree (old);
    }
  else if (force || !sink->zip)
    {
      /* a folder is renamed onto a missing name (check_target refused an existing one) */
      if (g_rename (from, target) != 0)
        return write_error (sink, errno, error);
    }
  else
    {
      if (link (from, target) != 0)
        {
          if (errno == EEXIST)
            {
              g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                           _("%s already exists: nothing was written. Give another name, or "
                             "--force to replace it."), target);
              return FALSE;
            }
          return write_error (sink, errno, error);
        }
      g_unlink (from);
    }
  {
    int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd >= 0)
      {
        fsync (fd);
        close (fd);
      }
  }
  return TRUE;
}

/* ---- the bundle --------------------------------------------------------------------- */

static gboolean
write_contents (AwbDatabase *db,
                const char  *case_id,
                Sink        *sink,
                guint       *n_attachments,
                GError     **error)
{
  g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (db);
  g_autoptr(GHashTable) order = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(AwbXlsxResult) workbook = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *workbook_path = NULL;
  AwbCatalogue *catalogue;
  int rc;

  catalogue = _awb_case_get_catalogue (db, case_id, error);
  if (catalogue == NULL)
    return FALSE;
  for (guint i = 0; i < awb_catalogue_get_n_requirements (catalogue); i++)
    g_hash_table_insert (order,
                         g_strdup (awb_requirement_get_id (awb_catalogue_get_requirement (catalogue,
                                                                                          i))),
                         GUINT_TO_POINTER (i));

  /* the workbook, made in a scratch folder and copied in like the rest */
  scratch = g_dir_make_tmp ("awb-bundle-XXXXXX", &local_error);
  if (scratch == NULL)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO, _("The workbook cannot be written: %s"),
                   local_error->message);
      return FALSE;
    }
  workbook_path = g_build_filename (scratch, WORKBOOK_NAME, NULL);
  workbook = awb_xlsx_export_case (db, case_id, workbook_path, AWB_XLSX_NONE, NULL, NULL, NULL,
                                   error);
  if (workbook == NULL ||
      !sink_add_file (sink, WORKBOOK_NAME, workbook_path, NULL, _("The workbook"), error))
    {
      remove_tree (scratch);
      return FALSE;
    }
  remove_tree (scratch);

  stmt = _awb_database_query (db, error,
                              "SELECT a.evidence_id, a.sha256, a.name, e.title FROM attachments a "
                              "JOIN evidence e ON e.id = a.evidence_id WHERE e.case_id = ? "
                              "ORDER BY e.recorded_at, e.id, a.added_at, a.id", "s", case_id);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _awb_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *evidence_id = _awb_column_text (stmt, 0);
      const char *sha = _awb_column_text (stmt, 1);
      g_autofree char *folder = attachment_folder (db, order, evidence_id, error);
      g_autofree char *name = safe_name (_awb_column_text (stmt, 2));
      g_autofree char *rel = NULL;
      g_autofree char *source = NULL;
      g_autofree char *what = NULL;
      const char *seen;

      if (folder == NULL)
        return FALSE;
      rel = g_strdup_printf ("%s/%s", folder, name);
      for (guint n = 2; (seen = g_hash_table_lookup (used, rel)) != NULL; n++)
        {
          g_autofree char *numbered = NULL;

          if (g_str_equal (seen, sha))
            break;  /* the same file under the same name: once is enough */
          numbered = numbered_name (name, n);
          g_free (rel);
          rel = g_strdup_printf ("%s/%s", folder, numbered);
        }
      if (seen != NULL)
        continue;

      source = awb_attachment_store_get_file_path (store, sha);
      what = g_strdup_printf (_("Attachment “%s” of evidence item %.8s (%s)"),
                              _awb_column_text (stmt, 2), evidence_id,
                              _awb_column_text (stmt, 3));
      if (source == NULL)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_CORRUPT,
                       _("%s has a damaged SHA-256 in the database: the bundle was not written "
                         "(run “awb verify”)"), what);
          return FALSE;
        }
      if (!sink_add_file (sink, rel, source, sha, what, error))
        return FALSE;
      g_hash_table_insert (used, g_steal_pointer (&rel), g_strdup (sha));
      (*n_attachments)++;
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  return sink_add_text (sink, SUMS_NAME, sink->sums->str, error);
}

AwbBundleResult *
awb_bundle_export (AwbDatabase    *db,
                   const char     *case_id,
                   const char     *target,
                   AwbBundleFlags  flags,
                   GError        **error)
{
  g_autoptr(AwbBundleResult) result = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *cid = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *clean = NULL;
  gboolean force = (flags & AWB_BUNDLE_FORCE) != 0;
  Sink sink = { 0 };
  gboolean ok;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  /* "bundle/" names the folder "bundle" */
  clean = g_strdup (target);
  while (strlen (clean) > 1 && g_str_has_suffix (clean, G_DIR_SEPARATOR_S))
    clean[strlen (clean) - 1] = '\0';
  target = clean;

  cid = _awb_resolve_id (db, "cases", case_id, _("case"), error);
  if (cid == NULL)
    return NULL;
  sink.zip = g_str_has_suffix (target, ".zip") || g_str_has_suffix (target, ".ZIP");
  if (!check_target (target, sink.zip, force, error))
    return NULL;

  crc_init ();
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  sink.target = target;
  sink.fd = -1;
  sink.sums = g_string_new (NULL);
  sink.files = g_ptr_array_new_with_free_func (g_free);
  sink.central = g_byte_array_new ();
  sink.dos_time = (guint16) ((g_date_time_get_hour (now) << 11) |
                             (g_date_time_get_minute (now) << 5) |
                             (g_date_time_get_second (now) / 2));
  sink.dos_date = (guint16) (((MAX (g_date_time_get_year (now), 1980) - 1980) << 9) |
                             (g_date_time_get_month (now) << 5) |
                             g_date_time_get_day_of_month (now));

  if (sink.zip)
    {
      sink.tmp_path = g_strdup_printf ("%s/.%s.new-XXXXXX", dir, base);
      sink.fd = g_mkstemp_full (sink.tmp_path, O_RDWR | O_CLOEXEC, 0644);
      ok = sink.fd >= 0 || write_error (&sink, errno, error);
    }
  else
    {
      sink.root = g_strdup_printf ("%s/.%s.new-XXXXXX", dir, base);
      ok = g_mkdtemp_full (sink.root, 0755) != NULL || write_error (&sink, errno, error);
    }

  result = g_new0 (AwbBundleResult, 1);
  ok = ok && write_contents (db, cid, &sink, &result->n_attachments, error);
  ok = ok && (!sink.zip || zip_finish (&sink, error));
  if (sink.fd >= 0)
    close (sink.fd);
  ok = ok && place (&sink, target, force, error);
  if (!ok)
    remove_tree (sink.zip ? sink.tmp_path : sink.root);

  result->path = g_strdup (target);
  result->case_id = g_steal_pointer (&cid);
  result->zip = sink.zip;
  result->files = g_steal_pointer (&sink.files);
  result->size = sink.size;
  g_free (sink.root);
  g_free (sink.tmp_path);
  g_string_free (sink.sums, TRUE);
  g_byte_array_unref (sink.central);
  if (!ok)
    return NULL;
  return g_steal_pointer (&result);
}
