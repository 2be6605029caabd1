"""Direct quotes and their speakers on small texts, one convention at a time, plus
the extraction rules that must never crash on odd input."""

from __future__ import annotations

import time

import pytest

from briefing.services.capture import Gazetteer, capture_text


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.with_countries()


def quotes(text, gaz):
    return [(q.text, q.speaker.name if q.speaker else None) for q in capture_text(text, gaz).quotes]


@pytest.mark.parametrize("text", [
    "“We will build the plant together,” Vučić said.",
    '"We will build the plant together," Vučić said.',
    "«We will build the plant together», Vučić said.",
    "„We will build the plant together“, Vučić said.",
    "“We will build the plant together,\" Vučić said.",
    "\"We will build the plant together,” Vučić said.",
    "“We will build the plant together”, Vučić said.",
])
def test_every_kind_of_quotation_mark(text, gaz):
    assert quotes("Serbian President Aleksandar Vučić spoke in Baku.\n\n" + text, gaz) == [
        ("We will build the plant together", "Aleksandar Vučić")]


@pytest.mark.parametrize("text, speaker", [
    ("“The talks were useful,” said Foreign Minister Murat Nurtleu after the meeting.", "Murat Nurtleu"),
    ("Murat Nurtleu said: “The talks were useful for both sides.”", "Murat Nurtleu"),
    ("“The talks were useful,” Murat Nurtleu added.", "Murat Nurtleu"),
    ("“The talks were useful”, Murat Nurtleu stated during a press conference.", "Murat Nurtleu"),
    ("“The talks were useful,” according to Murat Nurtleu.", "Murat Nurtleu"),
])
def test_speaker_cues_before_and_after(text, speaker, gaz):
    assert quotes(text, gaz) == [("The talks were useful" + (" for both sides." if ":" in text else ""), speaker)]


def test_he_said_means_the_last_named_subject(gaz):
    text = ("Prime Minister Olzhas Bektenov met investors in Astana on Monday.\n\n"
            "“Kazakhstan is open for business,” he said.")
    assert quotes(text, gaz) == [("Kazakhstan is open for business", "Olzhas Bektenov")]


def test_split_quote_and_multi_paragraph_quote(gaz):
    text = ("“We agreed on the route,” Ilham Aliyev said. “The gas will flow next year.”\n\n"
            "“First the pipeline is built. Then we sign the contracts.\n\n"
            "“And then the electricity will be exported to Europe,” Aliyev added.")
    found = capture_text(text, gaz).quotes
    assert [q.speaker.name for q in found] == ["Ilham Aliyev"] * 3
    assert found[1].text == "The gas will flow next year."
    assert "multi-paragraph quote" in found[2].flags
    assert found[2].text.endswith("exported to Europe")


def test_nickname_film_title_and_scare_quotes_are_not_statements(gaz):
    text = ("Indonesian President Joko “Jokowi” Widodo watched “A Most Violent Year” and called "
            "the plan a “loss of control” moment.")
    assert quotes(text, gaz) == []


def test_unattributed_and_unbalanced_quotes_are_flagged_not_fatal(gaz):
    c = capture_text("“Nobody knows what will happen to the talks now.”\n\n"
                     "The minister said “we will see what happens next and then decide\n\n"
                     "Nothing else was said.", gaz)
    flags = [q.flags for q in c.quotes]
    assert ["no attribution"] in flags
    assert any("unclosed quotation mark" in f for f in flags)


def test_no_quotes_mixed_scripts_and_odd_input(gaz):
    assert capture_text("Президент Вучић је посетио Астану. 習近平 visited Belgrade.", gaz).quotes == []
    for text in ["\"", "“”", "„", "«»»«", "\"\"\"\"", "a \" b “ c ” d « e", "said said said",
                 "He said.", "“x” he said", "100% 7% $5 billion 60 companies"]:
        capture_text(text + " Some words to make it text.", gaz)  # never raises


def test_a_megabyte_of_text_is_captured_quickly(gaz):
    para = ("“We put stress on further development of trade,” Tokayev said after the talks. "
            "The trade turnover increased by more than 7% in November 2024.\n\n")
    text = para * (1_000_000 // len(para))
    start = time.perf_counter()
    c = capture_text(text, gaz)
    assert len(c.quotes) == text.count("“")
    assert time.perf_counter() - start < 30  # generous: this is a guard, not a benchmark


def test_a_later_clause_with_its_own_cue_is_not_the_quote_s_speaker(gaz):
    text = ("Gary Burtless, an economist, looked at the data. “Local job markets are lousy,” Burtless said. "
            "“Wages are behaving as though there is still a lot of slack.” Wage gains have been "
            "basically flat for the past several years, he said.")
    assert quotes(text, gaz) == [("Local job markets are lousy", "Gary Burtless"),
                                 ("Wages are behaving as though there is still a lot of slack.",
                                  "Gary Burtless")]


def test_a_term_in_quotes_before_said_that_is_not_a_statement(gaz):
    text = ("When Ron Karenga was asked to distinguish Kawaida from “classical Marxism,” he "
            "essentially said that we also hate them.")
    assert quotes(text, gaz) == []
