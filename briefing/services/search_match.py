"""Writing the FTS5 MATCH expression for a parsed query (pure string building).

Every token the user typed reaches FTS5 inside double quotes (quotes doubled), so
nothing the user types is ever read as FTS5 syntax; the operators, brackets and
column filters are ours.  User words are looked for in the text columns only
(``{title names body}``); the hidden ``facets`` column holds the tokens that
name-expansion and filters use (``xp12``, ``xckz``, ``xkstatement`` …).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.services.query import Clause, Term

TEXT_COLUMNS = "{title names body}"


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def term_expr(term: Term) -> str:
    """``{title names body} : "e mail"`` (``*`` after a prefix)."""
    phrase = quote(" ".join(term.tokens))
    return f"{TEXT_COLUMNS} : {phrase}{' *' if term.prefix else ''}"


def facets_expr(tokens) -> str:
    tokens = list(dict.fromkeys(tokens))
    if len(tokens) == 1:
        return f"facets : {quote(tokens[0])}"
    return "facets : (" + " OR ".join(quote(t) for t in tokens) + ")"


@dataclass(frozen=True)
class Part:
    """One AND-ed part of a query: a clause (its terms are alternatives), or several
    single-word clauses that together spell a name (``Republic of Serbia``)."""

    clauses: tuple[Clause, ...]
    facets: tuple[str, ...] = ()  # the part is also satisfied by any of these
    term_facets: dict = field(default_factory=dict)  # Term -> facet tokens

    @property
    def negated(self) -> bool:
        return self.clauses[0].negated

    def expr(self) -> str:
        inner = [self._clause_expr(c) for c in self.clauses]
        if len(inner) == 1:
            body = inner[0]
        else:
            body = "(" + " AND ".join(inner) + ")"
        if self.facets:
            return f"({body} OR {facets_expr(self.facets)})"
        return body

    def _clause_expr(self, clause: Clause) -> str:
        alts = []
        for term in clause.terms:
            alts.append(term_expr(term))
            if self.term_facets.get(term):
                alts.append(facets_expr(self.term_facets[term]))
        return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"


def build(parts: list[Part], filters: list[list[str]]) -> str | None:
    """The whole expression: positive parts and filters AND-ed, negative parts
    excluded.  ``filters`` is a list of facet-token alternatives (each must hold).
    ``None`` when there is nothing positive to look for."""
    positive = [p.expr() for p in parts if not p.negated]
    positive += [facets_expr(f) for f in filters if f]
    if not positive:
        return None
    expr = " AND ".join(positive)
    negative = [p.expr() for p in parts if p.negated]
    if negative:
        expr = f"({expr}) NOT ({' OR '.join(negative)})"
    return expr


def probes(parts: list[Part], filters: list[list[str]] = ()) -> list[str]:
    """Each word of the query, and each country or topic facet it uses, on its own:
    the store checks how common they are (bm25 reads every row holding any of them)."""
    out = []
    facets: list[str] = []
    for part in parts:
        facets += part.facets
        for clause in part.clauses:
            for term in clause.terms:
                facets += part.term_facets.get(term, ())
                for k, tok in enumerate(term.tokens):
                    star = " *" if term.prefix and k == len(term.tokens) - 1 else ""
                    out.append(f"{TEXT_COLUMNS} : {quote(tok)}{star}")
    facets += [f for group in filters for f in group]
    out += [f"facets : {quote(f)}" for f in facets if f[:2] in ("xc", "xt")]
    return list(dict.fromkeys(out))
