"""``briefing capture FILE [--json] [--accept-all] [--url URL]``: the records a news
article proposes, checked against the store; ``--accept-all`` stores the new ones.

``FILE`` is a ``.txt``, ``.md`` or ``.html`` file, or ``-`` for text on standard input
(pasted text).  Without ``--accept-all`` nothing is written: the listing *is* the
review.  With it, every candidate that is new and complete is stored, linked to the
article as its source; duplicates and incomplete ones are listed with the reason.
"""

from __future__ import annotations

import shutil
import sys
import textwrap

from briefing.cli import CliError
from briefing.cli.context import open_store, print_json
from briefing.services.capture import (
    Gazetteer, accept, capture_file, capture_text, review,
)
from briefing.services.capture.labels import KIND_TITLES, details, headline, label
from briefing.services.capture.reading import MAX_BYTES

_MARK = {"new": "new", "duplicate": "in store", "incomplete": "incomplete"}


def register(sub) -> None:
    p = sub.add_parser(
        "capture", help="propose the records in a news article (quotes, visits, agreements …)",
        description="Read a news article (.txt, .md, .html, or - for standard input) and list "
                    "the quotes with their speakers, paraphrased statements, agreements, visits "
                    "and figures it proposes, each with the sentence it came from and the rule "
                    "that found it, marked new or already in the store.  Nothing is stored "
                    "unless --accept-all is given.")
    p.add_argument("file", metavar="FILE", help="the article file, or - to read standard input")
    p.add_argument("--json", action="store_true", help="print the candidates (and result) as JSON")
    p.add_argument("--accept-all", action="store_true",
                   help="store every new, complete candidate, linked to the article as its source")
    p.add_argument("--url", metavar="URL", default="",
                   help="where the article was published (kept with the source)")
    p.set_defaults(func=run)


def _capture(args, gazetteer):
    if args.file == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise CliError(f"standard input is larger than {MAX_BYTES // (1024 * 1024)} MB; "
                           "capture reads articles up to that size", 2)
        if not data.strip():
            raise CliError("standard input is empty: paste or pipe an article into it", 2)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CliError("standard input is not UTF-8 text", 2) from None
        return capture_text(text, gazetteer, url=args.url)
    return capture_file(args.file, gazetteer, url=args.url)


def run(args) -> int:
    # read-write like every command (an older store is upgraded first); without
    # --accept-all nothing is written to it
    store = open_store(args)
    try:
        capture = _capture(args, Gazetteer.from_store(store))
        checked = review(store, capture)
        result = None
        if args.accept_all:
            result = accept(store, capture, capture.candidates())
    finally:
        store.close()
    if args.json:
        out = {"article": capture.article.to_dict(), **checked.to_dict()}
        if result is not None:
            out["accepted"] = result.to_dict()
        print_json(out)
        return 0
    _print_listing(capture, checked)
    if result is not None:
        _print_result(result)
    return 0


# --- the readable listing ----------------------------------------------------------------------
def _width() -> int:
    return max(60, min(110, shutil.get_terminal_size((100, 20)).columns)) if sys.stdout.isatty() else 100


def _wrap(text: str, indent: str, width: int) -> str:
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent=indent,
                         subsequent_indent=indent)


def _print_listing(capture, checked) -> None:
    width = _width()
    a = capture.article
    when = a.date.display() if a.date else "no date"
    print(_wrap(f"{a.title or '(untitled)'}", "", width))
    meta = [x for x in (a.outlet, a.author, when, f"{len(a.text):,} characters", a.language) if x]
    print("  " + " · ".join(meta))
    if checked.source_id is not None:
        print(f"  already in the store as source #{checked.source_id} ({checked.source_reason})")
    candidates = checked.verdicts
    if not candidates:
        print("\nNo quotes, statements, agreements, visits or figures found.")
    n = 0
    for kind, title in KIND_TITLES.items():
        group = [v for v in candidates if v.candidate.KIND == kind]
        if not group:
            continue
        print(f"\n{title} ({len(group)})")
        for v in group:
            n += 1
            _print_candidate(n, v, width, checked.is_new)
    _print_people(capture, checked, width)
    new, dup, inc = checked.count("new"), checked.count("duplicate"), checked.count("incomplete")
    print(f"\n{new} new, {dup} already in the store, {inc} incomplete.")


def _print_candidate(n: int, v, width: int, is_new) -> None:
    c = v.candidate
    head = f"{n:>3}. [{_MARK[v.status]}] {headline(c, is_new=is_new)}"
    print(textwrap.fill(head, width=width, subsequent_indent="       "))
    more = details(c, is_new)
    if more:
        print(_wrap(more, "       ", width))
    if c.KIND == "statement":
        said = f"“{c.text}”" if c.statement_kind == "direct" else f"(in other words) {c.text}"
        print(_wrap(said, "       ", width))
    print(_wrap(f"sentence: {c.sentence}", "       ", width))
    rule = c.rule + (f"; speaker: {c.speaker_rule}" if getattr(c, "speaker_rule", "") else "")
    print(_wrap(f"rule: {rule}", "       ", width))
    notes = [*c.flags]
    if v.duplicate:
        notes.insert(0, f"already in the store: {v.kind.value} #{v.existing_id} ({v.reason})")
    notes.extend(f"needs: {p}" for p in v.problems if not v.duplicate)
    for note in notes:
        print(_wrap(f"! {note}", "       ", width))


def _print_people(capture, checked, width: int) -> None:
    people = [(p, checked.people.get(p.key)) for p in capture.people]
    orgs = [(o, checked.organisations.get(o.key)) for o in capture.organisations]
    if not people and not orgs:
        return
    print("\nNames not yet in the store (created only if a record that needs them is accepted)")
    for item, existing in [*people, *orgs]:
        kind = "person" if item in capture.people else "organisation"
        also = f"; also '{', '.join(item.aliases)}'" if item.aliases else ""
        where = f" ({item.country})" if item.country else ""
        known = f" = existing {kind} #{existing}" if existing is not None else ""
        print(_wrap(f"- {kind}: {item.name}{where}{also}{known}", "  ", width))


def _print_result(result) -> None:
    print(f"\nStored: {result.summary()}.")
    if result.source_id is not None:
        print(f"  source #{result.source_id}" + (" (new)" if result.source_added else " (already there)"))
    for c, problems in result.skipped:
        print(f"  skipped {c.KIND} '{label(c, 60)}': {'; '.join(problems)}")
