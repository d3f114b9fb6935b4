/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-package"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-bundle.h"
#include "awb-error.h"
#include "awb-merge.h"
#include "awb-package.h"
#include "awb-cli-private.h"

/* awb case export CASE --package FILE | case import FILE | conflicts CASE |
 * resolve CONFLICT mine|theirs */

static int
case_export (AwbCli *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *package = NULL;
  gboolean force = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "package", 0, 0, G_OPTION_ARG_FILENAME, &package,
      N_("Write the case package to FILE (.awbcase)"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbPackageSummary) summary = NULL;
  g_autofree char *size = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE --package FILE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if (package == NULL)
    return awb_cli_usage (argv[0], _("say where to write: --package FILE"));

  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (summary = awb_package_export (db, argv[1], package,
                                     force ? AWB_PACKAGE_FORCE : AWB_PACKAGE_NONE,
                                     &error)) == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonNode) node = awb_package_summary_to_json (summary);
      awb_cli_print_json (node);
      return 0;
    }
  size = g_format_size ((guint64) summary->size);
  g_print ("%s\n", summary->path);
  g_printerr (_("Wrote case %.8s (%s) to %s (%s): %u records, %u attached files, %u history "
                "entries.\n"), summary->case_id, summary->applicant, summary->path, size,
              summary->n_records, summary->n_attachments, summary->n_history);
  return 0;
}

static void
print_value (const char *field,
             JsonNode   *record)
{
  JsonNode *node = NULL;

  if (record != NULL && JSON_NODE_HOLDS_OBJECT (record))
    node = json_object_get_member (json_node_get_object (record), field);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    g_print ("—");
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_print ("“%s”", json_node_get_string (node));
  else
    {
      g_autofree char *text = json_to_string (node, FALSE);
      g_print ("%s", text);
    }
}

static void
print_conflict (const AwbConflict *c)
{
  g_auto(GStrv) fields = awb_conflict_get_differences (c);

  g_print ("%s  %s %s\n", c->id, c->entity, c->key);
  g_print (_("  mine:   %s, %s%s\n"), c->mine_actor != NULL ? c->mine_actor : "?",
           c->mine_at != NULL ? c->mine_at : "?", c->mine == NULL ? _(" — deleted") : "");
  g_print (_("  theirs: %s, %s%s\n"), c->theirs_actor != NULL ? c->theirs_actor : "?",
           c->theirs_at != NULL ? c->theirs_at : "?", c->theirs == NULL ? _(" — deleted") : "");
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_print ("    %s: ", fields[i]);
      print_value (fields[i], c->mine);
      g_print (" ≠ ");
      print_value (fields[i], c->theirs);
      g_print ("\n");
    }
}

static int
case_import (AwbCli *cli,
             int     argc,
             char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbImportResult) result = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "FILE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (result = awb_package_import (db, argv[1], &error)) == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonNode) node = awb_import_result_to_json (result);
      awb_cli_print_json (node);
      return 0;
    }
  g_print ("%s\n", result->case_id);
  if (result->created)
    g_printerr (_("Imported case %.8s (%s) from %s: %u records, %u history entries.\n"),
                result->case_id, result->applicant, result->package, result->n_added,
                result->n_history);
  else if (result->changes->len == 0 && result->n_history == 0 && result->n_new_conflicts == 0)
    g_printerr (_("Case %.8s (%s) already holds everything in %s: nothing changed.\n"),
                result->case_id, result->applicant, result->package);
  else
    {
      g_printerr (_("Merged %s into case %.8s (%s): %u added, %u updated, %u removed, %u history "
                    "entries brought in.\n"), result->package, result->case_id,
                  result->applicant, result->n_added, result->n_updated, result->n_removed,
                  result->n_history);
      for (guint i = 0; i < result->changes->len; i++)
        {
          AwbMergeChange *c = result->changes->pdata[i];
          g_printerr ("  %s %s %s\n", c->change, c->entity, c->record_id);
        }
    }
  if (result->conflicts->len > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%u conflict to resolve: see “awb conflicts %.8s”.\n",
                             "%u conflicts to resolve: see “awb conflicts %.8s”.\n",
                             result->conflicts->len),
                result->conflicts->len, result->case_id);
  return 0;
}

static int
conflicts (AwbCli *cli,
           int     argc,
           char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (list = awb_conflict_list (db, argv[1], &error)) == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        json_builder_add_value (b, awb_conflict_to_json (list->pdata[i]));
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      awb_cli_print_json (root);
      return 0;
    }
  if (list->len == 0)
    g_printerr (_("Case %s has no conflicts.\n"), argv[1]);
  for (guint i = 0; i < list->len; i++)
    print_conflict (list->pdata[i]);
  return 0;
}

static int
resolve (AwbCli *cli,
         int     argc,
         char  **argv)
{
  g_autoptr(GError) error = NULL;
  AwbConflictSide side;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CONFLICT mine|theirs", NULL, &argc, &argv, 2, 2, &status))
    return status;
  if (!awb_conflict_side_from_string (argv[2], &side))
    return awb_cli_usage (argv[0], _("choose “mine” or “theirs”, not “%s”"), argv[2]);
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      !awb_conflict_resolve (db, argv[1], side, NULL, &error))
    return awb_cli_refuse (error);
  g_printerr (side == AWB_CONFLICT_MINE ? _("Conflict %s resolved: this database's record kept.\n")
                                        : _("Conflict %s resolved: the package's record taken.\n"),
              argv[1]);
  return 0;
}

int
awb_cli_export_bundle (AwbCli     *cli,
                       const char *case_id,
                       const char *target,
                       gboolean    force,
                       gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbBundleResult) result = NULL;
  g_autofree char *size = NULL;
  AwbDatabase *db;

  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (result = awb_bundle_export (db, case_id, target,
                                   force ? AWB_BUNDLE_FORCE : AWB_BUNDLE_NONE, &error)) == NULL)
    return awb_cli_refuse (error);
  if (json)
    {
      g_autoptr(JsonNode) node = awb_bundle_result_to_json (result);
      awb_cli_print_json (node);
      return 0;
    }
  size = g_format_size ((guint64) result->size);
  g_print ("%s\n", result->path);
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "Wrote the evidence bundle of case %.8s to %s (%s): the workbook, %u "
                           "attachment and SHA256SUMS (check with “sha256sum -c SHA256SUMS”).\n",
                           "Wrote the evidence bundle of case %.8s to %s (%s): the workbook, %u "
                           "attachments and SHA256SUMS (check with “sha256sum -c SHA256SUMS”).\n",
                           result->n_attachments),
              result->case_id, result->path, size, result->n_attachments);
  return 0;
}

const AwbCliCommand awb_cli_package_commands[] = {
  { "case", "export", case_export, "CASE --package FILE [--force] [--json]",
    N_("Write a case with its attachments to a case package (.awbcase)") },
  { "case", "import", case_import, "FILE [--json]",
    N_("Import a case package: a new case, or a merge into the case it holds") },
  { "conflicts", NULL, conflicts, "CASE [--json]",
    N_("List the records a merge found changed on both sides") },
  { "resolve", NULL, resolve, "CONFLICT mine|theirs",
    N_("Resolve a conflict by keeping this database's record or taking the package's") },
  { NULL }
};
