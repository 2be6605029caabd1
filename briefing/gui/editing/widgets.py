"""Inputs for partial dates and countries.

* :class:`PartialDateEdit` reads ``2024``, ``2024-11``, ``5 November 2024`` … (with
  "approx." or a leading ``~`` for approximate dates) and shows the date at its own
  precision under the field, or the reason it is not a date.
* :class:`CountryPicker` completes over every country name and alias in every script
  (``Serbia``, ``Srbija``, ``Србија``, ``RS``, ``SRB``) and stores the ISO code.

Person, organisation and record pickers are in :mod:`.pickers`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QCompleter, QLineEdit, QWidget

from briefing.countries import CountryIndex, UnknownCountry
from briefing.dates import DateError, PartialDate
from briefing.gui.editing.fields import Field, FieldError
from briefing.gui.models.row_list import RowListModel


class PartialDateEdit(Field):
    """A year, month or day, optionally approximate.  ``value()`` is a
    :class:`PartialDate` or ``None`` when empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("e.g. 2024-11-05")
        self.edit.setToolTip(
            "A year (2024), a month (2024-11 or November 2024) or a day "
            "(2024-11-05, 5 November 2024, 05.11.2024).")
        self.edit.setMinimumWidth(140)
        self.edit.setMaximumWidth(220)
        self.approx = QCheckBox("approximate", self)
        self.approx.setToolTip("The date is not exact (printed as “c. 2024”)")
        self.row.addWidget(self.edit)
        self.row.addWidget(self.approx)
        self.row.addStretch(1)
        self.edit.textEdited.connect(lambda _t: self.edited.emit())
        self.approx.toggled.connect(lambda _b: self.edited.emit())

    def value(self) -> PartialDate | None:
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            return PartialDate.parse(text, self.approx.isChecked())
        except DateError as exc:
            raise FieldError(str(exc)) from None

    def set_value(self, value: PartialDate | None) -> None:
        self.edit.setText(value.iso if value else "")
        self.approx.setChecked(bool(value and value.approximate))
        self.refresh()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self.edited.emit()

    def refresh(self) -> None:
        text = self.edit.text().strip()
        if text.startswith("~") and not self.approx.isChecked():
            self.approx.blockSignals(True)
            self.approx.setChecked(True)
            self.approx.blockSignals(False)
        try:
            value = self.value()
        except FieldError as exc:
            self.set_hint("")
            self.set_error(str(exc))
            return
        self.set_error("")
        self.set_hint(value.display() if value else "")

    def focus_widget(self) -> QWidget:
        return self.edit

    def focus_chain(self) -> list[QWidget]:
        return [self.edit, self.approx]


COMPLETION_ROLE = Qt.ItemDataRole.UserRole + 1  # the text matched and inserted


class CompletionModel(RowListModel):
    """Completions as (text to insert, text to show) pairs: the popup shows
    ``Србија — Serbia (RS)``, the field gets ``Србија``."""

    HEADERS = ("Completion",)

    def cell(self, row: tuple[str, str], column: int, role):
        text, shown = row
        if role == Qt.ItemDataRole.DisplayRole:
            return shown
        if role in (COMPLETION_ROLE, Qt.ItemDataRole.EditRole):
            return text
        return None


_COUNTRY_ROWS: dict[int, list[tuple[str, str]]] = {}


def country_completions(index: CountryIndex) -> list[tuple[str, str]]:
    """Every country name and alias as a completion, usual names first (so ``ka``
    offers Kazakhstan before Kaaimaneilanden), then official names, then aliases.
    Computed once per country list (it never changes at run time)."""
    rows = _COUNTRY_ROWS.get(id(index))
    if rows is not None:
        return rows
    tiers: list[list[tuple[str, str]]] = [[], [], []]
    for c in index.countries:
        label = f"{c.name} ({c.code})" + (" — former" if c.former else "")
        tiers[0].append((c.name, label))
        seen = {c.name}
        for tier, names in ((1, [c.official_name]), (2, c.aliases)):
            for name in names:
                if name and name not in seen:
                    seen.add(name)
                    tiers[tier].append((name, f"{name} — {label}"))
    rows = [r for tier in tiers for r in sorted(tier, key=lambda r: r[0].casefold())]
    _COUNTRY_ROWS[id(index)] = rows
    return rows


class CountryPicker(Field):
    """A country typed by any name, alias or code; ``value()`` is the ISO code or
    ``None`` when empty.  Leaving the field writes the country's usual name."""

    def __init__(self, index: CountryIndex, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("country name or code")
        self.edit.setMinimumWidth(200)
        self.edit.setClearButtonEnabled(True)
        completer = QCompleter(self.edit)
        completer.setModel(CompletionModel(country_completions(index), completer))
        completer.setCompletionRole(COMPLETION_ROLE)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        completer.setMaxVisibleItems(12)
        self.edit.setCompleter(completer)
        completer.activated[str].connect(lambda _t: self.edited.emit())
        self.row.addWidget(self.edit)
        self.edit.textEdited.connect(lambda _t: self.edited.emit())
        self.edit.editingFinished.connect(self._normalise)

    def value(self) -> str | None:
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            return self.index.require(text).code
        except UnknownCountry as exc:
            raise FieldError(str(exc)) from None

    def set_value(self, code: str | None) -> None:
        country = self.index.get(code) if code else None
        self.edit.setText(country.name if country else (code or ""))
        self.refresh()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self.edited.emit()

    def refresh(self) -> None:
        text = self.edit.text().strip()
        country = self.index.resolve(text) if text else None
        if text and country is None:
            self.set_hint("")
            self.set_error(self.parse_error())
            return
        self.set_error("")
        shown = ""
        if country is not None and text != country.name:
            shown = f"{country.name} ({country.code})"
        self.set_hint(shown)

    def _normalise(self) -> None:
        country = self.index.resolve(self.edit.text())
        if country is not None and self.edit.text() != country.name:
            self.edit.setText(country.name)
            self.refresh()

    def focus_widget(self) -> QWidget:
        return self.edit
