"""The natural-key lookups article capture added to ``store.lookups``: figures by
metric/value/unit/date, and the records that cite a source."""

from __future__ import annotations

from briefing.dates import PartialDate
from briefing.domain import Figure, Kind, Source, Statement, Person


def test_find_figure_by_folded_metric_value_unit_and_date(store):
    fid = store.add(Figure(metric="Trade turnover", value=7.0, unit="%", as_of=PartialDate(2024, 11)))
    assert store.find_figure("trade  TURNOVER", 7.0, "%", "2024-11") == fid
    assert store.find_figure("Trade turnover", 7.0, "%", None) == fid  # undated matches
    assert store.find_figure("Trade turnover", 7.0, "%", "2023") is None
    assert store.find_figure("Trade turnover", 8.0, "%", "2024-11") is None
    assert store.find_figure("Trade turnover", 7.0, "companies", "2024-11") is None
    store.trash(Kind.FIGURE, fid)
    assert store.find_figure("Trade turnover", 7.0, "%", "2024-11") is None


def test_records_citing_a_source_leaves_out_trashed_ones(store):
    sid = store.add(Source(title="Article", text="…"))
    other = store.add(Source(title="Other"))
    pid = store.add(Person(name="Aleksandar Vučić", source_ids=[sid]))
    s1 = store.add(Statement(speaker_id=pid, text="One.", source_ids=[sid]))
    s2 = store.add(Statement(speaker_id=pid, text="Two.", source_ids=[sid, other]))
    store.add(Statement(speaker_id=pid, text="Three.", source_ids=[other]))
    assert store.records_citing(sid) == {"person": [pid], "statement": [s1, s2]}
    store.trash(Kind.STATEMENT, s1)
    assert store.records_citing(sid) == {"person": [pid], "statement": [s2]}
    assert store.records_citing(9999) == {}


def test_name_records_folded_names_and_ids_named(store):
    from briefing.domain import Organisation

    v = store.add(Person(name="Aleksandar Vučić", aliases=["Вучић", "Vucic"], country="RS",
                         office="President of Serbia"))
    w = store.add(Person(name="Aleksandar Vučić", country="RS"))
    gone = store.add(Person(name="Trashed Person"))
    store.trash(Kind.PERSON, gone)
    o = store.add(Organisation(name="Yugoimport SDPR", aliases=["Југоимпорт СДПР"], country="RS"))
    people = {p.id: p for p in store.name_records(Kind.PERSON)}
    assert set(people) == {v, w}
    assert sorted(people[v].aliases) == ["Vucic", "Вучић"] and people[v].office == "President of Serbia"
    assert [x.name for x in store.name_records(Kind.ORGANISATION)] == ["Yugoimport SDPR"]
    assert store.folded_names(Kind.PERSON)[v] == {"aleksandar vucic", "vucic"}
    assert store.folded_names(Kind.ORGANISATION)[o] == {"yugoimport sdpr", "jugoimport sdpr"}
    assert store.ids_named(Kind.PERSON, "ALEKSANDAR VUCIC") == [v, w]
    assert store.ids_named(Kind.PERSON, "Вучић") == [v]
    assert store.ids_named(Kind.PERSON, "Trashed Person") == []
