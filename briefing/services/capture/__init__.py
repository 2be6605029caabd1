"""Article capture: read a news article and propose the records in it for review.

    from briefing.services.capture import Gazetteer, capture_file, review, accept
    capture = capture_file("article.html", Gazetteer.from_store(store))
    capture.quotes, capture.paraphrases, capture.agreements, capture.visits,
    capture.figures, capture.people (proposed new people), capture.dates
    checked = review(store, capture)        # new / duplicate / incomplete, per candidate
    result = accept(store, capture, chosen) # the chosen ones become records (one transaction)

Headless and deterministic: every candidate carries its character span, the sentence
it came from and the rule that found it.  Extraction never touches the store; names
resolve against a :class:`Gazetteer` (``from_store``, or ``with_countries`` for none
but the countries).  Bad input (binary, empty, not UTF-8, too large) raises
:class:`CaptureError` with one line.  Only :func:`accept` writes, and only what the
caller chose: nothing is stored without review.

Modules: ``reading`` (files, pasted text, HTML via trafilatura), ``text`` (paragraphs
and sentences), ``names``/``people``/``gazetteer`` (who is who), ``quotemarks`` and
``quotes`` (direct quotes), ``attribution`` (speaker cues), ``statements``
(paraphrases), ``agreements``, ``visits``, ``figures``, ``dates``, ``pipeline``
(all of it), ``evaluation`` (precision/recall on a hand-checked corpus), ``records``
(candidate → record), ``duplicates`` (natural keys, same-source matching),
``reviewing`` (:func:`review`), ``accept`` (:func:`accept`).
"""

from briefing.services.capture.accept import AcceptResult, accept
from briefing.services.capture.article import Article, CaptureError
from briefing.services.capture.candidates import (
    AgreementCandidate,
    Candidate,
    Capture,
    DateMention,
    EntityRef,
    FigureCandidate,
    ProposedOrganisation,
    ProposedPerson,
    StatementCandidate,
    VisitCandidate,
)
from briefing.services.capture.gazetteer import Gazetteer
from briefing.services.capture.pipeline import capture_file, capture_text, extract
from briefing.services.capture.reading import read_file, read_html, read_text
from briefing.services.capture.reviewing import Review, Verdict, review

__all__ = [
    "Article", "CaptureError", "Gazetteer", "capture_file", "capture_text", "extract",
    "read_file", "read_html", "read_text", "Capture", "Candidate", "StatementCandidate",
    "AgreementCandidate", "VisitCandidate", "FigureCandidate", "DateMention", "EntityRef",
    "ProposedPerson", "ProposedOrganisation", "review", "Review", "Verdict", "accept",
    "AcceptResult",
]
