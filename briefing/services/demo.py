"""The demo store: the seed article's facts (``db/demo/demo-bundle.json``), loaded
into a new store on first run or by ``briefing init --demo``."""

from __future__ import annotations

from pathlib import Path

from briefing import paths
from briefing.services.bundle import import_bundle
from briefing.store import Store

DEMO_OUR_COUNTRY = "RS"


def load_demo(store: Store) -> None:
    """Merge the demo records into ``store`` (idempotent: merged by uuid)."""
    import_bundle(store, paths.demo_bundle())
    if store.get_setting("our_country") is None:
        store.set_setting("our_country", DEMO_OUR_COUNTRY)


def create_demo_store(path: str | Path) -> Store:
    """Create a new store at ``path`` holding the demo data."""
    store = Store.open(path)
    try:
        load_demo(store)
    except BaseException:
        store.close()
        raise
    return store


def ensure_store(path: str | Path, *, demo: bool = True) -> Store:
    """Open the store at ``path``; if there is none yet, create it (with the demo data
    when ``demo``).  A file that exists is never filled with demo data."""
    path = Path(path)
    if path.exists():
        return Store.open(path)
    return create_demo_store(path) if demo else Store.open(path)
