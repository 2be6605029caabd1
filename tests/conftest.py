"""Shared fixtures.  Real temporary SQLite files, never mocks.

Other test areas append their fixtures below; keep each one small and documented.

Creating a store loads the whole country list (~0.4 s), so the ``store`` and
``demo_store`` fixtures copy a store file made once per test session.  Tests about
creating or opening store files call ``Store.open`` themselves.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefing.services.demo import create_demo_store
from briefing.store import Store


def _copy_store(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    os.chmod(target, 0o600)
    return target


@pytest.fixture(scope="session")
def empty_store_template(tmp_path_factory) -> Path:
    """A closed, empty store file made once per session (copy it; don't write to it)."""
    path = tmp_path_factory.mktemp("templates") / "empty.sqlite"
    Store.open(path).close()
    return path


@pytest.fixture(scope="session")
def demo_store_template(tmp_path_factory) -> Path:
    """A closed demo store file made once per session (copy it; don't write to it)."""
    path = tmp_path_factory.mktemp("templates") / "demo.sqlite"
    create_demo_store(path).close()
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """Where a test's store file lives (not created yet)."""
    return tmp_path / "store.sqlite"


@pytest.fixture
def store(store_path: Path, empty_store_template: Path):
    """A new, empty store in a temporary folder (closed after the test)."""
    s = Store.open(_copy_store(empty_store_template, store_path))
    yield s
    s.close()


@pytest.fixture
def demo_store(tmp_path: Path, demo_store_template: Path):
    """A new store holding the demo data (the seed article's facts), closed after the test."""
    s = Store.open(_copy_store(demo_store_template, tmp_path / "demo.sqlite"))
    yield s
    s.close()
