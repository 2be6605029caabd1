"""BulkLoader: many new records in one transaction, readable and searchable exactly
like records added one by one."""

from __future__ import annotations

import pytest

from briefing.dates import PartialDate
from briefing.domain import (
    Agreement, Change, Kind, Office, Organisation, Party, Person, Source, Statement, Visit,
)
from briefing.services.search import search
from briefing.store import StoreError, ValidationError
from briefing.store.bulk import BulkLoader


def load_sample(store) -> dict[str, int]:
    with BulkLoader(store, batch=3) as bulk:  # tiny batches: several flushes
        src = bulk.add(Source(title="Vučić in Astana", url="https://news.example/1"))
        org = bulk.add(Organisation(name="Yugoimport SDPR", aliases=["Југоимпорт"], country="RS"))
        vucic = bulk.add(Person(
            name="Aleksandar Vučić", aliases=["Вучић", "Vucic"], country="RS",
            office="President of Serbia",
            offices=[Office(title="President of Serbia", country="RS", start=PartialDate(2017))]))
        tokayev = bulk.add(Person(name="Kassym-Jomart Tokayev", aliases=["Тоқаев"], country="KZ"))
        visit = bulk.add(Visit(guest_id=vucic, guest_country="RS", host_country="KZ", host_id=tokayev,
                               start=PartialDate(2025, 10), place="Astana", source_ids=[src]))
        agreement = bulk.add(Agreement(
            title="Artillery repair agreement", status="signed", signed=PartialDate(2025, 10),
            visit_id=visit, parties=[Party(party_kind="country", ref="RS"),
                                     Party(party_kind="organisation", ref=org)],
            topics=["defence industry"]))
        quote = bulk.add(Statement(speaker_id=tokayev, date=PartialDate(2025, 10, 2, approximate=True),
                                   text="Serbia is our reliable partner in the Balkans.",
                                   topics=["trade", "Trade "], source_ids=[src]))
    return {"source": src, "org": org, "vucic": vucic, "tokayev": tokayev, "visit": visit,
            "agreement": agreement, "quote": quote}


def test_records_read_back_with_their_links(store):
    ids = load_sample(store)
    person = store.get(Kind.PERSON, ids["vucic"])
    assert set(person.aliases) == {"Вучић", "Vucic"}
    assert person.offices[0].title == "President of Serbia"
    assert store.people_named("вучић")[0].id == ids["vucic"]
    agreement = store.get(Kind.AGREEMENT, ids["agreement"])
    assert [(p.party_kind, p.name) for p in agreement.parties] == [
        ("country", "Serbia"), ("organisation", "Yugoimport SDPR")]
    assert agreement.topics == ["defence industry"]
    quote = store.get(Kind.STATEMENT, ids["quote"])
    assert quote.topics == ["trade"]  # "trade" and "Trade " are one topic
    assert quote.source_ids == [ids["source"]]
    assert quote.date == PartialDate(2025, 10, 2, approximate=True)
    assert store.check().ok


def test_records_are_searchable_under_every_name(store):
    ids = load_sample(store)
    for query in ("Тоқаев reliable partner", "Tokayev Balkans", "tokayev"):
        hits = search(store, query).hits
        assert (Kind.STATEMENT, ids["quote"]) in {(h.kind, h.id) for h in hits}, query
    assert any(h.id == ids["org"] for h in search(store, "Југоимпорт").hits)


def test_ids_follow_existing_records(store):
    first = store.add(Person(name="Ilham Aliyev", country="AZ"))
    with BulkLoader(store) as bulk:
        later = bulk.add(Person(name="Olzhas Bektenov", country="KZ"))
        assert later == bulk.next_id(Kind.PERSON) - 1
    assert later > first
    assert store.get(Kind.PERSON, later).name == "Olzhas Bektenov"


def test_one_change_notice_per_kind_after_commit(store):
    seen: list[Change] = []
    store.on_change(seen.append)
    load_sample(store)
    assert {c.kind for c in seen} == {"source", "organisation", "person", "visit", "agreement",
                                      "statement"}
    assert all(c.action == "import" for c in seen)


def test_an_error_rolls_everything_back(store):
    with pytest.raises(RuntimeError):
        with BulkLoader(store, batch=2) as bulk:
            for i in range(5):
                bulk.add(Person(name=f"Person {i}"))
            raise RuntimeError("stop")
    assert store.count(Kind.PERSON) == 0
    assert store.check().ok


def test_invalid_records_are_refused(store):
    with pytest.raises(ValidationError):
        with BulkLoader(store) as bulk:
            bulk.add(Person(name="Kept only if all is well"))
            bulk.add(Statement(text="no speaker"))
    assert store.count(Kind.PERSON) == 0


def test_add_outside_with_is_refused(store):
    with pytest.raises(StoreError):
        BulkLoader(store).add(Person(name="x"))
