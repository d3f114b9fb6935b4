/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean awb_credit_code_validate    (const char *code,
                                      GError    **error);
char     awb_credit_code_check_char  (const char *first17);

G_END_DECLS
