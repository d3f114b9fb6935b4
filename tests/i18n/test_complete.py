#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`msgfmt --check --statistics` on every .po of po/LINGUAS: it compiles
cleanly (format strings match, header complete) and reports no untranslated
and no fuzzy message."""

import os
import re
import subprocess
import sys

SOURCE = os.path.abspath(os.environ.get("AWB_SOURCE_ROOT",
                                        os.path.join(os.path.dirname(__file__), "..", "..")))
PO = os.path.join(SOURCE, "po")


def main():
    langs = []
    with open(os.path.join(PO, "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            langs += line.split("#", 1)[0].split()
    if not langs:
        print("po/LINGUAS names no language", file=sys.stderr)
        return 1

    failed = False
    for lang in langs:
        proc = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull,
                               os.path.join(PO, lang + ".po")],
                              capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
        stats = proc.stderr.strip()
        print("po/%s.po: %s" % (lang, stats))
        translated = re.search(r"(\d+) translated message", stats)
        if proc.returncode != 0:
            print("msgfmt --check refused po/%s.po" % lang, file=sys.stderr)
            failed = True
        elif translated is None or int(translated.group(1)) == 0:
            print("po/%s.po has no translated message" % lang, file=sys.stderr)
            failed = True
        elif "untranslated" in stats or "fuzzy" in stats:
            print("po/%s.po is incomplete: %s" % (lang, stats), file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
