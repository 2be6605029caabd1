"""Opening a store file safely: anything that is not a healthy Briefing store gives a
clear message and is left exactly as it was; new stores are private, WAL, with
foreign keys on."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from briefing.domain import Kind, Person
from briefing.store import (
    Store, StoreCorruptError, StoreError, StoreLockedError, StoreOpenError, StoreReadOnlyError,
    StoreTooNewError,
)
from briefing.store import connection, migrations


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in a folder with its bytes (to prove nothing was touched)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def fast_busy_timeout(monkeypatch):
    """Wait 0.3 s (not 4 s) for a lock before giving up, to keep the tests quick."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)


@pytest.fixture
def saved_store(tmp_path, empty_store_template) -> Path:
    """A closed store with one person in it, alone in its own folder."""
    folder = tmp_path / "saved"
    folder.mkdir()
    path = folder / "store.sqlite"
    path.write_bytes(empty_store_template.read_bytes())
    os.chmod(path, 0o600)
    with Store.open(path) as s:
        s.add(Person(name="Aleksandar Vučić", aliases=["Вучић"]))
    assert not Path(f"{path}-wal").exists()  # closed cleanly: one file
    return path


def refused(path: Path, error=StoreOpenError) -> str:
    folder = path.parent if not path.is_dir() else path
    before = snapshot(folder)
    with pytest.raises(error) as info:
        Store.open(path)
    assert snapshot(folder) == before, "a refused file must be left exactly as it was"
    msg = str(info.value)
    assert str(path) in msg and "\n" not in msg and "Traceback" not in msg
    return msg


# --- files that are not Briefing stores ---------------------------------------------------
def test_a_text_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Meeting notes: Vučić, Tokayev\n", encoding="utf-8")
    msg = refused(path, StoreCorruptError)
    assert "not a Briefing store" in msg and "not a SQLite database" in msg


def test_an_empty_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.touch()
    assert "empty file" in refused(path, StoreCorruptError)


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    (folder / "inside.txt").write_text("x")
    assert "is a folder" in refused(folder)
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]


def test_a_truncated_store_is_refused_and_untouched(saved_store):
    data = saved_store.read_bytes()
    assert len(data) > 8192
    saved_store.write_bytes(data[: len(data) // 2])
    msg = refused(saved_store, StoreCorruptError)
    assert "damaged" in msg and "truncated" in msg


def test_a_store_cut_inside_its_header_is_refused(saved_store):
    saved_store.write_bytes(saved_store.read_bytes()[:60])
    msg = refused(saved_store, StoreCorruptError)
    assert "damaged" in msg


def test_a_store_with_garbage_pages_is_refused_and_untouched(saved_store):
    data = bytearray(saved_store.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for n in range(1, len(data) // page):  # every page but the first
        data[n * page:(n + 1) * page] = bytes([0xA5]) * page
    saved_store.write_bytes(bytes(data))
    assert "damaged" in refused(saved_store, StoreCorruptError)


def test_another_programs_sqlite_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "places.sqlite"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        other.execute("INSERT INTO moz_places (url) VALUES ('https://news.az')")
    other.close()
    assert "another program" in refused(path)


def test_a_database_marked_by_another_application_is_refused(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("PRAGMA application_id = 1234")
    other.execute("PRAGMA user_version = 1")
    other.close()
    assert "another program" in refused(path)


def test_a_store_from_a_newer_briefing_is_refused_and_untouched(saved_store):
    newer = migrations.latest_version() + 1
    raw = sqlite3.connect(saved_store)
    raw.execute(f"PRAGMA user_version = {newer}")
    raw.close()
    msg = refused(saved_store, StoreTooNewError)
    assert "newer version of Briefing" in msg
    assert f"store version {newer}" in msg and "update Briefing" in msg
    with pytest.raises(StoreTooNewError):
        Store.open(saved_store, readonly=True)


def test_a_missing_file_with_create_false_is_refused(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "nothing.sqlite", create=False)
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "nothing.sqlite", readonly=True)
    assert list(tmp_path.iterdir()) == []


# --- read-only files ------------------------------------------------------------------------
def test_a_read_only_file_opens_read_only_and_refuses_writes(saved_store):
    os.chmod(saved_store, 0o400)
    before = saved_store.read_bytes()
    with Store.open(saved_store) as s:
        assert s.readonly
        (vucic,) = s.people_named("Vucic")
        assert vucic.name == "Aleksandar Vučić"
        with pytest.raises(StoreReadOnlyError, match="read-only; nothing was changed"):
            s.add(Person(name="Kassym-Jomart Tokayev"))
        vucic.office = "President of Serbia"
        with pytest.raises(StoreReadOnlyError):
            s.update(vucic)
        with pytest.raises(StoreReadOnlyError):
            s.trash(Kind.PERSON, vucic.id)
        assert s.count(Kind.PERSON) == 1
    assert saved_store.read_bytes() == before
    assert stat.S_IMODE(saved_store.stat().st_mode) == 0o400


def test_asking_for_read_only_gives_a_read_only_store(saved_store):
    before = saved_store.read_bytes()
    with Store.open(saved_store, readonly=True) as s:
        assert s.readonly and s.count(Kind.PERSON) == 1
        with pytest.raises(StoreReadOnlyError):
            s.set_setting("our_country", "RS")
    assert saved_store.read_bytes() == before


# --- locks --------------------------------------------------------------------------------
def test_a_store_locked_by_another_program_gives_a_clear_message(saved_store, fast_busy_timeout):
    other = sqlite3.connect(saved_store, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO settings (key, value) VALUES ('other', 'program')")
    before = saved_store.read_bytes()
    try:
        with pytest.raises(StoreLockedError) as info:
            Store.open(saved_store)
        assert "locked by another program" in str(info.value)
        assert saved_store.read_bytes() == before
    finally:
        other.execute("COMMIT")
        other.close()
    with Store.open(saved_store) as s:  # usable again once the other program lets go
        assert s.count(Kind.PERSON) == 1 and s.get_setting("other") == "program"


def test_a_write_while_another_connection_holds_an_exclusive_transaction(saved_store,
                                                                         fast_busy_timeout):
    other = sqlite3.connect(saved_store, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with Store.open(saved_store) as s:  # WAL: readers are not blocked
            assert s.count(Kind.PERSON) == 1
            seen = []
            s.on_change(seen.append)
            with pytest.raises(StoreLockedError, match="busy with another writer"):
                s.add(Person(name="Ilham Aliyev"))
            assert seen == []
            other.execute("COMMIT")
            s.add(Person(name="Ilham Aliyev"))
            assert s.count(Kind.PERSON) == 2
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


# --- new stores ---------------------------------------------------------------------------
def test_new_store_files_are_readable_by_their_owner_only(tmp_path):
    path = tmp_path / "deep" / "er" / "store.sqlite"
    old = os.umask(0o022)
    try:
        Store.open(path).close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_new_store_is_wal_with_foreign_keys_on_and_at_the_latest_version(store_path):
    with Store.open(store_path) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.schema_version == migrations.latest_version()
        assert s.conn.execute("PRAGMA application_id").fetchone()[0] == connection.APPLICATION_ID
        assert s.backup_path is None  # nothing to back up in a new store
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            s.conn.execute(
                "INSERT INTO people (uuid, name, country, created_at, updated_at) "
                "VALUES ('u', 'x', 'ZZ', '', '')"
            )
        assert s.country("Србија").code == "RS"
    # the setting survives reopening: a reopened store is WAL too
    with Store.open(store_path) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_store_opened_again_is_the_same_store(store_path):
    with Store.open(store_path) as s:
        pid = s.add(Person(name="Olzhas Bektenov"))
    with Store.open(store_path) as s:
        assert s.get(Kind.PERSON, pid).name == "Olzhas Bektenov"
        assert s.backup_path is None  # no upgrade, no backup
    assert sorted(p.name for p in store_path.parent.iterdir()) == ["store.sqlite"]


def test_clone_gives_a_second_connection_to_the_same_file(store):
    other = store.clone()
    try:
        pid = store.add(Person(name="Ilham Aliyev"))
        assert other.get(Kind.PERSON, pid).name == "Ilham Aliyev"
        assert other.conn is not store.conn
    finally:
        other.close()


@pytest.mark.parametrize("folder", ["50% done", "50%20done", "a#b?c", "Вучић & Тоқаев"])
def test_a_store_in_a_folder_with_url_characters_reopens(tmp_path, empty_store_template, folder):
    path = tmp_path / folder / "store.sqlite"
    path.parent.mkdir()
    path.write_bytes(empty_store_template.read_bytes())
    with Store.open(path) as s:
        s.add(Person(name="Ilham Aliyev"))
    with Store.open(path) as s:
        assert s.count(Kind.PERSON) == 1
    with Store.open(path, readonly=True) as s:
        assert s.count(Kind.PERSON) == 1
