#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Under LANG=zh_CN.UTF-8 the window speaks Chinese: its title and labels come
from po/zh_CN.po (the catalogue bound from the build tree), the catalogue rows
from the catalogue's Chinese texts. Read through AT-SPI; screenshot in
build/test-artifacts/zh-window.png."""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "i18n"))
import awbgui  # noqa: E402
import pofile  # noqa: E402
import pyatspi  # noqa: E402

SOURCE = os.environ.get("AWB_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
ZH_ENV = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def translation(entries, msgid):
    for e in entries:
        if e.msgid == msgid and e.msgctxt is None and not e.obsolete:
            return e.msgstr[0]
    raise AssertionError("zh_CN.po has no entry for %r" % msgid)


def zh_locale_missing():
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower()
    if "zh_cn.utf8" in out.split() or "zh_cn.utf-8" in out.split():
        return False
    print("the zh_CN.UTF-8 locale is missing: scripts/test generates it "
          "(or: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)", file=sys.stderr)
    return True


def main():
    if zh_locale_missing():
        return 1
    entries = pofile.read(os.path.join(SOURCE, "po", "zh_CN.po"))
    requirements = translation(entries, "Requirements")
    unrated = translation(entries, "Not yet rated")
    failures = []

    with tempfile.TemporaryDirectory(prefix="awb-gui-zh-") as tmp:
        db = os.path.join(tmp, "workbench.db")
        with awbgui.App(["--db", db], tmp, env=ZH_ENV) as app:
            # the first run opens the demo case, made in the interface language
            win = app.wait_window()
            awbgui.find(win, name="3.2.3 人员构成与素质要求", timeout=15, prefix=True)
            names = awbgui.all_names(win)
            app.screenshot("zh-window")

            if "（演示）" not in (win.name or ""):
                failures.append("window title %r: not the Chinese demo case" % win.name)
            if not awbgui.find_all(win, pyatspi.ROLE_PAGE_TAB, requirements):
                failures.append("no page tab %r (the requirements)" % requirements)
            if not awbgui.find_all(win, pyatspi.ROLE_LIST, requirements):
                failures.append("no list %r (the requirements tree)" % requirements)
            if not any(unrated in n for n in names):
                failures.append("no row says %r (not yet rated)" % unrated)
            for english in ("Requirements", "Not yet rated", "Assessor Workbench",
                            "3.2.3 Personnel composition and competence requirements"):
                if any(n.startswith(english) for n in names):
                    failures.append("English text %r shown under zh_CN" % english)

    for f in failures:
        print(f, file=sys.stderr)
    if failures:
        print(names[:40], file=sys.stderr)
        return 1
    print("ok: the window is in Chinese")
    return 0


if __name__ == "__main__":
    sys.exit(main())
