"""The record verbs for every kind: add, get, update, trash, restore, purge; partial
dates, uuids, timestamps, links (sources, topics, aliases, offices, parties) and
the one change notice per committed write."""

from __future__ import annotations

import re
import uuid as uuidlib

import pytest

from briefing.dates import PartialDate as D
from briefing.domain import (
    RECORD_KINDS, Agreement, Briefing, Change, Figure, Kind, Office, Organisation, Party, Person,
    Source, Stance, Statement, Visit,
)
from briefing.store import NotFoundError, StoreError, ValidationError

STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


# --- a valid record of every kind ---------------------------------------------------------
def people(store) -> tuple[int, int]:
    vucic = store.add(Person(name="Aleksandar Vučić", country="RS", aliases=["Вучић", "Vucic"]))
    tokayev = store.add(Person(name="Kassym-Jomart Tokayev", country="KZ",
                               aliases=["Токаев", "Тоқаев", "Tokaev"]))
    return vucic, tokayev


def sample(store, kind: Kind):
    """A new, unsaved record of ``kind`` whose references exist in ``store``."""
    if kind == Kind.PERSON:
        return Person(name="Ilham Aliyev", country="AZ", office="President of Azerbaijan",
                      aliases=["Əliyev", "Алиев"])
    if kind == Kind.ORGANISATION:
        return Organisation(name="Yugoimport SDPR", org_kind="company", country="RS",
                            aliases=["Југоимпорт СДПР"])
    if kind == Kind.SOURCE:
        return Source(title="Vučić in Astana", outlet="News.Az", url="https://news.az/x",
                      published=D(2025, 11, approximate=True), language="en", text="Article text.")
    vucic, tokayev = people(store)
    if kind == Kind.VISIT:
        return Visit(guest_id=vucic, guest_country="RS", host_country="KZ", host_id=tokayev,
                     start=D(2025, 11, approximate=True), end=D(2025, 11, 30), place="Astana",
                     visit_kind="official", purpose="Talks", ordinal=4)
    if kind == Kind.AGREEMENT:
        return Agreement(title="Framework agreement on high-energy materials",
                         agreement_kind="framework agreement", sector="defence", status="signed",
                         signed=D(2025, 11, approximate=True), in_force=D(2026),
                         parties=[Party(party_kind="country", ref="KZ"),
                                  Party(party_kind="country", ref="RS")])
    if kind == Kind.STATEMENT:
        return Statement(speaker_id=tokayev, date=D(2025, 11, approximate=True),
                         text="We put stress on further development of trade",
                         statement_kind="direct", language="en", occasion="Astana talks")
    if kind == Kind.FIGURE:
        return Figure(metric="Trade turnover, change", value=7.0, unit="%", qualifier="more than",
                      from_country="KZ", to_country="RS", period="since November 2024",
                      as_of=D(2025, 11, approximate=True))
    if kind == Kind.STANCE:
        return Stance(holder_country="KZ", holder_person_id=tokayev, topic="Kosovo",
                      text="Does not recognise Kosovo's independence.")
    if kind == Kind.BRIEFING:
        return Briefing(title="Vučić meets Tokayev", counterpart_country="KZ",
                        counterpart_person_id=tokayev, our_country="RS", date=D(2026, 3, 2),
                        place="Astana", classification="CONFIDENTIAL")
    raise AssertionError(kind)


# the field a test changes with update(), and the new value
EDITS = {
    Kind.PERSON: ("office", "Former president"),
    Kind.ORGANISATION: ("org_kind", "defence company"),
    Kind.SOURCE: ("title", "Vučić seeks trade in Kazakhstan"),
    Kind.VISIT: ("place", "Almaty"),
    Kind.AGREEMENT: ("status", "in force"),
    Kind.STATEMENT: ("text", "Trade exchange is increasing."),
    Kind.FIGURE: ("value", 80.0),
    Kind.STANCE: ("text", "Does not recognise Kosovo as an independent state."),
    Kind.BRIEFING: ("title", "Vučić meets Tokayev in Astana"),
}

ALL_KINDS = list(RECORD_KINDS)


def data(rec) -> dict:
    """A record's stored fields (not display names, not bookkeeping)."""
    display = {"speaker_name", "speaker_country", "guest_name", "host_name", "holder_name",
               "counterpart_name", "items"}
    out = {f: getattr(rec, f) for f in rec.data_fields() if f not in display}
    if "parties" in out:  # a party's name is display, filled in on reading
        out["parties"] = [(p.party_kind, p.ref, p.role) for p in out["parties"]]
    if "offices" in out:
        out["offices"] = [(o.title, o.country, o.organisation_id, o.start, o.end)
                          for o in out["offices"]]
    return out


@pytest.fixture
def notices(store):
    seen: list[Change] = []
    store.on_change(seen.append)
    return seen


# --- the verbs, for every kind ------------------------------------------------------------
@pytest.mark.parametrize("kind", ALL_KINDS, ids=str)
def test_add_then_get_gives_the_same_record(store, kind):
    rec = sample(store, kind)
    rid = store.add(rec)
    assert rec.id == rid and isinstance(rid, int)
    assert uuidlib.UUID(rec.uuid).version == 4
    assert STAMP.match(rec.created_at) and rec.updated_at == rec.created_at
    assert rec.deleted_at is None
    got = store.get(kind, rid)
    assert type(got) is RECORD_KINDS[kind]
    assert data(got) == data(rec)
    assert (got.uuid, got.created_at, got.updated_at) == (rec.uuid, rec.created_at, rec.updated_at)
    assert store.get(kind.value, rid).id == rid  # the kind may be given as text
    assert store.count(kind) >= 1
    assert store.check().ok


@pytest.mark.parametrize("kind", ALL_KINDS, ids=str)
def test_update_saves_the_change_and_the_time(store, kind, monkeypatch):
    rec = sample(store, kind)
    store.add(rec)
    created = rec.created_at
    field, value = EDITS[kind]
    setattr(rec, field, value)
    rec.notes = "edited"
    monkeypatch.setattr(store, "now", lambda: "2030-01-02T03:04:05Z")
    store.update(rec)
    got = store.get(kind, rec.id)
    assert getattr(got, field) == value and got.notes == "edited"
    assert got.created_at == created
    assert got.updated_at == "2030-01-02T03:04:05Z"
    assert store.check().ok


@pytest.mark.parametrize("kind", ALL_KINDS, ids=str)
def test_trash_restore_purge(store, kind, notices):
    rec = sample(store, kind)
    rid = store.add(rec)
    before = store.count(kind)
    notices.clear()

    assert store.trash(kind, rid) == [rid]
    assert notices == [Change(kind.value, (rid,), "trash")]
    with pytest.raises(NotFoundError, match=f"no {kind.value} with id {rid}"):
        store.get(kind, rid)
    assert store.find(kind, rid) is None
    trashed = store.get(kind, rid, include_deleted=True)
    assert STAMP.match(trashed.deleted_at)
    assert store.count(kind) == before - 1
    assert store.count(kind, include_deleted=True) == before
    (entry,) = [e for e in store.trashed() if e.kind == kind and e.id == rid]
    assert entry.title and entry.deleted_at == trashed.deleted_at
    assert [e.id for e in store.trashed(kind)] == [rid]
    assert store.check().ok  # the search index dropped it
    assert store.check().trashed == 1
    assert store.trash(kind, rid) == []  # already there: nothing to do, no notice
    assert len(notices) == 1

    assert store.restore(kind, [rid]) == [rid]
    assert notices[-1] == Change(kind.value, (rid,), "restore")
    assert data(store.get(kind, rid)) == data(rec)
    assert store.get(kind, rid).deleted_at is None
    assert store.trashed() == []
    assert store.check().ok and store.check().trashed == 0

    with pytest.raises(StoreError, match="not in the trash; trash it first"):
        store.purge(kind, rid)
    assert store.get(kind, rid).id == rid
    store.trash(kind, rid)
    notices.clear()
    store.purge(kind, rid)
    assert notices == [Change(kind.value, (rid,), "purge")]
    assert store.find(kind, rid, include_deleted=True) is None
    assert store.count(kind, include_deleted=True) == before - 1
    assert store.check().ok


def test_trashed_people_are_not_found_by_name_until_restored(store):
    vucic, _ = people(store)
    store.trash(Kind.PERSON, vucic)
    assert store.people_named("Вучић") == []
    store.restore(Kind.PERSON, vucic)
    assert [p.id for p in store.people_named("Вучић")] == [vucic]


def test_purging_a_person_still_referred_to_is_refused_and_changes_nothing(store):
    vucic, _ = people(store)
    sid = store.add(Statement(speaker_id=vucic, text="Solid foundations", date=D(2025)))
    store.trash(Kind.PERSON, vucic)
    with pytest.raises(StoreError, match="still referred to"):
        store.purge(Kind.PERSON, vucic)
    store.restore(Kind.PERSON, vucic)
    person = store.get(Kind.PERSON, vucic)
    assert sorted(person.aliases) == ["Vucic", "Вучић"]  # links were not deleted
    assert store.get(Kind.STATEMENT, sid).speaker_name == "Aleksandar Vučić"


def test_get_many_keeps_the_order_asked_and_skips_missing(store):
    ids = [store.add(Person(name=n)) for n in ("A", "B", "C")]
    assert [p.name for p in store.get_many(Kind.PERSON, [ids[2], 999, ids[0]])] == ["C", "A"]
    assert [p.name for p in store.iter_records(Kind.PERSON)] == ["A", "B", "C"]


def test_get_many_gives_each_record_its_own_links_in_a_few_queries(demo_store):
    for kind in Kind:
        ids = [r.id for r in demo_store.iter_records(kind)]
        one_by_one = [demo_store.get(kind, i) for i in ids]
        queries = []
        demo_store.conn.set_trace_callback(queries.append)
        try:
            together = demo_store.get_many(kind, ids)
        finally:
            demo_store.conn.set_trace_callback(None)
        assert together == one_by_one, kind
        assert len(queries) <= 6, (kind, len(ids), queries)  # not a few per record


def test_update_of_a_record_never_stored_or_missing_is_refused(store, notices):
    with pytest.raises(StoreError, match="never stored"):
        store.update(Person(name="Nobody"))
    with pytest.raises(NotFoundError, match="no person with id 42"):
        store.update(Person(id=42, name="Nobody"))
    assert store.count(Kind.PERSON) == 0 and notices == []


# --- partial dates ------------------------------------------------------------------------
def test_partial_dates_sort_correctly_in_the_store(store):
    speaker, _ = people(store)
    dates = [D(2025), D(2024, 11, 5), D(2024), D(2024, 11), D(2023, 12, 31), D(2024, 11, 30)]
    for i, d in enumerate(dates):
        store.add(Statement(speaker_id=speaker, text=f"statement {i}", date=d))
    rows = store.conn.execute("SELECT date FROM statements ORDER BY date").fetchall()
    assert [r[0] for r in rows] == [
        "2023-12-31", "2024", "2024-11", "2024-11-05", "2024-11-30", "2025"]
    got = sorted(s.date for s in store.iter_records(Kind.STATEMENT))
    assert [d.iso for d in got] == [r[0] for r in rows]


def test_approximate_flags_round_trip_on_every_date_field(store):
    vucic, tokayev = people(store)
    approx, exact = D(2025, 11, approximate=True), D(2024, 11, 5)
    cases = [
        (Visit(guest_id=vucic, guest_country="RS", host_country="KZ", start=approx,
               end=D(2025, 12, approximate=True)), ("start", "end")),
        (Visit(guest_id=tokayev, guest_country="KZ", host_country="RS", start=exact, end=exact),
         ("start", "end")),
        (Agreement(title="A", signed=approx, in_force=D(2026, approximate=True)), ("signed", "in_force")),
        (Statement(speaker_id=vucic, text="t", date=approx), ("date",)),
        (Figure(metric="m", value=1.0, as_of=D(2025, approximate=True)), ("as_of",)),
        (Source(title="s", published=approx), ("published",)),
        (Briefing(title="b", date=D(2026, 3, approximate=True)), ("date",)),
    ]
    for rec, fields in cases:
        store.add(rec)
        got = store.get(rec.kind, rec.id)
        for f in fields:
            assert getattr(got, f) == getattr(rec, f), (rec.kind, f)
            assert getattr(got, f).approximate == getattr(rec, f).approximate
    person = Person(name="Olzhas Bektenov", offices=[
        Office(title="Prime Minister of Kazakhstan", country="KZ",
               start=D(2024, 2, approximate=True), end=None),
        Office(title="Head of the Anti-Corruption Agency", country="KZ",
               start=D(2022), end=D(2023, 4, 1)),
    ])
    store.add(person)
    offices = store.get(Kind.PERSON, person.id).offices
    assert [(o.title, o.start, o.end) for o in offices] == [
        ("Prime Minister of Kazakhstan", D(2024, 2, approximate=True), None),
        ("Head of the Anti-Corruption Agency", D(2022), D(2023, 4, 1)),
    ]


# --- uuids and timestamps -----------------------------------------------------------------
def test_uuids_are_unique_and_a_given_uuid_is_kept(store):
    a = Person(name="A")
    b = Person(name="B", uuid="1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    store.add_many([a, b])
    assert a.uuid != b.uuid and b.uuid == "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    assert store.id_for_uuid(Kind.PERSON, b.uuid) == b.id
    assert store.id_for_uuid(Kind.PERSON, "no-such-uuid") is None


def test_a_duplicate_uuid_is_refused_and_nothing_is_written(store, notices):
    store.add(Person(name="A", uuid="same"))
    notices.clear()
    with pytest.raises(ValidationError, match="uuid same already exists"):
        store.add_many([Person(name="B"), Person(name="C", uuid="same")])
    assert [p.name for p in store.iter_records(Kind.PERSON)] == ["A"]
    assert notices == []


def test_keep_timestamps_keeps_the_records_own_times(store):
    rec = Person(name="A", created_at="2020-01-01T00:00:00Z", updated_at="2021-01-01T00:00:00Z")
    store.add(rec, keep_timestamps=True)
    got = store.get(Kind.PERSON, rec.id)
    assert (got.created_at, got.updated_at) == ("2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z")
    fresh = Person(name="B", created_at="2020-01-01T00:00:00Z")
    store.add(fresh)  # without keep_timestamps: now
    assert store.get(Kind.PERSON, fresh.id).created_at > "2020-01-01T00:00:00Z"


# --- links --------------------------------------------------------------------------------
def test_records_link_to_their_sources_in_order(store):
    s1 = store.add(Source(title="News.Az report"))
    s2 = store.add(Source(title="Euronews report"))
    vucic, _ = people(store)
    st = Statement(speaker_id=vucic, text="Solid foundations", date=D(2025),
                   source_ids=[s2, s1, s2])
    store.add(st)
    assert store.get(Kind.STATEMENT, st.id).source_ids == [s2, s1]
    st.source_ids = [s1]
    store.update(st)
    assert store.get(Kind.STATEMENT, st.id).source_ids == [s1]
    # purging a source removes the links to it, not the record
    store.trash(Kind.SOURCE, s1)
    store.purge(Kind.SOURCE, s1)
    assert store.get(Kind.STATEMENT, st.id).source_ids == []
    assert store.check().ok


def test_a_link_to_a_missing_source_is_refused(store):
    vucic, _ = people(store)
    with pytest.raises(ValidationError, match="does not exist"):
        store.add(Statement(speaker_id=vucic, text="x", date=D(2025), source_ids=[999]))
    assert store.count(Kind.STATEMENT) == 0


def test_topics_are_shared_and_folded(store):
    vucic, _ = people(store)
    a = Statement(speaker_id=vucic, text="a", date=D(2025), topics=["Energy", "EU integration"])
    b = Agreement(title="Gas-turbine plant", topics=["energy", "  Gas  "])
    store.add_many([a, b])
    assert store.get(Kind.STATEMENT, a.id).topics == ["EU integration", "Energy"]
    assert store.get(Kind.AGREEMENT, b.id).topics == ["Energy", "Gas"]  # one "Energy" topic
    assert store.topics() == ["Energy", "EU integration", "Gas"]
    assert store.topic_id("ENERGY") == store.topic_id("energy") is not None
    assert store.topic_id("Kosovo") is None
    a.topics = ["Kosovo"]
    store.update(a)
    assert store.get(Kind.STATEMENT, a.id).topics == ["Kosovo"]


def test_aliases_find_people_in_any_script_and_case(store):
    vucic, tokayev = people(store)
    for name in ("Aleksandar Vučić", "Вучић", "vucic", "VUČIĆ", "Vučić"):
        assert [p.id for p in store.people_named(name)] == [vucic], name
    for name in ("Токаев", "Тоқаев", "tokaev", "Kassym-Jomart Tokayev", "kassym jomart tokayev"):
        assert store.person_id_named(name) == tokayev, name
    assert store.people_named("Aliyev") == []
    person = store.get(Kind.PERSON, vucic)
    assert sorted(person.aliases) == ["Vucic", "Вучић"]  # the name itself is not an alias
    person.aliases = ["Александар Вучић"]
    store.update(person)
    assert store.people_named("Вучић") == []
    assert store.person_id_named("Александар Вучић") == vucic
    # two people with one name: no single answer
    store.add(Person(name="Aleksandar Vucic", country="US"))
    assert store.person_id_named("Aleksandar Vučić") is None
    assert len(store.people_named("aleksandar vucic")) == 2


def test_organisation_aliases(store):
    org = store.add(Organisation(name="Yugoimport SDPR", aliases=["Југоимпорт СДПР", "Jugoimport"]))
    assert store.organisation_id_named("Југоимпорт СДПР") == org
    assert store.organisation_id_named("yugoimport sdpr") == org
    assert store.get(Kind.ORGANISATION, org).aliases == ["Jugoimport", "Југоимпорт СДПР"]


def test_offices_keep_their_order_and_organisation(store):
    org = store.add(Organisation(name="Kazakh Invest"))
    person = Person(name="A. Person", offices=[
        Office(title="Chair", organisation_id=org, start=D(2023)),
        Office(title="Minister", country="KZ", start=D(2020), end=D(2022)),
    ])
    store.add(person)
    got = store.get(Kind.PERSON, person.id).offices
    assert [(o.title, o.country, o.organisation_id, o.organisation_name) for o in got] == [
        ("Chair", None, org, "Kazakh Invest"), ("Minister", "KZ", None, "")]
    person.offices = person.offices[1:]
    store.update(person)
    assert [o.title for o in store.get(Kind.PERSON, person.id).offices] == ["Minister"]


def test_agreement_parties_of_every_kind_with_roles(store):
    vucic, _ = people(store)
    org = store.add(Organisation(name="SP Kaztechnology"))
    ag = Agreement(title="Artillery repair", parties=[
        Party(party_kind="organisation", ref=org, role="signatory"),
        Party(party_kind="country", ref="RS"),
        Party(party_kind="person", ref=vucic, role="witness"),
    ])
    store.add(ag)
    got = store.get(Kind.AGREEMENT, ag.id).parties
    assert [(p.party_kind, p.ref, p.role, p.name) for p in got] == [
        ("organisation", org, "signatory", "SP Kaztechnology"),
        ("country", "RS", "party", "Serbia"),
        ("person", vucic, "witness", "Aleksandar Vučić"),
    ]
    with pytest.raises(ValidationError):
        store.add(Agreement(title="bad", parties=[Party(party_kind="country", ref="ZZ")]))
    assert store.count(Kind.AGREEMENT) == 1


def test_display_names_are_filled_in(store):
    vucic, tokayev = people(store)
    v = store.add(Visit(guest_id=vucic, guest_country="RS", host_country="KZ", host_id=tokayev,
                        start=D(2025)))
    s = store.add(Statement(speaker_id=tokayev, text="t", date=D(2025)))
    visit, statement = store.get(Kind.VISIT, v), store.get(Kind.STATEMENT, s)
    assert (visit.guest_name, visit.host_name) == ("Aleksandar Vučić", "Kassym-Jomart Tokayev")
    assert (statement.speaker_name, statement.speaker_country) == ("Kassym-Jomart Tokayev", "KZ")
    # renaming the person shows everywhere
    person = store.get(Kind.PERSON, tokayev)
    person.name = "K.-J. Tokayev"
    store.update(person)
    assert store.get(Kind.STATEMENT, s).speaker_name == "K.-J. Tokayev"
    assert store.title_of(Kind.VISIT, v).startswith("Aleksandar Vučić")


# --- change notices and failed writes -----------------------------------------------------
def test_one_change_notice_per_committed_write(store, notices):
    pid = store.add(Person(name="A"))
    assert notices == [Change("person", (pid,), "insert")]
    person = store.get(Kind.PERSON, pid)
    store.update(person)
    assert notices[-1] == Change("person", (pid,), "update") and len(notices) == 2
    ids = store.add_many([Person(name="B"), Organisation(name="O"), Person(name="C")])
    assert notices[2:] == [Change("person", (ids[0], ids[2]), "insert"),
                           Change("organisation", (ids[1],), "insert")]
    store.set_setting("our_country", "RS")
    assert notices[-1] == Change("setting", (), "update")
    assert store.get_setting("our_country") == "RS"
    assert store.get_setting("missing", "default") == "default"


def test_writes_batched_in_a_transaction_send_their_notices_after_commit(store, notices):
    with store.transaction():
        a = store.add(Person(name="A"))
        b = store.add(Person(name="B"))
        store.trash(Kind.PERSON, a)
        assert notices == []  # nothing is announced before the commit
    assert notices == [Change("person", (a, b), "insert"), Change("person", (a,), "trash")]


def test_a_rolled_back_transaction_sends_no_notice_and_changes_nothing(store, notices):
    keep = store.add(Person(name="Keep"))
    notices.clear()
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add(Person(name="A"))
            store.trash(Kind.PERSON, keep)
            raise RuntimeError("user cancelled")
    assert notices == []
    assert [p.name for p in store.iter_records(Kind.PERSON)] == ["Keep"]
    assert store.check().ok
    # the store is usable afterwards
    store.add(Person(name="B"))
    assert store.count(Kind.PERSON) == 2


@pytest.mark.parametrize("bad, words", [
    (Person(name="  "), "person: name is required"),
    (Statement(text="no speaker", date=D(2025)), "statement: speaker is required"),
    (Visit(start=D(2025), guest_country="RS"), "visit: host country is required"),
    (Visit(start=D(2025, 5), end=D(2025, 4), guest_country="RS", host_country="KZ"),
     "the visit ends before it starts"),
    (Agreement(title="t", status="rumoured"), "status 'rumoured' is not one of"),
    (Figure(metric="m"), "value is required"),
    (Stance(text="t"), "holder (a country or a person) is required"),
    (Person(name="X", country="ZZ"), "refers to a country, person or record that does not exist"),
])
def test_a_failed_write_changes_nothing(store, notices, bad, words):
    good = Person(name="Good")
    before = store.counts()
    with pytest.raises(ValidationError) as info:
        store.add_many([good, bad])
    assert words in str(info.value)
    assert store.counts() == before and notices == []
    assert store.people_named("Good") == []
    assert store.check().ok


def test_a_failed_update_changes_nothing(store, notices):
    pid = store.add(Person(name="Aleksandar Vučić", country="RS"))
    notices.clear()
    person = store.get(Kind.PERSON, pid)
    person.country = "ZZ"
    person.aliases = ["Вучић"]
    with pytest.raises(ValidationError):
        store.update(person)
    got = store.get(Kind.PERSON, pid)
    assert (got.country, got.aliases) == ("RS", [])
    assert notices == []
