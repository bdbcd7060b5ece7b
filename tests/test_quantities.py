"""Quantities: value, qualifier and unit, one test per qualifier and per number form, the
seeds, exclusions (years, durations, names, ages) and property tests."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from newsgraph import Config, RawDocument, process
from newsgraph.annotate.quantities import find_quantities
from newsgraph.annotate.timex import find_timexes


def quantities(nlp, text: str) -> list[tuple[str, float, str | None, str | None]]:
    doc = nlp(text)
    find_timexes(doc, "2025-03-20")  # as the annotate stage does, so years and durations are known
    return [(q.text, q.value, q.qualifier, q.unit) for q in find_quantities(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Over 50,000 Chilean miners joined the strike.",
            ("Over 50,000 Chilean miners", 50000, "more than", "miners"),
        ),
        (
            "Delegates from around 40 countries gathered in Geneva.",
            ("around 40 countries", 40, "approximately", "countries"),
        ),
        ("More than 200 people were evacuated.", ("More than 200 people", 200, "more than", "people")),
        ("At least 12 children were injured.", ("At least 12 children", 12, "at least", "children")),
        ("Nearly 200 homes were destroyed.", ("Nearly 200 homes", 200, "almost", "homes")),
        ("Almost 3,000 troops crossed the border.", ("Almost 3,000 troops", 3000, "almost", "troops")),
        ("Up to 3,000 troops could be deployed.", ("Up to 3,000 troops", 3000, "up to", "troops")),
        ("About 40 percent of voters agreed.", ("About 40 percent", 40, "approximately", "percent")),
        ("Some 30 countries signed the accord.", ("Some 30 countries", 30, "approximately", "countries")),
        ("The convoy covered roughly 5 km.", ("roughly 5 km", 5, "approximately", "km")),
        ("Fewer than 10 cases were reported.", ("Fewer than 10 cases", 10, "less than", "cases")),
        ("The fund holds less than €2 million.", ("less than €2 million", 2_000_000, "less than", "EUR")),
    ],
)
def test_qualifiers(nlp, text, expected):
    assert quantities(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two million people lost power.", ("Two million people", 2_000_000, None, "people")),
        ("Three soldiers were killed in the attack.", ("Three soldiers", 3, None, "soldiers")),
        ("The index rose 3.5% on the news.", ("3.5%", 3.5, None, "percent")),
        ("Turnout fell 2 percent.", ("2 percent", 2, None, "percent")),
        ("The bank pledged $5 billion in loans.", ("$5 billion", 5_000_000_000, None, "USD")),
        ("The shipyard won a US$12 billion contract.", ("US$12 billion", 12_000_000_000, None, "USD")),
        ("The ticket costs £99 in London.", ("£99", 99, None, "GBP")),
        ("The club paid €2.5m for the striker.", ("€2.5m", 2_500_000, None, "EUR")),
        ("Production reached 1.5 million barrels.", ("1.5 million barrels", 1_500_000, None, "barrels")),
    ],
)
def test_number_forms_and_units(nlp, text, expected):
    assert quantities(nlp, text) == [expected]


def test_range_between(nlp):
    assert quantities(nlp, "Between 10 and 20 soldiers died in the clash.") == [
        ("Between 10", 10, "at least", "soldiers"),
        ("20 soldiers", 20, "up to", "soldiers"),
    ]


def test_range_with_shared_scale(nlp):
    assert quantities(nlp, "The repairs will cost $5-10 billion.") == [
        ("$5", 5_000_000_000, "at least", "USD"),
        ("10 billion", 10_000_000_000, "up to", "USD"),
    ]


def test_change_to_a_level_is_not_a_range(nlp):
    found = quantities(nlp, "The index fell 1.84% to 7,312.56 on Monday.")
    assert [(text, unit) for text, _, _, unit in found] == [("1.84%", "percent"), ("7,312.56", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The lease now runs to at least 2027.",
        "The project was delayed by three years.",
        "The Boeing 737 and the A380 were on display.",
        "The COVID-19 pandemic hit travel 24/7.",
        "Martin Klee, 43, was hurt in the crash.",
        "A 40-year-old man was arrested.",
        "One of them was later released.",
    ],
)
def test_not_quantities(nlp, text):
    assert quantities(nlp, text) == []


def test_seed_quantities_through_the_pipeline(seed_gold):
    for name, gold in seed_gold.items():
        if not isinstance(gold, dict) or not gold.get("quantities"):
            continue
        record = process(RawDocument(name, (SEEDS / name).read_bytes(), "page"), Config())
        assert hasattr(record, "quantities"), record
        found = [(q.text, q.value, q.qualifier, q.unit) for q in record.quantities]
        for want in gold["quantities"]:
            assert (want["text"], want["value"], want["qualifier"], want["unit"]) in found, (name, found)


_FRAGMENTS = [
    "over", "50,000", "miners", "around", "30", "countries", "$5 billion", "US$", "€2.5m", "3.5%",
    "between", "and", "to", "-", "two million", "one", "of", "nearly", "percent", "1.5", "2026",
    "three years", "A380", "24/7", "Klee, 43,", "at least", "less than", "£", "0", "7,312.56", "\n",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=10), max_size=14).map(" ".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXTS)
def test_property_spans_lie_in_the_text(nlp, text):
    doc = nlp(text)
    for q in find_quantities(doc):
        assert 0 <= q.start < q.end <= len(doc.text)
        assert doc.text[q.start : q.end] == q.text
        assert math.isfinite(q.value)
