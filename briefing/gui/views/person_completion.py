"""A line edit that completes people's names and aliases from the store as they are
typed (any script or spelling: the store folds them), for the search filter and the
timeline's person field."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

LIMIT = 15  # names offered at a time


def complete_people(edit: QLineEdit, store) -> QCompleter:
    """Give ``edit`` a completer over the people named like what has been typed."""
    names = QStringListModel(edit)
    completer = QCompleter(names, edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    edit.setCompleter(completer)
    edit.textEdited.connect(
        lambda text: names.setStringList(store.name_completions("person", text, LIMIT) if text else []))
    return completer
