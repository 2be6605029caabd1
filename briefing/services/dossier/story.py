"""The whole story: cover, contents, then the sections in the briefing's order and
the numbered sources.  Built from the assembled briefing alone (no store access)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from briefing.domain import AssembledSection, Section

from .canvas import PageNumbers
from .contents import Contents, ContentsEntry
from .context import Context
from .paragraphs import para
from .cover import cover
from .sections import heading, section_body, source_notes, sources_list


@dataclass
class PlannedSection:
    key: str
    number: str
    title: str
    body: list[Flowable] = field(default_factory=list)


def plan(ctx: Context) -> list[PlannedSection]:
    """Sections with something to print, numbered 1..n; sources come where the
    briefing puts them, or last."""
    planned: list[PlannedSection] = []
    sources_done = False
    for section in ctx.assembled.sections:
        if section.section == Section.SOURCES:
            if sources_done:
                continue
            sources_done = True
            body = _sources_body(ctx, section)
        else:
            body = section_body(ctx, section)
        if body:
            planned.append(PlannedSection("", "", section.title, body))
    if not sources_done and ctx.assembled.sources:
        planned.append(PlannedSection("", "", Section.SOURCES.title, _sources_body(ctx, None)))
    for n, p in enumerate(planned, start=1):
        p.key, p.number = f"sec-{n}", str(n)
    return planned


def _sources_body(ctx: Context, section: AssembledSection | None) -> list[Flowable]:
    notes, rest = source_notes(ctx, section)
    body = sources_list(ctx, notes)
    if rest:
        body += section_body(ctx, AssembledSection(section=Section.SOURCES, items=rest))
    return body


def build_story(ctx: Context, numbers: PageNumbers) -> list[Flowable]:
    planned = plan(ctx)
    story: list[Flowable] = [NextPageTemplate("body"), *cover(ctx), PageBreak()]
    contents_title = para('<a name="contents"/>Contents', ctx.styles["ContentsTitle"])
    contents_title.outline = ("contents", "Contents")
    story += [contents_title]
    if planned:
        entries = [ContentsEntry(p.key, p.number, p.title) for p in planned]
        story.append(Contents(entries, numbers))
    else:
        story.append(para("This briefing has no included items yet.", ctx.styles["Muted"]))
    for p in planned:
        story += [PageBreak() if p is planned[0] else Spacer(1, 4)]
        story += heading(p.key, p.number, p.title, ctx, p.body[0] if p.body else None)
        story += p.body
    return story

