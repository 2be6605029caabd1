"""The embedded fonts: DejaVu Sans and DejaVu Serif from ``resources/fonts``.

:func:`register_fonts` registers both families with ReportLab once per process (so
``<b>``/``<i>`` pick the right face).  :func:`coverage` and :func:`face_coverage` tell
which characters can be drawn, so text falls back to upright DejaVu Sans (the widest
coverage: Arabic is missing from the oblique and serif faces, Hebrew from the serif
ones) or to U+FFFD instead of emitting glyphs the fonts lack.  (ReportLab's
``<font face="DejaVuSans">`` selects exactly that upright face, whatever the
surrounding bold or italic.)
"""

from __future__ import annotations

import threading
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefing.paths import fonts_dir

from .errors import DossierError

SANS = "DejaVuSans"
SERIF = "DejaVuSerif"
FALLBACK = SANS  # the face used for characters the current font lacks

# family -> (regular, bold, italic, bold italic) face names == file stems
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    SANS: (SANS, f"{SANS}-Bold", f"{SANS}-Oblique", f"{SANS}-BoldOblique"),
    SERIF: (SERIF, f"{SERIF}-Bold", f"{SERIF}-Italic", f"{SERIF}-BoldItalic"),
}

_lock = threading.Lock()
_registered = False


def face(family: str, bold: bool = False, italic: bool = False) -> str:
    """The registered face name of *family* in the given weight and slant."""
    return FAMILIES[family][(2 if italic else 0) + (1 if bold else 0)]


def register_fonts() -> None:
    """Register every face and the families with ReportLab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for faces in FAMILIES.values():
            for name in faces:
                path = folder / f"{name}.ttf"
                try:
                    pdfmetrics.registerFont(TTFont(name, str(path)))
                except Exception as exc:  # missing or unreadable file
                    raise DossierError(
                        f"The font file {path} is missing or damaged; reinstall Briefing ({exc})"
                    ) from exc
        for family, (regular, bold, italic, bold_italic) in FAMILIES.items():
            pdfmetrics.registerFontFamily(family, normal=regular, bold=bold, italic=italic,
                                          boldItalic=bold_italic)
        _registered = True


@lru_cache(maxsize=None)
def face_coverage(font_name: str) -> frozenset[int]:
    """Code points one registered face can draw (BMP only: ReportLab writes the
    ToUnicode map of astral characters such as emoji wrongly, so they would not copy
    or search)."""
    register_fonts()
    cmap = pdfmetrics.getFont(font_name).face.charToGlyph
    return frozenset(cp for cp in cmap if 0 < cp <= 0xFFFF)


@lru_cache(maxsize=None)
def coverage(family: str) -> frozenset[int]:
    """Code points every face of *family* can draw."""
    return frozenset.intersection(*(face_coverage(name) for name in FAMILIES[family]))
