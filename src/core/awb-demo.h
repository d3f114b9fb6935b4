/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awb-database.h"

G_BEGIN_DECLS

/* The demo case the workbench shows on its first run: a fictitious
 * applicant in the evaluation stage, with a team, both registers, a few
 * evidence items of each method, some ratings and a finding. Returns the
 * new case's id. */
char *awb_demo_create (AwbDatabase *db,
                       GError     **error);

G_END_DECLS
