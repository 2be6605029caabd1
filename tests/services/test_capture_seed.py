"""Article capture on the seed article: what an analyst gets proposed for review.

Against countries only (no people known), and against the demo people: the same
speakers, resolved to the existing records instead of new people.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.domain import Organisation, Person
from briefing.services.capture import Gazetteer, capture_file

# the seed article exactly as shared (page furniture included), kept in the corpus
SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "newsaz_vucic_kazakhstan.txt"
DEMO = Path(__file__).resolve().parents[2] / "db" / "demo" / "demo-bundle.json"


@pytest.fixture(scope="module")
def countries_only():
    return Gazetteer.with_countries()


@pytest.fixture(scope="module")
def seed(countries_only):
    return capture_file(SEED, countries_only)


def _quote(capture, start: str):
    found = [q for q in capture.quotes if q.text.startswith(start)]
    assert len(found) == 1, f"no single quote starting {start!r}: {[q.text[:40] for q in capture.quotes]}"
    return found[0]


QUOTES = [
    ("We put stress on further development of trade, economic and investment cooperation",
     "Tokayev"),
    ("Trade exchange is increasing. There are 60 Serbian companies working in Kazakhstan. "
     "But the potential for our economic cooperation is much higher", "Tokayev"),
    ("There's a lot for us to see and learn here and I think we have laid solid foundations",
     "Vučić"),
    ("The project documentation can be prepared, and construction can begin immediately "
     "after that", "Vučić"),
    ("This will create opportunities for both the Serbian market and for future exports",
     "Aliyev"),
]


def test_the_five_direct_quotes_verbatim_with_their_speakers(seed):
    assert len(seed.quotes) == 5
    for start, speaker in QUOTES:
        q = _quote(seed, start)
        assert q.text in seed.article.text  # verbatim
        assert q.speaker is not None and q.speaker.name.endswith(speaker)
        assert q.speaker.new  # only countries are known: proposed as new people
        assert q.rule and q.speaker_rule and q.sentence.find(q.text[:30]) >= 0
        assert seed.article.text[q.start:q.end].startswith(q.text[:40])


def test_speaker_spellings_merge_into_one_person_each(seed):
    names = sorted(p.name for p in seed.people)
    assert names == ["Aleksandar Vučić", "Ilham Aliyev", "Kassym-Jomart Tokayev"]
    vucic = next(p for p in seed.people if p.name == "Aleksandar Vučić")
    assert "Vucic" in vucic.aliases and vucic.country == "RS"
    aliyev = next(p for p in seed.people if p.name == "Ilham Aliyev")
    assert aliyev.country == "AZ"
    keys = {q.speaker.key for q in seed.quotes}
    assert len(keys) == 3  # Tokayev ×2, Vučić ×2, Aliyev ×1 -> three people


def test_figures_with_values_qualifiers_and_countries(seed):
    by_value = {(f.value, f.unit): f for f in seed.figures}
    turnover = by_value[(7.0, "%")]
    assert turnover.metric == "trade turnover" and turnover.qualifier == "more than"
    export = by_value[(80.0, "%")]
    assert export.qualifier == "as much as"
    assert (export.from_country, export.to_country) == ("KZ", "RS")
    companies = by_value[(60.0, "companies")]
    assert "Serbian companies" in companies.metric
    assert (companies.from_country, companies.to_country) == ("RS", "KZ")


def test_figure_headlines_show_the_value_as_every_other_list_does(seed):
    from briefing.services.capture.candidates import FigureCandidate
    from briefing.services.capture.labels import headline

    assert sorted(headline(f) for f in seed.figures) == [
        "Kazakhstan’s export to Serbia · as much as 80%",
        "Serbian companies working in Kazakhstan · 60 companies",
        "trade turnover · more than 7%"]
    big = FigureCandidate(start=0, end=1, sentence="", rule="count", metric="exports",
                          value=1234567.5, unit="USD", qualifier="about")
    assert headline(big) == "exports · about 1,234,567.5 USD"  # not "1.23457e+06 USD"


def test_agreements_with_parties_sector_and_status(seed):
    kaz = [a for a in seed.agreements if any("Kaztechnology" in p.name for p in a.parties)]
    assert len(kaz) == 1
    names = [p.name for p in kaz[0].parties]
    assert any("Yugoimport" in n for n in names)
    assert kaz[0].sector == "defence" and kaz[0].status == "signed"
    gas = [a for a in seed.agreements if "gas-turbine" in a.title]
    assert len(gas) == 1
    assert {p.code for p in gas[0].parties if p.kind == "country"} == {"RS", "AZ"}
    assert gas[0].sector == "energy" and gas[0].place == "Belgrade"
    pharma = [a for a in seed.agreements if a.status == "negotiating"]
    assert pharma and pharma[0].sector == "pharmaceutical"


def test_visits_both_ways(seed):
    to_kz = [v for v in seed.visits if v.host_country == "KZ"]
    assert len(to_kz) == 1  # "official visit", "fourth visit", "landing in Astana": one visit
    v = to_kz[0]
    assert v.guest.name == "Aleksandar Vučić" and v.guest_country == "RS"
    assert v.host.name == "Kassym-Jomart Tokayev" and v.ordinal == 4 and v.visit_kind == "official"
    aliyev = [v for v in seed.visits if v.guest and v.guest.name == "Ilham Aliyev"]
    assert len(aliyev) == 1
    assert aliyev[0].host_country == "RS" and aliyev[0].place == "Belgrade"
    assert aliyev[0].host.name == "Aleksandar Vučić"
    nov = [v for v in seed.visits if v.date is not None]
    assert [(v.date.iso, v.host_country) for v in nov] == [("2024-11", "RS")]


def test_paraphrases_and_relative_dates(seed):
    para = {s.speaker.name: s for s in seed.paraphrases if s.speaker}
    assert "Aleksandar Vučić" in para and "Ilham Aliyev" in para
    thanked = [s for s in seed.paraphrases if s.text.startswith("Thanked his host")]
    assert thanked and thanked[0].speaker.name == "Aleksandar Vučić"
    summit = [s for s in seed.paraphrases if "EU integration" in s.text]
    assert summit[0].occasion == "EU Enlargement Summit"
    assert any("relative date" in f for f in summit[0].flags)  # "in November": no year given
    relative = [d.text for d in seed.dates if d.relative]
    assert "This week" in relative and "Days before" in relative
    assert [d.date.iso for d in seed.dates if d.text == "November 2024"] == ["2024-11"]


def _demo_gazetteer() -> Gazetteer:
    bundle = json.loads(DEMO.read_text(encoding="utf-8"))
    people = [Person(id=i, name=p["name"], aliases=p["aliases"], country=p["country"])
              for i, p in enumerate(bundle["people"], 1)]
    orgs = [Organisation(id=i, name=o["name"], aliases=o["aliases"], country=o["country"])
            for i, o in enumerate(bundle["organisations"], 1)]
    from briefing.countries import load_countries

    return Gazetteer(people, orgs, load_countries())


def test_with_the_demo_people_speakers_resolve_to_existing_records():
    capture = capture_file(SEED, _demo_gazetteer())
    assert len(capture.quotes) == 5
    assert all(q.speaker.record_id is not None and not q.speaker.new for q in capture.quotes)
    assert {q.speaker.name for q in capture.quotes} == {
        "Aleksandar Vučić", "Kassym-Jomart Tokayev", "Ilham Aliyev"}
    assert capture.people == []  # nobody new to propose
    kaz = [a for a in capture.agreements if any("Kaztechnology" in p.name for p in a.parties)]
    assert kaz and all(p.record_id is not None for p in kaz[0].parties if p.kind == "organisation")


def test_to_dict_is_json(seed):
    data = json.loads(json.dumps(seed.to_dict()))
    assert data["article"]["sha256"] == seed.article.sha256
    assert len(data["statements"]) == len(seed.statements)
    assert data["statements"][0]["kind"] == "statement"
