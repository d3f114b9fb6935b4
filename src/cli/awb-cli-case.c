/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-case"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-case.h"
#include "awb-dates.h"
#include "awb-deadlines.h"
#include "awb-error.h"
#include "awb-panel.h"
#include "awb-cli-private.h"

/* awb case new | list | show | status | advance | check | set-date | team | delete | reopen.
 * Every change is one call of the core (awb-case.h); this file only parses
 * the command line and prints. */

#define SHORT_ID "%.8s"

/* text followed by spaces up to width columns on a terminal (a CJK
 * character takes two), since printf pads by bytes. */
static char *
pad (const char *text,
     guint       width)
{
  GString *out = g_string_new (text);
  guint columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  while (columns++ < width)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *padded = pad (label, 22);

  g_print ("%s %s\n", padded, value != NULL ? value : "—");
}

static void
print_case_line (AwbCase *kase)
{
  g_print (SHORT_ID "  %-13s  %-11s  %.10s  %s%s\n", awb_case_get_id (kase),
           awb_stage_to_string (awb_case_get_stage (kase)), awb_case_get_app_type (kase),
           awb_case_get_created_at (kase), awb_case_get_applicant (kase),
           awb_case_get_is_demo (kase) ? _(" (demo)") : "");
}

static int
case_new (AwbCli *cli,
          int     argc,
          char  **argv)
{
  g_autofree char *applicant = NULL;
  g_autofree char *credit_code = NULL;
  g_autofree char *app_type = NULL;
  g_autofree char *catalogue = NULL;
  g_autofree char *leader = NULL;
  g_auto(GStrv) evaluators = NULL;
  g_autofree char *previous_certificate = NULL;
  g_autofree char *previous_expiry = NULL;
  g_autofree char *from_case = NULL;
  GOptionEntry entries[] = {
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &applicant, N_("The applicant's name"), "NAME" },
    { "credit-code", 0, 0, G_OPTION_ARG_STRING, &credit_code,
      N_("The unified social credit code (18 characters)"), "CODE" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &app_type, N_("initial (default) or maintenance"),
      "TYPE" },
    { "catalogue", 0, 0, G_OPTION_ARG_STRING, &catalogue,
      N_("The catalogue to assess against (default: the built-in one)"), "ID" },
    { "leader", 0, 0, G_OPTION_ARG_STRING, &leader, N_("The project leader"), "NAME" },
    { "evaluator", 0, 0, G_OPTION_ARG_STRING_ARRAY, &evaluators,
      N_("An evaluator (repeat for several)"), "NAME" },
    { "previous-certificate", 0, 0, G_OPTION_ARG_STRING, &previous_certificate,
      N_("Maintenance: the number of the certificate being maintained"), "NO" },
    { "previous-expiry", 0, 0, G_OPTION_ARG_STRING, &previous_expiry,
      N_("Maintenance: the date that certificate expires"), "DATE" },
    { "from-case", 0, 0, G_OPTION_ARG_STRING, &from_case,
      N_("Maintenance: start from this earlier case (team and registers copied)"), "CASE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AwbCaseNew params = { 0 };
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "--applicant NAME --credit-code CODE", entries, &argc, &argv, 0,
                      0, &status))
    return status;
  if (applicant == NULL)
    return awb_cli_usage (argv[0], _("missing option --applicant NAME"));
  if (credit_code == NULL)
    return awb_cli_usage (argv[0], _("missing option --credit-code CODE"));

  if ((db = awb_cli_database (cli, &error)) == NULL)
    return awb_cli_refuse (error);

  params.applicant = applicant;
  params.credit_code = credit_code;
  params.app_type = app_type;
  params.catalogue_id = catalogue;
  params.leader = leader;
  params.evaluators = (const char * const *) evaluators;
  params.previous_certificate = previous_certificate;
  params.previous_expiry = previous_expiry;
  params.from_case = from_case;

  id = awb_case_create (db, &params, &error);
  if (id == NULL)
    return awb_cli_refuse (error);
  g_print ("%s\n", id);
  return 0;
}

static int
case_list (AwbCli *cli,
           int     argc,
           char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cases = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "", entries, &argc, &argv, 0, 0, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (cases = awb_case_list (db, &error)) == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
        {
          g_autoptr(AwbCase) kase = g_list_model_get_item (cases, i);

          json_array_add_element (array, awb_case_to_json (kase));
        }
      json_node_set_array (root, array);
      awb_cli_print_json (root);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(AwbCase) kase = g_list_model_get_item (cases, i);

      print_case_line (kase);
    }
  if (g_list_model_get_n_items (cases) == 0)
    g_printerr (_("No cases yet: create one with “awb case new”.\n"));
  return 0;
}

static void
print_show (AwbCase *kase)
{
  const char * const *evaluators = awb_case_get_evaluators (kase);
  GPtrArray *moves = awb_case_get_stage_moves (kase);
  g_autofree char *evaluator_list = g_strjoinv (", ", (char **) evaluators);

  g_autofree char *applicant = g_strconcat (awb_case_get_applicant (kase),
                                            awb_case_get_is_demo (kase) ? _(" (demo)") : "",
                                            NULL);
  g_autofree char *catalogue = g_strdup_printf ("%s %s", awb_case_get_catalogue_id (kase),
                                                awb_case_get_catalogue_version (kase));
  g_autofree char *stage = g_strdup_printf ("%s (%s)",
                                            awb_stage_to_string (awb_case_get_stage (kase)),
                                            awb_stage_label (awb_case_get_stage (kase)));
  g_autofree char *created = g_strndup (awb_case_get_created_at (kase), 19);

  print_field (_("Case"), awb_case_get_id (kase));
  print_field (_("Applicant"), applicant);
  print_field (_("Credit code"), awb_case_get_credit_code (kase));
  print_field (_("Type"), awb_case_get_app_type (kase));
  if (awb_case_is_maintenance (kase))
    {
      print_field (_("Previous certificate"), awb_case_get_previous_certificate (kase));
      print_field (_("Previous expiry"), awb_case_get_previous_expiry (kase));
    }
  if (awb_case_get_baseline_case_id (kase) != NULL)
    print_field (_("Baseline case"), awb_case_get_baseline_case_id (kase));
  print_field (_("Catalogue"), catalogue);
  print_field (_("Stage"), stage);
  if (awb_case_is_locked (kase))
    {
      g_autofree char *since = g_strdup_printf ("%s %.16s", _("with the expert panel since"),
                                                awb_case_get_submitted_at (kase));
      print_field (_("Locked"), since);
    }
  print_field (_("Created"), created);
  print_field (_("Leader"), awb_case_get_leader (kase));
  print_field (_("Evaluators"), evaluators[0] != NULL ? evaluator_list : NULL);

  g_print ("\n%s\n", _("Acceptance checklist"));
  for (guint i = 0; i < AWB_N_CHECKS; i++)
    {
      const char *actor, *at;

      if (awb_case_get_check (kase, (AwbCheck) i, &actor, &at))
        g_print ("  [x] %-16s %s — %s, %.10s\n", awb_check_to_string ((AwbCheck) i),
                 awb_check_label ((AwbCheck) i), actor, at);
      else
        g_print ("  [ ] %-16s %s\n", awb_check_to_string ((AwbCheck) i),
                 awb_check_label ((AwbCheck) i));
    }

  g_print ("\n%s\n", _("Dates"));
  for (guint i = 0; i < AWB_N_CASE_DATES; i++)
    {
      const char *date = awb_case_get_date (kase, (AwbCaseDate) i);

      if (date != NULL)
        g_print ("  %-20s %s  %s (%s)\n", awb_case_date_to_string ((AwbCaseDate) i), date,
                 awb_case_date_label ((AwbCaseDate) i),
                 awb_case_get_date_actor (kase, (AwbCaseDate) i));
      else
        /* "—" is one column but three bytes: pad it by hand */
        g_print ("  %-20s —           %s\n", awb_case_date_to_string ((AwbCaseDate) i),
                 awb_case_date_label ((AwbCaseDate) i));
    }

  g_print ("\n%s\n", _("Stage moves"));
  for (guint i = 0; i < moves->len; i++)
    {
      AwbStageMove *move = moves->pdata[i];

      g_print ("  %s  %s → %s  (%s)\n", move->on_date, awb_stage_to_string (move->from),
               awb_stage_to_string (move->to), move->actor);
    }
  if (moves->len == 0)
    g_print ("  —\n");
}

static int
case_show (AwbCli *cli,
           int     argc,
           char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (kase = awb_case_lookup (db, argv[1], &error)) == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonNode) root = awb_case_to_json (kase);

      awb_cli_print_json (root);
    }
  else
    print_show (kase);
  return 0;
}

static int
case_status (AwbCli *cli,
             int     argc,
             char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today = awb_date_today_string ();
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (kase = awb_case_lookup (db, argv[1], &error)) == NULL ||
      (items = awb_deadlines_for_case (db, awb_case_get_id (kase), &error)) == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "case");
      json_builder_add_string_value (b, awb_case_get_id (kase));
      json_builder_set_member_name (b, "stage");
      json_builder_add_string_value (b, awb_stage_to_string (awb_case_get_stage (kase)));
      json_builder_set_member_name (b, "today");
      json_builder_add_string_value (b, today);
      json_builder_set_member_name (b, "worst");
      json_builder_add_string_value (b,
                                     awb_deadline_state_to_string (awb_deadlines_worst (items)));
      json_builder_set_member_name (b, "items");
      json_builder_add_value (b, awb_deadlines_to_json (items));
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      awb_cli_print_json (root);
      return 0;
    }

  g_print (_("Case %.8s (%s), stage %s, today %s\n"), awb_case_get_id (kase),
           awb_case_get_applicant (kase), awb_stage_to_string (awb_case_get_stage (kase)), today);
  for (guint i = 0; i < items->len; i++)
    {
      AwbDeadline *d = items->pdata[i];
      g_autofree char *mark = g_strdup_printf ("[%s]", awb_deadline_state_label (d->state));
      g_autofree char *padded = pad (mark, 11);

      g_print ("%s %-10s  %-16s %s\n", padded, d->date != NULL ? d->date : "", d->item, d->text);
    }
  return 0;
}

static int
case_advance (AwbCli *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The date of the move (default: today)"),
      "DATE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE STAGE", entries, &argc, &argv, 2, 2, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      !awb_case_advance (db, argv[1], argv[2], on, NULL, &error))
    return awb_cli_refuse (error);
  g_printerr (_("Case %s moved to %s.\n"), argv[1], argv[2]);
  return 0;
}

static int
case_check (AwbCli *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE legal-entity|stamped-bound|electronic-copy", NULL, &argc,
                      &argv, 2, 2, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      !awb_case_check (db, argv[1], argv[2], NULL, &error))
    return awb_cli_refuse (error);
  g_printerr (_("Case %s: %s ticked.\n"), argv[1], argv[2]);
  return 0;
}

static int
case_set_date (AwbCli *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE KIND DATE", NULL, &argc, &argv, 3, 3, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      !awb_case_set_date (db, argv[1], argv[2], argv[3], NULL, &error))
    return awb_cli_refuse (error);
  g_printerr (_("Case %s: %s set to %s.\n"), argv[1], argv[2], argv[3]);
  return 0;
}

static int
case_team (AwbCli *cli,
           int     argc,
           char  **argv)
{
  g_autofree char *leader = NULL;
  g_auto(GStrv) add = NULL;
  g_auto(GStrv) remove = NULL;
  GOptionEntry entries[] = {
    { "leader", 0, 0, G_OPTION_ARG_STRING, &leader, N_("The new project leader"), "NAME" },
    { "add-evaluator", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add,
      N_("An evaluator to add (repeat for several)"), "NAME" },
    { "remove-evaluator", 0, 0, G_OPTION_ARG_STRING_ARRAY, &remove,
      N_("An evaluator to remove (repeat for several)"), "NAME" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if (leader == NULL && add == NULL && remove == NULL)
    return awb_cli_usage (argv[0],
                          _("give --leader, --add-evaluator or --remove-evaluator"));
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      !awb_case_change_team (db, argv[1], leader, (const char * const *) add,
                             (const char * const *) remove, NULL, &error))
    return awb_cli_refuse (error);
  g_printerr (_("Case %s: team changed.\n"), argv[1]);
  return 0;
}

static int
case_delete (AwbCli *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", NULL, &argc, &argv, 1, 1, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      !awb_case_delete (db, argv[1], &error))
    return awb_cli_refuse (error);
  g_printerr (_("Case %s deleted.\n"), argv[1]);
  return 0;
}

static int
case_reopen (AwbCli *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the case is taken back"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE --reason TEXT", entries, &argc, &argv, 1, 1, &status))
    return status;
  if (reason == NULL)
    return awb_cli_usage (argv[0], _("--reason TEXT is required"));
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      !awb_panel_reopen (db, argv[1], reason, NULL, &error))
    return awb_cli_refuse (error);
  g_printerr (_("awb: case %s is reopened and can be changed again\n"), argv[1]);
  return 0;
}

const AwbCliCommand awb_cli_case_commands[] = {
  { "case", "new", case_new,
    "--applicant NAME --credit-code CODE [--type initial|maintenance] [--catalogue ID] "
    "[--leader NAME] [--evaluator NAME…] [--previous-certificate NO --previous-expiry DATE] "
    "[--from-case CASE]", N_("Create a case; prints its id") },
  { "case", "list", case_list, "[--json]", N_("List the cases, newest first") },
  { "case", "show", case_show, "CASE [--json]",
    N_("Show a case: team, checklist, dates, stage moves") },
  { "case", "status", case_status, "CASE [--json]",
    N_("Show what is due, overdue or breached") },
  { "case", "advance", case_advance, "CASE STAGE [--on DATE]",
    N_("Move a case forward (acceptance, initiation, evaluation, certification, closed)") },
  { "case", "check", case_check, "CASE legal-entity|stamped-bound|electronic-copy",
    N_("Tick an item of the acceptance checklist") },
  { "case", "set-date", case_set_date,
    "CASE received|review-sent|supplement-received|agreement|paid|evaluation-start|"
    "evaluation-end|panel|certificate-issued DATE", N_("Set one of the case's dates") },
  { "case", "team", case_team,
    "CASE [--leader NAME] [--add-evaluator NAME…] [--remove-evaluator NAME…]",
    N_("Change the project team") },
  { "case", "delete", case_delete, "CASE",
    N_("Delete a closed case whose archive retention has ended") },
  { "case", "reopen", case_reopen, "CASE --reason TEXT",
    N_("Take a case back from the expert panel") },
  { NULL }
};
