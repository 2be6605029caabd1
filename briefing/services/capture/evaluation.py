"""Scoring quote + speaker extraction against hand-checked articles.

A corpus folder holds ``NAME.txt`` (or ``.html``/``.md``) with ``NAME.json`` beside it:
``{"source": {...}, "quotes": [{"text": "…", "speaker": "Full Name"}, …]}`` where
``text`` is the quote or a distinctive beginning of it.  A found quote matches a
checked one when one text contains the other (folded); the speaker matches when the
surnames agree (or the whole names, for one-word speakers such as "Amtrak").
Precision = correct found quotes / found quotes; recall = correct checked quotes /
checked quotes, "correct" meaning quote *and* speaker right.  Quotes whose speaker the
article leaves unclear are listed under ``"ambiguous"`` and not scored either way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from briefing.fold import fold_key
from briefing.services.capture.candidates import StatementCandidate
from briefing.services.capture.gazetteer import Gazetteer

__all__ = ["ArticleScore", "CorpusScore", "score_corpus", "corpus_files"]


@dataclass
class ArticleScore:
    name: str
    found: int = 0
    checked: int = 0
    found_correct: int = 0
    checked_correct: int = 0
    misses: list[str] = field(default_factory=list)  # checked quotes not found right
    wrong: list[str] = field(default_factory=list)  # found quotes that are not right


@dataclass
class CorpusScore:
    articles: list[ArticleScore]

    @property
    def precision(self) -> float:
        found = sum(a.found for a in self.articles)
        return sum(a.found_correct for a in self.articles) / found if found else 1.0

    @property
    def recall(self) -> float:
        checked = sum(a.checked for a in self.articles)
        return sum(a.checked_correct for a in self.articles) / checked if checked else 1.0

    @property
    def checked(self) -> int:
        return sum(a.checked for a in self.articles)


def corpus_files(folder: Path) -> list[tuple[Path, Path]]:
    out = []
    for meta in sorted(Path(folder).glob("*.json")):
        for suffix in (".txt", ".html", ".md"):
            article = meta.with_suffix(suffix)
            if article.exists():
                out.append((article, meta))
                break
    return out


def _text_match(checked: str, found: str) -> bool:
    a, b = fold_key(checked), fold_key(found)
    if not a or not b:
        return False
    if a in b:  # a checked beginning, or the whole quote
        return b.startswith(a) or len(a) >= 0.5 * len(b)
    return b in a and len(b) >= 0.5 * len(a)


def _speaker_match(checked: str | None, found: StatementCandidate) -> bool:
    if found.speaker is None:
        return checked is None
    if checked is None:
        return False
    names = [found.speaker.name, found.speaker.mention]
    want = fold_key(checked).split()
    for name in names:
        got = fold_key(name or "").split()
        if got and want and (got[-1] in want or want[-1] in got):
            return True
    return False


def score_article(name: str, quotes: list[StatementCandidate], checked: list[dict],
                  ambiguous: list[dict] = ()) -> ArticleScore:
    quotes = [q for q in quotes if not any(_text_match(a["text"], q.text) for a in ambiguous)]
    score = ArticleScore(name, found=len(quotes), checked=len(checked))
    for q in quotes:
        if any(_text_match(c["text"], q.text) and _speaker_match(c.get("speaker"), q)
               for c in checked):
            score.found_correct += 1
        else:
            who = q.speaker.name if q.speaker else None
            score.wrong.append(f"{q.text[:60]!r} -> {who}")
    for c in checked:
        if any(_text_match(c["text"], q.text) and _speaker_match(c.get("speaker"), q)
               for q in quotes):
            score.checked_correct += 1
        else:
            score.misses.append(f"{c['text'][:60]!r} ({c.get('speaker')})")
    return score


def score_corpus(folder: Path, gazetteer: Gazetteer | None = None) -> CorpusScore:
    """Capture every article in ``folder`` (with only the countries known, unless a
    gazetteer is given) and score its direct quotes."""
    from briefing.services.capture.pipeline import capture_file

    gaz = gazetteer or Gazetteer.with_countries()
    scores = []
    for article, meta in corpus_files(folder):
        data = json.loads(meta.read_text(encoding="utf-8"))
        capture = capture_file(article, gaz)
        scores.append(score_article(article.stem, capture.quotes, data["quotes"],
                                    data.get("ambiguous", [])))
    return CorpusScore(scores)
