"""Protagonists: two clusters that each centre on a person the other never names are two happenings.

Inside an ECB+ topic the two similar happenings (two title fights of one champion, two drink-driving
arrests of one team's players) share the generic names (the champion, the team, the league) and much
vocabulary, so their average link can reach the story threshold. What tells them apart is who they
are about: each has a person most of its articles name whom no article of the other names at all
(the opponent, the arrested player). One-sided absence is weak evidence (an early report may not
have the suspect's name yet, a short brief names nobody), so the test is symmetric and a person is
central only when several articles of the cluster name it (`central_support`), enough that it is
not one outlet's aside.

Persons only: places, organisations and nationalities are shared context that outlets name
differently. Absence is checked against every entity the other cluster names, of any type, so a
name the tagger labelled as an organisation in one article still counts as named.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["ArticleNames", "CentralPersons"]


@dataclass(frozen=True, slots=True)
class ArticleNames:
    """Entity-vocabulary columns of one article: the persons it names and every entity it names."""

    persons: np.ndarray
    named: np.ndarray


class CentralPersons:
    """Per cluster node, how many articles name each person and each entity; updated on merges.

    It is the `Separator` that `average_link` consults before every merge.
    """

    def __init__(self, nodes: Sequence[Sequence[ArticleNames]], support: int, share: float) -> None:
        self.support = support
        self.share = share
        self.sizes = [len(members) for members in nodes]
        self.persons: list[Counter[int]] = []
        self.named: list[Counter[int]] = []
        for members in nodes:
            persons: Counter[int] = Counter()
            named: Counter[int] = Counter()
            for article in members:
                persons.update(article.persons.tolist())
                named.update(article.named.tolist())
            self.persons.append(persons)
            self.named.append(named)

    def apart(self, a: int, b: int) -> bool:
        """Whether each cluster has a central person the other never names."""
        return self._lacks(a, b) and self._lacks(b, a)

    def merge(self, keep: int, gone: int) -> None:
        """Fold cluster `gone` into `keep` (the smaller counter into the larger)."""
        for counts in (self.persons, self.named):
            small, large = sorted((counts[keep], counts[gone]), key=len)
            large.update(small)
            counts[keep], counts[gone] = large, Counter()
        self.sizes[keep] += self.sizes[gone]
        self.sizes[gone] = 0

    def _lacks(self, a: int, b: int) -> bool:
        """Whether cluster `b` never names a person central to cluster `a`."""
        need = max(self.support, math.ceil(self.share * self.sizes[a]))
        if self.sizes[a] < need:
            return False
        other = self.named[b]
        return any(n >= need and e not in other for e, n in self.persons[a].items())
