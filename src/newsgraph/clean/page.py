"""Clean a whole-page text dump into the article body.

The order of work, each step a function below:
1. split the dump into lines with raw offsets (`lines.split_lines`);
2. score every line with the shipped line model, which also reports furniture rules;
3. drop lines that a rule names as furniture beyond doubt, whatever the model says;
4. keep one copy of repeated content: a lede that repeats the body (whole or with its
   sentences glued together), a caption printed three times;
5. join the kept lines into the clean text, repairing glued sentences, and record where
   each piece came from (offset map) and every removed line with its reason.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from newsgraph.clean.charclass import WORD, char_flags, code_points, from_code_points
from newsgraph.clean.lines import Line, split_lines
from newsgraph.clean.model import LineModel, load_model
from newsgraph.config import Config
from newsgraph.records import OffsetSegment, Removed

__all__ = ["CleanPage", "Segmentation", "assemble", "clean_page", "first_line_title", "segment", "whole_text"]

# Rules whose lines never belong to a body: interface strings, consent banners, notices
# about the page itself, captions, "Read more" links. Bylines are left to the model, as
# some sites print them inside the article (removing captions too raised dev CV F1).
_ALWAYS_REMOVE = frozenset(
    {"ui", "translation_notice", "cookie_banner", "wire_credit", "share", "subscribe", "copyright", "timestamp",
     "related", "caption"}
)
_MIN_RUN_CHARS = 200
_NEAR_COPIES = 3
# Furniture that closes an article when it comes after this share of the article's text.
_ARTICLE_END = frozenset({"subscribe", "copyright", "about_box"})
_END_SHARE = 0.6
_SURE_BODY = 0.8
_MAX_INTERRUPTION = 25
_BLURB_SHARE = 0.25
_TITLE_SUFFIX = re.compile(r"\s+(?:[-–—|:•·]|::)\s+[^-–—|]{2,60}$")
# "nowhere.In essence": the match ends where the space goes. It starts at the punctuation,
# which the regex engine scans for, rather than with a lookbehind tried at every position.
_GLUED = re.compile(r"[.!?](?<=[a-z]{2}[.!?])[\"”’]?(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Per-line decisions: `reasons[i]` is None for a kept line, else why it was removed."""

    lines: tuple[Line, ...]
    scores: tuple[float, ...]
    rules: tuple[str | None, ...]
    reasons: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class CleanPage:
    """The clean body with its offset map, removed spans, and the segmentation behind it."""

    text: str
    removed: tuple[Removed, ...]
    offset_map: tuple[OffsetSegment, ...]
    segmentation: Segmentation


def first_line_title(lines: list[Line] | tuple[Line, ...]) -> str | None:
    """The first line of a dump with any ' - Outlet' suffix cut: usually the HTML <title>."""
    if not lines:
        return None
    return _TITLE_SUFFIX.sub("", lines[0].text) or lines[0].text


def segment(raw: str, config: Config, model: LineModel | None = None, title_hint: str | None = None) -> Segmentation:
    """Decide, for every non-blank line of `raw`, whether it is body and if not why."""
    lines = split_lines(raw)
    model = model or load_model()
    scored = model.score(lines, title_hint or first_line_title(lines))
    scores, rules = scored.scores, scored.rules
    reasons: list[str | None] = []
    for score, rule in zip(scores, rules, strict=True):
        if rule in _ALWAYS_REMOVE:
            reasons.append(rule)
        elif score < config.body_threshold:
            reasons.append(rule or "")
        else:
            reasons.append(None)
    _keep_main_run(lines, reasons, scores, rules, scored.headline, config.max_body_gap, config.fill_threshold)
    _drop_repeats(lines, reasons)
    _name_positions(lines, reasons)
    return Segmentation(tuple(lines), tuple(scores), tuple(rules), tuple(reasons))


def _keep_main_run(
    lines: list[Line],
    reasons: list[str | None],
    scores: list[float],
    rules: list[str | None],
    head: int,
    max_gap: int,
    fill_threshold: float,
) -> None:
    """Keep only the article's run of kept lines; the others are teasers or comments.

    Kept lines at most `max_gap` lines apart form a run. A page has one article, so prose
    far from it (summaries of other articles, reader comments) goes, however texty. The
    article is the first substantial run after the in-page headline (`head`), or without
    one the run with the most text.
    """
    runs = _clusters([i for i, reason in enumerate(reasons) if reason is None], max_gap)
    if not runs:
        return

    def size(run: list[int]) -> int:
        return sum(lines[i].end - lines[i].start for i in run)

    after_head = [run for run in runs if run[-1] > head and size(run) >= _MIN_RUN_CHARS] if head >= 0 else []
    main = after_head[0] if after_head else max(runs, key=size)
    main = _continuation(runs, main, scores, reasons)
    for run in runs:
        if run is not main:
            for i in run:
                reasons[i] = "related_teaser" if i > main[-1] else ""
    main = _cut_at_article_end(reasons, scores, rules, main, size)
    # Inside the article's run, headings, list items and short paragraphs score low on
    # their own; keep them unless a rule names them as furniture.
    for i in range(main[0] + 1, main[-1]):
        if reasons[i] == "" and scores[i] >= fill_threshold:
            reasons[i] = None
    # The lead paragraph right under the headline and byline often scores low, its
    # neighbours being furniture: the run grows over adjacent sentences of prose.
    i = main[0] - 1
    while i > head and reasons[i] == "" and scores[i] >= fill_threshold and _is_prose(lines[i].text):
        reasons[i] = None
        i -= 1


def _continuation(runs: list[list[int]], main: list[int], scores: list[float], reasons: list[str | None]) -> list[int]:
    """The article's run, joined with the runs after it that continue the story.

    A "Most read" box or a gallery can split an article: the next run, close by and made of
    lines the model is sure are body, is the rest of the article, not a teaser block. The
    lines of the box between them stay out, as boilerplate.
    """
    k = next(i for i, run in enumerate(runs) if run is main)
    while k + 1 < len(runs):
        nxt = runs[k + 1]
        sure = sum(scores[i] for i in nxt) / len(nxt)
        if nxt[0] - main[-1] > _MAX_INTERRUPTION or len(nxt) < 3 or sure < _SURE_BODY:
            break
        for i in range(main[-1] + 1, nxt[0]):
            if reasons[i] == "":
                reasons[i] = "boilerplate"
        main = main + nxt
        runs[k : k + 2] = [main]
    return main


def _cut_at_article_end(
    reasons: list[str | None], scores: list[float], rules: list[str | None], run: list[int], size
) -> list[int]:
    """The run up to the first end-of-article marker that follows most of its text.

    A subscribe box, a copyright line or an "About the author" heading after the bulk of the
    article ends it: what follows inside the same run (newsletter confirmations, "About us"
    blurbs, citation notes) belongs to the page, not the story, unless the model is sure some
    of it is body, as when a newsletter box sits between two paragraphs. Share bars and "Read more" links sit inside
    articles too often on the dev split to end one.
    """
    total = size(run)
    for i in range(run[0] + 1, run[-1]):
        if rules[i] in _ARTICLE_END:
            before = [j for j in run if j < i]
            after = [j for j in run if j > i]
            # Body text the model is sure of after the marker means the box sat inside it; an
            # "About the author" heading ends the article when only a blurb's length follows.
            ends = max(scores[j] for j in after) < _SURE_BODY or (
                rules[i] == "about_box" and size(after) <= _BLURB_SHARE * total
            )
            if size(before) >= _END_SHARE * total and ends:
                reasons[i] = rules[i]
                for j in run:
                    if j > i:
                        reasons[j] = "footer"
                return before
    return run


def _is_prose(text: str) -> bool:
    """A sentence of running text: a dozen words or more, ending like a sentence."""
    return len(text.split()) >= 12 and text.rstrip("\"”’»)").endswith((".", "!", "?"))


def _squash_lines(texts: list[str]) -> list[str]:
    """Each text without its `\\W` characters, case-folded: what `re.sub(r"\\W+", "", t).casefold()` gives.

    A regex substitution per line cost more than the rest of the repeat search. One pass over
    the texts joined by "\\n" (none holds one: they are lines) keeps the word characters by
    their code points' flags, which are `\\w`'s, and case-folds once: folding maps every
    character on its own, so folding the join is joining the folds.
    """
    if not texts:
        return []
    codes = code_points("\n".join(texts))
    kept = codes[((char_flags(codes) & WORD) > 0) | (codes == ord("\n"))]
    return from_code_points(kept).casefold().split("\n")


def _drop_repeats(lines: list[Line], reasons: list[str | None]) -> None:
    """Keep one copy of repeated content among kept lines.

    A kept line that contains two or more other kept lines is a lede that runs the body's
    sentences together: it goes. Of lines repeated word for word, the copy with most kept
    neighbours stays, since the body is a run and a teaser copy stands apart. When a lede
    copy precedes the body, what lies between the two copies is headline furniture
    (the title, a caption): the body starts where the repeat starts.
    """
    kept = [i for i, r in enumerate(reasons) if r is None]
    # Lines no rule named may be a lede copy too, whether the model kept them or not.
    candidates = [i for i, r in enumerate(reasons) if r in (None, "")]
    # Squashing only shortens a line, so a line too short to be a lede copy or a kept line
    # is never looked at again.
    looked_at = [i for i in candidates if reasons[i] is None or len(lines[i].text) >= 60]
    squashed = dict(zip(looked_at, _squash_lines([lines[i].text for i in looked_at]), strict=True))
    first_removed_copy: int | None = None
    first_twin: int | None = None
    long_kept = [j for j in kept if len(squashed[j]) >= 30]
    # A line under 60 squashed characters is too short to hold two body lines.
    hosts = [i for i, text in squashed.items() if len(text) >= 60]
    for i, inner in _inside(squashed, hosts, long_kept).items():
        if len(inner) >= 2:
            reasons[i] = "duplicate_lede"
            if first_removed_copy is None and min(inner) > i:
                first_removed_copy, first_twin = i, min(inner)

    groups: dict[str, list[int]] = {}
    for i in kept:
        if reasons[i] is None and len(squashed[i]) >= 20:
            groups.setdefault(squashed[i], []).append(i)
    for copies in groups.values():
        prose = _is_prose(lines[copies[0]].text)
        # A short line repeated far apart inside the body ("Portion Fix Containers: 1 Green"
        # in a recipe list) is list content; only copies next to each other (an embed's
        # caption printed twice, a teaser title over its own link) are repeats.
        for near in [copies] if prose else _clusters(copies, _NEAR_COPIES):
            if len(near) < 2:
                continue
            best = max(near, key=lambda i, c=near: (_support(reasons, i, c), i))
            for i in near:
                if i != best:
                    reasons[i] = "duplicate_lede" if i < best else "duplicate"
                    if prose and i < best and (first_removed_copy is None or i < first_removed_copy):
                        first_removed_copy, first_twin = i, best

    if first_removed_copy is not None and first_twin is not None:
        for i in range(first_removed_copy + 1, first_twin):
            if reasons[i] is None and squashed.get(i, "") not in squashed[first_removed_copy]:
                reasons[i] = "caption"


def _inside(squashed: dict[int, str], hosts: list[int], needles: list[int]) -> dict[int, list[int]]:
    """For each host line that holds other lines, those of `needles` it holds without being equal to them.

    Hosts in line order; needles, non-empty, in their order. Testing every host against every
    needle cost a Python comparison per pair; instead each needle is searched for in the hosts
    joined by "\\n", which no squashed line holds, so a hit lies inside the host it starts in.
    """
    hay = "\n".join([squashed[i] for i in hosts])
    starts = list(itertools.accumulate((len(squashed[i]) + 1 for i in hosts[:-1]), initial=0))
    found: dict[int, list[int]] = {}
    for j in needles:
        needle = squashed[j]
        at = hay.find(needle)
        while at >= 0:
            k = bisect.bisect_right(starts, at) - 1
            if hosts[k] != j and squashed[hosts[k]] != needle:
                found.setdefault(hosts[k], []).append(j)
            at = hay.find(needle, starts[k + 1]) if k + 1 < len(starts) else -1
    return dict(sorted(found.items()))


def _clusters(indices: list[int], gap: int) -> list[list[int]]:
    """Sorted `indices` cut into runs whose neighbours are at most `gap` apart."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i - runs[-1][-1] <= gap:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _support(reasons: list[str | None], i: int, copies: list[int]) -> int:
    """How many of the two lines either side of copy `i` are kept body, other copies aside."""
    return sum(1 for j in (i - 2, i - 1, i + 1, i + 2)
               if 0 <= j < len(reasons) and reasons[j] is None and j not in copies)


def _name_positions(lines: list[Line], reasons: list[str | None]) -> None:
    """Give removed lines that no rule named a reason from where they stand."""
    kept = [i for i, r in enumerate(reasons) if r is None]
    first, last = (kept[0], kept[-1]) if kept else (len(lines), -1)
    for i, reason in enumerate(reasons):
        if reason != "":
            continue
        words = len(lines[i].text.split())
        if i < first:
            reasons[i] = "navigation" if words <= 6 else "header"
        elif i > last:
            reasons[i] = "related_teaser" if 3 <= words <= 25 and not lines[i].text.endswith(".") else "footer"
        else:
            reasons[i] = "boilerplate"


def assemble(seg: Segmentation, repair: bool = True) -> CleanPage:
    """Join kept lines into the clean text; map every copied character back to `raw`."""
    parts: list[str] = []
    segments: list[OffsetSegment] = []
    removed: list[Removed] = []
    pos = 0
    previous: int | None = None
    for i, (line, reason) in enumerate(zip(seg.lines, seg.reasons, strict=True)):
        if reason is not None:
            removed.append(Removed(line.start, line.end, line.text, reason))
            continue
        if previous is not None:
            sep = "\n\n" if line.gap_before or i - previous > 1 else "\n"
            parts.append(sep)
            pos += len(sep)
        previous = i
        cuts = [m.end() for m in _GLUED.finditer(line.text)] if repair else []
        begin = 0
        for cut in [*cuts, len(line.text)]:
            piece = line.text[begin:cut]
            segments.append(OffsetSegment(pos, line.start + begin, len(piece)))
            parts.append(piece)
            pos += len(piece)
            if cut < len(line.text):
                parts.append(" ")
                pos += 1
            begin = cut
    return CleanPage("".join(parts), tuple(removed), tuple(segments), seg)


def clean_page(raw: str, config: Config, model: LineModel | None = None, title_hint: str | None = None) -> CleanPage:
    """The article body of a whole-page text dump, with everything removed and why."""
    return assemble(segment(raw, config, model, title_hint), config.repair_glued_sentences)


def whole_text(text: str) -> CleanPage:
    """A text taken as the body as it is (kind `article`): offsets are the input's exactly."""
    lines = split_lines(text)
    seg = Segmentation(tuple(lines), tuple(1.0 for _ in lines), tuple(None for _ in lines), tuple(None for _ in lines))
    return CleanPage(text, (), (OffsetSegment(0, 0, len(text)),) if text else (), seg)
