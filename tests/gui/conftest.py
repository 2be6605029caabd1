"""GUI tests: the shell's guard against PySide6 6.12.0's reference-count bug comes
first (see briefing/gui/pyside_fix.py), so no GUI test can abort Python with
"deallocating None/True"."""

import briefing.gui.pyside_fix  # noqa: F401
