/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-history-row"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "awb-case.h"
#include "awb-conflict-item.h"
#include "awb-finding.h"
#include "awb-history-row.h"
#include "awb-record-field.h"
#include "awb-rating.h"

/* One entry of the case's history as a row: when, what in words, which
 * record and which of its fields changed, and who. */

struct _AwbHistoryRow
{
  GtkWidget  parent_instance;

  GtkLabel  *time_label;
  GtkLabel  *what_label;
  GtkLabel  *detail_label;
  GtkLabel  *actor_label;

  char      *summary;
};

G_DEFINE_FINAL_TYPE (AwbHistoryRow, awb_history_row, GTK_TYPE_WIDGET)

static const char *
describe (const char *action,
          const char *entity)
{
  static const struct { const char *action, *entity, *text; } known[] = {
    { "create", "case", N_("Case created") },
    { "advance", "case", N_("Stage advanced") },
    { "advance", "stage-move", N_("Stage advanced") },
    { "check", "checklist", N_("Checklist item ticked") },
    { "set-date", "case-date", N_("Date set") },
    { "team", "team-member", N_("Project team changed") },
    { "add", "evidence", N_("Evidence added") },
    { "update", "evidence", N_("Evidence changed") },
    { "remove", "evidence", N_("Evidence deleted") },
    { "restore", "evidence", N_("Evidence restored") },
    { "attach", "attachment", N_("File attached") },
    { "detach", "attachment", N_("Attachment removed") },
    { "rate", "rating", N_("Requirement rated") },
    { "unrate", "rating", N_("Rating cleared") },
    { "add", "finding", N_("Finding recorded") },
    { "update", "finding", N_("Finding changed") },
    { "set-status", "finding", N_("Finding status changed") },
    { "remove", "finding", N_("Finding deleted") },
    { "add", "staff", N_("Staff member added") },
    { "update", "staff", N_("Staff member changed") },
    { "remove", "staff", N_("Staff member removed") },
    { "add", "project", N_("Project added") },
    { "update", "project", N_("Project changed") },
    { "remove", "project", N_("Project removed") },
    { "submit", "case", N_("Submitted to the expert panel") },
    { "reopen", "case", N_("Reopened") },
    { "panel-add", "panel_member", N_("Panel member added") },
    { "panel-review", "panel_review", N_("Panel review recorded") },
    { "panel-vote", "panel_vote", N_("Panel vote recorded") },
    { "panel-conclude", "case", N_("Panel conclusion recorded") },
    { "merge", "case", N_("Case package merged") },
    { "resolve", "conflict", N_("Conflict resolved") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_strcmp0 (known[i].action, action) == 0 && g_strcmp0 (known[i].entity, entity) == 0)
      return _(known[i].text);
  return NULL;
}

static JsonObject *
parse_object (const char  *text,
              JsonParser  *parser)
{
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

static const char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The "value" of one side ("mine", "theirs") of a conflict as JSON, or NULL. */
static JsonNode *
side_value (JsonObject *conflict,
            const char *side)
{
  JsonNode *node = conflict != NULL ? json_object_get_member (conflict, side) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  node = json_object_get_member (json_node_get_object (node), "value");
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? node : NULL;
}

/* The record in a few words, and for a change the fields that changed. */
static char *
detail_of (const AwbHistoryEntry *e)
{
  static const char * const label_keys[] = {
    "title", "requirement_id", "name", "client", "applicant", "text", "kind", "item", "to_stage",
    "rating", "status", "scope", "vote", "package", NULL
  };
  g_autoptr(JsonParser) before_parser = json_parser_new ();
  g_autoptr(JsonParser) after_parser = json_parser_new ();
  JsonObject *before = parse_object (e->before, before_parser);
  JsonObject *after = parse_object (e->after, after_parser);
  JsonObject *shown = after != NULL ? after : before;
  g_autoptr(GString) out = g_string_new (NULL);

  /* a resolution: the side chosen and the record, not the fields of the choice */
  if (g_strcmp0 (e->entity, "conflict") == 0 && after != NULL)
    {
      const char *choice = member_text (after, "choice");
      const char *entity = member_text (before, "entity");
      const char *key = member_text (before, "key");

      /* the record as the Conflicts page named it: "Rating of 3.3-2" */
      if (entity != NULL && key != NULL)
        {
          g_autofree char *record = NULL;

          record = awb_conflict_describe_record (entity, key, side_value (before, "mine"),
                                                 side_value (before, "theirs"));
          g_string_append_printf (out, "%s · ", record);
        }
      g_string_append (out, g_strcmp0 (choice, "theirs") == 0 ? _("the package’s record taken")
                                                               : _("this computer’s record kept"));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  for (guint i = 0; label_keys[i] != NULL; i++)
    {
      const char *value = member_text (shown, label_keys[i]);
      AwbRating rating;
      AwbFindingStatus status;
      AwbFindingKind kind;
      AwbStage stage;

      if (value == NULL || *value == '\0')
        continue;
      /* stored values in words a person reads */
      if (g_str_equal (label_keys[i], "rating") && awb_rating_from_string (value, &rating))
        value = awb_rating_label (rating);
      else if (g_str_equal (label_keys[i], "status") && awb_finding_status_from_string (value, &status))
        value = awb_finding_status_label (status);
      else if (g_str_equal (label_keys[i], "kind") && awb_finding_kind_from_string (value, &kind))
        value = awb_finding_kind_label (kind);
      else if (g_str_equal (label_keys[i], "to_stage") && awb_stage_from_string (value, &stage))
        value = awb_stage_label (stage);
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, value);
      if (out->len > 120)
        break;
    }

  if (before != NULL && after != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (after);
      g_autoptr(GString) changed = g_string_new (NULL);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;
          JsonNode *a = json_object_get_member (after, name);
          JsonNode *b = json_object_get_member (before, name);

          if (g_str_equal (name, "rev") || g_str_equal (name, "updated_at") || g_str_equal (name, "at"))
            continue;
          if (b == NULL || !json_node_equal (a, b))
            {
              if (changed->len > 0)
                g_string_append (changed, C_("list separator", ", "));
              g_string_append (changed, awb_record_field_label (e->entity, name));
            }
        }
      if (changed->len > 0)
        {
          if (out->len > 0)
            g_string_append (out, " · ");
          /* Translators: followed by the names of the fields that changed */
          g_string_append_printf (out, _("changed: %s"), changed->str);
        }
    }
  if (out->len == 0 && e->entity_id != NULL)
    g_string_append_printf (out, "%.8s", e->entity_id);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at != NULL ? at : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
awb_history_row_dispose (GObject *object)
{
  GtkWidget *child;
  AwbHistoryRow *self = (AwbHistoryRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_HISTORY_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (awb_history_row_parent_class)->dispose (object);
}

static void
awb_history_row_class_init (AwbHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_history_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbHistoryRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, AwbHistoryRow, what_label);
  gtk_widget_class_bind_template_child (widget_class, AwbHistoryRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, AwbHistoryRow, actor_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_history_row_init (AwbHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
awb_history_row_new (void)
{
  return g_object_new (AWB_TYPE_HISTORY_ROW, NULL);
}

void
awb_history_row_show (AwbHistoryRow  *self,
                      AwbHistoryItem *item)
{
  const AwbHistoryEntry *e = awb_history_item_get_entry (item);
  const char *what = describe (e->action, e->entity);
  g_autofree char *fallback = NULL;
  g_autofree char *detail = detail_of (e);
  g_autofree char *when = local_time (e->at);

  g_return_if_fail (AWB_IS_HISTORY_ROW (self));

  if (what == NULL)
    what = fallback = g_strdup_printf ("%s %s", e->action, e->entity);
  gtk_label_set_text (self->time_label, when);
  gtk_label_set_text (self->what_label, what);
  gtk_label_set_text (self->detail_label, detail);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label), detail);
  gtk_label_set_text (self->actor_label, e->actor);

  g_free (self->summary);
  self->summary = g_strdup_printf ("%s, %s, %s. %s", when, e->actor, what, detail);
}

const char *
awb_history_row_get_summary (AwbHistoryRow *self)
{
  g_return_val_if_fail (AWB_IS_HISTORY_ROW (self), NULL);
  return self->summary;
}
