/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-fuzz-credit-code"

#include "config.h"

#include <string.h>

#include "awb-credit-code.h"
#include "awb-error.h"
#include "fuzz-common.h"

/* The unified social credit code check on any text: an accepted code has 18
 * characters of the GB 32100 alphabet and the right check character; a
 * refusal names the code. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;

  awb_fuzz_init ();
  code = awb_fuzz_string (data, size);

  if (awb_credit_code_validate (code, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpuint (strlen (code), ==, 18);
      g_assert_cmpint (awb_credit_code_check_char (code), ==, code[17]);
      for (guint i = 0; i < 18; i++)
        g_assert_true (strchr ("0123456789ABCDEFGHJKLMNPQRTUWXY", code[i]) != NULL);
    }
  else
    {
      g_autofree char *shown = g_utf8_make_valid (code, -1);

      g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (strstr (error->message, shown) != NULL);
    }

  /* the check character alone, on any 17 characters or more */
  if (strlen (code) >= 17)
    {
      char c = awb_credit_code_check_char (code);

      g_assert_true (c == '\0' || strchr ("0123456789ABCDEFGHJKLMNPQRTUWXY", c) != NULL);
    }
  return 0;
}
