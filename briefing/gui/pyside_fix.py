"""A guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

Many PySide6 6.12.0 calls give back a reference to ``None``, ``True`` or ``False``
that they never took: ``QComboBox.addItem``, ``currentData()``,
``QModelIndex.data()`` for an empty role (``None``), every signal emission
(``True``) …  Before Python 3.12 these are ordinary objects, so after some tens of
thousands of such calls a count reaches zero and Python aborts with
"none_dealloc: deallocating None" or "bool_dealloc" — the app dies while you
scroll.  From Python 3.12 they are immortal and the bug is harmless.

The guard adds 2**40 to their counts once (they are never freed anyway): a
trillion lost references before it could matter.  Imported first by the GUI's
entry points (``app``, ``main_window``) and by ``tests/gui/conftest.py``; it does
nothing on other versions.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

BUGGY = sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12.")
_MARGIN = 1 << 40


SINGLETONS = (None, True, False, Ellipsis, NotImplemented)


def guard_singletons() -> bool:
    """Raise the singletons' reference counts far above zero; True if it was needed."""
    if not BUGGY:
        return False
    for obj in SINGLETONS:
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt: the first field
        if count.value < _MARGIN:
            count.value += _MARGIN
    return True


guard_singletons()
