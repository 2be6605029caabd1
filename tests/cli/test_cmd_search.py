"""``briefing search``: JSON and table output, filters, and one-line errors."""

from __future__ import annotations

import json
import shutil

import pytest

from briefing.cli import main


@pytest.fixture
def db(tmp_path, demo_store_template):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_store_template, path)
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_vucic_statements_with_his_name_marked(capsys, db):
    code, out, err = run(capsys, "--db", db, "search", "Вучић", "--json")
    assert code == 0 and err == ""
    hits = json.loads(out)
    statements = [h for h in hits if h["kind"] == "statement"]
    assert len(statements) >= 5
    for h in hits:
        assert {"kind", "id", "uuid", "title", "date", "snippet", "score"} <= set(h)
    vucic = [h for h in statements if "Vučić" in h["snippet"]]
    assert vucic and all("[Vučić]" in h["snippet"] for h in vucic)


def test_table_output(capsys, db):
    code, out, _ = run(capsys, "--db", db, "search", "artiller*")
    assert code == 0
    assert "agreement" in out and "[artillery]" in out
    assert "results 1–" in out


def test_several_words_and_a_leading_minus(capsys, db):
    _, out, _ = run(capsys, "--db", db, "search", "--json", "--", "-turnover", "trade")
    titles = [h["title"] for h in json.loads(out)]
    assert titles and not any("Trade turnover" in t for t in titles)


def test_filters(capsys, db):
    _, out, _ = run(capsys, "--db", db, "search", "", "--country", "KZ", "--kind", "figure",
                    "--from", "2025", "--to", "2025-12", "--json")
    hits = json.loads(out)
    assert len(hits) == 3 and {h["kind"] for h in hits} == {"figure"}
    _, out, _ = run(capsys, "--db", db, "search", "gas", "--person", "Алиев", "--limit", "1", "--json")
    assert len(json.loads(out)) == 1
    _, out, _ = run(capsys, "--db", db, "search", "", "--topic", "kosovo", "--json")
    assert {h["kind"] for h in json.loads(out)} == {"stance", "statement"}


@pytest.mark.parametrize(("args", "message"), [
    (["--person", "Nobody Atall"], "no person named 'Nobody Atall'"),
    (["--country", "Atlantis"], "unknown country 'Atlantis'"),
    (["--kind", "planet"], "unknown record kind 'planet'"),
    (["--from", "2025-13"], "'from' date '2025-13' is not a date"),
    (["--from", "2025", "--to", "2024"], "the date range"),
    (["--topic", "astrology"], "no topic 'astrology'"),
    (["--limit", "0"], "--limit must be at least 1"),
])
def test_bad_filters_are_one_line_errors(capsys, db, args, message):
    code, out, err = run(capsys, "--db", db, "search", "trade", *args)
    assert code != 0 and out == ""
    assert err.startswith("briefing: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("query", ["", "   ", "(", '"', "AND", "'; DROP TABLE statements; --",
                                   "x" * 10_000, "🙂 مرحبا"])
def test_odd_queries_never_fail(capsys, db, query):
    code, out, err = run(capsys, "--db", db, "search", query)
    assert code == 0 and err == ""
    code, out, err = run(capsys, "--db", db, "search", query, "--json")
    assert code == 0 and isinstance(json.loads(out), list)


def test_a_very_common_word_says_it_lists_newest_first(capsys, db, monkeypatch):
    from briefing.store import search_queries

    monkeypatch.setattr(search_queries, "BROAD", 2)
    code, out, _ = run(capsys, "--db", db, "search", "Kazakhstan")
    assert code == 0 and "listed newest first" in out
