"""The import report dialog: what was (or would have been) imported per file, and
every bad row with file, line, column and reason.

An all-or-nothing import that found bad rows changed nothing; the dialog says so and
offers to import the good rows and save the bad ones to ``<file>.rejects.csv``
(``dialog.choice == "skip_invalid"`` after that button).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout,
    QWidget,
)

from briefing.gui.editing.fields import error_colour
from briefing.gui.models.row_list import RowListModel
from briefing.services.importing import ImportReport, RowError, rejects_path_for

SKIP_INVALID = "skip_invalid"


class ProblemsModel(RowListModel):
    """Bad rows: file, line, column, reason (sortable through a proxy)."""

    HEADERS = ("File", "Line", "Column", "Problem")

    def __init__(self, errors: list[RowError], parent=None):
        super().__init__(errors, parent)

    @property
    def errors(self) -> list[RowError]:
        return self.rows

    def cell(self, e: RowError, col: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return (Path(e.file).name, str(e.line) if e.line else "", e.column, e.reason)[col]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return (e.file, e.line, e.column, e.reason)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(e)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


_SINGULAR = {"people": "person", "organisations": "organisation", "sources": "source"}


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n} {'people' if word == 'person' else word + 's'}"


def _new(n: int, plural_kind: str) -> str:
    return f"{n} new {plural_kind if n > 1 else _SINGULAR.get(plural_kind, plural_kind)}"


def file_line(f, committed: bool = True) -> str:
    """One line per file: ``statements.csv — 12 rows: 10 added, 2 already in the store``
    (``would add`` when nothing was written)."""
    parts = []
    if f.rows:
        parts.append(_plural(f.rows, "row"))
    add, update = ("added", "updated") if committed else ("would add", "would update")
    counts = [f"{f.added} {add}" if committed and f.added else
              f"{add} {f.added}" if f.added else "",
              f"{f.updated} {update}" if committed and f.updated else
              f"{update} {f.updated}" if f.updated else "",
              f"{f.duplicates} already in the store" if f.duplicates else ""]
    counts += [_new(n, k) for k, n in sorted(f.created.items()) if n]
    if f.errors:
        counts.append(_plural(len(f.errors), "problem"))
    detail = ", ".join(c for c in counts if c)
    head = f"{Path(f.path).name}" + (f" ({f.kind})" if f.kind else "")
    text = head + (" — " + ", ".join(parts) if parts else "") + (": " + detail if detail else "")
    if f.rejects_path:
        text += f"; bad rows saved to {Path(f.rejects_path).name}"
    return text


def headline(report: ImportReport) -> str:
    bad = len(report.errors)
    if report.committed:
        made: dict[str, int] = {}
        for f in report.files:
            for k, n in f.created.items():
                made[k] = made.get(k, 0) + n
        text = f"Imported {_plural(report.added, 'record')}"
        if any(made.values()):
            text += ", with " + ", ".join(_new(n, k) for k, n in sorted(made.items()) if n)
        text += "."
        if report.duplicates:
            text += f" {_plural(report.duplicates, 'record')} were already in the store."
        if bad:
            text += f" {_plural(bad, 'bad row')} were left out."
        return text
    if report.dry_run:
        return f"Checked: {_plural(report.added, 'record')} would be imported, {_plural(bad, 'problem')}."
    if bad:
        return (f"Nothing was imported: {_plural(bad, 'row')} "
                f"{'has' if bad == 1 else 'have'} problems. Fix them and import again, or "
                "import only the good rows.")
    return "Nothing to import."


def can_skip_invalid(report: ImportReport) -> bool:
    """Whether "import the good rows" would import anything."""
    return (not report.committed and not report.dry_run and bool(report.errors)
            and any((f.added or f.updated) for f in report.files))


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.choice = ""
        self.setWindowTitle("Import report")
        self.setObjectName("import_report")
        self.setSizeGripEnabled(True)

        self.headline = QLabel(headline(report), self)
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.headline.setFont(font)
        if report.errors and not report.committed:
            pal = self.headline.palette()
            pal.setColor(self.headline.foregroundRole(), error_colour(self))
            self.headline.setPalette(pal)
        self.files = QLabel("\n".join(file_line(f, report.committed) for f in report.files), self)
        self.files.setWordWrap(True)
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.files)

        self.model = ProblemsModel(report.errors, self)
        self.table: QTableView | None = None
        if report.errors:
            proxy = QSortFilterProxyModel(self)
            proxy.setSourceModel(self.model)
            proxy.setSortRole(Qt.ItemDataRole.UserRole)
            table = self.table = QTableView(self)
            table.setModel(proxy)
            table.setSortingEnabled(True)
            table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            table.verticalHeader().hide()
            table.setWordWrap(True)
            header = table.horizontalHeader()
            for col in range(3):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
            table.setAccessibleName("Rows with problems")
            QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), table, self.copy_problems)
            layout.addWidget(QLabel(f"Rows with problems ({len(report.errors)}):", self))
            layout.addWidget(table, 1)
        else:
            layout.addStretch(1)

        self.buttons = QDialogButtonBox(self)
        self.skip_button = None
        if can_skip_invalid(report):
            names = sorted({rejects_path_for(Path(e.file)).name for e in report.errors
                            if e.file.lower().endswith(".csv")})
            target = " and ".join(names) or "a .rejects.csv file"
            self.skip_button = self.buttons.addButton(
                f"Import the good rows and save the bad ones to {target}",
                QDialogButtonBox.ButtonRole.AcceptRole)
            self.skip_button.clicked.connect(self.choose_skip_invalid)
        if report.errors:
            copy = self.buttons.addButton("Copy problems", QDialogButtonBox.ButtonRole.ActionRole)
            copy.setToolTip("Copy every problem as text (file, line, column, reason)")
            copy.clicked.connect(self.copy_problems)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        close.setDefault(True)
        layout.addWidget(self.buttons)
        self.resize(860 if report.errors else 560, 520 if report.errors else 200)

    def choose_skip_invalid(self) -> None:
        self.choice = SKIP_INVALID
        self.accept()

    def problems_text(self) -> str:
        return "\n".join(str(e) for e in self.report.errors)

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText(self.problems_text())
