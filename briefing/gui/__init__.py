"""The desktop app (Qt only): every GUI entry point imports this package first."""

import briefing.gui.pyside_fix  # noqa: F401  (before any Qt call: PySide6 6.12 on Python 3.11)
