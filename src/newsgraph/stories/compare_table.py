"""The outlet comparison for people: rich tables, outlets side by side (`newsgraph compare`)."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from newsgraph.report import shorten
from newsgraph.stories.compare_facts import number_text
from newsgraph.stories.compare_model import Comparison, Fact, OutletReport, TermUse

__all__ = ["comparison_table"]


def comparison_table(comparison: Comparison) -> tuple[Table, ...]:
    """Tables to print in order: the outlets side by side (voices, language, headline, facts
    at a glance), then the facts one per row with the outlets that report them, then the
    contradictions, if any."""
    tables = [_overview(comparison), _facts(comparison)]
    if comparison.contradictions:
        tables.append(_contradictions(comparison))
    return tuple(tables)


def _overview(comparison: Comparison) -> Table:
    table = Table(title=f"{len(comparison.outlets)} outlets side by side", show_lines=True)
    table.add_column("", style="bold")
    for outlet in comparison.outlets:
        table.add_column(escape(outlet), overflow="fold")
    rows: list[tuple[str, list[str]]] = [
        ("headline", [_titles(r) for r in comparison.reports]),
        ("facts", [_fact_counts(r) for r in comparison.reports]),
        ("voices", [_voices(r) for r in comparison.reports]),
        ("own voice", [_terms(r.own_voice, speaker=False) for r in comparison.reports]),
        ("quoted", [_terms(r.attributed, speaker=True) for r in comparison.reports]),
        ("tone", [_tone(r) for r in comparison.reports]),
        ("headline vs body", [_headline(r) for r in comparison.reports]),
    ]
    for name, cells in rows:
        table.add_row(name, *cells)
    return table


def _facts(comparison: Comparison) -> Table:
    table = Table(title=f"{len(comparison.facts)} facts")
    for name in ("id", "fact", "coverage", "values", *comparison.outlets):
        table.add_column(escape(name), overflow="fold")
    clashes: dict[str, list[str]] = {}
    for clash in comparison.contradictions:
        for fact_id in clash.facts:
            clashes.setdefault(fact_id, []).append(clash.id)
    for fact in comparison.facts:
        marks = []
        for outlet in comparison.outlets:
            words = [m.text for m in fact.mentions if m.outlet == outlet]
            marks.append(escape(shorten("; ".join(words), 40)) if words else "[dim]-[/dim]")
        table.add_row(fact.id, escape(fact.label), fact.coverage, _values(fact, clashes.get(fact.id, [])), *marks)
    return table


def _values(fact: Fact, clashes: list[str]) -> str:
    """The spread of a quantity's values ("3,800..4,500") and the contradictions it is in."""
    cell = ""
    if fact.spread is not None:
        low, high = (number_text(v) for v in fact.spread)
        cell = low if low == high else f"{low}..{high}"
    if clashes:
        cell += f"\n[red]≠ {', '.join(clashes)}[/red]"
    return cell.strip() or "[dim]-[/dim]"


def _contradictions(comparison: Comparison) -> Table:
    table = Table(title="Contradictions")
    for name in ("id", "kind", "what", "claims"):
        table.add_column(name, overflow="fold")
    for clash in comparison.contradictions:
        claims = "\n".join(
            f"{escape(c.outlet)}: {escape(c.value)} ({escape(shorten(c.text, 40))})" for c in clash.claims
        )
        table.add_row(clash.id, clash.kind, escape(clash.label), claims)
    return table


def _titles(report: OutletReport) -> str:
    return "\n".join(escape(t) for t in report.titles) or "[dim]-[/dim]"


def _fact_counts(report: OutletReport) -> str:
    parts = [
        f"shared by all: {len(report.shared_by_all)}",
        f"by some: {len(report.shared_by_some)}",
        f"only here: {len(report.only_here)}",
    ]
    if report.contradictions:
        parts.append(f"[red]contradicted: {', '.join(report.contradictions)}[/red]")
    return "\n".join(parts)


def _voices(report: OutletReport) -> str:
    lines = []
    for group in report.voices:
        names = ", ".join(f"{escape(v.name)} {v.quotes}×/{v.chars}c" for v in group.voices)
        lines.append(f"[b]{group.affiliation}[/b] ({group.quotes}): {names}")
    return "\n".join(lines) or "[dim]nobody quoted[/dim]"


def _terms(terms: tuple[TermUse, ...], *, speaker: bool) -> str:
    lines = []
    for term in terms:
        where = (
            f" ({escape(term.speaker or '')})"
            if speaker
            else (" [dim](headline)[/dim]" if term.where == "headline" else "")
        )
        lines.append(f"{escape(term.text)}{where} [dim]{term.category}[/dim]")
    return "\n".join(lines) or "[dim]-[/dim]"


def _tone(report: OutletReport) -> str:
    tone = report.tone
    return f"{tone.loaded} loaded in {tone.words} words ({tone.per_1000_words}/1000), polarity {tone.polarity:+}"


def _headline(report: OutletReport) -> str:
    lines = []
    for check in report.headlines:
        claims = ", ".join(f"{c.kind}: {escape(c.text)}" for c in check.unsupported) or "all supported"
        lines.append(f"support {check.support:.0%}; {claims}")
    return "\n".join(lines) or "[dim]no headline[/dim]"

