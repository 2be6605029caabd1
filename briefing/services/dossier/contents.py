"""The contents page: one linked line per section with its page number.

The page numbers are PDF forms filled in when the build ends (see
:mod:`.canvas`), so the contents costs no second layout pass.  Section titles are
fixed words (never user text) and there are at most a dozen, so the contents always
fits on one page.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .canvas import PageNumbers
from .fonts import SANS, SERIF, face
from .styles import ACCENT, INK, RULE
from .text import fit


@dataclass(frozen=True)
class ContentsEntry:
    key: str  # the section's destination name
    number: str  # "1", "2" … ("" for unnumbered)
    title: str


class Contents(Flowable):
    """Lines ``1   Summary and talking points ........ 3`` linking to each section."""

    ROW = 9 * mm

    def __init__(self, entries: list[ContentsEntry], numbers: PageNumbers):
        super().__init__()
        self.entries = list(entries)
        for e in self.entries:
            numbers.contents_keys.append(e.key)

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = self.ROW * len(self.entries)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        title_font, num_font = face(SERIF), face(SANS, bold=True)
        size = 11.5
        right = self.width
        for i, entry in enumerate(self.entries):
            top = self.height - i * self.ROW
            base = top - self.ROW + 3 * mm
            canv.setFont(num_font, size)
            canv.setFillColor(ACCENT)
            canv.drawString(0, base, entry.number)
            title = fit(entry.title, title_font, size, right - 30 * mm)
            canv.setFont(title_font, size)
            canv.setFillColor(INK)
            canv.drawString(10 * mm, base, title)
            # dotted leader from the title to the page number
            start = 10 * mm + canv.stringWidth(title, title_font, size) + 2 * mm
            end = right - 12 * mm
            if end > start:
                canv.saveState()
                canv.setStrokeColor(RULE)
                canv.setLineWidth(0.8)
                canv.setDash(0.8, 2.6)
                canv.line(start, base + 1, end, base + 1)
                canv.restoreState()
            canv.draw_section_page(entry.key, right, base)
            canv.linkRect("", entry.key, (0, top - self.ROW + 1 * mm, right, top - 1 * mm),
                          relative=1, thickness=0)
