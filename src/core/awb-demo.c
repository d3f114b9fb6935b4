/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awb-assessment.h"
#include "awb-case.h"
#include "awb-credit-code.h"
#include "awb-dates.h"
#include "awb-demo.h"
#include "awb-evidence.h"
#include "awb-finding.h"
#include "awb-locale.h"
#include "awb-project.h"
#include "awb-staff.h"

/* Builds the demo case through the same core functions as the CLI and the
 * window, so it is an ordinary case (marked is_demo) that a first-time user
 * can explore and change: some requirements are rated and backed, one is
 * contradicted, one lacks a method, most are still to do. Texts follow the
 * locale in which the demo is created. */

#define ACTOR "Demo"

typedef struct
{
  const char *requirement;
  AwbMethod   method;
  AwbSupports supports;
  const char *title_zh;
  const char *title_en;
  const char *observation_zh;
  const char *observation_en;
  const char *field;         /* method field key, or NULL */
  const char *value_zh;
  const char *value_en;
  int         days_ago;
} DemoEvidence;

static const DemoEvidence evidence[] = {
  { "3.1-1", AWB_METHOD_DOCUMENT, AWB_SUPPORTS_YES,
    "营业执照（副本）", "Business licence (copy)",
    "统一社会信用代码与申请书一致，经营范围含信息安全服务。",
    "The credit code matches the application; the business scope covers information security services.",
    "work-product", "营业执照", "Business licence", 12 },
  { "3.2.1-1", AWB_METHOD_DOCUMENT, AWB_SUPPORTS_YES,
    "管理体系手册 V3.1", "Management system manual v3.1",
    "手册覆盖云安全服务全过程，已发布并受控。",
    "The manual covers the whole cloud security service process and is released under control.",
    "version", "V3.1", "v3.1", 11 },
  { "3.2.1-1", AWB_METHOD_INTERVIEW, AWB_SUPPORTS_YES,
    "质量负责人访谈", "Interview with the quality manager",
    "能说明体系运行、内审与管理评审的安排。",
    "Explained how the system runs, internal audits and management reviews.",
    "interviewee", "李敏（质量负责人）", "Li Min (quality manager)", 10 },
  { "3.2.3-5", AWB_METHOD_DOCUMENT, AWB_SUPPORTS_YES,
    "员工花名册与社保缴纳记录", "Staff roster and social insurance records",
    "五名注册人员中四名为全职并连续缴纳社保。",
    "Four of the five registered professionals are full-time with social insurance paid.",
    "work-product", "花名册、社保记录", "Roster, social insurance records", 10 },
  { "3.2.3-5", AWB_METHOD_INTERVIEW, AWB_SUPPORTS_YES,
    "抽样人员访谈", "Interviews with sampled staff",
    "抽查两名 CISP 持证人员，确认其在职并承担云安全项目。",
    "Two CISP holders sampled: both employed and working on cloud security projects.",
    "interviewee", "王强、赵磊", "Wang Qiang, Zhao Lei", 9 },
  { "3.3-2", AWB_METHOD_DOCUMENT, AWB_SUPPORTS_YES,
    "抽样项目风险评估报告", "Risk assessment report of a sampled project",
    "报告包含资产识别、威胁分析、风险处置计划及持续监测安排。",
    "The report covers assets, threats, a treatment plan and continuous monitoring.",
    "work-product", "风险评估报告", "Risk assessment report", 8 },
  { "3.3-2", AWB_METHOD_INTERVIEW, AWB_SUPPORTS_YES,
    "风险评估负责人访谈", "Interview with the risk assessment lead",
    "能说明评估方法、准则及监测指标的来源。",
    "Explained the method, the criteria and where the monitoring indicators come from.",
    "interviewee", "陈晓（风险评估负责人）", "Chen Xiao (risk assessment lead)", 8 },
  { "3.3-2", AWB_METHOD_DEMONSTRATION, AWB_SUPPORTS_YES,
    "持续监测平台演示", "Continuous monitoring platform shown live",
    "现场演示告警规则配置与风险看板，数据与报告一致。",
    "Alert rules and the risk dashboard shown live; the figures match the report.",
    "environment", "云安全监测平台", "Cloud security monitoring platform", 7 },
  { "3.3-5", AWB_METHOD_DOCUMENT, AWB_SUPPORTS_NO,
    "应急预案与演练记录", "Emergency plan and drill records",
    "预案存在，但近一年无演练记录。",
    "A plan exists, but there is no drill record for the last year.",
    "work-product", "应急预案", "Emergency plan", 6 },
  { "3.3-5", AWB_METHOD_INTERVIEW, AWB_SUPPORTS_PARTLY,
    "运维负责人访谈", "Interview with the operations lead",
    "承认演练计划因项目繁忙推迟。",
    "Confirmed that the drill was postponed because of project load.",
    "interviewee", "周宁（运维负责人）", "Zhou Ning (operations lead)", 6 },
  { "3.4-1", AWB_METHOD_DOCUMENT, AWB_SUPPORTS_YES,
    "项目质量保证计划与检查记录", "Project QA plan and check records",
    "抽样项目有质量保证计划和两次检查记录。",
    "The sampled project has a QA plan and two check records.",
    "work-product", "质量保证计划", "QA plan", 5 },
  { "3.4-1", AWB_METHOD_INTERVIEW, AWB_SUPPORTS_YES,
    "项目经理访谈", "Interview with the project manager",
    "能说明质量检查点及不符合项的跟踪。",
    "Explained the quality checkpoints and how nonconformities are tracked.",
    "interviewee", "孙悦（项目经理）", "Sun Yue (project manager)", 5 },
  { "3.2.4-3", AWB_METHOD_DEMONSTRATION, AWB_SUPPORTS_YES,
    "测试环境现场查看", "Test environment visited",
    "测试与仿真环境可用，设备清单与现场一致。",
    "The test and simulation environment works; the equipment list matches what was seen.",
    "environment", "测试实验室", "Test laboratory", 4 },
};

typedef struct
{
  const char *requirement;
  AwbRating   rating;
  const char *rationale_zh;
  const char *rationale_en;
} DemoRating;

static const DemoRating ratings[] = {
  { "3.1-1", AWB_RATING_CONFORMANT, "营业执照有效，独立法人。", "Valid business licence; an independent legal entity." },
  { "3.2.1-1", AWB_RATING_CONFORMANT, "体系文件完备并运行。", "The management system is documented and in use." },
  { "3.2.3-5", AWB_RATING_CONFORMANT, "四名全职注册人员有效。", "Four full-time registered professionals hold valid certificates." },
  { "3.3-2", AWB_RATING_CONFORMANT, "三种方法相互印证。", "All three methods corroborate each other." },
  { "3.3-5", AWB_RATING_LARGELY, "预案存在但演练缺失，需整改。", "The plan exists but the drill is missing: rectification needed." },
};

static const char *
pick (const char *zh,
      const char *en)
{
  return awb_locale_pick (zh, en);
}

static char *
days_ago (int days)
{
  GDate date;

  awb_date_today (&date);
  if (days >= 0)
    g_date_subtract_days (&date, days);
  else
    g_date_add_days (&date, -days);
  return awb_date_format (&date);
}

static char *
credit_code (void)
{
  const char *first17 = "91310115MA1K3YJ12";

  return g_strdup_printf ("%s%c", first17, awb_credit_code_check_char (first17));
}

static gboolean
add_evidence (AwbDatabase        *db,
              const char         *case_id,
              const DemoEvidence *item,
              GError            **error)
{
  AwbEvidenceNew params = { 0 };
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_evidence_link_free);
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *observed = days_ago (item->days_ago);
  g_autofree char *id = NULL;

  g_ptr_array_add (links, awb_evidence_link_new (item->requirement, item->supports));
  if (item->field != NULL)
    g_hash_table_insert (fields, (gpointer) item->field,
                         (gpointer) pick (item->value_zh, item->value_en));
  params.method = item->method;
  params.title = pick (item->title_zh, item->title_en);
  params.observation = pick (item->observation_zh, item->observation_en);
  params.evaluator = pick ("刘洋", "Liu Yang");
  params.observed_on = observed;
  params.links = links;
  params.fields = fields;
  params.actor = ACTOR;
  id = awb_evidence_add (db, case_id, &params, error);
  return id != NULL;
}

char *
awb_demo_create (AwbDatabase *db,
                 GError     **error)
{
  static const struct { AwbCaseDate kind; int days; } dates[] = {
    { AWB_CASE_DATE_RECEIVED, 75 },
    { AWB_CASE_DATE_REVIEW_SENT, 68 },
    { AWB_CASE_DATE_SUPPLEMENT_RECEIVED, 55 },
    { AWB_CASE_DATE_AGREEMENT, 40 },
    { AWB_CASE_DATE_PAID, 35 },
    { AWB_CASE_DATE_EVALUATION_START, 14 },
  };
  static const struct { const char *zh, *en; gboolean full_time; const char *no; int valid_days; } staff[] = {
    { "王强", "Wang Qiang", TRUE, "CISP-2021-0458", 400 },
    { "赵磊", "Zhao Lei", TRUE, "CISP-2022-1137", 700 },
    { "陈晓", "Chen Xiao", TRUE, "CISP-2020-0921", 120 },
    { "孙悦", "Sun Yue", TRUE, "CISP-2023-0310", 900 },
    { "吴迪", "Wu Di", FALSE, "CISP-2019-0777", -30 },
  };
  static const struct { const char *client_zh, *client_en, *service_zh, *service_en; int from, to; gboolean ok; } projects[] = {
    { "某市大数据中心", "A city big-data centre", "云平台安全评估", "Cloud platform security assessment", 700, 640, TRUE },
    { "某银行", "A commercial bank", "云上应用安全加固", "Cloud application hardening", 500, 420, TRUE },
    { "某医院", "A hospital", "云安全运维", "Cloud security operations", 300, 60, TRUE },
  };
  const char *evaluators[] = { NULL, NULL, NULL };
  AwbCaseNew params = { 0 };
  g_autofree char *code = credit_code ();
  g_autofree char *case_id = NULL;
  g_autofree char *finding = NULL;
  g_autofree char *due = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  evaluators[0] = pick ("刘洋", "Liu Yang");
  evaluators[1] = pick ("郑婷", "Zheng Ting");
  params.applicant = pick ("云衡安全技术有限公司（演示）", "Yunheng Security Technology Co., Ltd. (demo)");
  params.credit_code = code;
  params.app_type = "initial";
  params.leader = pick ("黄伟", "Huang Wei");
  params.evaluators = evaluators;
  params.is_demo = TRUE;
  params.actor = ACTOR;
  case_id = awb_case_create (db, &params, error);
  if (case_id == NULL)
    return NULL;

  for (AwbCheck c = 0; c < AWB_N_CHECKS; c++)
    if (!awb_case_check (db, case_id, awb_check_to_string (c), ACTOR, error))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *date = days_ago (dates[i].days);

      if (!awb_case_set_date (db, case_id, awb_case_date_to_string (dates[i].kind), date, ACTOR,
                              error))
        return NULL;
    }
  if (!awb_case_advance (db, case_id, awb_stage_to_string (AWB_STAGE_EVALUATION), NULL, ACTOR,
                         error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autofree char *valid = days_ago (-staff[i].valid_days);
      g_autofree char *id = awb_staff_add (db, case_id, pick (staff[i].zh, staff[i].en),
                                           staff[i].full_time, NULL, staff[i].no, valid, ACTOR,
                                           error);
      if (id == NULL)
        return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autofree char *from = days_ago (projects[i].from);
      g_autofree char *to = days_ago (projects[i].to);
      g_autofree char *id = awb_project_add (db, case_id,
                                             pick (projects[i].client_zh, projects[i].client_en),
                                             pick (projects[i].service_zh, projects[i].service_en),
                                             from, to, projects[i].ok, ACTOR, error);
      if (id == NULL)
        return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (evidence); i++)
    if (!add_evidence (db, case_id, &evidence[i], error))
      return NULL;

  due = days_ago (-30);
  finding = awb_finding_add (db, case_id, "3.3-5", AWB_FINDING_NONCONFORMITY,
                             pick ("近一年未开展应急演练", "No emergency drill in the last year"),
                             pick ("制定演练计划并完成一次桌面演练", "Plan and hold a tabletop drill"),
                             due, ACTOR, error);
  if (finding == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    if (!awb_rating_set (db, case_id, ratings[i].requirement, ratings[i].rating,
                         pick (ratings[i].rationale_zh, ratings[i].rationale_en), ACTOR, error))
      return NULL;

  return g_steal_pointer (&case_id);
}
