"""Where the timeline's marks go (no Qt): partial dates become day ranges, events go
into lanes, and marks that would overlap (with their labels) are stacked in rows.

A partial date covers a range ("November 2025" is 1–30 November), so a mark is
drawn over that range and centred in it; a visit runs from its start to its end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from briefing.dates import DateError, PartialDate
from briefing.domain import Kind
from briefing.store.related import TimelineEvent

MAX_ROWS = 7  # rows per lane before marks may overlap


@dataclass(frozen=True)
class Lane:
    key: str
    title: str
    kind: Kind


@dataclass
class Placed:
    event: TimelineEvent
    lane: str
    lo: int  # first day covered (proleptic ordinal)
    hi: int  # last day covered
    precise: bool  # the date is a day (not a month or a year)
    row: int = 0


@dataclass
class Layout:
    lanes: list[Lane]
    placed: list[Placed] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # rows used per lane
    first: int = 0
    last: int = 0

    def counts(self) -> dict[Kind, int]:
        out: dict[Kind, int] = {}
        for p in self.placed:
            out[p.event.kind] = out.get(p.event.kind, 0) + 1
        return out


def day_range(iso: str | None, approximate: bool = False) -> tuple[int, int] | None:
    if not iso:
        return None
    try:
        d = PartialDate.parse(iso, approximate)
    except DateError:
        return None
    return date.fromisoformat(d.lower()).toordinal(), date.fromisoformat(d.upper()).toordinal()


def pair_lanes(a_name: str, b_name: str, a: str, b: str) -> tuple[list[Lane], callable]:
    lanes = [Lane("ab", f"{a_name} → {b_name}", Kind.VISIT),
             Lane("ba", f"{b_name} → {a_name}", Kind.VISIT),
             Lane("agreements", "Agreements", Kind.AGREEMENT),
             Lane("statements", "Statements", Kind.STATEMENT)]

    def lane_of(e: TimelineEvent) -> str:
        if e.kind == Kind.VISIT:
            return "ab" if (e.from_country or "").upper() == a.upper() else "ba"
        return "agreements" if e.kind == Kind.AGREEMENT else "statements"

    return lanes, lane_of


def person_lanes() -> tuple[list[Lane], callable]:
    lanes = [Lane("visits", "Visits", Kind.VISIT), Lane("agreements", "Agreements", Kind.AGREEMENT),
             Lane("statements", "Statements", Kind.STATEMENT)]
    return lanes, lambda e: {Kind.VISIT: "visits", Kind.AGREEMENT: "agreements"}.get(e.kind, "statements")


def place(events: list[TimelineEvent], lanes: list[Lane], lane_of) -> Layout:
    """Day ranges and lanes for every dated event (rows are set by :func:`stack`)."""
    layout = Layout(lanes)
    for e in events:
        start = day_range(e.start, e.start_approx)
        if start is None:
            continue
        lo, hi = start
        end = day_range(e.end) if e.end else None
        if end and end[1] >= lo:
            hi = end[1]
        precise = len(e.start) == 10
        layout.placed.append(Placed(e, lane_of(e), lo, hi, precise))
    if layout.placed:
        layout.first = min(p.lo for p in layout.placed)
        layout.last = max(p.hi for p in layout.placed)
    return layout


def stack(layout: Layout, x_of, extent) -> None:
    """Give each mark a row in its lane so that marks and labels do not overlap.
    ``x_of(day)`` maps a day to x; ``extent(placed)`` is the mark's width with label."""
    for lane in layout.lanes:
        items = sorted((p for p in layout.placed if p.lane == lane.key),
                       key=lambda p: (p.lo, p.event.kind.value, p.event.id))
        ends: list[float] = []
        for p in items:
            x0 = x_of(p.lo)
            x1 = x0 + extent(p)
            for row, end in enumerate(ends):
                if x0 >= end:
                    p.row, ends[row] = row, x1
                    break
            else:
                if len(ends) < MAX_ROWS:
                    p.row = len(ends)
                    ends.append(x1)
                else:
                    row = min(range(len(ends)), key=lambda r: ends[r])
                    p.row, ends[row] = row, max(ends[row], x1)
        layout.rows[lane.key] = max(1, len(ends))
