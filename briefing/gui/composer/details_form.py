"""The briefing's details: title, meeting date and place, counterpart, our country,
purpose, classification marking, author and status.  Each field is saved when the
user leaves it (or picks from a list): ``detail_edited(field, text)``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from briefing.domain import Briefing, BriefingStatus, Classification
from briefing.gui.views.country_choice import country_completer

# the form's fields: (briefing field, label, placeholder)
LINE_FIELDS = [
    ("title", "Title", "Meeting with …"),
    ("date", "Meeting date", "2026, 2026-03 or 2026-03-14"),
    ("place", "Place", "Astana"),
    ("counterpart_person", "Counterpart", "a person (any spelling)"),
    ("counterpart_country", "Country", "the counterpart's country"),
    ("our_country", "Our country", "e.g. Serbia"),
    ("purpose", "Purpose", "what the meeting is about (its topics rank suggestions)"),
    ("author", "Prepared by", ""),
]


class DetailsForm(QWidget):
    detail_edited = Signal(str, str)  # field, text as typed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, QLineEdit] = {}
        self._shown: dict[str, str] = {}
        form = QFormLayout(self)
        for name, label, hint in LINE_FIELDS:
            edit = QLineEdit(objectName=f"detail_{name}", placeholderText=hint)
            edit.editingFinished.connect(lambda n=name: self._finished(n))
            self.fields[name] = edit
            form.addRow(label, edit)
        for name in ("counterpart_country", "our_country"):
            self.fields[name].setCompleter(country_completer(self))
        self.classification = QComboBox(objectName="detail_classification", editable=True)
        self.classification.addItems([c.value for c in Classification])
        self.classification.lineEdit().editingFinished.connect(
            lambda: self._finished("classification"))
        self.classification.activated.connect(lambda _i: self._finished("classification"))
        form.insertRow(3, "Classification", self.classification)
        self.status = QComboBox(objectName="detail_status")
        self.status.addItems([s.value for s in BriefingStatus])
        self.status.activated.connect(lambda _i: self._finished("status"))
        form.addRow("Status", self.status)

    def _text(self, name: str) -> str:
        if name == "classification":
            return self.classification.currentText().strip()
        if name == "status":
            return self.status.currentText()
        return self.fields[name].text().strip()

    def _finished(self, name: str) -> None:
        text = self._text(name)
        if text != self._shown.get(name):
            self._shown[name] = text
            self.detail_edited.emit(name, text)

    def load(self, b: Briefing | None, country_name=lambda c: c or "") -> None:
        """Show a briefing's details; a field the user is typing in is left alone."""
        values = {} if b is None else {
            "title": b.title, "date": b.date.iso if b.date else "", "place": b.place,
            "counterpart_person": b.counterpart_name,
            "counterpart_country": country_name(b.counterpart_country),
            "our_country": country_name(b.our_country), "purpose": b.purpose,
            "author": b.author, "classification": b.classification, "status": b.status,
        }
        for name, edit in self.fields.items():
            value = values.get(name, "")
            if edit.hasFocus() and edit.isModified():
                continue
            edit.setText(value)
            edit.setModified(False)
            self._shown[name] = value
        if not self.classification.lineEdit().hasFocus():
            self.classification.setEditText(values.get("classification", ""))
            self._shown["classification"] = values.get("classification", "")
        self.status.setCurrentText(values.get("status", BriefingStatus.DRAFT.value))
        self._shown["status"] = self.status.currentText()
        self.setEnabled(b is not None)
