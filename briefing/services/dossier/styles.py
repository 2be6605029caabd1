"""The dossier's one stylesheet: page sizes, margins, colours and paragraph styles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm

from .errors import DossierError
from .fonts import SANS, SERIF, face, register_fonts

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}

# colours: a restrained navy accent, greys for secondary text
INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1f3a5f")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#b8c2cc")
SHADE = colors.HexColor("#eef2f6")
NOTE_BG = colors.HexColor("#f7f3e3")
WARN = colors.HexColor("#a34a00")
OURS = colors.HexColor("#1f3a5f")  # visits by our country (timeline)
THEIRS = colors.HexColor("#b5651d")  # visits to our country

# classification marking colours (text on the body pages, band on the cover)
MARKING_COLOURS = {
    "UNCLASSIFIED": colors.HexColor("#1e7b34"),
    "RESTRICTED": colors.HexColor("#a34a00"),
    "CONFIDENTIAL": colors.HexColor("#1d4f91"),
    "SECRET": colors.HexColor("#b00020"),
    "TOP SECRET": colors.HexColor("#8a0f6d"),
}


def css(colour: colors.Color) -> str:
    """*colour* for a markup attribute: ``rgb(31,58,95)`` (ReportLab reads that form
    directly; ``#1f3a5f`` costs it a trip through ``ast.literal_eval``)."""
    r, g, b = (round(c * 255) for c in colour.rgb())
    return f"rgb({r},{g},{b})"


def marking_colour(marking: str) -> colors.Color:
    return MARKING_COLOURS.get(marking.strip().upper(), colors.HexColor("#333333"))


@dataclass(frozen=True)
class Layout:
    """Page geometry for one page size."""

    name: str
    width: float
    height: float
    left: float = 20 * mm
    right: float = 20 * mm
    top: float = 27 * mm  # room for the marking and running head
    bottom: float = 24 * mm  # room for the footer

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


def layout_for(page_size: str) -> Layout:
    """``A4`` (default) or ``Letter`` (also ``US Letter``), case-insensitive."""
    key = (page_size or "A4").strip().lower().replace("us ", "").replace("us-", "")
    for name, (w, h) in PAGE_SIZES.items():
        if key == name.lower():
            return Layout(name=name, width=w, height=h)
    choices = " or ".join(PAGE_SIZES)
    raise DossierError(f"Unknown page size '{page_size}' (choose {choices})")


@lru_cache(maxsize=1)
def stylesheet() -> StyleSheet1:
    """The paragraph styles; built once (fonts are registered first)."""
    register_fonts()
    sans, sans_b, sans_i = face(SANS), face(SANS, bold=True), face(SANS, italic=True)
    serif, serif_b, serif_i = face(SERIF), face(SERIF, bold=True), face(SERIF, italic=True)
    ss = StyleSheet1()
    base = ParagraphStyle(
        "Body", fontName=sans, fontSize=9.5, leading=13.5, textColor=INK,
        spaceAfter=4, alignment=TA_LEFT, splitLongWords=1, uriWasteReduce=0.3,
    )
    ss.add(base)

    def add(name: str, parent: ParagraphStyle = base, **kw) -> None:
        ss.add(ParagraphStyle(name, parent=parent, **kw))

    add("Small", fontSize=8, leading=10.5, spaceAfter=2)
    add("Muted", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=2)
    add("Removed", fontName=sans_i, textColor=MUTED)
    add("Cell", fontSize=8.5, leading=11, spaceAfter=0)
    add("CellMuted", fontSize=7.5, leading=9.5, spaceAfter=0, textColor=MUTED)
    add("CellHead", fontName=sans_b, fontSize=8, leading=10, spaceAfter=0, textColor=colors.white)
    add("Point", fontSize=10, leading=14.5, leftIndent=7 * mm, bulletIndent=0,
        bulletFontName=sans_b, bulletFontSize=10, bulletColor=ACCENT, spaceAfter=6)
    add("Note", fontSize=8.5, leading=12, leftIndent=8 * mm, rightIndent=4, textColor=colors.HexColor("#4a3d00"),
        backColor=NOTE_BG, borderPadding=(3, 4, 3, 4), spaceBefore=6, spaceAfter=8)
    add("CellNote", fontSize=7.5, leading=9.5, spaceBefore=2, spaceAfter=0,
        textColor=colors.HexColor("#4a3d00"), backColor=NOTE_BG, borderPadding=(1, 2, 1, 2))
    add("EntryTitle", fontName=sans_b, fontSize=9.5, leading=13, leftIndent=8 * mm,
        bulletIndent=0, bulletFontName=sans_b, bulletFontSize=9.5, bulletColor=ACCENT,
        spaceAfter=1, keepWithNext=1)
    add("EntryBody", leftIndent=8 * mm, spaceAfter=2)
    add("Quote", fontName=serif_i, fontSize=10.5, leading=15, spaceAfter=2)
    add("Attribution", fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=0)
    add("ItemTitle", fontName=sans_b, fontSize=10, leading=13.5, spaceAfter=1, keepWithNext=1)
    add("Source", fontSize=8.5, leading=11.5, leftIndent=9 * mm, bulletIndent=0,
        bulletFontName=sans_b, bulletFontSize=8.5, bulletColor=ACCENT, spaceAfter=5)
    add("ChartCaption", fontSize=8, leading=10, textColor=MUTED, spaceBefore=2, spaceAfter=8)
    # headings
    add("H1", fontName=serif_b, fontSize=17, leading=21, textColor=ACCENT,
        spaceBefore=10, spaceAfter=8, keepWithNext=1)
    add("H2", fontName=sans_b, fontSize=11.5, leading=15, textColor=ACCENT,
        spaceBefore=8, spaceAfter=4, keepWithNext=1)
    add("Person", fontName=serif_b, fontSize=14, leading=18, textColor=INK, spaceAfter=2,
        keepWithNext=1)
    # contents
    add("ContentsTitle", fontName=serif_b, fontSize=20, leading=24, textColor=ACCENT,
        spaceAfter=14)
    # cover
    add("CoverKicker", fontName=sans_b, fontSize=10, leading=13, textColor=ACCENT, spaceAfter=6)
    add("CoverTitle", fontName=serif_b, fontSize=26, leading=31, textColor=INK, spaceAfter=10)
    add("CoverPurpose", fontName=serif_i, fontSize=13, leading=18, textColor=MUTED, spaceAfter=12)
    add("CoverLabel", fontName=sans_b, fontSize=8, leading=11, textColor=MUTED, spaceAfter=0)
    add("CoverValue", fontName=serif, fontSize=11.5, leading=15, spaceAfter=0)
    add("CoverNote", fontSize=8, leading=11, textColor=MUTED, alignment=TA_CENTER)
    add("Right", alignment=TA_RIGHT)
    return ss
