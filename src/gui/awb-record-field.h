/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The label of a record's field ("rationale" → "Rationale"); entity is the
 * table or history entity ("evidence" gives an item's method fields their own
 * labels). A field without a label is returned as it is. */
const char *awb_record_field_label (const char *entity,
                                    const char *field);

G_END_DECLS
