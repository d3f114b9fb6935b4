/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The prev_hash of a case's first history entry. */
#define AWB_HISTORY_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* The hash of a history entry with these columns chained to prev_hash, as
 * awb_history_append and awb_history_verify compute it (for packages, which
 * carry entries from one database's chain onto another's). */
char *_awb_history_entry_hash (const char *id,
                               const char *case_id,
                               const char *at,
                               const char *actor,
                               const char *action,
                               const char *entity,
                               const char *entity_id,
                               const char *before,
                               const char *after,
                               const char *prev_hash);

G_END_DECLS
