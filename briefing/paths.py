"""Where things are: the default store, ``db/`` and ``resources/`` (no Qt).

In a checkout ``db/`` and ``resources/`` sit beside the package; in an installed
wheel they are shipped inside it as ``briefing/_data/db`` and
``briefing/_data/resources`` (see ``pyproject.toml``).  This is the one place that
knows.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_ID = "briefing"
ENV_DB = "BRIEFING_DB"

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE / "_data" / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def db_dir() -> Path:
    """The top-level ``db/`` folder: migrations and the demo bundle."""
    return _shipped("db")


def migrations_dir() -> Path:
    return db_dir() / "migrations"


def demo_bundle() -> Path:
    return db_dir() / "demo" / "demo-bundle.json"


def resources_dir() -> Path:
    return _shipped("resources")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def data_dir() -> Path:
    """The user's data folder for Briefing (platformdirs), not created here."""
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def default_store_path() -> Path:
    """``$BRIEFING_DB`` if set, else ``<user data folder>/briefing.sqlite``."""
    env = os.environ.get(ENV_DB, "").strip()
    if env:
        return Path(env).expanduser()
    return data_dir() / "briefing.sqlite"
