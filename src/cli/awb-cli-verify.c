/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-verify"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-verify.h"
#include "awb-cli-private.h"

/* awb verify [CASE] [--json]: exit 0 when all is well, 2 when anything was
 * found wrong (or the check itself was refused). */

static void
add_strings (JsonBuilder *b,
             GPtrArray   *strings)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (b, strings->pdata[i]);
  json_builder_end_array (b);
}

static int
verify (AwbCli *cli,
        int     argc,
        char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbVerifyReport) report = NULL;
  AwbDatabase *db;
  gboolean ok;
  int status;

  if (!awb_cli_parse (argv[0], "[CASE]", entries, &argc, &argv, 0, 1, &status))
    return status;

  db = awb_cli_database (cli, &error);
  if (db == NULL)
    return awb_cli_refuse (error);
  report = awb_verify (db, argc > 1 ? argv[1] : NULL, &error);
  if (report == NULL)
    return awb_cli_refuse (error);
  ok = awb_verify_report_ok (report);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "case");
      if (report->case_id != NULL)
        json_builder_add_string_value (b, report->case_id);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "ok");
      json_builder_add_boolean_value (b, ok);
      json_builder_set_member_name (b, "history");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "problems");
      add_strings (b, report->history_problems);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "attachments");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "checked");
      json_builder_add_int_value (b, report->attachments_checked);
      json_builder_set_member_name (b, "temporary_files_removed");
      json_builder_add_int_value (b, report->temporaries_removed);
      json_builder_set_member_name (b, "problems");
      add_strings (b, report->attachment_problems);
      json_builder_end_object (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      awb_cli_print_json (root);
      return ok ? 0 : AWB_EXIT_REFUSED;
    }

  if (report->history_problems->len == 0)
    g_print ("%s\n", _("History: every hash chain is intact."));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "History: %u problem:\n", "History: %u problems:\n",
                          report->history_problems->len),
             report->history_problems->len);
  for (guint i = 0; i < report->history_problems->len; i++)
    g_print ("  %s\n", (const char *) report->history_problems->pdata[i]);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Attachments: %u stored file re-hashed",
                        "Attachments: %u stored files re-hashed", report->attachments_checked),
           report->attachments_checked);
  if (report->attachment_problems->len == 0)
    g_print ("%s\n", _(", all intact."));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "; %u problem:\n", "; %u problems:\n",
                          report->attachment_problems->len),
             report->attachment_problems->len);
  for (guint i = 0; i < report->attachment_problems->len; i++)
    g_print ("  %s\n", (const char *) report->attachment_problems->pdata[i]);
  if (report->temporaries_removed > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u temporary file left by an interrupted write was deleted.\n",
                          "%u temporary files left by interrupted writes were deleted.\n",
                          report->temporaries_removed),
             report->temporaries_removed);

  if (!ok)
    g_printerr ("%s\n", _("awb: verify found problems (see above)."));
  return ok ? 0 : AWB_EXIT_REFUSED;
}

const AwbCliCommand awb_cli_verify_commands[] = {
  { "verify", NULL, verify, "[CASE] [--json]",
    N_("Check the history's hash chains and re-hash every attachment; exit 2 on a problem") },
  { NULL }
};
