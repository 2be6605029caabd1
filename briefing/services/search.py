"""Offline search across scripts, spellings and record kinds (headless; CLI and GUI).

    from briefing.services.search import search, resolve_filters
    page = search(store, "Вучић", resolve_filters(store, kind="statement"))
    for hit in page.hits:                 # best first, 50 to a page
        hit.kind, hit.id, hit.title, hit.date, hit.who, hit.score
        hit.snippet.marked()              # "…[Vučić] thanked his host…" (terminal)
        hit.snippet.html()                # "…<b>Vučić</b> thanked…" (Qt rich text)
    page.has_more; search(store, "Вучић", offset=50)   # the next page
    page.mark(some_text)                  # mark the query's words in any other text
    page.capped, page.ranked              # very many matches: only the newest were ranked
                                          # (or, with a very common word, newest first)

The query language is in :mod:`briefing.services.query`; name widening in
:mod:`briefing.services.search_expand`; the MATCH expression in
:mod:`briefing.services.search_match`; snippets in :mod:`briefing.services.snippets`.
:func:`search` never raises for any query text: a query with nothing to look for
gives an empty page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from briefing.countries import UnknownCountry
from briefing.dates import DateError, PartialDate
from briefing.domain import Kind, Record
from briefing.services import search_match
from briefing.services.query import parse
from briefing.services.search_expand import facet_token, plan
from briefing.services.search_results import show
from briefing.services.snippets import SNIPPET_CHARS, Highlighter, Marked, snippet
from briefing.store import search_queries
from briefing.store.search_index import facet

__all__ = ["search", "resolve_filters", "SearchFilters", "SearchHit", "SearchPage",
           "FilterError", "PAGE_SIZE", "Marked"]

PAGE_SIZE = 50
MAX_PAGE = 1000
log = logging.getLogger(__name__)


class FilterError(ValueError):
    """A filter names something unknown (the message says what, with suggestions)."""


@dataclass(frozen=True)
class SearchFilters:
    """Resolved filters: every one given must hold; several values in one are alternatives."""

    kinds: tuple[Kind, ...] = ()
    person_ids: tuple[int, ...] = ()
    organisation_ids: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()  # ISO codes
    topic_ids: tuple[int, ...] = ()
    date_from: PartialDate | None = None  # records dated (partly) on or after
    date_to: PartialDate | None = None  # records dated (partly) on or before

    def facet_groups(self, *, kinds: bool = True) -> list[list[str]]:
        """Facet-token alternatives for the MATCH.  Kinds are better left out when
        the query has words (the store filters kinds by row id, which bm25 does not
        pay for)."""
        groups = [
            [facet_token_kind(k) for k in self.kinds] if kinds else [],
            [facet_token("person", i) for i in self.person_ids],
            [facet_token("organisation", i) for i in self.organisation_ids],
            [facet_token("country", c) for c in self.countries],
            [facet("t", int(i)) for i in self.topic_ids],
        ]
        return [g for g in groups if g]

    @property
    def narrows(self) -> bool:
        """Whether the filters alone pick records (a date range alone does not)."""
        return bool(self.facet_groups())


def facet_token_kind(kind: Kind) -> str:
    return facet("k", Kind(kind).value)


@dataclass(frozen=True)
class SearchHit:
    kind: Kind
    id: int
    uuid: str
    title: str
    date: str  # at its own precision: "November 2025", "c. November 2025", ""
    date_iso: str | None  # "2025-11"
    who: str  # speaker, parties, guest / host, holder
    snippet: Marked
    score: float  # higher is better
    # the record as read for the page (``store.get_many``)
    record: Record = field(repr=False, compare=False, default=None)

    def to_json(self) -> dict:
        return {
            "kind": self.kind.value, "id": self.id, "uuid": self.uuid, "title": self.title,
            "date": self.date_iso, "date_display": self.date, "who": self.who,
            "snippet": self.snippet.marked(), "snippet_text": self.snippet.text,
            "highlights": [list(s) for s in self.snippet.spans], "score": self.score,
        }


@dataclass
class SearchPage:
    query: str
    hits: list[SearchHit]
    offset: int = 0
    has_more: bool = False
    highlighter: Highlighter | None = field(default=None, repr=False)
    problem: str = ""  # set only if the index refused the expression (a bug)
    capped: bool = False  # so many records matched that only the most recent were ranked
    ranked: bool = True  # False: listed newest first (filters only, or a very common word)

    def mark(self, text: str) -> Marked:
        """``text`` with this query's words marked (for titles, names, any field)."""
        if self.highlighter is None:
            return Marked(text or "")
        return self.highlighter.mark(text or "")


def resolve_filters(store, *, kind: str | Kind | None = None, person: str | None = None,
                    organisation: str | None = None, country: str | None = None,
                    topic: str | None = None, date_from: str | PartialDate | None = None,
                    date_to: str | PartialDate | None = None) -> SearchFilters:
    """Filters from what a user typed: a kind word, a person's or organisation's name in
    any script (all people of that name), a country code or name, a topic, partial
    dates.  Raises :class:`FilterError` (or ``DateError``) with a clear message."""
    kinds = (Kind.parse(kind),) if isinstance(kind, str) and kind.strip() else (
        (Kind(kind),) if kind else ())
    person_ids = _named_ids(store, "person", person)
    organisation_ids = _named_ids(store, "organisation", organisation)
    countries: tuple[str, ...] = ()
    if country and country.strip():
        try:
            countries = (store.country_index.require(country).code,)
        except UnknownCountry as exc:  # "unknown country 'x' (did you mean …?)"
            raise FilterError(str(exc)) from None
    topic_ids: tuple[int, ...] = ()
    if topic and topic.strip():
        tid = store.topic_id(topic)
        if tid is None:
            raise FilterError(f"no topic '{topic}' (topics: {', '.join(store.topics()[:12])})")
        topic_ids = (tid,)
    lo, hi = _date(date_from, "from"), _date(date_to, "to")
    if lo and hi and lo.lower() > hi.upper():
        raise FilterError(f"the date range {lo} – {hi} is empty (the start is after the end)")
    return SearchFilters(kinds, person_ids, organisation_ids, countries, topic_ids, lo, hi)


def _date(value, which: str) -> PartialDate | None:
    if isinstance(value, PartialDate):
        return value
    try:
        return PartialDate.parse_optional(value)
    except DateError as exc:
        raise FilterError(f"the '{which}' date {value!r} is not a date: {exc}") from None


def _named_ids(store, entity_kind: str, name: str | None) -> tuple[int, ...]:
    if not name or not name.strip():
        return ()
    ids = tuple(store.ids_named(Kind(entity_kind), name))
    if not ids:
        close = store.similar_names(entity_kind, name)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise FilterError(f"no {entity_kind} named '{name}'{hint}")
    return ids


def search(store, text, filters: SearchFilters | None = None, *, offset: int = 0,
           limit: int = PAGE_SIZE, snippet_chars: int = SNIPPET_CHARS) -> SearchPage:
    """One page of results for ``text`` (see the module docstring); never raises for
    any ``text``."""
    filters = filters or SearchFilters()
    query = parse(text)
    offset = max(0, int(offset or 0))
    limit = max(1, min(MAX_PAGE, int(limit or PAGE_SIZE)))
    if query.empty and not filters.narrows:
        return SearchPage(query.text, [], offset)
    steps = plan(store, query)
    groups = filters.facet_groups(kinds=query.empty)
    expression = search_match.build(steps.parts, groups)
    hl = Highlighter(query.highlight_terms(), steps.highlight_words)
    if expression is None:
        return SearchPage(query.text, [], offset, highlighter=hl)
    try:
        found = search_queries.match(
            store, expression, probes=search_match.probes(steps.parts, groups), kinds=filters.kinds,
            date_from=filters.date_from.lower() if filters.date_from else None,
            date_to=filters.date_to.upper() if filters.date_to else None,
            by_rank=not query.empty, offset=offset, limit=limit + 1,
        )
    except search_queries.MatchExpressionError as exc:
        log.error("search for %r: %s (expression %r)", text, exc, expression)
        return SearchPage(query.text, [], offset, highlighter=hl, problem=str(exc))
    hits = _hits(store, found.hits[:limit], hl, snippet_chars)
    return SearchPage(query.text, hits, offset, len(found.hits) > limit, hl,
                      capped=found.capped, ranked=found.ranked)


def _hits(store, found, hl: Highlighter, width: int) -> list[SearchHit]:
    by_kind: dict[Kind, list[int]] = {}
    for h in found:
        by_kind.setdefault(h.kind, []).append(h.id)
    records = {
        (kind, rec.id): rec for kind, ids in by_kind.items() for rec in store.get_many(kind, ids)
    }
    out = []
    for h in found:
        rec = records.get((h.kind, h.id))
        if rec is None:  # changed under us; the index is mended by the next write
            continue
        shown = show(store, rec)
        out.append(SearchHit(
            kind=h.kind, id=h.id, uuid=rec.uuid, title=shown.title,
            date=shown.date.display() if shown.date else "",
            date_iso=shown.date.iso if shown.date else None, who=shown.who,
            snippet=snippet(hl, shown.body, shown.lead, width),
            score=round(-h.rank, 4), record=rec,
        ))
    return out


def expression(store, text, filters: SearchFilters | None = None) -> str | None:
    """The FTS5 MATCH expression :func:`search` runs for ``text`` (for benchmarks and
    for explaining a query); ``None`` when there is nothing to look for."""
    filters = filters or SearchFilters()
    query = parse(text)
    if query.empty and not filters.narrows:
        return None
    return search_match.build(plan(store, query).parts, filters.facet_groups(kinds=query.empty))
