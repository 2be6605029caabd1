"""A page whose widget is made the first time it is shown, so pages that read a lot
(the trash of a big store) cost nothing at start-up."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    created = Signal(QWidget)  # the real page, once made

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._factory = factory
        self.widget: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.widget is None:
            self.widget = self._factory()
            self.layout().addWidget(self.widget)
            self.setFocusProxy(self.widget)
            self.created.emit(self.widget)
        return self.widget

    def showEvent(self, event) -> None:
        self.ensure()
        super().showEvent(event)

    # what the window asks of a page, passed on once the page exists
    def selected_records(self):
        if self.widget is not None and hasattr(self.widget, "selected_records"):
            return self.widget.selected_records()
        return None, []

    def on_store_changed(self, change) -> None:
        if self.widget is not None and hasattr(self.widget, "on_store_changed"):
            self.widget.on_store_changed(change)
