"""Inputs that refer to other records: a person or organisation typed by any of
their names (completed from the store's aliases, in any script), a visit or source
chosen by its title, and a list of linked sources.

A name that fits several people shows a chooser; an unknown person's name is kept
as a :class:`NewName` that the form offers to create (a "Create…" button now, or a
question when saving).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QToolButton, QVBoxLayout, QWidget,
)

from briefing.domain import Kind, Organisation, Person
from briefing.gui.editing.fields import Field, FieldError
from briefing.gui.editing.widgets import COMPLETION_ROLE, CompletionModel
from briefing.services.search import SearchFilters, search


@dataclass(frozen=True)
class NewName:
    """A name that is not in the store yet: the record to create on saving."""

    kind: Kind
    name: str


def describe(record: Person | Organisation) -> str:
    """``Aleksandar Vučić — President of Serbia, RS``: enough to tell namesakes apart."""
    extra = [record.office if isinstance(record, Person) else record.org_kind, record.country or ""]
    extra = [e for e in extra if e]
    return record.name + (" — " + ", ".join(extra) if extra else "")


# the date shown after a picked record's title
_DATE_FIELD = {Kind.VISIT: "start", Kind.SOURCE: "published"}


class _LookupField(Field):
    """A line edit completed from the store; resolves the text to one record id."""

    def __init__(self, store, kind: Kind, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(280)
        self._model = CompletionModel(parent=self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionRole(COMPLETION_ROLE)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.edit)
        self.completer.activated[str].connect(self._chosen)
        self.chooser = QComboBox(self)
        self.chooser.hide()
        self.chooser.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.row.addWidget(self.edit, 2)
        self.row.addWidget(self.chooser, 3)
        self.edit.textEdited.connect(self._typed)
        self._fixed: tuple[str, int] | None = None  # (text, id) set by set_value
        self._cache: tuple[str, list[tuple[int, str]]] | None = None

    # --- to override ----------------------------------------------------------------
    def completions(self, text: str) -> list[tuple[str, str]]:
        """(text to insert, text to show) for what has been typed."""
        raise NotImplementedError

    def candidates(self, text: str) -> list[tuple[int, str]]:
        """(id, description) of the records ``text`` may mean."""
        raise NotImplementedError

    def label_for(self, record_id: int) -> str:
        raise NotImplementedError

    def unknown(self, text: str):
        """The value (or :class:`FieldError`) for text that names nothing."""
        raise FieldError(f"no {self.kind.value} called '{text}'")

    # --- Field ----------------------------------------------------------------------
    def value(self):
        text = self.edit.text().strip()
        if not text:
            return None
        if self._fixed and self._fixed[0] == text:
            return self._fixed[1]
        found = self._candidates(text)
        if len(found) == 1:
            return found[0][0]
        if found:
            rid = self.chooser.currentData()
            if rid is None:
                raise FieldError(f"{len(found)} {self.kind.plural} are called '{text}': choose one")
            return rid
        return self.unknown(text)

    def set_value(self, record_id: int | None) -> None:
        if record_id is None:
            self._fixed = None
            self.edit.setText("")
        else:
            label = self.label_for(record_id)
            self._fixed = (label, record_id)
            self.edit.setText(label)
        self.refresh()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self._typed(text, popup=False)

    def focus_widget(self) -> QWidget:
        return self.edit

    def focus_chain(self) -> list[QWidget]:
        return [self.edit, self.chooser, *self._extra_focus()]

    def _extra_focus(self) -> list[QWidget]:
        return []

    def refresh(self) -> None:
        text = self.edit.text().strip()
        found = self._candidates(text) if text and not self._is_fixed(text) else []
        self._show_chooser(text, found if len(found) > 1 else [])
        try:
            value = self.value()
        except FieldError as exc:
            self.set_hint("")
            self.set_error(str(exc))
            return
        self.set_error("")
        self.set_hint(self.hint_for(text, value))

    def hint_for(self, text: str, value) -> str:
        if isinstance(value, int) and not self.chooser.isVisible():
            found = self._candidates(text) if not self._is_fixed(text) else []
            if len(found) == 1 and found[0][1] != text:
                return found[0][1]
        return ""

    # --- internals --------------------------------------------------------------------
    def _is_fixed(self, text: str) -> bool:
        return bool(self._fixed and self._fixed[0] == text)

    def _candidates(self, text: str) -> list[tuple[int, str]]:
        if self._cache is None or self._cache[0] != text:
            self._cache = (text, self.candidates(text))
        return self._cache[1]

    def _show_chooser(self, text: str, found: list[tuple[int, str]]) -> None:
        wanted = [(None, "— choose which one —")] + found if found else []
        current = [(self.chooser.itemData(i), self.chooser.itemText(i))
                   for i in range(self.chooser.count())]
        if current != wanted:
            self.chooser.blockSignals(True)
            self.chooser.clear()
            for rid, label in wanted:
                self.chooser.addItem(label, rid)
            self.chooser.blockSignals(False)
        self.chooser.setVisible(bool(found))

    def _typed(self, text: str, popup: bool = True) -> None:
        if popup and text.strip():
            self._model.set_rows(self.completions(text.strip()))
            if self._model.rowCount():
                self.completer.complete()
            else:
                self.completer.popup().hide()
        self.edited.emit()

    def _chosen(self, text: str) -> None:
        self.edit.setText(text)
        self.edited.emit()


class NamePicker(_LookupField):
    """A person or organisation by any of their names or aliases; ``value()`` is
    the id, a :class:`NewName` for an unknown name (when ``allow_new``), or ``None``."""

    create_requested = Signal(str)

    def __init__(self, store, kind: Kind, allow_new: bool = True, parent: QWidget | None = None):
        noun = "person" if kind == Kind.PERSON else "organisation"
        super().__init__(store, kind, f"{noun}'s name, in any script", parent)
        self.allow_new = allow_new
        self.create_button = QToolButton(self)
        self.create_button.setText(f"Create {noun}…")
        self.create_button.setToolTip(f"Add a new {noun} with this name")
        self.create_button.hide()
        self.create_button.clicked.connect(
            lambda: self.create_requested.emit(self.edit.text().strip()))
        self.row.addWidget(self.create_button)

    def _extra_focus(self) -> list[QWidget]:
        return [self.create_button]

    def completions(self, text: str) -> list[tuple[str, str]]:
        """Names and aliases; an alias shows whose it is (``Токаев — Kassym-Jomart Tokayev``)."""
        rows = []
        for alias in self.store.name_completions(self.kind.value, text):
            owners = self.candidates(alias)
            names = sorted({d.split(" — ")[0] for _, d in owners} - {alias})
            rows.append((alias, f"{alias} — {' / '.join(names)}" if names else alias))
        return rows

    def candidates(self, text: str) -> list[tuple[int, str]]:
        records = (self.store.people_named(text) if self.kind == Kind.PERSON
                   else self.store.organisations_named(text))
        return [(r.id, describe(r)) for r in records]

    def label_for(self, record_id: int) -> str:
        rec = self.store.find(self.kind, record_id, include_deleted=True)
        return rec.name if rec else f"#{record_id}"

    def unknown(self, text: str):
        if self.allow_new:
            return NewName(self.kind, text)
        similar = self.store.similar_names(self.kind.value, text)
        hint = f" (did you mean {', '.join(similar)}?)" if similar else ""
        raise FieldError(f"no {self.kind.value} called '{text}'{hint}")

    def hint_for(self, text: str, value) -> str:
        self.create_button.setVisible(isinstance(value, NewName))
        if isinstance(value, NewName):
            return f"No {self.kind.value} called '{text}' yet: one will be created when you save."
        return super().hint_for(text, value)

    def refresh(self) -> None:
        super().refresh()
        if self.error:
            self.create_button.hide()


class RecordPicker(_LookupField):
    """A visit or source found by any words of it (the search index: folded, any
    script, names widened to their aliases), completed as you type."""

    def __init__(self, store, kind: Kind, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(store, kind, placeholder or f"type to find a {kind.value}", parent)
        self._labels: dict[str, list[int]] = {}

    def _found(self, text: str, limit: int = 20) -> list[tuple[int, str]]:
        words = [w for w in text.replace('"', " ").split() if w]
        query = " ".join(w if w.endswith("*") else w + "*" for w in words)
        page = search(self.store, query, SearchFilters(kinds=(self.kind,)), limit=limit)
        out = []
        for hit in page.hits:
            label = hit.title + (f" ({hit.date})" if hit.date else "")
            ids = self._labels.setdefault(label, [])
            if hit.id not in ids:
                ids.append(hit.id)
            out.append((hit.id, label))
        return out

    def completions(self, text: str) -> list[tuple[str, str]]:
        labels = dict.fromkeys(label for _, label in self._found(text))
        return [(label, label) for label in labels]

    def candidates(self, text: str) -> list[tuple[int, str]]:
        ids = self._labels.get(text)
        if ids:
            return [(i, f"{text} #{i}") for i in ids]
        found = self._found(text)
        exact = [(i, label) for i, label in found if label == text]
        return exact or found

    def label_for(self, record_id: int) -> str:
        """``Aleksandar Vučić → Astana (c. November 2025)`` (also for a trashed record)."""
        record = self.store.find(self.kind, record_id, include_deleted=True)
        if record is None:
            return f"#{record_id}"
        title = self.store.title_of(self.kind, record_id) or f"{self.kind.value} #{record_id}"
        when = getattr(record, _DATE_FIELD.get(self.kind, ""), None)
        return title + (f" ({when.display()})" if when else "")

    def unknown(self, text: str):
        raise FieldError(f"no {self.kind.value} matches '{text}'")


class SourceList(Field):
    """The sources a record is taken from: a short list, a field to add one by its
    title, and Remove (or the Delete key)."""

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.list = QListWidget(box)
        self.list.setFixedHeight(self.list.fontMetrics().lineSpacing() * 3 + 12)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName("Linked sources")
        layout.addWidget(self.list)
        adder = QHBoxLayout()
        self.picker = RecordPicker(store, Kind.SOURCE, "type a source's title to add it", box)
        self.add_button = QPushButton("Add", box)
        self.remove_button = QPushButton("Remove", box)
        adder.addWidget(self.picker, 1)
        adder.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        adder.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(adder)
        self.row.addWidget(box)
        self.add_button.clicked.connect(self.add_typed)
        self.picker.edit.returnPressed.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)

    def ids(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def value(self) -> list[int]:
        return self.ids()

    def set_value(self, ids) -> None:
        self.list.clear()
        for sid in ids or []:
            self._append(sid)
        self.refresh()

    def set_text(self, text: str) -> None:
        self.picker.set_text(text)
        self.add_typed()

    def add_typed(self) -> bool:
        try:
            sid = self.picker.value()
        except FieldError:
            return False
        if sid is None:
            return False
        if sid not in self.ids():
            self._append(sid)
            self.edited.emit()
        self.picker.set_value(None)
        return True

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.edited.emit()

    def _append(self, sid: int) -> None:
        item = QListWidgetItem(self.picker.label_for(sid))
        item.setData(Qt.ItemDataRole.UserRole, sid)
        self.list.addItem(item)

    def focus_widget(self) -> QWidget:
        return self.picker.edit

    def focus_chain(self) -> list[QWidget]:
        return [self.picker.edit, self.add_button, self.remove_button, self.list]
