/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-finding"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-cli-private.h"
#include "awb-finding.h"

/* awb finding add | set-status | list | remove */

static int
finding_add (AwbCli *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *requirement = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *action = NULL;
  g_autofree char *due = NULL;
  GOptionEntry entries[] = {
    { "requirement", 0, 0, G_OPTION_ARG_STRING, &requirement, N_("The requirement"), "ID" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("nonconformity or observation"),
      "KIND" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("What was found"), "TEXT" },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, N_("The rectification action"), "TEXT" },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("When it is to be rectified"), "DATE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AwbFindingKind kind;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if (requirement == NULL)
    return awb_cli_usage (argv[0], _("missing option --requirement ID"));
  if (kind_text == NULL)
    return awb_cli_usage (argv[0], _("missing option --kind nonconformity|observation"));
  if (text == NULL)
    return awb_cli_usage (argv[0], _("missing option --text TEXT"));
  if (!awb_finding_kind_from_string (kind_text, &kind))
    return awb_cli_refuse_printf (_("Finding kind “%s” is not one of nonconformity, "
                                    "observation"), kind_text);

  db = awb_cli_database (cli, &error);
  if (db != NULL)
    id = awb_finding_add (db, argv[1], requirement, kind, text, action, due, NULL, &error);
  if (id == NULL)
    return awb_cli_refuse (error);
  g_print ("%s\n", id);
  return 0;
}

static int
finding_set_status (AwbCli *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GError) error = NULL;
  AwbFindingStatus new_status;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "ID STATUS", NULL, &argc, &argv, 2, 2, &status))
    return status;
  if (!awb_finding_status_from_string (argv[2], &new_status))
    return awb_cli_refuse_printf (_("Finding status “%s” is not one of open, rectified, "
                                    "verified"), argv[2]);

  db = awb_cli_database (cli, &error);
  if (db == NULL || !awb_finding_set_status (db, argv[1], new_status, NULL, &error))
    return awb_cli_refuse (error);
  return 0;
}

static void
finding_to_json (JsonBuilder *b,
                 AwbFinding  *f)
{
  json_builder_begin_object (b);
  awb_cli_json_string (b, "id", awb_finding_get_id (f));
  awb_cli_json_string (b, "case_id", awb_finding_get_case_id (f));
  awb_cli_json_string (b, "requirement", awb_finding_get_requirement_id (f));
  awb_cli_json_string (b, "kind", awb_finding_kind_to_string (awb_finding_get_kind (f)));
  awb_cli_json_string (b, "text", awb_finding_get_text (f));
  awb_cli_json_string (b, "action", awb_finding_get_action (f));
  awb_cli_json_string (b, "due", awb_finding_get_due (f));
  awb_cli_json_string (b, "status", awb_finding_status_to_string (awb_finding_get_status (f)));
  json_builder_set_member_name (b, "overdue");
  json_builder_add_boolean_value (b, awb_finding_is_overdue (f));
  awb_cli_json_string (b, "actor", awb_finding_get_actor (f));
  awb_cli_json_string (b, "created_at", awb_finding_get_created_at (f));
  awb_cli_json_string (b, "updated_at", awb_finding_get_updated_at (f));
  json_builder_set_member_name (b, "rev");
  json_builder_add_int_value (b, awb_finding_get_rev (f));
  json_builder_end_object (b);
}

static int
finding_list (AwbCli *cli,
              int     argc,
              char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *requirement = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { "requirement", 0, 0, G_OPTION_ARG_STRING, &requirement, N_("Only this requirement's"),
      "ID" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;

  db = awb_cli_database (cli, &error);
  if (db != NULL)
    list = awb_finding_list (db, argv[1], requirement, &error);
  if (list == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(AwbFinding) f = g_list_model_get_item (list, i);
          finding_to_json (b, f);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      awb_cli_print_json (root);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwbFinding) f = g_list_model_get_item (list, i);
      g_autofree char *short_id = awb_cli_short_id (awb_finding_get_id (f));
      const char *due = awb_finding_get_due (f);

      g_print ("%s  %-9s %-13s %-9s ", short_id, awb_finding_get_requirement_id (f),
               awb_finding_kind_to_string (awb_finding_get_kind (f)),
               awb_finding_status_to_string (awb_finding_get_status (f)));
      if (due == NULL)
        g_print ("%s", _("no due date"));
      else if (awb_finding_is_overdue (f))
        g_print (_("due %s (overdue)"), due);
      else
        g_print (_("due %s"), due);
      g_print ("\t%s", awb_finding_get_text (f));
      if (awb_finding_get_action (f) != NULL)
        g_print (_(" — action: %s"), awb_finding_get_action (f));
      g_print ("\n");
    }
  return 0;
}

static int
finding_remove (AwbCli *cli,
                int     argc,
                char  **argv)
{
  return awb_cli_remove (cli, argc, argv, "ID", awb_finding_remove);
}

const AwbCliCommand awb_cli_finding_commands[] = {
  { "finding", "add", finding_add,
    "CASE --requirement ID --kind nonconformity|observation --text TEXT [--action TEXT] "
    "[--due DATE]",
    N_("Record a finding; prints its id") },
  { "finding", "set-status", finding_set_status, "ID open|rectified|verified",
    N_("Move a finding's status forward") },
  { "finding", "list", finding_list, "CASE [--requirement ID] [--json]",
    N_("List the case's findings") },
  { "finding", "remove", finding_remove, "ID", N_("Remove a finding") },
  { NULL }
};
