"""Capitals, major cities and demonyms by ISO country code, for reading articles.

"Belgrade" and "Serbian" both point at ``RS``: an article rarely names a host country
when it names its capital, and rarely names a leader's country when it says
"Serbian President".  Data only (one line per country: code, places, adjectives).
"""

from __future__ import annotations

_DATA = """
AF|Kabul|Afghan
AL|Tirana|Albanian
DZ|Algiers|Algerian
AD|Andorra la Vella|Andorran
AO|Luanda|Angolan
AR|Buenos Aires|Argentine,Argentinian
AM|Yerevan|Armenian
AU|Canberra,Sydney,Melbourne|Australian
AT|Vienna|Austrian
AZ|Baku|Azerbaijani,Azeri
BH|Manama|Bahraini
BD|Dhaka|Bangladeshi
BY|Minsk|Belarusian
BE|Brussels|Belgian
BJ|Porto-Novo,Cotonou|Beninese
BT|Thimphu|Bhutanese
BO|La Paz,Sucre|Bolivian
BA|Sarajevo,Banja Luka|Bosnian
BW|Gaborone|Botswanan
BR|Brasilia,Brasília,Rio de Janeiro,São Paulo,Sao Paulo|Brazilian
BN|Bandar Seri Begawan|Bruneian
BG|Sofia|Bulgarian
BF|Ouagadougou|Burkinabe
BI|Gitega,Bujumbura|Burundian
KH|Phnom Penh|Cambodian
CM|Yaoundé,Yaounde|Cameroonian
CA|Ottawa,Toronto,Montreal|Canadian
CL|Santiago|Chilean
CN|Beijing,Shanghai|Chinese
CO|Bogotá,Bogota|Colombian
CD|Kinshasa|Congolese
CR|San José|Costa Rican
HR|Zagreb|Croatian
CU|Havana|Cuban
CY|Nicosia|Cypriot
CZ|Prague|Czech
DK|Copenhagen|Danish
DO|Santo Domingo|Dominican
EC|Quito|Ecuadorian
EG|Cairo|Egyptian
SV|San Salvador|Salvadoran
EE|Tallinn|Estonian
ET|Addis Ababa|Ethiopian
FI|Helsinki|Finnish
FR|Paris|French
GA|Libreville|Gabonese
GE|Tbilisi|Georgian
DE|Berlin,Bonn,Munich,Frankfurt,Hamburg|German
GH|Accra|Ghanaian
GR|Athens|Greek
GT|Guatemala City|Guatemalan
GN|Conakry|Guinean
HT|Port-au-Prince|Haitian
HN|Tegucigalpa|Honduran
HU|Budapest|Hungarian
IS|Reykjavik,Reykjavík|Icelandic
IN|New Delhi,Delhi,Mumbai|Indian
ID|Jakarta|Indonesian
IR|Tehran|Iranian
IQ|Baghdad|Iraqi
IE|Dublin|Irish
IL|Jerusalem,Tel Aviv|Israeli
IT|Rome,Milan|Italian
CI|Yamoussoukro,Abidjan|Ivorian
JM|Kingston|Jamaican
JP|Tokyo|Japanese
JO|Amman|Jordanian
KZ|Astana,Nur-Sultan,Almaty|Kazakh,Kazakhstani
KE|Nairobi|Kenyan
KW|Kuwait City|Kuwaiti
KG|Bishkek|Kyrgyz
LA|Vientiane|Laotian,Lao
LV|Riga|Latvian
LB|Beirut|Lebanese
LY|Tripoli|Libyan
LI|Vaduz|Liechtensteiner
LT|Vilnius|Lithuanian
LU|Luxembourg City|Luxembourgish
MG|Antananarivo|Malagasy
MW|Lilongwe|Malawian
MY|Kuala Lumpur|Malaysian
ML|Bamako|Malian
MT|Valletta|Maltese
MR|Nouakchott|Mauritanian
MX|Mexico City|Mexican
MD|Chisinau,Chișinău|Moldovan
MC|Monaco|Monegasque
MN|Ulaanbaatar,Ulan Bator|Mongolian
ME|Podgorica|Montenegrin
MA|Rabat,Casablanca|Moroccan
MZ|Maputo|Mozambican
MM|Naypyidaw,Yangon|Myanmar,Burmese
NA|Windhoek|Namibian
NP|Kathmandu|Nepalese,Nepali
NL|Amsterdam,The Hague|Dutch
NZ|Wellington|New Zealand
NI|Managua|Nicaraguan
NE|Niamey|Nigerien
NG|Abuja,Lagos|Nigerian
KP|Pyongyang|North Korean
MK|Skopje|Macedonian,North Macedonian
NO|Oslo|Norwegian
OM|Muscat|Omani
PK|Islamabad,Karachi|Pakistani
PS|Ramallah,Gaza|Palestinian
PA|Panama City|Panamanian
PY|Asunción,Asuncion|Paraguayan
PE|Lima|Peruvian
PH|Manila|Filipino,Philippine
PL|Warsaw|Polish
PT|Lisbon|Portuguese
QA|Doha|Qatari
RO|Bucharest|Romanian
RU|Moscow,Saint Petersburg,St Petersburg|Russian
RW|Kigali|Rwandan
SA|Riyadh,Jeddah|Saudi
SN|Dakar|Senegalese
RS|Belgrade,Novi Sad,Niš,Nis|Serbian
SG|Singapore|Singaporean
SK|Bratislava|Slovak
SI|Ljubljana|Slovenian,Slovene
SO|Mogadishu|Somali
ZA|Pretoria,Cape Town,Johannesburg|South African
KR|Seoul|South Korean
SS|Juba|South Sudanese
ES|Madrid,Barcelona|Spanish
LK|Colombo|Sri Lankan
SD|Khartoum|Sudanese
SE|Stockholm|Swedish
CH|Bern,Geneva,Zurich|Swiss
SY|Damascus|Syrian
TW|Taipei|Taiwanese
TJ|Dushanbe|Tajik
TZ|Dodoma,Dar es Salaam|Tanzanian
TH|Bangkok|Thai
TN|Tunis|Tunisian
TR|Ankara,Istanbul|Turkish
TM|Ashgabat|Turkmen
UG|Kampala|Ugandan
UA|Kyiv,Kiev|Ukrainian
AE|Abu Dhabi,Dubai|Emirati
GB|London|British
US|Washington,New York|American
UY|Montevideo|Uruguayan
UZ|Tashkent|Uzbek
VE|Caracas|Venezuelan
VN|Hanoi|Vietnamese
YE|Sanaa|Yemeni
ZM|Lusaka|Zambian
ZW|Harare|Zimbabwean
XK|Pristina,Priština|Kosovar,Kosovan
VA|Vatican City|Vatican
"""


def _parse() -> tuple[dict[str, str], dict[str, str]]:
    places: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for line in _DATA.strip().splitlines():
        code, cities, adjectives = line.split("|")
        for city in cities.split(","):
            places.setdefault(city.strip(), code)
        for adj in adjectives.split(","):
            demonyms.setdefault(adj.strip(), code)
    return places, demonyms


PLACES, DEMONYMS = _parse()
"""``PLACES``: city name → country code; ``DEMONYMS``: adjective → country code."""
