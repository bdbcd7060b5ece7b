"""Quotes with speakers and cues (being written: see issue 3)."""

from __future__ import annotations

from newsgraph.records import Entity, Quote

__all__ = ["find_quotes"]


def find_quotes(doc, entities: list[Entity]) -> list[Quote]:
    return []
