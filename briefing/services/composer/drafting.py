"""Putting records into a briefing: the default draft, refreshing suggestions, and
adding any record or free text by hand.

Adding never disturbs what is there: items the user excluded, moved or annotated
stay as they are, and a record already in the briefing is not added twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.domain import Briefing, BriefingItem, Kind, Section
from briefing.services.composer.meeting import ComposerError, meeting_of
from briefing.services.composer.profile import PROFILE_REASON, profile_text
from briefing.services.composer.suggestions import Suggestion, rank
from briefing.store import composer_briefings as kept
from briefing.store import composer_queries as q

# where a record of each kind goes when added by hand
SECTION_FOR_KIND = {
    Kind.STATEMENT: Section.STATEMENTS,
    Kind.VISIT: Section.VISITS,
    Kind.AGREEMENT: Section.AGREEMENTS,
    Kind.FIGURE: Section.FIGURES,
    Kind.STANCE: Section.SENSITIVITIES,
    Kind.PERSON: Section.PROFILE,
    Kind.ORGANISATION: Section.PROFILE,
    Kind.SOURCE: Section.SOURCES,
}
_SECTION_ORDER = {s: i for i, s in enumerate(Section)}


@dataclass
class Added:
    """What an add did: new item ids, refs skipped because already there, and (for the
    draft) refs left out because the user had taken them out of the briefing."""

    item_ids: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    dismissed: list[str] = field(default_factory=list)


def parse_ref(text: str) -> tuple[Kind, int]:
    """``statement:12`` (or ``statements:12``) → ``(Kind.STATEMENT, 12)``."""
    kind, sep, rid = (text or "").strip().partition(":")
    if not sep or not rid.strip().isdigit():
        raise ComposerError(f"'{text}' is not a record reference (write KIND:ID, e.g. statement:12)")
    try:
        k = Kind.parse(kind)
    except ValueError as exc:
        raise ComposerError(str(exc)) from None
    if k == Kind.BRIEFING:
        raise ComposerError("a briefing cannot be added to a briefing")
    return k, int(rid)


def section_of(value: str | Section) -> Section:
    """A section from its value (``talking_points``), a short word (``points``) or title."""
    if isinstance(value, Section):
        return value
    text = (value or "").strip().lower().replace("-", "_").replace(" ", "_")
    aliases = {"points": "talking_points", "talking": "talking_points", "summary": "talking_points",
               "stances": "sensitivities", "figure": "figures", "visit": "visits",
               "agreement": "agreements", "statement": "statements", "source": "sources"}
    text = aliases.get(text, text)
    for s in Section:
        if text in (s.value, s.title.lower().replace(" ", "_")):
            return s
    choices = ", ".join(s.value for s in Section)
    raise ComposerError(f"unknown section '{value}' (choose from {choices})")


def _briefing(store, briefing_id: int) -> Briefing:
    b = store.find(Kind.BRIEFING, int(briefing_id))
    if b is None:
        raise ComposerError(f"no briefing with id {briefing_id}")
    return b


def draft(store, briefing_id: int) -> list[Suggestion]:
    """The default draft for a briefing: its default suggestions in section order."""
    return _default_draft(store, meeting_of(store, _briefing(store, briefing_id)))


def _default_draft(store, meeting) -> list[Suggestion]:
    chosen = [s for s in rank(store, meeting) if s.default]
    chosen.sort(key=lambda s: (_SECTION_ORDER[s.section], s.order))
    return chosen


def _present(items: list[BriefingItem]) -> set[tuple[str, int]]:
    return {(it.ref_kind, it.ref_id) for it in items if it.ref_kind}


def add_draft(store, briefing_id: int) -> Added:
    """Take the default draft; run again ("Refresh suggestions") it adds only records
    that are not in the briefing yet, at the end of their sections, and leaves every
    item the user excluded, moved or annotated as it is.  Records the user took out of
    the briefing stay out (``Added.dismissed``)."""
    b = _briefing(store, briefing_id)
    meeting = meeting_of(store, b)
    chosen = _default_draft(store, meeting)
    present = _present(b.items)
    dismissed = kept.dismissed(store, b.id)
    new: list[BriefingItem] = []
    done = Added()
    for s in chosen:
        if (s.kind.value, s.record_id) in present:
            done.skipped.append(s.ref)
            continue
        if (s.kind.value, s.record_id) in dismissed:
            done.dismissed.append(s.ref)
            continue
        new.append(BriefingItem(section=s.section.value, ref_kind=s.kind.value, ref_id=s.record_id,
                                text=s.title, reason=s.reason))
        if s.kind == Kind.PERSON and s.section == Section.PROFILE and \
                s.record_id == meeting.person_id:
            has_text = any(it.reason == PROFILE_REASON for it in b.items)
            text = profile_text(store, meeting.person)
            if text and not has_text:
                new.append(BriefingItem(section=Section.PROFILE.value, text=text,
                                        reason=PROFILE_REASON))
    if new:
        done.item_ids = store.add_items(b.id, new)
    return done


def add_records(store, briefing_id: int, refs: list[str | tuple[Kind, int]],
                section: str | Section | None = None) -> Added:
    """Add records by hand (``"statement:12"`` or ``(Kind, id)``), each to the section
    of its kind unless ``section`` is given.  Records already in the briefing are
    skipped; a missing record is an error and nothing is added.  A record the user
    had taken out is no longer dismissed."""
    b = _briefing(store, briefing_id)
    target = section_of(section) if section else None
    pairs = [parse_ref(r) if isinstance(r, str) else (Kind(r[0]), int(r[1])) for r in refs]
    present = _present(b.items)
    titles: dict[tuple[Kind, int], str] = {}
    for kind in {k for k, _ in pairs}:
        ids = [rid for k, rid in pairs if k == kind]
        live = {rec.id for rec in store.get_many(kind, ids)}
        missing = [rid for rid in ids if rid not in live]
        if missing:
            raise ComposerError(f"no {kind.value} with id {missing[0]} in the store")
        for rid, title in q.titles_of(store, kind, ids).items():
            titles[(kind, rid)] = title
    done = Added()
    new = []
    for kind, rid in dict.fromkeys(pairs):
        if (kind.value, rid) in present:
            done.skipped.append(f"{kind.value}:{rid}")
            continue
        sec = target or SECTION_FOR_KIND.get(kind, Section.TALKING_POINTS)
        new.append(BriefingItem(section=sec.value, ref_kind=kind.value, ref_id=rid,
                                text=titles.get((kind, rid), ""), reason="added by hand"))
    if new:
        with store.transaction():
            done.item_ids = store.add_items(b.id, new)
            kept.set_dismissed(store, b.id, [(it.ref_kind, it.ref_id) for it in new], False)
    return done


def add_text(store, briefing_id: int, text: str,
             section: str | Section = Section.TALKING_POINTS, annotation: str = "") -> int:
    """Add a free-text item (a talking point by default); returns its id."""
    text = (text or "").strip()
    if not text:
        raise ComposerError("the text is empty")
    b = _briefing(store, briefing_id)
    item = BriefingItem(section=section_of(section).value, text=text, annotation=annotation or "")
    return store.add_items(b.id, [item])[0]
