"""An event's status: occurred, ongoing, planned, hypothetical or denied.

Status is read off the clause, never used to drop an event. Cues, strongest first:
1. a conditional clause ("if", "unless") on the way from the trigger to the sentence root:
   hypothetical;
2. negation of the trigger or its verb ("did not meet", "no talks were held") or a denying
   governor ("denied attacking", "failed to reach"): denied;
3. a modal of possibility ("could", "might", "should") or a wishing governor ("wants to",
   "seeks to"): hypothetical; "would" is the future of the past under a reporting verb
   ("said talks would resume": planned) and hypothetical otherwise;
4. a future modal ("will"), "going to", a planning governor ("plans to", "is scheduled
   for", "is expected to") or a date after publication: planned;
5. a present progressive ("are holding talks") or "continue to": ongoing;
6. otherwise occurred.
`refused to meet` is no negation: the refusal is itself the event (REJECT, see the lexicon).
The cue words are data (`annotate/data/event_status.json`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["StatusCues", "event_status", "status_cues"]

_ORDER = ("denied", "hypothetical", "planned", "ongoing")
_CLIMB = frozenset({"advcl", "ccomp", "xcomp", "conj", "relcl", "pcomp", "prep", "acl"})


@dataclass(frozen=True, slots=True)
class StatusCues:
    future_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    reported_future_modals: frozenset[str]
    conditionals: frozenset[str]


@cache
def status_cues() -> StatusCues:
    raw = json.loads(resources.files("newsgraph.annotate").joinpath("data/event_status.json").read_text("utf-8"))
    return StatusCues(*(frozenset(raw[key]) for key in StatusCues.__slots__))


def event_status(
    tokens: Iterable,
    governed: Iterable[str],
    future_date: bool,
    is_reporting: Callable[[str], bool],
) -> str:
    """The status of an event whose trigger and clause verbs are `tokens` (trigger first),
    given the statuses its governors give (`governed`), whether its date lies after
    publication, and which verb lemmas report speech."""
    cues = status_cues()
    tokens = list(tokens)
    found = set(governed)
    if _conditional(tokens[-1], cues):
        return "hypothetical"
    for token in tokens:
        for child in token.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
                found.add("denied")
            elif child.dep_ == "aux" and child.tag_ == "MD":
                if low in cues.future_modals:
                    found.add("planned")
                elif low in cues.reported_future_modals:
                    found.add("planned" if _reported(token, is_reporting) else "hypothetical")
                elif low in cues.hypothetical_modals:
                    found.add("hypothetical")
        if token.dep_ == "xcomp" and token.head.lower_ == "going":
            found.add("planned")
    verb = tokens[-1]
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children):
        found.add("ongoing")
    if future_date:
        found.add("planned")
    return next((status for status in _ORDER if status in found), "occurred")


def _conditional(token, cues: StatusCues) -> bool:
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in cues.conditionals for c in token.children):
            return True
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            return False
        token = token.head
    return False


def _reported(token, is_reporting: Callable[[str], bool]) -> bool:
    """True when the clause of `token` is the content of a reporting verb."""
    for _ in range(6):
        if token.dep_ == "ccomp" and is_reporting(token.head.lemma_):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False
