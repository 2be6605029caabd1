"""Finding quoted passages: “…”, "…", «…», „…“, mixed pairs such as “…" and quotes
that run over several paragraphs (news style: each paragraph re-opens, only the last
closes).  A mark left open at a paragraph's end that does not continue is closed
there and flagged, so unbalanced marks never swallow the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.services.capture.text import Span, TextMap

__all__ = ["QuotedPassage", "find_passages"]

_OPENERS = "“«„‹"
_CLOSERS = "”»›"
_AMBIGUOUS = '"'
_ALL = set(_OPENERS + _CLOSERS + _AMBIGUOUS)
_LEFT_CONTEXT = set(" \t\n([{—–-/:;,")  # before an opening mark
_RIGHT_CONTEXT = set(" \t\n)]}—–-.,;:!?…")  # after a closing mark


@dataclass
class QuotedPassage:
    open_pos: int  # position of the opening mark
    close_pos: int  # position of the closing mark (== end of text part when unclosed)
    segments: list[Span] = field(default_factory=list)  # the quoted text, per paragraph
    closed: bool = True

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end

    @property
    def after(self) -> int:
        """First position after the closing mark."""
        return self.close_pos + 1 if self.closed else self.close_pos

    def text(self, full: str) -> str:
        parts = [full[s.start:s.end].strip() for s in self.segments]
        out = "\n\n".join(p for p in parts if p)
        return out.rstrip(", ").strip()

    @property
    def multi_paragraph(self) -> bool:
        return len(self.segments) > 1


def _role(text: str, i: int, inside: bool, opener: str) -> str | None:
    """'open', 'close' or None (not a quotation mark here)."""
    c = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if c == "“":
        if inside and (opener == "„" or prev not in _LEFT_CONTEXT and nxt in _RIGHT_CONTEXT):
            return "close"
        return "open" if not inside else None
    if c in "”›":
        if inside:
            return "close"
        return "open" if prev in _LEFT_CONTEXT and nxt not in _RIGHT_CONTEXT else None
    if c in "«„‹":
        if inside and opener in "»":
            return "close"
        return "open" if not inside else None
    if c == "»":
        if inside:
            return "close"
        return "open" if nxt not in _RIGHT_CONTEXT else None
    # the straight double quote: decide from the characters around it
    if inside:
        if nxt in _RIGHT_CONTEXT or prev not in _LEFT_CONTEXT:
            return "close"
        return None
    if nxt not in " \t\n" and (prev in _LEFT_CONTEXT or prev in _ALL):
        return "open"
    return None


def find_passages(tm: TextMap) -> list[QuotedPassage]:
    text = tm.text
    out: list[QuotedPassage] = []
    carry: QuotedPassage | None = None  # a quote continuing into the next paragraph
    for para in tm.paragraphs:
        inside = carry
        opener = "“"
        seg_start = para.start
        if carry is not None:
            first = text[para.start] if para.start < para.end else ""
            if first in _OPENERS or first == _AMBIGUOUS:
                seg_start = para.start + 1
            else:  # it did not continue: close the carried quote where it stopped
                carry.closed = False
                out.append(carry)
                inside = None
            carry = None
        i = seg_start if inside is not None else para.start
        while i < para.end:
            c = text[i]
            if c in _ALL:
                role = _role(text, i, inside is not None, opener)
                if role == "open" and inside is None:
                    inside = QuotedPassage(open_pos=i, close_pos=-1)
                    opener = c
                    seg_start = i + 1
                elif role == "close" and inside is not None:
                    inside.segments.append(Span(seg_start, i))
                    inside.close_pos = i
                    if any(len(s) for s in inside.segments):
                        out.append(inside)
                    inside = None
            i += 1
        if inside is not None:  # open at the paragraph's end
            inside.segments.append(Span(seg_start, para.end))
            inside.close_pos = para.end
            carry = inside
    if carry is not None:
        carry.closed = False
        out.append(carry)
    out.sort(key=lambda q: q.open_pos)
    return out
