# SPDX-License-Identifier: GPL-3.0-or-later
"""Whole cases prepared through the awb command line for the end-to-end tests,
as an evaluator would record them (the same steps as test_whole_case in
tests/cli/test_judge.py): every requirement backed by a document, an interview
and a demonstration and rated conformant, four qualifying staff and an
accepted project, so that the audit conclusion is "pass"."""

import json

import awbgui

# Fix today for the CLI and the window alike: the registers' checks and the
# deadlines depend on it.
TODAY = "2026-05-20"

SECTIONS = [("3.1", "Business licence and public credit record"),
            ("3.2.1", "Organisation chart and management system"),
            ("3.2.2", "Technical capability records"),
            ("3.2.3", "Staff roster and certificates"),
            ("3.2.4", "Premises and test environment"),
            ("3.2.5", "Capital verification and financial statements"),
            ("3.2.6", "Contracts and acceptance reports of three years"),
            ("3.3", "Cloud security service process records"),
            ("3.4", "Project and organisational process records")]

STAFF = [("Wang Wei", "CISP-001"), ("Li Na", "CISP-002"), ("Zhang Min", "CISP-003"),
         ("Liu Yang", "CISP-004")]


def cli(db, *args):
    return awbgui.run_cli(*args, db=db)


def passing_case(db, applicant, credit_code, leader="Zhou Jing", evaluator="Wang Gong"):
    """Creates a case whose audit conclusion is "pass"; returns its id."""
    cid = cli(db, "case", "new", "--applicant", applicant, "--credit-code", credit_code,
              "--leader", leader, "--evaluator", evaluator).strip()
    for item in ("legal-entity", "stamped-bound", "electronic-copy"):
        cli(db, "case", "check", cid, item)
    for kind, date in (("received", "2026-03-02"), ("agreement", "2026-04-01"),
                       ("paid", "2026-04-03"), ("evaluation-start", "2026-04-13")):
        cli(db, "case", "set-date", cid, kind, date)
    cli(db, "case", "advance", cid, "evaluation", "--on", "2026-04-13")

    reqs = [r["requirement"] for r in json.loads(cli(db, "ratings", cid, "--json"))]
    for section, title in SECTIONS:
        links = [a for r in reqs if r.rsplit("-", 1)[0] == section for a in ("--requirement", r)]
        for method, what in (("document", "documents"), ("interview", "interviews"),
                             ("demonstration", "demonstration")):
            cli(db, "evidence", "add", cid, "--method", method, "--title",
                "%s (%s)" % (title, what), "--evaluator", evaluator,
                "--observed-on", "2026-04-14", *links)
    for r in reqs:
        cli(db, "rate", cid, r, "conformant")
    for name, number in STAFF:
        cli(db, "staff", "add", cid, "--name", name, "--full-time", "--certificate", number,
            "--valid-until", "2028-12-31")
    cli(db, "project", "add", cid, "--client", "Jiahe Data Ltd.", "--service",
        "Cloud security operations", "--from", "2024-01-01", "--to", "2024-12-31",
        "--accepted", "yes")
    conclusion = json.loads(cli(db, "conclude", cid, "--json"))
    assert conclusion["conclusion"] == "pass", conclusion["reasons"]
    return cid
