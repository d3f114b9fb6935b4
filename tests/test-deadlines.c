/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "awb-case.h"
#include "awb-catalogue-registry.h"
#include "awb-dates.h"
#include "awb-deadlines.h"
#include "awb-error.h"
#include "awb-test-util.h"

/* Deadlines from a case's dates and the catalogue's rules: month ends,
 * the supplement, the evaluation start, the cycle without the waiting time,
 * the maintenance window at its boundaries, and the archive retention. */

#define CODE "91350100M000100Y43"

typedef struct
{
  char        *dir;
  AwbDatabase *db;
  AwbRules     rules;  /* the built-in catalogue's deadlines */
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  AwbCatalogue *cat = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (),
                                                     AWB_BUILTIN_CATALOGUE_ID, NULL, &error);
  const AwbRules *rules;

  g_assert_no_error (error);
  rules = awb_catalogue_get_rules (cat);
  f->rules.supplement_months = rules->supplement_months;
  f->rules.cycle_target_months = rules->cycle_target_months;
  f->rules.cycle_limit_months = rules->cycle_limit_months;
  f->rules.maintenance_lead_months = rules->maintenance_lead_months;
  f->rules.maintenance_late_months = rules->maintenance_late_months;
  f->rules.retention_years = rules->retention_years;

  /* dates must not lie after "today" when they are set */
  g_setenv ("AWB_TODAY", "2035-01-01", TRUE);
  f->dir = awb_test_make_tmpdir ();
  path = g_build_filename (f->dir, "d.db", NULL);
  f->db = awb_database_open (path, &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
new_case (Fixture *f, const char *expiry)
{
  AwbCaseNew p = { .applicant = "示例", .credit_code = CODE };
  g_autoptr(GError) error = NULL;
  char *id;

  if (expiry != NULL)
    {
      p.app_type = "maintenance";
      p.previous_certificate = "C-1";
      p.previous_expiry = expiry;
    }
  id = awb_case_create (f->db, &p, &error);
  g_assert_no_error (error);
  return id;
}

static void
set (Fixture *f, const char *id, const char *kind, const char *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (awb_case_set_date (f->db, id, kind, date, NULL, &error));
  g_assert_no_error (error);
}

/* The item of that name as of today, copied out. */
static AwbDeadline *
item (Fixture *f, const char *id, const AwbRules *rules, const char *today, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = awb_case_lookup (f->db, id, &error);
  g_autoptr(GPtrArray) items = NULL;
  GDate t;

  g_assert_no_error (error);
  g_assert_true (awb_date_parse (today, &t, NULL));
  items = awb_deadlines_compute (kase, rules != NULL ? rules : &f->rules, &t);
  for (guint i = 0; i < items->len; i++)
    {
      AwbDeadline *d = items->pdata[i];

      if (g_str_equal (d->item, name))
        {
          g_test_message ("%s %s: [%s] %s %s", today, name, awb_deadline_state_to_string (d->state),
                          d->date != NULL ? d->date : "-", d->text);
          return g_ptr_array_steal_index (items, i);
        }
    }
  return NULL;
}

static void
expect (Fixture          *f,
        const char       *id,
        const char       *today,
        const char       *name,
        AwbDeadlineState  state,
        const char       *date,
        const char       *fragment)
{
  g_autoptr(AwbDeadline) d = item (f, id, NULL, today, name);

  g_assert_nonnull (d);
  if (d->state != state)
    g_error ("%s on %s: state %s, expected %s (%s)", name, today,
             awb_deadline_state_to_string (d->state), awb_deadline_state_to_string (state),
             d->text);
  g_assert_cmpstr (d->date, ==, date);
  if (fragment != NULL && strstr (d->text, fragment) == NULL)
    g_error ("“%s” lacks “%s”", d->text, fragment);
}

static void
test_month_ends (void)
{
  static const struct { const char *from; int months; const char *to; } cases[] = {
    { "2026-01-31", 1, "2026-02-28" },
    { "2024-01-31", 1, "2024-02-29" },
    { "2026-03-31", 1, "2026-04-30" },
    { "2026-02-28", 1, "2026-03-28" },
    { "2026-12-31", 1, "2027-01-31" },
    { "2026-08-31", -6, "2026-02-28" },
    { "2026-08-31", 6, "2027-02-28" },
    { "2026-01-05", 3, "2026-04-05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d;
      g_autofree char *text = NULL;

      g_assert_true (awb_date_parse (cases[i].from, &d, NULL));
      awb_date_add_months (&d, cases[i].months);
      text = awb_date_format (&d);
      g_assert_cmpstr (text, ==, cases[i].to);
    }
}

static void
test_supplement (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL);
  g_autofree char *late = new_case (f, NULL);
  g_autofree char *on_time = new_case (f, NULL);
  g_autofree char *moved = new_case (f, NULL);
  g_autoptr(GError) error = NULL;

  expect (f, id, "2026-01-10", "supplement", AWB_DEADLINE_INFO, NULL, "No acceptance review");

  /* 31 January + 1 month = 28 February */
  set (f, id, "received", "2026-01-20");
  set (f, id, "review-sent", "2026-01-31");
  expect (f, id, "2026-02-01", "supplement", AWB_DEADLINE_DUE, "2026-02-28", "27 days left");
  expect (f, id, "2026-02-28", "supplement", AWB_DEADLINE_DUE, "2026-02-28", "0 days left");
  expect (f, id, "2026-03-01", "supplement", AWB_DEADLINE_OVERDUE, "2026-02-28",
          "not been received");

  set (f, on_time, "review-sent", "2026-01-31");
  set (f, on_time, "supplement-received", "2026-02-28");
  expect (f, on_time, "2026-03-10", "supplement", AWB_DEADLINE_OK, "2026-02-28", "within");

  set (f, late, "review-sent", "2026-01-31");
  set (f, late, "supplement-received", "2026-03-01");
  expect (f, late, "2026-03-10", "supplement", AWB_DEADLINE_OVERDUE, "2026-02-28",
          "1 day after");

  /* no supplement, but the case went on: none was needed */
  set (f, moved, "review-sent", "2026-01-31");
  g_assert_true (awb_case_advance (f->db, moved, "initiation", "2026-02-10", NULL, &error));
  expect (f, moved, "2026-05-01", "supplement", AWB_DEADLINE_INFO, "2026-02-28", "moved on");

  /* the period comes from the catalogue's rules, not from the code */
  {
    AwbRules two = f->rules;
    g_autoptr(AwbDeadline) d = NULL;

    two.supplement_months = 2;
    d = item (f, id, &two, "2026-03-01", "supplement");
    g_assert_cmpstr (d->date, ==, "2026-03-31");
    g_assert_cmpint (d->state, ==, AWB_DEADLINE_DUE);
  }
}

static void
test_evaluation_start (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL);
  g_autofree char *early = new_case (f, NULL);

  set (f, id, "received", "2026-01-05");
  expect (f, id, "2026-02-01", "evaluation-start", AWB_DEADLINE_INFO, NULL, "neither");
  set (f, id, "agreement", "2026-02-20");
  expect (f, id, "2026-02-25", "evaluation-start", AWB_DEADLINE_INFO, NULL, "fee is not paid");
  set (f, id, "paid", "2026-03-01");
  expect (f, id, "2026-03-02", "evaluation-start", AWB_DEADLINE_OK, "2026-03-01", "may start");
  set (f, id, "evaluation-start", "2026-03-10");
  expect (f, id, "2026-03-12", "evaluation-start", AWB_DEADLINE_OK, "2026-03-10",
          "could start from");

  set (f, early, "agreement", "2026-02-20");
  set (f, early, "evaluation-start", "2026-02-25");
  expect (f, early, "2026-03-01", "evaluation-start", AWB_DEADLINE_BREACHED, "2026-02-25",
          "fee is not paid");
  set (f, early, "paid", "2026-03-01");
  expect (f, early, "2026-03-02", "evaluation-start", AWB_DEADLINE_BREACHED, "2026-02-25",
          "only on 2026-03-01");
}

/* The worked example of docs/lifecycle.md. */
static void
test_cycle (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL);
  g_autofree char *plain = new_case (f, NULL);
  g_autofree char *closed = new_case (f, NULL);
  g_autoptr(GError) error = NULL;

  expect (f, id, "2026-01-01", "cycle", AWB_DEADLINE_INFO, NULL, "received");

  set (f, id, "received", "2026-01-05");
  expect (f, id, "2026-01-15", "cycle-target", AWB_DEADLINE_DUE, "2026-04-05", "10 days counted");
  expect (f, id, "2026-01-15", "cycle-limit", AWB_DEADLINE_DUE, "2026-07-05", NULL);

  /* waiting on the applicant from the review e-mail: the clock stops */
  set (f, id, "review-sent", "2026-01-20");
  expect (f, id, "2026-02-04", "cycle-target", AWB_DEADLINE_DUE, "2026-04-20", "clock is stopped");
  set (f, id, "supplement-received", "2026-02-10");
  set (f, id, "agreement", "2026-02-20");
  expect (f, id, "2026-02-25", "cycle-target", AWB_DEADLINE_DUE, "2026-05-11", "15 days counted");
  /* the clock runs again once the evaluation may start (agreement and payment) */
  set (f, id, "paid", "2026-03-01");
  expect (f, id, "2026-03-11", "cycle-target", AWB_DEADLINE_DUE, "2026-05-15", "25 days counted");
  set (f, id, "evaluation-start", "2026-03-10");
  expect (f, id, "2026-05-15", "cycle-target", AWB_DEADLINE_DUE, "2026-05-15", NULL);
  expect (f, id, "2026-05-16", "cycle-target", AWB_DEADLINE_BREACHED, "2026-05-15",
          "has passed the target");
  expect (f, id, "2026-05-16", "cycle-limit", AWB_DEADLINE_DUE, "2026-08-14", NULL);
  set (f, id, "evaluation-end", "2026-04-20");
  expect (f, id, "2026-12-01", "cycle-target", AWB_DEADLINE_OK, "2026-05-15",
          "65 days counted");
  expect (f, id, "2026-12-01", "cycle-limit", AWB_DEADLINE_OK, "2026-08-14", NULL);

  /* no waiting: the target is three calendar months, to the day */
  set (f, plain, "received", "2026-01-05");
  set (f, plain, "evaluation-end", "2026-04-05");
  expect (f, plain, "2026-12-01", "cycle-target", AWB_DEADLINE_OK, "2026-04-05", NULL);
  set (f, plain, "evaluation-end", "2026-04-06");
  expect (f, plain, "2026-12-01", "cycle-target", AWB_DEADLINE_BREACHED, "2026-04-05",
          "ended on 2026-04-06");
  set (f, plain, "evaluation-end", "2026-07-06");
  expect (f, plain, "2026-12-01", "cycle-limit", AWB_DEADLINE_BREACHED, "2026-07-05",
          "the hard limit");

  /* closed without an evaluation end: the cycle ended when it closed */
  set (f, closed, "received", "2026-01-05");
  g_assert_true (awb_case_advance (f->db, closed, "closed", "2026-02-01", NULL, &error));
  g_assert_no_error (error);
  expect (f, closed, "2026-12-01", "cycle-target", AWB_DEADLINE_OK, "2026-04-05",
          "ended on 2026-02-01");
}

/* The worked example of docs/lifecycle.md, figure for figure. */
static void
test_worked_example (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, "2026-06-30");
  g_autoptr(GError) error = NULL;

  set (f, id, "received", "2026-01-05");
  set (f, id, "review-sent", "2026-01-31");
  set (f, id, "supplement-received", "2026-02-20");
  set (f, id, "agreement", "2026-03-02");
  set (f, id, "paid", "2026-03-09");
  set (f, id, "evaluation-start", "2026-03-16");

  expect (f, id, "2026-04-20", "cycle-target", AWB_DEADLINE_DUE, "2026-05-12",
          "68 days counted so far");
  expect (f, id, "2026-04-20", "cycle-limit", AWB_DEADLINE_DUE, "2026-08-11",
          "plus 37 days waiting");

  set (f, id, "evaluation-end", "2026-05-29");
  g_assert_true (awb_case_advance (f->db, id, "closed", "2026-07-10", NULL, &error));
  g_assert_no_error (error);

  expect (f, id, "2026-07-10", "supplement", AWB_DEADLINE_OK, "2026-02-28", "2026-02-20");
  expect (f, id, "2026-07-10", "evaluation-start", AWB_DEADLINE_OK, "2026-03-16", "2026-03-09");
  expect (f, id, "2026-07-10", "cycle-target", AWB_DEADLINE_BREACHED, "2026-05-12",
          "107 days counted");
  expect (f, id, "2026-07-10", "cycle-limit", AWB_DEADLINE_OK, "2026-08-11", "107 days counted");
  expect (f, id, "2026-07-10", "maintenance", AWB_DEADLINE_OVERDUE, "2025-12-30", "late");
  expect (f, id, "2026-07-10", "retention", AWB_DEADLINE_INFO, "2032-07-10", "kept until");
}

static void
test_maintenance (Fixture *f, gconstpointer data)
{
  /* expires 31 August 2026: file by 28 February 2026; initial after 28 February 2027 */
  static const struct
  {
    const char       *received;
    AwbDeadlineState  state;
    const char       *date;
    const char       *fragment;
  } filed[] = {
    { "2026-01-15", AWB_DEADLINE_OK, "2026-02-28", "at least 6 months" },
    { "2026-02-28", AWB_DEADLINE_OK, "2026-02-28", "at least 6 months" },
    { "2026-03-01", AWB_DEADLINE_OVERDUE, "2026-02-28", "late" },
    { "2026-08-31", AWB_DEADLINE_OVERDUE, "2026-02-28", "late" },
    { "2027-02-28", AWB_DEADLINE_OVERDUE, "2026-02-28", "late" },
    { "2027-03-01", AWB_DEADLINE_BREACHED, "2027-02-28", "initial application" },
  };
  g_autofree char *initial = new_case (f, NULL);
  g_autofree char *waiting = new_case (f, "2026-08-31");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbCase) kase = awb_case_lookup (f->db, initial, &error);
  g_autoptr(GPtrArray) items = NULL;
  GDate today;

  for (guint i = 0; i < G_N_ELEMENTS (filed); i++)
    {
      g_autofree char *id = new_case (f, "2026-08-31");

      set (f, id, "received", filed[i].received);
      expect (f, id, "2027-06-01", "maintenance", filed[i].state, filed[i].date,
              filed[i].fragment);
    }

  /* not received yet */
  expect (f, waiting, "2026-02-28", "maintenance", AWB_DEADLINE_DUE, "2026-02-28", "filed by");
  expect (f, waiting, "2026-03-01", "maintenance", AWB_DEADLINE_OVERDUE, "2026-02-28",
          "after 2027-02-28");
  expect (f, waiting, "2027-02-28", "maintenance", AWB_DEADLINE_OVERDUE, "2026-02-28", NULL);
  expect (f, waiting, "2027-03-01", "maintenance", AWB_DEADLINE_BREACHED, "2027-02-28",
          "initial application");

  /* an initial application has no maintenance item */
  g_assert_true (awb_date_parse ("2026-03-01", &today, NULL));
  items = awb_deadlines_compute (kase, &f->rules, &today);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (((AwbDeadline *) items->pdata[i])->item, !=, "maintenance");
}

static void
test_retention (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, NULL);
  g_autoptr(GError) error = NULL;

  expect (f, id, "2020-01-01", "retention", AWB_DEADLINE_INFO, NULL, "6 years");
  g_assert_true (awb_case_advance (f->db, id, "closed", "2020-02-29", NULL, &error));
  g_assert_no_error (error);
  expect (f, id, "2026-02-27", "retention", AWB_DEADLINE_INFO, "2026-02-28", "kept until");
  expect (f, id, "2026-02-28", "retention", AWB_DEADLINE_OK, "2026-02-28", "may be deleted");

  {
    AwbRules ten = f->rules;
    g_autoptr(AwbDeadline) d = NULL;

    ten.retention_years = 10;
    d = item (f, id, &ten, "2026-02-28", "retention");
    g_assert_cmpstr (d->date, ==, "2030-02-28");
    g_assert_cmpint (d->state, ==, AWB_DEADLINE_INFO);
  }
}

static void
test_for_case_json (Fixture *f, gconstpointer data)
{
  g_autofree char *id = new_case (f, "2026-08-31");
  g_autofree char *prefix = g_strndup (id, 8);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  set (f, id, "received", "2026-01-05");
  set (f, id, "review-sent", "2026-01-31");
  g_setenv ("AWB_TODAY", "2026-03-01", TRUE);
  items = awb_deadlines_for_case (f->db, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 6);
  g_assert_cmpint (awb_deadlines_worst (items), ==, AWB_DEADLINE_OVERDUE);

  node = awb_deadlines_to_json (items);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "item"), ==, "supplement");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "state"), ==, "overdue");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "date"), ==, "2026-02-28");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (array, 5), "date"));

  g_assert_null (awb_deadlines_for_case (f->db, "00000000-nothing", &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, setup, fn, teardown)
  g_test_add_func ("/deadlines/month-ends", test_month_ends);
  ADD ("/deadlines/supplement", test_supplement);
  ADD ("/deadlines/evaluation-start", test_evaluation_start);
  ADD ("/deadlines/cycle", test_cycle);
  ADD ("/deadlines/worked-example", test_worked_example);
  ADD ("/deadlines/maintenance", test_maintenance);
  ADD ("/deadlines/retention", test_retention);
  ADD ("/deadlines/for-case-json", test_for_case_json);
#undef ADD

  return g_test_run ();
}
