/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-fuzz-dates"

#include "config.h"

#include <string.h>

#include "awb-dates.h"
#include "awb-error.h"
#include "fuzz-common.h"

/* The date parser on any text: a date it accepts is a real calendar day
 * that formats back to exactly the text typed; a refusal names the text. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  awb_fuzz_init ();
  text = awb_fuzz_string (data, size);
  g_date_clear (&date, 1);

  if (awb_date_parse (text, &date, &error))
    {
      g_autofree char *back = NULL;

      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      back = awb_date_format (&date);
      g_assert_cmpstr (back, ==, text);
      g_assert_true (awb_date_string_valid (text));
    }
  else
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (strstr (error->message, shown) != NULL);
      g_assert_false (awb_date_string_valid (text));
    }
  return 0;
}
