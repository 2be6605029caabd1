"""The search panel's one door to the search service (``briefing.services.search``).

Filters are resolved on the GUI thread (:func:`resolve`: names, countries and topics
are quick look-ups, and the GUI's store already has the country list loaded); the
search itself runs in a worker (:func:`run`) and returns plain rows with the
snippet and title already marked up as Qt rich text.  If the service's API moves,
this module is the one place to change.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from briefing.dates import DateError
from briefing.domain import Kind
from briefing.services import search as service

PAGE_SIZE = service.PAGE_SIZE


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    kind: Kind | None = None
    person: str = ""
    country: str = ""  # ISO code or a name
    topic: str = ""
    date_from: str = ""
    date_to: str = ""

    @property
    def has_filters(self) -> bool:
        return any((self.kind, self.person.strip(), self.country.strip(), self.topic.strip(),
                    self.date_from.strip(), self.date_to.strip()))


@dataclass(frozen=True)
class ResultRow:
    kind: Kind
    id: int
    title_html: str
    date: str
    who: str
    snippet_html: str
    title: str


@dataclass
class SearchOutcome:
    request: SearchRequest
    rows: list[ResultRow] = field(default_factory=list)
    offset: int = 0
    has_more: bool = False
    problem: str = ""  # a filter that names nothing, a date that is no date


class FilterProblem(ValueError):
    pass


def resolve(store, request: SearchRequest):
    """The service's filters for a request; :class:`FilterProblem` with a plain message."""
    try:
        return service.resolve_filters(
            store, kind=request.kind, person=request.person or None,
            country=request.country or None, topic=request.topic or None,
            date_from=request.date_from or None, date_to=request.date_to or None,
        )
    except (service.FilterError, DateError, ValueError) as exc:
        raise FilterProblem(str(exc)) from None


def run(ctx, request: SearchRequest, filters, offset: int = 0) -> SearchOutcome:
    """One page of results (in a worker: ``ctx.store`` is the worker's connection)."""
    page = service.search(ctx.store, request.text, filters, offset=offset, limit=PAGE_SIZE)
    rows = [
        ResultRow(
            kind=hit.kind, id=hit.id,
            title_html=page.mark(hit.title).html() if hit.title else html.escape(hit.kind.label),
            date=hit.date, who=hit.who, snippet_html=hit.snippet.html(), title=hit.title,
        )
        for hit in page.hits
    ]
    return SearchOutcome(request, rows, offset, page.has_more, page.problem)


def marker(request: SearchRequest):
    """A function marking the request's words in any text (HTML), for the detail pane."""
    from briefing.services.query import parse
    from briefing.services.snippets import Highlighter

    query = parse(request.text)
    if query.empty:
        return None
    hl = Highlighter(query.highlight_terms())
    return lambda text: hl.mark(text or "").html()
