"""Collecting candidates for one meeting, kind by kind, with the reasons and scores
of :mod:`.candidate` — the work behind :func:`.suggestions.rank`.

Every query starts from the counterpart country, the counterpart person, our
country or the visits between the two (``briefing/store/composer_queries.py``), so
the work stays bounded on a store with a million statements."""

from __future__ import annotations

from datetime import date as _date

from briefing.dates import PartialDate
from briefing.domain import AgreementStatus, Kind, Section
from briefing.fold import fold_key
from briefing.services.composer.candidate import (
    COUNTERPART_STATEMENTS, DRAFT_AGREEMENTS, DRAFT_VISITS, OUR_STATEMENTS, SECTION_ORDER,
    STATEMENT_WINDOWS, STATUS_ORDER, W_BETWEEN, W_COUNTERPART, W_MEETING_TOPIC, W_OCCASION,
    W_OURS, W_PERSON, W_PURPOSE_TOPIC, W_RECENCY, Suggestion, newer_first,
)
from briefing.services.composer.meeting import Meeting
from briefing.store import composer_queries as q


def _age_years(d: PartialDate | None, ref: _date) -> float | None:
    if d is None:
        return None
    mid = (d.sort_key()[0], d.month or 7, d.day or 15)
    return abs((ref - _date(*mid)).days) / 365.25


class Ranking:
    """Collects the suggestions for one meeting, merging the reasons per record."""

    def __init__(self, store, meeting: Meeting):
        self.store = store
        self.m = meeting
        self.items: dict[tuple[Kind, int], Suggestion] = {}
        self.name = {c: store.country_name(c) for c in meeting.countries}
        self._ours: list[q.StatementFacts] = []
        self._topics_read: set[tuple[Kind, int]] = set()
        self._visit_people: dict[int, q.VisitFacts] = {}  # who came or hosted between the two

    def add(self, kind: Kind, rid: int, section: Section, date=None) -> Suggestion:
        key = (kind, rid)
        s = self.items.get(key)
        if s is None:
            s = self.items[key] = Suggestion(kind=kind, record_id=rid, section=section, date=date)
        return s

    def country(self, code: str | None) -> str:
        return self.name.get(code) or self.store.country_name(code) or (code or "")

    # --- the record kinds ----------------------------------------------------------
    def agreements(self) -> None:
        m = self.m
        if not m.counterpart_country and m.person_id is None:
            return
        for a in q.agreement_candidates(self.store, m.counterpart_country, m.our_country,
                                        m.person_id):
            s = self.add(Kind.AGREEMENT, a.id, Section.AGREEMENTS, a.signed)
            s.title = a.title
            if m.person_id in a.person_ids:
                s.because("counterpart is a party", W_PERSON)
            theirs = m.counterpart_country in a.countries
            if theirs and m.our_country in a.countries:
                s.because(f"{self.country(m.counterpart_country)} and "
                          f"{self.country(m.our_country)} are parties",
                          W_COUNTERPART + W_OURS + W_BETWEEN)
                s.default = True
            elif theirs:
                s.because(f"{self.country(m.counterpart_country)} is a party", W_COUNTERPART)
            if a.status and a.status != AgreementStatus.SIGNED.value:
                s.reasons.append(f"status: {a.status}")
            signed = a.signed.sort_key() if a.signed else (0, 0, 0)
            s.order = (STATUS_ORDER.get(a.status, 9), tuple(-x for x in signed), a.id)

    def cap_agreements(self) -> None:
        """Too many for one briefing (once scored): keep the open negotiations, then the
        most relevant, then the newest."""
        open_ = STATUS_ORDER[AgreementStatus.NEGOTIATING.value]
        self.cap(Kind.AGREEMENT, DRAFT_AGREEMENTS, key=lambda s: (
            s.order[0] != open_, -round(s.score, 6), s.order[1], s.order[2]))

    def cap(self, kind: Kind, limit: int, key) -> None:
        """Keep at most ``limit`` defaults of a kind (the first by ``key``)."""
        chosen = sorted((s for s in self.items.values() if s.kind == kind and s.default), key=key)
        for s in chosen[limit:]:
            s.default = False
            s.reasons.append("left out of the draft: too many")

    def visits(self) -> list[int]:
        """Adds visits; returns the ids of those between the two countries."""
        m = self.m
        between_ids = []
        people = {}
        for v in q.visits_involving(self.store, m.countries, [m.person_id]):
            s = self.add(Kind.VISIT, v.id, Section.VISITS, v.start)
            between = {v.guest_country, v.host_country} == set(m.countries) and len(m.countries) == 2
            if m.person_id is not None and v.guest_id == m.person_id:
                s.because("counterpart is the guest", W_PERSON)
            if m.person_id is not None and v.host_id == m.person_id:
                s.because("counterpart is the host", W_PERSON)
            if between:
                s.because(f"visit to {self.country(v.host_country)}", W_COUNTERPART)
                s.because(f"between {self.country(m.our_country)} and "
                          f"{self.country(m.counterpart_country)}", W_BETWEEN)
                s.default = True
                between_ids.append(v.id)
                for pid in (v.guest_id, v.host_id):
                    if pid is not None:
                        people[pid] = v
            s.order = (v.start.sort_key() if v.start else (0, 0, 0), v.id)
        self.cap(Kind.VISIT, DRAFT_VISITS, key=lambda s: tuple(-x for x in s.order[0]))
        self._visit_people = people
        return between_ids

    def counterpart_statements(self, between_visits: list[int]) -> None:
        """The counterpart's statements (the person's, else the country's speakers'),
        and everything said during visits between the two countries."""
        m = self.m
        side: list[q.StatementFacts] = []
        if m.person_id is not None:
            for st in q.statements_by_speakers(self.store, [m.person_id], limit=50):
                self.add(Kind.STATEMENT, st.id, Section.STATEMENTS, st.date).because(
                    "speaker is the counterpart", W_PERSON)
                side.append(st)
        if m.counterpart_country:
            for st in self._recent_by_country(m.counterpart_country, 50):
                if m.person_id is not None and st.speaker_id == m.person_id:
                    continue  # already "speaker is the counterpart"
                self.add(Kind.STATEMENT, st.id, Section.STATEMENTS, st.date).because(
                    f"speaker is from {self.country(m.counterpart_country)}", W_COUNTERPART)
                if m.person_id is None:
                    side.append(st)
        for st in q.statements_on_visits(self.store, between_visits):
            s = self.add(Kind.STATEMENT, st.id, Section.STATEMENTS, st.date)
            s.because("said during a visit between the two countries", W_OCCASION)
            if st.speaker_country == m.our_country:
                s.because(f"speaker is from {self.country(m.our_country)}", W_OURS)
                self._ours.append(st)
            elif st.speaker_country == m.counterpart_country:
                if st.speaker_id != m.person_id:
                    s.because(f"speaker is from {self.country(m.counterpart_country)}",
                              W_COUNTERPART)
                side.append(st)
        self._take(side, 0, COUNTERPART_STATEMENTS)

    def _recent_by_country(self, country: str, limit: int, keep=None) -> list[q.StatementFacts]:
        """The newest statements of a country's speakers (those ``keep`` keeps, if
        given), looking back a year or so first and further only when that finds too
        few: the cost follows the window, not the country's whole record."""
        ref_year = self.m.date.year if self.m.date else _date.today().year
        rows: list[q.StatementFacts] = []
        for years in STATEMENT_WINDOWS:
            since = str(ref_year - years) if years is not None else None
            batch = q.statements_by_country(self.store, country, since=since,
                                            limit=limit if keep is None else limit * 8)
            rows = keep(batch) if keep is not None else batch
            if len(rows) >= limit:
                break
        return rows[:limit]

    def our_statements(self, topics: dict[str, str]) -> None:
        """Ours on the same topics as the meeting (and those said during its visits)."""
        m = self.m
        if m.our_country and topics:
            def on_topic(batch: list[q.StatementFacts]) -> list[q.StatementFacts]:
                tags = q.topics_of(self.store, Kind.STATEMENT, [st.id for st in batch])
                return [st for st in batch
                        if any(fold_key(t) in topics for t in tags.get(st.id, ()))]

            for st in self._recent_by_country(m.our_country, 50, on_topic):
                self.add(Kind.STATEMENT, st.id, Section.STATEMENTS, st.date).because(
                    f"speaker is from {self.country(m.our_country)}", W_OURS)
                self._ours.append(st)
        self._take(self._ours, 1, 0)  # chosen by relevance once scored: see choose_ours

    def _take(self, side: list[q.StatementFacts], rank: int, limit: int) -> None:
        seen: list[int] = []
        for st in sorted(side, key=_newest_first):
            if st.id not in seen:
                seen.append(st.id)
        for n, sid in enumerate(seen):
            s = self.items[(Kind.STATEMENT, sid)]
            if s.order and s.order[0] < rank:
                continue  # already placed on the counterpart's side
            s.order = (rank, n)
            s.default = s.default or n < limit

    def choose_ours(self) -> None:
        """Our side's statements in the draft: the most relevant, newest first on ties."""
        ours = [s for s in self.items.values()
                if s.kind == Kind.STATEMENT and s.order and s.order[0] == 1]
        ours.sort(key=lambda s: (-round(s.score, 6), *newer_first(s), s.record_id))
        for n, s in enumerate(ours):
            s.order = (1, n)
            s.default = n < OUR_STATEMENTS

    def figures(self) -> None:
        m = self.m
        if not m.counterpart_country:
            return
        latest: dict[str, Suggestion] = {}
        for f in q.figure_candidates(self.store, m.counterpart_country, m.our_country):
            s = self.add(Kind.FIGURE, f.id, Section.FIGURES, f.as_of)
            s.title = f.metric
            pair = {f.from_country, f.to_country}
            if pair == set(m.countries) and len(m.countries) == 2:
                s.because(f"between {self.country(m.our_country)} and "
                          f"{self.country(m.counterpart_country)}", W_COUNTERPART + W_BETWEEN)
                key = fold_key(f.metric) + "|" + "|".join(sorted(c or "" for c in pair))
                if key not in latest:  # newest first from the query
                    latest[key] = s
                    s.default = True
            else:
                s.because(f"about {self.country(m.counterpart_country)}", W_COUNTERPART)
            s.order = (tuple(-x for x in (f.as_of.sort_key() if f.as_of else (0, 0, 0))), f.id)

    def stances(self) -> list[Suggestion]:
        m = self.m
        out = []
        for st in q.stances_of(self.store, m.countries, [m.person_id]):
            s = self.add(Kind.STANCE, st.id, Section.SENSITIVITIES)
            s.title = st.topic
            side = 2
            if m.person_id is not None and st.holder_person_id == m.person_id:
                s.because("held by the counterpart", W_PERSON)
                side = 0
            if st.holder_country == m.counterpart_country:
                s.because(f"held by {self.country(m.counterpart_country)}", W_COUNTERPART)
                side = min(side, 1)
            if st.holder_country == m.our_country:
                s.because(f"held by {self.country(m.our_country)}", W_OURS)
            s.default = side < 2
            s.order = (side, st.id)
            s.topics = [st.topic] if st.topic else []
            out.append(s)
        return out

    def profile(self) -> None:
        m = self.m
        if m.person_id is not None:
            s = self.add(Kind.PERSON, m.person_id, Section.PROFILE)
            s.because("the counterpart", W_PERSON)
            s.default = True
            s.order = (0,)
            return
        # no counterpart person: offer the counterpart country's people met on visits
        people = self.store.get_many(Kind.PERSON, list(self._visit_people))
        for person in people:
            if person.country != m.counterpart_country:
                continue
            pid, visit = person.id, self._visit_people[person.id]
            s = self.add(Kind.PERSON, pid, Section.PROFILE)
            role = "guest" if visit.guest_id == pid else "host"
            s.because(f"{role} of a visit between the two countries", W_COUNTERPART)
            s.order = (1, pid)

    # --- topics, recency, titles ----------------------------------------------------
    def tag_topics(self, purpose: dict[str, str], meeting: dict[str, str]) -> None:
        by_kind: dict[Kind, list[int]] = {}
        for key in self.items:
            if key not in self._topics_read:
                self._topics_read.add(key)
                by_kind.setdefault(key[0], []).append(key[1])
        for kind, ids in by_kind.items():
            for rid, names in q.topics_of(self.store, kind, ids).items():
                s = self.items[(kind, rid)]
                s.topics = list(dict.fromkeys([*s.topics, *names]))
        for s in self.items.values():
            for name in s.topics:
                key = fold_key(name)
                if key in purpose:
                    s.because(f"topic: {purpose[key]}", W_PURPOSE_TOPIC)
                elif key in meeting and s.kind in (Kind.STATEMENT, Kind.STANCE):
                    s.because(f"topic: {meeting[key]}", W_MEETING_TOPIC)

    def recency(self) -> None:
        ref = self.m.date
        today = _date.today()
        ref_day = _date(*[int(x) for x in ref.upper().split("-")]) if ref else today
        for s in self.items.values():
            age = _age_years(s.date, ref_day)
            if age is None:
                continue
            s.score += W_RECENCY / (1.0 + age)
            if age <= 1.0:
                s.reasons.append("recent")

    def sources(self) -> None:
        """The sources of the default records, in the draft's order."""
        cited: dict[int, list[Suggestion]] = {}
        by_kind: dict[Kind, list[Suggestion]] = {}
        for s in self.items.values():
            if s.default:
                by_kind.setdefault(s.kind, []).append(s)
        first: dict[int, tuple] = {}
        for kind, sugs in by_kind.items():
            links = q.sources_of(self.store, kind, [s.record_id for s in sugs])
            for s in sugs:
                for n, sid in enumerate(links.get(s.record_id, [])):
                    cited.setdefault(sid, []).append(s)
                    place = (SECTION_ORDER[s.section], s.order, n)
                    if sid not in first or place < first[sid]:
                        first[sid] = place
        for sid, sugs in cited.items():
            s = self.add(Kind.SOURCE, sid, Section.SOURCES)
            n = len(sugs)
            s.because(f"source of {n} suggested record{'s' if n != 1 else ''}", 0.1 * n)
            s.default = True
            s.order = first[sid]

    def titles(self) -> None:
        by_kind: dict[Kind, list[int]] = {}
        for (kind, rid), s in self.items.items():
            if not s.title:
                by_kind.setdefault(kind, []).append(rid)
        for kind, ids in by_kind.items():
            for rid, title in q.titles_of(self.store, kind, ids).items():
                self.items[(kind, rid)].title = title


def _newest_first(st: q.StatementFacts):
    key = st.date.sort_key() if st.date else (0, 0, 0)
    return (tuple(-x for x in key), st.id)
