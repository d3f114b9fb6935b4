#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The application starts from build/ on a fresh database and shows its window,
read through AT-SPI the way a screen reader would. Needs a display and a D-Bus
session (scripts/test runs the suite under xvfb-run and dbus-run-session)."""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import awbgui  # noqa: E402


def main():
    with tempfile.TemporaryDirectory(prefix="awb-gui-") as tmp:
        db = os.path.join(tmp, "data", "workbench.db")
        with awbgui.App(["--db", db], tmp) as app:
            win = app.wait_window()
            names = awbgui.all_names(win)
            wanted = ["3.2.3 ", "3.3 ", "3.4 "]
            missing = [w for w in wanted if not any(n.startswith(w) for n in names)]
            app.screenshot("startup")
            if missing:
                print("window lacks rows:", missing, file=sys.stderr)
                print(names[:40], file=sys.stderr)
                return 1
        if not os.path.exists(db):
            print("the database was not created", file=sys.stderr)
            return 1
        mode = os.stat(db).st_mode & 0o777
        if mode != 0o600:
            print("database mode %o, expected 600" % mode, file=sys.stderr)
            return 1
    print("ok: window shown with the catalogue's sections")
    return 0


if __name__ == "__main__":
    sys.exit(main())
