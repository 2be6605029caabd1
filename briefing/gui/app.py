"""The desktop application: ``briefing`` (or ``briefing gui``, ``briefing-gui``).

Creates the ``QApplication`` (name, icon, Fusion style with a light or dark palette
that follows the system), installs the error hook (errors are dialogs, never
tracebacks), opens the store — with a dialog offering another store when it cannot
be opened — and shows the main window.  One store per window; File → Open Store…
opens another store in a new window and closes the old one.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from briefing import __version__, paths
from briefing.gui.errors import install_excepthook
from briefing.gui.icons import app_icon
from briefing.gui.settings import APPLICATION, ORGANISATION, Settings
from briefing.gui.store_open import Ask, open_store
from briefing.gui.theme import Theme


class NoDisplayError(RuntimeError):
    """No screen to show a window on (and no ``QT_QPA_PLATFORM``)."""


def check_display() -> None:
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise NoDisplayError("no display to open the app on (set DISPLAY, or run a command "
                             "such as 'briefing search …' instead)")


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("Briefing")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("briefing")
    app.setWindowIcon(app_icon())
    return app


class Application(QObject):
    """Owns the open store and its window."""

    def __init__(self, app: QApplication, settings: Settings):
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.window = None
        self.store = None
        app.aboutToQuit.connect(self.close_store)

    def open(self, path: str | Path, demo_if_new: bool = False, ask: Ask | None = None) -> bool:
        """Open ``path`` in a new window (the old one closes); False if the user gave up."""
        from briefing.gui.main_window import MainWindow

        store = open_store(path, demo_if_new=demo_if_new, ask=ask, parent=self.window)
        if store is None:
            return False
        old_window, old_store = self.window, self.store
        if old_window is not None:
            old_window.close()
        if old_store is not None:
            old_store.close()
        window = MainWindow(store, self.settings, extensions="deferred")
        window.open_store_handler = lambda chosen: self.open(chosen)
        window.show()
        self.settings.add_recent_store(store.path)
        self.window, self.store = window, store
        return True

    def close_store(self) -> None:
        if self.window is not None:
            self.window.runner.shutdown()
        if self.store is not None:
            self.store.close()
            self.store = None


def run(db: str | Path | None = None, *, demo_if_new: bool | None = None,
        settings: Settings | None = None) -> int:
    """Open the app on ``db`` (default: the user's store, created with the demo data on
    first run).  Returns the exit code."""
    check_display()
    app = make_app()
    install_excepthook()
    settings = settings or Settings()
    Theme(app, settings.theme)
    path = Path(db).expanduser() if db else paths.default_store_path()
    if demo_if_new is None:
        demo_if_new = db is None and not os.environ.get(paths.ENV_DB, "").strip()
    controller = Application(app, settings)
    if not controller.open(path, demo_if_new=demo_if_new):
        return 1
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    """``briefing-gui [--db PATH]``."""
    parser = argparse.ArgumentParser(prog="briefing-gui", description="Open the Briefing app.")
    parser.add_argument("--db", metavar="PATH", help="the store file")
    args = parser.parse_args(argv)
    try:
        return run(args.db)
    except NoDisplayError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
