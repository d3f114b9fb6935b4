/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-project"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-cli-private.h"
#include "awb-project.h"

/* awb project add | list | remove */

static int
project_add (AwbCli *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *client = NULL;
  g_autofree char *service = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *accepted_text = NULL;
  GOptionEntry entries[] = {
    { "client", 0, 0, G_OPTION_ARG_STRING, &client, N_("The client"), "NAME" },
    { "service", 0, 0, G_OPTION_ARG_STRING, &service, N_("The service delivered"), "TEXT" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day"), "DATE" },
    { "accepted", 0, 0, G_OPTION_ARG_STRING, &accepted_text,
      N_("Whether the client accepted the result"), "yes|no" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean accepted;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if (client == NULL)
    return awb_cli_usage (argv[0], _("missing option --client NAME"));
  if (service == NULL)
    return awb_cli_usage (argv[0], _("missing option --service TEXT"));
  if (from == NULL)
    return awb_cli_usage (argv[0], _("missing option --from DATE"));
  if (to == NULL)
    return awb_cli_usage (argv[0], _("missing option --to DATE"));
  if (accepted_text == NULL)
    return awb_cli_usage (argv[0], _("missing option --accepted yes|no"));
  if (g_str_equal (accepted_text, "yes"))
    accepted = TRUE;
  else if (g_str_equal (accepted_text, "no"))
    accepted = FALSE;
  else
    return awb_cli_refuse_printf (_("--accepted “%s” is neither yes nor no"), accepted_text);

  db = awb_cli_database (cli, &error);
  if (db != NULL)
    id = awb_project_add (db, argv[1], client, service, from, to, accepted, NULL, &error);
  if (id == NULL)
    return awb_cli_refuse (error);
  g_print ("%s\n", id);
  return 0;
}

static int
project_list (AwbCli *cli,
              int     argc,
              char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
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
    list = awb_project_list (db, argv[1], &error);
  if (list == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(AwbProject) p = g_list_model_get_item (list, i);

          json_builder_begin_object (b);
          awb_cli_json_string (b, "id", awb_project_get_id (p));
          awb_cli_json_string (b, "case_id", awb_project_get_case_id (p));
          awb_cli_json_string (b, "client", awb_project_get_client (p));
          awb_cli_json_string (b, "service", awb_project_get_service (p));
          awb_cli_json_string (b, "from", awb_project_get_from (p));
          awb_cli_json_string (b, "to", awb_project_get_to (p));
          json_builder_set_member_name (b, "accepted");
          json_builder_add_boolean_value (b, awb_project_get_accepted (p));
          awb_cli_json_string (b, "created_at", awb_project_get_created_at (p));
          awb_cli_json_string (b, "updated_at", awb_project_get_updated_at (p));
          json_builder_set_member_name (b, "rev");
          json_builder_add_int_value (b, awb_project_get_rev (p));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      awb_cli_print_json (root);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwbProject) p = g_list_model_get_item (list, i);
      g_autofree char *short_id = awb_cli_short_id (awb_project_get_id (p));

      g_print ("%s  %s – %s\t%s\t%s\t%s\n", short_id, awb_project_get_from (p),
               awb_project_get_to (p), awb_project_get_client (p), awb_project_get_service (p),
               awb_project_get_accepted (p) ? _("accepted") : _("not accepted"));
    }
  return 0;
}

static int
project_remove (AwbCli *cli,
                int     argc,
                char  **argv)
{
  return awb_cli_remove (cli, argc, argv, "ID", awb_project_remove);
}

const AwbCliCommand awb_cli_project_commands[] = {
  { "project", "add", project_add,
    "CASE --client NAME --service TEXT --from DATE --to DATE --accepted yes|no",
    N_("Add a past project to the register; prints the entry's id") },
  { "project", "list", project_list, "CASE [--json]", N_("List the case's project register") },
  { "project", "remove", project_remove, "ID", N_("Remove a project entry") },
  { NULL }
};
