"""Opening the store for the app, with a dialog when it cannot be opened.

A corrupt, locked, unreadable, other-program or newer-version file is never
modified (the store inspects it read-only first); the user is told why in one
sentence and may choose another store, create a new one, open a locked store
read-only, try again, or quit.  A file the user may not write opens read-only.

``ask`` is injectable so tests answer the dialog without a window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing.services.demo import ensure_store
from briefing.store import Store, StoreError, StoreLockedError

STORE_FILTER = "Briefing stores (*.sqlite *.db *.briefing);;All files (*)"

# ask(path, message, locked) -> (choice, path): choice is "open" (path = the file to
# open), "new" (path = a new file to create), "readonly", "retry" or "quit".
Ask = Callable[[Path, str, bool], tuple[str, Path | None]]


def ask_with_dialog(path: Path, message: str, locked: bool, parent: QWidget | None = None,
                    folder: str = "") -> tuple[str, Path | None]:
    box = QMessageBox(QMessageBox.Icon.Warning, "Briefing cannot open this store",
                      f"<b>Briefing cannot open the store</b><br>{path}", parent=parent)
    box.setInformativeText(message + "<br><br>The file was not changed.")
    other = box.addButton("Choose Another Store…", QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton("Create a New Store…", QMessageBox.ButtonRole.ActionRole)
    readonly = retry = None
    if locked:
        readonly = box.addButton("Open Read-Only", QMessageBox.ButtonRole.ActionRole)
        retry = box.addButton("Try Again", QMessageBox.ButtonRole.ActionRole)
    quit_ = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(other)
    box.setEscapeButton(quit_)
    box.exec()
    clicked = box.clickedButton()
    start = folder or str(path.parent)
    if clicked is other:
        chosen, _ = QFileDialog.getOpenFileName(parent, "Open a Briefing store", start, STORE_FILTER)
        return ("open", Path(chosen)) if chosen else ("again", None)
    if clicked is new:
        chosen, _ = QFileDialog.getSaveFileName(parent, "Create a new Briefing store",
                                                str(Path(start) / "briefing.sqlite"), STORE_FILTER)
        return ("new", Path(chosen)) if chosen else ("again", None)
    if readonly is not None and clicked is readonly:
        return "readonly", path
    if retry is not None and clicked is retry:
        return "retry", path
    return "quit", None


def open_store(path: str | Path, *, demo_if_new: bool = False, ask: Ask | None = None,
               parent: QWidget | None = None) -> Store | None:
    """The open store, or ``None`` if the user chose to quit.

    A missing file is created (with the demo data when ``demo_if_new``: the default
    store on first run)."""
    path = Path(path).expanduser()
    ask = ask or (lambda p, m, locked: ask_with_dialog(p, m, locked, parent))
    readonly = False
    demo = demo_if_new
    while True:
        try:
            if readonly:
                return Store.open(path, readonly=True, create=False)
            return ensure_store(path, demo=demo)
        except StoreError as exc:
            locked = isinstance(exc, StoreLockedError)
            choice, chosen = ask(path, str(exc), locked)
        readonly = False
        if choice == "quit":
            return None
        if choice == "readonly":
            readonly = True
        elif choice in ("open", "new") and chosen is not None:
            path, demo = chosen, False  # an existing file is opened, never replaced
