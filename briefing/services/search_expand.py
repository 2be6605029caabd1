"""Widening query words to the people, organisations and countries they name.

A statement by Tokayev holds ``Kassym-Jomart Tokayev`` in its text columns and
``xp12`` in its facets.  A query word that is a word of one of Tokayev's names in
any script (``Tokaev``, ``Токаев``, ``Тоқаев``) is widened to
``(tokaev OR facets:xp12)``; a word or run of words that is a whole name of a
country (``Казахстан``, ``Republic of Serbia``) to ``facets:xckz``.  Country
*words* are not widened (``man`` is not the Isle of Man), nor are codes typed as
words (``in``, ``it``, ``KZ``: use the country filter for those).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from briefing.services.query import Clause, Query, Term
from briefing.services.search_match import Part
from briefing.store import search_queries
from briefing.store.search_index import facet

MOST_NAMED = 10  # a name word shared by more people than this (a first name) is not widened
LONGEST_NAME = 6  # words in the longest run checked against whole names
_FACET_PREFIX = {"person": "p", "organisation": "o", "country": "c"}


def facet_token(entity_kind: str, entity_id) -> str:
    return facet(_FACET_PREFIX[entity_kind], entity_id)


@dataclass
class Plan:
    """The query's parts, ready for :func:`search_match.build`, and the extra
    folded words to highlight (other spellings of the names the query matched)."""

    parts: list[Part]
    highlight_words: set[str] = field(default_factory=set)


def _country_ok(key: str) -> bool:
    """Whole-name country matches, but not two- or three-letter codes typed as words."""
    return " " in key or len(key) > 3


def _similar(word: str, candidates: set[str]) -> set[str]:
    return {c for c in candidates
            if c == word or (c[:1] == word[:1] and difflib.SequenceMatcher(None, word, c).ratio() >= 0.7)}


def _runs(clauses: list[Clause], known: dict) -> dict[int, tuple[int, list]]:
    """Greedy, longest first: runs of single-word clauses spelling a whole name.
    Returns ``{start index: (end index, entities)}`` for runs of two or more words."""
    out: dict[int, tuple[int, list]] = {}
    i = 0
    while i < len(clauses):
        found = None
        for j in range(min(len(clauses), i + LONGEST_NAME), i + 1, -1):
            words = [c.single_word for c in clauses[i:j]]
            if all(words):
                ents = known.get(" ".join(t.key for t in words), [])
                if ents:
                    found = (j, ents)
                    break
        if found:
            out[i] = found
            i = found[0]
        else:
            i += 1
    return out


def _run_keys(clauses: list[Clause]) -> set[str]:
    keys = set()
    for i in range(len(clauses)):
        for j in range(i + 2, min(len(clauses), i + LONGEST_NAME) + 1):
            words = [c.single_word for c in clauses[i:j]]
            if all(words):
                keys.add(" ".join(t.key for t in words))
    return keys


def plan(store, query: Query) -> Plan:
    """Look the query's words up among names (two small indexed queries)."""
    clauses = list(query.clauses)
    terms = [t for c in clauses for t in c.terms if not t.prefix]
    keys = {t.key for t in terms} | _run_keys(clauses)
    tokens = {tok for t in terms if not t.phrase for tok in t.tokens}
    exact = search_queries.named_exactly(store, keys, MOST_NAMED)
    by_token = search_queries.named_by_token(store, tokens, MOST_NAMED)
    matched: dict[tuple[str, str], set[str]] = {}  # entity -> query words that named it

    def entities_for(term: Term) -> list[tuple[str, str]]:
        ents = [(k, i) for k, i in exact.get(term.key, []) if k != "country" or _country_ok(term.key)]
        if not term.phrase:
            per_token = [
                {(k, str(i)) for k, ids in by_token.get(tok, {}).items() for i in ids}
                for tok in term.tokens
            ]
            if per_token and all(per_token):
                ents += sorted(set.intersection(*per_token))
        for e in ents:
            matched.setdefault(e, set()).update(term.tokens)
        return list(dict.fromkeys(ents))

    parts: list[Part] = []
    positive = [c for c in clauses if not c.negated]
    runs = _runs(positive, {k: [e for e in v if e[0] != "country" or _country_ok(k)]
                            for k, v in exact.items()})
    i = 0
    while i < len(positive):
        if i in runs:
            end, ents = runs[i]
            group = tuple(positive[i:end])
            for e in ents:
                matched.setdefault(e, set()).update(t for c in group for t in c.terms[0].tokens)
            term_facets = {c.terms[0]: _facets(entities_for(c.terms[0])) for c in group}
            parts.append(Part(group, _facets(ents), {t: f for t, f in term_facets.items() if f}))
            i = end
            continue
        parts.append(_part(positive[i], entities_for))
        i += 1
    parts += [_part(c, entities_for) for c in clauses if c.negated]
    return Plan(parts, _highlight_words(store, matched))


def _facets(entities) -> tuple[str, ...]:
    return tuple(dict.fromkeys(facet_token(k, i) for k, i in entities))


def _part(clause: Clause, entities_for) -> Part:
    term_facets = {}
    for term in clause.terms:
        if not term.prefix:
            facets = _facets(entities_for(term))
            if facets:
                term_facets[term] = facets
    return Part((clause,), (), term_facets)


def _highlight_words(store, matched: dict[tuple[str, str], set[str]]) -> set[str]:
    """The words of the matched names that look like the query words (``tokayev`` for
    ``Токаев``), so snippets mark the name as the text spells it."""
    if not matched:
        return set()
    words: set[str] = set()
    names = search_queries.alias_words(store, list(matched))
    for entity, query_words in matched.items():
        candidates = {w for name in names.get(entity, []) for w in name.split()}
        for q in query_words:
            words |= _similar(q, candidates)
    return words
