"""``briefing check [--repair]``: the store's integrity report."""

from __future__ import annotations

from briefing.cli.context import open_store, print_json


def register(sub) -> None:
    p = sub.add_parser("check", help="integrity report of the store",
                       description="Run SQLite's integrity and foreign-key checks and compare "
                                   "the search index with the records.")
    p.add_argument("--repair", action="store_true", help="rebuild the search index if it is off")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    store = open_store(args, readonly=not args.repair)
    try:
        report = store.check()
        if args.repair and report.index_rows != report.index_expected:
            store.rebuild_search_index()
            report = store.check()
    finally:
        store.close()
    if args.json:
        print_json({"ok": report.ok, "path": report.path, "schema_version": report.schema_version,
                    "counts": report.counts, "trashed": report.trashed,
                    "problems": report.problems})
    else:
        print(f"store: {report.path} (schema version {report.schema_version})")
        print("records: " + ", ".join(f"{n} {k}" for k, n in report.counts.items()))
        print(f"in the trash: {report.trashed}")
        for p in report.problems:
            print(f"PROBLEM: {p}")
        print("ok" if report.ok else "problems found")
    return 0 if report.ok else 1
