"""The one wrapper over QSettings: window geometry and state, splitter positions,
header states, the last view, the last folders and the theme.

    settings = Settings()                       # the user's settings (org/app name)
    settings = Settings(tmp_path / "gui.ini")   # tests: an ini file of their own
    settings.restore_window(window); settings.save_window(window)
    settings.last_view = "statements"
    settings.last_folder("import")  /  settings.set_last_folder("import", path)

Everything the GUI remembers goes through here, so the keys live in one place.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

ORGANISATION = "Briefing"
APPLICATION = "Briefing"
THEMES = ("system", "light", "dark")


class Settings:
    def __init__(self, path: str | Path | None = None):
        if path is None:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                 ORGANISATION, APPLICATION)
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> str:
        return self._qs.fileName()

    def sync(self) -> None:
        self._qs.sync()

    # --- plain values ------------------------------------------------------------------------
    def _get(self, key: str, default=None):
        value = self._qs.value(key, default)
        return default if value is None else value

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # --- the main window ---------------------------------------------------------------------
    def save_window(self, window: QMainWindow) -> None:
        self._qs.setValue("window/geometry", window.saveGeometry())
        self._qs.setValue("window/state", window.saveState())

    def restore_window(self, window: QMainWindow) -> bool:
        """Put the window back where it was; False on the first run."""
        geometry = self._bytes("window/geometry")
        if geometry is None:
            return False
        window.restoreGeometry(geometry)
        state = self._bytes("window/state")
        if state is not None:
            window.restoreState(state)
        return True

    def save_splitter(self, name: str, splitter: QSplitter) -> None:
        self._qs.setValue(f"splitters/{name}", splitter.saveState())

    def restore_splitter(self, name: str, splitter: QSplitter) -> bool:
        state = self._bytes(f"splitters/{name}")
        return bool(state is not None and splitter.restoreState(state))

    def save_header(self, name: str, header: QHeaderView) -> None:
        self._qs.setValue(f"headers/{name}", header.saveState())

    def restore_header(self, name: str, header: QHeaderView) -> bool:
        state = self._bytes(f"headers/{name}")
        return bool(state is not None and header.restoreState(state))

    # --- what the user was looking at ------------------------------------------------------
    @property
    def last_view(self) -> str:
        return str(self._get("view/last", "search"))

    @last_view.setter
    def last_view(self, key: str) -> None:
        self._qs.setValue("view/last", key)

    def value(self, key: str, default: str = "") -> str:
        """A free-form remembered string (``timeline/pair`` …)."""
        return str(self._get(f"misc/{key}", default))

    def set_value(self, key: str, value: str) -> None:
        self._qs.setValue(f"misc/{key}", value)

    # --- folders -------------------------------------------------------------------------------
    def last_folder(self, purpose: str) -> str:
        """The folder last used for ``purpose`` (import, export, store …), else home."""
        folder = str(self._get(f"folders/{purpose}", ""))
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def set_last_folder(self, purpose: str, path: str | Path) -> None:
        p = Path(path)
        self._qs.setValue(f"folders/{purpose}", str(p if p.is_dir() else p.parent))

    # --- appearance ----------------------------------------------------------------------------
    @property
    def theme(self) -> str:
        value = str(self._get("appearance/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qs.setValue("appearance/theme", value if value in THEMES else "system")

    @property
    def recent_stores(self) -> list[str]:
        value = self._get("stores/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def add_recent_store(self, path: str | Path) -> None:
        path = str(Path(path).expanduser().resolve())
        recent = [p for p in self.recent_stores if p != path]
        self._qs.setValue("stores/recent", [path, *recent][:8])
