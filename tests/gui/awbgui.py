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


# Helpers for the end-to-end tests: find by role and name, act as a screen
# reader user would (press, type, select), wait for the window to answer.

def wait_for(predicate, timeout=15, what="the condition"):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            last = predicate()
            if last:
                return last
        except Exception as e:  # the tree changes under us
            last = e
        time.sleep(0.25)
    raise AssertionError("timed out waiting for %s (last: %r)" % (what, last))


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def normalized(name):
    """GTK 4.8 names a button by its label and its label's text ("Add Add",
    "_Cancel Cancel", "Reopen Reopen…"): the name a person hears once, without
    mnemonics."""
    name = (name or "").replace("_", "")
    # the label may differ from the accessible name by its ellipsis
    # ("Reopen Reopen…"): the accessible name is the one kept
    for i, ch in enumerate(name):
        if ch == " " and name[:i].lower() == name[i + 1:].rstrip("…").lower():
            return name[:i]
    return name


def candidates(node, role):
    """Every descendant of node with role, in one call through the Collection
    interface when the toolkit offers it (walking a big tree is slow)."""
    if role is not None:
        try:
            col = node.queryCollection()
            rule = col.createMatchRule(pyatspi.StateSet(), col.MATCH_NONE, "", col.MATCH_NONE,
                                       [role], col.MATCH_ANY, "", col.MATCH_NONE, False)
            return col.getMatches(rule, col.SORT_ORDER_CANONICAL, 0, True)
        except Exception:
            pass
    return list(walk(node))


def find_all(node, role=None, name=None, prefix=False, contains=False, only_showing=False):
    found = []
    for n in candidates(node, role):
        try:
            if role is not None and n.getRole() != role:
                continue
            nm = normalized(n.name)
            if name is not None:
                if prefix and not nm.startswith(name):
                    continue
                if contains and name not in nm:
                    continue
                if not prefix and not contains and nm != name:
                    continue
            if only_showing and not showing(n):
                continue
            found.append(n)
        except Exception:
            continue
    return found


def matches(n, role, name, prefix, contains):
    if role is not None and n.getRole() != role:
        return False
    if name is None:
        return True
    nm = normalized(n.name)
    if prefix:
        return nm.startswith(name)
    if contains:
        return name in nm
    return nm == name


def find_first(node, role=None, name=None, prefix=False, contains=False):
    """Breadth first, stopping at the first match: toasts, dialogs' buttons and
    header bars are shallow, and the whole tree of a case is large."""
    queue = [node]
    while queue:
        n = queue.pop(0)
        try:
            if matches(n, role, name, prefix, contains):
                return n
            queue.extend(n.getChildAtIndex(i) for i in range(n.childCount))
        except Exception:
            continue
    return None


def find_one(node, role=None, name=None, prefix=False, contains=False, timeout=15):
    return wait_for(lambda: find_first(node, role, name, prefix, contains),
                    timeout, "a %s named %r" % (role and pyatspi.Role(role) or "widget", name))


BUTTON_ROLES = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
                pyatspi.ROLE_RADIO_BUTTON)


def find_button(node, name, timeout=15):
    """A push, toggle, check or radio button named name (one walk of the
    tree for the four roles: GTK 4.8 has no Collection interface)."""
    def look():
        for n in walk(node):
            try:
                if n.getRole() in BUTTON_ROLES and normalized(n.name) == name:
                    return n
            except Exception:
                continue
        return None
    return wait_for(look, timeout, "a button named %r" % name)


def do_action(node, *names):
    action = node.queryAction()
    available = [action.getName(i) for i in range(action.nActions)]
    for wanted in names:
        if wanted in available:
            action.doAction(available.index(wanted))
            return
    raise AssertionError("%r has none of the actions %r (it has %r)" % (node.name, names, available))


def press(node):
    do_action(node, "click", "activate", "press")
    time.sleep(0.4)


def set_text(node, text):
    editable = node.queryEditableText()
    editable.setTextContents(text)
    time.sleep(0.2)


def text_of(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def window_action(win, name):
    do_action(win, name)
    time.sleep(0.5)


def frames(app_node):
    out = []
    for i in range(app_node.childCount):
        child = app_node.getChildAtIndex(i)
        # GTK 4.8 shows a file chooser dialog as a "filler" at the top level
        if child is not None and child.getRole() in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW,
                                                     pyatspi.ROLE_DIALOG, pyatspi.ROLE_FILE_CHOOSER,
                                                     pyatspi.ROLE_FILLER):
            out.append(child)
    return out


def wait_frame(app, name=None, contains=None, timeout=20):
    def look():
        for f in frames(app.application()):
            if name is not None and f.name == name:
                return f
            if contains is not None and contains in (f.name or ""):
                return f
        return None
    return wait_for(look, timeout, "a window named %r" % (name or contains))


def wait_gone(app, name, timeout=20):
    """Waits until no window is named name (a closed dialog leaves the tree;
    GTK 4.8 reports no "showing" state to wait on)."""
    wait_for(lambda: not [f for f in frames(app.application()) if f.name == name],
             timeout, "the window %r to close" % name)


def select_in_list(list_node, prefix):
    """Selects the item of a list view whose content is named with prefix."""
    selection = list_node.querySelection()
    for i in range(list_node.childCount):
        item = list_node.getChildAtIndex(i)
        names = [n.name or "" for n in walk(item, limit=3)]
        if any(nm.startswith(prefix) for nm in names):
            selection.selectChild(i)
            time.sleep(0.5)
            return item
    raise AssertionError("no item starting with %r in %r" % (prefix, list_node.name))


def run_cli(*args, db, env=None):
    binary = os.path.join(BUILD, "src", "cli", "awb")
    full_env = dict(os.environ)
    full_env.update(env or {})
    out = subprocess.run([binary, "--db", db] + list(args), capture_output=True, text=True,
                         env=full_env)
    if out.returncode != 0:
        raise AssertionError("awb %s failed (%d): %s" % (" ".join(args), out.returncode, out.stderr))
    return out.stdout


_tabs = {}


def show_page(win, name):
    """Switches the case to its page name. The header's view switcher and the
    bottom bar's both have the tab; only the one on screen answers. The tabs
    stay for the window's life: they are looked up once."""
    key = (win.path, name)
    for attempt in (0, 1):
        if attempt or key not in _tabs:
            _tabs[key] = wait_for(lambda: find_all(win, pyatspi.ROLE_PAGE_TAB, name),
                                  what="the %r tab" % name)
        try:
            for tab in _tabs[key]:
                press(tab)
            return
        except Exception:
            if attempt:
                raise


class Checks:
    """Soft checks of an end-to-end test: each failure is printed and kept,
    the test goes on (the screenshots after it are still taken) and fails at
    the end when any was found."""

    def __init__(self):
        self.failures = []

    def __call__(self, condition, what):
        if not condition:
            self.failures.append(what)
            print("FAIL:", what, file=sys.stderr)

