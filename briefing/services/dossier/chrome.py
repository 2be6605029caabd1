"""What every page carries: classification marking top and bottom, the briefing
title, who prepared it and "Page X of Y" (drawn by :class:`.canvas.DossierCanvas`)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm

from .fonts import SANS, face
from .styles import MUTED, RULE, Layout, marking_colour
from .text import fit

BOLD = face(SANS, bold=True)
REGULAR = face(SANS)


class Chrome:
    """Page decorations for one dossier; the texts are fitted to their places once."""

    def __init__(self, layout: Layout, marking: str, title: str, meeting: str, prepared: str):
        self.layout = layout
        width = layout.frame_width
        self.marking = marking
        self.marking_colour = marking_colour(marking)
        self.title = fit(title, REGULAR, 7.5, width * 0.5)
        self.meeting = fit(meeting, REGULAR, 7.5, width * 0.47)
        self.prepared = fit(prepared, REGULAR, 7.5, width * 0.7)
        self._marks = {size: fit(marking, BOLD, size, width) for size in (9, 10.5)}

    # --- page callbacks (PageTemplate onPage) ---------------------------------------
    def cover(self, canv, doc) -> None:
        lay = self.layout
        band = 11 * mm
        canv.saveState()
        for y in (lay.height - band, 0):
            canv.setFillColor(self.marking_colour)
            canv.rect(0, y, lay.width, band, stroke=0, fill=1)
            self._marking(canv, y + band / 2 - 3.3, colors.white, 10.5)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(lay.left, band + 12 * mm, lay.width - lay.right, band + 12 * mm)
        canv.setFont(REGULAR, 7.5)
        canv.setFillColor(MUTED)
        canv.drawString(lay.left, band + 7 * mm, self.prepared)
        canv.restoreState()
        canv.draw_page_number(lay.width - lay.right, band + 7 * mm)

    def body(self, canv, doc) -> None:
        lay = self.layout
        top, right = lay.height, lay.width - lay.right
        canv.saveState()
        # header: marking, then title | meeting over a rule
        self._marking(canv, top - 11 * mm, self.marking_colour, 9)
        canv.setFont(REGULAR, 7.5)
        canv.setFillColor(MUTED)
        head_y = top - 18.5 * mm
        canv.drawString(lay.left, head_y, self.title)
        canv.drawRightString(right, head_y, self.meeting)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(lay.left, head_y - 2.2 * mm, right, head_y - 2.2 * mm)
        # footer: rule, prepared | page x of y, then the marking
        foot_y = 14 * mm
        canv.line(lay.left, foot_y + 3.5 * mm, right, foot_y + 3.5 * mm)
        canv.drawString(lay.left, foot_y, self.prepared)
        self._marking(canv, 7 * mm, self.marking_colour, 9)
        canv.restoreState()
        canv.draw_page_number(right, foot_y)

    def _marking(self, canv, y: float, colour, size: float) -> None:
        canv.setFont(BOLD, size)
        canv.setFillColor(colour)
        canv.drawCentredString(self.layout.width / 2, y, self._marks[size], charSpace=1.2)
