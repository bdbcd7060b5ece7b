"""Stories: near-duplicates and wire copies, story and storyline clustering, incremental joins."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.stories import StoryConfig, StoryIndex, assign_stories
from newsgraph.stories.cluster import average_link


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
