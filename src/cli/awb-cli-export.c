/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-export"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-error.h"
#include "awb-xlsx-exporter.h"
#include "awb-cli-private.h"

/* awb export CASE --xlsx FILE [--force] | export --all --xlsx FILE [--force] */

static void
print_result (AwbXlsxResult *result,
              gboolean       json)
{
  g_autofree char *size = g_format_size ((guint64) result->size);

  if (json)
    {
      g_autoptr(JsonNode) node = awb_xlsx_result_to_json (result);
      awb_cli_print_json (node);
      return;
    }
  g_print ("%s\n", result->path);
  g_printerr (_("Wrote %s (%s):"), result->path, size);
  for (guint i = 0; i < result->sheets->len; i++)
    {
      AwbXlsxSheet *sheet = result->sheets->pdata[i];

      g_printerr ("%s %s %u", i > 0 ? "," : "", sheet->name, sheet->rows);
    }
  g_printerr ("\n");
}

static int
export (AwbCli *cli,
        int     argc,
        char  **argv)
{
  g_autofree char *xlsx = NULL;
  g_autofree char *bundle = NULL;
  gboolean all = FALSE;
  gboolean force = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write the workbook to FILE (.xlsx)"),
      N_("FILE") },
    { "bundle", 0, 0, G_OPTION_ARG_FILENAME, &bundle,
      N_("Write the evidence bundle (workbook, attachments, SHA256SUMS) to a folder, or to a ZIP "
         "file when TARGET ends in .zip"), N_("TARGET") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("The portfolio of all cases instead of one case"),
      NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbXlsxResult) result = NULL;
  AwbXlsxFlags flags;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE|--all --xlsx FILE", entries, &argc, &argv, 0, 1, &status))
    return status;
  if (bundle != NULL)
    {
      if (xlsx != NULL || all)
        return awb_cli_usage (argv[0],
                              _("--bundle writes one case: give neither --xlsx nor --all"));
      if (argc < 2)
        return awb_cli_usage (argv[0], _("missing argument: CASE"));
      return awb_cli_export_bundle (cli, argv[1], bundle, force, json);
    }
  if (xlsx == NULL)
    return awb_cli_usage (argv[0], _("say where to write: --xlsx FILE or --bundle TARGET"));
  if (all && argc > 1)
    return awb_cli_usage (argv[0], _("give either a case or --all, not both"));
  if (!all && argc < 2)
    return awb_cli_usage (argv[0], _("missing argument: CASE (or --all for every case)"));

  db = awb_cli_database (cli, &error);
  if (db == NULL)
    return awb_cli_refuse (error);

  flags = force ? AWB_XLSX_FORCE : AWB_XLSX_NONE;
  if (all)
    result = awb_xlsx_export_portfolio (db, xlsx, flags, NULL, NULL, NULL, &error);
  else
    result = awb_xlsx_export_case (db, argv[1], xlsx, flags, NULL, NULL, NULL, &error);
  if (result == NULL)
    return awb_cli_refuse (error);

  print_result (result, json);
  return 0;
}

const AwbCliCommand awb_cli_export_commands[] = {
  { "export", NULL, export, "CASE|--all --xlsx FILE | CASE --bundle FOLDER|ZIP [--force] [--json]",
    N_("Write the expert-panel workbook of a case or the portfolio of all cases, or a case's "
       "evidence bundle") },
  { NULL }
};
