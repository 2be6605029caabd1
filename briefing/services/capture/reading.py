"""Reading articles: ``.txt``, ``.md`` and ``.html`` files, and pasted text.

HTML is reduced to the article's text and metadata by ``trafilatura`` (offline: it is
given the page's bytes and never fetches anything); scripts, styles and navigation
never reach the text.  Plain text loses the page furniture a copy-and-paste drags
along (font-size buttons, "Share", a trailing outlet line).  Every failure is a
:class:`CaptureError` with one clear line; nothing here raises anything else.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.dates import DateError, PartialDate
from briefing.services.capture.article import Article, CaptureError, normalise_text
from briefing.services.capture.language import guess_language

__all__ = ["read_file", "read_text", "read_html", "MAX_BYTES", "READABLE_SUFFIXES"]

MAX_BYTES = 8 * 1024 * 1024  # larger files are refused with a message, not read
READABLE_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                     ".html": "html", ".htm": "html", ".xhtml": "html"}

_MAGIC = [(b"%PDF", "a PDF"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive (or .docx)"),
          (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"\x7fELF", "a program"),
          (b"SQLite format 3", "an SQLite database")]
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


# ------------------------------------------------------------------------ files
def read_file(path: str | Path, *, url: str = "") -> Article:
    """Read an article file (.txt, .md, .html); raises :class:`CaptureError`."""
    p = Path(path)
    try:
        if not p.exists():
            raise CaptureError(f"{p}: no such file")
        if p.is_dir():
            raise CaptureError(f"{p} is a folder, not an article file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise CaptureError(f"{p} is {size // (1024 * 1024)} MB; capture reads articles "
                               f"up to {MAX_BYTES // (1024 * 1024)} MB")
        data = p.read_bytes()
    except OSError as exc:
        raise CaptureError(f"{p}: cannot read ({exc.strerror or exc})") from None
    fmt = READABLE_SUFFIXES.get(p.suffix.lower())
    if fmt is None and _looks_like_html(data[:2048]):
        fmt = "html"
    article = read_bytes(data, fmt or "txt", name=str(p), url=url)
    article.path = str(p)
    return article


def read_bytes(data: bytes, fmt: str, *, name: str = "input", url: str = "") -> Article:
    if not data.strip():
        raise CaptureError(f"{name} is empty")
    _refuse_binary(data, name)
    text = _decode(data, name, html=fmt == "html")
    if fmt == "html":
        return read_html(text, url=url, name=name)
    return read_text(text, url=url, markdown=fmt == "md", name=name)


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise CaptureError(f"{name} is {what}, not an article; capture reads .txt, .md "
                               "and .html files")
    head = data[:8192]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a byte-order mark: decoded below
    if b"\x00" in head:
        raise CaptureError(f"{name} is a binary file, not an article; capture reads .txt, "
                           ".md and .html files")


def _decode(data: bytes, name: str, *, html: bool) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise CaptureError(f"{name} is not readable UTF-16 text") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if html and (m := _CHARSET.search(data[:4096])):
            try:
                return data.decode(m.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise CaptureError(
            f"{name} is not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start});"
            " save it as UTF-8 and try again") from None


def _looks_like_html(head: bytes) -> bool:
    low = head.lstrip()[:512].lower()
    return low.startswith((b"<!doctype html", b"<html")) or b"<body" in low


# ------------------------------------------------------------------------- html
def read_html(html: str, *, url: str = "", name: str = "page") -> Article:
    """The article in an HTML page: main text and metadata, via ``trafilatura``."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False,
            include_tables=False, include_images=False, include_links=False,
            deduplicate=False, fast=False)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise CaptureError(f"{name}: the HTML could not be read ({type(exc).__name__})") from None
    if doc is None or not (doc.text or "").strip():
        raise CaptureError(f"{name}: no article text found in the HTML page")
    title = (doc.title or "").strip()
    body = _blank_line_paragraphs(doc.text)
    if title:
        first, _, rest = body.partition("\n\n")
        if first.strip() == title:
            body = rest
    text = normalise_text(body)
    if sum(c.isalpha() for c in text) < 20:  # a menu word or two is not an article
        raise CaptureError(f"{name}: no article text found in the HTML page")
    return Article(
        text=text, title=title, outlet=(doc.sitename or "").strip(),
        author=(doc.author or "").strip(), date=_date(doc.date), url=url or (doc.url or ""),
        language=guess_language(text), format="html")


def _blank_line_paragraphs(text: str) -> str:
    return "\n\n".join(line for line in text.replace("\r", "").split("\n") if line.strip())


def _date(text: str | None) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text[:10])
    except DateError:
        return None


# ------------------------------------------------------------------ plain text
_UI_WORDS = re.compile(
    r"^(share|print|listen|advertisement|read more|subscribe|follow us.*|font size|"
    r"text size|a\+?|a-|[+−\-–]\s*a|comments?\s*\(\d+\)|\d+\s*px|close|menu|back to top)$",
    re.I)
_OUTLET_LIKE = re.compile(r"^[\w&'’.-]+(?:\.[A-Za-z]{2,})$")
_BYLINE = re.compile(r"^[Bb]y\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})$")
_DATELINE_OUTLET = re.compile(r"^\(?([A-Z][A-Za-z.]{1,20})\)?\s*(?:--|—|–)\s")
_DATE_PREFIX = re.compile(r"^(?:published|updated|posted|date)\s*:?\s*", re.I)
_SENTENCE_END = re.compile(r"[.!?:;,…\"”’»]$")
_FIRST_SENTENCE = re.compile(r"^(.{10,160}?[.!?])(?:\s|$)")


def read_text(text: str, *, url: str = "", title: str = "", outlet: str = "",
              markdown: bool = False, name: str = "text") -> Article:
    """An article from plain (or Markdown) text, e.g. pasted by the user."""
    if not isinstance(text, str):
        raise CaptureError(f"{name} is not text")
    meta: dict[str, str] = {}
    if markdown:
        text, meta = _strip_markdown(text)
    lines = normalise_text(text).split("\n")
    lines = _drop_furniture(lines)
    if not any(line.strip() for line in lines):
        raise CaptureError(f"{name} has no text")
    found_outlet, author, date = meta.get("outlet", ""), meta.get("author", ""), None
    if meta.get("date"):
        date = _date(meta["date"])
    # trailing outlet line ("News.Az"): noted as the outlet, kept in the text (the
    # article is kept whole)
    last = lines[-1].strip()
    body_text = "\n".join(lines)
    if _is_outlet_line(last, body_text):
        found_outlet = found_outlet or last
    # header lines: title, byline, date
    title_line = meta.get("title", "")
    head: list[str] = []
    while lines and len(head) < 4:
        line = lines[0].strip()
        if not line:
            lines.pop(0)
            continue
        if (m := _BYLINE.match(line)) and not author:
            author = m.group(1)
        elif date is None and (d := _date_line(line)):
            date = d
        elif not title_line and not head and _is_title_line(line, lines):
            title_line = line
        else:
            break
        head.append(lines.pop(0))
    body = normalise_text("\n".join(lines))
    if not body:
        body, title_line = title_line, ""
    if not found_outlet and (m := _DATELINE_OUTLET.match(body)):
        found_outlet = m.group(1)
    guessed = False
    final_title = title or title_line
    if not final_title:
        m = _FIRST_SENTENCE.match(body)
        final_title = m.group(1) if m else body[:100].rsplit(" ", 1)[0]
        guessed = True
    return Article(
        text=body, title=final_title.strip(), outlet=outlet or found_outlet, author=author,
        date=date, url=url or meta.get("url", ""), language=guess_language(body),
        format="md" if markdown else "txt", title_guessed=guessed)


def _is_junk(line: str) -> bool:
    s = line.strip()
    if not s:
        return True
    if _UI_WORDS.match(s):
        return True
    visible = [c for c in s if not c.isspace()]
    letters = sum(1 for c in visible if c.isalpha())
    return letters < 0.5 * len(visible) or (letters <= 3 and len(s.split()) > 1)


def _drop_furniture(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and _is_junk(lines[start]):
        start += 1
    while end > start and _is_junk(lines[end - 1]):
        end -= 1
    return lines[start:end]


def _is_outlet_line(line: str, whole: str) -> bool:
    if not line or len(line) > 40 or len(line.split()) > 4 or _SENTENCE_END.search(line):
        return False
    if _OUTLET_LIKE.match(line):
        return True
    # a short name that the article itself cites ("News.Az reports", "told Reuters")
    return whole.count(line) >= 2 and all(w[:1].isupper() for w in line.split())


def _is_title_line(line: str, lines: list[str]) -> bool:
    rest = [x for x in lines[1:] if x.strip()]
    return (bool(rest) and len(line) <= 200 and len(line.split()) <= 30
            and not _SENTENCE_END.search(line))


def _date_line(line: str) -> PartialDate | None:
    if len(line) > 40:
        return None
    candidate = _DATE_PREFIX.sub("", line).strip()
    candidate = re.sub(r"^[A-Z][a-z]+day,?\s+", "", candidate)  # "Monday, 5 May 2025"
    candidate = re.sub(r"[T\s,]+\d{1,2}:\d{2}.*$", "", candidate)  # time of day
    if not re.search(r"\d{4}", candidate):
        return None
    try:
        return PartialDate.parse(candidate)
    except DateError:
        return None


# --------------------------------------------------------------------- markdown
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_MD_RULES = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"<[^>\n]+>"), ""),  # inline html tags
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),  # heading markers
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M), ""),  # list markers
    (re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.M), ""),  # horizontal rules
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])"), r"\1"),  # italic *x*
    (re.compile(r"(?<![\w_])_(?!\s)([^_\n]+?)_(?![\w_])"), r"\1"),  # italic _x_
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
]


def _strip_markdown(text: str) -> tuple[str, dict[str, str]]:
    meta: dict[str, str] = {}
    text = text.replace("\r\n", "\n")
    if m := _FRONT.match(text):
        for line in m.group(1).split("\n"):
            key, sep, value = line.partition(":")
            if sep:
                key = key.strip().lower()
                key = {"source": "outlet", "publisher": "outlet", "site": "outlet",
                       "published": "date", "link": "url"}.get(key, key)
                meta[key] = value.strip().strip("'\"")
        text = text[m.end():]
    if "title" not in meta and (h := re.search(r"^\s{0,3}#\s+(.+)$", text, re.M)):
        meta["title"] = h.group(1).strip()
        text = text[:h.start()] + text[h.end():]
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text, meta
