"""Stories: near-duplicates and wire copies, story and storyline clustering, incremental joins."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.stories import StoryConfig, StoryIndex, assign_stories
from newsgraph.stories.cluster import average_link
from newsgraph.stories.dedup import names_wire


def _ents(*names: str) -> list[dict]:
    return [{"text": n, "canonical": n, "label": "GPE", "kind": "place"} for n in names]


def _record(key: str, outlet: str, day: str, title: str, text: str, entities: list[dict], wire=()) -> dict:
    return {
        "id": key, "title": title, "outlet": outlet, "wire": list(wire), "text": text, "entities": entities,
        "published": {"value": day, "source": "given", "evidence": ""},
        "timexes": [], "events": [], "quotes": [], "quantities": [],
    }


WIRE_TEXT = (
    "MARLOW CREEK (Reuters) - Floodwater swept through the river town of Marlow Creek on Monday, forcing "
    "about 3,000 residents from their homes after two days of record rain, emergency officials said. "
    "Governor Ana Ribeiro declared a state of emergency and sent the National Guard to help with evacuations. "
    "The Pell River crested at nine metres overnight, two metres above the flood stage, the state water "
    "agency said, and several bridges into the town were closed. "
    "Shelters at the high school and the county fairground were full by nightfall, the Red Cross said."
)
FLOOD = _ents("Marlow Creek", "Ana Ribeiro", "National Guard", "Pell River", "Red Cross")

FLOOD_A = _record("harbor-1", "Harbor Times", "2025-03-03", "Floods force thousands from Marlow Creek homes",
                  WIRE_TEXT, FLOOD, wire=["Reuters"])
# The same wire text rerun without the credit, a sentence trimmed and a headline of its own.
FLOOD_COPY = _record(
    "valley-1", "Valley Post", "2025-03-03", "Marlow Creek under water",
    WIRE_TEXT.replace("MARLOW CREEK (Reuters) - ", "").replace(
        " Shelters at the high school and the county fairground were full by nightfall, the Red Cross said.", ""),
    FLOOD,
)
FLOOD_B = _record(
    "ledger-1", "County Ledger", "2025-03-04", "Marlow Creek residents wait for the Pell River to fall",
    "Residents of Marlow Creek spent a second night in shelters on Tuesday as the Pell River stayed above "
    "flood stage. Governor Ana Ribeiro toured the flooded streets and promised state help for families who "
    "lost their homes. The Red Cross said 3,000 people had been evacuated and the National Guard was "
    "patrolling the town. Rain was forecast to ease by Wednesday, the weather service said.",
    FLOOD,
)
REBUILD_A = _record(
    "harbor-2", "Harbor Times", "2025-09-15", "Lawmakers approve Marlow Creek rebuilding fund",
    "State lawmakers on Monday approved a $40 million fund to rebuild Marlow Creek, six months after the "
    "Pell River flood drove thousands from their homes. Governor Ana Ribeiro signed the bill at the town's "
    "new fire station. The money will pay for a higher levee along the Pell River and new bridges, and "
    "homeowners can apply for grants from October.",
    _ents("Marlow Creek", "Ana Ribeiro", "Pell River"),
)
REBUILD_B = _record(
    "ledger-2", "County Ledger", "2025-09-16", "Marlow Creek gets its levee money",
    "Governor Ana Ribeiro signed a $40 million rebuilding fund for Marlow Creek into law, paying for a higher "
    "levee on the Pell River and grants for flooded homeowners. Lawmakers had approved the fund on Monday. "
    "Town officials said work on the levee could start next spring.",
    _ents("Marlow Creek", "Ana Ribeiro", "Pell River"),
)
CHESS = _record(
    "sports-1", "Board Weekly", "2025-03-03", "Teenager wins the Lisbon chess open",
    "Sixteen-year-old Tomas Vidal won the Lisbon chess open on Sunday, beating three grandmasters on his way "
    "to the title. Vidal drew his final game with black in 41 moves to finish half a point ahead of the field.",
    _ents("Tomas Vidal", "Lisbon"),
)
BATCH = [FLOOD_A, FLOOD_COPY, FLOOD_B, REBUILD_A, REBUILD_B, CHESS]


def _by_id(records: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in records}


def test_wire_copy_and_republished_copy_are_linked():
    out = _by_id(assign_stories(BATCH)[0])
    assert out["valley-1"]["duplicate_of"] == "harbor-1"
    assert out["harbor-1"]["duplicate_of"] is None
    assert out["harbor-1"]["wire_copy"] is True
    assert out["valley-1"]["wire_copy"] is False
    assert out["ledger-1"]["duplicate_of"] is None  # same happening, own words: not a copy
    assert out["valley-1"]["story"] == out["harbor-1"]["story"]


def test_wire_dateline_counts_without_wire_field():
    record = dict(FLOOD_A, wire=[])
    assert assign_stories([record])[0][0]["wire_copy"] is True


def test_two_stories_share_a_storyline():
    out = _by_id(assign_stories(BATCH)[0])
    flood, rebuild = out["harbor-1"]["story"], out["harbor-2"]["story"]
    assert out["ledger-1"]["story"] == flood
    assert out["ledger-2"]["story"] == rebuild
    assert flood != rebuild
    assert out["harbor-1"]["storyline"] == out["harbor-2"]["storyline"]
    assert out["sports-1"]["story"] not in {flood, rebuild}
    assert out["sports-1"]["storyline"] != out["harbor-1"]["storyline"]
    assert flood.startswith("s-") and out["harbor-1"]["storyline"].startswith("sl-")


def test_ids_are_stable_across_runs():
    first = [r["story"] for r in assign_stories(BATCH)[0]]
    assert first == [r["story"] for r in assign_stories(BATCH)[0]]


def test_new_article_joins_story_after_index_round_trip(tmp_path):
    out, index = assign_stories(BATCH)
    path = tmp_path / "index.json.gz"
    index.save(path)
    loaded = StoryIndex.load(path)
    late = _record(
        "wire-2", "Morning Star", "2025-03-05", "Pell River falls, Marlow Creek counts the damage",
        "The Pell River fell below flood stage on Wednesday and residents of Marlow Creek began returning to "
        "their homes. Governor Ana Ribeiro said the state would help families who lost their homes, and the "
        "Red Cross closed one of its shelters. The National Guard stayed in the town.",
        FLOOD,
    )
    other = _record("sports-2", "Board Weekly", "2025-03-06", "Oslo hosts a rapid chess final",
                    "Grandmasters met in Oslo for a rapid chess final on Thursday.", _ents("Oslo"))
    more, loaded = assign_stories([late, other], loaded)
    old = _by_id(out)
    assert more[0]["story"] == old["harbor-1"]["story"]
    assert more[0]["storyline"] == old["harbor-1"]["storyline"]
    assert more[1]["story"] not in {r["story"] for r in out}
    assert len(loaded) == len(BATCH) + 2


def test_known_ids_keep_their_assignment():
    out, index = assign_stories(BATCH)
    again, index = assign_stories(BATCH, index)
    assert [r["story"] for r in again] == [r["story"] for r in out]
    assert [r["duplicate_of"] for r in again] == [r["duplicate_of"] for r in out]
    assert len(index) == len(BATCH)


def test_error_records_pass_through_untouched():
    error = {"id": "broken.txt", "error": "empty document"}
    out = assign_stories([FLOOD_A, error, CHESS])[0]
    assert out[1] is error
    assert "story" in out[0] and "story" in out[2]


def test_load_rejects_other_json(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"format": "something else"}))
    with pytest.raises(InputError):
        StoryIndex.load(path)
    with pytest.raises(InputError):
        StoryIndex.load(tmp_path / "missing.json")


def test_average_link_never_merges_two_frozen_clusters():
    # nodes 0 and 1 are earlier stories, 2 is a new article close to both
    roots = average_link([3, 3, 1], {(0, 1): 9.0, (0, 2): 2.7, (1, 2): 1.5}, 0.2, frozenset({0, 1}))
    assert roots == [0, 1, 0]


def test_config_rejects_inverted_thresholds():
    from newsgraph.errors import ConfigError

    with pytest.raises(ConfigError):
        StoryConfig(story_threshold=0.1, storyline_threshold=0.3)


_WORDS = st.sampled_from(["flood", "river", "governor", "levee", "chess", "open", "Marlow", "Lisbon", "the", "a", "é"])
_ARTICLE = st.builds(
    lambda key, words, day, names: {
        "id": key, "text": " ".join(words), "title": None, "wire": [],
        "published": {"value": f"2025-03-{day:02d}"} if day else None,
        "entities": [{"canonical": n} for n in names], "timexes": [{"type": "DATE", "value": "XXXX-03-01"}],
        "events": [{"type": "AGREE", "actor": {"canonical": "x"}, "recipient": None}],
    },
    st.text(min_size=1, max_size=6),
    st.lists(_WORDS, max_size=30),
    st.integers(0, 28),
    st.lists(st.sampled_from(["Ana Ribeiro", "Tomas Vidal", ""]), max_size=3),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_ARTICLE, st.builds(lambda k: {"id": k, "error": "bad"}, st.text(max_size=4))), max_size=8))
def test_any_records_keep_order_and_get_stories(records):
    out, _ = assign_stories(records)
    assert [r["id"] for r in out] == [r["id"] for r in records]
    for rec in out:
        if "error" in rec:
            continue
        assert rec["story"].startswith("s-") and rec["storyline"].startswith("sl-")
        assert rec["duplicate_of"] is None or rec["duplicate_of"] != rec["id"]
    by_id = {r["id"]: r["story"] for r in out if "error" not in r}
    assert all(r["story"] == by_id[r["id"]] for r in out if "error" not in r)


def _fight(key: str, opponent: str, venue: str, text: str) -> dict:
    ents = _ents("Wladimir Klitschko", "IBF", "WBO", venue)
    ents += [{"text": opponent, "canonical": opponent, "label": "PERSON", "kind": "person"}]
    ents[0] = dict(ents[0], label="PERSON", kind="person")
    return _record(key, "Ring Wire", "", f"Klitschko stops {opponent}", text, ents)


def _fights(opponent: str, venue: str, rounds: tuple[str, ...]) -> list[dict]:
    base = (f"Wladimir Klitschko kept his IBF and WBO heavyweight titles on Saturday, stopping {opponent} "
            f"in {{}} round in front of a sold-out crowd in {venue}. The champion's jab controlled the fight "
            f"and {opponent} was down twice before the referee waved it off.")
    return [dict(_fight(f"{opponent[:3].lower()}-{i}", opponent, venue, base.format(r)), published=None)
            for i, r in enumerate(rounds)]


def test_clusters_about_different_people_stay_apart():
    # two title defences of one champion, worded alike: only the opponent tells them apart
    rahman = _fights("Hasim Rahman", "Mannheim", ("the seventh", "the 7th", "round seven", "the last"))
    thompson = _fights("Tony Thompson", "Bern", ("the sixth", "the 6th", "round six", "the final"))
    out = assign_stories(rahman + thompson)[0]
    assert len({r["story"] for r in out[:4]}) == 1
    assert len({r["story"] for r in out[4:]}) == 1
    assert out[0]["story"] != out[4]["story"]
    merged = assign_stories(rahman + thompson, config=StoryConfig(central_support=len(out) + 1))[0]
    assert len({r["story"] for r in merged}) == 1  # without the rule the shared wording merges them


def test_central_persons_need_both_sides():
    from newsgraph.stories.central import ArticleNames, CentralPersons

    def names(persons: list[int], named: list[int]) -> ArticleNames:
        return ArticleNames(np.array(persons, dtype=np.int32), np.array(sorted(set(persons + named)), dtype=np.int32))

    a = [names([1, 2], [9])] * 4  # person 2 central here, unknown to b
    b = [names([1, 3], [9])] * 4  # person 3 central here, unknown to a
    c = [names([1], [9])] * 4  # no person of its own: an early report before the name was out
    sep = CentralPersons([a, b, c], support=3, share=0.5)
    assert sep.apart(0, 1)
    assert not sep.apart(0, 2) and not sep.apart(1, 2)
    sep.merge(0, 2)
    assert sep.sizes == [8, 4, 0]
    assert sep.apart(0, 1)  # person 2 is still named by half of the merged cluster


def test_storylines_ignore_shared_dates():
    strike = _record("dock-1", "Harbor Times", "2025-03-03", "Dockworkers strike at Porthaven",
                     "Dockworkers at Porthaven walked out over automation and pay on March 3, 2025.",
                     _ents("Porthaven", "Harbour Workers Union"))
    strike["timexes"] = [{"type": "DATE", "value": "2025-03-03"}]
    flood = dict(FLOOD_B, timexes=[{"type": "DATE", "value": "2025-03-03"}])
    out = _by_id(assign_stories([strike, flood, FLOOD_A, REBUILD_A])[0])
    assert out["dock-1"]["storyline"] != out["ledger-1"]["storyline"]
    assert out["ledger-1"]["storyline"] == out["harbor-2"]["storyline"]


def test_index_saved_without_persons_still_loads(tmp_path):
    _, index = assign_stories(BATCH)
    data = index.to_json()
    assert len(data.pop("persons")) == len(BATCH)
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    loaded = StoryIndex.load(path)
    more, _ = assign_stories([dict(FLOOD_B, id="ledger-9")], loaded)
    assert more[0]["story"] == _by_id(assign_stories(BATCH)[0])["ledger-1"]["story"]


@pytest.mark.parametrize(
    ("opening", "wire"),
    [
        ("OSAKA, May 2 (Kyodo) -- Ferry services resumed", True),
        ("GENEVA (AFP) - Talks opened on Monday", True),
        ("(CNN) — A late frost damaged orchards", False),  # an outlet's own dateline
        ("The plan (revised) - as tabled - fell short", False),
    ],
)
def test_dateline_names_wire_from_the_agency_list(opening, wire):
    assert names_wire({"text": opening + " across the region."}) is wire
