"""Page layout a reader would notice: no section heading alone at the foot of a page,
a table's header row only at the top of each of its parts, the visits timeline on
the page of the first visit it numbers — wherever the sections happen to fall
(talking points are added one by one to push everything down the pages)."""

from __future__ import annotations

import io
import pypdf
import pytest

from briefing.domain import AssembledItem, BriefingItem, Section
from briefing.services.dossier import render_pdf
from briefing.services.dossier.sample import sample_briefing

HEADER = "Agreement\nParties\nSector\nSigned\nStatus"


def pushed_down(points: int):
    a = sample_briefing()
    talking = next(s for s in a.sections if s.section == Section.TALKING_POINTS)
    for n in range(points):
        talking.items.append(AssembledItem(item=BriefingItem(
            section="talking_points", text=f"Extra point {n}: " + "a line of text " * 12)))
    agreements = next(s for s in a.sections if s.section == Section.AGREEMENTS)
    base = agreements.items[0]
    for n in range(8):  # a table long enough to split
        rec = type(base.record)(**{**base.record.__dict__, "title": f"Protocol {n}",
                                   "summary": "A summary of the protocol. " * 6})
        agreements.items.append(AssembledItem(item=BriefingItem(section="agreements"),
                                              record=rec))
    return a


def bodies(data: bytes) -> list[list[str]]:
    """Each page's body lines (the running head and foot, drawn first, removed)."""
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    total = len(pages)
    return [t.split(f"Page {n} of {total}\n", 1)[-1].strip().splitlines()
            for n, t in enumerate(pages, start=1)]


@pytest.fixture(scope="module", params=range(0, 40, 2), ids=lambda n: f"{n}-points")
def layout(request):
    return bodies(render_pdf(pushed_down(request.param)))


def test_no_heading_is_left_at_the_foot_of_a_page(layout):
    headings = {f"{n} {s.title}" for n, s in enumerate(Section, start=1)}
    for number, lines in enumerate(layout, start=1):
        assert lines[-1].strip() not in headings, f"page {number} ends with a heading"


def test_table_header_only_where_a_part_begins(layout):
    for number, lines in enumerate(layout, start=1):
        text = "\n".join(lines)
        assert text.count(HEADER) <= 1, f"page {number} repeats the header mid-page"


def test_timeline_is_on_the_page_of_the_first_visit(layout):
    legend = next(n for n, lines in enumerate(layout) if "Visits by Serbia" in lines)
    first = next(n for n, lines in enumerate(layout)
                 if "1 27–28 November 2024 · State visit · Belgrade" in lines)
    assert legend == first
