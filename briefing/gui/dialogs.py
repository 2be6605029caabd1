"""Small dialogs of the main window: About, keyboard shortcuts, opening another store."""

from __future__ import annotations

import html
import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QTextBrowser, QVBoxLayout

from briefing import __version__
from briefing.gui.icons import app_icon
from briefing.gui.store_open import STORE_FILTER


def about(window) -> None:
    box = QMessageBox(window)
    box.setWindowTitle("About Briefing")
    box.setIconPixmap(app_icon().pixmap(QSize(72, 72)))
    box.setText(f"<h3>Briefing {html.escape(__version__)}</h3>"
                "<p>An offline workbench for people who prepare diplomatic meetings: search "
                "past statements in any script, follow visits and agreements, assemble a "
                "briefing and export it as a PDF dossier.</p>")
    store = getattr(window, "store", None)
    where = f"<p>Store: {html.escape(str(store.path))}</p>" if store is not None else ""
    box.setInformativeText(
        f"{where}<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 "
        f"{pyside_version}<br>Fonts: DejaVu (free licence). Licence: MIT.</p>")
    box.exec()


SHORTCUTS = [
    ("Ctrl+K, Ctrl+F", "Search everything"), ("Down / Enter", "From the search field to the results"),
    ("Ctrl+1 … Ctrl+9", "Go to a page (Search, Timeline, Statements …)"),
    ("Ctrl+N", "New briefing"), ("Ctrl+Shift+N", "New record of the kind on screen"),
    ("F2 / Enter", "Edit the selected record"), ("Delete", "Move the selection to the trash"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"), ("Ctrl+I", "Import files"),
    ("Ctrl+Shift+E", "Export data"), ("Alt+Left / Alt+Right", "Back / forward in the detail pane"),
    ("Left / Right, Enter, + / −", "Timeline: move between marks, open one, zoom"),
    ("Ctrl+Shift+D", "Show or hide the detail pane"), ("F5", "Reload"),
    ("F1", "About Briefing"), ("Ctrl+Q", "Quit"),
]


def shortcuts(window) -> None:
    dialog = QDialog(window)
    dialog.setWindowTitle("Keyboard Shortcuts")
    text = QTextBrowser()
    rows = "".join(f"<tr><td style='padding:3px 18px 3px 0'><b>{html.escape(k)}</b></td>"
                   f"<td>{html.escape(v)}</td></tr>" for k, v in SHORTCUTS)
    text.setHtml(f"<table>{rows}</table>")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(520, 460)
    dialog.exec()


def open_other_store(window) -> None:
    """Ask for a store file and hand it to the application (a new window on it)."""
    start = window.settings.last_folder("store") if hasattr(window, "settings") else str(Path.home())
    chosen, _ = QFileDialog.getOpenFileName(window, "Open a Briefing store", start, STORE_FILTER)
    if not chosen:
        return
    if hasattr(window, "settings"):
        window.settings.set_last_folder("store", chosen)
    opener = getattr(window, "open_store_handler", None)
    if opener is not None:
        opener(chosen)
