"""Quote + speaker extraction on 20 real, hand-checked news articles
(``tests/data/articles``: each ``.txt`` with a ``.json`` naming its source and its
checked quotes).  Measured when this test was written, countries only known:
precision 0.976, recall 0.953 over 129 quotes (``python bench/bench_capture.py``
prints the per-article detail).  The floors below leave a small margin so that a
change that makes capture worse fails here."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.services.capture.evaluation import corpus_files, score_corpus

CORPUS = Path(__file__).resolve().parents[1] / "data" / "articles"


def test_corpus_is_real_articles_with_sources():
    files = corpus_files(CORPUS)
    assert len(files) >= 20
    for article, meta in files:
        data = json.loads(meta.read_text(encoding="utf-8"))
        assert data["source"]["outlet"] and data["source"]["found_in"], meta.name
        text = article.read_text(encoding="utf-8")
        for q in data["quotes"]:  # every checked quote is in its article
            assert q["text"].replace("’", "'") in text.replace("’", "'"), (meta.name, q["text"])


def test_quote_and_speaker_precision_and_recall_stay_up():
    score = score_corpus(CORPUS)
    assert score.checked >= 120
    assert score.precision >= 0.93, [a.wrong for a in score.articles if a.wrong]
    assert score.recall >= 0.91, [a.misses for a in score.articles if a.misses]
