"""Inputs that hold a short list of small sub-records: an agreement's parties and a
person's offices.  Each entry is a row of inputs with a Remove button; "Add …" appends
an empty row and puts the cursor in it.  Empty rows are ignored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QStackedWidget,
    QVBoxLayout, QWidget,
)

from briefing.domain import Kind, Office, Party, PartyRole
from briefing.gui.editing.fields import Field, FieldError, TextField
from briefing.gui.editing.forms.spec import FieldSpec, FormContext
from briefing.gui.editing.pickers import NamePicker, NewName
from briefing.gui.editing.widgets import CountryPicker, PartialDateEdit


class _Row(QFrame):
    """One entry: its inputs (``fields``) and a Remove button."""

    def __init__(self, owner: "RowsField"):
        super().__init__(owner.rows_box)  # created in place: no reparenting, no hidden row
        self.owner = owner
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(6, 4, 6, 4)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.remove = QPushButton("Remove", self)
        self.remove.setToolTip("Remove this entry")
        self.remove.clicked.connect(lambda: owner.remove_row(self))
        self.fields: list[Field] = []

    def watch(self, *fields: Field) -> None:
        for f in fields:
            self.fields.append(f)
            f.edited.connect(self.owner.edited.emit)

    def focus_order(self) -> list[QWidget]:
        return []


class RowsField(Field):
    add_label = "Add"
    noun = "entry"

    def __init__(self, ctx: FormContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        box = self.rows_box = QWidget(self)
        self.rows_layout = QVBoxLayout(box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(4)
        self.add_button = QPushButton(self.add_label, box)
        self.add_button.clicked.connect(self._add_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        self.rows_layout.addLayout(bar)
        self.row.addWidget(box)
        self.rows: list[_Row] = []

    def make_row(self) -> _Row:
        raise NotImplementedError

    def read_row(self, row: _Row):
        """The sub-record of a row, ``None`` for an empty row; FieldError if wrong."""
        raise NotImplementedError

    def fill_row(self, row: _Row, value) -> None:
        raise NotImplementedError

    def add_row(self, value=None) -> _Row:
        row = self.make_row()
        self.rows.append(row)
        self.rows_layout.insertWidget(len(self.rows) - 1, row)
        row.show()  # at once, so Tab can reach it before the next event loop turn
        if value is not None:
            self.fill_row(row, value)
        return row

    def remove_row(self, row: _Row) -> None:
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self.edited.emit()
        self.add_button.setFocus()

    def _add_clicked(self) -> None:
        row = self.add_row()
        order = row.focus_order()
        if order:
            order[0].setFocus()
        self.edited.emit()


    def value(self) -> list:
        out = []
        for i, row in enumerate(self.rows, 1):
            try:
                item = self.read_row(row)
            except FieldError as exc:
                raise FieldError(f"{self.noun} {i}: {exc}") from None
            if item is not None:
                out.append(item)
        return out

    def set_value(self, items) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()
        for item in items or []:
            self.add_row(item)
        self.refresh()

    def set_text(self, text: str) -> None:
        raise NotImplementedError("fill the rows' inputs instead")

    def focus_widget(self) -> QWidget:
        order = self.rows[0].focus_order() if self.rows else []
        return order[0] if order else self.add_button

    def focus_chain(self) -> list[QWidget]:
        return [w for r in self.rows for w in (*r.focus_order(), r.remove)] + [self.add_button]


# --- agreement parties ---------------------------------------------------------------------
PARTY_KINDS = [("country", "Country"), ("organisation", "Organisation"), ("person", "Person")]


class _PartyRow(_Row):
    def __init__(self, owner: "PartiesField"):
        super().__init__(owner)
        ctx = owner.ctx
        self.kind = QComboBox(self)
        for value, label in PARTY_KINDS:
            self.kind.addItem(label, value)
        self.kind.setAccessibleName("Party kind")
        self.stack = QStackedWidget(self)
        self.country = CountryPicker(ctx.store.country_index, self)
        self.organisation = NamePicker(ctx.store, Kind.ORGANISATION, parent=self)
        self.person = NamePicker(ctx.store, Kind.PERSON, parent=self)
        for w in (self.country, self.organisation, self.person):
            self.stack.addWidget(w)
        self.role = QComboBox(self)
        for r in PartyRole:
            self.role.addItem(r.value, r.value)
        self.role.setAccessibleName("Role")
        self.grid.addWidget(self.kind, 0, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(self.stack, 0, 1)
        self.grid.addWidget(self.role, 0, 2, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(self.remove, 0, 3, Qt.AlignmentFlag.AlignTop)
        self.grid.setColumnStretch(1, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.watch(self.country, self.organisation, self.person)
        self.role.currentIndexChanged.connect(lambda _i: owner.edited.emit())

    def current(self) -> Field:
        return self.stack.currentWidget()

    def _kind_changed(self, i: int) -> None:
        self.stack.setCurrentIndex(i)
        self.owner.edited.emit()

    def focus_order(self) -> list[QWidget]:
        return [self.kind, *self.current().focus_chain(), self.role]


class PartiesField(RowsField):
    """An agreement's parties: countries, organisations or people, each with a role."""

    add_label = "Add party"
    noun = "party"

    def make_row(self) -> _PartyRow:
        return _PartyRow(self)

    def read_row(self, row: _PartyRow) -> Party | None:
        kind = row.kind.currentData()
        ref = row.current().value()
        if ref is None:
            return None
        return Party(party_kind=kind, ref=ref, role=row.role.currentData())

    def fill_row(self, row: _PartyRow, party: Party) -> None:
        i = [k for k, _ in PARTY_KINDS].index(party.party_kind)
        row.kind.setCurrentIndex(i)
        row.current().set_value(party.ref)
        j = row.role.findData(party.role)
        row.role.setCurrentIndex(max(j, 0))

    def add_party(self, kind: str, text: str, role: str = "party") -> _PartyRow:
        """Add a row and type ``text`` into it (for tests and scripted use)."""
        row = self.add_row()
        row.kind.setCurrentIndex([k for k, _ in PARTY_KINDS].index(kind))
        row.current().set_text(text)
        row.role.setCurrentIndex(max(row.role.findData(role), 0))
        self.edited.emit()
        return row


def parties() -> FieldSpec:
    return FieldSpec("parties", "Parties", lambda ctx: PartiesField(ctx), (), False,
                     "Countries, organisations and people that are party to the agreement")


# --- a person's offices ------------------------------------------------------------------
class _OfficeRow(_Row):
    def __init__(self, owner: "OfficesField"):
        super().__init__(owner)
        ctx = owner.ctx
        self.title = TextField("title, e.g. Minister of Foreign Affairs", parent=self)
        self.country = CountryPicker(ctx.store.country_index, self)
        self.organisation = NamePicker(ctx.store, Kind.ORGANISATION, parent=self)
        self.start = PartialDateEdit(self)
        self.end = PartialDateEdit(self)
        g = self.grid
        for col, (label, w) in enumerate([("Title", self.title), ("Country", self.country)]):
            g.addWidget(QLabel(label, self), 0, col * 2, Qt.AlignmentFlag.AlignTop)
            g.addWidget(w, 0, col * 2 + 1)
        g.addWidget(QLabel("Organisation", self), 1, 0, Qt.AlignmentFlag.AlignTop)
        g.addWidget(self.organisation, 1, 1, 1, 3)
        g.addWidget(QLabel("From", self), 2, 0, Qt.AlignmentFlag.AlignTop)
        g.addWidget(self.start, 2, 1)
        g.addWidget(QLabel("To", self), 2, 2, Qt.AlignmentFlag.AlignTop)
        g.addWidget(self.end, 2, 3)
        g.addWidget(self.remove, 0, 4, Qt.AlignmentFlag.AlignTop)
        g.setColumnStretch(1, 2)
        g.setColumnStretch(3, 1)
        self.watch(self.title, self.country, self.organisation, self.start, self.end)

    def focus_order(self) -> list[QWidget]:
        return [w for f in (self.title, self.country, self.organisation, self.start, self.end)
                for w in f.focus_chain()]


class OfficesField(RowsField):
    """The posts a person held, with dates."""

    add_label = "Add office"
    noun = "office"

    def make_row(self) -> _OfficeRow:
        return _OfficeRow(self)

    def read_row(self, row: _OfficeRow) -> Office | None:
        title = row.title.value()
        values = [row.country.value(), row.organisation.value(), row.start.value(), row.end.value()]
        if not title:
            if any(v is not None for v in values):
                raise FieldError("title is required")
            return None
        country, org, start, end = values
        if start and end and end < start:
            raise FieldError("it ends before it starts")
        return Office(title=title, country=country, organisation_id=org, start=start, end=end)

    def fill_row(self, row: _OfficeRow, office: Office) -> None:
        row.title.set_value(office.title)
        row.country.set_value(office.country)
        row.organisation.set_value(office.organisation_id)
        row.start.set_value(office.start)
        row.end.set_value(office.end)


def offices() -> FieldSpec:
    return FieldSpec("offices", "Offices held", lambda ctx: OfficesField(ctx), (), False,
                     "Posts this person held, with dates (partial dates are fine)")


__all__ = ["PartiesField", "OfficesField", "parties", "offices", "NewName"]
