"""The detail pane: the selected record with its sources and links to related records.

Clicking a ``record:`` link shows that record here (Back/Forward like a browser,
Alt+Left / Alt+Right); ``timeline:`` and ``search:`` links are passed on to the
window through ``link_activated``.  Records in the trash or gone show a short note.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QTextBrowser, QToolButton, QVBoxLayout, QWidget,
)

from briefing.domain import Change, Kind
from briefing.gui.icons import icon
from briefing.gui.theme import current_colors
from briefing.gui.views.record_html import RecordHtml, css
from briefing.store import NotFoundError

EMPTY = ('<p style="margin-top:40px" align="center" class="muted">Select a record to see it '
         "here,<br>with its sources and the records tied to it.</p>")


class DetailPane(QWidget):
    record_shown = Signal(str, int)  # kind value, id ("" and 0 when empty)
    link_activated = Signal(str)  # a timeline:/search:/other link for the window

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.current: tuple[Kind, int] | None = None
        self._back: list[tuple[Kind, int]] = []
        self._forward: list[tuple[Kind, int]] = []
        self._marker = None

        self.back = QToolButton(autoRaise=True, toolTip="Back (Alt+Left)")
        self.back.setIcon(icon("undo"))
        self.back.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back.clicked.connect(self.go_back)
        self.forward = QToolButton(autoRaise=True, toolTip="Forward (Alt+Right)")
        self.forward.setIcon(icon("redo"))
        self.forward.setShortcut(QKeySequence(QKeySequence.StandardKey.Forward))
        self.forward.clicked.connect(self.go_forward)
        self.caption = QLabel("Details", objectName="muted")

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        bar.addWidget(self.back)
        bar.addWidget(self.forward)
        bar.addWidget(self.caption, 1)

        self.browser = QTextBrowser(objectName="detail")
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Record details")
        self.browser.anchorClicked.connect(self._follow)
        self.browser.document().setDocumentMargin(14)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self.clear()

    # --- showing ----------------------------------------------------------------------------------
    def show_record(self, kind: Kind | str, record_id: int, *, marker=None,
                    remember: bool = True) -> bool:
        kind = Kind(kind)
        if remember and self.current and self.current != (kind, record_id):
            self._back.append(self.current)
            self._forward.clear()
        self._marker = marker
        self.current = (kind, int(record_id))
        ok = self._render()
        self._update_buttons()
        return ok

    def refresh(self) -> None:
        """Read the shown record again, staying where the reader had scrolled to."""
        if self.current:
            bar = self.browser.verticalScrollBar()
            at = bar.value()
            self._render()
            bar.setValue(at)

    def _render(self) -> bool:
        kind, rid = self.current
        self.browser.document().setDefaultStyleSheet(css(current_colors()))
        try:
            record = self.store.get(kind, rid)
        except NotFoundError:
            self.browser.setHtml(f'<p class="muted">This {kind.value} is in the trash or no '
                                 "longer exists.</p>")
            self.caption.setText(kind.label)
            self.record_shown.emit(kind.value, rid)
            return False
        self.browser.setHtml(RecordHtml(self.store, self._marker).render(record))
        self.caption.setText(kind.label)
        self.record_shown.emit(kind.value, rid)
        return True

    def clear(self) -> None:
        self.current = None
        self.browser.document().setDefaultStyleSheet(css(current_colors()))
        self.browser.setHtml(EMPTY)
        self.caption.setText("Details")
        self._update_buttons()
        self.record_shown.emit("", 0)

    def text(self) -> str:
        return self.browser.toPlainText()

    # --- navigation ----------------------------------------------------------------------------------
    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("record:"):
            kind, _, rid = target[len("record:"):].partition("/")
            try:
                self.show_record(Kind(kind), int(rid), marker=None)
            except ValueError:
                pass
        else:
            self.link_activated.emit(target)

    def go_back(self) -> None:
        if self._back:
            self._forward.append(self.current)
            kind, rid = self._back.pop()
            self.show_record(kind, rid, remember=False)

    def go_forward(self) -> None:
        if self._forward:
            self._back.append(self.current)
            kind, rid = self._forward.pop()
            self.show_record(kind, rid, remember=False)

    def _update_buttons(self) -> None:
        self.back.setEnabled(bool(self._back))
        self.forward.setEnabled(bool(self._forward))

    def on_store_changed(self, change: Change) -> None:
        # any record may appear in the shown one's related lists: read it again (cheap);
        # a briefing's items (written as the composer types) show only on the briefing
        if not self.current or change.kind == "setting" or (
                change.kind == "briefing_item" and self.current[0] != Kind.BRIEFING):
            return
        self.refresh()

    def on_theme_changed(self, _dark: bool) -> None:
        self.back.setIcon(icon("undo"))
        self.forward.setIcon(icon("redo"))
        self.refresh() if self.current else self.clear()
