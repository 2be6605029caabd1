"""A sample assembled briefing that mirrors the demo story (Vučić meets Tokayev).

Used for the documentation page images, for previews before a briefing has items and
by the tests; it is built in memory, with no store.  Every record carries the display
fields the store would fill in.
"""

from __future__ import annotations

from briefing.dates import PartialDate as D
from briefing.domain import (
    Agreement, AssembledBriefing, AssembledItem, AssembledSection, Briefing, BriefingItem,
    Figure, Office, Party, Person, Section, Source, Stance, Statement, Visit,
)

COUNTRIES = {"RS": "Serbia", "KZ": "Kazakhstan", "AZ": "Azerbaijan", "XK": "Kosovo"}

NEWS_AZ = Source(
    id=1, title="Serbia's Vučić seeks trade and investment in Kazakhstan and Azerbaijan",
    outlet="News.Az (citing Euronews)", published=D(2025, 11, 21), language="en",
    url="https://news.az/news/serbia-s-vucic-seeks-trade-and-investment-in-kazakhstan-and-"
        "azerbaijan-diplomatic-push-east-2025",
)
EURONEWS = Source(
    id=2, title="EU Enlargement Summit: Vučić says Serbia stays on the EU path",
    outlet="Euronews", published=D(2025, 11), language="en",
    url="https://www.euronews.com/my-europe/2025/11/enlargement-summit-vucic",
)

TOKAYEV = Person(
    id=10, name="Kassym-Jomart Tokayev", aliases=["Тоқаев", "Токаев", "Tokaev"], country="KZ",
    office="President of Kazakhstan",
    offices=[
        Office(title="President of Kazakhstan", country="KZ", start=D(2019, 3, 20)),
        Office(title="Chairman of the Senate", country="KZ", start=D(2013, 10, 16),
               end=D(2019, 3, 19)),
        Office(title="Director-General of the United Nations Office at Geneva",
               organisation_name="United Nations", start=D(2011, 3), end=D(2013, 10)),
    ],
)


def _item(section: Section, pos: int, record=None, *, text: str = "", annotation: str = "",
          included: bool = True, sources: list[int] | None = None, removed: bool = False,
          ref_kind: str | None = None) -> AssembledItem:
    kind = ref_kind or (record.kind.value if record is not None else None)
    item = BriefingItem(id=100 + pos, briefing_id=1, section=section.value, position=pos,
                        ref_kind=kind, ref_id=getattr(record, "id", None), text=text,
                        annotation=annotation, included=included)
    return AssembledItem(item=item, record=record, removed=removed,
                         source_numbers=list(sources or []))


def sample_briefing() -> AssembledBriefing:
    """The demo briefing: talking points, Tokayev's profile, figures, visits,
    agreements (Niš gas-turbine plant …), statements (Vučić, Tokayev, Əliyev),
    sensitivities and two sources.  One item is excluded and one was removed."""
    briefing = Briefing(
        id=1, title="Vučić meets Tokayev in Astana", counterpart_country="KZ",
        counterpart_person_id=TOKAYEV.id, our_country="RS", date=D(2025, 12, 9),
        place="Astana", purpose="Follow-up to the official visit: trade, investment, energy",
        classification="RESTRICTED", author="Desk Officer, Central Asia Division",
        counterpart_name=TOKAYEV.name,
    )
    S = Section
    points = AssembledSection(section=S.TALKING_POINTS, items=[
        _item(S.TALKING_POINTS, 1, text="Thank President Tokayev for Kazakhstan's consistent "
              "position of not recognising Kosovo."),
        _item(S.TALKING_POINTS, 2, text="Build on the Kazakhstan–Serbia Business Council: "
              "defence (Yugoimport SDPR) and pharmaceuticals (Kazakh Invest).",
              annotation="Вучић: нагласити сарадњу у енергетици и фармацији."),
        _item(S.TALKING_POINTS, 3, text="Trade target: turnover up > 7% & growing <steadily>; "
              "Kazakh exports to Serbia +80%.", sources=[1]),
        _item(S.TALKING_POINTS, 4, text="Internal only: do not raise the arms-export file.",
              included=False),
        _item(S.TALKING_POINTS, 5, text="Renew the invitation to visit Belgrade in 2026."),
    ])
    profile = AssembledSection(section=S.PROFILE, items=[
        _item(S.PROFILE, 1, TOKAYEV, sources=[1],
              annotation="Speaks Russian, Kazakh, English and Chinese; prefers a substantive "
                         "agenda over protocol."),
    ])
    figures = AssembledSection(section=S.FIGURES, items=[
        _item(S.FIGURES, 1, Figure(id=30, metric="Trade turnover growth", value=7, unit="%",
                                   qualifier="more than", from_country="KZ", to_country="RS",
                                   period="since November 2024", as_of=D(2025, 11)),
              sources=[1]),
        _item(S.FIGURES, 2, Figure(id=31, metric="Kazakhstan's exports to Serbia", value=80,
                                   unit="%", qualifier="as much as", from_country="KZ",
                                   to_country="RS", period="since November 2024",
                                   as_of=D(2025, 11)), sources=[1]),
        _item(S.FIGURES, 3, Figure(id=32, metric="Serbian companies working in Kazakhstan",
                                   value=60, unit="companies", from_country="RS",
                                   to_country="KZ", as_of=D(2025, 11)), sources=[1]),
    ])
    visits = AssembledSection(section=S.VISITS, items=[
        _item(S.VISITS, 1, Visit(id=40, guest_id=TOKAYEV.id, guest_country="KZ",
                                 host_country="RS", start=D(2024, 11, 27), end=D(2024, 11, 28),
                                 place="Belgrade", visit_kind="state",
                                 guest_name=TOKAYEV.name, host_name="Aleksandar Vučić",
                                 purpose="Relations have taken a positive turn since."),
              sources=[1]),
        _item(S.VISITS, 2, Visit(id=41, guest_id=12, guest_country="AZ", host_country="RS",
                                 start=D(2025, 11, 10), place="Belgrade", visit_kind="official",
                                 guest_name="İlham Əliyev", host_name="Aleksandar Vučić",
                                 purpose="Gas-turbine power plant agreement signed."),
              sources=[1], annotation="Context only: shows Serbia diversifying energy partners."),
        _item(S.VISITS, 3, Visit(id=42, guest_id=11, guest_country="RS", host_country="KZ",
                                 start=D(2025, 11, 18), end=D(2025, 11, 19), place="Astana",
                                 visit_kind="official", ordinal=4,
                                 guest_name="Aleksandar Vučić", host_name=TOKAYEV.name,
                                 purpose="Talks on political dialogue, trade and culture; "
                                         "Golden Eagle Order awarded to Vučić."),
              sources=[1]),
    ])
    agreements = AssembledSection(section=S.AGREEMENTS, items=[
        _item(S.AGREEMENTS, 1, Agreement(
            id=50, title="Design, construction and operation of a gas-turbine power plant",
            agreement_kind="agreement", sector="energy", status="signed",
            signed=D(2025, 11, 10), place="Belgrade",
            summary="Three pre-selected sites near Niš; construction more than two years, "
                    "opening scheduled for 2029.",
            parties=[Party(party_kind="country", ref="RS", name="Serbia"),
                     Party(party_kind="country", ref="AZ", name="Azerbaijan")]),
            sources=[1], annotation="Energy diversification: a model for Kazakhstan."),
        _item(S.AGREEMENTS, 2, Agreement(
            id=51, title="Repair and modernisation of self-propelled artillery systems",
            agreement_kind="contract", sector="defence", status="signed",
            signed=D(2025, 11), place="Astana",
            parties=[Party(party_kind="organisation", ref=60, name="SP Kaztechnology"),
                     Party(party_kind="organisation", ref=61, name="Yugoimport SDPR")]),
            sources=[1]),
        _item(S.AGREEMENTS, 3, Agreement(
            id=52, title="Framework agreement on technology transfer and production of "
                         "high-energy materials",
            agreement_kind="framework agreement", sector="defence", status="signed",
            signed=D(2025, 11),
            parties=[Party(party_kind="country", ref="KZ", name="Kazakhstan"),
                     Party(party_kind="country", ref="RS", name="Serbia")]), sources=[1]),
        _item(S.AGREEMENTS, 4, Agreement(
            id=53, title="Localisation of pharmaceutical production in Kazakhstan",
            agreement_kind="investment", sector="pharmaceuticals", status="negotiating",
            parties=[Party(party_kind="organisation", ref=62, name="Kazakh Invest"),
                     Party(party_kind="organisation", ref=63,
                           name="Serbian pharmaceutical companies", role="negotiator")]),
            sources=[1]),
    ])
    statements = AssembledSection(section=S.STATEMENTS, items=[
        _item(S.STATEMENTS, 1, Statement(
            id=70, speaker_id=TOKAYEV.id, speaker_name=TOKAYEV.name, speaker_country="KZ",
            date=D(2025, 11, 18), occasion="Talks with President Vučić, Astana",
            text="We put stress on further development of trade, economic and investment "
                 "cooperation."), sources=[1]),
        _item(S.STATEMENTS, 2, Statement(
            id=71, speaker_id=TOKAYEV.id, speaker_name=TOKAYEV.name, speaker_country="KZ",
            date=D(2025, 11, 18), occasion="Talks with President Vučić, Astana",
            text="Trade exchange is increasing. There are 60 Serbian companies working in "
                 "Kazakhstan. But the potential for our economic cooperation is much higher "
                 "than that and that is why we agreed that we shall enhance joint operations "
                 "in the fields that are complementary in our economy."), sources=[1],
            annotation="Use as the opening line on economic cooperation."),
        _item(S.STATEMENTS, 3, Statement(
            id=72, speaker_id=11, speaker_name="Aleksandar Vučić", speaker_country="RS",
            date=D(2025, 11, 19), occasion="After visiting the International Centre for AI, "
                                           "Astana",
            text="There's a lot for us to see and learn here and I think we have laid solid "
                 "foundations for further development of relations between Kazakhstan and "
                 "Serbia."), sources=[1]),
        _item(S.STATEMENTS, 4, Statement(
            id=73, speaker_id=12, speaker_name="İlham Əliyev", speaker_country="AZ",
            date=D(2025, 11, 10), occasion="Joint press statement, Belgrade",
            text="This will create opportunities for both the Serbian market and for future "
                 "exports."), sources=[1]),
        _item(S.STATEMENTS, 5, Statement(
            id=74, speaker_id=11, speaker_name="Aleksandar Vučić", speaker_country="RS",
            date=D(2025, 11), occasion="EU Enlargement Summit (Euronews)",
            statement_kind="paraphrase",
            text="Serbia is dedicated to its EU integration process but will also seek drivers "
                 "of growth in places like Central Asia while waiting in the EU queue."),
            sources=[2]),
        _item(S.STATEMENTS, 6, None, ref_kind="statement", removed=True,
              text="Olzhas Bektenov on investment funds"),
    ])
    sensitivities = AssembledSection(section=S.SENSITIVITIES, items=[
        _item(S.SENSITIVITIES, 1, Stance(
            id=80, holder_country="KZ", topic="Kosovo",
            text="Қазақстан (Kazakhstan) does not recognise Kosovo's independence, declared in "
                 "2008; Serbia thanked Kazakhstan for this position."), sources=[1]),
        _item(S.SENSITIVITIES, 2, Stance(
            id=81, holder_country="RS", topic="EU integration",
            text="Serbia stays committed to EU accession; avoid framing Central Asia as an "
                 "alternative to the EU."), sources=[2]),
    ])
    sources = AssembledSection(section=S.SOURCES, items=[
        _item(S.SOURCES, 1, NEWS_AZ, annotation="Primary source for this briefing."),
        _item(S.SOURCES, 2, EURONEWS),
    ])
    return AssembledBriefing(
        briefing=briefing,
        sections=[points, profile, figures, visits, agreements, statements, sensitivities,
                  sources],
        sources=[NEWS_AZ, EURONEWS], country_names=dict(COUNTRIES), counterpart=TOKAYEV,
        prepared=D(2025, 11, 24),
    )


if __name__ == "__main__":  # python -m briefing.services.dossier.sample OUT.pdf [A4|Letter]
    import sys

    from .writer import write_pdf

    size = sys.argv[2] if len(sys.argv) > 2 else "A4"
    print(write_pdf(sample_briefing(), sys.argv[1] if len(sys.argv) > 1 else "sample.pdf", size))
