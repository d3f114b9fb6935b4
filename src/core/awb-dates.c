/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-dates"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "awb-error.h"
#include "awb-dates.h"

/* Dates are calendar days written YYYY-MM-DD (ISO 8601), nothing else:
 * a user who types 2026-2-30 or 25/11/2026 is told so instead of guessed at. */
gboolean
awb_date_parse (const char *text,
                GDate      *out,
                GError    **error)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    goto bad_form;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      goto bad_form;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (year < 1900 || year > 9999)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Date “%s”: the year must be between 1900 and 9999"), text);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Date “%s”: there is no month %u"), text, month);
      return FALSE;
    }
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Date “%s”: that month has no day %u"), text, day);
      return FALSE;
    }

  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;

bad_form:
  {
    /* the message quotes the text, so it must be text (found by fuzz-dates) */
    g_autofree char *shown = g_utf8_make_valid (text != NULL ? text : "", -1);

    g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                 _("Date “%s” is not of the form YYYY-MM-DD (for example 2026-11-25)"), shown);
  }
  return FALSE;
}

gboolean
awb_date_string_valid (const char *text)
{
  return awb_date_parse (text, NULL, NULL);
}

char *
awb_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* AWB_TODAY=YYYY-MM-DD fixes "today" so that tests of deadlines are repeatable. */
void
awb_date_today (GDate *out)
{
  const char *fixed = g_getenv ("AWB_TODAY");

  if (fixed != NULL && awb_date_parse (fixed, out, NULL))
    return;

  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

char *
awb_date_today_string (void)
{
  GDate today;

  awb_date_today (&today);
  return awb_date_format (&today);
}

/* GDate clamps to the end of the month: 31 January + 1 month = 28/29 February. */
void
awb_date_add_months (GDate *date,
                     int    months)
{
  if (months >= 0)
    g_date_add_months (date, (guint) months);
  else
    g_date_subtract_months (date, (guint) -months);
}

void
awb_date_add_years (GDate *date,
                    int    years)
{
  if (years >= 0)
    g_date_add_years (date, (guint) years);
  else
    g_date_subtract_years (date, (guint) -years);
}

int
awb_date_days_between (const GDate *from,
                       const GDate *to)
{
  return g_date_days_between (from, to);
}

char *
awb_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}
