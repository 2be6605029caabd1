"""The synthetic-store generator (bench/synth.py) at tiny scale: it builds a real store
that ``briefing check`` accepts, with multilingual names and partial dates, and the
same seed gives the same content."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main as cli_main
from briefing.store import Store

SYNTH = Path(__file__).resolve().parents[2] / "bench" / "synth.py"
TINY = ["--statements", "300", "--visits", "40", "--agreements", "40", "--people", "60",
        "--organisations", "10", "--sources", "8", "--figures", "10", "--stances", "10"]


def build(path: Path, seed: int = 1) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SYNTH), str(path), *TINY, "--seed", str(seed)],
        capture_output=True, text=True, timeout=120, check=True,
    )


def content_digest(path: Path) -> str:
    """A digest of every record table's rows (ids, uuids, text, dates, links)."""
    h = hashlib.sha256()
    with Store.open(path, readonly=True) as store:
        tables = ["people", "organisations", "sources", "visits", "agreements", "statements",
                  "figures", "stances", "aliases", "offices", "agreement_parties",
                  "record_topics", "record_sources", "topics"]
        for table in tables:
            for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3"):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "tiny.sqlite"
    result = build(path)
    assert "done in" in result.stdout
    return path


def test_tiny_store_passes_briefing_check(tiny, capsys):
    assert cli_main(["--db", str(tiny), "check"]) == 0
    out = capsys.readouterr().out
    assert "300 statements" in out and "40 visits" in out and "60 people" in out
    assert out.strip().endswith("ok")


def test_tiny_store_is_multilingual_with_partial_dates(tiny):
    with Store.open(tiny, readonly=True) as store:
        c = store.conn
        aliases = [r[0] for r in c.execute("SELECT alias FROM aliases WHERE entity_kind = 'person'")]
        assert any("\u0400" <= ch <= "\u04ff" for a in aliases for ch in a)  # Cyrillic
        assert any(ch in "čćšžđəığşü" for a in aliases for ch in a)  # Latin with diacritics
        dates = [r[0] for r in c.execute("SELECT start FROM visits")]
        assert {len(d) for d in dates} == {4, 7, 10}  # YYYY, YYYY-MM, YYYY-MM-DD
        assert c.execute("SELECT count(*) FROM statements WHERE date_approx = 1").fetchone()[0] > 0
        assert c.execute("SELECT count(DISTINCT language) FROM statements").fetchone()[0] > 2
        assert c.execute("SELECT count(DISTINCT status) FROM agreements").fetchone()[0] >= 3
        # the search index finds a person under another script's spelling
        person = store.people_named(aliases[0])
        assert person


def test_same_seed_same_content(tiny, tmp_path):
    again = tmp_path / "again.sqlite"
    build(again)
    assert content_digest(again) == content_digest(tiny)


def test_refuses_to_overwrite_without_force(tiny):
    result = subprocess.run([sys.executable, str(SYNTH), str(tiny), *TINY],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "exists" in result.stderr
