/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-cli-history"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-cli-private.h"
#include "awb-history.h"

/* awb history CASE [--json]: newest first. People get one line per change
 * with the fields that changed (before → after); --json gives every column,
 * before and after as the JSON objects they hold. */

/* Members shown elsewhere on the line, or bookkeeping. */
static const char * const hidden_members[] = {
  "id", "case_id", "requirement_id", "actor", "at", "created_at", "updated_at", "rev", NULL
};

static JsonNode *
parse_or_null (const char *text)
{
  if (text == NULL)
    return NULL;
  return json_from_string (text, NULL);
}

static char *
format_value (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      return g_strdup (*s != '\0' ? s : "\"\"");
    }
  return json_to_string (node, FALSE);
}

static void
add_members (GPtrArray  *names,
             JsonObject *object)
{
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (hidden_members, l->data) &&
        !g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, NULL))
      g_ptr_array_add (names, l->data);
}

/* "rating: largely → conformant; rationale: \"\" → sampled 3 projects" */
static char *
describe_change (JsonNode *before,
                 JsonNode *after,
                 const char *before_text,
                 const char *after_text)
{
  JsonObject *b = before != NULL && JSON_NODE_HOLDS_OBJECT (before)
                    ? json_node_get_object (before) : NULL;
  JsonObject *a = after != NULL && JSON_NODE_HOLDS_OBJECT (after)
                    ? json_node_get_object (after) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  if ((before != NULL && b == NULL) || (after != NULL && a == NULL))
    return g_strdup_printf ("%s → %s", before_text != NULL ? before_text : "—",
                            after_text != NULL ? after_text : "—");

  add_members (names, a);
  add_members (names, b);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *old = format_value (b, names->pdata[i]);
      g_autofree char *new = format_value (a, names->pdata[i]);

      if (g_str_equal (old, new))
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s: %s → %s", (const char *) names->pdata[i], old, new);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
requirement_of (JsonNode *node)
{
  JsonObject *o = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node)
                                                                : NULL;

  if (o == NULL || !json_object_has_member (o, "requirement_id"))
    return NULL;
  return json_object_get_string_member_with_default (o, "requirement_id", NULL);
}

static void
add_json_or_null (JsonBuilder *b,
                  const char  *name,
                  JsonNode    *node)
{
  json_builder_set_member_name (b, name);
  if (node != NULL)
    json_builder_add_value (b, json_node_copy (node));
  else
    json_builder_add_null_value (b);
}

static int
history (AwbCli *cli,
         int     argc,
         char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Machine-readable output"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries_list = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  AwbDatabase *db;
  int status;

  if (!awb_cli_parse (argv[0], "CASE", entries, &argc, &argv, 1, 1, &status))
    return status;

  db = awb_cli_database (cli, &error);
  if (db != NULL)
    entries_list = awb_history_list_for_case (db, argv[1], TRUE, &error);
  if (entries_list == NULL)
    return awb_cli_refuse (error);

  if (json)
    {
      b = json_builder_new ();
      json_builder_begin_array (b);
    }

  for (guint i = 0; i < entries_list->len; i++)
    {
      AwbHistoryEntry *e = entries_list->pdata[i];
      g_autoptr(JsonNode) before = parse_or_null (e->before);
      g_autoptr(JsonNode) after = parse_or_null (e->after);

      if (json)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "seq");
          json_builder_add_int_value (b, e->seq);
          awb_cli_json_string (b, "id", e->id);
          awb_cli_json_string (b, "case_id", e->case_id);
          awb_cli_json_string (b, "at", e->at);
          awb_cli_json_string (b, "actor", e->actor);
          awb_cli_json_string (b, "action", e->action);
          awb_cli_json_string (b, "entity", e->entity);
          awb_cli_json_string (b, "entity_id", e->entity_id);
          add_json_or_null (b, "before", before);
          add_json_or_null (b, "after", after);
          awb_cli_json_string (b, "prev_hash", e->prev_hash);
          awb_cli_json_string (b, "hash", e->hash);
          json_builder_end_object (b);
        }
      else
        {
          g_autofree char *short_id = awb_cli_short_id (e->entity_id);
          g_autofree char *change = describe_change (before, after, e->before, e->after);
          const char *req = requirement_of (after != NULL ? after : before);

          g_print ("%.19s\t%s\t%s\t%s%s%s %s\t%s\n", e->at, e->actor, e->action, e->entity,
                   req != NULL ? " " : "", req != NULL ? req : "", short_id, change);
        }
    }

  if (json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (b);
      root = json_builder_get_root (b);
      awb_cli_print_json (root);
    }
  return 0;
}

const AwbCliCommand awb_cli_history_commands[] = {
  { "history", NULL, history, "CASE [--json]",
    N_("Show every change to the case, newest first") },
  { NULL }
};
