/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-project.h"
#include "awb-staff.h"
#include "awb-test-util.h"

#define CASE_ID "5eed0000-1111-4222-8333-444455556666"
#define OTHER_CASE "5eed0001-1111-4222-8333-444455556666"

typedef struct
{
  char        *dir;
  AwbDatabase *db;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = awb_test_make_tmpdir ();
  path = g_build_filename (f->dir, "r.db", NULL);
  f->db = awb_database_open (path, &error);
  g_assert_no_error (error);
  awb_test_insert_case (f->db, CASE_ID);
  awb_test_insert_case (f->db, OTHER_CASE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
add_staff (Fixture *f, const char *name, const char *cert_no)
{
  g_autoptr(GError) error = NULL;
  char *id = awb_staff_add (f->db, CASE_ID, name, TRUE, NULL, cert_no, "2027-06-30", "Wang",
                            &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static char *
add_project (Fixture *f, const char *client, gboolean accepted)
{
  g_autoptr(GError) error = NULL;
  char *id = awb_project_add (f->db, CASE_ID, client, "Cloud security assessment", "2024-03-01",
                              "2024-09-30", accepted, "Wang", &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
test_staff_add_and_read (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *zhang = add_staff (f, "  Zhang Wei ", "CISP-2023-0001");
  g_autofree char *li = NULL;
  g_autofree char *cert = NULL;
  g_autoptr(AwbStaff) s = NULL;
  g_autoptr(AwbStaff) l = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) other = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gboolean full_time = FALSE;

  li = awb_staff_add (f->db, "5eed0000", "Li Na", FALSE, "CISAW", "CISAW-77", "2026-12-31",
                      "Wang", &error);
  g_assert_no_error (error);

  s = awb_staff_get (f->db, zhang, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awb_staff_get_name (s), ==, "Zhang Wei");
  g_assert_true (awb_staff_get_full_time (s));
  g_assert_cmpstr (awb_staff_get_cert_kind (s), ==, AWB_STAFF_DEFAULT_CERT_KIND);
  g_assert_cmpstr (awb_staff_get_cert_kind (s), ==, "CISP");
  g_assert_cmpstr (awb_staff_get_cert_no (s), ==, "CISP-2023-0001");
  g_assert_cmpstr (awb_staff_get_valid_until (s), ==, "2027-06-30");
  g_assert_cmpstr (awb_staff_get_case_id (s), ==, CASE_ID);
  g_assert_cmpint (awb_staff_get_rev (s), ==, 1);
  g_object_get (s, "cert-no", &cert, "full-time", &full_time, NULL);
  g_assert_cmpstr (cert, ==, "CISP-2023-0001");
  g_assert_true (full_time);

  l = awb_staff_get (f->db, li, &error);
  g_assert_false (awb_staff_get_full_time (l));
  g_assert_cmpstr (awb_staff_get_cert_kind (l), ==, "CISAW");

  /* by name */
  list = awb_staff_list (f->db, CASE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(AwbStaff) first = g_list_model_get_item (list, 0);
    g_assert_cmpstr (awb_staff_get_name (first), ==, "Li Na");
  }
  other = awb_staff_list (f->db, OTHER_CASE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (other), ==, 0);

  history = awb_history_list (f->db, CASE_ID, FALSE, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->entity, ==, "staff");
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "add");

  g_assert_finalize_object (g_steal_pointer (&s));
}

static void
test_staff_valid_until_inclusive (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = add_staff (f, "Zhao Lei", "CISP-9");
  g_autoptr(AwbStaff) s = awb_staff_get (f->db, id, &error);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, G_DATE_JUNE, 2027);
  g_assert_true (awb_staff_is_valid_on (s, &date));
  g_date_set_dmy (&date, 1, G_DATE_JULY, 2027);
  g_assert_false (awb_staff_is_valid_on (s, &date));
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2020);
  g_assert_true (awb_staff_is_valid_on (s, &date));
}

static void
test_staff_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *zhang = add_staff (f, "Zhang Wei", "CISP-2023-0001");
  g_autofree char *other_case = NULL;
  g_autofree char *before = awb_test_dump_database (f->db);
  g_autofree char *after = NULL;
  struct {
    const char *name, *kind, *cert, *until, *fragment;
    int code;
  } cases[] = {
    { "", NULL, "X-1", "2027-01-01", "name", AWB_ERROR_INVALID },
    { "Wu", "  ", "X-1", "2027-01-01", "kind", AWB_ERROR_INVALID },
    { "Wu", NULL, " ", "2027-01-01", "number", AWB_ERROR_INVALID },
    { "Wu", NULL, NULL, "2027-01-01", "number", AWB_ERROR_INVALID },
    { "Wu", NULL, "X-1", "2027-02-29", "2027-02-29", AWB_ERROR_INVALID },
    { "Wu", NULL, "X-1", "next year", "next year", AWB_ERROR_INVALID },
    { "Wu", NULL, "X-1", NULL, "YYYY-MM-DD", AWB_ERROR_INVALID },
    /* the same certificate twice in a case, however it is typed */
    { "Wu", NULL, "CISP-2023-0001", "2027-01-01", "CISP-2023-0001", AWB_ERROR_REFUSED },
    { "Wu", NULL, " cisp-2023-0001 ", "2027-01-01", "Zhang Wei", AWB_ERROR_REFUSED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) refusal = NULL;

      g_assert_null (awb_staff_add (f->db, CASE_ID, cases[i].name, TRUE, cases[i].kind,
                                    cases[i].cert, cases[i].until, "Wang", &refusal));
      g_assert_error (refusal, AWB_ERROR, cases[i].code);
      g_assert_nonnull (strstr (refusal->message, cases[i].fragment));
    }
  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);

  /* another case may hold the same number */
  other_case = awb_staff_add (f->db, OTHER_CASE, "Zhang Wei", TRUE, NULL, "CISP-2023-0001",
                              "2027-06-30", "Wang", &error);
  g_assert_no_error (error);
  g_assert_nonnull (other_case);
}

static void
test_staff_update_remove (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) taken = NULL;
  g_autofree char *zhang = add_staff (f, "Zhang Wei", "CISP-1");
  g_autofree char *li = add_staff (f, "Li Na", "CISP-2");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AwbStaff) s = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) history = NULL;

  /* keeping its own number is fine */
  g_assert_true (awb_staff_update (f->db, zhang, "Zhang Wei", FALSE, "CISP", "CISP-1",
                                   "2028-01-31", "Li", &error));
  g_assert_no_error (error);
  s = awb_staff_get (f->db, zhang, &error);
  g_assert_false (awb_staff_get_full_time (s));
  g_assert_cmpstr (awb_staff_get_valid_until (s), ==, "2028-01-31");
  g_assert_cmpint (awb_staff_get_rev (s), ==, 2);
  history = awb_history_list (f->db, CASE_ID, TRUE, &error);
  g_assert_cmpstr (((AwbHistoryEntry *) history->pdata[0])->action, ==, "update");
  g_assert_nonnull (strstr (((AwbHistoryEntry *) history->pdata[0])->before, "2027-06-30"));

  /* taking another's number is not */
  before = awb_test_dump_database (f->db);
  g_assert_false (awb_staff_update (f->db, zhang, "Zhang Wei", FALSE, "CISP", "CISP-2",
                                    "2028-01-31", "Li", &taken));
  g_assert_error (taken, AWB_ERROR, AWB_ERROR_REFUSED);
  g_assert_nonnull (strstr (taken->message, "Li Na"));
  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (awb_staff_remove (f->db, li, "Wang", &error));
  g_assert_no_error (error);
  list = awb_staff_list (f->db, CASE_ID, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  /* its number is free again */
  g_free (li);
  li = add_staff (f, "Li Na", "CISP-2");
}

static void
test_project_add_and_read (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *failed = add_project (f, "  Beta Cloud  ", FALSE);
  g_autofree char *later = NULL;
  g_autofree char *one_day = NULL;
  g_autoptr(AwbProject) p = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *client = NULL;

  later = awb_project_add (f->db, CASE_ID, "Gamma Bank", "Cloud security operations",
                           "2025-01-01", "2025-12-31", TRUE, "Wang", &error);
  g_assert_no_error (error);
  /* a project may start and end on the same day */
  one_day = awb_project_add (f->db, CASE_ID, "Delta", "Emergency drill", "2025-06-01",
                             "2025-06-01", TRUE, "Wang", &error);
  g_assert_no_error (error);

  p = awb_project_get (f->db, failed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (awb_project_get_client (p), ==, "Beta Cloud");
  g_assert_cmpstr (awb_project_get_service (p), ==, "Cloud security assessment");
  g_assert_cmpstr (awb_project_get_from (p), ==, "2024-03-01");
  g_assert_cmpstr (awb_project_get_to (p), ==, "2024-09-30");
  g_assert_false (awb_project_get_accepted (p));
  g_assert_cmpint (awb_project_get_rev (p), ==, 1);
  g_object_get (p, "client", &client, NULL);
  g_assert_cmpstr (client, ==, "Beta Cloud");

  /* latest end first */
  list = awb_project_list (f->db, CASE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  {
    g_autoptr(AwbProject) first = g_list_model_get_item (list, 0);
    g_autoptr(AwbProject) last = g_list_model_get_item (list, 2);
    g_assert_cmpstr (awb_project_get_id (first), ==, later);
    g_assert_cmpstr (awb_project_get_id (last), ==, failed);
  }
  g_assert_finalize_object (g_steal_pointer (&p));
}

static void
test_project_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *before = awb_test_dump_database (f->db);
  g_autofree char *after = NULL;
  struct {
    const char *client, *service, *from, *to, *fragment;
  } cases[] = {
    { " ", "audit", "2024-01-01", "2024-02-01", "client" },
    { "Acme", "", "2024-01-01", "2024-02-01", "service" },
    { "Acme", "audit", "2024-1-1", "2024-02-01", "2024-1-1" },
    { "Acme", "audit", "2024-01-01", "2024-02-30", "2024-02-30" },
    { "Acme", "audit", NULL, "2024-02-01", "start" },
    /* to before from */
    { "Acme", "audit", "2024-02-01", "2024-01-31", "2024-01-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) refusal = NULL;

      g_assert_null (awb_project_add (f->db, CASE_ID, cases[i].client, cases[i].service,
                                      cases[i].from, cases[i].to, TRUE, "Wang", &refusal));
      g_assert_error (refusal, AWB_ERROR, AWB_ERROR_INVALID);
      g_assert_nonnull (strstr (refusal->message, cases[i].fragment));
    }
  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_project_update_remove (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *id = add_project (f, "Acme", FALSE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AwbProject) p = NULL;
  g_autoptr(AwbProject) gone = NULL;
  g_autoptr(GError) gone_error = NULL;

  g_assert_true (awb_project_update (f->db, id, "Acme", "Cloud audit", "2024-03-01",
                                     "2024-10-31", TRUE, "Li", &error));
  g_assert_no_error (error);
  p = awb_project_get (f->db, id, &error);
  g_assert_true (awb_project_get_accepted (p));
  g_assert_cmpstr (awb_project_get_to (p), ==, "2024-10-31");
  g_assert_cmpint (awb_project_get_rev (p), ==, 2);

  before = awb_test_dump_database (f->db);
  g_assert_false (awb_project_update (f->db, id, "Acme", "Cloud audit", "2024-11-01",
                                      "2024-10-31", TRUE, "Li", &refusal));
  g_assert_error (refusal, AWB_ERROR, AWB_ERROR_INVALID);
  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (awb_project_remove (f->db, id, "Li", &error));
  g_assert_no_error (error);
  gone = awb_project_get (f->db, id, &gone_error);
  g_assert_null (gone);
  g_assert_error (gone_error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *staff = add_staff (f, "Zhang Wei", "CISP-1");
  g_autofree char *project = add_project (f, "Acme", TRUE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *other = NULL;
  GError *errors[6] = { NULL };

  awb_test_lock_case (f->db, CASE_ID);
  before = awb_test_dump_database (f->db);

  g_assert_null (awb_staff_add (f->db, CASE_ID, "Li Na", TRUE, NULL, "CISP-2", "2027-01-01",
                                NULL, &errors[0]));
  g_assert_false (awb_staff_update (f->db, staff, "Zhang Wei", FALSE, NULL, "CISP-1",
                                    "2027-01-01", NULL, &errors[1]));
  g_assert_false (awb_staff_remove (f->db, staff, NULL, &errors[2]));
  g_assert_null (awb_project_add (f->db, CASE_ID, "Beta", "audit", "2024-01-01", "2024-02-01",
                                  TRUE, NULL, &errors[3]));
  g_assert_false (awb_project_update (f->db, project, "Acme", "audit", "2024-01-01",
                                      "2024-02-01", FALSE, NULL, &errors[4]));
  g_assert_false (awb_project_remove (f->db, project, NULL, &errors[5]));
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_assert_error (errors[i], AWB_ERROR, AWB_ERROR_LOCKED);
      g_clear_error (&errors[i]);
    }

  after = awb_test_dump_database (f->db);
  g_assert_cmpstr (after, ==, before);

  /* the other case is not locked */
  other = awb_staff_add (f->db, OTHER_CASE, "Li Na", TRUE, NULL, "CISP-2", "2027-01-01", NULL,
                         &error);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/register/staff/add-and-read", Fixture, NULL, setup, test_staff_add_and_read,
              teardown);
  g_test_add ("/register/staff/valid-until-inclusive", Fixture, NULL, setup,
              test_staff_valid_until_inclusive, teardown);
  g_test_add ("/register/staff/refused", Fixture, NULL, setup, test_staff_refused, teardown);
  g_test_add ("/register/staff/update-remove", Fixture, NULL, setup, test_staff_update_remove,
              teardown);
  g_test_add ("/register/project/add-and-read", Fixture, NULL, setup, test_project_add_and_read,
              teardown);
  g_test_add ("/register/project/refused", Fixture, NULL, setup, test_project_refused, teardown);
  g_test_add ("/register/project/update-remove", Fixture, NULL, setup,
              test_project_update_remove, teardown);
  g_test_add ("/register/locked", Fixture, NULL, setup, test_locked, teardown);

  return g_test_run ();
}
