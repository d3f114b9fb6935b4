#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""awb conclude, awb statement, awb panel …, awb case reopen.

The records behind a conclusion are written straight into the database here
(see Records), so that these commands are tested on their own; the whole-case
test at the end drives every step through the command line."""

import json
import os
import sqlite3
import sys
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from awbcli import Workbench, run_tests  # noqa: E402

TODAY = "2026-05-01"
NOW = "2026-01-05T09:00:00.000000Z"


class Records:
    """Rows written straight into the schema, committed."""

    def __init__(self, wb):
        self.wb = wb
        wb.run("conclude", "00000000")  # creates the database
        cats = wb.ok("catalogue", "list", "--json").json()
        cat = [c for c in cats if c["id"] == "cnitsec-cloud-l1-2025"][0]
        self.catalogue = (cat["id"], cat["version"])
        self.requirements = [r["id"] for s in wb.ok("catalogue", "show", cat["id"], "--json")
                             .json()["sections"] for r in s.get("requirements", [])]
        assert len(self.requirements) == 42, self.requirements

    def exec(self, sql, *params):
        con = sqlite3.connect(self.wb.db)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            con.execute(sql, params)
            con.commit()
        finally:
            con.close()

    def case(self, received="2026-04-01", evaluation_start="2026-04-01"):
        cid = str(uuid.uuid4())
        self.exec("INSERT INTO cases (id, catalogue_id, catalogue_version, applicant, credit_code, "
                  "stage, created_at, updated_at) VALUES (?, ?, ?, '示例云安全科技有限公司', "
                  "'91350100M000100Y43', 'evaluation', ?, ?)", cid, *self.catalogue, NOW, NOW)
        for kind, date in (("received", received), ("evaluation-start", evaluation_start)):
            if date:
                self.exec("INSERT INTO case_dates (case_id, kind, date, actor, at) "
                          "VALUES (?, ?, ?, 'Tester', ?)", cid, kind, date, NOW)
        return cid

    def evidence(self, cid, method, req, supports="yes"):
        eid = str(uuid.uuid4())
        self.exec("INSERT INTO evidence (id, case_id, method, title, recorded_at, updated_at) "
                  "VALUES (?, ?, ?, 'Item', ?, ?)", eid, cid, method, NOW, NOW)
        self.exec("INSERT INTO evidence_links (evidence_id, requirement_id, supports) "
                  "VALUES (?, ?, ?)", eid, req, supports)
        return eid

    def rate(self, cid, req, rating, rationale=""):
        self.exec("DELETE FROM ratings WHERE case_id = ? AND requirement_id = ?", cid, req)
        if rating:
            self.exec("INSERT INTO ratings (id, case_id, requirement_id, rating, rationale, actor, "
                      "at) VALUES (?, ?, ?, ?, ?, 'Tester', ?)", str(uuid.uuid4()), cid, req,
                      rating, rationale, NOW)

    def finding(self, cid, req, action, due, kind="nonconformity", status="open"):
        self.exec("INSERT INTO findings (id, case_id, requirement_id, kind, text, action, due, "
                  "status, actor, created_at, updated_at) VALUES (?, ?, ?, ?, 'Finding', ?, ?, ?, "
                  "'Tester', ?, ?)", str(uuid.uuid4()), cid, req, kind, action, due, status, NOW,
                  NOW)

    def staff(self, cid, name, valid_until, full_time=True):
        self.exec("INSERT INTO staff (id, case_id, name, full_time, cert_no, valid_until, "
                  "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", str(uuid.uuid4()),
                  cid, name, 1 if full_time else 0, "CISP-" + name, valid_until, NOW, NOW)

    def project(self, cid, client, to_date, accepted):
        self.exec("INSERT INTO projects (id, case_id, client, service, from_date, to_date, "
                  "accepted, created_at, updated_at) VALUES (?, ?, ?, '云安全运维', '2020-01-01', "
                  "?, ?, ?, ?)", str(uuid.uuid4()), cid, client, to_date, 1 if accepted else 0,
                  NOW, NOW)

    def full_pass(self, cid):
        con = sqlite3.connect(self.wb.db)
        try:
            for req in self.requirements:
                for method in ("document", "interview", "demonstration"):
                    eid = str(uuid.uuid4())
                    con.execute("INSERT INTO evidence (id, case_id, method, title, recorded_at, "
                                "updated_at) VALUES (?, ?, ?, 'Item', ?, ?)",
                                (eid, cid, method, NOW, NOW))
                    con.execute("INSERT INTO evidence_links (evidence_id, requirement_id) "
                                "VALUES (?, ?)", (eid, req))
                con.execute("INSERT INTO ratings (id, case_id, requirement_id, rating, actor, at) "
                            "VALUES (?, ?, ?, 'conformant', 'Tester', ?)",
                            (str(uuid.uuid4()), cid, req, NOW))
            con.commit()
        finally:
            con.close()
        for name in ("王伟", "李娜", "张敏", "刘洋"):
            self.staff(cid, name, "2030-01-01")
        self.project(cid, "甲客户", "2025-06-30", True)


def bench():
    return Workbench(env={"AWB_TODAY": TODAY})


def conclude(wb, cid):
    return wb.ok("conclude", cid, "--json").json()


def test_conclude_fresh_case():
    with bench() as wb:
        rec = Records(wb)
        cid = rec.case(evaluation_start=None)
        j = conclude(wb, cid)
        assert j["conclusion"] == "incomplete"
        assert len(j["reasons"]) == 42
        assert j["reasons"][0] == {"requirement": "3.1-1", "kind": "incomplete",
                                   "text": "not yet rated"}
        assert [r["id"] for r in j["requirements"]] == rec.requirements
        r = j["requirements"][0]
        assert r["rating"] == "unrated" and r["sufficiency"] == "none" and r["suggested"] == "none"
        assert r["methods"] == {"document": 0, "interview": 0, "demonstration": 0}
        assert [s["id"] for s in j["sections"]] == ["3.1", "3.2.1", "3.2.2", "3.2.3", "3.2.4",
                                                     "3.2.5", "3.2.6", "3.3", "3.4"]
        assert j["sections"][7]["ratings"]["unrated"] == 7
        staff, projects = j["checks"]
        assert staff["check"] == "certified-staff" and not staff["passed"]
        assert staff["figures"] == "0 of 4 required"
        assert staff["date"] == TODAY and not staff["date_set"]
        assert projects["passed"] and projects["date"] == "2026-04-01"
        assert any("computed for today" in n for n in j["notices"])
        assert not j["statement"]["edited"]
        assert "42 requirements are not yet backed" in j["statement"]["text"]


def test_conclude_each_conclusion():
    with bench() as wb:
        rec = Records(wb)
        cid = rec.case()
        rec.full_pass(cid)
        j = conclude(wb, cid)
        assert j["conclusion"] == "pass", j["reasons"]
        assert j["reasons"] == [{"requirement": None, "kind": "pass",
                                 "text": "all 42 requirements are conformant"}]
        assert j["requirements"][30]["methods"] == {"document": 1, "interview": 1,
                                                    "demonstration": 1}

        rec.rate(cid, "3.2.2-4", "largely")
        j = conclude(wb, cid)
        assert j["conclusion"] == "incomplete"
        assert "without a nonconformity finding" in j["reasons"][0]["text"]
        rec.finding(cid, "3.2.2-4", "补充漏洞记录", "2026-06-30")
        j = conclude(wb, cid)
        assert j["conclusion"] == "pass-after-rectification"
        assert j["reasons"][0]["requirement"] == "3.2.2-4"
        assert "2026-06-30" in j["reasons"][0]["text"]

        rec.rate(cid, "3.4-2", "nonconformant", "无项目风险清单")
        j = conclude(wb, cid)
        assert j["conclusion"] == "fail"
        assert j["reasons"] == [{"requirement": "3.4-2", "kind": "fail",
                                 "text": "rated non-conformant: 无项目风险清单"}]

        rec.staff(cid, "赵强", "2026-03-31")
        rec.exec("UPDATE staff SET full_time = 0 WHERE name = '刘洋'")
        j = conclude(wb, cid)
        assert j["conclusion"] == "incomplete"
        assert j["reasons"][0]["requirement"] == "3.2.3-5"
        assert "3 of 4 required: 刘洋 is not full-time; 赵强's certificate expired 2026-03-31" \
            in j["reasons"][0]["text"]
        assert j["reasons"][1] == {"requirement": "3.4-2", "kind": "will-fail",
                                   "text": "rated non-conformant: the case will fail"}

        out = wb.ok("conclude", cid[:8]).out
        assert "Incomplete (incomplete)" in out
        assert "3.2.3-5" in out and "NOT MET" in out


def test_conclude_refusals():
    with bench() as wb:
        Records(wb)
        r = wb.refused("conclude", "12345678", fragment="No case “12345678”")
        r = wb.refused("conclude", "123", fragment="too short")
        r = wb.run("conclude")
        assert r.status == 1, r
        r = wb.run("conclude", "a", "b")
        assert r.status == 1, r


def test_statement():
    with bench() as wb:
        rec = Records(wb)
        cid = rec.case()
        rec.full_pass(cid)
        generated = wb.ok("statement", cid).out.strip()
        assert "Audit conclusion: Pass." in generated

        text = "经评估，示例云安全科技有限公司满足云计算安全类一级全部要求，建议通过。"
        r = wb.ok("statement", cid, "--set", text)
        assert r.out == ""
        s = wb.ok("statement", cid, "--json").json()
        assert s["text"] == text and s["edited"] and not s["stale"]
        assert s["decision"] == "pass" and s["generated"] == generated

        rec.rate(cid, "3.1-1", "nonconformant", "无营业执照")
        r = wb.ok("statement", cid)
        assert r.out.strip() == text
        assert "stale" in r.err
        assert conclude(wb, cid)["statement"]["stale"]

        wb.refused("statement", cid, "--set", "   ", fragment="--reset")
        assert wb.run("statement", cid, "--set", "x", "--reset").status == 1
        wb.refused("statement", cid, "--file", os.path.join(wb.dir, "missing.txt"),
                   fragment="missing.txt")

        path = os.path.join(wb.dir, "statement.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("不通过：3.1-1 不符合。\n")
        wb.ok("statement", cid, "--file", path)
        s = wb.ok("statement", cid, "--json").json()
        assert s["text"] == "不通过：3.1-1 不符合。" and not s["stale"] and s["decision"] == "fail"

        wb.ok("statement", cid, "--reset")
        s = wb.ok("statement", cid, "--json").json()
        assert not s["edited"] and s["text"] == s["generated"] and s["decision"] is None
        actions = [a for (a,) in wb.sql("SELECT action FROM history WHERE case_id = ? "
                                        "ORDER BY seq", cid)]
        assert actions == ["edit-statement", "edit-statement", "reset-statement"], actions


def test_panel_flow():
    with bench() as wb:
        rec = Records(wb)
        cid = rec.case()
        rec.full_pass(cid)
        rec.rate(cid, "3.3-5", None)

        wb.refused("panel", "submit", cid, fragment="3.3-5: not yet rated")
        wb.refused("panel", "add", cid, "--name", "陈教授", fragment="awb panel submit")
        rec.rate(cid, "3.3-5", "conformant")

        wb.ok("panel", "submit", cid)
        frozen = json.loads(wb.sql("SELECT team_conclusion FROM cases WHERE id = ?", cid)[0][0])
        assert frozen["conclusion"] == "pass"
        wb.refused("panel", "submit", cid, fragment="already with the expert panel")
        wb.refused("statement", cid, "--set", "Changed", fragment="awb case reopen")

        chair = wb.created("panel", "add", cid, "--name", "陈教授", "--affiliation", "某大学",
                           "--chair")
        li = wb.created("panel", "add", cid, "--name", "李教授")
        wang = wb.created("panel", "add", cid, "--name", "王研究员", "--affiliation", "某研究所")
        wb.refused("panel", "add", cid, "--name", "赵教授", "--chair", fragment="陈教授")
        wb.refused("panel", "add", cid, "--name", "李教授", fragment="already on the panel")
        assert wb.run("panel", "add", cid).status == 1

        review = wb.created("panel", "review", cid, "陈教授", "--section", "3.2.3", "--sufficient",
                            "yes", "--reasonable", "no", "--comment", "需核实社保记录")
        again = wb.created("panel", "review", cid, chair[:8], "--section", "3.2.3",
                           "--sufficient", "yes", "--reasonable", "yes")
        assert review == again
        wb.created("panel", "review", cid, li, "--overall", "--sufficient", "yes",
                   "--reasonable", "yes")
        assert wb.run("panel", "review", cid, li, "--sufficient", "yes",
                      "--reasonable", "yes").status == 1
        assert wb.run("panel", "review", cid, li, "--overall", "--section", "3.1",
                      "--sufficient", "yes", "--reasonable", "yes").status == 1
        wb.refused("panel", "review", cid, li, "--overall", "--sufficient", "maybe",
                   "--reasonable", "yes", fragment="maybe")
        assert wb.run("panel", "review", cid, li, "--overall", "--reasonable", "yes").status == 1
        wb.refused("panel", "review", cid, li, "--section", "3.9", "--sufficient", "yes",
                   "--reasonable", "yes", fragment="3.9")
        wb.refused("panel", "review", cid, "钱教授", "--overall", "--sufficient", "yes",
                   "--reasonable", "yes", fragment="the members are")

        wb.created("panel", "vote", cid, "陈教授", "fail")
        wb.created("panel", "vote", cid, "陈教授", "pass", "--comment", "证据充分")
        wb.created("panel", "vote", cid, "李教授", "fail", "--comment", "3.2.3-5 证书存疑")
        wb.refused("panel", "vote", cid, "李教授", "abstain", fragment="abstain")

        before = wb.dump()
        p = wb.ok("panel", "conclude", cid, "--json").json()
        assert wb.dump() == before
        assert p["conclusion"] == "pending" and p["dissent"] == [] and not p["recorded"]
        assert [(v["member"], v["vote"]) for v in p["votes"]] == [("陈教授", "pass"),
                                                                  ("李教授", "fail")]

        wb.created("panel", "vote", cid, wang, "pass")
        p = wb.ok("panel", "conclude", cid, "--json").json()
        assert p["conclusion"] == "pass" and p["recorded"]
        assert p["dissent"] == [{"member": "李教授", "member_id": li, "vote": "fail",
                                 "comment": "3.2.3-5 证书存疑"}]
        assert wb.sql("SELECT panel_conclusion FROM cases WHERE id = ?", cid) == [("pass",)]
        wb.refused("panel", "vote", cid, "李教授", "pass", fragment="was recorded")

        lst = wb.ok("panel", "list", cid, "--json").json()
        assert [m["name"] for m in lst["members"]] == ["陈教授", "李教授", "王研究员"]
        assert lst["members"][0]["role"] == "chair"
        assert {(r["member"], r["scope"]) for r in lst["reviews"]} == {("陈教授", "3.2.3"),
                                                                       ("李教授", "overall")}
        assert lst["team_conclusion"]["conclusion"] == "pass"
        out = wb.ok("panel", "list", cid).out
        assert "Pass (pass), recorded" in out and "Dissent" in out

        assert wb.run("case", "reopen", cid).status == 1
        wb.refused("case", "reopen", cid, "--reason", " ", fragment="empty")
        wb.ok("case", "reopen", cid, "--reason", "专家组要求补充材料")
        assert wb.sql("SELECT submitted_at, team_conclusion, panel_conclusion FROM cases "
                      "WHERE id = ?", cid) == [(None, None, None)]
        last = wb.sql("SELECT action, after FROM history WHERE case_id = ? ORDER BY seq DESC "
                      "LIMIT 1", cid)[0]
        assert last[0] == "reopen" and json.loads(last[1])["reason"] == "专家组要求补充材料"
        wb.refused("case", "reopen", cid, "--reason", "again", fragment="not with the expert panel")
        wb.refused("panel", "vote", cid, "李教授", "pass", fragment="not with the expert panel")
        wb.ok("statement", cid, "--set", "Reopened and changed")


def test_panel_tie():
    with bench() as wb:
        rec = Records(wb)
        cid = rec.case()
        rec.full_pass(cid)
        wb.ok("panel", "submit", cid)
        wb.created("panel", "add", cid, "--name", "A", "--chair")
        wb.created("panel", "add", cid, "--name", "B")
        wb.created("panel", "vote", cid, "A", "pass")
        wb.created("panel", "vote", cid, "B", "fail", "--comment", "不同意")
        p = wb.ok("panel", "conclude", cid, "--json").json()
        assert p["conclusion"] == "fail"
        assert [d["member"] for d in p["dissent"]] == ["A"]


SECTIONS = [("3.1", "营业执照及公开信用记录"), ("3.2.1", "组织架构与管理体系"),
            ("3.2.2", "技术能力材料"), ("3.2.3", "人员花名册与证书"),
            ("3.2.4", "场所与测试环境"), ("3.2.5", "验资报告与财务报表"),
            ("3.2.6", "近三年合同与验收报告"), ("3.3", "云安全服务过程记录"),
            ("3.4", "项目管理与组织过程记录")]


def test_whole_case():
    """A fictitious applicant assessed to pass through the command line only,
    then one change at a time moved to each other conclusion and back, then
    submitted, reviewed by the panel and reopened."""
    with bench() as wb:
        cid = wb.new_case("示例云安全科技有限公司", "--leader", "周经理", "--evaluator", "王工")
        for item in ("legal-entity", "stamped-bound", "electronic-copy"):
            wb.ok("case", "check", cid, item)
        for kind, date in (("received", "2026-03-02"), ("agreement", "2026-04-01"),
                           ("paid", "2026-04-03"), ("evaluation-start", "2026-04-13")):
            wb.ok("case", "set-date", cid, kind, date)
        wb.ok("case", "advance", cid, "evaluation", "--on", "2026-04-13")

        reqs = [r["requirement"] for r in wb.ok("ratings", cid, "--json").json()]
        assert len(reqs) == 42
        items = {}
        for section, title in SECTIONS:
            in_section = [r for r in reqs if r.rsplit("-", 1)[0] == section]
            links = [a for r in in_section for a in ("--requirement", r)]
            for method, what in (("document", "文档"), ("interview", "访谈"),
                                 ("demonstration", "演示")):
                items[(section, method)] = wb.created(
                    "evidence", "add", cid, "--method", method, "--title", title + what,
                    "--evaluator", "王工", "--observed-on", "2026-04-14", *links)
        for r in reqs:
            wb.ok("rate", cid, r, "conformant")
        staff = {}
        for name, no in (("王伟", "CISP-001"), ("李娜", "CISP-002"), ("张敏", "CISP-003"),
                         ("刘洋", "CISP-004")):
            staff[name] = wb.created("staff", "add", cid, "--name", name, "--full-time",
                                     "--certificate", no, "--valid-until", "2028-12-31")
        wb.created("project", "add", cid, "--client", "甲公司", "--service", "云安全运维",
                   "--from", "2024-01-01", "--to", "2024-12-31", "--accepted", "yes")

        def conclusion():
            j = conclude(wb, cid)
            return j["conclusion"], [(r["requirement"], r["kind"]) for r in j["reasons"]], j

        c, reasons, j = conclusion()
        assert c == "pass", j["reasons"]
        assert j["checks"][0]["figures"] == "4 qualifying, 4 required"
        assert j["evidence"] == {"document": 9, "interview": 9, "demonstration": 9}
        assert all(r["sufficiency"] == "sufficient" for r in j["requirements"])

        # pass → pass after rectification: a largely rating, then its finding
        wb.ok("rate", cid, "3.2.2-4", "largely", "--rationale", "漏洞通报记录不完整")
        c, reasons, _ = conclusion()
        assert (c, reasons) == ("incomplete", [("3.2.2-4", "incomplete")])
        finding = wb.created("finding", "add", cid, "--requirement", "3.2.2-4", "--kind",
                             "nonconformity", "--text", "漏洞通报记录缺少 2025 年第四季度",
                             "--action", "补充漏洞通报记录", "--due", "2026-06-30")
        c, reasons, j = conclusion()
        assert (c, reasons) == ("pass-after-rectification", [("3.2.2-4", "rectification")])
        assert "Open rectifications: 3.2.2-4 “补充漏洞通报记录” due 2026-06-30." in \
            j["statement"]["text"]

        # pass after rectification → fail: one non-conformant rating
        wb.ok("rate", cid, "3.4-2", "nonconformant", "--rationale", "无项目风险清单")
        c, reasons, _ = conclusion()
        assert (c, reasons) == ("fail", [("3.4-2", "fail")])

        # fail → incomplete (still listed as failing): an unrated requirement
        wb.ok("rate", cid, "3.3-1", "unrated")
        c, reasons, _ = conclusion()
        assert (c, reasons) == ("incomplete", [("3.3-1", "incomplete"), ("3.4-2", "will-fail")])

        # back to pass, one change at a time
        wb.ok("rate", cid, "3.3-1", "conformant")
        wb.ok("rate", cid, "3.4-2", "conformant")
        assert conclusion()[0] == "pass-after-rectification"
        wb.ok("rate", cid, "3.2.2-4", "conformant")
        assert conclusion()[0] == "pass"

        # the staff register: a person less fails the check of 3.2.3-5
        wb.ok("staff", "remove", staff["刘洋"])
        c, reasons, j = conclusion()
        assert (c, reasons) == ("incomplete", [("3.2.3-5", "incomplete")])
        assert "3 of 4 required" in j["reasons"][0]["text"]
        wb.created("staff", "add", cid, "--name", "刘洋", "--full-time", "--certificate",
                   "CISP-005", "--valid-until", "2026-04-13")   # valid on the day: counts
        assert conclusion()[0] == "pass"

        # the project register: a failed acceptance within 3 years before received
        failed = wb.created("project", "add", cid, "--client", "乙公司", "--service", "云安全评估",
                            "--from", "2022-06-01", "--to", "2023-03-02", "--accepted", "no")
        c, reasons, j = conclusion()
        assert (c, reasons) == ("incomplete", [("3.2.6-2", "incomplete")])
        assert "ended 2023-03-02" in j["reasons"][0]["text"]
        wb.ok("project", "remove", failed)
        assert conclusion()[0] == "pass"

        # the evidence: without its demonstration, every process area of 3.3 is insufficient
        wb.ok("evidence", "remove", items[("3.3", "demonstration")])
        c, reasons, j = conclusion()
        assert c == "incomplete" and [r for r, _ in reasons] == ["3.3-%d" % i for i in range(1, 8)]
        assert "no demonstration" in j["reasons"][0]["text"]
        wb.ok("evidence", "restore", items[("3.3", "demonstration")])
        assert conclusion()[0] == "pass"

        # an interview that contradicts: conformant can no longer be backed
        wb.created("evidence", "add", cid, "--method", "interview", "--requirement", "3.2.1-2",
                   "--supports", "no", "--title", "保密协议抽查：一名员工未签署")
        c, reasons, j = conclusion()
        assert (c, reasons) == ("incomplete", [("3.2.1-2", "incomplete")])
        assert j["requirements"][2]["sufficiency"] == "contradicted"
        assert j["requirements"][2]["suggested"] == "review"
        wb.ok("rate", cid, "3.2.1-2", "largely", "--rationale", "一名新员工未签署，已补签")
        wb.created("finding", "add", cid, "--requirement", "3.2.1-2", "--kind", "nonconformity",
                   "--text", "保密协议未全员签署", "--action", "全员核查保密协议",
                   "--due", "2026-05-31")
        c, reasons, _ = conclusion()
        assert (c, reasons) == ("pass-after-rectification", [("3.2.1-2", "rectification")])

        # to the panel: locked; the team's conclusion is frozen
        wb.ok("panel", "submit", cid)
        wb.refused("rate", cid, "3.1-1", "largely", fragment="awb case reopen")
        wb.refused("evidence", "add", cid, "--method", "document", "--requirement", "3.1-1",
                   "--title", "补充材料")
        wb.refused("staff", "add", cid, "--name", "赵强", "--certificate", "CISP-006",
                   "--valid-until", "2028-01-01")
        wb.ok("finding", "set-status", finding, "rectified")   # the applicant goes on
        wb.created("panel", "add", cid, "--name", "陈教授", "--chair")
        wb.created("panel", "add", cid, "--name", "李教授")
        wb.created("panel", "add", cid, "--name", "王研究员")
        wb.created("panel", "review", cid, "李教授", "--section", "3.2.1", "--sufficient", "yes",
                   "--reasonable", "no", "--comment", "3.2.1-2 应评为不符合")
        wb.created("panel", "vote", cid, "陈教授", "pass")
        wb.created("panel", "vote", cid, "李教授", "fail", "--comment", "3.2.1-2 应评为不符合")
        assert wb.ok("panel", "conclude", cid, "--json").json()["conclusion"] == "pending"
        wb.created("panel", "vote", cid, "王研究员", "pass")
        p = wb.ok("panel", "conclude", cid, "--json").json()
        assert p["conclusion"] == "pass"
        assert [(d["member"], d["comment"]) for d in p["dissent"]] == [("李教授",
                                                                        "3.2.1-2 应评为不符合")]
        assert p["team_conclusion"]["conclusion"] == "pass-after-rectification"

        # reopened: changes are possible again and the conclusion moves on
        wb.ok("case", "reopen", cid, "--reason", "专家组意见：3.2.1-2 应评为不符合")
        wb.ok("rate", cid, "3.2.1-2", "nonconformant", "--rationale", "保密协议未全员签署")
        c, reasons, _ = conclusion()
        assert (c, reasons) == ("fail", [("3.2.1-2", "fail")])
        actions = [e["action"] for e in wb.ok("history", cid, "--json").json()]
        assert actions[:3] == ["rate", "reopen", "panel-conclude"], actions[:5]


if __name__ == "__main__":
    sys.exit(run_tests([
        test_conclude_fresh_case,
        test_conclude_each_conclusion,
        test_conclude_refusals,
        test_statement,
        test_panel_flow,
        test_panel_tie,
        test_whole_case,
    ]))
