"""The Trash view: lists deleted records, restores them (undoably), deletes for good
after asking, and follows the store's changes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from briefing.domain import Kind
from briefing.gui.editing import EditController
from briefing.gui.editing.trash_view import TrashModel, TrashView


class Answers:
    def __init__(self, reply: str | None = None):
        self.reply = reply
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent, title, text, *, buttons=("OK",), **_kw) -> str:
        self.asked.append((title, text))
        return self.reply if self.reply in buttons else buttons[-1]


@pytest.fixture
def stack():
    return QUndoStack()


@pytest.fixture
def trash(qtbot, demo_store, stack):
    view = TrashView(demo_store, undo_stack=stack)
    view.ask = Answers()
    qtbot.addWidget(view)
    return view


def rows(view: TrashView) -> list[tuple[str, str]]:
    m = view.proxy
    return [(m.index(r, 0).data(), m.index(r, 1).data()) for r in range(m.rowCount())]


def test_the_trash_restores(demo_store, trash, stack, qtbot):
    assert rows(trash) == []
    assert trash.empty.isVisibleTo(trash) and trash.empty.text() == "The trash is empty."

    edits = EditController(demo_store, None, stack)
    edits.delete_records(Kind.STATEMENT, [1, 2])
    edits.delete_records(Kind.PERSON, [4])
    # the view follows the store's change notices
    qtbot.waitUntil(lambda: len(rows(trash)) == 3)
    assert ("Person", demo_store.title_of(Kind.PERSON, 4)) in rows(trash)
    assert not trash.empty.isVisibleTo(trash)

    assert trash.select(Kind.STATEMENT, 1)
    assert trash.restore_button.isEnabled()
    assert trash.restore_selected() == 1
    assert demo_store.get(Kind.STATEMENT, 1).id == 1
    assert demo_store.find(Kind.STATEMENT, 2) is None
    assert len(rows(trash)) == 2
    assert stack.undoText() == "Restore statement"

    # the restore is undoable: back in the trash
    stack.undo()
    assert demo_store.find(Kind.STATEMENT, 1) is None
    qtbot.waitUntil(lambda: len(rows(trash)) == 3)


def test_restore_several_kinds_at_once(demo_store, trash):
    demo_store.trash(Kind.STATEMENT, [3])
    demo_store.trash(Kind.FIGURE, [1])
    trash.reload()
    trash.table.selectAll()
    assert trash.restore_selected() == 2
    assert demo_store.find(Kind.STATEMENT, 3) and demo_store.find(Kind.FIGURE, 1)
    assert rows(trash) == []


def test_delete_for_good_asks_first(demo_store, trash):
    demo_store.trash(Kind.STANCE, [1])
    trash.reload()
    trash.select(Kind.STANCE, 1)

    trash.ask.reply = "Cancel"
    assert trash.purge_selected() == 0
    assert "cannot be undone" in trash.ask.asked[-1][1]
    assert demo_store.find(Kind.STANCE, 1, include_deleted=True) is not None

    trash.ask.reply = "Delete for good"
    trash.select(Kind.STANCE, 1)
    assert trash.purge_selected() == 1
    assert demo_store.find(Kind.STANCE, 1, include_deleted=True) is None
    assert rows(trash) == []


def test_a_record_still_referred_to_is_kept_with_a_plain_message(demo_store, trash):
    demo_store.trash(Kind.PERSON, [1])  # Vučić: statements and visits name him
    trash.reload()
    trash.select(Kind.PERSON, 1)
    trash.ask.reply = "Delete for good"
    assert trash.purge_selected() == 0
    title, text = trash.ask.asked[-1]
    assert title == "Some records were kept"
    assert "still referred to" in text
    assert demo_store.find(Kind.PERSON, 1, include_deleted=True) is not None


def test_filter_narrows_the_list(demo_store, trash):
    demo_store.trash(Kind.ORGANISATION, [1, 2])
    trash.reload()
    trash.filter.setText("yugo")
    assert rows(trash) == [("Organisation", "Yugoimport SDPR")]


def test_trash_model_passes_qtmodeltester(demo_store, qtmodeltester):
    demo_store.trash(Kind.STATEMENT, [1, 2, 3])
    demo_store.trash(Kind.VISIT, [1])
    model = TrashModel(demo_store)
    qtmodeltester.check(model)
    assert model.rowCount() == 4


def test_keys_on_the_list_win_over_the_windows_delete_action(demo_store, qtbot, stack):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMainWindow
    window = QMainWindow()
    qtbot.addWidget(window)
    moved_to_trash = []
    delete = QAction("Delete", window)
    delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    delete.triggered.connect(lambda: moved_to_trash.append(True))
    window.addAction(delete)
    view = TrashView(demo_store, undo_stack=stack)
    view.ask = Answers("Delete for good")
    window.setCentralWidget(view)
    demo_store.trash(Kind.FIGURE, [2, 3])
    view.reload()
    with qtbot.waitActive(window):
        window.show()
    view.table.setFocus()
    view.select(Kind.FIGURE, 2)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Enter restores
    assert demo_store.find(Kind.FIGURE, 2) is not None
    view.select(Kind.FIGURE, 3)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)  # Delete deletes for good, after asking
    assert view.ask.asked and view.ask.asked[-1][0] == "Delete for good?"
    assert demo_store.find(Kind.FIGURE, 3, include_deleted=True) is None
    assert moved_to_trash == []


def test_reload_in_the_window_reads_the_trash_again(qtbot, demo_store, tmp_path):
    """Records trashed by another program appear after View ▸ Reload (F5)."""
    from briefing.store import Store
    from shell_support import make_window

    window = make_window(qtbot, demo_store, tmp_path / "gui.ini")
    window.show_page("trash")
    view = window.pages["trash"].widget
    assert rows(view) == []
    with Store.open(demo_store.path) as other:
        other.trash(Kind.STATEMENT, [1])
    window.actions.refresh.trigger()
    qtbot.waitUntil(lambda: len(rows(view)) == 1, timeout=2000)
