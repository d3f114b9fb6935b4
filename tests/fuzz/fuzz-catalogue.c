/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-fuzz-catalogue"

#include "config.h"

#include <string.h>

#include "awb-catalogue.h"
#include "awb-error.h"
#include "fuzz-common.h"

/* The catalogue loader on any bytes: it must refuse with an AWB_ERROR naming
 * the file, or return a catalogue that keeps every promise the rest of the
 * program relies on (ids resolve, texts exist, methods are set, rules hold). */

static void
check_catalogue (AwbCatalogue *cat)
{
  GListModel *sections = awb_catalogue_get_sections (cat);
  GListModel *reqs = awb_catalogue_get_requirements (cat);
  const AwbRules *rules = awb_catalogue_get_rules (cat);
  guint n = awb_catalogue_get_n_requirements (cat);

  g_assert_nonnull (awb_catalogue_get_id (cat));
  g_assert_nonnull (awb_catalogue_get_version (cat));
  g_assert_nonnull (awb_catalogue_get_title (cat));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (reqs), ==, n);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AwbSection) s = g_list_model_get_item (sections, i);

      g_assert_true (awb_catalogue_lookup_section (cat, awb_section_get_id (s)) == s);
      g_assert_nonnull (awb_section_get_title (s));
      if (awb_section_get_parent_id (s) != NULL)
        g_assert_nonnull (awb_catalogue_lookup_section (cat, awb_section_get_parent_id (s)));
    }

  for (guint i = 0; i < n; i++)
    {
      AwbRequirement *r = awb_catalogue_get_requirement (cat, i);
      AwbSection *s = awb_catalogue_lookup_section (cat, awb_requirement_get_section (r));

      g_assert_true (awb_catalogue_lookup (cat, awb_requirement_get_id (r)) == r);
      g_assert_nonnull (s);
      g_assert_true (awb_section_is_leaf (s));
      g_assert_nonnull (awb_requirement_get_text (r));
      g_assert_cmpuint (awb_requirement_get_methods (r), !=, 0);
      g_assert_cmpuint (awb_requirement_get_min_methods (r), >=, 1);
      g_assert_cmpuint (awb_requirement_get_min_methods (r), <=, AWB_N_METHODS);
      for (guint m = 0; m < AWB_N_METHODS; m++)
        g_assert_nonnull (awb_requirement_get_hints (r, (AwbMethod) m, m % 2 == 0));
    }

  g_assert_nonnull (rules->suggest_all_yes);
  g_assert_nonnull (rules->panel_tie);
  g_assert_nonnull (awb_catalogue_lookup (cat, rules->staff_requirement));
  g_assert_nonnull (awb_catalogue_lookup (cat, rules->acceptance_requirement));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCatalogue) cat = NULL;

  awb_fuzz_init ();
  bytes = g_bytes_new (data, size);
  cat = awb_catalogue_new_from_bytes (bytes, "fuzz.json", &error);
  if (cat == NULL)
    {
      g_assert_error (error, AWB_ERROR, AWB_ERROR_CATALOGUE);
      g_assert_true (g_str_has_prefix (error->message, "Catalogue fuzz.json: "));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  check_catalogue (cat);
  return 0;
}
