"""File → Import… and File → Export data…: run in a worker with a progress dialog
and Cancel, then show the import report.

    io = ImportExportController(store, main_window, runner=runner, bridge=bridge)
    io.import_files()              # asks for CSV / bundle files
    io.import_files(dropped_paths) # e.g. files dropped on the window
    io.export_data()               # asks where to save the JSON bundle

Imports are all or nothing: bad rows change nothing, and the report offers to import
the good rows and save the bad ones to ``<file>.rejects.csv``.  The worker writes
through its own connection (``store.clone()``, via :class:`~briefing.gui.workers.Runner`);
afterwards every view is told to reload (``bridge.reload_all()``) and ``imported`` is
emitted.

For tests: ``choose_files(parent) -> list[str]``, ``choose_export_path(parent) -> str``,
``exec_dialog(dialog) -> bool`` and ``ask`` can be replaced.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QWidget

from briefing.domain import Kind
from briefing.gui.editing import messages
from briefing.gui.editing.import_report import SKIP_INVALID, ImportReportDialog
from briefing.gui.errors import plain_message
from briefing.gui.workers import Runner, Task
from briefing.services import bundle
from briefing.services.importing import ImportCancelled, ImportReport
from briefing.services.importing import import_files as run_import
from briefing.store import StoreError

log = logging.getLogger(__name__)

IMPORT_FILTER = ("Briefing data (*.csv *.json);;CSV files (*.csv);;"
                 "Briefing bundles (*.json);;All files (*)")
IMPORTABLE = (".csv", ".json")


def importable_paths(mime: QMimeData) -> list[str]:
    """The local CSV and bundle files in a drop (for the main window's drag and drop)."""
    if not mime.hasUrls():
        return []
    out = []
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMPORTABLE:
            out.append(url.toLocalFile())
    return out


class _Outcome:
    """What a worker produced, kept even when Cancel came too late to stop it;
    ``deliver`` hands it over once."""

    def __init__(self, on_result):
        self.result = None
        self.on_result = on_result
        self.delivered = False

    def deliver(self, result=None) -> None:
        if not self.delivered:
            self.delivered = True
            self.on_result(self.result if result is None else result)


class ImportExportController(QObject):
    #: the ImportReport after an import that wrote something
    imported = Signal(object)
    #: after every import attempt that produced a report (also when nothing was written)
    import_finished = Signal(object)
    #: the path written by an export
    exported = Signal(str)
    #: a plain message after a failure or cancel
    failed = Signal(str)
    #: a short message for the status bar
    status = Signal(str)

    def __init__(self, store, parent: QWidget | None = None, *, runner: Runner | None = None,
                 bridge=None):
        super().__init__(parent)
        self.store = store
        self.parent_widget = parent
        self.runner = runner or Runner(store, self)
        # the window's StoreBridge tells every view to reload after an import (the
        # worker wrote through its own connection, so the window's store heard nothing)
        self.bridge = bridge if bridge is not None else getattr(parent, "bridge", None)
        self.ask = messages.ask
        self.exec_dialog = lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted
        self.choose_files = self._choose_files
        self.choose_export_path = self._choose_export_path
        self.progress: QProgressDialog | None = None
        self.task: Task | None = None
        self.last_report: ImportReport | None = None
        self._last_dir = str(Path.home())

    # --- import ------------------------------------------------------------------------
    def import_files(self, paths: list[str] | None = None, *, skip_invalid: bool = False) -> Task | None:
        """Import CSV and bundle files (asking which when ``paths`` is None)."""
        if self.busy():
            self._tell("Busy", "An import or export is already running.")
            return None
        if paths is None:
            paths = self.choose_files(self.parent_widget)
        paths = [str(p) for p in paths or []]
        if not paths:
            return None
        if getattr(self.store, "readonly", False):
            self._tell("Read-only store", "The store is open read-only: nothing can be imported.")
            return None
        self._last_dir = str(Path(paths[0]).parent)
        outcome = _Outcome(lambda report: self._import_done(report, paths))

        def work(ctx, paths, skip_invalid):
            def progress(done: int, total: int) -> None:
                ctx.progress(done, total, "Checking rows…" if done * 2 <= total else "Writing…")
            outcome.result = run_import(ctx.store, paths, skip_invalid=skip_invalid,
                                        progress=progress, cancel=ctx.cancelled)
            return outcome.result

        names = ", ".join(Path(p).name for p in paths)
        self.task = self.runner.start(
            work, paths, skip_invalid, on_done=outcome.deliver,
            on_error=lambda exc: self._failed("Import failed", exc, "Nothing was imported: "),
        )
        self._show_progress(f"Importing {names}…", self.task, outcome,
                            "Import cancelled; nothing was imported.")
        return self.task

    def _import_done(self, report: ImportReport, paths: list[str]) -> None:
        self._close_progress()
        self.last_report = report
        if report.committed:
            if self.bridge is not None:
                self.bridge.reload_all()
            self.imported.emit(report)
            self.status.emit(f"Imported {report.added} records")
        self.import_finished.emit(report)
        dialog = ImportReportDialog(report, self.parent_widget)
        self.exec_dialog(dialog)
        if dialog.choice == SKIP_INVALID:  # after this task has fully ended
            QTimer.singleShot(0, lambda: self.import_files(paths, skip_invalid=True))

    # --- export ------------------------------------------------------------------------
    def export_data(self, path: str | None = None) -> Task | None:
        """Write the whole store (trash included) to a JSON bundle."""
        if self.busy():
            self._tell("Busy", "An import or export is already running.")
            return None
        if path is None:
            path = self.choose_export_path(self.parent_widget)
        if not path:
            return None
        path = str(path)
        if not path.lower().endswith(".json"):
            path += ".json"
        outcome = _Outcome(lambda result: self._export_done(*result))

        def work(ctx, path):
            def progress(done: int, total: int) -> None:
                ctx.check()
                ctx.progress(done, total, "Exporting…")
            total = sum(ctx.store.count(k, include_deleted=True) for k in Kind)
            bundle.write_bundle(ctx.store, path, progress)
            outcome.result = (path, total)
            return outcome.result

        self.task = self.runner.start(
            work, path, on_done=outcome.deliver,
            on_error=lambda exc: self._failed("Export failed", exc, "Nothing was exported: "),
        )
        self._show_progress(f"Exporting to {Path(path).name}…", self.task, outcome,
                            "Export cancelled; no file was written.")
        return self.task

    def _export_done(self, path: str, total: int) -> None:
        self._close_progress()
        self._last_dir = str(Path(path).parent)
        self.exported.emit(path)
        self.status.emit(f"Exported {total} records to {path}")
        self.ask(self.parent_widget, "Export finished",
                 f"The whole store ({total} records, the trash included) was saved to\n{path}",
                 buttons=("OK",), kind="info")

    # --- progress, cancel, errors --------------------------------------------------------
    def busy(self) -> bool:
        """Whether an import or export is running (its progress dialog is up)."""
        return self.progress is not None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _show_progress(self, label: str, task: Task, outcome: _Outcome,
                       cancelled_text: str) -> None:
        dlg = QProgressDialog(label, "Cancel", 0, 0, self.parent_widget)
        dlg.setWindowTitle("Briefing")
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.canceled.connect(task.cancel)
        self.progress = dlg

        def on_progress(done: int, total: int, text: str) -> None:
            if self.progress is dlg:
                dlg.setMaximum(max(total, 0))
                dlg.setValue(min(done, total) if total else 0)
                if text:
                    dlg.setLabelText(f"{label}\n{text}")

        def on_ended() -> None:
            if not task.is_cancelled:
                return
            if outcome.result is not None:  # Cancel came after the work was done
                outcome.deliver()
            else:
                self._close_progress()
                self.failed.emit(cancelled_text)
                self.status.emit(cancelled_text)

        task.signals.progress.connect(on_progress)
        task.signals.ended.connect(on_ended)

    def _close_progress(self) -> None:
        if self.progress is not None:
            dlg, self.progress = self.progress, None
            dlg.canceled.disconnect()  # closing a progress dialog emits canceled
            dlg.reset()
            dlg.hide()
            dlg.deleteLater()

    def _failed(self, title: str, exc: BaseException, prefix: str) -> None:
        self._close_progress()
        text = (str(exc) if isinstance(exc, ImportCancelled) else plain_message(exc)).strip() \
            or type(exc).__name__
        if not text.lower().startswith("nothing was"):
            text = prefix + text[0].lower() + text[1:]
        if not isinstance(exc, (StoreError, ValueError, OSError, ImportCancelled)):
            log.error("%s: %r", title, exc)
        self.failed.emit(text)
        self._tell(title, text)

    def _tell(self, title: str, text: str) -> None:
        self.ask(self.parent_widget, title, text, buttons=("OK",), kind="warning")

    # --- file choosers -------------------------------------------------------------------
    def _choose_files(self, parent: QWidget | None) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(parent, "Import data", self._last_dir, IMPORT_FILTER)
        return paths

    def _choose_export_path(self, parent: QWidget | None) -> str:
        start = str(Path(self._last_dir) / "briefing-data.json")
        path, _ = QFileDialog.getSaveFileName(parent, "Export data", start,
                                              "Briefing bundle (*.json)")
        return path
