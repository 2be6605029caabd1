"""The records of the synthetic store, generated in chunks.

``SynthRecords.generate(phase, chunk, first_id, count)`` makes ``count`` records of one
phase with their final ids (``first_id`` onwards), from a random generator seeded by
(seed, phase, chunk) alone — so chunks can be made in worker processes in any order
and the store is the same.  ``absorb`` keeps what later phases refer to (people's
ids and countries, visits, sources, organisations).
"""

from __future__ import annotations

import hashlib
import random
import uuid as uuidlib
from bisect import bisect
from itertools import accumulate

from synth_names import (
    CITIES, COMPANY_FORMS, CULTURE_BY_KEY, CULTURES, ORG_KINDS, OUTLETS, make_name, pick_culture,
)
from synth_text import TOPIC_NAMES, TextMaker

from briefing.dates import PartialDate
from briefing.domain import (
    Agreement, Figure, Kind, Office, Organisation, Party, Person, Record, Source, Stance,
    Statement, Visit,
)

STAMP = "2025-06-01T12:00:00Z"  # created_at/updated_at of every record (deterministic)
PHASES = [("sources", Kind.SOURCE), ("organisations", Kind.ORGANISATION), ("people", Kind.PERSON),
          ("visits", Kind.VISIT), ("agreements", Kind.AGREEMENT), ("statements", Kind.STATEMENT),
          ("figures", Kind.FIGURE), ("stances", Kind.STANCE)]
VISIT_KINDS = ["official"] * 8 + ["working"] * 6 + ["state"] * 3 + ["private", "transit", "other"]
AGREEMENT_KINDS = ["treaty", "memorandum of understanding", "framework agreement", "contract",
                   "protocol", "action plan", "joint declaration", "agreement"]
STATUSES = ["signed"] * 10 + ["in force"] * 6 + ["negotiating"] * 3 + ["terminated"] * 1
OCCASIONS = ["EU Enlargement Summit", "UN General Assembly", "joint press conference",
             "Business Forum", "interview", "press conference", "Munich Security Conference",
             "SCO summit", "BRICS summit", "COP29", "Astana International Forum",
             "Valdai Discussion Club", "Antalya Diplomacy Forum", "Dubrovnik Forum",
             "parliament session", "state television address", "Davos"]
METRICS = [("trade turnover", "%"), ("exports", "USD million"), ("imports", "USD million"),
           ("foreign direct investment", "USD million"), ("companies present", "companies"),
           ("tourist arrivals", "people"), ("gas deliveries", "bcm"), ("flights per week", "flights"),
           ("students", "people"), ("trade turnover", "USD million")]
QUALIFIERS = ["", "", "more than", "as much as", "about", "nearly", "over"]
STANCE_TEMPLATES = [
    ("Kosovo", "{h} does not recognise Kosovo's independence."),
    ("Kosovo", "{h} recognises Kosovo's independence."),
    ("EU enlargement", "{h} supports the EU membership of the Western Balkans."),
    ("Crimea", "{h} does not recognise the annexation of Crimea."),
    ("Nagorno-Karabakh", "{h} supports the territorial integrity of Azerbaijan."),
    ("gas", "{h} is diversifying its gas imports away from single-source suppliers."),
    ("Taiwan", "{h} adheres to the one-China policy."),
    ("sanctions", "{h} does not join sanctions it did not vote for at the United Nations."),
    ("Middle Corridor", "{h} backs the Trans-Caspian International Transport Route."),
    ("nuclear energy", "{h} plans to build its first nuclear power plant."),
]
SENIOR = ["President", "Prime Minister", "Minister of Foreign Affairs", "Speaker of Parliament"]
PORTFOLIOS = ["Energy", "Defence", "Trade", "Economy", "Finance", "Health", "Transport",
              "Agriculture", "Digital Development", "Education", "Culture"]
HEADS = ("Chairman", "CEO", "Director-General")


class Picker:
    """Weighted choice from a fixed list with precomputed cumulative weights."""

    def __init__(self, items: list, weights: list[float]):
        self.items = items
        self.cum = list(accumulate(weights))

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cum, rng.random() * self.cum[-1])]


def partial_date(rng: random.Random, lo: int = 1991, hi: int = 2025) -> PartialDate:
    """Recent years more often; 70 % day, 20 % month, 10 % year precision; 7 % approximate."""
    year = max(lo, hi - int(abs(rng.gauss(0, 8))))
    r = rng.random()
    approx = rng.random() < 0.07
    if r >= 0.9:
        return PartialDate(year, approximate=approx)
    month = rng.randint(1, 12)
    if r >= 0.7:
        return PartialDate(year, month, approximate=approx)
    return PartialDate(year, month, rng.randint(1, 28), approximate=approx)


class SynthRecords:
    def __init__(self, seed: int, countries: dict[str, str], statements: int):
        """``countries``: code → name of the live countries in the store."""
        self.seed = seed
        self.country_name = countries
        self.codes = sorted(countries)
        culture_codes = [code for c in CULTURES for code in c.countries]
        self.host_codes = Picker(self.codes + culture_codes,
                                 [1.0] * len(self.codes) + [12.0] * len(culture_codes))
        cities = [c for cs in CITIES.values() for c in cs]
        names = [countries[c] for c in self.codes]
        self.text = TextMaker(random.Random(f"{seed}:vocabulary"),
                              [countries[c] for c in self.codes if c in CITIES] * 3 + names, cities,
                              tail_scale=min(1.0, max(0.02, statements / 1_000_000)))
        self.topic_pick = Picker(TOPIC_NAMES, [1 / (i + 3) for i in range(len(TOPIC_NAMES))])
        self.people: list[tuple[int, str, str, str]] = []  # id, country, culture, surname
        self.people_by_country: dict[str, list[int]] = {}
        self.person_pick: Picker | None = None
        self.visits: list[tuple[int, str, str, PartialDate]] = []  # id, guest c., host c., start
        self.org_ids: list[int] = []
        self.source_ids: list[int] = []

    # --- helpers ---------------------------------------------------------------------------
    def _base(self, rng: random.Random, rec: Record, rid: int) -> Record:
        rec.id = rid
        rec.uuid = str(uuidlib.UUID(int=rng.getrandbits(128), version=4))
        rec.created_at = rec.updated_at = STAMP
        return rec

    def _topics(self, rng: random.Random, most: int = 3) -> list[str]:
        return list(dict.fromkeys(self.topic_pick(rng) for _ in range(rng.randint(0, most))))

    def _sources(self, rng: random.Random, p: float = 0.3) -> list[int]:
        if self.source_ids and rng.random() < p:
            return [rng.choice(self.source_ids)]
        return []

    @staticmethod
    def _city(rng: random.Random, code: str) -> str:
        cities = CITIES.get(code)
        return rng.choice(cities) if cities else ""

    def _speaker(self, rng: random.Random) -> tuple[int, str, str, str]:
        return self.people[self.person_pick(rng)]

    # --- generating ------------------------------------------------------------------------
    def generate(self, phase: str, chunk: int, first_id: int, count: int) -> list[tuple[Record, object]]:
        rng = random.Random(f"{self.seed}:{phase}:{chunk}")
        make = getattr(self, f"_{phase}_record")
        return [make(rng, first_id + i) for i in range(count)]

    def absorb(self, phase: str, rec: Record, meta) -> None:
        if phase == "sources":
            self.source_ids.append(rec.id)
        elif phase == "organisations":
            self.org_ids.append(rec.id)
        elif phase == "people":
            self.people.append((rec.id, rec.country, *meta))
            self.people_by_country.setdefault(rec.country, []).append(rec.id)
        elif phase == "visits":
            self.visits.append((rec.id, rec.guest_country, rec.host_country, rec.start))

    def phase_done(self, phase: str) -> None:
        if phase == "people":
            self.person_pick = Picker(list(range(len(self.people))),
                                      [1 / (i + 5) ** 0.9 for i in range(len(self.people))])

    def _sources_record(self, rng: random.Random, rid: int):
        lang = "en" if rng.random() < 0.8 else rng.choice(["sr", "ru", "kk", "az", "tr", "ar", "fr"])
        outlet = rng.choice(OUTLETS)
        text = self.text.paragraphs(rng, lang, rng.randint(2, 6))
        published = partial_date(rng)
        title = self.text.sentence(rng, lang).rstrip(".۔")[:140]
        slug = "-".join(title.lower().split()[:6])
        domain = outlet.lower().replace(" ", "").replace(".", "") + ".example"
        return self._base(rng, Source(
            title=title, outlet=outlet, url=f"https://{domain}/{published.year}/{slug}-{rid}",
            published=published, language=lang, text=text,
            sha256=hashlib.sha256(text.encode()).hexdigest()), rid), None

    def _organisations_record(self, rng: random.Random, rid: int):
        code = self.host_codes(rng)
        country = self.country_name[code]
        kind = rng.choice(["ministry", "company", "company", "company", "fund", "agency", "council"])
        if kind == "ministry":
            name = f"{rng.choice(ORG_KINDS['ministry'])} of {country}"
        elif kind == "company":
            words = self.text.vocab["en"].words_list
            stem = words[rng.randint(400, len(words) - 1)].capitalize()
            name = f"{stem} {rng.choice(ORG_KINDS['company'])} {rng.choice(COMPANY_FORMS)}"
        else:
            name = f"{country} {rng.choice(ORG_KINDS[kind])}"
        if kind != "company" and rng.random() < 0.5:
            name = f"{name} ({self._city(rng, code) or rid})"  # namesakes are told apart
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        aliases = [initials] if len(initials) > 2 else []
        return self._base(rng, Organisation(name=name, aliases=aliases, org_kind=kind, country=code,
                                            topics=self._topics(rng, 2)), rid), None

    def _people_record(self, rng: random.Random, rid: int):
        culture = pick_culture(rng)
        code = rng.choice(culture.countries)
        nm = make_name(rng, culture)
        cname = self.country_name.get(code, code)
        r = rng.random()
        if r < 0.03:
            title = f"{rng.choice(SENIOR)} of {cname}"
        elif r < 0.4:
            title = f"Minister of {rng.choice(PORTFOLIOS)} of {cname}"
        elif r < 0.6:
            title = f"Ambassador of {cname} to {self.country_name[rng.choice(self.codes)]}"
        elif r < 0.8 and self.org_ids:
            title = rng.choice(HEADS)
        else:
            title = f"Member of Parliament of {cname}"
        offices = []
        start = partial_date(rng, 1995, 2024)
        if rng.random() < 0.5:
            offices.append(Office(title=f"Deputy Minister of {rng.choice(PORTFOLIOS)}", country=code,
                                  start=PartialDate(max(1990, start.year - rng.randint(1, 8))),
                                  end=PartialDate(start.year, approximate=start.approximate)))
        org = rng.choice(self.org_ids) if title in HEADS else None
        offices.append(Office(title=title, country=code, organisation_id=org, start=start))
        surname = nm.name.split()[-1] if culture.key in ("ru", "kk", "uk") else nm.surname
        return self._base(rng, Person(name=nm.name, aliases=nm.aliases, country=code, office=title,
                                      offices=offices, topics=self._topics(rng, 2)), rid), \
            (culture.key, surname)

    def _visits_record(self, rng: random.Random, rid: int):
        pid, gcode, _, _ = self._speaker(rng)
        hcode = self.host_codes(rng)
        while hcode == gcode:
            hcode = self.host_codes(rng)
        hosts = self.people_by_country.get(hcode)
        host = rng.choice(hosts) if hosts and rng.random() < 0.6 else None
        start = partial_date(rng)
        end = None
        if start.day and rng.random() < 0.7:
            end = PartialDate(start.year, start.month, min(28, start.day + rng.randint(0, 4)))
        return self._base(rng, Visit(
            guest_id=pid, guest_country=gcode, host_country=hcode, host_id=host, start=start,
            end=end, place=self._city(rng, hcode), visit_kind=rng.choice(VISIT_KINDS),
            purpose=self.text.phrase(rng, "en", 4, 12) if rng.random() < 0.7 else "",
            ordinal=rng.randint(1, 6) if rng.random() < 0.2 else None,
            topics=self._topics(rng, 2), source_ids=self._sources(rng)), rid), None

    def _agreements_record(self, rng: random.Random, rid: int):
        visit_id = None
        if self.visits and rng.random() < 0.3:
            visit_id, a, b, signed = rng.choice(self.visits)
        else:
            a, b, signed = self.host_codes(rng), self.host_codes(rng), partial_date(rng)
        status = rng.choice(STATUSES)
        kind = rng.choice(AGREEMENT_KINDS)
        sector = rng.choice(self.text.sectors)
        parties = [Party(party_kind="country", ref=a)]
        if b != a:
            parties.append(Party(party_kind="country", ref=b))
        for _ in range(rng.choice((0, 0, 1, 2))):
            parties.append(Party(party_kind="organisation", ref=rng.choice(self.org_ids)))
        if rng.random() < 0.3:
            parties.append(Party(party_kind="person", ref=self._speaker(rng)[0], role="signatory"))
        in_force = None
        if status in ("in force", "terminated") and signed.month and rng.random() < 0.7:
            in_force = PartialDate(signed.year + rng.randint(0, 2), signed.month)
        return self._base(rng, Agreement(
            title=f"{kind.capitalize()} between {self.country_name[a]} and "
                  f"{self.country_name[b]} on {sector}",
            agreement_kind=kind, sector=sector, status=status,
            signed=None if status == "negotiating" else signed, in_force=in_force,
            place=self._city(rng, b), visit_id=visit_id,
            summary=self.text.statement(rng, "en") if rng.random() < 0.8 else "",
            parties=parties, topics=self._topics(rng, 2), source_ids=self._sources(rng)), rid), None

    def _statements_record(self, rng: random.Random, rid: int):
        pid, code, culture, surname = self._speaker(rng)
        lang = "en"
        if rng.random() < 0.2:
            lang = CULTURE_BY_KEY[culture].language
            if lang not in self.text.vocab:
                lang = "en"
            elif lang == "sr" and rng.random() < 0.5:
                lang = "sr-Cyrl"
        paraphrase = rng.random() < 0.4
        visit_id, occasion, date = None, "", None
        r = rng.random()
        if r < 0.25 and self.visits:
            visit_id, _, _, date = rng.choice(self.visits)
        elif r < 0.6:
            occasion = rng.choice(OCCASIONS)
        return self._base(rng, Statement(
            speaker_id=pid, date=date or partial_date(rng),
            text=self.text.statement(rng, lang, surname, paraphrase),
            statement_kind="paraphrase" if paraphrase else "direct",
            language="sr" if lang == "sr-Cyrl" else lang, occasion_visit_id=visit_id,
            occasion=occasion,
            context=f"At a meeting in {self._city(rng, code)}" if rng.random() < 0.1 else "",
            topics=self._topics(rng), source_ids=self._sources(rng)), rid), None

    def _figures_record(self, rng: random.Random, rid: int):
        metric, unit = rng.choice(METRICS)
        a, b = self.host_codes(rng), self.host_codes(rng)
        as_of = partial_date(rng, 2000, 2025)
        value = round(rng.uniform(1, 100), 1) if unit == "%" else float(rng.randint(1, 5000))
        return self._base(rng, Figure(
            metric=metric, value=value, unit=unit, qualifier=rng.choice(QUALIFIERS),
            from_country=a, to_country=b if b != a else None, period=str(as_of.year), as_of=as_of,
            topics=self._topics(rng, 1), source_ids=self._sources(rng, 0.5)), rid), None

    def _stances_record(self, rng: random.Random, rid: int):
        topic, template = rng.choice(STANCE_TEMPLATES)
        if rng.random() < 0.8:
            code = self.host_codes(rng)
            rec = Stance(holder_country=code, topic=topic, text=template.format(h=self.country_name[code]))
        else:
            pid, _, _, surname = self._speaker(rng)
            rec = Stance(holder_person_id=pid, topic=topic, text=template.format(h=surname))
        rec.topics = [topic]
        rec.source_ids = self._sources(rng, 0.5)
        return self._base(rng, rec, rid), None
