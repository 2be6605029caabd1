"""A record reads the same wherever it is listed: the composer's item list, the
profile, search results and the dossier share one way to write figure values,
stance holders, guests and ordinals."""

from __future__ import annotations

from briefing.domain import AssembledItem, BriefingItem, Figure, Kind, Stance
from briefing.services.composer.describe import item_label
from briefing.services.record_labels import figure_value, ordinal
from briefing.services.search import search


def test_large_figures_read_in_full_in_the_composer_list():
    fig = Figure(metric="Trade turnover", value=1_200_000, unit="USD", qualifier="more than",
                 period="2024")
    label = item_label(AssembledItem(item=BriefingItem(section="figures"), record=fig))
    assert label == "Trade turnover: more than 1,200,000 USD (2024)"  # not 1.2e+06


def test_a_figure_value_reads_the_same_in_the_composer_and_the_dossier():
    fig = Figure(metric="Growth", value=7.5, unit="%", qualifier="about")
    label = item_label(AssembledItem(item=BriefingItem(section="figures"), record=fig))
    assert label == f"Growth: {figure_value(fig)}" == "Growth: about 7.5%"


def test_a_stance_without_a_person_is_held_by_its_country():
    st = Stance(holder_country="KZ", topic="Energy", text="Open to investment.")
    label = item_label(AssembledItem(item=BriefingItem(section="sensitivities"), record=st),
                       {"KZ": "Kazakhstan"})
    assert label == "Kazakhstan on Energy: Open to investment."


def test_ordinals_have_the_right_endings():
    assert [ordinal(n) for n in (1, 4, 12, 13, 21, 22, 23, 111, 0, None)] == [
        "first", "fourth", "twelfth", "13th", "21st", "22nd", "23rd", "111th", "", ""]


def test_a_searched_large_number_is_marked_in_the_result(store):
    store.add(Figure(metric="Trade turnover", value=1_200_000, unit="USD", from_country="RS",
                     to_country="KZ"))
    page = search(store, "1200000")
    assert [h.kind for h in page.hits] == [Kind.FIGURE]
    assert page.hits[0].snippet.marked_words == ["1200000"]
    assert page.hits[0].who == "Serbia → Kazakhstan"
