"""Named mentions in an article: runs of capitalised words, classified.

Each run is cleaned (sentence-initial function words, possessive ``'s``), its
leading title ("Serbian President", "Patrol Chief", "Prime Minister") split off, and
the rest classified with the :class:`Gazetteer` and a few word lists as a person,
organisation, country, place, country adjective, or unknown (a single word: maybe a
surname, settled later by :mod:`people`).  Lower-case nominals ("the Kazakh
president") are found too, as ``nominal`` mentions carrying a country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.dates import MONTHS
from briefing.services.capture.gazetteer import Gazetteer

__all__ = ["Mention", "find_mentions", "TITLE_WORDS"]

TITLE_WORDS = {
    "president", "vice", "prime", "minister", "deputy", "foreign", "chancellor", "king",
    "queen", "prince", "princess", "crown", "emir", "sheikh", "sultan", "pope", "secretary",
    "general", "secretary-general", "ambassador", "envoy", "governor", "mayor", "senator",
    "sen", "rep", "gov", "mr", "mrs", "ms", "dr", "prof", "chief", "patrol", "spokesman",
    "spokeswoman", "spokesperson", "director", "chairman", "chairwoman", "chair", "ceo",
    "commissioner", "speaker", "premier", "defence", "defense", "economy", "trade", "finance",
    "interior", "justice", "energy", "health", "judge", "officer", "lt", "gen", "col", "sgt",
    "capt", "cmdr", "adm", "maj", "detective", "sheriff", "rabbi", "father", "bishop",
    "cardinal", "lord", "lady", "sir", "dame", "supreme", "leader", "councilman",
    "councilwoman", "commander", "admiral", "colonel", "major", "captain", "lieutenant",
    "sergeant", "professor", "attorney", "representative", "congressman", "congresswoman",
    "coach", "minister-president", "presidential", "adviser", "advisor", "head", "executive",
    "founder", "manager", "superintendent", "inspector", "agent", "trooper", "counsel",
    "assemblyman", "assemblywoman", "delegate", "councillor", "alderman", "commissar",
    "meteorologist", "correspondent", "affairs", "state", "u.s.", "us",
}
_NOT_TITLE_ALONE = {"state", "affairs", "general", "us", "u.s.", "trade", "energy", "health",
                    "justice", "finance", "economy", "interior", "defence", "defense",
                    "foreign", "crown", "supreme", "head", "executive", "major"}
ORG_WORDS = {
    "ministry", "department", "agency", "council", "forum", "bank", "fund", "funds", "company",
    "corporation", "corp", "inc", "ltd", "llc", "plc", "group", "association", "union",
    "organisation", "organization", "university", "institute", "centre", "center",
    "commission", "committee", "office", "service", "services", "police", "army", "navy",
    "force", "forces", "party", "news", "press", "times", "post", "journal", "airways",
    "airlines", "airport", "railway", "railways", "summit", "parliament", "assembly",
    "congress", "senate", "court", "government", "administration", "authority", "board",
    "bureau", "club", "foundation", "federation", "order", "invest", "international",
    "financial", "holding", "holdings", "motors", "oil", "gas", "power", "media", "network",
    "television", "radio", "tv", "church", "school", "college", "hospital", "museum",
    "conference", "initiative", "alliance", "coalition", "project", "programme", "program",
    "embassy", "house", "palace", "kremlin", "industries", "industry", "technologies",
    "systems", "energy", "capital", "partners", "exchange", "institution", "guard",
    "reserve", "academy", "society", "league", "cup", "games", "festival", "awards",
    "magazine", "daily", "herald", "tribune", "gazette", "agency", "express", "airlines",
    "mall", "street", "avenue", "square", "bridge", "road", "park", "river", "lake",
    "stadium", "hall", "tower", "station", "group", "team", "studios", "pictures",
    "records", "review", "report", "weekly", "channel", "global", "world", "digital",
    "parade", "festival", "championship", "election", "war", "day", "week", "fair", "show",
    "bowl", "series", "playoff", "final", "verdict", "act", "law", "bill", "treaty", "fest",
}
SURNAME_LIKE = {"hall", "house", "park", "post", "bank", "street", "bridge", "tower", "lake",
                "river", "cup", "day", "fair", "law", "bill", "power", "field", "capital",
                "guard", "general", "major", "press", "times", "news", "world", "final", "show",
                "star", "games", "war", "order", "court", "chair", "rivers", "banks", "parks"}
REGION_WORDS = {"asia", "europe", "africa", "america", "americas", "middle", "east", "west",
                "north", "south", "central", "balkans", "caucasus", "gulf", "pacific",
                "atlantic", "arctic", "mediterranean", "eurasia", "oceania", "scandinavia",
                "baltic", "baltics", "caribbean", "latin", "sea", "ocean", "island", "islands",
                "county", "province", "region", "valley", "mountains", "city", "coast",
                "midwest", "upper", "lower", "northeast", "northwest", "southeast", "southwest",
                "heights", "hills", "lakes", "northern", "southern", "eastern", "western", "beach", "springs", "falls", "harbor", "harbour", "bay"}
_PLACE_PREFIXES = {"san", "santa", "los", "las", "port", "fort", "saint", "st", "mount", "lake",
                   "cape", "new", "el", "la", "sao", "são", "rio", "puerto", "costa"}
_FUNCTION = set("""the a an in on at during this that these those it he she they we i you
but and or so since after before while as if when several another now then however also
there here his her their our my its your days today yesterday tomorrow last next both all
some many most such what who why how where which although though meanwhile still yet even
like with from by for to of under over between among according despite instead either
neither every each no not just only one two three four five first second third more
once later earlier until unless because whether thus hence indeed perhaps maybe well
let let's please thank thanks yes oh ok okay""".split())
_TIME_WORDS = {m.lower() for m in MONTHS} | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "christmas", "easter", "thanksgiving", "ramadan"}
_PARTICLES = {"de", "van", "von", "der", "den", "bin", "al", "da", "di", "du", "la", "le",
              "del", "dos", "das", "ibn", "el", "ter", "y"}
_CONNECTORS = {"of", "for", "and"}

_LOWER_TITLE = re.compile(
    r"\b(?:[a-z]+(?:ist|er|or|man|woman|ent|ant|ian|ive)|co-host|host|chief|head|minister|"
    r"president|leader|official|spokesperson|analyst|expert|founder|owner|mother|father|"
    r"son|daughter|wife|husband|resident|student|teacher|coach|player|actor|actress|"
    r"singer|author|director|producer|economist|lawyer|attorney|judge|senator|governor|"
    r"mayor|sheriff|officer|colleague|friend|partner|legend|veteran|star)\s+$")
_TOKEN = re.compile(r"[^\W\d_](?:[\w’'\-]|\.(?=[^\W\d_]))*\.?")
_NOMINAL = re.compile(
    r"\b(?:the|his|her|their|its)\s+(?P<adj>[A-Z][\w’'-]+)\s+(?P<title>president|prime minister|"
    r"foreign minister|minister|leader|king|premier|chancellor|counterpart|head of state|"
    r"ambassador|envoy|emir|monarch|side|delegation|government)\b")


@dataclass
class Mention:
    start: int  # span of the name proper (title excluded)
    end: int
    text: str
    kind: str  # person | organisation | country | place | demonym | nominal | unknown
    title: str = ""
    country: str | None = None  # the country it names, or the person's from the title
    title_start: int = -1  # where the title begins (== start when none)
    possessive: bool = False
    record_id: int | None = None
    weak: bool = False  # a person only because it looks like a name (no title, unknown)

    @property
    def full_start(self) -> int:
        return self.title_start if self.title_start >= 0 else self.start


def _tokens(text: str):
    for m in _TOKEN.finditer(text):
        word = m.group()
        end = m.end()
        if word.endswith(".") and not (len(word) == 2 or re.fullmatch(r"(?:\w\.)+", word)
                                       or word[:-1].lower() in TITLE_WORDS):
            word, end = word[:-1], end - 1  # a sentence's full stop, not an initial
        yield m.start(), end, word


def _runs(text: str):
    """Runs of capitalised tokens: lists of (start, end, word)."""
    run: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # particles/connectors waiting for a capital
    last_end = -1
    for start, end, word in _tokens(text):
        gap = text[last_end:start] if last_end >= 0 else ""
        joined = run and gap == " "
        if word[0].isupper() and word.lower() not in _TIME_WORDS:
            if joined or (pending and gap == " "):
                run.extend(pending)
                run.append((start, end, word))
            else:
                if run:
                    yield run
                run = [(start, end, word)]
            pending = []
            if word.endswith(("’s", "'s")):
                yield run
                run = []
        elif joined and (word in _PARTICLES or (word in _CONNECTORS and word != "and"
                         and any(w.lower() in ORG_WORDS for _, _, w in run))):
            pending.append((start, end, word))
            last_end = end
            continue
        else:
            if run:
                yield run
            run, pending = [], []
        last_end = end
    if run:
        yield run


def _base(word: str) -> str:
    return re.split(r"['’]", word)[0].lower()


def _clean(run):
    while run and _base(run[0][2]) in _FUNCTION:
        run = run[1:]
    while run and (_base(run[-1][2]) in _FUNCTION or run[-1][2] in _PARTICLES
                   or run[-1][2] in _CONNECTORS):
        run = run[:-1]
    return run


def find_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    """All name mentions in ``text``, in order (see the module docstring)."""
    out: list[Mention] = []
    for run in _runs(text):
        run = _clean(run)
        if not run:
            continue
        m = _classify(text, run, gaz)
        if m is not None:
            out.append(m)
    for m in _NOMINAL.finditer(text):
        code = gaz.demonym(m.group("adj")) or gaz.country(m.group("adj"))
        if code:
            out.append(Mention(m.start(), m.end(), m.group(), "nominal",
                               title=m.group("title"), country=code, title_start=m.start()))
    out.sort(key=lambda x: x.start)
    _link_appositions(text, out)
    return out


def _classify(text: str, run, gaz: Gazetteer) -> Mention | None:
    possessive = run[-1][2].endswith(("’s", "'s"))
    words = [w for _, _, w in run]
    if possessive:
        words[-1] = words[-1][:-2]
    start, end = run[0][0], run[-1][1] - (2 if possessive else 0)
    # the title: up to the last title word (or a country adjective before a title)
    cut = -1
    for i, w in enumerate(words):
        low = w.lower().rstrip(".")
        if low in TITLE_WORDS and not (i == 0 and low in _NOT_TITLE_ALONE and len(words) > 1
                                       and words[1].lower().rstrip(".") not in TITLE_WORDS):
            cut = i
        elif i == cut + 1 and gaz.demonym(w) and i + 1 < len(words) \
                and words[i + 1].lower().rstrip(".") in TITLE_WORDS:
            cut = i
    title_words, name_words = words[:cut + 1], words[cut + 1:]
    country = None
    for w in title_words:
        country = country or gaz.demonym(w) or gaz.country(w)
    name = " ".join(name_words)
    if not name_words:
        if country or any(w.lower() in ("president", "minister", "king", "premier")
                          for w in title_words):
            return Mention(start, end, " ".join(title_words), "nominal",
                           title=" ".join(title_words), country=country, title_start=start,
                           possessive=possessive)
        return None
    name_start = run[cut + 1][0]
    name_end = end
    title = " ".join(title_words)
    kind, code, record_id = _kind(name, name_words, gaz, titled=bool(title_words))
    weak = kind == "weak person"
    if weak:
        kind = "person"
        if _LOWER_TITLE.search(text, max(0, start - 40), start):
            weak = False  # "spokesman John Smith", "meteorologist Todd Borek"
    return Mention(name_start, name_end, text[name_start:name_end], kind, title=title,
                   country=code if kind in ("country", "place", "demonym") else country,
                   title_start=start, possessive=possessive, record_id=record_id, weak=weak)


def _kind(name: str, words: list[str], gaz: Gazetteer, titled: bool):
    if code := gaz.country(name):
        return "country", code, None
    if code := gaz.place_country(name):
        return "place", code, None
    if len(words) == 1 and (code := gaz.demonym(name)):
        return "demonym", code, None
    lows = [w.lower().rstrip(".") for w in words]
    if org := gaz.organisation(name):
        return "organisation", org.country, org.id
    if person := gaz.person(name):
        return "person", person.country, person.id
    orgish = (any(w in ORG_WORDS and (w not in SURNAME_LIKE or not titled) for w in lows)
              or any(w.isupper() and len(w) > 1 and "." not in w for w in words)
              or any(re.search(r"\w\.[A-Za-z]{2,}$", w) for w in words)
              or (not titled and gaz.demonym(words[0]) is not None))
    if orgish:
        return "organisation", None, None
    if any(w in REGION_WORDS for w in lows) or lows[0] in _PLACE_PREFIXES:
        return "place", None, None
    if titled:
        return "person", None, None
    if 2 <= len(words) <= 4:
        return "weak person", None, None
    return "unknown", None, None


def _link_appositions(text: str, mentions: list[Mention]) -> None:
    """"Kazakhstan’s Prime Minister, Olzhas Bektenov": the country and title go to the
    person; "Azerbaijan's President Ilham Aliyev": the country goes to the person."""
    for prev, cur in zip(mentions, mentions[1:]):
        gap = text[prev.end:cur.full_start]
        if prev.kind == "country" and prev.possessive and gap.strip() in ("’s", "'s", "") \
                and cur.kind in ("person", "nominal", "unknown") and cur.title:
            cur.country = cur.country or prev.country
        if prev.kind == "nominal" and gap.strip() == "," and cur.kind in ("person", "unknown") \
                and not cur.title:
            cur.kind = "person"
            cur.title, cur.country = prev.title, cur.country or prev.country
    for prev, mid, cur in zip(mentions, mentions[1:], mentions[2:]):
        gap1 = text[prev.end:mid.full_start]
        gap2 = text[mid.end:cur.full_start]
        if prev.kind == "country" and prev.possessive and mid.kind == "nominal" \
                and gap2.strip() == "," and cur.kind == "person" and gap1.strip() in ("’s", "'s", ""):
            cur.country = cur.country or prev.country
