"""The record form: a dialog built from a :class:`~.spec.FormSpec`.

Problems are shown next to the fields as you type (a date that is not a date, an
unknown country) and, after the first attempt to save, every missing required field
too; Save refuses while anything is wrong and puts the cursor in the first bad field.
Ctrl+Enter saves, Esc cancels (asking first if something was typed).

The dialog does not write: ``on_save(dialog, record) -> bool`` does (the
:class:`~briefing.gui.editing.controller.EditController`), and the dialog closes only
when it succeeded — a failed write keeps everything typed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from briefing.domain import Kind, Office, Party, Record
from briefing.gui.editing.fields import Field, FieldError, error_colour
from briefing.gui.editing.forms.spec import FieldSpec, FormContext, FormSpec
from briefing.gui.editing.pickers import NewName
from briefing.validation import problems as record_problems

SaveHandler = Callable[["RecordDialog", Record], bool]


def new_names(record: Record) -> list[NewName]:
    """Names in ``record`` that are not in the store yet (fields, parties, offices)."""
    found: list[NewName] = []
    for name in record.data_fields():
        value = getattr(record, name)
        if isinstance(value, NewName):
            found.append(value)
        elif isinstance(value, list):
            for item in value:
                ref = (item.ref if isinstance(item, Party)
                       else item.organisation_id if isinstance(item, Office) else None)
                if isinstance(ref, NewName):
                    found.append(ref)
    return list(dict.fromkeys(found))


def replace_new_names(record: Record, ids: dict[NewName, int]) -> Record:
    """``record`` with every :class:`NewName` replaced by the id in ``ids``."""
    for name in record.data_fields():
        value = getattr(record, name)
        if isinstance(value, NewName):
            setattr(record, name, ids[value])
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Party) and isinstance(item.ref, NewName):
                    item.ref = ids[item.ref]
                elif isinstance(item, Office) and isinstance(item.organisation_id, NewName):
                    item.organisation_id = ids[item.organisation_id]
    return record


def _with_mnemonic(label: str, used: set[str]) -> str:
    for i, ch in enumerate(label):
        low = ch.lower()
        if ch.isalpha() and low not in used:
            used.add(low)
            return label[:i] + "&" + label[i:]
    return label


class RecordDialog(QDialog):
    def __init__(self, ctx: FormContext, spec: FormSpec, record: Record, on_save: SaveHandler,
                 parent: QWidget | None = None, title: str = ""):
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.original = record
        self.on_save = on_save
        self.saved_id: int | None = None
        self.fields: dict[str, Field] = {}
        self.specs: dict[str, FieldSpec] = {}
        self._tried = False
        self._dirty = False
        kind = spec.kind
        is_new = record.id is None
        self.setWindowTitle(f"New {kind.value}" if is_new
                            else f"Edit {kind.value} — {self._short(title) or self._title_of(record)}")
        self.setObjectName(f"{kind.value}_form")
        self.setSizeGripEnabled(True)

        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(8)
        used: set[str] = {"s", "c"}  # Save, Cancel
        for fs in spec.all_fields():
            widget = fs.make(ctx)
            widget.setObjectName(fs.name)
            label = QLabel(_with_mnemonic(fs.label, used) + (" *" if fs.required else ""))
            label.setBuddy(widget.focus_widget())
            if fs.tip:
                label.setToolTip(fs.tip)
                widget.focus_widget().setToolTip(fs.tip)
            widget.focus_widget().setAccessibleName(fs.label)
            form.addRow(label, widget)
            self.fields[fs.name] = widget
            self.specs[fs.name] = fs
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.hide()
        pal = self.summary.palette()
        pal.setColor(self.summary.foregroundRole(), error_colour(self))
        self.summary.setPalette(pal)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip("Save (Ctrl+Enter)")
        self.cancel_button = self.buttons.addButton("&Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setToolTip("Close without saving (Esc)")
        for b in (self.save_button, self.cancel_button):
            b.setAutoDefault(False)  # Enter in a field does not save by accident
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self.load(record)
        for widget in self.fields.values():
            widget.edited.connect(self._edited)
        first = self.focus_order()
        if first:
            first[0].setFocus()
        self.body = body
        self._sized = False

    # --- filling and reading ---------------------------------------------------------------
    def field(self, name: str) -> Field:
        return self.fields[name]

    def load(self, record: Record) -> None:
        for name, widget in self.fields.items():
            widget.set_value(getattr(record, name))
        self._dirty = False

    def fill(self, **texts: str) -> None:
        """Type into fields by attribute name, as a user would (tests, scripts)."""
        for name, text in texts.items():
            self.fields[name].set_text(text)

    def collect(self) -> tuple[Record | None, dict[str, str], list[str]]:
        """The record as typed, the field errors and the problems that belong to no
        field.  The record is ``None`` while a field cannot be read."""
        record = copy.deepcopy(self.original)
        errors: dict[str, str] = {}
        for name, widget in self.fields.items():
            try:
                setattr(record, name, widget.value())
            except FieldError as exc:
                errors[name] = str(exc)
        general: list[str] = []
        placeholders = {n: -1 for n in new_names(record)}
        probe = replace_new_names(copy.deepcopy(record), placeholders)
        for problem in record_problems(probe):
            target = next((n for n, fs in self.specs.items() if fs.matches(problem)), None)
            if target is None:
                general.append(problem)
            else:
                errors.setdefault(target, problem)
        return (None if errors or general else record), errors, general

    def check(self) -> bool:
        """Show every problem next to its field; true when the record can be saved."""
        record, errors, general = self.collect()
        for name, widget in self.fields.items():
            widget.set_error(errors.get(name, ""))
        if errors or general:
            bad = len(errors)
            parts = []
            if bad:
                parts.append(f"{bad} field{'s' if bad > 1 else ''} need{'' if bad > 1 else 's'} "
                             "attention (marked in red).")
            parts += [p[0].upper() + p[1:] + "." for p in general]
            self.summary.setText(" ".join(parts))
            self.summary.show()
        else:
            self.summary.hide()
        return record is not None

    def errors(self) -> dict[str, str]:
        """The errors shown next to fields now (for tests)."""
        return {n: w.error for n, w in self.fields.items() if w.error}

    # --- saving and closing -----------------------------------------------------------------
    def save(self) -> bool:
        self._tried = True
        if not self.check():
            first = next((w for w in self.fields.values() if w.error), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        record, _, _ = self.collect()
        if not self.on_save(self, record):
            return False
        self.saved_id = record.id
        self._dirty = False
        self.accept()
        return True

    def reject(self) -> None:
        if self._dirty:
            noun = self.spec.kind.value
            choice = self.ctx.ask(self, "Discard changes?",
                                  f"Close this {noun} without saving what you typed?",
                                  buttons=("Discard", "Keep editing"), default="Keep editing",
                                  escape="Keep editing", kind="question")
            if choice != "Discard":
                return
        super().reject()

    # --- internals ---------------------------------------------------------------------------
    def _edited(self) -> None:
        self._dirty = True
        if self._tried:
            self.check()

    def focus_order(self) -> list[QWidget]:
        """What Tab visits, top to bottom: every field's inputs, then Save and Cancel.
        Worked out at each Tab, so rows added later (parties, offices) fit in."""
        chain = [w for f in self.fields.values() for w in f.focus_chain()]
        chain += [self.save_button, self.cancel_button]
        return [w for w in chain if w.isVisibleTo(self) and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt names)
        order = self.focus_order()
        current = QApplication.focusWidget()
        at = next_i = None
        for i, w in enumerate(order):
            if current is w or (current is not None and w.isAncestorOf(current)):
                at = i
                break
        if at is None or not order:
            return super().focusNextPrevChild(next)
        next_i = (at + (1 if next else -1)) % len(order)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        order[next_i].setFocus(reason)
        return True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not self._sized:  # size hints are right only once the inputs are polished
            self._sized = True
            self._size_to_content(self.body)

    def _size_to_content(self, body: QWidget) -> None:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        body.layout().activate()
        hint = body.sizeHint()
        extra_w = self.scroll.verticalScrollBar().sizeHint().width() + 30
        self.setMinimumWidth(body.minimumSizeHint().width() + extra_w)
        screen = self.screen().availableGeometry() if self.screen() else None
        max_h = int(screen.height() * 0.85) if screen else 900
        extra_h = self.buttons.sizeHint().height() + 60
        self.resize(max(720, hint.width() + extra_w), min(max_h, hint.height() + extra_h))

    @staticmethod
    def _short(text: str) -> str:
        text = " ".join((text or "").split())
        return text if len(text) <= 60 else text[:59] + "…"

    @classmethod
    def _title_of(cls, record: Record) -> str:
        for name in ("name", "title", "metric", "topic", "text", "place"):
            value = getattr(record, name, "")
            if isinstance(value, str) and value.strip():
                return cls._short(value)
        return f"#{record.id}"


__all__ = ["RecordDialog", "new_names", "replace_new_names", "Kind"]
