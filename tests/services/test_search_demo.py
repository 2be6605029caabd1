"""Search on the demo store (the seed article): the table of issue 3 must hold — every
spelling and script of a name finds the same records, phrases, exclusions, prefixes,
country names and filters — and snippets mark the original words."""

from __future__ import annotations

import pytest

from briefing.domain import Kind
from briefing.services.search import resolve_filters, search


def found(store, query, **filters):
    page = search(store, query, resolve_filters(store, **filters))
    assert not page.problem
    return {(h.kind, h.id) for h in page.hits}


def statements_by(store, surname, kind=None):
    return {
        (Kind.STATEMENT, s.id) for s in store.iter_records(Kind.STATEMENT)
        if surname in s.speaker_name and (kind is None or s.statement_kind == kind)
    }


def visits(store, guest_surname, host_country):
    return {
        (Kind.VISIT, v.id) for v in store.iter_records(Kind.VISIT)
        if guest_surname in v.guest_name and v.host_country == host_country
    }


def one(store, kind, predicate):
    ids = {(kind, r.id) for r in store.iter_records(kind) if predicate(r)}
    assert len(ids) == 1, ids
    return ids


@pytest.mark.parametrize("query", ["Vucic", "vučić", "VUČIĆ", "Вучић", "Aleksandar Vucic",
                                   "Vučić", "Вучич", '"Aleksandar Vučić"'])
def test_every_spelling_of_vucic_finds_his_statements_and_visit(demo_store, query):
    hits = found(demo_store, query)
    direct = statements_by(demo_store, "Vučić", "direct")
    assert len(direct) >= 2
    assert direct <= hits
    assert visits(demo_store, "Vučić", "KZ") <= hits


def test_all_spellings_of_vucic_give_the_same_statements(demo_store):
    results = [
        {h for h in found(demo_store, q) if h[0] == Kind.STATEMENT}
        for q in ["Vucic", "vučić", "VUČIĆ", "Вучић"]
    ]
    assert all(r == results[0] for r in results)
    assert statements_by(demo_store, "Vučić") <= results[0]


@pytest.mark.parametrize("query", ["Tokayev", "Tokaev", "Toqaev", "Токаев", "Тоқаев",
                                   "Kassym-Jomart Tokayev", "Қасым-Жомарт Тоқаев"])
def test_every_spelling_of_tokayev(demo_store, query):
    hits = found(demo_store, query)
    quotes = statements_by(demo_store, "Tokayev", "direct")
    assert len(quotes) == 2
    assert quotes <= hits
    assert visits(demo_store, "Tokayev", "RS") <= hits


@pytest.mark.parametrize("query", ["Aliyev", "Əliyev", "Алиев", "Aliev", "ƏLIYEV"])
def test_every_spelling_of_aliyev(demo_store, query):
    hits = found(demo_store, query)
    quotes = statements_by(demo_store, "Aliyev", "direct")
    assert len(quotes) == 1
    assert quotes <= hits
    assert visits(demo_store, "Aliyev", "RS") <= hits


@pytest.mark.parametrize("query", ["Nis", "Ниш", "Niš", "NIŠ"])
def test_nis_finds_the_power_plant_agreement(demo_store, query):
    plant = one(demo_store, Kind.AGREEMENT, lambda a: "gas-turbine" in a.title)
    assert plant <= found(demo_store, query)


def _about_kazakhstan(store):
    return (
        visits(store, "Vučić", "KZ") | visits(store, "Tokayev", "RS")
        | statements_by(store, "Tokayev")
        | one(store, Kind.AGREEMENT, lambda a: "high-energy" in a.title)
        | one(store, Kind.STANCE, lambda s: s.holder_country == "KZ")
        | {(Kind.FIGURE, f.id) for f in store.iter_records(Kind.FIGURE)}
    )


@pytest.mark.parametrize("query", ["Kazakhstan", "Казахстан", "Қазақстан", "Republic of Kazakhstan",
                                   "Qazaqstan"])
def test_country_names_in_any_script_find_kazakh_records(demo_store, query):
    assert _about_kazakhstan(demo_store) <= found(demo_store, query)


def test_country_filter_keeps_kazakh_records(demo_store):
    kz = found(demo_store, "", country="KZ")
    assert _about_kazakhstan(demo_store) <= kz
    assert not visits(demo_store, "Aliyev", "RS") & kz
    assert found(demo_store, "", country="Қазақстан") == kz
    trade = found(demo_store, "trade", country="KZ")
    assert trade and trade <= kz


def test_country_filter_excludes_the_azerbaijani_visit(demo_store):
    assert visits(demo_store, "Aliyev", "RS") <= found(demo_store, "Belgrade")
    assert not visits(demo_store, "Aliyev", "RS") & found(demo_store, "Belgrade", country="KZ")


def test_trade_turnover_phrase_and_exclusion(demo_store):
    figure = one(demo_store, Kind.FIGURE, lambda f: f.value == 7.0)
    assert figure <= found(demo_store, '"trade turnover"')
    assert not figure & found(demo_store, "trade -turnover")
    assert not figure & found(demo_store, 'trade -"trade turnover"')
    assert found(demo_store, "trade -turnover")  # the exclusion leaves other trade records


def test_prefix_finds_the_artillery_agreement(demo_store):
    deal = one(demo_store, Kind.AGREEMENT, lambda a: "artillery" in a.title)
    assert deal <= found(demo_store, "artiller*")
    assert deal <= found(demo_store, "ARTIL*")
    assert not deal & found(demo_store, "artiller")  # without the star it is a whole word


def test_kosovo_finds_the_stances_and_vucic_thanks(demo_store):
    hits = found(demo_store, "Kosovo")
    stances = {(Kind.STANCE, s.id) for s in demo_store.iter_records(Kind.STANCE) if "Kosovo" in s.text}
    assert len(stances) == 2
    thanks = one(demo_store, Kind.STATEMENT, lambda s: "thanked" in s.text)
    assert stances | thanks <= hits
    assert found(demo_store, "Косово") >= stances | thanks


def test_or_gives_either(demo_store):
    either = found(demo_store, "Aliyev OR Tokayev")
    assert found(demo_store, "Aliyev") | found(demo_store, "Tokayev") == either


def test_filters_by_kind_person_topic_and_date(demo_store):
    statements = found(demo_store, "Vucic", kind="statement")
    assert statements and {k for k, _ in statements} == {Kind.STATEMENT}
    by_person = found(demo_store, "", person="Вучић", kind="statements")
    assert by_person == statements_by(demo_store, "Vučić")
    energy = found(demo_store, "", topic="Energy")
    assert one(demo_store, Kind.STATEMENT, lambda s: "three months" in s.text) <= energy
    assert found(demo_store, "Tokayev", date_from="2024-11", date_to="2024-11") == visits(
        demo_store, "Tokayev", "RS")
    assert found(demo_store, "Tokayev", date_from="2024") >= visits(demo_store, "Tokayev", "RS")
    assert not found(demo_store, "Tokayev", date_to="2024-10")


def test_snippets_mark_the_original_spelling(demo_store):
    for query in ["vucic", "Вучић"]:
        page = search(demo_store, query, resolve_filters(demo_store, kind="statement"))
        assert page.hits
        for hit in page.hits:
            assert "Vučić" in hit.snippet.marked_words, hit.snippet
            assert "[Vučić]" in hit.snippet.marked()


def test_snippets_mark_other_spellings_of_the_name_found(demo_store):
    page = search(demo_store, "Токаев", resolve_filters(demo_store, kind="statement"))
    assert page.hits
    assert all("Tokayev" in h.snippet.marked_words for h in page.hits)


def test_results_carry_what_a_list_shows(demo_store):
    page = search(demo_store, "Tokayev")
    visit = next(h for h in page.hits if h.kind == Kind.VISIT and "Belgrade" in h.title)
    assert visit.date == "November 2024" and visit.date_iso == "2024-11"
    assert "Tokayev" in visit.who and visit.uuid and visit.score > 0
    person = page.hits[0]
    assert (person.kind, person.title) == (Kind.PERSON, "Kassym-Jomart Tokayev")
    data = visit.to_json()
    assert {"kind", "id", "uuid", "title", "date", "snippet", "score"} <= set(data)


def test_title_and_name_matches_rank_above_body_mentions(demo_store):
    hits = search(demo_store, "Tokayev").hits
    kinds = [h.kind for h in hits]
    assert kinds[0] == Kind.PERSON
    mention = one(demo_store, Kind.FIGURE, lambda f: "Tokayev" in f.notes)
    positions = {(h.kind, h.id): n for n, h in enumerate(hits)}
    quotes = statements_by(demo_store, "Tokayev", "direct")
    assert all(positions[q] < positions[next(iter(mention))] for q in quotes)


def test_paging(demo_store):
    everything = search(demo_store, "", resolve_filters(demo_store, country="KZ")).hits
    first = search(demo_store, "", resolve_filters(demo_store, country="KZ"), limit=5)
    second = search(demo_store, "", resolve_filters(demo_store, country="KZ"), limit=5, offset=5)
    assert first.has_more and len(first.hits) == 5
    assert [(h.kind, h.id) for h in first.hits + second.hits] == [
        (h.kind, h.id) for h in everything[:10]]
