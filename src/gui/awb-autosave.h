/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Commits a text field when focus leaves it or after a short pause in typing.
 * commit returns FALSE (and sets error) when the core refused the text; the
 * field keeps it so that nothing typed is lost. */
typedef gboolean (*AwbAutosaveFunc) (GtkWidget  *field,
                                     const char *text,
                                     gpointer    user_data,
                                     GError    **error);
typedef void     (*AwbAutosaveResultFunc) (GtkWidget    *field,
                                           const GError *error,
                                           gpointer      user_data);

#define AWB_AUTOSAVE_DELAY_MS 800

void   awb_autosave_attach     (GtkWidget             *field,
                                AwbAutosaveFunc        commit,
                                AwbAutosaveResultFunc  result,
                                gpointer               user_data);
void   awb_autosave_set_text   (GtkWidget             *field,
                                const char            *text);
char  *awb_autosave_get_text   (GtkWidget             *field);
void   awb_autosave_flush      (GtkWidget             *field);
gboolean awb_autosave_is_pending (GtkWidget           *field);

G_END_DECLS
