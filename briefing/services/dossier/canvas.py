"""The dossier canvas: "Page X of Y", contents page numbers and a fixed date, in one pass.

The total page count and the pages sections start on are only known at the end of
the build.  Instead of building twice (or replaying every page, which breaks links
and bookmarks), each page draws a named PDF form XObject where its number goes —
``page-7`` for "Page 7 of Y", ``toc-sec-3`` for a contents entry — and :meth:`save`
defines those forms once the numbers are known.  PDF allows the forward reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

_FORM_BOX = (-300, -10, 10, 30)  # forms are drawn right-aligned at their origin


@dataclass
class PageNumbers:
    """Shared between the document (which learns section pages) and the canvas."""

    section_pages: dict[str, int] = field(default_factory=dict)
    contents_keys: list[str] = field(default_factory=list)
    pages: int = 0


@dataclass(frozen=True)
class NumberStyle:
    font: str
    size: float
    colour: Color


class DossierCanvas(Canvas):
    """A ReportLab canvas with deferred page numbers and a reproducible date."""

    def __init__(self, *args, numbers: PageNumbers, pdf_date: str, page_style: NumberStyle,
                 contents_style: NumberStyle, **kwargs):
        super().__init__(*args, **kwargs)
        self._numbers = numbers
        self._page_style = page_style
        self._contents_style = contents_style
        self.setDateFormatter(lambda *_: pdf_date)
        self.showOutline()

    # --- drawn while the pages are laid out -------------------------------------
    def draw_page_number(self, x: float, y: float) -> None:
        """Place "Page X of Y" right-aligned at (x, y) on the current page."""
        self._place(f"page-{self.getPageNumber()}", x, y)

    def draw_section_page(self, key: str, x: float, y: float) -> None:
        """Place the number of the page section *key* starts on, right-aligned at (x, y)."""
        self._place(f"toc-{key}", x, y)

    def _place(self, form: str, x: float, y: float) -> None:
        self.saveState()
        self.translate(x, y)
        self.doForm(form)
        self.restoreState()

    def showPage(self) -> None:
        super().showPage()
        self._numbers.pages += 1

    # --- once everything is known ------------------------------------------------
    def save(self) -> None:
        total = self._numbers.pages
        for n in range(1, total + 1):
            self._define(f"page-{n}", f"Page {n} of {total}", self._page_style)
        for key in self._numbers.contents_keys:
            page = self._numbers.section_pages.get(key)
            self._define(f"toc-{key}", str(page) if page else "", self._contents_style)
        super().save()

    def _define(self, name: str, text: str, style: NumberStyle) -> None:
        self.beginForm(name, *_FORM_BOX)
        self.setFont(style.font, style.size)
        self.setFillColor(style.colour)
        self.drawRightString(0, 0, text)
        self.endForm()
