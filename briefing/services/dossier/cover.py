"""The cover page: title, meeting, who prepared it and when (the marking bands and
"Page 1 of Y" are page chrome, see :mod:`.chrome`)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Spacer, Table, TableStyle

from . import labels as lbl
from .context import Context
from .paragraphs import para
from .fonts import SANS, SERIF, face
from .styles import ACCENT
from .text import markup


def marking(ctx: Context) -> str:
    """The classification marking as printed (upper case; unmarked -> UNCLASSIFIED)."""
    text = " ".join((ctx.assembled.briefing.classification or "").split())
    return text.upper() or "UNCLASSIFIED"


def meeting_line(ctx: Context) -> str:
    """``Kassym-Jomart Tokayev · Astana · 12 November 2025`` for the running head."""
    b = ctx.assembled.briefing
    who = (ctx.assembled.counterpart.name if ctx.assembled.counterpart else "") \
        or b.counterpart_name or ctx.labels.country(b.counterpart_country)
    return " \u00b7 ".join(x for x in (who, b.place, lbl.date(b.date)) if x)


def prepared_line(ctx: Context) -> str:
    b = ctx.assembled.briefing
    bits = [f"Prepared by {b.author}" if b.author else "Prepared"]
    if ctx.assembled.prepared:
        bits.append(lbl.date(ctx.assembled.prepared))
    return " \u00b7 ".join(bits)


def cover(ctx: Context) -> list[Flowable]:
    a, st = ctx.assembled, ctx.styles
    b = a.briefing
    out: list[Flowable] = [
        Spacer(1, 18 * mm),
        para("BRIEFING FOR A MEETING", st["CoverKicker"]),
        para(markup(b.title or "Untitled briefing", SERIF), st["CoverTitle"]),
    ]
    if b.purpose:
        out.append(para(markup(b.purpose, SERIF), st["CoverPurpose"]))
    out.append(HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=4,
                          spaceAfter=10 * mm))
    facts = [
        ("Meeting with", ctx.labels.counterpart(b, a.counterpart)),
        ("Country", ctx.labels.country(b.counterpart_country)),
        ("Place", b.place),
        ("Date", lbl.date(b.date)),
        ("Our side", ctx.labels.country(b.our_country)),
        ("Prepared by", b.author),
        ("Date prepared", lbl.date(a.prepared)),
        ("Status", (b.status or "").capitalize()),
        ("Classification", marking(ctx)),
    ]
    rows = [[para(label.upper(), st["CoverLabel"]), para(markup(value, SERIF),
                                                                    st["CoverValue"])]
            for label, value in facts if value]
    if rows:
        t = Table(rows, colWidths=[38 * mm, ctx.width - 38 * mm], hAlign="LEFT", splitInRow=1)
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), face(SANS), 9),
            ("VALIGN", (0, 0), (-1, -1), "BASELINE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
        ]))
        out.append(t)
    return out
