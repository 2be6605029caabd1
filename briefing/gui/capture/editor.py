"""The form for the selected candidate: every field a reviewer may correct before
accepting (speaker, date, kind, text; guest, host, countries, place; title, status,
sector, parties; metric, value, unit, countries), and under it the evidence — the
rule that found it, its flags, what it still lacks, and why it counts as a duplicate.

Edits are written into the candidate as soon as a field reads cleanly; a field that
does not read (an unknown country, "2024-13") shows its error and changes nothing.
``changed(candidate)`` tells the window to review again.  Proposed new names get a
small form too: rename before creating, set the country, or say it is someone the
store already has.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from briefing.domain import AgreementStatus, Kind, VisitKind
from briefing.gui.capture.session import ReviewSession
from briefing.gui.editing.fields import (
    ChoiceField, FieldError, ListField, MultiLineField, NumberField, TextField,
)
from briefing.gui.editing.pickers import NamePicker, NewName
from briefing.gui.editing.widgets import CountryPicker, PartialDateEdit
from briefing.services.capture.candidates import Candidate, EntityRef
from briefing.services.capture.labels import headline

class _NamePicker(NamePicker):
    """A name picker whose hint speaks of accepting, not saving."""

    def hint_for(self, text: str, value) -> str:
        if isinstance(value, NewName):
            self.create_button.hide()
            return f"Not in the store yet: '{text}' will be created if you accept this candidate."
        return super().hint_for(text, value)


_VISIT_KINDS = [("", "—")] + [(k.value, k.value) for k in VisitKind]
_STATUSES = [(s.value, s.value) for s in AgreementStatus]


class CandidateEditor(QWidget):
    changed = Signal(object)  # the candidate (or name key) that was edited

    def __init__(self, session: ReviewSession | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.subject = None
        self.fields: dict[str, QWidget] = {}
        self._filling = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        self.title = QLabel(objectName="captureEditorTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        outer.addWidget(self.title)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 4, 0, 4)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addWidget(self.form_host)
        self.evidence = QLabel(objectName="captureEvidence")
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.evidence)
        outer.addStretch(1)
        self.show_subject(None)

    # --- showing ------------------------------------------------------------------------
    def show_subject(self, subject) -> None:
        """Show the form for a candidate, a name key (``NameKey``), or nothing."""
        self.subject = subject
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        if subject is None or self.session is None:
            self.title.setText("Select a candidate to see where it comes from and to correct it.")
            self.evidence.setText("")
            return
        self._filling = True
        try:
            if isinstance(subject, Candidate):
                self.title.setText(headline(subject, is_new=self.session.is_new))
                getattr(self, f"_build_{subject.KIND}")(subject)
            else:
                self._build_name(subject.key)
        finally:
            self._filling = False
        self.refresh_evidence()
        readonly = self.session.store.readonly or (
            isinstance(subject, Candidate) and self.session.state(subject) == "accepted")
        self.form_host.setEnabled(not readonly)

    def _add(self, name: str, label: str, field: QWidget) -> QWidget:
        self.fields[name] = field
        self.form.addRow(label, field)
        if hasattr(field, "edited"):
            field.edited.connect(lambda n=name: self._edited(n))
        return field

    def _person(self, name: str, label: str, ref: EntityRef | None) -> None:
        picker = _NamePicker(self.session.store, Kind.PERSON, allow_new=True)
        picker.create_button.setEnabled(False)
        self._add(name, label, picker)
        if ref is not None and ref.kind == "person" and ref.record_id is not None:
            picker.set_value(ref.record_id)
        elif ref is not None:
            picker.edit.setText(ref.name)
            picker.refresh()
        picker.create_button.hide()

    def _country(self, name: str, label: str, code: str | None) -> None:
        picker = CountryPicker(self.session.store.country_index)
        picker.set_value(code)
        self._add(name, label, picker)

    def _date(self, name: str, label: str, value) -> None:
        field = PartialDateEdit()
        field.set_value(value)
        self._add(name, label, field)

    def _text(self, name: str, label: str, value: str, placeholder: str = "") -> None:
        field = TextField(placeholder)
        field.set_value(value)
        self._add(name, label, field)

    def _build_statement(self, c) -> None:
        self._person("speaker", "Speaker", c.speaker)
        kind = ChoiceField([("direct", "direct quote"), ("paraphrase", "paraphrase")])
        kind.set_value(c.statement_kind)
        self._add("statement_kind", "Kind", kind)
        self._date("date", "Date", c.date)
        words = MultiLineField(lines=4)
        words.set_value(c.text)
        self._add("text", "Words", words)
        self._text("occasion", "Occasion", c.occasion, "summit, press conference …")

    def _build_visit(self, c) -> None:
        self._person("guest", "Guest", c.guest)
        self._country("guest_country", "Guest country", c.guest_country)
        self._country("host_country", "Host country", c.host_country)
        self._person("host", "Host", c.host)
        self._text("place", "Place", c.place, "city")
        self._date("date", "Start", c.date)
        kind = ChoiceField(_VISIT_KINDS, editable=True)
        kind.set_value(c.visit_kind)
        self._add("visit_kind", "Kind", kind)
        ordinal = NumberField(integer=True, minimum=1, placeholder="e.g. 4 for a fourth visit")
        ordinal.set_value(c.ordinal)
        self._add("ordinal", "Visit number", ordinal)

    def _build_agreement(self, c) -> None:
        self._text("title", "Title", c.title)
        self._text("agreement_kind", "Kind", c.agreement_kind, "agreement, memorandum …")
        status = ChoiceField(_STATUSES)
        status.set_value(c.status)
        self._add("status", "Status", status)
        self._text("sector", "Sector", c.sector, "defence, energy, trade …")
        self._date("date", "Signed", c.date)
        self._text("place", "Place", c.place, "city")
        parties = ListField("countries, organisations, people — separated by ;")
        parties.set_value([p.name for p in c.parties])
        self._add("parties", "Parties", parties)

    def _build_figure(self, c) -> None:
        self._text("metric", "Metric", c.metric)
        value = NumberField()
        value.set_value(c.value)
        self._add("value", "Value", value)
        self._text("unit", "Unit", c.unit, "%, USD, companies …")
        self._text("qualifier", "Qualifier", c.qualifier, "more than, about …")
        self._country("from_country", "From", c.from_country)
        self._country("to_country", "To", c.to_country)
        self._date("date", "As of", c.date)

    def _build_name(self, key: str) -> None:
        item = self.session.proposed(key)
        if item is None:
            return
        person = key.startswith("person:")
        self.title.setText(f"New {'person' if person else 'organisation'}: {item.name}")
        self._text("name", "Name", item.name)
        self._country("country", "Country", item.country)
        if person:
            self._text("office", "Office", getattr(item, "office", ""))
        same = NamePicker(self.session.store, Kind.PERSON if person else Kind.ORGANISATION,
                          allow_new=False)
        existing = self.session.people_map.get(key)
        if existing is not None:
            same.set_value(existing)
        self._add("same_as", "Same as", same)
        same.edit.setPlaceholderText("an existing record, if it is the same one")
        namesakes = self.session.review.ambiguous.get(key, [])
        if namesakes or (key in self.session.people_map and existing is None):
            noun = "person" if person else "organisation"
            fresh = QCheckBox(f"Someone else: create a new {noun} with this name")
            fresh.setChecked(key in self.session.people_map and existing is None)
            fresh.toggled.connect(lambda on: self._edited_fresh(on))
            self.fields["new_namesake"] = fresh
            self.form.addRow("", fresh)

    # --- writing back ---------------------------------------------------------------------
    def _edited(self, name: str) -> None:
        if self._filling or self.subject is None:
            return
        field = self.fields[name]
        try:
            value = field.value()
        except FieldError:
            return  # the field shows why
        if isinstance(self.subject, Candidate):
            self._apply(self.subject, name, value)
        else:
            self._apply_name(self.subject.key, name, value)
            self.refresh_evidence()
        self.changed.emit(self.subject)

    def _edited_fresh(self, on: bool) -> None:
        if self._filling or self.subject is None or isinstance(self.subject, Candidate):
            return
        key = self.subject.key
        if on:
            self.fields["same_as"].set_value(None)
            self.session.map_person(key, None)
        else:
            self.session.unmap(key)
        self.refresh_evidence()
        self.changed.emit(self.subject)

    def _ref(self, value, kind: str = "person") -> EntityRef | None:
        if value is None:
            return None
        if isinstance(value, NewName):
            return self.session.ref_for_name(kind, value.name)
        rec = self.session.store.find(Kind.PERSON if kind == "person" else Kind.ORGANISATION, value)
        return EntityRef(name=rec.name if rec else str(value), kind=kind, record_id=value)

    def _apply(self, c: Candidate, name: str, value) -> None:
        if name in ("speaker", "guest", "host"):
            setattr(c, name, self._ref(value))
        elif name == "parties":
            c.parties = [self._party(text) for text in value]
        elif name == "value":
            c.value = value
        elif name == "ordinal":
            c.ordinal = value
        elif name in ("date", "guest_country", "host_country", "from_country", "to_country"):
            setattr(c, name, value)
        else:
            setattr(c, name, value or "")

    def _party(self, text: str) -> EntityRef:
        store = self.session.store
        country = store.country(text)
        if country is not None:
            return EntityRef(name=country.name, kind="country", code=country.code, mention=text)
        if (oid := store.organisation_id_named(text)) is not None:
            return EntityRef(name=store.get(Kind.ORGANISATION, oid).name, kind="organisation",
                             record_id=oid, mention=text)
        if (pid := store.person_id_named(text)) is not None:
            return EntityRef(name=store.get(Kind.PERSON, pid).name, kind="person",
                             record_id=pid, mention=text)
        if (p := self.session.proposed_named("person", text)) is not None:
            return EntityRef(name=p.name, kind="person", new=True, key=p.key, mention=text)
        return self.session.ref_for_name("organisation", text)

    def _apply_name(self, key: str, name: str, value) -> None:
        item = self.session.proposed(key)
        if item is None:
            return
        if name == "name" and value:
            self.session.rename_proposed(key, value)
        elif name == "country":
            item.country = value
        elif name == "office":
            item.office = value
        elif name == "same_as":
            if value is None:
                self.session.unmap(key)
            else:
                self.session.map_person(key, value)

    # --- evidence ---------------------------------------------------------------------
    def refresh_evidence(self) -> None:
        s = self.subject
        if s is None or self.session is None:
            self.evidence.setText("")
            return
        if not isinstance(s, Candidate):
            users = self.session.referrers(s.key)
            existing = self.session.people_map.get(s.key, self.session.review.people.get(
                s.key, self.session.review.organisations.get(s.key)))
            namesakes = self.session.review.ambiguous.get(s.key, [])
            lines = [f"Named in {len(users)} candidate(s). Created only when one of them is accepted."]
            if existing is not None:
                lines = [f"Is the existing record #{existing}: nothing new will be created."]
            elif namesakes:
                lines = [f"{len(namesakes)} records in the store have this name "
                         f"(#{', #'.join(map(str, namesakes))}): say which one in “Same as”, or tick "
                         "“Someone else”. Until then its candidates cannot be accepted."]
            self.evidence.setText("<br>".join(_esc(x) for x in lines))
            return
        self.title.setText(headline(s, is_new=self.session.is_new))
        v = self.session.verdict(s)
        rows = [f"<b>Found by</b> {_esc(s.rule)}"]
        if getattr(s, "speaker_rule", ""):
            rows.append(f"<b>Speaker</b> {_esc(s.speaker_rule)}")
        if s.date_text and s.date is not None:
            rows.append(f"<b>Date from</b> “{_esc(s.date_text)}”")
        state = self.session.state(s)
        if state == "accepted" and (rec := self.session.record_of(s)) is not None:
            rows.append(f"<b>Stored</b> as {rec[0].value} #{rec[1]}, linked to the article")
        elif v.duplicate:
            rows.append(f"<b>Already in the store</b>: {v.kind.value} #{v.existing_id} ({_esc(v.reason)})"
                        " — accepting will not add it again")
        for p in v.problems:
            if not v.duplicate:
                rows.append(f"<span style='color:#c0392b'><b>Needs</b> {_esc(p)}</span>")
        for f in s.flags:
            rows.append(f"<i>{_esc(f)}</i>")
        self.evidence.setText("<br>".join(rows))


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
