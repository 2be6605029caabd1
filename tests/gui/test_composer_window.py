"""The composer inside the main window: the Briefings page, File ▸ New Briefing
(Ctrl+N), Edit ▸ Add to Briefing from a search result, one undo stack, and the
Delete key removing an item from the briefing (never trashing its record)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefing.domain import Kind, Section
from briefing.gui.composer import ComposerPage
from briefing.gui.composer.tree_model import ITEM_ID_ROLE
from shell_support import make_window, search_for


def creating(dialog) -> bool:
    dialog.title.setText("Meeting with President Tokayev")
    dialog.person.setText("Tokayev")
    return dialog.create() is not None


@pytest.fixture
def window(qtbot, demo_store, tmp_path):
    w = make_window(qtbot, demo_store, tmp_path / "gui.ini", extensions=True)
    w.composer.exec_dialog = creating
    yield w
    w.composer.editor.close_briefing()


def test_the_page_is_installed(window):
    assert isinstance(window.pages["briefings"], ComposerPage)
    assert window.pages["briefings"] is window.composer


def test_new_briefing_action_opens_the_draft(window):
    window.actions.new_briefing.trigger()
    page = window.composer
    assert window.current_page_key() == "briefings"
    assert page.open_id is not None and page.stack.currentWidget() is page.editor
    assert page.editor.model.rowCount(page.editor.model.section_index(Section.AGREEMENTS)) == 5


def test_add_to_briefing_from_a_search_result_and_undo(window, qtbot, demo_store):
    window.actions.new_briefing.trigger()
    bid = window.composer.open_id
    rows = search_for(qtbot, window, "EU queue")
    row = next(n for n, r in enumerate(rows) if r.kind == Kind.STATEMENT)
    sid = rows[row].id
    window.search.results.setCurrentIndex(window.search.model.index(row, 0))
    add = window.findChild(type(window.actions.undo), "addToBriefing")
    assert add in window.actions.record_actions
    add.trigger()
    refs = [(i.ref_kind, i.ref_id) for i in demo_store.briefing_items(bid)]
    assert ("statement", sid) in refs
    window.actions.undo.trigger()  # the window's Undo undoes the composer's edit
    assert ("statement", sid) not in [(i.ref_kind, i.ref_id)
                                      for i in demo_store.briefing_items(bid)]


def test_delete_key_removes_the_item_not_the_record(window, qtbot, demo_store):
    window.actions.new_briefing.trigger()
    editor = window.composer.editor
    window.show_page("briefings")
    m = editor.model
    parent = m.section_index(Section.FIGURES)
    idx = m.index(0, 0, parent)
    iid = int(idx.data(ITEM_ID_ROLE))
    ref = demo_store.briefing_item(iid).ref_id
    editor.tree.setFocus()
    editor.tree.setCurrentIndex(idx)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    assert iid not in [i.id for i in demo_store.briefing_items(window.composer.open_id)]
    assert demo_store.find(Kind.FIGURE, ref) is not None  # the record is still in the store
