"""The index follows every write: added records are found, edits change what finds
them, trashed records vanish and come back when restored, purged ones are gone."""

from __future__ import annotations

from briefing.dates import PartialDate
from briefing.domain import Agreement, Kind, Organisation, Party, Person, Statement
from briefing.services.search import resolve_filters, search


def ids(store, query, **filters):
    page = search(store, query, resolve_filters(store, **filters), limit=500)
    return {(h.kind, h.id) for h in page.hits}


def _people(store):
    vucic = store.add(Person(name="Aleksandar Vučić", aliases=["Vuchich"], country="RS"))
    quote = store.add(Statement(speaker_id=vucic, text="Serbia will stay on its path.",
                                date=PartialDate(2025, 3)))
    return vucic, quote


def test_new_record_is_found_at_once(store):
    _, quote = _people(store)
    assert (Kind.STATEMENT, quote) in ids(store, "path")
    assert (Kind.STATEMENT, quote) in ids(store, "Вучић")
    assert (Kind.STATEMENT, quote) in ids(store, "Vuchich")


def test_trashed_record_is_not_found_and_restored_is_again(store):
    _, quote = _people(store)
    store.trash(Kind.STATEMENT, quote)
    assert (Kind.STATEMENT, quote) not in ids(store, "path")
    assert (Kind.STATEMENT, quote) not in ids(store, "Vucic")
    store.restore(Kind.STATEMENT, quote)
    assert (Kind.STATEMENT, quote) in ids(store, "path")


def test_purged_record_is_gone(store):
    _, quote = _people(store)
    store.trash(Kind.STATEMENT, quote)
    store.purge(Kind.STATEMENT, quote)
    assert not ids(store, "path")


def test_edited_text_is_found_by_its_new_words_only(store):
    _, quote = _people(store)
    rec = store.get(Kind.STATEMENT, quote)
    rec.text = "Belgrade welcomes investors."
    store.update(rec)
    assert (Kind.STATEMENT, quote) in ids(store, "investors")
    assert not ids(store, "path")


def test_new_alias_of_a_person_finds_their_statements(store):
    vucic, quote = _people(store)
    assert (Kind.STATEMENT, quote) not in ids(store, "Wutschitsch")
    person = store.get(Kind.PERSON, vucic)
    person.aliases.append("Wutschitsch")  # the German spelling
    store.update(person)
    assert (Kind.STATEMENT, quote) in ids(store, "Wutschitsch")
    person.aliases = []
    store.update(person)
    assert (Kind.STATEMENT, quote) not in ids(store, "Vuchich")
    assert (Kind.STATEMENT, quote) in ids(store, "Вучић")  # the name itself still finds them


def test_a_trashed_person_no_longer_lends_their_aliases(store):
    vucic, quote = _people(store)
    store.trash(Kind.PERSON, vucic)
    assert (Kind.PERSON, vucic) not in ids(store, "Vuchich")
    assert (Kind.STATEMENT, quote) not in ids(store, "Vuchich")
    store.restore(Kind.PERSON, vucic)
    assert {(Kind.PERSON, vucic), (Kind.STATEMENT, quote)} <= ids(store, "Vuchich")


def test_renamed_organisation_renames_its_agreements(store):
    org = store.add(Organisation(name="Yugoimport SDPR", country="RS"))
    deal = store.add(Agreement(title="Artillery repair", parties=[
        Party(party_kind="organisation", ref=org), Party(party_kind="country", ref="KZ")]))
    assert (Kind.AGREEMENT, deal) in ids(store, "Yugoimport")
    assert (Kind.AGREEMENT, deal) in ids(store, "", country="RS")  # the organisation's country
    rec = store.get(Kind.ORGANISATION, org)
    rec.aliases = ["Југоимпорт"]
    store.update(rec)
    assert (Kind.AGREEMENT, deal) in ids(store, "Југоимпорт")


def test_a_common_first_name_is_not_widened_to_everyone_called_that(store):
    people = [store.add(Person(name=f"Ivan Surname{n}")) for n in range(30)]
    quotes = [store.add(Statement(speaker_id=p, text=f"Quote {n}.")) for n, p in enumerate(people)]
    # 30 people called Ivan: the word still matches their names, without 30 alternatives
    assert {(Kind.STATEMENT, q) for q in quotes} <= ids(store, "Ivan")
    assert ids(store, "Surname7") >= {(Kind.STATEMENT, quotes[7]), (Kind.PERSON, people[7])}
    assert (Kind.STATEMENT, quotes[8]) not in ids(store, "Surname7")


def test_rebuilding_the_index_changes_nothing(store):
    vucic, quote = _people(store)
    before = ids(store, "Vuchich")
    store.rebuild_search_index()
    assert ids(store, "Vuchich") == before == {(Kind.PERSON, vucic), (Kind.STATEMENT, quote)}


def test_very_common_words_are_listed_newest_first(store, monkeypatch):
    from briefing.store import search_queries

    speaker = store.add(Person(name="Ana Brnabić"))
    ids_ = [store.add(Statement(speaker_id=speaker, text=f"The plan number {n} for the region."))
            for n in range(12)]
    page = search(store, "plan")
    assert page.ranked and not page.capped and len(page.hits) == 12
    monkeypatch.setattr(search_queries, "BROAD", 5)  # "plan" is now in "too many" rows
    page = search(store, "plan", limit=5)
    assert not page.ranked and page.capped
    assert [h.id for h in page.hits] == ids_[::-1][:5]
    assert page.has_more
    assert [h.id for h in search(store, "plan", limit=5, offset=5).hits] == ids_[::-1][5:10]


def test_ranking_is_bounded_to_the_newest_matches(store, monkeypatch):
    from briefing.store import search_queries

    speaker = store.add(Person(name="Ana Brnabić"))
    old = store.add(Statement(speaker_id=speaker, text="Energy energy energy."))
    newer = [store.add(Statement(speaker_id=speaker, text=f"Energy talk {n}.")) for n in range(6)]
    assert search(store, "energy").hits[0].id == old  # the best match, when all are ranked
    monkeypatch.setattr(search_queries, "RANK_CAP", 3)
    page = search(store, "energy")
    assert page.capped and page.ranked
    assert {h.id for h in page.hits} == set(newer[-4:])  # the 4 newest matches, ranked


def test_kind_filter_holds_for_very_common_words(store, monkeypatch):
    from briefing.store import search_queries

    speaker = store.add(Person(name="Ana Brnabić", country="RS"))
    for n in range(8):
        store.add(Statement(speaker_id=speaker, text=f"The plan {n}."))
    org = store.add(Organisation(name="The Plan Agency"))
    monkeypatch.setattr(search_queries, "BROAD", 3)
    page = search(store, "plan", resolve_filters(store, kind="organisation"))
    assert not page.ranked and [(h.kind, h.id) for h in page.hits] == [(Kind.ORGANISATION, org)]
    page = search(store, "plan", resolve_filters(store, kind="statement", country="RS"), limit=3)
    assert len(page.hits) == 3 and {h.kind for h in page.hits} == {Kind.STATEMENT}


def test_moving_a_visit_to_another_country_moves_its_statements_country(store):
    from briefing.domain import Visit

    vucic, quote = _people(store)
    visit = store.add(Visit(guest_id=vucic, guest_country="RS", host_country="KZ",
                            start=PartialDate(2025, 3), place="Astana"))
    rec = store.get(Kind.STATEMENT, quote)
    rec.occasion_visit_id = visit
    store.update(rec)
    assert (Kind.STATEMENT, quote) in ids(store, "path", country="KZ")
    v = store.get(Kind.VISIT, visit)
    v.host_country, v.place = "AZ", "Baku"
    store.update(v)
    assert (Kind.STATEMENT, quote) not in ids(store, "path", country="KZ")
    assert (Kind.STATEMENT, quote) in ids(store, "path", country="AZ")
