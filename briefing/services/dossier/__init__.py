"""PDF dossier: an assembled briefing rendered with ReportLab platypus (headless).

Public API::

    render_pdf(assembled, page_size="A4", progress=None) -> bytes
    write_pdf(assembled, path, page_size="A4", progress=None) -> Path
    write_dossier(assembled, path, page_size="A4", progress=None) -> Written
                        # Written(path, pages, size, page_size)
    DossierError        # plain-language failure (bad page size, unwritable folder, full disk)
    PAGE_SIZES          # {"A4": ..., "Letter": ...}

``progress(done, total)`` is called as flowables are laid out (raise from it to
cancel; the exception propagates and nothing is written).
"""

from __future__ import annotations

from .errors import DossierError
from .renderer import DossierRenderer, render_pdf
from .styles import PAGE_SIZES
from .writer import Written, write_dossier, write_pdf

__all__ = ["DossierError", "DossierRenderer", "PAGE_SIZES", "render_pdf", "write_pdf",
           "write_dossier", "Written"]
