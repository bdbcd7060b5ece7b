"""Quotes with speakers and cues: direct, indirect and mixed reported speech.

Two kinds of evidence meet here. Quote marks (`quote_marks`) say where a verbatim quotation
starts and ends, over sentences and paragraphs, which the parser cannot. The dependency parse
says who speaks and what is reported: a cue word from the lexicon (`quote_cues`, data), its
subject as the speaker, its clausal or object dependents as the content. Three passes, each
linear in the tokens:

1. `quote_parse`: every cue outside a quotation with its content ("X said [that ...]",
   "[...], X said", "X wants [to ...]", "X cited [the report]", "according to X, [...]"),
   with the nominal cues of `quote_nouns` ("her decision [to ...]", "criticism of [X]") and
   the states of mind of `quote_states` ("X is afraid [that ...]", "[X] seems [to ...]").
   Content that touches a quotation grows to cover it, so `"A. B," he said` is the whole
   quotation however the parser split it.
2. `quote_position`, lines: "NAME: ..." lines of transcripts and headlines.
3. `quote_position`, marks: quotations no cue reached, attributed by what stands next to
   them, continuing the previous speaker, or left with no speaker.

A report inside another one's content ("X said she hopes ...") is dropped: it is part of the
outer statement. Content spans follow PolNeAR: the quote marks and the punctuation inside
them belong to the content, a "that" opening an indirect quote does too, the sentence's
final punctuation does not. The parts of one attribution (`"A," he said, "B."`) are separate
Quote records sharing speaker and cue.
"""

from __future__ import annotations

from bisect import bisect_left

from newsgraph.annotate.quote_context import Attribution, Context
from newsgraph.annotate.quote_cues import CueLexicon, cue_lexicon
from newsgraph.annotate.quote_marks import QuotedSpan, quoted_spans
from newsgraph.annotate.quote_parse import from_cues
from newsgraph.annotate.quote_position import from_lines, from_marks
from newsgraph.annotate.quote_speakers import named_speaker, speaker_for
from newsgraph.records import Entity, Quote, Span

__all__ = ["find_quotes"]

_MIN_UNSOURCED_CHARS = 25  # set on the PolNeAR dev split (bench/quotes.py)


def find_quotes(doc, entities: list[Entity], lexicon: CueLexicon | None = None) -> list[Quote]:
    """Every reported statement in the parsed `doc`, in text order; `entities` (from
    `find_entities`) name the speakers. `lexicon` replaces the shipped cue lexicon (the cue
    learner scores the lexicons it learns with it)."""
    text = doc.text
    if not text.strip():
        return []
    marks = quoted_spans(text)
    ctx = Context(doc, text, marks, lexicon or cue_lexicon())
    found = from_cues(ctx)
    found += from_lines(ctx)
    found += from_marks(ctx, found)
    return _records(ctx, [f for f in _outermost(found) if _sourced_or_long(f)], entities)


def _sourced_or_long(found: Attribution) -> bool:
    """An attribution with no speaker and a few words of content is most often a noun phrase
    misread as one ("plans for [the site]", "[the deal] was expected"): on the PolNeAR dev
    split about one in four of them is an attribution, against five in six of the rest
    (F1@0.3 +0.003; the score is flat for thresholds 15 to 25 characters)."""
    if found.speaker is not None or found.speaker_span is not None or found.cue is None:
        return True
    return sum(end - start for start, end in found.parts) >= _MIN_UNSOURCED_CHARS


def _outermost(found: list[Attribution]) -> list[Attribution]:
    """The attributions whose cue is not inside another one's content. A report inside a
    report ("X said she hopes ...") belongs to the outer statement; PolNeAR's annotators
    marked about one in five of them (dev split), and readers take the outer one."""
    cues = sorted((f.cue[0], n) for n, f in enumerate(found) if f.cue)
    inner: set[int] = set()
    for n, f in enumerate(found):
        for start, end in f.parts:
            for cue, m in cues[bisect_left(cues, (start, -1)) : bisect_left(cues, (end, -1))]:
                # of two cues inside each other's content (a misparse), the first one is outer
                if m != n and not (f.cue and _cue_inside(f.cue, found[m].parts) and f.cue[0] > cue):
                    inner.add(m)
    return [f for n, f in enumerate(found) if n not in inner]


def _cue_inside(cue: tuple[int, int] | None, parts: list[tuple[int, int]]) -> bool:
    return cue is not None and any(s <= cue[0] < e for s, e in parts)


def _kind(start: int, end: int, marks: list[QuotedSpan]) -> str:
    """direct when the content is a quotation, mixed when it holds one, else indirect."""
    inside = [m for m in marks if start <= m.start and m.end <= end and m.double]
    if any(m.start == start and m.end == end for m in marks):
        return "direct"
    return "mixed" if inside else "indirect"


def _records(ctx: Context, found: list[Attribution], entities: list[Entity]) -> list[Quote]:
    text = ctx.text
    out: dict[tuple[int, int], Quote] = {}
    for f in found:
        speaker = None
        if f.speaker is not None:
            speaker = speaker_for(ctx.doc, text, f.speaker, entities)
        elif f.speaker_span is not None:
            speaker = named_speaker(ctx.doc, text, *f.speaker_span, entities)
        cue = Span(f.cue[0], f.cue[1], text[f.cue[0] : f.cue[1]]) if f.cue else None
        for start, end in f.parts:
            out.setdefault((start, end), Quote(start, end, text[start:end], _kind(start, end, ctx.marks), speaker, cue))
    return [out[k] for k in sorted(out)]
