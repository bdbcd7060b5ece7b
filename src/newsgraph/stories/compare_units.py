"""The unit a quantity counts, normalised so that outlets' different words for it compare equal.

One outlet writes "4,000 dockworkers", another "about 3,800 workers", a third "some 4,500
employees": the same count in three words. A count can only be aligned with another if they count
the same thing, so the unit is reduced to a key: a small table of words news uses for the same
unit (`stories/data/compare_units.json`, conservative on purpose: "residents" are people,
"vessels" are ships, but "boats" are not ships), compound heads ("dockworkers" ends in
"workers"), and otherwise the word's singular. Whether two counts of one unit are one fact is
decided by their sentences (`compare_facts`), never by the unit alone.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from newsgraph.stories.compare_text import stem

__all__ = ["unit_key"]

_SPLIT = re.compile(r"[\s\-‐–]+")
_MIN_PREFIX = 3  # "dock" + "workers"; shorter prefixes ("co-") are no compound's first part


@cache
def _table() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    raw = resources.files("newsgraph.stories").joinpath("data/compare_units.json").read_text("utf-8")
    data = json.loads(raw)
    forms = {form: unit for unit, words in data["same_unit"].items() for form in words}
    heads = tuple((form, forms[form]) for form in data["compound_heads"])
    return forms, heads


def unit_key(unit: str) -> str | None:
    """The key of a quantity's unit ("container ships" -> "ships", "Dockworkers" -> "workers",
    "km" -> "kilometres", "terminals" -> "terminal"); None when no word is left."""
    words = [w for w in _SPLIT.split(unit.lower().replace("’", "'")) if w]
    if not words:
        return None
    head = words[-1]
    forms, heads = _table()
    if head in forms:
        return forms[head]
    for form, canonical in heads:
        if head.endswith(form) and len(head) - len(form) >= _MIN_PREFIX:
            return canonical
    return stem(head)
