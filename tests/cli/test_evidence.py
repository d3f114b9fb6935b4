#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""awb evidence add | list | show | remove | restore | attach | detach, and awb verify,
driven as a user would."""

import hashlib
import json
import os
import stat
import sys

sys.path.insert(0, os.path.dirname(__file__))
from awbcli import Workbench, run_tests  # noqa: E402

TODAY = {"AWB_TODAY": "2026-11-25"}


def make_case(wb, baseline=None):
    """A case to record evidence in; with baseline, a maintenance case started from it."""
    if baseline is None:
        return wb.new_case()
    return wb.new_case("示例云安全科技有限公司", "--type", "maintenance", "--from-case", baseline,
                       "--previous-certificate", "CCRC-2023-0001",
                       "--previous-expiry", "2027-08-01")


def new_workbench():
    return Workbench(env=TODAY)


def write(wb, name, data):
    path = os.path.join(wb.dir, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


def store_path(wb, sha):
    return os.path.join(wb.db + ".attachments", sha[:2], sha)


def add_document(wb, case_id, *extra, requirement="3.1-1", title="Business licence"):
    return wb.created("evidence", "add", case_id, "--method", "document",
                      "--requirement", requirement, "--title", title, *extra)


def test_add_list_show():
    with new_workbench() as wb:
        case_id = make_case(wb)
        scan = write(wb, "现场 材料/营业执照 扫描件.pdf", b"%PDF-1.4 licence scan")
        eid = wb.created("evidence", "add", case_id[:8], "--method", "document",
                         "--requirement", "3.1-1", "--requirement", "3.2.5-1",
                         "--title", "Business licence", "--observation", "Credit code matches",
                         "--supports", "partly", "--evaluator", "王工",
                         "--observed-on", "2026-11-20", "--attach", scan,
                         "--field", "version=2024 edition", "--field", "work-product=licence",
                         "--field", "location=Front desk, Room 301")

        items = wb.ok("evidence", "list", case_id, "--json").json()
        assert len(items) == 1
        item = items[0]
        assert item["id"] == eid
        assert item["case_id"] == case_id
        assert item["method"] == "document"
        assert item["title"] == "Business licence"
        assert item["observation"] == "Credit code matches"
        assert item["evaluator"] == "王工"
        assert item["observed_on"] == "2026-11-20"
        assert item["recorded_at"].endswith("Z")
        assert item["supports"] == "partly"
        assert item["requirements"] == [{"id": "3.1-1", "supports": "partly"},
                                        {"id": "3.2.5-1", "supports": "partly"}]
        assert item["version"] == "2024 edition"
        assert item["work-product"] == "licence"
        assert item["location"] == "Front desk, Room 301"
        assert "interviewee" not in item
        (att,) = item["attachments"]
        data = b"%PDF-1.4 licence scan"
        assert att["name"] == "营业执照 扫描件.pdf"
        assert att["size"] == len(data)
        assert att["sha256"] == hashlib.sha256(data).hexdigest()
        assert att["type"] == "application/pdf"
        assert len(att["id"]) == 36

        # the file is in the store beside the database, private
        path = store_path(wb, att["sha256"])
        with open(path, "rb") as f:
            assert f.read() == data
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(wb.db + ".attachments").st_mode) == 0o700

        shown = wb.ok("evidence", "show", eid[:8], "--json").json()
        assert shown == item

        human = wb.ok("evidence", "list", case_id).out
        assert eid[:8] in human and "Business licence" in human and "3.2.5-1" in human
        human = wb.ok("evidence", "show", eid).out
        assert eid in human and "Front desk, Room 301" in human and "营业执照 扫描件.pdf" in human

        # the history holds the action, and verify is content
        rows = wb.sql("SELECT action, entity, entity_id, actor FROM history WHERE entity = ?",
                      "evidence")
        assert rows == [("add", "evidence", eid, "Tester")], rows
        assert wb.ok("verify").status == 0


def test_per_requirement_supports():
    with new_workbench() as wb:
        case_id = make_case(wb)
        eid = wb.created("evidence", "add", case_id, "--method", "interview",
                         "--requirement", "3.2.3-5:partly", "--requirement", "3.2.3-1",
                         "--requirement", "3.2.3-2:yes", "--supports", "no",
                         "--title", "HR interview", "--field", "interviewee=张女士",
                         "--field", "role=HR manager", "--field", "topics=social insurance",
                         "--field", "summary=4 full-time CISP holders")
        item = wb.ok("evidence", "show", eid, "--json").json()
        assert item["requirements"] == [{"id": "3.2.3-5", "supports": "partly"},
                                        {"id": "3.2.3-1", "supports": "no"},
                                        {"id": "3.2.3-2", "supports": "yes"}]
        assert item["supports"] == "mixed"
        assert item["interviewee"] == "张女士"
        assert item["summary"] == "4 full-time CISP holders"
        assert item["observed_on"] is None

        # listing by requirement: "supports" is how it bears on that one
        (listed,) = wb.ok("evidence", "list", case_id, "--requirement", "3.2.3-1", "--json").json()
        assert listed["supports"] == "no"
        assert wb.ok("evidence", "list", case_id, "--requirement", "3.1-1", "--json").json() == []

        demo = wb.created("evidence", "add", case_id, "--method", "demonstration",
                          "--requirement", "3.2.4-2", "--title", "Test lab walk-through",
                          "--field", "environment=Lab B", "--field", "operated=scanner",
                          "--field", "operator=Zhao", "--field", "outcome=found 3 issues")
        item = wb.ok("evidence", "show", demo, "--json").json()
        assert (item["environment"], item["operated"], item["operator"], item["outcome"]) == \
            ("Lab B", "scanner", "Zhao", "found 3 issues")
        assert item["supports"] == "yes"
        ids = [i["id"] for i in wb.ok("evidence", "list", case_id, "--json").json()]
        assert ids == [eid, demo]


def test_refusals():
    with new_workbench() as wb:
        case_id = make_case(wb)
        good = ["evidence", "add", case_id, "--method", "document", "--requirement", "3.1-1",
                "--title", "Licence"]
        wb.refused("evidence", "add", case_id, "--method", "video", "--requirement", "3.1-1",
                   "--title", "x", fragment="video")
        wb.refused(*good[:6], "9.9-9", "--title", "x", fragment="9.9-9")
        wb.refused(*good, "--requirement", "3.1-1", fragment="3.1-1")
        wb.refused(*good, "--supports", "maybe", fragment="maybe")
        wb.refused(*good[:6], "3.1-1:maybe", "--title", "x", fragment="3.1-1:maybe")
        wb.refused(*good, "--field", "interviewee=Li", fragment="interviewee")
        r = wb.refused(*good, "--field", "colour=red", fragment="colour")
        assert "version, work-product, location" in r.err, r
        wb.refused(*good, "--field", "novalue", fragment="novalue")
        wb.refused(*good, "--field", "version=1", "--field", "version=2", fragment="version")
        wb.refused(*good, "--observed-on", "2026-02-30", fragment="2026-02-30")
        wb.refused(*good, "--observed-on", "25/11/2026", fragment="25/11/2026")
        wb.refused(*good, "--observed-on", "2026-11-26", fragment="2026-11-26")  # tomorrow
        missing = os.path.join(wb.dir, "没有 这个.pdf")
        wb.refused(*good, "--attach", missing, fragment=missing)
        assert not os.path.exists(wb.db + ".attachments")
        wb.refused(*good, "--attach", wb.dir, fragment=wb.dir)
        wb.refused("evidence", "add", case_id, "--method", "document", "--requirement", "3.1-1",
                   "--title", "  ", fragment="title")
        wb.refused("evidence", "add", "0badcafe-0000-4000-8000-000000000000", "--method",
                   "document", "--requirement", "3.1-1", "--title", "x", fragment="0badcafe")
        wb.refused("evidence", "add", "0bad", "--method", "document", "--requirement", "3.1-1",
                   "--title", "x", fragment="0bad")

        # reading refusals
        wb.refused("evidence", "show", "0badcafe", fragment="0badcafe")
        wb.refused("evidence", "remove", "0badcafe", fragment="0badcafe")
        wb.refused("evidence", "restore", "0badcafe", fragment="0badcafe")
        wb.refused("evidence", "list", case_id, "--requirement", "3.9-9", fragment="3.9-9")
        wb.refused("evidence", "list", case_id, "--reference", fragment=case_id)
        wb.refused("evidence", "list", "0badcafe", fragment="0badcafe")
        wb.refused("verify", "0badcafe", fragment="0badcafe")

        # a command line not understood: 1, and nothing written either
        before = wb.dump()
        for args in (["evidence", "add", case_id, "--requirement", "3.1-1", "--title", "x"],
                     ["evidence", "add", case_id, "--method", "document", "--title", "x"],
                     ["evidence", "add", case_id, "--method", "document", "--requirement", "3.1-1"],
                     ["evidence", "add", "--method", "document", "--requirement", "3.1-1",
                      "--title", "x"],
                     good + ["--colour", "red"],
                     ["evidence", "show"],
                     ["evidence", "frobnicate", case_id]):
            r = wb.run(*args)
            assert r.status == 1, (args, r)
        assert wb.dump() == before

        # the refusals left nothing behind, and the good one works
        assert wb.ok("evidence", "list", case_id, "--json").json() == []
        wb.created(*good)


def test_lock():
    with new_workbench() as wb:
        case_id = make_case(wb)
        f = write(wb, "a.txt", "a")
        eid = add_document(wb, case_id, "--attach", f)
        gone = add_document(wb, case_id, title="To be removed")
        wb.ok("evidence", "remove", gone)
        att = wb.ok("evidence", "show", eid, "--json").json()["attachments"][0]["id"]
        wb.sql("UPDATE cases SET submitted_at = '2026-11-24T09:00:00Z' WHERE id = ?", case_id)

        g = write(wb, "g.txt", "new content")
        wb.refused("evidence", "add", case_id, "--method", "document", "--requirement", "3.1-1",
                   "--title", "x", "--attach", g, fragment="expert panel")
        assert not os.path.exists(store_path(wb, hashlib.sha256(b"new content").hexdigest()))
        wb.refused("evidence", "remove", eid, fragment="expert panel")
        wb.refused("evidence", "restore", gone, fragment="expert panel")
        wb.refused("evidence", "attach", eid, g, fragment="expert panel")
        wb.refused("evidence", "detach", att, fragment="expert panel")
        # reading is fine
        assert len(wb.ok("evidence", "list", case_id, "--json").json()) == 1


def test_remove_restore():
    with new_workbench() as wb:
        case_id = make_case(wb)
        f = write(wb, "drill 演练记录.txt", "drill record")
        eid = wb.created("evidence", "add", case_id, "--method", "demonstration",
                         "--requirement", "3.3-5", "--requirement", "3.3-2:partly",
                         "--title", "Failover drill", "--attach", f,
                         "--field", "outcome=Failover in 4 minutes")
        keep = add_document(wb, case_id)
        before = wb.ok("evidence", "show", eid, "--json").json()

        r = wb.ok("evidence", "remove", eid[:8])
        assert r.out == "" and eid in r.err
        assert [i["id"] for i in wb.ok("evidence", "list", case_id, "--json").json()] == [keep]
        wb.refused("evidence", "show", eid, fragment=eid)
        wb.refused("evidence", "remove", eid, fragment=eid)
        wb.refused("evidence", "restore", keep, fragment="not removed")
        assert wb.sql("SELECT entity, id FROM tombstones") == [("evidence", eid)]

        wb.ok("evidence", "restore", eid[:8])
        after = wb.ok("evidence", "show", eid, "--json").json()
        for k in ("rev", "updated_at"):
            before.pop(k)
            after.pop(k)
        assert after == before
        assert [i["id"] for i in wb.ok("evidence", "list", case_id, "--json").json()] == [eid, keep]
        wb.refused("evidence", "restore", eid, fragment="not removed")
        assert wb.sql("SELECT count(*) FROM tombstones") == [(0,)]
        assert wb.ok("verify").status == 0


def test_attach_detach_store_once():
    with new_workbench() as wb:
        case_id = make_case(wb)
        data = b"same bytes in two files"
        a = write(wb, "a.pdf", data)
        b = write(wb, "copy of a.pdf", data)
        e1 = add_document(wb, case_id, "--attach", a)
        e2 = add_document(wb, case_id, title="Licence copy")
        att = wb.created("evidence", "attach", e2, b)
        wb.refused("evidence", "attach", e2, a, fragment="copy of a.pdf")
        wb.refused("evidence", "attach", e2, os.path.join(wb.dir, "nope.pdf"), fragment="nope.pdf")
        sha = hashlib.sha256(data).hexdigest()
        store = wb.db + ".attachments"
        files = [os.path.join(d, n) for d, _, ns in os.walk(store) for n in ns]
        assert files == [store_path(wb, sha)], files
        assert wb.ok("evidence", "show", e1, "--json").json()["attachments"][0]["sha256"] == sha

        wb.ok("evidence", "detach", att[:8])
        assert wb.ok("evidence", "show", e2, "--json").json()["attachments"] == []
        wb.refused("evidence", "detach", att, fragment=att)
        # the file stays: e1 still holds it
        assert os.path.exists(store_path(wb, sha))
        assert wb.ok("verify").status == 0


def test_reference():
    with new_workbench() as wb:
        old = make_case(wb, baseline=None)
        old_items = [add_document(wb, old, title="Last cycle's licence"),
                     add_document(wb, old, requirement="3.2.3-5", title="Last cycle's roster")]
        new = make_case(wb, baseline=old)
        add_document(wb, new, title="This cycle's licence")

        ref = wb.ok("evidence", "list", new, "--reference", "--json").json()
        assert [i["id"] for i in ref] == old_items
        assert all(i["case_id"] == old for i in ref)
        ref = wb.ok("evidence", "list", new, "--reference", "--requirement", "3.2.3-5",
                    "--json").json()
        assert [i["id"] for i in ref] == old_items[1:]
        assert len(wb.ok("evidence", "list", new, "--json").json()) == 1


def test_verify():
    with new_workbench() as wb:
        case_id = make_case(wb)
        other = make_case(wb)
        one = write(wb, "one 一.txt", "one")
        two = write(wb, "two.txt", "two")
        eid = add_document(wb, case_id, "--attach", one, "--attach", two)
        add_document(wb, other)

        r = wb.ok("verify", "--json")
        report = r.json()
        assert report["ok"] is True and report["case"] is None
        assert report["attachments"]["checked"] == 2
        assert report["history"]["problems"] == [] and report["attachments"]["problems"] == []
        assert "intact" in wb.ok("verify").out

        # an altered file in the store: exit 2, named
        p1 = store_path(wb, hashlib.sha256(b"one").hexdigest())
        os.chmod(p1, 0o600)
        with open(p1, "w") as f:
            f.write("One")
        r = wb.run("verify")
        assert r.status == 2, r
        assert "altered" in r.out and "one 一.txt" in r.out and eid in r.out, r
        r = wb.run("verify", case_id[:8], "--json")
        assert r.status == 2, r
        report = r.json()
        assert report["ok"] is False and report["case"] == case_id
        assert len(report["attachments"]["problems"]) == 1
        # the other case is fine
        assert wb.run("verify", other).status == 0

        # put it right: all well again
        with open(p1, "w") as f:
            f.write("one")
        assert wb.run("verify").status == 0

        # a missing file
        p2 = store_path(wb, hashlib.sha256(b"two").hexdigest())
        os.unlink(p2)
        r = wb.run("verify")
        assert r.status == 2 and "missing" in r.out and p2 in r.out, r
        # attaching the same content again (to any item) puts it back
        wb.created("evidence", "attach", add_document(wb, other), two)
        assert os.path.exists(p2)
        assert wb.run("verify").status == 0

        # a leftover temporary file is cleaned, not reported
        tmp = os.path.join(wb.db + ".attachments", ".tmp-Ab12Cd")
        with open(tmp, "w") as f:
            f.write("half a fi")
        r = wb.run("verify", "--json")
        assert r.status == 0, r
        assert r.json()["attachments"]["temporary_files_removed"] == 1
        assert not os.path.exists(tmp)

        # a tampered history row
        wb.sql("UPDATE history SET actor = 'Mallory' WHERE entity_id = ?", eid)
        r = wb.run("verify")
        assert r.status == 2 and "altered" in r.out, r


if __name__ == "__main__":
    sys.exit(run_tests([test_add_list_show, test_per_requirement_supports, test_refusals,
                        test_lock, test_remove_restore, test_attach_detach_store_once,
                        test_reference, test_verify]))
