/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-credit-code"

#include "config.h"

#include <string.h>

#include "awb-error.h"
#include "awb-credit-code.h"

/* GB 32100-2015: the unified social credit code (统一社会信用代码) has 18 characters
 * from a 31-character alphabet (no I, O, Z, S, V); the 18th is a check character
 * computed modulo 31 over the first 17 with fixed weights. */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const guint weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static int
char_value (char c)
{
  const char *p = c != '\0' ? strchr (alphabet, c) : NULL;

  return p != NULL ? (int) (p - alphabet) : -1;
}

/* Returns the check character for the first 17 characters, or '\0' if they are not valid. */
char
awb_credit_code_check_char (const char *first17)
{
  guint sum = 0;
  guint check;

  for (guint i = 0; i < 17; i++)
    {
      int v = char_value (first17[i]);

      if (v < 0)
        return '\0';
      sum += (guint) v * weights[i];
    }

  check = (31 - sum % 31) % 31;
  return alphabet[check];
}

gboolean
awb_credit_code_validate (const char *code,
                          GError    **error)
{
  gsize len = code != NULL ? strlen (code) : 0;
  char expected;

  if (len != 18)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   "Credit code “%s” has %zu characters; a unified social credit code has 18",
                   code != NULL ? code : "", len);
      return FALSE;
    }

  for (guint i = 0; i < 18; i++)
    {
      if (char_value (code[i]) < 0)
        {
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       "Credit code “%s”: character %u (“%c”) is not allowed "
                       "(digits and upper-case letters except I, O, Z, S, V)",
                       code, i + 1, g_ascii_isprint (code[i]) ? code[i] : '?');
          return FALSE;
        }
    }

  expected = awb_credit_code_check_char (code);
  if (expected != code[17])
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   "Credit code “%s”: the check character should be “%c”, not “%c” — "
                   "a character was probably mistyped",
                   code, expected, code[17]);
      return FALSE;
    }

  return TRUE;
}
