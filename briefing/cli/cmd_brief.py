"""``briefing brief new|list|suggest|add|show|point|annotate|include|exclude|move|remove|
duplicate|delete`` — prepare a briefing headless.

    briefing brief new --title "Meeting with President Tokayev" --country KZ --person Tokayev
    briefing brief suggest 1            # ranked candidates, each with why
    briefing brief add 1 --auto         # take the default draft (again: adds only new ones)
    briefing brief add 1 statement:12 agreement:3
    briefing brief exclude 7; briefing brief move 9 0; briefing brief point 1 "Thank him …"
    briefing brief show 1

``brief export`` (the PDF dossier) lives in ``briefing/cli/brief_export.py``.
"""

from __future__ import annotations

from briefing.cli.context import open_store, print_json
from briefing.domain import Classification, Kind, Section
from briefing.services import composer
from briefing.services.composer.describe import item_label


def register(sub) -> None:
    p = sub.add_parser("brief", help="prepare a briefing for a meeting",
                       description="Create a briefing, get a ranked draft from the store, "
                                   "tick, order, annotate and write talking points.")
    bsub = p.add_subparsers(dest="brief_command", metavar="SUBCOMMAND")
    p.set_defaults(func=lambda args: p.print_help() or 2)

    s = bsub.add_parser("new", help="create a briefing; prints its id")
    s.add_argument("--title", required=True)
    s.add_argument("--country", metavar="CC", help="counterpart country (code or any name)")
    s.add_argument("--our-country", metavar="CC", help="our country (default: the store setting)")
    s.add_argument("--person", metavar="NAME", help="counterpart person (any spelling, or #ID)")
    s.add_argument("--date", metavar="D", help="meeting date: 2026, 2026-03 or 2026-03-14")
    s.add_argument("--place", metavar="P", default="")
    s.add_argument("--purpose", metavar="TEXT", default="", help="what the meeting is about")
    s.add_argument("--classification", metavar="C", default=Classification.RESTRICTED.value,
                   help="marking: " + ", ".join(c.value for c in Classification) + " or any text")
    s.add_argument("--author", default="")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_new)

    s = bsub.add_parser("list", help="the briefings, most recently edited first")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_list)

    s = bsub.add_parser("suggest", help="ranked candidate records with the reasons")
    s.add_argument("id", type=int)
    s.add_argument("--limit", type=int, default=50, metavar="N")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_suggest)

    s = bsub.add_parser("add", help="add the default draft (--auto) or records (KIND:ID …)")
    s.add_argument("id", type=int)
    s.add_argument("refs", nargs="*", metavar="KIND:ID")
    s.add_argument("--auto", action="store_true", help="take the default draft (refresh)")
    s.add_argument("--section", metavar="S", help="put the records in this section")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_add)

    s = bsub.add_parser("show", help="the briefing, section by section")
    s.add_argument("id", type=int)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_show)

    s = bsub.add_parser("point", help="add a talking point (or free text to --section)")
    s.add_argument("id", type=int)
    s.add_argument("text")
    s.add_argument("--section", metavar="S", default=Section.TALKING_POINTS.value)
    s.set_defaults(func=run_point)

    s = bsub.add_parser("annotate", help="set an item's annotation ('' clears it)")
    s.add_argument("item", type=int, metavar="ITEM")
    s.add_argument("text")
    s.set_defaults(func=run_annotate)

    for name, included in (("include", True), ("exclude", False)):
        s = bsub.add_parser(name, help=f"{name} items (ids from 'brief show')")
        s.add_argument("items", type=int, nargs="+", metavar="ITEM")
        s.set_defaults(func=run_include, included=included)

    s = bsub.add_parser("move", help="move an item to POSITION (1 = first) of its or another section")
    s.add_argument("item", type=int, metavar="ITEM")
    s.add_argument("position", type=int)
    s.add_argument("--section", metavar="S")
    s.set_defaults(func=run_move)

    s = bsub.add_parser("remove", help="take items out of the briefing")
    s.add_argument("items", type=int, nargs="+", metavar="ITEM")
    s.set_defaults(func=run_remove)

    s = bsub.add_parser("duplicate", help="copy a briefing with all its items; prints the new id")
    s.add_argument("id", type=int)
    s.add_argument("--title")
    s.add_argument("--date", metavar="D")
    s.set_defaults(func=run_duplicate)

    s = bsub.add_parser("delete", help="move a briefing to the trash")
    s.add_argument("id", type=int)
    s.set_defaults(func=run_delete)

    from briefing.cli import brief_export  # here, not at the top: it imports this module

    brief_export.register(bsub)


# --------------------------------------------------------------------------- commands
def run_new(args) -> int:
    with open_store(args) as store:
        bid = composer.new_briefing(
            store, title=args.title, country=args.country, our_country=args.our_country,
            person=args.person, date=args.date, place=args.place, purpose=args.purpose,
            classification=args.classification, author=args.author)
        if args.json:
            print_json({"id": bid, **_briefing_json(composer.assemble(store, bid))["briefing"]})
        else:
            print(bid)
    return 0


def run_list(args) -> int:
    with open_store(args, readonly=True) as store:
        rows = composer.briefings(store)
        names = {r.counterpart_country: store.country_name(r.counterpart_country) for r in rows}
    if args.json:
        print_json([{
            "id": r.id, "title": r.title, "date": r.date.iso if r.date else None,
            "place": r.place, "counterpart_country": r.counterpart_country,
            "counterpart": r.counterpart_name, "our_country": r.our_country, "status": r.status,
            "classification": r.classification, "updated_at": r.updated_at, "items": r.items,
            "included": r.included,
        } for r in rows])
        return 0
    if not rows:
        print("no briefings yet (create one with: briefing brief new --title T --country CC)")
        return 0
    for r in rows:
        who = ", ".join(x for x in (r.counterpart_name, names.get(r.counterpart_country)) if x)
        when = r.date.display() if r.date else "no date"
        print(f"{r.id:>4}  {r.title}  —  {who}; {when}; {r.included}/{r.items} items; {r.status}")
    return 0


def run_suggest(args) -> int:
    with open_store(args, readonly=True) as store:
        sugs = composer.suggest(store, briefing_id(store, args.id))
        present = {(i.ref_kind, i.ref_id) for i in store.briefing_items(args.id)}
    sugs = sugs[:max(1, args.limit)]
    if args.json:
        print_json([{
            "rank": n, "ref": s.ref, "kind": s.kind.value, "id": s.record_id,
            "section": s.section.value, "score": round(s.score, 3), "default": s.default,
            "in_briefing": (s.kind.value, s.record_id) in present,
            "date": s.date.iso if s.date else None, "title": s.title, "reasons": s.reasons,
        } for n, s in enumerate(sugs, start=1)])
        return 0
    for n, s in enumerate(sugs, start=1):
        mark = "+" if (s.kind.value, s.record_id) in present else "*" if s.default else " "
        date = s.date.display() if s.date else ""
        print(f"{n:>3}. {mark} {s.score:5.1f}  {s.ref:<16} {s.section.value:<14} "
              f"{_clip(s.title, 60)}  {date}")
        print(f"{'':>14}because: {s.reason}")
    print("\n* in the default draft (brief add ID --auto)   + already in the briefing")
    return 0


def run_add(args) -> int:
    if not args.auto and not args.refs:
        raise ValueError("say what to add: --auto (the default draft) or KIND:ID …")
    with open_store(args) as store:
        bid = briefing_id(store, args.id)
        done = composer.Added()
        if args.auto:
            done = composer.add_draft(store, bid)
        if args.refs:
            more = composer.add_records(store, bid, args.refs, section=args.section)
            done.item_ids += more.item_ids
            done.skipped += more.skipped
    if args.json:
        print_json({"added": done.item_ids, "already_there": done.skipped,
                    "removed_before": done.dismissed})
    else:
        print(f"added {len(done.item_ids)} item(s)"
              + (f"; {len(done.skipped)} already in the briefing" if done.skipped else "")
              + (f"; {len(done.dismissed)} left out because they were removed before "
                 f"(add them by hand: brief add ID KIND:ID)" if done.dismissed else ""))
    return 0


def run_show(args) -> int:
    with open_store(args, readonly=True) as store:
        assembled = composer.assemble(store, briefing_id(store, args.id))
    if args.json:
        print_json(_briefing_json(assembled))
        return 0
    b = assembled.briefing
    names = assembled.country_names
    print(f"{b.title}   [{b.classification}, {b.status}]")
    who = ", ".join(x for x in (b.counterpart_name, names.get(b.counterpart_country, "")) if x)
    facts = [f"with {who}" if who else "", b.date.display() if b.date else "",
             b.place, f"our country: {names.get(b.our_country, b.our_country or '')}"]
    print("; ".join(x for x in facts if x))
    if b.purpose:
        print(f"purpose: {b.purpose}")
    for sec in assembled.sections:
        if not sec.items:
            continue
        print(f"\n{sec.title}")
        for ai in sec.items:
            tick = "[x]" if ai.item.included else "[ ]"
            refs = "".join(f"[{n}]" for n in ai.source_numbers)
            print(f"  {tick} #{ai.item.id:<5} {item_label(ai, names)} {refs}".rstrip())
            if ai.item.annotation:
                print(f"{'':>14}note: {ai.item.annotation}")
    if assembled.sources:
        print("\nNumbered sources")
        for n, src in enumerate(assembled.sources, start=1):
            print(f"  [{n}] {src.title}" + (f", {src.outlet}" if src.outlet else ""))
    return 0


def run_point(args) -> int:
    with open_store(args) as store:
        iid = composer.add_text(store, briefing_id(store, args.id), args.text, args.section)
    print(iid)
    return 0


def run_annotate(args) -> int:
    with open_store(args) as store:
        composer.annotate(store, _item_id(store, args.item), args.text)
    return 0


def run_include(args) -> int:
    with open_store(args) as store:
        for iid in args.items:
            composer.set_included(store, _item_id(store, iid), args.included)
    return 0


def run_move(args) -> int:
    if args.position < 1:
        raise ValueError("positions start at 1")
    with open_store(args) as store:
        item = store.briefing_item(_item_id(store, args.item))
        composer.move_item(store, item.id, args.section or item.section, args.position - 1)
    return 0


def run_remove(args) -> int:
    with open_store(args) as store:
        removed = composer.remove_items(store, [_item_id(store, i) for i in args.items])
    print(f"removed {len(removed)} item(s)")
    return 0


def run_duplicate(args) -> int:
    with open_store(args) as store:
        print(composer.duplicate(store, briefing_id(store, args.id), title=args.title,
                                 date=args.date))
    return 0


def run_delete(args) -> int:
    with open_store(args) as store:
        composer.trash_briefing(store, briefing_id(store, args.id))
    print(f"briefing {args.id} moved to the trash")
    return 0


# --------------------------------------------------------------------------- helpers
def briefing_id(store, bid: int) -> int:
    """``bid`` if a live briefing has it; otherwise the one message every ``brief``
    subcommand gives."""
    if store.find(Kind.BRIEFING, bid) is None:
        raise composer.ComposerError(f"no briefing with id {bid} (see: briefing brief list)")
    return bid


def _item_id(store, iid: int) -> int:
    from briefing.store import NotFoundError

    try:
        return store.briefing_item(iid).id
    except NotFoundError:
        raise composer.ComposerError(
            f"no briefing item with id {iid} (item ids are shown by: briefing brief show ID)"
        ) from None


def _clip(text: str, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _briefing_json(a) -> dict:
    b = a.briefing
    return {
        "briefing": {
            "id": b.id, "uuid": b.uuid, "title": b.title, "date": b.date.iso if b.date else None,
            "place": b.place, "purpose": b.purpose, "classification": b.classification,
            "author": b.author, "status": b.status, "our_country": b.our_country,
            "counterpart_country": b.counterpart_country,
            "counterpart_person_id": b.counterpart_person_id,
            "counterpart": b.counterpart_name, "updated_at": b.updated_at,
        },
        "sections": [{
            "section": sec.section.value, "title": sec.title,
            "items": [{
                "id": ai.item.id, "position": ai.item.position,
                "ref": f"{ai.item.ref_kind}:{ai.item.ref_id}" if ai.item.ref_kind else None,
                "included": ai.item.included, "removed": ai.removed,
                "label": item_label(ai, a.country_names), "text": ai.item.text,
                "annotation": ai.item.annotation, "reason": ai.item.reason,
                "sources": ai.source_numbers,
            } for ai in sec.items],
        } for sec in a.sections],
        "sources": [{"number": n, "id": s.id, "title": s.title, "outlet": s.outlet,
                     "url": s.url} for n, s in enumerate(a.sources, start=1)],
    }
