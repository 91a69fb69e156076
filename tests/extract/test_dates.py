"""Time expressions read as calendar intervals relative to a publication date (the anchor)."""

from __future__ import annotations

from datetime import date

import pytest

from materiel.extract.dates import find_time_expressions, normalise_time

THU = date(2023, 3, 30)  # a Thursday
MON = date(2023, 7, 17)  # a Monday


def d(text: str) -> date:
    return date.fromisoformat(text)


CASES = [
    # absolute dates
    ("March 30, 2023", THU, "2023-03-30", "2023-03-30"),
    ("30 March 2023", THU, "2023-03-30", "2023-03-30"),
    ("2023-03-30", THU, "2023-03-30", "2023-03-30"),
    ("December 30, 2023", THU, "2023-12-30", "2023-12-30"),
    ("Thursday, March 30, 2023", THU, "2023-03-30", "2023-03-30"),
    ("Sept. 4, 2021", THU, "2021-09-04", "2021-09-04"),
    ("the 5th of May 2022", THU, "2022-05-05", "2022-05-05"),
    ("on March 2", THU, "2023-03-02", "2023-03-02"),
    ("on April 2", THU, "2022-04-02", "2022-04-02"),  # no year: the most recent one, in the past
    ("3/30/2023", THU, "2023-03-30", "2023-03-30"),
    # months and years
    ("March 2023", THU, "2023-03-01", "2023-03-31"),
    ("February 2024", THU, "2024-02-01", "2024-02-29"),
    ("August of '23", THU, "2023-08-01", "2023-08-31"),
    ("in 2022", THU, "2022-01-01", "2022-12-31"),
    ("in May", THU, "2022-05-01", "2022-05-31"),
    ("in March", THU, "2023-03-01", "2023-03-31"),
    ("last March", THU, "2022-03-01", "2022-03-31"),
    ("the 1990s", THU, "1990-01-01", "1999-12-31"),
    ("2014-2016", THU, "2014-01-01", "2016-12-31"),
    # weekdays, as news uses them
    ("on Friday", THU, "2023-03-24", "2023-03-24"),
    ("on Thursday", THU, "2023-03-30", "2023-03-30"),
    ("last Thursday", THU, "2023-03-23", "2023-03-23"),
    ("on Sunday", MON, "2023-07-16", "2023-07-16"),
    ("Monday evening", MON, "2023-07-17", "2023-07-17"),
    ("next Tuesday", MON, "2023-07-18", "2023-07-18"),
    # relative to the anchor
    ("today", THU, "2023-03-30", "2023-03-30"),
    ("yesterday", THU, "2023-03-29", "2023-03-29"),
    ("last year", THU, "2022-01-01", "2022-12-31"),
    ("this year", THU, "2023-01-01", "2023-12-31"),
    ("last month", THU, "2023-02-01", "2023-02-28"),
    ("last week", THU, "2023-03-20", "2023-03-26"),
    ("earlier this month", THU, "2023-03-01", "2023-03-30"),
    ("earlier this year", MON, "2023-01-01", "2023-07-17"),
    ("later this year", MON, "2023-07-17", "2023-12-31"),
    ("in recent months", THU, "2022-12-30", "2023-03-30"),
    ("over the past two years", THU, "2021-03-30", "2023-03-30"),
    ("three days ago", THU, "2023-03-27", "2023-03-27"),
    ("two years ago", THU, "2021-01-01", "2021-12-31"),
    # parts of a year, seasons
    ("late 2022", THU, "2022-09-01", "2022-12-31"),
    ("early 2023", THU, "2023-01-01", "2023-04-30"),
    ("mid-2023", THU, "2023-05-01", "2023-08-31"),
    ("in late March", THU, "2023-03-21", "2023-03-31"),
    ("late last year", THU, "2022-09-01", "2022-12-31"),
    ("the end of 2021", THU, "2021-10-01", "2021-12-31"),
    ("the first half of 2022", THU, "2022-01-01", "2022-06-30"),
    ("Q3 2022", THU, "2022-07-01", "2022-09-30"),
    ("the summer of 2023", THU, "2023-06-01", "2023-08-31"),
    ("summer 2022", THU, "2022-06-01", "2022-08-31"),
    ("the winter of 2022", THU, "2022-12-01", "2023-02-28"),
    ("last summer", THU, "2022-06-01", "2022-08-31"),
    ("last summer", date(2023, 10, 2), "2023-06-01", "2023-08-31"),
    # ranges
    ("between late 2022 and early 2023", THU, "2022-09-01", "2023-04-30"),
    ("between 2019 and 2021", THU, "2019-01-01", "2021-12-31"),
    ("from March to May 2022", THU, "2022-03-01", "2022-05-31"),
    ("from January 2021 until June 2022", THU, "2021-01-01", "2022-06-30"),
    ("March-May 2022", THU, "2022-03-01", "2022-05-31"),
    ("since 2022", THU, "2022-01-01", "2023-03-30"),
    ("since last summer", THU, "2022-06-01", "2023-03-30"),
]


@pytest.mark.parametrize(("text", "anchor", "start", "end"), CASES)
def test_expression_becomes_interval(text: str, anchor: date, start: str, end: str) -> None:
    span = normalise_time(text, anchor)
    assert span is not None, text
    assert (span.start, span.end) == (d(start), d(end))
    assert span.text == text


def test_until_has_an_open_start() -> None:
    span = normalise_time("until June 2022", THU)
    assert span is not None
    assert (span.start, span.end) == (None, d("2022-06-30"))


SENTENCES = [
    ("The ministry said on Thursday that the convoy had crossed.", ["Thursday"], "2023-03-30", "2023-03-30"),
    (
        "Officials say the broker worked with the buyers between late 2022 and early 2023 to arrange it.",
        ["between late 2022 and early 2023"],
        "2022-09-01",
        "2023-04-30",
    ),
    (
        "The office listed the firm on Friday, March 24, 2023, for its role.",
        ["Friday, March 24, 2023"],
        "2023-03-24",
        "2023-03-24",
    ),
    (
        "In recent months the shipments grew; yesterday a freighter docked.",
        ["In recent months", "yesterday"],
        "2022-12-30",
        "2023-03-30",
    ),
    ("Deliveries have continued since 2021, a report said.", ["since 2021"], "2021-01-01", "2023-03-30"),
]


@pytest.mark.parametrize(("sentence", "expressions", "start", "end"), SENTENCES)
def test_sentence_expressions_found_and_first_one_read(
    sentence: str, expressions: list[str], start: str, end: str
) -> None:
    found = [sentence[a:b] for a, b in find_time_expressions(sentence)]
    assert found == expressions
    span = normalise_time(sentence, THU)
    assert span is not None
    assert (span.start, span.end, span.text) == (d(start), d(end), expressions[0])


NOT_TIME = [
    "They may deliver the goods.",  # "may" the verb
    "Sources say 2000 shells were sent.",  # a quantity, not a year
    "The march on the capital began.",  # "march" the noun
    "The fall of the city shocked observers.",  # "fall" the noun
]


@pytest.mark.parametrize("sentence", NOT_TIME)
def test_words_that_look_like_dates_are_not_found(sentence: str) -> None:
    assert find_time_expressions(sentence) == []


@pytest.mark.parametrize(
    "text",
    ["", "   ", "no date here", "fish", "Feb 30, 2023", "between the ships", "since then", "??!!", "9" * 500],
)
def test_nothing_datelike_gives_none(text: str) -> None:
    assert normalise_time(text, THU) is None


@pytest.mark.parametrize("text", ["yesterday", "on Friday", "in recent months", "last year", "in May"])
def test_relative_expressions_need_an_anchor(text: str) -> None:
    assert normalise_time(text, None) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("March 30, 2023", "2023-03-30", "2023-03-30"), ("late 2022", "2022-09-01", "2022-12-31")],
)
def test_absolute_expressions_need_no_anchor(text: str, start: str, end: str) -> None:
    span = normalise_time(text, None)
    assert span is not None
    assert (span.start, span.end) == (d(start), d(end))


def test_odd_input_never_raises() -> None:
    odd = ["\x00\x01", "between and", "from to", "'99s", "20222-01-01", "mid-", "the 0000s", "Q5 2023"]
    for text in odd:
        normalise_time(text, THU)
        find_time_expressions(text)


def test_an_impossible_date_does_not_hide_a_later_one() -> None:
    span = normalise_time("The notice of February 30, 2023 was revised on March 3, 2023.", THU)
    assert span is not None
    assert (span.start, span.text) == (d("2023-03-03"), "March 3, 2023")
