#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install --destdir` into a temporary folder installs the programs,
the catalogue, the desktop entry, the metainfo, the settings schema, the icons
and the translations, and the installed desktop entry and metainfo validate."""

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile

BUILD = os.path.abspath(os.environ["AWB_BUILD_ROOT"])
PREFIX = os.environ["AWB_PREFIX"]
APP_ID = "io.github.assessorworkbench.Workbench"

EXPECTED = [
    "bin/awb",
    "share/assessor-workbench/catalogues/cnitsec-cloud-l1-2025.json",
    "share/applications/%s.desktop" % APP_ID,
    "share/metainfo/%s.metainfo.xml" % APP_ID,
    "share/glib-2.0/schemas/%s.gschema.xml" % APP_ID,
    "share/icons/hicolor/scalable/apps/%s.svg" % APP_ID,
    "share/icons/hicolor/symbolic/apps/%s-symbolic.svg" % APP_ID,
    "share/icons/hicolor/scalable/actions/awb-document-review-symbolic.svg",
    "share/icons/hicolor/scalable/actions/awb-interview-symbolic.svg",
    "share/icons/hicolor/scalable/actions/awb-demonstration-symbolic.svg",
    "share/icons/hicolor/scalable/actions/awb-evidence-sufficient-symbolic.svg",
    "share/icons/hicolor/scalable/actions/awb-evidence-insufficient-symbolic.svg",
    "share/locale/zh_CN/LC_MESSAGES/assessor-workbench.mo",
]


def main():
    problems = []
    expected = list(EXPECTED)
    if os.path.exists(os.path.join(BUILD, "src", "gui", "assessor-workbench")):
        expected.append("bin/assessor-workbench")

    with tempfile.TemporaryDirectory(prefix="awb-destdir-") as destdir:
        proc = subprocess.run(["meson", "install", "-C", BUILD, "--no-rebuild", "--quiet",
                               "--destdir", destdir], capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stdout, proc.stderr, file=sys.stderr)
            print("meson install failed with %d" % proc.returncode, file=sys.stderr)
            return 1
        root = os.path.join(destdir, PREFIX.lstrip("/"))

        for rel in expected:
            path = os.path.join(root, rel)
            if not os.path.isfile(path) or os.path.getsize(path) == 0:
                problems.append("not installed: <prefix>/%s" % rel)
        for rel in ("bin/awb", "bin/assessor-workbench"):
            path = os.path.join(root, rel)
            if rel in expected and os.path.isfile(path) and not os.access(path, os.X_OK):
                problems.append("<prefix>/%s is not executable" % rel)

        mo = os.path.join(root, "share/locale/zh_CN/LC_MESSAGES/assessor-workbench.mo")
        built_mo = os.path.join(BUILD, "po/zh_CN/LC_MESSAGES/assessor-workbench.mo")
        if os.path.isfile(mo) and not filecmp.cmp(mo, built_mo, shallow=False):
            problems.append("the installed zh_CN catalogue differs from the built one")

        desktop = os.path.join(root, "share/applications/%s.desktop" % APP_ID)
        if os.path.isfile(desktop):
            with open(desktop, encoding="utf-8") as f:
                text = f.read()
            if "Name[zh_CN]=" not in text:
                problems.append("the installed desktop entry has no Chinese name")
            if shutil.which("desktop-file-validate"):
                v = subprocess.run(["desktop-file-validate", desktop], capture_output=True,
                                   text=True)
                if v.returncode != 0 or v.stdout.strip():
                    problems.append("desktop-file-validate: %s%s" % (v.stdout, v.stderr))

        metainfo = os.path.join(root, "share/metainfo/%s.metainfo.xml" % APP_ID)
        if os.path.isfile(metainfo) and shutil.which("appstreamcli"):
            v = subprocess.run(["appstreamcli", "validate", "--no-net", metainfo],
                               capture_output=True, text=True)
            if v.returncode != 0:
                problems.append("appstreamcli validate: %s%s" % (v.stdout, v.stderr))

        installed = sorted(os.path.relpath(os.path.join(d, n), root)
                           for d, _s, names in os.walk(destdir) for n in names)

    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print("installed:", *installed, sep="\n  ", file=sys.stderr)
        return 1
    print("ok: %d files installed under the prefix" % len(installed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
