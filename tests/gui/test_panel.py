#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The expert panel driven through the real window by AT-SPI: a case whose
audit conclusion is "pass" (prepared with the awb CLI) is submitted to the
panel, which locks it; three members are added, review the case as a whole
and a section, and vote — a tie fails (the catalogue's rule), the third vote
decides, the conclusion is recorded, which closes the votes — then the case is
reopened with a reason. The database (through the awb CLI) must hold the
panel, the votes and reviews and the history with the window's actor.
Screenshots in build/test-artifacts/panel-*.png."""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import awbgui  # noqa: E402
import cases  # noqa: E402
import pyatspi  # noqa: E402

APPLICANT = "Minjiang Cloud Guard Ltd."
CODE = "91350100M000100Y43"
ACTOR = "Panel Secretary Gao"
REASON = "The chair asks for the 2025 staff certificates"

check = awbgui.Checks()


def enabled_actions(win):
    """The window's actions that are enabled: AT-SPI lists only those."""
    action = win.queryAction()
    return {action.getName(i) for i in range(action.nActions)}


def sensitive(node):
    return node.getState().contains(pyatspi.STATE_SENSITIVE)


def visible(node):
    """GTK 4.8 reports no "showing" state; a hidden widget mostly leaves the
    tree, and "visible" is gtk_widget_get_visible for the others."""
    return node.getState().contains(pyatspi.STATE_VISIBLE)


def shown_buttons(win, name, prefix=False):
    return [b for b in awbgui.find_all(win, pyatspi.ROLE_PUSH_BUTTON, name, prefix=prefix)
            if visible(b)]


def wait_label(win, text, contains=False, timeout=15):
    return awbgui.find_one(win, pyatspi.ROLE_LABEL, text, contains=contains, timeout=timeout)


def wait_closed(app, dialog):
    awbgui.wait_gone(app, dialog.name)


def conclusion(win):
    """The panel conclusion in large type, and the votes under it."""
    card = awbgui.find_one(win, pyatspi.ROLE_LABEL, "Expert panel conclusion")
    box = card.parent
    labels = [box.getChildAtIndex(i) for i in range(box.childCount)]
    texts = [n.name for n in labels if n.getRole() == pyatspi.ROLE_LABEL]
    return texts[1], texts[2]


def wait_conclusion(win, title, votes_prefix=None):
    def look():
        t, v = conclusion(win)
        if t == title and (votes_prefix is None or v.startswith(votes_prefix)):
            return (t, v)
        return None
    return awbgui.wait_for(look, what="the panel conclusion %r (%s)" % (title, votes_prefix))


def set_switch(dialog, name, on):
    switch = awbgui.find_one(dialog, pyatspi.ROLE_CHECK_BOX, name)
    if switch.getState().contains(pyatspi.STATE_CHECKED) != on:
        awbgui.do_action(switch, "toggle")
        awbgui.wait_for(lambda: switch.getState().contains(pyatspi.STATE_CHECKED) == on,
                        what="the switch %r to turn %s" % (name, on))


def add_member(app, win, name, affiliation, chair=False):
    awbgui.press(awbgui.find_button(win, "Add Member…"))
    dialog = awbgui.wait_frame(app, name="Add a Panel Member")
    add = awbgui.find_button(dialog, "Add")
    check(not sensitive(add), "Add is offered before a name is given")
    awbgui.set_text(awbgui.find_one(dialog, pyatspi.ROLE_TEXT, "Name"), name)
    awbgui.set_text(awbgui.find_one(dialog, pyatspi.ROLE_TEXT, "Affiliation"), affiliation)
    set_switch(dialog, "Chair of the panel", chair)
    awbgui.press(add)
    wait_closed(app, dialog)
    # the new member's row opens, with a review button per scope
    awbgui.find_one(win, pyatspi.ROLE_PUSH_BUTTON, "Review of the case as a whole by " + name,
                    prefix=True)


def review(app, win, member, scope, sufficient, reasonable, comment):
    what = "the case as a whole" if scope == "overall" else scope
    awbgui.press(awbgui.find_one(win, pyatspi.ROLE_PUSH_BUTTON,
                                 "Review of %s by %s" % (what, member), prefix=True))
    dialog = awbgui.wait_frame(app, name="Review by " + member)
    set_switch(dialog, "Evidence sufficient", sufficient)
    set_switch(dialog, "Conclusion reasonable", reasonable)
    awbgui.set_text(awbgui.find_one(dialog, pyatspi.ROLE_TEXT, "Comment on the review"), comment)
    awbgui.press(awbgui.find_button(dialog, "Record"))
    wait_closed(app, dialog)
    wait_label(win, "“%s”" % comment, contains=True)


def vote(app, win, member, choice, comment):
    awbgui.press(awbgui.find_one(win, pyatspi.ROLE_PUSH_BUTTON, "Vote of " + member, prefix=True))
    dialog = awbgui.wait_frame(app, name="Vote of " + member)
    awbgui.set_text(awbgui.find_one(dialog, pyatspi.ROLE_TEXT, "Comment on the vote"), comment)
    awbgui.press(awbgui.find_button(dialog, "Vote " + choice))
    wait_closed(app, dialog)
    wait_label(win, "Voted %s" % choice.lower(), contains=True)


def refused_by_cli(db, *args):
    binary = os.path.join(awbgui.BUILD, "src", "cli", "awb")
    out = subprocess.run([binary, "--db", db] + list(args), capture_output=True, text=True)
    return out.returncode == 2, out.stderr


def check_locked(win, db, cid, locked):
    """What the lock allows: the window's actions, the rating buttons, the
    registers, and the core itself."""
    actions = enabled_actions(win)
    check(("win.new-evidence" in actions) != locked,
          "new evidence %s while %s" % ("enabled" if locked else "disabled",
                                        "locked" if locked else "unlocked"))
    check(("win.submit-case" in actions) != locked, "submit-case state while locked=%s" % locked)
    check(("win.reopen-case" in actions) == locked, "reopen-case state while locked=%s" % locked)
    awbgui.show_page(win, "Requirements")
    conformant = awbgui.find_button(awbgui.find_one(win, name="AwbRequirementPage"), "Conformant")
    awbgui.wait_for(lambda: sensitive(conformant) != locked,
                    what="the rating buttons to follow the lock (%s)" % locked)
    awbgui.show_page(win, "Registers")
    person = awbgui.find_button(awbgui.find_one(win, name="AwbRegistersPage"), "Add Person…")
    awbgui.wait_for(lambda: sensitive(person) != locked,
                    what="Add Person to follow the lock (%s)" % locked)
    if locked:
        refused, message = refused_by_cli(db, "rate", cid, "3.1-1", "largely", "--rationale", "x")
        check(refused and "expert panel" in message, "a rating of a locked case: %r" % message)
    awbgui.show_page(win, "Panel")


def check_database(db, cid):
    panel = json.loads(awbgui.run_cli("panel", "list", cid, "--json", db=db))
    check(panel["submitted_at"] is None, "the case is still with the panel: %r" % panel)
    check(not panel["recorded"], "the reopened case keeps a recorded conclusion")
    members = {m["name"]: m for m in panel["members"]}
    check(sorted(members) == ["Chen Hua", "Li Ming", "Wang Fang"], "members %r" % sorted(members))
    check(members["Chen Hua"]["role"] == "chair" and members["Li Ming"]["role"] == "member",
          "roles %r" % [(m["name"], m["role"]) for m in panel["members"]])
    check(members["Chen Hua"]["affiliation"] == "Fuzhou University", members["Chen Hua"])
    votes = {v["member"]: (v["vote"], v["comment"]) for v in panel["votes"]}
    check(votes == {"Chen Hua": ("pass", "The evidence carries the conclusion"),
                    "Li Ming": ("fail", "3.2.3 certificates in doubt"),
                    "Wang Fang": ("pass", "Agree with the chair")}, "votes %r" % votes)
    reviews = sorted((r["member"], r["scope"], r["sufficient"], r["reasonable"], r["comment"])
                     for r in panel["reviews"])
    check(reviews == [("Chen Hua", "3.2.3", False, True, "Two certificates expire in June"),
                      ("Chen Hua", "overall", True, True, "Well documented"),
                      ("Li Ming", "overall", True, False, "The staff count is borderline")],
          "reviews %r" % reviews)

    kase = json.loads(awbgui.run_cli("case", "show", cid, "--json", db=db))
    check(not kase["locked"], "the case is still locked after reopening")

    history = json.loads(awbgui.run_cli("history", cid, "--json", db=db))
    mine = [h for h in history if h["actor"] == ACTOR]
    actions = sorted(h["action"] for h in mine)
    expected = sorted(["submit", "panel-add", "panel-add", "panel-add", "panel-review",
                       "panel-review", "panel-review", "panel-vote", "panel-vote", "panel-vote",
                       "panel-conclude", "reopen"])
    check(actions == expected, "history of the window's actor: %r" % actions)
    reopen = [h for h in mine if h["action"] == "reopen"]
    check(reopen and reopen[0]["after"].get("reason") == REASON,
          "the reason of the reopening: %r" % (reopen and reopen[0]["after"]))
    conclude = [h for h in mine if h["action"] == "panel-conclude"]
    check(conclude and conclude[0]["after"].get("panel_conclusion") == "pass",
          "the recorded conclusion: %r" % (conclude and conclude[0]["after"]))


def main():
    os.environ["AWB_TODAY"] = cases.TODAY
    os.environ["AWB_USER"] = "CLI Evaluator"
    with tempfile.TemporaryDirectory(prefix="awb-panel-") as tmp:
        db = os.path.join(tmp, "workbench.db")
        cid = cases.passing_case(db, APPLICANT, CODE)
        with awbgui.App(["--db", db], tmp, env={"AWB_USER": ACTOR}) as app:
            win = awbgui.wait_frame(app, name=APPLICANT, timeout=60)
            awbgui.show_page(win, "Panel")
            # the panel page alone is searched: the whole window's tree is large
            page = awbgui.find_one(win, name="AwbPanelPage")
            check(conclusion(page)[0] == "Not submitted", "before submission: %r" % (conclusion(page),))
            wait_label(page, "“Pass”: ready to be submitted to the panel")
            check(not shown_buttons(page, "Add Member…"), "members can be added before submission")
            check_locked(win, db, cid, locked=False)
            app.screenshot("panel-1-ready")

            # submission locks the case
            awbgui.press(awbgui.find_button(page, "Submit to the panel"))
            dialog = awbgui.wait_frame(app, name="Submit to the Expert Panel?")
            awbgui.press(awbgui.find_button(dialog, "Submit"))
            wait_closed(app, dialog)
            wait_conclusion(page, "Pending", "No members yet")
            wait_label(page, "submitted on", contains=True)
            check_locked(win, db, cid, locked=True)

            add_member(app, page, "Chen Hua", "Fuzhou University", chair=True)
            add_member(app, page, "Li Ming", "Xiamen Institute of Standards")
            wait_label(page, "Chair, Fuzhou University", contains=True)
            review(app, page, "Chen Hua", "overall", True, True, "Well documented")
            review(app, page, "Chen Hua", "3.2.3", False, True, "Two certificates expire in June")
            review(app, page, "Li Ming", "overall", True, False, "The staff count is borderline")
            wait_label(page, "Evidence insufficient, conclusion reasonable", contains=True)
            wait_label(page, "2 of 10 reviewed", contains=True)

            # one pass, one fail: a tie, which fails by the catalogue's rule
            vote(app, page, "Chen Hua", "Pass", "The evidence carries the conclusion")
            wait_conclusion(page, "Pending", "1 pass, 0 fail, of 2 members")
            vote(app, page, "Li Ming", "Fail", "3.2.3 certificates in doubt")
            wait_conclusion(page, "Fail", "1 pass, 1 fail, of 2 members: a tie, which the "
                            "catalogue's rule makes “Fail”")
            wait_label(page, "Chen Hua — Voted pass")  # the dissent
            app.screenshot("panel-2-tie")

            # a third member: pending again until they vote, then a majority
            add_member(app, page, "Wang Fang", "")
            wait_conclusion(page, "Pending", "1 pass, 1 fail, of 3 members")
            check(not shown_buttons(page, "Record the panel conclusion", prefix=True),
                  "the conclusion can be recorded while pending")
            vote(app, page, "Wang Fang", "Pass", "Agree with the chair")
            wait_conclusion(page, "Pass", "2 pass, 1 fail, of 3 members")
            wait_label(page, "Li Ming — Voted fail")
            awbgui.press(awbgui.find_button(page, "Record the panel conclusion"))
            wait_label(win, "Panel conclusion recorded: Pass", contains=True)
            wait_conclusion(page, "Pass", "2 pass, 1 fail, of 3 members · recorded on")
            # the record is closed: no more votes, reviews or members
            awbgui.wait_for(lambda: not shown_buttons(page, "Vote of Chen Hua", prefix=True),
                            what="the votes to close")
            check(not shown_buttons(page, "Review of", prefix=True),
                  "reviews stay open after the conclusion is recorded")
            check(not shown_buttons(page, "Add Member…"),
                  "members can be added after the conclusion is recorded")
            refused, message = refused_by_cli(db, "panel", "vote", cid, "Li Ming", "pass")
            check(refused and "was recorded" in message, "a vote after the conclusion: %r" % message)
            app.screenshot("panel-3-recorded")

            # reopening asks for a reason
            reopen = shown_buttons(win, "Reopen")
            check(len(reopen) == 2, "Reopen in the banner and on the page: %d" % len(reopen))
            awbgui.press(reopen[-1])
            dialog = awbgui.wait_frame(app, name="Reopen the Case?")
            confirm = awbgui.find_button(dialog, "Reopen")
            check(not sensitive(confirm), "Reopen is offered without a reason")
            awbgui.set_text(awbgui.find_one(dialog, pyatspi.ROLE_TEXT, "Reason for reopening"),
                            REASON)
            awbgui.wait_for(lambda: sensitive(confirm), what="Reopen to be offered")
            app.screenshot("panel-4-reopen")
            awbgui.press(confirm)
            wait_closed(app, dialog)
            wait_label(win, "Case reopened", contains=True)
            wait_conclusion(page, "Not submitted", "2 pass, 1 fail, of 3 members, from before")
            check(not shown_buttons(page, "Vote of", prefix=True)
                  and not shown_buttons(page, "Review of", prefix=True),
                  "votes or reviews are open on a case that is not with the panel")
            check_locked(win, db, cid, locked=False)
            app.screenshot("panel-5-reopened")

        check_database(db, cid)

    if check.failures:
        return 1
    print("ok: submitted and locked, 3 members, 3 reviews, a tie failed, a majority passed, "
          "recorded, reopened with a reason")
    return 0


if __name__ == "__main__":
    sys.exit(main())
