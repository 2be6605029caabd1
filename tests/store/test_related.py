"""The records tied to a record, as the detail pane lists them."""

from __future__ import annotations

from briefing.domain import Kind
from briefing.store import related


def test_a_source_lists_the_live_records_citing_it_by_kind(demo_store):
    source = next(demo_store.iter_records(Kind.SOURCE))
    citing = [(Kind(k), i) for k, ids in demo_store.records_citing(source.id).items() for i in ids]
    assert len(citing) > 3

    (group,) = related.related_groups(demo_store, Kind.SOURCE, source.id, limit=3)
    assert group.title == "Records from this source" and group.total == len(citing)
    assert [(item.kind, item.id) for item in group.items] == citing[:3]
    for item in group.items:
        assert item.title and demo_store.title_of(item.kind, item.id).startswith(item.title[:40])

    demo_store.trash(*citing[0])
    (group,) = related.related_groups(demo_store, Kind.SOURCE, source.id, limit=3)
    assert group.total == len(citing) - 1
    assert [(item.kind, item.id) for item in group.items] == citing[1:4]
