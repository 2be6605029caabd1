"""The article being captured: its normalised text and metadata, and the error type.

The text is normalised once (Unicode NFC, ``\\n`` line ends, no trailing blanks,
paragraphs separated by one blank line) and every character span a candidate
carries points into that text.  ``sha256`` is taken over it, so the same article
read twice — from a file, pasted, with other line ends — is recognised.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from briefing.dates import PartialDate
from briefing.domain import Source

__all__ = ["Article", "CaptureError", "normalise_text", "text_sha256"]


class CaptureError(ValueError):
    """An input capture cannot read; the message is one line a user understands."""


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b]")


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, runs of spaces as one, no control characters, at most
    one blank line between paragraphs, no blank lines at either end."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(kw_only=True)
class Article:
    """A news article as capture reads it.  ``text`` is normalised (see module doc)."""

    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    date: PartialDate | None = None
    url: str = ""
    language: str = ""
    path: str = ""  # the file it was read from, if any
    format: str = "txt"  # txt | md | html | paste
    title_guessed: bool = False  # no title was given: the first sentence stands in
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = text_sha256(self.text)

    def to_source(self) -> Source:
        """The article as a store :class:`~briefing.domain.Source` record."""
        return Source(
            title=self.title, outlet=self.outlet, author=self.author, url=self.url,
            published=self.date, language=self.language, text=self.text,
            sha256=self.sha256,
        )

    def to_dict(self) -> dict:
        return {
            "title": self.title, "outlet": self.outlet, "author": self.author,
            "date": self.date.iso if self.date else None, "url": self.url,
            "language": self.language, "path": self.path, "format": self.format,
            "sha256": self.sha256, "characters": len(self.text),
        }
