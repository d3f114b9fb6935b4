/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-evidence"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "awb-error.h"
#include "awb-evidence.h"
#include "awb-cli-private.h"

/* awb evidence add | list | show | remove | restore | attach | detach */

/* --requirement ID or ID:yes|partly|no */
static gboolean
parse_links (char       **requirements,
             AwbSupports  fallback,
             GPtrArray   *links,
             int         *status)
{
  for (char **r = requirements; r != NULL && *r != NULL; r++)
    {
      const char *colon = strrchr (*r, ':');
      AwbSupports supports = fallback;
      g_autofree char *id = NULL;

      if (colon != NULL)
        {
          if (!awb_supports_from_string (colon + 1, &supports))
            {
              *status = awb_cli_refuse_printf (_("--requirement “%s”: after the colon give yes, "
                                                 "partly or no"), *r);
              return FALSE;
            }
          id = g_strndup (*r, (gsize) (colon - *r));
        }
      else
        id = g_strdup (*r);
      g_ptr_array_add (links, awb_evidence_link_new (id, supports));
    }
  return TRUE;
}

/* --field KEY=VALUE, each key once */
static GHashTable *
parse_fields (char **fields,
              int   *status)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (char **f = fields; f != NULL && *f != NULL; f++)
    {
      const char *eq = strchr (*f, '=');
      g_autofree char *key = NULL;

      if (eq == NULL || eq == *f)
        {
          *status = awb_cli_refuse_printf (_("--field “%s” is not of the form KEY=VALUE "
                                             "(for example --field location=\"Room 301\")"),
                                           *f);
          return NULL;
        }
      key = g_strndup (*f, (gsize) (eq - *f));
      if (g_hash_table_contains (table, key))
        {
          *status = awb_cli_refuse_printf (_("--field %s is given twice: give each field once"),
                                           key);
          return NULL;
        }
      g_hash_table_insert (table, g_steal_pointer (&key), g_strdup (eq + 1));
    }
  return g_steal_pointer (&table);
}

static int
evidence_add (AwbCli *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *method = NULL;
  g_autofree char *title = NULL;
  g_autofree char *observation = NULL;
  g_autofree char *observation_file = NULL;
  g_autofree char *supports = NULL;
  g_autofree char *evaluator = NULL;
  g_autofree char *observed_on = NULL;
  g_auto(GStrv) requirements = NULL;
  g_auto(GStrv) attach = NULL;
  g_auto(GStrv) fields = NULL;
  GOptionEntry entries[] = {
    { "method", 0, 0, G_OPTION_ARG_STRING, &method,
      N_("document, interview or demonstration"), "METHOD" },
    { "requirement", 0, 0, G_OPTION_ARG_STRING_ARRAY, &requirements,
      N_("A requirement it bears on (repeat for more; ID:partly sets its own support)"), "ID" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What was seen"), "TEXT" },
    { "observation", 0, 0, G_OPTION_ARG_STRING, &observation, N_("What it shows"), "TEXT" },
    { "observation-file", 0, 0, G_OPTION_ARG_FILENAME, &observation_file,
      N_("What it shows, read from a UTF-8 text file (- for standard input)"), "FILE" },
    { "supports", 0, 0, G_OPTION_ARG_STRING, &supports,
      N_("yes, partly or no (contradicts); default yes"), "yes|partly|no" },
    { "evaluator", 0, 0, G_OPTION_ARG_STRING, &evaluator, N_("Who saw it"), "NAME" },
    { "observed-on", 0, 0, G_OPTION_ARG_STRING, &observed_on, N_("When it was seen"), "DATE" },
    { "attach", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &attach,
      N_("A file to attach (repeat for more)"), "FILE" },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &fields, N_("A method field (repeat for more)"),
      "KEY=VALUE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GHashTable) field_table = NULL;
  g_autofree char *id = NULL;
  AwbEvidenceNew params = { 0 };
  AwbSupports fallback = AWB_SUPPORTS_YES;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;
  if (method == NULL)
    return awb_cli_usage (argv[0], _("missing option: --method document|interview|demonstration"));
  if (requirements == NULL)
    return awb_cli_usage (argv[0], _("missing option: --requirement ID"));
  if (title == NULL)
    return awb_cli_usage (argv[0], _("missing option: --title TEXT"));
  if (observation != NULL && observation_file != NULL)
    return awb_cli_usage (argv[0], _("give --observation or --observation-file, not both"));

  if (!awb_method_from_string (method, &params.method))
    return awb_cli_refuse_printf (_("Method “%s” is not one of document, interview, "
                                    "demonstration"), method);
  if (supports != NULL && !awb_supports_from_string (supports, &fallback))
    return awb_cli_refuse_printf (_("--supports “%s” is not one of yes, partly, no"),
                                  supports);
  links = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_evidence_link_free);
  if (!parse_links (requirements, fallback, links, &status))
    return status;
  field_table = parse_fields (fields, &status);
  if (fields != NULL && field_table == NULL)
    return status;
  if (observation_file != NULL &&
      (observation = awb_cli_read_text_file (observation_file, &error)) == NULL)
    return awb_cli_refuse (error);

  db = awb_cli_database (cli, &error);
  if (db == NULL)
    return awb_cli_refuse (error);

  params.title = title;
  params.observation = observation;
  params.evaluator = evaluator;
  params.observed_on = observed_on;
  params.links = links;
  params.fields = field_table;
  params.attachments = (const char * const *) attach;
  id = awb_evidence_add (db, argv[1], &params, &error);
  if (id == NULL)
    return awb_cli_refuse (error);
  g_print ("%s\n", id);
  return 0;
}

static char *
describe_links (AwbEvidence *item)
{
  GPtrArray *links = awb_evidence_get_links (item);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < links->len; i++)
    {
      AwbEvidenceLink *link = links->pdata[i];

      g_string_append_printf (s, "%s%s (%s)", i > 0 ? ", " : "", link->requirement_id,
                              awb_supports_to_string (link->supports));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static int
evidence_list (AwbCli *cli,
               int     argc,
               char  **argv)
{
  gboolean json = FALSE;
  gboolean reference = FALSE;
  g_autofree char *requirement = NULL;
  GOptionEntry entries[] = {
    { "requirement", 0, 0, G_OPTION_ARG_STRING, &requirement,
      N_("Only the items linked to this requirement"), "ID" },
    { "reference", 0, 0, G_OPTION_ARG_NONE, &reference,
      N_("The baseline case's items (a maintenance case started from a previous case)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GString) out = NULL;
  AwbDatabase *db;
  guint n;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;

  db = awb_cli_database (cli, &error);
  if (db == NULL)
    return awb_cli_refuse (error);
  items = reference ? awb_evidence_list_reference (db, argv[1], requirement, &error)
                    : awb_evidence_list (db, argv[1], requirement, &error);
  if (items == NULL)
    return awb_cli_refuse (error);
  n = g_list_model_get_n_items (items);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (n);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AwbEvidence) item = g_list_model_get_item (items, i);
          json_array_add_element (array, awb_evidence_to_json (item, requirement));
        }
      json_node_set_array (root, array);
      awb_cli_print_json (root);
      return 0;
    }

  if (n == 0)
    g_printerr ("%s\n", _("No evidence items."));
  /* one write for the lot: g_print flushes on every call */
  out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwbEvidence) item = g_list_model_get_item (items, i);
      g_autofree char *links = describe_links (item);
      guint n_att = awb_evidence_get_attachments (item)->len;
      const char *observed = awb_evidence_get_observed_on (item);

      g_string_append_printf (out, "%.8s  %-13s  %-10s  %s  [%s]", awb_evidence_get_id (item),
                              awb_method_to_string (awb_evidence_get_method (item)),
                              observed != NULL ? observed : "-", awb_evidence_get_title (item),
                              links);
      if (n_att > 0)
        {
          g_string_append (out, "  ");
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u attachment",
                                                    "%u attachments", n_att), n_att);
        }
      g_string_append_c (out, '\n');
    }
  awb_cli_write (stdout, out->str, out->len);
  return 0;
}

/* "label   value", the labels padded to one column whatever their script
 * (a Chinese character takes two columns of a terminal). */
static void
print_row (const char *label,
           const char *value)
{
  g_autoptr(GString) line = g_string_new (label);
  guint width = 0;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  for (; width < 23; width++)
    g_string_append_c (line, ' ');
  g_print ("%s%s\n", line->str, value != NULL && *value != '\0' ? value : "-");
}

static int
evidence_show (AwbCli *cli,
               int     argc,
               char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbEvidence) item = NULL;
  GPtrArray *links;
  GPtrArray *attachments;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "ID", entries, &argc, &argv, 1, 1, &status))
    return status;

  db = awb_cli_database (cli, &error);
  if (db == NULL)
    return awb_cli_refuse (error);
  item = awb_evidence_lookup (db, argv[1], &error);
  if (item == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonNode) root = awb_evidence_to_json (item, NULL);
      awb_cli_print_json (root);
      return 0;
    }

  print_row (_("Evidence item"), awb_evidence_get_id (item));
  print_row (_("Case"), awb_evidence_get_case_id (item));
  print_row (_("Method"), awb_method_label (awb_evidence_get_method (item)));
  print_row (_("Title"), awb_evidence_get_title (item));
  print_row (C_("evidence", "Observation"), awb_evidence_get_observation (item));
  print_row (_("Evaluator"), awb_evidence_get_evaluator (item));
  print_row (_("Observed on"), awb_evidence_get_observed_on (item));
  print_row (_("Recorded at"), awb_evidence_get_recorded_at (item));
  for (const char * const *key = awb_evidence_method_fields (awb_evidence_get_method (item));
       *key != NULL; key++)
    print_row (awb_evidence_field_label (*key), awb_evidence_get_field (item, *key));

  links = awb_evidence_get_links (item);
  g_print ("%s\n", _("Requirements:"));
  for (guint i = 0; i < links->len; i++)
    {
      AwbEvidenceLink *link = links->pdata[i];
      g_print ("  %-14s %s\n", link->requirement_id, awb_supports_label (link->supports));
    }

  attachments = awb_evidence_get_attachments (item);
  if (attachments->len > 0)
    g_print ("%s\n", _("Attachments:"));
  for (guint i = 0; i < attachments->len; i++)
    {
      AwbAttachment *a = attachments->pdata[i];
      g_autofree char *size = g_format_size ((guint64) a->size);

      g_print ("  %.8s  %s  (%s, %s)  sha256 %s\n", a->id, a->name, size, a->content_type,
               a->sha256);
    }
  return 0;
}

static int
evidence_remove (AwbCli *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbEvidence) item = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "ID", NULL, &argc, &argv, 1, 1, &status))
    return status;

  db = awb_cli_database (cli, &error);
  if (db == NULL)
    return awb_cli_refuse (error);
  item = awb_evidence_lookup (db, argv[1], &error);
  if (item == NULL || !awb_evidence_remove (db, awb_evidence_get_id (item), NULL, &error))
    return awb_cli_refuse (error);
  g_printerr (_("Removed evidence item %s (%s); “awb evidence restore %.8s” brings it back.\n"),
              awb_evidence_get_id (item), awb_evidence_get_title (item),
              awb_evidence_get_id (item));
  return 0;
}

static int
evidence_restore (AwbCli *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "ID", NULL, &argc, &argv, 1, 1, &status))
    return status;

  db = awb_cli_database (cli, &error);
  if (db == NULL)
    return awb_cli_refuse (error);
  id = awb_evidence_restore (db, argv[1], &error);
  if (id == NULL)
    return awb_cli_refuse (error);
  g_printerr (_("Restored evidence item %s.\n"), id);
  return 0;
}

static int
evidence_attach (AwbCli *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "ID FILE", NULL, &argc, &argv, 2, 2, &status))
    return status;

  db = awb_cli_database (cli, &error);
  if (db == NULL)
    return awb_cli_refuse (error);
  id = awb_evidence_add_attachment (db, argv[1], argv[2], NULL, &error);
  if (id == NULL)
    return awb_cli_refuse (error);
  g_print ("%s\n", id);
  return 0;
}

static int
evidence_detach (AwbCli *cli,
                 int     argc,
                 char  **argv)
{
  return awb_cli_remove (cli, argc, argv, "ATTACHMENT", awb_evidence_remove_attachment);
}

const AwbCliCommand awb_cli_evidence_commands[] = {
  { "evidence", "add", evidence_add,
    "CASE --method document|interview|demonstration --requirement ID[:yes|partly|no]… "
    "--title TEXT [--observation TEXT | --observation-file FILE] [--supports yes|partly|no] "
    "[--evaluator NAME] [--observed-on DATE] [--attach FILE…] [--field KEY=VALUE…]",
    N_("Record an evidence item; prints its id") },
  { "evidence", "list", evidence_list, "CASE [--requirement ID] [--reference] [--json]",
    N_("List a case's evidence items in the order they were recorded") },
  { "evidence", "show", evidence_show, "ID [--json]", N_("Show an evidence item") },
  { "evidence", "remove", evidence_remove, "ID", N_("Remove an evidence item (restorable)") },
  { "evidence", "restore", evidence_restore, "ID", N_("Bring back a removed evidence item") },
  { "evidence", "attach", evidence_attach, "ID FILE",
    N_("Attach a file to an evidence item; prints the attachment's id") },
  { "evidence", "detach", evidence_detach, "ATTACHMENT", N_("Detach a file from its item") },
  { NULL }
};
