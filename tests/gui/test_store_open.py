"""Opening a store the app cannot use: a clear dialog, another store offered, and the
file left exactly as it was.  The dialog is answered by an injected ``ask``."""

from __future__ import annotations

import os
import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QApplication

from briefing.gui import errors
from briefing.gui.app import Application
from briefing.gui.settings import Settings
from briefing.gui.store_open import open_store
from briefing.store.migrations import latest_version


class Answers:
    def __init__(self, *replies):
        self.replies = list(replies)
        self.asked = []

    def __call__(self, path, message, locked):
        self.asked.append((path, message, locked))
        return self.replies.pop(0)


def _snapshot(path):
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.fixture
def corrupt(tmp_path):
    path = tmp_path / "corrupt.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    return path


@pytest.fixture
def newer(tmp_path, empty_store_template):
    path = tmp_path / "newer.sqlite"
    path.write_bytes(empty_store_template.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 3}")
    conn.close()
    return path


def test_a_corrupt_store_asks_and_is_left_untouched(corrupt):
    before = _snapshot(corrupt)
    ask = Answers(("quit", None))
    assert open_store(corrupt, ask=ask) is None
    assert len(ask.asked) == 1
    path, message, locked = ask.asked[0]
    assert path == corrupt and not locked
    assert "damaged" in message or "not a Briefing store" in message
    assert "Traceback" not in message
    assert _snapshot(corrupt) == before


def test_a_newer_store_says_to_update_and_another_store_can_be_chosen(newer, tmp_path, demo_store_template):
    before = _snapshot(newer)
    other = tmp_path / "other.sqlite"
    other.write_bytes(demo_store_template.read_bytes())
    ask = Answers(("open", other))
    store = open_store(newer, ask=ask)
    try:
        assert "newer version" in ask.asked[0][1]
        assert store is not None and store.path == other
        assert store.count("statement") > 0
    finally:
        store.close()
    assert _snapshot(newer) == before


def test_a_new_store_can_be_created_instead(corrupt, tmp_path):
    fresh = tmp_path / "fresh.sqlite"
    store = open_store(corrupt, ask=Answers(("new", fresh)))
    try:
        assert store.path == fresh and fresh.exists()
        assert store.count("statement") == 0
    finally:
        store.close()


def test_a_cancelled_file_dialog_asks_again(corrupt):
    ask = Answers(("again", None), ("quit", None))
    assert open_store(corrupt, ask=ask) is None
    assert len(ask.asked) == 2


def test_a_locked_store_offers_read_only(tmp_path, demo_store_template):
    path = tmp_path / "locked.sqlite"
    path.write_bytes(demo_store_template.read_bytes())
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        ask = Answers(("quit", None))
        import briefing.store.connection as connection
        old = connection.BUSY_TIMEOUT_MS
        connection.BUSY_TIMEOUT_MS = 50
        try:
            assert open_store(path, ask=ask) is None
        finally:
            connection.BUSY_TIMEOUT_MS = old
        assert ask.asked and ask.asked[0][2] is True  # locked: read-only and retry offered
        assert "locked" in ask.asked[0][1]
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anything")
def test_a_read_only_file_opens_read_only(tmp_path, demo_store_template):
    path = tmp_path / "ro.sqlite"
    path.write_bytes(demo_store_template.read_bytes())
    path.chmod(0o400)
    before = _snapshot(path)
    store = open_store(path, ask=Answers())
    try:
        assert store.readonly
    finally:
        store.close()
    assert _snapshot(path) == before


def test_the_app_opens_a_window_and_switches_stores(qtbot, tmp_path, demo_store_template, corrupt):
    first = tmp_path / "first.sqlite"
    first.write_bytes(demo_store_template.read_bytes())
    app = Application(QApplication.instance(), Settings(tmp_path / "gui.ini"))
    assert app.open(first)
    qtbot.addWidget(app.window)
    old_window = app.window
    assert app.window.windowTitle().startswith("first.sqlite")
    # a store that cannot be opened leaves the current window as it was
    assert not app.open(corrupt, ask=Answers(("quit", None)))
    assert app.window is old_window and app.store.path == first
    second = tmp_path / "second.sqlite"
    assert app.open(second)  # a new, empty store
    qtbot.addWidget(app.window)
    assert app.window is not old_window and app.store.path == second
    assert app.window.windowTitle().startswith("second.sqlite")
    app.window.close()
    app.close_store()


def test_the_default_store_gets_the_demo_data_on_first_run(tmp_path):
    path = tmp_path / "data" / "briefing.sqlite"
    store = open_store(path, demo_if_new=True, ask=Answers())
    try:
        assert store.count("statement") > 0
    finally:
        store.close()
    again = open_store(path, demo_if_new=True, ask=Answers())
    again.close()


def test_uncaught_errors_become_a_plain_dialog(monkeypatch):
    shown = []
    monkeypatch.setattr(errors, "show_message", lambda parent, title, text, *a: shown.append(text))
    old = sys.excepthook
    errors.install_excepthook()
    try:
        try:
            raise FileNotFoundError(2, "No such file or directory", "/nowhere/x.csv")
        except FileNotFoundError:
            sys.excepthook(*sys.exc_info())
        try:
            raise KeyError("boom")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert shown[0] == "/nowhere/x.csv: No such file or directory."
    assert "Traceback" not in shown[1] and "boom" in shown[1]
    from briefing.store import ValidationError
    assert errors.plain_message(ValidationError(["statement: text is required"])) == \
        "The record was not saved: statement: text is required."


def test_a_folder_is_refused_with_a_plain_reason(tmp_path):
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    ask = Answers(("quit", None))
    assert open_store(folder, ask=ask) is None
    assert "folder" in ask.asked[0][1]
