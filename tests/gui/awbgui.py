# SPDX-License-Identifier: GPL-3.0-or-later
"""Drive the real application through AT-SPI (pyatspi), as a screen reader does."""

import os
import subprocess
import sys
import time

import pyatspi

BUILD = os.environ.get("AWB_BUILD_ROOT", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
BINARY = os.path.join(BUILD, "src", "gui", "assessor-workbench")
ARTIFACTS = os.environ.get("AWB_ARTIFACTS", os.path.join(BUILD, "test-artifacts"))


class App:
    def __init__(self, args, home, env=None):
        self.args = args
        self.home = home
        self.extra_env = env or {}
        self.proc = None

    def __enter__(self):
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env.setdefault("GSETTINGS_BACKEND", "memory")
        env["XDG_DATA_HOME"] = os.path.join(self.home, "xdg-data")
        env["XDG_CONFIG_HOME"] = os.path.join(self.home, "xdg-config")
        env["GTK_A11Y"] = "atspi"
        env.update(self.extra_env)
        self.proc = subprocess.Popen([BINARY] + self.args, env=env)
        return self

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return False

    def application(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError("the application exited with status %d" % self.proc.returncode)
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                try:
                    app = desktop.getChildAtIndex(i)
                    if app is not None and app.get_process_id() == self.proc.pid:
                        return app
                except Exception:
                    continue
            time.sleep(0.3)
        raise AssertionError("the application did not appear on the accessibility bus")

    def wait_window(self, timeout=30):
        app = self.application(timeout)
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i in range(app.childCount):
                win = app.getChildAtIndex(i)
                if win is not None and win.getRole() in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW):
                    if win.getState().contains(pyatspi.STATE_SHOWING) or True:
                        time.sleep(0.5)
                        return win
            time.sleep(0.3)
        raise AssertionError("no window was shown")

    def screenshot(self, name):
        os.makedirs(ARTIFACTS, exist_ok=True)
        path = os.path.join(ARTIFACTS, name + ".png")
        time.sleep(0.5)
        subprocess.run(["import", "-window", "root", path], check=False)
        return path


def walk(node, depth=0, limit=40):
    if node is None or depth > limit:
        return
    yield node
    try:
        n = node.childCount
    except Exception:
        return
    for i in range(n):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def all_names(node):
    return [n.name for n in walk(node) if n is not None and n.name]


def find(node, role=None, name=None, timeout=10, prefix=False):
    deadline = time.time() + timeout
    while True:
        for n in walk(node):
            try:
                if role is not None and n.getRole() != role:
                    continue
                if name is not None:
                    if prefix and not (n.name or "").startswith(name):
                        continue
                    if not prefix and n.name != name:
                        continue
                return n
            except Exception:
                continue
        if time.time() > deadline:
            raise AssertionError("no %s named %r" % (role, name))
        time.sleep(0.3)
