#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest parses as JSON, uses a GNOME runtime that is still
supported (50 or newer), asks only for the permissions the application needs,
pins every archive by sha256, and names only files that exist."""

import json
import os
import re
import sys

SOURCE = os.path.abspath(os.environ.get("AWB_SOURCE_ROOT",
                                        os.path.join(os.path.dirname(__file__), "..", "..")))
APP_ID = "io.github.assessorworkbench.Workbench"
MANIFEST = os.path.join(SOURCE, "flatpak", APP_ID + ".json")
ALLOWED_FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland",
                       "--device=dri"}


def main():
    problems = []
    with open(MANIFEST, encoding="utf-8") as f:
        m = json.load(f)
    base = os.path.dirname(MANIFEST)

    if m.get("id", m.get("app-id")) != APP_ID:
        problems.append("id is %r, expected %r" % (m.get("id", m.get("app-id")), APP_ID))
    if m.get("runtime") != "org.gnome.Platform" or m.get("sdk") != "org.gnome.Sdk":
        problems.append("runtime/sdk must be org.gnome.Platform/org.gnome.Sdk")
    version = str(m.get("runtime-version", ""))
    if not re.fullmatch(r"\d+", version) or int(version) < 50:
        problems.append("runtime-version %r: GNOME 50 or newer is required" % version)
    if m.get("command") != "assessor-workbench":
        problems.append("command is %r, expected assessor-workbench" % m.get("command"))

    finish = m.get("finish-args", [])
    for arg in finish:
        if arg not in ALLOWED_FINISH_ARGS:
            problems.append("finish-args asks for %r; files come through the portal, "
                            "and the application needs no network" % arg)
    for arg in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc"):
        if arg not in finish:
            problems.append("finish-args lacks %r" % arg)

    modules = m.get("modules", [])
    names = [mod.get("name") for mod in modules if isinstance(mod, dict)]
    if any(not isinstance(mod, dict) for mod in modules):
        problems.append("modules must be inline objects (no separate module files)")
    if "libxlsxwriter" not in names or names[-1] != "assessor-workbench":
        problems.append("modules %r: libxlsxwriter first, the application last" % names)

    for mod in modules:
        if not isinstance(mod, dict):
            continue
        for src in mod.get("sources", []):
            kind = src.get("type")
            if kind in ("dir", "file", "patch"):
                path = os.path.normpath(os.path.join(base, src.get("path", "")))
                if not os.path.exists(path):
                    problems.append("module %s names %s, which does not exist"
                                    % (mod.get("name"), src.get("path")))
            elif kind == "archive":
                if not str(src.get("url", "")).startswith("https://"):
                    problems.append("module %s: archive url must be https" % mod.get("name"))
                if not re.fullmatch(r"[0-9a-f]{64}", str(src.get("sha256", ""))):
                    problems.append("module %s: archive not pinned by sha256" % mod.get("name"))
            else:
                problems.append("module %s: unexpected source type %r" % (mod.get("name"), kind))

    xlsx = next((mod for mod in modules if isinstance(mod, dict)
                 and mod.get("name") == "libxlsxwriter"), None)
    if xlsx is not None:
        urls = [s.get("url", "") for s in xlsx.get("sources", [])]
        if not any("RELEASE_1.1.4" in u for u in urls):
            problems.append("libxlsxwriter must be the 1.1.4 release archive: %r" % urls)
        with open(os.path.join(SOURCE, "docs", "packaging.md"), encoding="utf-8") as f:
            doc = f.read()
        for s in xlsx.get("sources", []):
            if s.get("sha256") and s["sha256"] not in doc:
                problems.append("docs/packaging.md does not record the sha256 %s" % s["sha256"])

    app = next((mod for mod in modules if isinstance(mod, dict)
                and mod.get("name") == "assessor-workbench"), None)
    if app is not None and app.get("buildsystem") != "meson":
        problems.append("the application must be built with meson")

    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print("ok: %s, runtime %s, %d modules" % (os.path.relpath(MANIFEST, SOURCE), version,
                                              len(modules)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
