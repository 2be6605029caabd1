"""Versioned schema migrations: one transaction each, a backup (SQLite backup API)
before an older store is upgraded, and a failed step leaves the store as it was."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from briefing import paths
from briefing.domain import Kind
from briefing.store import Store, StoreError, StoreTooNewError
from briefing.store import migrations
from briefing.store.connection import APPLICATION_ID

SHIPPED = migrations.available()


@pytest.fixture
def migrations_folder(tmp_path, monkeypatch):
    """A private copy of db/migrations that a test can trim or add a broken step to."""
    folder = tmp_path / "migrations"
    folder.mkdir()
    for m in SHIPPED:
        shutil.copy(m.path, folder / m.path.name)
    monkeypatch.setattr(paths, "migrations_dir", lambda: folder)
    return folder


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def make_v1_store(path: Path, folder: Path) -> None:
    """A store written by the first version: only migration 1 applied, one person in it."""
    hidden = []
    for m in SHIPPED[1:]:
        hidden.append(folder / m.path.name)
        (folder / m.path.name).rename(folder / (m.path.name + ".later"))
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrations.migrate(conn, path) == (0, 1, None)
        conn.execute(
            "INSERT INTO people (id, uuid, name, office, created_at, updated_at) VALUES "
            "(1, 'u-vucic', 'Aleksandar Vučić', 'President of Serbia', '2025-01-01T00:00:00Z', "
            "'2025-01-01T00:00:00Z')"
        )
        conn.executemany(
            "INSERT INTO aliases (entity_kind, entity_id, alias, folded) VALUES ('person', '1', ?, ?)",
            [("Aleksandar Vučić", "aleksandar vucic"), ("Вучић", "vucic")],
        )
    finally:
        conn.close()
    for p in hidden:
        (folder / (p.name + ".later")).rename(p)


def test_shipped_migrations_are_numbered_one_to_n():
    assert [m.version for m in SHIPPED] == list(range(1, len(SHIPPED) + 1))
    assert migrations.latest_version() == len(SHIPPED) >= 1
    assert all(m.path.parent == paths.migrations_dir() for m in SHIPPED)


def test_a_gap_in_the_numbering_is_an_error(tmp_path):
    (tmp_path / "0001_initial.sql").write_text("CREATE TABLE a (x);")
    (tmp_path / "0003_later.sql").write_text("CREATE TABLE b (x);")
    with pytest.raises(StoreError, match="not numbered 1..n"):
        migrations.available(tmp_path)


def test_migrate_on_a_raw_connection_brings_an_empty_file_to_the_latest_version(tmp_path):
    path = tmp_path / "raw.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        start, end, backup = migrations.migrate(conn, path)
        assert (start, end, backup) == (0, len(SHIPPED), None)  # nothing to back up yet
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert not conn.in_transaction
        assert migrations.migrate(conn, path) == (len(SHIPPED), len(SHIPPED), None)
    finally:
        conn.close()
    assert list(tmp_path.iterdir()) == [path]


def test_an_older_store_is_backed_up_then_upgraded(tmp_path, migrations_folder):
    if len(SHIPPED) < 2:
        pytest.skip("only one migration ships: nothing to upgrade yet")
    path = tmp_path / "store.sqlite"
    make_v1_store(path, migrations_folder)
    v1_bytes = path.read_bytes()
    assert user_version(path) == 1

    with Store.open(path) as s:
        assert s.schema_version == len(SHIPPED)
        backup = s.backup_path
        (vucic,) = s.people_named("Вучић")
        assert vucic.uuid == "u-vucic" and vucic.office == "President of Serbia"

    assert backup is not None and backup.parent == tmp_path
    assert backup.name.startswith("store.v1-backup-") and backup.name.endswith(".sqlite")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    # the backup is the whole v1 store, readable on its own
    assert user_version(backup) == 1
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM people").fetchall() == [("Aleksandar Vučić",)]
        assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")} \
            == tables_of_bytes(tmp_path, v1_bytes)
    finally:
        conn.close()
    # opening the upgraded store again makes no second backup
    with Store.open(path) as s:
        assert s.backup_path is None
    assert len(list(tmp_path.glob("store.v*-backup-*"))) == 1


def tables_of_bytes(tmp_path: Path, data: bytes) -> set[str]:
    copy = tmp_path / "copy-of-v1.sqlite"
    copy.write_bytes(data)
    try:
        return tables(copy)
    finally:
        copy.unlink()


def test_a_failing_migration_leaves_the_store_at_its_old_version(tmp_path, migrations_folder):
    path = tmp_path / "store.sqlite"
    with Store.open(path) as s:
        s.set_setting("our_country", "RS")
    before_tables = tables(path)
    n = len(SHIPPED) + 1
    (migrations_folder / f"{n:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (x);\n"
        "ALTER TABLE people ADD COLUMN nickname TEXT;\n"
        "INSERT INTO no_such_table VALUES (1);\n"
    )
    with pytest.raises(StoreError) as info:
        Store.open(path)
    msg = str(info.value)
    assert f"upgrading the store to version {n} (broken) failed" in msg
    assert "no such table" in msg
    assert f"left at version {len(SHIPPED)}" in msg
    # nothing of the failed step remains
    assert user_version(path) == len(SHIPPED)
    assert tables(path) == before_tables
    conn = sqlite3.connect(path)
    try:
        assert "nickname" not in {r[1] for r in conn.execute("PRAGMA table_info(people)")}
    finally:
        conn.close()
    # a backup was taken before trying
    (backup,) = tmp_path.glob(f"store.v{len(SHIPPED)}-backup-*.sqlite")
    assert user_version(backup) == len(SHIPPED)
    # with the broken step gone, the store opens as before
    (migrations_folder / f"{n:04d}_broken.sql").unlink()
    with Store.open(path) as s:
        assert s.get_setting("our_country") == "RS"


def test_steps_before_a_failing_one_stay_applied(tmp_path, migrations_folder):
    if len(SHIPPED) < 2:
        pytest.skip("only one migration ships")
    path = tmp_path / "store.sqlite"
    make_v1_store(path, migrations_folder)
    n = len(SHIPPED) + 1
    (migrations_folder / f"{n:04d}_broken.sql").write_text("SELECT * FROM no_such_table;")
    with pytest.raises(StoreError, match=f"left at version {len(SHIPPED)}"):
        Store.open(path)
    assert user_version(path) == len(SHIPPED)  # steps 2..n each committed on their own


def test_migrate_refuses_a_newer_store_on_a_raw_connection(tmp_path):
    path = tmp_path / "store.sqlite"
    Store.open(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA user_version = {len(SHIPPED) + 5}")
        with pytest.raises(StoreTooNewError, match="newer version of Briefing"):
            migrations.migrate(conn, path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(SHIPPED) + 5
    finally:
        conn.close()


def test_a_read_only_older_store_is_refused_not_upgraded(tmp_path, migrations_folder):
    if len(SHIPPED) < 2:
        pytest.skip("only one migration ships")
    path = tmp_path / "store.sqlite"
    make_v1_store(path, migrations_folder)
    path.chmod(0o400)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="read-only and needs an upgrade"):
        Store.open(path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*backup*"))


def test_backup_to_makes_a_private_consistent_copy(demo_store, tmp_path):
    target = demo_store.backup_to(tmp_path / "copy.sqlite")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with Store.open(target, readonly=True) as copy:
        assert copy.counts() == demo_store.counts()
        assert copy.count(Kind.STATEMENT) == 9


def test_retrying_a_failed_upgrade_at_once_fails_the_same_clear_way(tmp_path, migrations_folder):
    path = tmp_path / "store.sqlite"
    Store.open(path).close()
    n = len(SHIPPED) + 1
    (migrations_folder / f"{n:04d}_broken.sql").write_text("SELECT * FROM no_such_table;")
    for _ in range(3):  # within the same second: backups must not collide
        with pytest.raises(StoreError, match=f"left at version {len(SHIPPED)}"):
            Store.open(path)
    assert user_version(path) == len(SHIPPED)
