#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Case packages through the real window, driven by AT-SPI as a screen reader
user would. Two evaluators' databases share a case (awb CLI), then rate 3.3-2
differently. In Zhao's window: a damaged copy of Li's package is refused in a
dialog and nothing changes; Li's package imported through the menu and the
file chooser is a merge with one conflict; the Conflicts page shows both
values, who and when; Take Theirs resolves it, the requirement's row and the
history follow. A package exported through the window imports into an empty
database with the CLI. The Conflicts page is then shown under zh_CN.
Screenshots (1024×768 window) in build/test-artifacts/package-*.png."""

import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "i18n"))
import awbgui  # noqa: E402
import pofile  # noqa: E402
import pyatspi  # noqa: E402

SOURCE = os.environ.get("AWB_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
APPLICANT = "Qinghe Cloud Security Ltd."
CODE = "91350100M000100Y43"
REQ = "3.3-2"
LI = "Li: the process is documented, records are partly kept"
ZHAO = "Zhao: no records of the process were shown"
ZH_ENV = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def cli(db, user, *args):
    return awbgui.run_cli(*args, db=db, env={"AWB_USER": user})


def prepare(tmp):
    """Li's and Zhao's databases with the same case, 3.3-2 rated differently
    since they shared it; returns Zhao's database and Li's package."""
    li, zhao = os.path.join(tmp, "li.db"), os.path.join(tmp, "zhao.db")
    case = cli(li, "Li", "case", "new", "--applicant", APPLICANT, "--credit-code", CODE,
               "--leader", "Lin Feng", "--evaluator", "Li", "--evaluator", "Zhao").strip()
    cli(li, "Li", "rate", case, REQ, "conformant", "--rationale", "first look")
    shared = os.path.join(tmp, "shared.awbcase")
    cli(li, "Li", "case", "export", case, "--package", shared)
    cli(zhao, "Zhao", "case", "import", shared)
    cli(li, "Li", "rate", case, REQ, "largely", "--rationale", LI)
    cli(zhao, "Zhao", "rate", case, REQ, "nonconformant", "--rationale", ZHAO)
    package = os.path.join(tmp, "Li 3.3-2.awbcase")
    cli(li, "Li", "case", "export", case, "--package", package)
    return case, zhao, package


def key(char):
    pyatspi.Registry.generateKeyboardEvent(ord(char), None, pyatspi.KEY_SYM)
    time.sleep(0.3)


def choose_file_to_open(app, title, path):
    """In the file chooser: "/" opens its location entry, where the path goes."""
    chooser = awbgui.wait_frame(app, name=title, timeout=30)
    time.sleep(0.5)
    key("/")
    entry = awbgui.find_one(chooser, pyatspi.ROLE_TEXT, "GtkFileChooserEntry")
    awbgui.set_text(entry, path)
    awbgui.press(awbgui.find_button(chooser, "Import"))


def import_package(app, win, path):
    awbgui.window_action(win, "win.import-package")
    choose_file_to_open(app, "Import Case Package", path)


def export_package(app, win, path):
    awbgui.window_action(win, "win.export-package")
    chooser = awbgui.wait_frame(app, name="Export Case Package", timeout=30)
    awbgui.set_text(awbgui.find_one(chooser, pyatspi.ROLE_TEXT, "Name:", timeout=15), path)
    awbgui.press(awbgui.find_button(chooser, "Export"))
    awbgui.find_one(win, pyatspi.ROLE_LABEL, "Case package exported to", contains=True, timeout=60)


def row_of(win, req):
    rows = awbgui.find_all(win, name=req + " ", prefix=True)
    return rows[0].name if rows else ""


def take_theirs_button(win):
    found = awbgui.find_all(win, pyatspi.ROLE_PUSH_BUTTON, "Take theirs: Rating of " + REQ,
                            contains=True)
    return found[0] if found else None


def refused(app, win, tmp, package, failures):
    """A package cut short: the core's words in a dialog, nothing changed."""
    with open(package, "rb") as f:
        data = f.read()
    damaged = os.path.join(tmp, "damaged.awbcase")
    with open(damaged, "wb") as f:
        f.write(data[:len(data) // 2])
    import_package(app, win, damaged)
    dialog = awbgui.wait_frame(app, name="Case Package Not Imported", timeout=30)
    names = awbgui.all_names(dialog)
    if not any("is damaged" in n and "nothing was imported" in n for n in names):
        failures.append("the refusal dialog lacks the core's message: %r" % names)
    app.screenshot("package-0-refused")
    awbgui.press(awbgui.find_button(dialog, "Close"))


def english_run(tmp, failures):
    case, db, package = prepare(tmp)
    exported = os.path.join(tmp, "from-the-window.awbcase")
    before = cli(db, "Zhao", "history", case, "--json")
    with awbgui.App(["--db", db], tmp, env={"AWB_USER": "Zhao"}) as app:
        win = awbgui.wait_frame(app, name=APPLICANT, timeout=60)

        refused(app, win, tmp, package, failures)
        if cli(db, "Zhao", "history", case, "--json") != before:
            failures.append("a refused package changed the case's history")

        import_package(app, win, package)
        awbgui.find_one(win, pyatspi.ROLE_LABEL, "Case merged: 1 conflict to decide",
                        contains=True, timeout=60)
        awbgui.press(awbgui.find_button(win, "Show Conflicts"))
        button = awbgui.wait_for(lambda: take_theirs_button(win), what="the Take Theirs button")
        keep = awbgui.find_all(win, pyatspi.ROLE_PUSH_BUTTON, "Keep mine: Rating of " + REQ,
                               contains=True)
        if not keep:
            failures.append("no Keep Mine button named after the record")
        card = awbgui.find_one(win, name="Rating of %s. Mine: Changed by Zhao" % REQ, prefix=True)
        for wanted in ("Non-conformant", "Largely conformant", ZHAO, LI, "Theirs: Changed by Li"):
            if wanted not in card.name:
                failures.append("the conflict does not say %r: %r" % (wanted, card.name))
        tab = awbgui.find_all(win, pyatspi.ROLE_PAGE_TAB, "Conflicts")
        if not tab:
            failures.append("no Conflicts tab")
        app.screenshot("package-1-conflict")

        awbgui.press(button)
        awbgui.find_one(win, pyatspi.ROLE_LABEL, "No Conflicts", timeout=15)
        awbgui.find_one(win, pyatspi.ROLE_LABEL, "the package’s record taken", contains=True)
        if take_theirs_button(win) is not None:
            failures.append("the resolved conflict's buttons are still there")
        app.screenshot("package-2-resolved")

        # the rest of the window follows: the requirement's row, the history
        awbgui.show_page(win, "Requirements")
        awbgui.wait_for(lambda: "Largely conformant." in row_of(win, REQ),
                        what="the row of %s to show Li's rating" % REQ)
        awbgui.show_page(win, "History")
        awbgui.find_one(win, name="Conflict resolved", timeout=15)
        awbgui.find_one(win, pyatspi.ROLE_LABEL,
                        "Rating of %s · the package’s record taken" % REQ)
        awbgui.find_one(win, name="Case package merged", timeout=15)

        export_package(app, win, exported)
        app.screenshot("package-3-exported")

    conflicts = json.loads(cli(db, "Zhao", "conflicts", case, "--json"))
    if conflicts != []:
        failures.append("conflicts left after Take Theirs: %r" % conflicts)
    ratings = json.loads(cli(db, "Zhao", "ratings", case, "--json"))
    rated = [r for r in ratings if r.get("requirement") == REQ]
    if not rated or rated[0]["rating"] != "largely" or rated[0]["rationale"] != LI:
        failures.append("3.3-2 after Take Theirs: %r" % rated)
    history = json.loads(cli(db, "Zhao", "history", case, "--json"))
    resolves = [e for e in history if e["action"] == "resolve"]
    if len(resolves) != 1 or resolves[0]["actor"] != "Zhao":
        failures.append("the resolution in the history: %r" % resolves)
    cli(db, "Zhao", "verify", case)

    if not os.path.exists(exported):
        failures.append("the window wrote no package at %s" % exported)
        return
    empty = os.path.join(tmp, "empty.db")
    imported = json.loads(cli(empty, "Wang", "case", "import", exported, "--json"))
    if not imported.get("created") or imported.get("case") != case:
        failures.append("the window's package does not import as the case: %r" % imported)
    again = json.loads(cli(empty, "Wang", "ratings", case, "--json"))
    if [r for r in again if r.get("requirement") == REQ] != rated:
        failures.append("the window's package carries another rating of 3.3-2: %r" % again)


def translation(entries, msgid):
    for e in entries:
        if e.msgid == msgid and not e.obsolete:
            return e.msgstr[0]
    raise AssertionError("zh_CN.po has no entry for %r" % msgid)


def chinese_run(tmp, failures):
    """The Conflicts page with a conflict, in Chinese."""
    entries = pofile.read(os.path.join(SOURCE, "po", "zh_CN.po"))
    tab = translation(entries, "Conflicts")
    keep = translation(entries, "Keep mine: %s").replace("%s", "")
    mine = translation(entries, "Mine (this computer)")
    case, db, package = prepare(tmp)
    cli(db, "Zhao", "case", "import", package)
    with awbgui.App(["--db", db], tmp, env=dict(ZH_ENV, AWB_USER="Zhao")) as app:
        win = awbgui.wait_frame(app, name=APPLICANT, timeout=60)
        awbgui.show_page(win, tab)
        awbgui.find_one(win, pyatspi.ROLE_LABEL, mine, timeout=15)
        names = awbgui.all_names(win)
        app.screenshot("package-zh-conflict")
    if not any(keep.strip(" ：:") in n and REQ in n for n in names):
        failures.append("no Chinese Keep Mine button naming %s" % REQ)
    for english in ("Mine (this computer)", "Keep Mine", "Take Theirs", "Rating of"):
        if any(english in n for n in names):
            failures.append("English text %r shown under zh_CN" % english)


def main():
    failures = []
    with tempfile.TemporaryDirectory(prefix="awb-gui-package-") as tmp:
        os.makedirs(os.path.join(tmp, "en"))
        english_run(os.path.join(tmp, "en"), failures)
    with tempfile.TemporaryDirectory(prefix="awb-gui-package-zh-") as tmp:
        chinese_run(tmp, failures)
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    if failures:
        return 1
    print("ok: refused package explained, merge with one conflict decided on the Conflicts page, "
          "package exported and imported into an empty database, Chinese page shown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
