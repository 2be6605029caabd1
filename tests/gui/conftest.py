"""GUI tests.

* The shell's guard against PySide6 6.12.0's reference-count bug comes first (see
  briefing/gui/pyside_fix.py), so no GUI test can abort Python with
  "deallocating None/True".
* With ``QT_QPA_PLATFORM=offscreen`` the virtual screen is 800×800, smaller than the
  main window; the tests get a 1920×1200 one instead (the offscreen plugin's
  ``configfile``), so window geometry behaves as on a desktop.
"""

import gc
import json
import os
import tempfile

import briefing.gui.pyside_fix  # noqa: F401

if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    _config = os.path.join(tempfile.mkdtemp(prefix="briefing-qpa-"), "offscreen.json")
    with open(_config, "w", encoding="utf-8") as fh:
        json.dump({"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
                   "screens": [{"name": "Offscreen", "x": 0, "y": 0, "width": 1920,
                                "height": 1200, "logicalDpi": 96, "logicalBaseDpi": 96,
                                "dpr": 1}]}, fh)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"


# --- the main window on a real temporary store ---------------------------------------
# shell_support.py holds the helpers; under --import-mode=importlib this folder is not
# on sys.path by itself, so it is added for test modules that import it directly.
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pytest  # noqa: E402
import shell_support  # noqa: E402,F401


@pytest.fixture(autouse=True)
def _collect_garbage_here():
    """A GUI test's workers run with Python's cycle collector off (see
    briefing/gui/workers.py); afterwards its garbage is collected on this thread and
    automatic collection is back on for whatever runs next."""
    yield
    gc.collect()
    gc.enable()
