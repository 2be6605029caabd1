"""CSV import: names resolved against aliases, missing people and organisations
created, all or nothing with every bad row reported (file, line, column, reason),
--skip-invalid writing the bad rows to <stem>.rejects.csv, no duplicates."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from briefing.dates import PartialDate as D
from briefing.domain import Kind
from briefing.services.bundle import dumps, export_bundle, write_bundle
from briefing.services.importing import ImportCancelled, import_files, rejects_path_for

DATA = Path(__file__).resolve().parent.parent / "data" / "csv"
STATEMENTS_HEADER = ("text,speaker,date,speaker_country,occasion,topics,language,kind,"
                     "source_url,source_title")
VISITS_HEADER = "start,end,guest,guest_country,host_country,host,place,kind,purpose"


def state(store) -> str:
    """Everything in the store, as the bundle a user would export."""
    return dumps(export_bundle(store))


def write_csv(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def person_id(store, name) -> int:
    (p,) = store.people_named(name)
    return p.id


@pytest.fixture
def csv_dir(tmp_path) -> Path:
    folder = tmp_path / "csv"
    folder.mkdir()
    return folder


# --- the CSV files in tests/data/csv --------------------------------------------------------
def test_the_test_csv_files_import_with_names_resolved(demo_store):
    before = demo_store.counts()
    files = [DATA / n for n in ("people.csv", "statements.csv", "visits.csv", "agreements.csv")]
    report = import_files(demo_store, files)
    assert report.ok and report.committed, report.summary()
    after = demo_store.counts()
    assert after["statements"] == before["statements"] + 5
    assert after["visits"] == before["visits"] + 4
    assert after["agreements"] == before["agreements"] + 4
    # Toqaev is the demo's Tokayev; three new people are created
    assert after["people"] == before["people"] + 3
    tokayev = person_id(demo_store, "Kassym-Jomart Tokayev")
    assert person_id(demo_store, "Toqaev") == tokayev
    assert person_id(demo_store, "Tokayev K.") == tokayev  # the new alias was merged in
    assert demo_store.check().ok


def test_statements_csv_resolves_speakers_and_countries_by_alias(demo_store):
    report = import_files(demo_store, [DATA / "statements.csv"])
    assert report.ok and report.files[0].kind == "statements", report.summary()
    new = {s.text: s for s in demo_store.iter_records(Kind.STATEMENT)}
    s1 = new["Kazakhstan and Serbia are reliable partners, and our trade will keep growing."]
    assert s1.speaker_id == person_id(demo_store, "Kassym-Jomart Tokayev")  # "Токаев"
    assert (s1.date, s1.statement_kind, s1.occasion) == (D(2025, 11), "direct", "Talks in Astana")
    assert s1.topics == ["Central Asia", "trade"]
    (src,) = demo_store.get_many(Kind.SOURCE, s1.source_ids)
    assert (src.url, src.title) == ("https://example.org/astana-talks", "Talks in Astana")
    s2 = new["Serbia will keep its EU course while it deepens ties with Central Asia."]
    assert s2.speaker_id == person_id(demo_store, "Aleksandar Vučić")  # "Вучић", "Србија"
    assert (s2.date, s2.statement_kind, s2.speaker_country) == (D(2025, 11, 20), "paraphrase", "RS")
    s3 = new["Investors from Serbia are welcome in every region of Kazakhstan."]
    assert s3.date == D(2025, 11, approximate=True)
    assert s3.source_ids == s1.source_ids  # one source for the two rows citing it
    s4 = new["Azerbaijani gas will reach Serbia in larger volumes."]
    assert s4.speaker_id == person_id(demo_store, "Ilham Aliyev")  # "Əliyev", "Azərbaycan"
    # an unknown speaker is created, with the country given
    s5 = new["Парламент поддерживает сотрудничество с Казахстаном."]
    brnabic = demo_store.get(Kind.PERSON, s5.speaker_id)
    assert (brnabic.name, brnabic.country) == ("Ана Брнабић", "RS")
    assert s5.language == "ru"


def test_visits_csv_resolves_guests_hosts_and_countries(demo_store):
    report = import_files(demo_store, [DATA / "visits.csv"], kind="visits")
    assert report.ok, report.summary()
    visits = {(v.start.iso, v.place): v for v in demo_store.iter_records(Kind.VISIT)}
    v = visits[("2025-06-10", "Belgrade")]
    assert v.guest_id == person_id(demo_store, "Kassym-Jomart Tokayev")  # "Тоқаев"
    assert (v.guest_country, v.host_country) == ("KZ", "RS")  # "Казахстан", "Србија"
    assert v.host_id == person_id(demo_store, "Aleksandar Vučić")  # "Vucic"
    assert (v.end, v.visit_kind, v.purpose) == (D(2025, 6, 12), "state", "Talks on trade and energy")
    v2 = visits[("2024-04", "Belgrade")]
    assert v2.guest_id == person_id(demo_store, "Ilham Aliyev") and v2.host_country == "RS"
    v3 = visits[("2023", "Belgrade")]
    assert v3.start.approximate and v3.guest_name == "Jeyhun Bayramov"  # created
    assert demo_store.get(Kind.PERSON, v3.guest_id).country == "AZ"  # from "AZE"
    v4 = visits[("2025-09-03", "Belgrade")]
    assert (v4.guest_name, v4.host_name) == ("Roman Sklyar", "Ana Brnabić")


def test_agreements_csv_resolves_parties_and_creates_organisations(demo_store):
    orgs_before = demo_store.count(Kind.ORGANISATION)
    report = import_files(demo_store, [DATA / "agreements.csv"])
    assert report.ok, report.summary()
    ags = {a.title: a for a in demo_store.iter_records(Kind.AGREEMENT)}
    pharma = ags["Memorandum on pharmaceutical production"]
    assert [(p.party_kind, p.name) for p in pharma.parties] == [
        ("organisation", "Kazakh Invest"), ("organisation", "Galenika"), ("country", "Serbia")]
    assert pharma.parties[0].ref == demo_store.organisation_id_named("Kazakh Invest")  # the demo's
    assert (pharma.signed, pharma.status, pharma.place) == (D(2025, 12), "signed", "Astana")
    visa = ags["Agreement on visa-free travel"]
    assert (visa.status, visa.in_force) == ("in force", D(2025, 1))
    gas = ags["Gas supply contract extension"]
    assert gas.status == "negotiating" and gas.signed is None
    assert [p.name for p in gas.parties] == ["Azerbaijan", "Serbia", "Srbijagas", "SOCAR"]
    joint = ags["Joint statement on strategic partnership"]
    assert [(p.party_kind, p.name) for p in joint.parties] == [
        ("person", "Ilham Aliyev"), ("person", "Aleksandar Vučić")]
    assert demo_store.count(Kind.ORGANISATION) == orgs_before + 3  # Galenika, Srbijagas, SOCAR


def test_people_csv_merges_known_people_and_creates_new_ones(demo_store):
    report = import_files(demo_store, [DATA / "people.csv"])
    assert report.ok, report.summary()
    assert (report.files[0].added, report.files[0].updated) == (3, 1)
    tokayev = demo_store.get(Kind.PERSON, person_id(demo_store, "Toqaev"))
    assert tokayev.name == "Kassym-Jomart Tokayev"
    assert {"Тоқаев Қ.", "Tokayev K."} <= set(tokayev.aliases)
    brnabic = demo_store.get(Kind.PERSON, person_id(demo_store, "Ана Брнабић"))
    assert (brnabic.name, brnabic.country, brnabic.office) == (
        "Ana Brnabić", "RS", "President of the National Assembly")
    assert [(o.title, o.organisation_name) for o in brnabic.offices] == [
        ("President of the National Assembly", "National Assembly of Serbia")]
    assert demo_store.get(Kind.PERSON, person_id(demo_store, "Ceyhun Bayramov")).country == "AZ"


@pytest.mark.parametrize("order", [("people.csv", "statements.csv"), ("statements.csv", "people.csv")])
def test_a_person_named_in_one_file_and_described_in_another_is_one_person(demo_store, order):
    report = import_files(demo_store, [DATA / n for n in order])
    assert report.ok, report.summary()
    (brnabic,) = demo_store.people_named("Brnabić")
    assert brnabic.name == "Ana Brnabić" and brnabic.office == "President of the National Assembly"
    assert demo_store.people_named("Ана Брнабић") == [brnabic]
    (said,) = [s for s in demo_store.iter_records(Kind.STATEMENT) if s.speaker_id == brnabic.id]
    assert said.date == D(2025, 12, 2)


def test_importing_the_same_files_twice_adds_nothing(demo_store):
    files = sorted(DATA.glob("*.csv"))
    import_files(demo_store, files)
    once = state(demo_store)
    again = import_files(demo_store, files)
    assert again.ok and again.added == 0
    assert again.duplicates == sum(f.rows for f in again.files) == 17
    assert "already in the store" in again.summary()
    assert state(demo_store) == once


def test_repeated_rows_in_one_file_are_imported_once(store, csv_dir):
    row = '"Trade is increasing.",Kassym-Jomart Tokayev,2025-11,KZ,,,,,,\n'
    path = write_csv(csv_dir, "s.csv", STATEMENTS_HEADER + "\n" + row + row.replace("Kassym-Jomart Tokayev", "KASSYM JOMART TOKAYEV"))
    report = import_files(store, [path])
    assert report.ok and report.added == 1 and report.duplicates == 1
    assert store.count(Kind.STATEMENT) == 1 and store.count(Kind.PERSON) == 1


def test_dry_run_reports_and_changes_nothing(demo_store):
    before = state(demo_store)
    report = import_files(demo_store, [DATA / "statements.csv"], dry_run=True)
    assert report.ok and not report.committed
    assert report.added == 5
    assert "would add 5 statements" in report.summary()
    assert state(demo_store) == before


# --- bad input: a clear message with file, line and column; the store unchanged ----------------
BAD_CSV = [
    pytest.param(
        "statements.csv",
        "text,speaker,date,mood\nHello,Vučić,2025,happy\n",
        1, "mood", "unknown column for statements", id="unknown-column"),
    pytest.param(
        "visits.csv",
        "start,guest,guest_country,place\n2025-01-01,Vučić,RS,Astana\n",
        1, "", "cannot tell what this file holds from its header", id="missing-required-column"),
    pytest.param(
        "statements.csv",
        STATEMENTS_HEADER + "\n\"Fine\",Vučić,2025,,,,,,,\n\"No speaker\",,2025-11,,,,,,,\n",
        3, "speaker", "is required", id="empty-required-cell"),
    pytest.param(
        "statements.csv",
        STATEMENTS_HEADER + "\n\"Trade grows\",Токаев,2024-13-40,KZ,,,,,,\n",
        2, "date", "'2024-13-40' is not a valid date: month 13 does not exist",
        id="impossible-date"),
    pytest.param(
        "visits.csv",
        VISITS_HEADER + "\nnext week,,Vučić,RS,KZ,,Astana,official,Talks\n",
        2, "start", "'next week' is not a valid date", id="words-for-a-date"),
    pytest.param(
        "visits.csv",
        VISITS_HEADER + "\n2025-11,,Vučić,RS,Atlantis,,Poseidonia,official,Talks\n",
        2, "host_country", "unknown country 'Atlantis'", id="unknown-country"),
    pytest.param(
        "statements.csv",
        (STATEMENTS_HEADER + "\n\"Fine\",Vucic,2025,,,,,,,\n\"Bad\",Vu").encode()
        + "čić".encode("cp1250") + b",2025,,,,,,,\n",
        3, "", "the file is not UTF-8 text", id="not-utf8"),
    pytest.param("statements.csv", "", 0, "", "the file is empty", id="empty-file"),
    pytest.param("statements.csv", "\n  \n", 0, "", "the file is empty", id="blank-file"),
    pytest.param(
        "statements.csv",
        STATEMENTS_HEADER + "\n\"Fine\",Vučić,2025,,,,,,,,,extra,cells\n",
        2, "", "the row has too many cells", id="too-many-cells"),
    pytest.param(
        "visits.csv",
        VISITS_HEADER + "\n2025-11-05,2025-11-01,Vučić,RS,KZ,,Astana,official,Talks\n",
        2, "end", "the visit ends before it starts", id="visit-ends-before-it-starts"),
    pytest.param(
        "agreements.csv",
        "title,parties,status\nGas deal,Serbia;Azerbaijan,rumoured\n",
        2, "status", "'rumoured' is not one of: negotiating, signed, in force, terminated",
        id="unknown-status"),
]


@pytest.mark.parametrize("name, text, line, column, words", BAD_CSV)
def test_bad_input_is_reported_precisely_and_nothing_is_imported(demo_store, csv_dir, name, text,
                                                                 line, column, words):
    path = write_csv(csv_dir, name, text)
    before = state(demo_store)
    report = import_files(demo_store, [path])
    assert not report.ok and not report.committed
    (err,) = report.errors
    assert (err.file, err.line, err.column) == (str(path), line, column)
    assert words in err.reason
    shown = str(err)
    assert shown.startswith(f"{path}:{line}" if line else str(path))
    if column:
        assert f"column '{column}'" in shown
    assert "Nothing was imported" in report.summary()
    assert state(demo_store) == before
    assert sorted(p.name for p in csv_dir.iterdir()) == [name]  # no rejects file


def test_missing_required_column_with_kind_given_names_the_column(demo_store, csv_dir):
    path = write_csv(csv_dir, "s.csv", "text,speaker\nHello,Vučić\n")
    before = state(demo_store)
    report = import_files(demo_store, [path], kind=Kind.STATEMENT)
    (err,) = report.errors
    assert (err.line, err.column) == (1, "date")
    assert "required column is missing from the header for statements" in err.reason
    assert state(demo_store) == before


def test_every_bad_row_is_reported_with_its_physical_line(demo_store, csv_dir):
    text = (STATEMENTS_HEADER + "\n"
            '"A quote\nover two lines",Vučić,2025,,,,,,,\n'  # lines 2-3
            '"Bad date",Vučić,2025-02-30,,,,,,,\n'  # line 4
            '"Fine",Vučić,2025,,,,,,,\n'  # line 5
            '"Bad country",Vučić,2025,Atlantis,,,,,,\n'  # line 6
            '"Bad kind",Vučić,2025,,,,,rumour,,\n')  # line 7
    path = write_csv(csv_dir, "s.csv", text)
    before = state(demo_store)
    report = import_files(demo_store, [path])
    assert [(e.line, e.column) for e in report.errors] == [
        (4, "date"), (6, "speaker_country"), (7, "kind")]
    assert "day 30 does not exist in February 2025" in report.errors[0].reason
    assert "3 problems" in report.summary()
    assert state(demo_store) == before


def test_one_bad_file_stops_the_good_ones_too(demo_store, csv_dir):
    bad = write_csv(csv_dir, "visits.csv", VISITS_HEADER + "\n2025-11,,Vučić,RS,Atlantis,,,,\n")
    before = state(demo_store)
    report = import_files(demo_store, [DATA / "statements.csv", bad])
    assert len(report.errors) == 1 and report.errors[0].file == str(bad)
    assert state(demo_store) == before


def test_a_missing_file_is_reported(demo_store, csv_dir):
    before = state(demo_store)
    report = import_files(demo_store, [csv_dir / "nope.csv"])
    (err,) = report.errors
    assert err.reason == "no such file" and err.file == str(csv_dir / "nope.csv")
    assert state(demo_store) == before


def test_an_ambiguous_name_asks_for_a_country(store, csv_dir):
    from briefing.domain import Person
    store.add_many([Person(name="Ivan Petrov", country="RU"), Person(name="Ivan Petrov", country="BG")])
    path = write_csv(csv_dir, "s.csv", STATEMENTS_HEADER + "\n\"x\",Ivan Petrov,2025,,,,,,,\n"
                                                           "\"y\",Ivan Petrov,2025,BG,,,,,,\n")
    report = import_files(store, [path])
    (err,) = report.errors
    assert (err.line, err.column) == (2, "speaker")
    assert "could be any of 2 people" in err.reason and "add their country" in err.reason


def test_a_cancelled_import_imports_nothing(demo_store):
    before = state(demo_store)
    with pytest.raises(ImportCancelled, match="nothing was imported"):
        import_files(demo_store, [DATA / "statements.csv"], cancel=lambda: True)
    assert state(demo_store) == before


def test_a_bundle_file_imports_through_the_same_door(demo_store, store, tmp_path):
    bundle = write_bundle(demo_store, tmp_path / "demo.json")
    report = import_files(store, [bundle])
    assert report.ok and report.files[0].kind == "bundle" and report.added == 39
    assert state(store) == state(demo_store)
    bad = write_csv(tmp_path, "bad.json", '{"format": "other", "version": 1}')
    before = state(store)
    report = import_files(store, [bad])
    (err,) = report.errors
    assert err.file == str(bad) and "not a Briefing bundle" in err.reason
    assert state(store) == before


# --- 1 000 rows, 3 bad: all or nothing, or --skip-invalid with a rejects file --------------------
BAD_LINES = {101: ("date", "2024-13-40"), 502: ("speaker", ""), 999: ("speaker_country", "Atlantis")}


@pytest.fixture
def thousand(csv_dir) -> Path:
    """statements.csv with 1 000 rows; the rows on lines 101, 502 and 999 are bad."""
    path = csv_dir / "statements.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(STATEMENTS_HEADER.split(","))
        for line in range(2, 1002):
            n = line - 1
            row = {"text": f"Statement number {n} on trade between Kazakhstan and Serbia.",
                   "speaker": ["Токаев", "Vučić", "Olzhas Bektenov", "Новый Спикер"][n % 4],
                   "date": f"20{10 + n % 15}-{1 + n % 12:02d}", "speaker_country": "",
                   "occasion": "", "topics": "trade;investment" if n % 2 else "",
                   "language": "en", "kind": "direct" if n % 3 else "paraphrase",
                   "source_url": "", "source_title": ""}
            if line in BAD_LINES:
                col, value = BAD_LINES[line]
                row[col] = value
            w.writerow(row.values())
    return path


def test_three_bad_rows_of_a_thousand_are_all_reported_and_nothing_is_imported(demo_store,
                                                                               thousand):
    before = state(demo_store)
    report = import_files(demo_store, [thousand])
    assert [(e.line, e.column) for e in report.errors] == [
        (101, "date"), (502, "speaker"), (999, "speaker_country")]
    assert report.files[0].rows == 1000
    assert state(demo_store) == before
    assert not rejects_path_for(thousand).exists()


def test_skip_invalid_imports_the_good_rows_and_writes_the_bad_ones_to_a_rejects_file(
        demo_store, thousand):
    before = demo_store.count(Kind.STATEMENT)
    report = import_files(demo_store, [thousand], skip_invalid=True)
    assert report.committed and len(report.errors) == 3
    assert report.added == 997
    assert demo_store.count(Kind.STATEMENT) == before + 997
    assert demo_store.count(Kind.PERSON) == 5  # the demo's four and "Новый Спикер"
    rejects = rejects_path_for(thousand)
    assert rejects.name == "statements.rejects.csv" and rejects.parent == thousand.parent
    assert report.files[0].rejects_path == str(rejects)
    assert f"bad rows saved to {rejects}" in report.summary()
    with open(rejects, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [*STATEMENTS_HEADER.split(","), "reason"]
    assert [r["text"] for r in rows] == [
        f"Statement number {n} on trade between Kazakhstan and Serbia." for n in (100, 501, 998)]
    assert rows[0]["reason"].startswith("line 101: date: '2024-13-40' is not a valid date")
    assert rows[1]["reason"] == "line 502: speaker: is required"
    assert rows[2]["reason"].startswith("line 999: speaker_country: unknown country 'Atlantis'")
    assert rows[0]["topics"] == "" and rows[1]["topics"] == "trade;investment"  # cells kept

    # the user fixes the three rows in the rejects file and imports it: all clean
    for r in rows:
        r["date"] = "2024-12" if r["date"] == "2024-13-40" else r["date"]
        r["speaker"] = r["speaker"] or "Vučić"
        r["speaker_country"] = "" if r["speaker_country"] == "Atlantis" else r["speaker_country"]
    with open(rejects, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    fixed = import_files(demo_store, [rejects])
    assert fixed.ok and fixed.added == 3, fixed.summary()
    assert demo_store.count(Kind.STATEMENT) == before + 1000
    assert demo_store.check().ok

    # and the whole file again adds nothing (the 997 and the 3 fixed are all there)
    again = import_files(demo_store, [rejects])
    assert again.ok and again.added == 0
    assert demo_store.count(Kind.STATEMENT) == before + 1000


def test_skip_invalid_with_only_good_rows_writes_no_rejects_file(demo_store, csv_dir):
    path = csv_dir / "statements.csv"
    shutil.copy(DATA / "statements.csv", path)
    report = import_files(demo_store, [path], skip_invalid=True)
    assert report.ok and report.added == 5
    assert not rejects_path_for(path).exists()


def test_the_same_file_named_twice_in_one_import_adds_its_rows_once(demo_store):
    before = demo_store.counts()
    files = [DATA / "statements.csv", DATA / "visits.csv"]
    report = import_files(demo_store, files + files)
    assert report.ok and report.added == 9 and report.duplicates == 9
    after = demo_store.counts()
    assert after["statements"] - before["statements"] == 5
    assert after["visits"] - before["visits"] == 4


def test_an_excel_style_file_imports(demo_store, csv_dir):
    """A BOM, CRLF line ends, capitalised headers, dates in words, kind synonyms."""
    path = write_csv(csv_dir, "from-excel.csv", (
        "\ufeffText,Speaker,Date,Kind\r\n"
        '"Hello, Astana",Vučić,5 November 2024,quote\r\n'
        '"Goodbye",VUCIC,Nov 2024,reported\r\n').encode("utf-8"))
    report = import_files(demo_store, [path])
    assert report.ok and report.added == 2, report.summary()
    got = {s.text: s for s in demo_store.iter_records(Kind.STATEMENT)}
    assert (got["Hello, Astana"].date, got["Hello, Astana"].statement_kind) == (
        D(2024, 11, 5), "direct")
    assert (got["Goodbye"].date, got["Goodbye"].statement_kind) == (D(2024, 11), "paraphrase")
    assert got["Goodbye"].speaker_id == person_id(demo_store, "Aleksandar Vučić")


def test_importing_into_a_read_only_store_changes_nothing(demo_store_template, tmp_path):
    from briefing.store import Store, StoreError
    path = tmp_path / "ro.sqlite"
    path.write_bytes(demo_store_template.read_bytes())
    path.chmod(0o400)
    with Store.open(path) as s:
        with pytest.raises(StoreError, match="nothing was imported: .* read-only"):
            import_files(s, [DATA / "statements.csv"])
    assert path.read_bytes() == demo_store_template.read_bytes()


def test_cancelling_while_writing_imports_nothing(demo_store, thousand):
    before = state(demo_store)
    calls = {"n": 0}

    def cancel_late() -> bool:  # pass 1 asks once per row (1 000), then pass 2 starts
        calls["n"] += 1
        return calls["n"] > 1500

    with pytest.raises(ImportCancelled):
        import_files(demo_store, [thousand], skip_invalid=True, cancel=cancel_late)
    assert calls["n"] > 1000  # it did get into the writing pass
    assert state(demo_store) == before
    assert not rejects_path_for(thousand).exists()
