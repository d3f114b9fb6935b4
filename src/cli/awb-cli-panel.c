/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-error.h"
#include "awb-panel.h"
#include "awb-cli-private.h"

/* awb panel add | review | vote | submit | conclude | list (awb case reopen,
 * which takes a case back from the panel, is in awb-cli-case.c). */

static gboolean
parse_yes_no (const char *command,
              const char *option,
              const char *value,
              gboolean   *out,
              int        *status)
{
  if (g_strcmp0 (value, "yes") == 0)
    *out = TRUE;
  else if (g_strcmp0 (value, "no") == 0)
    *out = FALSE;
  else
    {
      /* like every choice of the command line: missing is not understood, wrong is refused */
      *status = value == NULL
                  ? awb_cli_usage (command, _("%s yes|no is required"), option)
                  : awb_cli_refuse_printf (_("%s is “%s”; give yes or no"), option, value);
      return FALSE;
    }
  return TRUE;
}

static void
print_panel (AwbPanel *panel)
{
  g_print (_("Case %s\n"), panel->case_id);
  if (panel->submitted_at != NULL)
    g_print (_("With the expert panel since %.10s.\n"), panel->submitted_at);
  else
    g_print ("%s\n", _("Not with the expert panel."));
  g_print (_("Panel conclusion: %s (%s)%s; %u pass, %u fail, %u members\n"),
           awb_panel_conclusion_label (panel->conclusion),
           awb_panel_conclusion_to_string (panel->conclusion),
           panel->recorded ? _(", recorded") : "", panel->n_pass, panel->n_fail,
           panel->members->len);

  g_print ("\n%s\n", _("Members (id, name, role, affiliation, vote, comment):"));
  for (guint i = 0; i < panel->members->len; i++)
    {
      AwbPanelMember *m = panel->members->pdata[i];

      g_print ("  %.8s  %s  %s  %s  %s  %s\n", m->id, m->name, awb_panel_role_to_string (m->role),
               *m->affiliation != '\0' ? m->affiliation : "—", awb_vote_to_string (m->vote),
               m->vote_comment);
    }

  if (panel->reviews->len > 0)
    {
      g_print ("\n%s\n", _("Reviews (member, scope, evidence sufficient, conclusion reasonable, "
                           "comment):"));
      for (guint i = 0; i < panel->reviews->len; i++)
        {
          AwbPanelReview *r = panel->reviews->pdata[i];

          g_print ("  %s  %s  %s  %s  %s\n", r->member, r->scope, r->sufficient ? "yes" : "no",
                   r->reasonable ? "yes" : "no", r->comment);
        }
    }

  if (panel->dissent->len > 0)
    {
      g_print ("\n%s\n", _("Dissent:"));
      for (guint i = 0; i < panel->dissent->len; i++)
        {
          AwbPanelMember *m = panel->dissent->pdata[i];

          g_print ("  %s  %s  %s\n", m->name, awb_vote_to_string (m->vote), m->vote_comment);
        }
    }
}

static int
panel_add (AwbCli *cli,
           int     argc,
           char  **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *affiliation = NULL;
  gboolean chair = FALSE;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The member's name"), N_("NAME") },
    { "affiliation", 0, 0, G_OPTION_ARG_STRING, &affiliation, N_("Where the member works"),
      N_("TEXT") },
    { "chair", 0, 0, G_OPTION_ARG_NONE, &chair, N_("The member chairs the panel"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE --name NAME [--affiliation TEXT] [--chair]", entries, &argc,
                      &argv, 1, 1, &status))
    return status;
  if (name == NULL)
    return awb_cli_usage (argv[0], _("--name NAME is required"));
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (id = awb_panel_add_member (db, argv[1], name, affiliation,
                                  chair ? AWB_PANEL_ROLE_CHAIR : AWB_PANEL_ROLE_MEMBER, NULL,
                                  &error)) == NULL)
    return awb_cli_refuse (error);
  g_print ("%s\n", id);
  return 0;
}

static int
panel_review (AwbCli *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *section = NULL;
  g_autofree char *sufficient_text = NULL;
  g_autofree char *reasonable_text = NULL;
  g_autofree char *comment = NULL;
  gboolean overall = FALSE;
  GOptionEntry entries[] = {
    { "section", 0, 0, G_OPTION_ARG_STRING, &section, N_("The section reviewed"), N_("ID") },
    { "overall", 0, 0, G_OPTION_ARG_NONE, &overall, N_("The review of the whole case"), NULL },
    { "sufficient", 0, 0, G_OPTION_ARG_STRING, &sufficient_text,
      N_("Whether the evidence is sufficient"), N_("yes|no") },
    { "reasonable", 0, 0, G_OPTION_ARG_STRING, &reasonable_text,
      N_("Whether the audit conclusion is reasonable"), N_("yes|no") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("A comment"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean sufficient, reasonable;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE MEMBER --section ID|--overall --sufficient yes|no "
                      "--reasonable yes|no [--comment TEXT]", entries, &argc, &argv, 2, 2,
                      &status))
    return status;
  if ((section != NULL) == overall)
    return awb_cli_usage (argv[0], _("give either --section ID or --overall"));
  if (!parse_yes_no (argv[0], "--sufficient", sufficient_text, &sufficient, &status) ||
      !parse_yes_no (argv[0], "--reasonable", reasonable_text, &reasonable, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (id = awb_panel_review (db, argv[1], argv[2], section, sufficient, reasonable, comment,
                              NULL, &error)) == NULL)
    return awb_cli_refuse (error);
  g_print ("%s\n", id);
  return 0;
}

static int
panel_vote (AwbCli *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *comment = NULL;
  GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("A comment on the vote"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AwbDatabase *db;
  AwbVote vote;
  int status;

  if (!awb_cli_parse (argv[0], "CASE MEMBER pass|fail [--comment TEXT]", entries, &argc, &argv,
                      3, 3, &status))
    return status;
  if (!awb_vote_from_string (argv[3], &vote))
    return awb_cli_refuse_printf (_("The vote is “%s”; give pass or fail"), argv[3]);
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (id = awb_panel_vote (db, argv[1], argv[2], vote, comment, NULL, &error)) == NULL)
    return awb_cli_refuse (error);
  g_print ("%s\n", id);
  return 0;
}

static int
panel_submit (AwbCli *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", NULL, &argc, &argv, 1, 1, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      !awb_panel_submit (db, argv[1], NULL, &error))
    return awb_cli_refuse (error);
  g_printerr (_("awb: case %s is with the expert panel and locked until it is reopened\n"),
              argv[1]);
  return 0;
}

static int
panel_show (AwbCli   *cli,
            int       argc,
            char    **argv,
            gboolean  record)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbPanel) panel = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE [--json]", entries, &argc, &argv, 1, 1, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL)
    return awb_cli_refuse (error);
  panel = record ? awb_panel_conclude (db, argv[1], NULL, &error) : awb_panel_get (db, argv[1], &error);
  if (panel == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonNode) node = awb_panel_to_json (panel);
      awb_cli_print_json (node);
    }
  else
    print_panel (panel);
  return 0;
}

static int
panel_conclude (AwbCli *cli,
                int     argc,
                char  **argv)
{
  return panel_show (cli, argc, argv, TRUE);
}

static int
panel_list (AwbCli *cli,
            int     argc,
            char  **argv)
{
  return panel_show (cli, argc, argv, FALSE);
}

const AwbCliCommand awb_cli_panel_commands[] = {
  { "panel", "add", panel_add, "CASE --name NAME [--affiliation TEXT] [--chair]",
    N_("Add an expert-panel member") },
  { "panel", "review", panel_review,
    "CASE MEMBER --section ID|--overall --sufficient yes|no --reasonable yes|no [--comment TEXT]",
    N_("Record a member's review of a section or of the whole case") },
  { "panel", "vote", panel_vote, "CASE MEMBER pass|fail [--comment TEXT]",
    N_("Record or change a member's vote") },
  { "panel", "submit", panel_submit, "CASE",
    N_("Submit the case to the expert panel (locks it)") },
  { "panel", "conclude", panel_conclude, "CASE [--json]",
    N_("The panel conclusion; recorded once every member has voted") },
  { "panel", "list", panel_list, "CASE [--json]",
    N_("The panel's members, reviews and votes") },
  { NULL }
};
