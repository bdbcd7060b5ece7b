"""The outlet comparison: one story's coverage side by side, claim by claim (issue 5).

`compare_story(records)` takes article records of the JSONL contract (docs/format.md), those of
one story or of several to compare across, and says for each outlet which facts it shares with
all, some or no other outlet, where outlets contradict each other, whom it lets speak, which
loaded words it uses in its own voice (apart from those it quotes), and what its headline
claims that its body does not. `comparison_table` renders it for the terminal.

Every part is its own module (`compare_facts`, `compare_voices`, `compare_language`,
`compare_headline`); this one only groups the articles by outlet and assembles the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newsgraph.stories.compare_facts import align_facts
from newsgraph.stories.compare_headline import check_headline, entity_names
from newsgraph.stories.compare_input import ArticleInput, read_articles
from newsgraph.stories.compare_language import find_terms, tone
from newsgraph.stories.compare_model import Comparison, Fact, OutletReport, TermUse
from newsgraph.stories.compare_table import comparison_table
from newsgraph.stories.compare_voices import voice_groups, voice_quotes

__all__ = ["Comparison", "compare_story", "comparison_table"]


def compare_story(records: Iterable[Mapping[str, Any]]) -> Comparison:
    """Compare the outlets of a group of article records (error records are skipped).

    Outlets keep the order of their first article; an article without an outlet stands for an
    outlet of its own ("unknown (<id>)"), since two unknown sources may be anyone.
    """
    articles = read_articles(list(records))
    by_outlet: dict[str, list[ArticleInput]] = {}
    for article in articles:
        by_outlet.setdefault(article.outlet, []).append(article)
    facts, contradictions = align_facts(articles)
    names = entity_names(articles)
    reports = tuple(
        _report(outlet, group, facts, [c.id for c in contradictions if outlet in {x.outlet for x in c.claims}], names)
        for outlet, group in by_outlet.items()
    )
    return Comparison(tuple(by_outlet), facts, contradictions, reports)


def _report(outlet: str, articles: list[ArticleInput], facts: tuple[Fact, ...], contradictions: list[str],
            names: dict[str, str]) -> OutletReport:  # fmt: skip
    mine = [f for f in facts if outlet in f.outlets]
    voiced = []
    own: list[TermUse] = []
    attributed: list[TermUse] = []
    words = 0
    headlines = []
    for article in articles:
        quotes = voice_quotes(article)
        voiced.append((article, quotes))
        article_own, article_attributed, article_words = find_terms(article, quotes)
        own += article_own
        attributed += article_attributed
        words += article_words
        if article.title:
            headline = [t for t in article_own if t.where == "headline"]
            body = [t for t in article_own + article_attributed if t.where == "body"]
            headlines.append(check_headline(article, headline, body, names))
    return OutletReport(
        outlet=outlet,
        article_ids=tuple(a.id for a in articles),
        titles=tuple(a.title for a in articles if a.title),
        shared_by_all=tuple(f.id for f in mine if f.coverage == "all"),
        shared_by_some=tuple(f.id for f in mine if f.coverage == "some"),
        only_here=tuple(f.id for f in mine if f.coverage == "only"),
        contradictions=tuple(contradictions),
        voices=voice_groups(voiced),
        own_voice=tuple(own),
        attributed=tuple(attributed),
        tone=tone(own, words),
        headlines=tuple(headlines),
    )
