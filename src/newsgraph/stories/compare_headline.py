"""Headline against body: what the headline claims that the article's body does not support.

A headline may only condense its body. A number, a named entity or a loaded word in the
headline that the body never has is a claim only the headline makes; a content word the body
lacks is weaker evidence, listed as a plain `word`. Names are matched through their canonical
entity, so "UK" in the headline is supported by "Britain" in the body; the headline is not
parsed, its names are looked up in the names the story's articles use and in the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsgraph.annotate.gazetteer import Gazetteer, load_gazetteer
from newsgraph.stories.compare_input import ArticleInput
from newsgraph.stories.compare_model import HeadlineCheck, HeadlineClaim, TermUse
from newsgraph.stories.compare_text import WORD, content_words, is_content_word, stem

__all__ = ["check_headline", "entity_names"]

# Words that share this many first letters count as one ("defense"/"defending").
_PREFIX = 5
_MAX_NAME_WORDS = 3
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(rf"{_DIGITS.pattern}|{WORD.pattern}")


def entity_names(articles: list[ArticleInput]) -> dict[str, str]:
    """Every entity mention in the group, lowercased, to its canonical name: how headlines'
    names are recognised."""
    names: dict[str, str] = {}
    for article in articles:
        for entity in article.entities:
            text, canonical = entity.get("text"), entity.get("canonical")
            if isinstance(text, str) and isinstance(canonical, str) and text.strip():
                names.setdefault(_name_key(text), canonical)
    return names


def check_headline(article: ArticleInput, headline_terms: list[TermUse], body_terms: list[TermUse],
                   names: dict[str, str]) -> HeadlineCheck:  # fmt: skip
    """What of `article.title` its body supports, and the claims it does not."""
    title = article.title
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(title)]
    body_words = content_words(article.text)
    prefixes = {w[:_PREFIX] for w in body_words if len(w) >= _PREFIX}
    known = _body_names(article)
    claims: list[HeadlineClaim] = []
    covered: set[int] = set()

    body_numbers = {n.replace(",", "") for n in _DIGITS.findall(article.text)}
    for quantity in article.quantities:
        value = quantity.get("value")
        if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 1e18:
            body_numbers.add(f"{value:g}" if value != int(value) else str(int(value)))
    for index, (token, _, _) in enumerate(tokens):
        if _DIGITS.fullmatch(token):
            covered.add(index)
            if token.replace(",", "") not in body_numbers:
                claims.append(HeadlineClaim("number", token))

    for first, last, canonical in _names(title, tokens, names):
        covered.update(range(first, last))
        if canonical.lower() not in known:
            claims.append(HeadlineClaim("entity", title[tokens[first][1] : tokens[last - 1][2]]))

    body_term_names = {t.term for t in body_terms}
    for term in headline_terms:
        covered.update(i for i, (_, start, end) in enumerate(tokens) if term.start <= start and end <= term.end)
        if term.category in ("scare_quote", "quoted_words"):
            inner = content_words(term.text)
            if inner and not inner <= body_words:
                claims.append(HeadlineClaim("loaded_term", term.text))
        elif term.term not in body_term_names:
            claims.append(HeadlineClaim("loaded_term", term.text))

    total = supported = 0
    for index, (token, _, _) in enumerate(tokens):
        if not is_content_word(token):
            continue
        total += 1
        word = stem(token)
        if (
            word in body_words
            or (len(word) >= _PREFIX and word[:_PREFIX] in prefixes)
            or (index in covered and not _claimed(token, claims))
        ):
            supported += 1
        elif index not in covered:
            claims.append(HeadlineClaim("word", token))
    support = round(supported / total, 2) if total else 1.0
    return HeadlineCheck(article.id, title, support, tuple(claims))


def _claimed(token: str, claims: list[HeadlineClaim]) -> bool:
    return any(token in claim.text for claim in claims if claim.kind != "word")


def _body_names(article: ArticleInput) -> set[str]:
    """Canonical names, countries and surface forms the body mentions, lowercased."""
    known: set[str] = set()
    for entity in article.entities:
        for key in ("canonical", "country", "text"):
            value = entity.get(key)
            if isinstance(value, str):
                known.add(value.lower())
    return known


def _names(title: str, tokens: list[tuple[str, int, int]], names: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Capitalised names in the headline (longest first, left to right) with their canonical
    name: the story's own entity names first, then the gazetteer."""
    gazetteer = load_gazetteer()
    found = []
    index = 0
    while index < len(tokens):
        match = None
        if tokens[index][0][:1].isupper():
            for size in range(min(_MAX_NAME_WORDS, len(tokens) - index), 0, -1):
                span = title[tokens[index][1] : tokens[index + size - 1][2]]
                canonical = _lookup(span, names, gazetteer)
                if canonical:
                    match = (index, index + size, canonical)
                    break
        if match:
            found.append(match)
            index = match[1]
        else:
            index += 1
    return found


def _lookup(span: str, names: Mapping[str, str], gazetteer: Gazetteer) -> str | None:
    key = _name_key(span)
    if key in names:
        return names[key]
    plain = re.sub(r"['’]s$", "", span)
    entry = gazetteer.lookup(plain)
    if entry is not None:
        return entry.canonical
    person = gazetteer.known_person(plain) or (gazetteer.person_by_surname(plain) if " " not in plain else None)
    return person.name if person else None


def _name_key(text: str) -> str:
    return re.sub(r"['’]s$", "", " ".join(text.split())).lower()
