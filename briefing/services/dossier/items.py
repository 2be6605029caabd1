"""Flowables for one briefing item: a talking point, a quote, a profile, a stance …

Each builder takes a :class:`.context.Context` and an included
:class:`~briefing.domain.AssembledItem` and returns flowables; every piece of user
text goes through :func:`.text.markup`.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from briefing.domain import (
    AssembledItem, Kind, Organisation, Person, Source, Stance, Statement, StatementKind,
)

from . import labels as lbl
from .context import Context
from .paragraphs import para
from .fonts import SANS, SERIF, face
from .styles import ACCENT, RULE, SHADE, WARN, css
from .text import markup

REMOVED = "(removed from the store)"


def annotation(ctx: Context, ai: AssembledItem) -> list[Flowable]:
    """The user's note under an item, if any."""
    note = (ai.item.annotation or "").strip()
    if not note:
        return []
    return [para(f"<b>Note</b>  {markup(note)}", ctx.styles["Note"])]


def removed(ctx: Context, ai: AssembledItem) -> list[Flowable]:
    kind = ai.item.ref_kind
    what = Kind(kind).label if kind in Kind._value2member_map_ else "Item"
    text = (ai.item.text or "").strip()
    body = f"{what}: {markup(text)} " if text else f"{what} "
    return [para(f"{body}{REMOVED}", ctx.styles["Removed"])]


def free_text(ctx: Context, ai: AssembledItem, number: int | None = None) -> list[Flowable]:
    """A talking point (numbered) or a free note."""
    body = markup(ai.item.text) + ctx.refs(ai.source_numbers)
    if number is None:
        return [para(body, ctx.styles["Body"])]
    return [para(body, ctx.styles["Point"], bulletText=f"{number}.")]


class DataTable(Table):
    """A table that splits between rows, and inside a row only where a page begins.

    ReportLab tries the part left over after a split in the same frame again; with
    ``splitInRow`` that part would split once more, printing a repeated header row
    and a sliver of the next row in the middle of the page.  Here the left-over part
    may only split between rows in that frame; on the next page it may split inside
    a row (a row taller than a page still prints)."""

    def split(self, availWidth, availHeight):  # noqa: N803 - ReportLab's names
        in_row = self.splitInRow
        frame = getattr(self, "_frame", None)  # set by Frame.split
        if getattr(self, "_left_over", False) and not getattr(frame, "_atTop", True):
            self.splitInRow = 0
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = in_row
        for n, part in enumerate(parts):
            part.splitInRow = in_row
            part._left_over = n > 0
        return parts


class BarBox(DataTable):
    """A one-cell table that splits across pages, but never leaves a sliver (a few
    points of padding and rule) at the foot of a page: then it moves on whole."""

    MIN_SPLIT = 40.0  # points: about two lines of a quote

    def split(self, availWidth, availHeight):  # noqa: N803 - ReportLab's names
        if availHeight < self.MIN_SPLIT:
            return []
        return super().split(availWidth, availHeight)


def _bar_box(content: list[Flowable], width: float, colour, background=None) -> Table:
    """*content* in a box with a coloured rule on its left; splits across pages."""
    t = BarBox([[content]], colWidths=[width], splitInRow=1)
    style = [
        ("FONT", (0, 0), (-1, -1), face(SANS), 9),
        ("LINEBEFORE", (0, 0), (0, -1), 2.2, colour),
        ("LEFTPADDING", (0, 0), (-1, -1), 9),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if background is not None:
        style.append(("BACKGROUND", (0, 0), (-1, -1), background))
    t.setStyle(TableStyle(style))
    return t


def statement(ctx: Context, ai: AssembledItem) -> list[Flowable]:
    s: Statement = ai.record
    direct = s.statement_kind != StatementKind.PARAPHRASE.value
    text = markup(s.text, SERIF)
    quote = f"\u201c{text}\u201d" if direct else text
    who = [ctx.labels.person(s.speaker_name or "Unknown speaker", s.speaker_country)]
    if s.date:
        who.append(lbl.date(s.date))
    if s.occasion:
        who.append(s.occasion)
    attribution = "\u2014 " + ", ".join(markup(w) for w in who)
    if not direct:
        attribution += " <i>(paraphrase)</i>"
    attribution += ctx.refs(ai.source_numbers)
    content: list[Flowable] = [
        para(quote, ctx.styles["Quote"]),
        para(attribution, ctx.styles["Attribution"]),
    ]
    if s.context:
        content.append(para(markup(s.context), ctx.styles["Muted"]))
    return [_bar_box(content, ctx.width, ACCENT), *_gap(), *annotation(ctx, ai)]


def stance(ctx: Context, ai: AssembledItem) -> list[Flowable]:
    st: Stance = ai.record
    head = " \u2014 ".join(markup(x) for x in (ctx.labels.stance_holder(st), st.topic) if x)
    content: list[Flowable] = []
    if head:
        content.append(para(f'<font color="{css(WARN)}">{head}</font>',
                                 ctx.styles["ItemTitle"]))
    content.append(para(markup(st.text) + ctx.refs(ai.source_numbers), ctx.styles["Body"]))
    return [_bar_box(content, ctx.width, WARN), *_gap(), *annotation(ctx, ai)]


def person(ctx: Context, ai: AssembledItem) -> list[Flowable]:
    p: Person = ai.record
    out: list[Flowable] = [para(markup(p.name or "(unnamed)", SERIF), ctx.styles["Person"])]
    facts = []
    if p.office:
        facts.append(markup(p.office))
    if p.country:
        facts.append(markup(ctx.labels.country(p.country)))
    if facts:
        out.append(para(" \u00b7 ".join(facts) + ctx.refs(ai.source_numbers),
                             ctx.styles["Body"]))
    aliases = [a for a in p.aliases if a and a != p.name]
    if aliases:
        out.append(para("<b>Also written</b>  " + ", ".join(markup(a) for a in aliases),
                             ctx.styles["Muted"]))
    if p.offices:
        out += [_offices(ctx, p), Spacer(1, 3 * mm)]
    out += annotation(ctx, ai)
    return out


def _offices(ctx: Context, p: Person) -> Table:
    st = ctx.styles
    rows = [[para(h, st["CellHead"]) for h in ("Office", "Where", "From", "To")]]
    for o in p.offices:
        where = o.organisation_name or ctx.labels.country(o.country)
        rows.append([
            para(markup(o.title), st["Cell"]),
            para(markup(where), st["Cell"]),
            para(markup(lbl.compact_date(o.start)), st["Cell"]),
            para((markup(lbl.compact_date(o.end)) or "present") if o.start else "",
                      st["Cell"]),
        ])
    w = ctx.width
    t = DataTable(rows, colWidths=[w * 0.46, w * 0.26, w * 0.14, w * 0.14], repeatRows=1,
              splitInRow=1, hAlign="LEFT")
    t.setStyle(table_style())
    return t


def organisation(ctx: Context, ai: AssembledItem) -> list[Flowable]:
    o: Organisation = ai.record
    facts = [markup(x) for x in (o.org_kind, ctx.labels.country(o.country)) if x]
    text = f"<b>{markup(o.name or '(unnamed)')}</b>"
    if facts:
        text += " \u2014 " + ", ".join(facts)
    return [para(text + ctx.refs(ai.source_numbers), ctx.styles["Body"]),
            *annotation(ctx, ai)]


def source(ctx: Context, ai: AssembledItem) -> list[Flowable]:
    s: Source = ai.record
    bits = [markup(x) for x in (s.outlet, lbl.date(s.published)) if x]
    text = f"<i>{markup(s.title or s.url or '(untitled)')}</i>"
    if bits:
        text += ". " + ", ".join(bits)
    return [para(text + ctx.refs(ai.source_numbers), ctx.styles["Body"]),
            *annotation(ctx, ai)]


def table_style(extra: list | None = None) -> TableStyle:
    """The house table: navy header row, light rules, zebra rows."""
    cmds = [
        ("FONT", (0, 0), (-1, -1), face(SANS), 8.5),  # tables default to Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, SHADE]),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    return TableStyle(cmds + (extra or []))


def _gap() -> list[Flowable]:
    return [Spacer(1, 2.5 * mm)]


ITEM_BUILDERS = {
    Kind.STATEMENT: statement,
    Kind.STANCE: stance,
    Kind.PERSON: person,
    Kind.ORGANISATION: organisation,
    Kind.SOURCE: source,
}
