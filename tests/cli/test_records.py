#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""awb rate / ratings / finding / staff / project / history, driven as a user would,
including every refusal (exit 2, database unchanged)."""

import json
import os
import sqlite3
import sys
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from awbcli import CREDIT_CODE, Workbench, run_tests  # noqa: E402

CATALOGUE = "cnitsec-cloud-l1-2025"


def execute(wb, query, *params):
    con = sqlite3.connect(wb.db)
    try:
        con.execute(query, params)
        con.commit()
    finally:
        con.close()


def insert_case(wb, case_id=None):
    """A case row straight into the table, against the built-in catalogue."""
    if not os.path.exists(wb.db):
        # any command that opens the database creates it; this one is then refused
        wb.run("ratings", "00000000")
    version = [c["version"] for c in wb.ok("catalogue", "list", "--json").json()
               if c["id"] == CATALOGUE][0]
    case_id = case_id or str(uuid.uuid4())
    execute(wb, "INSERT INTO cases (id, catalogue_id, catalogue_version, applicant, credit_code, "
                "created_at, updated_at) VALUES (?, ?, ?, 'Test Co', ?, "
                "'2026-01-05T08:00:00Z', '2026-01-05T08:00:00Z')",
            case_id, CATALOGUE, version, CREDIT_CODE)
    return case_id


def make_case(wb):
    """awb case new where it exists, else a row in the table."""
    r = wb.run("case", "new", "--applicant", "示例云安全科技有限公司", "--credit-code", CREDIT_CODE)
    if r.status == 0:
        return r.out.strip()
    assert r.status == 1 and "unknown command" in r.err, r
    return insert_case(wb)


def lock(wb, case_id):
    execute(wb, "UPDATE cases SET submitted_at = '2026-03-01T09:00:00Z' WHERE id = ?", case_id)


def rating_of(wb, case_id, requirement):
    return [r for r in wb.ok("ratings", case_id, "--json").json()
            if r["requirement"] == requirement][0]


def own_history(wb, case_id):
    """History entries of the entities this file is about, newest first."""
    return [e for e in wb.ok("history", case_id, "--json").json()
            if e["entity"] in ("rating", "finding", "staff", "project")]


# --- ratings ---------------------------------------------------------------------------------

def test_rate_replace_and_history():
    with Workbench() as wb:
        case = make_case(wb)
        assert wb.ok("rate", case, "3.2.1-1", "largely", "--rationale", "one QA record").out == ""
        first = rating_of(wb, case, "3.2.1-1")
        assert first["rating"] == "largely" and first["rationale"] == "one QA record"
        assert first["actor"] == "Tester" and first["rev"] == 1 and len(first["id"]) == 36

        wb.ok("rate", case[:8], "3.2.1-1", "conformant", env={"AWB_USER": "Li"})
        second = rating_of(wb, case, "3.2.1-1")
        assert second["rating"] == "conformant" and second["rev"] == 2
        assert second["id"] == first["id"] and second["actor"] == "Li"
        assert wb.sql("SELECT count(*) FROM ratings")[0][0] == 1

        hist = own_history(wb, case)
        assert [e["action"] for e in hist] == ["rate", "rate"]
        assert hist[0]["before"]["rating"] == "largely"
        assert hist[0]["before"]["rationale"] == "one QA record"
        assert hist[0]["after"]["rating"] == "conformant"
        assert hist[0]["actor"] == "Li" and hist[1]["before"] is None

        ratings = wb.ok("ratings", case, "--json").json()
        assert len(ratings) == 42 and ratings[0]["requirement"] == "3.1-1"
        assert set(ratings[0]) >= {"requirement", "rating", "rationale", "actor", "at", "id"}
        assert sum(1 for r in ratings if r["rating"] == "unrated") == 41
        assert ratings[0]["id"] is None

        human = wb.ok("ratings", case).out
        assert "3.2.1-1" in human and "conformant" in human and "unrated" in human


def test_rate_not_applicable():
    with Workbench() as wb:
        case = make_case(wb)
        wb.refused("rate", case, "3.2.4-2", "not-applicable", fragment="3.2.4-2")
        wb.refused("rate", case, "3.2.4-2", "not-applicable", "--rationale", "   ",
                   fragment="justification")
        # the catalogue forbids N/A for the process areas and the quantitative items
        wb.refused("rate", case, "3.3-1", "not-applicable", "--rationale", "no cloud",
                   fragment="3.3-1")
        wb.refused("rate", case, "3.2.3-5", "not-applicable", "--rationale", "small firm",
                   fragment="3.2.3-5")
        wb.ok("rate", case, "3.2.4-2", "not-applicable", "--rationale", "No lab: audit only")
        r = rating_of(wb, case, "3.2.4-2")
        assert r["rating"] == "not-applicable" and r["rationale"] == "No lab: audit only"


def test_rate_refusals():
    with Workbench() as wb:
        case = make_case(wb)
        wb.refused("rate", case, "3.2.1-1", "good", fragment="good")
        wb.refused("rate", case, "3.9-9", "conformant", fragment="3.9-9")
        wb.refused("rate", "00000000", "3.2.1-1", "conformant", fragment="00000000")
        wb.refused("rate", case[:7], "3.2.1-1", "conformant", fragment=case[:7])
        wb.refused("rate", case, "3.2.1-1", "unrated", "--rationale", "x", fragment="unrated")
        wb.refused("ratings", "00000000", fragment="00000000")
        # the command line not understood: 1
        assert wb.run("rate", case, "3.2.1-1").status == 1
        assert wb.run("rate", case, "3.2.1-1", "conformant", "extra").status == 1
        assert wb.run("rate", case, "3.2.1-1", "conformant", "--bogus").status == 1
        assert wb.run("ratings").status == 1


def test_rate_ambiguous_prefix():
    with Workbench() as wb:
        a = insert_case(wb, "abcdef01-1111-4222-8333-444455556666")
        insert_case(wb, "abcdef01-2222-4222-8333-444455556666")
        wb.refused("rate", "abcdef01", "3.2.1-1", "conformant", fragment="abcdef01")
        wb.ok("rate", "abcdef01-1", "3.2.1-1", "conformant")
        assert rating_of(wb, a, "3.2.1-1")["rating"] == "conformant"


def test_unrate():
    with Workbench() as wb:
        case = make_case(wb)
        wb.ok("rate", case, "3.2.6-1", "nonconformant")
        wb.ok("rate", case, "3.2.6-1", "unrated")
        assert rating_of(wb, case, "3.2.6-1")["rating"] == "unrated"
        assert wb.sql("SELECT count(*) FROM ratings")[0][0] == 0
        hist = own_history(wb, case)
        assert hist[0]["action"] == "unrate" and hist[0]["after"] is None
        assert hist[0]["before"]["rating"] == "nonconformant"


# --- findings --------------------------------------------------------------------------------

def add_finding(wb, case, *extra):
    return wb.created("finding", "add", case, "--requirement", "3.4-1", "--kind", "nonconformity",
                      "--text", "No QA plan", *extra)


def test_finding_lifecycle():
    with Workbench() as wb:
        case = make_case(wb)
        fid = add_finding(wb, case, "--action", "Write one", "--due", "2026-03-10")
        obs = wb.created("finding", "add", case, "--requirement", "3.2.1-2", "--kind",
                         "observation", "--text", "Org chart dated")

        def listed(today):
            return {f["id"]: f for f in wb.ok("finding", "list", case, "--json",
                                               env={"AWB_TODAY": today}).json()}

        f = listed("2026-03-10")[fid]
        assert f["requirement"] == "3.4-1" and f["kind"] == "nonconformity"
        assert f["text"] == "No QA plan" and f["action"] == "Write one"
        assert f["due"] == "2026-03-10" and f["status"] == "open" and f["rev"] == 1
        assert f["overdue"] is False
        assert listed("2026-03-11")[fid]["overdue"] is True
        assert listed("2026-03-11")[obs]["due"] is None
        assert listed("2026-03-11")[obs]["overdue"] is False
        assert "overdue" in wb.ok("finding", "list", case, env={"AWB_TODAY": "2026-03-11"}).out

        only = wb.ok("finding", "list", case, "--requirement", "3.2.1-2", "--json").json()
        assert [x["id"] for x in only] == [obs]

        wb.ok("finding", "set-status", fid[:8], "rectified")
        assert listed("2026-03-11")[fid]["status"] == "rectified"
        assert listed("2026-03-11")[fid]["overdue"] is False
        # the same status again: nothing written
        before = wb.dump()
        wb.ok("finding", "set-status", fid, "rectified")
        assert wb.dump() == before
        # backwards is refused
        wb.refused("finding", "set-status", fid, "open", fragment="open")
        wb.ok("finding", "set-status", fid, "verified")
        wb.refused("finding", "set-status", fid, "rectified", fragment="rectified")
        # forward may skip
        wb.ok("finding", "set-status", obs, "verified")

        hist = own_history(wb, case)
        assert hist[0]["action"] == "set-status" and hist[0]["entity_id"] == obs
        assert hist[1]["before"]["status"] == "rectified"
        assert hist[1]["after"]["status"] == "verified"

        wb.ok("finding", "remove", obs)
        assert list(listed("2026-03-11")) == [fid]
        assert own_history(wb, case)[0]["action"] == "remove"


def test_finding_refusals():
    with Workbench() as wb:
        case = make_case(wb)
        fid = add_finding(wb, case)
        base = ["finding", "add", case, "--requirement", "3.4-1"]
        wb.refused(*base, "--kind", "remark", "--text", "x", fragment="remark")
        wb.refused(*base, "--kind", "observation", "--text", "  ", fragment="text")
        wb.refused(*base, "--kind", "observation", "--text", "x", "--due", "2026-02-30",
                   fragment="2026-02-30")
        wb.refused(*base, "--kind", "observation", "--text", "x", "--due", "next week",
                   fragment="next week")
        wb.refused("finding", "add", case, "--requirement", "3.9-9", "--kind", "observation",
                   "--text", "x", fragment="3.9-9")
        wb.refused("finding", "add", "00000000", "--requirement", "3.4-1", "--kind",
                   "observation", "--text", "x", fragment="00000000")
        wb.refused("finding", "set-status", fid, "closed", fragment="closed")
        wb.refused("finding", "set-status", "00000000", "verified", fragment="00000000")
        wb.refused("finding", "set-status", fid[:5], "verified", fragment=fid[:5])
        wb.refused("finding", "remove", "00000000", fragment="00000000")
        wb.refused("finding", "list", "00000000", fragment="00000000")
        wb.refused("finding", "list", case, "--requirement", "3.9-9", fragment="3.9-9")
        # the command line not understood: 1
        assert wb.run("finding", "add", case, "--kind", "observation", "--text", "x").status == 1
        assert wb.run("finding", "add", case, "--requirement", "3.4-1", "--text", "x").status == 1
        assert wb.run("finding", "add", case, "--requirement", "3.4-1",
                      "--kind", "observation").status == 1
        assert wb.run("finding", "set-status", fid).status == 1
        assert wb.run("finding", "close", fid).status == 1


def test_finding_locked():
    with Workbench() as wb:
        case = make_case(wb)
        fid = add_finding(wb, case)
        lock(wb, case)
        wb.refused("finding", "add", case, "--requirement", "3.4-2", "--kind", "observation",
                   "--text", "x", fragment="panel")
        wb.refused("finding", "remove", fid, fragment="panel")
        # the lock lets the status through
        wb.ok("finding", "set-status", fid, "rectified")
        assert wb.ok("finding", "list", case, "--json").json()[0]["status"] == "rectified"


# --- registers -------------------------------------------------------------------------------

def test_staff():
    with Workbench() as wb:
        case = make_case(wb)
        zhang = wb.created("staff", "add", case, "--name", "Zhang Wei", "--full-time",
                           "--certificate", "CISP-0001", "--valid-until", "2027-06-30")
        li = wb.created("staff", "add", case, "--name", "Li Na", "--kind", "CISAW",
                        "--certificate", "CISAW-7", "--valid-until", "2026-02-28")
        staff = {s["id"]: s for s in wb.ok("staff", "list", case, "--json",
                                            env={"AWB_TODAY": "2026-02-28"}).json()}
        assert staff[zhang]["name"] == "Zhang Wei" and staff[zhang]["full_time"] is True
        assert staff[zhang]["kind"] == "CISP" and staff[zhang]["certificate"] == "CISP-0001"
        assert staff[zhang]["valid_until"] == "2027-06-30"
        assert staff[li]["full_time"] is False and staff[li]["kind"] == "CISAW"
        # valid-until is inclusive
        assert staff[li]["valid_today"] is True
        later = {s["id"]: s for s in wb.ok("staff", "list", case, "--json",
                                            env={"AWB_TODAY": "2026-03-01"}).json()}
        assert later[li]["valid_today"] is False
        assert "expired" in wb.ok("staff", "list", case, env={"AWB_TODAY": "2026-03-01"}).out

        wb.ok("staff", "remove", li[:8])
        assert [s["id"] for s in wb.ok("staff", "list", case, "--json").json()] == [zhang]
        assert [e["action"] for e in own_history(wb, case)] == ["remove", "add", "add"]


def test_staff_refusals():
    with Workbench() as wb:
        case = make_case(wb)
        other = make_case(wb)
        wb.created("staff", "add", case, "--name", "Zhang Wei", "--certificate", "CISP-0001",
                   "--valid-until", "2027-06-30")
        add = ["staff", "add", case, "--name", "Li Na"]
        wb.refused(*add, "--certificate", "CISP-0001", "--valid-until", "2027-01-01",
                   fragment="CISP-0001")
        wb.refused(*add, "--certificate", "cisp-0001", "--valid-until", "2027-01-01",
                   fragment="Zhang Wei")
        wb.refused(*add, "--certificate", "CISP-2", "--valid-until", "2027-02-29",
                   fragment="2027-02-29")
        wb.refused(*add, "--certificate", "CISP-2", "--valid-until", "30.06.2027",
                   fragment="30.06.2027")
        wb.refused(*add, "--certificate", " ", "--valid-until", "2027-01-01",
                   fragment="certificate number")
        wb.refused(*add, "--kind", "", "--certificate", "CISP-2", "--valid-until", "2027-01-01",
                   fragment="kind")
        wb.refused("staff", "add", case, "--name", " ", "--certificate", "CISP-2",
                   "--valid-until", "2027-01-01", fragment="name")
        wb.refused("staff", "add", "00000000", "--name", "Li Na", "--certificate", "CISP-2",
                   "--valid-until", "2027-01-01", fragment="00000000")
        wb.refused("staff", "remove", "00000000", fragment="00000000")
        wb.refused("staff", "list", "00000000", fragment="00000000")
        # the same number in another case is another certificate holder's business
        wb.created("staff", "add", other, "--name", "Zhang Wei", "--certificate", "CISP-0001",
                   "--valid-until", "2027-06-30")
        assert wb.run("staff", "add", case, "--certificate", "X", "--valid-until",
                      "2027-01-01").status == 1
        assert wb.run("staff", "add", case, "--name", "X", "--valid-until",
                      "2027-01-01").status == 1
        assert wb.run("staff", "add", case, "--name", "X", "--certificate", "X").status == 1
        assert wb.run("staff", "add", case, "--name", "X", "--certificate", "X",
                      "--valid-until", "2027-01-01", "--part-time").status == 1


def test_projects():
    with Workbench() as wb:
        case = make_case(wb)
        failed = wb.created("project", "add", case, "--client", "Beta Cloud", "--service",
                            "Cloud security assessment", "--from", "2024-03-01", "--to",
                            "2024-09-30", "--accepted", "no")
        ok = wb.created("project", "add", case, "--client", "Gamma Bank", "--service",
                        "Cloud security operations", "--from", "2025-06-01", "--to",
                        "2025-06-01", "--accepted", "yes")
        projects = wb.ok("project", "list", case, "--json").json()
        assert [p["id"] for p in projects] == [ok, failed]
        assert projects[1]["client"] == "Beta Cloud" and projects[1]["accepted"] is False
        assert projects[1]["from"] == "2024-03-01" and projects[1]["to"] == "2024-09-30"
        assert projects[0]["accepted"] is True
        assert "not accepted" in wb.ok("project", "list", case).out
        wb.ok("project", "remove", failed)
        assert [p["id"] for p in wb.ok("project", "list", case, "--json").json()] == [ok]
        hist = own_history(wb, case)
        assert hist[0]["action"] == "remove" and hist[0]["before"]["client"] == "Beta Cloud"


def test_project_refusals():
    with Workbench() as wb:
        case = make_case(wb)

        def add(client="Acme", service="audit", start="2024-01-01", end="2024-02-01",
                accepted="yes", case_id=case):
            return ["project", "add", case_id, "--client", client, "--service", service,
                    "--from", start, "--to", end, "--accepted", accepted]

        wb.refused(*add(end="2023-12-31"), fragment="2023-12-31")
        wb.refused(*add(start="2024-13-01"), fragment="2024-13-01")
        wb.refused(*add(end="2024/02/01"), fragment="2024/02/01")
        wb.refused(*add(accepted="maybe"), fragment="maybe")
        wb.refused(*add(client=" "), fragment="client")
        wb.refused(*add(service=""), fragment="service")
        wb.refused(*add(case_id="00000000"), fragment="00000000")
        wb.refused("project", "remove", "00000000", fragment="00000000")
        wb.refused("project", "list", "00000000", fragment="00000000")
        for missing in ("--client", "--service", "--from", "--to", "--accepted"):
            args = add()
            i = args.index(missing)
            del args[i:i + 2]
            assert wb.run(*args).status == 1, missing


def test_registers_locked():
    with Workbench() as wb:
        case = make_case(wb)
        sid = wb.created("staff", "add", case, "--name", "Zhang Wei", "--certificate",
                         "CISP-0001", "--valid-until", "2027-06-30")
        pid = wb.created("project", "add", case, "--client", "Acme", "--service", "audit",
                         "--from", "2024-01-01", "--to", "2024-02-01", "--accepted", "yes")
        wb.ok("rate", case, "3.2.1-1", "conformant")
        lock(wb, case)
        wb.refused("staff", "add", case, "--name", "Li Na", "--certificate", "CISP-2",
                   "--valid-until", "2027-01-01", fragment="panel")
        wb.refused("staff", "remove", sid, fragment="panel")
        wb.refused("project", "add", case, "--client", "Beta", "--service", "audit", "--from",
                   "2024-01-01", "--to", "2024-02-01", "--accepted", "no", fragment="panel")
        wb.refused("project", "remove", pid, fragment="panel")
        wb.refused("rate", case, "3.2.1-1", "largely", fragment="panel")
        wb.refused("rate", case, "3.2.1-1", "unrated", fragment="panel")
        # reading goes on
        assert len(wb.ok("staff", "list", case, "--json").json()) == 1
        assert len(wb.ok("project", "list", case, "--json").json()) == 1


# --- history ---------------------------------------------------------------------------------

def test_history():
    with Workbench() as wb:
        case = make_case(wb)
        wb.ok("rate", case, "3.2.1-1", "largely", env={"AWB_USER": "Wang"})
        wb.ok("rate", case, "3.2.1-1", "conformant", env={"AWB_USER": "Li"})
        entries = wb.ok("history", case[:8], "--json").json()
        assert isinstance(entries, list) and len(entries) >= 2
        newest = entries[0]
        assert set(newest) == {"seq", "id", "case_id", "at", "actor", "action", "entity",
                               "entity_id", "before", "after", "prev_hash", "hash"}
        assert newest["actor"] == "Li" and newest["action"] == "rate"
        assert newest["case_id"] == case and len(newest["hash"]) == 64
        # newest first, and chained
        assert [e["seq"] for e in entries] == sorted((e["seq"] for e in entries), reverse=True)
        assert entries[0]["prev_hash"] == entries[1]["hash"]

        lines = wb.ok("history", case).out.splitlines()
        assert "Li" in lines[0] and "rate" in lines[0] and "3.2.1-1" in lines[0]
        assert "largely → conformant" in lines[0]
        assert "Wang" in lines[1] and "— → largely" in lines[1]

        wb.refused("history", "00000000", fragment="00000000")
        wb.refused("history", case[:7], fragment=case[:7])
        assert wb.run("history").status == 1
        assert wb.run("history", case, "--verbose").status == 1


def test_nothing_created_by_refusals_before_opening():
    """A refusal of the command line's own values does not even create the database."""
    with Workbench() as wb:
        wb.refused("rate", "00000000", "3.1-1", "splendid", fragment="splendid")
        wb.refused("finding", "set-status", "00000000", "done", fragment="done")
        wb.refused("project", "add", "00000000", "--client", "A", "--service", "B", "--from",
                   "2024-01-01", "--to", "2024-01-02", "--accepted", "perhaps",
                   fragment="perhaps")
        assert not os.path.exists(wb.db)


if __name__ == "__main__":
    sys.exit(run_tests([
        test_rate_replace_and_history,
        test_rate_not_applicable,
        test_rate_refusals,
        test_rate_ambiguous_prefix,
        test_unrate,
        test_finding_lifecycle,
        test_finding_refusals,
        test_finding_locked,
        test_staff,
        test_staff_refusals,
        test_projects,
        test_project_refusals,
        test_registers_locked,
        test_history,
        test_nothing_created_by_refusals_before_opening,
    ]))
