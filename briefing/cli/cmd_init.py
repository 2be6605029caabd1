"""``briefing init [--demo|--empty]``: create a store (with the demo data by default)."""

from __future__ import annotations

from briefing.cli import CliError
from briefing.cli.context import store_path
from briefing.services.demo import create_demo_store, load_demo
from briefing.store import Store


def register(sub) -> None:
    p = sub.add_parser("init", help="create a store (demo data by default)",
                       description="Create a new store at --db (or the default place).")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--demo", action="store_true",
                       help="fill it with the demo data from the seed article (default)")
    group.add_argument("--empty", action="store_true", help="create it with no records")
    p.set_defaults(func=run)


def run(args) -> int:
    path = store_path(args)
    if path.exists():
        # an existing store: --demo merges the demo records (idempotent); never wipes
        store = Store.open(path)
        try:
            if args.empty:
                if any(store.counts().values()):
                    raise CliError(f"{path} already exists and is not empty; nothing was changed")
                print(f"{path}: store already exists (empty)")
                return 0
            load_demo(store)
            print(f"{path}: demo data merged into the existing store")
            return 0
        finally:
            store.close()
    if args.empty:
        Store.open(path).close()
        print(f"{path}: new empty store")
    else:
        store = create_demo_store(path)
        counts = ", ".join(f"{n} {k}" for k, n in store.counts().items() if n)
        store.close()
        print(f"{path}: new store with the demo data ({counts})")
    return 0
