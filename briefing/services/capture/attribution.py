"""Who said it: speaker cues around a quotation or in a reported-speech sentence.

The cues are the news conventions: ``X said`` / ``said X`` right after a quote,
``X said:`` / ``X added,`` right before one, ``according to X``, ``X stated during``,
a pronoun (``he said``) meaning the nearest person named before, and nominals
(``the Kazakh president``) matched to a person of that country in the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefing.services.capture.candidates import EntityRef
from briefing.services.capture.names import TITLE_WORDS, Mention
from briefing.services.capture.people import PeopleBook
from briefing.services.capture.text import Span, TextMap

__all__ = ["SPEECH_VERBS", "Attribution", "Attributor"]

SPEECH_VERBS = (
    "said|says|say|added|adds|stated|states|told|tells|explained|explains|noted|notes|"
    "continued|continues|asked|asks|replied|replies|wrote|writes|recalled|recalls|insisted|"
    "insists|argued|argues|warned|warns|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
    "declared|declares|announced|announces|remarked|remarks|commented|comments|concluded|"
    "joked|jokes|quipped|admitted|admits|acknowledged|acknowledges|claimed|claims|suggested|"
    "suggests|pointed out|points out|observed|went on|underlined|underlines|reiterated|"
    "reiterates|repeated|repeats|answered|answers|responded|responds|tweeted|posted|"
    "cautioned|predicted|conceded|confirmed|confirms|shouted|yelled|whispered|testified|"
    "reminded|reminds|thanked|described|describes|called|calls|recounted|texted|emailed|"
    "e-mailed|boasted|complained|complains|lamented|laments|vowed|vows|promised|urged|"
    "urges|assured|assures|affirmed|observes|predicts|explained|counters|countered|adds|"
    "saying|adding|noting|telling|writing|explaining|stating|arguing|warning|insisting|"
    "declaring|recalling|asking|pleaded|pleads|begged|begs|demanded|demands"
)
_VERB = rf"(?:{SPEECH_VERBS})"
_ADVERB = r"(?:\w+ly\s+|also\s+|later\s+|then\s+|once\s+|has\s+|had\s+|have\s+|would\s+|will\s+)*"
_PRONOUN = r"(?:he|she|they|I|we|He|She|They|We)"

# after the quote: `, Tokayev said after …` / `, said Vučić after …` / `, he added.`
_POST_PRONOUN = re.compile(rf"^\s*(?P<pron>{_PRONOUN})\s+{_ADVERB}{_VERB}\b")
_POST_VERB_FIRST = re.compile(rf"^\s*{_ADVERB}(?P<verb>{_VERB})\b\s*")
_POST_SUBJECT_FIRST = re.compile(rf"^(?P<subject>.{{1,140}}?)\s+{_ADVERB}(?P<verb>{_VERB})\b")
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>him|her|them|the\s+\w+|\S)", re.I)


# a subject with a verb of its own is a clause ("Wage gains have been flat …, he
# said"): the cue belongs to that clause, not to the quote before it
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|been|be|have|has|had|will|would|can|could|"
                          r"should|did|does|do)\b")


def _is_clause(subject: str) -> bool:
    return bool(_CLAUSE_VERB.search(subject))


@dataclass
class Attribution:
    speaker: EntityRef | None
    rule: str
    flags: list[str]


_ROLE_SUBJECT = re.compile(r"^\s*(?:the|a|an|his|her|their|its)\s+(?P<role>(?:[a-z-]+\s+){0,2}[a-z-]+)\s*$")


# "notes", "remarks", "claims" after these words are nouns, not speech verbs
_NOUN_USE = re.compile(r"\b(?:a|an|the|his|her|their|its|our|providing|of|these|those|some|"
                       r"with|and|for|new|such|any|no)\s+$", re.I)


class Attributor:
    def __init__(self, tm: TextMap, mentions: list[Mention], book: PeopleBook) -> None:
        self.tm = tm
        self.text = tm.text
        self.mentions = mentions
        self.book = book
        self._starts = [m.full_start for m in mentions]
        self._quoted: list[Span] = []
        self._quoted_starts: list[int] = []

    def set_quoted(self, spans: list[Span]) -> None:
        """The quoted passages: names inside them are never the speaker's subject."""
        self._quoted = sorted(spans, key=lambda s: s.start)
        self._quoted_starts = [s.start for s in self._quoted]

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self._quoted[i].contains(pos)

    # --- lookups ----------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].full_start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def ref(self, m: Mention) -> EntityRef | None:
        """The speaker a mention names (registering new people as needed)."""
        if m.kind in ("person", "unknown"):
            e = self.book.entity_for(m) or self.book.person_named(m.text, m.start)
            return e.ref(mention=m.text)
        if m.kind == "organisation":
            return self.book.organisation(m.text, m.start, m.record_id)
        if m.kind == "country":
            return EntityRef(name=self.book.gaz.country_name(m.country), kind="country",
                             code=m.country, mention=m.text)
        if m.kind == "nominal":
            return self.nominal(m)
        return None

    def nominal(self, m: Mention) -> EntityRef | None:
        """"the Kazakh president": the one person of that country titled so."""
        title = m.title.split()[-1].lower()
        fits = [e for e in self.book.entities
                if e.country == m.country and title in e.title.lower()]
        if len(fits) == 1:
            return fits[0].ref(mention=m.text)
        return None

    def _people_in(self, start: int, end: int) -> list[Mention]:
        out = []
        for m in self.mentions_in(start, end):
            if m.kind == "person" and not self.in_quote(m.start):
                e = self.book.entity_for(m)
                if e is not None and e.confirmed:
                    out.append(m)
        return out

    def pronoun(self, pos: int, sentences: int = 6) -> EntityRef | None:
        """"he", "she": the subject (first person named) of the sentence so far, else
        of the nearest sentence before that names a person."""
        idx = self.tm.sentence_index(pos)
        found = self._people_in(self.tm.sentences[idx].start, pos)
        j = idx - 1
        while not found and j >= 0 and idx - j <= sentences:
            s = self.tm.sentences[j]
            found = self._people_in(s.start, s.end)
            j -= 1
        if not found:
            return None
        m = found[0]
        return self.book.entity_for(m).ref(mention=m.text)

    def role(self, words: str, pos: int) -> EntityRef | None:
        """"the director said": the person of that title, else the subject before."""
        role = words.split()[-1].lower()
        fits = [e for e in self.book.entities if e.confirmed and role in e.title.lower()]
        if len(fits) == 1:
            return fits[0].ref(mention=words)
        if role in TITLE_WORDS or re.search(r"(?:ist|or|ent|ian)$", role):
            return self.pronoun(pos)
        return None  # "the man", "the guy": someone the article does not name

    def subject(self, start: int, end: int, last: bool = False) -> EntityRef | None:
        """The speaker named between ``start`` and ``end``: the first (or ``last``)
        person, else unknown name, nominal, organisation or country."""
        found = [m for m in self.mentions_in(start, end) if not self.in_quote(m.start)]
        if last:
            found.reverse()
        for kinds in (("person",), ("unknown",), ("nominal",), ("organisation",), ("country",)):
            for m in found:
                if m.kind in kinds and not m.possessive:
                    ref = self.ref(m)
                    if ref is not None:
                        return ref
        return None

    # --- cues -------------------------------------------------------------------------
    def after_quote(self, pos: int, limit: int) -> Attribution | None:
        """A cue in ``text[pos:limit]`` (the rest of the sentence after a quote)."""
        region = self.text[pos:limit]
        stripped = region.lstrip(",.;:!?—–- \u2026")
        offset = pos + len(region) - len(stripped)
        if m := _POST_PRONOUN.match(stripped):
            ref = self.pronoun(offset)
            return Attribution(ref, "pronoun after quote", [] if ref else ["pronoun without a named person before it"])
        if m := _POST_VERB_FIRST.match(stripped):
            # `said Vučić after …`, `said Steve Cowan, a spokesman …`
            ref = self.subject(offset + m.end(), offset + min(len(stripped), m.end() + 80))
            if ref is not None:
                return Attribution(ref, "said X (after quote)", [])
        if (m := _POST_SUBJECT_FIRST.match(stripped)) and '"' not in m.group("subject") \
                and "“" not in m.group("subject") and not _is_clause(m.group("subject")):
            subj = m.group("subject")
            if re.fullmatch(rf"\s*{_PRONOUN}\s*", subj):
                ref = self.pronoun(offset)
                return Attribution(ref, "pronoun after quote", [] if ref else ["pronoun without a named person before it"])
            ref = self.subject(offset, offset + m.end("subject"))
            if ref is not None:
                return Attribution(ref, "X said (after quote)", [])
            later = self.subject(offset + m.end(), offset + min(len(stripped), m.end() + 60))
            if later is not None and re.match(r"^\s*(?:[A-Z]|the\b)", stripped[m.end():]):
                return Attribution(later, "…, said X (after quote)", [])
            if r := _ROLE_SUBJECT.match(subj):
                ref = self.role(r.group("role"), offset)
                if ref is not None:
                    return Attribution(ref, "the <role> said (after quote)", ["speaker named by role"])
        if m := _ACCORDING.search(stripped):
            return self._according(offset + m.start("who"), m.group("who"), offset + m.end())
        return None

    def before_quote(self, start: int, pos: int) -> Attribution | None:
        """A cue in ``text[start:pos]`` (the sentence before a quote opens)."""
        region = self.text[start:pos]
        if m := _ACCORDING.search(region):
            return self._according(start + m.start("who"), m.group("who"), start + m.end())
        verbs = [v for v in re.finditer(rf"\b{_VERB}\b", region)
                 if not _NOUN_USE.search(region, 0, v.start()) and not self.in_quote(start + v.start())]
        if not verbs:
            return None
        verb = verbs[-1]
        before = region[:verb.start()]
        # `he added:` — a pronoun right before the verb
        if re.search(rf"\b{_PRONOUN}\s+(?:[a-z-]+\s+){{0,2}}$", before):
            ref = self.pronoun(start + verb.start())
            return Attribution(ref, "pronoun before quote", [] if ref else ["pronoun without a named person before it"])
        ref = self.subject(start, start + verb.start(), last=True)
        if ref is not None:
            return Attribution(ref, "X said: (before quote)", [])
        after = self.subject(start + verb.end(), pos)  # `said X: "…"`
        if after is not None:
            return Attribution(after, "said X: (before quote)", [])
        return None

    def _according(self, pos: int, who: str, end: int) -> Attribution:
        if who.lower() in ("him", "her", "them"):
            ref = self.pronoun(pos)
            return Attribution(ref, "according to (pronoun)", [] if ref else ["pronoun without a named person before it"])
        ref = self.subject(pos, end + 80)
        return Attribution(ref, "according to X", [] if ref else ["speaker not named"])
