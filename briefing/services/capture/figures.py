"""Figures: percentages, amounts of money and counts, with what they measure.

"The trade turnover increased by more than 7%" → metric "trade turnover", value 7,
unit "%", qualifier "more than"; "Kazakhstan’s export to Serbia surging by as much as
80%" → from KZ to RS; "60 Serbian companies working in Kazakhstan" → 60 companies.
Years, durations ("two years") and ordinals are not figures.
"""

from __future__ import annotations

import re

from briefing.services.capture.candidates import FigureCandidate
from briefing.services.capture.gazetteer import Gazetteer
from briefing.services.capture.text import Claimed, TextMap

__all__ = ["find_figures"]

_QUALIFIER = (r"more than|less than|fewer than|over|under|almost|nearly|about|around|roughly|"
              r"approximately|as much as|as many as|up to|at least|some|just over|just under")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PERCENT = re.compile(rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>{_NUM})\s*(?:%|percent\b|per cent\b|-per-cent\b)")
_MONEY = re.compile(
    rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?P<cur>\$|€|£|US\$)\s?(?P<num>{_NUM})(?:\s*(?P<scale>trillion|billion|million|bn|m)\b)?")
_COUNT = re.compile(
    rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>{_NUM})(?:\s+(?P<scale>million|billion))?\s+(?P<noun>(?:[A-Z][\w’'-]+\s+|[a-z-]+\s+)?[a-z]+s)\b")
_CHANGE = re.compile(
    r"\b(?:increased|increase|increases|rose|rise|rises|grew|grow|grows|growth|fell|fall|falls|"
    r"dropped|drop|declined|decline|declines|decreased|decrease|surged|surging|surge|jumped|"
    r"jumping|climbed|climbing|gained|gaining|slumped|plunged|soared|soaring|went up|went down|"
    r"up|down|increasing|decreasing|rising|falling|growing|shrank|shrinking|expanded|contracted)"
    r"(?:\s+by)?\s*$")
_NOT_COUNTED = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "times",
                "percent", "points", "feet", "miles", "metres", "meters", "kilometres",
                "kilometers", "inches", "pounds", "knots", "degrees", "decades", "centuries",
                "mph", "gallons", "tons", "tonnes", "cents", "dollars", "euros"}
_SCALE = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6}
_CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
_CLAUSE_START = re.compile(r"(?:^|[,;:—–(]|\bwith\b|\band\b|\bwhile\b|\bas\b|\bthat\b|\bwhere\b)\s*", re.I)
_DETERMINERS = re.compile(r"^(?:the|a|an|its|their|his|her|our|this|that)\s+", re.I)
_FLOW = re.compile(r"^(?P<src>.+?)['’]s?\s+(?P<what>exports?|imports?|investments?|trade|sales)\s+(?:to|into|in)\s+(?P<dst>.+)$")


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def find_figures(tm: TextMap, gaz: Gazetteer) -> list[FigureCandidate]:
    text = tm.text
    out: list[FigureCandidate] = []
    taken = Claimed()
    for rule, pattern in (("percentage", _PERCENT), ("amount of money", _MONEY), ("count", _COUNT)):
        for m in pattern.finditer(text):
            s, e = m.span()
            if taken.overlaps(s, e):
                continue
            if rule == "count" and not _countable(m, text):
                continue
            sent = tm.sentence_at(s)
            metric, change = _metric(text[sent.start:s])
            value = _value(m["num"])
            unit = "%"
            if rule == "amount of money":
                value *= _SCALE.get((m["scale"] or "").lower(), 1)
                unit = _CURRENCY[m["cur"]]
            elif rule == "count":
                value *= _SCALE.get((m["scale"] or "").lower(), 1)
                unit = m["noun"].split()[-1]
                metric = _count_metric(m, text, sent.end)
            if not metric:
                continue
            taken.claim(s, e)
            src, dst = _countries(metric, gaz)
            if rule == "count" and src is None:
                words = m["noun"].split()
                src = gaz.demonym(words[0]) if len(words) > 1 else None
                dst = _country_in(text[e:min(sent.end, e + 60)], gaz)
            out.append(FigureCandidate(
                start=s, end=e, sentence=text[sent.start:sent.end], rule=rule,
                metric=metric, value=value, unit=unit, qualifier=(m["qual"] or "").lower(),
                from_country=src, to_country=dst,
                text=(change + " " if change else "") + m.group()))
    out.sort(key=lambda f: f.start)
    return out


def _countable(m: re.Match, text: str) -> bool:
    noun = m["noun"].split()[-1].lower()
    num = _value(m["num"])
    if noun in _NOT_COUNTED or noun.endswith("ss"):
        return False
    if 1900 <= num <= 2100 and "," not in m["num"]:
        return False  # a year ("in 2008 companies …")
    before = text[max(0, m.start() - 12):m.start()]
    return not re.search(r"(?:No\.|#|\bat|\$|€|£)\s*$", before)


def _metric(before: str) -> tuple[str, str]:
    """What a percentage measures: the clause before it ("The trade turnover increased
    by more than") → ("trade turnover", "increased by")."""
    change = _CHANGE.search(before)
    clause = before[:change.start()] if change else before
    parts = list(_CLAUSE_START.finditer(clause))
    start = parts[-1].end() if parts else 0
    metric = _DETERMINERS.sub("", clause[start:].strip(" ,"))
    words = metric.split()
    if len(words) > 8:
        metric = " ".join(words[-8:])
    return metric.strip(), (change.group().strip() if change else "")


def _count_metric(m: re.Match, text: str, limit: int) -> str:
    after = text[m.end():limit]
    tail = re.match(r"^\s+((?:working|based|operating|living|stationed|registered)\s+)?in\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)", after)
    metric = m["noun"]
    if tail:
        metric += " " + tail.group().strip()
    return metric


def _countries(metric: str, gaz: Gazetteer) -> tuple[str | None, str | None]:
    if f := _FLOW.match(metric):
        return gaz.any_country(f["src"].strip()), gaz.any_country(f["dst"].strip())
    return None, None


def _country_in(after: str, gaz: Gazetteer) -> str | None:
    if m := re.search(r"\bin\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)", after):
        return gaz.any_country(m.group(1))
    return None
