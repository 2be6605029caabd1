"""Capture, end to end: read an article, run every extraction rule, return a
:class:`Capture` of candidates for review.  Headless, deterministic, no store."""

from __future__ import annotations

from pathlib import Path

from briefing.services.capture.agreements import find_agreements
from briefing.services.capture.article import Article
from briefing.services.capture.attribution import Attributor
from briefing.services.capture.candidates import Capture, Candidate
from briefing.services.capture.dates import DateIndex, find_dates
from briefing.services.capture.figures import find_figures
from briefing.services.capture.gazetteer import Gazetteer
from briefing.services.capture.names import find_mentions
from briefing.services.capture.people import PeopleBook
from briefing.services.capture.quotes import find_quotes
from briefing.services.capture.reading import read_file, read_text
from briefing.services.capture.statements import find_paraphrases
from briefing.services.capture.text import TextMap
from briefing.services.capture.visits import find_visits

__all__ = ["extract", "capture_file", "capture_text"]


def capture_file(path: str | Path, gazetteer: Gazetteer | None = None, *, url: str = "") -> Capture:
    """Read ``path`` and extract its candidates (raises ``CaptureError`` on bad input)."""
    return extract(read_file(path, url=url), gazetteer)


def capture_text(text: str, gazetteer: Gazetteer | None = None, *, url: str = "",
                 title: str = "", html: bool | None = None) -> Capture:
    """Pasted text (or HTML, detected or forced with ``html``)."""
    from briefing.services.capture.reading import read_html

    stripped = text.lstrip()[:512].lower()
    if html or (html is None and (stripped.startswith(("<!doctype html", "<html"))
                                  or "<body" in stripped or "<p>" in stripped)):
        article = read_html(text, url=url, name="pasted HTML")
        article.title = title or article.title
    else:
        article = read_text(text, url=url, title=title, name="pasted text")
    article.format = "paste" if not html else article.format
    return extract(article, gazetteer)


def extract(article: Article, gazetteer: Gazetteer | None = None) -> Capture:
    """Every candidate in ``article``; names resolve against ``gazetteer`` (default:
    countries only)."""
    gaz = gazetteer if gazetteer is not None else Gazetteer.with_countries()
    text = article.text
    tm = TextMap(text)
    mentions = find_mentions(text, gaz)
    book = PeopleBook(mentions, gaz, text)
    att = Attributor(tm, mentions, book)
    capture = Capture(article=article)
    quotes = find_quotes(tm, att)  # first: it marks the quoted passages for the others
    capture.statements = sorted([*quotes, *find_paraphrases(tm, att)], key=lambda c: c.start)
    capture.agreements = find_agreements(tm, att)
    capture.visits = find_visits(tm, att)
    capture.figures = find_figures(tm, gaz)
    capture.dates = find_dates(text, article.date)
    dates = DateIndex(tm, capture.dates)
    for candidate in capture.candidates():
        dates.date(candidate)
    used = _used_keys(capture.candidates())
    capture.people = book.proposed_people(used)
    capture.organisations = book.proposed_organisations(used)
    return capture


def _used_keys(candidates: list[Candidate]) -> set[str]:
    return {ref.key for c in candidates for ref in c.refs() if ref.new}
