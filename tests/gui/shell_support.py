"""Helpers for the GUI shell tests: a main window on a real temporary store with its
own settings file (never the user's)."""

from __future__ import annotations

from pathlib import Path

import briefing.gui.pyside_fix  # noqa: F401

from briefing.gui.main_window import MainWindow
from briefing.gui.settings import Settings


def make_window(qtbot, store, settings_path: Path, extensions: bool = False) -> MainWindow:
    window = MainWindow(store, Settings(settings_path), extensions=extensions)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def type_into(qtbot, edit, text: str) -> None:
    """Type like a user: one character at a time (QTest cannot send Cyrillic keys,
    so those are inserted the way an input method would)."""
    edit.setFocus()
    edit.clear()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(edit, ch)
        else:
            edit.insert(ch)


def search_for(qtbot, window: MainWindow, text: str) -> list:
    """Type ``text`` into the global search field and wait for its results."""
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as blocker:
        type_into(qtbot, window.search_field, text)
    outcome = blocker.args[0]
    assert outcome.request.text == text
    return outcome.rows
