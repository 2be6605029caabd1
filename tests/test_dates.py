"""Partial dates: YYYY, YYYY-MM, YYYY-MM-DD with an approximate flag."""

from __future__ import annotations

import random
from datetime import date

import pytest

from briefing.dates import DateError, PartialDate, display


@pytest.mark.parametrize("text, expected", [
    ("2024", PartialDate(2024)),
    ("2024-11", PartialDate(2024, 11)),
    ("2024-11-05", PartialDate(2024, 11, 5)),
    ("  2024-11-05 ", PartialDate(2024, 11, 5)),
    ("5 November 2024", PartialDate(2024, 11, 5)),
    ("November 2024", PartialDate(2024, 11)),
    ("Nov 2024", PartialDate(2024, 11)),
    ("Nov 5, 2024", PartialDate(2024, 11, 5)),
    ("November 5, 2024", PartialDate(2024, 11, 5)),
    ("05.11.2024", PartialDate(2024, 11, 5)),
    ("2024-02-29", PartialDate(2024, 2, 29)),
    ("~2024", PartialDate(2024, approximate=True)),
    ("~2024-11", PartialDate(2024, 11, approximate=True)),
    ("c. 2024", PartialDate(2024, approximate=True)),
    ("circa November 2024", PartialDate(2024, 11, approximate=True)),
])
def test_parse_accepts_the_forms_people_write(text, expected):
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize("text, words", [
    ("2024-13-40", "month 13 does not exist"),
    ("2024-11-31", "day 31 does not exist in November 2024"),
    ("2023-02-29", "day 29 does not exist in February 2023"),
    ("next week", "'next week' is not a date"),
    ("yesterday", "is not a date"),
    ("24-11-05", "is not a date"),
    ("2024/11/05", "is not a date"),
    ("Smarch 2024", "is not a date"),
    ("", "empty date"),
    ("   ", "empty date"),
    ("0000", "year 0 is out of range"),
])
def test_parse_refuses_what_is_not_a_date_with_a_clear_message(text, words):
    with pytest.raises(DateError) as info:
        PartialDate.parse(text)
    assert words in str(info.value)
    assert isinstance(info.value, ValueError)


def test_a_day_needs_a_month():
    with pytest.raises(DateError, match="a day needs a month"):
        PartialDate(2024, None, 5)


def test_parse_optional_gives_none_for_blank():
    assert PartialDate.parse_optional(None) is None
    assert PartialDate.parse_optional("  ") is None
    assert PartialDate.parse_optional("2024") == PartialDate(2024)
    assert PartialDate.parse_optional("2024", approximate=True).approximate


def test_iso_is_the_stored_form_at_its_own_precision():
    assert PartialDate(2024).iso == "2024"
    assert PartialDate(2024, 11).iso == "2024-11"
    assert PartialDate(2024, 11, 5).iso == "2024-11-05"
    assert PartialDate(987).iso == "0987"
    assert str(PartialDate(2024, 11, approximate=True)) == "~2024-11"
    assert str(PartialDate(2024, 11)) == "2024-11"


def test_display_prints_at_the_dates_precision():
    assert PartialDate(2024).display() == "2024"
    assert PartialDate(2024, 11).display() == "November 2024"
    assert PartialDate(2024, 11, 5).display() == "5 November 2024"
    assert PartialDate(2024, 11, approximate=True).display() == "c. November 2024"
    assert display("2024-11") == "November 2024"
    assert display("2024-11", 1) == "c. November 2024"
    assert display(None) == "" and display("") == ""
    assert display("not a date") == "not a date"


def test_precision_and_bounds():
    assert PartialDate(2024).precision == "year"
    assert PartialDate(2024, 2).precision == "month"
    assert PartialDate(2024, 2, 3).precision == "day"
    assert (PartialDate(2024).lower(), PartialDate(2024).upper()) == ("2024-01-01", "2024-12-31")
    assert PartialDate(2024, 2).upper() == "2024-02-29"  # leap year
    assert PartialDate(2023, 2).upper() == "2023-02-28"
    assert PartialDate(2024, 11, 5).lower() == PartialDate(2024, 11, 5).upper() == "2024-11-05"


def test_partial_dates_sort_coarse_before_fine_and_by_time():
    expected = [
        PartialDate(2023, 12, 31), PartialDate(2024), PartialDate(2024, 1), PartialDate(2024, 11),
        PartialDate(2024, 11, 5), PartialDate(2024, 11, 30), PartialDate(2024, 12), PartialDate(2025),
    ]
    shuffled = expected[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled) == expected
    # the stored ISO text sorts the same way (the store orders by it)
    assert sorted(d.iso for d in shuffled) == [d.iso for d in expected]
    assert PartialDate(2024) < PartialDate(2024, 11) < PartialDate(2024, 11, 5) < PartialDate(2025)
    assert PartialDate(2025) > PartialDate(2024, 12, 31)
    assert PartialDate(2024, 11) <= PartialDate(2024, 11, approximate=True)
    assert PartialDate(2024, 11) >= PartialDate(2024, 11, approximate=True)


def test_store_form_round_trips_with_the_approximate_flag():
    for d in (PartialDate(2024), PartialDate(2024, 11, approximate=True), PartialDate(2024, 11, 5)):
        assert PartialDate.from_store(d.iso, int(d.approximate)) == d
    assert PartialDate.from_store(None) is None
    assert PartialDate.from_store("") is None


def test_from_date():
    assert PartialDate.from_date(date(2025, 1, 31)) == PartialDate(2025, 1, 31)
