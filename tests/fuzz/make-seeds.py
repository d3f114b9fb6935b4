#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the hand-made seed inputs of tests/fuzz/corpus/ (docs/fuzzing.md).

Run from the source root: /usr/bin/python3 tests/fuzz/make-seeds.py
It rewrites only the files named "seed-*"; the inputs the fuzzers found (named
by their SHA-1, kept after `-merge=1`) are left alone."""

import copy
import json
import os
import sqlite3
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")
BUILTIN = os.path.join(ROOT, "data", "catalogues", "cnitsec-cloud-l1-2025.json")
SCHEMA = os.path.join(ROOT, "src", "core", "schema-1.sql")
AWB_APPLICATION_ID = 0x41574231  # "AWB1", src/core/awb-database.h


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, "seed-" + name), "wb") as f:
        f.write(data)


# ---- catalogue ----

def minimal_catalogue():
    """The smallest catalogue the loader accepts: one grouping section, two leaves,
    three requirements (the two the rules' checks point at among them)."""
    hint = {"zh": "文件", "en": "A document"}
    return {
        "format": 1,
        "id": "mini",
        "version": "1",
        "title": {"zh": "最小目录", "en": "Minimal catalogue"},
        "sections": [
            {"id": "3.1", "parent": None, "title": {"zh": "资格", "en": "Qualification"}},
            {"id": "3.2", "parent": None, "title": {"zh": "能力", "en": "Capability"}},
            {"id": "3.2.1", "parent": "3.2", "title": {"zh": "人员", "en": "Staff"},
             "note": {"zh": "注", "en": "Note"}},
        ],
        "requirements": [
            {"id": "3.1-1", "section": "3.1", "text": {"zh": "独立法人", "en": "A legal person"},
             "kind": "basic", "na_allowed": False, "methods": ["document"], "min_methods": 1,
             "sse_cmm": None, "check": None,
             "hints": {"document": [hint], "interview": [], "demonstration": []}},
            {"id": "3.2.1-1", "section": "3.2.1", "text": {"zh": "人员", "en": "Staff"},
             "kind": "basic", "na_allowed": True, "methods": ["document", "interview"],
             "min_methods": 2, "sse_cmm": None, "check": "certified-staff",
             "hints": {"document": [hint], "interview": [hint], "demonstration": []}},
            {"id": "3.2.1-2", "section": "3.2.1", "text": {"zh": "验收", "en": "Acceptance"},
             "kind": "process-area", "na_allowed": False,
             "methods": ["document", "interview", "demonstration"], "min_methods": 3,
             "sse_cmm": "PA01", "check": "failed-acceptance",
             "note": {"zh": "注", "en": "Note"},
             "hints": {"document": [], "interview": [], "demonstration": [hint]}},
        ],
        "rules": {
            "sufficiency": {"supporting": ["yes", "partly"],
                            "direct_methods": ["document", "demonstration"]},
            "suggestion": {"sufficient_all_yes": "conformant", "sufficient_with_partly": "largely",
                           "contradicted": "review", "insufficient": "none"},
            "checks": {
                "certified-staff": {"requirement": "3.2.1-1", "minimum": 4,
                                    "full_time_only": True, "date": "evaluation-start"},
                "failed-acceptance": {"requirement": "3.2.1-2", "years": 3, "maximum_failed": 0,
                                      "date": "received"},
            },
            "conclusion": {"largely_needs_finding": True, "finding_kind": "nonconformity"},
            "panel": {"quorum": "all", "majority": "strict", "tie": "fail"},
            "deadlines": {"supplement_months": 1, "cycle_target_months": 3,
                          "cycle_limit_months": 6, "maintenance_lead_months": 6,
                          "maintenance_late_months": 6, "retention_years": 6},
        },
    }


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=1)


def catalogue_seeds():
    with open(BUILTIN, "rb") as f:
        builtin = f.read()
    write("catalogue", "builtin.json", builtin)
    write("catalogue", "builtin-half.json", builtin[: len(builtin) // 2])
    write("catalogue", "builtin-first-line.json", builtin[: builtin.index(b"\n") + 1])

    mini = minimal_catalogue()
    text = dump(mini)
    write("catalogue", "minimal.json", text)
    write("catalogue", "minimal-truncated.json", text[: len(text) * 2 // 3])

    def variant(name, change):
        c = copy.deepcopy(mini)
        change(c)
        write("catalogue", name + ".json", dump(c))

    def dup_id(c):
        c["requirements"][2]["id"] = "3.2.1-1"

    def unknown_section(c):
        c["requirements"][0]["section"] = "9.9"

    def unknown_rule_id(c):
        c["rules"]["checks"]["certified-staff"]["requirement"] = "9.9-9"

    def dup_section(c):
        c["sections"].append(copy.deepcopy(c["sections"][0]))

    def parent_later(c):
        c["sections"][2]["parent"] = "3.3"

    def bad_method(c):
        c["requirements"][0]["methods"] = ["document", "document"]

    def wrong_types(c):
        c["requirements"][0]["min_methods"] = "1"
        c["requirements"][0]["na_allowed"] = 0

    def huge_number(c):
        c["rules"]["deadlines"]["retention_years"] = 18446744073709551615

    def negative(c):
        c["rules"]["checks"]["certified-staff"]["minimum"] = -1

    def newer(c):
        c["format"] = 2

    def control_chars(c):
        c["title"]["zh"] = "目录\u202e\u0007\u0000"

    for name, change in [("duplicate-id", dup_id), ("unknown-section", unknown_section),
                         ("unknown-rule-requirement", unknown_rule_id),
                         ("duplicate-section", dup_section), ("parent-later", parent_later),
                         ("method-twice", bad_method), ("wrong-types", wrong_types),
                         ("huge-number", huge_number), ("negative", negative),
                         ("newer-format", newer), ("control-characters", control_chars)]:
        variant(name, change)

    write("catalogue", "empty.json", b"")
    write("catalogue", "array.json", "[1, 2]")
    write("catalogue", "latin1.json", b'{"id": "caf\xe9"}')
    write("catalogue", "nul-byte.json", b'{"format": 1,\x00 "id": "x"}')
    write("catalogue", "bom.json", b"\xef\xbb\xbf" + text.encode("utf-8"))
    write("catalogue", "deep-nesting.json", "[" * 20000 + "]" * 20000)


# ---- dates ----

DATES = {
    "good": "2026-11-25", "leap-day": "2024-02-29", "first-year": "1900-01-01",
    "last-day": "9999-12-31", "not-leap": "2023-02-29", "century-not-leap": "2100-02-29",
    "day-31": "2026-04-31", "month-13": "2026-13-01", "month-0": "2026-00-10",
    "day-0": "2026-01-00", "year-1899": "1899-12-31", "short": "2026-2-30",
    "slashes": "25/11/2026", "trailing": "2026-11-25x", "leading-space": " 2026-11-25",
    "sign": "+026-11-25", "fullwidth": "２０２６-11-25", "empty": "", "invalid-utf8": b"2026-11-2\xff",
    "time": "2026-11-25T10:00:00Z",
}


def date_seeds():
    for name, value in DATES.items():
        write("dates", name, value)


# ---- credit codes ----

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def check_char(first17):
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_seeds():
    good = "91350100M000100Y43"
    assert check_char(good[:17]) == good[17]
    other = "91110000" + "MA01ABCD" + "X"
    other += check_char(other)
    zero = "9" + "1" * 16
    zero += check_char(zero)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    for name, value in [("valid", good), ("valid-2", other), ("valid-3", zero),
                        ("wrong-check", wrong), ("lower-case", good.lower()),
                        ("letter-o", good.replace("0", "O", 1)), ("letter-i", "I" + good[1:]),
                        ("17-chars", good[:17]), ("19-chars", good + "1"), ("empty", ""),
                        ("spaces", good[:9] + " " + good[9:]),
                        ("fullwidth", "９" + good[1:]), ("nul", good[:5] + "\0" + good[6:])]:
        write("credit-code", name, value)


# ---- database files ----

def sqlite_file(build):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "x.db")
        con = sqlite3.connect(path, isolation_level=None)
        build(con)
        con.close()
        with open(path, "rb") as f:
            return f.read()


def ours(con, page_size=None, version=1, history=False):
    """A database made as awb_database_open makes a new one (create_new in
    src/core/awb-database.c): the stamp, WAL, the schema, the version."""
    if page_size is not None:
        con.execute("PRAGMA page_size = %d" % page_size)
    con.execute("PRAGMA application_id = %d" % AWB_APPLICATION_ID)
    con.execute("PRAGMA journal_mode = WAL")
    with open(SCHEMA, encoding="utf-8") as f:
        con.executescript(f.read())
    con.execute("PRAGMA user_version = %d" % version)
    if history:
        con.execute("INSERT INTO history (id, case_id, at, actor, action, entity, entity_id, "
                    "before, after, prev_hash, hash) VALUES ('h1', 'c1', "
                    "'2026-01-01T00:00:00.000000Z', '张三', 'create', 'case', 'c1', NULL, "
                    "'{\"applicant\": \"示例\"}', '" + "0" * 64 + "', '" + "a" * 64 + "')")
        con.execute("INSERT INTO history_heads (case_id, count, hash) VALUES ('c1', 1, '"
                    + "a" * 64 + "')")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def database_seeds():
    write("database", "empty.db", b"")
    write("database", "text.db", "These are my notes, not a database.\n")

    fresh = sqlite_file(lambda con: ours(con))
    write("database", "ours-fresh.db", fresh)
    small = sqlite_file(lambda con: ours(con, page_size=512, history=True))
    write("database", "ours-512-history.db", small)
    write("database", "ours-header-only.db", small[:100])
    write("database", "ours-first-page.db", small[:512])
    write("database", "ours-newer.db", sqlite_file(lambda con: ours(con, page_size=512,
                                                                     version=99)))
    write("database", "ours-schema-0.db", sqlite_file(lambda con: (
        con.execute("PRAGMA page_size = 512"),
        con.execute("PRAGMA application_id = %d" % AWB_APPLICATION_ID),
        con.execute("CREATE TABLE x (y)"))))
    # a stamped file whose upgrade fails: refused, and must stay as it was
    write("database", "ours-schema-0-clash.db", sqlite_file(lambda con: (
        con.execute("PRAGMA page_size = 512"),
        con.execute("PRAGMA application_id = %d" % AWB_APPLICATION_ID),
        con.execute("CREATE TABLE cases (a)"))))
    write("database", "ours-negative-version.db", sqlite_file(lambda con: (
        con.execute("PRAGMA page_size = 512"),
        con.execute("PRAGMA application_id = %d" % AWB_APPLICATION_ID),
        con.execute("PRAGMA user_version = -1"))))
    write("database", "foreign-notes.sqlite", sqlite_file(lambda con: (
        con.execute("PRAGMA page_size = 512"),
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"),
        con.execute("INSERT INTO notes (body) VALUES ('buy milk'), ('笔记')"))))
    write("database", "foreign-wal.sqlite", sqlite_file(lambda con: (
        con.execute("PRAGMA page_size = 512"),
        con.execute("PRAGMA journal_mode = WAL"),
        con.execute("CREATE TABLE t (a)"))))


def main():
    catalogue_seeds()
    date_seeds()
    credit_code_seeds()
    database_seeds()


if __name__ == "__main__":
    main()
