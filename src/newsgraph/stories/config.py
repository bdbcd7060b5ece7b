"""The settings of story assignment, one frozen object (as `newsgraph.Config` is for extraction).

The thresholds were set together on the ECB+ dev topics (`bench/stories.py`, B-cubed F1) and are
applied unchanged to any other data; the benchmark prints F1 around `story_threshold` so that a
change here shows whether it sits on a knife-edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.errors import ConfigError

__all__ = ["StoryConfig"]


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """Settings of `assign_stories`.

    Similarity of two articles is a weighted mean of cosine similarities over four channels:
    words of the body and headline (weight 1), canonical entities (`entity_weight`), the dates the
    text names (`time_weight`; timexes only, not the publication date, which every article of a
    day shares whatever it reports) and coded events, type with actor or recipient
    (`event_weight`). A channel counts only when both articles have something in it, so a text
    that names no date is not pushed away from coverage that does. Publication dates act through
    the windows below.
    `story_threshold` is the average-link similarity at which clusters stop merging into one
    story, `storyline_threshold` the lower one for the thread of stories; storylines leave the time
    channel out (stories of one week share dates whether or not they are related).
    `neighbours` bounds the edges kept per article (memory stays linear in the articles) and
    `min_similarity` drops edges too weak to matter at either threshold.
    `window_days`: articles whose dates lie further apart are never linked, not even in a storyline;
    `story_window_days`: nor in one story, since reports of one happening come within weeks of it
    (on ECB+ dev 95% of same-story pairs lie within 72 days, pairs of different stories of one topic
    at least 789 days apart). None switches a window off; undated articles are never kept apart.
    `central_support`, `central_share`: two clusters never merge into one story when each has a
    person named by at least this many and this share of its articles whom no article of the other
    names (`central.py`); on ECB+ dev F1 stays above 0.91 for supports 3 to 5.
    `dedup_threshold` is the estimated Jaccard similarity of word `shingle`-grams above which two
    bodies are copies of one text (reruns trim paragraphs and add credits, so it is well below 1,
    yet two outlets' own accounts of one happening share few five-word runs); `num_perm` is the
    MinHash signature length.
    """

    entity_weight: float = 1.0
    time_weight: float = 0.5
    event_weight: float = 0.25
    story_threshold: float = 0.18
    storyline_threshold: float = 0.07
    neighbours: int = 40
    min_similarity: float = 0.03
    window_days: int | None = 365
    story_window_days: int | None = 90
    central_support: int = 4
    central_share: float = 0.5
    dedup_threshold: float = 0.5
    shingle: int = 5
    num_perm: int = 128
    block_size: int = 1000

    def __post_init__(self) -> None:
        if not 0.0 < self.storyline_threshold <= self.story_threshold < 1.0:
            raise ConfigError("thresholds must satisfy 0 < storyline_threshold <= story_threshold < 1")
        if not 0.0 < self.dedup_threshold < 1.0:
            raise ConfigError("dedup_threshold must lie strictly between 0 and 1")
        if min(self.entity_weight, self.time_weight, self.event_weight) < 0:
            raise ConfigError("channel weights must not be negative")
        if self.central_support < 1 or not 0.0 < self.central_share <= 1.0:
            raise ConfigError("central_support must be positive and central_share in (0, 1]")
        if self.neighbours < 1 or self.shingle < 1 or self.num_perm < 16 or self.block_size < 1:
            raise ConfigError("neighbours, shingle, block_size must be positive and num_perm at least 16")
