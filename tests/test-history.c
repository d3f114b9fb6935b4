/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-history.h"
#include "awb-test-util.h"

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
  path = g_build_filename (f->dir, "h.db", NULL);
  f->db = awb_database_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(JsonNode) after = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (after, i);

      g_assert_true (awb_database_begin (f->db, &error));
      g_assert_true (awb_history_append (f->db, "case-a", "Wang", "rate", "rating", "r1", NULL,
                                         after, &error));
      g_assert_true (awb_history_append (f->db, "case-b", "Li", "rate", "rating", "r2", NULL,
                                         after, &error));
      g_assert_true (awb_database_commit (f->db, &error));
    }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->dir);
}

static guint
count_problems (Fixture *f, const char *case_id)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (awb_history_verify (f->db, case_id, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
  return problems->len;
}

static void
test_intact (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) list = awb_history_list (f->db, "case-a", TRUE, NULL);
  AwbHistoryEntry *newest;

  g_assert_cmpuint (count_problems (f, NULL), ==, 0);
  g_assert_cmpuint (list->len, ==, 5);
  newest = list->pdata[0];
  g_assert_cmpstr (newest->after, ==, "4");
  g_assert_cmpstr (newest->actor, ==, "Wang");
}

static void
test_edited_row (Fixture *f, gconstpointer data)
{
  g_assert_true (_awb_database_run (f->db, NULL,
                                    "UPDATE history SET after = '99' WHERE case_id = 'case-a' "
                                    "AND after = '2'", NULL));
  g_assert_cmpuint (count_problems (f, "case-a"), ==, 1);
  g_assert_cmpuint (count_problems (f, "case-b"), ==, 0);
}

static void
test_deleted_middle (Fixture *f, gconstpointer data)
{
  g_assert_true (_awb_database_run (f->db, NULL,
                                    "DELETE FROM history WHERE case_id = 'case-a' AND after = '1'",
                                    NULL));
  g_assert_cmpuint (count_problems (f, "case-a"), >=, 1);
}

static void
test_deleted_newest (Fixture *f, gconstpointer data)
{
  g_assert_true (_awb_database_run (f->db, NULL,
                                    "DELETE FROM history WHERE case_id = 'case-b' AND after = '4'",
                                    NULL));
  g_assert_cmpuint (count_problems (f, "case-b"), ==, 1);
}

static void
test_actor_changed (Fixture *f, gconstpointer data)
{
  g_assert_true (_awb_database_run (f->db, NULL,
                                    "UPDATE history SET actor = 'Zhao' WHERE case_id = 'case-b' "
                                    "AND after = '0'", NULL));
  g_assert_cmpuint (count_problems (f, NULL), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/history/intact", Fixture, NULL, setup, test_intact, teardown);
  g_test_add ("/history/edited-row", Fixture, NULL, setup, test_edited_row, teardown);
  g_test_add ("/history/deleted-middle", Fixture, NULL, setup, test_deleted_middle, teardown);
  g_test_add ("/history/deleted-newest", Fixture, NULL, setup, test_deleted_newest, teardown);
  g_test_add ("/history/actor-changed", Fixture, NULL, setup, test_actor_changed, teardown);

  return g_test_run ();
}
