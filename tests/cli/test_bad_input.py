#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bad input (issue 8, docs/robustness.md): each test proves the user sees a
clear refusal (exit 2, the file or value named) and that nothing was lost or
half-written. The read-only cases run as user nobody (root ignores file modes);
the full-disk cases mount a 1 MiB tmpfs in a private mount namespace (this
script re-runs itself under `unshare -m` when it can)."""

import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from awbcli import AWB, Workbench, run_tests  # noqa: E402

TODAY = {"AWB_TODAY": "2026-11-25"}
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
SKIPPED = []


def skip(reason):
    SKIPPED.append(reason)
    print("# SKIP: " + reason)


def add(wb, case_id, *extra, title="Business licence", stdin=None):
    return wb.run("evidence", "add", case_id, "--method", "document", "--requirement", "3.1-1",
                  "--title", title, *extra, stdin=stdin)


def can_drop_to_nobody():
    if os.geteuid() != 0:
        return False
    return subprocess.run(NOBODY + ["true"], capture_output=True).returncode == 0


def as_nobody(wb, *args):
    proc = subprocess.run(NOBODY + [AWB, "--db", wb.db] + list(args), capture_output=True,
                          text=True, env=wb.env, timeout=60)
    return proc


def test_read_only_file_and_folder():
    if not can_drop_to_nobody():
        skip("read-only tests need root to run awb as user nobody (chmod does not stop root)")
        return
    with Workbench(env=TODAY) as wb:
        case_id = wb.new_case()
        os.chmod(wb.dir, 0o755)
        shutil.chown(wb.dir, 65534, 65534)
        for name in os.listdir(wb.dir):
            shutil.chown(os.path.join(wb.dir, name), 65534, 65534)
        before = wb.dump()

        # a read-only database file: reading works, writing is refused
        os.chmod(wb.db, 0o400)
        r = as_nobody(wb, "case", "list")
        assert r.returncode == 0 and case_id[:8] in r.stdout, r
        r = as_nobody(wb, "evidence", "add", case_id, "--method", "document",
                      "--requirement", "3.1-1", "--title", "T")
        assert r.returncode == 2, r
        assert "cannot be written" in r.stderr and wb.db in r.stderr, r.stderr
        assert "permissions" in r.stderr, r.stderr
        assert wb.dump() == before

        # a read-only folder: refused at opening, naming the folder
        os.chmod(wb.db, 0o600)
        os.chmod(wb.dir, 0o500)
        try:
            r = as_nobody(wb, "case", "list")
            assert r.returncode == 2, r
            assert "its folder %s cannot be written" % wb.dir in r.stderr, r.stderr
            assert not [n for n in os.listdir(wb.dir) if n.startswith("w.db-")]
        finally:
            os.chmod(wb.dir, 0o700)
        assert wb.dump() == before
        assert wb.ok("verify").status == 0


def in_private_namespace():
    return os.environ.get("AWB_TEST_MOUNT_NS") == "1"


def mount_tmpfs(path):
    os.makedirs(path, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", path],
                       capture_output=True, text=True)
    return r.returncode == 0


def fill(path, leave):
    """Fills the disk of folder path, then frees `leave` bytes."""
    filler = os.path.join(path, "filler")
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
        except OSError:
            pass
    os.truncate(filler, max(0, os.path.getsize(filler) - leave))
    return filler


def test_full_disk():
    if not in_private_namespace():
        skip("full-disk tests need a private mount namespace (unshare -m, as root)")
        return
    with Workbench(env=TODAY) as outer:
        disk = os.path.join(outer.dir, "small disk 小盘")
        if not mount_tmpfs(disk):
            skip("mounting a 1 MiB tmpfs was refused")
            return
        try:
            wb = Workbench(env=TODAY)
            wb.db = os.path.join(disk, "w.db")
            case_id = wb.new_case()
            big = os.path.join(outer.dir, "big scan.bin")
            with open(big, "wb") as f:
                f.write(os.urandom(2 * 1024 * 1024))

            # evidence with an attachment bigger than the disk
            before = wb.dump()
            r = add(wb, case_id, "--attach", big)
            assert r.status == 2, r
            assert "is full" in r.err and "big scan.bin" in r.err, r.err
            assert wb.dump() == before
            store = wb.db + ".attachments"
            assert os.listdir(store) == [], os.listdir(store)

            # a plain write with the disk nearly full
            filler = fill(disk, 48 * 1024)
            r = add(wb, case_id, "--observation", "x" * 120000)
            assert r.status == 2, r
            assert "The disk holding %s is full" % wb.db in r.err, r.err
            assert wb.dump() == before
            assert wb.ok("case", "list").out.startswith(case_id[:8])

            # a disk so full that not even the journal fits: a clear refusal too
            os.remove(filler)
            filler = fill(disk, 0)
            r = wb.run("case", "list")
            assert r.status == 2 and "is full" in r.err, r
            os.remove(filler)
            assert wb.dump() == before
            assert wb.ok("verify").status == 0
            assert add(wb, case_id).status == 0
        finally:
            subprocess.run(["umount", "-l", disk])


def test_large_text():
    """The command line limits one argument to 128 KiB (the kernel's
    MAX_ARG_STRLEN); 120,000 characters go through and come back whole.
    The 10 MB field is tested in the core (test-evidence /evidence/large-text)."""
    with Workbench(env=TODAY) as wb:
        case_id = wb.new_case()
        text = ("观察 observation line\n" * 8000)[:100000]
        eid = add(wb, case_id, "--observation", text).out.strip()
        item = wb.ok("evidence", "show", eid, "--json").json()
        assert item["observation"] == text.strip() or item["observation"] == text


def test_large_text_from_file():
    """--observation-file carries what one argument cannot: 10 MB of text
    from a file or from standard input, stored whole; a file that is not
    UTF-8 text, or missing, is refused and nothing is written."""
    with Workbench(env=TODAY) as wb:
        case_id = wb.new_case()
        text = ("观察 observation line，第二段\n" * 300000)[:7000000]
        big = os.path.join(wb.tmp.name, "观察 记录.txt")
        with open(big, "w", encoding="utf-8") as f:
            f.write(text)
        assert os.path.getsize(big) >= 10 * 1000 * 1000
        eid = add(wb, case_id, "--observation-file", big).out.strip()
        assert wb.ok("evidence", "show", eid, "--json").json()["observation"] == text

        piped = "从标准输入读入的观察\nsecond line\n"
        eid = add(wb, case_id, "--observation-file", "-", stdin=piped).out.strip()
        assert wb.ok("evidence", "show", eid, "--json").json()["observation"] == piped

        latin1 = os.path.join(wb.tmp.name, "latin1.txt")
        with open(latin1, "wb") as f:
            f.write("Beobachtung: Prüfung".encode("latin-1"))
        wb.refused("evidence", "add", case_id, "--method", "document", "--requirement", "3.1-1",
                   "--title", "T", "--observation-file", latin1, fragment="not UTF-8 text")
        wb.refused("evidence", "add", case_id, "--method", "document", "--requirement", "3.1-1",
                   "--title", "T", "--observation-file", os.path.join(wb.tmp.name, "gone.txt"),
                   fragment="gone.txt")
        r = add(wb, case_id, "--observation", "x", "--observation-file", big)
        assert r.status == 1 and "not both" in r.err, r


def test_control_characters_and_bidi_in_names():
    with Workbench(env=TODAY) as wb:
        case_id = wb.new_case()
        for bad, code in (("Evil\x1b[31mRed", "U+001B"), ("Bell\x07Co", "U+0007"),
                          ("C1\u009bCo", "U+009B"), ("Tab\tCo", "U+0009")):
            r = wb.refused("case", "new", "--applicant", bad, "--credit-code",
                           "91350100M000100Y43", fragment=code)
            assert "\x1b" not in r.err and "\x07" not in r.err, "raw control in message"
        wb.refused("evidence", "add", case_id, "--method", "document", "--requirement", "3.1-1",
                   "--title", "T", "--evaluator", "王\x1b]0;pwned\x07工", fragment="U+001B")

        # right-to-left text and marks are printable: stored as given, shown as given
        rtl = "شركة\u200f الأمن \u202bABC\u202c"
        cid = wb.new_case(rtl)
        cases = {c["id"]: c for c in wb.ok("case", "list", "--json").json()}
        assert cases[cid]["applicant"] == rtl
        out = wb.ok("case", "list").out
        assert rtl in out
        assert not any(ord(ch) < 32 and ch != "\n" for ch in out), repr(out)


def raw_controls(text):
    return [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7f <= ord(ch) <= 0x9f]


def test_control_characters_never_reach_the_terminal():
    """Text that may hold control characters (an evidence title, or a name
    written by an older build or another program) is shown with them as
    pictures (ESC as U+241B) in human output, exact in --json."""
    with Workbench(env=TODAY) as wb:
        case_id = wb.new_case()
        title = "Scan \x1b[2J\x1b]0;pwned\x07 done \u009b31m"
        eid = wb.created("evidence", "add", case_id, "--method", "document",
                         "--requirement", "3.1-1", "--title", title)
        wb.sql("UPDATE cases SET applicant = ? WHERE id = ?", "Old\x1b[31mName", case_id)
        for args in (("case", "list"), ("evidence", "list", case_id), ("evidence", "show", eid),
                     ("case", "show", case_id)):
            r = wb.ok(*args)
            assert raw_controls(r.out) == [] and raw_controls(r.err) == [], (args, r)
        assert "\u241b[2J" in wb.ok("evidence", "list", case_id).out
        assert "Old\u241b[31mName" in wb.ok("case", "list").out
        assert wb.ok("evidence", "show", eid, "--json").json()["title"] == title
        r = wb.run("evidence", "remove", eid)
        assert r.status == 0 and raw_controls(r.err) == [], r


def test_vanished_attachment_source():
    with Workbench(env=TODAY) as wb:
        case_id = wb.new_case()
        gone = os.path.join(wb.dir, "扫描 件", "no longer here.pdf")
        r = wb.refused("evidence", "add", case_id, "--method", "document", "--requirement",
                       "3.1-1", "--title", "T", "--attach", gone, fragment="does not exist")
        assert gone in r.err
        assert not os.path.exists(wb.db + ".attachments")


def test_vanished_stored_file():
    with Workbench(env=TODAY) as wb:
        case_id = wb.new_case()
        src = os.path.join(wb.dir, "licence.txt")
        with open(src, "w") as f:
            f.write("licence\n")
        add(wb, case_id, "--attach", src)
        store = wb.db + ".attachments"
        (fan,) = os.listdir(store)
        (name,) = os.listdir(os.path.join(store, fan))
        os.remove(os.path.join(store, fan, name))
        before = wb.dump()
        r = wb.run("verify")
        assert r.status == 2 and "missing from the store" in r.out and "licence.txt" in r.out, r
        assert wb.dump() == before


def test_spaces_and_chinese_in_paths():
    with Workbench(env=TODAY) as wb:
        wb.db = os.path.join(wb.dir, "评估 案例 2026", "工作 台.db")
        case_id = wb.new_case()
        src = os.path.join(wb.dir, "现场 材料", "营业执照 副本 (2025).txt")
        os.makedirs(os.path.dirname(src))
        with open(src, "w") as f:
            f.write("副本\n")
        eid = add(wb, case_id, "--attach", src).out.strip()
        item = wb.ok("evidence", "show", eid, "--json").json()
        assert item["attachments"][0]["name"] == "营业执照 副本 (2025).txt"
        assert wb.ok("verify").status == 0
        # the exporter on such a path
        out = os.path.join(wb.dir, "导出 文件", "评审 工作簿 (草稿).xlsx")
        os.makedirs(os.path.dirname(out))
        wb.ok("export", case_id, "--xlsx", out)
        with open(out, "rb") as f:
            assert f.read(2) == b"PK", "not an xlsx (zip) file"
        assert [n for n in os.listdir(os.path.dirname(out))] == [os.path.basename(out)]


def test_two_writers_at_once():
    """Two loops (evidence add with an attachment, and rate) on one database:
    every commit reported is present and no "busy" refusal reaches the user."""
    with Workbench(env=TODAY) as wb:
        case_id = wb.new_case()
        src = os.path.join(wb.dir, "minutes.txt")
        with open(src, "w") as f:
            f.write("meeting minutes\n")
        n = 25
        script_add = ('for i in $(seq %d); do "$AWB" --db "$DB" evidence add "$CASE" '
                      '--method document --requirement 3.1-1 --title "Item $i" '
                      '--attach "$SRC" || echo "FAILED $?" >&2; done' % n)
        reqs = ["3.1-1", "3.2.5-1"]
        script_rate = ('for i in $(seq %d); do for r in %s; do for v in conformant largely; do '
                       '"$AWB" --db "$DB" rate "$CASE" "$r" "$v" --rationale "round $i" '
                       '|| echo "FAILED $?" >&2; done; done; done'
                       % (n // 2, " ".join(reqs)))
        env = dict(wb.env, AWB=AWB, DB=wb.db, CASE=case_id, SRC=src)
        procs = [subprocess.Popen(["/bin/sh", "-c", s], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
                 for s in (script_add, script_rate)]
        outs = [p.communicate(timeout=300) for p in procs]
        for (out, err), p in zip(outs, procs):
            assert p.returncode == 0, (out, err)
            assert "FAILED" not in err and "busy" not in err and "locked" not in err, err
        ids = [ln for ln in outs[0][0].split("\n") if ln]
        assert len(ids) == n, outs[0]
        listed = {i["id"] for i in wb.ok("evidence", "list", case_id, "--json").json()}
        assert set(ids) <= listed
        history = wb.sql("SELECT count(*) FROM history WHERE action LIKE '%rat%' "
                         "OR entity = 'rating'")[0][0]
        assert history >= 1
        assert wb.ok("verify").status == 0


def main():
    if (os.geteuid() == 0 and not in_private_namespace() and shutil.which("unshare")
            and subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0):
        env = dict(os.environ, AWB_TEST_MOUNT_NS="1")
        os.execvpe("unshare", ["unshare", "-m", "--propagation", "private", sys.executable,
                               os.path.abspath(__file__)], env)
    status = run_tests([test_read_only_file_and_folder, test_full_disk, test_large_text,
                        test_large_text_from_file,
                        test_control_characters_and_bidi_in_names,
                        test_control_characters_never_reach_the_terminal,
                        test_vanished_attachment_source, test_vanished_stored_file,
                        test_spaces_and_chinese_in_paths, test_two_writers_at_once])
    return status


if __name__ == "__main__":
    sys.exit(main())
