"""Paragraphs and sentences of an article, as character spans into its text.

Splitting is rule-based: a sentence ends at ``.``, ``!`` or ``?`` (optionally followed
by a closing quotation mark) before white space and an upper-case letter, a digit or
an opening mark — except after common abbreviations, initials and honorifics.
Lookups by offset are binary searches, so extraction stays linear in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = ["Span", "TextMap", "Claimed"]

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "rev", "hon", "pres", "amb", "no", "vs", "etc", "inc", "ltd",
    "co", "corp", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mt", "ft", "fig", "approx", "est", "u.s", "u.k", "u.n",
    "e.g", "i.e", "a.m", "p.m", "ph.d", "d.c", "maj", "cmdr", "adm", "supt", "det", "insp",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’»“]*(?=\s+[\"“„«‘(\[]?[A-Z0-9\u0400-\u04ff\u00c0-\u024f])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


class TextMap:
    """The paragraphs and sentences of one text (spans into ``text``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs: list[Span] = []
        self.sentences: list[Span] = []
        pos = 0
        for block in text.split("\n\n"):
            start, end = pos, pos + len(block)
            pos = end + 2
            lead = len(block) - len(block.lstrip())
            trail = len(block) - len(block.rstrip())
            span = Span(start + lead, end - trail)
            if len(span):
                self.paragraphs.append(span)
                self.sentences.extend(self._split(span))
        self._para_starts = [p.start for p in self.paragraphs]
        self._sent_starts = [s.start for s in self.sentences]

    def _split(self, para: Span) -> list[Span]:
        out: list[Span] = []
        block = self.text[para.start:para.end]
        start = 0
        for m in _BOUNDARY.finditer(block):
            end = m.end()
            if block[m.start()] == "." and self._abbreviation(block[:m.start() + 1]):
                continue
            out.append(Span(para.start + start, para.start + end))
            start = end
            while start < len(block) and block[start].isspace():
                start += 1
        if start < len(block):
            out.append(Span(para.start + start, para.end))
        return out

    @staticmethod
    def _abbreviation(before: str) -> bool:
        m = _WORD_BEFORE.search(before[:-1])
        if not m:
            return False
        word = m.group(1).lower().rstrip(".")
        if word in _ABBREVIATIONS:
            return True
        # initials: "Brian M. Good", "J.C. Chandor"
        return len(word) == 1 and word.isalpha() or bool(re.fullmatch(r"(?:\w\.)+\w", word))

    # --- lookups ----------------------------------------------------------------
    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def paragraph_at(self, pos: int) -> Span:
        return self.paragraphs[self.paragraph_index(pos)]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def sentence_at(self, pos: int) -> Span:
        return self.sentences[self.sentence_index(pos)]

    def sentence_span(self, start: int, end: int) -> Span:
        """The whole sentences that cover ``start``..``end``."""
        first = self.sentence_at(start)
        last = self.sentence_at(max(start, end - 1))
        return Span(first.start, max(last.end, end))


class Claimed:
    """Non-overlapping spans already taken by a rule (lookups in O(log n))."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        if i > 0 and self._ends[i - 1] > start:
            return True
        return i < len(self._starts) and self._starts[i] < end

    def claim(self, start: int, end: int) -> bool:
        """Take ``start``..``end`` unless it overlaps a taken span; say whether it did."""
        if self.overlaps(start, end):
            return False
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True
