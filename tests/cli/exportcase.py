# SPDX-License-Identifier: GPL-3.0-or-later
"""A fully assessed fictitious case for the export tests, written straight
into a workbench database (ids are fixed so that cells can be checked)."""

import hashlib
import json
import os
import sqlite3
import uuid

SOURCE = os.environ.get("AWB_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
CATALOGUE = os.path.join(SOURCE, "data", "catalogues", "cnitsec-cloud-l1-2025.json")

CASE_ID = "3f6c1d2a-8e4b-4c7a-9f10-5b2d7e8a9c01"
APPLICANT = "示例云安全科技有限公司 R&D"
CREDIT_CODE = "91350100M000100Y43"
TODAY = "2026-06-01"

# cells the tests look for
FORMULA_OBSERVATION = "=SUM(A1:A2)"
LONG_OBSERVATION = "长" * 40000
LARGELY = "3.2.2-4"        # rated largely, with a nonconformity to rectify
OVERDUE = "3.4-6"          # an observation whose rectification is overdue


def ident(*parts):
    """A stable UUID for a record of the fixture."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "awb-test/" + "/".join(parts)))


def requirements():
    with open(CATALOGUE, encoding="utf-8") as f:
        cat = json.load(f)
    return [(r["id"], r["section"], r["methods"]) for r in cat["requirements"]]


def sections():
    seen = []
    for _, section, _ in requirements():
        if section not in seen:
            seen.append(section)
    return seen


def build(db_path):
    """Writes the case; returns a dict of what was written (counts, ids)."""
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA foreign_keys = ON")
    ts = "2026-03-%02dT%02d:%02d:00.000000Z"
    with con:
        con.execute("INSERT INTO cases (id, catalogue_id, catalogue_version, applicant, credit_code, "
                    "app_type, stage, created_at, updated_at) VALUES (?, 'cnitsec-cloud-l1-2025', "
                    "'2025.05', ?, ?, 'initial', 'evaluation', ?, ?)",
                    (CASE_ID, APPLICANT, CREDIT_CODE, ts % (1, 8, 0), ts % (1, 8, 0)))
        for name, role in (("王磊", "leader"), ("李娜", "evaluator"), ("Chen Jie", "evaluator")):
            con.execute("INSERT INTO team_members (id, case_id, name, role, created_at) "
                        "VALUES (?, ?, ?, ?, ?)", (ident("team", name), CASE_ID, name, role,
                                                   ts % (1, 8, 1)))
        for kind, date in (("received", "2026-01-12"), ("review-sent", "2026-01-20"),
                           ("supplement-received", "2026-02-05"), ("agreement", "2026-02-16"),
                           ("paid", "2026-02-20"), ("evaluation-start", "2026-03-02")):
            con.execute("INSERT INTO case_dates (case_id, kind, date, actor, at) "
                        "VALUES (?, ?, ?, 'Tester', ?)", (CASE_ID, kind, date, ts % (1, 9, 0)))

        n_evidence = 0
        n_links = 0
        special = {}
        for i, (req, section, _) in enumerate(requirements()):
            for k, method in enumerate(("document", "interview", "demonstration")):
                eid = ident("evidence", req, method)
                observation = "%s: %s seen for %s" % (method, "work product", req)
                fields = {}
                if method == "document":
                    fields = {"version": "V2.%d" % i, "work_product": "Procedure %s" % req,
                              "location": "Archive room"}
                elif method == "interview":
                    fields = {"interviewee": "Zhao Min", "role": "Quality manager",
                              "topics": "Process %s" % req, "summary": "Explained the practice"}
                else:
                    fields = {"environment": "Lab platform", "operated": "Scan of %s" % req,
                              "operator": "Sun Yu", "outcome": "Worked as described"}
                if req == "3.1-1" and method == "document":
                    observation = FORMULA_OBSERVATION
                    special["formula"] = eid
                if req == "3.2.1-1" and method == "document":
                    observation = LONG_OBSERVATION
                    special["long"] = eid
                if req == "3.2.1-2" and method == "document":
                    observation = "+86 10 1234 5678"
                if req == "3.2.1-3" and method == "document":
                    observation = "@all - see _x0041_ and the annex"
                cols = ["id", "case_id", "method", "title", "observation", "evaluator",
                        "observed_on", "recorded_at", "updated_at"] + list(fields)
                vals = [eid, CASE_ID, method, "%s %s" % (method.title(), req), observation,
                        "李娜" if k % 2 == 0 else "Chen Jie", "2026-03-%02d" % (3 + i % 20),
                        ts % (3 + i % 20, 9 + k, i % 60), ts % (3 + i % 20, 9 + k, i % 60)]
                vals += list(fields.values())
                con.execute("INSERT INTO evidence (%s) VALUES (%s)" % (", ".join(cols),
                                                                     ", ".join("?" * len(cols))),
                            vals)
                n_evidence += 1
                supports = "partly" if req == LARGELY and method == "interview" else "yes"
                con.execute("INSERT INTO evidence_links (evidence_id, requirement_id, supports) "
                            "VALUES (?, ?, ?)", (eid, req, supports))
                n_links += 1
        # one item backing two requirements
        shared = ident("evidence", "3.2.3-1", "document")
        con.execute("INSERT INTO evidence_links (evidence_id, requirement_id, supports) "
                    "VALUES (?, '3.2.3-2', 'yes')", (shared,))
        special["shared"] = shared
        # attachments with their hashes
        for name, data in (("business-licence.pdf", b"licence"), ("org-chart.png", b"chart")):
            sha = hashlib.sha256(data).hexdigest()
            con.execute("INSERT INTO attachments (id, evidence_id, sha256, name, size, content_type, "
                        "added_at) VALUES (?, ?, ?, ?, ?, 'application/octet-stream', ?)",
                        (ident("attachment", name), special["formula"], sha, name, len(data),
                         ts % (3, 10, 0)))
        special["sha"] = hashlib.sha256(b"licence").hexdigest()

        for req, _, _ in requirements():
            rating = "largely" if req == LARGELY else "conformant"
            con.execute("INSERT INTO ratings (id, case_id, requirement_id, rating, rationale, actor, at) "
                        "VALUES (?, ?, ?, ?, ?, '王磊', ?)",
                        (ident("rating", req), CASE_ID, req, rating,
                         "Evidence by all required methods" if rating == "conformant"
                         else "One procedure is not yet followed everywhere", ts % (22, 10, 0)))

        findings = [
            (ident("finding", LARGELY), LARGELY, "nonconformity",
             "The vulnerability procedure is not applied to the cloud platform",
             "Apply the procedure to the cloud platform", "2026-07-31", "open"),
            (ident("finding", OVERDUE), OVERDUE, "observation",
             "Training records are incomplete for two engineers",
             "Complete the records", "2026-05-15", "open"),
            (ident("finding", "3.3-2"), "3.3-2", "observation",
             "-Risk register reviewed late once", None, None, "verified"),
        ]
        for fid, req, kind, text, action, due, status in findings:
            con.execute("INSERT INTO findings (id, case_id, requirement_id, kind, text, action, due, "
                        "status, actor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        "'王磊', ?, ?)", (fid, CASE_ID, req, kind, text, action, due, status,
                                         ts % (21, 11, 0), ts % (21, 11, 0)))

        staff = [("Wang Fang", 1, "CISP-2025-0101"), ("Liu Yang", 1, "CISP-2025-0102"),
                 ("Zhou Qiang", 1, "CISP-2024-0417"), ("Xu Li", 1, "CISP-2023-0930"),
                 ("Gao Jun", 0, "CISP-2022-0303")]
        for name, full_time, cert in staff:
            con.execute("INSERT INTO staff (id, case_id, name, full_time, cert_kind, cert_no, "
                        "valid_until, created_at, updated_at) VALUES (?, ?, ?, ?, 'CISP', ?, "
                        "'2028-12-31', ?, ?)", (ident("staff", name), CASE_ID, name, full_time,
                                               cert, ts % (4, 10, 0), ts % (4, 10, 0)))
        projects = [("Cloud A Ltd", "Security assessment", "2024-03-01", "2024-09-30"),
                    ("Cloud B Ltd", "Hardening", "2025-01-10", "2025-06-30"),
                    ("City data centre", "Incident response", "2025-08-01", "2025-12-20")]
        for client, service, start, end in projects:
            con.execute("INSERT INTO projects (id, case_id, client, service, from_date, to_date, "
                        "accepted, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                        (ident("project", client), CASE_ID, client, service, start, end,
                         ts % (4, 11, 0), ts % (4, 11, 0)))

        members = [("张伟", "chair", "Beijing Institute"), ("Lin Hui", "member", "Shanghai Lab"),
                   ("Ma Rui", "member", "Independent")]
        for name, role, aff in members:
            con.execute("INSERT INTO panel_members (id, case_id, name, affiliation, role, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)", (ident("member", name), CASE_ID, name, aff,
                                                       role, ts % (25, 9, 0)))
        con.execute("INSERT INTO panel_reviews (id, case_id, member_id, scope, sufficient, "
                    "reasonable, comment, at) VALUES (?, ?, ?, '3.2.2', 0, 1, ?, ?)",
                    (ident("review", "张伟", "3.2.2"), CASE_ID, ident("member", "张伟"),
                     "Ask for the cloud platform records", ts % (26, 9, 0)))
        con.execute("INSERT INTO panel_reviews (id, case_id, member_id, scope, sufficient, "
                    "reasonable, comment, at) VALUES (?, ?, ?, 'overall', 1, 1, '', ?)",
                    (ident("review", "张伟", "overall"), CASE_ID, ident("member", "张伟"),
                     ts % (26, 9, 5)))
        con.execute("INSERT INTO panel_votes (id, case_id, member_id, vote, comment, at) "
                    "VALUES (?, ?, ?, 'pass', '', ?)", (ident("vote", "张伟"), CASE_ID,
                                                       ident("member", "张伟"), ts % (26, 10, 0)))
        con.execute("INSERT INTO panel_votes (id, case_id, member_id, vote, comment, at) "
                    "VALUES (?, ?, ?, 'fail', ?, ?)", (ident("vote", "Lin Hui"), CASE_ID,
                                                      ident("member", "Lin Hui"),
                                                      "Rectification first", ts % (26, 10, 5)))
    con.close()
    return {
        "evidence": n_evidence,
        "requirements": len(requirements()),
        "sections": len(sections()),
        "findings": len(findings),
        "staff": len(staff),
        "projects": len(projects),
        "members": [m[0] for m in members],
        "special": special,
    }
