"""The main window: remembered state, pages, shortcuts, links, read-only stores."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from briefing.domain import Kind
from briefing.store import Store
from shell_support import make_window


@pytest.fixture
def window(qtbot, demo_store, tmp_path):
    return make_window(qtbot, demo_store, tmp_path / "gui.ini")


def test_window_state_persists_across_two_windows(qtbot, demo_store, tmp_path):
    ini = tmp_path / "gui.ini"
    first = make_window(qtbot, demo_store, ini)
    first.resize(1234, 777)
    first.splitter.setSizes([210, 640, 384])
    nav_width = first.splitter.sizes()[0]
    first.show_page("agreements")
    first.close()

    second = make_window(qtbot, demo_store, ini)
    assert (second.width(), second.height()) == (1234, 777)
    assert second.current_page_key() == "agreements"
    assert second.navigation.current_key() == "agreements"
    assert second.splitter.sizes()[0] == nav_width
    second.actions.toggle_details.setChecked(False)
    second.close()

    third = make_window(qtbot, demo_store, ini)
    assert not third.detail.isVisible()
    assert not third.actions.toggle_details.isChecked()


def test_navigation_lists_every_page_with_counts(window, demo_store):
    keys = window.navigation.keys()
    for key in ("search", "timeline", "statements", "visits", "agreements", "people",
                "organisations", "sources", "figures", "stances", "briefings", "trash"):
        assert key in keys
    window.navigation.select("visits")
    assert window.current_page_key() == "visits"
    from briefing.gui.views.navigation import COUNT_ROLE
    model = window.navigation.model()
    counts = {model.index(r, 0).data(Qt.ItemDataRole.DisplayRole): model.index(r, 0).data(COUNT_ROLE)
              for r in range(model.rowCount())}
    assert counts["Statements"] == demo_store.count(Kind.STATEMENT)


def test_navigation_counts_follow_deletes_and_restores(qtbot, window, demo_store):
    from briefing.gui.views.navigation import COUNT_ROLE

    def shown() -> int:
        model = window.navigation.model()
        return next(model.index(r, 0).data(COUNT_ROLE) for r in range(model.rowCount())
                    if model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) == "Statements")

    before = shown()
    demo_store.trash(Kind.STATEMENT, [1, 2])
    qtbot.waitUntil(lambda: shown() == before - 2, timeout=2000)
    demo_store.restore(Kind.STATEMENT, [1])
    qtbot.waitUntil(lambda: shown() == before - 1, timeout=2000)


def test_standard_shortcuts_are_bound(window):
    a = window.actions
    expect = {a.find: "Ctrl+K", a.new_briefing: "Ctrl+N", a.import_: "Ctrl+I", a.edit: "F2",
              a.undo: "Ctrl+Z", a.redo: "Ctrl+Shift+Z", a.quit: "Ctrl+Q", a.about: "F1"}
    for action, key in expect.items():
        keys = [s.toString() for s in action.shortcuts()]
        assert key in keys, (action.text(), keys)
    assert "Ctrl+F" in [s.toString() for s in a.find.shortcuts()]
    assert a.delete.shortcut().matches(QKeySequence(QKeySequence.StandardKey.Delete))
    for action in (a.find, a.edit, a.delete, a.import_, a.new_briefing):
        assert action.toolTip() and action.statusTip()


def test_ctrl_k_goes_to_the_search_field_and_ctrl_number_to_a_page(qtbot, window):
    window.show_page("people")
    window.actions.find.trigger()
    assert window.current_page_key() == "search"
    assert window.search_field.hasFocus()
    window.actions.go["statements"].trigger()
    assert window.current_page_key() == "statements"
    table = window.pages["statements"].table
    assert table.hasFocus() and table.currentIndex().row() == 0  # keys act on the table now
    assert window.detail.current is not None
    assert [s.toString() for s in window.actions.go["search"].shortcuts()] == ["Ctrl+1"]


def test_a_table_selection_shows_the_record_and_links_open_related_records(qtbot, window, demo_store):
    window.show_page("people")
    page = window.pages["people"]
    vucic = demo_store.people_named("Vučić")[0].id
    assert page.select_record(vucic)
    assert window.detail.current == (Kind.PERSON, vucic)
    text = window.detail.text()
    assert "STATEMENTS" in text and "VISITS" in text and "AGREEMENTS" in text
    # a link to one of his statements opens it; Back returns to him
    html = window.detail.browser.toHtml()
    assert "record:statement/" in html
    from PySide6.QtCore import QUrl
    sid = next(s.id for s in demo_store.iter_records(Kind.STATEMENT) if s.speaker_id == vucic)
    window.detail.browser.anchorClicked.emit(QUrl(f"record:statement/{sid}"))
    assert window.detail.current == (Kind.STATEMENT, sid)
    window.detail.go_back()
    assert window.detail.current == (Kind.PERSON, vucic)


def test_statement_links_to_its_occasion_and_agreement_to_its_parties(window, demo_store):
    st = next(s for s in demo_store.iter_records(Kind.STATEMENT) if s.occasion_visit_id)
    window.show_record(Kind.STATEMENT, st.id)
    assert f"record:visit/{st.occasion_visit_id}" in window.detail.browser.toHtml()
    ag = next(a for a in demo_store.iter_records(Kind.AGREEMENT)
              if any(p.party_kind == "organisation" for p in a.parties))
    window.show_record(Kind.AGREEMENT, ag.id)
    html = window.detail.browser.toHtml()
    org = next(p for p in ag.parties if p.party_kind == "organisation")
    assert f"record:organisation/{org.ref}" in html
    assert "Kazakhstan" in window.detail.text()


def test_timeline_link_in_the_detail_pane_opens_the_pair(window, demo_store):
    visit = demo_store.get(Kind.VISIT, 1)
    window.show_record(Kind.VISIT, 1)
    window.detail.link_activated.emit(f"timeline:pair/{visit.guest_country}/{visit.host_country}")
    assert window.current_page_key() == "timeline"
    assert window.timeline.subject == ("pair", visit.guest_country, visit.host_country)


def test_table_selection_survives_a_change_in_the_store(qtbot, window, demo_store):
    from briefing.domain import Statement

    window.show_page("statements")
    page = window.pages["statements"]
    target = demo_store.people_named("Aliyev")[0].id
    sid = next(s.id for s in demo_store.iter_records(Kind.STATEMENT) if s.speaker_id == target)
    page.select_record(sid)
    with qtbot.waitSignal(page.model.modelReset, timeout=3000):
        demo_store.add(Statement(text="Another statement", speaker_id=target))
    assert page.selected_records() == (Kind.STATEMENT, [sid])
    assert page.count.text().startswith(f"{demo_store.count(Kind.STATEMENT)} ")


def test_table_filter_narrows_rows(qtbot, window):
    window.show_page("agreements")
    page = window.pages["agreements"]
    total = page.model.rowCount()
    with qtbot.waitSignal(page.model.modelReset, timeout=3000):
        page.filter.setText("Yugoimport")
    assert 0 < page.model.rowCount() < total
    page.table.selectRow(0)
    assert "Yugoimport SDPR" in window.detail.text()


def test_a_read_only_store_says_so_and_disables_editing(qtbot, demo_store, tmp_path):
    path = demo_store.path
    demo_store.close()
    ro = Store.open(path, readonly=True)
    try:
        w = make_window(qtbot, ro, tmp_path / "gui.ini")
        assert "read-only" in w.windowTitle()
        for action in (w.actions.edit, w.actions.delete, w.actions.import_, w.actions.new_briefing,
                       w.actions.new_current):
            assert not action.isEnabled()
        assert not w.acceptDrops()
        assert w.actions.find.isEnabled() and w.actions.export.isEnabled()
        w.close()
    finally:
        ro.close()


def test_new_briefing_goes_to_the_composer_when_installed(qtbot, window, monkeypatch):
    called = []
    window.set_new_briefing_handler(lambda: called.append(True))
    window.actions.new_briefing.trigger()
    assert called == [True]


def test_record_actions_from_others_reach_menus_and_selection(qtbot, window, demo_store):
    from PySide6.QtGui import QAction

    seen = []
    act = QAction("Add to Briefing", window)
    act.triggered.connect(lambda: seen.append(window.selected_records()))
    window.add_record_action(act)
    assert act in window.actions.menus["edit"].actions()
    window.show_page("visits")
    window.pages["visits"].select_record(2)
    act.trigger()
    assert seen == [(Kind.VISIT, [2])]
    capture = QAction("Capture Article…", window)
    window.add_file_action(capture)
    file_actions = window.actions.menus["file"].actions()
    assert file_actions.index(capture) > file_actions.index(window.actions.import_)


def test_when_the_current_record_is_deleted_the_next_one_is_selected(qtbot, window, demo_store):
    window.show_page("statements")
    page = window.pages["statements"]
    page.table.selectRow(2)
    gone = page.selected_records()[1][0]
    following = page.model.id_at(3)
    with qtbot.waitSignal(page.model.modelReset, timeout=3000):
        demo_store.trash(Kind.STATEMENT, gone)
    assert page.selected_records() == (Kind.STATEMENT, [following])
    assert window.detail.current == (Kind.STATEMENT, following)


def test_the_detail_pane_keeps_its_place_when_the_store_changes(qtbot, window, demo_store):
    longest = max(demo_store.iter_records(Kind.SOURCE), key=lambda s: len(s.text or ""))
    window.show_record(Kind.SOURCE, longest.id)
    bar = window.detail.browser.verticalScrollBar()
    assert bar.maximum() > 200
    bar.setValue(200)
    person = demo_store.get(Kind.PERSON, 1)
    person.notes = "Met him in Astana."
    with qtbot.waitSignal(window.detail.record_shown, timeout=2000):
        demo_store.update(person)  # read again: the source's related lists may change
    assert window.detail.current == (Kind.SOURCE, longest.id) and bar.value() == 200


def test_the_detail_pane_reads_figures_and_visits_as_the_dossier_does(window, demo_store):
    from briefing.services.record_labels import figure_value, ordinal

    figure = next(f for f in demo_store.iter_records(Kind.FIGURE) if f.unit == "%")
    window.show_record(Kind.FIGURE, figure.id)
    assert figure_value(figure) in window.detail.text()  # "more than 7%", not "7 %"
    visit = next(v for v in demo_store.iter_records(Kind.VISIT) if v.ordinal)
    window.show_record(Kind.VISIT, visit.id)
    assert f"{ordinal(visit.ordinal).capitalize()} visit" in window.detail.text()
