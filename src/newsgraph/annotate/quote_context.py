"""What the quote passes share about one document: its text, its quotations, and span helpers.

The parser's subtrees split quotations, so every content span is grown to whole quotations
here, in one place. Sentences no longer run over paragraph breaks (`nlp.py`'s
`newsgraph_paragraphs` starts one at each line break), so cutting content at the cue's
paragraph is a safeguard, for a doc parsed without that component.
`doc.text` is read once: spaCy rebuilds it from the tokens on every access.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.annotate.quote_cues import CueLexicon
from newsgraph.annotate.quote_marks import QuotedSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Attribution", "Context", "opens_with_that", "speaker_token", "trim"]

_SUBJECTS = frozenset({"nsubj", "csubj"})
# Relations through which a cue verb with no subject of its own borrows its head's subject:
# "X spoke, saying ...", "X declined to comment", "X stressed A and added B".
_CLIMB = frozenset({"conj", "xcomp", "advcl", "acl", "pcomp", "relcl"})
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
_TRIM_LEFT = frozenset(" \t\n\xa0,;:—–-―")
_TRIM_RIGHT = frozenset(" \t\n\xa0,.;:—–-―")
_REPORT_CLASSES = frozenset({"speech", "belief"})
_ASIDE_MARKS = frozenset({"although", "though", "while", "whereas"})
# Relative words opening a non-restrictive clause after a comma.
_LOOSE_RELATIVES = frozenset({"which", "who"})


@dataclass(slots=True)
class Attribution:
    """One reported statement as the passes find it: the cue's characters, the token heading
    the speaker mention (or the characters of a name read off the text, as after a dash), and
    the content parts."""

    cue: tuple[int, int] | None
    speaker: Token | None
    parts: list[tuple[int, int]] = field(default_factory=list)
    speaker_span: tuple[int, int] | None = None


class Context:
    """One document: `mark_of[i]` is the quotation token `i` lies inside, or -1."""

    def __init__(self, doc: Doc, text: str, marks: list[QuotedSpan], lexicon: CueLexicon) -> None:
        self.doc = doc
        self.text = text
        self.marks = marks
        self.lexicon = lexicon
        self.mark_of = _token_marks(doc, marks)

    def reports(self, tok: Token) -> bool:
        """A verb of speech or belief."""
        return tok.pos_ == "VERB" and bool(self.lexicon.classes(tok.lemma_) & _REPORT_CLASSES)

    def parts(self, heads: list[Token], cue: Token, exclude: Token | None = None) -> list[tuple[int, int]]:
        """Character spans of the subtrees of `heads`, split around the cue (and `exclude`'s
        subtree), kept to the cue's paragraph, trimmed of edge punctuation, grown to whole
        quotations. A statement of its own inside them ("..., arguing that ...", "... and
        said ...") is left out."""
        doc = self.doc
        tokens: set[int] = set()
        for head in heads:
            tokens.update(range(head.left_edge.i, head.right_edge.i + 1))
        if exclude is not None:
            tokens.difference_update(range(exclude.left_edge.i, exclude.right_edge.i + 1))
        for i in sorted(tokens):
            if i in tokens and i > cue.i and self.mark_of[i] < 0 and self._set_apart(doc[i]):
                tokens.difference_update(range(doc[i].left_edge.i, doc[i].right_edge.i + 1))
        tokens.discard(cue.i)
        first, last = self.paragraph(cue.idx)
        runs: list[list[int]] = []
        for i in sorted(tokens):
            if not first <= doc[i].idx < last:
                continue
            if runs and i == runs[-1][-1] + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        out: list[tuple[int, int]] = []
        for run in runs:
            run = _without_trailing_conjunction(doc, _without_lead_adverb(doc, run))
            if not run:
                continue
            end_tok = doc[run[-1]]
            start, end = self.grow(trim(self.text, doc[run[0]].idx, end_tok.idx + len(end_tok)))
            if end - start <= 1:
                continue
            if out and start <= out[-1][1]:  # runs that grew into one quotation
                out[-1] = (out[-1][0], max(end, out[-1][1]))
            else:
                out.append((start, end))
        return out

    def _set_apart(self, tok: Token) -> bool:
        """A clause that is no part of the reported content though the parse hangs it there: a
        statement of its own ("..., arguing that ...", "... and said ...") or the writer's
        aside ("..., although he refused to ...", "..., which ...", "..., engaging in ...";
        on the dev split +0.003 F1@0.3 and +0.010 F1@0.8)."""
        before = self.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
        if before is None:
            return False
        after_comma = before.text in (",", ";", "—", "–", "--")
        if tok.dep_ == "advcl" and after_comma and _ASIDE_MARKS & {c.lower_ for c in tok.children if c.dep_ == "mark"}:
            return True  # "..., although he refused": the writer's aside, not the report
        if after_comma and tok.dep_ == "relcl" and tok.doc[tok.left_edge.i].lower_ in _LOOSE_RELATIVES:
            return True  # "..., which makes him an outlier": the writer's gloss on a name in the report
        if after_comma and tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.left_edge.i == tok.i:
            return True  # "..., engaging in what analysts called ...": the writer's comment on the report
        if tok.dep_ not in ("advcl", "conj") or not self.reports(tok):
            return False
        if tok.dep_ == "conj" and opens_with_that(tok):
            return False  # "... but that it would add ...": a second clause of the same report
        return after_comma or before.dep_ == "cc"

    def grow(self, span: tuple[int, int]) -> tuple[int, int]:
        """`span` widened to every quotation it touches."""
        start, end = span
        for mark in self.marks:
            if mark.start >= end:
                break
            if mark.end > start:
                start, end = min(start, mark.start), max(end, mark.end)
        return start, end

    def paragraph(self, char: int) -> tuple[int, int]:
        """The bounds of the line holding `char`."""
        end = self.text.find("\n", char)
        return self.text.rfind("\n", 0, char) + 1, len(self.text) if end < 0 else end

    def speaker(self, cue: Token) -> Token | None:
        """The speaker token of a cue verb, if the parse found it in the same paragraph."""
        token = speaker_token(self._outer_report(cue) or cue)
        if token is None:
            return None
        first, last = self.paragraph(cue.idx)
        return token if first <= token.idx < last else None

    def _outer_report(self, cue: Token) -> Token | None:
        """The reporting verb whose speaker a subject-less cue shares when the parse hung the cue
        on the reported clause instead of on the report: in "X said he would order a review and
        warned against ...", or "X said he doubted it, arguing that ...", X warns and argues."""
        if cue.dep_ not in ("conj", "advcl") or not self.reports(cue):
            return None
        if any(c.dep_ in _SUBJECTS or c.dep_ == "nsubjpass" for c in cue.children):
            return None
        clause = cue.head
        if clause.dep_ != "ccomp" or clause.head.i == clause.i or not self.reports(clause.head):
            return None
        return clause.head

    def nearby_speaker(self, verb: Token, after: int) -> Token | None:
        """The noun next to a cue verb when the parse gave it no subject of its own: the one
        just before it ("Chief Chuck Jordan said") or just after it ("said Mr. Burman")."""
        doc = self.doc
        j = verb.i - 1
        while j >= 0 and doc[j].pos_ in ("ADV", "AUX", "PART"):
            j -= 1
        if j >= 0 and doc[j].idx >= after and doc[j].pos_ in _NOMINAL:
            return doc[j]
        for k in range(verb.i + 1, min(verb.i + 4, len(doc))):
            if doc[k].pos_ in _NOMINAL:
                while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
                    k += 1
                return doc[k]
            if doc[k].pos_ not in ("DET", "ADJ", "ADV"):
                break
        return None

    def quoted(self, tok: Token) -> bool:
        """True when some of `tok`'s subtree lies inside a quotation."""
        return any(self.mark_of[i] >= 0 for i in range(tok.left_edge.i, tok.right_edge.i + 1))

    def has_verb(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    def token_at_or_after(self, char: int) -> Token | None:
        for tok in self.doc[self._index(char) :]:
            if tok.idx >= char and not tok.is_space:
                return tok
        return None

    def token_before(self, char: int) -> Token | None:
        """The last word (not punctuation) starting before `char`."""
        i = self._index(char)
        while i >= 0:
            tok = self.doc[i]
            if tok.idx < char and not tok.is_punct and not tok.is_space:
                return tok
            i -= 1
        return None

    def _index(self, char: int) -> int:
        """The index of the token at or just before character `char` (binary search)."""
        lo, hi = 0, len(self.doc) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.doc[mid].idx <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo


def speaker_token(verb: Token) -> Token | None:
    """The subject of a cue verb, or of the verb it hangs from when it has none; the agent of a
    passive ("reported by X"). None for an expletive ("it was reported") or a bare passive."""
    node = verb
    for _ in range(4):
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        subject = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return None if subject.dep_ == "expl" or subject.lower_ == "there" else subject
        if any(c.dep_ == "nsubjpass" for c in node.children):
            return None
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "ADP" and node.head.i != node.i:  # "by saying", "after saying"
            node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("dobj", "pobj", "attr") and node.head.i != node.i:
            node = node.head.head if node.dep_ == "pobj" else node.head  # "tweets saying": the tweeter
    return None


def opens_with_that(clause: Token) -> bool:
    """A clause opened by "that" as a conjunction ("said [that he would go]"), which is how
    reported content starts; a relative "that" stands for a noun instead and is no mark."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.lefts)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` without the spaces and punctuation at its edges."""
    while start < end and text[start] in _TRIM_LEFT:
        start += 1
    while end > start and text[end - 1] in _TRIM_RIGHT:
        end -= 1
    return start, end


def _token_marks(doc: Doc, marks: list[QuotedSpan]) -> list[int]:
    """For each token, the index of the quotation it lies inside, or -1 (one merged pass)."""
    out = [-1] * len(doc)
    m = 0
    for tok in doc:
        while m < len(marks) and marks[m].end <= tok.idx:
            m += 1
        if m < len(marks) and marks[m].start < tok.idx and tok.idx + len(tok) < marks[m].end:
            out[tok.i] = m
    return out


def _without_lead_adverb(doc: Doc, run: list[int]) -> list[int]:
    """A run without the sentence adverb opening it ("Meanwhile, ...", "However, ..."): it
    links the report to the story, it is not part of what was said."""
    if len(run) > 2 and doc[run[0]].dep_ == "advmod" and doc[run[1]].text == ",":
        return run[2:]
    return run


def _without_trailing_conjunction(doc: Doc, run: list[int]) -> list[int]:
    """A run without the conjunction closing it ("A and [said B]" once the second report is
    set apart): it joined the content to what was cut off (one of PolNeAR's 2,192 dev spans ends on one)."""
    while run and doc[run[-1]].dep_ == "cc":
        run = run[:-1]
    return run
