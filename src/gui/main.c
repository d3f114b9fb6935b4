/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-main"

#include "config.h"

#include "awb-locale.h"
#include "awb-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AwbApplication) app = NULL;

  awb_locale_init ();

  app = awb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
