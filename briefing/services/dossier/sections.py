"""Flowables for one section: its heading, then its items in the briefing's order.

Consecutive items of one kind form a run: agreements become one table (header row
repeated when it splits), visits a drawn timeline plus a numbered list, figures a bar
chart plus a table; talking points are numbered; other records use
:data:`.items.ITEM_BUILDERS`.  Items with ``included=False`` are never printed.
"""

from __future__ import annotations

from itertools import groupby

from reportlab.lib.units import mm
from reportlab.graphics.renderPDF import GraphicsFlowable
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Spacer, Table

from briefing.domain import (
    Agreement, AssembledItem, AssembledSection, Figure, Kind, Section, Source, Visit,
)

from briefing.services.record_labels import figure_flow, figure_value

from . import charts
from . import labels as lbl
from .context import Context
from .paragraphs import para
from .items import ITEM_BUILDERS, DataTable, annotation, free_text, removed, table_style
from .styles import ACCENT, css
from .text import attribute, markup

_URL_SCHEMES = ("http://", "https://", "mailto:", "ftp://")
HEADING_ROOM = 50 * mm  # a heading, its rule and a few lines of what follows


def included(section: AssembledSection) -> list[AssembledItem]:
    return [ai for ai in section.items if ai.item.included]


def heading(key: str, number: str, title: str, ctx: Context,
            first: Flowable | None = None) -> list[Flowable]:
    """A numbered section heading that is also a link target and an outline entry.

    It starts a new page when less than :data:`HEADING_ROOM` is left, and keeps with
    the section's *first* flowable — unless that is a table, which would then move
    whole to the next page: a table splits (header row repeated) under its heading."""
    label = f"{number}\u2003{title}" if number else title
    p = para(f'<a name="{key}"/>{markup(label)}', ctx.styles["H1"])
    p.outline = (key, f"{number}  {title}".strip())
    rule = HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=0, spaceAfter=8)
    rule.keepWithNext = 0 if isinstance(first, Table) else 1
    return [CondPageBreak(HEADING_ROOM), p, rule]


def _kind_of(ai: AssembledItem) -> str:
    if ai.removed or (ai.record is None and ai.item.ref_kind):
        return "removed"
    if ai.record is None:
        return "text"
    return ai.record.kind.value


def section_body(ctx: Context, section: AssembledSection) -> list[Flowable]:
    out: list[Flowable] = []
    point = 0
    for kind, run in groupby(included(section), key=_kind_of):
        run = list(run)
        if kind == Kind.AGREEMENT.value:
            out += agreements_table(ctx, run)
        elif kind == Kind.VISIT.value:
            out += visits(ctx, run, timeline=section.section == Section.VISITS)
        elif kind == Kind.FIGURE.value:
            out += figures(ctx, run)
        else:
            for ai in run:
                if kind == "removed":
                    out += removed(ctx, ai) + annotation(ctx, ai)
                elif kind == "text":
                    numbered = section.section == Section.TALKING_POINTS
                    point += numbered
                    out += free_text(ctx, ai, point if numbered else None) + annotation(ctx, ai)
                else:
                    out += ITEM_BUILDERS[Kind(kind)](ctx, ai)
    return out


# ----------------------------------------------------------------------- agreements
def agreements_table(ctx: Context, run: list[AssembledItem]) -> list[Flowable]:
    st = ctx.styles
    head = ["Agreement", "Parties", "Sector", "Signed", "Status"]
    rows: list[list] = [[para(h, st["CellHead"]) for h in head]]
    for ai in run:
        a: Agreement = ai.record
        first = [para(f"<b>{markup(a.title or '(untitled)')}</b>"
                           + ctx.refs(ai.source_numbers), st["Cell"])]
        detail = [markup(x) for x in (a.agreement_kind, a.place) if x]
        if a.in_force:
            detail.append("in force " + markup(lbl.date(a.in_force)))
        if detail:
            first.append(para(", ".join(detail), st["CellMuted"]))
        if a.summary:
            first.append(para(markup(a.summary), st["CellMuted"]))
        if (ai.item.annotation or "").strip():
            first.append(para("<b>Note</b>  " + markup(ai.item.annotation), st["CellNote"]))
        rows.append([
            first,
            para("<br/>".join(markup(p) for p in ctx.labels.parties(a)), st["Cell"]),
            para(markup(a.sector), st["Cell"]),
            para(markup(lbl.compact_date(a.signed)), st["Cell"]),
            para(markup(a.status.capitalize() if a.status else ""), st["Cell"]),
        ])
    w = ctx.width
    t = DataTable(rows, colWidths=[w * 0.36, w * 0.21, w * 0.17, w * 0.13, w * 0.13],
              repeatRows=1, splitInRow=1, hAlign="LEFT")
    t.setStyle(table_style())
    return [t, Spacer(1, 4 * mm)]


# ----------------------------------------------------------------------- visits
def visits(ctx: Context, run: list[AssembledItem], timeline: bool) -> list[Flowable]:
    out: list[Flowable] = []
    numbered = list(enumerate(run, start=1))
    for n, ai in numbered:
        v: Visit = ai.record
        title = [lbl.date_range(v.start, v.end) or "Date unknown"]
        if v.visit_kind:
            title.append(f"{v.visit_kind.capitalize()} visit")
        if v.place:
            title.append(v.place)
        entry = [para(" \u00b7 ".join(markup(t) for t in title), ctx.styles["EntryTitle"],
                      bulletText=str(n))]
        body = markup(ctx.labels.visit_route(v)) + "."
        if v.ordinal:
            body += " " + markup(lbl.ordinal(v.ordinal)) + "."
        if v.purpose:
            body += " " + markup(v.purpose)
        entry.append(para(body + ctx.refs(ai.source_numbers), ctx.styles["EntryBody"]))
        out.append(entry + annotation(ctx, ai))
    b = ctx.assembled.briefing
    drawing = None
    if timeline:
        pivot = b.our_country or b.counterpart_country
        drawing = charts.Timeline([(n, ai.record) for n, ai in numbered], ctx.width, pivot,
                                  ctx.labels).drawing()
    flat = [f for entry in out for f in entry]
    if drawing is None:
        return flat
    # the timeline stays on the page of the first visit it numbers (EntryTitle keeps
    # with its text): a chain of keepWithNext flowables
    picture, gap = GraphicsFlowable(drawing), Spacer(1, 5 * mm)
    picture.keepWithNext = gap.keepWithNext = 1
    return [picture, gap, *flat]


# ----------------------------------------------------------------------- figures
def figures(ctx: Context, run: list[AssembledItem]) -> list[Flowable]:
    st = ctx.styles
    out: list[Flowable] = []
    for group in charts.chart_groups([ai.record for ai in run]):
        unit = (group[0].unit or "").strip()
        out.append(charts.figures_chart(group, ctx.width))
        caption = f"Values in {unit}" if unit else "Values"
        out.append(para(markup(caption), st["ChartCaption"]))
    rows: list[list] = [[para(h, st["CellHead"]) for h in
                         ("Figure", "Value", "Between", "Period / as of")]]
    for ai in run:
        f: Figure = ai.record
        first = [para(markup(f.metric or "(unnamed)") + ctx.refs(ai.source_numbers),
                           st["Cell"])]
        if (ai.item.annotation or "").strip():
            first.append(para("<b>Note</b>  " + markup(ai.item.annotation), st["CellNote"]))
        when = " \u00b7 ".join(x for x in (f.period, lbl.compact_date(f.as_of)) if x)
        rows.append([
            first,
            para(f"<b>{markup(figure_value(f))}</b>", st["Cell"]),
            para(markup(figure_flow(f, ctx.labels.country)), st["Cell"]),
            para(markup(when), st["Cell"]),
        ])
    w = ctx.width
    t = DataTable(rows, colWidths=[w * 0.38, w * 0.18, w * 0.2, w * 0.24], repeatRows=1,
              splitInRow=1, hAlign="LEFT")
    t.setStyle(table_style())
    return out + [t, Spacer(1, 4 * mm)]


# ----------------------------------------------------------------------- sources
def url_markup(url: str) -> str:
    text = markup(url)
    if url.strip().lower().startswith(_URL_SCHEMES):
        return f'<a href="{attribute(url.strip())}" color="{css(ACCENT)}">{text}</a>'
    return text


def sources_list(ctx: Context, notes: dict[int, list[str]]) -> list[Flowable]:
    """The numbered bibliography the ``[n]`` references link to."""
    out: list[Flowable] = []
    for n, s in enumerate(ctx.assembled.sources, start=1):
        out += source_entry(ctx, n, s, notes.get(id(s), []))
    return out


def source_entry(ctx: Context, n: int, s: Source, notes: list[str]) -> list[Flowable]:
    parts = [f"<i>{markup(s.title or '(untitled)')}</i>"]
    meta = [markup(x) for x in (s.author, s.outlet, lbl.date(s.published)) if x]
    if meta:
        parts.append(", ".join(meta))
    text = f'<a name="src-{n}"/>' + ". ".join(parts) + "."
    if s.url:
        text += "<br/>" + url_markup(s.url)
    out: list[Flowable] = [para(text, ctx.styles["Source"], bulletText=f"[{n}]")]
    for note in notes:
        out.append(para("<b>Note</b>  " + markup(note), ctx.styles["Note"]))
    return out


def source_notes(ctx: Context, section: AssembledSection | None) -> tuple[dict, list]:
    """Annotations of source items that are already in the numbered list (keyed by the
    listed Source object) and the section's other items, printed after the list."""
    notes: dict[int, list[str]] = {}
    rest: list[AssembledItem] = []
    listed = {s.id: s for s in ctx.assembled.sources if s.id is not None}
    for ai in included(section) if section else []:
        rec = ai.record
        if isinstance(rec, Source) and rec.id in listed and not ai.removed:
            if (ai.item.annotation or "").strip():
                notes.setdefault(id(listed[rec.id]), []).append(ai.item.annotation)
        else:
            rest.append(ai)
    return notes, rest
