"""Paraphrased statements: reported speech without quotation marks.

``X repeated that …``, ``X reminded that …``, ``X stressed that …``, ``X said (that) …``,
``X thanked … for …``, ``…, X said.`` and ``…, according to X``.  The speaker is a
named person (or a pronoun meaning one); the statement is the reported clause.
Sentences holding a direct quote are left to :mod:`quotes`.
"""

from __future__ import annotations

import re

from briefing.services.capture.attribution import Attributor
from briefing.services.capture.candidates import StatementCandidate
from briefing.services.capture.text import TextMap

__all__ = ["find_paraphrases", "occasion"]

_OCCASION = re.compile(
    r"\b(?:[Aa]t|during|after)\s+(?:the|a|an|his|her)\s+(?P<occ>[^,.;“”\"]{3,60}?(?:Summit|Conference|"
    r"Forum|Assembly|meeting|conference|press statement|statement|briefing|interview|talks|"
    r"summit|forum|session|visit|ceremony|debate|speech|address))\b")


def occasion(sentence: str) -> str:
    """Where it was said: "At the EU Enlargement Summit", "during a joint press statement"."""
    m = _OCCASION.search(sentence)
    return m.group("occ") if m else ""

_REPORTING = (r"repeated|reiterated|reminded|stressed|emphasi[sz]ed|underlined|noted|"
              r"pointed out|warned|insisted|argued|said|says|stated|added|announced|"
              r"acknowledged|confirmed|explained|claimed|told [\w\s]{1,30}?|assured [\w\s]{1,30}?")
_ADVERBS = r"(?:(?:also|further|again|previously|later|then|once|has|had|have|\w+ly)\s+)*"
_THAT = re.compile(rf"\b(?P<verb>{_REPORTING})\s+(?:\w+\s+)?that\s+(?P<clause>.+)$", re.S)
_SAID_CLAUSE = re.compile(r"\b(?P<verb>said|says|added|stated)\s+(?P<clause>(?!that\b)[a-z].+)$", re.S)
_THANKED = re.compile(r"\b(?P<verb>thanked|thanks)\s+(?P<clause>.+?\bfor\b.+)$", re.S)
_TRAILING = re.compile(
    rf"^(?P<clause>.+?),\s+(?P<who>[^,]{{1,80}}?)\s+{_ADVERBS}(?:said|says|added|stated|noted|told \w+)"
    r"(?:\s+\w+){0,2}\.?$", re.S)
_ACCORDING = re.compile(r"^(?P<clause>.+?),\s+according to\s+(?P<who>.+?)\.?$", re.S)
_QUOTE_MARKS = re.compile(r"[“”\"«»„]")


def find_paraphrases(tm: TextMap, att: Attributor) -> list[StatementCandidate]:
    text = tm.text
    out: list[StatementCandidate] = []
    for sent in tm.sentences:
        s = text[sent.start:sent.end]
        if _QUOTE_MARKS.search(s) or len(s) < 20:
            continue
        found = _match(s, sent.start, att)
        if found is None:
            continue
        rule, speaker, clause, speaker_rule = found
        clause = clause.strip().rstrip(".").strip()
        if len(clause.split()) < 3:
            continue
        out.append(StatementCandidate(
            start=sent.start, end=sent.end, sentence=s, rule=rule,
            text=clause[0].upper() + clause[1:], statement_kind="paraphrase",
            speaker=speaker, speaker_rule=speaker_rule, occasion=occasion(s),
            flags=[] if speaker else ["no attribution"]))
    return out


def _match(s: str, offset: int, att: Attributor):
    for rule, pattern in (("X reported that …", _THAT), ("X thanked … for …", _THANKED),
                          ("X said …", _SAID_CLAUSE)):
        m = pattern.search(s)
        if not m:
            continue
        who = _speaker_before(s, m.start("verb"), offset, att)
        if who is not None:
            clause = m.group("clause")
            if rule == "X thanked … for …":
                clause = m.group("verb") + " " + clause
            return rule, who[0], clause, who[1]
    if m := _TRAILING.match(s):
        ref = _named(m.group("who"), offset + m.start("who"), att)
        if ref is not None:
            return "…, X said", ref[0], m.group("clause"), ref[1]
    if m := _ACCORDING.match(s):
        ref = _named(m.group("who"), offset + m.start("who"), att)
        if ref is not None:
            return "…, according to X", ref[0], m.group("clause"), ref[1]
    return None


def _speaker_before(s: str, verb_at: int, offset: int, att: Attributor):
    """The subject right before the reporting verb: a name ending within a few words
    of it, or a pronoun."""
    before = s[:verb_at]
    if re.search(r"\b(?:he|she|He|She)\s+" + _ADVERBS + r"$", before):
        ref = att.pronoun(offset + verb_at - len(before) + before.rfind("e"))
        return (ref, "pronoun") if ref else None
    near = before[-60:]
    mentions = att.mentions_in(offset + verb_at - len(near), offset + verb_at)
    people = [m for m in mentions if m.kind == "person" and not m.possessive]
    if not people:
        return None
    last = people[-1]
    between = s[last.end - offset:verb_at]
    if not re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,60},\s*)?" + _ADVERBS, between):
        return None
    return att.ref(last), "name before the verb"


def _named(who: str, pos: int, att: Attributor):
    if re.fullmatch(r"\s*(?:him|her|he|she)\s*", who):
        ref = att.pronoun(pos)
        return (ref, "pronoun") if ref else None
    ref = att.subject(pos, pos + len(who))
    if ref is not None and ref.kind == "person":
        return ref, "name in the attribution"
    return None
