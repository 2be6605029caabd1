"""``briefing capture FILE [--json] [--accept-all] [--url URL]``: the listing is the
review (nothing stored), ``--accept-all`` stores the new candidates once, errors are
one line."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.domain import Kind
from briefing.store import Store

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "newsaz_vucic_kazakhstan.txt"


@pytest.fixture
def demo_db(tmp_path, demo_store_template):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_store_template, path)
    return str(path)


@pytest.fixture
def empty_db(tmp_path, empty_store_template):
    path = tmp_path / "empty.sqlite"
    shutil.copyfile(empty_store_template, path)
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def counts(db):
    with Store.open(db, readonly=True) as s:
        return {k: s.count(k) for k in (Kind.SOURCE, Kind.PERSON, Kind.STATEMENT, Kind.VISIT,
                                        Kind.AGREEMENT, Kind.FIGURE, Kind.ORGANISATION)}


def test_listing_groups_candidates_with_sentence_and_rule_and_stores_nothing(capsys, empty_db):
    before = counts(empty_db)
    code, out, err = run(capsys, "--db", empty_db, "capture", str(SEED))
    assert code == 0 and err == ""
    assert counts(empty_db) == before
    for heading in ("Statements (9)", "Agreements (6)", "Visits (3)", "Figures (3)"):
        assert heading in out
    assert "[new] quote · Kassym-Jomart Tokayev (new)" in out
    assert "“We put stress on further development of trade, economic and investment" in out
    assert "rule: quotation marks; speaker: X said (after quote)" in out
    assert "sentence: In the defence sector, SP Kaztechnology" in out
    assert "needs: a visit needs a start date" in out
    assert "- person: Aleksandar Vučić (RS); also 'Vucic, Vučić'" in out
    assert "19 new, 0 already in the store, 2 incomplete." in out


def test_accept_all_stores_once(capsys, empty_db):
    code, out, _ = run(capsys, "--db", empty_db, "capture", str(SEED), "--accept-all")
    assert code == 0
    assert "Stored: added 1 source, 3 people, 9 statements, 6 agreements, 3 figures, 1 visit, " \
           "3 organisations; 2 skipped." in out
    assert "skipped visit" in out and "start date" in out
    after = counts(empty_db)
    code, out, _ = run(capsys, "--db", empty_db, "capture", str(SEED), "--accept-all")
    assert code == 0 and counts(empty_db) == after
    assert "Stored: added nothing; 19 already in the store; 2 skipped." in out
    assert "already in the store as source #1 (the same text)" in out


def test_json_against_the_demo_store_says_everything_is_there(capsys, demo_db):
    before = counts(demo_db)
    code, out, _ = run(capsys, "--db", demo_db, "capture", str(SEED), "--json", "--accept-all")
    assert code == 0
    data = json.loads(out)
    assert data["source"] == {"existing_id": 1, "reason": "the same text"}
    quotes = [c for c in data["candidates"] if c["kind"] == "statement"
              and c["statement_kind"] == "direct"]
    assert len(quotes) == 5
    assert all(q["review"]["status"] == "duplicate" and q["speaker"]["record_id"] for q in quotes)
    assert data["accepted"]["added"] == {} and data["people"] == []
    assert counts(demo_db) == before


def test_pasted_text_on_standard_input_with_a_url(capsys, empty_db, monkeypatch):
    text = ("Foreign Minister Murat Nurtleu met his Serbian counterpart in Astana on 3 March 2025.\n\n"
            "“The talks were useful for both sides,” Nurtleu said.")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, _ = run(capsys, "--db", empty_db, "capture", "-", "--accept-all", "--json",
                       "--url", "https://example.org/a")
    assert code == 0
    data = json.loads(out)
    assert data["article"]["url"] == "https://example.org/a"
    with Store.open(empty_db, readonly=True) as s:
        [st] = s.iter_records(Kind.STATEMENT)
        assert st.speaker_name == "Murat Nurtleu" and st.text == "The talks were useful for both sides"
        assert s.get(Kind.SOURCE, st.source_ids[0]).url == "https://example.org/a"


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\x00\x01\x02binary", "is a binary file"),
    (b"%PDF-1.5 rest", "is a PDF"),
    ("“Caf\u00e9”".encode("cp1252"), "not UTF-8"),
])
def test_bad_files_are_one_line_and_change_nothing(capsys, empty_db, tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    before = counts(empty_db)
    code, out, err = run(capsys, "--db", empty_db, "capture", str(f), "--accept-all")
    assert code == 2 and out == ""
    assert err.startswith("briefing: ") and message in err and err.count("\n") == 1
    assert counts(empty_db) == before


def test_missing_file_and_empty_standard_input(capsys, empty_db, tmp_path, monkeypatch):
    code, _, err = run(capsys, "--db", empty_db, "capture", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err and err.count("\n") == 1
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"  \n")))
    code, _, err = run(capsys, "--db", empty_db, "capture", "-")
    assert code == 2 and "standard input is empty" in err


def test_no_quotes_unbalanced_marks_and_mixed_scripts_give_results_not_errors(capsys, empty_db, tmp_path):
    f = tmp_path / "odd.txt"
    f.write_text("Председник Вучић је посетио Астану. 習近平 visited Belgrade.\n\n"
                 "The minister said “we will see what happens next and then decide\n\n"
                 "Nothing else was said.", encoding="utf-8")
    code, out, err = run(capsys, "--db", empty_db, "capture", str(f), "--accept-all")
    assert code == 0 and err == ""
    assert "unclosed quotation mark" in out
    assert counts(empty_db)[Kind.STATEMENT] == 0  # no speaker: nothing to store
