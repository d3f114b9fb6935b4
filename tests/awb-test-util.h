/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "awb-database.h"

G_BEGIN_DECLS

char    *awb_test_make_tmpdir   (void);
void     awb_test_remove_tree   (const char *path);
GBytes  *awb_test_read_file     (const char *path);
char    *awb_test_builtin_catalogue_text (void);
/* Inserts a case against the built-in catalogue straight into the table
 * (for tests of the records that hang off a case). */
void     awb_test_insert_case   (AwbDatabase *db,
                                 const char  *case_id);
/* Locks the case as the expert panel's submission does. */
void     awb_test_lock_case     (AwbDatabase *db,
                                 const char  *case_id);
/* Every row of every table as text, to show that a refusal wrote nothing. */
char    *awb_test_dump_database (AwbDatabase *db);
void     awb_test_assert_counts (AwbDatabase *db);
void     awb_test_write_file    (const char  *path,
                                 const char  *contents,
                                 gssize       length);

G_END_DECLS
