"""The JSON bundle: a readable, diffable file of the whole store.  Export → import into
an empty store → export gives the same bytes; importing merges by uuid; a bundle this
version cannot read is refused with a clear message and nothing is imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.dates import PartialDate as D
from briefing.domain import (
    Briefing, BriefingItem, Kind, Office, Organisation, Party, Person, Statement,
)
from briefing.services.bundle import (
    FORMAT, VERSION, BundleError, dumps, export_bundle, import_bundle, read_bundle, write_bundle,
)
from briefing.store import Store

KINDS = ["sources", "organisations", "people", "visits", "agreements", "statements", "figures",
         "stances", "briefings"]


def counts(store) -> dict[str, int]:
    return {k.plural: store.count(k, include_deleted=True) for k in Kind}


def new_store(tmp_path: Path, name: str, template: Path) -> Store:
    path = tmp_path / name
    path.write_bytes(template.read_bytes())
    path.chmod(0o600)
    return Store.open(path)


@pytest.fixture
def empty(tmp_path, empty_store_template):
    s = new_store(tmp_path, "empty.sqlite", empty_store_template)
    yield s
    s.close()


@pytest.fixture
def rich_store(demo_store):
    """The demo store plus what the demo lacks: a briefing with items, a trashed record,
    an office at an organisation, a person as an agreement party."""
    s = demo_store
    (tokayev,) = s.people_named("Tokayev")
    (vucic,) = s.people_named("Vučić")
    org = s.organisation_id_named("Kazakh Invest")
    person = Person(name="Meirzhan Yussupov", country="KZ", aliases=["Мейржан Юсупов"],
                    offices=[Office(title="Chairman", organisation_id=org,
                                    start=D(2022, 3, approximate=True))])
    s.add(person)
    gone = s.add(Statement(speaker_id=vucic.id, text="A retracted remark", date=D(2025, 11, 2)))
    s.trash(Kind.STATEMENT, gone)
    s.add(Organisation(name="Ministry of Foreign Affairs of Serbia", aliases=["МСП Србије"]))
    ag = s.get(Kind.AGREEMENT, 1)
    ag.parties = [*ag.parties, Party(party_kind="person", ref=person.id, role="signatory")]
    s.update(ag)
    bid = s.add(Briefing(title="Vučić meets Tokayev", counterpart_country="KZ",
                         counterpart_person_id=tokayev.id, our_country="RS", date=D(2026, 3)))
    stmt = s.conn.execute("SELECT min(id) FROM statements").fetchone()[0]
    s.add_items(bid, [
        BriefingItem(section="talking_points", text="Thank Kazakhstan on Kosovo"),
        BriefingItem(section="statements", ref_kind="statement", ref_id=stmt,
                     annotation="quote in opening", included=False, reason="counterpart"),
    ])
    return s


# --- the file a person reads --------------------------------------------------------------
def test_the_bundle_is_readable_utf8_json_with_names_in_their_own_script(demo_store, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = write_bundle(demo_store, folder / "x.json")
    raw = out.read_bytes()
    text = raw.decode("utf-8")
    assert "\\u" not in text  # no escapes: Вучић, Тоқаев, Əliyev are written as they are
    for name in ("Вучић", "Тоқаев", "Əliyev", "Југоимпорт СДПР", "Niš"):
        assert name in text
    assert text.startswith('{\n  "format": "briefing-bundle",\n  "version": 1,\n')
    assert text.endswith("}\n")
    data = json.loads(text)
    assert (data["format"], data["version"]) == (FORMAT, VERSION)
    assert list(data)[2:] == KINDS
    assert [p["name"] for p in data["people"]] == [
        "Aleksandar Vučić", "Kassym-Jomart Tokayev", "Olzhas Bektenov", "Ilham Aliyev"]
    # references are by uuid, countries by code, dates as partial ISO text
    visit = data["visits"][0]
    assert visit["guest"] == data["people"][0]["uuid"] and visit["host_country"] == "KZ"
    assert visit["start"] == "~2025-11"
    assert [f.name for f in folder.iterdir()] == ["x.json"]  # no temporary files left


def test_export_is_stable(rich_store, tmp_path):
    a = dumps(export_bundle(rich_store))
    b = dumps(export_bundle(rich_store))
    assert a == b


# --- round trip -----------------------------------------------------------------------------
@pytest.mark.parametrize("which", ["demo", "rich"])
def test_round_trip_into_an_empty_store_gives_the_same_bytes(which, demo_store, rich_store,
                                                            empty, tmp_path):
    source = rich_store if which == "rich" else demo_store
    first = write_bundle(source, tmp_path / "first.json")
    report = import_bundle(empty, first)
    assert report.total_added == sum(counts(source).values())
    second = write_bundle(empty, tmp_path / "second.json")
    assert second.read_bytes() == first.read_bytes()
    assert counts(empty) == counts(source)
    assert empty.check().ok
    # and the records are whole, not just the text
    (tokayev,) = empty.people_named("Тоқаев")
    assert tokayev.offices[0].title == "President of Kazakhstan"


def test_round_trip_keeps_trash_items_offices_and_parties(rich_store, empty):
    import_bundle(empty, export_bundle(rich_store))
    (gone,) = empty.trashed(Kind.STATEMENT)
    assert gone.title == "A retracted remark"
    (yussupov,) = empty.people_named("Мейржан Юсупов")
    assert yussupov.offices[0].organisation_name == "Kazakh Invest"
    assert yussupov.offices[0].start == D(2022, 3, approximate=True)
    ag = empty.get(Kind.AGREEMENT, empty.id_for_uuid(Kind.AGREEMENT,
                                                      rich_store.get(Kind.AGREEMENT, 1).uuid))
    assert ("person", yussupov.id, "signatory") in [(p.party_kind, p.ref, p.role) for p in ag.parties]
    (briefing,) = list(empty.iter_records(Kind.BRIEFING))
    assert [(i.section, i.text, i.annotation, i.included) for i in briefing.items] == [
        ("talking_points", "Thank Kazakhstan on Kosovo", "", True),
        ("statements", "", "quote in opening", False)]
    stmt = empty.get(Kind.STATEMENT, briefing.items[1].ref_id)
    assert stmt.text.startswith("We put stress on further development")
    assert briefing.counterpart_name == "Kassym-Jomart Tokayev"


# --- merging ------------------------------------------------------------------------------
def test_import_merges_by_uuid_into_a_store_that_has_some_of_the_records(demo_store, empty):
    full = export_bundle(demo_store)
    part = {"format": FORMAT, "version": VERSION,
            "sources": full["sources"], "organisations": full["organisations"][:3],
            "people": full["people"][:2], "stances": full["stances"][:1]}
    first = import_bundle(empty, part)
    assert first.total_added == 1 + 3 + 2 + 1
    report = import_bundle(empty, full)
    assert report.added == {"sources": 0, "organisations": 6, "people": 2, "visits": 3,
                            "agreements": 6, "statements": 9, "figures": 3, "stances": 3,
                            "briefings": 0}
    assert sum(report.unchanged.values()) == 7 and sum(report.updated.values()) == 0
    assert counts(empty) == counts(demo_store)  # no duplicates
    assert dumps(export_bundle(empty)) == dumps(full)
    again = import_bundle(empty, full)  # a third time: nothing new
    assert again.total_added == 0 and sum(again.unchanged.values()) == sum(counts(empty).values())
    assert "unchanged 39" in again.summary()


def test_a_newer_record_in_the_bundle_wins_an_older_one_does_not(demo_store, empty):
    full = export_bundle(demo_store)
    import_bundle(empty, full)
    newer = json.loads(dumps(full))
    newer["people"][2]["office"] = "Former Prime Minister of Kazakhstan"
    newer["people"][2]["updated_at"] = "2026-01-01T00:00:00Z"
    newer["people"][3]["office"] = "Stale office"  # same updated_at as the store: ignored
    report = import_bundle(empty, newer)
    assert report.updated["people"] == 1 and report.total_added == 0
    (bektenov,) = empty.people_named("Bektenov")
    assert bektenov.office == "Former Prime Minister of Kazakhstan"
    assert bektenov.updated_at == "2026-01-01T00:00:00Z"
    (aliyev,) = empty.people_named("Aliyev")
    assert aliyev.office == "President of Azerbaijan"


# --- bundles this version cannot read -----------------------------------------------------
def write(tmp_path: Path, content, name="bundle.json") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content),
                        encoding="utf-8")
    return path


@pytest.mark.parametrize("content, words", [
    ({"format": "anki-deck", "version": 1}, 'not a Briefing bundle ("format" is not "briefing-bundle")'),
    ([1, 2, 3], "not a Briefing bundle"),
    ({"format": FORMAT}, "the bundle has no version number"),
    ({"format": FORMAT, "version": "1"}, "the bundle has no version number"),
    ({"format": FORMAT, "version": VERSION + 1},
     f"bundle version {VERSION + 1} was written by a newer Briefing (this one reads up to version {VERSION})"),
    ({"format": FORMAT, "version": 1, "people": {"a": 1}}, '"people" must be a list'),
    ('{"format": "briefing-bundle",\n  "version": 1,,}', "line 2, column 16: not valid JSON"),
    (b'{"format": "briefing-bundle", "title": "Vu\xe8i\xe6"}', "not a UTF-8 text file"),
])
def test_a_bundle_this_version_cannot_read_is_refused(demo_store, tmp_path, content, words):
    path = write(tmp_path, content)
    before = dumps(export_bundle(demo_store))
    with pytest.raises(BundleError) as info:
        import_bundle(demo_store, path)
    assert words in str(info.value)
    assert str(info.value).startswith(str(path))
    assert dumps(export_bundle(demo_store)) == before


def test_a_bundle_referring_to_a_missing_uuid_is_refused_and_nothing_is_imported(demo_store,
                                                                                 empty, tmp_path):
    data = export_bundle(demo_store)
    data["statements"][4]["speaker"] = "00000000-0000-0000-0000-000000000000"
    path = write(tmp_path, dumps(data))
    with pytest.raises(BundleError) as info:
        import_bundle(empty, path)
    msg = str(info.value)
    assert msg.startswith(f"{path}: statements[4]: ")
    assert "refers to a person 00000000-0000-0000-0000-000000000000" in msg
    assert "not in the bundle or the store" in msg
    assert counts(empty) == {k.plural: 0 for k in Kind}  # not even the people before it


@pytest.mark.parametrize("mutate, words", [
    (lambda d: d["people"][0].update(country="Atlantis"), "people[0]: unknown country 'Atlantis'"),
    (lambda d: d["visits"][0].update(start="next week"), "visits[0]: 'next week' is not a date"),
    (lambda d: d["people"][1].pop("uuid"), 'people[1]: a record needs a "uuid"'),
    (lambda d: d["people"][1].update(name=""), "people[1]: person: name is required"),
    (lambda d: d["agreements"][0]["parties"].append({"role": "party"}),
     "agreements[0]: party {'role': 'party'} names no country, organisation or person"),
])
def test_bad_records_in_a_bundle_are_named_and_nothing_is_imported(demo_store, empty, mutate,
                                                                   words):
    data = json.loads(dumps(export_bundle(demo_store)))
    mutate(data)
    with pytest.raises(BundleError) as info:
        import_bundle(empty, data)
    assert words in str(info.value)
    assert counts(empty) == {k.plural: 0 for k in Kind}


def test_read_bundle_gives_the_data(demo_store, tmp_path):
    path = write_bundle(demo_store, tmp_path / "out.json")
    assert read_bundle(path) == json.loads(path.read_text(encoding="utf-8"))
    # write_bundle replaces an existing file whole
    path.write_text("old", encoding="utf-8")
    write_bundle(demo_store, path)
    assert read_bundle(path)["format"] == FORMAT
