"""The composer window: a new briefing's draft, ticking, dragging, annotating and
talking points — all saved at once, undoable, and still there after the app is
closed and opened again."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QModelIndex, Qt

from briefing.domain import Kind, Section
from briefing.gui.composer import ComposerPage
from briefing.gui.composer.tree_model import ITEM_ID_ROLE
from briefing.services import composer
from briefing.store import Store

TITLE = "Meeting with President Tokayev"


def creating(title=TITLE, person="Tokayev", country="", **more):
    """An ``exec_dialog`` that fills the New briefing dialog and presses Create."""
    def run(dialog) -> bool:
        dialog.title.setText(title)
        dialog.person.setText(person)
        dialog.country.setText(country)
        for name, value in more.items():
            getattr(dialog, name).setText(value)
        return dialog.create() is not None
    return run


@pytest.fixture
def path(tmp_path, demo_store_template):
    p = tmp_path / "store.sqlite"
    shutil.copyfile(demo_store_template, p)
    return p


def open_page(qtbot, path, **kw):
    store = Store.open(path)
    page = ComposerPage(store, **kw)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    return store, page


@pytest.fixture
def app(qtbot, path):
    store, page = open_page(qtbot, path)
    page.exec_dialog = creating()
    yield store, page
    page.editor.close_briefing()
    store.close()


def labels(page, section: Section) -> list[str]:
    m = page.editor.model
    parent = m.section_index(section)
    return [m.data(m.index(r, 0, parent)) for r in range(m.rowCount(parent))]


def index_of(page, section: Section, needle: str) -> QModelIndex:
    m = page.editor.model
    parent = m.section_index(section)
    for r in range(m.rowCount(parent)):
        idx = m.index(r, 0, parent)
        if needle in m.data(idx):
            return idx
    raise AssertionError(f"{needle!r} not in {section.value}: {labels(page, section)}")


def write_point(page, qtbot, text: str) -> int:
    """Add talking point, type it in the list's editor, press Enter."""
    iid = page.editor.add_point()
    editor = page.editor.points.list.open_editor()
    assert editor is not None
    editor.setText(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: page.editor.points.list.open_editor() is None, timeout=2000)
    return iid


def item_id(idx: QModelIndex) -> int:
    return int(idx.data(ITEM_ID_ROLE))


def drag(page, indexes, section: Section, row: int) -> None:
    """What a drop does: the model's mime data dropped on a section at ``row``."""
    m = page.editor.model
    data = m.mimeData(indexes)
    parent = m.section_index(section)
    assert m.canDropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)
    m.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)


# ----------------------------------------------------------------------- creating
def test_ctrl_n_creates_the_briefing_with_its_draft(app):
    store, page = app
    bid = page.new_briefing()
    assert bid and page.stack.currentWidget() is page.editor
    assert page.editor.title.text() == TITLE
    assert any("We put stress" in t for t in labels(page, Section.STATEMENTS))
    assert any("pharmaceutical" in t and "negotiating" in t
               for t in labels(page, Section.AGREEMENTS))
    assert not any("gas-turbine" in t for t in labels(page, Section.AGREEMENTS))
    visits = labels(page, Section.VISITS)
    assert visits[0].startswith("November 2024: Kassym-Jomart Tokayev visits Belgrade")
    assert "Does not recognise Kosovo's independence" in " ".join(labels(page, Section.SENSITIVITIES))


def test_unknown_person_is_said_in_the_dialog(app, qtbot):
    store, page = app
    seen = {}

    def run(dialog) -> bool:
        dialog.title.setText("x")
        dialog.person.setText("Tokaiev")
        ok = dialog.create()
        seen["error"] = dialog.error.text()
        seen["open"] = dialog.result() != dialog.DialogCode.Accepted
        return bool(ok)

    page.exec_dialog = run
    assert page.new_briefing() is None
    assert "unknown person 'Tokaiev'" in seen["error"] and "Tokayev" in seen["error"]
    assert seen["open"]


# ----------------------------------------------------------------------- editing
def test_unticking_saves_at_once_and_undoes(app):
    store, page = app
    page.new_briefing()
    idx = index_of(page, Section.FIGURES, "60 companies")
    iid = item_id(idx)
    page.editor.model.setData(idx, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert store.briefing_item(iid).included is False
    assert "2 of 3" in page.editor.model.data(page.editor.model.section_index(Section.FIGURES))
    page.undo_stack.undo()
    assert store.briefing_item(iid).included is True
    page.undo_stack.redo()
    assert store.briefing_item(iid).included is False


def test_drag_within_and_across_sections_and_undo(app):
    store, page = app
    page.new_briefing()
    pharma = index_of(page, Section.AGREEMENTS, "pharmaceutical")
    pid = item_id(pharma)
    drag(page, [pharma], Section.AGREEMENTS, 0)
    assert "pharmaceutical" in labels(page, Section.AGREEMENTS)[0]
    assert store.briefing_item(pid).position == 0
    # a statement dragged into the talking points, at the end
    quote = index_of(page, Section.STATEMENTS, "Trade exchange is increasing")
    qid = item_id(quote)
    drag(page, [quote], Section.TALKING_POINTS, -1)
    assert store.briefing_item(qid).section == "talking_points"
    page.undo_stack.undo()
    assert store.briefing_item(qid).section == "statements"
    page.undo_stack.undo()
    assert "pharmaceutical" in labels(page, Section.AGREEMENTS)[-1]


def test_dragging_two_items_down_keeps_their_order(app):
    store, page = app
    page.new_briefing()
    figs = [index_of(page, Section.FIGURES, t) for t in ("7%", "80%")]
    ids = [item_id(i) for i in figs]
    drag(page, figs, Section.FIGURES, 3)  # below the last one
    assert [i.id for i in store.briefing_items(page.open_id)
            if i.section == "figures"][1:] == ids


def test_annotation_is_autosaved(app, qtbot):
    store, page = app
    page.new_briefing()
    idx = index_of(page, Section.AGREEMENTS, "artillery")
    page.editor.tree.setCurrentIndex(idx)
    editor = page.editor.item_editor
    assert "Suggested because" in editor.why.text()
    editor.annotation.setPlainText("Ask about the delivery schedule")
    qtbot.waitUntil(lambda: store.briefing_item(item_id(idx)).annotation ==
                    "Ask about the delivery schedule", timeout=3000)
    assert page.editor.model.data(index_of(page, Section.AGREEMENTS, "artillery").siblingAtColumn(1)) \
        == "Ask about the delivery schedule"


def test_talking_points_editor(app, qtbot):
    store, page = app
    page.new_briefing()
    points = page.editor.points
    first = write_point(page, qtbot, "Thank President Tokayev for Kazakhstan's position on Kosovo")
    second = write_point(page, qtbot, "Invite him to Belgrade")
    items = [i for i in store.briefing_items(page.open_id) if i.section == "talking_points"]
    assert [(i.id, i.text) for i in items] == [
        (first, "Thank President Tokayev for Kazakhstan's position on Kosovo"),
        (second, "Invite him to Belgrade")]
    assert labels(page, Section.TALKING_POINTS)[1] == "Invite him to Belgrade"
    points.list.setCurrentRow(1)
    points.list.item(1).setSelected(True)
    points._remove()
    assert [i.id for i in store.briefing_items(page.open_id) if i.section == "talking_points"] \
        == [first]
    page.undo_stack.undo()
    assert len([i for i in store.briefing_items(page.open_id)
                if i.section == "talking_points"]) == 2


def test_refresh_keeps_the_users_choices(app):
    store, page = app
    bid = page.new_briefing()
    idx = index_of(page, Section.VISITS, "Belgrade")
    page.editor.model.setData(idx, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    before = store.briefing_items(bid)
    page.editor.refresh()
    assert store.briefing_items(bid) == before
    # a record added to the store since then comes in; nothing else changes
    from briefing.dates import PartialDate
    from briefing.domain import Statement
    tok = store.people_named("Tokayev")[0]
    store.add(Statement(speaker_id=tok.id, text="New words", date=PartialDate(2026, 2)))
    page.editor.refresh()
    after = store.briefing_items(bid)
    assert len(after) == len(before) + 1 and all(b in after for b in before)
    assert any("New words" in t for t in labels(page, Section.STATEMENTS))


def test_removed_items_stay_out_on_refresh_and_undo_brings_them_back(app):
    store, page = app
    page.new_briefing()
    idx = index_of(page, Section.SENSITIVITIES, "Serbia on Kosovo")
    page.editor.tree.setCurrentIndex(idx)
    page.editor.remove_selected()
    assert not any("Serbia on Kosovo" in t for t in labels(page, Section.SENSITIVITIES))
    page.editor.refresh()
    assert not any("Serbia on Kosovo" in t for t in labels(page, Section.SENSITIVITIES))
    assert page.undo_stack.count() == 1  # the refresh added nothing to undo
    page.undo_stack.undo()
    assert any("Serbia on Kosovo" in t for t in labels(page, Section.SENSITIVITIES))


def test_add_to_briefing_from_search(app):
    store, page = app
    assert page.add_to_briefing([(Kind.STATEMENT, 6)]) is None  # nothing open yet
    page.new_briefing()
    done = page.add_to_briefing([("statement", 6)])
    assert len(done.item_ids) == 1
    assert any("EU queue" in t for t in labels(page, Section.STATEMENTS))
    assert page.add_to_briefing([("statement", 6)]).skipped == ["statement:6"]


def test_a_record_deleted_after_adding_shows_as_removed(app):
    store, page = app
    page.new_briefing()
    store.trash(Kind.AGREEMENT, 5)
    page.editor.check_elsewhere()
    assert any("removed from the store" in t and "pharmaceutical" in t
               for t in labels(page, Section.AGREEMENTS))


def test_details_form_saves_each_field_and_says_what_is_wrong(app):
    store, page = app
    bid = page.new_briefing()
    form = page.editor.details
    messages = []
    page.message.connect(messages.append)
    form.fields["place"].setText("Astana")
    form.fields["place"].editingFinished.emit()
    form.fields["date"].setText("2026-12-09")
    form.fields["date"].editingFinished.emit()
    form.classification.setEditText("CONFIDENTIAL")
    form.classification.lineEdit().editingFinished.emit()
    b = store.get(Kind.BRIEFING, bid)
    assert (b.place, b.date.iso, b.classification) == ("Astana", "2026-12-09", "CONFIDENTIAL")
    assert "CONFIDENTIAL" in page.editor.subtitle.text()
    form.fields["counterpart_country"].setText("Kazakstn")
    form.fields["counterpart_country"].editingFinished.emit()
    assert "unknown country 'Kazakstn'" in messages[-1] and "Kazakhstan" in messages[-1]
    assert store.get(Kind.BRIEFING, bid).counterpart_country == "KZ"
    assert form.fields["counterpart_country"].text() == "Kazakhstan"  # shown as stored
    page.undo_stack.undo()  # the marking
    assert store.get(Kind.BRIEFING, bid).classification == "RESTRICTED"


# ----------------------------------------------------------------------- the list
def test_briefings_list_open_duplicate_delete(app):
    store, page = app
    bid = page.new_briefing()
    page.show_list()
    assert [r.id for r in page.list.model.rows] == [bid]
    copy = page.duplicate_briefing(bid)
    assert [r.title for r in page.list.model.rows][0].endswith("(copy)")
    page.ask = lambda *a: True
    assert page.delete_briefing(copy)
    assert [r.id for r in page.list.model.rows] == [bid]
    page.list.select(bid)
    page.list.buttons["open"].click()
    assert page.open_id == bid and page.stack.currentWidget() is page.editor


# ----------------------------------------------------------------------- two windows
def test_two_windows_do_not_lose_each_others_edits(qtbot, path):
    store_a, a = open_page(qtbot, path)
    a.exec_dialog = creating()
    bid = a.new_briefing()
    store_b, b = open_page(qtbot, path)
    assert b.open_id == bid  # reopened where the other window left it
    idx_a = index_of(a, Section.AGREEMENTS, "artillery")
    iid = item_id(idx_a)
    # A annotates; B (not yet reloaded) unticks the same item: both stay
    a.editor.session.set_annotation(iid, "A's note")
    b.editor.model.setData(index_of(b, Section.AGREEMENTS, "artillery"),
                           Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    saved = store_a.briefing_item(iid)
    assert (saved.annotation, saved.included) == ("A's note", False)
    # B's view picked up A's note; A notices B's untick on its next poll
    assert b.editor.session.item(iid).annotation == "A's note"
    a.editor.check_elsewhere()
    assert a.editor.session.item(iid).included is False
    # a stale annotation is refused with a message, not written over A's
    messages = []
    b.message.connect(messages.append)
    a.editor.session.set_annotation(iid, "A's second note")
    assert b.editor.session.item(iid).annotation == "A's note"  # B has not looked since
    assert not b.editor.session.set_annotation(iid, "B's note")
    assert store_a.briefing_item(iid).annotation == "A's second note"
    assert messages and "changed elsewhere" in messages[-1]
    for s, p in ((store_a, a), (store_b, b)):
        p.editor.close_briefing()
        s.close()


# ----------------------------------------------------------------------- the promise
def test_choices_survive_closing_and_reopening_the_app(qtbot, path):
    store, page = open_page(qtbot, path)
    page.exec_dialog = creating()
    bid = page.new_briefing()
    untick = item_id(index_of(page, Section.FIGURES, "60 companies"))
    page.editor.model.setData(index_of(page, Section.FIGURES, "60 companies"),
                              Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    pharma = index_of(page, Section.AGREEMENTS, "pharmaceutical")
    drag(page, [pharma], Section.AGREEMENTS, 0)
    note_on = index_of(page, Section.STATEMENTS, "We put stress")
    page.editor.tree.setCurrentIndex(note_on)
    page.editor.item_editor.annotation.setPlainText("Open with this")
    write_point(page, qtbot, "Thank him for the position on Kosovo")
    write_point(page, qtbot, "Invite him to Belgrade")
    shown = {sec: labels(page, sec) for sec in Section}
    page.editor.close_briefing()
    page.close()
    store.close()

    store2, again = open_page(qtbot, path)
    assert again.open_id == bid and again.stack.currentWidget() is again.editor
    assert {sec: labels(again, sec) for sec in Section} == shown
    assert store2.briefing_item(untick).included is False
    assert "pharmaceutical" in labels(again, Section.AGREEMENTS)[0]
    assert labels(again, Section.TALKING_POINTS) == ["Thank him for the position on Kosovo",
                                                      "Invite him to Belgrade"]
    note = index_of(again, Section.STATEMENTS, "We put stress")
    assert again.editor.model.data(note.siblingAtColumn(1)) == "Open with this"
    again.editor.close_briefing()
    store2.close()


def test_edits_made_elsewhere_are_polled_for_only_on_screen(qtbot, path):
    store, page = open_page(qtbot, path)
    page.exec_dialog = creating()
    bid = page.new_briefing()
    poll = page.editor._poll
    assert not poll.isActive()  # the page was never shown: nothing to poll for
    page.show()
    qtbot.waitExposed(page)
    assert poll.isActive()
    page.hide()
    assert not poll.isActive()
    with Store.open(path) as other:  # another program adds a point while it is hidden
        composer.add_text(other, bid, "Raised from the command line")
    page.show()  # noticed as soon as the briefing is on screen again
    assert any("Raised from the command line" in t for t in labels(page, Section.TALKING_POINTS))
    page.editor.close_briefing()
    store.close()


def test_country_fields_complete_country_names(app):
    store, page = app
    from briefing.gui.composer.new_dialog import NewBriefingDialog

    dialog = NewBriefingDialog(store, page)
    page.new_briefing()
    for edit in (dialog.country, dialog.our_country, page.editor.details.fields["our_country"]):
        completer = edit.completer()
        completer.setCompletionPrefix("kazak")
        assert completer.currentCompletion() == "Kazakhstan"
