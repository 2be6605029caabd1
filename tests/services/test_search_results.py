"""What a result shows comes from records read in batches; it must equal what the
full record (``store.get``) would show, for every kind on the demo store."""

from __future__ import annotations

import pytest

from briefing.domain import Kind
from briefing.services.search_results import show
from briefing.store import search_rows


@pytest.mark.parametrize("kind", list(Kind))
def test_batched_records_show_like_full_records(demo_store, kind):
    ids = [r.id for r in demo_store.iter_records(kind)]
    full = {r.id: show(demo_store, r) for r in demo_store.get_many(kind, ids)}
    batched = {i: show(demo_store, r) for i, r in search_rows.result_records(demo_store, kind, ids).items()}
    assert batched == full


def test_trashed_records_are_not_read(demo_store):
    ids = [r.id for r in demo_store.iter_records(Kind.STATEMENT)]
    demo_store.trash(Kind.STATEMENT, ids[0])
    assert set(search_rows.result_records(demo_store, Kind.STATEMENT, ids)) == set(ids[1:])
