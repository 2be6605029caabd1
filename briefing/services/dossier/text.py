"""Make user text safe for ReportLab: escaped markup for ``Paragraph`` and plain
strings for the canvas and charts.

Every piece of user text goes through :func:`markup` (for paragraphs) or
:func:`plain` (for ``drawString`` and chart labels), never straight into ReportLab:

* ``<``, ``>`` and ``&`` are escaped, so ``A < B & C <b>`` prints literally;
* control characters and lone surrogates are dropped, newlines become line breaks;
* a character some face of the style's family lacks but upright DejaVu Sans has is
  wrapped in a ``<font face="DejaVuSans">`` run (DejaVu Serif has no Hebrew or
  Arabic, the oblique Sans no Arabic);
* a character no embedded font has (emoji, CJK …) prints as U+FFFD; invisible
  format and combining characters the fonts lack are dropped.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import FALLBACK, SANS, coverage, face_coverage

REPLACEMENT = "\ufffd"
ELLIPSIS = "\u2026"
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LINE_BREAKS = {"\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85"}


@lru_cache(maxsize=None)
def _safe_chars(family: str) -> frozenset[str]:
    """Characters that print as themselves in *family* with no escaping at all."""
    return frozenset(
        c for c in map(chr, coverage(family))
        if c not in _ESCAPES and c not in _LINE_BREAKS and unicodedata.category(c)[0] != "C"
    )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _classify(ch: str, have: frozenset[int], fallback: frozenset[int]) -> tuple[str, str]:
    """How to print *ch*: ('keep'|'sans'|'drop', text) given what the font has."""
    cp = ord(ch)
    if cp in have:
        return "keep", ch
    if cp in fallback:
        return "sans", ch
    cat = unicodedata.category(ch)
    if cat.startswith("Z"):
        return "keep", " "
    if cat in ("Cc", "Cf", "Cs", "Mn", "Me", "Co"):
        return "drop", ""
    return "keep", REPLACEMENT


def markup(text: object, family: str = SANS, *, newlines: bool = True) -> str:
    """*text* as Paragraph markup that prints exactly the characters typed."""
    raw = "" if text is None else str(text)
    odd = set(raw) - _safe_chars(family)
    if not odd:  # the common case: nothing to escape or substitute
        return raw
    if odd <= _ESCAPES.keys():
        return escape(raw)
    raw = _normalise_newlines(raw)
    have, fallback = coverage(family), face_coverage(FALLBACK)
    out: list[str] = []
    in_sans = False
    for ch in raw:
        if ch in _LINE_BREAKS:
            piece, how = ("<br/>" if newlines else " "), "keep"
        elif ch == "\t":
            piece, how = " ", "keep"
        else:
            how, piece = _classify(ch, have, fallback)
            if how == "drop":
                continue
            piece = _ESCAPES.get(piece, piece)
        if how == "sans" and not in_sans:
            out.append(f'<font face="{FALLBACK}">')
            in_sans = True
        elif how != "sans" and in_sans:
            out.append("</font>")
            in_sans = False
        out.append(piece)
    if in_sans:
        out.append("</font>")
    return "".join(out)


def attribute(text: object) -> str:
    """*text* escaped for a markup attribute value (``href="..."``)."""
    return escape(plain(text), {'"': "&quot;"})


def plain(text: object, font_name: str = "") -> str:
    """*text* on one line with only characters the face *font_name* (default: DejaVu
    Sans) can draw; others print as U+FFFD or, if invisible, not at all."""
    font_name = font_name or SANS
    raw = "" if text is None else str(text)
    have = face_coverage(font_name)
    if all(ord(c) in have and c not in _LINE_BREAKS and c != "\t" for c in set(raw)):
        return raw
    raw = _normalise_newlines(raw)
    out: list[str] = []
    for ch in raw:
        if ch in _LINE_BREAKS or ch == "\t":
            out.append(" ")
            continue
        how, piece = _classify(ch, have, frozenset())
        out.append(piece)
    return "".join(out)


def fit(text: object, font_name: str, size: float, width: float) -> str:
    """:func:`plain` text shortened with an ellipsis so it is at most *width* wide."""
    raw = "" if text is None else str(text)
    # no glyph is narrower than a fifth of the font size: measure only what could fit
    raw = raw[: int(width / (size * 0.2)) + 2]
    s = " ".join(plain(raw, font_name).split())
    if stringWidth(s, font_name, size) <= width:
        return s
    # binary search on the prefix length: long titles must not cost O(n^2)
    lo, hi = 0, len(s)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(s[:mid].rstrip() + ELLIPSIS, font_name, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return s[:lo].rstrip() + ELLIPSIS if lo else ""
