"""Errors as dialogs with a plain message, never a traceback.

:func:`install_excepthook` replaces ``sys.excepthook`` so that an exception nobody
caught (in a slot, a timer, a worker's callback) is logged with its traceback and
shown to the user as one sentence.  ``show_message`` is what the dialogs go
through; tests replace it to answer without a window.
"""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefing.store import StoreError, ValidationError

log = logging.getLogger("briefing.gui")
_showing = False


def plain_message(exc: BaseException) -> str:
    """What to tell the user about ``exc`` (one or two sentences, no traceback)."""
    if isinstance(exc, ValidationError):
        return "The record was not saved: " + "; ".join(exc.problems) + "."
    if isinstance(exc, StoreError):
        return str(exc)
    if type(exc).__module__ == "sqlite3":
        return f"The store could not do this ({exc}). Nothing was changed."
    if isinstance(exc, PermissionError):
        return f"Permission denied: {exc.filename or exc}."
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}."
    if isinstance(exc, (ValueError, LookupError)):
        return str(exc)
    return (f"Something went wrong inside Briefing ({type(exc).__name__}: {exc}). "
            "Your data is safe: every change is saved when it is made.")


def show_message(parent: QWidget | None, title: str, text: str,
                 icon=QMessageBox.Icon.Warning) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def show_error(parent: QWidget | None, exc: BaseException | str, title: str = "Briefing") -> None:
    text = exc if isinstance(exc, str) else plain_message(exc)
    show_message(parent, title, text)


def _hook(exc_type, exc, tb) -> None:
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    log.error("uncaught error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        show_error(QApplication.activeWindow(), exc)
    finally:
        _showing = False


def install_excepthook() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="briefing: %(message)s")
    sys.excepthook = _hook
