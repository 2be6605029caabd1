"""Build ``db/countries.json``: ISO 3166-1, Kosovo and the former countries history needs.

Run from the checkout::

    /work/venv/bin/python db/tools/build_countries.py

Sources: ``pycountry`` (ISO 3166-1 and 3166-3) and its gettext catalogues for the
names in other languages, plus the hand-written tables below (common English
names, the spellings real data uses, Kosovo, the former countries).  Aliases that
fold (case, diacritics, script: :func:`briefing.fold.fold_key`) to the same key for
two countries are resolved here, once, and every dropped alias is printed, so that
the app never has to guess.
"""

from __future__ import annotations

import gettext
import json
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from briefing.fold import fold_key  # noqa: E402

OUT = ROOT / "db" / "countries.json"
# The pycountry release the shipped file was generated with (its catalogues change
# between releases; tests compare the output only under this one).
BUILT_WITH = "26.2.16"

# Languages whose names become aliases, in the order they appear in the file.
LANGUAGES = [
    "sr", "sr@latin", "ru", "uk", "be", "bg", "mk", "kk", "ky", "uz", "tg", "tk",
    "az", "tr", "hr", "bs", "sl", "sq", "de", "fr", "es", "it", "pt", "nl", "pl",
    "cs", "ro", "hu", "el", "hy", "ka", "ar", "fa", "he", "zh_CN", "ja", "ko",
]

# The short English name people write, where pycountry has no ``common_name``
# and its ISO name is not it.
NAME = {
    "RU": "Russia", "BN": "Brunei", "CD": "DR Congo", "CG": "Republic of the Congo",
    "FM": "Micronesia", "PS": "Palestine", "VA": "Holy See", "FK": "Falkland Islands",
    "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands", "MF": "Saint Martin",
    "SX": "Sint Maarten",
}
# Official names pycountry lacks (otherwise the ISO name is used).
OFFICIAL = {
    "CD": "Democratic Republic of the Congo", "KR": "Republic of Korea",
    "LA": "Lao People's Democratic Republic", "SY": "Syrian Arab Republic",
    "VA": "Holy See (Vatican City State)", "ER": "State of Eritrea", "PS": "State of Palestine",
}

# Spellings real data uses (news, statistics offices, UN/World Bank tables, the
# region's own languages).  Listed right after the country's own names.
HAND = {
    "AE": ["UAE", "U.A.E.", "Emirates", "ОАЭ", "УАЕ"],
    "AM": ["Hayastan", "Армения", "Јерменија", "Jermenija"],
    "AZ": ["Azərbaycan", "Azerbaycan", "Azerbaijan Republic", "Azərbaycan Respublikası",
           "Азербайджан", "Азербејџан", "Azerbejdžan", "Әзірбайжан"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "BiH", "Bosna i Hercegovina", "Босна и Херцеговина"],
    "BO": ["Bolivia", "Bolivia (Plurinational State of)"],
    "BS": ["The Bahamas"],
    "BY": ["Belorussia", "Byelorussia", "Беларусь", "Белорусија", "Bjelorusija", "Belorusija"],
    "CD": ["DRC", "D.R. Congo", "Congo-Kinshasa", "Congo (Kinshasa)", "Congo, Dem. Rep.",
           "Congo, Democratic Republic of the", "Democratic Republic of Congo", "Zaire"],
    "CG": ["Congo-Brazzaville", "Congo (Brazzaville)", "Congo, Rep.", "Congo Republic"],
    "CI": ["Cote d’Ivoire", "Côte d’Ivoire", "Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "CN": ["PRC", "Mainland China", "Кина", "Kina", "Китай", "Қытай"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "CZ": ["Czechia", "Czech Republic", "Чехия", "Чешка", "Češka", "Чешка Република",
           "Češka Republika"],
    "DE": ["Deutschland", "Германия", "Немачка", "Nemačka", "Njemačka"],
    "EG": ["Egypt, Arab Rep."],
    "FM": ["Micronesia (Federated States of)"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom",
           "Великобритания", "Велика Британија", "Velika Britanija", "Ұлыбритания"],
    "GE": ["Sakartvelo", "Грузия", "Грузија", "Gruzija"],
    "GM": ["The Gambia", "Gambia, The"],
    "IR": ["Iran", "Iran (Islamic Republic of)", "Iran, Islamic Rep.", "Persia", "Иран"],
    "KG": ["Kirghizia", "Kyrgyz Republic", "Кыргызстан", "Киргизия", "Киргистан"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "KP": ["Korea, North", "North Korea", "Korea (North)", "DPRK", "Korea, Dem. People's Rep.",
           "Северная Корея", "КНДР", "Северна Кореја", "Sjeverna Koreja", "Severna Koreja",
           "Солтүстік Корея"],
    "KR": ["Korea, South", "South Korea", "Korea (South)", "Republic of Korea", "ROK",
           "Korea, Rep.", "Южная Корея", "Јужна Кореја", "Južna Koreja", "Оңтүстік Корея"],
    "KZ": ["Kazakhstan", "Казахстан", "Қазақстан", "Qazaqstan", "Kazakstan",
           "Қазақстан Республикасы", "Qazaqstan Respublikasy", "Республика Казахстан",
           "Republika Kazahstan", "Република Казахстан"],
    "LA": ["Laos", "Lao PDR", "Лаос"],
    "LC": ["St Lucia", "St. Lucia"],
    "LK": ["Ceylon"],
    "MD": ["Moldova", "Republic of Moldova", "Moldavia", "Молдова", "Молдавия"],
    "ME": ["Crna Gora", "Црна Гора", "Черногория"],
    "MK": ["Macedonia", "North Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia",
           "The former Yugoslav Republic of Macedonia", "Македонија", "Северна Македонија",
           "Sjeverna Makedonija", "Severna Makedonija", "Makedonija"],
    "MM": ["Burma (Myanmar)", "Myanmar (Burma)", "Burma", "Мьянма", "Мјанмар", "Mjanmar", "Бирма"],
    "NL": ["Holland", "The Netherlands", "Nederland"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories",
           "Occupied Palestinian Territory", "Палестина"],
    "RS": ["Serbia", "Srbija", "Србија", "Republic of Serbia", "Republika Srbija",
           "Република Србија", "Сербия", "Sırbistan"],
    "RU": ["Russia", "Russian Federation", "Россия", "Русија", "Rusija", "Ресей", "Rusiya", "Rusya"],
    "ST": ["São Tomé and Príncipe"],
    "SY": ["Syria", "Сирия", "Сирија", "Sirija"],
    "SZ": ["Swaziland", "Eswatini"],
    "TH": ["Siam"],
    "TJ": ["Таджикистан", "Тоҷикистон", "Tojikiston"],
    "TL": ["East Timor", "Timor-Leste", "Timor Leste"],
    "TM": ["Туркменистан", "Türkmenistan"],
    "TR": ["Türkiye", "Turkey", "Turkiye", "Republic of Turkey", "Турция", "Турска", "Turska",
           "Түркия", "Türkiyə"],
    "TW": ["Taiwan", "Republic of China", "Chinese Taipei", "Тайвань", "Тајван", "Tajvan"],
    "TZ": ["Tanzania"],
    "UA": ["Україна", "Украина", "Украјина", "Ukrajina", "the Ukraine"],
    "US": ["USA", "US", "U.S.", "U.S.A.", "America", "United States of America",
           "the United States", "США", "САД", "SAD", "Sjedinjene Američke Države",
           "Сједињене Америчке Државе", "АҚШ", "ABŞ", "ABD"],
    "UZ": ["O'zbekiston", "Oʻzbekiston", "Узбекистан", "Ўзбекистон"],
    "VA": ["Vatican", "Vatican City", "Vatican City State", "Holy See", "Ватикан", "Vatikan",
           "Свети престол", "Sveta Stolica"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "VE": ["Venezuela", "Venezuela (Bolivarian Republic of)", "Venezuela, RB"],
    "VN": ["Vietnam", "Viet Nam", "Вьетнам", "Вијетнам", "Vijetnam"],
    "ZW": ["Rhodesia"],
}

# Kosovo: not in ISO 3166-1; XK / XKX are the codes the EU and most data use.
KOSOVO = {
    "code": "XK", "alpha3": "XKX", "name": "Kosovo", "official_name": "Republic of Kosovo",
    "former": False,
    "aliases": ["Kosova", "Kosovë", "Косово", "Republika e Kosovës", "Republic of Kosovo",
                "Kosovo and Metohija", "Kosovo i Metohija", "Косово и Метохија",
                "Kosowo", "Koszovó", "Kosovo (UNSCR 1244)", "كوسوفو", "کوزوو", "科索沃",
                "Κοσσυφοπέδιο", "Կոսովո", "კოსოვო", "コソボ", "코소보", "קוסובו"],
}

# ISO 3166-3 entries of states that ceased to exist (dissolved or merged), kept
# as their own countries.  Old alpha-2/alpha-3 codes become aliases; the
# collision pass drops an old code two of them share (CS).
FORMER = {
    "YUCS": ("Yugoslavia", "Socialist Federal Republic of Yugoslavia",
             ["Federal Republic of Yugoslavia", "SFRY", "FRY", "SFRJ", "SFR Yugoslavia",
              "Југославија", "Jugoslavija", "СФРЈ", "Социјалистичка Федеративна Република Југославија",
              "Савезна Република Југославија", "Savezna Republika Jugoslavija", "Югославия",
              "Jugoslawien", "Yougoslavie", "Jugoslavia", "Iugoslavia", "Jugosławia", "Yugoslavya"]),
    "CSXX": ("Serbia and Montenegro", "State Union of Serbia and Montenegro",
             ["Србија и Црна Гора", "Srbija i Crna Gora", "Државна заједница Србија и Црна Гора",
              "Сербия и Черногория", "Serbien und Montenegro", "Serbie-et-Monténégro",
              "Serbia y Montenegro"]),
    "SUHH": ("Soviet Union", "Union of Soviet Socialist Republics",
             ["USSR", "U.S.S.R.", "СССР", "SSSR", "Советский Союз", "Совјетски Савез",
              "Sovjetski Savez", "Sovjetski Savez", "Радянський Союз", "Кеңес Одағы",
              "Sowjetunion", "UdSSR", "Union soviétique", "URSS", "Unión Soviética",
              "Unione Sovietica", "União Soviética", "Sovyetler Birliği", "Sovet İttifaqı"]),
    "CSHH": ("Czechoslovakia", "Czechoslovak Socialist Republic",
             ["Czech and Slovak Federative Republic", "ČSSR", "ČSFR", "Československo",
              "Чехословакия", "Чехословачка", "Čehoslovačka", "Čehoslovaška",
              "Tschechoslowakei", "Tchécoslovaquie", "Checoslovaquia", "Cecoslovacchia"]),
    "DDDE": ("East Germany", "German Democratic Republic",
             ["GDR", "Deutsche Demokratische Republik", "ГДР", "Источна Немачка",
              "Istočna Nemačka", "Istočna Njemačka", "Восточная Германия",
              "Германская Демократическая Республика", "RDA", "Allemagne de l'Est",
              "Alemania Oriental", "Germania Est"]),
    "YDYE": ("South Yemen", "People's Democratic Republic of Yemen",
             ["Democratic Yemen", "PDRY", "Южный Йемен"]),
    "VDVN": ("North Vietnam", "Democratic Republic of Vietnam",
             ["Democratic Republic of Viet Nam", "DRV", "Северный Вьетнам"]),
    "ANHH": ("Netherlands Antilles", "Netherlands Antilles", ["Nederlandse Antillen"]),
}
# ISO 3166-3 entries of states that were renamed (or whose code changed): their
# old names and codes are aliases of the country that continues them.
RENAMED = {"ZRCD": "CD", "BUMM": "MM", "HVBF": "BF", "DYBJ": "BJ", "NHVU": "VU",
           "RHZW": "ZW", "TPTL": "TL", "BYAA": "BY"}

# Catalogue entries that are everyday words rather than names people use alone.
NOT_ALIASES = {"Man"}  # Isle of Man in a few catalogues

# Ranks used to resolve collisions: a country's own codes beat everything, names
# written by hand (or ISO's English ones) beat catalogue translations.
CODE, CURATED, TRANSLATED = 3, 2, 1


def catalogues(domain: str) -> dict[str, gettext.NullTranslations]:
    return {lang: gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang],
                                      fallback=True) for lang in LANGUAGES}


def translations(cats: dict[str, gettext.NullTranslations], *msgids: str) -> list[str]:
    out = []
    for lang in LANGUAGES:
        for msgid in msgids:
            if msgid:
                text = cats[lang].gettext(msgid).strip()
                if text and text != msgid:
                    out.append(text)
    return out


class Builder:
    def __init__(self) -> None:
        self.countries: dict[str, dict] = {}
        self.rank: dict[tuple[str, str], int] = {}  # (code, alias) → rank

    def add(self, entry: dict, ranked: list[tuple[int, list[str]]]) -> None:
        aliases: list[str] = []
        for rank, names in ranked:
            for name in names:
                name = " ".join(name.split())
                if not name or not fold_key(name) or name in NOT_ALIASES:
                    continue
                key = (entry["code"], name)
                if key not in self.rank:
                    aliases.append(name)
                    self.rank[key] = rank
                else:
                    self.rank[key] = max(self.rank[key], rank)
        entry["aliases"] = aliases
        self.countries[entry["code"]] = entry

    def resolve_collisions(self) -> list[str]:
        owners: dict[str, set[str]] = defaultdict(set)
        for code, entry in self.countries.items():
            for alias in entry["aliases"]:
                owners[fold_key(alias)].add(code)
        report, drop = [], defaultdict(set)  # code → folded keys to drop
        for key, codes in sorted(owners.items()):
            if len(codes) < 2:
                continue
            best = {c: max(self.rank[(c, a)] for a in self.countries[c]["aliases"]
                           if fold_key(a) == key) for c in codes}
            top = max(best.values())
            keep = {c for c in codes if best[c] == top}
            if len(keep) > 1:
                current = {c for c in keep if not self.countries[c]["former"]}
                if current and len(current) < len(keep):
                    keep = current
            if len(keep) > 1:
                keep = set()
            for c in sorted(codes - keep):
                drop[c].add(key)
            shown = ", ".join(sorted(codes))
            verdict = f"kept on {min(keep)}" if keep else "dropped from all"
            report.append(f"  {key!r}: {shown} -> {verdict}")
        for code, keys in drop.items():
            entry = self.countries[code]
            entry["aliases"] = [a for a in entry["aliases"] if fold_key(a) not in keys]
        return report


def build() -> tuple[list[dict], list[str]]:
    cats1, cats3 = catalogues("iso3166-1"), catalogues("iso3166-3")
    b = Builder()
    renamed: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for old in pycountry.historic_countries:
        if old.alpha_4 in RENAMED:
            renamed[RENAMED[old.alpha_4]] += [
                (CURATED, [old.alpha_2, old.alpha_3, old.name]),
                (TRANSLATED, translations(cats3, old.name))]
    for c in pycountry.countries:
        iso, common = c.name, getattr(c, "common_name", None)
        official = OFFICIAL.get(c.alpha_2) or getattr(c, "official_name", None) or iso
        name = NAME.get(c.alpha_2) or common or iso
        entry = {"code": c.alpha_2, "alpha3": c.alpha_3, "name": name,
                 "official_name": official, "former": False}
        b.add(entry, [
            (CODE, [c.alpha_2, c.alpha_3]),
            (CURATED, [name, common or "", iso, official] + HAND.get(c.alpha_2, [])),
            *renamed.get(c.alpha_2, []),
            (TRANSLATED, translations(cats1, name, common, iso, official)),
        ])
    k = dict(KOSOVO)
    b.add(k, [(CODE, [k["code"], k["alpha3"]]), (CURATED, [k["name"], k["official_name"]]
                                                           + k.pop("aliases"))])
    by4 = {h.alpha_4: h for h in pycountry.historic_countries}
    for code4, (name, official, extra) in FORMER.items():
        h = by4[code4]
        entry = {"code": code4, "alpha3": h.alpha_3, "name": name,
                 "official_name": official, "former": True}
        b.add(entry, [
            (CODE, [code4]),
            (CURATED, [name, official, h.alpha_3, h.alpha_2, h.name] + extra),
            (TRANSLATED, translations(cats3, h.name) + translations(cats1, name, official)),
        ])
    report = b.resolve_collisions()
    keys = ("code", "alpha3", "name", "official_name", "former", "aliases")
    countries = [{k: b.countries[code][k] for k in keys} for code in sorted(b.countries)]
    return countries, report


def main() -> int:
    have = version("pycountry")
    if have != BUILT_WITH:
        print(f"note: pycountry {have}, the shipped file was built with {BUILT_WITH}; "
              "update BUILT_WITH if you commit the result")
    countries, report = build()
    text = json.dumps(countries, ensure_ascii=False, indent=2) + "\n"
    OUT.write_text(text, encoding="utf-8")
    n_alias = sum(len(c["aliases"]) for c in countries)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(countries)} countries "
          f"({sum(c['former'] for c in countries)} former), {n_alias} aliases")
    if report:
        print(f"{len(report)} folded aliases shared by two or more countries:")
        print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
