"""What a result shows (title, date, who) is what the record itself shows, for every
kind on the demo store; trashed records are never listed."""

from __future__ import annotations

import pytest

from briefing.domain import Kind
from briefing.services.search import resolve_filters, search
from briefing.services.search_results import show


@pytest.mark.parametrize("kind", list(Kind))
def test_results_show_like_full_records(demo_store, kind):
    page = search(demo_store, "", resolve_filters(demo_store, kind=kind), limit=1000)
    ids = [r.id for r in demo_store.iter_records(kind)]
    assert sorted(h.id for h in page.hits) == sorted(ids)
    for hit in page.hits:
        shown = show(demo_store, demo_store.get(kind, hit.id))
        assert (hit.title, hit.who, hit.date_iso) == (
            shown.title, shown.who, shown.date.iso if shown.date else None)


def test_trashed_records_are_not_listed(demo_store):
    ids = [r.id for r in demo_store.iter_records(Kind.STATEMENT)]
    demo_store.trash(Kind.STATEMENT, ids[0])
    page = search(demo_store, "", resolve_filters(demo_store, kind="statement"), limit=1000)
    assert sorted(h.id for h in page.hits) == sorted(ids[1:])
