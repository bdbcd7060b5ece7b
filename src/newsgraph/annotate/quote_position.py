"""Attributions found by position: quotations no parsed cue reached, and "NAME: ..." lines.

A quotation's attribution sits next to it, whatever the parser made of the sentence: a cue
verb right after the closing mark (`"...," said X`, `"...," X told reporters`), right before
the opening one (`X said: "..."`), or a name after a dash (`"..." ― X`). A quotation with none
of these right after an attributed one continues it (consecutive quotes, in the same or the
next paragraph). A sentence-like quotation left over is a quote with no speaker; a short one
is a scare quote or a title, not a quote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.annotate.quote_context import Attribution, Context, trim
from newsgraph.annotate.quote_marks import QuotedSpan

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["from_lines", "from_marks"]

_CLAUSE_END = frozenset({".", "?", "!", ";"})
_DASHES = frozenset("—–―-")
_AFTER_WINDOW = 12  # tokens between a closing mark and its cue ("Rep. Elijah E. Cummings (D-Md.) said")
_NAME_WORDS = 5  # words a name after a dash may have
_LABEL_WORDS = 3  # words a name before a line's colon may have ("Pat Caddell: ...")
_LABEL_CHARS = 60  # how far into a line its "NAME:" label may reach
_MIN_UNATTRIBUTED_WORDS = 6  # an unattributed quotation shorter than this is a scare quote

# Parts of speech of a line's "NAME:" label: the tagger reads a capitalised name or source
# at a line's start as a noun as often as a name ("Sanders:", "Poll:").
_LABEL_POS = frozenset({"PROPN", "NOUN"})

# A cue found by position: its characters, and the speaker token or a name's characters.
_Found = tuple[tuple[int, int], "Token | tuple[int, int] | None"]


def from_marks(ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """Attributions for the quotations that `found` does not cover; parts of an attribution
    already in `found` (the second half of `"A," he said, "B."`) are added to it in place."""
    out: list[Attribution] = []
    by_cue = {f.cue: f for f in found if f.cue}
    previous: tuple[Attribution, int] | None = None  # the last attributed quotation, where its attribution ends
    for mark in ctx.marks:
        owner = next((f for f in found if _touches(f.parts, mark)), None)
        if owner is not None:
            previous = (owner, _tail(ctx, owner, mark))
            continue
        span = (mark.start, mark.end)
        attributed = _after(ctx, mark) or _before(ctx, mark) or _dash(ctx, mark)
        if attributed is not None:
            cue, speaker = attributed
            if cue in by_cue:
                by_cue[cue].parts.append(span)
            else:
                new = Attribution(cue, None, [span])
                if isinstance(speaker, tuple):
                    new.speaker_span = speaker
                else:
                    new.speaker = speaker
                by_cue[cue] = new
                out.append(new)
            previous = (by_cue[cue], _tail(ctx, by_cue[cue], mark))
        elif previous is not None and _continues(ctx.text, previous[1], mark):
            previous[0].parts.append(span)
            previous = (previous[0], mark.end)
        elif mark.double and _sentence_like(ctx.text, mark):
            out.append(Attribution(None, None, [span]))
            previous = None
    return out


def from_lines(ctx: Context) -> list[Attribution]:
    """Lines that open with a name and a colon: interview transcripts ("PENCE: ...") and
    headlines ("Pence: Flowers won't be at debate"). A report inside the line ("PENCE: She has
    no plans to ...") is the speaker's statement, and `_outermost` drops it for this one."""
    out = []
    text = ctx.text
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        colon = line.find(":", 0, _LABEL_CHARS)
        if colon <= 0:
            continue
        label = line[:colon].strip(' \t\xa0"“”')
        words = label.split()
        if not 0 < len(words) <= _LABEL_WORDS or not all(w[:1].isupper() for w in words):
            continue
        if label.lower() in ctx.lexicon.not_line_labels:
            continue
        label_start = start + line.index(label)
        name = ctx.doc.char_span(label_start, label_start + len(label), alignment_mode="expand")
        if not name or not (label.isupper() or all(t.pos_ in _LABEL_POS or t.is_punct for t in name)):
            continue
        body = trim(text, start + colon + 1, start + len(line))
        if body[1] - body[0] < 2:
            continue
        out.append(Attribution((start + colon, start + colon + 1), name[-1], [body]))
    return out


def _after(ctx: Context, mark: QuotedSpan) -> _Found | None:
    """`"...," said X` / `"...," X told reporters`: a cue verb in the words after the quotation."""
    first = ctx.token_at_or_after(mark.end)
    if first is None or "\n" in ctx.text[mark.end : first.idx]:
        return None
    if ctx.text[mark.end - 2 : mark.end - 1] == "." and not first.is_lower:
        return None  # the quotation ended its sentence: what follows is a new one
    for tok in ctx.doc[first.i : first.i + _AFTER_WINDOW]:
        if ctx.mark_of[tok.i] >= 0 or tok.text in _CLAUSE_END or "\n" in tok.text:
            return None
        if ctx.reports(tok):
            speaker = ctx.speaker(tok)
            if speaker is None or speaker.idx < mark.end:  # the parse put the subject in the quote
                speaker = _subject_after(tok, mark.end) or ctx.nearby_speaker(tok, mark.end)
            return (tok.idx, tok.idx + len(tok)), speaker
    return None


def _subject_after(verb: Token, char: int) -> Token | None:
    """The verb's subject after the quotation when the parse gave it a second one inside
    (`"One of the best," Rep. Jane Roe (D-Md.) said`)."""
    return next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass") and c.idx >= char), None)


def _before(ctx: Context, mark: QuotedSpan) -> _Found | None:
    """`X said: "..."` / `X said, "..."`: the last verb of the clause before the quotation."""
    i = mark.start
    while i > 0 and ctx.text[i - 1] in " \t\xa0\n":
        i -= 1
    if i == 0 or ctx.text[i - 1] not in ":,":
        return None
    last = ctx.token_before(i - 1)
    if last is None:
        return None
    for tok in reversed(ctx.doc[last.sent.start : last.i + 1]):
        if ctx.mark_of[tok.i] >= 0:
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            if not ctx.reports(tok):
                return None
            return (tok.idx, tok.idx + len(tok)), ctx.speaker(tok) or ctx.nearby_speaker(tok, 0)
    return None


def _dash(ctx: Context, mark: QuotedSpan) -> _Found | None:
    """`"..." ― Sonya Herridge`: a name after a dash closes the line."""
    text = ctx.text
    _, end = ctx.paragraph(mark.end)
    rest = text[mark.end : end].strip(" \t\xa0.")
    if not rest or rest[0] not in _DASHES:
        return None
    dash = text.index(rest[0], mark.end)
    name = rest[1:].strip(" \t\xa0")
    words = name.split()
    if not words or len(words) > _NAME_WORDS or not all(w[:1].isupper() for w in words if len(w) > 2):
        return None
    start = text.index(name, dash)
    return (dash, dash + 1), (start, start + len(name))


def _tail(ctx: Context, found: Attribution, mark: QuotedSpan) -> int:
    """Where the attribution of a quotation ends: the quotation, or the sentence of its cue
    when the cue follows it."""
    if found.cue is None or found.cue[0] < mark.start:
        return mark.end
    cue = ctx.token_at_or_after(found.cue[0])
    return max(mark.end, cue.sent.end_char) if cue is not None else mark.end


def _continues(text: str, previous_end: int, mark: QuotedSpan) -> bool:
    """Only space, and at most one paragraph break, since the previous attribution ended."""
    between = text[previous_end : mark.start]
    return not between.strip() and between.count("\n") <= 2


def _sentence_like(text: str, mark: QuotedSpan) -> bool:
    inner = text[mark.start + 1 : mark.end]
    return len(inner.split()) >= _MIN_UNATTRIBUTED_WORDS and inner.lstrip()[:1].isupper()


def _touches(spans: list[tuple[int, int]], mark: QuotedSpan) -> bool:
    return any(s < mark.end and mark.start < e for s, e in spans)
