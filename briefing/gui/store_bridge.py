"""The store's change notices as one Qt signal.

    bridge = StoreBridge(store)
    bridge.changed.connect(view.on_store_changed)   # receives a briefing.domain.Change

The store calls its listeners on the thread that wrote; the bridge re-emits on the
GUI thread (a queued signal), so views may touch widgets in their slot.  Work done
in a worker on a cloned store reports its changes with :meth:`notify` (an import
says :meth:`reload_all`); ``Change("*")`` means "reload everything".
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from briefing.domain import Change, Kind

EVERYTHING = "*"


class StoreBridge(QObject):
    changed = Signal(object)  # Change, on the GUI thread
    _relay = Signal(object)

    def __init__(self, store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._relay.connect(self.changed.emit, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = store.on_change(self.notify)

    def notify(self, change: Change) -> None:
        """Report a change (from any thread)."""
        self._relay.emit(change)

    def reload_all(self) -> None:
        self.notify(Change(EVERYTHING, (), "reload"))

    def close(self) -> None:
        self._unsubscribe()


def touches(change: Change, kind: Kind | str) -> bool:
    """Whether a view showing ``kind`` should refresh after ``change``.

    Names shown in other kinds' rows (a person's name in the statements table, a
    country's name everywhere) make people, organisations and countries touch all."""
    kind = Kind(kind).value
    return change.kind in (EVERYTHING, kind, "person", "organisation", "country")
