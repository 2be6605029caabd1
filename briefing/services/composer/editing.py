"""Editing a briefing so that two windows (or two programs) on the same store never
lose each other's edits silently.

Items are separate rows and every edit here changes only the fields it names, after
re-reading the row inside the write transaction; a caller that says what it last saw
(``expected``) gets a :class:`StaleEditError` — and nothing is written — when another
window changed that field in between.  Edits that are the same whoever makes them
(ticking, moving) need no expectation.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.dates import PartialDate
from briefing.domain import Briefing, BriefingItem, BriefingStatus, Kind
from briefing.services.composer.meeting import ComposerError, resolve_country
from briefing.store import NotFoundError
from briefing.store import composer_briefings as kept

ITEM_FIELDS = ("text", "annotation", "included")
DETAIL_FIELDS = ("title", "date", "place", "purpose", "classification", "author", "status",
                 "counterpart_country", "counterpart_person_id", "our_country")


class StaleEditError(ComposerError):
    """The thing edited changed (or went) since the editor read it; ``current`` is what
    the store holds now (``None`` if it was removed)."""

    def __init__(self, message: str, current=None):
        super().__init__(message)
        self.current = current


def _fresh_item(store, item_id: int) -> BriefingItem:
    try:
        return store.briefing_item(int(item_id))
    except NotFoundError:
        raise StaleEditError("this item was removed from the briefing (in another window?)",
                             None) from None


def _check(what: str, fresh, expected: dict | None) -> None:
    for name, seen in (expected or {}).items():
        now = getattr(fresh, name)
        if now != seen:
            raise StaleEditError(
                f"the {what}'s {name.replace('_', ' ')} was changed elsewhere since you "
                f"opened it; reload to see the new version", fresh)


def edit_item(store, item_id: int, *, expected: dict | None = None, **changes) -> BriefingItem:
    """Change some of an item's ``text``, ``annotation``, ``included`` — only those —
    and return the item as saved.  See the module docstring for ``expected``."""
    bad = set(changes) - set(ITEM_FIELDS)
    if bad:
        raise ComposerError(f"cannot edit {', '.join(sorted(bad))} of a briefing item")
    with store.transaction():
        fresh = _fresh_item(store, item_id)
        _check("item", fresh, expected)
        if "included" in changes:
            changes["included"] = bool(changes["included"])
        if all(getattr(fresh, k) == v for k, v in changes.items()):
            return fresh
        fresh = replace(fresh, **changes)
        store.update_item(fresh)
    return fresh


def set_included(store, item_id: int, included: bool) -> BriefingItem:
    return edit_item(store, item_id, included=included)


def annotate(store, item_id: int, annotation: str, *, expected: str | None = None) -> BriefingItem:
    """Set an item's annotation; with ``expected`` (the annotation the editor started
    from), refuse to overwrite someone else's newer annotation."""
    exp = None if expected is None else {"annotation": expected}
    return edit_item(store, item_id, expected=exp, annotation=annotation or "")


def set_text(store, item_id: int, text: str, *, expected: str | None = None) -> BriefingItem:
    exp = None if expected is None else {"text": expected}
    return edit_item(store, item_id, expected=exp, text=text or "")


def move_item(store, item_id: int, section, position: int) -> BriefingItem:
    """Move an item to ``position`` (0-based) of ``section`` in its briefing."""
    from briefing.services.composer.drafting import section_of

    sec = section_of(section)
    with store.transaction():
        _fresh_item(store, item_id)
        store.move_item(int(item_id), sec.value, int(position))
        return store.briefing_item(int(item_id))


def _refs_by_briefing(items: list[BriefingItem]) -> dict[int, list[tuple[str, int]]]:
    out: dict[int, list[tuple[str, int]]] = {}
    for it in items:
        if it.ref_kind and it.ref_id is not None:
            out.setdefault(it.briefing_id, []).append((it.ref_kind, it.ref_id))
    return out


def remove_items(store, item_ids: list[int], *, dismiss: bool = True) -> list[BriefingItem]:
    """Take items out of their briefing; returns them for :func:`restore_items` (undo).
    The records they showed are remembered as dismissed, so refreshing the suggestions
    does not bring them back (``dismiss=False`` when undoing an add)."""
    with store.transaction():
        removed = store.remove_items([int(i) for i in item_ids])
        if dismiss:
            for bid, refs in _refs_by_briefing(removed).items():
                kept.set_dismissed(store, bid, refs)
    return removed


def restore_items(store, items: list[BriefingItem]) -> None:
    """Put removed items back at their places (and forget they were dismissed)."""
    with store.transaction():
        present = set()
        for bid in {it.briefing_id for it in items}:
            present |= {it.id for it in store.briefing_items(bid)}
        store.restore_items([it for it in items if it.id not in present])
        for bid, refs in _refs_by_briefing(items).items():
            kept.set_dismissed(store, bid, refs, False)


# --------------------------------------------------------------------------- details
def _briefing(store, briefing_id: int) -> Briefing:
    b = store.find(Kind.BRIEFING, int(briefing_id))
    if b is None:
        raise StaleEditError(f"briefing {briefing_id} is not in the store (deleted elsewhere?)")
    return b


def update_details(store, briefing_id: int, changes: dict, *,
                   expected: dict | None = None) -> Briefing:
    """Change some of a briefing's details (title, date, place, purpose, classification,
    author, status, countries, counterpart person) and return it as saved.  Only the
    named fields are written; ``expected`` works as for items."""
    bad = set(changes) - set(DETAIL_FIELDS)
    if bad:
        raise ComposerError(f"cannot edit {', '.join(sorted(bad))} of a briefing")
    changes = dict(changes)
    if isinstance(changes.get("date"), str):
        try:
            changes["date"] = PartialDate.parse_optional(changes["date"])
        except ValueError as exc:
            raise ComposerError(str(exc)) from None
    for key in ("counterpart_country", "our_country"):
        if key in changes:
            changes[key] = resolve_country(store, changes[key])
    if "status" in changes and changes["status"] not in {s.value for s in BriefingStatus}:
        raise ComposerError(f"status must be 'draft' or 'final', not '{changes['status']}'")
    with store.transaction():
        fresh = _briefing(store, briefing_id)
        _check("briefing", fresh, expected)
        if all(getattr(fresh, k) == v for k, v in changes.items()):
            return fresh
        for k, v in changes.items():
            setattr(fresh, k, v)
        if not (fresh.title or "").strip():
            raise ComposerError("a briefing needs a title")
        store.update(fresh)
    return fresh


# --------------------------------------------------------------------------- whole briefings
def duplicate(store, briefing_id: int, *, title: str | None = None,
              date: str | PartialDate | None = None) -> int:
    """Copy a briefing with all its items — order, ticks, annotations, talking points —
    as a new draft ("copy the last meeting's book"); returns the new id."""
    b = _briefing(store, briefing_id)
    if isinstance(date, str):
        try:
            date = PartialDate.parse_optional(date)
        except ValueError as exc:
            raise ComposerError(str(exc)) from None
    copy = replace(b, id=None, uuid="", created_at="", updated_at="", deleted_at=None, items=[],
                   title=(title or "").strip() or f"{b.title} (copy)",
                   date=date if date is not None else b.date,
                   status=BriefingStatus.DRAFT.value)
    with store.transaction():
        new_id = store.add(copy)
        items = [replace(it, id=None, briefing_id=new_id) for it in b.items]
        if items:
            store.add_items(new_id, items)
        kept.set_dismissed(store, new_id, sorted(kept.dismissed(store, b.id)))
    return new_id


def trash_briefing(store, briefing_id: int) -> None:
    """Move a briefing to the trash (it can be restored)."""
    if not store.trash(Kind.BRIEFING, int(briefing_id)):
        raise ComposerError(f"no briefing with id {briefing_id}")


def restore_briefing(store, briefing_id: int) -> None:
    if not store.restore(Kind.BRIEFING, int(briefing_id)):
        raise ComposerError(f"briefing {briefing_id} is not in the trash")
