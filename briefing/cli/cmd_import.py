"""``briefing import FILE... [--kind K] [--dry-run] [--skip-invalid]``."""

from __future__ import annotations

import sys

from briefing.cli.context import open_store
from briefing.domain import Kind
from briefing.services.importing import import_files


def register(sub) -> None:
    p = sub.add_parser(
        "import", help="import CSV files or JSON bundles",
        description="Import CSV files (visits, agreements, statements, people) or JSON "
                    "bundles, all or nothing: any bad row stops the import and every bad row "
                    "is reported.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--kind", choices=["visits", "agreements", "statements", "people"],
                   help="what the CSV files hold (default: recognised from the header)")
    p.add_argument("--dry-run", action="store_true", help="check and report, change nothing")
    p.add_argument("--skip-invalid", action="store_true",
                   help="import the good rows; write bad ones to NAME.rejects.csv")
    p.set_defaults(func=run)


def run(args) -> int:
    store = open_store(args)
    try:
        report = import_files(store, args.files, Kind.parse(args.kind) if args.kind else None,
                              dry_run=args.dry_run, skip_invalid=args.skip_invalid)
    finally:
        store.close()
    for err in report.errors:
        print(err, file=sys.stderr)
    print(report.summary(), file=sys.stderr if (report.errors and not args.skip_invalid) else sys.stdout)
    if report.errors and not args.skip_invalid:
        return 1
    return 0
