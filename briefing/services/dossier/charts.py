"""Pictures drawn with ``reportlab.graphics``: the figures bar chart and the visits timeline.

Labels are user text, so they go through :func:`.text.fit` (no markup in graphics,
but missing glyphs and overflow still matter).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing.domain import Figure, Visit
from briefing.services.record_labels import figure_value

from . import labels as lbl
from .fonts import SANS, face
from .styles import ACCENT, INK, MUTED, OURS, RULE, SHADE, THEIRS
from .text import fit

REGULAR = face(SANS)
BOLD = face(SANS, bold=True)
MAX_CHARTS = 3
BAR = 15.0  # height per bar


def _drawing(width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    d.initialFontName = REGULAR  # else graphics start in (unembedded) Helvetica
    d.initialFontSize = 8
    return d


# ----------------------------------------------------------------------- figures
def chart_groups(figures: list[Figure]) -> list[list[Figure]]:
    """Figures that share a unit, one group per chart: every unit with two or more
    numbers, or failing that the first unit that has any (at most three charts)."""
    groups: dict[str, list[Figure]] = {}
    for fig in figures:
        if fig.value is not None and math.isfinite(fig.value):
            groups.setdefault((fig.unit or "").strip(), []).append(fig)
    several = [g for g in groups.values() if len(g) > 1]
    chosen = several or list(groups.values())[:1]
    return chosen[:MAX_CHARTS]


def two_lines(text: str, font: str, size: float, width: float) -> str:
    """*text* on at most two lines of *width* (the second shortened with an ellipsis)."""
    words = " ".join(fit(text, font, size, 10_000).split()).split(" ")
    first = ""
    for i, word in enumerate(words):
        trial = f"{first} {word}".strip()
        if stringWidth(trial, font, size) > width:
            if not first:
                return fit(text, font, size, width)
            rest = fit(" ".join(words[i:]), font, size, width)
            return f"{first}\n{rest}"
        first = trial
    return first


def figures_chart(figs: list[Figure], width: float) -> Drawing:
    """A horizontal bar chart of *figs* (one unit) labelled with metric and value."""
    n = len(figs)
    label_w = width * 0.40
    value_room = 110.0
    names = [two_lines(f.metric or "(unnamed)", REGULAR, 8, label_w - 8)
             for f in reversed(figs)]  # the chart draws the first category at the bottom
    bar = BAR * (1.45 if any("\n" in name for name in names) else 1)
    height = n * bar + 16
    d = _drawing(width, height)
    bc = HorizontalBarChart()
    bc.x, bc.y = label_w, 8
    bc.width, bc.height = max(width - label_w - value_room, 40), n * bar
    ordered = list(reversed(figs))  # the chart draws the first category at the bottom
    values = [float(f.value) for f in ordered]
    bc.data = [values]
    bc.bars[0].fillColor = ACCENT
    bc.bars[0].strokeColor = None
    bc.barWidth = BAR * 0.62
    bc.groupSpacing = bar - BAR * 0.62
    low, high = min(values + [0.0]), max(values + [0.0])
    if low == high:
        high = low + 1
    bc.valueAxis.valueMin, bc.valueAxis.valueMax = low, high
    bc.valueAxis.visible = 0
    bc.valueAxis.visibleGrid = 0
    bc.categoryAxis.strokeColor = RULE
    bc.categoryAxis.visibleTicks = 0
    bc.categoryAxis.categoryNames = names
    bc.categoryAxis.labels.fontName = REGULAR
    bc.categoryAxis.labels.fontSize = 8
    bc.categoryAxis.labels.leading = 9.5
    bc.categoryAxis.labels.fillColor = INK
    bc.categoryAxis.labels.boxAnchor = "e"
    bc.categoryAxis.labels.dx = -6
    bc.barLabelFormat = "values"
    bc.barLabelArray = [[fit(figure_value(f), BOLD, 8, value_room - 6) for f in ordered]]
    bc.barLabels.fontName = BOLD
    bc.barLabels.fontSize = 8
    bc.barLabels.fillColor = INK
    bc.barLabels.boxAnchor = "w"
    bc.barLabels.dx = 4
    d.add(bc)
    return d


# ----------------------------------------------------------------------- timeline
@dataclass
class _Mark:
    number: int
    x: float
    above: bool
    line1: str
    line2: str
    width: float
    level: int = 0
    anchor_right: bool = False


def _year_fraction(d) -> float:
    return d.year + ((d.month or 1) - 1) / 12 + ((d.day or 1) - 1) / 372


def _tick_step(span: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100):
        if span / step <= 12:
            return step
    return 500


class Timeline:
    """Numbered visits on a time axis: visits by *pivot* above, visits to it below."""

    LEVEL = 22.0
    MAX_LEVELS = 3
    BAND = 13.0
    LABEL_H = 19.0

    def __init__(self, visits: list[tuple[int, Visit]], width: float, pivot: str | None,
                 labels: lbl.Labels):
        self.visits = [(n, v) for n, v in visits if v.start]
        self.width = width
        self.pivot = pivot
        self.labels = labels

    def drawing(self) -> Drawing | None:
        if not self.visits:
            return None
        years = [_year_fraction(v.start) for _, v in self.visits]
        first, last = math.floor(min(years)), math.floor(max(years)) + 1
        x0, x1 = 6.0, self.width - 6.0
        pad = 14.0

        def xpos(t: float) -> float:
            return x0 + pad + (t - first) / (last - first) * (x1 - x0 - 2 * pad)

        marks = self._place(
            [self._mark(n, v, xpos(_year_fraction(v.start))) for n, v in self.visits], x1
        )
        up = max([m.level + 1 for m in marks if m.above], default=0)
        down = max([m.level + 1 for m in marks if not m.above], default=0)
        legend = 14.0
        above_h = up * self.LEVEL + self.LABEL_H if up else 4
        below_h = down * self.LEVEL + self.LABEL_H if down else 4
        height = legend + below_h + self.BAND + above_h + 4
        band_y = legend + below_h
        d = _drawing(self.width, height)
        d.add(Rect(x0, band_y, x1 - x0, self.BAND, fillColor=SHADE, strokeColor=None))
        step = _tick_step(last - first)
        for year in range(first, last + 1, step):
            x = xpos(year)
            d.add(Line(x, band_y, x, band_y + self.BAND, strokeColor=colors.white,
                       strokeWidth=1))
            if year + step <= last:  # label each span in its middle
                d.add(String((x + xpos(min(year + step, last))) / 2, band_y + 3.8,
                             str(year) if step == 1 else f"{year}–{year + step - 1}",
                             fontName=REGULAR, fontSize=7, fillColor=MUTED,
                             textAnchor="middle"))
        for m in marks:
            self._draw_mark(d, m, band_y)
        self._legend(d, x0)
        return d

    def _mark(self, n: int, v: Visit, x: float) -> _Mark:
        above = self.pivot is None or v.guest_country == self.pivot
        line1 = f"{n}  {lbl.short_date(v.start)}"
        line2 = fit(v.place or self.labels.country(v.host_country), REGULAR, 7, 90)
        width = max(
            String(0, 0, line1, fontName=BOLD, fontSize=7.5).getBounds()[2],
            String(0, 0, line2, fontName=REGULAR, fontSize=7).getBounds()[2] if line2 else 0,
        )
        return _Mark(n, x, above, line1, line2, width + 4)

    def _place(self, marks: list[_Mark], right_edge: float) -> list[_Mark]:
        """Stagger labels over up to three levels per side so they never overlap; a
        label with no room shrinks to its number, then to a bare dot (the list below
        the timeline has every visit)."""
        for side in (True, False):
            ends: list[float] = []
            for m in sorted((m for m in marks if m.above == side), key=lambda m: m.x):
                for shrink in (False, True):
                    if shrink:
                        m.line1, m.line2 = str(m.number), ""
                        m.width = String(0, 0, m.line1, fontName=BOLD, fontSize=7.5).getBounds()[2] + 4
                    m.anchor_right = m.x + m.width > right_edge
                    left = m.x - m.width if m.anchor_right else m.x
                    free = [lv for lv, end in enumerate(ends) if left > end + 4]
                    if not free and len(ends) < self.MAX_LEVELS:
                        ends.append(float("-inf"))
                        free = [len(ends) - 1]
                    if free:
                        m.level = free[0]
                        ends[m.level] = left + m.width
                        break
                else:
                    m.level = -1  # no room: a dot on the axis only
        return marks

    def _draw_mark(self, d: Drawing, m: _Mark, band_y: float) -> None:
        colour = OURS if m.above else THEIRS
        d.add(Circle(m.x, band_y + self.BAND / 2, 3.2, fillColor=colour, strokeColor=colors.white,
                     strokeWidth=0.8))
        if m.level < 0:
            return
        rise = (m.level + 1) * self.LEVEL - 8
        if m.above:
            y_edge, y_end = band_y + self.BAND, band_y + self.BAND + rise
            line1_y, line2_y = y_end + 10, y_end + 2
        else:
            y_edge, y_end = band_y, band_y - rise
            line1_y, line2_y = y_end - 8, y_end - 16
        d.add(Line(m.x, y_edge, m.x, y_end, strokeColor=colour, strokeWidth=0.6))
        anchor = "end" if m.anchor_right else "start"
        tx = m.x - 2 if m.anchor_right else m.x + 2
        d.add(String(tx, line1_y, m.line1, fontName=BOLD, fontSize=7.5, fillColor=colour,
                     textAnchor=anchor))
        if m.line2:
            d.add(String(tx, line2_y, m.line2, fontName=REGULAR, fontSize=7, fillColor=INK,
                         textAnchor=anchor))

    def _legend(self, d: Drawing, x: float) -> None:
        if self.pivot is None:
            return
        name = fit(self.labels.country(self.pivot), REGULAR, 7.5, 160)
        for colour, text in ((OURS, f"Visits by {name}"), (THEIRS, f"Visits to {name}")):
            d.add(Circle(x + 3, 4.5, 3, fillColor=colour, strokeColor=None))
            d.add(String(x + 10, 2, text, fontName=REGULAR, fontSize=7.5, fillColor=INK))
            x += 12 + String(0, 0, text, fontName=REGULAR, fontSize=7.5).getBounds()[2] + 16
