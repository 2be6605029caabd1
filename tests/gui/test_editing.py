"""Editing records in the GUI: forms, validation next to fields, undo over the store.

Forms are driven without a modal loop: ``controller.exec_dialog`` is replaced by a
function that types into the form and presses Save; ``controller.ask`` answers the
message boxes (and records what they said)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from briefing.dates import PartialDate
from briefing.domain import Kind
from briefing.gui.editing import EditController
from briefing.gui.editing.forms import FORMS


class Answers:
    """Stands in for the message boxes: answers with ``reply`` (or the first
    button) and keeps every question asked."""

    def __init__(self, reply: str | None = None):
        self.reply = reply
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent, title, text, *, buttons=("OK",), **_kw) -> str:
        self.asked.append((title, text))
        return self.reply if self.reply in buttons else buttons[0]


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def stack(window):
    return QUndoStack(window)


@pytest.fixture
def edits(demo_store, window, stack):
    c = EditController(demo_store, window, stack)
    c.ask = Answers()
    return c


def filling(**texts):
    """An ``exec_dialog`` that types ``texts`` into the form and saves it."""
    def run(dialog) -> bool:
        dialog.fill(**texts)
        return dialog.save()
    return run


def statement_count(store) -> int:
    return store.count(Kind.STATEMENT)


def test_add_edit_delete_undo_round_trip_through_the_store(demo_store, edits, stack):
    before = statement_count(demo_store)

    # add: the speaker is typed in Cyrillic and resolved through the aliases
    edits.exec_dialog = filling(speaker_id="Вучић", date="2025-11-20",
                                text="Serbia and Kazakhstan will double trade.", topics="trade")
    sid = edits.new_record(Kind.STATEMENT)
    assert sid is not None
    st = demo_store.get(Kind.STATEMENT, sid)
    assert st.speaker_name == "Aleksandar Vučić"
    assert st.date == PartialDate(2025, 11, 20)
    assert st.text == "Serbia and Kazakhstan will double trade."
    assert st.topics == ["trade"]
    assert statement_count(demo_store) == before + 1

    # edit
    edits.exec_dialog = filling(text="Serbia and Kazakhstan will triple trade.")
    assert edits.edit_record(Kind.STATEMENT, sid) is True
    assert demo_store.get(Kind.STATEMENT, sid).text == "Serbia and Kazakhstan will triple trade."
    assert demo_store.get(Kind.STATEMENT, sid).speaker_id == st.speaker_id

    # delete: to the trash
    edits.delete_records(Kind.STATEMENT, [sid])
    assert demo_store.find(Kind.STATEMENT, sid) is None
    assert any(e.kind == Kind.STATEMENT and e.id == sid for e in demo_store.trashed())
    assert stack.count() == 3

    # undo the delete: back from the trash
    stack.undo()
    assert demo_store.get(Kind.STATEMENT, sid).text == "Serbia and Kazakhstan will triple trade."
    assert not demo_store.trashed()
    # undo the edit: the old text
    stack.undo()
    assert demo_store.get(Kind.STATEMENT, sid).text == "Serbia and Kazakhstan will double trade."
    # undo the add: gone, not even in the trash
    stack.undo()
    assert demo_store.find(Kind.STATEMENT, sid, include_deleted=True) is None
    assert statement_count(demo_store) == before

    # and redo all three
    stack.redo()
    assert demo_store.get(Kind.STATEMENT, sid).text == "Serbia and Kazakhstan will double trade."
    assert demo_store.get(Kind.STATEMENT, sid).uuid == st.uuid
    stack.redo()
    assert demo_store.get(Kind.STATEMENT, sid).text == "Serbia and Kazakhstan will triple trade."
    stack.redo()
    assert demo_store.find(Kind.STATEMENT, sid) is None
    assert edits.ask.asked == []


def test_validation_blocks_saving_an_empty_statement(demo_store, edits):
    before = statement_count(demo_store)
    dialog = edits.form_for_new(Kind.STATEMENT)
    assert dialog.save() is False
    assert dialog.result() != QDialog.DialogCode.Accepted
    errors = dialog.errors()
    assert errors["speaker_id"] == "speaker is required"
    assert errors["text"] == "text is required"
    assert dialog.summary.isVisibleTo(dialog)
    assert statement_count(demo_store) == before
    # fixing the fields clears their errors as you type
    dialog.fill(text="Something said.")
    assert "text" not in dialog.errors()
    assert "speaker_id" in dialog.errors()


def test_a_date_that_is_not_a_date_is_shown_next_to_the_field(edits, demo_store):
    dialog = edits.form_for_new(Kind.STATEMENT)
    dialog.fill(speaker_id="Tokayev", text="We agreed.", date="2025-13")
    assert dialog.field("date").error == "month 13 does not exist"
    before = statement_count(demo_store)
    assert dialog.save() is False
    assert statement_count(demo_store) == before
    dialog.fill(date="~November 2025")
    assert dialog.field("date").error == ""
    assert dialog.field("date").status.text() == "c. November 2025"
    assert dialog.save() is True
    assert demo_store.get(Kind.STATEMENT, dialog.saved_id).date == PartialDate(2025, 11, approximate=True)


def test_country_picker_takes_any_name_and_stores_the_code(edits):
    dialog = edits.form_for_new(Kind.STANCE)
    dialog.fill(holder_country="Србија", text="Does not recognise Kosovo.")
    assert dialog.field("holder_country").value() == "RS"
    assert dialog.field("holder_country").status.text() == "Serbia (RS)"
    dialog.fill(holder_country="Atlantis")
    assert dialog.field("holder_country").error.startswith("unknown country 'Atlantis'")
    assert dialog.save() is False


def test_unknown_speaker_offers_to_create_the_person(demo_store, edits, stack):
    people = demo_store.count(Kind.PERSON)
    dialog = edits.form_for_new(Kind.STATEMENT)
    dialog.fill(speaker_id="Jeyhun Bayramov", text="We welcome Serbian investors.")
    assert "will be created" in dialog.field("speaker_id").status.text()
    assert dialog.field("speaker_id").create_button.isVisibleTo(dialog)

    edits.ask.reply = "Cancel"  # say no: nothing is written, the form stays open
    assert dialog.save() is False
    assert demo_store.count(Kind.PERSON) == people
    assert "no person called “Jeyhun Bayramov”" in edits.ask.asked[-1][1]

    edits.ask.reply = "Create and save"
    assert dialog.save() is True
    st = demo_store.get(Kind.STATEMENT, dialog.saved_id)
    assert st.speaker_name == "Jeyhun Bayramov"
    assert demo_store.count(Kind.PERSON) == people + 1
    # one undo removes both the statement and the person made for it
    assert stack.count() == 1
    stack.undo()
    assert demo_store.find(Kind.STATEMENT, st.id, include_deleted=True) is None
    assert demo_store.people_named("Jeyhun Bayramov") == []
    assert demo_store.count(Kind.PERSON) == people


def test_a_name_shared_by_two_people_must_be_chosen(demo_store, edits):
    from briefing.domain import Person
    other = demo_store.add(Person(name="Aleksandar Vučić Jr.", aliases=["Vučić"]))
    dialog = edits.form_for_new(Kind.STATEMENT)
    dialog.fill(speaker_id="Vučić", text="Hello.")
    picker = dialog.field("speaker_id")
    assert picker.chooser.isVisibleTo(dialog)
    assert "choose one" in picker.error
    picker.chooser.setCurrentIndex(picker.chooser.findData(other))
    assert picker.value() == other
    assert dialog.save() is True
    assert demo_store.get(Kind.STATEMENT, dialog.saved_id).speaker_id == other


def test_a_failed_write_shows_a_plain_message_and_changes_nothing(demo_store, edits):
    dialog = edits.form_for_edit(Kind.STATEMENT, 1)
    demo_store.trash(Kind.STATEMENT, [1])
    demo_store.purge(Kind.STATEMENT, [1])  # gone while the form was open
    dialog.fill(text="Edited meanwhile.")
    assert dialog.save() is False
    title, text = edits.ask.asked[-1]
    assert title == "Could not save"
    assert "no statement with id 1" in text and "Traceback" not in text
    assert demo_store.find(Kind.STATEMENT, 1, include_deleted=True) is None


def test_agreement_with_parties(demo_store, edits):
    dialog = edits.form_for_new(Kind.AGREEMENT)
    dialog.fill(title="Memorandum on energy cooperation", signed="2025-11", status="signed")
    parties = dialog.field("parties")
    parties.add_party("country", "Azerbaijan")
    parties.add_party("country", "srb")
    parties.add_party("organisation", "Yugoimport", role="signatory")
    assert dialog.save() is True
    ag = demo_store.get(Kind.AGREEMENT, dialog.saved_id)
    assert [(p.party_kind, p.ref, p.role) for p in ag.parties] == [
        ("country", "AZ", "party"), ("country", "RS", "party"), ("organisation", 2, "signatory")]


def test_a_bad_party_blocks_saving(edits):
    dialog = edits.form_for_new(Kind.AGREEMENT)
    dialog.fill(title="Treaty")
    dialog.field("parties").add_party("country", "Atlantis")
    assert dialog.save() is False
    assert dialog.errors()["parties"].startswith("party 1: unknown country 'Atlantis'")


def test_person_with_aliases_and_offices_and_undo_of_the_edit(demo_store, edits, stack):
    edits.exec_dialog = filling(name="Marko Đurić", aliases="Марко Ђурић; Djuric",
                                country="Serbia", office="Minister of Foreign Affairs of Serbia")
    pid = edits.new_record(Kind.PERSON)
    assert demo_store.people_named("Марко Ђурић")[0].id == pid

    def add_office(dialog):
        row = dialog.field("offices").add_row()
        row.title.set_text("Director of the Office for Kosovo and Metohija")
        row.country.set_text("RS")
        row.start.set_text("2019")
        row.end.set_text("2022-02")
        return dialog.save()
    edits.exec_dialog = add_office
    assert edits.edit_record(Kind.PERSON, pid)
    person = demo_store.get(Kind.PERSON, pid)
    assert [(o.title, o.country, o.start, o.end) for o in person.offices] == [
        ("Director of the Office for Kosovo and Metohija", "RS", PartialDate(2019),
         PartialDate(2022, 2))]
    stack.undo()
    assert demo_store.get(Kind.PERSON, pid).offices == []
    assert sorted(demo_store.get(Kind.PERSON, pid).aliases) == ["Djuric", "Марко Ђурић"]


@pytest.mark.parametrize("kind", list(FORMS))
def test_every_kind_refuses_an_empty_form_and_saves_a_filled_one(demo_store, edits, kind):
    dialog = edits.form_for_new(kind)
    before = demo_store.count(kind)
    assert dialog.save() is False
    assert dialog.errors(), f"an empty {kind.value} should show what is missing"
    minimal = {
        Kind.STATEMENT: dict(speaker_id="Aliyev", text="Clean electricity."),
        Kind.VISIT: dict(guest_id="Tokayev", host_country="Serbia", start="2024-11"),
        Kind.AGREEMENT: dict(title="Gas-turbine power plant agreement"),
        Kind.PERSON: dict(name="Ilham Aliyev II"),
        Kind.ORGANISATION: dict(name="Kazakh Invest"),
        Kind.SOURCE: dict(title="Euronews report"),
        Kind.FIGURE: dict(metric="Serbian companies in Kazakhstan", value="60"),
        Kind.STANCE: dict(holder_country="KZ", text="Supports Serbia's territorial integrity."),
    }[kind]
    dialog.fill(**minimal)
    assert dialog.save() is True, dialog.errors()
    assert demo_store.count(kind) == before + 1


def test_editing_loads_every_field_and_saving_unchanged_changes_nothing(demo_store, edits):
    for kind in FORMS:
        for rec in list(demo_store.iter_records(kind))[:3]:
            dialog = edits.form_for_edit(kind, rec.id)
            record, errors, general = dialog.collect()
            assert not errors and not general, (kind, rec.id, errors, general)
            for name in dialog.fields:
                assert getattr(record, name) == getattr(rec, name) or name == "parties", (kind, name)
            assert [(p.party_kind, p.ref, p.role) for p in getattr(record, "parties", [])] == [
                (p.party_kind, p.ref, p.role) for p in getattr(rec, "parties", [])]


def test_ctrl_enter_saves_and_escape_cancels(demo_store, edits, qtbot):
    dialog = edits.form_for_new(Kind.ORGANISATION)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.fill(name="Kazakh Invest")
    dialog.field("name").focus_widget().setFocus()
    qtbot.keyClick(dialog.field("name").focus_widget(), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert demo_store.organisations_named("Kazakh Invest")

    other = edits.form_for_new(Kind.ORGANISATION)
    qtbot.addWidget(other)
    with qtbot.waitActive(other):
        other.show()
    other.fill(name="Something typed")
    edits.ask.reply = "Discard"
    qtbot.keyClick(other.field("name").focus_widget(), Qt.Key.Key_Escape)
    assert other.result() == QDialog.DialogCode.Rejected and not other.isVisible()
    assert edits.ask.asked[-1][0] == "Discard changes?"
    assert not demo_store.organisations_named("Something typed")


def test_read_only_store_refuses_to_open_forms(tmp_path, qtbot):
    from briefing.services.demo import create_demo_store
    from briefing.store import Store
    path = tmp_path / "ro.sqlite"
    create_demo_store(path).close()
    store = Store.open(path, readonly=True)
    try:
        c = EditController(store, None, QUndoStack())
        c.ask = Answers()
        assert c.new_record(Kind.STATEMENT) is None
        c.delete_records(Kind.STATEMENT, [1])
        assert store.find(Kind.STATEMENT, 1) is not None
        assert c.ask.asked[0][0] == "Read-only store"
    finally:
        store.close()


def _field_of(dialog, widget) -> str:
    while widget is not None and widget is not dialog:
        if widget.objectName() in dialog.fields and dialog.fields[widget.objectName()] is widget:
            return widget.objectName()
        widget = widget.parentWidget()
    return ""


@pytest.mark.parametrize("kind", [Kind.STATEMENT, Kind.AGREEMENT, Kind.PERSON])
def test_tab_walks_the_form_top_to_bottom_then_save_and_cancel(demo_store, edits, qtbot, kind):
    from PySide6.QtWidgets import QApplication
    dialog = edits.form_for_edit(kind, 1)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    order = list(dialog.fields)
    assert _field_of(dialog, QApplication.focusWidget()) == order[0]
    seen = []
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        if w is dialog.save_button:
            break
        seen.append(_field_of(dialog, w))
    assert "" not in seen, "Tab left the fields before reaching Save"
    positions = [order.index(name) for name in seen]
    assert positions == sorted(positions), seen
    assert set(seen) | {order[0]} == set(order)
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.cancel_button


def test_tab_reaches_a_party_row_added_while_the_form_is_open(edits, qtbot):
    from PySide6.QtWidgets import QApplication
    dialog = edits.form_for_new(Kind.AGREEMENT)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    parties = dialog.field("parties")
    parties.add_button.setFocus()
    qtbot.keyClick(parties.add_button, Qt.Key.Key_Space)  # "Add party" from the keyboard
    row = parties.rows[-1]
    assert QApplication.focusWidget() is row.kind
    visited = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [row.country.edit, row.role, row.remove, parties.add_button,
                       dialog.field("summary").edit]


def test_visit_and_source_pickers_find_records_by_any_words(demo_store, edits):
    dialog = edits.form_for_new(Kind.STATEMENT)
    visit = dialog.field("occasion_visit_id")
    offered = [text for text, _shown in visit.completions("Вучић астан")]
    assert offered and "Astana" in offered[0]
    dialog.fill(speaker_id="Vučić", text="Solid foundations.", occasion_visit_id=offered[0])
    assert visit.value() == 1
    sources = dialog.field("source_ids")
    source_title = sources.picker.completions("euronews")[0][0]
    sources.set_text(source_title)
    assert sources.value() == [1]
    dialog.fill(occasion_visit_id="no such visit anywhere")
    assert visit.error == "no visit matches 'no such visit anywhere'"
    dialog.fill(occasion_visit_id=offered[0])
    assert dialog.save() is True
    st = demo_store.get(Kind.STATEMENT, dialog.saved_id)
    assert (st.occasion_visit_id, st.source_ids) == (1, [1])
    # editing shows the visit by its title and date, and keeps it
    again = edits.form_for_edit(Kind.STATEMENT, st.id)
    assert again.field("occasion_visit_id").edit.text() == "Aleksandar Vučić → Astana (c. November 2025)"
    assert again.field("occasion_visit_id").value() == 1


def test_saving_an_unchanged_form_writes_nothing(demo_store, edits, stack):
    for kind in FORMS:
        rec = next(iter(demo_store.iter_records(kind)))
        dialog = edits.form_for_edit(kind, rec.id)
        assert dialog.save() is True
        assert demo_store.get(kind, rec.id).updated_at == rec.updated_at, kind
    assert stack.count() == 0


def test_country_field_completes_a_name_in_any_script(qtbot):
    from briefing.countries import country_index
    from briefing.gui.editing.widgets import CountryPicker

    picker = CountryPicker(country_index())
    qtbot.addWidget(picker)
    completer = picker.edit.completer()
    completer.setCompletionPrefix("Србиј")
    assert completer.currentCompletion() == "Србија"  # what the field gets
    assert completer.completionModel().index(0, 0).data().startswith("Србија — Serbia (RS)")
