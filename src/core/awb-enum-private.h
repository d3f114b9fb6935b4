/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Enum names as the command line and the database write them: an enum's
 * value is its index in a table of n_names names. GLib only, so that the
 * lowest layers (awb-method, awb-rating) can use it. */

/* Finds text in names; sets *out to its index and returns TRUE, or returns
 * FALSE (text NULL or not a name) and leaves *out alone. */
gboolean _awb_enum_from_string (const char * const *names,
                                guint               n_names,
                                const char         *text,
                                guint              *out);

G_END_DECLS
