"""The outlet comparison (issue 5): facts, voices, language and headline, on fictional
multi-outlet records, plus the seed acceptance and a property test."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from conftest import SEEDS
from newsgraph.stories.compare import compare_story, comparison_table
from newsgraph.stories.compare_language import lexicon
from newsgraph.stories.compare_units import unit_key
from newsgraph.stories.compare_voices import affiliation


def _span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


def _quote(text: str, content: str, speaker: str, canonical: str, kind: str, cue: str, qkind: str = "indirect") -> dict:
    return {
        **_span(text, content), "kind": qkind,
        "speaker": {**_span(text, speaker), "canonical": canonical, "kind": kind},
        "cue": _span(text, cue),
    }  # fmt: skip


def _entity(
    text: str, part: str, canonical: str, kind: str, role: str | None = None, country: str | None = None
) -> dict:
    return {**_span(text, part), "label": "PERSON" if kind == "person" else "ORG", "canonical": canonical,
            "kind": kind, "role": role, "country": country}  # fmt: skip


def _party(text: str, part: str, canonical: str, kind: str = "country") -> dict:
    return {**_span(text, part), "canonical": canonical, "kind": kind, "country": None}


def _event(text: str, etype: str, trigger: str, actor: dict | None, recipient: dict | None,
           date: str | None = None, date_source: str | None = None, status: str = "occurred") -> dict:  # fmt: skip
    return {
        "type": etype, "trigger": _span(text, trigger), "actor": actor, "recipient": recipient, "location": None,
        "date": date, "date_source": date_source, "status": status, "source": {"kind": "outlet", "name": None},
        "sentence": None,
    }  # fmt: skip


def _quantity(text: str, part: str, value: float, unit: str, qualifier: str | None = None) -> dict:
    return {**_span(text, part), "value": value, "qualifier": qualifier, "unit": unit}


def _article(ident: str, outlet: str, title: str, text: str, **layers: list) -> dict:
    record = {"id": ident, "outlet": outlet, "title": title, "text": text, "kind": "article",
              "entities": [], "quotes": [], "timexes": [], "quantities": [], "events": []}  # fmt: skip
    record.update(layers)
    return record


# Three fictional outlets report a fictional border crisis between Arland and Belmark.
A_TEXT = (
    "Arland and Belmark held talks in Geneva on Monday about the disputed border. "
    "Arland imposed sanctions on Belmark's steel exports. "
    "At least 12 people were killed in the shelling of Dorvik, officials said."
)
B_TEXT = (
    "Delegations from Arland and Belmark met for talks in Geneva on Monday. "
    "New sanctions by Arland hit Belmark's steel industry. "
    "The shelling of Dorvik killed 8 people."
)
C_TEXT = (
    "Arland and Belmark held talks in Geneva on Monday about the disputed border. "
    "Belmark threatened to close its airspace to Arland airlines."
)


def _story() -> list[dict]:
    arland, belmark = "Arland", "Belmark"
    a = _article("a", "Daily Arland", "Border talks in Geneva", A_TEXT, events=[
        _event(A_TEXT, "CONSULT", "talks", _party(A_TEXT, arland, arland), _party(A_TEXT, belmark, belmark),
               "2025-05-05", "timex"),
        _event(A_TEXT, "SANCTION", "imposed sanctions", _party(A_TEXT, arland, arland, ), _party(A_TEXT, "Belmark's", belmark)),
    ], quantities=[_quantity(A_TEXT, "At least 12 people", 12, "people", "at least")])  # fmt: skip
    b = _article("b", "Belmark Times", "Talks in Geneva", B_TEXT, events=[
        _event(B_TEXT, "CONSULT", "talks", _party(B_TEXT, arland, arland), _party(B_TEXT, belmark, belmark),
               "2025-05-05", "timex"),
        _event(B_TEXT, "SANCTION", "sanctions", _party(B_TEXT, arland, arland), None),
    ], quantities=[_quantity(B_TEXT, "8 people", 8, "people")])  # fmt: skip
    c = _article("c", "Wire World", "Geneva talks", C_TEXT, events=[
        # No participants resolved: aligned by its sentence alone.
        _event(C_TEXT, "CONSULT", "talks", None, None, "2025-05-05", "timex"),
        _event(C_TEXT, "THREATEN", "threatened", _party(C_TEXT, belmark, belmark), _party(C_TEXT, "Arland", arland)),
    ])  # fmt: skip
    return [a, b, c]


def test_facts_shared_by_all_some_and_only() -> None:
    comparison = compare_story(_story())
    by_label = {f.label.split(" ")[0]: f for f in comparison.facts}
    assert by_label["CONSULT"].coverage == "all"
    assert by_label["CONSULT"].outlets == ("Belmark Times", "Daily Arland", "Wire World")
    assert by_label["SANCTION"].coverage == "some"
    assert by_label["THREATEN"].coverage == "only"
    wire = comparison.report("Wire World")
    assert wire.shared_by_all == (by_label["CONSULT"].id,)
    assert wire.only_here == (by_label["THREATEN"].id,)
    assert by_label["SANCTION"].id in comparison.report("Daily Arland").shared_by_some


def test_contradicting_counts_are_reported() -> None:
    comparison = compare_story(_story())
    [clash] = comparison.contradictions
    assert clash.kind == "number"
    assert {(c.outlet, c.value) for c in clash.claims} == {("Daily Arland", "at least 12"), ("Belmark Times", "8")}
    assert clash.id in comparison.report("Belmark Times").contradictions
    assert not comparison.report("Wire World").contradictions


def test_compatible_counts_are_one_fact_without_contradiction() -> None:
    one = "About 300 troops crossed the river near Dorvik at dawn."
    two = "Some 320 troops crossed the river near Dorvik early on Tuesday."
    records = [
        _article("x", "One", "", one, quantities=[_quantity(one, "About 300 troops", 300, "troops", "approximately")]),
        _article("y", "Two", "", two, quantities=[_quantity(two, "320 troops", 320, "troops")]),
    ]
    comparison = compare_story(records)
    assert [f.coverage for f in comparison.facts] == ["all"]
    assert comparison.contradictions == ()


def test_events_on_exclusive_dates_are_a_date_contradiction() -> None:
    one = "Arland's army attacked Dorvik on Monday, the mayor said."
    two = "Arland's army attacked Dorvik on Wednesday, the mayor said."
    records = [
        _article("x", "One", "", one, events=[_event(one, "ASSAULT", "attacked", _party(one, "Arland's army", "Arland"), None, "2025-05-05", "timex")]),
        _article("y", "Two", "", two, events=[_event(two, "ASSAULT", "attacked", _party(two, "Arland's army", "Arland"), None, "2025-05-07", "timex")]),
    ]  # fmt: skip
    comparison = compare_story(records)
    assert len(comparison.facts) == 2
    [clash] = comparison.contradictions
    assert clash.kind == "date" and {c.value for c in clash.claims} == {"2025-05-05", "2025-05-07"}


def test_unit_key_normalises_words_for_one_unit() -> None:
    assert unit_key("steelworkers") == unit_key("Workers") == unit_key("employees") == "workers"
    assert unit_key("container ships") == unit_key("vessels") == "ships"
    assert unit_key("km") == unit_key("kilometers") == "kilometres"
    assert unit_key("residents") == unit_key("persons") == "people"
    assert unit_key("relationships") == "relationship"  # "ships" heads no compound but "workers"
    assert unit_key("terminals") == unit_key("terminal") == "terminal"
    assert unit_key(" - ") is None


def _counts(*stories: tuple[str, str, str, float, str, str | None]) -> list[dict]:
    """Records of one outlet each: (outlet, text, quantity words, value, unit, qualifier)."""
    return [
        _article(f"a{n}", outlet, "", text, quantities=[_quantity(text, part, value, unit, qualifier)])
        for n, (outlet, text, part, value, unit, qualifier) in enumerate(stories)
    ]


MILL = (
    ("Mill Gazette", "Roughly 2,000 steelworkers downed tools at the Kelvar mill on Friday, demanding a pay rise.",
     "Roughly 2,000 steelworkers", 2000, "steelworkers", "approximately"),
    ("Northern Wire", "A walkout by 2,100 employees shut the Kelvar mill for a second day on Saturday, the company said.",
     "2,100 employees", 2100, "employees", None),
    ("Valley Times", "The dispute at the Kelvar mill spread on Saturday. Some 2,300 workers stayed away from their shifts.",
     "Some 2,300 workers", 2300, "workers", "approximately"),
)  # fmt: skip


def test_counts_in_different_words_are_one_fact() -> None:
    comparison = compare_story(_counts(*MILL))
    [fact] = comparison.facts
    assert fact.coverage == "all" and fact.label == "number of steelworkers/employees/workers"
    assert fact.spread == (2000.0, 2300.0)
    assert [m.value for m in fact.mentions] == ["approximately 2,000", "2,100", "approximately 2,300"]
    assert comparison.contradictions == ()


def test_alignment_does_not_depend_on_outlet_order() -> None:
    for order in ((2, 0, 1), (1, 2, 0)):
        [fact] = compare_story(_counts(*(MILL[i] for i in order))).facts
        assert fact.coverage == "all"


def test_counts_of_one_unit_that_cannot_both_hold_are_a_contradiction() -> None:
    comparison = compare_story(_counts(
        ("Coast Post", "About 20 vessels were stranded off Marlow harbour on Sunday as the storm closed the port.",
         "About 20 vessels", 20, "vessels", "approximately"),
        ("Harbour Daily", "More than 30 cargo ships were stranded at anchor near Marlow, port officials said.",
         "More than 30 cargo ships", 30, "ships", "more than"),
    ))  # fmt: skip
    [fact] = comparison.facts
    assert fact.label == "number of vessels/ships" and fact.spread == (20.0, 30.0)
    [clash] = comparison.contradictions
    assert clash.facts == (fact.id,) and {c.value for c in clash.claims} == {"approximately 20", "more than 30"}
    console = Console(width=200, record=True)
    for table in comparison_table(comparison):
        console.print(table)
    assert "20..30" in console.export_text()


def test_same_unit_of_different_things_stays_apart() -> None:
    comparison = compare_story(_counts(
        ("Road News", "Police closed two kilometres of the coastal highway after the landslide on Tuesday.",
         "two kilometres", 2, "kilometres", None),
        ("Drive Time", "Traffic backed up for two kilometres outside the tunnel, drivers said.",
         "two kilometres", 2, "kilometres", None),
    ))  # fmt: skip
    assert [f.coverage for f in comparison.facts] == ["only", "only"]


def test_counts_far_apart_in_size_stay_apart_even_in_close_sentences() -> None:
    comparison = compare_story(_counts(
        ("Tarn Echo", "Four people died in Tarn after the river flooded the valley.", "Four people", 4, "people", None),
        ("Flood Watch", "About 900 people left Tarn after the river flooded the valley.",
         "About 900 people", 900, "people", "approximately"),
    ))  # fmt: skip
    assert len(comparison.facts) == 2 and comparison.contradictions == ()


def test_a_number_given_beside_another_is_not_the_other_outlets_count() -> None:
    one = "Arland offered 40 megawatts from the Dorvik plant; Belmark wants 60."
    two = "Belmark has demanded 60 megawatts from the Dorvik plant."
    records = [
        _article("x", "One", "", one, quantities=[_quantity(one, "40 megawatts", 40, "megawatts"),
                                                 _quantity(one, "60", 60, None)]),
        _article("y", "Two", "", two, quantities=[_quantity(two, "60 megawatts", 60, "megawatts")]),
    ]  # fmt: skip
    comparison = compare_story(records)
    assert [f.coverage for f in comparison.facts] == ["only", "only"]
    assert comparison.contradictions == ()


def test_an_outlet_gives_one_value_per_fact() -> None:
    one = "About 300 troops crossed the river near Dorvik at dawn. Later 500 troops crossed the river near Dorvik."
    two = "Some 320 soldiers crossed the river near Dorvik early on Tuesday."
    records = [
        _article("x", "One", "", one, quantities=[_quantity(one, "About 300 troops", 300, "troops", "approximately"),
                                                 _quantity(one, "500 troops", 500, "troops")]),
        _article("y", "Two", "", two, quantities=[_quantity(two, "Some 320 soldiers", 320, "soldiers", "approximately")]),
    ]  # fmt: skip
    facts = compare_story(records).facts
    assert len(facts) == 2
    for fact in facts:
        outlets = [m.outlet for m in fact.mentions]
        assert len(outlets) == len(set(outlets))
    assert facts[0].spread == (300.0, 320.0) and facts[0].coverage == "all"


VOICES = (
    "Interior Minister Jana Holt said the border would stay open. "
    "Opposition leader Marek Duda said the government had lied. "
    "Shadow finance minister Ola Brandt said the deal was a mistake. "
    "Professor Ines Varga, an analyst at Dorvik University, said talks could last months. "
    "The Courier reported that troops had withdrawn. "
    "A senior diplomat, speaking on condition of anonymity, said a deal was close. "
    "Farmer Piet Kroon said his fields were flooded. "
    "Arland plans to reopen the crossing next week."
)


def _voices_record() -> dict:
    t = VOICES
    return _article("v", "Daily Arland", "", t, entities=[
        _entity(t, "Jana Holt", "Jana Holt", "person", "Interior Minister", "Arland"),
        _entity(t, "Marek Duda", "Marek Duda", "person", "Opposition leader", "Arland"),
        _entity(t, "Ola Brandt", "Ola Brandt", "person", "Shadow finance minister", "Arland"),
        _entity(t, "Ines Varga", "Ines Varga", "person", "Professor", None),
        _entity(t, "Piet Kroon", "Piet Kroon", "person", "Farmer", None),
    ], quotes=[
        _quote(t, "the border would stay open", "Interior Minister Jana Holt", "Jana Holt", "person", "said"),
        _quote(t, "the government had lied", "Opposition leader Marek Duda", "Marek Duda", "person", "said"),
        _quote(t, "the deal was a mistake", "Shadow finance minister Ola Brandt", "Ola Brandt", "person", "said"),
        _quote(t, "talks could last months", "Professor Ines Varga", "Ines Varga", "person", "said"),
        _quote(t, "troops had withdrawn", "The Courier", "The Courier", "outlet", "reported"),
        _quote(t, "a deal was close", "A senior diplomat", "A senior diplomat", "unnamed", "said"),
        _quote(t, "his fields were flooded", "Farmer Piet Kroon", "Piet Kroon", "person", "said"),
        # An intention, not a statement: no voice.
        _quote(t, "to reopen the crossing next week", "Arland", "Arland", "country", "plans", "mixed"),
    ])  # fmt: skip


def test_voices_grouped_by_affiliation() -> None:
    report = compare_story([_voices_record()]).report("Daily Arland")
    groups = {g.affiliation: [v.name for v in g.voices] for g in report.voices}
    assert groups == {
        "government": ["Jana Holt"],
        "opposition": ["Marek Duda", "Ola Brandt"],
        "experts": ["Ines Varga"],
        "media": ["The Courier"],
        "unnamed": ["A senior diplomat"],
        "other": ["Piet Kroon"],
    }
    holt = report.voices[0].voices[0]
    assert (holt.quotes, holt.chars, holt.role) == (1, len("the border would stay open"), "Interior Minister")


def test_affiliation_rules() -> None:
    assert affiliation("country", ["Russia"]) == "government"
    assert affiliation("organisation", [None, "the Kremlin", "Russian government"]) == "government"
    assert affiliation("person", ["former defence minister"]) == "other"
    assert affiliation("person", ["political analyst"]) == "experts"
    assert affiliation("person", [None, "Jan", "Jan"]) == "other"


LANGUAGE = (
    "The regime's thugs broke up the rally, and the so-called “peace plan” went nowhere. "
    "Interior Minister Jana Holt said the protesters were terrorists and “foreign agents” paid from abroad. "
    "The sanctions regime stays in place. A militia claimed responsibility for the blast."
)


def _language_record(title: str = "Regime thugs break up rally") -> dict:
    t = LANGUAGE
    return _article("l", "Daily Arland", title, t, quotes=[
        _quote(t, "the protesters were terrorists and “foreign agents” paid from abroad",
               "Interior Minister Jana Holt", "Jana Holt", "person", "said"),
    ])  # fmt: skip


def test_own_voice_apart_from_attributed() -> None:
    report = compare_story([_language_record()]).report("Daily Arland")
    own = {(t.where, t.text.lower(), t.category) for t in report.own_voice}
    assert ("body", "regime", "pejorative_label") in own
    assert ("body", "thugs", "pejorative_label") in own
    assert ("headline", "thugs", "pejorative_label") in own
    assert all(t.speaker is None for t in report.own_voice)
    attributed = {(t.text, t.speaker, t.category) for t in report.attributed}
    assert ("terrorists", "Jana Holt", "violence_label") in attributed
    assert all(t.text != "terrorists" for t in report.own_voice)
    # Ordinary uses are no loaded words: "sanctions regime", "claimed responsibility".
    assert sum(1 for t in report.own_voice if t.term == "regime") == 2  # headline and body
    assert not any(t.term == "claimed" for t in report.own_voice)
    assert report.tone.loaded == len(report.own_voice) and report.tone.polarity < 0


def test_scare_quotes_own_voice_and_quoted_words() -> None:
    report = compare_story([_language_record()]).report("Daily Arland")
    own = {t.text: t for t in report.own_voice}
    # "so-called" takes the scare-quoted phrase it introduces.
    assert own["so-called “peace plan”"].category == "distancing"
    quoted = [t for t in report.attributed if t.category == "quoted_words"]
    assert [(t.text, t.speaker) for t in quoted] == [("“foreign agents”", "Jana Holt")]


def test_scare_quote_alone_and_loaded_word_mentioned_in_quotes() -> None:
    text = "Leaders met to discuss “security guarantees” while critics spoke of “warmongers” in the capital."
    report = compare_story([_article("s", "Paper", "", text)]).report("Paper")
    assert [(t.text, t.category) for t in report.own_voice] == [
        ("“security guarantees”", "scare_quote"),
        ("“warmongers”", "scare_quote"),
    ]


def test_headline_claims_the_body_does_not_support() -> None:
    body = "Police detained several protesters in Dorvik after a rally against the new tax law."
    title = "200 Thugs Arrested in Belmark Riot"
    record = _article("h", "Paper", title, body, entities=[_entity(body, "Dorvik", "Dorvik", "place")])
    # Another article of the story names Belmark, so the headline's "Belmark" is recognised.
    other_text = "Belmark said nothing."
    other = _article("o", "Other", "", other_text, entities=[_entity(other_text, "Belmark", "Belmark", "country")])
    [check] = compare_story([record, other]).report("Paper").headlines
    claims = {(c.kind, c.text) for c in check.unsupported}
    assert ("number", "200") in claims
    assert ("entity", "Belmark") in claims
    assert ("loaded_term", "Thugs") in claims
    assert ("word", "Riot") in claims and ("word", "Arrested") in claims  # the body says "detained"
    assert ("word", "Thugs") not in claims  # already the loaded term
    assert check.support < 0.5


def test_supported_headline() -> None:
    body = "Britain's army trained 5,000 recruits in Wiltshire this year, officials said."
    record = _article("h", "Paper", "UK army trains 5,000 recruits", body,
                      entities=[_entity(body, "Britain", "United Kingdom", "country")])  # fmt: skip
    [check] = compare_story([record]).report("Paper").headlines
    assert check.unsupported == () and check.support == 1.0


def test_lexicon_is_general_and_categorised() -> None:
    lex = lexicon()
    for word in ("regime", "puppet", "war hawks", "warmonger", "terrorist", "militant", "so-called", "alleged",
                 "slammed", "claimed", "propaganda", "junta", "thugs", "war party"):  # fmt: skip
        assert lex.pattern.fullmatch(word), word
    assert {e.category for e in lex.forms.values()} <= set(lex.categories)
    assert lex.forms["terrorist"].polarity < lex.forms["militant"].polarity


def test_to_dict_and_table() -> None:
    comparison = compare_story([*_story(), _voices_record(), _language_record()])
    data = json.loads(json.dumps(comparison.to_dict()))
    assert data["outlets"] == ["Daily Arland", "Belmark Times", "Wire World"]
    assert data["reports"][0]["voices"][0]["affiliation"] == "government"
    console = Console(width=200, record=True)
    for table in comparison_table(comparison):
        console.print(table)
    out = console.export_text()
    assert "Jana Holt" in out and "Contradictions" in out and "shared by all: 1" in out


def test_error_records_and_missing_outlet() -> None:
    records = [{"id": "bad", "error": "empty document"}, {"id": "n", "text": "Nothing to see here."}]
    comparison = compare_story(records)
    assert comparison.outlets == ("unknown (n)",)
    assert compare_story([]).reports == ()


_SPAN = st.fixed_dictionaries({"start": st.integers(-5, 300), "end": st.integers(-5, 300), "text": st.text(max_size=5)})
_NAME = st.one_of(st.none(), st.text(max_size=12))
_PARTY = st.one_of(st.none(), st.fixed_dictionaries({"start": st.integers(0, 50), "end": st.integers(0, 50),
                                                     "canonical": _NAME, "kind": _NAME}))  # fmt: skip
_RECORD = st.fixed_dictionaries(
    {
        "id": _NAME,
        "outlet": st.one_of(st.none(), st.sampled_from(["A", "B", "C"])),
        "title": _NAME,
        "text": st.lists(st.sampled_from([*"ab .“”\"'‘’-\n", "regime ", "so-called ", "12 ", "war hawks "]), max_size=80).map("".join),
        "entities": st.lists(st.fixed_dictionaries({"start": st.integers(-1, 300), "end": st.integers(-1, 300), "text": _NAME,
                                                    "canonical": _NAME, "kind": _NAME, "role": _NAME}), max_size=3),
        "quotes": st.lists(st.fixed_dictionaries({"start": st.integers(-1, 300), "end": st.integers(-1, 300),
                                                  "kind": st.sampled_from(["direct", "indirect", "mixed", "x"]),
                                                  "speaker": st.one_of(st.none(), st.fixed_dictionaries({"text": _NAME, "canonical": _NAME, "kind": _NAME})),
                                                  "cue": st.one_of(st.none(), _SPAN)}), max_size=3),
        "events": st.lists(st.fixed_dictionaries({"type": st.sampled_from(["AID", "CONSULT"]), "trigger": _SPAN, "actor": _PARTY,
                                                  "recipient": _PARTY, "date": _NAME, "date_source": st.sampled_from(["timex", "published", None]),
                                                  "status": st.sampled_from(["occurred", "denied", None]), "sentence": st.one_of(st.none(), _SPAN),
                                                  "source": st.one_of(st.none(), st.fixed_dictionaries({"kind": _NAME, "name": _NAME}))}), max_size=3),
        "quantities": st.lists(st.fixed_dictionaries({"start": st.integers(-1, 300), "end": st.integers(-1, 300),
                                                      "value": st.one_of(st.floats(allow_nan=True), st.integers(), st.none(), st.text(max_size=2)),
                                                      "qualifier": st.sampled_from([None, "more than", "approximately", "odd"]),
                                                      "unit": _NAME}), max_size=3),
    }
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_RECORD, st.just({"id": "e", "error": "x"}), st.none()), max_size=4))
def test_no_record_set_makes_compare_raise(records: list) -> None:
    comparison = compare_story(records)
    json.dumps(comparison.to_dict())
    for report in comparison.reports:
        for term in (*report.own_voice, *report.attributed):
            assert term.start <= term.end
    comparison_table(comparison)


@pytest.fixture(scope="module")
def seed_comparison(seed_gold: dict):
    from newsgraph import process
    from newsgraph.records import RawDocument

    records = [
        process(RawDocument(name, (SEEDS / name).read_bytes(), "page")).to_dict()
        for name in sorted(seed_gold)
        if name.endswith(".txt")
    ]
    return compare_story(records)


def test_seed_own_voice_language(seed_comparison, seed_gold: dict) -> None:
    sputnik = seed_comparison.report("Sputnik International")
    cgtn = seed_comparison.report("CGTN")
    loaded = [t.text for t in sputnik.own_voice if t.category not in ("scare_quote", "quoted_words")]
    assert sorted(loaded) == sorted(seed_gold["000_2055ec67c2e37b36.txt"]["own_voice_loaded_terms"])
    assert {t.where for t in sputnik.own_voice if t.text.lower() == "war hawks"} == {"headline", "body"}
    assert any(t.category == "scare_quote" and "security guarantees" in t.text for t in sputnik.own_voice)
    assert [t.text for t in cgtn.own_voice if t.term == "so-called"] == seed_gold["004_c5f770f8c2bf1969.txt"][
        "own_voice_loaded_terms"
    ]
    assert ("war party", "Dmitry Peskov") in {(t.text, t.speaker) for t in cgtn.attributed}
    assert not any(t.text == "war party" for t in cgtn.own_voice)
    # Sputnik's "so-called US backstop" is Bloomberg's, not Sputnik's.
    assert ("so-called", "Bloomberg") in {(t.text, t.speaker) for t in sputnik.attributed}


def test_seed_voices(seed_comparison) -> None:
    def voices(outlet: str) -> dict[str, str]:
        return {v.name: g.affiliation for g in seed_comparison.report(outlet).voices for v in g.voices}

    sputnik, cgtn = voices("Sputnik International"), voices("CGTN")
    assert sputnik["Sergey Lavrov"] == "government" and sputnik["Bloomberg"] == "media"
    assert {cgtn[n] for n in ("Keir Starmer", "Dmitry Peskov", "Yuri Ushakov")} == {"government"}
    assert cgtn["a Downing Street source"] == "unnamed"
    assert "Military chiefs" not in cgtn  # "discuss" reports an act, not a statement
    starmer = next(v for g in seed_comparison.report("CGTN").voices for v in g.voices if v.name == "Keir Starmer")
    assert starmer.quotes == 4


def test_seed_facts_are_each_outlets_own(seed_comparison) -> None:
    assert seed_comparison.facts and all(f.coverage == "only" for f in seed_comparison.facts)
    assert seed_comparison.contradictions == ()
