/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-generate"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "awb-catalogue.h"
#include "awb-catalogue-registry.h"
#include "awb-database-private.h"

/* Writes a realistic, fully assessed case with N evidence items into a new
 * workbench database, for the benchmarks: items spread over the 42
 * requirements by their methods, with method fields, observations of a few
 * hundred characters in Chinese and English, some attachments, links to one
 * or two requirements; ratings, findings, staff and project registers and a
 * panel of three with reviews and votes. Bulk SQL in one transaction (the
 * history is not written: the benchmark exports, it does not verify).
 *
 *   awb-generate --db FILE [--items N] [--seed S]    prints the case id */

#define CASE_ID "b0000000-0000-4000-8000-000000000001"

static const char * const words_en[] = {
  "procedure", "record", "review", "platform", "cloud", "tenant", "access", "control", "log",
  "incident", "drill", "supplier", "contract", "risk", "register", "backup", "recovery",
  "vulnerability", "scan", "patch", "baseline", "audit", "report", "approval", "training",
  "engineer", "project", "milestone", "quality", "check", "signed", "version", "monthly",
  "sampled", "interviewed", "demonstrated", "configuration", "encryption", "key", "network",
};
static const char * const words_zh[] = {
  "管理制度", "记录", "评审", "云平台", "租户", "访问控制", "日志", "安全事件", "应急演练",
  "供应商", "合同", "风险评估", "备份", "恢复", "漏洞扫描", "补丁", "基线", "审计", "报告",
  "审批", "培训", "工程师", "项目", "里程碑", "质量检查", "签字", "版本", "抽样",
};
static const char * const people[] = {
  "王磊", "李娜", "Chen Jie", "Zhao Min", "Sun Yu", "刘洋", "Zhou Qiang", "黄敏",
};
static const char * const methods[] = { "document", "interview", "demonstration" };

static void
sentence (GRand   *rand,
          GString *out,
          guint    min_len,
          guint    max_len)
{
  guint target = (guint) g_rand_int_range (rand, (gint32) min_len, (gint32) max_len);

  while (out->len < target)
    {
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append (out, words_zh[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_zh))]);
      else
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, words_en[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_en))]);
        }
      if (g_rand_int_range (rand, 0, 12) == 0)
        g_string_append (out, ". ");
    }
  g_string_append_c (out, '.');
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      fprintf (stderr, "awb-generate: %s: %s\n", sql, msg);
      exit (1);
    }
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "awb-generate: %s: %s\n", sql, sqlite3_errmsg (db));
      exit (1);
    }
  return stmt;
}

static void
step (sqlite3      *db,
      sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      fprintf (stderr, "awb-generate: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
bind (sqlite3_stmt *stmt,
      int           i,
      const char   *text)
{
  sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
}

static char *
timestamp (GRand *rand,
           guint  day)
{
  return g_strdup_printf ("2026-%02u-%02uT%02d:%02d:%02d.000000Z", 3 + day / 28, 1 + day % 28,
                          g_rand_int_range (rand, 1, 10), g_rand_int_range (rand, 0, 60),
                          g_rand_int_range (rand, 0, 60));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  gint64 items = 100000;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "The database to create", "FILE" },
    { "items", 0, 0, G_OPTION_ARG_INT64, &items, "Evidence items (default 100000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- generate a benchmark case");
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) awb = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  AwbCatalogue *cat;
  guint n_req;
  sqlite3 *db;
  sqlite3_stmt *ev, *link, *att, *rate, *finding, *staff, *project, *member, *review, *vote;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || items < 0)
    {
      fprintf (stderr, "awb-generate: %s\n", error != NULL ? error->message
                                                           : "give --db FILE (and --items N)");
      return 1;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "awb-generate: %s exists; give a new file\n", path);
      return 1;
    }

  awb = awb_database_open (path, &error);
  if (awb == NULL)
    {
      fprintf (stderr, "awb-generate: %s\n", error->message);
      return 1;
    }
  cat = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (),
                                       "cnitsec-cloud-l1-2025", NULL, &error);
  if (cat == NULL)
    {
      fprintf (stderr, "awb-generate: %s\n", error->message);
      return 1;
    }
  n_req = awb_catalogue_get_n_requirements (cat);
  rand = g_rand_new_with_seed ((guint32) seed);
  db = _awb_database_get_handle (awb);

  exec_sql (db, "PRAGMA synchronous = OFF");
  exec_sql (db, "BEGIN");
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO cases (id, catalogue_id, catalogue_version, applicant, credit_code, app_type, "
      "stage, created_at, updated_at) VALUES ('%s', '%s', '%s', '基准云安全服务有限公司', "
      "'91350100M000100Y43', 'initial', 'evaluation', '2026-01-05T08:00:00Z', "
      "'2026-05-20T08:00:00Z')", CASE_ID, awb_catalogue_get_id (cat),
      awb_catalogue_get_version (cat));
    exec_sql (db, sql);
  }
  exec_sql (db, "INSERT INTO team_members (id, case_id, name, role, created_at) VALUES "
                "('b1000000-0000-4000-8000-000000000001', '" CASE_ID "', '王磊', 'leader', "
                "'2026-01-05T08:00:00Z'), ('b1000000-0000-4000-8000-000000000002', '" CASE_ID
                "', '李娜', 'evaluator', '2026-01-05T08:00:00Z')");
  exec_sql (db, "INSERT INTO case_dates (case_id, kind, date, actor, at) VALUES "
                "('" CASE_ID "', 'received', '2026-01-12', 'bench', '2026-01-12T08:00:00Z'), "
                "('" CASE_ID "', 'agreement', '2026-02-16', 'bench', '2026-02-16T08:00:00Z'), "
                "('" CASE_ID "', 'paid', '2026-02-20', 'bench', '2026-02-20T08:00:00Z'), "
                "('" CASE_ID "', 'evaluation-start', '2026-03-02', 'bench', "
                "'2026-03-02T08:00:00Z')");

  ev = prepare (db, "INSERT INTO evidence (id, case_id, method, title, observation, evaluator, "
                    "observed_on, recorded_at, updated_at, version, work_product, location, "
                    "interviewee, role, topics, summary, environment, operated, operator, "
                    "outcome) VALUES (?1, '" CASE_ID "', ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, "
                    "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
  link = prepare (db, "INSERT INTO evidence_links (evidence_id, requirement_id, supports) "
                      "VALUES (?, ?, ?)");
  att = prepare (db, "INSERT INTO attachments (id, evidence_id, sha256, name, size, content_type, "
                     "added_at) VALUES (?, ?, ?, ?, ?, 'application/pdf', ?)");

  for (gint64 i = 0; i < items; i++)
    {
      guint r = (guint) g_rand_int_range (rand, 0, (gint32) n_req);
      AwbRequirement *req = awb_catalogue_get_requirement (cat, r);
      guint allowed = awb_requirement_get_methods (req) | AWB_METHOD_BIT (AWB_METHOD_INTERVIEW);
      guint m;
      guint day = (guint) g_rand_int_range (rand, 0, 80);
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *ts = timestamp (rand, day);
      g_autofree char *observed = g_strdup_printf ("2026-%02u-%02u", 3 + day / 28, 1 + day % 28);
      g_autofree char *title = NULL;

      do
        m = (guint) g_rand_int_range (rand, 0, AWB_N_METHODS);
      while ((allowed & AWB_METHOD_BIT (m)) == 0);

      g_string_truncate (text, 0);
      sentence (rand, text, 12, 40);
      title = g_strdup (text->str);
      g_string_truncate (text, 0);
      sentence (rand, text, 120, 480);

      bind (ev, 1, id);
      bind (ev, 2, methods[m]);
      bind (ev, 3, title);
      bind (ev, 4, text->str);
      bind (ev, 5, people[g_rand_int_range (rand, 0, G_N_ELEMENTS (people))]);
      bind (ev, 6, observed);
      bind (ev, 7, ts);
      if (m == AWB_METHOD_DOCUMENT)
        {
          bind (ev, 8, "V1.2");
          bind (ev, 9, "管理制度 / procedure");
          bind (ev, 10, "Archive room 2");
        }
      else if (m == AWB_METHOD_INTERVIEW)
        {
          g_autoptr(GString) s = g_string_new (NULL);

          sentence (rand, s, 60, 200);
          bind (ev, 11, people[g_rand_int_range (rand, 0, G_N_ELEMENTS (people))]);
          bind (ev, 12, "Process owner");
          bind (ev, 13, "risk, incidents, suppliers");
          bind (ev, 14, s->str);
        }
      else
        {
          bind (ev, 15, "Cloud management platform (test tenant)");
          bind (ev, 16, "Vulnerability scan and patch deployment");
          bind (ev, 17, people[g_rand_int_range (rand, 0, G_N_ELEMENTS (people))]);
          bind (ev, 18, "Worked as described in the procedure");
        }
      step (db, ev);

      bind (link, 1, id);
      bind (link, 2, awb_requirement_get_id (req));
      bind (link, 3, g_rand_int_range (rand, 0, 20) == 0 ? "partly" : "yes");
      step (db, link);
      if (g_rand_int_range (rand, 0, 8) == 0)
        {
          AwbRequirement *other = awb_catalogue_get_requirement (cat, (r + 1) % n_req);

          bind (link, 1, id);
          bind (link, 2, awb_requirement_get_id (other));
          bind (link, 3, "yes");
          step (db, link);
        }
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          g_autofree char *aid = g_uuid_string_random ();
          g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, aid, -1);
          g_autofree char *name = g_strdup_printf ("evidence-%06" G_GINT64_FORMAT ".pdf", i);

          bind (att, 1, aid);
          bind (att, 2, id);
          bind (att, 3, sha);
          bind (att, 4, name);
          sqlite3_bind_int64 (att, 5, g_rand_int_range (rand, 20000, 4000000));
          bind (att, 6, ts);
          step (db, att);
        }
    }

  rate = prepare (db, "INSERT INTO ratings (id, case_id, requirement_id, rating, rationale, actor, "
                      "at) VALUES (?, '" CASE_ID "', ?, ?, ?, '王磊', '2026-05-10T08:00:00Z')");
  finding = prepare (db, "INSERT INTO findings (id, case_id, requirement_id, kind, text, action, "
                         "due, status, actor, created_at, updated_at) VALUES (?, '" CASE_ID
                         "', ?, ?, ?, ?, ?, ?, '王磊', '2026-05-10T08:00:00Z', "
                         "'2026-05-10T08:00:00Z')");
  for (guint r = 0; r < n_req; r++)
    {
      AwbRequirement *req = awb_catalogue_get_requirement (cat, r);
      g_autofree char *rid = g_uuid_string_random ();
      gboolean largely = r % 9 == 4;

      g_string_truncate (text, 0);
      sentence (rand, text, 60, 200);
      bind (rate, 1, rid);
      bind (rate, 2, awb_requirement_get_id (req));
      bind (rate, 3, largely ? "largely" : "conformant");
      bind (rate, 4, text->str);
      step (db, rate);
      if (largely || r % 7 == 3)
        {
          g_autofree char *fid = g_uuid_string_random ();

          bind (finding, 1, fid);
          bind (finding, 2, awb_requirement_get_id (req));
          bind (finding, 3, largely ? "nonconformity" : "observation");
          bind (finding, 4, text->str);
          bind (finding, 5, "Apply the procedure to every tenant and keep the records");
          bind (finding, 6, largely ? "2026-08-31" : "2026-05-15");
          bind (finding, 7, "open");
          step (db, finding);
        }
    }

  staff = prepare (db, "INSERT INTO staff (id, case_id, name, full_time, cert_kind, cert_no, "
                       "valid_until, created_at, updated_at) VALUES (?, '" CASE_ID "', ?, ?, "
                       "'CISP', ?, '2028-12-31', '2026-03-03T08:00:00Z', '2026-03-03T08:00:00Z')");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *sid = g_uuid_string_random ();
      g_autofree char *cert = g_strdup_printf ("CISP-2025-%04u", 100 + i);

      bind (staff, 1, sid);
      bind (staff, 2, people[i]);
      sqlite3_bind_int (staff, 3, i != 3);
      bind (staff, 4, cert);
      step (db, staff);
    }
  project = prepare (db, "INSERT INTO projects (id, case_id, client, service, from_date, to_date, "
                         "accepted, created_at, updated_at) VALUES (?, '" CASE_ID "', ?, "
                         "'Cloud security assessment', ?, ?, 1, '2026-03-03T08:00:00Z', "
                         "'2026-03-03T08:00:00Z')");
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *pid = g_uuid_string_random ();
      g_autofree char *client = g_strdup_printf ("Client %c Ltd", 'A' + i);
      g_autofree char *from = g_strdup_printf ("%u-03-01", 2023 + i / 2);
      g_autofree char *to = g_strdup_printf ("%u-09-30", 2023 + i / 2);

      bind (project, 1, pid);
      bind (project, 2, client);
      bind (project, 3, from);
      bind (project, 4, to);
      step (db, project);
    }

  member = prepare (db, "INSERT INTO panel_members (id, case_id, name, affiliation, role, "
                        "created_at) VALUES (?, '" CASE_ID "', ?, 'Institute', ?, "
                        "'2026-05-25T08:00:00Z')");
  review = prepare (db, "INSERT INTO panel_reviews (id, case_id, member_id, scope, sufficient, "
                        "reasonable, comment, at) VALUES (?, '" CASE_ID "', ?, ?, 1, 1, '', "
                        "'2026-05-26T08:00:00Z')");
  vote = prepare (db, "INSERT INTO panel_votes (id, case_id, member_id, vote, comment, at) "
                      "VALUES (?, '" CASE_ID "', ?, 'pass', '', '2026-05-26T09:00:00Z')");
  for (guint i = 0; i < 3; i++)
    {
      static const char * const names[] = { "张伟", "Lin Hui", "Ma Rui" };
      g_autofree char *mid = g_uuid_string_random ();
      g_autofree char *rid = g_uuid_string_random ();

      bind (member, 1, mid);
      bind (member, 2, names[i]);
      bind (member, 3, i == 0 ? "chair" : "member");
      step (db, member);
      bind (review, 1, rid);
      bind (review, 2, mid);
      bind (review, 3, "overall");
      step (db, review);
      if (i < 2)
        {
          g_autofree char *vid = g_uuid_string_random ();

          bind (vote, 1, vid);
          bind (vote, 2, mid);
          step (db, vote);
        }
    }

  sqlite3_finalize (ev);
  sqlite3_finalize (link);
  sqlite3_finalize (att);
  sqlite3_finalize (rate);
  sqlite3_finalize (finding);
  sqlite3_finalize (staff);
  sqlite3_finalize (project);
  sqlite3_finalize (member);
  sqlite3_finalize (review);
  sqlite3_finalize (vote);
  exec_sql (db, "COMMIT");
  exec_sql (db, "PRAGMA wal_checkpoint(TRUNCATE)");

  printf ("%s\n", CASE_ID);
  return 0;
}
