#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash safety (issue 8): a writer runs `awb evidence add` with attachments in a
loop and is killed with SIGKILL (its whole process group) at random moments.
After every kill:
  - PRAGMA integrity_check is ok;
  - every id the writer printed (awb prints an id only after the commit) is in
    the database with its two requirement links and its two attachment rows;
  - `awb verify` passes: the history chain verifies, every stored attachment is
    present and re-hashes to its name, leftover temporary files are deleted and
    not reported as problems;
  - no attachment file is half-written: every file in the store is named by the
    SHA-256 of its content, and no temporary file is left after verify.
15 kills by default; 200 with AWB_LONG_TESTS=1 (./scripts/test --long).
AWB_CRASH_KILLS overrides the number, AWB_CRASH_SEED the random seed."""

import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cli"))
from awbcli import AWB, Workbench  # noqa: E402

ID_LINE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

# The writer: a shell loop of awb invocations. Each round makes a fresh source
# file of random content and size (so that the store gets a new file to copy,
# which a kill can interrupt) and attaches it with a small fixed one. awb's own
# stdout goes to the log, so an id in it was printed after its commit.
WRITER = r'''
i=0
while :; do
  i=$((i + 1))
  src="$SRCDIR/scan-$$-$i.bin"
  head -c $(( (i * 7919 % 97 + 1) * 8192 )) /dev/urandom > "$src"
  "$AWB" --db "$DB" evidence add "$CASE" --method document \
    --requirement 3.1-1 --requirement 3.2.5-1:partly \
    --title "Scan $$-$i" --observation "Round $i of writer $$" \
    --attach "$src" --attach "$FIXED" >> "$LOG" || exit 3
  rm -f "$src"
done
'''


def reported_ids(log):
    """Complete id lines only: a kill may cut the last line short."""
    with open(log, "r", encoding="utf-8", errors="replace") as f:
        text = f.read()
    lines = text.split("\n")
    if not text.endswith("\n"):
        lines = lines[:-1]
    return [ln for ln in lines if ID_LINE.match(ln)]


def check_store(store):
    """Every file under the store is complete: named by its own SHA-256."""
    temporaries = []
    n = 0
    if not os.path.isdir(store):
        return n, temporaries
    for entry in os.listdir(store):
        path = os.path.join(store, entry)
        if entry.startswith(".tmp-"):
            temporaries.append(entry)
            continue
        assert os.path.isdir(path) and len(entry) == 2, "unexpected %s in the store" % path
        for name in os.listdir(path):
            with open(os.path.join(path, name), "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            assert digest == name, "half-written or altered store file %s/%s" % (entry, name)
            n += 1
    return n, temporaries


def check_database(wb, ids):
    con = sqlite3.connect(wb.db)
    try:
        (result,) = con.execute("PRAGMA integrity_check").fetchone()
        assert result == "ok", "integrity_check: %s" % result
        (fk,) = con.execute("SELECT count(*) FROM pragma_foreign_key_check").fetchone()
        assert fk == 0, "foreign key violations after a kill"
        for eid in ids:
            row = con.execute("SELECT title FROM evidence WHERE id = ?", (eid,)).fetchone()
            assert row is not None, "evidence %s was reported committed but is missing" % eid
            links = con.execute("SELECT requirement_id, supports FROM evidence_links "
                                "WHERE evidence_id = ? ORDER BY requirement_id",
                                (eid,)).fetchall()
            assert links == [("3.1-1", "yes"), ("3.2.5-1", "partly")], (eid, links)
            atts = con.execute("SELECT name FROM attachments WHERE evidence_id = ? "
                               "ORDER BY name", (eid,)).fetchall()
            assert len(atts) == 2 and atts[0][0] == "fixed.txt", (eid, atts)
            hist = con.execute("SELECT count(*) FROM history WHERE entity_id = ?",
                               (eid,)).fetchone()[0]
            assert hist >= 1, "evidence %s has no history entry" % eid
        # nothing half-made: every item has both its links and both attachments
        (partial,) = con.execute(
            "SELECT count(*) FROM evidence e WHERE "
            "(SELECT count(*) FROM evidence_links l WHERE l.evidence_id = e.id) != 2 OR "
            "(SELECT count(*) FROM attachments a WHERE a.evidence_id = e.id) != 2").fetchone()
        assert partial == 0, "%d evidence items are half-written" % partial
        (total,) = con.execute("SELECT count(*) FROM evidence").fetchone()
        return total
    finally:
        con.close()


PER_DATABASE = 25  # kills on one database before a fresh one (verify re-hashes the whole store)


def kill_round(rng, kills, stats):
    """kills kills of the writer on one new database; stats are added to."""
    with Workbench(env={"AWB_TODAY": "2026-11-25"}) as wb:
        case_id = wb.new_case()
        srcdir = os.path.join(wb.dir, "sources 来源")
        os.makedirs(srcdir)
        fixed = os.path.join(srcdir, "fixed.txt")
        with open(fixed, "w") as f:
            f.write("the same small file every time\n")
        log = os.path.join(wb.dir, "committed.log")
        open(log, "w").close()
        env = dict(wb.env, AWB=AWB, DB=wb.db, CASE=case_id, SRCDIR=srcdir, FIXED=fixed,
                   LOG=log)
        store = wb.db + ".attachments"
        ids = []
        total = 0
        for k in range(kills):
            proc = subprocess.Popen(["/bin/sh", "-c", WRITER], env=env, start_new_session=True,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(0.02, 0.6))
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            if proc.returncode != -signal.SIGKILL:
                raise AssertionError("the writer stopped by itself (%s): %s"
                                     % (proc.returncode, err.decode(errors="replace")))
            stats["kills"] += 1

            ids = reported_ids(log)
            _, temps = check_store(store)
            stats["temporaries"] += len(temps)
            total = check_database(wb, ids)
            # an add that committed but was killed before its id was printed is
            # possible (and harmless); it is counted, not an error
            assert total >= len(ids), "more ids reported than items stored"

            r = wb.run("verify", "--json")
            assert r.status == 0, "awb verify after kill %d: %r" % (stats["kills"], r)
            report = json.loads(r.out)
            assert report["ok"] and not report["history"]["problems"], report
            assert not report["attachments"]["problems"], report
            assert report["attachments"]["temporary_files_removed"] == len(temps), \
                (report, temps)
            _, temps_after = check_store(store)
            assert temps_after == [], "temporary files left after verify: %r" % temps_after

        stats["commits"] += len(ids)
        stats["unprinted"] += total - len(ids)
        stats["files"] += check_store(store)[0]
        # the database still takes writes after all that
        wb.created("evidence", "add", case_id, "--method", "document", "--requirement", "3.1-1",
                   "--requirement", "3.2.5-1:partly", "--title", "after the kills",
                   "--attach", fixed, "--attach", log)


# The second writer: the package import, each round into a new database.
IMPORTER = r'''
i=0
while :; do
  i=$((i + 1))
  db="$IMPDIR/import-$$-$i.db"
  id=$("$AWB" --db "$db" case import "$PKG") || exit 3
  echo "$db $id" >> "$LOG"
done
'''


def make_package(wb, path):
    """A case with three evidence items (six attachments) exported to path."""
    case_id = wb.new_case()
    common = os.path.join(wb.dir, "common.txt")
    with open(common, "w") as f:
        f.write("attached to every item\n")
    for i in range(3):
        src = os.path.join(wb.dir, "scan-%d.bin" % i)
        with open(src, "wb") as f:
            f.write(os.urandom(64 * 1024 * (i + 1)))
        wb.created("evidence", "add", case_id, "--method", "document", "--requirement", "3.1-1",
                   "--requirement", "3.2.5-1:partly", "--title", "Item %d" % i,
                   "--attach", src, "--attach", common)
    wb.ok("case", "export", case_id, "--package", path)
    return case_id


def check_imported(db, case_id, reported):
    """An imported database is whole (the case with its 3 items and 6 attachment
    rows) or holds no case at all; a reported import is whole."""
    con = sqlite3.connect(db)
    try:
        (result,) = con.execute("PRAGMA integrity_check").fetchone()
        assert result == "ok", "integrity_check of %s: %s" % (db, result)
        cases = [r[0] for r in con.execute("SELECT id FROM cases")]
        if reported:
            assert cases == [case_id], (db, cases)
        assert cases in ([], [case_id]), (db, cases)
        if cases:
            (items,) = con.execute("SELECT count(*) FROM evidence").fetchone()
            (atts,) = con.execute("SELECT count(*) FROM attachments").fetchone()
            (hist,) = con.execute("SELECT count(*) FROM history").fetchone()
            assert (items, atts) == (3, 6) and hist >= 4, (db, items, atts, hist)
        return bool(cases)
    finally:
        con.close()


def import_round(rng, kills, stats):
    with Workbench(env={"AWB_TODAY": "2026-11-25"}) as wb:
        pkg = os.path.join(wb.dir, "case 案例.awbcase")
        case_id = make_package(wb, pkg)
        impdir = os.path.join(wb.dir, "imports 导入")
        log = os.path.join(wb.dir, "imported.log")
        env = dict(wb.env, AWB=AWB, PKG=pkg, IMPDIR=impdir, LOG=log)
        for _ in range(kills):
            shutil.rmtree(impdir, ignore_errors=True)
            os.makedirs(impdir)
            open(log, "w").close()
            proc = subprocess.Popen(["/bin/sh", "-c", IMPORTER], env=env, start_new_session=True,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(0.02, 0.4))
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            if proc.returncode != -signal.SIGKILL:
                raise AssertionError("the importer stopped by itself (%s): %s"
                                     % (proc.returncode, err.decode(errors="replace")))
            stats["kills"] += 1
            with open(log) as f:
                reported = {ln.rsplit(" ", 1)[0] for ln in f.read().split("\n")[:-1]
                            if ln.endswith(case_id)}
            stats["commits"] += len(reported)
            for name in sorted(os.listdir(impdir)):
                db = os.path.join(impdir, name)
                if not name.endswith(".db") or name.startswith("."):
                    continue
                whole = check_imported(db, case_id, db in reported)
                stats["unprinted"] += int(whole and db not in reported)
                temps = check_store(db + ".attachments")[1]
                stats["temporaries"] += len(temps)
                r = subprocess.run([AWB, "--db", db, "verify", "--json"], capture_output=True,
                                   text=True, env=wb.env, timeout=60)
                assert r.returncode == 0, "awb verify of %s: %s %s" % (db, r.stdout, r.stderr)
                assert check_store(db + ".attachments")[1] == []
            assert reported <= {os.path.join(impdir, n) for n in os.listdir(impdir)}


def run():
    kills = int(os.environ.get("AWB_CRASH_KILLS",
                               "200" if os.environ.get("AWB_LONG_TESTS") == "1" else "15"))
    seed = int(os.environ.get("AWB_CRASH_SEED", str(int(time.time()))))
    rng = random.Random(seed)
    print("1..2")
    print("# %d kills, seed %d (AWB_CRASH_SEED=%d repeats this run)" % (kills, seed, seed))

    stats = dict(kills=0, commits=0, unprinted=0, files=0, temporaries=0)
    started = time.monotonic()
    while stats["kills"] < kills:
        kill_round(rng, min(PER_DATABASE, kills - stats["kills"]), stats)
    elapsed = time.monotonic() - started

    print("ok 1 - %d kills: integrity ok, every reported commit present, verify passes, "
          "no half-written attachment, the database takes writes afterwards" % kills)
    print("# figures: %d kills on %d database(s), %d commits reported, %d committed but killed "
          "before printing, %d store files, %d temporary files cleaned by verify, %.1f s"
          % (kills, -(-kills // PER_DATABASE), stats["commits"], stats["unprinted"],
             stats["files"], stats["temporaries"], elapsed))

    stats = dict(kills=0, commits=0, unprinted=0, temporaries=0)
    started = time.monotonic()
    import_round(rng, kills, stats)
    elapsed = time.monotonic() - started
    print("ok 2 - %d kills of the package import: every database whole or without the case, "
          "every reported import whole, verify passes" % kills)
    print("# figures: %d import kills, %d imports reported, %d whole but killed before "
          "printing, %d temporary files cleaned by verify, %.1f s"
          % (kills, stats["commits"], stats["unprinted"], stats["temporaries"], elapsed))
    return 0


if __name__ == "__main__":
    sys.exit(run())
