"""TIMEX3 recognition and normalisation: one test group per rule family, the seeds, and
property tests. Sentences are written for these tests in the style of wire copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph import Config, RawDocument, process
from newsgraph.annotate.nlp import load_nlp
from newsgraph.annotate.timex import find_timexes

THURSDAY = "2025-03-20"  # the CGTN seed's publication day, a Thursday
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def timexes(nlp, text: str, published: str | None = THURSDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(nlp(text), published)]


def value_of(nlp, text: str, phrase: str, published: str | None = THURSDAY) -> tuple[str, str]:
    """(type, value) of the one timex whose text is `phrase`."""
    hits = [(type_, value) for found, type_, value in timexes(nlp, text, published) if found == phrase]
    assert len(hits) == 1, (phrase, timexes(nlp, text, published))
    return hits[0]


# --- weekdays and tense ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "published", "expected"),
    [
        ("Russian presidential aide Yuri Ushakov said Thursday.", "Thursday", THURSDAY, "2025-03-20"),
        ("The defence ministers will meet Thursday in Paris.", "Thursday", "2025-03-18", "2025-03-20"),
        ("The defence ministers met Thursday in Paris.", "Thursday", "2025-03-22", "2025-03-20"),
        ("The next round of talks is scheduled for Monday next week.", "Monday next week", THURSDAY, "2025-03-24"),
        ("On Tuesday, Trump and Putin held a phone conversation.", "Tuesday", THURSDAY, "2025-03-18"),
        ("The trial is set to begin on Wednesday in London.", "Wednesday", "2006-03-28", "2006-03-29"),
        ("The exchanges will remain closed until Friday.", "Friday", "2008-09-18", "2008-09-19"),
        ("The government has kept the markets closed until Friday.", "Friday", "2008-09-18", "2008-09-19"),
        ("The airliner is also travelling to the U.S. on Monday.", "Monday", "2007-03-19", "2007-03-19"),
        ("Officials met last Friday to review the plan.", "last Friday", THURSDAY, "2025-03-14"),
        ("Officials will meet next Tuesday to review the plan.", "next Tuesday", THURSDAY, "2025-03-25"),
        ("The rebels attacked the town Monday last week.", "Monday last week", THURSDAY, "2025-03-10"),
    ],
)
def test_weekday_resolved_by_tense_and_modifier(nlp, text, phrase, published, expected):
    assert value_of(nlp, text, phrase, published) == ("DATE", expected)


def test_named_days_are_not_weekdays(nlp):
    found = timexes(nlp, "Traders still remember Black Monday and Super Tuesday.")
    assert not any(text.endswith(("Monday", "Tuesday")) for text, _, _ in found)


def test_weekday_with_part_of_day_is_a_time(nlp):
    assert value_of(nlp, "GM admitted Thursday night that the loss could grow.", "Thursday night") == (
        "TIME",
        "2025-03-20TNI",
    )


# --- months and full dates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "published", "expected"),
    [
        ("Sales fell sharply in October.", "October", THURSDAY, "2024-10"),
        ("The plant will reopen in October.", "October", THURSDAY, "2025-10"),
        ("The lawmakers rejected the proposal in October.", "October", "2004-11-24", "2004-10"),
        ("The accountability office on June 18 called for a re-run.", "June 18", "2008-07-02", "2008-06-18"),
        ("A June 3 hearing has been scheduled in New York.", "June 3", "2009-05-14", "2009-06-03"),
        ("The plane made its maiden flight on 11 December.", "11 December", "2010-01-25", "2009-12-11"),
        ("Boeing had been suspended since July 24, 2003.", "July 24, 2003", THURSDAY, "2003-07-24"),
        ("The talks took place on Thursday, March 20, 2025.", "Thursday, March 20, 2025", None, "2025-03-20"),
        ("The deal was signed on Nov. 5, 2008.", "Nov. 5, 2008", THURSDAY, "2008-11-05"),
        ("It is due to enter service in November 2006.", "November 2006", THURSDAY, "2006-11"),
        ("The event was held on 7/8/07 in Seattle.", "7/8/07", THURSDAY, "2007-07-08"),
        ("The caption was dated 24.01.2025 by the agency.", "24.01.2025", THURSDAY, "2025-01-24"),
        ("The filing is dated 2025-03-17.", "2025-03-17", THURSDAY, "2025-03-17"),
        ("THURSDAY, DECEMBER 3, 2009, 9:36 AM", "THURSDAY, DECEMBER 3, 2009", THURSDAY, "2009-12-03"),
        ("Car sales rebounded in the last week of March.", "the last week of March", "2009-04-01", "2009-W13"),
    ],
)
def test_calendar_dates(nlp, text, phrase, published, expected):
    assert value_of(nlp, text, phrase, published) == ("DATE", expected)


def test_modal_may_and_verb_march_are_not_months(nlp):
    assert timexes(nlp, "Prices may rise further as protesters march on the capital.") == []
    assert value_of(nlp, "The law took effect in May.", "May") == ("DATE", "2024-05")


# --- years, decades, centuries, seasons, quarters --------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The operation has been extended to at least 2026.", "2026", "2026"),
        ("Cars of the 1990s were boxy.", "1990s", "199"),
        ("Cars of the 70s and 80s were boxy.", "80s", "198"),
        ("The Nikkei is at its lowest level since '82.", "'82", "1982"),
        ("It was the bloodiest war of the 20th century.", "the 20th century", "19"),
        ("The company will launch the phone this summer.", "this summer", "2025-SU"),
        ("The release is planned for spring 2026.", "spring 2026", "2026-SP"),
        ("GM lost US$6 billion in the first quarter of 2009.", "the first quarter of 2009", "2009-Q1"),
        ("Profits doubled in Q1 2025, the company said.", "Q1 2025", "2025-Q1"),
        ("GM lost money in the first quarter of last year.", "the first quarter of last year", "2024-Q1"),
        ("Profits rose in the last quarter.", "the last quarter", "2024-Q4"),
        ("The laptop will be released in mid-2011.", "mid-2011", "2011"),
        ("The plan runs to the end of next year.", "the end of next year", "2026"),
        ("Output rose earlier this year.", "earlier this year", "2025"),
        ("Sales dropped last month.", "last month", "2025-02"),
        ("Unemployment claims rose last week.", "last week", "2025-W11"),
        ("Negotiators return next week.", "next week", "2025-W13"),
        ("The fiscal year 2010 budget was cut.", "The fiscal year 2010", "FY2010"),
    ],
)
def test_years_decades_seasons_quarters(nlp, text, phrase, expected):
    assert value_of(nlp, text, phrase) == ("DATE", expected)


def test_quarter_of_last_year_when_reported_in_january(nlp):
    text = "Home foreclosures rose in the fourth quarter, the report said."
    assert value_of(nlp, text, "the fourth quarter", "2007-01-18") == ("DATE", "2006-Q4")


def test_numbers_that_are_not_years(nlp):
    found = timexes(
        nlp, "The jet has sold over 2,400 units and 1500 workers lost their jobs; the Russell 2000 Index fell."
    )
    assert found == []


def test_same_period_last_year_takes_the_month_named_before(nlp):
    text = "Sales rose 43% in February compared to the same period last year."
    assert value_of(nlp, text, "the same period last year", "2010-03-03") == ("DATE", "2009-02")


# --- relative days and times of day -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Ryanair announced today that it is exercising its options.", "today", ("DATE", "2025-03-20")),
        ("Steve Jobs died yesterday at the age of 56.", "yesterday", ("DATE", "2025-03-19")),
        ("The vote takes place tomorrow.", "tomorrow", ("DATE", "2025-03-21")),
        ("The president will speak tonight.", "tonight", ("TIME", "2025-03-20TNI")),
        ("Apple announced this morning that prices will fall.", "this morning", ("TIME", "2025-03-20TMO")),
        ("Fighting continued last night in the east.", "last night", ("TIME", "2025-03-19TNI")),
        ("The earthquake hit the country two weeks ago.", "two weeks ago", ("DATE", "2025-03-06")),
        ("The tsunami hit the country a week ago.", "a week ago", ("DATE", "2025-03-13")),
        ("The company was founded two years ago.", "two years ago", ("DATE", "2023")),
        ("The meeting starts at 10:30 a.m. in Brussels.", "10:30 a.m.", ("TIME", "2025-03-20T10:30")),
        ("The take-off, at 08:30 UTC, was normal.", "08:30 UTC", ("TIME", "2025-03-20T08:30Z")),
        ("At 0800 UTC, the central banks acted.", "0800 UTC", ("TIME", "2025-03-20T08:00Z")),
        ("GM filed for protection at 12:00 UTC Monday.", "12:00 UTC Monday", ("TIME", "2025-03-17T12:00Z")),
    ],
)
def test_relative_days_and_times(nlp, text, phrase, expected):
    assert value_of(nlp, text, phrase) == expected


def test_clock_time_takes_the_day_its_sentence_names(nlp):
    text = "The Dreamliner made its first test flight Tuesday in Everett at 18:00 UTC."
    assert value_of(nlp, text, "18:00 UTC", "2009-12-16") == ("TIME", "2009-12-15T18:00Z")


def test_the_same_day_refers_back(nlp):
    text = "Stocks rose on Friday. Figures released on the same day showed job losses."
    assert value_of(nlp, text, "the same day", "2009-04-04") == ("DATE", "2009-04-03")


# --- durations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The project has been delayed three years.", "three years", "P3Y"),
        ("He arrived for a two-day visit.", "two-day", "P2D"),
        ("Prices have risen over the past five months.", "the past five months", "P5M"),
        ("The plane is almost two and a half years behind schedule.", "almost two and a half years", "P2.5Y"),
        ("The system failed after thirty minutes.", "thirty minutes", "PT30M"),
        ("The launch has been pushed back several years.", "several years", "PXY"),
        ("It landed after a 12-hour flight.", "12-hour", "PT12H"),
        ("It has signed a 27-year contract.", "27-year", "P27Y"),
        ("Stocks fell for six straight days.", "six straight days", "P6D"),
        ("Japan posted two consecutive quarters of negative growth.", "two consecutive quarters", "P2Q"),
        ("It was their largest conference in the past decade.", "the past decade", "P10Y"),
        ("The index hit its highest level in over a year.", "over a year", "P1Y"),
        ("Shares lost hundreds of points in minutes.", "minutes", "PTXM"),
    ],
)
def test_durations(nlp, text, phrase, expected):
    assert value_of(nlp, text, phrase) == ("DURATION", expected)


def test_duration_range_gives_two_durations(nlp):
    found = timexes(nlp, "The bankruptcy process would take between 60 and 90 days.")
    assert [(t, v) for t, _, v in found] == [("60", "P60D"), ("90 days", "P90D")]


def test_year_range_is_a_duration_around_two_years(nlp):
    found = timexes(nlp, "It will receive six aircraft from 2009 to 2011.")
    assert ("from 2009 to 2011", "DURATION", "P2Y") in found
    assert ("2009", "DATE", "2009") in found and ("2011", "DATE", "2011") in found


def test_ages_are_not_durations(nlp):
    assert timexes(nlp, "A 40-year-old man and a woman, 30 years old, were hurt.") == []


# --- sets -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The committee meets every week.", "every week", ("SET", "P1W")),
        ("The report is published annually.", "annually", ("SET", "P1Y")),
        ("It will deliver tankers at a rate of 15 a year.", "a year", ("SET", "P1Y")),
        ("The market opens each Monday.", "each Monday", ("SET", "XXXX-WXX-1")),
        ("The number of people claiming weekly benefits rose.", "weekly", ("SET", "P1W")),
        ("Ford posted its first annual profit in four years.", "annual", ("DURATION", "P1Y")),
        ("Jobs spoke at the annual conference.", "annual", ("SET", "P1Y")),
    ],
)
def test_sets(nlp, text, phrase, expected):
    assert value_of(nlp, text, phrase) == expected


# --- present, past and future references ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The iPod nano is now smaller.", "now", "PRESENT_REF"),
        ("The store currently sells music.", "currently", "PRESENT_REF"),
        ("The recently announced phone sold out.", "recently", "PAST_REF"),
        ("Papermaster, formerly an Apple executive, left.", "formerly", "PAST_REF"),
        ("Details will be released very soon.", "very soon", "FUTURE_REF"),
        ("The coalition might defend Ukraine in the future.", "the future", "FUTURE_REF"),
    ],
)
def test_reference_words(nlp, text, phrase, expected):
    assert value_of(nlp, text, phrase) == ("DATE", expected)


def test_the_past_counting_games_is_not_a_timex(nlp):
    assert timexes(nlp, "They lost for the seventh time in the past nine games.") == []


# --- no publication date ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Ushakov said Thursday.", "Thursday", "XXXX-WXX-4"),
        ("Ryanair announced today that it will fly.", "today", "XXXX-XX-XX"),
        ("The office on June 18 called for a re-run.", "June 18", "XXXX-06-18"),
        ("Sales dropped last month.", "last month", "XXXX-XX"),
        ("It will fly in 2009.", "2009", "2009"),
        ("Prices rose in the fourth quarter.", "the fourth quarter", "XXXX-Q4"),
        ("It happened two weeks ago.", "two weeks ago", "XXXX-XX-XX"),
        ("Next week the talks resume.", "Next week", "XXXX-WXX"),
    ],
)
def test_unanchored_values(nlp, text, phrase, expected):
    assert value_of(nlp, text, phrase, None)[1] == expected


@pytest.mark.parametrize("published", [None, "", "yesterday", "2025-13-45", "20 March 2025"])
def test_bad_or_missing_publication_date_is_unanchored(nlp, published):
    assert value_of(nlp, "The company announced today a new plan.", "today", published) == ("DATE", "XXXX-XX-XX")


def test_time_unanchored(nlp):
    assert value_of(nlp, "The meeting starts at 10:30 a.m. sharp.", "10:30 a.m.", None) == ("TIME", "XXXX-XX-XXT10:30")


# --- seeds ------------------------------------------------------------------------------


def test_seed_timexes_through_the_pipeline(seed_gold):
    for name, gold in seed_gold.items():
        if not isinstance(gold, dict) or not gold.get("timexes"):
            continue
        record = process(RawDocument(name, (SEEDS / name).read_bytes(), "page"), Config())
        assert hasattr(record, "timexes"), record
        found = [(t.text, t.value) for t in record.timexes]
        for want in gold["timexes"]:
            needed = sum(1 for w in gold["timexes"] if (w["text"], w["value"]) == (want["text"], want["value"]))
            assert found.count((want["text"], want["value"])) >= needed, (name, want, found)
        for t in record.timexes:
            assert record.text[t.start : t.end] == t.text


# --- properties ---------------------------------------------------------------------------

_FRAGMENTS = [
    "said Thursday", "on Monday next week", "last month", "in 2009", "the 1990s", "two weeks ago",
    "at 10:30 a.m.", "18:00 UTC", "every week", "the fourth quarter", "Q3", "this summer", "'82",
    "between 60 and 90 days", "May", "March 20, 2025", "7/8/07", "24.01.2025", "now", "the past",
    "the same period last year", "that day", "noon", "12", "-", ",", ".", "\n\n", "  ", "'", "“", "$",
    "fifty-year", "a year", "Black Monday", "THURSDAY", "the end of the day", "half", "FY2010",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=12), max_size=12).map(" ".join)
_DATES = st.none() | st.dates().map(lambda d: d.isoformat()) | st.text(max_size=12)
_TYPES = {"DATE", "TIME", "DURATION", "SET"}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXTS, published=_DATES)
def test_property_spans_lie_in_the_text(nlp, text, published):
    doc = nlp(text)
    for t in find_timexes(doc, published):
        assert 0 <= t.start < t.end <= len(doc.text)
        assert doc.text[t.start : t.end] == t.text
        assert t.text == t.text.strip()
        assert t.type in _TYPES and t.value
