"""Folding: case, diacritics and script, so ``Vučić`` = ``Vucic`` = ``Вучић`` → ``vucic``.

Applied to the search index, to queries and to name resolution alike.  A small,
explicit table (Serbian Cyrillic one-to-one with Serbian Latin; Russian, Ukrainian,
Belarusian and Kazakh letters; Azerbaijani ``ə``; Turkish dotless ``ı``) followed by
Unicode decomposition that drops combining marks.  Pure Python, no dependencies.
"""

from __future__ import annotations

import re
import unicodedata

# Cyrillic → Latin.  Serbian letters follow the official one-to-one mapping (then
# lose their diacritics: ч→č→c, ћ→ć→c, ш→š→s, ж→ž→z, ђ→đ→d, џ→dž→dz); the rest
# follow common English-language romanisation.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "d", "е": "e", "ж": "z",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
    # Russian / Ukrainian / Belarusian
    "ё": "e", "й": "y", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "є": "ye", "ї": "yi", "ґ": "g", "ў": "u",
    # Kazakh (and Kyrgyz, Bashkir, Tatar, Mongolian)
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "і": "i", "ҳ": "h", "ӣ": "i", "ӯ": "u", "ҷ": "j", "ӑ": "a", "ӗ": "e", "ҫ": "s",
    "ӳ": "u", "ҙ": "z", "ҡ": "k",
    # Macedonian
    "ѓ": "g", "ѕ": "dz", "ќ": "k",
}
# Latin letters that Unicode decomposition does not reduce to ASCII.
_LATIN = {
    "đ": "d", "ə": "a", "ı": "i", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss",
    "þ": "th", "ð": "d", "ħ": "h", "ŋ": "n", "ſ": "s", "ŧ": "t", "ƒ": "f",
    # apostrophes and dashes that should behave like their ASCII forms
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
    "\u2012": "-", "\u2013": "-", "\u2014": "-",
}
_MAP = {**_CYRILLIC, **_LATIN}
_KEYS = frozenset(_MAP)
_TABLE = str.maketrans(_MAP)
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _translate(text: str) -> str:
    """The table applied.  ``str.translate`` is slow once a text holds one non-ASCII
    character, so a text with a few table letters has them replaced one by one
    (every replacement is ASCII, so the order does not matter)."""
    if text.isascii():
        return text
    present = _KEYS.intersection(text)
    if len(present) > 12:
        return text.translate(_TABLE)
    for ch in present:
        text = text.replace(ch, _MAP[ch])
    return text


def _strip_marks(text: str) -> str:
    """Drop combining marks (looked up once per distinct character)."""
    for ch in [c for c in set(text) if unicodedata.combining(c)]:
        text = text.replace(ch, "")
    return text


def fold(text: str) -> str:
    """Lowercase, transliterate Cyrillic to Latin and strip diacritics.

    Characters of other scripts (Arabic, Chinese …) are kept, lowercased.  The
    result is not necessarily the same length as the input."""
    if not text:
        return ""
    low = _translate(text.casefold())
    if low.isascii():
        return low
    stripped = _strip_marks(unicodedata.normalize("NFKD", low))
    # decomposition can reveal letters the table handles (e.g. from ligatures)
    return unicodedata.normalize("NFC", _translate(stripped))


def fold_key(text: str) -> str:
    """:func:`fold`, then every run of punctuation or white space as one space:
    the form used to compare names (``Kassym-Jomart`` → ``kassym jomart``)."""
    return _NON_WORD.sub(" ", fold(text)).strip()
