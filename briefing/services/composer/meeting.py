"""Who the meeting is with: resolving countries and people typed by a user (with close
matches when they are unknown), and creating a briefing for a meeting."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.dates import PartialDate
from briefing.domain import Briefing, Classification, Kind, Person
from briefing.fold import fold_key


class ComposerError(ValueError):
    """A user-facing problem with a briefing request; the message says what to do."""


@dataclass(frozen=True)
class Meeting:
    """What the composer ranks records against."""

    our_country: str | None
    counterpart_country: str | None
    person_id: int | None = None
    purpose: str = ""
    date: PartialDate | None = None
    person: Person | None = field(default=None, compare=False)

    @property
    def countries(self) -> list[str]:
        return [c for c in (self.counterpart_country, self.our_country) if c]


def resolve_country(store, text: str | None, what: str = "country") -> str | None:
    """The ISO code for a code or any name of a country; ``None`` for empty text.
    Unknown names raise :class:`ComposerError` naming the closest countries."""
    if text is None or not str(text).strip():
        return None
    found = store.country(text)
    if found is not None:
        return found.code
    close = store.country_index.suggest(text)
    hint = ""
    if close:
        hint = " (did you mean " + ", ".join(f"{c.name} [{c.code}]" for c in close) + "?)"
    raise ComposerError(f"unknown {what} '{text}'{hint}")


def resolve_person(store, text: str | None) -> Person | None:
    """The one person known by this name or alias; ``None`` for empty text.  Unknown
    or ambiguous names raise :class:`ComposerError` with close matches."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    if text.startswith("#") and text[1:].isdigit():  # "#12": a person id
        person = store.find(Kind.PERSON, int(text[1:]))
        if person is None:
            raise ComposerError(f"no person with id {text[1:]}")
        return person
    people = store.people_named(text)
    if len(people) == 1:
        return people[0]
    if len(people) > 1:
        names = ", ".join(f"{p.name} (#{p.id}, {p.country or 'no country'})" for p in people[:5])
        raise ComposerError(f"'{text}' names several people: {names}; give the id as #ID")
    close = store.similar_names("person", text)
    if not close:
        # a last chance: the words of the name, one at a time ("President Tokayev")
        for word in fold_key(text).split():
            found = store.people_named(word) if len(word) >= 4 else []
            if len(found) == 1:
                return found[0]
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise ComposerError(f"unknown person '{text}'{hint}")


def default_our_country(store) -> str | None:
    code = store.get_setting("our_country")
    return code or None


def meeting_of(store, briefing: Briefing) -> Meeting:
    """The meeting a stored briefing is about (its person read from the store)."""
    person = None
    if briefing.counterpart_person_id is not None:
        person = store.find(Kind.PERSON, briefing.counterpart_person_id)
    counterpart = briefing.counterpart_country or (person.country if person else None)
    return Meeting(
        our_country=briefing.our_country or default_our_country(store),
        counterpart_country=counterpart,
        person_id=person.id if person else None,
        purpose=briefing.purpose or "",
        date=briefing.date,
        person=person,
    )


def new_briefing(store, *, title: str, country: str | None = None,
                 our_country: str | None = None, person: str | None = None,
                 date: str | PartialDate | None = None, place: str = "", purpose: str = "",
                 classification: str = Classification.RESTRICTED.value,
                 author: str = "") -> int:
    """Create a briefing for a meeting from what a user typed; returns its id.

    ``country`` and ``person`` may be any name or alias; the counterpart country
    defaults to the person's; ``our_country`` defaults to the store's setting."""
    title = (title or "").strip()
    if not title:
        raise ComposerError("a briefing needs a title")
    counterpart = resolve_country(store, country)
    who = resolve_person(store, person)
    if counterpart is None and who is not None:
        counterpart = who.country
    if counterpart is None:
        raise ComposerError("say who the meeting is with: a counterpart country or person")
    ours = resolve_country(store, our_country, "country (ours)") or default_our_country(store)
    if ours is None:
        raise ComposerError("our country is not set: pass --our-country (e.g. RS)")
    if ours == counterpart:
        raise ComposerError("our country and the counterpart country are the same")
    if isinstance(date, str):
        try:
            date = PartialDate.parse_optional(date)
        except ValueError as exc:
            raise ComposerError(str(exc)) from None
    classification = (classification or Classification.RESTRICTED.value).strip()
    preset = {c.value.lower(): c.value for c in Classification}
    classification = preset.get(classification.lower(), classification)
    briefing = Briefing(
        title=title, counterpart_country=counterpart,
        counterpart_person_id=who.id if who else None, our_country=ours, date=date,
        place=(place or "").strip(), purpose=(purpose or "").strip(),
        classification=classification, author=(author or "").strip(),
    )
    return store.add(briefing)
