"""``briefing search QUERY [--kind K] [--person NAME] [--country CC] [--from DATE]
[--to DATE] [--topic T] [--limit N] [--offset N] [--json]``."""

from __future__ import annotations

import shutil
import sys

from briefing.cli.context import open_store, print_json
from briefing.services.search import PAGE_SIZE, resolve_filters, search

_BOLD, _PLAIN = "\x1b[1;4m", "\x1b[0m"


def register(sub) -> None:
    p = sub.add_parser(
        "search", help="search every record, in any script or spelling",
        description="Search statements, visits, agreements, people, organisations, sources, "
                    "figures and stances.  Words must all match; \"exact phrase\", -exclude, "
                    "this OR that, prefix*.  Vucic = Vučić = Вучић.  A query starting with '-' "
                    "goes after '--' (briefing search -- -turnover trade).",
    )
    p.add_argument("query", nargs="*", metavar="QUERY", help="what to look for")
    p.add_argument("--kind", metavar="K", help="only this kind of record (statement, visit, …)")
    p.add_argument("--person", metavar="NAME", help="only records about this person (any spelling)")
    p.add_argument("--organisation", "--organization", metavar="NAME",
                   help="only records about this organisation")
    p.add_argument("--country", metavar="CC", help="only records about this country (code or name)")
    p.add_argument("--topic", metavar="T", help="only records with this topic")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="dated on or after (2024, 2024-11 …)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="dated on or before")
    p.add_argument("--limit", type=int, default=PAGE_SIZE, metavar="N",
                   help=f"results to show (default {PAGE_SIZE})")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N results")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.limit < 1:
        raise ValueError("--limit must be at least 1")
    if args.offset < 0:
        raise ValueError("--offset cannot be negative")
    text = " ".join(args.query)
    store = open_store(args)
    try:
        filters = resolve_filters(
            store, kind=args.kind, person=args.person, organisation=args.organisation,
            country=args.country, topic=args.topic, date_from=args.date_from, date_to=args.date_to,
        )
        page = search(store, text, filters, offset=args.offset, limit=args.limit)
    finally:
        store.close()
    if args.json:
        print_json([hit.to_json() for hit in page.hits])
        return 0
    _print_table(page, args)
    return 0


def _print_table(page, args) -> None:
    tty = sys.stdout.isatty()
    width = shutil.get_terminal_size((100, 20)).columns if tty else 100
    if not page.hits:
        print("no results" if page.query.strip() or page.offset else "nothing to search for")
        return
    for n, hit in enumerate(page.hits, start=page.offset + 1):
        head = "  ".join(x for x in (f"{n:>3}.", hit.kind.value, hit.date, hit.who) if x)
        print(_clip(head, width))
        print(_clip(f"     {hit.title}", width))
        snippet = hit.snippet.marked(_BOLD, _PLAIN) if tty else hit.snippet.marked()
        print(f"     {snippet}")
    shown = f"{page.offset + 1}–{page.offset + len(page.hits)}"
    more = f"; more with --offset {page.offset + len(page.hits)}" if page.has_more else ""
    print(f"\nresults {shown}{more}")
    if page.query.strip() and not page.ranked:
        print("(a very common word: results are listed newest first; add words to narrow)")
    elif page.capped:
        print("(very many matches: only the most recently added were ranked)")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(10, width - 1)] + "…"
