"""Dates in an article, at the precision the text gives them.

"In November 2024" → ``2024-11``; "5 December 2024" → ``2024-12-05``; "in 2008" →
``2008``; a month without a year takes the article's year when the article has a
date, and is flagged otherwise.  Relative expressions ("this week", "days before",
"on Monday") are found and flagged but never given a date: turning them into one
needs the publication day and a human's judgement.
"""

from __future__ import annotations

import bisect
import re

from briefing.dates import DateError, PartialDate
from briefing.services.capture.candidates import Candidate, DateMention
from briefing.services.capture.text import Claimed, TextMap

__all__ = ["find_dates", "DateIndex"]

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_M = rf"(?P<month>{_MONTHS})\.?"
_DAY_FIRST = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M},?\s+(?P<year>\d{{4}})\b")
_MONTH_FIRST = re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,\s*(?P<year>\d{{4}})\b")
_MONTH_YEAR = re.compile(rf"\b{_M},?\s+(?P<year>(?:19|20)\d{{2}})\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")
_MONTH_ALONE = re.compile(
    rf"\b(?:in|on|since|from|until|by|during|early|late|mid-|last|this|next)\s*{_M}(?:\s+(?P<day>\d{{1,2}})\b)?(?!\s*,?\s*\d{{4}})")
_YEAR = re.compile(r"\b(?:in|since|from|until|by|during|of|before|after|for|year)\s+(?P<year>(?:19|20)\d{2})\b(?!-)")
_RELATIVE = re.compile(
    r"\b(?:(?:this|last|next|past|previous|coming|same)\s+(?:week|weeks|month|months|year|years|"
    r"weekend|days|spring|summer|autumn|fall|winter)|yesterday|today|tomorrow|tonight|recently|"
    r"earlier this (?:week|month|year)|later this (?:week|month|year)|"
    r"(?:days|weeks|months|hours) (?:before|after|earlier|later|ago)|some time ago|a day (?:before|after)|"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?)\b",
    re.I)


def _month(name: str) -> int:
    return PartialDate.parse(f"{name.rstrip('.')} 2000").month


def find_dates(text: str, article_date: PartialDate | None = None) -> list[DateMention]:
    """Every date expression, longest first where they overlap, in text order."""
    found: list[DateMention] = []
    taken = Claimed()

    def add(m: re.Match, date: PartialDate | None, rule: str, relative: bool = False) -> None:
        s, e = m.span()
        if not taken.claim(s, e):
            return
        found.append(DateMention(start=s, end=e, text=m.group(), date=date, relative=relative,
                                 rule=rule))

    def make(year: str, month: int | None, day: str | None = None) -> PartialDate | None:
        try:
            return PartialDate(int(year), month, int(day) if day else None)
        except DateError:
            return None

    for m in _DAY_FIRST.finditer(text):
        add(m, make(m["year"], _month(m["month"]), m["day"]), "day month year")
    for m in _MONTH_FIRST.finditer(text):
        add(m, make(m["year"], _month(m["month"]), m["day"]), "month day, year")
    for m in _ISO.finditer(text):
        add(m, make(m["year"], int(m["mnum"]), m["day"]), "ISO date")
    for m in _MONTH_YEAR.finditer(text):
        add(m, make(m["year"], _month(m["month"])), "month year")
    for m in _MONTH_ALONE.finditer(text):
        if article_date is not None:
            add(m, make(str(article_date.year), _month(m["month"]), m["day"]),
                "month (year of the article)")
        else:
            add(m, None, "month without a year", relative=True)
    for m in _YEAR.finditer(text):
        add(m, make(m["year"], None), "year")
    for m in _RELATIVE.finditer(text):
        add(m, None, "relative date", relative=True)
    found.sort(key=lambda d: d.start)
    return found


def _said_span(candidate: Candidate, text: str) -> tuple[int, int] | None:
    """Where a statement's own words are (a date inside them is not its date)."""
    said = getattr(candidate, "text", "") if candidate.KIND == "statement" else ""
    if not said:
        return None
    probe = said[1:60]  # a paraphrase's first letter was capitalised
    at = text.find(probe, candidate.start, max(candidate.end, candidate.start + len(said) + 2))
    return (at - 1, at - 1 + len(said)) if at > 0 else None


class DateIndex:
    """Dates by sentence, to date the candidates found there."""

    def __init__(self, tm: TextMap, mentions: list[DateMention]) -> None:
        self.tm = tm
        self.mentions = mentions
        self._starts = [d.start for d in mentions]

    def in_span(self, start: int, end: int) -> list[DateMention]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            out.append(self.mentions[i])
            i += 1
        return out

    def date(self, candidate: Candidate) -> None:
        """Give ``candidate`` the first dated expression of its sentence; flag a
        relative one."""
        span = self.tm.sentence_span(candidate.start, candidate.end)
        found = self.in_span(span.start, span.end)
        inner = _said_span(candidate, self.tm.text)
        if inner is not None:  # "… which declared independence in 2008": what was said, not when
            found = [d for d in found if not (inner[0] <= d.start < inner[1])]
        dated = [d for d in found if d.date is not None]
        if dated:
            candidate.date, candidate.date_text = dated[0].date, dated[0].text
        elif found:
            candidate.date_text = found[0].text
            candidate.flags.append(f"relative date: '{found[0].text}' (left undated)")
