"""A guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

Many PySide6 6.12.0 calls that take or return ``None`` (``QComboBox.addItem``,
``currentData()``, ``QModelIndex.data()`` for an empty role …) give back a
reference to ``None`` they never took.  Before Python 3.12 ``None`` is an ordinary
object, so after some tens of thousands of such calls its count reaches zero and
Python aborts with "none_dealloc: deallocating None" — the app dies while you scroll.
From Python 3.12 ``None`` is immortal and the bug is harmless.

The guard adds 2**40 to ``None``'s count once (never freed anyway): a trillion lost
references before it could matter.  Imported by the GUI's entry points; it does
nothing on other versions.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

BUGGY = sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12.")
_MARGIN = 1 << 40


def guard_none_refcount() -> bool:
    """Raise ``None``'s reference count far above zero; True if it was needed."""
    if not BUGGY:
        return False
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt: the first field
    if count.value < _MARGIN:
        count.value += _MARGIN
    return True


guard_none_refcount()
