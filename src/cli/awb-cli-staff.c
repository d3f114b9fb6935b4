/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-staff"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-cli-private.h"
#include "awb-dates.h"
#include "awb-staff.h"

/* awb staff add | list | remove */

static int
staff_add (AwbCli *cli,
           int     argc,
           char  **argv)
{
  g_autofree char *name = NULL;
  gboolean full_time = FALSE;
  g_autofree char *kind = NULL;
  g_autofree char *certificate = NULL;
  g_autofree char *valid_until = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The person's name"), "NAME" },
    { "full-time", 0, 0, G_OPTION_ARG_NONE, &full_time, N_("Employed full time"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("Certificate kind (default CISP)"), "KIND" },
    { "certificate", 0, 0, G_OPTION_ARG_STRING, &certificate, N_("Certificate number"), "NO" },
    { "valid-until", 0, 0, G_OPTION_ARG_STRING, &valid_until,
      N_("Last day the certificate is valid"), "DATE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if (name == NULL)
    return awb_cli_usage (argv[0], _("missing option --name NAME"));
  if (certificate == NULL)
    return awb_cli_usage (argv[0], _("missing option --certificate NO"));
  if (valid_until == NULL)
    return awb_cli_usage (argv[0], _("missing option --valid-until DATE"));

  db = awb_cli_database (cli, &error);
  if (db != NULL)
    id = awb_staff_add (db, argv[1], name, full_time, kind, certificate, valid_until, NULL,
                        &error);
  if (id == NULL)
    return awb_cli_refuse (error);
  g_print ("%s\n", id);
  return 0;
}

static int
staff_list (AwbCli *cli,
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
  GDate today;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;

  db = awb_cli_database (cli, &error);
  if (db != NULL)
    list = awb_staff_list (db, argv[1], &error);
  if (list == NULL)
    return awb_cli_refuse (error);
  awb_date_today (&today);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(AwbStaff) s = g_list_model_get_item (list, i);

          json_builder_begin_object (b);
          awb_cli_json_string (b, "id", awb_staff_get_id (s));
          awb_cli_json_string (b, "case_id", awb_staff_get_case_id (s));
          awb_cli_json_string (b, "name", awb_staff_get_name (s));
          json_builder_set_member_name (b, "full_time");
          json_builder_add_boolean_value (b, awb_staff_get_full_time (s));
          awb_cli_json_string (b, "kind", awb_staff_get_cert_kind (s));
          awb_cli_json_string (b, "certificate", awb_staff_get_cert_no (s));
          awb_cli_json_string (b, "valid_until", awb_staff_get_valid_until (s));
          json_builder_set_member_name (b, "valid_today");
          json_builder_add_boolean_value (b, awb_staff_is_valid_on (s, &today));
          awb_cli_json_string (b, "created_at", awb_staff_get_created_at (s));
          awb_cli_json_string (b, "updated_at", awb_staff_get_updated_at (s));
          json_builder_set_member_name (b, "rev");
          json_builder_add_int_value (b, awb_staff_get_rev (s));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      awb_cli_print_json (root);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwbStaff) s = g_list_model_get_item (list, i);
      g_autofree char *short_id = awb_cli_short_id (awb_staff_get_id (s));

      g_print ("%s  %s\t%s\t%s %s\t", short_id, awb_staff_get_name (s),
               awb_staff_get_full_time (s) ? _("full-time") : _("part-time"),
               awb_staff_get_cert_kind (s), awb_staff_get_cert_no (s));
      if (awb_staff_is_valid_on (s, &today))
        g_print (_("valid until %s"), awb_staff_get_valid_until (s));
      else
        g_print (_("expired %s"), awb_staff_get_valid_until (s));
      g_print ("\n");
    }
  return 0;
}

static int
staff_remove (AwbCli *cli,
              int     argc,
              char  **argv)
{
  return awb_cli_remove (cli, argc, argv, "ID", awb_staff_remove);
}

const AwbCliCommand awb_cli_staff_commands[] = {
  { "staff", "add", staff_add,
    "CASE --name NAME [--full-time] [--kind CISP] --certificate NO --valid-until DATE",
    N_("Add a person to the staff register; prints the entry's id") },
  { "staff", "list", staff_list, "CASE [--json]", N_("List the case's staff register") },
  { "staff", "remove", staff_remove, "ID", N_("Remove a staff entry") },
  { NULL }
};
