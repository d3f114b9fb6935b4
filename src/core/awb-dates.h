/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean awb_date_parse        (const char *text,
                                GDate      *out,
                                GError    **error);
char    *awb_date_format       (const GDate *date);
void     awb_date_today        (GDate *out);
char    *awb_date_today_string (void);
void     awb_date_add_months   (GDate *date,
                                int    months);
void     awb_date_add_years    (GDate *date,
                                int    years);
gboolean awb_date_string_valid (const char *text);
int      awb_date_days_between (const GDate *from,
                                const GDate *to);
char    *awb_timestamp_now     (void);

G_END_DECLS
