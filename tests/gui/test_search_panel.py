"""The Search page: results as you type, filters, and the detail pane."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefing.domain import Kind
from shell_support import make_window, search_for


@pytest.fixture
def window(qtbot, demo_store, tmp_path):
    return make_window(qtbot, demo_store, tmp_path / "gui.ini")


def _vucic_statements(store) -> set[int]:
    vucic = store.people_named("Vučić")[0].id
    return {s.id for s in store.iter_records(Kind.STATEMENT) if s.speaker_id == vucic}


def test_typing_cyrillic_shows_vucics_statements_with_the_name_marked(qtbot, window, demo_store):
    rows = search_for(qtbot, window, "Вучић")
    assert window.current_page_key() == "search"
    statements = {r.id for r in rows if r.kind == Kind.STATEMENT}
    assert len(_vucic_statements(demo_store) & statements) >= 2
    vucic_row = next(r for r in rows if r.kind == Kind.STATEMENT and r.id in _vucic_statements(demo_store))
    assert "<b>Vučić</b>" in vucic_row.snippet_html  # the original script, marked
    assert window.search.model.rowCount() == len(rows)
    assert "result" in window.search.summary.text()


def test_results_arrive_only_for_the_last_keystrokes(qtbot, window):
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as blocker:
        qtbot.keyClicks(window.search_field, "Tokayev")
    assert blocker.args[0].request.text == "Tokayev"  # one search, after the pause
    assert all(r.title for r in blocker.args[0].rows)


def test_kind_and_country_filters_narrow_the_results(qtbot, window, demo_store):
    everything = search_for(qtbot, window, "Вучић")
    assert {r.kind for r in everything} > {Kind.STATEMENT}
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as blocker:
        window.search.filters.set_kind(Kind.STATEMENT)
    statements = blocker.args[0].rows
    assert statements and {r.kind for r in statements} == {Kind.STATEMENT}
    assert len(statements) < len(everything)
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as blocker:
        window.search.filters.set_country("KZ")
    kazakh = blocker.args[0].rows
    assert 0 < len(kazakh) <= len(statements)
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as blocker:
        window.search.filters.person.setText("Tokayev")
    assert all("Tokayev" in r.who for r in blocker.args[0].rows)


def test_date_range_filter_and_a_bad_date_says_why(qtbot, window):
    search_for(qtbot, window, "Vucic")
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as blocker:
        window.search.filters.date_from.setText("2030")
    assert blocker.args[0].rows == []
    assert "Nothing found" in window.search.summary.text()
    window.search.filters.date_from.setText("soon")
    qtbot.waitUntil(lambda: "not a date" in window.search.summary.text(), timeout=3000)
    assert window.search.model.rowCount() == 0


def test_filters_alone_list_records(qtbot, window):
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as blocker:
        window.search.filters.set_kind(Kind.AGREEMENT)
    rows = blocker.args[0].rows
    assert rows and {r.kind for r in rows} == {Kind.AGREEMENT}


def test_selecting_a_result_fills_the_detail_pane_with_sources_and_links(qtbot, window, demo_store):
    rows = search_for(qtbot, window, "Вучић")
    row = next(i for i, r in enumerate(rows) if r.kind == Kind.STATEMENT)
    window.search.results.setCurrentIndex(window.search.model.index(row))
    assert window.detail.current == (Kind.STATEMENT, rows[row].id)
    text = window.detail.text()
    assert "Aleksandar Vučić" in text and "SOURCES" in text
    assert "Vučić seeks trade and investment" in text  # the demo source
    html = window.detail.browser.toHtml()
    assert "record:person/" in html  # speaker → person


def test_clicking_a_result_with_the_mouse_fills_the_detail_pane(qtbot, window):
    rows = search_for(qtbot, window, "Tokaev trade")
    view = window.search.results
    row = next(i for i, r in enumerate(rows) if r.kind == Kind.STATEMENT)
    rect = view.visualRect(window.search.model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.detail.current == (Kind.STATEMENT, rows[row].id)
    assert "Kassym-Jomart Tokayev" in window.detail.text()


def test_down_arrow_and_enter_reach_the_results_by_keyboard(qtbot, window):
    search_for(qtbot, window, "Aliyev")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.search.results.hasFocus()
    assert window.search.results.currentIndex().row() == 0
    kind, rid = window.search.model.row(0).kind, window.search.model.row(0).id
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    assert window.detail.current == (kind, rid)


def test_clearing_the_query_shows_the_hint(qtbot, window):
    search_for(qtbot, window, "Aliyev")
    window.search_field.clear()
    qtbot.waitUntil(lambda: window.search.stack.currentWidget() is window.search.hint, timeout=2000)
    assert window.search.model.rowCount() == 0


def test_a_record_added_later_is_found_on_the_next_search(qtbot, window, demo_store):
    from briefing.domain import Statement

    search_for(qtbot, window, "zanzibar")
    assert window.search.model.rowCount() == 0
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as blocker:
        demo_store.add(Statement(text="Zanzibar is far away", speaker_id=1))
    assert [r.kind for r in blocker.args[0].rows] == [Kind.STATEMENT]


def test_a_topic_given_in_an_edit_is_offered_by_the_topic_filter(qtbot, window, demo_store):
    topics = window.search.filters.topic
    statement = demo_store.get(Kind.STATEMENT, 1)
    statement.topics = [*statement.topics, "lithium mining"]
    demo_store.update(statement)
    qtbot.waitUntil(lambda: topics.findData("lithium mining") > 0, timeout=2000)
