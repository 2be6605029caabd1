"""Build ``db/demo/demo-bundle.json`` from the seed article (News.Az, citing Euronews).

Every fact of the article is a record here, each linked to the article as its source.
The article gives no publication date; dates are recorded at the precision the text
gives, and inferred ones (the November summit and the visits "in the previous weeks",
taken to be November 2025 because the article looks back on November 2024) are marked
approximate.  Nothing is invented: where the article is silent a field stays empty.

Run:  python db/demo/build_demo.py   (rewrites the bundle; the tests check it is current)
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from briefing.dates import PartialDate as D  # noqa: E402
from briefing.domain import (  # noqa: E402
    Agreement, Figure, Kind, Office, Organisation, Party, Person, Source, Stance, Statement, Visit,
)
from briefing.services import bundle  # noqa: E402
from briefing.store import Store  # noqa: E402

ARTICLE = HERE / "seed-article.txt"  # an exact copy of shared/seeds/000_f70a9745e365b0f7.txt
BUNDLE = HERE / "demo-bundle.json"
STAMP = "2025-12-01T00:{:02d}:{:02d}Z"  # one second apart, so the bundle keeps build order
NS = uuid.UUID("6f1c1f4e-1d2b-4c55-9a53-3f0f5b2d9e10")


def uid(key: str) -> str:
    return str(uuid.uuid5(NS, key))


def article():
    """The seed article read the way article capture reads it (page furniture and the
    outlet line dropped), so capturing the seed again recognises the same source."""
    from briefing.services.capture import read_file

    return read_file(ARTICLE)


def build(store: Store) -> None:
    recs = []

    def add(key: str, rec):
        n = len(recs)
        stamp = STAMP.format(n // 60, n % 60)
        rec.uuid, rec.created_at, rec.updated_at = uid(key), stamp, stamp
        recs.append(rec)
        store.add(rec, keep_timestamps=True)
        return rec.id

    art = article()
    text = art.text
    src = add("source:article", Source(
        title="Vučić seeks trade and investment in Kazakhstan and Azerbaijan",
        outlet="News.Az", author="", url="", published=D(2025, 11, approximate=True),
        language="en", text=text, sha256=art.sha256,
        notes="News.Az report citing Euronews. The article has no title or date of its own: "
              "the title is descriptive and the date is inferred from the text.",
    ))
    S = [src]
    late_2025 = D(2025, 11, approximate=True)

    # --- organisations ---------------------------------------------------------------
    def org(key, name, kind, country=None, aliases=(), notes=""):
        return add(f"organisation:{key}", Organisation(
            name=name, org_kind=kind, country=country, aliases=list(aliases), notes=notes,
            source_ids=S))

    kaztech = org("kaztechnology", "SP Kaztechnology", "company", "KZ", ["Kaztechnology"],
                  "Kazakh defence company; partner of Yugoimport SDPR.")
    yugo = org("yugoimport", "Yugoimport SDPR", "company", "RS",
               ["Yugoimport", "Југоимпорт СДПР", "Jugoimport SDPR"], "Serbian defence company.")
    kinvest = org("kazakh-invest", "Kazakh Invest", "agency", "KZ", ["KazakhInvest"],
                  "Negotiating with Serbian pharmaceutical companies to localise production in Kazakhstan.")
    org("ai-centre", "International Centre for AI", "research centre", "KZ",
        ["International Centre for Artificial Intelligence"], "In Astana; visited by Vučić.")
    org("aifc", "Astana International Financial Center", "financial centre", "KZ",
        ["AIFC", "Astana International Financial Centre"], "Visited by Vučić.")
    council = org("business-council", "Kazakhstan–Serbia Business Council", "business council", None,
                  ["Kazakhstan-Serbia Business Council"],
                  "Held an expanded meeting in Astana days before Vučić's visit, with a "
                  "Kazakhstan–Serbia Business Forum.")
    org("euronews", "Euronews", "media", None, [], "Organised the EU Enlargement Summit; cited by News.Az.")
    org("newsaz", "News.Az", "media", None, ["News Az"], "Outlet of the seed article.")
    org("kz-press", "Kazakhstan President Press Service", "press service", "KZ", [],
        "Credited for the photo of the Golden Eagle Order ceremony.")

    # --- people ------------------------------------------------------------------------
    vucic = add("person:vucic", Person(
        name="Aleksandar Vučić", country="RS", office="President of Serbia",
        aliases=["Vučić", "Vucic", "Aleksandar Vucic", "Вучић", "Александар Вучић", "Вучич",
                 "Александр Вучич"],
        offices=[Office(title="President of Serbia", country="RS")], source_ids=S))
    tokayev = add("person:tokayev", Person(
        name="Kassym-Jomart Tokayev", country="KZ", office="President of Kazakhstan",
        aliases=["Tokayev", "Tokaev", "Toqaev", "Токаев", "Тоқаев", "Kassym-Jomart Tokaev",
                 "Qasym-Jomart Toqaev", "Касым-Жомарт Токаев", "Қасым-Жомарт Тоқаев"],
        offices=[Office(title="President of Kazakhstan", country="KZ")], source_ids=S))
    bektenov = add("person:bektenov", Person(
        name="Olzhas Bektenov", country="KZ", office="Prime Minister of Kazakhstan",
        aliases=["Bektenov", "Олжас Бектенов", "Бектенов"],
        offices=[Office(title="Prime Minister of Kazakhstan", country="KZ")], source_ids=S))
    aliyev = add("person:aliyev", Person(
        name="Ilham Aliyev", country="AZ", office="President of Azerbaijan",
        aliases=["Aliyev", "Əliyev", "İlham Əliyev", "Aliev", "Ilham Aliev", "Алиев",
                 "Ильхам Алиев"],
        offices=[Office(title="President of Azerbaijan", country="AZ")], source_ids=S))

    # --- visits ------------------------------------------------------------------------
    astana = add("visit:vucic-kazakhstan", Visit(
        guest_id=vucic, guest_country="RS", host_country="KZ", host_id=tokayev, place="Astana",
        start=late_2025, visit_kind="official", ordinal=4,
        purpose="Talks focused on strengthening political dialogue, expanding trade and economic "
                "ties, and enhancing cultural and humanitarian cooperation; meetings with Prime "
                "Minister Olzhas Bektenov and representatives of Kazakhstan's largest investment "
                "funds.",
        notes="At the invitation of President Tokayev; Vučić's fourth visit to Kazakhstan. "
              "Tokayev awarded Vučić the Golden Eagle Order. Vučić visited the International "
              "Centre for AI and the Astana International Financial Center, and invited Tokayev "
              "to visit Belgrade again.",
        topics=["trade", "investment", "political dialogue", "cultural cooperation"], source_ids=S))
    add("visit:tokayev-belgrade", Visit(
        guest_id=tokayev, guest_country="KZ", host_country="RS", place="Belgrade",
        start=D(2024, 11),
        notes="Since this visit the relations of the two countries have taken a positive turn.",
        topics=["trade"], source_ids=S))
    belgrade = add("visit:aliyev-belgrade", Visit(
        guest_id=aliyev, guest_country="AZ", host_country="RS", host_id=vucic, place="Belgrade",
        start=late_2025,
        purpose="Signing of the agreement on a gas-turbine power plant; joint press statement.",
        notes="Days before Vučić's visit to Astana.",
        topics=["energy"], source_ids=S))

    # --- agreements --------------------------------------------------------------------
    def party(kind, ref, role="party"):
        return Party(party_kind=kind, ref=ref, role=role)

    add("agreement:artillery", Agreement(
        title="Agreement to repair and modernise self-propelled artillery systems",
        agreement_kind="agreement", sector="defence", status="signed", signed=late_2025,
        parties=[party("organisation", kaztech), party("organisation", yugo),
                 party("country", "KZ"), party("country", "RS")],
        summary="SP Kaztechnology and the Serbian company Yugoimport SDPR concluded an "
                "agreement to repair and modernise self-propelled artillery systems.",
        topics=["defence"], source_ids=S))
    add("agreement:high-energy", Agreement(
        title="Framework agreement on technology transfer and production of high-energy materials",
        agreement_kind="framework agreement", sector="defence", status="signed", signed=late_2025,
        parties=[party("country", "KZ"), party("country", "RS")],
        summary="A framework agreement on technology transfer and the establishment of "
                "production for high-energy materials.",
        notes="The article does not name the signatories; the parties are the two countries "
              "whose relations it describes.",
        topics=["defence", "technology transfer"], source_ids=S))
    add("agreement:investment-funds", Agreement(
        title="Deals with Kazakhstan's largest investment funds",
        agreement_kind="deals", sector="investment", status="signed", signed=late_2025,
        place="Astana", visit_id=astana,
        parties=[party("country", "RS"), party("country", "KZ")],
        summary="Vučić met representatives of Kazakhstan's largest investment funds, signing "
                "several deals outlining future activities.",
        topics=["investment"], source_ids=S))
    add("agreement:business-forum", Agreement(
        title="Cooperation agreements of the Kazakhstan–Serbia Business Forum",
        agreement_kind="cooperation agreements", sector="trade", status="signed",
        signed=late_2025, place="Astana",
        parties=[party("country", "KZ"), party("country", "RS"),
                 party("organisation", council, "witness")],
        summary="Days before Vučić's visit, Astana hosted an expanded meeting of the "
                "Kazakhstan–Serbia Business Council and a Kazakhstan–Serbia Business Forum, "
                "during which several cooperation agreements were signed.",
        topics=["trade"], source_ids=S))
    add("agreement:pharma", Agreement(
        title="Localisation of Serbian pharmaceutical production in Kazakhstan",
        agreement_kind="negotiations", sector="pharmaceutical", status="negotiating",
        parties=[party("organisation", kinvest, "negotiator"), party("country", "RS"),
                 party("country", "KZ")],
        summary="Kazakh Invest has been negotiating with Serbian pharmaceutical companies to "
                "localise production facilities in Kazakhstan.",
        topics=["pharmaceuticals", "investment"], source_ids=S))
    add("agreement:gas-turbine", Agreement(
        title="Agreement on the design, construction and operation of a gas-turbine power plant",
        agreement_kind="agreement", sector="energy", status="signed", signed=late_2025,
        place="Belgrade", visit_id=belgrade,
        parties=[party("country", "RS"), party("country", "AZ")],
        summary="Signed during Ilham Aliyev's visit to Belgrade. The project will be realised "
                "across three pre-selected sites near Niš, Serbia's third-largest city; "
                "construction will take more than two years, with an opening scheduled for 2029. "
                "Preparing the project documentation would take approximately three months, "
                "after which construction can begin. A key component of Serbia's long-term "
                "energy transition strategy; the partnership with Baku lets Belgrade diversify "
                "its gas imports and reduce its reliance on single-source suppliers.",
        topics=["energy", "gas"], source_ids=S))

    # --- statements --------------------------------------------------------------------
    def said(key, who, text, kind="direct", visit=None, occasion="", context="", topics=(),
             date=late_2025):
        return add(f"statement:{key}", Statement(
            speaker_id=who, text=text, statement_kind=kind, date=date, language="en",
            occasion_visit_id=visit, occasion=occasion, context=context, topics=list(topics),
            source_ids=S))

    said("tokayev-stress", tokayev,
         "We put stress on further development of trade, economic and investment cooperation",
         visit=astana, context="Said after the talks with Vučić in Astana.",
         topics=["trade", "investment"])
    said("tokayev-companies", tokayev,
         "Trade exchange is increasing. There are 60 Serbian companies working in Kazakhstan. "
         "But the potential for our economic cooperation is much higher than that and that is "
         "why we agreed that we shall enhance joint operations in the fields that are "
         "complementary in our economy",
         visit=astana, context="Added after the talks with Vučić in Astana.", topics=["trade"])
    said("vucic-foundations", vucic,
         "There's a lot for us to see and learn here and I think we have laid solid foundations "
         "for further development of relations between Kazakhstan and Serbia",
         visit=astana, context="Said after visiting the International Centre for AI in Astana "
                               "and the Astana International Financial Center.",
         topics=["cooperation"])
    said("vucic-documentation", vucic,
         "The project documentation can be prepared, and construction can begin immediately "
         "after that",
         visit=belgrade, context="Stated during a joint press statement with Ilham Aliyev.",
         topics=["energy"])
    said("aliyev-opportunities", aliyev,
         "This will create opportunities for both the Serbian market and for future exports",
         visit=belgrade, context="On the gas-turbine power plant, at the joint press statement "
                                 "with Vučić.",
         topics=["energy"])
    said("vucic-eu-central-asia", vucic,
         "While Serbia is dedicated to its EU integration process, it will also seek drivers of "
         "growth in places like Central Asia while waiting in the EU queue.",
         kind="paraphrase", occasion="EU Enlargement Summit organised by Euronews (November)",
         topics=["EU integration", "Central Asia"])
    said("vucic-thanks-kosovo", vucic,
         "Vučić thanked his host, President Tokayev, for Kazakhstan not recognising Kosovo as "
         "an independent state.",
         kind="paraphrase", visit=astana, topics=["Kosovo"])
    said("vucic-three-months", vucic,
         "Preparing the project documentation for the gas-turbine power plant would take "
         "approximately three months.",
         kind="paraphrase", visit=belgrade, topics=["energy"])
    said("aliyev-gas", aliyev,
         "Azerbaijan began exporting natural gas to Serbia some time ago, and later the sides "
         "agreed to increase the volumes. Now Serbia will also convert the gas to be exported "
         "into electricity, thereby acquiring clean electricity.",
         kind="paraphrase", visit=belgrade, topics=["energy", "gas"])

    # --- figures -----------------------------------------------------------------------
    add("figure:turnover", Figure(
        metric="Trade turnover between Kazakhstan and Serbia, change", value=7.0, unit="%",
        qualifier="more than", from_country="KZ", to_country="RS",
        period="since November 2024", as_of=late_2025, topics=["trade"], source_ids=S))
    add("figure:exports", Figure(
        metric="Kazakhstan's exports to Serbia, change", value=80.0, unit="%",
        qualifier="as much as", from_country="KZ", to_country="RS",
        period="since November 2024", as_of=late_2025, topics=["trade"], source_ids=S))
    add("figure:companies", Figure(
        metric="Serbian companies working in Kazakhstan", value=60.0, unit="companies",
        from_country="RS", to_country="KZ", as_of=late_2025,
        notes="According to President Tokayev.", topics=["trade", "investment"], source_ids=S))

    # --- stances -----------------------------------------------------------------------
    add("stance:kz-kosovo", Stance(
        holder_country="KZ", topic="Kosovo",
        text="Does not recognise Kosovo's independence.", topics=["Kosovo"], source_ids=S))
    add("stance:rs-kosovo", Stance(
        holder_country="RS", topic="Kosovo",
        text="Does not recognise Kosovo, its former province which declared independence in "
             "2008, as an independent state.", topics=["Kosovo"], source_ids=S))
    add("stance:rs-gas", Stance(
        holder_country="RS", topic="Energy diversification",
        text="Diversifying its gas imports to reduce its reliance on single-source suppliers, "
             "as part of a long-term energy transition strategy.", topics=["energy", "gas"],
        source_ids=S))
    add("stance:rs-eu", Stance(
        holder_country="RS", holder_person_id=vucic, topic="EU integration",
        text="Dedicated to its EU integration process, while seeking drivers of growth in "
             "places like Central Asia while waiting in the EU queue.",
        topics=["EU integration", "Central Asia"], source_ids=S))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "demo.sqlite")
        try:
            build(store)
            BUNDLE.write_text(bundle.dumps(bundle.export_bundle(store)), encoding="utf-8")
        finally:
            store.close()
    print(f"wrote {BUNDLE}")


if __name__ == "__main__":
    main()
