#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every translatable string is in the template and translated.

1. Every C file under src/ that marks strings (_(), N_(), C_(), NC_(),
   g_dngettext …) and every .ui file under ui/ with translatable="yes" is
   listed in po/POTFILES.in, and every listed file exists.
2. The template is regenerated from POTFILES.in into a temporary folder with
   xgettext and the keywords of meson's glib preset (what
   `meson compile -C build assessor-workbench-pot` runs).
3. Every msgid of that fresh template has a translated, non-fuzzy entry in each
   language of po/LINGUAS.
Run po/update.sh to bring the .po files up to date."""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pofile  # noqa: E402

SOURCE = os.path.abspath(os.environ.get("AWB_SOURCE_ROOT",
                                        os.path.join(os.path.dirname(__file__), "..", "..")))
PO = os.path.join(SOURCE, "po")

# meson's i18n.gettext(preset: 'glib') keywords (mesonbuild/modules/i18n.py)
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "-k_", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_printerr:1:c-format", "--flag=g_print:1:c-format",
]

C_MARKERS = re.compile(r"(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dgettext|g_dcgettext|g_dngettext|"
                       r"g_dpgettext2?|ngettext|gettext)\s*\(\s*(\"|[A-Za-z_]+\s*,\s*\")")
UI_MARKER = re.compile(r'translatable\s*=\s*"(yes|true|1)"')


def listed_files():
    files = []
    with open(os.path.join(PO, "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                files.append(line)
    return files


def marking_files():
    found = []
    for top, pattern in (("src", C_MARKERS), ("ui", UI_MARKER)):
        for root, _dirs, names in os.walk(os.path.join(SOURCE, top)):
            for name in names:
                if not name.endswith((".c", ".h", ".ui")):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    if pattern.search(f.read()):
                        found.append(os.path.relpath(path, SOURCE))
    return sorted(found)


def languages():
    langs = []
    with open(os.path.join(PO, "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            langs += line.split()
    return langs


def main():
    problems = []
    listed = listed_files()
    for path in listed:
        if not os.path.isfile(os.path.join(SOURCE, path)):
            problems.append("po/POTFILES.in lists %s, which does not exist" % path)
    for path in marking_files():
        if path not in listed:
            problems.append("%s marks strings for translation but is not in po/POTFILES.in"
                            % path)

    with tempfile.TemporaryDirectory(prefix="awb-pot-") as tmp:
        pot = os.path.join(tmp, "assessor-workbench.pot")
        existing = [p for p in listed if os.path.isfile(os.path.join(SOURCE, p))]
        subprocess.run(["xgettext", "--package-name=assessor-workbench", "-D", SOURCE,
                        "-o", pot] + XGETTEXT_ARGS + existing, check=True)
        template = [e for e in pofile.read(pot) if not e.obsolete]

    if len(template) == 0:
        problems.append("the regenerated template is empty")

    for lang in languages():
        path = os.path.join(PO, lang + ".po")
        if not os.path.isfile(path):
            problems.append("po/LINGUAS names %s but po/%s.po is missing" % (lang, lang))
            continue
        entries = {e.key: e for e in pofile.read(path) if not e.obsolete}
        for t in template:
            e = entries.get(t.key)
            where = " (%s)" % t.references[0] if t.references else ""
            if e is None:
                problems.append("po/%s.po lacks %r%s" % (lang, t, where))
            elif e.fuzzy:
                problems.append("po/%s.po: %r is fuzzy%s" % (lang, t, where))
            elif not e.translated:
                problems.append("po/%s.po: %r is not translated%s" % (lang, t, where))
            elif (t.msgid_plural is None) != (e.msgid_plural is None):
                problems.append("po/%s.po: %r differs in plural form%s" % (lang, t, where))
        print("po/%s.po: %d template strings checked" % (lang, len(template)))

    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print("%d problem(s); run po/update.sh, then translate" % len(problems), file=sys.stderr)
        return 1
    print("ok: %d files, %d strings, all translated" % (len(listed), len(template)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
