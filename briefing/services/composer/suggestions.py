"""Ranking candidate records for a meeting, each with the reasons it was suggested.

A record scores for involving the counterpart person (most), the counterpart
country, our country, for sharing topics with the meeting's purpose, and for being
recent.  Each section also has a *default*: what the draft takes without asking
(all agreements between the two countries, visits both ways, the latest figures
between them, the counterpart's recent statements and ours on the same topics, the
stances that touch either side, the counterpart's profile, and their sources).
Weights and limits: :mod:`.candidate`; the collecting: :mod:`.ranking`.
"""

from __future__ import annotations

from briefing.domain import Briefing, Kind
from briefing.fold import fold_key
from briefing.services.composer.candidate import (
    DRAFT_STANCES, KIND_ORDER, Suggestion, newer_first,
)
from briefing.services.composer.meeting import Meeting, meeting_of
from briefing.services.composer.ranking import Ranking
from briefing.store import composer_queries as q

__all__ = ["Suggestion", "purpose_topics", "meeting_topics", "rank", "suggest"]


def _words(text: str) -> list[str]:
    return [w for w in fold_key(text).split() if w]


def _word_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and long_.startswith(short)


def purpose_topics(store, purpose: str) -> dict[str, str]:
    """Topics (folded name → name) that the purpose text mentions, allowing plurals
    and other endings (``pharmaceutical`` finds ``pharmaceuticals``)."""
    words = _words(purpose)
    if not words:
        return {}
    out = {}
    for _tid, name, folded in q.all_topics(store):
        tw = folded.split()
        if not tw:
            continue
        for i in range(len(words) - len(tw) + 1):
            if all(_word_match(t, w) for t, w in zip(tw, words[i:i + len(tw)])):
                out[folded] = name
                break
    return out


def meeting_topics(ranking: Ranking, purpose: dict[str, str]) -> dict[str, str]:
    """Topics of the counterpart's side (default agreements, statements, stances) and of
    the purpose: what "ours on the same topics" means."""
    out = dict(purpose)
    for s in ranking.items.values():
        if s.default and s.kind in (Kind.AGREEMENT, Kind.STATEMENT, Kind.STANCE, Kind.VISIT):
            for name in s.topics:
                out.setdefault(fold_key(name), name)
    return out


def rank(store, meeting: Meeting) -> list[Suggestion]:
    """Every candidate for a meeting, best first (ties: newest first)."""
    r = Ranking(store, meeting)
    purpose = purpose_topics(store, meeting.purpose)
    r.agreements()
    between = r.visits()
    stances = r.stances()
    r.figures()
    r.profile()
    r.counterpart_statements(between)
    # "ours on the same topics": the topics of the counterpart's side and the purpose
    r.tag_topics(purpose, {})
    topics = meeting_topics(r, purpose)
    r.our_statements(topics)
    r.tag_topics(purpose, topics)
    for s in stances:  # our stances on the meeting's topics
        if not s.default and any(fold_key(t) in topics for t in s.topics):
            s.default = True
    r.recency()
    r.cap_agreements()
    r.cap(Kind.STANCE, DRAFT_STANCES, key=lambda s: (s.order[0], -s.score, s.record_id))
    r.choose_ours()
    r.sources()
    r.titles()
    out = list(r.items.values())
    out.sort(key=lambda s: (-round(s.score, 6), *newer_first(s), KIND_ORDER[s.kind], s.record_id))
    return out


def suggest(store, briefing: Briefing | int) -> list[Suggestion]:
    """Ranked candidates for a stored briefing (see :func:`rank`)."""
    if not isinstance(briefing, Briefing):
        briefing = store.get(Kind.BRIEFING, int(briefing))
    return rank(store, meeting_of(store, briefing))

