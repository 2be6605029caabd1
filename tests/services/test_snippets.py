"""Snippets show the original text with the query's words marked, whatever the
script or spelling of the query."""

from __future__ import annotations

import unicodedata

from briefing.services.query import parse
from briefing.services.snippets import Highlighter, Marked, snippet


def hl(query, extra=()):
    return Highlighter(parse(query).highlight_terms(), set(extra))


def test_original_spelling_is_marked_for_any_query_spelling():
    text = "Aleksandar Vučić met Tokayev."
    for query in ["vucic", "Вучић", "VUČIĆ"]:
        assert hl(query).mark(text).marked() == "Aleksandar [Vučić] met Tokayev."


def test_phrases_are_marked_whole_and_only_together():
    text = "Trade grew. The trade turnover rose; turnover of trade fell."
    assert hl('"trade turnover"').mark(text).marked() == \
        "Trade grew. The [trade turnover] rose; turnover of trade fell."


def test_prefixes_and_hyphenated_words():
    assert hl("artiller*").mark("self-propelled artillery systems").marked_words == ["artillery"]
    assert hl("self-propelled").mark("Self-propelled guns").marked_words == ["Self-propelled"]


def test_decomposed_letters_are_part_of_the_word():
    text = unicodedata.normalize("NFD", "Vučić said")
    assert hl("vucic").mark(text).marked_words == [unicodedata.normalize("NFD", "Vučić")]


def test_excluded_words_are_not_marked():
    assert hl("trade -gas").mark("trade and gas").marked_words == ["trade"]


def test_other_spellings_of_a_matched_name_are_marked():
    assert hl("Токаев", {"tokayev"}).mark("President Tokayev said").marked_words == ["Tokayev"]


def test_html_is_escaped_around_marks():
    m = Marked("<b>Vučić</b> & co", ((3, 8),))
    assert m.html() == "&lt;b&gt;<b>Vučić</b>&lt;/b&gt; &amp; co"
    assert m.marked("«", "»") == "<b>«Vučić»</b> & co"


def test_long_text_is_cut_around_the_matches():
    text = ("Filler words here. " * 30) + "Vučić spoke about gas. " + ("More filler. " * 30)
    s = snippet(hl("vucic gas"), text, width=120)
    assert s.text.startswith("…") and s.text.endswith("…")
    assert len(s.text) <= 122
    assert s.marked_words == ["Vučić", "gas"]


def test_short_text_is_whole_with_white_space_collapsed():
    s = snippet(hl("gas"), "Gas\n\n  imports   rose.")
    assert s.marked() == "[Gas] imports rose."


def test_the_speaker_heads_the_snippet_when_only_the_name_matched():
    s = snippet(hl("vucic"), "We have laid solid foundations.", lead="Aleksandar Vučić")
    assert s.marked() == "Aleksandar [Vučić]: We have laid solid foundations."
    s = snippet(hl("vucic"), "Vučić thanked his host.", lead="Aleksandar Vučić")
    assert s.marked() == "[Vučić] thanked his host."


def test_no_match_shows_the_beginning():
    s = snippet(hl("zzz"), "word " * 100, width=50)
    assert s.text.startswith("word word") and s.text.endswith("…") and not s.spans
