# SPDX-License-Identifier: GPL-3.0-or-later
"""A small reader of gettext .po/.pot files, enough for the translation tests:
entries with their context, msgid, plural, msgstr(s), flags and obsolete mark."""

import ast


class Entry:
    def __init__(self):
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = []
        self.flags = set()
        self.references = []
        self.obsolete = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def translated(self):
        return bool(self.msgstr) and all(s != "" for s in self.msgstr)

    def __repr__(self):
        ctx = "%r | " % self.msgctxt if self.msgctxt is not None else ""
        return "%s%r" % (ctx, self.msgid)


def _unquote(text):
    return ast.literal_eval(text) if text.startswith('"') else text


def read(path):
    """Returns the entries of a .po or .pot file, the header (msgid "") excluded."""
    entries = []
    cur = Entry()
    field = None
    has_content = False

    def finish():
        nonlocal cur, has_content, field
        if has_content and cur.msgid is not None and cur.msgid != "":
            entries.append(cur)
        cur = Entry()
        has_content = False
        field = None

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line:
                finish()
                continue
            obsolete = line.startswith("#~")
            if obsolete:
                line = line[2:].strip()
                cur.obsolete = True
            elif line.startswith("#"):
                if field is not None and cur.msgstr:
                    finish()
                if line.startswith("#,"):
                    cur.flags.update(x.strip() for x in line[2:].split(","))
                elif line.startswith("#:"):
                    cur.references.extend(line[2:].split())
                continue
            if line.startswith('"'):
                value = _unquote(line)
                if field == "msgctxt":
                    cur.msgctxt += value
                elif field == "msgid":
                    cur.msgid += value
                elif field == "msgid_plural":
                    cur.msgid_plural += value
                elif field is not None and field.startswith("msgstr"):
                    cur.msgstr[-1] += value
                continue
            keyword, _, rest = line.partition(" ")
            if keyword == "msgctxt":
                if cur.msgstr:
                    finish()
                cur.msgctxt = _unquote(rest)
            elif keyword == "msgid":
                if cur.msgstr:
                    finish()
                cur.msgid = _unquote(rest)
            elif keyword == "msgid_plural":
                cur.msgid_plural = _unquote(rest)
            elif keyword.startswith("msgstr"):
                cur.msgstr.append(_unquote(rest))
            else:
                raise ValueError("%s: cannot read line %r" % (path, raw))
            field = keyword
            has_content = True
    finish()
    return entries
