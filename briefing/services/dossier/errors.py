"""The one exception the dossier raises: a plain-language message for the user."""

from __future__ import annotations


class DossierError(Exception):
    """The dossier could not be built or written; ``str(err)`` says why in plain words."""
