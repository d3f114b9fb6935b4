#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The awb command line speaks Chinese under LANG=zh_CN.UTF-8, run from the
build tree (awb_locale_init binds the catalogue that meson builds in build/po),
and English under C.UTF-8. The expected texts are read from po/zh_CN.po."""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pofile  # noqa: E402

SOURCE = os.path.abspath(os.environ.get("AWB_SOURCE_ROOT",
                                        os.path.join(os.path.dirname(__file__), "..", "..")))
BUILD = os.path.abspath(os.environ.get("AWB_BUILD_ROOT", os.path.join(SOURCE, "build")))
AWB = os.path.join(BUILD, "src", "cli", "awb")


def run(lang, *args):
    env = dict(os.environ)
    for k in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(k, None)
    env["LANG"] = lang
    with tempfile.TemporaryDirectory(prefix="awb-zh-") as tmp:
        env["XDG_DATA_HOME"] = tmp
        return subprocess.run([AWB, "--db", os.path.join(tmp, "w.db")] + list(args),
                              capture_output=True, text=True, env=env, timeout=60)


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
    zh = {e.msgid: e for e in pofile.read(os.path.join(SOURCE, "po", "zh_CN.po"))
          if not e.obsolete}
    problems = []

    def expect(output, msgid, what, strip_format=False):
        text = zh[msgid].msgstr[0]
        if strip_format:
            text = text.split("%", 1)[0]
        first_line = text.strip().splitlines()[0]
        if first_line not in output:
            problems.append("%s lacks %r (the translation of %r):\n%s"
                            % (what, first_line, msgid, output))
        if msgid.strip().splitlines()[0] in output:
            problems.append("%s shows the English %r" % (what, msgid.strip().splitlines()[0]))

    r = run("zh_CN.UTF-8", "--help")
    if r.returncode != 0:
        problems.append("awb --help exited with %d" % r.returncode)
    expect(r.stdout, "Usage: awb [--db FILE] COMMAND [ARGS…]\n\nAssessor Workbench on the command "
           "line.\n\nCommands:\n", "awb --help")
    expect(r.stdout, "List the installed catalogues", "awb --help")
    expect(r.stdout, "Show a catalogue's sections and requirements", "awb --help")

    r = run("zh_CN.UTF-8", "catalogue", "list")
    plural = [e for e in zh.values() if e.msgid == "%u requirement"][0].msgstr[0]
    if r.returncode != 0 or plural.replace("%u", "42") not in r.stdout:
        problems.append("awb catalogue list: %r lacks %r" % (r.stdout, plural))
    if "信息安全服务资质" not in r.stdout:
        problems.append("awb catalogue list: the catalogue title is not in Chinese: %r" % r.stdout)

    r = run("zh_CN.UTF-8", "--no-such-option")
    if r.returncode != 1:
        problems.append("awb --no-such-option exited with %d, expected 1" % r.returncode)
    expect(r.stderr, "awb: unknown option “%s”\n", "awb --no-such-option", strip_format=True)

    r = run("zh_CN.UTF-8", "catalogue", "list", "--help")
    expect(r.stdout, "Machine-readable output", "awb catalogue list --help")

    r = run("C.UTF-8", "--help")
    if "List the installed catalogues" not in r.stdout:
        problems.append("awb --help under C.UTF-8 is not in English:\n%s" % r.stdout)

    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print("ok: awb speaks Chinese under zh_CN.UTF-8 and English under C.UTF-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
