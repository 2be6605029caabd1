"""The briefing composer (headless): from a meeting to a draft briefing.

    from briefing.services import composer
    bid = composer.new_briefing(store, title="Meeting with President Tokayev",
                                country="Kazakhstan", person="Tokayev", purpose="trade")
    composer.suggest(store, bid)          # ranked Suggestions, each with .reasons
    composer.add_draft(store, bid)        # take the default draft (again: adds only new ones)
    composer.assemble(store, bid)         # -> AssembledBriefing for the dossier renderer

Modules: ``meeting`` (resolving countries/people, creating a briefing), ``suggestions``
(ranking with reasons), ``profile`` (the counterpart profile text), ``drafting``
(adding suggestions and records to a briefing), ``editing`` (edits that never
overwrite another window's changes, duplicating, trashing), ``assembling``.
"""

from __future__ import annotations

from briefing.services.composer.assembling import assemble
from briefing.services.composer.drafting import (
    SECTION_FOR_KIND, Added, add_draft, add_records, add_text, draft, parse_ref, section_of,
)
from briefing.services.composer.editing import (
    StaleEditError, annotate, duplicate, edit_item, move_item, remove_items, restore_briefing,
    restore_items, set_included, set_text, trash_briefing, update_details,
)
from briefing.services.composer.meeting import (
    ComposerError, Meeting, meeting_of, new_briefing, resolve_country, resolve_person,
)
from briefing.services.composer.profile import PROFILE_REASON, profile_text
from briefing.services.composer.suggestions import Suggestion, purpose_topics, rank, suggest

__all__ = [
    "assemble", "SECTION_FOR_KIND", "Added", "add_draft", "add_records", "add_text", "draft",
    "parse_ref", "section_of", "StaleEditError", "annotate", "duplicate", "edit_item",
    "move_item", "remove_items", "restore_briefing", "restore_items", "set_included",
    "set_text", "trash_briefing", "update_details", "ComposerError", "Meeting", "meeting_of",
    "new_briefing", "resolve_country", "resolve_person", "PROFILE_REASON", "profile_text",
    "Suggestion", "purpose_topics", "rank", "suggest", "briefings", "signature",
]


def briefings(store, *, include_deleted: bool = False):
    """The briefings list (:class:`~briefing.store.composer_briefings.BriefingRow`),
    most recently edited first."""
    from briefing.store import composer_briefings

    return composer_briefings.briefing_rows(store, include_deleted=include_deleted)


def signature(store, briefing_id: int) -> str | None:
    """A digest that changes with any edit of the briefing or its items (``None`` once
    it is gone or trashed): a window polls it to notice edits made elsewhere."""
    from briefing.store import composer_briefings

    return composer_briefings.briefing_signature(store, briefing_id)
