"""The "New briefing" dialog (Ctrl+N): title, counterpart, our country, date, place,
purpose and marking.  An unknown country or person is said in plain words next to
the fields, with the closest names offered; the dialog stays open with everything
typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QVBoxLayout, QWidget,
)

from briefing.domain import Classification
from briefing.gui.views.country_choice import country_completer
from briefing.services import composer


class NewBriefingDialog(QDialog):
    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New briefing")
        self.setObjectName("newBriefingDialog")
        self.store = store
        self.briefing_id: int | None = None
        self.title = QLineEdit(objectName="newTitle", placeholderText="Meeting with President …")
        self.person = QLineEdit(objectName="newPerson", placeholderText="any spelling: Tokayev, Токаев")
        self.country = QLineEdit(objectName="newCountry",
                                 placeholderText="the counterpart's country (or leave it to the person's)")
        self.our_country = QLineEdit(objectName="newOurCountry")
        self.our_country.setText(store.country_name(store.get_setting("our_country")) or "")
        self.date = QLineEdit(objectName="newDate", placeholderText="2026-12 or 2026-12-09")
        self.place = QLineEdit(objectName="newPlace")
        self.purpose = QLineEdit(objectName="newPurpose", placeholderText="e.g. trade and energy")
        self.classification = QComboBox(objectName="newClassification", editable=True)
        self.classification.addItems([c.value for c in Classification])
        self.classification.setCurrentText(Classification.RESTRICTED.value)
        self.draft = QCheckBox("Start from the suggested draft", objectName="newDraft", checked=True)
        self.error = QLabel(objectName="formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        for edit in (self.country, self.our_country):
            edit.setCompleter(country_completer(self))

        form = QFormLayout()
        for label, w in (("Title", self.title), ("Counterpart", self.person),
                         ("Country", self.country), ("Our country", self.our_country),
                         ("Date", self.date), ("Place", self.place), ("Purpose", self.purpose),
                         ("Classification", self.classification)):
            form.addRow(label, w)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.draft)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def create(self) -> int | None:
        """Create the briefing (and its draft); on a problem say it and stay open."""
        try:
            bid = composer.new_briefing(
                self.store, title=self.title.text(), country=self.country.text(),
                our_country=self.our_country.text(), person=self.person.text(),
                date=self.date.text(), place=self.place.text(), purpose=self.purpose.text(),
                classification=self.classification.currentText())
        except composer.ComposerError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return None
        if self.draft.isChecked():
            composer.add_draft(self.store, bid)
        self.briefing_id = bid
        self.accept()
        return bid
