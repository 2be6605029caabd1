"""Export PDF… (Ctrl+E): the options dialog, the export in a worker with progress and
Cancel, then "open the PDF when done".

    exporter = export_pdf(store, briefing_id, parent)     # asks, then exports
    exporter = DossierExporter(store, parent, settings=s, runner=r)
    exporter.start(briefing_id, "/tmp/x.pdf", "Letter", open_after=True)  # no dialog

The dialog offers ``<last folder>/<briefing title>.pdf``, the page size and the
"open when done" choice last used (all kept in :class:`~briefing.gui.settings.Settings`).
The file is written by :func:`briefing.services.dossier.write_dossier` (temporary
file + rename), so a failed or cancelled export leaves an existing file untouched.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLineEdit, QMessageBox, QProgressDialog, QPushButton, QWidget,
)

from briefing.domain import Kind
from briefing.gui.dossier.rendering import export_briefing
from briefing.gui.errors import plain_message, show_message
from briefing.gui.settings import Settings
from briefing.gui.workers import Runner
from briefing.services.dossier import DossierError, Written

FOLDER_PURPOSE = "dossier"
PAGE_SIZE_KEY = "dossier/page_size"
OPEN_AFTER_KEY = "dossier/open_after"
PAGE_SIZES = [("A4", "A4 (210 × 297 mm)"), ("Letter", "US Letter (8.5 × 11 in)")]
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name_for(title: str) -> str:
    """``Vučić meets Tokayev in Astana.pdf``: the title, without characters file
    systems refuse, at most 120 characters."""
    name = " ".join(_UNSAFE.sub(" ", title or "").split()).strip(" .")
    return (name[:120].rstrip(" .") or "Briefing") + ".pdf"


def _run_modal(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def _ask_path(parent, start: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, "Export PDF", start, "PDF files (*.pdf)")
    return path


def _confirm_replace(parent, path: Path) -> bool:
    answer = QMessageBox.question(parent, "Export PDF",
                                  f"{path.name} already exists. Replace it?")
    return answer == QMessageBox.StandardButton.Yes


class ExportDialog(QDialog):
    """Where to write the PDF, the page size, and whether to open it afterwards."""

    ask_path = staticmethod(_ask_path)  # replaceable in tests
    confirm_replace = staticmethod(_confirm_replace)

    def __init__(self, title: str, settings: Settings, parent=None):
        super().__init__(parent)
        self.setObjectName("exportPdfDialog")
        self.setWindowTitle("Export PDF")
        self.path = QLineEdit(objectName="exportPath")
        self.path.setText(str(Path(settings.last_folder(FOLDER_PURPOSE)) / file_name_for(title)))
        self.path.setMinimumWidth(420)
        choose = QPushButton("Choose…", objectName="exportChoose")
        choose.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.page_size = QComboBox(objectName="exportPageSize")
        for key, label in PAGE_SIZES:
            self.page_size.addItem(label, key)
        keys = [k for k, _ in PAGE_SIZES]
        remembered = settings.value(PAGE_SIZE_KEY, "A4")
        self.page_size.setCurrentIndex(keys.index(remembered) if remembered in keys else 0)
        self.open_after = QCheckBox("Open the PDF when done", objectName="exportOpenAfter")
        self.open_after.setChecked(settings.value(OPEN_AFTER_KEY, "1") == "1")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Save as", row)
        form.addRow("Page size", self.page_size)
        form.addRow("", self.open_after)
        form.addRow(buttons)

    def choose(self) -> None:
        path = self.ask_path(self, self.path.text())
        if path:
            self.path.setText(path)
            self._chosen = path  # the file dialog already asked about replacing it

    def target(self) -> Path:
        text = self.path.text().strip()
        path = Path(text).expanduser()
        if text and path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return path

    def accept(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.path.setFocus()
            return
        target = self.target()
        chosen = getattr(self, "_chosen", None)
        if target.exists() and chosen != text and not self.confirm_replace(self, target):
            return
        super().accept()


class DossierExporter(QObject):
    """Runs one export at a time for a window; reports through its signals."""

    exported = Signal(object)  # Written
    failed = Signal(str)  # the message shown to the user
    cancelled = Signal()
    message = Signal(str)  # for the status bar

    exec_dialog = staticmethod(_run_modal)  # replaceable in tests and scripts
    open_url = staticmethod(QDesktopServices.openUrl)
    show_error = staticmethod(lambda parent, text: show_message(parent, "Export PDF", text))

    def __init__(self, store, parent: QWidget | None = None, *, settings: Settings | None = None,
                 runner: Runner | None = None):
        super().__init__(parent)
        self.store = store
        self.widget = parent
        self.settings = settings or getattr(parent.window() if parent else None, "settings",
                                            None) or Settings()
        self.runner = runner or Runner(store, self)
        self.task = None
        self.progress: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def export(self, briefing_id: int | None) -> bool:
        """Ask where and how (the dialog), then start; False if nothing was started."""
        if briefing_id is None:
            self.message.emit("Open a briefing first, then export it")
            return False
        if self.busy:
            self.message.emit("An export is already running")
            return False
        briefing = self.store.find(Kind.BRIEFING, briefing_id)
        if briefing is None:
            self.message.emit(f"Briefing {briefing_id} is not in the store")
            return False
        dialog = ExportDialog(briefing.title, self.settings, self.widget)
        if not self.exec_dialog(dialog):
            return False
        self.start(briefing_id, str(dialog.target()), dialog.page_size.currentData(),
                   dialog.open_after.isChecked())
        return True

    def start(self, briefing_id: int, path: str, page_size: str = "A4",
              open_after: bool = False):
        self.settings.set_last_folder(FOLDER_PURPOSE, Path(path).expanduser().absolute().parent)
        self.settings.set_value(PAGE_SIZE_KEY, page_size)
        self.settings.set_value(OPEN_AFTER_KEY, "1" if open_after else "0")
        self.progress = QProgressDialog("Exporting the dossier…", "Cancel", 0, 0, self.widget)
        self.progress.setObjectName("exportProgress")
        self.progress.setWindowTitle("Export PDF")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)  # short exports never show it
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.task = self.runner.start(
            export_briefing, briefing_id, path, page_size,
            on_done=lambda written: self._done(written, open_after),
            on_error=self._failed, on_progress=self._progress)
        self.task.signals.ended.connect(self._ended)
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.message.emit("Export cancelled; nothing was written")
            self.cancelled.emit()

    def _progress(self, done: int, total: int, _text: str) -> None:
        if self.progress is not None and total:
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total))

    def _done(self, written: Written, open_after: bool) -> None:
        self._ended()  # the file is written: another export may start now
        pages = f"{written.pages} page{'s' if written.pages != 1 else ''}"
        self.message.emit(f"Exported {written.path.name} ({pages}, {written.page_size})")
        if open_after:
            self.open_url(QUrl.fromLocalFile(str(written.path)))
        self.exported.emit(written)

    def _failed(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, DossierError) else plain_message(exc)
        self._ended()
        self.message.emit(f"Export failed: {text}")
        self.failed.emit(text)
        self.show_error(self.widget, text)

    def _ended(self) -> None:
        self.task = None
        self._close_progress()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None


def export_pdf(store, briefing_id: int | None, parent: QWidget | None = None, *,
               settings: Settings | None = None) -> DossierExporter:
    """Export PDF… for one briefing: the dialog, then the export in the background.
    The exporter (kept on *parent* until it finishes) reports through its signals."""
    exporter = DossierExporter(store, parent, settings=settings,
                               runner=getattr(parent.window() if parent else None, "runner", None))
    exporter.export(briefing_id)
    return exporter
