/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "awb-credit-code.h"
#include "awb-error.h"

static void
test_valid (void)
{
  /* published examples of real-form codes, and codes completed with our check char */
  static const char *good[] = { "91350100M000100Y43", "91110000802100433B" };
  char code[19] = "91310115MA1K3YJ00";

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (awb_credit_code_validate (good[i], &error));
      g_assert_no_error (error);
    }
  code[17] = awb_credit_code_check_char (code);
  code[18] = '\0';
  g_assert_true (awb_credit_code_validate (code, NULL));
}

static void
test_invalid (void)
{
  static const struct { const char *code; const char *fragment; } bad[] = {
    { "91350100M000100Y44", "should be “3”, not “4”" },
    { "91350100M000100Y4", "has 17 characters" },
    { "91350100M000100Y433", "has 19 characters" },
    { "91350100I000100Y43", "character 9 (“I”) is not allowed" },
    { "91350100m000100Y43", "character 9 (“m”) is not allowed" },
    { "", "has 0 characters" },
    /* found by fuzz-credit-code: characters, not bytes; valid text in the message */
    { "\xef\xbc\x99" "1350100M000100Y43", "character 1 (“\xef\xbc\x99”) is not allowed" },
    { "91350100M000100Y4\xff", "is not valid text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (awb_credit_code_validate (bad[i].code, &error));
      g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (strstr (error->message, bad[i].fragment) == NULL)
        g_error ("“%s”: “%s” lacks “%s”", bad[i].code, error->message, bad[i].fragment);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credit-code/valid", test_valid);
  g_test_add_func ("/credit-code/invalid", test_invalid);

  return g_test_run ();
}
