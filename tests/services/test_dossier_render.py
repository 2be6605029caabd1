"""The PDF dossier as a reader sees it: text, marking, page numbers, outline, fonts.

The input is built in memory (``briefing.services.dossier.sample`` mirrors the demo
story: Vučić meets Tokayev, the Niš gas-turbine plant, Əliyev, Тоқаев); the output is
read back with pypdf.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys

import pypdf
import pytest

from briefing.dates import PartialDate
from briefing.domain import (
    AssembledBriefing, AssembledItem, Briefing, BriefingItem, Figure,
    Section, Statement,
)
from briefing.services.dossier import DossierError, render_pdf
from briefing.services.dossier.sample import sample_briefing


def read(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [p.extract_text() for p in read(data).pages]


def flat(text: str) -> str:
    """Whitespace folded to single spaces (line wrapping is not a difference)."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo() -> AssembledBriefing:
    return sample_briefing()


@pytest.fixture(scope="module")
def demo_pdf(demo) -> bytes:
    return render_pdf(demo)


@pytest.fixture(scope="module")
def demo_text(demo_pdf) -> str:
    return flat(" ".join(page_texts(demo_pdf)))


def item_texts(ai: AssembledItem) -> list[str]:
    """The user-visible texts of one item (what must appear verbatim)."""
    out = [ai.item.annotation] if ai.item.annotation else []
    r = ai.record
    if r is None:
        return out + [ai.item.text]
    for name in ("text", "title", "name", "metric", "summary", "purpose", "topic", "place",
                 "speaker_name", "guest_name", "host_name", "office", "occasion", "sector"):
        value = getattr(r, name, "")
        if isinstance(value, str) and value and not (name == "place" and r.kind.value == "agreement"):
            out.append(value)
    out += list(getattr(r, "aliases", []))
    return out


def test_every_included_item_prints_exactly(demo, demo_text):
    for section in demo.sections:
        for ai in section.items:
            if not ai.item.included:
                continue
            for text in item_texts(ai):
                assert flat(text) in demo_text, f"missing from the PDF: {text!r}"


@pytest.mark.parametrize("word", ["Vučić", "Тоқаев", "Niš", "Əliyev", "Вучић", "Қазақстан"])
def test_names_in_every_script_print_exactly(demo_text, word):
    assert word in demo_text


def test_excluded_items_are_absent(demo, demo_text):
    excluded = [ai for s in demo.sections for ai in s.items if not ai.item.included]
    assert excluded, "the sample must exercise an excluded item"
    for ai in excluded:
        assert flat(ai.item.text) not in demo_text


def test_section_with_only_excluded_items_is_left_out():
    a = sample_briefing()
    for ai in a.sections[6].items:  # sensitivities
        ai.item.included = False
    text = flat(" ".join(page_texts(render_pdf(a))))
    assert "Sensitivities" not in text
    assert "does not recognise Kosovo" not in text


def test_removed_record_is_marked(demo_text):
    assert "Olzhas Bektenov on investment funds (removed from the store)" in demo_text


def test_user_markup_prints_literally(demo_text):
    assert "turnover up > 7% & growing <steadily>;" in demo_text
    a = sample_briefing()
    a.briefing.title = "A < B & C <b>"
    a.sections[0].items[0].item.text = "x</para><font size=80>&amp;"
    text = flat(" ".join(page_texts(render_pdf(a))))
    assert "A < B & C <b>" in text
    assert "x</para><font size=80>&amp;" in text


def test_marking_and_title_on_every_page(demo_pdf):
    texts = page_texts(demo_pdf)
    assert len(texts) >= 4
    for n, text in enumerate(texts, start=1):
        assert text.count("RESTRICTED") >= 2, f"page {n} lacks the marking top and bottom"
        assert "Vučić meets Tokayev in Astana" in text, f"page {n} lacks the title"


def test_other_classification_is_printed():
    a = sample_briefing()
    a.briefing.classification = "SECRET"
    for text in page_texts(render_pdf(a)):
        assert text.count("SECRET") >= 2
        assert "RESTRICTED" not in text


def test_page_x_of_y_matches_page_count(demo_pdf):
    texts = page_texts(demo_pdf)
    for n, text in enumerate(texts, start=1):
        found = re.findall(r"Page (\d+) of (\d+)", text)
        assert found == [(str(n), str(len(texts)))]


def outline_titles(reader: pypdf.PdfReader) -> dict[str, int]:
    return {o.title: reader.get_destination_page_number(o) for o in reader.outline}


def test_outline_has_every_section_and_contents_pages_agree(demo, demo_pdf):
    reader = read(demo_pdf)
    outline = outline_titles(reader)
    titles = [s.section.title for s in demo.sections]
    assert len(titles) == 8
    contents = reader.pages[1].extract_text()
    for n, title in enumerate(titles, start=1):
        key = f"{n}  {title}"
        assert key in outline, f"no bookmark for {title}"
        page = outline[key] + 1
        # the contents line "n Title ... page" gives the same page
        assert re.search(rf"^{n}\n{re.escape(title)}\n{page}$", contents, re.M), title
        assert title in reader.pages[page - 1].extract_text()


def test_contents_and_references_are_links(demo_pdf):
    reader = read(demo_pdf)
    contents_links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    assert len(contents_links) == 8
    assert all(a["/Subtype"] == "/Link" and "/Dest" in a for a in contents_links)
    # every [n] reference jumps to the page holding the sources list
    sources_page = next(i for i, t in enumerate(page_texts(demo_pdf)) if "[1] Serbia's Vučić" in t)
    links = [a.get_object() for p in reader.pages[2:] for a in p.get("/Annots", [])]
    refs = [a for a in links if "/Dest" in a]
    assert len(refs) >= 10
    for a in refs:
        assert reader.get_page_number(a["/Dest"][0].get_object()) == sources_page
    # a source URL is a web link to the whole address, even when it wraps
    uris = {a["/A"]["/URI"] for a in links if "/A" in a}
    assert uris == {s.url for s in sample_briefing().sources}


def test_fonts_are_embedded_dejavu(demo_pdf):
    fonts = {}
    for page in read(demo_pdf).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert "DejaVu" in name, f"{name} is not an embedded DejaVu font"
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name


def test_metadata(demo_pdf):
    info = read(demo_pdf).metadata
    assert info.title == "Vučić meets Tokayev in Astana"
    assert info.author == "Desk Officer, Central Asia Division"
    assert "Tokayev" in info.subject and "Astana" in info.subject
    assert "Kazakhstan" in info["/Keywords"] and "RESTRICTED" in info["/Keywords"]
    assert info["/CreationDate"].startswith("D:20251124")


def test_same_briefing_gives_identical_bytes(demo, demo_pdf):
    assert render_pdf(demo) == demo_pdf
    assert render_pdf(sample_briefing()) == demo_pdf


def test_identical_bytes_across_processes(demo_pdf):
    code = ("import hashlib, sys; from briefing.services.dossier import render_pdf;"
            "from briefing.services.dossier.sample import sample_briefing;"
            "print(hashlib.sha256(render_pdf(sample_briefing())).hexdigest())")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == hashlib.sha256(demo_pdf).hexdigest()


def test_letter_size():
    data = render_pdf(sample_briefing(), page_size="Letter")
    box = read(data).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert round(float(read(render_pdf(sample_briefing())).pages[0].mediabox.width)) == 595


def test_unknown_page_size_is_a_clear_error():
    with pytest.raises(DossierError, match="Unknown page size 'A3'"):
        render_pdf(sample_briefing(), page_size="A3")


def test_agreements_table_splits_with_repeated_header():
    a = sample_briefing()
    agreements = next(s for s in a.sections if s.section == Section.AGREEMENTS)
    base = agreements.items[0]
    for n in range(60):
        rec = type(base.record)(**{**base.record.__dict__, "title": f"Protocol number {n}"})
        agreements.items.append(AssembledItem(item=BriefingItem(section="agreements"), record=rec))
    texts = page_texts(render_pdf(a))
    with_rows = [t for t in texts if "Protocol number" in t]
    assert len(with_rows) >= 2
    for t in with_rows:  # header row repeated on every page the table reaches
        assert re.search(r"Agreement\nParties\nSector\nSigned\nStatus", t)
    joined = flat(" ".join(texts))
    assert all(f"Protocol number {n} " in joined for n in range(60))


def test_empty_briefing_still_exports():
    a = AssembledBriefing(briefing=Briefing(title="Empty"))
    texts = page_texts(render_pdf(a))
    assert len(texts) == 2
    assert "has no included items" in texts[1]
    assert all("UNCLASSIFIED" in t or "RESTRICTED" in t for t in texts)


def test_odd_figures_and_missing_fields_do_not_break():
    a = sample_briefing()
    figs = next(s for s in a.sections if s.section == Section.FIGURES)
    for value in (float("nan"), float("inf"), -12.5, None, 0.0):
        figs.items.append(AssembledItem(item=BriefingItem(section="figures"),
                                        record=Figure(metric=f"odd {value}", value=value)))
    a.sections[5].items.append(AssembledItem(item=BriefingItem(section="statements"),
                                             record=Statement(text="No speaker, no date")))
    a.sections[0].items[0].source_numbers = [1, 99, 0]  # numbers without a source
    text = flat(" ".join(page_texts(render_pdf(a))))
    assert "odd nan" in text and "n/a" in text
    assert "No speaker, no date" in text


def test_progress_reports_until_done(demo):
    seen = []
    render_pdf(demo, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_partial_dates_print_at_their_precision():
    a = sample_briefing()
    visit = next(s for s in a.sections if s.section == Section.VISITS).items[2].record
    visit.start, visit.end = PartialDate(2019), PartialDate(2019, 4, approximate=True)
    assert "2019 – c. April 2019" in flat(" ".join(page_texts(render_pdf(a))))
