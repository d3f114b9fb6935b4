/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "awb-finding.h"

G_BEGIN_DECLS

#define AWB_TYPE_FINDING_ROW (awb_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (AwbFindingRow, awb_finding_row, AWB, FINDING_ROW, AdwActionRow)

GtkWidget  *awb_finding_row_new        (AwbFinding    *finding);
AwbFinding *awb_finding_row_get_finding (AwbFindingRow *self);

G_END_DECLS
