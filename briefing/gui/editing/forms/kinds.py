"""The form of each record kind, top to bottom (= tab order).  Required fields are
the ones :func:`briefing.validation.problems` insists on."""

from __future__ import annotations

from briefing.domain import AgreementStatus, Kind, StatementKind, VisitKind
from briefing.gui.editing.forms import spec as f
from briefing.gui.editing.forms.rows import offices, parties
from briefing.gui.editing.forms.spec import FormSpec

STATEMENT = FormSpec(Kind.STATEMENT, [
    f.person("speaker_id", "Speaker", required=True, problems=["speaker"],
             tip="Who said it: any name or alias, in any script (Vučić, Вучић, Vucic)"),
    f.date("date", "Date", tip="When it was said; a year or a month is fine"),
    f.lines("text", "Text", 5, "the quote, or a faithful paraphrase", required=True),
    f.choice("statement_kind", "Kind",
             [(StatementKind.DIRECT.value, "direct quote"),
              (StatementKind.PARAPHRASE.value, "paraphrase")],
             problems=["kind '"]),
    f.text("language", "Language", "e.g. en, sr, ru, kk"),
    f.record("occasion_visit_id", "Said during visit", Kind.VISIT,
             "type to find the visit (guest or place)"),
    f.text("occasion", "Occasion", "e.g. joint press statement, EU Enlargement Summit"),
    f.lines("context", "Context", 2, "what prompted it, who it was said to"),
])

VISIT = FormSpec(Kind.VISIT, [
    f.person("guest_id", "Guest", problems=["guest or guest country"],
             tip="The person travelling (or leave empty and give the guest country)"),
    f.country("guest_country", "Guest country"),
    f.country("host_country", "Host country", required=True),
    f.person("host_id", "Host", tip="Who received the guest"),
    f.date("start", "Start", required=True, problems=["start date"]),
    f.date("end", "End", problems=["the visit ends"]),
    f.text("place", "Place", "city or venue"),
    f.choice("visit_kind", "Kind", [("", "")] + [(k.value, k.value) for k in VisitKind],
             editable=True),
    f.lines("purpose", "Purpose", 3),
    f.number("ordinal", "Ordinal", integer=True, minimum=1, problems=["ordinal"],
             placeholder="4 for a fourth visit"),
])

AGREEMENT = FormSpec(Kind.AGREEMENT, [
    f.text("title", "Title", required=True),
    f.choice("agreement_kind", "Kind",
             ["", "agreement", "treaty", "memorandum of understanding", "framework agreement",
              "contract", "protocol", "joint declaration"], editable=True),
    f.text("sector", "Sector", "e.g. energy, defence, trade"),
    f.choice("status", "Status", [(s.value, s.value) for s in AgreementStatus],
             problems=["status"]),
    f.date("signed", "Signed"),
    f.date("in_force", "In force from"),
    f.text("place", "Place", "where it was signed"),
    f.record("visit_id", "Signed during visit", Kind.VISIT, "type to find the visit"),
    parties(),
    f.lines("summary", "Summary", 3),
])

PERSON = FormSpec(Kind.PERSON, [
    f.text("name", "Name", "the usual full name", required=True),
    f.aliases(),
    f.country("country", "Country"),
    f.text("office", "Current office", "e.g. President of Serbia"),
    offices(),
])

ORGANISATION = FormSpec(Kind.ORGANISATION, [
    f.text("name", "Name", required=True),
    f.aliases(),
    f.choice("org_kind", "Kind",
             ["", "ministry", "government", "company", "fund", "agency", "bank", "media",
              "party", "international organisation", "university", "ngo"], editable=True),
    f.country("country", "Country"),
])

SOURCE = FormSpec(Kind.SOURCE, [
    f.text("title", "Title", problems=["a source needs"]),
    f.text("outlet", "Outlet", "newspaper, agency, website"),
    f.text("author", "Author"),
    f.text("url", "URL", "https://…"),
    f.date("published", "Published"),
    f.text("language", "Language", "e.g. en, sr, ru"),
    f.lines("text", "Text", 8, "the whole text, kept for offline reading", keep_whitespace=True),
], common=False, extra=(f.topics(), f.notes()))

FIGURE = FormSpec(Kind.FIGURE, [
    f.text("metric", "Metric", "e.g. trade turnover between Kazakhstan and Serbia",
           required=True),
    f.number("value", "Value", required=True, placeholder="7.5"),
    f.text("unit", "Unit", "%, USD million, companies …", suggestions=[
        "%", "USD", "USD million", "USD billion", "EUR million", "EUR billion", "tonnes",
        "companies", "people"]),
    f.choice("qualifier", "Qualifier",
             ["", "about", "more than", "less than", "as much as", "up to", "at least"],
             editable=True),
    f.country("from_country", "From country"),
    f.country("to_country", "To country"),
    f.text("period", "Period", "e.g. 2024, since November 2024"),
    f.date("as_of", "As of"),
])

STANCE = FormSpec(Kind.STANCE, [
    f.country("holder_country", "Holder country", problems=["holder"],
              tip="The country that holds this position (or give a person)"),
    f.person("holder_person_id", "Holder person"),
    f.text("topic", "Topic", "e.g. Kosovo"),
    f.lines("text", "Position", 3, "e.g. Does not recognise Kosovo's independence.",
            required=True),
])

FORMS: dict[Kind, FormSpec] = {
    s.kind: s for s in (STATEMENT, VISIT, AGREEMENT, PERSON, ORGANISATION, SOURCE, FIGURE, STANCE)
}
