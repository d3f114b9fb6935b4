/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-credit-code"

#include "config.h"

#include <glib/gi18n-lib.h>

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
  const char *p;
  glong len;
  char expected;

  if (code == NULL)
    code = "";

  /* the message quotes the code, so it must be text (found by fuzz-credit-code) */
  if (!g_utf8_validate (code, -1, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (code, -1);

      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Credit code “%s” is not valid text; a unified social credit code has 18 "
                   "digits and upper-case letters"), shown);
      return FALSE;
    }

  len = g_utf8_strlen (code, -1);
  if (len != 18)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Credit code “%s” has %ld characters; a unified social credit code has 18"),
                   code, len);
      return FALSE;
    }

  p = code;
  for (guint i = 0; i < 18; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0x7f || char_value ((char) c) < 0)
        {
          char shown[8] = { 0 };

          if (g_unichar_isprint (c))
            g_unichar_to_utf8 (c, shown);
          else
            shown[0] = '?';
          g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                       _("Credit code “%s”: character %u (“%s”) is not allowed "
                       "(digits and upper-case letters except I, O, Z, S, V)"),
                       code, i + 1, shown);
          return FALSE;
        }
    }

  expected = awb_credit_code_check_char (code);
  if (expected != code[17])
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_INVALID,
                   _("Credit code “%s”: the check character should be “%c”, not “%c” — "
                   "a character was probably mistyped"),
                   code, expected, code[17]);
      return FALSE;
    }

  return TRUE;
}
