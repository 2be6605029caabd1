"""File → Import… / Export data… in the GUI: a worker, a progress dialog with Cancel,
and the import report (every bad row with file, line, column and reason)."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QThreadPool, QUrl
from PySide6.QtWidgets import QPushButton, QWidget

from briefing.domain import Kind
from briefing.gui.editing.import_export import ImportExportController, importable_paths
from briefing.gui.editing.import_report import ImportReportDialog
from briefing.gui.workers import Runner
from briefing.services.bundle import dumps, export_bundle
from briefing.store import Store

HEADER = "text,speaker,date,speaker_country,occasion,topics,language,kind"
GOOD_AND_BAD = f"""{HEADER}
"Kazakh investors are welcome in Serbia.",Вучић,2025-11-20,RS,,investment,en,direct
"The date of this one is wrong.",Tokayev,2025-13-01,KZ,,trade,en,direct
"We will build the plant near Niš.",Aliyev,2025-11,AZ,,energy,en,paraphrase
"This speaker's country does not exist.",Tokayev,2025-11,Atlantis,,trade,en,direct
"""


def state(store) -> str:
    """The whole store as the bundle a user would export."""
    return dumps(export_bundle(store))


class Dialogs:
    """Stands in for the modal loop: keeps every report dialog shown and
    optionally presses "Import the good rows…"."""

    def __init__(self, skip_invalid: bool = False):
        self.skip_invalid = skip_invalid
        self.shown: list[ImportReportDialog] = []

    def __call__(self, dialog) -> bool:
        self.shown.append(dialog)
        if self.skip_invalid and dialog.skip_button is not None:
            dialog.skip_button.click()
            return True
        return False


class Answers:
    def __init__(self):
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent, title, text, *, buttons=("OK",), **_kw) -> str:
        self.asked.append((title, text))
        return buttons[0]


@pytest.fixture
def io(qtbot, demo_store):
    window = QWidget()
    qtbot.addWidget(window)
    c = ImportExportController(demo_store, window)
    c.exec_dialog = Dialogs()
    c.ask = Answers()
    yield c
    c.runner.shutdown()


@pytest.fixture
def bad_csv(tmp_path) -> Path:
    path = tmp_path / "statements.csv"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    return path


def test_import_of_a_csv_with_bad_rows_shows_the_report_and_changes_nothing(
        io, demo_store, bad_csv, qtbot):
    before = state(demo_store)
    with qtbot.waitSignal(io.import_finished, timeout=10_000):
        assert io.import_files([str(bad_csv)]) is not None
    (dialog,) = io.exec_dialog.shown
    problems = [(Path(e.file).name, e.line, e.column, e.reason) for e in dialog.model.errors]
    assert [(f, line, col) for f, line, col, _ in problems] == [
        ("statements.csv", 3, "date"), ("statements.csv", 5, "speaker_country")]
    assert "month 13 does not exist" in problems[0][3]
    assert "Atlantis" in problems[1][3]
    assert dialog.headline.text().startswith("Nothing was imported: 2 rows have problems")
    assert "statements.rejects.csv" in dialog.skip_button.text()
    # the table shows file, line, column and reason
    table = dialog.table.model()
    assert [table.index(0, c).data() for c in range(4)][:3] == ["statements.csv", "3", "date"]
    assert state(demo_store) == before
    assert not (bad_csv.parent / "statements.rejects.csv").exists()


def test_import_the_good_rows_and_save_the_bad_ones(io, demo_store, bad_csv, qtbot):
    statements = demo_store.count(Kind.STATEMENT)
    io.exec_dialog = Dialogs(skip_invalid=True)
    with qtbot.waitSignal(io.imported, timeout=10_000) as blocker:
        io.import_files([str(bad_csv)])
    report = blocker.args[0]
    assert report.committed and report.added == 2
    assert demo_store.count(Kind.STATEMENT) == statements + 2
    qtbot.waitUntil(lambda: len(io.exec_dialog.shown) == 2)
    second = io.exec_dialog.shown[1]
    assert second.headline.text().startswith("Imported 2 records")
    assert "bad rows saved to statements.rejects.csv" in second.files.text()
    with open(bad_csv.parent / "statements.rejects.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["text"] for r in rows] == ["The date of this one is wrong.",
                                         "This speaker's country does not exist."]
    assert rows[0]["reason"].startswith("line 3: date:")


def test_a_clean_import_reports_counts_and_duplicates(io, demo_store, tmp_path, qtbot):
    path = tmp_path / "good.csv"
    path.write_text(f"{HEADER}\n\"Trade keeps growing.\",Tokayev,2025-11,KZ,,trade,en,direct\n",
                    encoding="utf-8")
    with qtbot.waitSignal(io.imported, timeout=10_000):
        io.import_files([str(path)])
    assert io.exec_dialog.shown[-1].headline.text() == "Imported 1 record."
    with qtbot.waitSignal(io.import_finished, timeout=10_000):
        io.import_files([str(path)])  # the same file again: no duplicates
    text = io.exec_dialog.shown[-1].headline.text()
    assert "Imported 0 records" in text and "1 record were already in the store" in text


def test_export_then_import_the_bundle_into_an_empty_store(io, demo_store, tmp_path, qtbot):
    target = tmp_path / "out" / "all"
    target.parent.mkdir()
    with qtbot.waitSignal(io.exported, timeout=10_000) as blocker:
        io.export_data(str(target))
    assert blocker.args == [str(target) + ".json"]
    assert io.ask.asked[-1][0] == "Export finished"

    empty = Store.open(tmp_path / "empty.sqlite")
    try:
        other = ImportExportController(empty, None)
        other.exec_dialog = Dialogs()
        with qtbot.waitSignal(other.imported, timeout=10_000):
            other.import_files([str(target) + ".json"])
        assert empty.counts() == demo_store.counts()
        other.runner.shutdown()
    finally:
        empty.close()


def test_a_file_that_is_not_data_is_reported_plainly(io, demo_store, tmp_path, qtbot):
    junk = tmp_path / "notes.json"
    junk.write_text("{ this is not json", encoding="utf-8")
    before = state(demo_store)
    with qtbot.waitSignal(io.import_finished, timeout=10_000):
        io.import_files([str(junk)])
    (dialog,) = io.exec_dialog.shown
    (error,) = dialog.model.errors
    assert "not valid JSON" in error.reason
    assert dialog.skip_button is None
    assert state(demo_store) == before


def test_cancel_changes_nothing_and_says_so(qtbot, demo_store, bad_csv, tmp_path):
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    gate = threading.Event()
    runner = Runner(demo_store, pool=pool)
    runner.start(lambda ctx: gate.wait(10), use_store=False)  # keeps the only thread busy
    io = ImportExportController(demo_store, None, runner=runner)
    io.exec_dialog = Dialogs()
    good = tmp_path / "good.csv"
    good.write_text(f"{HEADER}\n\"Trade keeps growing.\",Tokayev,2025-11,KZ,,trade,en,direct\n",
                    encoding="utf-8")
    before = state(demo_store)
    io.import_files([str(good)])
    assert io.busy()
    (cancel,) = io.progress.findChildren(QPushButton)
    assert cancel.text() == "Cancel"
    cancel.click()
    with qtbot.waitSignal(io.failed, timeout=10_000) as blocker:
        gate.set()
    assert blocker.args == ["Import cancelled; nothing was imported."]
    assert io.exec_dialog.shown == []
    assert state(demo_store) == before
    pool.waitForDone(5000)


def test_dropped_files_are_filtered_to_csv_and_bundles(tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / n)) for n in ("a.csv", "b.JSON", "c.pdf")])
    assert [Path(p).name for p in importable_paths(mime)] == ["a.csv", "b.JSON"]


def test_views_are_told_to_reload_after_an_import(qtbot, demo_store, tmp_path):
    from briefing.gui.store_bridge import StoreBridge
    window = QWidget()
    qtbot.addWidget(window)
    window.bridge = StoreBridge(demo_store, window)  # as the main window has
    io = ImportExportController(demo_store, window)
    io.exec_dialog = Dialogs()
    good = tmp_path / "good.csv"
    good.write_text(f"{HEADER}\n\"Trade keeps growing.\",Tokayev,2025-11,KZ,,trade,en,direct\n",
                    encoding="utf-8")
    with qtbot.waitSignal(window.bridge.changed, timeout=10_000,
                          check_params_cb=lambda change: change.kind == "*"):
        io.import_files([str(good)])
    io.runner.shutdown()
