"""The capture review window on real temporary stores: read an article in a worker,
highlight sentences, accept / reject / accept all, edit before accepting, duplicates
flagged and never added twice, bad input as a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefing.domain import Kind
from briefing.gui.capture import CaptureWindow, open_capture
from briefing.gui.capture.session import NameKey

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "newsaz_vucic_kazakhstan.txt"


def opened(qtbot, store, **kw) -> CaptureWindow:
    window = CaptureWindow(store)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.captured, timeout=20000):
        if "text" in kw:
            window.capture_text(kw["text"])
        else:
            window.capture_path(str(kw.get("path", SEED)))
    return window


def find(window, start: str):
    return next(c for c in window.session.candidates
                if (getattr(c, "text", "") or getattr(c, "title", "")).startswith(start))


def groups(window) -> list[str]:
    return [window.model.item(r, 0).text() for r in range(window.model.rowCount())]


def test_the_seed_is_read_in_a_worker_and_grouped_by_kind(qtbot, store):
    window = CaptureWindow(store)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.captured, timeout=20000):
        window.capture_path(str(SEED))
        assert window.stack.currentIndex() == 1  # busy page while the worker reads
    assert window.stack.currentIndex() == 2
    assert groups(window) == ["Statements (9)", "Agreements (6)", "Visits (3)", "Figures (3)",
                              "New names (6)"]
    assert "19 new · 2 incomplete" in window.summary.text()
    assert window.accept_all_button.text() == "Accept All &New (19)"
    assert store.count(Kind.STATEMENT) == 0  # nothing stored without review


def test_clicking_a_candidate_highlights_its_sentence_and_back(qtbot, store):
    window = opened(qtbot, store)
    quote = find(window, "The project documentation")
    window.select(quote)
    assert window.editor.subject is quote
    assert window.article.highlighted_text() == quote.sentence
    assert window.article.textCursor().position() == window.article.toPlainText().find(quote.sentence)
    # clicking a sentence in the article selects its candidate
    other = find(window, "This will create opportunities")
    pos = window.article.toPlainText().find("create opportunities")
    cursor = window.article.textCursor()
    cursor.setPosition(pos)
    window.article.setTextCursor(cursor)
    window.article.ensureCursorVisible()
    point = window.article.cursorRect(cursor).center()
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.editor.subject is other
    assert window.selected_candidates() == [other]


def test_accept_one_then_accept_all_stores_each_once(qtbot, store):
    window = opened(qtbot, store)
    quote = find(window, "This will create opportunities")
    window.select(quote)
    with qtbot.waitSignal(window.accepted) as got:
        qtbot.mouseClick(window.accept_button, Qt.MouseButton.LeftButton)
    assert got.args[0].summary() == "added 1 source, 1 person, 1 statement"
    assert window.session.state(quote) == "accepted"
    [st] = store.iter_records(Kind.STATEMENT)
    assert st.speaker_name == "Ilham Aliyev" and st.text == quote.text
    window.accept_all()
    assert store.count(Kind.STATEMENT) == 9 and store.count(Kind.FIGURE) == 3
    assert store.count(Kind.VISIT) == 1 and store.count(Kind.SOURCE) == 1
    assert store.count(Kind.PERSON) == 3
    assert window.accept_all_button.isEnabled() is False
    assert "19 accepted" in window.summary.text() and "2 incomplete" in window.summary.text()
    window.accept_all()  # again: nothing more
    assert store.count(Kind.STATEMENT) == 9


def test_rejected_candidates_are_left_out_of_accept_all(qtbot, store):
    window = opened(qtbot, store)
    figures = [c for c in window.session.candidates if c.KIND == "figure"]
    window.select(figures[0])
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert window.session.state(figures[0]) == "rejected"
    window.accept_all()
    assert store.count(Kind.FIGURE) == 2


def test_an_incomplete_visit_becomes_acceptable_once_dated(qtbot, store):
    window = opened(qtbot, store)
    visit = next(c for c in window.session.candidates if c.KIND == "visit" and c.host_country == "KZ")
    window.select(visit)
    assert window.session.state(visit) == "incomplete" and not window.accept_button.isEnabled()
    assert "start date" in window.editor.evidence.text()
    window.editor.fields["date"].set_text("~2025-11")
    qtbot.waitUntil(lambda: window.session.state(visit) == "new", timeout=3000)
    assert window.accept_button.isEnabled()
    window.accept_selected()
    [v] = store.iter_records(Kind.VISIT)
    assert (v.guest_name, v.host_country, v.start.iso, v.start.approximate) == (
        "Aleksandar Vučić", "KZ", "2025-11", True)


def test_editing_the_speaker_to_someone_else(qtbot, store):
    window = opened(qtbot, store)
    quote = find(window, "We put stress")
    window.select(quote)
    window.editor.fields["speaker"].set_text("Roman Vassilenko")
    qtbot.waitUntil(lambda: quote.speaker.name == "Roman Vassilenko", timeout=3000)
    window.accept_selected()
    [st] = store.iter_records(Kind.STATEMENT)
    assert st.speaker_name == "Roman Vassilenko"
    assert [p.name for p in store.iter_records(Kind.PERSON)] == ["Roman Vassilenko"]


def test_a_new_name_mapped_to_an_existing_person(qtbot, store):
    from briefing.domain import Person

    pid = store.add(Person(name="Qasym-Jomart Toqaev", country="KZ"))  # another romanisation
    window = opened(qtbot, store)
    key = next(p.key for p in window.session.capture.people if p.name == "Kassym-Jomart Tokayev")
    window.select(NameKey(key))
    assert window.editor.subject == NameKey(key)
    window.editor.fields["same_as"].set_text("Qasym-Jomart Toqaev")
    qtbot.waitUntil(lambda: window.session.people_map.get(key) == pid, timeout=3000)
    assert "#%d" % pid in window.editor.evidence.text()
    window.select(find(window, "We put stress"))
    window.accept_selected()
    [st] = store.iter_records(Kind.STATEMENT)
    assert st.speaker_id == pid and store.count(Kind.PERSON) == 1


def test_the_demo_store_flags_everything_as_already_there(qtbot, demo_store):
    before = {k: demo_store.count(k) for k in Kind}
    window = opened(qtbot, demo_store)
    assert {window.session.state(c) for c in window.session.candidates} == {"duplicate"}
    assert "New names" not in " ".join(groups(window))
    assert "already in the store as source #1" in window.article_meta.text()
    assert not window.accept_all_button.isEnabled()
    window.accept_all()
    window.select(window.session.candidates[1])
    window.accept_selected()
    assert {k: demo_store.count(k) for k in Kind} == before
    assert "In store" in window.model.item(0, 0).child(1, 1).text()


def test_pasted_text_from_the_input_page(qtbot, store):
    window = CaptureWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.input.paste.setPlainText(
        "Foreign Minister Murat Nurtleu met his Serbian counterpart in Astana.\n\n"
        "“The talks were useful for both sides,” Nurtleu said.")
    with qtbot.waitSignal(window.captured, timeout=20000):
        qtbot.mouseClick(window.input.capture_button, Qt.MouseButton.LeftButton)
    [quote] = window.session.capture.quotes
    assert quote.speaker.name == "Murat Nurtleu"


@pytest.mark.parametrize("content, message", [
    (b"\x00\x01\x02 binary", "binary file"),
    (b"", "is empty"),
])
def test_bad_files_show_a_message_and_store_nothing(qtbot, store, tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    window = CaptureWindow(store)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.failed, timeout=20000) as got:
        window.capture_path(str(f))
    assert message in got.args[0]
    assert window.stack.currentIndex() == 0 and message in window.input.error.text()
    assert window.input.error.isVisible()
    assert store.count(Kind.SOURCE) == 0


def test_an_empty_paste_is_a_message_not_a_capture(qtbot, store):
    window = CaptureWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.input.capture_button, Qt.MouseButton.LeftButton)
    assert "Paste an article first" in window.input.error.text()
    assert window.stack.currentIndex() == 0


def test_no_quotes_and_unattributed_quotes(qtbot, store):
    window = opened(qtbot, store, text="The weather was fine in Astana.\n\n"
                                       "“Nobody knows what will happen to the talks now.”")
    [quote] = window.session.candidates
    assert window.session.state(quote) == "incomplete"
    window.select(quote)
    assert "no speaker" in window.editor.evidence.text()
    assert not window.accept_button.isEnabled() and not window.accept_all_button.isEnabled()


def test_read_only_store_reviews_but_cannot_store(qtbot, tmp_path, store):
    from briefing.store import Store

    path = store.path
    store.close()
    ro = Store.open(path, readonly=True)
    try:
        window = opened(qtbot, ro)
        assert "read-only" in window.summary.text()
        window.select(find(window, "We put stress"))
        assert not window.accept_button.isEnabled() and not window.accept_all_button.isEnabled()
    finally:
        ro.close()


def test_open_capture_keeps_the_window_with_its_parent(qtbot, store):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    window = open_capture(store, parent, text="“We will build the plant together,” "
                                              "Serbian President Aleksandar Vučić said.")
    qtbot.waitSignal(window.captured, timeout=20000).wait()
    assert window in parent._capture_windows and window.isWindow()
    [quote] = window.session.capture.quotes
    assert quote.speaker.name == "Aleksandar Vučić"
    window.close()


def test_namesakes_are_chosen_in_the_new_names_form(qtbot, store):
    from briefing.domain import Person

    a = store.add(Person(name="Aleksandar Vučić", country="RS", office="President of Serbia"))
    store.add(Person(name="Aleksandar Vučić", country="RS", office="Footballer"))
    window = opened(qtbot, store)
    key = next(p.key for p in window.session.capture.people if p.name == "Aleksandar Vučić")
    quote = find(window, "The project documentation")
    assert window.session.state(quote) == "incomplete"
    assert "2 people are called 'Aleksandar Vučić'" in window.session.verdict(quote).problems[0]
    row = window.model.index_of(NameKey(key))
    assert window.model.itemFromIndex(row.siblingAtColumn(1)).text() == "2 namesakes: choose"
    window.select(NameKey(key))
    assert "2 records in the store have this name" in window.editor.evidence.text()
    same = window.editor.fields["same_as"]
    same.set_text("Aleksandar Vučić")
    assert not same.chooser.isHidden() and same.chooser.count() == 3  # "choose" + the two
    same.chooser.setCurrentIndex(same.chooser.findData(a))
    qtbot.waitUntil(lambda: window.session.state(quote) == "new", timeout=3000)
    window.accept_all()
    speakers = {s.speaker_id for s in store.iter_records(Kind.STATEMENT)
                if s.text.startswith("The project documentation")}
    assert speakers == {a} and len(store.ids_named(Kind.PERSON, "Aleksandar Vučić")) == 2


def test_someone_else_creates_a_new_namesake(qtbot, store):
    from briefing.domain import Person

    store.add(Person(name="Ilham Aliyev", country="AZ", office="Chess player"))
    store.add(Person(name="Ilham Aliyev", country="AZ", office="Painter"))
    window = opened(qtbot, store)
    key = next(p.key for p in window.session.capture.people if p.name == "Ilham Aliyev")
    window.select(NameKey(key))
    window.editor.fields["new_namesake"].setChecked(True)
    quote = find(window, "This will create opportunities")
    qtbot.waitUntil(lambda: window.session.state(quote) == "new", timeout=3000)
    window.select(quote)
    window.accept_selected()
    assert len(store.ids_named(Kind.PERSON, "Ilham Aliyev")) == 3


def test_a_party_typed_in_another_spelling_is_the_proposed_person(qtbot, store):
    window = opened(qtbot, store)
    agreement = next(c for c in window.session.candidates if c.KIND == "agreement")
    window.select(agreement)
    window.editor.fields["parties"].set_text("Serbia; aleksandar vucic")
    qtbot.waitUntil(lambda: len(agreement.parties) == 2, timeout=3000)
    vucic = agreement.parties[1]
    assert (vucic.kind, vucic.name) == ("person", "Aleksandar Vučić")  # not a new organisation
    assert all(o.name != "aleksandar vucic" for o in window.session.capture.organisations)
