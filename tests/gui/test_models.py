"""Every model of the shell passes Qt's model tester; record tables page lazily."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import briefing.gui.pyside_fix  # noqa: F401
from briefing.domain import Kind, Statement
from briefing.gui.models import record_table
from briefing.gui.models.record_table import ID_ROLE, RecordTableModel
from briefing.gui.models.search_results import SearchResultsModel
from briefing.gui.search_source import SearchOutcome, SearchRequest, resolve, run
from briefing.gui.workers import Runner, TaskContext
from briefing.store import tables


@pytest.mark.parametrize("kind", list(Kind))
def test_record_table_models_pass_the_model_tester(qtmodeltester, demo_store, kind):
    model = RecordTableModel(demo_store, kind)
    qtmodeltester.check(model, force_py=True)  # and again after every reset below
    assert model.rowCount() == demo_store.count(kind)
    for col in range(model.columnCount()):
        model.sort(col, Qt.SortOrder.DescendingOrder)
        model.sort(col, Qt.SortOrder.AscendingOrder)
    model.set_filter("a", "RS")
    model.set_filter("", None)
    assert model.rowCount() == demo_store.count(kind)


def test_statements_table_shows_dates_at_their_precision_and_sorts_by_speaker(demo_store):
    model = RecordTableModel(demo_store, Kind.STATEMENT)
    keys = model.column_keys()
    dates = {model.index(r, keys.index("date")).data() for r in range(model.rowCount())}
    assert dates == {"c. November 2025"}
    model.sort(keys.index("speaker"), Qt.SortOrder.AscendingOrder)
    speakers = [model.index(r, keys.index("speaker")).data() for r in range(model.rowCount())]
    assert speakers == sorted(speakers)
    model.set_filter("Вучић")
    assert 0 < model.rowCount() < demo_store.count(Kind.STATEMENT)


def test_a_change_in_the_store_refreshes_the_table(demo_store):
    model = RecordTableModel(demo_store, Kind.STATEMENT)
    n = model.rowCount()
    sid = demo_store.add(Statement(text="A new one", speaker_id=1))
    from briefing.domain import Change
    model.on_store_changed(Change("statement", (sid,), "insert"))
    assert model.rowCount() == n + 1
    assert sid in [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def test_a_big_table_opens_with_a_window_and_reads_its_ids_in_a_worker(
        qtbot, qtmodeltester, demo_store, monkeypatch):
    """Above SYNC_LIMIT the table shows rows read by LIMIT/OFFSET at once and the
    sorted ids arrive from a worker; other sort orders wait for the worker."""
    monkeypatch.setattr(record_table, "SYNC_LIMIT", 3)
    monkeypatch.setattr(record_table, "PAGE_SIZE", 4)
    runner = Runner(demo_store)
    model = RecordTableModel(demo_store, Kind.STATEMENT, runner)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 9 and model.loading  # window mode, ids on the way
    expected = list(tables.sorted_ids(demo_store, tables.TableQuery(Kind.STATEMENT)))
    assert [model.index(r, 0).data(ID_ROLE) for r in range(9)] == expected
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    assert list(model._ids) == expected
    keys = model.column_keys()
    with qtbot.waitSignal(model.modelReset, timeout=5000):
        model.sort(keys.index("speaker"), Qt.SortOrder.AscendingOrder)
    speakers = [model.index(r, keys.index("speaker")).data() for r in range(model.rowCount())]
    assert speakers == sorted(speakers)
    runner.shutdown()


def test_search_results_model_passes_the_model_tester_and_pages(qtmodeltester, demo_store):
    request = SearchRequest(text="Kazakhstan")
    filters = resolve(demo_store, request)

    class Ctx:
        store = demo_store

    outcome = run(Ctx(), request, filters)
    model = SearchResultsModel()
    qtmodeltester.check(model, force_py=True)
    model.set_outcome(outcome)
    assert model.rowCount() == len(outcome.rows) > 0
    asked = []
    model.more_requested.connect(asked.append)
    model.set_outcome(SearchOutcome(request, outcome.rows[:2], 0, has_more=True))
    model.fetchMore()  # (the model tester may have asked already)
    model.fetchMore()
    assert asked == [2] and not model.canFetchMore()  # asked once per page
    model.append(SearchOutcome(request, outcome.rows[2:4], 2, has_more=False))
    assert model.rowCount() == 4 and not model.canFetchMore()


def test_task_context_reports_cancel(qtbot, demo_store):
    runner = Runner(demo_store)
    seen = []

    def slow(ctx: TaskContext):
        while not ctx.cancelled():
            ctx.progress(1, 2, "working")
        return "stopped"

    done = []
    task = runner.start(slow, on_done=done.append, on_progress=lambda *a: seen.append(a))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    with qtbot.waitSignal(task.signals.ended, timeout=3000):
        task.cancel()
    assert done == []  # a cancelled task's result is never delivered
    runner.shutdown()


def test_failed_task_reports_the_error_on_the_gui_thread(qtbot, demo_store):
    runner = Runner(demo_store)
    errors = []

    def broken(ctx):
        raise ValueError("no such thing")

    runner.start(broken, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert str(errors[0]) == "no such thing"
    runner.shutdown()
