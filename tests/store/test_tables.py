"""Record tables: counts, sort orders, filters and display rows on the demo store."""

from __future__ import annotations

from briefing.domain import Kind, Statement
from briefing.store import tables
from briefing.store.tables import TableQuery


def _ids(store, **kw):
    return list(tables.sorted_ids(store, TableQuery(**kw)))


def test_every_kind_counts_sorts_and_windows_the_same_rows(demo_store):
    for kind in Kind:
        for col in tables.columns(kind):
            for descending in (False, True):
                q = TableQuery(kind, sort=col.key, descending=descending)
                ids = list(tables.sorted_ids(demo_store, q))
                assert len(ids) == tables.count_rows(demo_store, q) == demo_store.count(kind)
                window = tables.window_rows(demo_store, q, 0, 1000)
                assert [r.id for r in window] == ids
                assert all(len(r.cells) == len(tables.columns(kind)) for r in window)


def test_statements_newest_first_with_dates_at_their_precision(demo_store):
    rows = tables.window_rows(demo_store, TableQuery(Kind.STATEMENT), 0, 50)
    date_col = [c.key for c in tables.columns(Kind.STATEMENT)].index("date")
    assert {r.cells[date_col] for r in rows} <= {"c. November 2025", "November 2025"}
    speaker_col = [c.key for c in tables.columns(Kind.STATEMENT)].index("speaker")
    assert "Aleksandar Vučić" in {r.cells[speaker_col] for r in rows}


def test_sorting_by_a_joined_column_orders_by_name(demo_store):
    q = TableQuery(Kind.STATEMENT, sort="speaker")
    speaker_col = [c.key for c in tables.columns(Kind.STATEMENT)].index("speaker")
    names = [r.cells[speaker_col] for r in tables.rows_for_ids(
        demo_store, Kind.STATEMENT, tables.sorted_ids(demo_store, q))]
    assert names == sorted(names)
    rev = TableQuery(Kind.STATEMENT, sort="speaker", descending=True)
    assert _ids(demo_store, kind=Kind.STATEMENT, sort="speaker", descending=True) == \
        list(tables.sorted_ids(demo_store, rev))


def test_text_filter_matches_any_script_and_prefixes(demo_store):
    vucic = {s.id for s in demo_store.iter_records(Kind.STATEMENT) if s.speaker_name.startswith("Aleksandar")}
    for text in ("Вучић", "vucic", "VUČIĆ", "vuč"):
        found = set(_ids(demo_store, kind=Kind.STATEMENT, text=text))
        assert vucic <= found, text
    q = TableQuery(Kind.STATEMENT, text="Вучић")
    assert tables.count_rows(demo_store, q) == len(tables.sorted_ids(demo_store, q))
    assert _ids(demo_store, kind=Kind.STATEMENT, text="zzzz-nothing") == []
    # punctuation and FTS syntax are plain words, never an error
    assert _ids(demo_store, kind=Kind.STATEMENT, text='"; DROP TABLE statements; -- OR (') == []


def test_country_filter_per_kind(demo_store):
    az_statements = _ids(demo_store, kind=Kind.STATEMENT, country="AZ")
    assert az_statements and all(
        demo_store.get(Kind.STATEMENT, i).speaker_country == "AZ" for i in az_statements)
    az_visits = _ids(demo_store, kind=Kind.VISIT, country="az")
    assert az_visits and all("AZ" in (v.guest_country, v.host_country)
                             for v in demo_store.get_many(Kind.VISIT, az_visits))
    az_agreements = _ids(demo_store, kind=Kind.AGREEMENT, country="AZ")
    assert len(az_agreements) == 1
    assert _ids(demo_store, kind=Kind.SOURCE, country="AZ") == []


def test_trashed_records_leave_the_table_and_come_back(demo_store):
    q = TableQuery(Kind.STATEMENT)
    before = tables.count_rows(demo_store, q)
    sid = demo_store.add(Statement(text="A new statement", speaker_id=1))
    assert tables.count_rows(demo_store, q) == before + 1
    demo_store.trash(Kind.STATEMENT, sid)
    assert tables.count_rows(demo_store, q) == before
    assert sid not in tables.sorted_ids(demo_store, q)
    assert tables.rows_for_ids(demo_store, Kind.STATEMENT, [sid]) == []
    demo_store.restore(Kind.STATEMENT, sid)
    assert sid in tables.sorted_ids(demo_store, q)


def test_default_orders_are_served_by_an_index(demo_store):
    for kind in (Kind.STATEMENT, Kind.VISIT, Kind.AGREEMENT, Kind.PERSON):
        q = TableQuery(kind)
        assert tables.can_window(q)
        assert not tables.can_window(TableQuery(kind, text="x"))
