#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A whole assessment driven through the real window by AT-SPI, as a screen
reader user would: create a case, record one evidence item of each method for
the process area 3.3-2, rate it, see the conclusion change, export the
workbook. Then the database (through the awb CLI) and the .xlsx (openpyxl)
must hold what was done. Screenshots in build/test-artifacts/."""

import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import awbgui  # noqa: E402
import pyatspi  # noqa: E402

REQ = "3.3-2"
APPLICANT = "Qinghe Cloud Security Ltd."
CODE = "91350100M000100Y43"


def new_case(app, win):
    awbgui.window_action(win, "win.new-case")
    dialog = awbgui.wait_frame(app, name="New Case")
    awbgui.set_text(awbgui.find_one(dialog, pyatspi.ROLE_TEXT, "Name of the applicant"), APPLICANT)
    awbgui.set_text(awbgui.find_one(dialog, pyatspi.ROLE_TEXT,
                                    "Unified social credit code (18 characters)"), CODE)
    awbgui.find_one(dialog, pyatspi.ROLE_LABEL, "Valid credit code")
    awbgui.set_text(awbgui.find_one(dialog, pyatspi.ROLE_TEXT, "Project leader"), "Lin Feng")
    awbgui.press(awbgui.find_button(dialog, "Create"))
    return awbgui.wait_frame(app, name=APPLICANT)


def open_requirement(win):
    awbgui.show_page(win, "Requirements")
    search = awbgui.find_one(win, pyatspi.ROLE_ENTRY, "Search requirements")
    awbgui.set_text(search, REQ)
    tree = awbgui.find_one(win, pyatspi.ROLE_LIST, "Requirements")
    awbgui.wait_for(lambda: tree.childCount <= 3, what="the search to narrow the tree")
    awbgui.select_in_list(tree, REQ + " ")
    awbgui.find_one(win, pyatspi.ROLE_LABEL, REQ)


def add_evidence(app, win, method, title, fields):
    awbgui.window_action(win, "win.new-evidence")
    dialog = awbgui.wait_frame(app, name="Evidence")
    awbgui.press(awbgui.find_button(dialog, method))
    awbgui.set_text(awbgui.find_one(dialog, pyatspi.ROLE_TEXT, "Title"), title)
    for label, value in fields.items():
        awbgui.set_text(awbgui.find_one(dialog, pyatspi.ROLE_TEXT, label), value)
    # the item is linked to the requirement whose page is open
    awbgui.find_one(dialog, pyatspi.ROLE_LIST_ITEM, REQ, prefix=True)
    awbgui.press(awbgui.find_button(dialog, "Add"))
    awbgui.wait_for(lambda: dialog not in awbgui.frames(app.application())
                    or not awbgui.showing(dialog), what="the evidence dialog to close")


def counts_label(win):
    return awbgui.find_one(win, pyatspi.ROLE_LABEL, "requirements rated", contains=True)


def export(app, win, path):
    awbgui.window_action(win, "win.export")
    chooser = awbgui.wait_frame(app, name="Export Workbook", timeout=30)
    name = awbgui.find_one(chooser, pyatspi.ROLE_TEXT, "Name:", timeout=15)
    awbgui.set_text(name, path)
    awbgui.press(awbgui.find_button(chooser, "Export"))
    awbgui.find_one(win, pyatspi.ROLE_LABEL, "Workbook exported", contains=True, timeout=60)


def check_database(db):
    cases = json.loads(awbgui.run_cli("case", "list", "--json", db=db))
    mine = [c for c in cases if c["applicant"] == APPLICANT]
    assert len(mine) == 1, "the case is not in the database: %r" % cases
    case = mine[0]
    assert case["credit_code"] == CODE and not case["is_demo"], case
    assert case["team"]["leader"] == "Lin Feng", case["team"]

    items = json.loads(awbgui.run_cli("evidence", "list", case["id"], "--requirement", REQ,
                                      "--json", db=db))
    methods = sorted(i["method"] for i in items)
    assert methods == ["demonstration", "document", "interview"], methods
    interview = [i for i in items if i["method"] == "interview"][0]
    assert interview["title"] == "Interview with the process owner", interview

    conclusion = json.loads(awbgui.run_cli("conclude", case["id"], "--json", db=db))
    req = [r for r in conclusion["requirements"] if r["id"] == REQ][0]
    assert req["rating"] == "conformant", req
    assert req["sufficiency"] == "sufficient", req
    assert req["methods"] == {"document": 1, "interview": 1, "demonstration": 1}, req

    ratings = json.loads(awbgui.run_cli("ratings", case["id"], "--json", db=db))
    rated = [r for r in ratings if r.get("requirement") == REQ or r.get("requirement_id") == REQ]
    assert rated and "three methods" in (rated[0].get("rationale") or ""), rated
    return case["id"]


def check_workbook(path, case_id):
    import openpyxl
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) >= 5, book.sheetnames
    found = False
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            if REQ in row and any(isinstance(v, str) and "Interview with the process owner" in v
                                  for v in row):
                found = True
            if REQ in row and any(v in ("Conformant", "符合") for v in row):
                found = True
    assert found, "the workbook has no row for %s with its rating or evidence" % REQ


def main():
    failures = []
    with tempfile.TemporaryDirectory(prefix="awb-e2e-") as tmp:
        db = os.path.join(tmp, "data", "workbench.db")
        xlsx = os.path.join(tmp, "qinghe.xlsx")
        with awbgui.App(["--db", db], tmp, env={"AWB_USER": "E2E Evaluator"}) as app:
            win = awbgui.wait_frame(app, contains="(demo)", timeout=60)
            app.screenshot("e2e-1-demo")

            win = new_case(app, win)
            open_requirement(win)
            app.screenshot("e2e-2-new-case")

            awbgui.show_page(win, "Conclusion")
            before = awbgui.text_of(counts_label(win))
            awbgui.show_page(win, "Requirements")

            add_evidence(app, win, "Document review", "Risk assessment report of project A",
                         {"Kind of work product": "Risk assessment report"})
            add_evidence(app, win, "Interview", "Interview with the process owner",
                         {"Interviewee": "Zhang Min"})
            add_evidence(app, win, "Demonstration", "Monitoring platform shown live",
                         {"Tool, platform or environment": "Risk monitoring platform"})
            row = awbgui.find_one(win, name=REQ + " ", prefix=True)
            awbgui.wait_for(lambda: "Document review 1, interviews 1, demonstrations 1" in
                            (awbgui.find_all(win, name=REQ + " ", prefix=True)[0].name),
                            what="the badges of %s to count the three items" % REQ)
            awbgui.wait_for(lambda: "Evidence sufficient." in
                            awbgui.find_all(win, name=REQ + " ", prefix=True)[0].name,
                            what="%s to have sufficient evidence" % REQ)

            rationale = awbgui.find_one(win, pyatspi.ROLE_TEXT, "Rationale")
            awbgui.set_text(rationale, "All three methods corroborate each other.")
            awbgui.press(awbgui.find_button(win, "Conformant"))
            awbgui.wait_for(lambda: "Conformant." in
                            awbgui.find_all(win, name=REQ + " ", prefix=True)[0].name,
                            what="the row of %s to show the rating" % REQ)
            app.screenshot("e2e-3-rated")

            awbgui.show_page(win, "Conclusion")
            after = awbgui.wait_for(lambda: (lambda t: t if t != before else None)(
                awbgui.text_of(counts_label(win))), what="the conclusion to change")
            if not after.startswith("1 of 42 requirements rated, 1 backed"):
                failures.append("conclusion counts %r (before: %r)" % (after, before))
            app.screenshot("e2e-4-conclusion")

            export(app, win, xlsx)
            app.screenshot("e2e-5-exported")
            del row

        case_id = check_database(db)
        if not os.path.exists(xlsx):
            failures.append("no workbook at %s" % xlsx)
        else:
            check_workbook(xlsx, case_id)

    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    if failures:
        return 1
    print("ok: case created, 3 evidence items, rated, conclusion changed, workbook exported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
