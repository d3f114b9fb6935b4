/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awb-database.h"

G_BEGIN_DECLS

/* One attached file as the database knows it. id and added_at are NULL for a
 * file just put in the store and not yet recorded. */
typedef struct
{
  char   *id;
  char   *sha256;        /* 64 lower-case hex digits: the file's name in the store */
  char   *name;          /* the original file name, for people */
  gint64  size;          /* bytes */
  char   *content_type;  /* a MIME type, "application/octet-stream" when unknown */
  char   *added_at;
} AwbAttachment;

#define AWB_TYPE_ATTACHMENT (awb_attachment_get_type ())
GType          awb_attachment_get_type (void) G_GNUC_CONST;
AwbAttachment *awb_attachment_copy     (const AwbAttachment *attachment);
void           awb_attachment_free     (AwbAttachment       *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwbAttachment, awb_attachment_free)

#define AWB_TYPE_ATTACHMENT_STORE (awb_attachment_store_get_type ())
G_DECLARE_FINAL_TYPE (AwbAttachmentStore, awb_attachment_store, AWB, ATTACHMENT_STORE, GObject)

AwbAttachmentStore *awb_attachment_store_new              (const char         *database_path);
AwbAttachmentStore *awb_attachment_store_new_for_database (AwbDatabase        *db);
const char         *awb_attachment_store_get_path         (AwbAttachmentStore *self);
char               *awb_attachment_store_get_file_path    (AwbAttachmentStore *self,
                                                           const char         *sha256);
gboolean            awb_attachment_store_check_source     (const char         *source_path,
                                                           GError            **error);
AwbAttachment      *awb_attachment_store_add              (AwbAttachmentStore *self,
                                                           const char         *source_path,
                                                           GCancellable       *cancellable,
                                                           GError            **error);
gboolean            awb_attachment_store_verify           (AwbDatabase        *db,
                                                           const char         *case_id,
                                                           GPtrArray          *problems,
                                                           guint              *n_checked,
                                                           guint              *n_cleaned,
                                                           GError            **error);

G_END_DECLS
