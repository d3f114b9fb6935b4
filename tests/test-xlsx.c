/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "awb-database-private.h"
#include "awb-error.h"
#include "awb-test-util.h"
#include "awb-xlsx-exporter.h"
#include "awb-xlsx-private.h"

/* The exporter's file handling (every refusal leaves nothing behind) and its
 * cell text rules. What the sheets hold is checked from Python with openpyxl
 * (tests/cli/test_export.py). */

#define CASE_ID "6a1f3c2e-0b7d-4e59-9c1a-2f4e8d7b5a10"

typedef struct
{
  char        *dir;
  char        *out;
  AwbDatabase *db;
} Fixture;

static void
insert_case (AwbDatabase *db,
             const char  *id,
             const char  *applicant)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_awb_database_run (db, &error,
                                    "INSERT INTO cases (id, catalogue_id, catalogue_version, "
                                    "applicant, credit_code, stage, created_at, updated_at) "
                                    "VALUES (?, 'cnitsec-cloud-l1-2025', '2025.05', ?, "
                                    "'91350100M000100Y43', 'evaluation', "
                                    "'2026-03-01T08:00:00Z', '2026-03-01T08:00:00Z')",
                                    "ss", id, applicant));
  g_assert_no_error (error);
}

/* n evidence items with an observation of obs_len characters that does not
 * compress well, linked to the first requirement. */
static void
insert_evidence (AwbDatabase *db,
                 guint        n,
                 guint        obs_len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  char *obs = g_malloc (obs_len + 1);

  g_assert_true (awb_database_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_uuid_string_random ();

      for (guint k = 0; k < obs_len; k++)
        obs[k] = (char) g_rand_int_range (rand, 'a', 'z' + 1);
      obs[obs_len] = '\0';
      g_assert_true (_awb_database_run (db, &error,
                                        "INSERT INTO evidence (id, case_id, method, title, "
                                        "observation, evaluator, observed_on, recorded_at, "
                                        "updated_at) VALUES (?, ?, 'document', 'Org chart', ?, "
                                        "'Li', '2026-03-02', '2026-03-02T09:00:00Z', "
                                        "'2026-03-02T09:00:00Z')", "sss", id, CASE_ID, obs));
      g_assert_true (_awb_database_run (db, &error,
                                        "INSERT INTO evidence_links (evidence_id, requirement_id) "
                                        "VALUES (?, '3.2.1-1')", "s", id));
    }
  g_assert_true (awb_database_commit (db, &error));
  g_free (obs);
}

static void
setup (Fixture      *f,
       gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = awb_test_make_tmpdir ();
  f->out = g_build_filename (f->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (f->out, 0755), ==, 0);
  path = g_build_filename (f->dir, "w.db", NULL);
  f->db = awb_database_open (path, &error);
  g_assert_no_error (error);
  insert_case (f->db, CASE_ID, "示例云安全科技有限公司 & Co.");
}

static void
teardown (Fixture      *f,
          gconstpointer data)
{
  g_clear_object (&f->db);
  awb_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->out);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_is_xlsx (const char *path)
{
  g_autoptr(GBytes) bytes = awb_test_read_file (path);
  const char *data = g_bytes_get_data (bytes, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_true (memcmp (data, "PK\003\004", 4) == 0);
}

static void
test_cell_text (void)
{
  g_autofree char *owned = NULL;
  g_autofree char *big = NULL;
  g_autofree char *emoji = NULL;
  GString *s;
  const char *out;
  glong units;

  out = _awb_xlsx_cell_text ("=SUM(A1:A2)", NULL, &owned);
  g_assert_cmpstr (out, ==, "=SUM(A1:A2)");
  g_assert_null (owned);

  /* invalid UTF-8 is repaired, not passed to Excel */
  out = _awb_xlsx_cell_text ("ab\xff" "cd", NULL, &owned);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_true (g_str_has_prefix (out, "ab"));
  g_clear_pointer (&owned, g_free);

  /* a literal OOXML escape stays literal */
  out = _awb_xlsx_cell_text ("see _x0041_ here", NULL, &owned);
  g_assert_cmpstr (out, ==, "see _x005F_x0041_ here");
  g_clear_pointer (&owned, g_free);

  /* exactly the limit is kept whole */
  big = g_strnfill (AWB_XLSX_CELL_MAX, 'a');
  out = _awb_xlsx_cell_text (big, "evidence X", &owned);
  g_assert_true (out == big);
  g_assert_null (owned);
  g_free (big);

  /* longer is cut, with a marker that says where the full text is */
  big = g_strnfill (40000, 'a');
  out = _awb_xlsx_cell_text (big, "evidence 1234", &owned);
  g_assert_cmpuint (strlen (out), <=, AWB_XLSX_CELL_MAX * 3);
  g_assert_cmpint (g_utf8_strlen (out, -1), <=, AWB_XLSX_CELL_MAX);
  g_assert_true (g_str_has_suffix (out, "[cut: full text in the workbench, evidence 1234]"));
  g_assert_true (g_str_has_prefix (out, "aaaa"));
  g_clear_pointer (&owned, g_free);

  /* Excel counts UTF-16 units: 20,000 emoji are 40,000 of them */
  s = g_string_new (NULL);
  for (guint i = 0; i < 20000; i++)
    g_string_append (s, "😀");
  emoji = g_string_free (s, FALSE);
  out = _awb_xlsx_cell_text (emoji, NULL, &owned);
  units = 0;
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    units += g_utf8_get_char (p) >= 0x10000 ? 2 : 1;
  g_assert_cmpint (units, <=, AWB_XLSX_CELL_MAX);
  g_assert_cmpint (units, >, AWB_XLSX_CELL_MAX - 60);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_true (g_str_has_suffix (out, "[cut: full text in the workbench]"));
}

/* The fast reading of the workbench's timestamps agrees with GDateTime,
 * daylight saving time included. */
static void
test_timestamps (void)
{
  static const char * const zones[] = { "UTC", "Asia/Shanghai", "Europe/Berlin",
                                        "America/New_York" };
  static const char * const stamps[] = {
    "2026-03-29T00:30:00.123456Z", "2026-03-29T01:30:00Z", "2026-10-25T00:59:59.5Z",
    "2026-10-25T01:00:00Z", "2026-12-31T23:59:59Z", "2024-02-29T16:00:00Z", "1999-12-31T16:00:00Z",
  };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      AwbXlsxContext ctx = { 0 };
      g_autofree char *path = g_build_filename ("/usr/share/zoneinfo", zones[z], NULL);

      if (z > 0 && !g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      g_setenv ("TZ", zones[z], TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GTimeZone) local = g_time_zone_new_local ();
          g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (stamps[i], utc);
          g_autoptr(GDateTime) expected = g_date_time_to_timezone (parsed, local);
          lxw_datetime dt;

          g_assert_true (_awb_xlsx_timestamp_parse (&ctx, stamps[i], &dt));
          g_assert_cmpint (dt.year, ==, g_date_time_get_year (expected));
          g_assert_cmpint (dt.month, ==, g_date_time_get_month (expected));
          g_assert_cmpint (dt.day, ==, g_date_time_get_day_of_month (expected));
          g_assert_cmpint (dt.hour, ==, g_date_time_get_hour (expected));
          g_assert_cmpint (dt.min, ==, g_date_time_get_minute (expected));
          g_assert_cmpint ((int) dt.sec, ==, g_date_time_get_second (expected));
        }
      /* other forms still read, through GDateTime */
      {
        lxw_datetime dt;

        g_assert_true (_awb_xlsx_timestamp_parse (&ctx, "2026-05-01T10:00:00+02:00", &dt));
        g_assert_false (_awb_xlsx_timestamp_parse (&ctx, "yesterday", &dt));
      }
      g_clear_pointer (&ctx.utc, g_time_zone_unref);
      g_clear_pointer (&ctx.local, g_time_zone_unref);
    }
  g_setenv ("TZ", "UTC", TRUE);
}

static void
test_page_text (void)
{
  g_autofree char *a = _awb_xlsx_escape_page_text ("R&D 示例", 255);
  g_autofree char *b = _awb_xlsx_escape_page_text ("a&b&c", 4);
  g_autofree char *long_name = g_strnfill (400, 'x');
  g_autofree char *c = _awb_xlsx_escape_page_text (long_name, 200);

  g_assert_cmpstr (a, ==, "R&&D 示例");
  /* never cut inside "&&" */
  g_assert_cmpstr (b, ==, "a&&b");
  g_assert_cmpint (g_utf8_strlen (c, -1), ==, 200);
}

static void
test_export (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "case.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbXlsxResult) result = NULL;
  static const char * const names[] = {
    "Summary", "Requirements", "Evidence", "Findings", "Registers", "Panel review",
  };

  insert_evidence (f->db, 30, 200);
  /* a unique prefix names the case */
  result = awb_xlsx_export_case (f->db, "6a1f3c2e", path, AWB_XLSX_NONE, NULL, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpstr (result->case_id, ==, CASE_ID);
  g_assert_cmpuint (result->sheets->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (((AwbXlsxSheet *) result->sheets->pdata[i])->name, ==, names[i]);
  g_assert_cmpuint (((AwbXlsxSheet *) result->sheets->pdata[1])->rows, ==, 42);
  g_assert_cmpuint (((AwbXlsxSheet *) result->sheets->pdata[2])->rows, ==, 30);
  assert_is_xlsx (path);
  g_assert_cmpint (result->size, >, 1000);

  /* nothing else is left in the folder: no temporary file of ours or libxlsxwriter's */
  g_assert_cmpuint (count_files (f->out), ==, 1);
}

static void
test_portfolio (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "all.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbXlsxResult) result = NULL;

  insert_case (f->db, "0c9e8b1a-5f27-4d3c-8e6a-1b2c3d4e5f60", "另一家公司");
  result = awb_xlsx_export_portfolio (f->db, path, AWB_XLSX_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (result->case_id);
  g_assert_cmpuint (result->sheets->len, ==, 1);
  g_assert_cmpstr (((AwbXlsxSheet *) result->sheets->pdata[0])->name, ==, "Cases");
  g_assert_cmpuint (((AwbXlsxSheet *) result->sheets->pdata[0])->rows, ==, 2);
  assert_is_xlsx (path);
  g_assert_cmpuint (count_files (f->out), ==, 1);
}

static void
test_missing_folder (Fixture      *f,
                     gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "missing", "case.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbXlsxResult) result = NULL;

  result = awb_xlsx_export_case (f->db, CASE_ID, path, AWB_XLSX_NONE, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_nonnull (strstr (error->message, "missing"));
  g_assert_cmpuint (count_files (f->out), ==, 0);
}

static void
test_existing_file (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "case.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbXlsxResult) result = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));
  result = awb_xlsx_export_case (f->db, CASE_ID, path, AWB_XLSX_NONE, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, AWB_ERROR, AWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpuint (count_files (f->out), ==, 1);
  g_clear_error (&error);

  /* replaced only when asked */
  result = awb_xlsx_export_case (f->db, CASE_ID, path, AWB_XLSX_FORCE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_is_xlsx (path);
  g_assert_cmpuint (count_files (f->out), ==, 1);
}

static void
test_refusals (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *txt = g_build_filename (f->out, "case.txt", NULL);
  g_autofree char *ok = g_build_filename (f->out, "case.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (awb_xlsx_export_case (f->db, CASE_ID, txt, AWB_XLSX_NONE, NULL, NULL, NULL,
                                       &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "case.txt"));
  g_clear_error (&error);

  g_assert_null (awb_xlsx_export_case (f->db, "ffffffff-0000", ok, AWB_XLSX_NONE, NULL, NULL,
                                       NULL, &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "ffffffff-0000"));
  g_clear_error (&error);

  /* a folder where the file should go */
  g_assert_cmpint (g_mkdir (ok, 0755), ==, 0);
  g_assert_null (awb_xlsx_export_case (f->db, CASE_ID, ok, AWB_XLSX_FORCE, NULL, NULL, NULL,
                                       &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_EXISTS);
  g_assert_cmpuint (count_files (f->out), ==, 1);
}

/* Root writes anywhere: the read-only check then runs as "nobody". */
static void
drop_privileges (Fixture *f)
{
  g_autofree char *db = g_build_filename (f->dir, "w.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autoptr(GError) error = NULL;

  if (geteuid () != 0)
    return;
  /* nobody owns the test's files (and can remove them afterwards), but the
   * output folder stays 0555: not writable, even by its owner */
  g_clear_object (&f->db);
  g_assert_cmpint (chown (f->dir, 65534, 65534), ==, 0);
  g_assert_cmpint (chown (f->out, 65534, 65534), ==, 0);
  g_assert_cmpint (chown (db, 65534, 65534), ==, 0);
  if (chown (wal, 65534, 65534) != 0 && errno != ENOENT)
    g_error ("chown %s: %s", wal, g_strerror (errno));
  if (chown (shm, 65534, 65534) != 0 && errno != ENOENT)
    g_error ("chown %s: %s", shm, g_strerror (errno));
  g_assert_cmpint (setgid (65534), ==, 0);
  g_assert_cmpint (setuid (65534), ==, 0);
  f->db = awb_database_open (db, &error);
  g_assert_no_error (error);
}

static void
test_read_only_folder (Fixture      *f,
                       gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "case.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpint (g_chmod (f->out, 0555), ==, 0);
  drop_privileges (f);
  g_assert_null (awb_xlsx_export_case (f->db, CASE_ID, path, AWB_XLSX_NONE, NULL, NULL, NULL,
                                       &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_assert_nonnull (strstr (error->message, f->out));
  g_assert_cmpuint (count_files (f->out), ==, 0);
}

/* A full disk, as far as a test can make one: a file size limit. The export
 * fails with a message, and leaves no file. */
static void
test_disk_full (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "case.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 256 * 1024, 256 * 1024 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  insert_evidence (f->db, 1500, 400);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_null (awb_xlsx_export_case (f->db, CASE_ID, path, AWB_XLSX_NONE, NULL, NULL, NULL,
                                       &error));
  g_assert_error (error, AWB_ERROR, AWB_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Nothing was written"));
  g_assert_cmpuint (count_files (f->out), ==, 0);
}

static void
cancel_on_progress (double      fraction,
                    const char *what,
                    gpointer    user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "case.xlsx", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  insert_evidence (f->db, 2000, 20);
  g_assert_null (awb_xlsx_export_case (f->db, CASE_ID, path, AWB_XLSX_NONE, cancellable,
                                       cancel_on_progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (f->out), ==, 0);
}

typedef struct
{
  GMainLoop     *loop;
  AwbXlsxResult *result;
  GError        *error;
  double         last;
  guint          calls;
  gboolean       notified;
  GThread       *main_thread;
} AsyncState;

static void
on_progress (double      fraction,
             const char *what,
             gpointer    user_data)
{
  AsyncState *s = user_data;

  /* delivered in the caller's main context, in order */
  g_assert_true (g_thread_self () == s->main_thread);
  g_assert_cmpfloat (fraction, >=, s->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  s->last = fraction;
  s->calls++;
}

static void
on_progress_notify (gpointer user_data)
{
  AsyncState *s = user_data;

  s->notified = TRUE;
}

static void
on_done (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  AsyncState *s = user_data;

  s->result = awb_xlsx_export_finish (res, &s->error);
  g_main_loop_quit (s->loop);
}

static void
test_async (Fixture      *f,
            gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "case.xlsx", NULL);
  AsyncState s = { 0 };

  insert_evidence (f->db, 3000, 50);
  s.loop = g_main_loop_new (NULL, FALSE);
  s.main_thread = g_thread_self ();
  awb_xlsx_export_case_async (f->db, CASE_ID, path, AWB_XLSX_NONE, NULL, on_progress, &s,
                              on_progress_notify, on_done, &s);
  g_main_loop_run (s.loop);
  /* progress updates queued before the end may still be pending */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (s.error);
  g_assert_nonnull (s.result);
  g_assert_cmpuint (((AwbXlsxSheet *) s.result->sheets->pdata[2])->rows, ==, 3000);
  g_assert_cmpuint (s.calls, >, 10);
  g_assert_cmpfloat (s.last, ==, 1.0);
  assert_is_xlsx (path);
  awb_xlsx_result_free (s.result);
  g_main_loop_unref (s.loop);
  /* the task, and with it the progress data, is released once the worker is done */
  for (guint i = 0; i < 500 && !s.notified; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_true (s.notified);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("AWB_TODAY", "2026-06-01", TRUE);

  g_test_add_func ("/xlsx/cell-text", test_cell_text);
  g_test_add_func ("/xlsx/page-text", test_page_text);
  g_test_add_func ("/xlsx/timestamps", test_timestamps);
  g_test_add ("/xlsx/export", Fixture, NULL, setup, test_export, teardown);
  g_test_add ("/xlsx/portfolio", Fixture, NULL, setup, test_portfolio, teardown);
  g_test_add ("/xlsx/missing-folder", Fixture, NULL, setup, test_missing_folder, teardown);
  g_test_add ("/xlsx/existing-file", Fixture, NULL, setup, test_existing_file, teardown);
  g_test_add ("/xlsx/refusals", Fixture, NULL, setup, test_refusals, teardown);
  g_test_add ("/xlsx/read-only-folder", Fixture, NULL, setup, test_read_only_folder, teardown);
  g_test_add ("/xlsx/disk-full", Fixture, NULL, setup, test_disk_full, teardown);
  g_test_add ("/xlsx/cancel", Fixture, NULL, setup, test_cancel, teardown);
  g_test_add ("/xlsx/async", Fixture, NULL, setup, test_async, teardown);
  return g_test_run ();
}
