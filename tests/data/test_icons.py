#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The icons: every SVG under data/icons is well-formed with a square viewBox;
symbolic ones are 16×16 and use fills only (GTK recolours fills, not strokes);
every action icon is compiled into the window's resources, where GTK finds it
from build/ through the application's resource base path."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

SOURCE = os.path.abspath(os.environ.get("AWB_SOURCE_ROOT",
                                        os.path.join(os.path.dirname(__file__), "..", "..")))
BUILD = os.path.abspath(os.environ["AWB_BUILD_ROOT"])
ICONS = os.path.join(SOURCE, "data", "icons", "hicolor")
RESOURCE_DIR = "/io/github/assessorworkbench/Workbench/icons/scalable/actions/"
SVG = "{http://www.w3.org/2000/svg}"


def main():
    problems = []
    actions = []
    count = 0
    for root, _dirs, names in os.walk(ICONS):
        for name in sorted(names):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, SOURCE)
            if not name.endswith(".svg"):
                problems.append("%s is not an SVG" % rel)
                continue
            count += 1
            try:
                svg = ET.parse(path).getroot()
            except ET.ParseError as e:
                problems.append("%s: %s" % (rel, e))
                continue
            box = svg.get("viewBox", "").split()
            if len(box) != 4 or box[2] != box[3]:
                problems.append("%s: the viewBox %r is not square" % (rel, svg.get("viewBox")))
            if name.endswith("-symbolic.svg"):
                if box[2:] != ["16", "16"]:
                    problems.append("%s: a symbolic icon is drawn on 16×16" % rel)
                for el in svg.iter():
                    if el.get("stroke") not in (None, "none"):
                        problems.append("%s: <%s> has a stroke" % (rel, el.tag.replace(SVG, "")))
            if os.path.basename(root) == "actions":
                if not name.startswith("awb-") or not name.endswith("-symbolic.svg"):
                    problems.append("%s: action icons are named awb-<name>-symbolic.svg" % rel)
                actions.append(name)

    binary = os.path.join(BUILD, "src", "gui", "assessor-workbench")
    if os.path.exists(binary):
        listed = subprocess.run(["gresource", "list", binary], capture_output=True, text=True,
                                check=True).stdout.split()
        for name in actions:
            if RESOURCE_DIR + name not in listed:
                problems.append("%s is not in the window's resources (ui/awb.gresource.xml)"
                                % name)
    for wanted in ("awb-document-review-symbolic.svg", "awb-interview-symbolic.svg",
                   "awb-demonstration-symbolic.svg", "awb-evidence-sufficient-symbolic.svg",
                   "awb-evidence-insufficient-symbolic.svg"):
        if wanted not in actions:
            problems.append("missing action icon %s" % wanted)

    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print("ok: %d icons, %d action icons in the resources" % (count, len(actions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
