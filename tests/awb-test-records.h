/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "awb-database.h"

G_BEGIN_DECLS

/* Records written straight into the schema, for the tests of the judgement
 * and the panel: they exercise the rules without depending on the record
 * modules' own validation. */

/* A new case on the catalogue (NULL: the built-in one, newest version);
 * received and evaluation_start may be NULL. Returns the case id. */
char *awb_test_case            (AwbDatabase *db,
                                const char  *catalogue_id,
                                const char  *received,
                                const char  *evaluation_start);
void  awb_test_case_date       (AwbDatabase *db,
                                const char  *case_id,
                                const char  *kind,
                                const char  *date);
/* One evidence item linked to one requirement. Returns its id. */
char *awb_test_evidence        (AwbDatabase *db,
                                const char  *case_id,
                                const char  *method,
                                const char  *requirement_id,
                                const char  *supports);
/* "document:yes,interview:partly" → one item per entry */
void  awb_test_evidence_list   (AwbDatabase *db,
                                const char  *case_id,
                                const char  *requirement_id,
                                const char  *list);
/* rating NULL removes the rating */
void  awb_test_rate            (AwbDatabase *db,
                                const char  *case_id,
                                const char  *requirement_id,
                                const char  *rating,
                                const char  *rationale);
char *awb_test_finding         (AwbDatabase *db,
                                const char  *case_id,
                                const char  *requirement_id,
                                const char  *kind,
                                const char  *action,
                                const char  *due,
                                const char  *status);
void  awb_test_staff           (AwbDatabase *db,
                                const char  *case_id,
                                const char  *name,
                                gboolean     full_time,
                                const char  *valid_until);
void  awb_test_project         (AwbDatabase *db,
                                const char  *case_id,
                                const char  *client,
                                const char  *to_date,
                                gboolean     accepted);
/* Every requirement of the case's catalogue conformant on all three methods,
 * 4 certified full-time staff valid until 2030, no failed project: a pass. */
void  awb_test_full_pass       (AwbDatabase *db,
                                const char  *case_id);
void  awb_test_sql             (AwbDatabase *db,
                                const char  *sql);

G_END_DECLS

G_BEGIN_DECLS

#define AWB_TEST_VARIANT_CATALOGUE "test-variant"

/* Points XDG_DATA_HOME at dir and writes there a variant of the built-in
 * catalogue, id "test-variant", whose rules differ: only "yes" supports, a
 * panel tie passes, largely needs no finding, the staff check needs 2 people,
 * full-time or not, on the received date, and 3.2.1-1 needs an interview
 * alone. Call before anything reads the catalogue registry. */
void  awb_test_install_variant_catalogue (const char *dir);

/* Opens a new database file in dir holding one case on catalogue (NULL: the
 * built-in one) received and started on 2026-04-01, after awb_test_full_pass
 * when full_pass. Each kind is built once per process (in the folder given
 * to awb_test_install_variant_catalogue) and copied: a test starts from it
 * without rebuilding the schema and the records. */
AwbDatabase *awb_test_open_case (const char *dir,
                                 const char *catalogue,
                                 gboolean    full_pass,
                                 char      **case_id);

G_END_DECLS
