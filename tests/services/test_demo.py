"""The demo store holds every fact of the seed article, each linked to the article (kept
whole for offline reading), and db/demo/demo-bundle.json is what build_demo.py builds."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest

from briefing import paths
from briefing.dates import PartialDate as D
from briefing.domain import Kind
from briefing.services.bundle import dumps, export_bundle
from briefing.services.demo import create_demo_store, ensure_store, load_demo
from briefing.store import Store

DEMO = paths.db_dir() / "demo"
ARTICLE_TEXT = (DEMO / "seed-article.txt").read_text(encoding="utf-8")


def load_build_demo():
    spec = importlib.util.spec_from_file_location("build_demo", DEMO / "build_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def one(records, **match):
    found = [r for r in records if all(getattr(r, k) == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


@pytest.fixture
def demo(demo_store):
    s = demo_store
    s.people = {p.name: p for p in s.iter_records(Kind.PERSON)}
    s.orgs = {o.name: o for o in s.iter_records(Kind.ORGANISATION)}
    s.all = {k: list(s.iter_records(k)) for k in Kind}
    return s


def pid(demo, name) -> int:
    return demo.people[name].id


# --- the article --------------------------------------------------------------------------
def test_the_article_is_kept_whole_as_the_source(demo):
    (src,) = demo.all[Kind.SOURCE]
    # the seed file as saved from the web page, less its "+ ↺ − 16 px" chrome line
    assert ARTICLE_TEXT.startswith("+ ↺ − 16 px")
    assert src.text == ARTICLE_TEXT.split("\n", 1)[1].strip()
    assert src.text.startswith("This week, Serbian President Aleksandar Vučić launched")
    assert src.text.rstrip().endswith("News.Az")
    assert src.sha256 == hashlib.sha256(src.text.encode("utf-8")).hexdigest()
    assert src.outlet == "News.Az"
    assert "citing Euronews" in src.notes
    assert src.language == "en"
    # the shared seed (with the web page's "+ ↺ − 16 px" chrome line) is this article
    seed = Path("/work/shared/seeds/000_f70a9745e365b0f7.txt")
    if seed.exists():
        assert src.text.strip() in seed.read_text(encoding="utf-8")


def test_every_record_is_linked_to_the_article(demo):
    (src,) = demo.all[Kind.SOURCE]
    for kind, records in demo.all.items():
        if kind in (Kind.SOURCE, Kind.BRIEFING):
            continue
        assert records, kind
        for r in records:
            assert r.source_ids == [src.id], (kind, r)


def test_dates_are_at_the_texts_precision_and_inferred_ones_are_approximate(demo):
    dated = [(r, f) for k in (Kind.VISIT, Kind.AGREEMENT, Kind.STATEMENT, Kind.FIGURE, Kind.SOURCE)
             for r in demo.all[k] for f in ("start", "end", "signed", "in_force", "date",
                                             "as_of", "published")
             if getattr(r, f, None) is not None]
    exact = [(r.kind, f, getattr(r, f)) for r, f in dated if not getattr(r, f).approximate]
    # the only date the article states outright: Tokayev's visit to Belgrade, November 2024
    assert exact == [(Kind.VISIT, "start", D(2024, 11))]
    assert all(getattr(r, f).precision != "day" for r, f in dated)  # no invented days


# --- people and organisations ---------------------------------------------------------------
@pytest.mark.parametrize("name, country, office, aliases", [
    ("Aleksandar Vučić", "RS", "President of Serbia", ["Вучић", "Vucic", "Vučić"]),
    ("Kassym-Jomart Tokayev", "KZ", "President of Kazakhstan",
     ["Токаев", "Тоқаев", "Tokaev", "Toqaev", "Tokayev"]),
    ("Olzhas Bektenov", "KZ", "Prime Minister of Kazakhstan", ["Bektenov"]),
    ("Ilham Aliyev", "AZ", "President of Azerbaijan", ["Əliyev", "Алиев", "Aliev", "Aliyev"]),
])
def test_people_with_aliases_and_offices(demo, name, country, office, aliases):
    p = demo.people[name]
    assert (p.country, p.office) == (country, office)
    assert set(aliases) <= set(p.aliases)
    assert [(o.title, o.country) for o in p.offices] == [(office, country)]
    for alias in aliases:  # each name finds the one person
        assert [x.id for x in demo.people_named(alias)] == [p.id], alias
    assert len(demo.people) == 4


@pytest.mark.parametrize("name, country", [
    ("SP Kaztechnology", "KZ"), ("Yugoimport SDPR", "RS"), ("Kazakh Invest", "KZ"),
    ("International Centre for AI", "KZ"), ("Astana International Financial Center", "KZ"),
    ("Kazakhstan–Serbia Business Council", None), ("Euronews", None), ("News.Az", None),
])
def test_organisations(demo, name, country):
    assert demo.orgs[name].country == country
    assert demo.organisation_id_named(name) == demo.orgs[name].id


def test_the_ai_centre_is_in_astana(demo):
    assert "Astana" in demo.orgs["International Centre for AI"].notes


# --- visits -------------------------------------------------------------------------------
def test_vucics_official_visit_to_kazakhstan(demo):
    v = one(demo.all[Kind.VISIT], guest_id=pid(demo, "Aleksandar Vučić"), host_country="KZ")
    assert (v.guest_country, v.visit_kind, v.ordinal, v.place) == ("RS", "official", 4, "Astana")
    assert v.host_id == pid(demo, "Kassym-Jomart Tokayev")
    assert "invitation of President Tokayev" in v.notes
    assert "fourth visit" in v.notes
    assert "Golden Eagle Order" in v.notes
    assert "political dialogue" in v.purpose and "trade and economic ties" in v.purpose
    assert "Olzhas Bektenov" in v.purpose and "investment funds" in v.purpose
    assert v.start == D(2025, 11, approximate=True)


def test_tokayevs_visit_to_belgrade_in_november_2024(demo):
    v = one(demo.all[Kind.VISIT], guest_id=pid(demo, "Kassym-Jomart Tokayev"))
    assert (v.guest_country, v.host_country, v.place) == ("KZ", "RS", "Belgrade")
    assert v.start == D(2024, 11) and not v.start.approximate


def test_aliyevs_visit_to_belgrade_days_before_astana(demo):
    v = one(demo.all[Kind.VISIT], guest_id=pid(demo, "Ilham Aliyev"))
    assert (v.guest_country, v.host_country, v.place) == ("AZ", "RS", "Belgrade")
    assert v.host_id == pid(demo, "Aleksandar Vučić")
    assert "Days before" in v.notes and "Astana" in v.notes
    assert "gas-turbine power plant" in v.purpose


# --- agreements ---------------------------------------------------------------------------
def agreement(demo, words):
    return one([a for a in demo.all[Kind.AGREEMENT] if words in a.title.lower()])


def party_names(a) -> set[str]:
    return {p.name for p in a.parties}


def test_the_artillery_agreement(demo):
    a = agreement(demo, "self-propelled artillery")
    assert "repair and modernise" in a.title
    assert {"SP Kaztechnology", "Yugoimport SDPR"} <= party_names(a)
    assert (a.status, a.sector) == ("signed", "defence")


def test_the_high_energy_materials_framework_agreement(demo):
    a = agreement(demo, "high-energy materials")
    assert "technology transfer" in a.title and a.agreement_kind == "framework agreement"
    assert a.status == "signed" and party_names(a) == {"Kazakhstan", "Serbia"}


def test_the_investment_fund_deals_signed_during_the_visit(demo):
    a = agreement(demo, "investment funds")
    astana = one(demo.all[Kind.VISIT], guest_id=pid(demo, "Aleksandar Vučić"))
    assert a.status == "signed" and a.visit_id == astana.id


def test_the_business_forum_agreements(demo):
    a = agreement(demo, "business forum")
    assert a.status == "signed" and "Kazakhstan–Serbia Business Council" in party_names(a)


def test_kazakh_invest_is_negotiating_with_serbian_pharmaceutical_companies(demo):
    a = agreement(demo, "pharmaceutical")
    assert a.status == "negotiating" and a.signed is None
    assert "Kazakh Invest" in party_names(a)
    assert "Serbian pharmaceutical companies" in a.summary


def test_the_gas_turbine_power_plant_agreement(demo):
    a = agreement(demo, "gas-turbine power plant")
    assert party_names(a) == {"Serbia", "Azerbaijan"}
    assert a.status == "signed" and a.place == "Belgrade"
    aliyev_visit = one(demo.all[Kind.VISIT], guest_id=pid(demo, "Ilham Aliyev"))
    assert a.visit_id == aliyev_visit.id
    assert "three pre-selected sites near Niš" in a.summary
    assert "more than two years" in a.summary
    assert "opening scheduled for 2029" in a.summary
    assert "single-source suppliers" in a.summary


# --- statements ---------------------------------------------------------------------------
DIRECT = [
    ("Kassym-Jomart Tokayev",
     "We put stress on further development of trade, economic and investment cooperation"),
    ("Kassym-Jomart Tokayev",
     "Trade exchange is increasing. There are 60 Serbian companies working in Kazakhstan. But the "
     "potential for our economic cooperation is much higher than that and that is why we agreed "
     "that we shall enhance joint operations in the fields that are complementary in our economy"),
    ("Aleksandar Vučić",
     "There's a lot for us to see and learn here and I think we have laid solid foundations for "
     "further development of relations between Kazakhstan and Serbia"),
    ("Aleksandar Vučić",
     "The project documentation can be prepared, and construction can begin immediately after that"),
    ("Ilham Aliyev",
     "This will create opportunities for both the Serbian market and for future exports"),
]


def test_the_five_direct_quotes_verbatim_with_their_speakers(demo):
    direct = [s for s in demo.all[Kind.STATEMENT] if s.statement_kind == "direct"]
    assert sorted((s.speaker_name, s.text) for s in direct) == sorted(DIRECT)
    for s in direct:
        assert s.text in ARTICLE_TEXT  # word for word, as printed
        assert s.language == "en"


def test_the_reported_positions_are_paraphrases(demo):
    para = {s.text: s for s in demo.all[Kind.STATEMENT] if s.statement_kind == "paraphrase"}
    vucic, aliyev = pid(demo, "Aleksandar Vučić"), pid(demo, "Ilham Aliyev")
    eu = one(para.values(), speaker_id=vucic, occasion=
             "EU Enlargement Summit organised by Euronews (November)")
    assert "EU integration" in eu.text and "Central Asia" in eu.text
    kosovo = one([s for s in para.values() if "Kosovo" in s.text])
    assert kosovo.speaker_id == vucic and "thanked" in kosovo.text and "not recognising" in kosovo.text
    gas = one([s for s in para.values() if s.speaker_id == aliyev])
    assert "exporting natural gas to Serbia" in gas.text and "electricity" in gas.text
    assert len(para) == 4  # and the three months for the project documentation
    assert any("three months" in t for t in para)


# --- figures and stances ------------------------------------------------------------------
def test_the_three_figures(demo):
    figs = {f.metric: f for f in demo.all[Kind.FIGURE]}
    turnover = one(figs.values(), value=7.0)
    assert (turnover.unit, turnover.qualifier) == ("%", "more than")
    assert "Trade turnover" in turnover.metric and turnover.period == "since November 2024"
    exports = one(figs.values(), value=80.0)
    assert (exports.unit, exports.qualifier, exports.from_country, exports.to_country) == (
        "%", "as much as", "KZ", "RS")
    assert "exports" in exports.metric
    companies = one(figs.values(), value=60.0)
    assert (companies.unit, companies.from_country, companies.to_country) == ("companies", "RS", "KZ")
    assert len(figs) == 3


def test_the_stances(demo):
    stances = demo.all[Kind.STANCE]
    kz = one(stances, holder_country="KZ")
    assert kz.text == "Does not recognise Kosovo's independence." and kz.topic == "Kosovo"
    rs_kosovo = one(stances, holder_country="RS", topic="Kosovo")
    assert rs_kosovo.text.startswith("Does not recognise Kosovo")
    rs_gas = one(stances, holder_country="RS", topic="Energy diversification")
    assert "single-source suppliers" in rs_gas.text and "gas imports" in rs_gas.text


def test_the_demo_counts_and_our_country(demo):
    assert demo.counts() == {"people": 4, "organisations": 9, "sources": 1, "visits": 3,
                             "agreements": 6, "statements": 9, "figures": 3, "stances": 4,
                             "briefings": 0}
    assert demo.get_setting("our_country") == "RS"
    assert demo.check().ok


# --- the committed bundle, and creating the demo store -------------------------------------
def test_the_committed_demo_bundle_is_what_build_demo_builds(tmp_path):
    build_demo = load_build_demo()
    with Store.open(tmp_path / "rebuilt.sqlite") as s:
        build_demo.build(s)
        rebuilt = dumps(export_bundle(s))
    assert rebuilt.encode("utf-8") == paths.demo_bundle().read_bytes(), (
        "db/demo/demo-bundle.json is out of date: run python db/demo/build_demo.py")


def test_loading_the_demo_twice_adds_nothing(demo_store):
    before = dumps(export_bundle(demo_store))
    load_demo(demo_store)
    assert dumps(export_bundle(demo_store)) == before


def test_ensure_store_creates_the_demo_only_for_a_new_file(tmp_path, store_path, store):
    fresh = tmp_path / "fresh" / "briefing.sqlite"
    with ensure_store(fresh) as s:
        assert s.count(Kind.STATEMENT) == 9
    with ensure_store(tmp_path / "bare.sqlite", demo=False) as s:
        assert s.count(Kind.STATEMENT) == 0
    store.close()
    with ensure_store(store_path) as s:  # exists (empty): never filled with demo data
        assert sum(s.counts().values()) == 0


def test_create_demo_store_gives_an_open_store(tmp_path):
    s = create_demo_store(tmp_path / "d.sqlite")
    try:
        assert s.count(Kind.PERSON) == 4 and not s.readonly
    finally:
        s.close()
