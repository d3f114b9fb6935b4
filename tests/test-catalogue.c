/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

#include "awb-catalogue-registry.h"
#include "awb-error.h"
#include "awb-test-util.h"

static AwbCatalogue *
builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dirs_none = NULL;
  AwbCatalogueRegistry *reg = awb_catalogue_registry_new (NULL);
  AwbCatalogue *cat = awb_catalogue_registry_lookup (reg, AWB_BUILTIN_CATALOGUE_ID, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (awb_catalogue_registry_get_problems (reg)->len, ==, 0);
  g_object_ref (cat);
  g_object_unref (reg);
  return cat;
}

static void
test_builtin_counts (void)
{
  g_autoptr(AwbCatalogue) cat = builtin ();
  static const struct { const char *section; guint n; } expected[] = {
    { "3.1", 1 }, { "3.2.1", 3 }, { "3.2.2", 10 }, { "3.2.3", 5 }, { "3.2.4", 4 },
    { "3.2.5", 3 }, { "3.2.6", 2 }, { "3.3", 7 }, { "3.4", 7 },
  };
  guint total = 0;

  g_assert_cmpstr (awb_catalogue_get_id (cat), ==, "cnitsec-cloud-l1-2025");
  g_assert_nonnull (awb_catalogue_get_version (cat));
  g_assert_cmpuint (awb_catalogue_get_n_requirements (cat), ==, 42);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AwbSection *s = awb_catalogue_lookup_section (cat, expected[i].section);

      g_assert_nonnull (s);
      g_assert_true (awb_section_is_leaf (s));
      g_assert_cmpuint (g_list_model_get_n_items (awb_section_get_requirements (s)), ==,
                        expected[i].n);
      total += expected[i].n;
    }
  g_assert_cmpuint (total, ==, 42);
  g_assert_false (awb_section_is_leaf (awb_catalogue_lookup_section (cat, "3.2")));
  /* the guide says 6 process areas in 3.3 but lists 7: the data says so */
  g_assert_nonnull (awb_section_get_note (awb_catalogue_lookup_section (cat, "3.3")));
}

static void
test_builtin_requirements (void)
{
  g_autoptr(AwbCatalogue) cat = builtin ();
  AwbRequirement *r;

  for (guint i = 0; i < awb_catalogue_get_n_requirements (cat); i++)
    {
      r = awb_catalogue_get_requirement (cat, i);
      g_assert_true (g_utf8_strlen (awb_requirement_get_text_zh (r), -1) > 4);
      g_assert_true (strlen (awb_requirement_get_text_en (r)) > 10);
      g_assert_true (awb_requirement_get_methods (r) & AWB_METHOD_BIT (AWB_METHOD_DOCUMENT));
      if (awb_requirement_get_kind (r) == AWB_REQUIREMENT_PROCESS_AREA)
        {
          g_assert_false (awb_requirement_get_na_allowed (r));
          g_assert_cmpuint (awb_requirement_get_min_methods (r), ==, 3);
          g_assert_cmpuint (awb_requirement_get_methods (r), ==, 7);
        }
    }

  r = awb_catalogue_lookup (cat, "3.1-1");
  g_assert_nonnull (r);
  g_assert_false (awb_requirement_get_na_allowed (r));
  g_assert_cmpuint (awb_requirement_get_min_methods (r), ==, 1);
  g_assert_true (strstr (awb_requirement_get_text_zh (r), "独立法人") != NULL);

  r = awb_catalogue_lookup (cat, "3.2.5-1");
  g_assert_cmpuint (awb_requirement_get_min_methods (r), ==, 1);

  r = awb_catalogue_lookup (cat, "3.2.1-1");
  g_assert_cmpuint (awb_requirement_get_min_methods (r), ==, 2);
  g_assert_true (awb_requirement_get_na_allowed (r));

  r = awb_catalogue_lookup (cat, "3.2.3-5");
  g_assert_cmpstr (awb_requirement_get_check (r), ==, "certified-staff");
  g_assert_true (strstr (awb_requirement_get_text_zh (r), "4") != NULL);
  g_assert_cmpstr (awb_requirement_get_check (awb_catalogue_lookup (cat, "3.2.6-2")), ==,
                   "failed-acceptance");

  r = awb_catalogue_lookup (cat, "3.4-1");
  g_assert_cmpstr (awb_requirement_get_sse_cmm (r), ==, "PA12 Ensure Quality");
  g_assert_null (awb_requirement_get_sse_cmm (awb_catalogue_lookup (cat, "3.4-5")));
  g_assert_nonnull (awb_catalogue_lookup (cat, "3.3-7"));
  g_assert_null (awb_catalogue_lookup (cat, "3.3-8"));
  g_assert_cmpuint (awb_requirement_get_hints (awb_catalogue_lookup (cat, "3.2.3-5"),
                                               AWB_METHOD_DOCUMENT, TRUE)->len, >, 0);
}

static void
test_builtin_rules (void)
{
  g_autoptr(AwbCatalogue) cat = builtin ();
  const AwbRules *rules = awb_catalogue_get_rules (cat);

  g_assert_cmpuint (rules->staff_minimum, ==, 4);
  g_assert_cmpstr (rules->staff_requirement, ==, "3.2.3-5");
  g_assert_cmpuint (rules->acceptance_years, ==, 3);
  g_assert_cmpuint (rules->acceptance_maximum_failed, ==, 0);
  g_assert_true (rules->supporting_partly);
  g_assert_cmpuint (rules->direct_methods, ==,
                    AWB_METHOD_BIT (AWB_METHOD_DOCUMENT) | AWB_METHOD_BIT (AWB_METHOD_DEMONSTRATION));
  g_assert_cmpuint (rules->supplement_months, ==, 1);
  g_assert_cmpuint (rules->cycle_limit_months, ==, 6);
  g_assert_cmpuint (rules->retention_years, ==, 6);
  g_assert_cmpstr (rules->panel_tie, ==, "fail");
}

/* ---- broken catalogues: each mutation of the real one must be refused, saying where ---- */

typedef void (*Mutate) (JsonObject *root);

static JsonObject *
req_at (JsonObject *root, guint i)
{
  return json_array_get_object_element (json_object_get_array_member (root, "requirements"), i);
}

static void m_duplicate_id (JsonObject *root) { json_object_set_string_member (req_at (root, 2), "id", "3.2.1-1"); }
static void m_unknown_section (JsonObject *root) { json_object_set_string_member (req_at (root, 0), "section", "3.9"); }
static void m_grouping_section (JsonObject *root) { json_object_set_string_member (req_at (root, 1), "section", "3.2"); }
static void m_bad_numbering (JsonObject *root) { json_object_set_string_member (req_at (root, 1), "id", "3.2.2-1x"); }
static void m_unknown_method (JsonObject *root)
{
  JsonArray *a = json_array_new ();
  json_array_add_string_element (a, "telepathy");
  json_object_set_array_member (req_at (root, 3), "methods", a);
}
static void m_pa_na (JsonObject *root) { json_object_set_boolean_member (req_at (root, 30), "na_allowed", TRUE); }
static void m_missing_en (JsonObject *root) { json_object_remove_member (json_object_get_object_member (req_at (root, 5), "text"), "en"); }
static void m_no_rules (JsonObject *root) { json_object_remove_member (root, "rules"); }
static void m_rules_missing_key (JsonObject *root)
{
  json_object_remove_member (json_object_get_object_member (json_object_get_object_member (root, "rules"), "deadlines"), "retention_years");
}
static void m_rule_unknown_req (JsonObject *root)
{
  JsonObject *checks = json_object_get_object_member (json_object_get_object_member (root, "rules"), "checks");
  json_object_set_string_member (json_object_get_object_member (checks, "certified-staff"), "requirement", "9.9-9");
}
static void m_newer_format (JsonObject *root) { json_object_set_int_member (root, "format", 99); }
static void m_min_methods (JsonObject *root) { json_object_set_int_member (req_at (root, 0), "min_methods", 7); }
static void m_no_requirements (JsonObject *root) { json_object_set_array_member (root, "requirements", json_array_new ()); }
static void m_unknown_check (JsonObject *root) { json_object_set_string_member (req_at (root, 0), "check", "astrology"); }

static const struct
{
  const char *name;
  Mutate      mutate;
  const char *expect;
} mutations[] = {
  { "duplicate-id", m_duplicate_id, "requirements[2] (3.2.1-1): requirement id “3.2.1-1” is used twice" },
  { "unknown-section", m_unknown_section, "section “3.9” is not in “sections”" },
  { "grouping-section", m_grouping_section, "groups other sections" },
  { "bad-numbering", m_bad_numbering, "does not follow the guide's numbering" },
  { "unknown-method", m_unknown_method, "requirements[3] (3.2.1-3).methods[0]: unknown method “telepathy”" },
  { "process-area-na", m_pa_na, "a process area can never be not applicable" },
  { "missing-en", m_missing_en, "requirements[5] (3.2.2-2).text: “en” is missing" },
  { "no-rules", m_no_rules, "“rules” is missing" },
  { "rules-missing-key", m_rules_missing_key, "rules.deadlines: “retention_years” is missing" },
  { "rule-unknown-requirement", m_rule_unknown_req, "requirement “9.9-9” is not in the catalogue" },
  { "newer-format", m_newer_format, "format 99 is newer" },
  { "min-methods", m_min_methods, "“min_methods” is 7, it must be from 1 to 3" },
  { "no-requirements", m_no_requirements, "there are no requirements" },
  { "unknown-check", m_unknown_check, "“check” is “astrology”" },
};

static void
test_broken_mutation (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *text = awb_test_builtin_catalogue_text ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AwbCatalogue) cat = NULL;
  char *out;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  mutations[i].mutate (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (gen, json_parser_get_root (parser));
  out = json_generator_to_data (gen, NULL);
  bytes = g_bytes_new_take (out, strlen (out));

  cat = awb_catalogue_new_from_bytes (bytes, "broken.json", &error);
  g_assert_null (cat);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE);
  g_assert_true (g_str_has_prefix (error->message, "Catalogue broken.json: "));
  if (strstr (error->message, mutations[i].expect) == NULL)
    g_error ("%s: message “%s” lacks “%s”", mutations[i].name, error->message,
             mutations[i].expect);
}

static void
test_broken_syntax (void)
{
  g_autofree char *text = awb_test_builtin_catalogue_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) truncated = g_bytes_new (text, strlen (text) / 2);
  g_autoptr(GBytes) empty = g_bytes_new ("", 0);
  g_autoptr(GBytes) latin1 = g_bytes_new ("{\"id\": \"caf\xe9\"}", 15);
  g_autoptr(GBytes) array = g_bytes_new ("[1, 2]", 6);
  g_autoptr(GBytes) garbage = g_bytes_new ("{\n  \"format\": 1,\n  oops\n}", 25);

  g_assert_null (awb_catalogue_new_from_bytes (truncated, "half.json", &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE);
  g_assert_true (strstr (error->message, "half.json: line ") != NULL);
  g_clear_error (&error);

  g_assert_null (awb_catalogue_new_from_bytes (garbage, "garbage.json", &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE);
  g_assert_true (strstr (error->message, "garbage.json: line 2, column 14: ") != NULL);
  g_clear_error (&error);

  g_assert_null (awb_catalogue_new_from_bytes (empty, "empty.json", &error));
  g_assert_true (strstr (error->message, "empty") != NULL);
  g_clear_error (&error);

  g_assert_null (awb_catalogue_new_from_bytes (latin1, "latin1.json", &error));
  g_assert_true (strstr (error->message, "not UTF-8") != NULL);
  g_clear_error (&error);

  g_assert_null (awb_catalogue_new_from_bytes (array, "array.json", &error));
  g_assert_true (strstr (error->message, "one JSON object") != NULL);
}

/* Found by fuzz-catalogue: json-glib quotes the text it choked on cut at a
 * byte count, splitting a Chinese character; the refusal must still be valid
 * UTF-8 (it is shown in a window and printed as JSON). */
static void
test_broken_message_utf8 (void)
{
  static const char input[] = "{\"formidnite0\xe6\x81\xaf\xe5\xae\x89\xe5\x85\xa8\xe6\xb5"
                              "\x8b\xe8\xaf\x84\xe4\xb8\xad\xe5\xbf\x83\xe3\x80\x8a\xe4"
                              "\xbf\xa1\"";
  g_autoptr(GBytes) bytes = g_bytes_new (input, sizeof input - 1);
  g_autoptr(GError) error = NULL;

  g_assert_null (awb_catalogue_new_from_bytes (bytes, "split.json", &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE);
  g_assert_true (g_str_has_prefix (error->message, "Catalogue split.json: line 1, column "));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* A new version or a new category is a file in a folder, not new code. */
static void
test_registry_dirs (void)
{
  g_autofree char *dir = awb_test_make_tmpdir ();
  g_autofree char *text = awb_test_builtin_catalogue_text ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *newer = NULL;
  g_autofree char *p1 = g_build_filename (dir, "newer.json", NULL);
  g_autofree char *p2 = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *p3 = g_build_filename (dir, "copy.json", NULL);
  const char *dirs[] = { dir, NULL };
  g_autoptr(AwbCatalogueRegistry) reg = NULL;
  g_autoptr(GError) error = NULL;
  AwbCatalogue *cat;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "version",
                                 "2026.01");
  json_generator_set_root (gen, json_parser_get_root (parser));
  newer = json_generator_to_data (gen, NULL);
  g_assert_true (g_file_set_contents (p1, newer, -1, NULL));
  g_assert_true (g_file_set_contents (p2, "{ \"format\": 1, ", -1, NULL));
  g_assert_true (g_file_set_contents (p3, text, -1, NULL));

  reg = awb_catalogue_registry_new (dirs);
  g_assert_cmpuint (g_list_model_get_n_items (awb_catalogue_registry_get_catalogues (reg)), ==, 2);
  /* the broken file and the duplicate are reported, not silently dropped */
  g_assert_cmpuint (awb_catalogue_registry_get_problems (reg)->len, ==, 2);

  cat = awb_catalogue_registry_lookup (reg, AWB_BUILTIN_CATALOGUE_ID, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awb_catalogue_get_version (cat), ==, "2026.01");
  cat = awb_catalogue_registry_lookup (reg, AWB_BUILTIN_CATALOGUE_ID, "2025.05", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awb_catalogue_get_version (cat), ==, "2025.05");
  g_assert_null (awb_catalogue_registry_lookup (reg, AWB_BUILTIN_CATALOGUE_ID, "1999", &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);

  awb_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/builtin/counts", test_builtin_counts);
  g_test_add_func ("/catalogue/builtin/requirements", test_builtin_requirements);
  g_test_add_func ("/catalogue/builtin/rules", test_builtin_rules);
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalogue/broken/%s", mutations[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_broken_mutation);
    }
  g_test_add_func ("/catalogue/broken/syntax", test_broken_syntax);
  g_test_add_func ("/catalogue/broken/message-utf8", test_broken_message_utf8);
  g_test_add_func ("/catalogue/registry/dirs", test_registry_dirs);

  return g_test_run ();
}
