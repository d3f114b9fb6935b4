/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-rating"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-assessment.h"
#include "awb-cli-private.h"

/* awb rate CASE REQUIREMENT RATING [--rationale TEXT] | ratings CASE [--json] */

static int
rate (AwbCli *cli,
      int     argc,
      char  **argv)
{
  g_autofree char *rationale = NULL;
  GOptionEntry entries[] = {
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &rationale,
      N_("Why (required for not-applicable)"), "TEXT" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  AwbDatabase *db;
  AwbRating rating;
  int status;

  if (!awb_cli_parse (argv[0], "CASE REQUIREMENT RATING", entries, &argc, &argv, 3, 3, &status))
    return status;

  if (!awb_rating_from_string (argv[3], &rating))
    return awb_cli_refuse_printf (_("Rating “%s” is not one of conformant, largely, "
                                    "nonconformant, not-applicable, unrated"), argv[3]);
  if (rating == AWB_RATING_UNRATED && rationale != NULL)
    return awb_cli_refuse_printf (_("“unrated” clears the rating of %s and takes no rationale "
                                    "(“%s” was given)"), argv[2], rationale);

  db = awb_cli_database (cli, &error);
  if (db == NULL || !awb_rating_set (db, argv[1], argv[2], rating, rationale, NULL, &error))
    return awb_cli_refuse (error);
  return 0;
}

static int
ratings (AwbCli *cli,
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
    list = awb_rating_list (db, argv[1], &error);
  if (list == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(AwbAssessment) a = g_list_model_get_item (list, i);

          json_builder_begin_object (b);
          awb_cli_json_string (b, "requirement", awb_assessment_get_requirement_id (a));
          awb_cli_json_string (b, "rating", awb_rating_to_string (awb_assessment_get_rating (a)));
          awb_cli_json_string (b, "rationale", awb_assessment_get_rationale (a));
          awb_cli_json_string (b, "actor", awb_assessment_get_actor (a));
          awb_cli_json_string (b, "at", awb_assessment_get_at (a));
          awb_cli_json_string (b, "id", awb_assessment_get_id (a));
          json_builder_set_member_name (b, "rev");
          json_builder_add_int_value (b, awb_assessment_get_rev (a));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      awb_cli_print_json (root);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AwbAssessment) a = g_list_model_get_item (list, i);
      AwbRating rating = awb_assessment_get_rating (a);

      if (rating == AWB_RATING_UNRATED)
        g_print ("%-9s %s\n", awb_assessment_get_requirement_id (a), awb_rating_to_string (rating));
      else
        g_print ("%-9s %-15s %s, %.10s\t%s\n", awb_assessment_get_requirement_id (a),
                 awb_rating_to_string (rating), awb_assessment_get_actor (a),
                 awb_assessment_get_at (a), awb_assessment_get_rationale (a));
    }
  return 0;
}

const AwbCliCommand awb_cli_rating_commands[] = {
  { "rate", NULL, rate,
    "CASE REQUIREMENT conformant|largely|nonconformant|not-applicable|unrated [--rationale TEXT]",
    N_("Rate a requirement (unrated clears the rating)") },
  { "ratings", NULL, ratings, "CASE [--json]",
    N_("List every requirement of the case with its rating") },
  { NULL }
};
