"""Snippets of the *original* text with the matched words marked.

The index holds folded text, but users read what was written: the original text
is split into words with their offsets, each word is folded and compared with the
folded query, so ``Vučić`` is marked for ``vucic`` and for ``Вучић``.  A
:class:`Marked` text carries ``(start, end)`` spans; :meth:`Marked.marked` renders
them for a terminal (``[Vučić]``), :meth:`Marked.html` for Qt rich text
(escaped, ``<b>Vučić</b>``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from briefing.fold import fold
from briefing.services.query import TOKEN, Term

SNIPPET_CHARS = 200
LEAD_CONTEXT = 50  # characters kept before the first mark in a window
MAX_SCAN_CHARS = 60_000  # long sources: only their beginning is scanned
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_SPACE = re.compile(r"\s+")
_ELLIPSIS = "…"


@dataclass(frozen=True)
class Marked:
    """Text with highlighted spans (character offsets, sorted, not overlapping)."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, open_: str = "[", close: str = "]") -> str:
        out, pos = [], 0
        for s, e in self.spans:
            out += [self.text[pos:s], open_, self.text[s:e], close]
            pos = e
        out.append(self.text[pos:])
        return "".join(out)

    def html(self, tag: str = "b") -> str:
        out, pos = [], 0
        for s, e in self.spans:
            out += [html.escape(self.text[pos:s]), f"<{tag}>", html.escape(self.text[s:e]), f"</{tag}>"]
            pos = e
        out.append(html.escape(self.text[pos:]))
        return "".join(out)

    @property
    def marked_words(self) -> list[str]:
        return [self.text[s:e] for s, e in self.spans]


@lru_cache(maxsize=20_000)
def _folded_parts(word: str) -> tuple[str, ...]:
    return tuple(TOKEN.findall(fold(word)))


def words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, folded token)`` for each word of ``text``."""
    out = []
    for m in _WORD.finditer(text[:MAX_SCAN_CHARS]):
        for part in _folded_parts(m.group()):
            out.append((m.start(), m.end(), part))
    return out


class Highlighter:
    """Finds the query's words, phrases and prefixes in original text."""

    def __init__(self, terms: list[Term], extra_words: set[str] = frozenset()):
        self.single: dict[str, int] = {}  # folded word -> term number
        self.sequences: list[tuple[int, tuple[str, ...], bool]] = []  # (term, tokens, prefix)
        for n, term in enumerate(terms):
            if len(term.tokens) == 1 and not term.prefix:
                self.single.setdefault(term.tokens[0], n)
            else:
                self.sequences.append((n, term.tokens, term.prefix))
        for w in extra_words:
            self.single.setdefault(w, -1)  # -1: another spelling of a matched name
        self.term_numbers = set(range(len(terms)))
        self._groups: dict[str, int] = {}
        self._rx = self._compile()

    def _compile(self) -> re.Pattern | None:
        """One regular expression over *folded* text for every term (phrases first)."""
        alts = []
        for n, seq, prefix in sorted(self.sequences, key=lambda x: -len(x[1])):
            body = r"[\W_]+".join(re.escape(t) for t in seq)
            alts.append((n, body + (r"[^\W_]*" if prefix else r"(?![^\W_])")))
        for word, n in sorted(self.single.items(), key=lambda x: -len(x[0])):
            alts.append((n, re.escape(word) + r"(?![^\W_])"))
        if not alts:
            return None
        self._groups = {f"t{k}": n for k, (n, _) in enumerate(alts)}
        return re.compile(r"(?<![^\W_])(?:" + "|".join(
            f"(?P<t{k}>{body})" for k, (_, body) in enumerate(alts)) + ")")

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, term number)`` of every match, in order, not overlapping."""
        if not text or self._rx is None:
            return []
        folded = fold(text[:MAX_SCAN_CHARS])
        found = [(m.start(), m.end(), self._groups[m.lastgroup]) for m in self._rx.finditer(folded)]
        if not found:
            return []
        if len(folded) == min(len(text), MAX_SCAN_CHARS) and all(
                fold(text[s:e]) == folded[s:e] for s, e, _ in found):
            return found  # folding kept every offset: the spans hold in the original
        return self._find_by_words(text)

    def _find_by_words(self, text: str) -> list[tuple[int, int, int]]:
        ws = words(text)
        found = []
        for i, (s, e, tok) in enumerate(ws):
            n = self.single.get(tok)
            if n is not None:
                found.append((s, e, n))
            for n, seq, prefix in self.sequences:
                end = self._match_at(ws, i, seq, prefix)
                if end is not None:
                    found.append((s, end, n))
        found.sort(key=lambda f: (f[0], -f[1]))
        out, last = [], -1
        for s, e, n in found:
            if s >= last:
                out.append((s, e, n))
                last = e
        return out

    @staticmethod
    def _match_at(ws, i, seq, prefix) -> int | None:
        if i + len(seq) > len(ws):
            return None
        for k, want in enumerate(seq):
            tok = ws[i + k][2]
            last = k == len(seq) - 1
            if not (tok == want or (prefix and last and tok.startswith(want))):
                return None
        return ws[i + len(seq) - 1][1]

    def mark(self, text: str) -> Marked:
        """The whole of ``text`` with its matches marked (for titles and names)."""
        return Marked(text, tuple((s, e) for s, e, _ in self.find(text)))


def _squash(text: str) -> str:
    """Runs of white space as one space, none at the ends."""
    return _SPACE.sub(" ", text or "").strip()


def _window(text: str, found: list[tuple[int, int, int]], width: int) -> tuple[int, int]:
    """The ``[start, end)`` of the window of about ``width`` characters with the most
    different terms marked (then the most marks), cut between words."""
    if len(text) <= width:
        return 0, len(text)
    start, best_score, j = 0, (-1, -1), 0
    counts: dict[int, int] = {}
    for i, (s, _, _) in enumerate(found):  # windows begin a little before a mark
        begin = max(0, s - LEAD_CONTEXT)
        while j < len(found) and found[j][1] <= begin + width:
            counts[found[j][2]] = counts.get(found[j][2], 0) + 1
            j += 1
        if i > 0:  # the previous mark left the window
            prev = found[i - 1][2]
            counts[prev] -= 1
            if not counts[prev]:
                del counts[prev]
        score = (len(counts), j - i)
        if score > best_score:
            start, best_score = begin, score
    if start > 0:  # begin at a word, but never after the first mark
        first = next((f[0] for f in found if f[0] >= start), len(text))
        space = text.find(" ", start, min(first, start + 30))
        if space != -1:
            start = space + 1
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end + 1)
        if space != -1:
            end = space
    return start, end


def _find_early(hl: "Highlighter", text: str, width: int) -> list[tuple[int, int, int]]:
    """Matches in a long text: its beginning first, the rest only when the beginning
    lacks some of the query's terms (long sources stay cheap)."""
    if len(text) > 4 * width:
        cut = text.find(" ", 4 * width)
        if cut != -1:
            head = hl.find(text[:cut])
            if {n for *_, n in head} >= hl.term_numbers:
                return head
    return hl.find(text)


def snippet(hl: Highlighter, body: str, lead: str = "", width: int = SNIPPET_CHARS) -> Marked:
    """A window of ``body`` around its matches (white space collapsed, ``…`` where
    cut).  ``lead`` (a speaker's or party's name) is put in front, ``"lead: …"``,
    when it holds matches the window does not show."""
    text = _squash(body)
    found = _find_early(hl, text, width)
    start, end = _window(text, found, width)
    shown = text[start:end].rstrip()
    prefix = _ELLIPSIS if start > 0 else ""
    out_text = prefix + shown + (_ELLIPSIS if start + len(shown) < len(text) else "")
    inside = [(s, e, n) for s, e, n in found if s >= start and e <= start + len(shown)]
    shift = len(prefix) - start
    spans = [(s + shift, e + shift) for s, e, _ in inside]
    lead_text = _squash(lead)
    lead_found = hl.find(lead_text)
    if lead_found and not {n for *_, n in lead_found} <= {n for *_, n in inside}:
        head = lead_text + ": "
        spans = [(s, e) for s, e, _ in lead_found] + [(s + len(head), e + len(head)) for s, e in spans]
        out_text = head + out_text
    return Marked(out_text, tuple(spans))
