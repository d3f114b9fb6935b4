/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-judge"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "awb-error.h"
#include "awb-judge.h"
#include "awb-cli-private.h"

/* awb conclude CASE [--json] | awb statement CASE [--set TEXT | --file FILE | --reset] [--json] */

static void
print_reasons (AwbJudgement *j)
{
  for (guint i = 0; i < j->reasons->len; i++)
    {
      AwbReason *reason = j->reasons->pdata[i];

      g_print ("  %-9s %s\n", reason->requirement_id != NULL ? reason->requirement_id : "—",
               reason->text);
    }
}

static void
print_judgement (AwbJudgement *j)
{
  const AwbCheckResult *checks[] = { &j->staff_check, &j->acceptance_check };

  g_print (_("Case %s: %s (%s)\n"), j->case_id, awb_conclusion_label (j->conclusion),
           awb_conclusion_to_string (j->conclusion));
  if (j->submitted_at != NULL)
    g_print (_("With the expert panel since %.10s.\n"), j->submitted_at);

  g_print ("\n%s\n", _("Reasons:"));
  print_reasons (j);

  g_print ("\n%s\n", _("Checks:"));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    g_print ("  %-9s %-17s %-6s %s (%s %s)\n", checks[i]->requirement_id, checks[i]->check,
             checks[i]->passed ? _("met") : _("NOT MET"), checks[i]->figures,
             checks[i]->date_kind, checks[i]->date);

  if (j->notices->len > 0)
    {
      g_print ("\n%s\n", _("Notices:"));
      for (guint i = 0; i < j->notices->len; i++)
        g_print ("  %s\n", (char *) j->notices->pdata[i]);
    }

  g_print ("\n%s\n", _("Requirements (rating, suggested, evidence: supporting document/interview/"
                       "demonstration, contradicting):"));
  for (guint i = 0; i < j->requirements->len; i++)
    {
      AwbRequirementJudgement *rj = j->requirements->pdata[i];

      g_print ("  %-9s %-15s %-11s %-13s %u/%u/%u %u%s%s\n", rj->requirement_id,
               awb_rating_to_string (rj->rating), rj->suggested,
               awb_sufficiency_to_string (rj->sufficiency),
               rj->supporting[AWB_METHOD_DOCUMENT], rj->supporting[AWB_METHOD_INTERVIEW],
               rj->supporting[AWB_METHOD_DEMONSTRATION], rj->contradicting,
               rj->missing != NULL ? "  " : "", rj->missing != NULL ? rj->missing : "");
    }

  g_print ("\n%s\n", _("Sections (conformant, largely, non-conformant, not applicable, unrated; "
                       "sufficient, insufficient, contradicted, no evidence):"));
  for (guint i = 0; i < j->sections->len; i++)
    {
      AwbSectionCounts *s = j->sections->pdata[i];

      g_print ("  %-6s %3u %3u %3u %3u %3u   %3u %3u %3u %3u\n", s->section_id,
               s->ratings[AWB_RATING_CONFORMANT], s->ratings[AWB_RATING_LARGELY],
               s->ratings[AWB_RATING_NONCONFORMANT], s->ratings[AWB_RATING_NOT_APPLICABLE],
               s->ratings[AWB_RATING_UNRATED], s->sufficiency[AWB_SUFFICIENCY_SUFFICIENT],
               s->sufficiency[AWB_SUFFICIENCY_INSUFFICIENT],
               s->sufficiency[AWB_SUFFICIENCY_CONTRADICTED], s->sufficiency[AWB_SUFFICIENCY_NONE]);
    }

  g_print ("\n%s\n%s\n", !j->statement_edited ? _("Statement (generated):")
                         : j->statement_stale ? _("Statement (edited, STALE: written for another "
                                                  "decision):")
                         : _("Statement (edited):"), j->statement);
}

static int
conclude (AwbCli *cli,
          int     argc,
          char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbJudgement) j = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if ((db = awb_cli_database (cli, &error)) == NULL ||
      (j = awb_judge_case (db, argv[1], &error)) == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonNode) node = awb_judgement_to_json (j);
      awb_cli_print_json (node);
    }
  else
    print_judgement (j);
  return 0;
}

static int
statement (AwbCli *cli,
           int     argc,
           char  **argv)
{
  gboolean json = FALSE;
  gboolean reset = FALSE;
  g_autofree char *set = NULL;
  g_autofree char *file = NULL;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING, &set, N_("Replace the statement with TEXT"), N_("TEXT") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("Replace the statement with FILE's text"),
      N_("FILE") },
    { "reset", 0, 0, G_OPTION_ARG_NONE, &reset, N_("Go back to the generated statement"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbJudgement) j = NULL;
  g_autofree char *text = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE [--set TEXT | --file FILE | --reset]", entries, &argc, &argv,
                      1, 1, &status))
    return status;
  if ((set != NULL) + (file != NULL) + (reset ? 1 : 0) > 1)
    return awb_cli_usage (argv[0], _("give only one of --set, --file and --reset"));

  if (file != NULL)
    {
      if ((text = awb_cli_read_text_file (file, &error)) == NULL)
        return awb_cli_refuse (error);
      g_strchomp (text);
    }
  else if (set != NULL)
    text = g_steal_pointer (&set);

  if ((db = awb_cli_database (cli, &error)) == NULL)
    return awb_cli_refuse (error);
  if (text != NULL && !awb_judge_set_statement (db, argv[1], text, NULL, &error))
    return awb_cli_refuse (error);
  if (reset && !awb_judge_reset_statement (db, argv[1], NULL, &error))
    return awb_cli_refuse (error);
  if ((j = awb_judge_case (db, argv[1], &error)) == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "case");
      json_builder_add_string_value (b, j->case_id);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, j->statement);
      json_builder_set_member_name (b, "edited");
      json_builder_add_boolean_value (b, j->statement_edited);
      json_builder_set_member_name (b, "stale");
      json_builder_add_boolean_value (b, j->statement_stale);
      json_builder_set_member_name (b, "decision");
      if (j->statement_decision != NULL)
        json_builder_add_string_value (b, j->statement_decision);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "conclusion");
      json_builder_add_string_value (b, awb_conclusion_to_string (j->conclusion));
      json_builder_set_member_name (b, "generated");
      json_builder_add_string_value (b, j->generated_statement);
      json_builder_end_object (b);
      node = json_builder_get_root (b);
      awb_cli_print_json (node);
    }
  else if (text == NULL && !reset)
    g_print ("%s\n", j->statement);

  if (!json && text == NULL && !reset && j->statement_stale)
    g_printerr (_("awb: this edited statement is stale: it was written for “%s” but the audit "
                  "conclusion is now “%s”; edit it again or --reset it\n"),
                j->statement_decision, awb_conclusion_to_string (j->conclusion));
  return 0;
}

const AwbCliCommand awb_cli_judge_commands[] = {
  { "conclude", NULL, conclude, "CASE [--json]",
    N_("The audit conclusion with its reasons, checks and per-section counts") },
  { "statement", NULL, statement, "CASE [--set TEXT | --file FILE | --reset] [--json]",
    N_("Show or edit the conclusion statement (项目审核结论)") },
  { NULL }
};
