/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *awb_test_make_tmpdir   (void);
void     awb_test_remove_tree   (const char *path);
GBytes  *awb_test_read_file     (const char *path);
char    *awb_test_builtin_catalogue_text (void);

G_END_DECLS
