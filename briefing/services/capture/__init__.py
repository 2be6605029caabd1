"""Article capture: read a news article and propose the records in it for review.

    from briefing.services.capture import Gazetteer, capture_file
    capture = capture_file("article.html", Gazetteer.with_countries())
    capture.quotes, capture.paraphrases, capture.agreements, capture.visits,
    capture.figures, capture.people (proposed new people), capture.dates

Headless and deterministic: every candidate carries its character span, the sentence
it came from and the rule that found it.  Nothing here touches the store; names
resolve against a :class:`Gazetteer` built from plain record lists.  Bad input
(binary, empty, not UTF-8, too large) raises :class:`CaptureError` with one line.

Modules: ``reading`` (files, pasted text, HTML via trafilatura), ``text`` (paragraphs
and sentences), ``names``/``people``/``gazetteer`` (who is who), ``quotemarks`` and
``quotes`` (direct quotes), ``attribution`` (speaker cues), ``statements``
(paraphrases), ``agreements``, ``visits``, ``figures``, ``dates``, ``pipeline``
(all of it), ``evaluation`` (precision/recall on a hand-checked corpus).
"""

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

__all__ = [
    "Article", "CaptureError", "Gazetteer", "capture_file", "capture_text", "extract",
    "read_file", "read_html", "read_text", "Capture", "Candidate", "StatementCandidate",
    "AgreementCandidate", "VisitCandidate", "FigureCandidate", "DateMention", "EntityRef",
    "ProposedPerson", "ProposedOrganisation",
]
