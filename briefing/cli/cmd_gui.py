"""``briefing [--db PATH] [gui]``: open the desktop app (the default command).

The default store (no ``--db``, no ``BRIEFING_DB``) is created with the demo data on
first run; a new file named with ``--db`` starts empty, as with every command.
"""

from __future__ import annotations

from briefing.cli import CliError
from briefing.cli.context import is_default_location, store_path


def register(sub) -> None:
    p = sub.add_parser("gui", help="open the desktop app (the default command)",
                       description="Open the Briefing desktop app on the store.")
    p.set_defaults(func=run)


def run(args) -> int:
    from briefing.gui.app import NoDisplayError
    from briefing.gui.app import run as run_app

    try:
        return run_app(store_path(args), demo_if_new=is_default_location(args))
    except NoDisplayError as exc:
        raise CliError(str(exc), 2) from None
