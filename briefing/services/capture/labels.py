"""Short descriptions of candidates, the same in the command line and the review window.

``headline(c)``: "quote · Kassym-Jomart Tokayev", "Agreement on … · signed · energy",
"Ilham Aliyev → Belgrade (RS)", "trade turnover · more than 7%"; ``details(c)``: the
parties, host, countries; ``said(c)``: a statement's words (quoted when direct).
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.domain import Figure
from briefing.services.capture.candidates import Candidate, EntityRef
from briefing.services.record_labels import figure_value

__all__ = ["headline", "details", "label", "said", "ref_name", "KIND_TITLES"]

KIND_TITLES = {"statement": "Statements", "agreement": "Agreements", "visit": "Visits",
               "figure": "Figures"}


IsNew = Callable[[EntityRef], bool]


def _is_new(ref: EntityRef) -> bool:
    return ref.new and ref.record_id is None


def ref_name(ref: EntityRef | None, *, mark_new: bool = True, is_new: IsNew | None = None) -> str:
    """The name, marked "(new)" when accepting would create it (``is_new`` decides:
    by default, what capture proposed)."""
    if ref is None:
        return "?"
    new = mark_new and ref.kind in ("person", "organisation") and (is_new or _is_new)(ref)
    return ref.name + (" (new)" if new else "")


def headline(c: Candidate, *, mark_new: bool = True, is_new: IsNew | None = None) -> str:
    """One line saying what the candidate is."""
    date = c.date.display() if c.date else ""
    if c.KIND == "statement":
        what = "quote" if c.statement_kind == "direct" else "paraphrase"
        who = ref_name(c.speaker, mark_new=mark_new, is_new=is_new) if c.speaker else "no speaker"
        return " · ".join(x for x in (what, who, date) if x)
    if c.KIND == "agreement":
        return " · ".join(x for x in (c.title, c.status, c.sector, date) if x)
    if c.KIND == "visit":
        where = c.place or c.host_country or "?"
        trip = f"{ref_name(c.guest, mark_new=mark_new, is_new=is_new) if c.guest else c.guest_country or '?'} → {where}"
        if c.place and c.host_country:
            trip += f" ({c.host_country})"
        return " · ".join(x for x in (trip, c.visit_kind, date) if x)
    if c.KIND == "figure":  # the value as every other list shows a figure's
        value = figure_value(Figure(value=c.value, unit=c.unit, qualifier=c.qualifier))
        return " · ".join(x for x in (c.metric, value, date) if x)
    return c.KIND


def details(c: Candidate, is_new: IsNew | None = None) -> str:
    """A second line: occasion, parties, host and ordinal, countries of a figure."""
    if c.KIND == "statement" and c.occasion:
        return f"occasion: {c.occasion}"
    if c.KIND == "agreement" and c.parties:
        return "parties: " + ", ".join(ref_name(p, is_new=is_new) for p in c.parties)
    if c.KIND == "visit":
        bits = []
        if c.host is not None:
            bits.append(f"host: {ref_name(c.host, is_new=is_new)}")
        if c.ordinal:
            bits.append(f"visit number {c.ordinal}")
        return "; ".join(bits)
    if c.KIND == "figure" and (c.from_country or c.to_country):
        return f"from {c.from_country or '?'} to {c.to_country or '?'}"
    return ""


def label(c: Candidate, limit: int = 120) -> str:
    """Its own words, cut at ``limit``: a statement's text, an agreement's title, a
    figure's metric, else the sentence it came from."""
    text = getattr(c, "text", "") or getattr(c, "title", "") or getattr(c, "metric", "") or c.sentence
    return text if len(text) <= limit else text[:limit - 1] + "…"


def said(c: Candidate) -> str:
    """A statement's words: “quoted” when direct, plain when paraphrased."""
    if c.KIND != "statement":
        return ""
    return f"“{c.text}”" if c.statement_kind == "direct" else c.text
