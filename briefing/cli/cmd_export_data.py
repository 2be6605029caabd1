"""``briefing export-data OUT.json``: the whole store as a JSON bundle."""

from __future__ import annotations

from briefing.cli.context import open_store
from briefing.services.bundle import write_bundle


def register(sub) -> None:
    p = sub.add_parser("export-data", help="export the whole store as a JSON bundle",
                       description="Write every record (trash included) to a readable JSON "
                                   "bundle that 'briefing import' reads back.")
    p.add_argument("out", metavar="OUT.json")
    p.set_defaults(func=run)


def run(args) -> int:
    store = open_store(args, readonly=True)
    try:
        path = write_bundle(store, args.out)
        counts = ", ".join(f"{n} {k}" for k, n in store.counts().items() if n)
    finally:
        store.close()
    print(f"wrote {path} ({counts or 'no records'})")
    return 0
