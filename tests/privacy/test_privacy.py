#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The workbench makes no network access at all: its binaries, traced with
strace, create no AF_INET or AF_INET6 socket and connect to no network address
(local AF_UNIX sockets, for D-Bus and the X server, are fine; so is AF_NETLINK,
with which GLib watches the network's state without sending anything). The
reading commands write no file at all; a command that creates the database
writes only in its data folder, and makes it private.

  test_privacy.py cli   awb catalogue list / show, on a fresh HOME; then
                        awb case new creating its database in new folders and
                        awb evidence add --attach filling the attachment store:
                        folders 0700, files 0600, nothing written elsewhere
  test_privacy.py gui   the application's start-up on a fresh database
                        (needs a display and a D-Bus session, like suite gui)

Before tracing the workbench, the test traces a small program that does open
an AF_INET socket and checks that it is caught, so the test cannot pass only
because strace saw nothing (no ptrace permission, a wrong filter …)."""

import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

BUILD = os.environ.get("AWB_BUILD_ROOT", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
AWB = os.path.join(BUILD, "src", "cli", "awb")
GUI = os.path.join(BUILD, "src", "gui", "assessor-workbench")
# a valid unified social credit code (GB 32100-2015 check character correct)
CREDIT_CODE = "91350100M000100Y43"

# system calls that create sockets, reach an address, or write files
TRACE = ("trace=socket,connect,sendto,sendmsg,bind,"
         "open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,"
         "symlink,symlinkat,unlink,unlinkat,truncate")

NET_SOCKET = re.compile(r"\bsocket\((AF|PF)_INET6?\b")
NET_ADDRESS = re.compile(r"sa_family=AF_INET6?\b")
# with strace -y a directory descriptor prints as 3</its/path>
DIRFD = r'(?:AT_FDCWD, |\d+<(?P<dir>[^>]*)>, |\d+, )?'
WRITE_OPEN = re.compile(r'\bopen(?:at)?\(' + DIRFD + r'"(?P<path>[^"]*)", (?P<flags>[A-Z_|]+)')
CHANGE = re.compile(r'\b(?:creat|mkdir|mkdirat|rename|renameat2?|link|linkat|symlink|symlinkat|'
                    r'unlink|unlinkat|truncate)\(' + DIRFD + r'"(?P<path>[^"]*)"')

# files every process may open for writing without writing anything to disk
DEVICES = ("/dev/null", "/dev/tty", "/dev/urandom", "/dev/random", "/dev/dri/", "/dev/shm/")


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def strace_cmd(log):
    if shutil.which("strace") is None:
        fail("strace is not installed (scripts/deps.sh lists it in TEST_PACKAGES)")
    return ["strace", "-f", "-qq", "-y", "-s", "256", "-e", TRACE, "-o", log]


def network_calls(log):
    found = []
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            if NET_SOCKET.search(line) or NET_ADDRESS.search(line):
                found.append(line.strip())
    return found


def written_paths(log):
    """Paths the traced processes created, changed or opened for writing."""
    paths = []
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            if "= -1 " in line:
                continue  # the call failed: nothing was written
            m = WRITE_OPEN.search(line)
            if m:
                flags = m.group("flags").split("|")
                if not any(x in flags for x in ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC")):
                    continue
            else:
                m = CHANGE.search(line)
            if m:
                path = m.group("path")
                if m.group("dir") and not path.startswith("/"):
                    path = os.path.join(m.group("dir"), path)
                paths.append(path)
    return paths


def self_check(tmp):
    """strace must see a socket that a program really opens."""
    log = os.path.join(tmp, "self-check.strace")
    probe = "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()"
    proc = subprocess.run(strace_cmd(log) + [sys.executable, "-c", probe],
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        fail("strace cannot trace here (is ptrace allowed?): " + proc.stderr.strip())
    if not network_calls(log):
        fail("strace did not report the AF_INET socket of the self-check; "
             "the test would prove nothing")


def fresh_env(tmp):
    env = dict(os.environ)
    home = os.path.join(tmp, "home")
    os.makedirs(home, exist_ok=True)
    env["HOME"] = home
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = os.path.join(home, var.lower())
    env["GSETTINGS_BACKEND"] = "memory"
    # LeakSanitizer cannot run under ptrace; leaks are checked by the other suites
    if "ASAN_OPTIONS" in env:
        env["ASAN_OPTIONS"] += ":detect_leaks=0"
    return env


def run_cli(tmp):
    env = fresh_env(tmp)
    data = os.path.join(tmp, "data")
    db = os.path.join(data, "w.db")
    commands = [["catalogue", "show", "cnitsec-cloud-l1-2025"],
                ["catalogue", "show", "cnitsec-cloud-l1-2025", "--json"],
                ["catalogue", "list"]]
    for i, args in enumerate(commands):
        log = os.path.join(tmp, "cli-%d.strace" % i)
        proc = subprocess.run(strace_cmd(log) + [AWB, "--db", db] + args,
                              capture_output=True, text=True, env=env, timeout=120)
        if proc.returncode != 0:
            fail("awb %s failed (%d): %s" % (" ".join(args), proc.returncode, proc.stderr))
        if "3.2.3" not in proc.stdout and "cnitsec-cloud-l1-2025" not in proc.stdout:
            fail("awb %s printed nothing expected: %r" % (" ".join(args), proc.stdout[:200]))
        net = network_calls(log)
        if net:
            fail("awb %s touched the network:\n  %s" % (" ".join(args), "\n  ".join(net)))
        written = [p for p in written_paths(log) if not p.startswith(DEVICES)]
        if written:
            fail("awb %s, a reading command, wrote files:\n  %s"
                 % (" ".join(args), "\n  ".join(written)))
    print("ok: awb catalogue show/list: no network socket, no file written")

    # a command that creates the database, in folders that do not exist yet, then
    # evidence with an attachment (the store beside the database); the user's
    # file lies outside the data folder and is only read
    folder = os.path.join(data, "new", "评估 2026")
    db = os.path.join(folder, "w.db")
    scan = os.path.join(tmp, "营业执照 扫描件.pdf")
    with open(scan, "wb") as f:
        f.write(b"%PDF-1.4 licence scan\n")
    case_id = None
    for i, args in enumerate([["case", "new", "--applicant", "示例云安全科技有限公司",
                               "--credit-code", CREDIT_CODE, "--leader", "Wang"],
                              ["evidence", "add", None, "--method", "document",
                               "--requirement", "3.1-1", "--title", "营业执照",
                               "--attach", scan],
                              ["case", "list", "--json"]]):
        args = [case_id if a is None else a for a in args]
        log = os.path.join(tmp, "cli-db-%d.strace" % i)
        proc = subprocess.run(strace_cmd(log) + [AWB, "--db", db] + args,
                              capture_output=True, text=True, env=env, timeout=120)
        if proc.returncode != 0:
            fail("awb %s failed (%d): %s" % (" ".join(args), proc.returncode, proc.stderr))
        if case_id is None:
            case_id = proc.stdout.strip()
        net = network_calls(log)
        if net:
            fail("awb %s touched the network:\n  %s" % (args[0], "\n  ".join(net)))
        outside = [p for p in written_paths(log)
                   if not p.startswith(DEVICES) and p != data and not p.startswith(data + os.sep)]
        if outside:
            fail("awb %s wrote outside the data folder:\n  %s" % (" ".join(args[:2]),
                                                                  "\n  ".join(outside)))
    check_private(data)
    store = db + ".attachments"
    if not any(len(f) == 64 for _, _, files in os.walk(store) for f in files):
        fail("the attachment was not stored in %s" % store)
    print("ok: awb case new and evidence add --attach kept the database and the attachment "
          "store private (folders 0700, files 0600), wrote only there, opened no network socket")


def check_private(root):
    """Every folder under root (root included) is 0700, every file 0600."""
    checked = 0
    for dirpath, dirnames, filenames in os.walk(root):
        for path in [dirpath] + [os.path.join(dirpath, f) for f in filenames]:
            st = os.lstat(path)
            want = 0o700 if stat.S_ISDIR(st.st_mode) else 0o600
            if stat.S_ISLNK(st.st_mode) or (st.st_mode & 0o777) != want:
                fail("%s has mode %o, not %o" % (path, st.st_mode & 0o777, want))
            checked += 1
    if checked < 4:
        fail("%s holds %d entries; the database was not created" % (root, checked))


def gui_pid(strace_pid, timeout=60):
    """The application's process: the child strace started."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % entry) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == strace_pid:
                    return int(entry)
            except (OSError, IndexError, ValueError):
                continue
        time.sleep(0.2)
    fail("the application did not start under strace")


class Traced:
    """The traced application as awbgui.App sees its process (it is strace's
    child, not ours)."""

    def __init__(self, pid):
        self.pid = pid
        self.returncode = None

    def poll(self):
        if os.path.exists("/proc/%d" % self.pid):
            return None
        self.returncode = -1
        return self.returncode


def run_gui(tmp):
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
    import awbgui  # noqa: E402  (needs pyatspi, like suite gui)

    env = fresh_env(tmp)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    data = os.path.join(tmp, "data")
    db = os.path.join(data, "workbench.db")
    log = os.path.join(tmp, "gui.strace")
    strace = subprocess.Popen(strace_cmd(log) + [GUI, "--db", db], env=env)
    try:
        pid = gui_pid(strace.pid)
        app = awbgui.App([], tmp)
        app.proc = Traced(pid)
        app.wait_window(timeout=60)
        os.kill(pid, signal.SIGTERM)
        strace.wait(30)
    finally:
        if strace.poll() is None:
            strace.kill()
            strace.wait()

    if not os.path.exists(db):
        fail("the application did not create its database; it did not really start")
    net = network_calls(log)
    if net:
        fail("the application touched the network:\n  %s" % "\n  ".join(net))
    print("ok: the application's start-up created no network socket")

    # files written outside the data folder: only the graphics driver's cache of
    # compiled shaders (Mesa, under XDG_CACHE_HOME), which holds no user data
    driver_cache = os.path.join(env["XDG_CACHE_HOME"], "mesa_shader_cache")
    allowed = (data, driver_cache, env["XDG_CACHE_HOME"])
    outside = sorted({p for p in written_paths(log)
                      if not p.startswith(DEVICES)
                      and p not in allowed
                      and not p.startswith(data + os.sep)
                      and not p.startswith(driver_cache + os.sep)})
    if outside:
        fail("the application wrote outside its data folder:\n  %s" % "\n  ".join(outside))
    print("ok: the application wrote only in its data folder (and the graphics driver's "
          "shader cache)")


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ("cli", "gui"):
        print(__doc__, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="awb-privacy-") as tmp:
        self_check(tmp)
        if sys.argv[1] == "cli":
            run_cli(tmp)
        else:
            run_gui(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
