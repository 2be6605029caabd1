"""The query language, and that no input makes parsing or searching fail."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.services.query import MAX_TERMS, parse
from briefing.services.search import search


def shape(text):
    """``[[(tokens, phrase, prefix, negated), …alternatives], …clauses]``."""
    return [[(t.tokens, t.phrase, t.prefix, t.negated) for t in c.terms] for c in parse(text).clauses]


def w(*tokens, phrase=False, prefix=False, negated=False):
    return [(tuple(tokens), phrase, prefix, negated)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Vučić Tokayev", [w("vucic"), w("tokayev")]),
    ('"trade turnover" rose', [w("trade", "turnover", phrase=True), w("rose")]),
    ("trade -turnover", [w("trade"), w("turnover", negated=True)]),
    ('gas -"power plant"', [w("gas"), w("power", "plant", phrase=True, negated=True)]),
    ("artiller*", [w("artiller", prefix=True)]),
    ("Aliyev OR Tokayev visit", [w("aliyev") + w("tokayev"), w("visit")]),
    ("e-mail", [w("e", "mail")]),
    ("o'neil", [w("o", "neil")]),
    ('"unbalanced quote', [w("unbalanced"), w("quote")]),
    ("OR", [w("or")]),
    ("AND NOT", [w("and"), w("not")]),
    ("trade OR", [w("trade"), w("or")]),
    ("-a OR b", [w("a", negated=True), w("or"), w("b")]),
    ("'; DROP TABLE statements; --", [w("drop"), w("table"), w("statements")]),
    ("(", []), ("", []), ("   \t\n", []), ("*", []), ("-", []), ('""', []), ("🙂", []),
    ("x\x00y", [w("x"), w("y")]),
])
def test_parsing(text, expected):
    assert shape(text) == expected


def test_a_pasted_essay_is_cut_to_a_bounded_number_of_terms():
    assert len(parse("word " * 5000).clauses) <= MAX_TERMS


def test_only_exclusions_is_empty():
    assert parse("-trade -gas").empty


NASTY = [
    "", " ", "\t\n", '"', '""', '"""', "'", "(", ")", "()", "*", "**", "-", "--", "- -", "-*",
    "AND", "OR", "NOT", "AND OR NOT", "NEAR", "NEAR(a b)", "a NEAR/2 b", "^a", "a:b", "title:x",
    "{title}: x", "facets:xp1", "xp1", "xk*", "x*", "e-mail", "o'neil", "a\"b", "a'b",
    "'; DROP TABLE statements; --", "Robert'); DROP TABLE students;--", "\x00", "a\x00b",
    "\ud800", "🙂🙂", "👨‍👩‍👧", "مرحبا بالعالم", "שלום", "\u202eevil", "ŉ", "ǅ", "ﬁ", "Ⅻ",
    "a" * 10_000, "Vučić " * 2000, "x" * 10_000 + "*", '"' + "a " * 3000,
    "OR OR OR", "a OR OR b", "-a OR -b", "- a", "a -", "\\", "%", "_", "?", "[a]", "{a}",
]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_nasty_queries_never_fail(demo_store, text):
    page = search(demo_store, text)
    assert page.problem == ""
    assert isinstance(page.hits, list)


def test_empty_queries_give_no_results(demo_store):
    for text in ["", "   ", "-trade", "(", "*"]:
        assert search(demo_store, text).hits == []


def test_sql_in_the_query_is_just_words(demo_store):
    search(demo_store, "'; DROP TABLE statements; --")
    assert demo_store.count("statement") == 9
    assert search(demo_store, "statements").problem == ""


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(), max_size=200)
       | st.lists(st.sampled_from(['"', "-", "*", "OR", "AND", "NOT", "(", ")", " ", "Vučić",
                                   "Вучић", "trade", "e-mail", ":", "^", "{", "}", "\x00", "🙂"]),
                  max_size=20).map("".join))
def test_any_text_is_a_query(demo_store, text):
    parse(text)
    page = search(demo_store, text)
    assert page.problem == ""
    for hit in page.hits:
        assert all(0 <= s < e <= len(hit.snippet.text) for s, e in hit.snippet.spans)
