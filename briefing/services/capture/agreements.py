"""Agreements: sentences about signing, concluding or negotiating an agreement.

A sentence is a candidate when it names an agreement (agreement, memorandum, MoU,
deal, treaty, contract, accord) together with a verb of signing or concluding, or
says someone is negotiating.  Parties are the countries (by name, adjective or
capital) and organisations named in the sentence — or, when it has none, the
people signing it, standing for their countries.  The sector is guessed from words;
the status is "negotiating" or "signed".
"""

from __future__ import annotations

import re

from briefing.services.capture.attribution import Attributor
from briefing.services.capture.candidates import AgreementCandidate, EntityRef
from briefing.services.capture.text import TextMap

__all__ = ["find_agreements"]

_NOUN = re.compile(
    r"\b(?P<kind>framework agreements?|intergovernmental agreements?|cooperation agreements?|"
    r"free trade agreements?|memorand(?:um|a) of understanding|memorand(?:um|a)|MoUs?|"
    r"agreements?|deals?|treaty|treaties|contracts?|accords?|protocols?|roadmap)\b", re.I)
_SIGNED = re.compile(r"\b(?:signed|signing|signs|sign|concluded|concluding|inked|sealed|"
                     r"struck|clinched|reached|ratified|initialled|initialed|agreed)\b", re.I)
_NEGOTIATING = re.compile(r"\b(?:negotiating|negotiations?|negotiate|talks on|discussing|"
                          r"working on|in the works|preparing)\b", re.I)
_TALKS_WITH = re.compile(r"\b(?P<kind>negotiat\w*)\s+(?:with|on|over)\b", re.I)
_SECTORS = [
    ("defence", r"defen[cs]e|military|arms|artillery|weapons?|munitions?|army|security|"
                r"high-energy materials|ammunition"),
    ("energy", r"energy|gas|oil|power plant|electricity|gas-turbine|pipeline|nuclear|"
               r"renewable|solar|wind farm|coal|hydro"),
    ("pharmaceutical", r"pharmaceutical|medicines?|drugs?|vaccines?|health"),
    ("trade", r"trade|export|import|customs|tariffs?|investment|economic"),
    ("transport", r"transport|railway|rail|road|aviation|airline|logistics|port"),
    ("technology", r"technolog\w+|digital|artificial intelligence|\bAI\b|IT\b|telecom"),
    ("agriculture", r"agricultur\w+|farm\w*|food|grain|wheat"),
    ("culture", r"cultur\w+|education|humanitarian|tourism"),
]
_SUBJECT = re.compile(r"(?:agreement|memorandum|deal|treaty|contract|accord|protocol)s?\s+"
                      r"(?:was\s+signed\s+|were\s+signed\s+)?(?P<prep>on|to|for|about|covering)\s+"
                      r"(?P<what>[^;—]+?)(?=\.?$|[;—]|,\s+(?:which|signed|while|as|and the|but)\b)", re.I)


def find_agreements(tm: TextMap, att: Attributor) -> list[AgreementCandidate]:
    text = tm.text
    out: list[AgreementCandidate] = []
    for sent in tm.sentences:
        s = text[sent.start:sent.end]
        noun = _NOUN.search(s)
        negotiating = _NEGOTIATING.search(s)
        if noun is None and negotiating is not None and _TALKS_WITH.search(s):
            noun = _TALKS_WITH.search(s)  # "X has been negotiating with Y to …"
        if noun is None or att.in_quote(sent.start + noun.start()):
            continue
        signed = _SIGNED.search(s)
        framework = noun.group("kind").lower().startswith("framework")
        if not (signed or negotiating or framework):
            continue
        status = "negotiating" if negotiating and not (signed and signed.start() < negotiating.start()) else "signed"
        kind = _kind(noun.group("kind"))
        subject = _SUBJECT.search(s)
        title = kind[0].upper() + kind[1:]
        if subject:
            what = subject["what"].strip()
            if len(what) > 110:
                what = what[:110].rsplit(" ", 1)[0] + "…"
            title += f" {subject['prep']} {what}"
        place = _place(s[:noun.start()], att) or _place(s, att)
        flags = []
        if re.search(r"\b(?:several|many|some|a number of|various)\b", s[:noun.end()], re.I):
            flags.append("several agreements in one sentence")
        out.append(AgreementCandidate(
            start=sent.start, end=sent.end, sentence=s,
            rule="agreement + " + ("negotiating" if status == "negotiating" else "signed/concluded"),
            title=title, agreement_kind=kind, sector=_sector(s), status=status,
            parties=_parties(sent.start, sent.end, att, place), place=place,
            flags=flags))
    return out


def _kind(word: str) -> str:
    w = word.lower().rstrip("s")
    if w.startswith("negotiat"):
        return "agreement"
    if w.startswith("memorand") or w.startswith("mou"):
        return "memorandum of understanding"
    if w.startswith("treat"):
        return "treaty"
    return {"deal": "deal", "contract": "contract", "accord": "accord", "protocol": "protocol",
            "roadmap": "roadmap"}.get(w, w if "agreement" in w else "agreement")


def _sector(sentence: str) -> str:
    best, score = "", 0
    for sector, pattern in _SECTORS:
        n = len(re.findall(rf"\b(?:{pattern})", sentence, re.I))
        if n > score:
            best, score = sector, n
    return best


def _parties(start: int, end: int, att: Attributor, place: str) -> list[EntityRef]:
    parties: list[EntityRef] = []
    seen: set[str] = set()
    people: list[EntityRef] = []

    def add(ref: EntityRef | None) -> None:
        if ref is None:
            return
        key = ref.code or ref.key or str(ref.record_id) or ref.name
        if key not in seen:
            seen.add(key)
            parties.append(ref)

    for m in att.mentions_in(start, end):
        if att.in_quote(m.start):
            continue
        if m.kind == "place" and m.text != place:
            continue  # "Days before landing in Astana, … signed in Belgrade": not a party
        if m.kind in ("country", "place", "demonym") and m.country:
            add(EntityRef(name=att.book.gaz.country_name(m.country), kind="country",
                          code=m.country, mention=m.text))
        elif m.kind == "organisation" and not _is_event(m.text):
            add(att.book.organisation(m.text, m.start, m.record_id))
        elif m.kind == "person":
            entity = att.book.entity_for(m)
            if entity is not None:
                people.append(entity.ref(mention=m.text))
                if entity.country:
                    add(EntityRef(name=att.book.gaz.country_name(entity.country), kind="country",
                                  code=entity.country, mention=m.text))
        elif m.kind == "nominal" and m.country:
            add(EntityRef(name=att.book.gaz.country_name(m.country), kind="country",
                          code=m.country, mention=m.text))
    if not parties:
        for p in people:
            add(p)
    return parties


def _is_event(name: str) -> bool:
    return bool(re.search(r"\b(?:Forum|Summit|Council|Conference|Festival|Order)\b", name))


def _place(sentence: str, att: Attributor) -> str:
    """The city "in …" nearest the end of ``sentence`` (the part before the agreement)."""
    found = ""
    for m in re.finditer(r"\bin\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)", sentence):
        if att.book.gaz.place_country(m.group(1)):
            found = m.group(1)
    return found
