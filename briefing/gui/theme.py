"""Light and dark palettes (Fusion style) that follow the system's colour scheme,
unless the user picked one (View → Theme; ``BRIEFING_THEME=dark`` for screenshots).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from briefing.gui import icons

LIGHT = {
    "window": "#f3f4f7", "base": "#ffffff", "alternate": "#f6f7f9", "text": "#1c2230",
    "muted": "#5f6b7a", "button": "#eceef2", "border": "#c9ced6", "highlight": "#2f6bd8",
    "highlighted_text": "#ffffff", "link": "#1d5fc4", "tooltip": "#fffbe6",
    "mark": "#ffe08a", "panel": "#e9ecf1",
}
DARK = {
    "window": "#20232a", "base": "#181a1f", "alternate": "#1d2026", "text": "#e3e6eb",
    "muted": "#9aa3ae", "button": "#2b2f37", "border": "#3a3f48", "highlight": "#3f7ee6",
    "highlighted_text": "#ffffff", "link": "#82b1ff", "tooltip": "#2b2f37",
    "mark": "#7a5d00", "panel": "#262a31",
}


def palette_for(colors: dict[str, str]) -> QPalette:
    c = {k: QColor(v) for k, v in colors.items()}
    p = QPalette()
    R = QPalette.ColorRole
    p.setColor(R.Window, c["window"])
    p.setColor(R.WindowText, c["text"])
    p.setColor(R.Base, c["base"])
    p.setColor(R.AlternateBase, c["alternate"])
    p.setColor(R.Text, c["text"])
    p.setColor(R.Button, c["button"])
    p.setColor(R.ButtonText, c["text"])
    p.setColor(R.BrightText, QColor("#ff5252"))
    p.setColor(R.Highlight, c["highlight"])
    p.setColor(R.HighlightedText, c["highlighted_text"])
    p.setColor(R.Link, c["link"])
    p.setColor(R.LinkVisited, c["link"])
    p.setColor(R.ToolTipBase, c["tooltip"])
    p.setColor(R.ToolTipText, c["text"])
    p.setColor(R.PlaceholderText, c["muted"])
    p.setColor(R.Mid, c["border"])
    p.setColor(R.Midlight, c["panel"])
    p.setColor(R.Light, c["base"])
    p.setColor(R.Dark, c["border"].darker(130))
    p.setColor(R.Shadow, QColor("#000000"))
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, c["muted"])
    p.setColor(QPalette.ColorGroup.Disabled, R.Highlight, c["border"])
    return p


# Style sheets only where they are needed: an application-wide style sheet makes Qt
# polish every widget through its style-sheet engine (~0.2 s more at start-up).
NAVIGATION_STYLE = """
QListView#navigation { border: none; background: %(panel)s; padding: 6px 4px; outline: 0; }
QListView#navigation::item { padding: 6px 8px; border-radius: 6px; margin: 1px 2px; }
QListView#navigation::item:selected { background: %(highlight)s; color: %(highlighted_text)s; }
QListView#navigation::item:hover:!selected { background: %(button)s; }
"""
SEARCH_FIELD_STYLE = """
QLineEdit#globalSearch { padding: 4px 8px; border: 1px solid %(border)s; border-radius: 6px;
    background: %(base)s; min-height: 22px; }
QLineEdit#globalSearch:focus { border: 1px solid %(highlight)s; }
"""


def style_labels(root) -> None:
    """Give the labels under ``root`` named ``pageTitle`` (a page's heading) or ``muted``
    (secondary text) their look, without a style sheet.  The main window calls this
    for every page it shows; a separate window calls it once it is built."""
    for label in [root, *root.findChildren(QLabel)]:
        if not isinstance(label, QLabel):
            continue
        name = label.objectName()
        if name == "muted":
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        elif name == "pageTitle":
            font = QFont(label.font())
            font.setPointSizeF(15)
            font.setWeight(QFont.Weight.DemiBold)
            label.setFont(font)


class Theme(QObject):
    """Applies a palette now and again whenever the system scheme changes."""

    changed = Signal(bool)  # dark?

    def __init__(self, app: QApplication, choice: str = "system"):
        super().__init__(app)
        self.app = app
        self.choice = os.environ.get("BRIEFING_THEME", "") or choice
        app.setStyle("Fusion")
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())
        self.apply()

    @property
    def dark(self) -> bool:
        if self.choice == "dark":
            return True
        if self.choice == "light":
            return False
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark

    @property
    def colors(self) -> dict[str, str]:
        return DARK if self.dark else LIGHT

    def set_choice(self, choice: str) -> None:
        self.choice = choice
        self.apply()

    def apply(self) -> None:
        colors = self.colors
        self.app.setPalette(palette_for(colors))
        icons.clear_cache()
        self.changed.emit(self.dark)


def current_colors() -> dict[str, str]:
    """The colours in use (for views that draw: the timeline, the detail pane)."""
    pal = QGuiApplication.palette()
    dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
    return DARK if dark else LIGHT


def app_theme() -> Theme | None:
    """The application's :class:`Theme`, if the app made one."""
    app = QApplication.instance()
    return app.findChild(Theme) if app is not None else None
