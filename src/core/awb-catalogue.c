/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "awb-error.h"
#include "awb-locale.h"
#include "awb-requirement-private.h"
#include "awb-section-private.h"
#include "awb-catalogue.h"

/* A requirement catalogue read from JSON (docs/catalogue-format.md). Loading
 * validates everything the rest of the program relies on, so that a broken
 * catalogue is refused at the door with the file, the place and the fault. */

#define CATALOGUE_FORMAT 1

struct _AwbCatalogue
{
  GObject     parent_instance;

  char       *origin;
  char       *id;
  char       *version;
  char       *title_zh;
  char       *title_en;
  char       *source_zh;
  char       *source_en;
  GListStore *sections;
  GListStore *requirements;
  GHashTable *by_id;          /* requirement id → AwbRequirement (borrowed) */
  GHashTable *sections_by_id; /* section id → AwbSection (borrowed) */
  AwbRules    rules;
};

G_DEFINE_FINAL_TYPE (AwbCatalogue, awb_catalogue, G_TYPE_OBJECT)

static void
awb_catalogue_finalize (GObject *object)
{
  AwbCatalogue *self = (AwbCatalogue *) object;

  g_free (self->origin);
  g_free (self->id);
  g_free (self->version);
  g_free (self->title_zh);
  g_free (self->title_en);
  g_free (self->source_zh);
  g_free (self->source_en);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->sections_by_id, g_hash_table_unref);
  g_clear_object (&self->sections);
  g_clear_object (&self->requirements);
  awb_rules_clear (&self->rules);

  G_OBJECT_CLASS (awb_catalogue_parent_class)->finalize (object);
}

static void
awb_catalogue_class_init (AwbCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awb_catalogue_finalize;
}

static void
awb_catalogue_init (AwbCatalogue *self)
{
  self->sections = g_list_store_new (AWB_TYPE_SECTION);
  self->requirements = g_list_store_new (AWB_TYPE_REQUIREMENT);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sections_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* ---- reading helpers: each names the place in the file when it refuses ---- */

typedef struct
{
  const char *origin;
} Reader;

G_GNUC_PRINTF (4, 5) static gboolean
fail (Reader     *r,
      GError    **error,
      const char *where,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *what = NULL;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE,
               _("Catalogue %s: at %s: %s"), r->origin, where, what);
  return FALSE;
}

static JsonNode *
member (JsonObject *obj,
        const char *key)
{
  return json_object_has_member (obj, key) ? json_object_get_member (obj, key) : NULL;
}

static gboolean
read_string (Reader      *r,
             JsonObject  *obj,
             const char  *where,
             const char  *key,
             gboolean     required,
             char       **out,
             GError     **error)
{
  JsonNode *node = member (obj, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (r, error, where, _("“%s” is missing"), key);
      *out = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (r, error, where, _("“%s” must be a string"), key);
  if (required && *json_node_get_string (node) == '\0')
    return fail (r, error, where, _("“%s” is empty"), key);

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_uint (Reader     *r,
           JsonObject *obj,
           const char *where,
           const char *key,
           guint       min,
           guint       max,
           guint      *out,
           GError    **error)
{
  JsonNode *node = member (obj, key);
  gint64 v;

  if (node == NULL)
    return fail (r, error, where, _("“%s” is missing"), key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (r, error, where, _("“%s” must be a whole number"), key);
  v = json_node_get_int (node);
  if (v < min || v > max)
    return fail (r, error, where, "“%s” is %" G_GINT64_FORMAT ", it must be from %u to %u",
                 key, v, min, max);
  *out = (guint) v;
  return TRUE;
}

static gboolean
read_bool (Reader     *r,
           JsonObject *obj,
           const char *where,
           const char *key,
           gboolean   *out,
           GError    **error)
{
  JsonNode *node = member (obj, key);

  if (node == NULL)
    return fail (r, error, where, _("“%s” is missing"), key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (r, error, where, _("“%s” must be true or false"), key);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonObject *
read_object (Reader     *r,
             JsonObject *obj,
             const char *where,
             const char *key,
             gboolean    required,
             GError    **error)
{
  JsonNode *node = member (obj, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        fail (r, error, where, _("“%s” is missing"), key);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, error, where, _("“%s” must be an object"), key);
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
read_array (Reader     *r,
            JsonObject *obj,
            const char *where,
            const char *key,
            GError    **error)
{
  JsonNode *node = member (obj, key);

  if (node == NULL)
    {
      fail (r, error, where, _("“%s” is missing"), key);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (r, error, where, _("“%s” must be an array"), key);
      return NULL;
    }
  return json_node_get_array (node);
}

/* A bilingual text {"zh": …, "en": …}; both languages are required when required is set. */
static gboolean
read_text (Reader      *r,
           JsonObject  *obj,
           const char  *where,
           const char  *key,
           gboolean     required,
           char       **zh,
           char       **en,
           GError     **error)
{
  g_autofree char *place = g_strdup_printf ("%s.%s", where, key);
  JsonObject *text;

  *zh = *en = NULL;
  if (member (obj, key) == NULL && !required)
    return TRUE;
  if ((text = read_object (r, obj, where, key, TRUE, error)) == NULL)
    return FALSE;
  if (!read_string (r, text, place, "zh", TRUE, zh, error))
    return FALSE;
  if (!read_string (r, text, place, "en", TRUE, en, error))
    {
      g_clear_pointer (zh, g_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_methods (Reader     *r,
              JsonObject *obj,
              const char *where,
              const char *key,
              guint      *mask,
              GError    **error)
{
  JsonArray *array = read_array (r, obj, where, key, error);

  if (array == NULL)
    return FALSE;

  *mask = 0;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *place = g_strdup_printf ("%s.%s[%u]", where, key, i);
      AwbMethod method;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (r, error, place, _("a method must be a string"));
      if (!awb_method_from_string (json_node_get_string (node), &method))
        return fail (r, error, place,
                     _("unknown method “%s” (document, interview or demonstration)"),
                     json_node_get_string (node));
      if (*mask & AWB_METHOD_BIT (method))
        return fail (r, error, place, _("method “%s” is listed twice"),
                     json_node_get_string (node));
      *mask |= AWB_METHOD_BIT (method);
    }
  return TRUE;
}

static gboolean
read_choice (Reader      *r,
             JsonObject  *obj,
             const char  *where,
             const char  *key,
             const char **allowed,
             char       **out,
             GError     **error)
{
  g_autofree char *allowed_list = NULL;

  if (!read_string (r, obj, where, key, TRUE, out, error))
    return FALSE;
  if (g_strv_contains (allowed, *out))
    return TRUE;

  allowed_list = g_strjoinv (", ", (char **) allowed);
  fail (r, error, where, _("“%s” is “%s”; it must be one of: %s"), key, *out, allowed_list);
  g_clear_pointer (out, g_free);
  return FALSE;
}

/* ---- sections, requirements, rules ---- */

static gboolean
load_sections (AwbCatalogue *self,
               Reader       *r,
               JsonArray    *array,
               GError      **error)
{
  if (json_array_get_length (array) == 0)
    return fail (r, error, "sections", _("there are no sections"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("sections[%u]", i);
      g_autoptr(AwbSection) section = _awb_section_new ();
      JsonObject *obj;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (r, error, where, _("a section must be an object"));
      obj = json_node_get_object (node);

      if (!read_string (r, obj, where, "id", TRUE, &section->id, error))
        return FALSE;
      g_free (where);
      where = g_strdup_printf ("sections[%u] (%s)", i, section->id);

      if (g_hash_table_contains (self->sections_by_id, section->id))
        return fail (r, error, where, _("section id “%s” is used twice"), section->id);
      if (!read_string (r, obj, where, "parent", FALSE, &section->parent_id, error))
        return FALSE;
      if (section->parent_id != NULL)
        {
          AwbSection *parent = g_hash_table_lookup (self->sections_by_id, section->parent_id);

          if (parent == NULL)
            return fail (r, error, where,
                         _("parent “%s” is not a section listed before it"), section->parent_id);
          parent->has_children = TRUE;
        }
      if (!read_text (r, obj, where, "title", TRUE, &section->title_zh, &section->title_en, error))
        return FALSE;
      if (!read_text (r, obj, where, "note", FALSE, &section->note_zh, &section->note_en, error))
        return FALSE;

      g_hash_table_insert (self->sections_by_id, section->id, section);
      g_list_store_append (self->sections, section);
    }
  return TRUE;
}

static gboolean
load_hints (Reader         *r,
            JsonObject     *obj,
            const char     *where,
            AwbRequirement *req,
            GError        **error)
{
  g_autofree char *place = g_strdup_printf ("%s.hints", where);
  JsonObject *hints = read_object (r, obj, where, "hints", TRUE, error);

  if (hints == NULL)
    return FALSE;

  for (guint m = 0; m < AWB_N_METHODS; m++)
    {
      const char *key = awb_method_to_string ((AwbMethod) m);
      JsonArray *array = read_array (r, hints, place, key, error);

      if (array == NULL)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autofree char *hint_place = g_strdup_printf ("%s.%s[%u]", place, key, i);
          char *zh, *en;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return fail (r, error, hint_place, _("a hint must be an object {\"zh\", \"en\"}"));
          if (!read_string (r, json_node_get_object (node), hint_place, "zh", TRUE, &zh, error))
            return FALSE;
          if (!read_string (r, json_node_get_object (node), hint_place, "en", TRUE, &en, error))
            {
              g_free (zh);
              return FALSE;
            }
          g_ptr_array_add (req->hints_zh[m], zh);
          g_ptr_array_add (req->hints_en[m], en);
        }
    }
  return TRUE;
}

/* Ids follow the guide's numbering: section, a hyphen, the item's number (3.2.2-10). */
static gboolean
id_matches_section (const char *id,
                    const char *section)
{
  gsize len = strlen (section);
  const char *num;

  if (strncmp (id, section, len) != 0 || id[len] != '-')
    return FALSE;
  num = id + len + 1;
  if (*num == '\0' || *num == '0')
    return FALSE;
  for (; *num != '\0'; num++)
    if (!g_ascii_isdigit (*num))
      return FALSE;
  return TRUE;
}

static const char *kinds[] = { "basic", "process-area", NULL };
static const char *checks[] = { "certified-staff", "failed-acceptance", NULL };

static gboolean
load_requirement (AwbCatalogue *self,
                  Reader       *r,
                  JsonObject   *obj,
                  guint         index,
                  GError      **error)
{
  g_autofree char *where = g_strdup_printf ("requirements[%u]", index);
  g_autoptr(AwbRequirement) req = _awb_requirement_new ();
  g_autofree char *kind = NULL;
  AwbSection *section;
  guint n_methods = 0;

  if (!read_string (r, obj, where, "id", TRUE, &req->id, error))
    return FALSE;
  g_free (where);
  where = g_strdup_printf ("requirements[%u] (%s)", index, req->id);

  if (g_hash_table_contains (self->by_id, req->id))
    return fail (r, error, where, _("requirement id “%s” is used twice"), req->id);

  if (!read_string (r, obj, where, "section", TRUE, &req->section, error))
    return FALSE;
  section = g_hash_table_lookup (self->sections_by_id, req->section);
  if (section == NULL)
    return fail (r, error, where, _("section “%s” is not in “sections”"), req->section);
  if (section->has_children)
    return fail (r, error, where,
                 _("section “%s” groups other sections; requirements belong to its sub-sections"),
                 req->section);
  if (!id_matches_section (req->id, req->section))
    return fail (r, error, where,
                 _("id “%s” does not follow the guide's numbering “%s-N” of its section"),
                 req->id, req->section);

  if (!read_text (r, obj, where, "text", TRUE, &req->text_zh, &req->text_en, error))
    return FALSE;
  if (!read_text (r, obj, where, "note", FALSE, &req->note_zh, &req->note_en, error))
    return FALSE;
  if (!read_choice (r, obj, where, "kind", kinds, &kind, error))
    return FALSE;
  req->kind = g_str_equal (kind, "basic") ? AWB_REQUIREMENT_BASIC : AWB_REQUIREMENT_PROCESS_AREA;
  if (!read_bool (r, obj, where, "na_allowed", &req->na_allowed, error))
    return FALSE;
  if (req->kind == AWB_REQUIREMENT_PROCESS_AREA && req->na_allowed)
    return fail (r, error, where, _("a process area can never be not applicable (na_allowed: false)"));
  if (!read_methods (r, obj, where, "methods", &req->methods, error))
    return FALSE;
  if (req->methods == 0)
    return fail (r, error, where, _("“methods” must name at least one method"));
  if (!read_uint (r, obj, where, "min_methods", 1, AWB_N_METHODS, &req->min_methods, error))
    return FALSE;
  for (guint m = 0; m < AWB_N_METHODS; m++)
    if (req->methods & AWB_METHOD_BIT (m))
      n_methods++;
  if (req->min_methods < n_methods)
    return fail (r, error, where,
                 _("“min_methods” is %u but %u methods are required"), req->min_methods, n_methods);
  if (!read_string (r, obj, where, "sse_cmm", FALSE, &req->sse_cmm, error))
    return FALSE;
  if (member (obj, "check") != NULL && !JSON_NODE_HOLDS_NULL (member (obj, "check")))
    if (!read_choice (r, obj, where, "check", checks, &req->check, error))
      return FALSE;
  if (!load_hints (r, obj, where, req, error))
    return FALSE;

  g_hash_table_insert (self->by_id, req->id, req);
  g_list_store_append (self->requirements, req);
  g_list_store_append (section->requirements, req);
  return TRUE;
}

static const char *ratings_or_none[] = { "conformant", "largely", "nonconformant", "review", "none", NULL };
static const char *staff_dates[] = { "evaluation-start", "received", NULL };
static const char *finding_kinds[] = { "nonconformity", "observation", NULL };
static const char *quorums[] = { "all", NULL };
static const char *majorities[] = { "strict", "simple", NULL };
static const char *ties[] = { "pass", "fail", NULL };

static gboolean
check_rule_requirement (AwbCatalogue *self,
                        Reader       *r,
                        const char   *where,
                        const char   *id,
                        const char   *check,
                        GError      **error)
{
  AwbRequirement *req = g_hash_table_lookup (self->by_id, id);

  if (req == NULL)
    return fail (r, error, where, _("requirement “%s” is not in the catalogue"), id);
  if (g_strcmp0 (req->check, check) != 0)
    return fail (r, error, where, _("requirement “%s” does not carry \"check\": \"%s\""), id, check);
  return TRUE;
}

static gboolean
load_rules (AwbCatalogue *self,
            Reader       *r,
            JsonObject   *root,
            GError      **error)
{
  AwbRules *rules = &self->rules;
  JsonObject *obj, *sub;
  JsonArray *supporting;
  gboolean quorum_all_seen;
  g_autofree char *quorum = NULL;
  g_autofree char *majority = NULL;

  if ((obj = read_object (r, root, "(top)", "rules", TRUE, error)) == NULL)
    return FALSE;

  if ((sub = read_object (r, obj, "rules", "sufficiency", TRUE, error)) == NULL)
    return FALSE;
  if ((supporting = read_array (r, sub, "rules.sufficiency", "supporting", error)) == NULL)
    return FALSE;
  rules->supporting_partly = FALSE;
  for (guint i = 0; i < json_array_get_length (supporting); i++)
    {
      const char *v = json_array_get_string_element (supporting, i);

      if (g_strcmp0 (v, "partly") == 0)
        rules->supporting_partly = TRUE;
      else if (g_strcmp0 (v, "yes") != 0)
        return fail (r, error, "rules.sufficiency.supporting",
                     _("“%s” is not a way evidence bears on a requirement (yes, partly)"),
                     v != NULL ? v : "(not a string)");
    }
  if (!read_methods (r, sub, "rules.sufficiency", "direct_methods", &rules->direct_methods, error))
    return FALSE;

  if ((sub = read_object (r, obj, "rules", "suggestion", TRUE, error)) == NULL)
    return FALSE;
  if (!read_choice (r, sub, "rules.suggestion", "sufficient_all_yes", ratings_or_none,
                    &rules->suggest_all_yes, error) ||
      !read_choice (r, sub, "rules.suggestion", "sufficient_with_partly", ratings_or_none,
                    &rules->suggest_with_partly, error) ||
      !read_choice (r, sub, "rules.suggestion", "contradicted", ratings_or_none,
                    &rules->suggest_contradicted, error) ||
      !read_choice (r, sub, "rules.suggestion", "insufficient", ratings_or_none,
                    &rules->suggest_insufficient, error))
    return FALSE;

  if ((sub = read_object (r, obj, "rules", "checks", TRUE, error)) == NULL)
    return FALSE;
  {
    JsonObject *staff = read_object (r, sub, "rules.checks", "certified-staff", TRUE, error);
    JsonObject *acc;
    const char *w = "rules.checks.certified-staff";

    if (staff == NULL ||
        !read_string (r, staff, w, "requirement", TRUE, &rules->staff_requirement, error) ||
        !check_rule_requirement (self, r, w, rules->staff_requirement, "certified-staff", error) ||
        !read_uint (r, staff, w, "minimum", 0, 100000, &rules->staff_minimum, error) ||
        !read_bool (r, staff, w, "full_time_only", &rules->staff_full_time_only, error) ||
        !read_choice (r, staff, w, "date", staff_dates, &rules->staff_date, error))
      return FALSE;

    w = "rules.checks.failed-acceptance";
    acc = read_object (r, sub, "rules.checks", "failed-acceptance", TRUE, error);
    if (acc == NULL ||
        !read_string (r, acc, w, "requirement", TRUE, &rules->acceptance_requirement, error) ||
        !check_rule_requirement (self, r, w, rules->acceptance_requirement, "failed-acceptance",
                                 error) ||
        !read_uint (r, acc, w, "years", 1, 100, &rules->acceptance_years, error) ||
        !read_uint (r, acc, w, "maximum_failed", 0, 100000, &rules->acceptance_maximum_failed,
                    error) ||
        !read_choice (r, acc, w, "date", staff_dates, &rules->acceptance_date, error))
      return FALSE;
  }

  if ((sub = read_object (r, obj, "rules", "conclusion", TRUE, error)) == NULL)
    return FALSE;
  if (!read_bool (r, sub, "rules.conclusion", "largely_needs_finding",
                  &rules->largely_needs_finding, error) ||
      !read_choice (r, sub, "rules.conclusion", "finding_kind", finding_kinds,
                    &rules->finding_kind, error))
    return FALSE;

  if ((sub = read_object (r, obj, "rules", "panel", TRUE, error)) == NULL)
    return FALSE;
  if (!read_choice (r, sub, "rules.panel", "quorum", quorums, &quorum, error) ||
      !read_choice (r, sub, "rules.panel", "majority", majorities, &majority, error) ||
      !read_choice (r, sub, "rules.panel", "tie", ties, &rules->panel_tie, error))
    return FALSE;
  quorum_all_seen = g_str_equal (quorum, "all");
  rules->panel_quorum_all = quorum_all_seen;
  rules->panel_majority_strict = g_str_equal (majority, "strict");

  if ((sub = read_object (r, obj, "rules", "deadlines", TRUE, error)) == NULL)
    return FALSE;
  {
    const char *w = "rules.deadlines";

    if (!read_uint (r, sub, w, "supplement_months", 0, 120, &rules->supplement_months, error) ||
        !read_uint (r, sub, w, "cycle_target_months", 1, 120, &rules->cycle_target_months, error) ||
        !read_uint (r, sub, w, "cycle_limit_months", 1, 120, &rules->cycle_limit_months, error) ||
        !read_uint (r, sub, w, "maintenance_lead_months", 0, 120,
                    &rules->maintenance_lead_months, error) ||
        !read_uint (r, sub, w, "maintenance_late_months", 0, 120,
                    &rules->maintenance_late_months, error) ||
        !read_uint (r, sub, w, "retention_years", 0, 100, &rules->retention_years, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
load_root (AwbCatalogue *self,
           Reader       *r,
           JsonNode     *root_node,
           GError      **error)
{
  JsonObject *root;
  JsonArray *sections, *requirements;
  guint format;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (r, error, "(top)", _("the file must hold one JSON object"));
  root = json_node_get_object (root_node);

  if (!read_uint (r, root, "(top)", "format", 1, G_MAXINT, &format, error))
    return FALSE;
  if (format > CATALOGUE_FORMAT)
    return fail (r, error, "(top)",
                 _("format %u is newer than this program understands (%d); update Assessor Workbench"),
                 format, CATALOGUE_FORMAT);
  if (!read_string (r, root, "(top)", "id", TRUE, &self->id, error) ||
      !read_string (r, root, "(top)", "version", TRUE, &self->version, error) ||
      !read_text (r, root, "(top)", "title", TRUE, &self->title_zh, &self->title_en, error) ||
      !read_text (r, root, "(top)", "source", FALSE, &self->source_zh, &self->source_en, error))
    return FALSE;

  if ((sections = read_array (r, root, "(top)", "sections", error)) == NULL)
    return FALSE;
  if (!load_sections (self, r, sections, error))
    return FALSE;

  if ((requirements = read_array (r, root, "(top)", "requirements", error)) == NULL)
    return FALSE;
  if (json_array_get_length (requirements) == 0)
    return fail (r, error, "requirements", _("there are no requirements"));
  for (guint i = 0; i < json_array_get_length (requirements); i++)
    {
      JsonNode *node = json_array_get_element (requirements, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *where = g_strdup_printf ("requirements[%u]", i);
          return fail (r, error, where, _("a requirement must be an object"));
        }
      if (!load_requirement (self, r, json_node_get_object (node), i, error))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sections)); i++)
    {
      g_autoptr(AwbSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      if (awb_section_is_leaf (section) &&
          g_list_model_get_n_items (awb_section_get_requirements (section)) == 0)
        {
          g_autofree char *where = g_strdup_printf ("sections[%u] (%s)", i, section->id);
          return fail (r, error, where, _("the section has neither requirements nor sub-sections"));
        }
    }

  return load_rules (self, r, root, error);
}

static gboolean
load_bytes (AwbCatalogue *self,
            GBytes       *bytes,
            const char   *origin,
            GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  Reader r = { origin };
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE,
                   _("Catalogue %s: the file is empty"), origin);
      return FALSE;
    }
  if (!g_utf8_validate (data, (gssize) size, NULL))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE,
                   _("Catalogue %s: the file is not UTF-8 text"), origin);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      /* json-glib's message reads "<data>:LINE:COLUMN: what" */
      const char *msg = local_error->message;
      guint line = 0, column = 0;
      int used = 0;

      if (sscanf (msg, "<data>:%u:%u: %n", &line, &column, &used) == 2 && used > 0)
        g_set_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE,
                     _("Catalogue %s: line %u, column %u: %s"), origin, line, column, msg + used);
      else
        g_set_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE,
                     _("Catalogue %s: line ?: %s"), origin, msg);
      return FALSE;
    }

  return load_root (self, &r, json_parser_get_root (parser), error);
}

/* Parses and validates a catalogue; origin names the file in messages. */
AwbCatalogue *
awb_catalogue_new_from_bytes (GBytes     *bytes,
                              const char *origin,
                              GError    **error)
{
  g_autoptr(AwbCatalogue) self = g_object_new (AWB_TYPE_CATALOGUE, NULL);
  g_autoptr(GError) local_error = NULL;

  self->origin = g_strdup (origin);
  if (load_bytes (self, bytes, origin, &local_error))
    return g_steal_pointer (&self);

  /* The message quotes the file (json-glib cuts its quote at a byte count, which
   * can split a character) and names it (a path need not be UTF-8): it is shown
   * in a window and printed as JSON, so it must be valid text (found by
   * fuzz-catalogue). */
  if (!g_utf8_validate (local_error->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (local_error->message, -1);

      g_free (local_error->message);
      local_error->message = valid;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

AwbCatalogue *
awb_catalogue_new_from_file (const char *path,
                             GError    **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, AWB_ERROR, AWB_ERROR_IO,
                   _("Catalogue %s cannot be read: %s"), path, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return awb_catalogue_new_from_bytes (bytes, path, error);
}

const char *
awb_catalogue_get_id (AwbCatalogue *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  return self->id;
}

const char *
awb_catalogue_get_version (AwbCatalogue *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  return self->version;
}

const char *
awb_catalogue_get_title (AwbCatalogue *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  return awb_locale_pick (self->title_zh, self->title_en);
}

const char *
awb_catalogue_get_source (AwbCatalogue *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  return awb_locale_pick (self->source_zh, self->source_en);
}

/* Where the catalogue was read from (a file path or a resource path). */
const char *
awb_catalogue_get_origin (AwbCatalogue *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  return self->origin;
}

/* All sections in catalogue order, a model of AwbSection. */
GListModel *
awb_catalogue_get_sections (AwbCatalogue *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  return G_LIST_MODEL (self->sections);
}

/* All requirements in catalogue order, a model of AwbRequirement. */
GListModel *
awb_catalogue_get_requirements (AwbCatalogue *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  return G_LIST_MODEL (self->requirements);
}

guint
awb_catalogue_get_n_requirements (AwbCatalogue *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->requirements));
}

/* Borrowed. */
AwbRequirement *
awb_catalogue_get_requirement (AwbCatalogue *self,
                               guint         position)
{
  g_autoptr(AwbRequirement) req = NULL;

  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  req = g_list_model_get_item (G_LIST_MODEL (self->requirements), position);
  return req; /* the catalogue keeps its own reference */
}

/* Borrowed; NULL when the catalogue has no such requirement. */
AwbRequirement *
awb_catalogue_lookup (AwbCatalogue *self,
                      const char   *requirement_id)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  return requirement_id != NULL ? g_hash_table_lookup (self->by_id, requirement_id) : NULL;
}

AwbSection *
awb_catalogue_lookup_section (AwbCatalogue *self,
                              const char   *section_id)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  return section_id != NULL ? g_hash_table_lookup (self->sections_by_id, section_id) : NULL;
}

const AwbRules *
awb_catalogue_get_rules (AwbCatalogue *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE (self), NULL);
  return &self->rules;
}
