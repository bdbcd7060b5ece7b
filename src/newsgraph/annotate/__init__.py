"""Stage 3, annotate: entities, quotes, dates and times, quantities, events.

`annotate(text, published)` parses the clean text once with spaCy and runs each annotator on
the parse. Every annotation is a stand-off span into `text`, so anything shown to a user can be
traced to its sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.annotate.entities import find_entities
from newsgraph.annotate.events import find_events
from newsgraph.annotate.nlp import load_nlp
from newsgraph.annotate.quantities import find_quantities
from newsgraph.annotate.quotes import find_quotes
from newsgraph.annotate.timex import find_timexes
from newsgraph.records import Entity, Event, Quantity, Quote, Timex

__all__ = ["Annotations", "annotate", "annotate_doc", "load_nlp"]


@dataclass(frozen=True, slots=True)
class Annotations:
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()


def annotate(text: str, published: str | None, context: Sequence[str] = ()) -> Annotations:
    """Parse `text` and annotate it.

    `published` (YYYY-MM-DD or None) anchors relative dates. `context` are other texts of the
    page (headline, captions) that name people in full or give their roles; they are parsed
    but never annotated, since annotations are spans of `text`.
    """
    if not text.strip():
        return Annotations()
    nlp = load_nlp()
    return annotate_doc(nlp(text), published, list(nlp.pipe(context)))


def annotate_doc(doc, published: str | None, context_docs: Sequence = ()) -> Annotations:
    """Annotations of an already parsed spaCy `Doc` (batch callers parse with `nlp.pipe`)."""
    entities = find_entities(doc, context_docs)
    quotes = find_quotes(doc, entities)
    timexes = find_timexes(doc, published)
    return Annotations(
        entities=tuple(entities),
        quotes=tuple(quotes),
        timexes=tuple(timexes),
        quantities=tuple(find_quantities(doc)),
        events=tuple(find_events(doc, entities, quotes, timexes, published)),
    )
