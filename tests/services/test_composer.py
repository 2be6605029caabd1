"""The composer on the demo store: the default drafts the issue promises, reasons,
bad input, removed records, and assembling for the dossier."""

from __future__ import annotations

import pytest

from briefing.dates import PartialDate
from briefing.domain import Kind, Section
from briefing.services import composer


@pytest.fixture
def store(demo_store):
    """The demo store (tests/conftest.py): Vučić, Tokayev, Aliyev, Bektenov …"""
    return demo_store


def person_id(store, name):
    return store.people_named(name)[0].id


def ids(store, kind, pred):
    return [r.id for r in store.iter_records(kind) if pred(r)]


def one(store, kind, pred):
    found = ids(store, kind, pred)
    assert len(found) == 1, found
    return found[0]


def drafted(store, bid):
    return [(s.section, s.kind, s.record_id) for s in composer.draft(store, bid)]


def section_refs(assembled, section):
    sec = next(s for s in assembled.sections if s.section == section)
    return [(ai.item.ref_kind, ai.item.ref_id) for ai in sec.items]


@pytest.fixture
def tokayev_briefing(store):
    return composer.new_briefing(store, title="Meeting with President Tokayev",
                                 country="Kazakhstan", person="Tokayev")


@pytest.fixture
def aliyev_briefing(store):
    return composer.new_briefing(store, title="Meeting with President Aliyev",
                                 country="Azerbaijan", person="Aliyev")


# ----------------------------------------------------------------------- the must-holds
def test_new_briefing_takes_our_country_from_the_store_setting(store, tokayev_briefing):
    b = store.get(Kind.BRIEFING, tokayev_briefing)
    assert (b.our_country, b.counterpart_country) == ("RS", "KZ")
    assert b.counterpart_person_id == person_id(store, "Tokayev")


def test_tokayev_draft_holds_what_the_issue_promises(store, tokayev_briefing):
    composer.add_draft(store, tokayev_briefing)
    a = composer.assemble(store, tokayev_briefing)
    tok = person_id(store, "Tokayev")
    # Tokayev's two quotes
    quotes = ids(store, Kind.STATEMENT, lambda s: s.speaker_id == tok)
    assert len(quotes) == 2
    statements = section_refs(a, Section.STATEMENTS)
    assert all(("statement", q) in statements for q in quotes)
    assert statements[:2] == [("statement", q) for q in sorted(quotes, reverse=True)] or \
        {r for r in statements[:2]} == {("statement", q) for q in quotes}
    # agreements: Kaztechnology–Yugoimport, high-energy materials, pharmaceutical (negotiating)
    agreements = section_refs(a, Section.AGREEMENTS)
    artillery = one(store, Kind.AGREEMENT, lambda r: "artillery" in r.title)
    high_energy = one(store, Kind.AGREEMENT, lambda r: "high-energy" in r.title)
    pharma = one(store, Kind.AGREEMENT, lambda r: "pharmaceutical" in r.title)
    gas = one(store, Kind.AGREEMENT, lambda r: "gas-turbine" in r.title)
    for aid in (artillery, high_energy, pharma):
        assert ("agreement", aid) in agreements
    assert ("agreement", gas) not in agreements
    pharma_item = next(ai for s in a.sections for ai in s.items if ai.item.ref_id == pharma
                       and ai.item.ref_kind == "agreement")
    assert pharma_item.record.status == "negotiating"
    assert "negotiating" in pharma_item.item.reason
    # visits both ways, in date order: Tokayev in Belgrade (2024), then Vučić in Kazakhstan
    visits = [ai.record for s in a.sections if s.section == Section.VISITS for ai in s.items]
    assert [(v.guest_country, v.host_country) for v in visits] == [("KZ", "RS"), ("RS", "KZ")]
    assert visits[0].start.year == 2024 and visits[0].place == "Belgrade"
    assert visits[0].start < visits[1].start
    # figures 7%, 80%, 60 companies
    values = sorted(ai.record.value for s in a.sections if s.section == Section.FIGURES
                    for ai in s.items)
    assert values == [7.0, 60.0, 80.0]
    # Kazakhstan's non-recognition of Kosovo under sensitivities
    sens = [ai.record for s in a.sections if s.section == Section.SENSITIVITIES for ai in s.items]
    assert any(st.holder_country == "KZ" and "Kosovo" in st.text for st in sens)
    # nothing about Azerbaijan at all
    everything = [ai.record for s in a.sections for ai in s.items if ai.record is not None]
    assert not any("AZ" in (getattr(r, "guest_country", None), getattr(r, "host_country", None),
                            getattr(r, "from_country", None)) for r in everything)
    assert "AZ" not in a.country_names


def test_aliyev_draft_is_the_reverse(store, aliyev_briefing):
    composer.add_draft(store, aliyev_briefing)
    a = composer.assemble(store, aliyev_briefing)
    refs = {(ai.item.ref_kind, ai.item.ref_id) for s in a.sections for ai in s.items}
    gas = one(store, Kind.AGREEMENT, lambda r: "gas-turbine" in r.title)
    assert ("agreement", gas) in refs
    for word in ("artillery", "high-energy", "pharmaceutical"):
        aid = one(store, Kind.AGREEMENT, lambda r, w=word: w in r.title)
        assert ("agreement", aid) not in refs
    tok = person_id(store, "Tokayev")
    for sid in ids(store, Kind.STATEMENT, lambda s: s.speaker_id == tok):
        assert ("statement", sid) not in refs
    aliyev = person_id(store, "Aliyev")
    for sid in ids(store, Kind.STATEMENT, lambda s: s.speaker_id == aliyev):
        assert ("statement", sid) in refs
    visits = [ai.record for s in a.sections if s.section == Section.VISITS for ai in s.items]
    assert [(v.guest_country, v.host_country) for v in visits] == [("AZ", "RS")]
    assert section_refs(a, Section.FIGURES) == []  # no figures between Serbia and Azerbaijan
    kz_kosovo = one(store, Kind.STANCE, lambda s: s.holder_country == "KZ")
    assert ("stance", kz_kosovo) not in refs


def test_every_suggestion_says_why(store, tokayev_briefing):
    sugs = composer.suggest(store, tokayev_briefing)
    assert sugs and all(s.reasons for s in sugs)
    tok = person_id(store, "Tokayev")
    quote = next(s for s in sugs if s.kind == Kind.STATEMENT
                 and store.get(Kind.STATEMENT, s.record_id).speaker_id == tok)
    assert "speaker is the counterpart" in quote.reasons
    agreement = next(s for s in sugs if s.kind == Kind.AGREEMENT)
    assert "Kazakhstan and Serbia are parties" in agreement.reasons
    scores = [s.score for s in sugs]
    assert scores == sorted(scores, reverse=True)
    # the counterpart's own words rank above what only involves our country
    theirs = [n for n, s in enumerate(sugs) if "speaker is the counterpart" in s.reasons]
    ours = [n for n, s in enumerate(sugs) if s.reasons[0] == "held by Serbia"]
    assert theirs and ours and max(theirs) < min(ours)


def test_purpose_topics_add_a_reason_and_rank_higher(store):
    plain = composer.new_briefing(store, title="a", country="AZ")
    energy = composer.new_briefing(store, title="b", country="AZ", purpose="Energy and gas")
    gas = one(store, Kind.AGREEMENT, lambda r: "gas-turbine" in r.title)
    before = next(s for s in composer.suggest(store, plain) if s.record_id == gas
                  and s.kind == Kind.AGREEMENT)
    after = next(s for s in composer.suggest(store, energy) if s.record_id == gas
                 and s.kind == Kind.AGREEMENT)
    assert "topic: energy" in after.reasons and "topic: gas" in after.reasons
    assert after.score > before.score


def test_purpose_words_match_topic_plurals(store):
    assert "pharmaceuticals" in composer.purpose_topics(store, "Pharmaceutical production")
    assert composer.purpose_topics(store, "") == {}


def test_profile_is_generated_from_offices_and_visits(store, tokayev_briefing):
    composer.add_draft(store, tokayev_briefing)
    a = composer.assemble(store, tokayev_briefing)
    profile = next(s for s in a.sections if s.section == Section.PROFILE).items
    assert profile[0].record.name == "Kassym-Jomart Tokayev"
    assert profile[0].record.offices[0].title == "President of Kazakhstan"
    text = profile[1].item.text
    assert "visited Serbia (Belgrade)" in text and "November 2024" in text
    assert "hosted Aleksandar Vučić in Astana" in text
    assert text.index("2024") < text.index("2025")


def test_sources_are_suggested_and_numbered(store, tokayev_briefing):
    composer.add_draft(store, tokayev_briefing)
    a = composer.assemble(store, tokayev_briefing)
    assert [s.outlet for s in a.sources] == ["News.Az"]
    assert section_refs(a, Section.SOURCES) == [("source", a.sources[0].id)]
    quotes = next(s for s in a.sections if s.section == Section.STATEMENTS).items
    assert quotes[0].source_numbers == [1]


def test_country_only_and_person_only_briefings(store):
    by_country = composer.new_briefing(store, title="KZ", country="KZ")
    by_person = composer.new_briefing(store, title="T", person="Токаев")
    assert store.get(Kind.BRIEFING, by_person).counterpart_country == "KZ"
    draft_c = drafted(store, by_country)
    assert any(k == Kind.STATEMENT for _, k, _ in draft_c)
    assert not any(k == Kind.PERSON for _, k, _ in draft_c)  # no person: no profile by default
    assert any(k == Kind.PERSON for _, k, _ in drafted(store, by_person))


# ----------------------------------------------------------------------- bad input
def test_unknown_country_offers_close_matches(store):
    with pytest.raises(composer.ComposerError, match=r"unknown country 'Kazakstn'.*Kazakhstan"):
        composer.new_briefing(store, title="x", country="Kazakstn")


def test_unknown_person_offers_close_matches(store):
    with pytest.raises(composer.ComposerError, match=r"unknown person 'Tokaiev'.*Tokayev"):
        composer.new_briefing(store, title="x", country="KZ", person="Tokaiev")


def test_briefing_needs_a_title_and_a_counterpart(store):
    with pytest.raises(composer.ComposerError, match="title"):
        composer.new_briefing(store, title="  ", country="KZ")
    with pytest.raises(composer.ComposerError, match="counterpart"):
        composer.new_briefing(store, title="x")
    with pytest.raises(composer.ComposerError, match="same"):
        composer.new_briefing(store, title="x", country="Serbia")
    with pytest.raises(composer.ComposerError, match="not a date"):
        composer.new_briefing(store, title="x", country="KZ", date="next week")


def test_a_deleted_record_shows_as_removed_not_vanished(store, tokayev_briefing):
    composer.add_draft(store, tokayev_briefing)
    pharma = one(store, Kind.AGREEMENT, lambda r: "pharmaceutical" in r.title)
    store.trash(Kind.AGREEMENT, pharma)
    a = composer.assemble(store, tokayev_briefing)
    item = next(ai for s in a.sections for ai in s.items
                if (ai.item.ref_kind, ai.item.ref_id) == ("agreement", pharma))
    assert item.removed and item.record is None
    assert "pharmaceutical" in item.item.text
    store.purge(Kind.AGREEMENT, pharma)  # gone for good: still listed, by its last title
    a = composer.assemble(store, tokayev_briefing)
    item = next(ai for s in a.sections for ai in s.items
                if (ai.item.ref_kind, ai.item.ref_id) == ("agreement", pharma))
    assert item.removed and "pharmaceutical" in item.item.text
    # and the draft does not bring it back or crash
    composer.add_draft(store, tokayev_briefing)


def test_adding_records_by_hand(store, aliyev_briefing):
    eu = one(store, Kind.STATEMENT, lambda s: "EU queue" in s.text)
    done = composer.add_records(store, aliyev_briefing, [f"statement:{eu}"])
    again = composer.add_records(store, aliyev_briefing, [(Kind.STATEMENT, eu)])
    assert len(done.item_ids) == 1 and again.skipped == [f"statement:{eu}"]
    item = store.briefing_item(done.item_ids[0])
    assert item.section == "statements" and item.reason == "added by hand"
    with pytest.raises(composer.ComposerError, match="no statement with id 9999"):
        composer.add_records(store, aliyev_briefing, ["statement:9999"])
    with pytest.raises(composer.ComposerError, match="KIND:ID"):
        composer.add_records(store, aliyev_briefing, ["statement"])
    tp = composer.add_text(store, aliyev_briefing, "Thank him for the gas")
    assert store.briefing_item(tp).section == "talking_points"


def test_unknown_briefing_is_a_clear_error(store):
    with pytest.raises(composer.ComposerError, match="no briefing with id 99"):
        composer.assemble(store, 99)
    with pytest.raises(composer.ComposerError, match="no briefing with id 99"):
        composer.add_draft(store, 99)


# ----------------------------------------------------------------------- larger stores
def test_many_records_of_ours_do_not_push_out_the_counterparts(store, tokayev_briefing):
    from briefing.domain import Agreement, Party, Stance

    store.add_many([Stance(holder_country="RS", topic=f"topic {n}", text=f"Serbian view {n}")
                    for n in range(80)])
    store.add_many([Agreement(title=f"Protocol {n}", parties=[
        Party(party_kind="country", ref="RS"), Party(party_kind="country", ref="KZ")],
        signed=PartialDate(2020, 1 + n % 12)) for n in range(45)])
    draft = composer.draft(store, tokayev_briefing)
    kz_kosovo = one(store, Kind.STANCE, lambda s: s.holder_country == "KZ")
    assert (Kind.STANCE, kz_kosovo) in [(s.kind, s.record_id) for s in draft]
    agreements = [s for s in draft if s.kind == Kind.AGREEMENT]
    assert len(agreements) == composer.candidate.DRAFT_AGREEMENTS
    pharma = one(store, Kind.AGREEMENT, lambda r: "pharmaceutical" in r.title)
    assert pharma in [s.record_id for s in agreements]  # the newest and the open ones first
    left = [s for s in composer.suggest(store, tokayev_briefing)
            if s.kind == Kind.AGREEMENT and not s.default]
    assert left and all("left out of the draft: too many" in s.reasons for s in left)


def test_without_a_counterpart_person_their_country_s_visitors_are_offered(store):
    bid = composer.new_briefing(store, title="Talks with Kazakhstan", country="Kazakhstan")
    profile = {s.record_id: s.reasons for s in composer.suggest(store, bid)
               if s.section == Section.PROFILE}
    tokayev, vucic = person_id(store, "Tokayev"), person_id(store, "Vučić")
    assert profile[tokayev][0].endswith(" of a visit between the two countries")
    assert vucic not in profile  # our side's host is not the counterpart's profile
