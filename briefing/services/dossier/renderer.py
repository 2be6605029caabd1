"""The one dossier renderer: an assembled briefing in, PDF bytes out.

In the manner of pretix's invoice renderer: one class, one stylesheet, fonts
registered once, page chrome drawn by page templates, a story built from data that
is already assembled (the renderer never touches the store), one layout pass.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from briefing.domain import AssembledBriefing

from .canvas import DossierCanvas, NumberStyle, PageNumbers
from .chrome import Chrome
from .context import Context
from .cover import marking, meeting_line, prepared_line
from .errors import DossierError
from .fonts import SANS, face, register_fonts
from .styles import INK, MUTED, Layout, layout_for, stylesheet
from .story import build_story
from .text import plain

_NO_PADDING = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
Progress = Callable[[int, int], None]  # (flowables laid out, flowables in the story)


class _Document(BaseDocTemplate):
    """Adds an outline entry (bookmark) for every flowable that carries ``.outline``
    and remembers the page each one starts on for the contents."""

    def __init__(self, *args, numbers: PageNumbers, **kwargs):
        super().__init__(*args, **kwargs)
        self._numbers = numbers

    def afterFlowable(self, flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline:
            key, title = outline
            self._numbers.section_pages.setdefault(key, self.canv.getPageNumber())
            self.canv.addOutlineEntry(plain(title), key, level=0, closed=False)


class DossierRenderer:
    """Renders one :class:`~briefing.domain.AssembledBriefing` as a PDF dossier."""

    def __init__(self, assembled: AssembledBriefing, page_size: str = "A4",
                 progress: Progress | None = None):
        register_fonts()
        self.assembled = assembled
        self.layout: Layout = layout_for(page_size)
        self.progress = progress
        self.ctx = Context(assembled, stylesheet(), self.layout.frame_width)
        self.page_count = 0  # known once :meth:`render` has run

    # --- metadata -------------------------------------------------------------------
    def metadata(self) -> dict[str, str]:
        b = self.assembled.briefing
        meeting = meeting_line(self.ctx)
        keywords = [marking(self.ctx), "briefing"]
        for code in (b.counterpart_country, b.our_country):
            if code:
                keywords.append(self.ctx.labels.country(code))
        if self.assembled.counterpart and self.assembled.counterpart.name:
            keywords.append(self.assembled.counterpart.name)
        return {
            "title": plain(b.title or "Untitled briefing"),
            "author": plain(b.author),
            "subject": plain(f"Briefing for a meeting: {meeting}" if meeting else "Briefing"),
            "keywords": plain(", ".join(keywords)),
            "creator": "Briefing",
        }

    def pdf_date(self) -> str:
        """The fixed creation date: the day prepared, else the meeting date."""
        d = self.assembled.prepared or self.assembled.briefing.date
        day = d.lower().replace("-", "") if d else "20000101"
        return f"D:{day}000000+00'00'"

    # --- build ----------------------------------------------------------------------
    def render(self) -> bytes:
        """The whole dossier: the story, then one layout pass."""
        numbers = PageNumbers()
        return self.build(self.story(numbers), numbers)

    def story(self, numbers: PageNumbers) -> list[Flowable]:
        """The flowables (cover, contents, sections, sources); *numbers* learns which
        sections the contents lists."""
        return build_story(self.ctx, numbers)

    def build(self, story: list[Flowable], numbers: PageNumbers) -> bytes:
        """Lay *story* out on the dossier's pages (chrome, outline, "Page X of Y")."""
        lay = self.layout
        buf = BytesIO()
        doc = _Document(
            buf, numbers=numbers, pagesize=(lay.width, lay.height), invariant=1,
            leftMargin=lay.left, rightMargin=lay.right, topMargin=lay.top,
            bottomMargin=lay.bottom, lang="en", initialFontName=face(SANS), **self.metadata(),
        )
        chrome = Chrome(lay, marking(self.ctx), plain(self.assembled.briefing.title),
                        meeting_line(self.ctx), prepared_line(self.ctx))
        cover_frame = Frame(lay.left, 28 * mm, lay.frame_width, lay.height - 58 * mm,
                            id="cover", **_NO_PADDING)
        body_frame = Frame(lay.left, lay.bottom, lay.frame_width, lay.frame_height, id="body",
                           **_NO_PADDING)
        doc.addPageTemplates([
            PageTemplate("cover", [cover_frame], onPage=chrome.cover),
            PageTemplate("body", [body_frame], onPage=chrome.body),
        ])
        if self.progress is not None:
            doc.setProgressCallBack(self._on_progress)
        canvasmaker = partial(
            DossierCanvas, numbers=numbers, pdf_date=self.pdf_date(),
            page_style=NumberStyle(face(SANS), 7.5, MUTED),
            contents_style=NumberStyle(face(SANS), 11.5, INK),
        )
        try:
            doc.build(story, canvasmaker=canvasmaker)
        except LayoutError as exc:
            raise DossierError(f"The dossier could not be laid out: {exc}") from exc
        self.page_count = numbers.pages
        return buf.getvalue()

    def _on_progress(self, kind: str, value: int) -> None:
        """ReportLab's counts go back when a flowable splits; report them monotonic."""
        if kind == "SIZE_EST":
            self._total, self._done = max(int(value), 1), 0
        elif kind == "PROGRESS":
            self._done = max(self._done, min(int(value), self._total - 1))
        elif kind == "FINISHED":
            self._done = self._total
        else:
            return
        self.progress(self._done, self._total)


def render_pdf(assembled: AssembledBriefing, page_size: str = "A4",
               progress: Progress | None = None) -> bytes:
    """The dossier for *assembled* as PDF bytes (same input, same bytes)."""
    return DossierRenderer(assembled, page_size, progress).render()
