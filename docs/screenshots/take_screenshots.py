"""Take the README's screenshots of the main views on the demo store.

    Xvfb :99 -screen 0 1600x1000x24 &
    DISPLAY=:99 python docs/screenshots/take_screenshots.py [OUT_DIR]

Drives the real window (a temporary demo store and settings file) and saves one PNG
per view with ``QWidget.grab``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from briefing.domain import Kind
from briefing.gui.app import make_app
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import Settings
from briefing.gui.theme import Theme
from briefing.services.demo import create_demo_store

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent


def settle(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(window: MainWindow, name: str) -> None:
    settle()
    window.grab().save(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def main() -> None:
    app = make_app()
    theme = Theme(app, "light")
    tmp = Path(tempfile.mkdtemp(prefix="briefing-shots-"))
    store = create_demo_store(tmp / "briefing.sqlite")
    window = MainWindow(store, Settings(tmp / "gui.ini"))
    window.resize(1500, 900)
    window.move(0, 0)
    window.show()
    settle(0.8)

    window.search_field.setText("Вучић")
    settle(0.8)
    window.search.results.setCurrentIndex(window.search.model.index(1))
    shoot(window, "search")

    window.search_field.setText("")
    window.show_page("statements")
    page = window.pages["statements"]
    page.table.selectRow(2)
    shoot(window, "statements")

    window.show_page("agreements")
    agreements = window.pages["agreements"]
    agreements.filter.setText("Yugoimport")
    settle(0.6)
    agreements.table.selectRow(0)
    shoot(window, "agreement")

    window.show_page("timeline")
    window.timeline.show_pair("RS", "KZ")
    window.show_record(Kind.VISIT, 1)
    shoot(window, "timeline")

    theme.set_choice("dark")
    window.show_page("people")
    people = window.pages["people"]
    people.table.selectRow(0)
    shoot(window, "people-dark")
    window.close()
    store.close()


if __name__ == "__main__":
    main()
