"""Capture inside the main window: File ▸ Capture Article… opens the review window,
an article file dropped on the main window opens it too (CSV files still go to the
importer), and what is accepted shows up in the window's tables."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from briefing.domain import Kind
from briefing.gui.capture import CaptureWindow
from shell_support import make_window

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "newsaz_vucic_kazakhstan.txt"


def drop(window, paths) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    event = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def capture_windows(window) -> list[CaptureWindow]:
    return [w for w in getattr(window, "_capture_windows", []) if isinstance(w, CaptureWindow)]


def test_file_menu_has_capture_article(qtbot, store, tmp_path):
    window = make_window(qtbot, store, tmp_path / "gui.ini", extensions=True)
    action = window.capture_action
    assert action in window.actions.menus["file"].actions()
    assert action.text() == "Capture &Article…" and action.isEnabled()
    action.trigger()
    [capture] = capture_windows(window)
    assert capture.isVisible() and capture.stack.currentIndex() == 0  # paste / drop / open
    capture.close()


def test_dropping_an_article_on_the_main_window_opens_the_review(qtbot, store, tmp_path):
    window = make_window(qtbot, store, tmp_path / "gui.ini", extensions=True)
    assert drop(window, [SEED])
    [capture] = capture_windows(window)
    qtbot.waitUntil(lambda: capture.session is not None, timeout=20000)
    capture.accept_all()
    assert store.count(Kind.STATEMENT) == 9
    # the main window heard about it: its navigation counts follow the store
    qtbot.waitUntil(lambda: _count(window, "statements") == 9, timeout=5000)
    capture.close()


def test_csv_files_dropped_still_go_to_the_importer(qtbot, store, tmp_path):
    window = make_window(qtbot, store, tmp_path / "gui.ini", extensions=True)
    seen = []
    window.commands.import_files = lambda paths: seen.append(paths)
    csv = tmp_path / "people.csv"
    csv.write_text("name\nAleksandar Vučić\n", encoding="utf-8")
    drop(window, [csv])
    assert seen == [[str(csv)]] and capture_windows(window) == []


def _count(window, key: str):
    from briefing.gui.views.navigation import COUNT_ROLE, KEY_ROLE

    model = window.navigation.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data(KEY_ROLE) == key:
            return model.index(r, 0).data(COUNT_ROLE)
    return None


def test_read_only_window_disables_capture(qtbot, store, tmp_path):
    from briefing.store import Store

    path = store.path
    store.close()
    ro = Store.open(path, readonly=True)
    try:
        window = make_window(qtbot, ro, tmp_path / "gui.ini", extensions=True)
        assert not window.capture_action.isEnabled()
    finally:
        ro.close()


def test_double_clicking_a_stored_candidate_shows_its_record(qtbot, demo_store, tmp_path):
    window = make_window(qtbot, demo_store, tmp_path / "gui.ini", extensions=True)
    assert drop(window, [SEED])
    [capture] = capture_windows(window)
    qtbot.waitUntil(lambda: capture.session is not None, timeout=20000)
    quote = next(c for c in capture.session.candidates if c.KIND == "statement"
                 and c.text.startswith("We put stress"))
    verdict = capture.session.verdict(quote)
    index = capture.model.index_of(quote)
    capture.tree.doubleClicked.emit(index)
    assert window.detail.current == ("statement", verdict.existing_id) or \
        window.detail.current == (Kind.STATEMENT, verdict.existing_id)
    capture.close()
