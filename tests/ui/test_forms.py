"""Dates typed as people type them, and filters built from the page's fields."""

from __future__ import annotations

from datetime import date

import pytest

from index.filters import Filters
from ui.forms import KIND_CHOICES, FormError, build_filters, describe, parse_day


@pytest.mark.parametrize(
    "text, expected",
    [
        ("17/02/2016", date(2016, 2, 17)), ("7/2/2016", date(2016, 2, 7)), ("17-2-2016", date(2016, 2, 17)),
        ("17.02.2016", date(2016, 2, 17)), (" 17 / 2 / 2016 ", date(2016, 2, 17)), ("2016-02-17", date(2016, 2, 17)),
        ("2016", date(2016, 1, 1)), ("", None), (None, None),
    ],
)
def test_day_first_dates_and_friends(text, expected):
    assert parse_day(text, field="Từ ngày") == expected


def test_a_bare_year_ends_on_the_last_day_when_it_closes_a_range():
    assert parse_day("2016", field="Đến ngày", end=True) == date(2016, 12, 31)


@pytest.mark.parametrize(
    "text, words", [("02/17/2016", "không tồn tại"), ("hôm qua", "dd/mm/yyyy"), ("31/02/2020", "không tồn tại")]
)
def test_bad_dates_say_what_to_type_in_vietnamese(text, words):
    with pytest.raises(FormError, match=words) as caught:
        parse_day(text, field="Đến ngày")
    assert "Đến ngày" in str(caught.value)


def test_filters_from_fields():
    assert build_filters("", "", []) is None
    built = build_filters("01/01/2015", "2017", ["tin tức"])
    assert built == Filters(date_from=date(2015, 1, 1), date_to=date(2017, 12, 31), kinds=("tin tức",))
    assert describe(built) == {"date_from": "2015-01-01", "date_to": "2017-12-31", "kinds": ["tin tức"]}
    assert describe(None) == {}


def test_inverted_range_and_unknown_kind_are_refused():
    with pytest.raises(FormError, match="Từ ngày"):
        build_filters("01/01/2020", "01/01/2010", [])
    with pytest.raises(FormError, match="Loại văn bản"):
        build_filters("", "", ["thư tình"])


def test_every_kind_the_metadata_assigns_can_be_chosen():
    assert {"điều lệ", "nghị quyết", "tin tức", "khác"} <= set(KIND_CHOICES)
