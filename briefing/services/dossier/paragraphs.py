"""Paragraphs made cheaply: :func:`para` is ``Paragraph(text, style, bulletText)``
without the markup parser when the text has no markup at all.

ReportLab parses every paragraph's text with a fresh ``html.parser`` based parser;
in a long dossier that is a third of the story's cost.  A text with no ``<`` and no
``&`` (most quotes, table cells, titles) parses to exactly one fragment carrying the
style's font, size and colour, so that fragment is parsed once per style and copied
with the new text.  Texts with markup take the ordinary path.
"""

from __future__ import annotations

import threading

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

_templates: dict[int, tuple[ParagraphStyle, object]] = {}
_lock = threading.Lock()


def _template(style: ParagraphStyle):
    """The one fragment plain text parses to in *style* (cached per style object)."""
    got = _templates.get(id(style))
    if got is not None and got[0] is style:
        return got[1]
    _, frags, _ = ParaParser().parse("x", style)
    if frags is None or len(frags) != 1 or getattr(style, "textTransform", None):
        frag = None  # not the simple case: always parse
    else:
        frag = frags[0]
    with _lock:
        _templates[id(style)] = (style, frag)  # the style is kept alive with its id
    return frag


def para(text: str, style: ParagraphStyle, bulletText: str | None = None) -> Paragraph:
    """``Paragraph(text, style, bulletText)``; *text* is markup (see :mod:`.text`)."""
    if "<" in text or "&" in text:
        return Paragraph(text, style, bulletText)
    clean = cleanBlockQuotedText(text)
    frag = _template(style) if clean else None
    if frag is None:
        return Paragraph(text, style, bulletText)
    return Paragraph(clean, style, bulletText,
                     frags=[frag.clone(text=clean, link=[], us_lines=[])])
