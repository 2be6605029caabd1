"""Country pickers: the shipped country list (names and ISO codes) in a combo box, or
as a completer for a line edit.

Read from ``briefing.countries.load_countries`` (a cached JSON file) rather than the
store's alias index, which takes a moment to build and is not needed to list names.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter

from briefing.countries import load_countries


@lru_cache(maxsize=1)
def country_choices() -> tuple[tuple[str, str], ...]:
    """``(name, code)`` of every current country, by name."""
    return tuple(sorted(((c.name, c.code) for c in load_countries() if not c.former),
                        key=lambda nc: nc[0].casefold()))


_MODELS: dict[str, QStandardItemModel] = {}


def _shared_model(any_label: str) -> QStandardItemModel:
    """One list model per first entry, shared by every country picker (read-only)."""
    model = _MODELS.get(any_label)
    if model is None:
        model = QStandardItemModel()
        rows = [(any_label, "")] if any_label else []
        for name, code in rows + list(country_choices()):
            item = QStandardItem(name)
            item.setData(code, Qt.ItemDataRole.UserRole)
            model.appendRow(item)
        _MODELS[any_label] = model
    return model


def fill_countries(combo: QComboBox, any_label: str | None = None, editable: bool = False) -> None:
    """Give ``combo`` the countries (data: the ISO code), first ``any_label`` if given."""
    combo.setModel(_shared_model(any_label or ""))
    combo.setMinimumContentsLength(8)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    if editable:
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        if any_label:
            combo.lineEdit().setPlaceholderText(any_label)


def country_completer(parent) -> QCompleter:
    """A completer over the current countries' names (case-insensitive)."""
    completer = QCompleter(_shared_model(""), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return completer
