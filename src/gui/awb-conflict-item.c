/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-conflict-item"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-case.h"
#include "awb-conflict-item.h"
#include "awb-record-field.h"
#include "awb-evidence.h"
#include "awb-finding.h"
#include "awb-method.h"
#include "awb-panel.h"
#include "awb-rating.h"

/* One open conflict of a case as an item of a list model, and in words: the
 * record it is about ("Rating of 3.3-2"), and the fields that differ with
 * both sides' values as a person reads them (labels, not stored codes). It
 * owns the core's AwbConflict. */

struct _AwbConflictItem
{
  GObject      parent_instance;

  AwbConflict *conflict;
  char        *title;
  GPtrArray   *fields;  /* AwbConflictField* */
};

G_DEFINE_FINAL_TYPE (AwbConflictItem, awb_conflict_item, G_TYPE_OBJECT)

/* Columns that never make a conflict (ids, timestamps, revs, actors,
 * computed values): left out when one side deleted the record and the other
 * side's fields are listed. */
static const char * const volatile_fields[] = {
  "id", "case_id", "rev", "at", "updated_at", "created_at", "recorded_at", "added_at", "actor",
  "submitted_at", "team_conclusion", "statement_decision", "panel_concluded_at",
  "catalogue_id", "catalogue_version", "member_id", NULL
};

static void
field_free (AwbConflictField *field)
{
  g_free (field->label);
  g_free (field->mine);
  g_free (field->theirs);
  g_free (field);
}

static JsonObject *
side_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_flag (const char *field)
{
  static const char * const flags[] = {
    "is_demo", "full_time", "accepted", "sufficient", "reasonable", NULL
  };

  return g_strv_contains (flags, field);
}

/* A stored code in words, or NULL when it is not one. */
static const char *
code_label (const char *entity,
            const char *field,
            const char *value)
{
  AwbRating rating;
  AwbStage stage;
  AwbMethod method;
  AwbFindingKind kind;
  AwbFindingStatus status;
  AwbCaseDate date;
  AwbCheck check;
  AwbVote vote;

  if (g_str_equal (field, "rating") && awb_rating_from_string (value, &rating))
    return awb_rating_label (rating);
  if ((g_str_equal (field, "stage") || g_str_equal (field, "from_stage")
       || g_str_equal (field, "to_stage")) && awb_stage_from_string (value, &stage))
    return awb_stage_label (stage);
  if (g_str_equal (field, "method") && awb_method_from_string (value, &method))
    return awb_method_label (method);
  if (g_str_equal (field, "kind") && g_str_equal (entity, "findings")
      && awb_finding_kind_from_string (value, &kind))
    return awb_finding_kind_label (kind);
  if (g_str_equal (field, "kind") && g_str_equal (entity, "case_dates")
      && awb_case_date_from_string (value, &date))
    return awb_case_date_label (date);
  if (g_str_equal (field, "status") && awb_finding_status_from_string (value, &status))
    return awb_finding_status_label (status);
  if (g_str_equal (field, "item") && awb_check_from_string (value, &check))
    return awb_check_label (check);
  if (g_str_equal (field, "vote") && awb_vote_from_string (value, &vote))
    return vote == AWB_VOTE_PASS ? C_("vote", "Pass") : C_("vote", "Fail");
  if (g_str_equal (field, "panel_conclusion"))
    {
      for (AwbPanelConclusion c = AWB_PANEL_PENDING; c <= AWB_PANEL_FAIL; c++)
        if (g_str_equal (value, awb_panel_conclusion_to_string (c)))
          return awb_panel_conclusion_label (c);
    }
  if (g_str_equal (field, "role") && g_str_equal (entity, "team_members"))
    return g_str_equal (value, "leader") ? _("Project leader") : _("Evaluator");
  if (g_str_equal (field, "role") && g_str_equal (entity, "panel_members"))
    return g_str_equal (value, "chair") ? _("Chair") : _("Member");
  if (g_str_equal (field, "app_type"))
    return g_str_equal (value, "maintenance") ? _("Maintenance") : _("Initial application");
  if (g_str_equal (field, "scope") && g_str_equal (value, "overall"))
    return _("The whole case");
  return NULL;
}

static char *
links_text (JsonArray *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *req = member_string (row, "requirement_id");
      AwbSupports supports;

      if (req == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, _(", "));
      if (awb_supports_from_string (member_string (row, "supports"), &supports))
        /* Translators: a linked requirement and what the item does for it: "3.3-2 (supports)" */
        g_string_append_printf (out, _("%s (%s)"), req, awb_supports_label (supports));
      else
        g_string_append (out, req);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
attachments_text (JsonArray *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *name = member_string (row, "name");
      const char *sha = member_string (row, "sha256");
      g_autofree char *size = NULL;

      if (name == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      size = g_format_size (json_object_has_member (row, "size")
                              ? (guint64) json_object_get_int_member (row, "size") : 0);
      /* two files of one name differ by their SHA-256: its start is shown */
      /* Translators: an attached file: name, size, the start of its SHA-256 */
      g_string_append_printf (out, _("%s (%s, SHA-256 %.8s)"), name, size, sha != NULL ? sha : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A field's value in words; "—" for none. */
static char *
value_text (const char *entity,
            const char *field,
            JsonObject *object)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, field) : NULL;
  const char *label;
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      if (g_str_equal (field, "evidence_links"))
        text = links_text (json_node_get_array (node));
      else if (g_str_equal (field, "attachments"))
        text = attachments_text (json_node_get_array (node));
      else
        text = json_to_string (node, FALSE);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *value = json_node_get_string (node);

      label = code_label (entity, field, value);
      text = g_strdup (label != NULL ? label : value);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && is_flag (field))
    text = g_strdup (json_node_get_int (node) != 0 ? _("Yes") : _("No"));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    text = json_to_string (node, FALSE);
  if (text == NULL || *text == '\0')
    return g_strdup ("—");
  return g_steal_pointer (&text);
}

static void
add_field (AwbConflictItem *self,
           const char      *field)
{
  AwbConflictField *f = g_new0 (AwbConflictField, 1);
  const char *entity = self->conflict->entity;

  f->label = g_strdup (awb_record_field_label (entity, field));
  f->mine = value_text (entity, field, side_object (self->conflict->mine));
  f->theirs = value_text (entity, field, side_object (self->conflict->theirs));
  g_ptr_array_add (self->fields, f);
}

static gboolean
is_empty (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) == '\0';
  return FALSE;
}

static void
list_fields (AwbConflictItem *self)
{
  const AwbConflict *c = self->conflict;
  JsonObject *kept = side_object (c->mine) != NULL ? side_object (c->mine) : side_object (c->theirs);

  if (side_object (c->mine) != NULL && side_object (c->theirs) != NULL)
    {
      g_auto(GStrv) differences = awb_conflict_get_differences (c);

      for (guint i = 0; differences[i] != NULL; i++)
        add_field (self, differences[i]);
      return;
    }
  /* one side deleted the record: what the other side holds */
  if (kept != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (kept);

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_strv_contains (volatile_fields, l->data)
            && !is_empty (json_object_get_member (kept, l->data)))
          add_field (self, l->data);
    }
}

static char *
make_title (const char *e,
            const char *key,
            JsonObject *o)
{
  const char *name = member_string (o, "name");
  const char *text;
  AwbCaseDate date;
  AwbCheck check;
  AwbStage stage;

  if (g_str_equal (e, "ratings"))
    /* Translators: the record of a conflict: the rating of a requirement */
    return g_strdup_printf (_("Rating of %s"), key);
  if (g_str_equal (e, "evidence"))
    return g_strdup_printf (_("Evidence “%s”"),
                            (text = member_string (o, "title")) != NULL ? text : key);
  if (g_str_equal (e, "findings"))
    return g_strdup_printf (_("Finding on %s"),
                            (text = member_string (o, "requirement_id")) != NULL ? text : key);
  if (g_str_equal (e, "cases"))
    return g_strdup (_("The case’s application and statement"));
  if (g_str_equal (e, "team_members"))
    return g_strdup_printf (_("Project team member %s"), name != NULL ? name : key);
  if (g_str_equal (e, "case_dates"))
    return g_strdup_printf (_("Date “%s”"), awb_case_date_from_string (key, &date)
                                               ? awb_case_date_label (date) : key);
  if (g_str_equal (e, "stage_moves"))
    return g_strdup_printf (_("Move to the stage “%s”"), awb_stage_from_string (key, &stage)
                                                           ? awb_stage_label (stage) : key);
  if (g_str_equal (e, "checklist"))
    return g_strdup_printf (_("Checklist item “%s”"), awb_check_from_string (key, &check)
                                                        ? awb_check_label (check) : key);
  if (g_str_equal (e, "staff"))
    return g_strdup_printf (_("Staff member %s"), name != NULL ? name : key);
  if (g_str_equal (e, "projects"))
    return g_strdup_printf (_("Project for %s"),
                            (text = member_string (o, "client")) != NULL ? text : key);
  if (g_str_equal (e, "panel_members"))
    return g_strdup_printf (_("Panel member %s"), name != NULL ? name : key);
  if (g_str_equal (e, "panel_reviews"))
    {
      const char *scope = member_string (o, "scope");

      /* Translators: a panel member's review: member, section id or "the whole case" */
      return g_strdup_printf (_("Review by %s of %s"),
                              (text = member_string (o, "member")) != NULL ? text : key,
                              scope == NULL || g_str_equal (scope, "overall")
                                ? _("the whole case") : scope);
    }
  if (g_str_equal (e, "panel_votes"))
    return g_strdup_printf (_("Vote of panel member %s"),
                            (text = member_string (o, "member")) != NULL ? text : key);
  return g_strdup_printf ("%s %s", e, key);
}

static void
awb_conflict_item_finalize (GObject *object)
{
  AwbConflictItem *self = (AwbConflictItem *) object;

  g_clear_pointer (&self->conflict, awb_conflict_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self->title);
  G_OBJECT_CLASS (awb_conflict_item_parent_class)->finalize (object);
}

static void
awb_conflict_item_class_init (AwbConflictItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awb_conflict_item_finalize;
}

static void
awb_conflict_item_init (AwbConflictItem *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

/* Takes conflict. */
AwbConflictItem *
awb_conflict_item_new (AwbConflict *conflict)
{
  AwbConflictItem *self = g_object_new (AWB_TYPE_CONFLICT_ITEM, NULL);

  g_return_val_if_fail (conflict != NULL, NULL);

  self->conflict = conflict;
  self->title = awb_conflict_describe_record (conflict->entity, conflict->key, conflict->mine,
                                             conflict->theirs);
  list_fields (self);
  return self;
}

const AwbConflict *
awb_conflict_item_get_conflict (AwbConflictItem *self)
{
  g_return_val_if_fail (AWB_IS_CONFLICT_ITEM (self), NULL);
  return self->conflict;
}

const char *
awb_conflict_item_get_id (AwbConflictItem *self)
{
  g_return_val_if_fail (AWB_IS_CONFLICT_ITEM (self), NULL);
  return self->conflict->id;
}

/* The record in a few words: "Rating of 3.3-2", "Evidence “Business licence”". */
const char *
awb_conflict_item_get_title (AwbConflictItem *self)
{
  g_return_val_if_fail (AWB_IS_CONFLICT_ITEM (self), NULL);
  return self->title;
}

/* AwbConflictField*: the fields whose values differ, or, when one side
 * deleted the record, what the other side holds. */
GPtrArray *
awb_conflict_item_get_fields (AwbConflictItem *self)
{
  g_return_val_if_fail (AWB_IS_CONFLICT_ITEM (self), NULL);
  return self->fields;
}

/* What resolving the conflict changes, for awb_session_refresh (). */
AwbSessionChange
awb_conflict_item_get_change (AwbConflictItem *self)
{
  const char *e;

  g_return_val_if_fail (AWB_IS_CONFLICT_ITEM (self), AWB_SESSION_ALL);

  e = self->conflict->entity;
  if (g_str_equal (e, "ratings"))
    return AWB_SESSION_RATINGS;
  if (g_str_equal (e, "evidence"))
    return AWB_SESSION_EVIDENCE;
  if (g_str_equal (e, "findings"))
    return AWB_SESSION_FINDINGS;
  if (g_str_equal (e, "staff") || g_str_equal (e, "projects"))
    return AWB_SESSION_REGISTERS;
  if (g_str_has_prefix (e, "panel_"))
    return AWB_SESSION_PANEL;
  if (g_str_equal (e, "cases"))
    return AWB_SESSION_CASE | AWB_SESSION_STATEMENT | AWB_SESSION_PANEL;
  if (g_str_equal (e, "team_members") || g_str_equal (e, "case_dates")
      || g_str_equal (e, "stage_moves") || g_str_equal (e, "checklist"))
    return AWB_SESSION_CASE;
  return AWB_SESSION_ALL;
}

/* A record of a conflict in a few words, from its table, merge key and
 * either side's value (NULL where deleted): "Rating of 3.3-2". */
char *
awb_conflict_describe_record (const char *entity,
                              const char *key,
                              JsonNode   *mine,
                              JsonNode   *theirs)
{
  JsonObject *o = side_object (mine) != NULL ? side_object (mine) : side_object (theirs);

  g_return_val_if_fail (entity != NULL && key != NULL, NULL);
  return make_title (entity, key, o);
}
