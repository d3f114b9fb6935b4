/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "awb-error.h"
#include "awb-xlsx-private.h"

/* The workbook's file: the target is checked before anything is written, the
 * workbook is written under a hidden temporary name in the target folder
 * (libxlsxwriter's own temporary files go there too) and put in place only
 * when complete — link() without FORCE, which never replaces a file, rename()
 * with it. A failed export leaves nothing behind. */

/* Refuses, before anything is written: a name that is not .xlsx, a folder
 * that is missing or not writable, an existing file without FORCE. */
char *
_awb_xlsx_check_target (const char    *path,
                        AwbXlsxFlags   flags,
                        GError       **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *lower = NULL;

  if (path == NULL || *path == '\0')
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("No file name given for the workbook: give one ending in .xlsx"));
      return NULL;
    }
  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (path, "/.xlsx"))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("“%s” does not end in .xlsx: Excel and LibreOffice open a workbook by "
                     "its extension; give a name such as case.xlsx"), path);
      return NULL;
    }

  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Folder “%s” does not exist: create it or choose another folder "
                     "for %s. Nothing was written."), folder, path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                   _("“%s” is a folder: give a file name ending in .xlsx"), path);
      return NULL;
    }
  if ((flags & AWB_XLSX_FORCE) == 0 && g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                   _("File “%s” already exists and was left as it is: choose another name, "
                     "or replace it (awb export … --force)"), path);
      return NULL;
    }
  if (g_access (folder, W_OK | X_OK) != 0)
    {
      int saved = errno;
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Folder “%s” cannot be written (%s): choose another folder for the "
                     "workbook. Nothing was written."), folder, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&folder);
}

/* A hidden name beside the target that nobody else uses. */
char *
_awb_xlsx_temporary_name (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  for (;;)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      char *tmp = g_build_filename (folder, name, NULL);

      if (!g_file_test (tmp, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        return tmp;
      g_free (tmp);
    }
}

/* libxlsxwriter's errors, in words that say what to do. */
void
_awb_xlsx_set_lxw_error (AwbXlsxContext *ctx,
                         lxw_error       status,
                         int             saved_errno,
                         const char     *path,
                         GError        **error)
{
  const char *why = saved_errno != 0 ? g_strerror (saved_errno) : lxw_strerror (status);

  switch (status)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("The workbook %s cannot be created in folder %s (%s): check that the "
                     "folder is writable. Nothing was written."), path, ctx->folder, why);
      break;
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Temporary files for %s cannot be written in folder %s (%s): free some "
                     "space or choose another folder. Nothing was written."),
                   path, ctx->folder, why);
      break;
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Writing the workbook %s failed (%s): the disk may be full; free some "
                     "space or choose another folder. Nothing was written."), path, why);
      break;
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Out of memory while writing the workbook %s: close other programs and "
                     "try again. Nothing was written."), path);
      break;
    case LXW_NO_ERROR:
    case LXW_ERROR_FEATURE_NOT_SUPPORTED:
    case LXW_ERROR_NULL_PARAMETER_IGNORED:
    case LXW_ERROR_PARAMETER_VALIDATION:
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND:
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
    case LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED:
    case LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED:
    case LXW_ERROR_IMAGE_DIMENSIONS:
    case LXW_MAX_ERRNO:
    default:
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("The workbook %s could not be written: %s (in “%s”). This is a fault "
                     "of the workbench; please report it. Nothing was written."),
                   path, lxw_strerror (status), ctx->lxw_where != NULL ? ctx->lxw_where : "");
      break;
    }
}

static gboolean
sync_file (const char *path,
           gboolean    directory,
           GError    **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC, 0);
  int saved = 0;

  if (fd < 0 || (fsync (fd) != 0 && errno != EINVAL))
    saved = errno;
  if (fd >= 0)
    close (fd);
  if (saved != 0 && !directory)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("The workbook could not be saved to disk (%s): free some space or "
                     "choose another folder. Nothing was written."), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Puts the complete file at path: without FORCE by link(), which never
 * replaces a file that appeared meanwhile; with FORCE by rename(). */
gboolean
_awb_xlsx_place_file (const char   *tmp,
                      const char   *path,
                      const char   *folder,
                      AwbXlsxFlags  flags,
                      GError      **error)
{
  if (!sync_file (tmp, FALSE, error))
    return FALSE;

  if ((flags & AWB_XLSX_FORCE) == 0)
    {
      if (link (tmp, path) == 0)
        {
          g_unlink (tmp);
          sync_file (folder, TRUE, NULL);
          return TRUE;
        }
      if (errno == EEXIST)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                       _("File “%s” appeared while the workbook was written and was left as "
                         "it is: choose another name, or replace it (awb export … --force)"),
                       path);
          return FALSE;
        }
      /* file systems without hard links (FAT, some network shares) */
      if (g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_EXISTS,
                       _("File “%s” appeared while the workbook was written and was left as "
                         "it is: choose another name, or replace it (awb export … --force)"),
                       path);
          return FALSE;
        }
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("The workbook cannot be saved as %s (%s). Nothing was written."),
                   path, g_strerror (saved));
      return FALSE;
    }
  sync_file (folder, TRUE, NULL);
  return TRUE;
}

/* Throws the unfinished workbook away; libxlsxwriter does not close the
 * temporary files of constant_memory sheets itself. */
void
_awb_xlsx_discard_workbook (AwbXlsxContext *ctx)
{
  if (ctx->workbook == NULL)
    return;
  for (guint i = 0; i < ctx->worksheets->len; i++)
    {
      lxw_worksheet *ws = ctx->worksheets->pdata[i];

      if (ws->optimize_tmpfile != NULL)
        fclose (ws->optimize_tmpfile);
      ws->optimize_tmpfile = NULL;
      ws->file = NULL;
    }
  lxw_workbook_free (ctx->workbook);
  ctx->workbook = NULL;
}
