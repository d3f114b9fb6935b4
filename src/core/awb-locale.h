/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        awb_locale_init       (void);
gboolean    awb_locale_is_chinese (void);
const char *awb_locale_pick       (const char *zh,
                                   const char *en);

G_END_DECLS
