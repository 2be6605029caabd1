"""The one way the editing package talks to the user in a message box.

Every question and error goes through :func:`ask`, so tests (and a headless run)
can replace it: ``controller.ask = lambda *a, **k: "Restore"``.  Messages are plain
sentences; a traceback never reaches the user.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

_ICONS = {
    "info": QMessageBox.Icon.Information,
    "warning": QMessageBox.Icon.Warning,
    "error": QMessageBox.Icon.Critical,
    "question": QMessageBox.Icon.Question,
}


def ask(parent: QWidget | None, title: str, text: str, *, buttons: Sequence[str] = ("OK",),
        default: str | None = None, escape: str | None = None, kind: str = "warning",
        detail: str = "") -> str:
    """Show a message box and return the label of the button pressed.

    ``buttons`` are labels in reading order; ``default`` is the one Enter presses,
    ``escape`` the one Esc presses (default: the last button)."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setIcon(_ICONS.get(kind, QMessageBox.Icon.NoIcon))
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    made = {}
    for label in buttons:
        role = QMessageBox.ButtonRole.AcceptRole
        if label == (escape or buttons[-1]) and len(buttons) > 1:
            role = QMessageBox.ButtonRole.RejectRole
        made[label] = box.addButton(label, role)
    if default in made:
        box.setDefaultButton(made[default])
    box.setEscapeButton(made[escape or buttons[-1]])
    box.exec()
    clicked = box.clickedButton()
    for label, button in made.items():
        if button is clicked:
            return label
    return escape or buttons[-1]


def tell(ask_fn, parent: QWidget | None, title: str, text: str, *, kind: str = "warning",
         detail: str = "") -> None:
    """A message with a single OK button (through ``ask_fn``, so tests see it)."""
    ask_fn(parent, title, text, buttons=("OK",), kind=kind, detail=detail)
