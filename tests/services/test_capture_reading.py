"""Reading articles for capture: files and pasted text in, a clean article or one clear
error line out — never a crash, never a script."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.services.capture import CaptureError, capture_file, capture_text, read_file, read_text

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "newsaz_vucic_kazakhstan.txt"

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Vučić in Astana | News.Az</title>
<meta property="og:site_name" content="News.Az">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-12-05T10:00:00">
<script>document.write("STOLEN COOKIE"); alert(1)</script>
<style>body { color: red } .SECRETSTYLE {}</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Vučić in Astana</h1>
<p>Serbian President Aleksandar Vučić visited Kazakhstan this week, his fourth visit to the
country, and met President Kassym-Jomart Tokayev for talks on trade and energy.</p>
<script>var tracking = "TRACKER-PAYLOAD";</script>
<p>“We put stress on further development of trade, economic and investment cooperation,”
Tokayev said after the talks in the Kazakh capital on Thursday.</p>
<p>The trade turnover increased by more than 7%, officials said at the end of the meeting.</p>
</article>
<footer>Copyright News.Az. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


def test_seed_text_loses_page_furniture_and_keeps_the_outlet():
    a = read_file(SEED)
    assert a.text.startswith("This week, Serbian President Aleksandar Vučić")
    assert "16 px" not in a.text and a.text.endswith("\n\nNews.Az")  # kept whole
    assert a.outlet == "News.Az" and a.language == "en" and len(a.sha256) == 64
    assert a.title_guessed and a.title.startswith("This week")


def test_same_article_gives_the_same_hash_whatever_the_line_ends(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8-sig"))
    assert read_file(crlf).sha256 == read_file(SEED).sha256
    assert read_text(text).sha256 == read_file(SEED).sha256


def test_txt_title_byline_and_date_lines(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Serbia and Kazakhstan sign defence deal\n\nBy Jane Doe\n5 December 2024\n\n"
                 "Serbia and Kazakhstan signed a defence agreement on Thursday.\n", encoding="utf-8")
    a = read_file(f)
    assert a.title == "Serbia and Kazakhstan sign defence deal"
    assert a.author == "Jane Doe" and a.date.iso == "2024-12-05"
    assert a.text == "Serbia and Kazakhstan signed a defence agreement on Thursday."


def test_markdown_front_matter_heading_and_links(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: Talks in Astana\nsource: Euronews\ndate: 2024-11\n---\n"
                 "# Ignored heading\n\nPresident **Tokayev** met [Vučić](https://x.example/v) "
                 "in *Astana*.\n\n![photo](p.jpg)\n", encoding="utf-8")
    a = read_file(f)
    assert (a.title, a.outlet, a.date.iso) == ("Talks in Astana", "Euronews", "2024-11")
    assert "President Tokayev met Vučić in Astana." in a.text
    assert "https://" not in a.text and "photo" not in a.text and "**" not in a.text


def test_html_yields_only_the_article_text_and_its_metadata(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    a = read_file(f)
    for junk in ("STOLEN COOKIE", "alert", "SECRETSTYLE", "TRACKER-PAYLOAD", "World news menu",
                 "Subscribe", "<p>", "color: red"):
        assert junk not in a.text
    assert a.text.startswith("Serbian President Aleksandar Vučić visited Kazakhstan")
    assert (a.title, a.outlet, a.author, a.date.iso) == ("Vučić in Astana", "News.Az", "Jane Doe",
                                                          "2024-12-05")
    capture = capture_file(f)
    assert [q.speaker.name for q in capture.quotes] == ["Kassym-Jomart Tokayev"]


def test_pasted_html_is_detected():
    capture = capture_text(PAGE)
    assert "TRACKER-PAYLOAD" not in capture.article.text and capture.quotes


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"   \n\n  ", "is empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "is a PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    (b"abc\x00\x01\x02\x03def", "binary file"),
    ("Vučić said “hello there friends”".encode("cp1250"), "not UTF-8"),
])
def test_bad_files_give_one_clear_message(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(CaptureError) as err:
        read_file(f)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_missing_file_folder_and_huge_file(tmp_path):
    with pytest.raises(CaptureError, match="no such file"):
        read_file(tmp_path / "nope.txt")
    with pytest.raises(CaptureError, match="folder"):
        read_file(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (9 * 1024 * 1024))
    with pytest.raises(CaptureError, match="MB"):
        read_file(big)


def test_utf16_with_bom_is_read(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("“Hello to all of you,” Vučić said.".encode("utf-16"))
    assert read_file(f).text == "“Hello to all of you,” Vučić said."


def test_html_without_article_text_is_a_clear_message(tmp_path):
    f = tmp_path / "empty.html"
    f.write_text("<html><head><script>x()</script></head><body><nav>Home</nav></body></html>")
    with pytest.raises(CaptureError, match="no article text"):
        read_file(f)


def test_pasted_text_with_only_furniture():
    with pytest.raises(CaptureError):
        read_text("+ ↺ − 16 px\n\n   \n")
