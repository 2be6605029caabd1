"""The first page of the capture window: paste an article, drop a file, or open one.

``requested(path, text, url)`` asks the window to capture a file (``path``) or the
pasted ``text``; the URL is optional and kept with the source.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from briefing.gui.editing.fields import error_colour
from briefing.services.capture.reading import READABLE_SUFFIXES

ARTICLE_SUFFIXES = tuple(READABLE_SUFFIXES)  # what capture reads
FILE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"


def article_paths(mime) -> list[str]:
    """The local article files (.txt, .md, .html) in a drag or drop."""
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls()
            if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in ARTICLE_SUFFIXES]


class InputPage(QWidget):
    requested = Signal(object, str, str)  # path (or None), pasted text, url

    def __init__(self, parent=None):
        super().__init__(parent)
        self.choose_file = self._choose_file  # replaced in tests
        self._last_dir = str(Path.home())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel("Capture an article", objectName="pageTitle")
        layout.addWidget(title)
        intro = QLabel("Paste a news article below, drop a .txt, .md or .html file on this window, "
                       "or open one. Capture proposes the quotes, statements, agreements, visits and "
                       "figures in it; you review them, and only what you accept is stored.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.paste = QPlainTextEdit(objectName="capturePaste")
        self.paste.setPlaceholderText("Paste the article's text (or HTML) here…")
        self.paste.setAccessibleName("Article text to capture")
        layout.addWidget(self.paste, 1)
        url_row = QHBoxLayout()
        url_row.addWidget(QLabel("Published at"))
        self.url = QLineEdit(objectName="captureUrl")
        self.url.setPlaceholderText("https://… (optional: kept with the source)")
        url_row.addWidget(self.url, 1)
        layout.addLayout(url_row)
        self.error = QLabel(objectName="captureError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("&Open File…")
        self.open_button.setToolTip("Capture a .txt, .md or .html file")
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.capture_button = QPushButton("&Capture Pasted Text")
        self.capture_button.setDefault(True)
        self.capture_button.setToolTip("Read the pasted text (Ctrl+Return)")
        buttons.addWidget(self.capture_button)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_file)
        self.capture_button.clicked.connect(self.capture_pasted)
        QShortcut(QKeySequence("Ctrl+Return"), self.paste, self.capture_pasted)

    def show_error(self, text: str) -> None:
        pal = self.error.palette()
        pal.setColor(self.error.foregroundRole(), error_colour(self))
        self.error.setPalette(pal)
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def capture_pasted(self) -> None:
        text = self.paste.toPlainText()
        if not text.strip():
            self.show_error("Paste an article first (or open or drop a file).")
            self.paste.setFocus()
            return
        self.show_error("")
        self.requested.emit(None, text, self.url.text().strip())

    def open_file(self) -> None:
        path = self.choose_file(self)
        if path:
            self._last_dir = str(Path(path).parent)
            self.show_error("")
            self.requested.emit(path, "", self.url.text().strip())

    def _choose_file(self, parent) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, "Capture an article", self._last_dir, FILE_FILTER)
        return path
