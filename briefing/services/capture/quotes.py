"""Direct quotes: quoted passages that are someone's words, with their speaker.

A passage counts as speech when it has three words or more, or a speech cue right
beside it (``“wild,” he said``); titles and scare quotes (``the film “Inside
Llewyn Davis”``) are left out.  The speaker comes from the cue after the quote,
else the one before it; a quote with no cue of its own takes the speaker of the
quote beside it in the same paragraph (``“A,” said X. “B.”``), or of the paragraph
before when the whole paragraph is the quote (news continues a speaker that way).
"""

from __future__ import annotations

import re

from briefing.services.capture.attribution import Attribution, Attributor
from briefing.services.capture.candidates import StatementCandidate
from briefing.services.capture.quotemarks import QuotedPassage, find_passages
from briefing.services.capture.statements import occasion
from briefing.services.capture.text import TextMap

__all__ = ["find_quotes"]

_TITLE_CUE = re.compile(
    r"\b(?:titled|entitled|called|dubbed|named|nicknamed|known as|the film|the movie|the book|"
    r"the song|the album|the show|the series|the novel|the play|the term|the word|the phrase|"
    r"the slogan|the hashtag|the headline|newspaper|magazine|operation|the so-called|so-called)\s*$",
    re.I)
_CLOSE_VERB = re.compile(
    r"\b(?:said|says|told|added|yelled|shouted|screamed|wrote|called it|described it as|"
    r"it was|it is|as saying|joked|quipped|warned|replied|answered|pleaded)\s+(?:\w+\s+){0,2}$")
_SAID_THAT = re.compile(r"^[,.\s]*\S+(?:\s+\S+)?\s+(?:\w+ly\s+)?(?:said|says|told \w+|added|stated)"
                        r"\s+that\b")
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def find_quotes(tm: TextMap, att: Attributor) -> list[StatementCandidate]:
    text = tm.text
    passages = find_passages(tm)
    att.set_quoted([seg for q in passages for seg in q.segments])
    found: list[tuple[QuotedPassage, Attribution | None]] = []
    for i, q in enumerate(passages):
        nxt = passages[i + 1].open_pos if i + 1 < len(passages) else len(text)
        sent_end = tm.sentence_at(max(q.after - 1, q.open_pos)).end
        if q.after >= sent_end:  # the quote ends its sentence: the cue may follow it
            nxt_word = q.after
            while nxt_word < len(text) and text[nxt_word] in " \t":
                nxt_word += 1
            sent_end = tm.sentence_at(nxt_word).end if nxt_word < len(text) else q.after
        para = tm.paragraph_at(q.open_pos)
        after_limit = min(sent_end, nxt, para.end if not q.multi_paragraph else tm.paragraph_at(q.end).end)
        attribution = att.after_quote(q.after, after_limit) if q.closed else None
        if attribution is None or attribution.speaker is None:
            before_start = max(tm.sentence_at(q.open_pos).start, para.start)
            before = att.before_quote(before_start, q.open_pos)
            if before is not None and (attribution is None or before.speaker is not None):
                attribution = before
        quoted = q.text(text)
        words = _WORDS.findall(quoted)
        cue = attribution is not None and attribution.speaker is not None
        lead = text[max(0, q.open_pos - 40):q.open_pos]
        if len(words) < 3 and not (cue and _adjacent(attribution, text, q)):
            continue  # "burner", “failed”: a word picked out, not a statement
        if _TITLE_CUE.search(lead) and (not cue or len(words) < 3
                                         or _looks_like_name_or_term(quoted, words)):
            continue
        if not cue and _looks_like_name_or_term(quoted, words):
            continue  # "Inside Llewyn Davis", "loss of control", "Now Everyone Can Fly"
        found.append((q, attribution))
    return _inherit(tm, found)


def _adjacent(attribution: Attribution, text: str, q: QuotedPassage) -> bool:
    """A short quote counts only with its cue right beside it (“wild,” he said;
    yelled “shark attack!”; said it was “wild”)."""
    if attribution.rule.endswith("(after quote)") or "after quote" in attribution.rule:
        # “classical Marxism,” he said that …: the words said come after, not before
        return not _SAID_THAT.match(text[q.after:q.after + 80])
    before = text[max(0, q.open_pos - 60):q.open_pos]
    return bool(_CLOSE_VERB.search(before))


def _looks_like_name_or_term(quoted: str, words: list[str]) -> bool:
    if not words:
        return True
    long_words = [w for w in words if len(w) > 1]  # initials ("J.J.") say nothing
    capitals = sum(1 for w in long_words if w[0].isupper())
    if len(long_words) <= 8 and capitals >= 0.6 * len(long_words) and len(long_words) > 1:
        return True  # Title Case: a film, a book, a slogan, an event
    return len(words) <= 4 and not re.search(r"[.!?,;…]", quoted)


def _inherit(tm: TextMap, found) -> list[StatementCandidate]:
    text = tm.text
    out: list[StatementCandidate] = []
    for i, (q, attribution) in enumerate(found):
        speaker = attribution.speaker if attribution else None
        rule = attribution.rule if attribution else ""
        flags = list(attribution.flags) if attribution else []
        if speaker is None:
            speaker, rule = _neighbour(tm, found, i)
        if speaker is None:
            flags.append("no attribution")
        if not q.closed:
            flags.append("unclosed quotation mark")
        if q.multi_paragraph:
            flags.append("multi-paragraph quote")
        span = tm.sentence_span(q.open_pos, q.after)
        out.append(StatementCandidate(
            start=q.start, end=q.end, sentence=text[span.start:span.end],
            rule="quotation marks", text=q.text(text), statement_kind="direct",
            speaker=speaker, speaker_rule=rule, flags=flags,
            occasion=occasion(text[span.start:span.end])))
    return out


def _neighbour(tm: TextMap, found, i: int):
    q = found[i][0]
    para = tm.paragraph_index(q.open_pos)
    # a quote beside it in the same paragraph (previous first, then next)
    for j in [*range(i - 1, -1, -1), *range(i + 1, len(found))]:
        other, att = found[j]
        if tm.paragraph_index(other.open_pos) != para and tm.paragraph_index(other.end) != para:
            if j < i:
                continue
            break
        if att is not None and att.speaker is not None:
            return att.speaker, "same speaker as the quote beside it"
    # a paragraph that is only this quote continues the previous paragraph's speaker
    p = tm.paragraphs[para]
    alone = q.open_pos - p.start <= 1 and tm.text[q.after:p.end].strip(" .,") == ""
    if alone and i > 0:
        prev, att = found[i - 1]
        if tm.paragraph_index(prev.end) == para - 1 and att is not None and att.speaker is not None:
            return att.speaker, "continues the previous paragraph's speaker"
    return None, ""
