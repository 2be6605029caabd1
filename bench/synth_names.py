"""Name pools for the synthetic store: people in their own scripts with the spellings
real data uses (``Vučić``/``Вучић``/``Vucic``/``Vuchich``, ``Тоқаев``/``Токаев``/
``Tokayev``/``Tokaev``/``Toqaev``, ``Əliyev``/``Алиев``/``Aliyev``), places and
organisations.  Pure Python; every choice comes from the ``random.Random`` passed in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# --- transliteration -----------------------------------------------------------------
_SR_LAT2CYR = {
    "lj": "љ", "nj": "њ", "dž": "џ", "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ",
    "d": "д", "đ": "ђ", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с",
    "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж",
}
_RU_A = {  # passport-like romanisation: Tokayev, Zhukov, Dmitriy
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
_RU_B = {**_RU_A, "х": "h", "й": "i", "ё": "e", "ю": "iu", "я": "ia", "ц": "c"}  # Tokaev, Dmitrii
_KK_TO_RU = str.maketrans("қғұүәөіңһҚҒҰҮӘӨІҢҺ", "кгууаоинхКГУУАОИНХ")
_KK_LAT = {  # Kazakh Latin alphabet (2021): Toqaev, Nūrsūltan
    "қ": "q", "ғ": "ğ", "ұ": "ū", "ү": "ü", "ә": "ä", "ө": "ö", "і": "ı", "ң": "ñ",
    "һ": "h", "ш": "ş", "ч": "ch", "ж": "j", "й": "i", "х": "h", "ы": "y", "ц": "ts",
    "я": "ia", "ю": "iu", "ё": "io", "щ": "şş", "ъ": "", "ь": "", "э": "e",
}
_AZ_TO_RU = [
    ("ye", "е"), ("yu", "ю"), ("ya", "я"), ("ə", "а"), ("ı", "ы"), ("ş", "ш"), ("ç", "ч"),
    ("ğ", "г"), ("ö", "ё"), ("ü", "ю"), ("c", "дж"), ("x", "х"), ("q", "г"), ("j", "ж"),
    ("h", "х"), ("i", "и"), ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"),
    ("g", "г"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("y", "й"), ("z", "з"),
]
_AZ_EN = str.maketrans({"ə": "a", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "gh", "ö": "o",
                        "ü": "u", "c": "j", "x": "kh", "q": "g", "Ə": "A", "İ": "I",
                        "Ş": "Sh", "Ç": "Ch", "Ö": "O", "Ü": "U", "C": "J", "X": "Kh", "Q": "G"})
_TR_ASCII = str.maketrans("ğıişçöüĞİŞÇÖÜâ", "giiscouGISCOUa")
_SR_ASCII = str.maketrans({"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "dj", "Č": "C",
                           "Ć": "C", "Š": "S", "Ž": "Z", "Đ": "Dj"})
_SR_EN = str.maketrans({"č": "ch", "ć": "ch", "š": "sh", "ž": "zh", "đ": "dj", "j": "y",
                        "Č": "Ch", "Ć": "Ch", "Š": "Sh", "Ž": "Zh", "Đ": "Dj", "J": "Y"})
_EU_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e",
                           "ê": "e", "ç": "c", "á": "a", "í": "i", "ó": "o", "ú": "u",
                           "ñ": "n", "ł": "l", "ś": "s", "ż": "z", "ź": "z", "ń": "n",
                           "ą": "a", "ę": "e", "ő": "o", "ű": "u", "ř": "r", "š": "s",
                           "č": "c", "ž": "z", "ý": "y", "ě": "e", "ã": "a", "õ": "o",
                           "Ł": "L", "Ś": "S", "Ż": "Z", "É": "E", "Á": "A", "Ö": "Oe",
                           "Ü": "Ue", "Č": "C", "Š": "S", "Ž": "Z", "Ř": "R", "ô": "o"})


def _cap_map(word: str, table: dict[str, str], digraphs: int = 2) -> str:
    out, i, low = [], 0, word.lower()
    while i < len(word):
        for n in range(digraphs, 0, -1):
            piece = low[i:i + n]
            if piece in table:
                rep = table[piece]
                if word[i].isupper() and rep:
                    rep = rep[0].upper() + rep[1:]
                out.append(rep)
                i += n
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def sr_cyrillic(text: str) -> str:
    return _cap_map(text, _SR_LAT2CYR)


def ru_latin(text: str, system: str = "a") -> str:
    table = _RU_A if system == "a" else _RU_B
    out, prev = [], " "
    for ch in text:
        low = ch.lower()
        rep = table.get(low, ch)
        if system == "a" and low == "е" and (prev in "аеёиоуыэюяь " or prev == "-"):
            rep = "ye"  # Токаев -> Tokayev, Елена -> Yelena
        if ch.isupper() and rep:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
        prev = low
    return "".join(out)


def kk_variants(name: str) -> list[str]:
    """A Kazakh-Cyrillic name's other spellings: Russian Cyrillic, two English
    romanisations and Kazakh Latin."""
    ru = name.translate(_KK_TO_RU)
    return [ru, ru_latin(ru, "a"), ru_latin(ru, "b"), _cap_map(name, {**_RU_A, **_KK_LAT}, 1)]


def az_russian(text: str) -> str:
    return _cap_map(text, dict(_AZ_TO_RU))


# --- cultures --------------------------------------------------------------------------
@dataclass
class Culture:
    key: str
    countries: list[str]
    language: str
    male: list[str]
    female: list[str]
    surnames: list[str]
    stems: list[str] = field(default_factory=list)  # + suffixes give more surnames
    suffixes: list[str] = field(default_factory=list)
    native: dict[str, str] = field(default_factory=dict)  # Latin -> own script (Arabic, Chinese …)
    weight: float = 1.0


def _split(s: str) -> list[str]:
    return [w.replace("_", " ") for w in s.split()]


def _pairs(s: str) -> tuple[list[str], dict[str, str]]:
    """'Latin=Native Latin=Native' -> names, {latin: native}."""
    names, native = [], {}
    for item in s.split():
        lat, nat = item.split("=")
        lat = lat.replace("_", " ")
        names.append(lat)
        native[lat] = nat.replace("_", " ")
    return names, native


def _native(male, female, surnames):
    """Positional Culture fields (male, female, surnames, stems, suffixes, native) for
    names written in another script (each argument is a :func:`_pairs` result)."""
    (m, mn), (f, fn), (s, sn) = male, female, surnames
    return m, f, s, [], [], {**mn, **fn, **sn}


def _native_unisex(given, surnames):
    (g, gn), (s, sn) = given, surnames
    return g, g, s, [], [], {**gn, **sn}


CULTURES: list[Culture] = [
    Culture("sr", ["RS", "RS", "RS", "BA", "ME"], "sr",
            _split("Aleksandar Miloš Nikola Marko Stefan Dušan Vuk Ivica Siniša Zoran Dragan "
                   "Milan Nenad Bratislav Đorđe Goran Uroš Luka Miroslav Predrag Živko Vladimir"),
            _split("Ana Jelena Marija Milica Jovana Ivana Dragana Snežana Tatjana Maja Đurđa "
                   "Ljiljana Nataša Jadranka Zorana Mirjana Slavica Branka"),
            _split("Vučić Brnabić Dačić Vulin Selaković Đurić Mali Stefanović Macut Ružić "
                   "Jovanović Petrović Nikolić Marković Đorđević Stojanović Ilić Pavlović "
                   "Kovačević Popović Živković Lukić Šarčević Ćirić"),
            _split("Vuk Petr Jovan Mark Nik Stoj Pavl Živk Luk Rad Mil Drag Bog Vasil Đok "
                   "Stanis Tom Lazar Cvetk Obrad Miloj Srdj Janj Brank Ljub Kost Šćep"),
            ["ić", "ović", "ević", "ičić", "anović"], weight=2.5),
    Culture("ru", ["RU", "RU", "RU", "BY"], "ru",
            _split("Сергей Владимир Дмитрий Алексей Михаил Андрей Николай Юрий Григорий "
                   "Максим Евгений Олег Игорь Александр Виктор Фёдор Антон"),
            _split("Мария Елена Ольга Татьяна Наталья Валентина Анна Ирина Светлана Екатерина "
                   "Юлия Людмила"),
            _split("Лавров Шойгу Мишустин Песков Захаров Медведев Новак Решетников Силуанов "
                   "Мантуров Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Морозов"),
            _split("Волк Орл Сокол Белк Жук Зайц Медвед Гус Щук Ерш Як Ефим Чернышёв "
                   "Громов Тихон Баран Рыбак Хлебник Царёв Дубин Берёзк Ковал"),
            ["ов", "ев", "ин", "ский", "енко"], weight=2.0),
    Culture("kk", ["KZ"], "kk",
            _split("Қасым-Жомарт Олжас Нұрсұлтан Ерлан Бекболат Ғани Мұрат Серік Дәурен Асқар "
                   "Болат Нұрлан Ержан Талғат Мұхтар Әсет Әлихан Жеңіс Бағдат Ермек"),
            _split("Жанар Айгүл Сәуле Гүлнар Динара Ақерке Айжан Әсел Мәдина Ботагөз Гүлшара "
                   "Ләззат"),
            _split("Тоқаев Назарбаев Бектенов Смайылов Мамин Сұлтанов Жұмабаев Әбдірахманов "
                   "Құлыбаев Ермекбаев Қасымов Тілеуберді Әшімов Омаров Исаев Сәрсенбаев "
                   "Бекетаев Ахметов Оспанов Жақсылықов Тәжин Нұрланов"),
            _split("Тоқ Бек Сұлтан Жұма Құл Ерм Қасым Әшім Омар Сәрсен Ахмет Оспан Жақсылық "
                   "Мұхамед Нұр Серік Дәулет Қайрат Әлі Ғабит Төле Бөкей Сейіт Сағын"),
            ["аев", "ов", "ұлы", "баев", "ев"], weight=2.0),
    Culture("az", ["AZ"], "az",
            _split("İlham Heydər Elmar Ceyhun Mikayıl Rövşən Səməd Əli Fərid Şahin Vüqar Elnur "
                   "Ramiz Ənvər Tural Hikmət Ziya Mübariz"),
            _split("Mehriban Nərgiz Aynur Leyla Günel Səbinə Arzu Şəbnəm Könül Ülviyyə Zəhra"),
            _split("Əliyev Məmmədyarov Bayramov Hacıyev Cabbarov Mustafayev Nəsirov Quliyev "
                   "Hüseynov Həsənov Məmmədov Abdullayev İsmayılov Rəhimov Şahbazov Novruzov "
                   "Kərimov Sadıqov Əsədov Rüstəmov"),
            _split("Əli Məmməd Bayram Hacı Cabbar Mustafa Nəsir Qulu Hüseyn Həsən Abdulla "
                   "İsmayıl Rəhim Şahbaz Novruz Kərim Sadıq Əsəd Rüstəm Qasım Vəli Zeynal"),
            ["yev", "ov", "lı", "zadə"], weight=1.5),
    Culture("tr", ["TR"], "tr",
            _split("Recep Hakan Mevlüt Çağatay Şükrü Ömer İbrahim Mehmet Mustafa Ahmet Yusuf "
                   "Kemal Cevdet Süleyman Bülent Doğan"),
            _split("Ayşe Emine Gülşen Zeynep Elif Fatma Şule Özlem Derya Nurcan"),
            _split("Erdoğan Fidan Çavuşoğlu Kalın Yılmaz Şahin Öztürk Aydın Doğan Kılıç Arslan "
                   "Koç Kurt Özdemir Yıldız Çelik Bayraktar Akar Bozdağ Şimşek"),
            _split("Kara Ak Demir Kaya Yıldırım Öz Er Çakır Tekin Bal Akın Güneş Ateş Uçar"),
            ["oğlu", "can", "türk", "han", "soy"], weight=1.5),
    Culture("ar", ["SA", "AE", "QA", "EG", "JO", "KW", "BH", "OM", "LB", "IQ", "MA", "DZ"], "ar",
            *_native(
                _pairs("Mohammed=محمد Abdullah=عبد_الله Faisal=فيصل Khalid=خالد Ahmed=أحمد "
                       "Hamad=حمد Tamim=تميم Sultan=سلطان Abdulaziz=عبد_العزيز Yousef=يوسف "
                       "Omar=عمر Ali=علي Hassan=حسن Nasser=ناصر Salman=سلمان Ayman=أيمن "
                       "Sameh=سامح Badr=بدر"),
                _pairs("Fatima=فاطمة Aisha=عائشة Mariam=مريم Layla=ليلى Noura=نورة Reem=ريم "
                       "Hessa=حصة Lulwah=لولوة"),
                _pairs("Al_Thani=آل_ثاني Al_Saud=آل_سعود Al_Nahyan=آل_نهيان Shoukry=شكري "
                       "Al-Sabah=الصباح Safadi=الصفدي Al_Maktoum=آل_مكتوم Al_Khalifa=آل_خليفة "
                       "Aboul_Gheit=أبو_الغيط Al-Jubeir=الجبير Haddad=حداد Mansour=منصور "
                       "Khoury=خوري Nasr=نصر Qasim=قاسم Al-Otaibi=العتيبي Abbas=عباس "
                       "Al-Busaidi=البوسعيدي Bourita=بوريطة Attaf=عطاف")),
            weight=2.0),
    Culture("zh", ["CN", "CN", "TW", "SG"], "zh",
            *_native_unisex(
                _pairs("Yi=毅 Jinping=近平 Qiang=强 Wei=伟 Jun=军 Ming=明 Hua=华 Jian=建 "
                       "Guoqiang=国强 Ping=平 Hong=红 Lei=磊 Jing=静 Xin=新 Haifeng=海峰 "
                       "Yong=勇 Tao=涛 Bin=斌 Lihua=丽华 Yan=燕"),
                _pairs("Wang=王 Li=李 Zhang=张 Liu=刘 Chen=陈 Yang=杨 Zhao=赵 Huang=黄 "
                       "Zhou=周 Wu=吴 Xu=徐 Sun=孙 Ma=马 Zhu=朱 Hu=胡 Guo=郭 He=何 Lin=林")),
            weight=1.5),
    Culture("gr", ["GR", "CY"], "el",
            *_native(
                _pairs("Kyriakos=Κυριάκος Giorgos=Γιώργος Nikos=Νίκος Dimitris=Δημήτρης "
                       "Konstantinos=Κωνσταντίνος Nikolaos=Νικόλαος Alexis=Αλέξης"),
                _pairs("Maria=Μαρία Eleni=Ελένη Katerina=Κατερίνα Sofia=Σοφία Dora=Ντόρα"),
                _pairs("Mitsotakis=Μητσοτάκης Papadopoulos=Παπαδόπουλος Dendias=Δένδιας "
                       "Gerapetritis=Γεραπετρίτης Georgiou=Γεωργίου Christodoulides=Χριστοδουλίδης "
                       "Nikolaidis=Νικολαΐδης Bakoyannis=Μπακογιάννη Kombos=Κόμπος")),
            weight=0.8),
    Culture("en", ["GB", "US", "US", "CA", "AU", "IE", "NZ"], "en",
            _split("John David Michael James Robert William Richard Thomas Antony Mark Paul "
                   "Christopher Daniel Matthew Andrew Kevin Brian Joseph"),
            _split("Mary Elizabeth Sarah Catherine Margaret Victoria Linda Susan Karen Emily "
                   "Rachel Hillary Penny Kamala"),
            _split("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor "
                   "Thomas Moore Jackson White Harris Martin Thompson Clark Lewis Walker "
                   "Blinken Cameron Lammy O'Neil McCarthy"),
            weight=2.0),
    Culture("fr", ["FR", "FR", "BE", "LU", "SN", "CI"], "fr",
            _split("Emmanuel Jean-Noël François Jean-Yves Laurent Stéphane Gérald Bruno Édouard "
                   "Sébastien Benoît Hervé"),
            _split("Catherine Élisabeth Hélène Sophie Agnès Chantal Véronique Amélie Brigitte"),
            _split("Macron Barrot Le_Drian Séjourné Colonna Lemaire Dupont Durand Lefèvre "
                   "Moreau Girard Fontaine Bonnet Mercier Rousseau Faure Garnier Chevalier"),
            weight=1.2),
    Culture("de", ["DE", "DE", "AT", "CH"], "de",
            _split("Olaf Frank-Walter Jürgen Wolfgang Günther Matthias Jörg Klaus Stefan "
                   "Annalena Heiko Friedrich"),
            _split("Annalena Angela Ursula Karin Brigitte Jutta Sabine Svenja Bärbel"),
            _split("Scholz Steinmeier Baerbock Merz Müller Schmidt Schneider Fischer Weber "
                   "Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein "
                   "Wolf Schröder Neumann Schwarz Zimmermann Krüger Weiß Schallenberg"),
            weight=1.2),
    Culture("es", ["ES", "MX", "AR", "CO", "CL", "PE", "VE"], "es",
            _split("José Luis Pedro Manuel Alberto Andrés Jorge Gustavo Javier Miguel Ángel "
                   "Ramón Gabriel Nicolás"),
            _split("María Carmen Lucía Isabel Claudia Ximena Dolores Begoña Patricia"),
            _split("Sánchez Albares García Fernández González Rodríguez López Martínez Pérez "
                   "Gómez Díaz Hernández Muñoz Álvarez Romero Ortiz Petro Boric Sheinbaum"),
            weight=1.2),
    Culture("uk", ["UA"], "uk",
            _split("Володимир Дмитро Андрій Олександр Денис Юрій Петро Тарас Богдан Олег"),
            _split("Ольга Юлія Ірина Оксана Наталія Тетяна"),
            _split("Зеленський Кулеба Сибіга Шмигаль Єрмак Порошенко Шевченко Коваленко "
                   "Бондаренко Ткаченко Кравченко Олійник Мельник Савченко"),
            weight=1.0),
    Culture("hu", ["HU"], "hu",
            _split("Viktor Péter Zoltán László Gábor Sándor István Tamás Balázs"),
            _split("Katalin Judit Zsuzsanna Erzsébet Ildikó"),
            _split("Orbán Szijjártó Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh "
                   "Farkas Balogh Novák"),
            weight=0.8),
    Culture("pl", ["PL"], "pl",
            _split("Andrzej Radosław Donald Mateusz Zbigniew Łukasz Paweł Jarosław Tomasz"),
            _split("Małgorzata Agnieszka Katarzyna Elżbieta Beata Joanna"),
            _split("Duda Sikorski Tusk Morawiecki Kowalski Wiśniewski Wójcik Kowalczyk "
                   "Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski"),
            weight=0.8),
    Culture("fa", ["IR"], "fa",
            *_native(
                _pairs("Abbas=عباس Hossein=حسین Masoud=مسعود Mohammad=محمد Javad=جواد "
                       "Reza=رضا Ali=علی Mahmoud=محمود"),
                _pairs("Fatemeh=فاطمه Zahra=زهرا Maryam=مریم Masoumeh=معصومه"),
                _pairs("Araghchi=عراقچی Pezeshkian=پزشکیان Zarif=ظریف Amir-Abdollahian=امیرعبداللهیان "
                       "Rezaei=رضایی Mousavi=موسوی Hosseini=حسینی Ahmadi=احمدی Karimi=کریمی")),
            weight=0.8),
    Culture("ja", ["JP"], "ja",
            *_native_unisex(
                _pairs("Fumio=文雄 Yoshimasa=芳正 Takeshi=毅 Shigeru=茂 Taro=太郎 Hiroshi=浩 "
                       "Yoko=陽子 Kenji=健二"),
                _pairs("Kishida=岸田 Hayashi=林 Iwaya=岩屋 Ishiba=石破 Kono=河野 Suzuki=鈴木 "
                       "Tanaka=田中 Watanabe=渡辺 Kamikawa=上川")),
            weight=0.8),
]
CULTURE_BY_KEY = {c.key: c for c in CULTURES}
_CYRILLIC_CULTURES = {"ru", "kk", "uk"}


def _feminine(culture: str, surname: str) -> str:
    if culture in ("ru", "kk", "az"):
        for end, fem in (("ский", "ская"), ("ов", "ова"), ("ев", "ева"), ("ин", "ина"),
                         ("yev", "yeva"), ("ov", "ova")):
            if surname.endswith(end):
                return surname[: -len(end)] + fem
    if culture == "uk" and surname.endswith("ський"):
        return surname[:-5] + "ська"
    if culture == "pl" and surname.endswith("ski"):
        return surname[:-1] + "a"
    return surname


@dataclass
class PersonName:
    name: str  # the name as the store keeps it (Latin for most; own script for ru/kk/uk)
    aliases: list[str]
    surname: str  # for "X said that" sentences
    culture: str
    female: bool


def _surname(rng: random.Random, c: Culture) -> str:
    if c.stems and rng.random() < 0.55:
        return rng.choice(c.stems) + rng.choice(c.suffixes)
    return rng.choice(c.surnames)


def make_name(rng: random.Random, c: Culture) -> PersonName:
    """One person's name and aliases in the scripts and spellings real sources use."""
    female = rng.random() < 0.3
    given = rng.choice(c.female if female else c.male)
    surname = _surname(rng, c)
    if female:
        surname = _feminine(c.key, surname)
    native = f"{given} {surname}"
    aliases: list[str] = []
    if c.key == "sr":
        aliases = [sr_cyrillic(native), native.translate(_SR_ASCII), sr_cyrillic(surname),
                   surname, native.translate(_SR_EN)]
        name = native
    elif c.key in ("ru", "uk"):
        lat_a, lat_b = ru_latin(native, "a"), ru_latin(native, "b")
        name = lat_a
        aliases = [native, lat_b, ru_latin(surname, "a"), surname]
    elif c.key == "kk":
        v = kk_variants(native)
        name = v[1]  # Tokayev spelling is what English-language news uses
        aliases = [native, v[0], v[2], v[3], kk_variants(surname)[1], surname]
    elif c.key == "az":
        name = native
        aliases = [native.translate(_AZ_EN), az_russian(native), surname.translate(_AZ_EN),
                   az_russian(surname)]
    elif c.key == "tr":
        name = native
        aliases = [native.translate(_TR_ASCII), surname]
    elif c.native:  # Arabic, Chinese, Greek, Persian, Japanese
        if c.key in ("zh", "ja"):
            given, surname = surname, given  # family name first
            name = f"{given} {surname}"
            aliases = [c.native[given] + c.native[surname], f"{surname} {given}", given]
            surname = given
        else:
            name = native
            aliases = [f"{c.native[given]} {c.native[surname]}", surname]
            if c.key == "ar":
                aliases.append(native.replace("Mohammed", "Muhammad").replace("Al ", "Al-"))
    else:
        name = native
        ascii_form = native.translate(_EU_ASCII)
        aliases = [ascii_form, surname, f"{given[0]}. {surname}"]
    aliases = [a for a in dict.fromkeys(aliases) if a and a != name]
    return PersonName(name, aliases, surname, c.key, female)


def pick_culture(rng: random.Random) -> Culture:
    return rng.choices(CULTURES, weights=[c.weight for c in CULTURES])[0]


# --- places ----------------------------------------------------------------------------
CITIES: dict[str, list[str]] = {
    "RS": ["Belgrade", "Београд", "Novi Sad", "Niš", "Kragujevac"],
    "KZ": ["Astana", "Астана", "Almaty", "Shymkent", "Aktau"],
    "AZ": ["Baku", "Bakı", "Ganja", "Shusha"],
    "TR": ["Ankara", "Istanbul", "İstanbul", "Izmir", "Antalya"],
    "RU": ["Moscow", "Москва", "St Petersburg", "Kazan", "Sochi"],
    "BY": ["Minsk"], "UA": ["Kyiv", "Київ", "Lviv", "Odesa"],
    "CN": ["Beijing", "北京", "Shanghai", "Xi'an"], "JP": ["Tokyo", "東京", "Osaka"],
    "US": ["Washington", "New York", "San Francisco"], "GB": ["London", "Edinburgh"],
    "FR": ["Paris", "Lyon", "Strasbourg"], "DE": ["Berlin", "Munich", "Hamburg"],
    "AT": ["Vienna"], "CH": ["Bern", "Geneva", "Davos"], "BE": ["Brussels"],
    "IT": ["Rome", "Milan"], "ES": ["Madrid", "Barcelona"], "GR": ["Athens", "Αθήνα"],
    "CY": ["Nicosia"], "HU": ["Budapest"], "PL": ["Warsaw", "Kraków"], "BA": ["Sarajevo", "Banja Luka"],
    "ME": ["Podgorica"], "HR": ["Zagreb"], "SI": ["Ljubljana"], "MK": ["Skopje"],
    "SA": ["Riyadh", "الرياض", "Jeddah"], "AE": ["Abu Dhabi", "Dubai"], "QA": ["Doha", "الدوحة"],
    "EG": ["Cairo", "القاهرة", "Sharm El Sheikh"], "JO": ["Amman"], "KW": ["Kuwait City"],
    "IR": ["Tehran", "تهران"], "UZ": ["Tashkent", "Samarkand"], "KG": ["Bishkek"],
    "TJ": ["Dushanbe"], "TM": ["Ashgabat"], "GE": ["Tbilisi"], "AM": ["Yerevan"],
    "IN": ["New Delhi", "Mumbai"], "BR": ["Brasília", "Rio de Janeiro"], "MX": ["Mexico City"],
    "AR": ["Buenos Aires"], "ZA": ["Pretoria", "Johannesburg"], "NG": ["Abuja"],
    "KR": ["Seoul", "서울"], "ID": ["Jakarta"], "SG": ["Singapore"], "CA": ["Ottawa"],
    "AU": ["Canberra"], "MA": ["Rabat"], "DZ": ["Algiers"], "IQ": ["Baghdad"],
    "LB": ["Beirut"], "OM": ["Muscat"], "BH": ["Manama"], "IL": ["Jerusalem"],
    "PK": ["Islamabad"], "MN": ["Ulaanbaatar"], "VN": ["Hanoi"], "TW": ["Taipei"],
}

OUTLETS = [
    "News.Az", "Euronews", "Reuters", "Associated Press", "AFP", "TASS", "RIA Novosti",
    "Tanjug", "RTS", "Politika", "N1", "Kazinform", "Tengrinews", "Azertac", "Trend",
    "Anadolu Agency", "Daily Sabah", "Al Jazeera", "Al Arabiya", "Xinhua", "BBC",
    "Deutsche Welle", "Le Monde", "El País", "Kyodo", "Ukrinform", "Kathimerini",
]

ORG_KINDS = {
    "ministry": ["Ministry of Foreign Affairs", "Ministry of Defence", "Ministry of Energy",
                 "Ministry of Trade", "Ministry of Economy", "Ministry of Health",
                 "Ministry of Digital Development", "Ministry of Agriculture"],
    "company": ["Energy", "Petroleum", "Gas", "Telecom", "Steel", "Defence Systems",
                "Pharma", "Logistics", "Railways", "Airlines", "Mining", "Technologies",
                "Engineering", "Construction", "Agro", "Shipping"],
    "fund": ["Investment Fund", "Sovereign Wealth Fund", "Development Fund", "Export Credit Agency"],
    "agency": ["Investment Promotion Agency", "Space Agency", "Nuclear Agency", "News Agency",
               "Development Agency", "Customs Service"],
    "council": ["Business Council", "Chamber of Commerce", "Intergovernmental Commission"],
}
COMPANY_FORMS = ["JSC", "LLC", "SDPR", "Holding", "Group", "AG", "SA", "A.Ş.", "PJSC", "Co.", "Ltd"]
