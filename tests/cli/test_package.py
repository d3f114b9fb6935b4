#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""awb case export --package | case import | conflicts | resolve | export --bundle,
driven as evaluators on separate laptops would."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from awbcli import Workbench, CREDIT_CODE, run_tests  # noqa: E402

TODAY = {"AWB_TODAY": "2026-11-25"}
RECORD_TABLES = ["cases", "team_members", "case_dates", "stage_moves", "checklist", "evidence",
                 "evidence_links", "attachments", "ratings", "findings", "staff", "projects",
                 "panel_members", "panel_reviews", "panel_votes"]
# records matched by a natural key keep each database's own id
NATURAL = {"ratings", "team_members", "stage_moves", "panel_members", "panel_reviews",
           "panel_votes"}


class Laptop(Workbench):
    def __init__(self, user):
        super().__init__(env=dict(TODAY, AWB_USER=user))


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def records(wb, exact=True):
    """Every record row of every record table, sorted, as text."""
    con = sqlite3.connect(wb.db)
    try:
        out = {}
        for t in RECORD_TABLES:
            cols = [r[1] for r in con.execute("PRAGMA table_info(%s)" % t)]
            if not exact and t in NATURAL:
                cols = [c for c in cols if c not in ("id", "member_id")]
            out[t] = sorted(map(repr, con.execute("SELECT %s FROM %s" % (", ".join(cols), t))))
        return out
    finally:
        con.close()


def store_bytes(wb, sha):
    with open(os.path.join(wb.db + ".attachments", sha[:2], sha), "rb") as f:
        return f.read()


def leader_case(tmp):
    """The leader's case with a licence (attached) and an organisation chart."""
    lead = Laptop("Wang")
    case = lead.new_case("示例云安全科技有限公司", "--leader", "Wang", "--evaluator", "Li",
                         "--evaluator", "Zhao")
    scan = write(os.path.join(tmp, "licence.pdf"), b"%PDF-1.4 business licence")
    licence = lead.created("evidence", "add", case, "--method", "document", "--requirement",
                           "3.1-1", "--title", "Business licence", "--attach", scan)
    lead.created("evidence", "add", case, "--method", "document", "--requirement", "3.2.1-1",
                 "--title", "Organisation chart")
    return lead, case, licence


def export(wb, case, path):
    r = wb.ok("case", "export", case, "--package", path)
    assert r.out.strip() == path, r
    return path


def test_two_evaluators():
    tmp = tempfile.mkdtemp(prefix="awb-pkg-")
    try:
        lead, case, licence = leader_case(tmp)
        p0 = export(lead, case, os.path.join(tmp, "p0.awbcase"))
        a, b = Laptop("Li"), Laptop("Zhao")
        assert a.ok("case", "import", p0).out.strip() == case
        b.ok("case", "import", p0)

        photo = write(os.path.join(tmp, "licence-photo.jpg"), b"\xff\xd8\xff\xe0 photo")
        a.created("evidence", "add", case, "--method", "interview", "--requirement", "3.2.1-1",
                  "--title", "Interview with the quality manager", "--field",
                  "interviewee=Zhang")
        a.ok("rate", case, "3.2.1-1", "conformant", "--rationale", "manual and interview agree")
        a.created("evidence", "attach", licence, photo)
        b.created("evidence", "add", case, "--method", "demonstration", "--requirement",
                  "3.2.2-1", "--title", "Vulnerability scanner run live")
        b.ok("rate", case, "3.2.1-1", "nonconformant", "--rationale", "no quality manual")
        b.ok("evidence", "remove", licence)

        pa = export(a, case, os.path.join(tmp, "li.awbcase"))
        pb = export(b, case, os.path.join(tmp, "zhao.awbcase"))
        into_a = a.ok("case", "import", pb, "--json").json()
        into_b = b.ok("case", "import", pa, "--json").json()
        assert into_a["created"] is False and into_a["new_conflicts"] == 2, into_a
        assert into_b["new_conflicts"] == 2, into_b
        assert into_a["added"] == 1 and into_b["added"] == 1, (into_a, into_b)
        assert [c["change"] for c in into_a["changes"]] == ["added"], into_a
        text = a.ok("case", "import", pb)
        assert "nothing changed" in text.err and "2 conflicts" in text.err, text

        # the two conflicts, per record, both values with who and when
        for wb, mine, theirs in ((a, "Li", "Zhao"), (b, "Zhao", "Li")):
            conflicts = wb.ok("conflicts", case, "--json").json()
            assert isinstance(conflicts, list) and len(conflicts) == 2, conflicts
            by_entity = {c["entity"]: c for c in conflicts}
            rating = by_entity["ratings"]
            assert rating["key"] == "3.2.1-1", rating
            assert rating["mine"]["actor"] == mine and rating["theirs"]["actor"] == theirs
            assert rating["mine"]["at"] and rating["theirs"]["at"], rating
            values = {rating["mine"]["value"]["rating"], rating["theirs"]["value"]["rating"]}
            assert values == {"conformant", "nonconformant"}, rating
            item = by_entity["evidence"]
            assert item["record"] == licence, item
            edited, deleted = (item["mine"], item["theirs"]) if mine == "Li" else \
                (item["theirs"], item["mine"])
            assert deleted["value"] is None and deleted["actor"] == "Zhao", item
            assert edited["value"]["title"] == "Business licence", item
            assert len(edited["value"]["attachments"]) == 2, item
            listing = wb.ok("conflicts", case).out
            assert "rating: “" in listing and "deleted" in listing, listing

        # importing the same package again changes nothing
        before = a.dump()
        a.ok("case", "import", pb)
        assert a.dump() == before

        # the same decisions on both laptops: Zhao's rating, Li's licence
        for wb, rating_side, item_side in ((a, "theirs", "mine"), (b, "mine", "theirs")):
            for c in wb.ok("conflicts", case, "--json").json():
                r = wb.ok("resolve", c["id"][:8], rating_side if c["entity"] == "ratings"
                          else item_side)
                assert "resolved" in r.err, r
            assert wb.ok("conflicts", case, "--json").json() == []
            history = wb.ok("history", case, "--json").json()
            resolves = [e for e in history if e["action"] == "resolve"]
            assert len(resolves) == 2, history
            wb.ok("verify", case)
        assert records(a, exact=False) == records(b, exact=False)
        rating = a.ok("ratings", case, "--json").json()
        assert [r for r in rating if r["requirement"] == "3.2.1-1"][0]["rating"] == \
            "nonconformant", rating
        # the photo Li attached is in Zhao's store too, byte for byte
        assert store_bytes(b, hashlib.sha256(b"\xff\xd8\xff\xe0 photo").hexdigest()) == \
            b"\xff\xd8\xff\xe0 photo"

        # another exchange brings nothing but history
        pa2 = export(a, case, os.path.join(tmp, "li-2.awbcase"))
        again = b.ok("case", "import", pa2, "--json").json()
        assert again["changes"] == [] and again["conflicts"] == [], again
        assert records(a, exact=False) == records(b, exact=False)
    finally:
        shutil.rmtree(tmp)


def test_round_trip():
    tmp = tempfile.mkdtemp(prefix="awb-pkg-")
    try:
        lead, case, licence = leader_case(tmp)
        report = write(os.path.join(tmp, "report.bin"), bytes(range(256)) * 40)
        lead.created("evidence", "add", case, "--method", "demonstration", "--requirement",
                     "3.2.4-2", "--title", "Test lab walk-through", "--attach", report)
        lead.ok("rate", case, "3.1-1", "conformant")
        lead.ok("rate", case, "3.2.6-2", "largely", "--rationale", "one project short")
        lead.created("finding", "add", case, "--requirement", "3.2.1-1", "--kind",
                     "observation", "--text", "Chart unsigned")
        lead.created("staff", "add", case, "--name", "王伟", "--full-time", "--certificate",
                     "CISP-001", "--valid-until", "2028-01-01")
        lead.created("project", "add", case, "--client", "甲客户", "--service", "风险评估",
                     "--from", "2025-01-01", "--to", "2025-06-30", "--accepted", "yes")
        lead.ok("case", "check", case, "legal-entity")
        lead.ok("case", "advance", case, "initiation", "--on", "2026-11-20")
        p = export(lead, case, os.path.join(tmp, "case.awbcase"))

        copy = Laptop("Li")
        result = copy.ok("case", "import", p, "--json").json()
        assert result["created"] is True and result["case"] == case, result
        assert records(copy) == records(lead)
        assert copy.ok("history", case, "--json").json() == \
            lead.ok("history", case, "--json").json()
        verify = copy.ok("verify", case, "--json").json()
        assert verify["ok"] and verify["attachments"]["checked"] == 2, verify
        sha = hashlib.sha256(bytes(range(256)) * 40).hexdigest()
        assert store_bytes(copy, sha) == store_bytes(lead, sha) == bytes(range(256)) * 40
    finally:
        shutil.rmtree(tmp)


def test_refusals():
    tmp = tempfile.mkdtemp(prefix="awb-pkg-")
    try:
        lead, case, licence = leader_case(tmp)
        p = export(lead, case, os.path.join(tmp, "case.awbcase"))
        lead.refused("case", "export", case, "--package", p, fragment="already exists")
        lead.ok("case", "export", case, "--package", p, "--force")

        def altered(name, sql=None, cut=None):
            path = os.path.join(tmp, name)
            shutil.copy(p, path)
            if sql:
                con = sqlite3.connect(path)
                con.executescript(sql)
                con.close()
            if cut:
                os.truncate(path, cut)
            return path

        target = Laptop("Li")
        target.ok("case", "list")  # makes the database
        notes = write(os.path.join(tmp, "notes.awbcase"), b"minutes of the opening meeting\n")
        for path, fragment in (
                (notes, "not a case package"),
                (lead.db, "workbench database"),
                (altered("cut.awbcase", cut=8192), "cut short"),
                (altered("newer.awbcase", "PRAGMA user_version = 7"), "format version 7"),
                (altered("catalogue.awbcase",
                         "UPDATE cases SET catalogue_id = 'no-such-catalogue'"),
                 "no-such-catalogue"),
                (altered("bytes.awbcase", "UPDATE attachment_data SET data = X'00'"),
                 "do not match its SHA-256")):
            for wb in (target, lead):
                wb.refused("case", "import", path, fragment=fragment)
            assert not os.path.exists(target.db + ".attachments")

        assert lead.run("case", "export", case).status == 1
        assert lead.run("resolve", "12345678", "maybe").status == 1
        lead.refused("resolve", "12345678", "mine", fragment="No conflict")
    finally:
        shutil.rmtree(tmp)


def test_bundle():
    tmp = tempfile.mkdtemp(prefix="awb-pkg-")
    try:
        lead, case, licence = leader_case(tmp)
        first = write(os.path.join(tmp, "report.pdf"), b"first report")
        os.makedirs(os.path.join(tmp, "other"))
        second = write(os.path.join(tmp, "other", "report.pdf"), b"second report")
        for path in (first, second):
            lead.created("evidence", "add", case, "--method", "document", "--requirement",
                         "3.2.1-2", "--title", "QA report", "--attach", path)

        folder = os.path.join(tmp, "bundle")
        r = lead.ok("export", case, "--bundle", folder)
        assert r.out.strip() == folder, r
        files = sorted(os.path.relpath(os.path.join(d, n), folder)
                       for d, _, names in os.walk(folder) for n in names)
        assert files == ["3.1-1/licence.pdf", "3.2.1-2/report (2).pdf", "3.2.1-2/report.pdf",
                         "SHA256SUMS", "workbook.xlsx"], files
        with open(os.path.join(folder, "3.2.1-2", "report (2).pdf"), "rb") as f:
            assert f.read() == b"second report"
        check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder,
                               capture_output=True, text=True)
        assert check.returncode == 0 and check.stdout.count(": OK") == 4, check

        # an altered file is caught by the panel's check
        write(os.path.join(folder, "3.1-1", "licence.pdf"), b"%PDF-1.4 forged")
        check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder,
                               capture_output=True, text=True)
        assert check.returncode != 0 and "licence.pdf: FAILED" in check.stdout, check

        lead.refused("export", case, "--bundle", folder, fragment="already exists")
        lead.ok("export", case, "--bundle", folder + "/", "--force")
        assert sorted(os.listdir(tmp)) == sorted(set(os.listdir(tmp))), os.listdir(tmp)
        assert not [n for n in os.listdir(tmp) if n.startswith(".bundle")], os.listdir(tmp)
        assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"],
                              cwd=folder).returncode == 0

        archive = os.path.join(tmp, "bundle.zip")
        result = lead.ok("export", case, "--bundle", archive, "--json").json()
        assert result["zip"] is True and result["attachments"] == 3, result
        with zipfile.ZipFile(archive) as z:
            assert z.testzip() is None
            assert sorted(z.namelist()) == files, z.namelist()
            assert z.read("3.2.1-2/report.pdf") == b"first report"
            unpacked = os.path.join(tmp, "unpacked")
            z.extractall(unpacked)
        check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=unpacked,
                               capture_output=True, text=True)
        assert check.returncode == 0, check
        lead.refused("export", case, "--bundle", archive, fragment="already exists")

        # a file altered in the store is not bundled under its old hash
        sha = hashlib.sha256(b"first report").hexdigest()
        with open(os.path.join(lead.db + ".attachments", sha[:2], sha), "wb") as f:
            f.write(b"tampered")
        lead.refused("export", case, "--bundle", os.path.join(tmp, "b2.zip"),
                     fragment="was altered")
        assert not os.path.exists(os.path.join(tmp, "b2.zip"))
        assert not [n for n in os.listdir(tmp) if n.startswith(".b2.zip")]
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(run_tests([test_two_evaluators, test_round_trip, test_refusals, test_bundle]))
