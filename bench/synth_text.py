"""Text for the synthetic store: sentences from a Zipf-distributed vocabulary, so a
search index sees common words (``the``, ``cooperation``), medium ones (``turbine``)
and rare ones (generated terms that occur a handful of times), in several languages
and scripts.  Pure Python; every choice comes from the ``random.Random`` passed in.
"""

from __future__ import annotations

import random
from itertools import accumulate

from synth_names import sr_cyrillic

# Real words first (most frequent first); a generated long tail follows.
_WORDS = {
    "en": """the of and to in a that is for on with as by will our we this be are it at
        from has have cooperation countries two relations president said not
        which an its between also all more minister government their important partnership
        economic trade development new support further both strategic security agreement
        visit bilateral region energy investment international sides joint projects
        today years friendly future people interests important peace stability mutual
        interest ready strengthen expand dialogue meeting talks level sovereignty regional
        continue growth potential infrastructure transport logistics gas oil electricity
        defence industry technology digital artificial intelligence agriculture water
        climate education culture tourism health pharmaceutical companies business forum
        fund funds volume turnover exports imports supply diversification pipeline corridor
        route railway port connectivity integration union european enlargement summit
        principles integrity territorial recognition independence position consistent
        respect law charter united nations council resolution sanctions crisis conflict
        negotiations ceasefire humanitarian aid reconstruction modernisation repair
        artillery production materials transfer framework memorandum understanding
        signed implementation roadmap commission intergovernmental chamber commerce
        banking finance currency inflation budget reforms reform market access tariffs
        customs rare earths minerals mining uranium nuclear renewable solar wind hydrogen
        turbine plant power station construction opening scheduled schedule capacity
        megawatts billion million percent per cent record high historic milestone
        partner partners brotherly friendship traditional ties decades century history
        invitation hospitality warm welcome grateful thank appreciate gratitude honour
        order award ceremony delegation ministers ministries officials experts working
        group visa regime flights airline direct students scholarships universities
        diaspora community citizens migration border cooperation neighbourhood stability
        prosperity challenges opportunities global multilateral platform format initiative
        proposal concrete practical results steps measures mechanisms instruments
        contracts deals companies enterprises joint ventures manufacturing localisation
        supply chains food security grain fertiliser wheat exports logistics hubs
        caspian balkans central asia silk road middle corridor black sea danube
        """,
    "sr": """i je da u se na za su sa od će biti ali smo koji što kao ovo nije saradnja
        predsednik Srbija Srbije zemlje dve odnosi prijateljstvo veoma važno danas godina
        ekonomski trgovina investicije energetika gas struja razvoj projekti sporazum
        posete zajednički bratski narod suverenitet teritorijalni integritet Kosovo
        priznanje nezavisnost evropska unija proširenje samit podrška hvala zahvalan
        region mir stabilnost budućnost privreda kompanije fabrika izgradnja elektrana
        modernizacija remont artiljerija tehnologija proizvodnja materijali ugovor
        """,
    "ru": """и в не на что с по как это мы к о из у за от для мы сотрудничество
        президент страны двух отношения дружба очень важно сегодня году экономика
        торговля инвестиции энергетика газ развитие проекты соглашение визит совместные
        стратегическое партнёрство суверенитет безопасность регион мир стабильность
        будущее компании производство технологии товарооборот экспорт рост процентов
        """,
    "kk": """және мен бұл да бен үшін біз екі ел елдер ынтымақтастық президент қарым
        қатынас достық өте маңызды бүгін жыл экономика сауда инвестиция энергетика
        даму жобалар келісім сапар бірлескен стратегиялық серіктестік егемендік
        қауіпсіздік аймақ бейбітшілік тұрақтылық болашақ компаниялар өндіріс
        """,
    "az": """və bu ilə bir üçün biz iki ölkə ölkələr əməkdaşlıq prezident münasibətlər
        dostluq çox vacib bu gün il iqtisadiyyat ticarət investisiya enerji qaz
        elektrik inkişaf layihələr saziş səfər birgə strateji tərəfdaşlıq suverenlik
        təhlükəsizlik region sülh sabitlik gələcək şirkətlər istehsal ixrac
        """,
    "tr": """ve bir bu için ile da de biz iki ülke ülkeler işbirliği cumhurbaşkanı
        ilişkiler dostluk çok önemli bugün yıl ekonomi ticaret yatırım enerji doğalgaz
        kalkınma projeler anlaşma ziyaret ortak stratejik ortaklık egemenlik güvenlik
        bölge barış istikrar gelecek şirketler üretim ihracat
        """,
    "ar": """في من على إلى أن هذا مع التعاون الرئيس البلدين العلاقات الصداقة مهم جدا
        اليوم العام الاقتصاد التجارة الاستثمار الطاقة الغاز التنمية المشاريع الاتفاقية
        الزيارة المشتركة الاستراتيجية الشراكة السيادة الأمن المنطقة السلام الاستقرار
        المستقبل الشركات الإنتاج الصادرات
        """,
    "fr": """de la le et les des en un une que pour dans est nous avec sur coopération
        président pays deux relations amitié très important aujourd'hui année économie
        commerce investissements énergie gaz développement projets accord visite
        partenariat stratégique souveraineté sécurité région paix stabilité avenir
        """,
    "de": """der die und in den von zu das mit sich des ist wir für auf eine Zusammenarbeit
        Präsident Länder beiden Beziehungen Freundschaft sehr wichtig heute Jahr Wirtschaft
        Handel Investitionen Energie Gas Entwicklung Projekte Abkommen Besuch Partnerschaft
        strategische Souveränität Sicherheit Region Frieden Stabilität Zukunft Unternehmen
        """,
    "es": """de la que el en y a los se del las un por con una para es nosotros cooperación
        presidente países dos relaciones amistad muy importante hoy año economía comercio
        inversiones energía gas desarrollo proyectos acuerdo visita asociación estratégica
        soberanía seguridad región paz estabilidad futuro empresas
        """,
}
# Syllables that make the generated long tail look like each language's words.
_SYLLABLES = {
    "en": "ba be bi bo ca co de di do el en er fa fi ga ge in is ka ke la le li lo ma me mi mo na ne ni no or pa pe pi po ra re ri ro sa se si so ta te ti to ul un ur va ve vi za".split(),
    "sr": "ba be vi go da dje že za ka ko la lje ma mi na nje ni po ra ri sa sr ta ći ču ša še ži va ro ste ko".split(),
    "ru": "ба бе ви го да де же за ка ко ла ле ма ми на не но по ра ре ро са се та те ту ча ше щи ю я".split(),
    "kk": "ба бе ғы да ды жа қа қы ла лы ма мы на ны ңы ра ры са сы та ты ұл үн әс өз ін ер ай".split(),
    "az": "ba bə ca çı da də ğı ha xə qa qə la lə ma mə na nə ra rə sa şə ta tə ya yə za zə ıq üz öz".split(),
    "tr": "ba be ca ça da de ğa ha ka ke la le ma me na ne ra re sa şa ta te ya ye za ze ık ün öz".split(),
    "ar": "با بي تا تي جا حا خا دا را ري زا سا شا صا طا عا غا فا قا كا لا لي ما مي نا ها وا يا ال".split(),
    "fr": "ba be ci co de di é en fa fi ge la le li ma me mi na ne ni on pa pe ra re ri sa se ta te tion va ve".split(),
    "de": "ba be da de el en er fa ge ha he in ka ke la le ma me na ne or ra re sa sch st ta te un ung".split(),
    "es": "ba be ca ce ci da de do el en fa ga la le li lo ma me mi na ne no pa pe ra re ri sa se ta te va".split(),
}
TAIL_SIZE = {"en": 120_000, "sr": 20_000, "ru": 20_000, "kk": 10_000, "az": 10_000,
             "tr": 10_000, "ar": 10_000, "fr": 10_000, "de": 10_000, "es": 10_000}
ZIPF_S = 1.07
TAIL_SHARE = 0.08  # share of running words drawn from the generated long tail

TOPICS = """energy; gas; oil; electricity; nuclear energy; renewables; trade; investment;
    defence industry; arms control; security; terrorism; migration; EU integration;
    EU enlargement; NATO; Kosovo; Crimea; Nagorno-Karabakh; Taiwan; Middle East;
    Gaza; Syria; Afghanistan; Central Asia; Western Balkans; Caspian Sea; Black Sea;
    Middle Corridor; transport; railways; logistics; aviation; tourism; agriculture;
    food security; water; climate change; artificial intelligence; digital economy;
    cybersecurity; space; pharmaceuticals; health; education; culture; sport;
    diaspora; visas; human rights; sanctions; finance; banking; customs; mining;
    critical minerals; uranium; rare earths; infrastructure; construction; industry;
    technology transfer; science; youth; humanitarian aid; reconstruction; peacekeeping;
    United Nations; OSCE; SCO; BRICS; CSTO; Organization of Turkic States; CIS;
    Eurasian Economic Union; G20; OPEC+; COP29; Belt and Road; sovereignty;
    territorial integrity; recognition; elections; parliament; judiciary; media;
    gender equality; labour migration; pensions; housing""".replace("\n", " ")
TOPIC_NAMES = [t.strip() for t in TOPICS.split(";") if t.strip()]

_TEMPLATES = [
    "{a} and {b} will deepen cooperation in {sector}.",
    "Trade turnover between {a} and {b} grew by {pct} percent in {year}.",
    "{a} supports the territorial integrity and sovereignty of {b}.",
    "We discussed {sector}, {sector2} and the situation in the region.",
    "{speaker} thanked {b} for its consistent position.",
    "The agreement on {sector} was signed in {city}.",
    "{a} is ready to increase exports of {goods} to {b}.",
    "Our companies will build a {goods} plant near {city} by {year}.",
    "{a} and {b} are brotherly nations with a long history of friendship.",
    "The intergovernmental commission will meet in {city} next year.",
    "We expect the volume of mutual investment to reach {num} million dollars.",
    "The Middle Corridor connects {a} with {b} through the Caspian Sea.",
    "{speaker} invited the president of {b} to visit {city}.",
]
_GOODS = ["gas", "grain", "uranium", "steel", "pharmaceutical", "fertiliser", "solar panel",
          "turbine", "railway car", "copper", "wheat", "software", "ammunition", "oil"]


def _pseudo_words(rng: random.Random, lang: str, n: int, taken: set[str]) -> list[str]:
    syl = _SYLLABLES[lang]
    out = []
    while len(out) < n:
        w = "".join(rng.choice(syl) for _ in range(rng.choice((2, 3, 3, 4))))
        if w not in taken:
            taken.add(w)
            out.append(w)
    return out


class Vocabulary:
    """One language's words with Zipf weights; :meth:`words` samples k of them."""

    def __init__(self, rng: random.Random, lang: str, tail: int | None = None):
        real = list(dict.fromkeys(_WORDS[lang].split()))
        tail_words = _pseudo_words(rng, lang, TAIL_SIZE[lang] if tail is None else tail, set(real))
        self.lang = lang
        self.words_list = real + tail_words
        # Zipf within the real words and within the tail; the tail gets TAIL_SHARE of
        # the running words, so a word of rank 100 000 turns up a handful of times
        # in a million statements while "the" is everywhere.
        w_real = [1.0 / (r + 2.7) ** ZIPF_S for r in range(len(real))]
        w_tail = [1.0 / (r + 2.7) ** ZIPF_S for r in range(len(tail_words))]
        k_real = (1 - TAIL_SHARE) / sum(w_real)
        k_tail = TAIL_SHARE / sum(w_tail) if w_tail else 0.0
        self.cum = list(accumulate([w * k_real for w in w_real] + [w * k_tail for w in w_tail]))

    def words(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words_list, cum_weights=self.cum, k=k)


class TextMaker:
    """Sentences and paragraphs; ``countries`` are display names, ``cities`` places."""

    def __init__(self, rng: random.Random, countries: list[str], cities: list[str],
                 tail_scale: float = 1.0):
        self.vocab = {
            lang: Vocabulary(rng, lang, int(TAIL_SIZE[lang] * tail_scale)) for lang in _WORDS
        }
        self.countries = countries
        self.cities = cities
        self.sectors = [t for t in TOPIC_NAMES if t[0].islower()]

    def sentence(self, rng: random.Random, lang: str, speaker: str = "",
                 capital: bool = True) -> str:
        if lang == "sr-Cyrl":
            return sr_cyrillic(self.sentence(rng, "sr", capital=capital))
        if lang == "en" and rng.random() < 0.35:
            t = rng.choice(_TEMPLATES)
            return t.format(
                a=rng.choice(self.countries), b=rng.choice(self.countries),
                sector=rng.choice(self.sectors), sector2=rng.choice(self.sectors),
                pct=rng.randint(2, 90), year=rng.randint(1995, 2030), city=rng.choice(self.cities),
                goods=rng.choice(_GOODS), num=rng.randint(10, 5000), speaker=speaker or "The president",
            )
        words = self.vocab[lang].words(rng, rng.randint(5, 22))
        if rng.random() < 0.15:
            words.insert(rng.randrange(len(words)), rng.choice(self.countries))
        text = " ".join(words)
        if capital:
            text = text[0].upper() + text[1:]
        return text + ("." if lang != "ar" else "۔")

    def statement(self, rng: random.Random, lang: str, speaker: str = "",
                  paraphrase: bool = False) -> str:
        r = rng.random()
        n = 1 if r < 0.35 else 2 if r < 0.65 else 3 if r < 0.8 else rng.randint(4, 6) if r < 0.95 else rng.randint(7, 12)
        said = paraphrase and lang == "en" and speaker
        parts = [self.sentence(rng, lang, speaker, capital=not (said and i == 0)) for i in range(n)]
        if said:
            parts[0] = f"{speaker} said that {parts[0]}"
        return " ".join(parts)

    def paragraphs(self, rng: random.Random, lang: str, n: int) -> str:
        return "\n\n".join(
            " ".join(self.sentence(rng, lang) for _ in range(rng.randint(2, 6))) for _ in range(n)
        )

    def phrase(self, rng: random.Random, lang: str, lo: int = 3, hi: int = 8) -> str:
        return " ".join(self.vocab[lang].words(rng, rng.randint(lo, hi)))
