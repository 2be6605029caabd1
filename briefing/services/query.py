"""The search box's little language, parsed without ever failing.

    words            all must match (in any field, any script, any spelling)
    "exact phrase"   these words next to each other
    -word, -"phrase" must not match
    this OR that     either (``OR`` in capitals, between two terms)
    prefix*          words starting with ``prefix``

Everything else is a plain word: an unbalanced quote, a bare ``AND``/``OR``/``NOT``,
brackets, ``e-mail`` (the phrase ``e mail``), ``o'neil``, SQL, emoji, NUL bytes.
Words are folded (:func:`briefing.fold.fold`) and split into the tokens the index
holds.  :func:`parse` never raises; a query of nothing but punctuation is empty.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from briefing.fold import fold

MAX_QUERY_CHARS = 2000  # the rest of a longer query is ignored
MAX_TERMS = 32  # terms beyond this are ignored (a pasted paragraph stays fast)
MAX_TOKENS_PER_TERM = 12

# Index tokens: runs of letters and digits (what SQLite's unicode61 tokenizer keeps).
TOKEN = re.compile(r"[^\W_]+")
# Characters that cannot reach SQLite or only confuse: control characters, lone
# surrogates, unassigned code points, and format characters (RLM, ZWJ …).
_DROP_CATEGORIES = {"Cc", "Cs", "Cn", "Co", "Cf"}


def fold_tokens(text: str) -> list[str]:
    """``text`` folded and split into index tokens: ``"Vučić's"`` → ``["vucic", "s"]``."""
    return TOKEN.findall(fold(text))


@dataclass(frozen=True)
class Term:
    """One thing to look for: a word, a phrase or a prefix (tokens are folded)."""

    raw: str  # what the user typed, without quotes, minus or star
    tokens: tuple[str, ...]
    phrase: bool = False  # typed in quotes
    prefix: bool = False  # the last token is a prefix
    negated: bool = False

    @property
    def key(self) -> str:
        """The folded name key (``fold_key``) this term would equal as a whole name."""
        return " ".join(self.tokens)


@dataclass(frozen=True)
class Clause:
    """Alternatives joined by ``OR`` (one term for a plain word)."""

    terms: tuple[Term, ...]

    @property
    def negated(self) -> bool:
        return self.terms[0].negated

    @property
    def single_word(self) -> Term | None:
        """The term, when this clause is one plain, positive, non-prefix word."""
        if len(self.terms) == 1:
            t = self.terms[0]
            if not (t.phrase or t.prefix or t.negated):
                return t
        return None


@dataclass(frozen=True)
class Query:
    text: str
    clauses: tuple[Clause, ...] = field(default_factory=tuple)

    @property
    def positive(self) -> list[Clause]:
        return [c for c in self.clauses if not c.negated]

    @property
    def empty(self) -> bool:
        """Nothing to look for (only exclusions count as nothing)."""
        return not self.positive

    def highlight_terms(self) -> list[Term]:
        return [t for c in self.positive for t in c.terms]


def clean(text) -> str:
    """The query text with characters SQLite or the tokenizer cannot take removed."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[:MAX_QUERY_CHARS]
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        " " if unicodedata.category(ch) in _DROP_CATEGORIES or ch.isspace() else ch
        for ch in text
    )


# --- lexing -----------------------------------------------------------------------------
_OR = object()


def _lex(text: str) -> list:
    """Split into ``_OR`` markers and ``(raw, phrase, negated, prefix)`` tuples."""
    out: list = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated = False
        if ch == "-" and i + 1 < n and not text[i + 1].isspace():
            negated, i = True, i + 1
            ch = text[i]
        if ch == '"':
            end = text.find('"', i + 1)
            if end != -1:
                out.append((text[i + 1:end], True, negated, False))
                i = end + 1
                continue
            i += 1  # unbalanced quote: the rest is plain words
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        word = text[i:j]
        i = j
        if word == "OR" and not negated:
            out.append(_OR)
            continue
        prefix = word.endswith("*")
        out.append((word.rstrip("*"), False, negated, prefix))
    return out


def _term(raw: str, phrase: bool, negated: bool, prefix: bool) -> Term | None:
    tokens = tuple(fold_tokens(raw)[:MAX_TOKENS_PER_TERM])
    if not tokens:
        return None
    # a star only makes a prefix when it follows a letter or digit ("e-ma*", not "ma-*")
    prefix = prefix and bool(TOKEN.search(raw[-1:] or " "))
    return Term(raw=raw, tokens=tokens, phrase=phrase, prefix=prefix, negated=negated)


def parse(text) -> Query:
    """Parse a search-box query; never raises."""
    cleaned = clean(text)
    items = _lex(cleaned)
    clauses: list[list[Term]] = []
    join_next = False  # the previous item was an OR joining the next term
    count = 0
    for k, item in enumerate(items):
        if item is _OR:
            following = items[k + 1] if k + 1 < len(items) else None
            joins = (
                bool(clauses) and not clauses[-1][0].negated and not join_next
                and following is not None and following is not _OR and not following[2]
            )
            if joins:
                join_next = True
                continue
            item = ("OR", False, False, False)  # a bare OR is the word "or"
        term = _term(*item)
        if term is None:
            continue
        if join_next and clauses:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_next = False
        count += 1
        if count >= MAX_TERMS:
            break
    return Query(cleaned, tuple(Clause(tuple(c)) for c in clauses))
