#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""awb case …: cases and their lifecycle, driven as a user would."""

import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(__file__))

from awbcli import CREDIT_CODE, Workbench, run_tests  # noqa: E402

TODAY = {"AWB_TODAY": "2026-11-25"}


def write_sql(w, query, *params):
    con = sqlite3.connect(w.db)
    try:
        con.execute(query, params)
        con.commit()
    finally:
        con.close()


def test_create_list_show():
    with Workbench(TODAY) as w:
        cid = w.created("case", "new", "--applicant", "示例云安全科技有限公司",
                        "--credit-code", CREDIT_CODE, "--leader", "Wang",
                        "--evaluator", "Li", "--evaluator", "Zhang")
        other = w.new_case("Second Ltd")

        listed = w.ok("case", "list", "--json").json()
        assert [c["id"] for c in listed] == [other, cid], listed  # newest first

        human = w.ok("case", "list").out
        assert cid[:8] in human and "示例云安全科技有限公司" in human, human

        shown = w.ok("case", "show", cid[:8], "--json").json()
        assert shown["id"] == cid
        assert shown["applicant"] == "示例云安全科技有限公司"
        assert shown["credit_code"] == CREDIT_CODE
        assert shown["type"] == "initial"
        assert shown["catalogue_id"] == "cnitsec-cloud-l1-2025"
        assert shown["catalogue_version"]
        assert shown["stage"] == "acceptance"
        assert shown["team"] == {"leader": "Wang", "evaluators": ["Li", "Zhang"]}
        assert [c["item"] for c in shown["checklist"]] == [
            "legal-entity", "stamped-bound", "electronic-copy"]
        assert not any(c["ticked"] for c in shown["checklist"])
        assert set(shown["dates"]) == {
            "received", "review-sent", "supplement-received", "agreement", "paid",
            "evaluation-start", "evaluation-end", "panel", "certificate-issued"}
        assert shown["stage_moves"] == []
        assert shown["locked"] is False

        text = w.ok("case", "show", cid).out
        assert "Wang" in text and "legal-entity" in text and "received" in text, text


def test_lifecycle():
    with Workbench(TODAY) as w:
        cid = w.new_case()
        w.ok("case", "check", cid, "legal-entity")
        w.ok("case", "set-date", cid, "received", "2026-01-05")
        w.ok("case", "set-date", cid, "review-sent", "2026-01-20")
        w.ok("case", "advance", cid, "initiation", "--on", "2026-02-15")
        # skipping is allowed, and closed is reachable from anywhere
        w.ok("case", "advance", cid[:8], "certification", "--on", "2026-05-01")
        w.ok("case", "advance", cid, "closed")
        shown = w.ok("case", "show", cid, "--json").json()
        assert shown["stage"] == "closed"
        assert shown["closed_on"] == "2026-11-25"
        moves = [(m["from"], m["to"], m["on"]) for m in shown["stage_moves"]]
        assert moves == [("acceptance", "initiation", "2026-02-15"),
                         ("initiation", "certification", "2026-05-01"),
                         ("certification", "closed", "2026-11-25")], moves
        assert all(m["actor"] == "Tester" for m in shown["stage_moves"])
        assert shown["checklist"][0]["ticked"] and shown["checklist"][0]["actor"] == "Tester"
        assert shown["dates"]["received"]["date"] == "2026-01-05"
        assert shown["dates"]["paid"] is None
        history = w.sql("SELECT action FROM history WHERE case_id = ? ORDER BY seq", cid)
        assert [a for (a,) in history].count("advance") == 6, history


def test_team():
    with Workbench(TODAY) as w:
        cid = w.new_case("Team Ltd", "--leader", "Wang", "--evaluator", "Li")
        w.ok("case", "team", cid, "--leader", "Zhou", "--add-evaluator", "Sun",
             "--add-evaluator", "Qian", "--remove-evaluator", "Li")
        team = w.ok("case", "show", cid, "--json").json()["team"]
        assert team == {"leader": "Zhou", "evaluators": ["Sun", "Qian"]}, team
        # what is already so changes and records nothing
        before = w.dump()
        w.ok("case", "team", cid, "--leader", "Zhou", "--add-evaluator", "Sun")
        assert w.dump() == before
        w.refused("case", "team", cid, "--remove-evaluator", "Li", fragment="“Li”")
        # one refused change refuses the whole command
        w.refused("case", "team", cid, "--leader", "Wu", "--remove-evaluator", "Li",
                  fragment="“Li” is not")
        r = w.run("case", "team", cid)
        assert r.status == 1, r


def test_status():
    with Workbench(TODAY) as w:
        cid = w.new_case()
        w.ok("case", "set-date", cid, "received", "2026-01-05")
        w.ok("case", "set-date", cid, "review-sent", "2026-01-31")
        status = w.ok("case", "status", cid, "--json", env={"AWB_TODAY": "2026-03-01"}).json()
        assert status["case"] == cid and status["today"] == "2026-03-01"
        items = {i["item"]: i for i in status["items"]}
        assert items["supplement"]["state"] == "overdue"
        assert items["supplement"]["date"] == "2026-02-28"  # 31 Jan + 1 month
        assert items["cycle-target"]["state"] == "due"
        assert items["retention"]["state"] == "info"
        assert status["worst"] == "overdue"
        human = w.ok("case", "status", cid, env={"AWB_TODAY": "2026-03-01"}).out
        assert "[OVERDUE]" in human and "2026-02-28" in human, human
        before = w.ok("case", "status", cid, env={"AWB_TODAY": "2026-02-28"}).out
        assert "[DUE]" in before and "[OVERDUE]" not in before, before


def test_maintenance_from_case():
    with Workbench(TODAY) as w:
        base = w.new_case("Base Ltd", "--leader", "Wang", "--evaluator", "Li")
        write_sql(w, "INSERT INTO staff (id, case_id, name, full_time, cert_no, valid_until, "
                  "created_at, updated_at) VALUES ('s1', ?, 'Zhao', 1, 'CISP-1', '2028-01-01', "
                  "'x', 'x')", base)
        # an initial baseline records no certificate: it must be given
        w.refused("case", "new", "--applicant", "Base Ltd", "--credit-code", CREDIT_CODE,
                  "--type", "maintenance", "--from-case", base[:8], fragment="does not record")
        cid = w.created("case", "new", "--applicant", "Base Ltd", "--credit-code", CREDIT_CODE,
                        "--type", "maintenance", "--from-case", base[:8],
                        "--previous-certificate", "C-7", "--previous-expiry", "2027-05-31")
        shown = w.ok("case", "show", cid, "--json").json()
        assert shown["type"] == "maintenance" and shown["baseline_case"] == base
        assert shown["previous_certificate"] == "C-7"
        assert shown["previous_expiry"] == "2027-05-31"
        assert shown["team"] == {"leader": "Wang", "evaluators": ["Li"]}
        staff = w.sql("SELECT id, name FROM staff WHERE case_id = ?", cid)
        assert len(staff) == 1 and staff[0][1] == "Zhao" and staff[0][0] != "s1", staff
        status = w.ok("case", "status", cid, "--json").json()
        assert "maintenance" in [i["item"] for i in status["items"]]


def test_refusals():
    with Workbench(TODAY) as w:
        cid = w.new_case()
        w.ok("case", "advance", cid, "evaluation", "--on", "2026-03-01")
        w.ok("case", "check", cid, "stamped-bound")
        w.ok("case", "set-date", cid, "received", "2026-01-05")

        new = ["case", "new", "--applicant", "A"]
        w.refused(*new, "--credit-code", "91350100M000100Y44", fragment="91350100M000100Y44")
        w.refused(*new, "--credit-code", "123", fragment="“123”")
        w.refused("case", "new", "--applicant", " ", "--credit-code", CREDIT_CODE,
                  fragment="applicant")
        w.refused(*new, "--credit-code", CREDIT_CODE, "--type", "renewal", fragment="renewal")
        w.refused(*new, "--credit-code", CREDIT_CODE, "--catalogue", "nope", fragment="nope")
        w.refused(*new, "--credit-code", CREDIT_CODE, "--type", "maintenance",
                  fragment="certificate")
        w.refused(*new, "--credit-code", CREDIT_CODE, "--type", "maintenance",
                  "--previous-certificate", "C-1", "--previous-expiry", "2027-02-30",
                  fragment="2027-02-30")
        w.refused(*new, "--credit-code", CREDIT_CODE, "--previous-certificate", "C-1",
                  fragment="C-1")
        w.refused(*new, "--credit-code", CREDIT_CODE, "--from-case", "ffffffff",
                  fragment="ffffffff")
        w.refused(*new, "--credit-code", CREDIT_CODE, "--evaluator", "Li", "--evaluator", "Li",
                  fragment="“Li”")

        w.refused("case", "advance", cid, "initiation", fragment="forward only")
        w.refused("case", "advance", cid, "evaluation", fragment="already")
        w.refused("case", "advance", cid, "review", fragment="“review”")
        w.refused("case", "advance", cid, "closed", "--on", "2026-02-30", fragment="2026-02-30")
        w.refused("case", "advance", cid, "closed", "--on", "2026-02-01", fragment="2026-03-01")
        w.refused("case", "advance", cid, "closed", "--on", "2027-01-01", fragment="after today")

        before = w.dump()
        w.ok("case", "check", cid, "stamped-bound", env={"AWB_USER": "Someone else"})
        w.ok("case", "set-date", cid, "received", "2026-01-05")
        assert w.dump() == before, "a no-op wrote something"
        w.refused("case", "check", cid, "signed", fragment="“signed”")

        w.refused("case", "set-date", cid, "opened", "2026-01-05", fragment="“opened”")
        w.refused("case", "set-date", cid, "paid", "2026/01/05", fragment="2026/01/05")
        w.refused("case", "set-date", cid, "paid", "2026-12-01", fragment="after today")
        w.refused("case", "set-date", cid, "review-sent", "2026-01-01", fragment="received")

        w.refused("case", "delete", cid, fragment="closed")
        w.refused("case", "show", "ffffffff-0000", fragment="ffffffff-0000")
        w.refused("case", "show", cid[:7], fragment="at least")
        w.refused("case", "status", "ffffffff", fragment="ffffffff")


def test_delete():
    with Workbench() as w:
        cid = w.created("case", "new", "--applicant", "Old Ltd", "--credit-code", CREDIT_CODE,
                        env={"AWB_TODAY": "2019-01-01"})
        w.ok("case", "advance", cid, "closed", "--on", "2019-01-10",
             env={"AWB_TODAY": "2019-01-10"})
        w.refused("case", "delete", cid, fragment="2025-01-10",
                  env={"AWB_TODAY": "2025-01-09"})
        w.ok("case", "delete", cid[:8], env={"AWB_TODAY": "2025-01-10"})
        assert w.ok("case", "list", "--json").json() == []
        assert w.sql("SELECT entity, id FROM tombstones") == [("case", cid)]
        assert w.sql("SELECT count(*) FROM history WHERE case_id = ?", cid) == [(0,)]


def test_lock():
    with Workbench(TODAY) as w:
        cid = w.new_case()
        write_sql(w, "UPDATE cases SET submitted_at = '2026-11-20T09:00:00Z' WHERE id = ?", cid)
        assert w.ok("case", "show", cid, "--json").json()["locked"] is True
        w.refused("case", "check", cid, "legal-entity", fragment="expert panel")
        w.refused("case", "team", cid, "--add-evaluator", "Sun", fragment="reopen")
        w.refused("case", "delete", cid, fragment="expert panel")
        # stages, dates and status go on while the panel reviews
        w.ok("case", "set-date", cid, "panel", "2026-11-24")
        w.ok("case", "advance", cid, "certification")
        w.ok("case", "status", cid)


def test_command_line():
    with Workbench(TODAY) as w:
        cid = w.new_case()
        for args in (["case", "new", "--applicant", "A", "--credit-code", CREDIT_CODE,
                      "--colour", "red"],
                     ["case", "new", "--credit-code", CREDIT_CODE],
                     ["case", "new", "--applicant", "A"],
                     ["case", "list", "--bogus"],
                     ["case", "show"],
                     ["case", "show", cid, "extra"],
                     ["case", "advance", cid],
                     ["case", "check", cid],
                     ["case", "set-date", cid, "received"],
                     ["case", "delete"],
                     ["case", "frobnicate"]):
            before = w.dump()
            r = w.run(*args)
            assert r.status == 1, (args, r)
            assert r.err, args
            assert w.dump() == before, args
        r = w.run("case", "new", "--help")
        assert r.status == 0 and "--credit-code" in r.out, r


if __name__ == "__main__":
    sys.exit(run_tests([test_create_list_show, test_lifecycle, test_team, test_status,
                        test_maintenance_from_case, test_refusals, test_delete, test_lock,
                        test_command_line]))
