"""Language: loaded terms and scare quotes in an outlet's own voice, apart from others' words.

A loaded word means something else in the reporter's sentence than in a quote: "European war
hawks push ..." is the outlet judging, "a war party", said by Peskov, is the outlet reporting a
judgement. So every hit is placed: inside a voice quote (`compare_voices.voice_quotes`) it is
attributed to that speaker, anywhere else in the body, or in the headline, it is the outlet's
own. A short phrase in quotation marks in the outlet's own voice, no speaker attached, is a scare
quote (“security guarantees”); a loaded word inside such marks is mentioned, not used, and
counts as the scare quote only. Inside a speaker's statement a short quoted phrase is the
speaker's own word, singled out ("quoted_words").

The lexicon is data, `stories/data/loaded_terms.json`, compiled into one regex per process: one
pass over each text, no per-token matching.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsgraph.patterns import trie_pattern
from newsgraph.stories.compare_input import ArticleInput
from newsgraph.stories.compare_model import TermUse, Tone
from newsgraph.stories.compare_text import WORD
from newsgraph.stories.compare_voices import VoiceQuote

__all__ = ["Lexicon", "TermEntry", "find_terms", "lexicon", "tone"]

# Quotation-mark pairs; a straight or curly single quote closes only before a non-word, so
# "Europe’s" is an apostrophe, not the end of a quote.
_QUOTED = re.compile(
    r"“(?P<a>[^“”\n]{1,80})”|\"(?P<b>[^\"\n]{1,80})\"|‘(?P<c>[^‘’\n]{1,60})’(?!\w)"
    r"|(?<!\w)'(?P<d>[^'\n]{1,60})'(?!\w)|«(?P<e>[^«»\n]{1,80})»"
)
# A scare quote is a phrase, not a statement: a few words, no sentence punctuation at its end.
_SCARE_MAX_WORDS = 4
_SCARE_MAX_CHARS = 40
_STATEMENT_END = re.compile(r"[.!?,;:]\s*$")
_SPACE = re.compile(r"[-\s]+")
_NEXT_WORD = re.compile(r"\s*(\w+)")
_SCARE_POLARITY = -1


@dataclass(frozen=True, slots=True)
class TermEntry:
    """One lexicon entry (see `loaded_terms.json` for the fields)."""

    term: str
    category: str
    polarity: int
    neutral: str | None
    unless_next: frozenset[str]
    unless_prev: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled lexicon: one alternation over every form, and the entry of each form."""

    pattern: re.Pattern[str]
    forms: dict[str, TermEntry]
    categories: dict[str, str]


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, compiled once per process."""
    raw = resources.files("newsgraph.stories").joinpath("data/loaded_terms.json").read_text("utf-8")
    return lexicon_from(json.loads(raw))


def lexicon_from(data: dict[str, Any]) -> Lexicon:
    """Compile a table in the shape of `loaded_terms.json` (tests pass their own)."""
    forms: dict[str, TermEntry] = {}
    for item in data["terms"]:
        entry = TermEntry(
            item["term"], item["category"], int(item.get("polarity", 0)), item.get("neutral"),
            frozenset(item.get("unless_next", ())), frozenset(item.get("unless_prev", ())),
        )  # fmt: skip
        spelled = [item["term"], *item.get("forms", ())]
        if item.get("plural"):
            spelled += [_plural(form) for form in spelled]
        for form in spelled:
            forms.setdefault(_key(form), entry)
    # One trie-shaped alternation (longest form first at each position, like a sorted list,
    # but an order of magnitude faster); words of a form may be joined by spaces or hyphens.
    body = trie_pattern(forms).replace(re.escape(" "), r"[-\s]+")
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    return Lexicon(pattern, forms, dict(data.get("categories", {})))


def find_terms(article: ArticleInput, voices: list[VoiceQuote]) -> tuple[list[TermUse], list[TermUse], int]:
    """The article's own-voice terms (headline and body), the terms attributed to speakers, and
    the number of own-voice words (for the tone)."""
    regions = _Regions(voices)
    own: list[TermUse] = []
    attributed: list[TermUse] = []
    if article.title:
        own += _scan(article, article.title, "headline", _Regions([]))[0]
    body_own, body_attributed = _scan(article, article.text, "body", regions)
    own += body_own
    attributed += body_attributed
    words = len(WORD.findall(article.title)) + regions.words_outside(article.text)
    return own, attributed, words


def tone(own: list[TermUse], words: int) -> Tone:
    """Loaded-term rate and mean polarity of an outlet's own voice."""
    loaded = len(own)
    rate = round(1000 * loaded / words, 2) if words else 0.0
    polarity = round(sum(t.polarity for t in own) / loaded, 2) if loaded else 0.0
    return Tone(words, loaded, rate, polarity)


class _Regions:
    """Voice-quote spans, searchable by offset: who (if anyone) a stretch of text belongs to."""

    __slots__ = ("_quotes", "_starts")

    def __init__(self, voices: list[VoiceQuote]) -> None:
        self._quotes = sorted(voices, key=lambda q: q.start)
        self._starts = [q.start for q in self._quotes]

    def words_outside(self, text: str) -> int:
        """Words of `text` whose middle lies in no voice quote: one merge pass, not a lookup a word."""
        spans: list[list[int]] = []
        for quote in self._quotes:
            if spans and quote.start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], quote.end)
            else:
                spans.append([quote.start, quote.end])
        count, k = 0, 0
        for match in WORD.finditer(text):
            middle = (match.start() + match.end()) // 2
            while k < len(spans) and spans[k][1] <= middle:
                k += 1
            if k == len(spans) or middle < spans[k][0]:
                count += 1
        return count

    def speaker(self, start: int, end: int) -> VoiceQuote | None:
        """The voice quote holding the middle of `start`..`end`, or None (the outlet's voice)."""
        middle = (start + end) // 2
        index = bisect.bisect_right(self._starts, middle) - 1
        # Quote spans may nest (a quote inside a quote): look back over the candidates.
        while index >= 0:
            quote = self._quotes[index]
            if quote.start <= middle < quote.end:
                return quote
            index -= 1
        return None


def _scan(article: ArticleInput, text: str, where: str, regions: _Regions) -> tuple[list[TermUse], list[TermUse]]:
    lex = lexicon()
    own: list[TermUse] = []
    attributed: list[TermUse] = []
    quoted = [(m.start(), m.end(), next(g for g in m.groups() if g is not None)) for m in _QUOTED.finditer(text)]
    scare = [(s, e, inner) for s, e, inner in quoted if _is_phrase(inner)]
    used_scare: set[int] = set()
    for match in lex.pattern.finditer(text):
        entry = lex.forms[_key(match.group())]
        if _ruled_out(text, match, entry):
            continue
        start, end = match.span()
        speaker = regions.speaker(start, end)
        inside = next((i for i, (s, e, _) in enumerate(scare) if s < start and end < e), None)
        if speaker is None and inside is not None:
            continue  # mentioned in scare quotes, not used: reported as the scare quote
        if inside is not None:
            used_scare.add(inside)
        if speaker is None and entry.category == "distancing":
            after = next((i for i, (s, _, _) in enumerate(scare) if text[end:s].isspace()), None)
            if after is not None:
                used_scare.add(after)
                end = scare[after][1]
        use = _use(article, text, where, start, end, entry.term, entry.category, entry.polarity, speaker)
        (own if speaker is None else attributed).append(use)
    for index, (start, end, _inner) in enumerate(scare):
        if index in used_scare:
            continue
        speaker = regions.speaker(start, end)
        category = "scare_quote" if speaker is None else "quoted_words"
        use = _use(article, text, where, start, end, category.replace("_", " "), category, _SCARE_POLARITY, speaker)
        (own if speaker is None else attributed).append(use)
    own.sort(key=lambda t: t.start)
    attributed.sort(key=lambda t: t.start)
    return own, attributed


def _use(
    article: ArticleInput, text: str, where: str, start: int, end: int, term: str, category: str, polarity: int,
    speaker: VoiceQuote | None,
) -> TermUse:  # fmt: skip
    if where == "body":
        left, right = article.sentences.around(start, end)
        context = text[left:right]
    else:
        context = text
    return TermUse(
        text[start:end], term, category, polarity, article.id, where, start, end,
        speaker.name if speaker else None, context,
    )  # fmt: skip


def _is_phrase(inner: str) -> bool:
    stripped = inner.strip()
    return (
        bool(stripped)
        and len(stripped) <= _SCARE_MAX_CHARS
        and len(WORD.findall(stripped)) <= _SCARE_MAX_WORDS
        and not _STATEMENT_END.search(stripped)
    )


def _ruled_out(text: str, match: re.Match[str], entry: TermEntry) -> bool:
    if entry.unless_next:
        following = _NEXT_WORD.match(text, match.end())
        if following and following.group(1).lower() in entry.unless_next:
            return True
    if entry.unless_prev:
        before = WORD.findall(text[max(0, match.start() - 40) : match.start()])
        if before and before[-1].lower() in entry.unless_prev:
            return True
    return False


def _key(form: str) -> str:
    return _SPACE.sub(" ", form.lower()).strip()


def _plural(form: str) -> str:
    return form + ("es" if form.endswith(("s", "sh", "ch", "x", "z")) else "s")
