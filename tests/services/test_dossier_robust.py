"""Whatever users type, the export does not break: markup characters, emoji, 5 000-
character words, right-to-left scripts, control characters."""

from __future__ import annotations

import io
import re

import pypdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.domain import Section
from briefing.services.dossier import render_pdf
from briefing.services.dossier.sample import sample_briefing

NASTY = [
    "A < B & C <b>", "</para>", "<font size=80>", "&amp;&#0;&bogus;", "]]>", '"quoted" \'x\'',
    "😀👍🏽🇷🇸 family: 👨‍👩‍👧", "שלום עולם", "مرحبا بالعالم", "Вучић Тоқаев Əliyev Niš",
    "x" * 5000, "https://example.org/" + "a/" * 600, "\x00\x07\x1b\x7f", "tab\there\r\nnew",
    "\u202eRLO\u202c \u200f\u200e", "e\u0301\u0301\u0301", "\ufeff\ufffe\uffff", "中文 日本語 한국어",
    " ", "",
]

user_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=120),
    st.lists(st.sampled_from(NASTY[:10]), min_size=1, max_size=4).map(" ".join),
)


def pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def assert_sound(data: bytes) -> list[str]:
    texts = pages(data)
    assert len(texts) >= 2
    for n, text in enumerate(texts, start=1):
        assert f"Page {n} of {len(texts)}" in text
    return texts


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=user_text, point=user_text, note=user_text, quote=user_text, name=user_text,
       other=user_text)
def test_any_user_text_exports(title, point, note, quote, name, other):
    a = sample_briefing()
    b = a.briefing
    b.title, b.author, b.place, b.classification, b.purpose = title, name, other, other, note
    sec = {s.section: s for s in a.sections}
    sec[Section.TALKING_POINTS].items[0].item.text = point
    sec[Section.TALKING_POINTS].items[1].item.annotation = note
    st_rec = sec[Section.STATEMENTS].items[0].record
    st_rec.text, st_rec.speaker_name, st_rec.occasion = quote, name, other
    ag = sec[Section.AGREEMENTS].items[0].record
    ag.title, ag.sector, ag.status, ag.parties[0].name = other, note, name, quote
    vis = sec[Section.VISITS].items[0].record
    vis.place, vis.guest_name, vis.visit_kind = name, other, note
    fig = sec[Section.FIGURES].items[0].record
    fig.metric, fig.unit, fig.qualifier = quote, name, other
    stance = sec[Section.SENSITIVITIES].items[0].record
    stance.topic, stance.text = other, point
    person = sec[Section.PROFILE].items[0].record
    a.counterpart = person
    person.name, person.aliases = name, [other, quote]
    a.sources[0].title, a.sources[0].url, a.sources[0].outlet = note, other, name
    a.country_names["KZ"] = other
    assert_sound(render_pdf(a))


def test_long_words_wrap_and_print_whole():
    word = "Ж" * 5000
    a = sample_briefing()
    a.sections[0].items[0].item.text = word
    a.sources[0].url = "https://example.org/" + "segment/" * 100
    texts = assert_sound(render_pdf(a))
    body = "".join("".join(t.split("\n")[5:]) for t in texts)  # without running heads
    assert body.count("Ж") == 5000
    assert "segment/" * 100 in "".join("".join(t.split()) for t in texts)


def test_right_to_left_and_emoji_do_not_break_the_text_around_them():
    a = sample_briefing()
    a.sections[0].items[0].item.text = "Talks 😀 went well: שלום and مرحبا"
    a.sections[5].items[0].record.text = "Quote in Hebrew שלום עולם"  # serif falls back to Sans
    text = " ".join(" ".join(t.split()) for t in assert_sound(render_pdf(a)))
    assert "Talks \ufffd went well:" in text and "Quote in Hebrew" in text
    # without a bidi library ReportLab keeps logical order; pypdf may reverse RTL words
    for word in ("שלום", "עולם", "مرحبا"):
        assert word in text or word[::-1] in text, word


def test_control_characters_are_dropped_and_newlines_kept():
    a = sample_briefing()
    a.sections[0].items[0].item.text = "first line\nsecond\x00 line\x07"
    texts = assert_sound(render_pdf(a))
    assert re.search(r"first line\nsecond line", "\n".join(texts))
