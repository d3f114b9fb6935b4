/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-catalogue"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-catalogue-registry.h"
#include "awb-error.h"
#include "awb-cli-private.h"

/* awb catalogue list | catalogue show ID */

static void
report_problems (AwbCatalogueRegistry *registry)
{
  GPtrArray *problems = awb_catalogue_registry_get_problems (registry);

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("awb: %s\n", (const char *) problems->pdata[i]);
}

static int
catalogue_list (AwbCli *cli,
                int     argc,
                char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  AwbCatalogueRegistry *registry;
  GListModel *cats;
  int status;

  if (!awb_cli_parse (argv[0], "", entries, &argc, &argv, 0, 0, &status))
    return status;

  registry = awb_catalogue_registry_get_default ();
  report_problems (registry);
  cats = awb_catalogue_registry_get_catalogues (registry);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < g_list_model_get_n_items (cats); i++)
        {
          g_autoptr(AwbCatalogue) cat = g_list_model_get_item (cats, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, awb_catalogue_get_id (cat));
          json_builder_set_member_name (b, "version");
          json_builder_add_string_value (b, awb_catalogue_get_version (cat));
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, awb_catalogue_get_title (cat));
          json_builder_set_member_name (b, "requirements");
          json_builder_add_int_value (b, awb_catalogue_get_n_requirements (cat));
          json_builder_set_member_name (b, "origin");
          json_builder_add_string_value (b, awb_catalogue_get_origin (cat));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      awb_cli_print_json (root);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (cats); i++)
    {
      g_autoptr(AwbCatalogue) cat = g_list_model_get_item (cats, i);

      g_print ("%s\t%s\t%s\t", awb_catalogue_get_id (cat), awb_catalogue_get_version (cat),
               awb_catalogue_get_title (cat));
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u requirement", "%u requirements",
                            awb_catalogue_get_n_requirements (cat)),
               awb_catalogue_get_n_requirements (cat));
      g_print ("\n");
    }
  return 0;
}

static void
add_text_array (JsonBuilder *b,
                GPtrArray   *zh,
                GPtrArray   *en)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < zh->len; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "zh");
      json_builder_add_string_value (b, zh->pdata[i]);
      json_builder_set_member_name (b, "en");
      json_builder_add_string_value (b, en->pdata[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static JsonNode *
catalogue_to_json (AwbCatalogue *cat)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GListModel *sections = awb_catalogue_get_sections (cat);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, awb_catalogue_get_id (cat));
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, awb_catalogue_get_version (cat));
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, awb_catalogue_get_title (cat));
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AwbSection) s = g_list_model_get_item (sections, i);
      GListModel *reqs = awb_section_get_requirements (s);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, awb_section_get_id (s));
      json_builder_set_member_name (b, "parent");
      if (awb_section_get_parent_id (s) != NULL)
        json_builder_add_string_value (b, awb_section_get_parent_id (s));
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, awb_section_get_title (s));
      json_builder_set_member_name (b, "requirements");
      json_builder_begin_array (b);
      for (guint k = 0; k < g_list_model_get_n_items (reqs); k++)
        {
          g_autoptr(AwbRequirement) r = g_list_model_get_item (reqs, k);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, awb_requirement_get_id (r));
          json_builder_set_member_name (b, "text_zh");
          json_builder_add_string_value (b, awb_requirement_get_text_zh (r));
          json_builder_set_member_name (b, "text_en");
          json_builder_add_string_value (b, awb_requirement_get_text_en (r));
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, awb_requirement_get_kind (r) == AWB_REQUIREMENT_BASIC
                                              ? "basic" : "process-area");
          json_builder_set_member_name (b, "na_allowed");
          json_builder_add_boolean_value (b, awb_requirement_get_na_allowed (r));
          json_builder_set_member_name (b, "methods");
          json_builder_begin_array (b);
          for (guint m = 0; m < AWB_N_METHODS; m++)
            if (awb_requirement_get_methods (r) & AWB_METHOD_BIT (m))
              json_builder_add_string_value (b, awb_method_to_string ((AwbMethod) m));
          json_builder_end_array (b);
          json_builder_set_member_name (b, "min_methods");
          json_builder_add_int_value (b, awb_requirement_get_min_methods (r));
          json_builder_set_member_name (b, "sse_cmm");
          if (awb_requirement_get_sse_cmm (r) != NULL)
            json_builder_add_string_value (b, awb_requirement_get_sse_cmm (r));
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "check");
          if (awb_requirement_get_check (r) != NULL)
            json_builder_add_string_value (b, awb_requirement_get_check (r));
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "hints");
          json_builder_begin_object (b);
          for (guint m = 0; m < AWB_N_METHODS; m++)
            {
              json_builder_set_member_name (b, awb_method_to_string ((AwbMethod) m));
              add_text_array (b, awb_requirement_get_hints (r, (AwbMethod) m, TRUE),
                              awb_requirement_get_hints (r, (AwbMethod) m, FALSE));
            }
          json_builder_end_object (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static int
catalogue_show (AwbCli *cli,
                int     argc,
                char  **argv)
{
  gboolean json = FALSE;
  char *version = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { "version", 0, 0, G_OPTION_ARG_STRING, &version, N_("A particular version"), "VERSION" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  AwbCatalogue *cat;
  GListModel *sections;
  int status;

  if (!awb_cli_parse (argv[0], "ID", entries, &argc, &argv, 1, 1, &status))
    return status;

  cat = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (), argv[1], version,
                                       &error);
  g_free (version);
  if (cat == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonNode) root = catalogue_to_json (cat);
      awb_cli_print_json (root);
      return 0;
    }

  g_print ("%s %s — %s\n", awb_catalogue_get_id (cat), awb_catalogue_get_version (cat),
           awb_catalogue_get_title (cat));
  sections = awb_catalogue_get_sections (cat);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AwbSection) s = g_list_model_get_item (sections, i);
      GListModel *reqs = awb_section_get_requirements (s);

      g_print ("\n%s %s\n", awb_section_get_id (s), awb_section_get_title (s));
      if (awb_section_get_note (s) != NULL)
        g_print ("  (%s)\n", awb_section_get_note (s));
      for (guint k = 0; k < g_list_model_get_n_items (reqs); k++)
        {
          g_autoptr(AwbRequirement) r = g_list_model_get_item (reqs, k);
          g_print ("  %-9s %s\n", awb_requirement_get_id (r), awb_requirement_get_text (r));
        }
    }
  return 0;
}

const AwbCliCommand awb_cli_catalogue_commands[] = {
  { "catalogue", "list", catalogue_list, "[--json]", N_("List the installed catalogues") },
  { "catalogue", "show", catalogue_show, "ID [--version VERSION] [--json]",
    N_("Show a catalogue's sections and requirements") },
  { NULL }
};
