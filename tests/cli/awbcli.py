# SPDX-License-Identifier: GPL-3.0-or-later
"""Drive the `awb` command line as a user would, from tests."""

import json
import os
import sqlite3
import subprocess
import tempfile

BUILD = os.environ.get("AWB_BUILD_ROOT", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
AWB = os.path.join(BUILD, "src", "cli", "awb")

# a valid unified social credit code (GB 32100-2015 check character correct)
CREDIT_CODE = "91350100M000100Y43"


class Result:
    def __init__(self, proc):
        self.status = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)

    def __repr__(self):
        return "<status %d out=%r err=%r>" % (self.status, self.out[:500], self.err[:500])


class Workbench:
    """A temporary database and the commands run on it."""

    def __init__(self, env=None):
        self.tmp = tempfile.TemporaryDirectory(prefix="awb-cli-")
        self.dir = self.tmp.name
        self.db = os.path.join(self.dir, "w.db")
        self.env = dict(os.environ)
        self.env["XDG_DATA_HOME"] = os.path.join(self.dir, "xdg")
        self.env.setdefault("AWB_USER", "Tester")
        self.env.update(env or {})

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.tmp.cleanup()
        return False

    def run(self, *args, env=None, stdin=None):
        e = dict(self.env)
        e.update(env or {})
        proc = subprocess.run([AWB, "--db", self.db] + [str(a) for a in args],
                              capture_output=True, text=True, env=e, input=stdin, timeout=120)
        return Result(proc)

    def ok(self, *args, **kw):
        r = self.run(*args, **kw)
        assert r.status == 0, "awb %s failed: %r" % (" ".join(map(str, args)), r)
        return r

    def created(self, *args, **kw):
        """A command that creates something prints its full id alone on stdout."""
        r = self.ok(*args, **kw)
        out = r.out.strip()
        assert len(out) == 36 and out.count("-") == 4, "expected an id, got %r" % r.out
        return out

    def refused(self, *args, fragment=None, **kw):
        """Exit 2, a message naming the problem, and nothing written."""
        before = self.dump()
        r = self.run(*args, **kw)
        assert r.status == 2, "expected a refusal (2) for awb %s: %r" % (" ".join(map(str, args)), r)
        if fragment is not None:
            assert fragment in r.err, "message %r lacks %r" % (r.err, fragment)
        assert self.dump() == before, "a refused command changed the database"
        return r

    def dump(self):
        """Every row of every table, to compare before and after."""
        if not os.path.exists(self.db):
            return None
        con = sqlite3.connect(self.db)
        try:
            out = []
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name"):
                rows = con.execute('SELECT * FROM "%s"' % name).fetchall()
                out.append((name, sorted(map(repr, rows))))
            return out
        finally:
            con.close()

    def sql(self, query, *params):
        """Runs one statement on the database (committed) and returns its rows."""
        con = sqlite3.connect(self.db)
        try:
            rows = con.execute(query, params).fetchall()
            con.commit()
            return rows
        finally:
            con.close()

    def new_case(self, applicant="示例云安全科技有限公司", *extra):
        return self.created("case", "new", "--applicant", applicant,
                            "--credit-code", CREDIT_CODE, *extra)


def run_tests(tests):
    """Runs test functions, prints TAP."""
    import traceback
    print("1..%d" % len(tests))
    failed = 0
    for i, t in enumerate(tests, 1):
        try:
            t()
            print("ok %d - %s" % (i, t.__name__))
        except Exception:
            failed += 1
            print("not ok %d - %s" % (i, t.__name__))
            for line in traceback.format_exc().splitlines():
                print("# " + line)
    return 1 if failed else 0
