#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A maintenance case created from a previous one through the real window by
AT-SPI: the previous case (prepared with the awb CLI: team, registers,
evidence) is open, "New Maintenance Case" fills the dialog from it, a refusal
(no previous certificate) is shown and writes nothing, then the case is
created; the window shows it in the sidebar and what carried over (the link,
the team, the registers, the earlier evidence), and opens the previous case
from the link. The database (through the awb CLI) must hold the new case, its
type, its link and the copies. Screenshots in build/test-artifacts/maintenance-*.png."""

import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import awbgui  # noqa: E402
import cases  # noqa: E402
import pyatspi  # noqa: E402

APPLICANT = "Wuyi Cloud Security Services Ltd."
CODE = "91350100M000100Y43"
ACTOR = "Evaluator Lin"
CERTIFICATE = "CCRC-2023-ISV-CS-0042"
EXPIRY = "2026-12-31"

check = awbgui.Checks()


def case_list(db):
    return json.loads(awbgui.run_cli("case", "list", "--json", db=db))


def field(dialog, name):
    return awbgui.find_one(dialog, pyatspi.ROLE_TEXT, name)


def combo_value(dialog, name):
    """The value an AdwComboRow shows as its subtitle."""
    combo = awbgui.find_one(dialog, pyatspi.ROLE_COMBO_BOX, name)
    return [n.name for n in awbgui.walk(combo, limit=6)
            if n.getRole() == pyatspi.ROLE_LABEL and n.name != name]


def sidebar_items(win):
    """The cases of the sidebar: (what is said of each, selected)."""
    listing = awbgui.find_one(win, pyatspi.ROLE_LIST, "Cases")
    items = []
    for i in range(listing.childCount):
        item = listing.getChildAtIndex(i)
        said = [n.name for n in awbgui.walk(item, limit=1)
                if n.getRole() == pyatspi.ROLE_FILLER and (n.name or "").startswith(APPLICANT)]
        items.append((said[0] if said else "", item.getState().contains(pyatspi.STATE_SELECTED)))
    return items


def create_maintenance(app, win, previous):
    awbgui.window_action(win, "win.new-maintenance-case")
    dialog = awbgui.wait_frame(app, name="New Maintenance Case")
    app.screenshot("maintenance-1-dialog")

    # what the previous case gives, before anything is created
    check(awbgui.text_of(field(dialog, "Name of the applicant")) == APPLICANT, "applicant not filled")
    check(awbgui.text_of(field(dialog, "Unified social credit code (18 characters)")) == CODE,
          "credit code not filled")
    check(awbgui.text_of(field(dialog, "Project leader")) == "Zhou Jing", "leader not filled")
    check(awbgui.text_of(field(dialog, "Evaluators, separated by commas")) == "Wang Gong",
          "evaluators not filled")
    check("Maintenance" in combo_value(dialog, "Application type"),
          "type %r" % combo_value(dialog, "Application type"))
    baseline = combo_value(dialog, "Start from case")
    check(any(previous[:8] in v and APPLICANT in v for v in baseline), "baseline shown %r" % baseline)
    awbgui.find_one(dialog, pyatspi.ROLE_LABEL, "The project team and the staff and project "
                    "registers of the earlier case are copied", prefix=True)

    # without the previous certificate the core refuses: said in the dialog, nothing written
    create = awbgui.find_button(dialog, "Create")
    awbgui.press(create)
    awbgui.find_one(dialog, pyatspi.ROLE_LABEL, "previous certificate's number", contains=True)
    check(len(case_list(app.db)) == 1, "a refused case was written")

    awbgui.set_text(field(dialog, "Previous certificate number"), CERTIFICATE)
    awbgui.set_text(field(dialog, "Previous certificate expires on (YYYY-MM-DD)"), EXPIRY)
    awbgui.set_text(field(dialog, "Project leader"), "Lin Feng")
    awbgui.press(create)
    awbgui.wait_gone(app, "New Maintenance Case")


def check_window(app, win, previous):
    # the sidebar (hidden beside a case below 1280 pixels: shown) lists both
    # cases, the new one selected, a maintenance case in acceptance
    awbgui.window_action(win, "win.show-cases")
    items = awbgui.wait_for(lambda: (lambda s: s if len(s) == 2 else None)(sidebar_items(win)),
                            what="two cases in the sidebar")
    check(("%s, Acceptance · Maintenance · %s" % (APPLICANT, CODE), True) in items,
          "sidebar %r" % items)
    check(("%s, Evaluation · Initial · %s" % (APPLICANT, CODE), False) in items,
          "sidebar %r" % items)
    app.screenshot("maintenance-2-sidebar")
    awbgui.window_action(win, "win.show-cases")
    new = [c for c in case_list(app.db) if c["id"] != previous][0]["id"]

    # the case page: the type, the link to the previous case, the team
    awbgui.show_page(win, "Case")
    awbgui.find_one(win, pyatspi.ROLE_LABEL, "Maintenance: previous certificate %s, expiring %s"
                    % (CERTIFICATE, EXPIRY))
    awbgui.find_one(win, pyatspi.ROLE_LABEL, "%s · Evaluation · %s — its team and registers were "
                    "copied" % (APPLICANT, previous[:8]))
    awbgui.find_one(win, pyatspi.ROLE_LABEL, new)  # the case id: the new case is open
    leader = awbgui.find_one(win, pyatspi.ROLE_TEXT, "Project leader")
    awbgui.wait_for(lambda: awbgui.text_of(leader) == "Lin Feng", what="the leader on the page")
    app.screenshot("maintenance-3-case")

    # the registers came along
    awbgui.show_page(win, "Registers")
    for name, _ in cases.STAFF:
        awbgui.find_one(win, pyatspi.ROLE_LABEL, name)
    awbgui.find_one(win, pyatspi.ROLE_LABEL, "Jiahe Data Ltd.")
    awbgui.find_one(win, pyatspi.ROLE_LABEL, "4 qualifying, 4 required")
    app.screenshot("maintenance-4-registers")

    # the earlier evidence, for reference, beside the requirement
    awbgui.show_page(win, "Requirements")
    reference = awbgui.find_one(win, pyatspi.ROLE_LIST, "Evidence of the previous case")
    awbgui.wait_for(lambda: any((n.name or "").startswith("Business licence and public credit")
                                for n in awbgui.walk(reference, limit=3)),
                    what="the previous case's evidence of 3.1-1")
    awbgui.find_one(win, pyatspi.ROLE_LABEL, "Evidence (0)")
    app.screenshot("maintenance-5-reference")

    # the link opens the previous case
    awbgui.show_page(win, "Case")
    awbgui.press(awbgui.find_one(win, pyatspi.ROLE_PUSH_BUTTON, "Open the previous case",
                                 prefix=True))
    awbgui.find_one(win, pyatspi.ROLE_LABEL, previous)
    awbgui.find_one(win, pyatspi.ROLE_LABEL, "Initial application")
    return new


def check_database(db, previous, new):
    kase = json.loads(awbgui.run_cli("case", "show", new, "--json", db=db))
    check(kase["type"] == "maintenance", "type %r" % kase["type"])
    check(kase["baseline_case"] == previous, "baseline %r" % kase["baseline_case"])
    check(kase["previous_certificate"] == CERTIFICATE and kase["previous_expiry"] == EXPIRY,
          "certificate %r %r" % (kase["previous_certificate"], kase["previous_expiry"]))
    check(kase["applicant"] == APPLICANT and kase["credit_code"] == CODE, "applicant %r" % kase)
    check(kase["team"] == {"leader": "Lin Feng", "evaluators": ["Wang Gong"]},
          "team %r" % kase["team"])
    check(kase["stage"] == "acceptance" and not kase["locked"], "stage %r" % kase["stage"])

    staff = sorted(s["name"] for s in json.loads(awbgui.run_cli("staff", "list", new, "--json",
                                                                db=db)))
    check(staff == sorted(n for n, _ in cases.STAFF), "staff copied %r" % staff)
    projects = [p["client"] for p in json.loads(awbgui.run_cli("project", "list", new, "--json",
                                                               db=db))]
    check(projects == ["Jiahe Data Ltd."], "projects copied %r" % projects)
    own = json.loads(awbgui.run_cli("evidence", "list", new, "--json", db=db))
    check(own == [], "the new case has evidence of its own: %d items" % len(own))
    reference = json.loads(awbgui.run_cli("evidence", "list", new, "--reference", "--json", db=db))
    check(len(reference) == 27, "the previous case's evidence for reference: %d" % len(reference))

    history = json.loads(awbgui.run_cli("history", new, "--json", db=db))
    created = [h for h in history if h["action"] == "create"]
    check(created and created[0]["actor"] == ACTOR, "created by %r" %
          (created and created[0]["actor"]))
    check(all(h["actor"] == ACTOR for h in history), "actors %r" % {h["actor"] for h in history})
    # the previous case is untouched
    before = json.loads(awbgui.run_cli("case", "show", previous, "--json", db=db))
    check(before["type"] == "initial" and before["stage"] == "evaluation", "previous %r" % before)


def main():
    os.environ["AWB_TODAY"] = cases.TODAY
    os.environ["AWB_USER"] = "CLI Evaluator"
    with tempfile.TemporaryDirectory(prefix="awb-maintenance-") as tmp:
        db = os.path.join(tmp, "workbench.db")
        previous = cases.passing_case(db, APPLICANT, CODE)
        with awbgui.App(["--db", db], tmp, env={"AWB_USER": ACTOR}) as app:
            app.db = db
            win = awbgui.wait_frame(app, name=APPLICANT, timeout=60)
            create_maintenance(app, win, previous)
            new = check_window(app, win, previous)
            app.screenshot("maintenance-6-previous")
        check_database(db, previous, new)

    if check.failures:
        return 1
    print("ok: maintenance case created from the previous one, what carried over shown and stored")
    return 0


if __name__ == "__main__":
    sys.exit(main())
