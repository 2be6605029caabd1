"""The foundation commands, run in-process (``briefing.cli.main``) and once as the
installed console script: init, check, export-data, import, --version, --db and
BRIEFING_DB.  Errors are one line on stderr starting ``briefing:``, a non-zero exit,
never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import __version__, paths
from briefing.cli import main
from briefing.domain import Kind
from briefing.services.bundle import dumps, export_bundle
from briefing.store import Store

DATA = Path(__file__).resolve().parent.parent / "data" / "csv"


@pytest.fixture(autouse=True)
def no_env_store(monkeypatch, tmp_path):
    """No test may touch the real user data folder or inherit a BRIEFING_DB."""
    monkeypatch.delenv(paths.ENV_DB, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("briefing: "), err
    return lines[0]


def snapshot(path: Path) -> str:
    with Store.open(path, readonly=True) as s:
        return dumps(export_bundle(s))


@pytest.fixture
def demo_db(tmp_path, demo_store_template) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_store_template, path)
    path.chmod(0o600)
    return path


# --- init -------------------------------------------------------------------------------
def test_init_demo_creates_a_private_store_with_the_demo_data(capsys, tmp_path):
    db = tmp_path / "new" / "briefing.sqlite"
    code, out, err = run(capsys, "--db", db, "init", "--demo")
    assert code == 0 and err == ""
    assert out.strip() == (f"{db}: new store with the demo data (4 people, 9 organisations, "
                           "1 sources, 3 visits, 6 agreements, 9 statements, 3 figures, 4 stances)")
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    # init on an existing store merges the demo again without doubling anything
    before = snapshot(db)
    code, out, _ = run(capsys, "--db", db, "init")
    assert code == 0 and "demo data merged into the existing store" in out
    assert snapshot(db) == before


def test_init_empty(capsys, tmp_path, demo_db):
    db = tmp_path / "empty.sqlite"
    code, out, _ = run(capsys, "--db", db, "init", "--empty")
    assert code == 0 and out.strip() == f"{db}: new empty store"
    with Store.open(db) as s:
        assert sum(s.counts().values()) == 0
    code, out, _ = run(capsys, "--db", db, "init", "--empty")
    assert code == 0 and "store already exists (empty)" in out
    before = snapshot(demo_db)
    code, out, err = run(capsys, "--db", demo_db, "init", "--empty")
    assert code != 0 and out == ""
    assert one_error_line(err) == (
        f"briefing: {demo_db} already exists and is not empty; nothing was changed")
    assert snapshot(demo_db) == before


def test_init_demo_and_empty_exclude_each_other(capsys, tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "x.sqlite"), "init", "--demo", "--empty"])
    assert info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()


# --- check --------------------------------------------------------------------------------
def test_check_reports_the_store(capsys, demo_db):
    code, out, err = run(capsys, "--db", demo_db, "check")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"store: {demo_db} (schema version ")
    assert "9 statements" in lines[1] and "4 people" in lines[1]
    assert lines[-1] == "ok"
    code, out, _ = run(capsys, "--db", demo_db, "check", "--json")
    report = json.loads(out)
    assert report["ok"] is True and report["problems"] == []
    assert report["counts"]["statements"] == 9


def test_check_finds_a_broken_search_index_and_repair_fixes_it(capsys, demo_db):
    with Store.open(demo_db) as s:
        s.conn.execute("DELETE FROM search_index WHERE rowid IN "
                       "(SELECT rowid FROM search_index LIMIT 3)")
    code, out, _ = run(capsys, "--db", demo_db, "check")
    assert code == 1
    assert "PROBLEM: search index has" in out and out.splitlines()[-1] == "problems found"
    code, out, _ = run(capsys, "--db", demo_db, "check", "--repair")
    assert code == 0 and out.splitlines()[-1] == "ok"


def test_check_does_not_change_the_store(capsys, demo_db):
    before = demo_db.read_bytes()
    assert run(capsys, "--db", demo_db, "check")[0] == 0
    assert demo_db.read_bytes() == before


# --- export-data --------------------------------------------------------------------------
def test_export_data_writes_the_bundle(capsys, demo_db, tmp_path):
    out_file = tmp_path / "x.json"
    code, out, err = run(capsys, "--db", demo_db, "export-data", out_file)
    assert code == 0 and err == ""
    assert out.startswith(f"wrote {out_file} (4 people, 9 organisations")
    assert out_file.read_text(encoding="utf-8") == snapshot(demo_db)
    text = out_file.read_text(encoding="utf-8")
    for fact in ("Golden Eagle Order", "Niš", "2029", "Тоқаев", "Əliyev", "News.Az",
                 "Does not recognise Kosovo's independence."):
        assert fact in text


def test_export_data_into_a_missing_folder_is_one_clear_line(capsys, demo_db, tmp_path):
    target = tmp_path / "no" / "such" / "x.json"
    code, out, err = run(capsys, "--db", demo_db, "export-data", target)
    assert code != 0
    line = one_error_line(err)
    assert str(target) in line and ".tmp" not in line


# --- import -------------------------------------------------------------------------------
def test_import_the_test_csv_files(capsys, demo_db):
    files = sorted(DATA.glob("*.csv"))
    code, out, err = run(capsys, "--db", demo_db, "import", *files)
    assert code == 0 and err == "", err
    assert "statements.csv: 5 rows, added 5 statements" in out
    assert "visits.csv: 4 rows, added 4 visits" in out
    code, out, _ = run(capsys, "--db", demo_db, "import", *files)  # again: no duplicates
    assert code == 0 and "added 5 statements" not in out
    assert "5 already in the store" in out
    with Store.open(demo_db) as s:
        assert s.count(Kind.STATEMENT) == 14


def test_import_dry_run_changes_nothing(capsys, demo_db):
    before = snapshot(demo_db)
    code, out, _ = run(capsys, "--db", demo_db, "import", "--dry-run", DATA / "statements.csv")
    assert code == 0 and "would add 5 statements" in out
    assert snapshot(demo_db) == before


def test_import_kind(capsys, demo_db, tmp_path):
    people = tmp_path / "who.csv"
    shutil.copy(DATA / "people.csv", people)
    code, out, _ = run(capsys, "--db", demo_db, "import", "--kind", "people", people)
    assert code == 0 and "added 3 people" in out
    before = snapshot(demo_db)
    code, out, err = run(capsys, "--db", demo_db, "import", "--kind", "statements", people)
    assert code == 1
    assert f"{people}:1: column 'name': unknown column for statements" in err
    assert snapshot(demo_db) == before
    with pytest.raises(SystemExit) as info:
        main(["--db", str(demo_db), "import", "--kind", "gossip", str(people)])
    assert info.value.code == 2
    assert "invalid choice: 'gossip'" in capsys.readouterr().err


def test_import_bad_rows_are_listed_and_nothing_is_imported(capsys, demo_db, tmp_path):
    bad = tmp_path / "statements.csv"
    bad.write_text("text,speaker,date,speaker_country\n"
                   "\"Good\",Vučić,2025,RS\n"
                   "\"Bad date\",Токаев,2024-13-40,KZ\n"
                   "\"Bad place\",Токаев,next week,Atlantis\n", encoding="utf-8")
    before = snapshot(demo_db)
    code, out, err = run(capsys, "--db", demo_db, "import", bad)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == (f"{bad}:3: column 'date': '2024-13-40' is not a valid date: "
                        "month 13 does not exist")
    assert lines[1].startswith(f"{bad}:4: column 'date': 'next week' is not a valid date")
    assert "Nothing was imported" in lines[-1]
    assert snapshot(demo_db) == before

    code, out, err = run(capsys, "--db", demo_db, "import", "--skip-invalid", bad)
    assert code == 0
    rejects = tmp_path / "statements.rejects.csv"
    assert f"bad rows saved to {rejects}" in out
    assert rejects.read_text(encoding="utf-8").splitlines()[0] == (
        "text,speaker,date,speaker_country,reason")
    with Store.open(demo_db) as s:
        assert s.count(Kind.STATEMENT) == 10


def test_import_of_a_non_utf8_or_empty_file(capsys, demo_db, tmp_path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("text,speaker,date\n\"x\",Vučić,2025\n".encode("cp1250"))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    before = snapshot(demo_db)
    code, _, err = run(capsys, "--db", demo_db, "import", latin, empty)
    assert code == 1
    assert f"{latin}:2: the file is not UTF-8 text" in err
    assert f"{empty}: the file is empty" in err
    assert snapshot(demo_db) == before


# --- --db, BRIEFING_DB and errors ---------------------------------------------------------------
def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefing {__version__}"


def test_briefing_db_env_chooses_the_store_and_db_overrides_it(capsys, monkeypatch, tmp_path,
                                                               demo_db):
    monkeypatch.setenv(paths.ENV_DB, str(demo_db))
    code, out, _ = run(capsys, "check")
    assert code == 0 and out.startswith(f"store: {demo_db} ")
    other = tmp_path / "other.sqlite"
    code, out, _ = run(capsys, "--db", other, "init", "--empty")
    assert code == 0 and out.startswith(f"{other}: new empty store")
    code, out, _ = run(capsys, "--db", other, "check")
    assert out.startswith(f"store: {other} ") and "0 statements" in out


def test_a_new_store_named_by_db_or_env_is_empty_but_the_default_one_gets_the_demo(
        capsys, monkeypatch, tmp_path):
    named = tmp_path / "named.sqlite"
    code, out, _ = run(capsys, "--db", named, "check")
    assert code == 0 and "0 statements" in out
    # first run without --db or BRIEFING_DB: the store in the user data folder, with the demo
    code, out, _ = run(capsys, "check")
    default = paths.default_store_path()
    assert str(default).startswith(str(tmp_path / "xdg-data"))
    assert code == 0 and out.startswith(f"store: {default} ") and "9 statements" in out
    assert stat.S_IMODE(default.stat().st_mode) == 0o600


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "is a folder, not a store file"),
    (lambda p: p.write_text("just some notes\n"), "is not a Briefing store (not a SQLite database)"),
    (lambda p: p.write_bytes(b""), "is an empty file, not a Briefing store"),
], ids=["folder", "text-file", "empty-file"])
@pytest.mark.parametrize("command", [["check"], ["export-data", "OUT"], ["init"],
                                     ["import", str(DATA / "statements.csv")]],
                         ids=lambda c: c[0])
def test_a_db_that_is_not_a_store_is_one_clear_line(capsys, tmp_path, make, words, command):
    db = tmp_path / "target.sqlite"
    make(db)
    before = db.read_bytes() if db.is_file() else None
    argv = [a if a != "OUT" else str(tmp_path / "out.json") for a in command]
    code, out, err = run(capsys, "--db", db, *argv)
    assert code != 0 and out == ""
    assert one_error_line(err) == f"briefing: {db} {words}"
    if before is not None:
        assert db.read_bytes() == before
    assert not (tmp_path / "out.json").exists()


def test_a_truncated_store_is_one_clear_line(capsys, demo_db):
    demo_db.write_bytes(demo_db.read_bytes()[:5000])
    before = demo_db.read_bytes()
    code, _, err = run(capsys, "--db", demo_db, "check")
    assert code != 0
    assert "is damaged" in one_error_line(err)
    assert demo_db.read_bytes() == before


def test_a_read_only_store_can_be_read_but_not_written(capsys, demo_db, tmp_path):
    demo_db.chmod(0o400)
    before = demo_db.read_bytes()
    assert run(capsys, "--db", demo_db, "check")[0] == 0
    assert run(capsys, "--db", demo_db, "export-data", tmp_path / "x.json")[0] == 0
    code, out, err = run(capsys, "--db", demo_db, "import", DATA / "statements.csv")
    assert code != 0
    assert "read-only" in one_error_line(err) and "nothing was" in err
    code, out, err = run(capsys, "--db", demo_db, "init", "--demo")
    assert code != 0 and "read-only" in one_error_line(err)
    assert demo_db.read_bytes() == before


def test_a_store_from_a_newer_briefing_is_one_clear_line(capsys, demo_db):
    import sqlite3
    conn = sqlite3.connect(demo_db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = demo_db.read_bytes()
    code, _, err = run(capsys, "--db", demo_db, "check")
    assert code != 0
    line = one_error_line(err)
    assert "newer version of Briefing" in line and "store version 999" in line
    assert demo_db.read_bytes() == before


def test_an_unknown_command_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "x.sqlite"), "frobnicate"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "briefing: error: argument COMMAND: invalid choice: 'frobnicate'" in err
    assert "Traceback" not in err


# --- the installed console script, once ---------------------------------------------------
def test_the_console_script_runs(tmp_path):
    script = Path(sys.executable).parent / "briefing"
    if not script.exists():
        script = shutil.which("briefing")
        if script is None:
            pytest.skip("the briefing console script is not installed")
    db = tmp_path / "cli.sqlite"
    env = {**os.environ, paths.ENV_DB: str(db), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(script), "init", "--demo"], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{db}: new store with the demo data (4 people")
    assert done.stderr == ""
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_export_data_onto_the_store_itself_is_refused(capsys, demo_db, suffix):
    before = snapshot(demo_db)
    target = Path(f"{demo_db}{suffix}")
    code, out, err = run(capsys, "--db", demo_db, "export-data", target)
    assert code != 0 and out == ""
    assert one_error_line(err) == (
        f"briefing: {target} is the store itself; export to another file (nothing was written)")
    assert snapshot(demo_db) == before
