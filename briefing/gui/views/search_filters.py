"""The search panel's filter row: kind, person, country, topic and a date range.

Each control is compact (a placeholder or an "Any …" entry instead of a label) and
says what it does in its tooltip; ``changed`` fires on every edit and
:meth:`request` reads them all into a :class:`SearchRequest`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget,
)

from briefing.domain import Kind
from briefing.gui.icons import icon, kind_icon
from briefing.gui.search_source import SearchRequest
from briefing.gui.views.country_choice import fill_countries
from briefing.gui.views.person_completion import complete_people

SEARCHABLE_KINDS = [Kind.STATEMENT, Kind.VISIT, Kind.AGREEMENT, Kind.PERSON, Kind.ORGANISATION,
                    Kind.SOURCE, Kind.FIGURE, Kind.STANCE, Kind.BRIEFING]


class SearchFilters(QWidget):
    changed = Signal()

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)

        self.kind = QComboBox(objectName="filterKind")
        self.kind.addItem("All kinds", None)
        for kind in SEARCHABLE_KINDS:
            self.kind.addItem(kind_icon(kind), kind.plural.capitalize(), kind.value)
        self.kind.setToolTip("Show only one kind of record")
        self.kind.setMinimumContentsLength(8)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.person = QLineEdit(objectName="filterPerson", placeholderText="Person")
        self.person.setToolTip("Only records about this person (any spelling or script)")
        self.person.setClearButtonEnabled(True)
        self.person.setMinimumWidth(80)
        complete_people(self.person, store)

        self.country = QComboBox(objectName="filterCountry")
        fill_countries(self.country, "Any country", editable=True)
        self.country.setToolTip("Only records involving this country (a name or a code)")
        self.country.setMaximumWidth(220)

        self.topic = QComboBox(objectName="filterTopic")
        self.topic.setToolTip("Only records tagged with this topic")
        self.topic.setMinimumContentsLength(8)
        self.topic.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reload_topics()

        self.date_from = QLineEdit(objectName="filterFrom", placeholderText="From (2024)")
        self.date_to = QLineEdit(objectName="filterTo", placeholderText="To (2025)")
        for edit in (self.date_from, self.date_to):
            edit.setToolTip("A year, month or day: 2024, 2024-11, 2024-11-05 or 5 November 2024")
            edit.setClearButtonEnabled(True)
            edit.setMinimumWidth(70)
            edit.setMaximumWidth(125)

        self.clear = QToolButton(objectName="filterClear", text="Clear")
        self.clear.setIcon(icon("close"))
        self.clear.setToolTip("Clear the filters")
        self.clear.setAutoRaise(True)
        self.clear.clicked.connect(self.reset)

        for w in (self.kind, self.person, self.country, self.topic, self.date_from,
                  self.date_to, self.clear):
            row.addWidget(w)
        row.addStretch(1)

        self.kind.currentIndexChanged.connect(self.changed)
        self.topic.currentIndexChanged.connect(self.changed)
        self.country.currentTextChanged.connect(self.changed)
        for edit in (self.person, self.date_from, self.date_to):
            edit.textChanged.connect(self.changed)

    def on_theme_changed(self) -> None:
        self.clear.setIcon(icon("close"))
        for i in range(1, self.kind.count()):
            self.kind.setItemIcon(i, kind_icon(SEARCHABLE_KINDS[i - 1]))

    def reload_topics(self) -> None:
        current = self.topic.currentData()
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem("Any topic", "")
        for name in self.store.topics():
            self.topic.addItem(name, name)
        found = self.topic.findData(current) if current else 0
        self.topic.setCurrentIndex(max(0, found))
        self.topic.blockSignals(False)

    def _country_value(self) -> str:
        text = self.country.currentText().strip()
        if not text or text == "Any country":
            return ""
        i = self.country.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.country.itemData(i) if i > 0 else text

    def request(self, text: str) -> SearchRequest:
        kind = self.kind.currentData()
        return SearchRequest(
            text=text, kind=Kind(kind) if kind else None, person=self.person.text().strip(),
            country=self._country_value(), topic=self.topic.currentData() or "",
            date_from=self.date_from.text().strip(), date_to=self.date_to.text().strip(),
        )

    def set_kind(self, kind: Kind | None) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind.value if kind else None)))

    def set_country(self, code: str) -> None:
        i = self.country.findData(code.upper()) if code else 0
        self.country.setCurrentIndex(max(0, i))

    def reset(self) -> None:
        for w in (self.kind, self.topic, self.country, self.person, self.date_from, self.date_to):
            w.blockSignals(True)
        self.kind.setCurrentIndex(0)
        self.topic.setCurrentIndex(0)
        self.country.setCurrentIndex(0)
        self.country.setEditText("")
        for edit in (self.person, self.date_from, self.date_to):
            edit.clear()
        for w in (self.kind, self.topic, self.country, self.person, self.date_from, self.date_to):
            w.blockSignals(False)
        self.changed.emit()
