"""Compare our folding table (``briefing.fold``) with the ``cyrtranslit`` library on
the spellings of ``tests/services/test_fold.py``.

    python bench/fold_compare.py

``cyrtranslit`` needs to be told the language (``sr``, ``ru`` …) and has no Kazakh,
so a search box (which does not know the language of a query word) would have to
guess it; it also leaves ``č``, ``ə`` and ``ı`` alone, so Unicode decomposition and
a Latin table are needed after it anyway.  Verdict: keep our table (one function,
no language guess, no dependency).
"""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from pathlib import Path

from briefing.fold import fold

ROOT = Path(__file__).resolve().parents[1]
LANG_CODE = {"Serbian": "sr", "Russian": "ru", "Kazakh": "ru"}  # cyrtranslit has no Kazakh


def load_table():
    spec = importlib.util.spec_from_file_location("test_fold", ROOT / "tests/services/test_fold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SAME


def with_cyrtranslit(word: str, language: str) -> str:
    import cyrtranslit

    text = word.lower()
    if language in LANG_CODE:
        text = cyrtranslit.to_latin(text, LANG_CODE[language])
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def main() -> int:
    try:
        import cyrtranslit  # noqa: F401
    except ImportError:
        print("cyrtranslit is not installed (pip install cyrtranslit)")
        return 1
    rows = load_table()
    ours = theirs = total = 0
    print(f"{'language':12} {'word':14} {'expected':12} {'briefing.fold':14} cyrtranslit")
    for language, spellings, expected in rows:
        for word in spellings:
            a, b = fold(word), with_cyrtranslit(word, language)
            total += 1
            ours += a == expected
            theirs += b == expected
            if a != expected or b != expected:
                print(f"{language:12} {word:14} {expected:12} {a:14} {b}")
    print(f"\npassed: briefing.fold {ours}/{total}, cyrtranslit (+ NFKD) {theirs}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
