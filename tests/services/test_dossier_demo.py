"""The REAL demo briefings, made through the composer on a demo store and exported:
what a desk officer exports is what the reader gets.

"Vučić meets Tokayev in Astana" (our country RS, counterpart KZ / Tokayev): the
default draft, a talking point with markup characters, an annotation, two items
unticked; and the Aliyev briefing (counterpart AZ), whose agreement names Niš and
whose counterpart is also written Əliyev.  Read back with pypdf.
"""

from __future__ import annotations

import errno
import re
import shutil

import pypdf
import pytest

from briefing.domain import AssembledBriefing, AssembledItem, Kind, Section
from briefing.services import composer
from briefing.services.dossier import DossierError, render_pdf, write_pdf, writer
from briefing.store import Store

POINT = "Thank him for Kazakhstan's position on Kosovo <firmly> & warmly"
NOTE = "Ask about the timetable for the Astana investment-fund deals"
DROPPED_STATEMENT = "There's a lot for us to see and learn here"
DROPPED_AGREEMENT = "Localisation of Serbian pharmaceutical production"


def flat(text: str) -> str:
    return " ".join(text.split())


def pages(path_or_bytes) -> list[str]:
    return [p.extract_text() for p in reader(path_or_bytes).pages]


def reader(path_or_bytes) -> pypdf.PdfReader:
    if isinstance(path_or_bytes, bytes):
        import io

        return pypdf.PdfReader(io.BytesIO(path_or_bytes))
    return pypdf.PdfReader(path_or_bytes)


def item_texts(ai: AssembledItem) -> list[str]:
    """What the reader must find verbatim for one included item."""
    out = [ai.item.annotation] if ai.item.annotation else []
    r = ai.record
    if r is None:
        return out + [ai.item.text]
    fields = {
        Kind.STATEMENT: ("text", "speaker_name", "context"),
        Kind.AGREEMENT: ("title", "summary", "sector"),
        Kind.VISIT: ("purpose", "place", "guest_name", "host_name"),
        Kind.FIGURE: ("metric",),
        Kind.PERSON: ("name", "office"),
        Kind.STANCE: ("text", "topic"),
        Kind.SOURCE: ("title",),
        Kind.ORGANISATION: ("name",),
    }[r.kind]
    out += [getattr(r, f) for f in fields if getattr(r, f, "")]
    return out + list(getattr(r, "aliases", []))


def find_item(assembled: AssembledBriefing, start: str) -> int:
    for sec in assembled.sections:
        for ai in sec.items:
            r = ai.record
            if (r is not None and (getattr(r, "text", "") or getattr(r, "title", "") or "")
                    .startswith(start)):
                return ai.item.id
    raise AssertionError(f"no item starting {start!r}")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, demo_store_template):
    """The demo store with both briefings drafted and edited (made once per module)."""
    path = tmp_path_factory.mktemp("dossier-demo") / "store.sqlite"
    shutil.copyfile(demo_store_template, path)
    with Store.open(path) as store:
        kz = composer.new_briefing(store, title="Vučić meets Tokayev in Astana", country="KZ",
                                   our_country="RS", person="Tokayev", place="Astana",
                                   date="2026-12-08", purpose="Trade, energy and investment",
                                   author="Central Asia Desk")
        composer.add_draft(store, kz)
        composer.add_text(store, kz, POINT)
        a = composer.assemble(store, kz)
        composer.annotate(store, find_item(a, "Deals with Kazakhstan's largest"), NOTE)
        composer.set_included(store, find_item(a, DROPPED_STATEMENT), False)
        composer.set_included(store, find_item(a, DROPPED_AGREEMENT), False)
        az = composer.new_briefing(store, title="Aliyev in Belgrade: the Niš power plant",
                                   country="AZ", our_country="RS", person="Aliyev")
        composer.add_draft(store, az)
    return path, kz, az


@pytest.fixture(scope="module")
def tokayev(demo_db) -> AssembledBriefing:
    path, kz, _ = demo_db
    with Store.open(path, readonly=True) as store:
        return composer.assemble(store, kz)


@pytest.fixture(scope="module")
def aliyev(demo_db) -> AssembledBriefing:
    path, _, az = demo_db
    with Store.open(path, readonly=True) as store:
        return composer.assemble(store, az)


@pytest.fixture(scope="module")
def tokayev_pdf(tokayev, tmp_path_factory):
    return write_pdf(tokayev, tmp_path_factory.mktemp("out") / "tokayev.pdf").read_bytes()


@pytest.fixture(scope="module")
def tokayev_pages(tokayev_pdf) -> list[str]:
    return pages(tokayev_pdf)


def body_text(texts: list[str]) -> str:
    """The pages' text without the running head and foot (drawn before the body, up to
    "Page X of Y"), so a quote that continues overleaf reads as one."""
    total = len(texts)
    return flat(" ".join(t.split(f"Page {n} of {total}\n", 1)[-1]
                         for n, t in enumerate(texts, start=1)))


@pytest.fixture(scope="module")
def tokayev_text(tokayev_pages) -> str:
    return body_text(tokayev_pages)


def test_the_briefing_is_the_real_draft(tokayev):
    kinds = {ai.record.kind for s in tokayev.sections for ai in s.items if ai.record}
    assert {Kind.PERSON, Kind.FIGURE, Kind.VISIT, Kind.AGREEMENT, Kind.STATEMENT,
            Kind.STANCE} <= kinds
    excluded = [ai for s in tokayev.sections for ai in s.items if not ai.item.included]
    assert len(excluded) == 2


def test_every_included_item_prints_exactly(tokayev, tokayev_text):
    checked = 0
    for section in tokayev.sections:
        for ai in section.items:
            if ai.item.included:
                for text in item_texts(ai):
                    assert flat(text) in tokayev_text, f"missing from the PDF: {text!r}"
                    checked += 1
    assert checked >= 40
    assert POINT in tokayev_text and NOTE in tokayev_text


@pytest.mark.parametrize("word", ["Vučić", "Тоқаев", "Қасым-Жомарт Тоқаев", "Kassym-Jomart Tokayev",
                                  "Kazakhstan–Serbia"])
def test_names_print_exactly(tokayev_text, word):
    assert word in tokayev_text


def test_excluded_items_are_absent(tokayev_text):
    assert DROPPED_STATEMENT not in tokayev_text
    assert DROPPED_AGREEMENT not in tokayev_text
    assert "pharmaceutical" not in tokayev_text


def test_marking_and_title_on_every_page(tokayev_pages):
    assert len(tokayev_pages) >= 5
    for n, text in enumerate(tokayev_pages, start=1):
        assert text.count("RESTRICTED") >= 2, f"page {n} lacks the marking top and bottom"
        assert "Vučić meets Tokayev in Astana" in text, f"page {n} lacks the title"


def test_page_x_of_y_matches_the_page_count(tokayev_pdf, tokayev_pages):
    total = len(reader(tokayev_pdf).pages)
    for n, text in enumerate(tokayev_pages, start=1):
        assert re.findall(r"Page (\d+) of (\d+)", text) == [(str(n), str(total))]


def test_outline_has_every_section_on_its_page(tokayev, tokayev_pdf, tokayev_pages):
    r = reader(tokayev_pdf)
    outline = {o.title: r.get_destination_page_number(o) for o in r.outline}
    printed = [s.title for s in tokayev.sections
               if any(ai.item.included for ai in s.items)]
    assert printed[0] == Section.TALKING_POINTS.title and printed[-1] == Section.SOURCES.title
    assert list(outline) == ["Contents"] + [f"{n}  {t}" for n, t in enumerate(printed, 1)]
    contents = tokayev_pages[1]
    for n, title in enumerate(printed, start=1):
        page = outline[f"{n}  {title}"] + 1
        assert title in tokayev_pages[page - 1]
        assert re.search(rf"^{n}\n{re.escape(title)}\n{page}$", contents, re.M), title


def test_cover_names_the_meeting(tokayev_pages):
    cover = flat(tokayev_pages[0])
    for text in ("Vučić meets Tokayev in Astana", "Trade, energy and investment",
                 "Kassym-Jomart Tokayev, President of Kazakhstan", "Astana", "8 December 2026",
                 "Serbia", "Central Asia Desk", "RESTRICTED"):
        assert text in cover, text


def test_fonts_are_embedded(tokayev_pdf):
    fonts = {}
    for page in reader(tokayev_pdf).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert len(fonts) >= 3
    for name, font in fonts.items():
        assert "DejaVu" in name, name
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{name} not embedded"


def test_two_exports_are_byte_identical(demo_db, tokayev, tokayev_pdf, tmp_path):
    again = write_pdf(tokayev, tmp_path / "again.pdf").read_bytes()
    assert again == tokayev_pdf
    path, kz, _ = demo_db
    with Store.open(path, readonly=True) as store:  # assembled afresh from the store
        assert render_pdf(composer.assemble(store, kz)) == tokayev_pdf


def test_aliyev_briefing_prints_nis_and_eliyev(aliyev):
    texts = pages(render_pdf(aliyev))
    text = body_text(texts)
    for word in ("Niš", "Əliyev", "İlham Əliyev", "Vučić", "Aliyev in Belgrade: the Niš power plant"):
        assert word in text, word
    for section in aliyev.sections:
        for ai in section.items:
            for item_text in item_texts(ai):
                assert flat(item_text) in text, f"missing from the PDF: {item_text!r}"
    for n, page in enumerate(texts, start=1):
        assert page.count("RESTRICTED") >= 2 and f"Page {n} of {len(texts)}" in page


def test_failed_export_leaves_the_previous_file_intact(tokayev, aliyev, tmp_path, monkeypatch):
    target = tmp_path / "dossier.pdf"
    first = write_pdf(tokayev, target).read_bytes()

    def cancel(done, total):
        if done > 3:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):  # failing while laying out
        write_pdf(aliyev, target, progress=cancel)
    assert target.read_bytes() == first

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", full)
    with pytest.raises(DossierError, match="disk is full"):  # failing while writing
        write_pdf(aliyev, target)
    assert target.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.pdf"]
