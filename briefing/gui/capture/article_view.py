"""The article, read-only, with every candidate's sentence highlighted.

Each candidate's sentence gets a soft background (green for new, grey for what the
store already has, amber for incomplete, faded when rejected); the selected one gets
the strong highlight colour with its own words (the quote, the figure) underlined,
and is scrolled into the middle of the view.  Clicking a highlighted sentence
selects its candidate (``candidate_clicked``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from briefing.services.capture.candidates import Candidate

_SOFT_LIGHT = {"new": "#dff3e4", "duplicate": "#e6e8ec", "incomplete": "#fde9c8",
               "accepted": "#dbe6fa", "rejected": "#f3f4f6"}
_SOFT_DARK = {"new": "#1f3b2a", "duplicate": "#2c3038", "incomplete": "#4a3a1a",
              "accepted": "#1f2f4d", "rejected": "#23262c"}


def sentence_span(text: str, c: Candidate) -> tuple[int, int]:
    """Where the candidate's sentence is in ``text`` (its own span if not found)."""
    sentence = c.sentence
    if sentence:
        at = text.find(sentence, max(0, c.start - len(sentence)))
        if at < 0:
            at = text.find(sentence)
        if at >= 0:
            return at, at + len(sentence)
    return c.start, c.end


class ArticleView(QPlainTextEdit):
    candidate_clicked = Signal(object)  # the Candidate whose sentence was clicked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("captureArticle")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5) + 0.5)
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self._text = ""  # the article (kept: toPlainText() copies a 1 MB text each call)
        self._spans: list[tuple[int, int, Candidate]] = []
        self._states: dict[int, str] = {}
        self._current: Candidate | None = None
        self.setAccessibleName("Article text")

    def set_article(self, text: str, candidates: list[Candidate]) -> None:
        self.setPlainText(text)
        self._text = self.toPlainText()
        self._spans = [(*sentence_span(text, c), c) for c in candidates]
        self._current = None
        self._paint()

    def set_states(self, states: dict[int, str]) -> None:
        """``{id(candidate): state}`` — colours the sentences."""
        self._states = dict(states)
        self._paint()

    def show_candidate(self, c: Candidate | None) -> None:
        """Highlight ``c``'s sentence and scroll it into the middle of the view."""
        self._current = c
        self._paint()
        if c is None:
            return
        start = next((s for s, _e, x in self._spans if x is c), c.start)
        cursor = self.textCursor()
        cursor.setPosition(min(start, len(self._text)))
        self.setTextCursor(cursor)
        self.centerCursor()

    def highlighted_text(self) -> str:
        """The selected candidate's sentence (what the view highlights), for tests."""
        for s, e, c in self._spans:
            if c is self._current:
                return self._text[s:e]
        return ""

    def _dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        size = len(self._text)
        cursor.setPosition(min(start, size))
        cursor.setPosition(min(end, size), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _paint(self) -> None:
        soft = _SOFT_DARK if self._dark() else _SOFT_LIGHT
        selections = []
        for start, end, c in self._spans:
            if c is self._current:
                continue
            fmt = QTextCharFormat()
            state = self._states.get(id(c), "new")
            fmt.setBackground(QColor(soft.get(state, soft["new"])))
            if state == "rejected":
                fmt.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
            selections.append(self._selection(start, end, fmt))
        if self._current is not None:
            c = self._current
            start, end = next(((s, e) for s, e, x in self._spans if x is c), (c.start, c.end))
            strong = QTextCharFormat()
            strong.setBackground(self.palette().color(QPalette.ColorRole.Highlight))
            strong.setForeground(self.palette().color(QPalette.ColorRole.HighlightedText))
            strong.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selections.append(self._selection(start, end, strong))
            own = QTextCharFormat()
            own.setFontUnderline(True)
            own.setBackground(self.palette().color(QPalette.ColorRole.Highlight).darker(125))
            own.setForeground(self.palette().color(QPalette.ColorRole.HighlightedText))
            selections.append(self._selection(c.start, c.end, own))
        self.setExtraSelections(selections)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if self.textCursor().hasSelection():
            return  # the user is selecting text to copy
        pos = self.cursorForPosition(event.position().toPoint()).position()
        hits = [(e - s, c) for s, e, c in self._spans if s <= pos < e]
        if hits:
            self.candidate_clicked.emit(min(hits, key=lambda t: t[0])[1])

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._paint()
