/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "awb-dates.h"
#include "awb-error.h"

static void
test_parse (void)
{
  static const char *good[] = { "2026-11-25", "2024-02-29", "1999-12-31" };
  static const struct { const char *text; const char *fragment; } bad[] = {
    { "2026-02-30", "no day 30" },
    { "2025-02-29", "no day 29" },
    { "2026-13-01", "no month 13" },
    { "25/11/2026", "YYYY-MM-DD" },
    { "2026-1-5", "YYYY-MM-DD" },
    { "", "YYYY-MM-DD" },
    { "2026-11-25T10:00", "YYYY-MM-DD" },
    { "0001-01-01", "year" },
    { "2026-11-2\xff", "Date “2026-11-2\xef\xbf\xbd” is not of the form" },  /* fuzz-dates */
  };
  GDate d;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;

      g_assert_true (awb_date_parse (good[i], &d, &error));
      g_assert_no_error (error);
      back = awb_date_format (&d);
      g_assert_cmpstr (back, ==, good[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (awb_date_parse (bad[i].text, &d, &error));
      g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (strstr (error->message, bad[i].fragment) == NULL)
        g_error ("“%s”: “%s” lacks “%s”", bad[i].text, error->message, bad[i].fragment);
    }
}

/* One calendar month later clamps at the month's end (guide §5.2 supplement deadline). */
static void
test_month_arithmetic (void)
{
  static const struct { const char *from; int months; const char *to; } cases[] = {
    { "2026-01-31", 1, "2026-02-28" },
    { "2024-01-31", 1, "2024-02-29" },
    { "2026-03-31", 1, "2026-04-30" },
    { "2026-12-15", 1, "2027-01-15" },
    { "2026-08-31", 6, "2027-02-28" },
    { "2026-08-31", -6, "2026-02-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d;
      g_autofree char *out = NULL;

      g_assert_true (awb_date_parse (cases[i].from, &d, NULL));
      awb_date_add_months (&d, cases[i].months);
      out = awb_date_format (&d);
      g_assert_cmpstr (out, ==, cases[i].to);
    }
}

static void
test_today_override (void)
{
  g_autofree char *today = NULL;

  g_setenv ("AWB_TODAY", "2026-03-01", TRUE);
  today = awb_date_today_string ();
  g_assert_cmpstr (today, ==, "2026-03-01");
  g_unsetenv ("AWB_TODAY");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/parse", test_parse);
  g_test_add_func ("/dates/month-arithmetic", test_month_arithmetic);
  g_test_add_func ("/dates/today-override", test_today_override);

  return g_test_run ();
}
