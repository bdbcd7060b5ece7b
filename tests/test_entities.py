"""Entities: one test per rule on news sentences written for the tests, the gazetteer, the
seed pages' speaker roles, and property tests on arbitrary text."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

import pycountry
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from newsgraph.annotate.entities import find_entities
from newsgraph.annotate.entity_persons import reread_person
from newsgraph.annotate.gazetteer import _people, load_gazetteer
from newsgraph.config import Config
from newsgraph.pipeline import process
from newsgraph.records import Entity, RawDocument


def entities(nlp, text: str, context: tuple[str, ...] = ()) -> list[Entity]:
    return find_entities(nlp(text), list(nlp.pipe(context)))


def by_text(found: list[Entity], text: str, occurrence: int = 0) -> Entity:
    hits = [e for e in found if e.text == text]
    assert len(hits) > occurrence, f"{text!r} not among {[e.text for e in found]}"
    return hits[occurrence]


# --- canonical names ----------------------------------------------------------------------

PREMIER = (
    "Prime Minister Helena Marsh met Baltic leaders in Vilnius on Sunday. "
    "Marsh said her government would keep paying for the new power cable. "
    "Helena Marsh's office later confirmed that a second summit would follow in June."
)


def test_surname_and_possessive_take_the_full_name(nlp):
    found = entities(nlp, PREMIER)
    people = [e for e in found if e.kind == "person"]
    assert {e.canonical for e in people} == {"Helena Marsh"}
    assert {e.text for e in people} >= {"Marsh", "Helena Marsh"}
    assert all(not e.text.endswith("'s") for e in found)


def test_united_states_variants_share_one_canonical(nlp):
    text = (
        "EU and U.S. negotiators met in Geneva on Tuesday. US diplomats expect the United States "
        "to sign a steel deal with Canada before America's midterm elections."
    )
    found = entities(nlp, text)
    us = [e for e in found if e.text in ("U.S.", "US", "United States", "America")]
    assert len(us) >= 3
    assert {e.canonical for e in us} == {"United States"}
    assert {e.kind for e in us} == {"country"}
    assert by_text(found, "United States").text == "United States"  # "the" is not part of the span
    assert by_text(found, "EU").canonical == "European Union"


def test_acronym_takes_its_expansion(nlp):
    text = (
        "Lawmakers grilled the director of the Federal Maritime Safety Office on Wednesday. "
        "The FMSO said it had grounded two ferries after the inspection."
    )
    found = entities(nlp, text)
    assert by_text(found, "FMSO").canonical == "Federal Maritime Safety Office"


def test_two_relatives_stay_apart_and_the_surname_goes_to_the_first_named(nlp):
    text = (
        "Margaret Hale campaigned in Iowa on Monday with her husband, former Governor Richard Hale. "
        "Hale told farmers that crop prices were the main issue. "
        "Richard Hale spoke later about rural hospitals."
    )
    found = entities(nlp, text)
    assert by_text(found, "Margaret Hale").canonical == "Margaret Hale"
    assert by_text(found, "Richard Hale").canonical == "Richard Hale"
    assert by_text(found, "Hale").canonical == "Margaret Hale"
    assert by_text(found, "Richard Hale").role == "former Governor"


def test_honorific_picks_the_relative_of_its_gender(nlp):
    text = "Richard Hale and Margaret Hale arrived together. Mrs. Hale spoke first, and Mr. Hale followed her on stage."
    found = entities(nlp, text)
    surname_only = [e for e in found if e.text == "Hale"]
    assert [e.canonical for e in surname_only] == ["Margaret Hale", "Richard Hale"]


def test_prominent_surname_without_full_name_uses_the_gazetteer(nlp):
    found = entities(nlp, "Carney is expected to present the budget to parliament in Ottawa next month.")
    assert by_text(found, "Carney").canonical == "Mark Carney"
    assert by_text(found, "Carney").country == "Canada"


def test_unknown_surname_without_full_name_stays_as_written(nlp):
    found = entities(nlp, "Mr. Albrecht Kowalczyk told reporters the plant would close. Kowalczyk did not elaborate.")
    names = {e.canonical for e in found if e.kind == "person"}
    assert names == {"Albrecht Kowalczyk"}


def test_person_mislabelled_by_ner_follows_the_document_person(nlp):
    text = (
        "Democratic nominee Carla Brandt held a rally in Toledo. The Brandt campaign said Brandt would come "
        "back in October, and Brandt aides said the turnout had beaten their forecast."
    )
    found = entities(nlp, text)
    brandts = [e for e in found if e.text == "Brandt"]
    assert brandts and all(e.kind == "person" and e.canonical == "Carla Brandt" for e in brandts)
    assert all(e.role == "Democratic nominee" for e in brandts)


def test_surname_missed_by_ner_is_found(nlp):
    text = (
        "Estonian Interior Minister Kaarel Tamm said Tallinn would not sign the border protocol. "
        "Tamm later repeated the warning."
    )
    found = entities(nlp, text)
    assert [e.canonical for e in found if e.kind == "person"] == ["Kaarel Tamm", "Kaarel Tamm"]


# --- roles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        (
            "Polish Foreign Minister Tomasz Wrona called the draft premature.",
            "Tomasz Wrona",
            "Polish Foreign Minister",
            "Poland",
        ),
        (
            "Portugal's Prime Minister Rui Pinheiro opened the fisheries summit in Lisbon.",
            "Rui Pinheiro",
            "Portugal's Prime Minister",
            "Portugal",
        ),
        (
            '"The door is still open," Kremlin spokesman Oleg Varnavin said on Friday.',
            "Oleg Varnavin",
            "Kremlin spokesman",
            "Russia",
        ),
        (
            "The new tariffs take effect in June, U.S. Commerce Secretary Linda Carver said on Wednesday.",
            "Linda Carver",
            "U.S. Commerce Secretary",
            "United States",
        ),
        (
            "Halbrook Energy CEO Marta Lindgren apologised to customers at the hearing on Tuesday.",
            "Marta Lindgren",
            "Halbrook Energy CEO",
            None,
        ),
    ],
)
def test_role_from_premodifier(nlp, text, name, role, country):
    person = by_text(entities(nlp, text), name)
    assert (person.role, person.country) == (role, country)


def test_role_from_apposition_after_the_name(nlp):
    text = "Pavel Gorin, a Kremlin aide, said the delegation would fly to Ankara on Sunday."
    person = by_text(entities(nlp, text), "Pavel Gorin")
    assert person.role == "Kremlin aide"
    assert person.country == "Russia"


def test_role_from_apposition_before_the_name(nlp):
    text = "Hungary's finance minister, Gabor Kertesz, said on Friday that the deficit target would be missed."
    person = by_text(entities(nlp, text), "Gabor Kertesz")
    assert person.role == "Hungary's finance minister"
    assert person.country == "Hungary"


@pytest.mark.parametrize(
    "given",
    [
        "Mikko",  # NER tags the full name PERSON and misses both bare surnames
        pytest.param(
            "Antti",
            marks=pytest.mark.xfail(
                strict=True,
                reason="NER tags 'Antti Rautio' ORG; a person title right before an ORG does not make it a person",
            ),
        ),
    ],
)
def test_role_found_once_applies_to_every_mention(nlp, given):
    text = (
        f"Finnish Defence Minister {given} Rautio said the exercise had gone well. "
        "Rautio added that the next drill was set for spring. Later, Rautio declined to comment."
    )
    found = entities(nlp, text)
    rautio = [e for e in found if e.canonical == f"{given} Rautio"]
    assert len(rautio) == 3
    assert {(e.kind, e.role, e.country) for e in rautio} == {("person", "Finnish Defence Minister", "Finland")}


def test_country_is_read_before_the_role_noun(nlp):
    text = "Gregory Paine, a former ambassador to Japan, said the new export rules were a mistake."
    person = by_text(entities(nlp, text), "Gregory Paine")
    assert person.role == "former ambassador to Japan"
    assert person.country is None


def test_kinship_is_not_a_role(nlp):
    text = "Margaret Hale toured her son Thomas Hale's dairy farm near Ames on Saturday."
    person = by_text(entities(nlp, text), "Thomas Hale")
    assert person.role is None


# --- page context -------------------------------------------------------------------------

CAPTION = (
    "Norway's Defence Minister Halvard Lindqvist speaks to reporters at the Haakonsvern naval base "
    "in Bergen, Norway, May 14, 2025. /Reuters"
)
BODY = (
    "Norway will spend an extra 3 billion crowns on air defence, the government said on Wednesday.\n\n"
    "Lindqvist told parliament that the drones seen over Norwegian ports showed that the threat had changed.\n\n"
    '"We cannot wait for the next incident," Lindqvist said.'
)


def test_caption_names_the_person_the_body_gives_by_surname(nlp):
    alone = [e for e in entities(nlp, BODY) if e.kind == "person"]
    assert {(e.canonical, e.role) for e in alone} == {("Lindqvist", None)}
    found = entities(nlp, BODY, ("Norway to buy more air defence after drone sightings", CAPTION))
    people = [e for e in found if e.kind == "person"]
    assert [e.text for e in people] == ["Lindqvist", "Lindqvist"]
    assert {(e.canonical, e.role, e.country) for e in people} == {
        ("Halvard Lindqvist", "Norway's Defence Minister", "Norway")
    }


def test_context_yields_no_entities_of_its_own(nlp):
    found = entities(nlp, BODY, (CAPTION,))
    assert [(e.start, e.end) for e in found] == [(e.start, e.end) for e in entities(nlp, BODY)]
    assert all(e.text == BODY[e.start : e.end] for e in found)
    assert "Bergen" not in {e.text for e in found}


def test_a_photo_credit_in_a_caption_names_no_one_in_the_body(nlp):
    body = "Dock workers walked out on Monday, the union's secretary Hal Brenner told the Ledger on Tuesday."
    caption = "Pickets gather at the gates of Terminal 3. Photo: Jane Doe/Harbour Ledger"
    found = entities(nlp, body, (caption,))
    assert not any("/" in e.canonical for e in found)


def test_body_role_wins_over_the_context_role(nlp):
    body = "Deputy Finance Minister Halvard Lindqvist said on Monday that the budget was final. Lindqvist left."
    caption = "Norway's Defence Minister Halvard Lindqvist arrives at a cabinet meeting in Oslo on Monday."
    person = by_text(entities(nlp, body, (caption,)), "Lindqvist")
    assert (person.canonical, person.role) == ("Halvard Lindqvist", "Deputy Finance Minister")


def test_context_fills_the_role_a_body_name_lacks(nlp):
    body = "Halvard Lindqvist told parliament on Tuesday that the plan was fully funded."
    caption = "Norway's Defence Minister Halvard Lindqvist arrives at parliament in Oslo on Tuesday."
    person = by_text(entities(nlp, body, (caption,)), "Halvard Lindqvist")
    assert (person.role, person.country) == ("Norway's Defence Minister", "Norway")


def test_context_finds_a_surname_ner_missed(nlp):
    body = "Lindqvist later repeated the warning."
    found = entities(nlp, body, ("Defence Minister Halvard Lindqvist speaks to reporters in Oslo on Monday.",))
    assert by_text(found, "Lindqvist").canonical == "Halvard Lindqvist"


def test_body_names_come_first_in_the_coreference(nlp):
    body = "Ingrid Halvorsen opened the session. Halvorsen said the vote would be held on Friday."
    caption = "Opposition leader Maren Halvorsen speaks to reporters outside parliament in Oslo."
    found = entities(nlp, body, (caption,))
    assert by_text(found, "Halvorsen").canonical == "Ingrid Halvorsen"


QUOTED = '"We cannot wait for the next incident," Lindqvist said on Tuesday.'


@pytest.mark.parametrize(
    "headline",
    [
        "Weak Lindqvist And Halvorsen Face A Revolt Over Drones",  # title case: NER tags "Weak Lindqvist"
        "Weak Lindqvist and Halvorsen face a revolt over drones",  # so it does on a sentence's first word
    ],
)
def test_headline_words_run_into_a_name_are_ignored(nlp, headline):
    found = entities(nlp, QUOTED, (headline,))
    assert by_text(found, "Lindqvist").canonical == "Lindqvist"


def test_title_case_headline_name_opening_with_a_first_name_counts(nlp):
    found = entities(nlp, QUOTED, ("Norway Minister Ingrid Lindqvist Defends Drone Plan",))
    assert by_text(found, "Lindqvist").canonical == "Ingrid Lindqvist"


PAGE = f"""Norway to buy more air defence after drone sightings

{CAPTION}

{BODY}

The opposition Labour Party said it would back the plan but asked for a full report by the autumn.
"""


def test_page_caption_reaches_the_body_through_process():
    article = process(RawDocument("page", PAGE, "page", published="2025-05-14"))
    assert CAPTION not in article.text
    people = [e for e in article.entities if e.kind == "person"]
    assert len(people) == 2
    assert {(e.text, e.canonical, e.role) for e in people} == {
        ("Lindqvist", "Halvard Lindqvist", "Norway's Defence Minister")
    }


# --- gazetteer: metonyms, demonyms, outlets ---------------------------------------------------


def test_seat_of_government_as_actor_is_the_government(nlp):
    text = (
        "Moscow dismissed the ceasefire draft on Tuesday, while Kyiv called for more air defence systems. "
        "Brussels warned that the sanctions would stay."
    )
    found = entities(nlp, text)
    assert (by_text(found, "Moscow").canonical, by_text(found, "Moscow").kind) == ("Russian government", "organisation")
    assert by_text(found, "Moscow").country == "Russia"
    assert by_text(found, "Kyiv").canonical == "Ukrainian government"
    assert by_text(found, "Brussels").canonical == "European Union"


def test_seat_of_government_as_place_stays_a_place(nlp):
    text = "The delegation arrived in Moscow on Monday and will travel to Kyiv by train."
    found = entities(nlp, text)
    moscow = by_text(found, "Moscow")
    assert (moscow.kind, moscow.canonical, moscow.country) == ("place", "Moscow", "Russia")
    assert by_text(found, "Kyiv").kind == "place"


def test_building_stands_for_the_institution_unless_used_as_a_place(nlp):
    text = (
        "The Kremlin condemned the new sanctions package on Wednesday. "
        "The chancellor arrived at the White House on Friday, and the White House said the talks were productive."
    )
    found = entities(nlp, text)
    assert by_text(found, "Kremlin").canonical == "Russian government"
    assert by_text(found, "White House", 0).kind == "place"
    assert by_text(found, "White House", 1).canonical == "US government"


def test_building_missed_by_ner_is_found(nlp):
    found = entities(nlp, "Downing Street said the prime minister would travel to Paris on Monday.")
    street = by_text(found, "Downing Street")
    assert (street.canonical, street.kind, street.country) == ("UK government", "organisation", "United Kingdom")


def test_dateline_city_is_a_place(nlp):
    found = entities(nlp, "LONDON — Britain said on Monday it would send more troops.")
    assert by_text(found, "LONDON").kind == "place"
    assert by_text(found, "LONDON").canonical == "London"


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Russian troops crossed the border overnight, officials said.", "Russian", "Russia"),
        ("A British-led naval patrol escorted the tanker through the strait.", "British", "United Kingdom"),
        ("Europeans were divided over the plan, the survey found.", "Europeans", None),
    ],
)
def test_demonym_is_a_group_with_its_country(nlp, text, word, country):
    group = by_text(entities(nlp, text), word)
    assert (group.kind, group.country) == ("group", country)


def test_news_outlets_are_outlets(nlp):
    text = (
        "The refinery will shut down in 2027, Bloomberg reports. The Guardian had earlier published the "
        "closure plan, and Xinhua said Beijing would buy the site."
    )
    found = entities(nlp, text)
    assert (by_text(found, "Bloomberg").kind, by_text(found, "Bloomberg").canonical) == ("outlet", "Bloomberg")
    assert by_text(found, "Guardian").canonical == "The Guardian"
    assert by_text(found, "Xinhua").canonical == "Xinhua News Agency"
    assert by_text(found, "Beijing").canonical == "Chinese government"


def test_place_gets_the_country_written_after_it(nlp):
    found = entities(nlp, "Floodwaters reached the centre of Kirchwald, Austria, late on Saturday.")
    assert by_text(found, "Kirchwald").country == "Austria"


def test_georgia_is_the_state_in_a_us_story_and_the_country_elsewhere(nlp):
    us = entities(nlp, "Voters in Georgia and Florida lined up early, and turnout in Atlanta was high.")
    assert (by_text(us, "Georgia").kind, by_text(us, "Georgia").country) == ("place", "United States")
    caucasus = entities(nlp, "Georgia and Armenia signed a trade agreement in Tbilisi on Monday.")
    assert by_text(caucasus, "Georgia").kind == "country"


def test_gazetteer_names_and_aliases():
    gaz = load_gazetteer()
    assert gaz.lookup("United Kingdom of Great Britain and Northern Ireland").canonical == "United Kingdom"
    for alias in ("Britain", "UK", "U.K.", "Great Britain"):
        assert gaz.lookup(alias).canonical == "United Kingdom"
    assert gaz.lookup("Russian Federation").canonical == "Russia"
    assert gaz.lookup("Iran, Islamic Republic of").canonical == "Iran"
    assert gaz.lookup("the Netherlands").canonical == "Netherlands"
    assert gaz.lookup("The Hague").canonical == "The Hague"
    assert gaz.lookup("us") is None and gaz.lookup("who") is None  # short names are case-exact
    assert gaz.lookup("RUSSIA").canonical == "Russia"
    assert gaz.lookup("Whitehall").actor.canonical == "UK government"
    assert gaz.lookup("Zhongnanhai").actor.canonical == "Chinese government"
    assert gaz.demonym("Britons") == (True, "United Kingdom")
    assert gaz.demonym("Republican") == (False, None)
    assert gaz.person_by_surname("Starmer").name == "Keir Starmer"
    assert gaz.person_by_surname("Li") is None  # a common surname never maps
    assert gaz.known_person("Sergei Lavrov") is None  # ministers are not kept: see test_known_people_*


def test_known_people_sharing_a_surname_are_not_found_by_it():
    rows = [
        {"name": "Ingrid Halvorsen", "gender": "f", "country": None},
        {"name": "Maren Halvorsen", "gender": "f", "country": None},
        {"name": "Halvard Lindqvist", "gender": "m", "country": None},
    ]
    full, by_surname = _people({"known_people": rows}, {})
    assert set(full) == {"Ingrid Halvorsen", "Maren Halvorsen", "Halvard Lindqvist"}
    assert set(by_surname) == {"Lindqvist"}


def test_known_people_is_a_short_list_of_valid_rows():
    path = resources.files("newsgraph.annotate").joinpath("data", "gazetteer_people.json")
    data = json.loads(path.read_text("utf-8"))
    rows = data["known_people"]
    assert len(rows) <= 50  # world knowledge that goes stale: heads of state and government, a few others
    assert "not tuned" in data["about"]
    codes = {c.alpha_2 for c in pycountry.countries}
    assert all(row["country"] is None or row["country"] in codes for row in rows)
    assert all(row["gender"] in ("m", "f") for row in rows)


def test_iso_part_matches_the_pinned_pycountry():
    data = json.loads(resources.files("newsgraph.annotate").joinpath("data", "gazetteer_iso.json").read_text("utf-8"))
    assert {c["alpha_2"] for c in data["countries"]} == {c.alpha_2 for c in pycountry.countries}
    assert pycountry.__version__ in data["about"]


# --- seeds --------------------------------------------------------------------------------


def _seed_entities(nlp, name: str) -> list[Entity]:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    article = process(RawDocument(name, raw, "page"), dataclasses.replace(Config(), annotate=False))
    return find_entities(nlp(article.text))


def test_seed_speaker_roles(seed_gold):
    """Through `process`: roles the body gives and roles only the caption gives (the caption's
    full name and role for a person the body names by surname only)."""
    found_in: dict[str, list] = {}
    for name, gold in seed_gold.items():
        if not isinstance(gold, dict):
            continue
        raw = (SEEDS / name).read_text(encoding="utf-8")
        found = found_in[name] = process(RawDocument(name, raw, "page")).entities
        for person, role in gold["speaker_roles"].items():
            mentions = [e for e in found if e.canonical == person]
            assert mentions, f"{name}: no entity {person}"
            assert {e.role for e in mentions} == {role}, f"{name}: {person}"
    starmer = [e for e in found_in["004_c5f770f8c2bf1969.txt"] if e.canonical == "Keir Starmer"]
    assert {e.text for e in starmer} == {"Starmer"}
    assert {e.country for e in starmer} == {"United Kingdom"}


def test_seed_coreference_of_names(nlp, seed_gold):
    gold = seed_gold["004_c5f770f8c2bf1969.txt"]
    found = _seed_entities(nlp, "004_c5f770f8c2bf1969.txt")
    for mention, canonical in gold["coreference"].items():
        if " " not in mention:
            hits = [e for e in found if e.text == mention]
            assert hits and {e.canonical for e in hits} == {canonical}


def test_seed_metonyms_and_outlets(nlp):
    found = _seed_entities(nlp, "004_c5f770f8c2bf1969.txt")
    assert by_text(found, "Kremlin").canonical == "Russian government"
    assert by_text(found, "Kyiv").canonical == "Ukrainian government"
    assert by_text(found, "Downing Street").canonical == "UK government"
    assert by_text(found, "Guardian").kind == "outlet"
    first = _seed_entities(nlp, "000_2055ec67c2e37b36.txt")
    assert {e.kind for e in first if e.text == "Bloomberg"} == {"outlet"}
    assert by_text(first, "Russia").kind == "country"


# --- properties ---------------------------------------------------------------------------

NEWSY = st.lists(
    st.sampled_from(
        [
            "Moscow", "Kremlin", "said", "he", "the", "U.S.", "President", "Donald", "Trump", "'s", ",", ".", "\n",
            "Clinton", "Mrs.", "spokesman", "Bloomberg", "reports", "“", "”", "CFPB", "of", "Georgia", "LONDON",
            "—", "Britain", "Russian", "Foreign", "Minister", "Sergey", "Lavrov", "a", "aide", "(", ")",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(NEWSY, st.text(max_size=200)), st.lists(st.one_of(NEWSY, st.text(max_size=80)), max_size=2))
def test_entities_never_raise_and_spans_hold(nlp, text, context):
    doc = nlp(text)
    for entity in find_entities(doc, list(nlp.pipe(context))):
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.text == text[entity.start : entity.end]
        assert entity.canonical
        assert entity.kind in {"person", "organisation", "country", "place", "group", "outlet"}


# --- second opinions on PERSON ------------------------------------------------------------------


def _name_spans(doc, name: str) -> list[tuple[int, int]]:
    words = name.split()
    return [(t.i, t.i + len(words)) for t in doc if [w.text for w in doc[t.i : t.i + len(words)]] == words]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Ferries sat idle off Norvala on Tuesday. Floods spread across central Norvala overnight.",
         "Norvala", "place"),
        ("The dam is run by the state-owned company Brightwater Hydro, which declined to comment.",
         "Brightwater Hydro", "organisation"),
        ("\"We will not back down,\" the union leader told the Courier on Monday.", "Courier", "organisation"),
        ("Farmers say the Kesh reservoir has halved since the dam was filled.", "Kesh", "drop"),
        ("Residents of Hollin Lane were evacuated by boat.", "Hollin Lane", "place"),
        ("Calder said the budget was fair. Calder later left the chamber.", "Calder", None),
        ("The Calder administration defended the budget on Friday.", "Calder", None),
        ("Ostrava Air CEO Ines Roy said fares would rise.", "Ostrava Air", "organisation"),
    ],
)
def test_reread_person_reads_how_the_name_is_used(nlp, text, name, expected):
    doc = nlp(text)
    gaz = load_gazetteer()
    assert reread_person(doc, _name_spans(doc, name), False, gaz.is_title) == expected


def test_a_title_keeps_the_person_whatever_the_context(nlp):
    doc = nlp("Flags flew across central Norvala as the delegates arrived.")
    assert reread_person(doc, _name_spans(doc, "Norvala"), True, load_gazetteer().is_title) is None


def test_a_country_the_model_calls_a_person_comes_out_a_place(nlp):
    text = ("Talks between Orlenia and Norvala resumed in Tavrin on Monday. Floods have hit central Norvala, "
            "and a senior official said exports through Norvala had halved.")
    kinds = {e.kind for e in entities(nlp, text) if e.text == "Norvala"}
    assert kinds and "person" not in kinds
