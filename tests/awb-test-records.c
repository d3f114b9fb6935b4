/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "awb-catalogue-registry.h"
#include "awb-database-private.h"
#include "awb-record-private.h"
#include "awb-test-records.h"

static const char *now = "2026-01-05T09:00:00.000000Z";

/* where the variant catalogue and the template databases live */
static char *work_dir;

void
awb_test_sql (AwbDatabase *db,
              const char  *sql)
{
  g_autoptr(GError) error = NULL;

  _awb_database_run (db, &error, sql, NULL);
  g_assert_no_error (error);
}

char *
awb_test_case (AwbDatabase *db,
               const char  *catalogue_id,
               const char  *received,
               const char  *evaluation_start)
{
  g_autoptr(GError) error = NULL;
  AwbCatalogue *cat;
  char *id = g_uuid_string_random ();

  cat = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (),
                                       catalogue_id != NULL ? catalogue_id
                                                            : AWB_BUILTIN_CATALOGUE_ID,
                                       NULL, &error);
  g_assert_no_error (error);
  _awb_database_run (db, &error,
                     "INSERT INTO cases (id, catalogue_id, catalogue_version, applicant, "
                     "credit_code, stage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                     "'evaluation', ?, ?)", "sssssss", id, awb_catalogue_get_id (cat),
                     awb_catalogue_get_version (cat), "示例云安全科技有限公司",
                     "91350100M000100Y43", now, now);
  g_assert_no_error (error);
  if (received != NULL)
    awb_test_case_date (db, id, "received", received);
  if (evaluation_start != NULL)
    awb_test_case_date (db, id, "evaluation-start", evaluation_start);
  return id;
}

void
awb_test_case_date (AwbDatabase *db,
                    const char  *case_id,
                    const char  *kind,
                    const char  *date)
{
  g_autoptr(GError) error = NULL;

  _awb_database_run (db, &error,
                     "INSERT OR REPLACE INTO case_dates (case_id, kind, date, actor, at) "
                     "VALUES (?, ?, ?, 'Tester', ?)", "ssss", case_id, kind, date, now);
  g_assert_no_error (error);
}

char *
awb_test_evidence (AwbDatabase *db,
                   const char  *case_id,
                   const char  *method,
                   const char  *requirement_id,
                   const char  *supports)
{
  g_autoptr(GError) error = NULL;
  char *id = g_uuid_string_random ();

  _awb_database_run (db, &error,
                     "INSERT INTO evidence (id, case_id, method, title, recorded_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)", "ssssss", id, case_id, method,
                     "Evidence item", now, now);
  g_assert_no_error (error);
  _awb_database_run (db, &error,
                     "INSERT INTO evidence_links (evidence_id, requirement_id, supports) "
                     "VALUES (?, ?, ?)", "sss", id, requirement_id, supports);
  g_assert_no_error (error);
  return id;
}

void
awb_test_evidence_list (AwbDatabase *db,
                        const char  *case_id,
                        const char  *requirement_id,
                        const char  *list)
{
  g_auto(GStrv) items = NULL;

  if (list == NULL || *list == '\0')
    return;
  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ":", 2);
      g_autofree char *id = NULL;

      g_assert_nonnull (parts[1]);
      id = awb_test_evidence (db, case_id, parts[0], requirement_id, parts[1]);
    }
}

void
awb_test_rate (AwbDatabase *db,
               const char  *case_id,
               const char  *requirement_id,
               const char  *rating,
               const char  *rationale)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();

  _awb_database_run (db, &error, "DELETE FROM ratings WHERE case_id = ? AND requirement_id = ?",
                     "ss", case_id, requirement_id);
  g_assert_no_error (error);
  if (rating == NULL)
    return;
  _awb_database_run (db, &error,
                     "INSERT INTO ratings (id, case_id, requirement_id, rating, rationale, actor, "
                     "at) VALUES (?, ?, ?, ?, ?, 'Tester', ?)", "ssssss", id, case_id,
                     requirement_id, rating, rationale != NULL ? rationale : "", now);
  g_assert_no_error (error);
}

char *
awb_test_finding (AwbDatabase *db,
                  const char  *case_id,
                  const char  *requirement_id,
                  const char  *kind,
                  const char  *action,
                  const char  *due,
                  const char  *status)
{
  g_autoptr(GError) error = NULL;
  char *id = g_uuid_string_random ();

  _awb_database_run (db, &error,
                     "INSERT INTO findings (id, case_id, requirement_id, kind, text, action, due, "
                     "status, actor, created_at, updated_at) VALUES (?, ?, ?, ?, 'A finding', ?, "
                     "?, ?, 'Tester', ?, ?)", "sssssssss", id, case_id, requirement_id, kind,
                     action, due, status, now, now);
  g_assert_no_error (error);
  return id;
}

void
awb_test_staff (AwbDatabase *db,
                const char  *case_id,
                const char  *name,
                gboolean     full_time,
                const char  *valid_until)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *cert_no = g_strdup_printf ("CISP-%.8s", id);

  _awb_database_run (db, &error,
                     "INSERT INTO staff (id, case_id, name, full_time, cert_no, valid_until, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "sssbssss", id,
                     case_id, name, full_time, cert_no, valid_until, now, now);
  g_assert_no_error (error);
}

void
awb_test_project (AwbDatabase *db,
                  const char  *case_id,
                  const char  *client,
                  const char  *to_date,
                  gboolean     accepted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();

  _awb_database_run (db, &error,
                     "INSERT INTO projects (id, case_id, client, service, from_date, to_date, "
                     "accepted, created_at, updated_at) VALUES (?, ?, ?, '云安全运维', "
                     "'2020-01-01', ?, ?, ?, ?)", "ssssbss", id, case_id, client, to_date,
                     accepted, now, now);
  g_assert_no_error (error);
}

void
awb_test_full_pass (AwbDatabase *db,
                    const char  *case_id)
{
  g_autoptr(GError) error = NULL;
  AwbCatalogue *cat = _awb_case_get_catalogue (db, case_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < awb_catalogue_get_n_requirements (cat); i++)
    {
      const char *id = awb_requirement_get_id (awb_catalogue_get_requirement (cat, i));

      awb_test_evidence_list (db, case_id, id, "document:yes,interview:yes,demonstration:yes");
      awb_test_rate (db, case_id, id, "conformant", NULL);
    }
  awb_test_staff (db, case_id, "王伟", TRUE, "2030-01-01");
  awb_test_staff (db, case_id, "李娜", TRUE, "2030-01-01");
  awb_test_staff (db, case_id, "张敏", TRUE, "2030-01-01");
  awb_test_staff (db, case_id, "刘洋", TRUE, "2030-01-01");
  awb_test_project (db, case_id, "甲客户", "2025-06-30", TRUE);
}

static JsonObject *
path_object (JsonObject *root,
             const char *path)
{
  g_auto(GStrv) keys = g_strsplit (path, ".", -1);
  JsonObject *obj = root;

  for (guint i = 0; keys[i] != NULL; i++)
    obj = json_object_get_object_member (obj, keys[i]);
  g_assert_nonnull (obj);
  return obj;
}

void
awb_test_install_variant_catalogue (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *cat_dir = g_build_filename (dir, "assessor-workbench", "catalogues", NULL);
  g_autofree char *path = g_build_filename (cat_dir, "test-variant.json", NULL);
  g_autoptr(GBytes) bytes =
    g_resources_lookup_data ("/io/github/assessorworkbench/Workbench/catalogues/"
                             "cnitsec-cloud-l1-2025.json", 0, NULL);
  JsonObject *root;
  JsonArray *reqs;
  JsonArray *supporting = json_array_new ();
  JsonArray *methods = json_array_new ();

  g_assert_nonnull (bytes);
  g_free (work_dir);
  work_dir = g_strdup (dir);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_assert_cmpint (g_mkdir_with_parents (cat_dir, 0700), ==, 0);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  json_object_set_string_member (root, "id", AWB_TEST_VARIANT_CATALOGUE);
  json_array_add_string_element (supporting, "yes");
  json_object_set_array_member (path_object (root, "rules.sufficiency"), "supporting", supporting);
  json_object_set_string_member (path_object (root, "rules.panel"), "tie", "pass");
  json_object_set_boolean_member (path_object (root, "rules.conclusion"),
                                  "largely_needs_finding", FALSE);
  json_object_set_int_member (path_object (root, "rules.checks.certified-staff"), "minimum", 2);
  json_object_set_boolean_member (path_object (root, "rules.checks.certified-staff"),
                                  "full_time_only", FALSE);
  json_object_set_string_member (path_object (root, "rules.checks.certified-staff"), "date",
                                 "received");

  reqs = json_object_get_array_member (root, "requirements");
  for (guint i = 0; i < json_array_get_length (reqs); i++)
    {
      JsonObject *req = json_array_get_object_element (reqs, i);

      if (g_str_equal (json_object_get_string_member (req, "id"), "3.2.1-1"))
        {
          json_array_add_string_element (methods, "interview");
          json_object_set_array_member (req, "methods", json_array_ref (methods));
          json_object_set_int_member (req, "min_methods", 1);
        }
    }
  json_array_unref (methods);

  json_generator_set_root (gen, json_parser_get_root (parser));
  text = json_generator_to_data (gen, NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

AwbDatabase *
awb_test_open_case (const char *dir,
                    const char *catalogue,
                    gboolean    full_pass,
                    char      **case_id)
{
  static GHashTable *templates;  /* key → case id; the file is work_dir/key.db */
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strdup_printf ("template-%s-%s",
                                          catalogue != NULL ? catalogue : "builtin",
                                          full_pass ? "pass" : "empty");
  g_autofree char *template = NULL;
  g_autofree char *copy = g_build_filename (dir, "case.db", NULL);
  g_autofree char *contents = NULL;
  AwbDatabase *db;
  gsize len;

  g_assert_nonnull (work_dir);
  template = g_strdup_printf ("%s/%s.db", work_dir, key);
  if (templates == NULL)
    templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!g_hash_table_contains (templates, key))
    {
      g_autoptr(AwbDatabase) made = awb_database_open (template, &error);
      char *id;

      g_assert_no_error (error);
      awb_test_sql (made, "PRAGMA synchronous = OFF");
      g_assert_true (awb_database_begin (made, &error));
      id = awb_test_case (made, catalogue, "2026-04-01", "2026-04-01");
      if (full_pass)
        awb_test_full_pass (made, id);
      g_assert_true (awb_database_commit (made, &error));
      g_hash_table_insert (templates, g_strdup (key), id);
    }
  /* the template's connection is closed: its file is whole, without a WAL */
  g_file_get_contents (template, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, (gssize) len, &error);
  g_assert_no_error (error);

  db = awb_database_open (copy, &error);
  g_assert_no_error (error);
  awb_test_sql (db, "PRAGMA synchronous = OFF");
  *case_id = g_strdup (g_hash_table_lookup (templates, key));
  return db;
}
