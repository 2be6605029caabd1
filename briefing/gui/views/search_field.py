"""The toolbar's global search field (Ctrl+K, Ctrl+F): a line edit with a search icon
that hands the keyboard to the results (Down), clears itself (Escape) and follows
the theme."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QSizePolicy

from briefing.gui.icons import icon
from briefing.gui.theme import SEARCH_FIELD_STYLE, current_colors


class GlobalSearchField(QLineEdit):
    down_pressed = Signal()  # go to the results

    def __init__(self, parent=None):
        super().__init__(parent, objectName="globalSearch")
        self.setPlaceholderText("Search statements, visits, people… (Ctrl+K)")
        self.setClearButtonEnabled(True)
        self._icon = self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setMinimumWidth(200)
        self.setMaximumWidth(560)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip("Search everything, in any script (Ctrl+K, Ctrl+F). "
                        "Down arrow: go to the results")
        self.setAccessibleName("Search")
        self.on_theme_changed()

    def on_theme_changed(self) -> None:
        self.setStyleSheet(SEARCH_FIELD_STYLE % current_colors())
        self._icon.setIcon(icon("search"))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
        elif event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)
