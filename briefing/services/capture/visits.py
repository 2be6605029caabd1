"""Visits: someone travelling to another country.

Cues: ``visit to X``, ``X's visit to Y``, ``visited Y``, ``during his official visit to
Y``, ``welcomed X in Y`` (X is the guest, the subject is the host), ``arrived in Y``,
``landed in Y``.  The guest is the named subject (or the person a pronoun means); the
host country comes from the country or city named; "at the invitation of X" names
the host.  An invitation ("invited him to visit") is not a visit.  Candidates for
the same guest and host country in one article are merged.
"""

from __future__ import annotations

import re

from briefing.services.capture.attribution import Attributor
from briefing.services.capture.candidates import EntityRef, VisitCandidate
from briefing.services.capture.text import TextMap

__all__ = ["find_visits"]

_KINDS = {"state": "state", "official": "official", "working": "working", "private": "private"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_PLACE = r"(?P<place>(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
_CUES = [
    ("visit to X", re.compile(
        rf"\b(?:(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+)?"
        rf"(?:(?P<kind>state|official|working|private)\s+)?visit\s+to\s+{_PLACE}")),
    ("visited X", re.compile(rf"\bvisited\s+{_PLACE}")),
    ("welcomed X in Y", re.compile(
        rf"\b(?:welcomed|received|hosted)\s+(?P<guest>[^,.;]{{3,80}}?)\s+in\s+{_PLACE}")),
    ("arrived in X", re.compile(rf"\b(?:arrived|landed|landing|arriving)\s+in\s+{_PLACE}")),
]
_INVITED = re.compile(r"\b(?:invited|invites|invite|inviting|plans? to|will|would|to)\s+(?:\w+\s+){0,3}$")
_HOST = re.compile(r"\b(?:at the invitation of|hosted by|welcomed by|received by)\s+(?P<host>[^,.;]{3,80})")


def find_visits(tm: TextMap, att: Attributor) -> list[VisitCandidate]:
    text = tm.text
    gaz = att.book.gaz
    out: list[VisitCandidate] = []
    for rule, pattern in _CUES:
        for m in pattern.finditer(text):
            if att.in_quote(m.start()):
                continue
            sent = tm.sentence_at(m.start())
            if rule == "visited X" and _INVITED.search(text[sent.start:m.start()][-40:]):
                continue
            if rule == "visit to X" and re.search(r"\bto\s+$", text[max(0, m.start() - 4):m.start()]):
                continue  # "invited Tokayev to visit Belgrade": an invitation
            place = re.sub(r"^the\s+", "", m["place"])
            host_country = gaz.country(place) or gaz.place_country(place)
            if host_country is None:
                first = place.split()[0]
                host_country = gaz.country(first) or gaz.place_country(first)
                if host_country is None:
                    continue
            city = place if not gaz.country(place) else ""
            if rule == "welcomed X in Y":
                guest = att.subject(m.start("guest"), m.end("guest"))
                host = att.subject(sent.start, m.start())
            else:
                guest = _guest(text, sent.start, m.start(), att)
                host = None
            if (h := _HOST.search(text, sent.start, sent.end)) is not None:
                host = att.subject(h.start("host"), h.end("host")) or host
            candidate = VisitCandidate(
                start=m.start(), end=m.end(), sentence=text[sent.start:sent.end], rule=rule,
                guest=guest, guest_country=_country_of(guest, att), host_country=host_country,
                host=host, place=city, visit_kind=_KINDS.get((m.groupdict().get("kind") or ""), ""),
                ordinal=_ORDINALS.get(m.groupdict().get("ordinal") or ""))
            if guest is None:
                candidate.flags.append("guest not named")
            if candidate.guest_country and candidate.guest_country == host_country:
                continue  # travel at home is not a visit abroad
            out.append(candidate)
    _learn_host_countries(out, att)
    return _merge(sorted(out, key=lambda v: v.start))


def _learn_host_countries(visits: list[VisitCandidate], att: Attributor) -> None:
    """A host "at the invitation of President X" in Kazakhstan is Kazakh; then "the
    Kazakh president" elsewhere can be named."""
    for v in visits:
        if v.host is not None and v.host.key:
            for e in att.book.entities:
                if e.key == v.host.key and e.country is None:
                    e.country = v.host_country
    for v in visits:
        if v.guest is not None and v.guest.key == "" and v.guest.record_id is None:
            for m in att.mentions:
                if m.kind == "nominal" and m.text == v.guest.mention and (ref := att.nominal(m)):
                    v.guest = ref
                    break


def _guest(text: str, sent_start: int, pos: int, att: Attributor) -> EntityRef | None:
    """Whose visit: a possessive right before ("Vučić's visit"), a pronoun ("his
    visit"), else the sentence's subject."""
    before = text[sent_start:pos]
    poss = [m for m in att.mentions_in(max(sent_start, pos - 40), pos) if m.possessive]
    if poss and poss[-1].kind in ("person", "unknown", "nominal"):
        return att.ref(poss[-1])
    if re.search(r"\b(?:his|her)\s+(?:\w+\s+){0,2}$", before) or re.match(r"^\s*(?:He|She)\b", before):
        return att.pronoun(sent_start if re.search(r"\b(?:his|her)\b", before) else pos)
    sent_end = att.tm.sentence_at(pos).end
    for m in [*att.mentions_in(sent_start, pos), *att.mentions_in(pos, sent_end)]:
        if m.kind in ("person", "nominal") and not att.in_quote(m.start):
            return att.ref(m) or (EntityRef(name=m.text, kind="person", mention=m.text)
                                  if m.kind == "nominal" else None)
    return None


def _country_of(ref: EntityRef | None, att: Attributor) -> str | None:
    if ref is None:
        return None
    for e in att.book.entities:
        if (ref.key and e.key == ref.key) or (ref.record_id is not None and e.record_id == ref.record_id):
            return e.country
    for m in att.mentions:
        if m.kind == "nominal" and m.text == ref.mention:
            return m.country
    return None


def _merge(visits: list[VisitCandidate]) -> list[VisitCandidate]:
    """One candidate per guest and host country; the first keeps the details of the rest."""
    out: list[VisitCandidate] = []
    for v in visits:
        key = (v.guest.key or v.guest.record_id or v.guest.name) if v.guest else None
        same = next((o for o in out if o.host_country == v.host_country and key is not None
                     and o.guest and (o.guest.key or o.guest.record_id or o.guest.name) == key), None)
        if same is None:
            out.append(v)
            continue
        same.place = same.place or v.place
        same.host = same.host or v.host
        same.visit_kind = same.visit_kind or v.visit_kind
        same.ordinal = same.ordinal or v.ordinal
        same.guest_country = same.guest_country or v.guest_country
        same.flags.append(f"also: '{v.sentence[:80]}'")
    return out
