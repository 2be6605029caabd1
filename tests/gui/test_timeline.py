"""The relations timeline: the events of two countries or a person, clickable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefing.domain import Kind
from briefing.gui.views.timeline_layout import day_range, pair_lanes, place, stack
from briefing.store import related
from shell_support import make_window


@pytest.fixture
def window(qtbot, demo_store, tmp_path):
    w = make_window(qtbot, demo_store, tmp_path / "gui.ini")
    w.show_page("timeline")
    return w


def test_the_pair_timeline_has_visits_both_ways_agreements_and_statements(window):
    page = window.timeline
    page.show_pair("RS", "KZ")
    marks = page.view.marks
    kinds = [m.event.kind for m in marks]
    assert kinds.count(Kind.VISIT) == 2
    assert kinds.count(Kind.AGREEMENT) >= 4
    assert kinds.count(Kind.STATEMENT) >= 4
    lanes = {m.placed.lane for m in marks if m.event.kind == Kind.VISIT}
    assert lanes == {"ab", "ba"}  # Serbia → Kazakhstan and back
    assert "Serbia and Kazakhstan" in page.summary.text()
    # marks in one lane never overlap: each has a row of its own where they would
    by_row = {}
    for m in marks:
        by_row.setdefault((m.placed.lane, m.placed.row), []).append(m)
    for row in by_row.values():
        row.sort(key=lambda m: m.x0)
        for a, b in zip(row, row[1:]):
            assert a.x0 + a.boundingRect().width() - 10 <= b.x0 + 1


def test_clicking_a_mark_opens_the_record(qtbot, window):
    page = window.timeline
    page.show_pair("RS", "AZ")
    mark = next(m for m in page.view.marks if m.event.kind == Kind.AGREEMENT)
    pos = page.view.mapFromScene(mark.mapToScene(mark._shape_rect().center()))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.detail.current == (Kind.AGREEMENT, mark.event.id)


def test_keyboard_moves_between_marks_and_opens_one(qtbot, window):
    page = window.timeline
    page.show_pair("KZ", "RS")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Right)
    focused = page.view.scene().focusItem()
    assert focused is page.view.marks[0]
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert window.detail.current == (focused.event.kind, focused.event.id)
    qtbot.keyClick(page.view, Qt.Key.Key_Plus)
    assert page.view.zoom > 1


def test_a_person_timeline_and_an_empty_pair(window, demo_store):
    page = window.timeline
    vucic = demo_store.people_named("Vučić")[0].id
    page.show_person(vucic)
    kinds = {m.event.kind for m in page.view.marks}
    assert kinds == {Kind.VISIT, Kind.AGREEMENT, Kind.STATEMENT}
    page.show_pair("FR", "JP")
    assert page.view.marks == []
    assert "No visits" in page.view.empty_text


def test_partial_dates_cover_their_whole_range():
    from datetime import date
    lo, hi = day_range("2025-11")
    assert date.fromordinal(lo) == date(2025, 11, 1) and date.fromordinal(hi) == date(2025, 11, 30)
    lo, hi = day_range("2024")
    assert date.fromordinal(hi) == date(2024, 12, 31)
    assert day_range(None) is None and day_range("soon") is None


def test_stacking_uses_rows_only_when_needed(demo_store):
    lanes, lane_of = pair_lanes("Serbia", "Kazakhstan", "RS", "KZ")
    layout = place(related.pair_timeline(demo_store, "RS", "KZ"), lanes, lane_of)
    stack(layout, lambda day: float(day), lambda p: 5.0)  # tiny marks: one row per lane
    assert set(layout.rows.values()) == {1} or max(layout.rows.values()) <= 4
    stack(layout, lambda day: float(day), lambda p: 10_000.0)  # wide labels: rows grow
    assert layout.rows["agreements"] >= 4


def test_person_fields_complete_names_in_any_script(qtbot, window):
    for edit in (window.timeline.person, window.search.filters.person):
        edit.setFocus()
        edit.clear()
        qtbot.keyClicks(edit, "Tokay")
        offered = edit.completer().model().stringList()
        assert any(name.startswith("Tokayev") for name in offered), offered
    window.search.timer.stop()  # the filter edit asked for a search: not needed here
