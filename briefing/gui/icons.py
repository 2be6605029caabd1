"""Icons drawn as SVG in ``resources/icons``: line icons are drawn in black and
recoloured here to the palette's text colour (so they read on light and dark), the
application icon keeps its own colours.

    icon("search")            # QIcon, tinted for the current palette
    app_icon()                # the application's icon
    KIND_ICONS[Kind.VISIT]    # the icon name of a record kind
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from briefing import paths
from briefing.domain import Kind

APP_ICON = "app-briefing"
KIND_ICONS = {
    Kind.STATEMENT: "statement", Kind.VISIT: "visit", Kind.AGREEMENT: "agreement",
    Kind.PERSON: "person", Kind.ORGANISATION: "organisation", Kind.SOURCE: "source",
    Kind.FIGURE: "figure", Kind.STANCE: "stance", Kind.BRIEFING: "briefing",
}
# one colour per kind, used by the timeline and the search results' kind badges
KIND_COLORS = {
    Kind.STATEMENT: "#7b5ea7", Kind.VISIT: "#2e7d9a", Kind.AGREEMENT: "#c0702a",
    Kind.PERSON: "#4a7c59", Kind.ORGANISATION: "#5d6d7e", Kind.SOURCE: "#8a6d3b",
    Kind.FIGURE: "#b5485d", Kind.STANCE: "#a0522d", Kind.BRIEFING: "#34495e",
}


def _svg(name: str) -> bytes:
    return (paths.icons_dir() / f"{name}.svg").read_bytes()


def _render(data: bytes, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(data))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


@lru_cache(maxsize=256)
def _tinted(name: str, color: str, disabled: str) -> QIcon:
    data = _svg(name)
    out = QIcon()
    for c, mode, sizes in ((color, QIcon.Mode.Normal, (16, 24, 32)),
                           (disabled, QIcon.Mode.Disabled, (16, 24))):
        coloured = data.replace(b"#000000", c.encode())
        for size in sizes:
            out.addPixmap(_render(coloured, size), mode)
    return out


def icon(name: str, color: str | None = None) -> QIcon:
    """A line icon in the palette's text colour (or ``color``); empty if missing."""
    if not (paths.icons_dir() / f"{name}.svg").exists():
        return QIcon()
    pal = QGuiApplication.palette()
    text = color or pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    fg, bg = QColor(text), pal.color(QPalette.ColorRole.Window)
    faded = QColor.fromRgbF(*(0.35 * a + 0.65 * b for a, b in zip(
        (fg.redF(), fg.greenF(), fg.blueF()), (bg.redF(), bg.greenF(), bg.blueF()))))
    return _tinted(name, text, faded.name())


def kind_icon(kind: Kind | str, color: str | None = None) -> QIcon:
    return icon(KIND_ICONS[Kind(kind)], color)


def app_icon() -> QIcon:
    data = _svg(APP_ICON)
    out = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        out.addPixmap(_render(data, size))
    return out


def clear_cache() -> None:
    """Forget tinted icons (after the palette changed)."""
    _tinted.cache_clear()
