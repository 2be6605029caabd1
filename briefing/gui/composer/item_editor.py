"""The editor for the selected briefing item: what it is, why it was suggested, its
text (for a talking point or note) and the user's annotation.

Typing is saved by itself shortly after the last keystroke (``SAVE_DELAY_MS``), and at
once when the selection moves or the editor loses focus; nothing needs a Save button.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from briefing.domain import AssembledItem, Kind
from briefing.services.composer.describe import item_label

SAVE_DELAY_MS = 600


class _Text(QPlainTextEdit):
    focus_left = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().focusOutEvent(event)
        self.focus_left.emit()


class ItemEditor(QWidget):
    text_edited = Signal(int, str)  # item id, new text (a talking point's words)
    annotation_edited = Signal(int, str)  # item id, new annotation

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._item_id: int | None = None
        self._loaded = ("", "")
        self._free = False
        self.what = QLabel("Select an item of the briefing to annotate it.", objectName="itemWhat")
        self.what.setWordWrap(True)
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.why = QLabel(objectName="muted")
        self.why.setWordWrap(True)
        self.text_label = QLabel("Talking point")
        self.text = _Text(objectName="itemText")
        self.text.setPlaceholderText("Write the talking point here")
        self.text.setTabChangesFocus(True)
        self.note_label = QLabel("Annotation")
        self.annotation = _Text(objectName="itemAnnotation")
        self.annotation.setPlaceholderText("Your note on this item (printed under it in the dossier)")
        self.annotation.setTabChangesFocus(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.what, self.why, self.text_label, self.text, self.note_label, self.annotation):
            lay.addWidget(w)
        lay.setStretch(3, 1)
        lay.setStretch(5, 1)

        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self.text.textChanged.connect(self._timer.start)
        self.annotation.textChanged.connect(self._timer.start)
        self.text.focus_left.connect(self.save)
        self.annotation.focus_left.connect(self.save)
        self.show_item(None)

    @property
    def item_id(self) -> int | None:
        return self._item_id

    def show_item(self, ai: AssembledItem | None, country_names: dict | None = None) -> None:
        """Show an item (saving what was typed for the previous one first)."""
        if ai is not None and ai.item.id == self._item_id and self._dirty():
            return  # the user is typing into this item: keep their words
        self.save()
        self._item_id = ai.item.id if ai else None
        free = ai is not None and ai.record is None and not ai.removed
        text = ai.item.text if free else ""
        note = ai.item.annotation if ai else ""
        for w in (self.text, self.annotation):
            w.blockSignals(True)
        self.text.setPlainText(text)
        self.annotation.setPlainText(note)
        for w in (self.text, self.annotation):
            w.blockSignals(False)
        self._loaded = (text, note)
        self._free = free
        self.text.setVisible(free)
        self.text_label.setVisible(free)
        self.annotation.setEnabled(ai is not None)
        if ai is None:
            self.what.setText("Select an item of the briefing to annotate it.")
            self.why.setText("")
        elif free:
            self.what.setText("Talking point" if ai.item.section == "talking_points" else "Free text")
            self.why.setText("")
        else:
            kind = Kind(ai.item.ref_kind).label if ai.item.ref_kind else "Item"
            self.what.setText(f"<b>{kind}</b>: " + html.escape(item_label(ai, country_names or {}), quote=False))
            self.why.setText(f"Suggested because: {ai.item.reason}" if ai.item.reason else "")

    def _dirty(self) -> bool:
        return (self.text.toPlainText(), self.annotation.toPlainText()) != self._loaded

    def save(self) -> None:
        """Send what changed since the item was shown (each field on its own)."""
        self._timer.stop()
        if self._item_id is None or not self._dirty():
            return
        text, note = self.text.toPlainText(), self.annotation.toPlainText()
        old_text, old_note = self._loaded
        self._loaded = (text, note)
        if self._free and text != old_text:
            self.text_edited.emit(self._item_id, text)
        if note != old_note:
            self.annotation_edited.emit(self._item_id, note)
