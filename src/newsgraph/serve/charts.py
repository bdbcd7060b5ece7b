"""The coverage chart of the overview: articles per day, week or month, as SVG geometry.

The server computes the bars and the template draws them as inline SVG: no chart library, no
JavaScript, and the chart is there in the HTML a test or a screen reader gets. The bucket grows
with the time span so a corpus of a week and one of two years both give a readable number of bars.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

__all__ = ["Bar", "Chart", "coverage_chart"]

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 180, 36, 24, 8
# (longest span in days, bucket): the first that fits the corpus is used.
_BUCKETS = ((90, "day"), (730, "week"), (10**9, "month"))


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Chart:
    bucket: str
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]
    peak: int
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    base: int = HEIGHT - BOTTOM


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _bucket(day: dt.date, bucket: str) -> dt.date:
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _next(day: dt.date, bucket: str) -> dt.date:
    if bucket == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=7 if bucket == "week" else 1)


def coverage_chart(counts: list[tuple[str, int]]) -> Chart | None:
    """Bars of articles per bucket from `(date, articles)` pairs; None when no article has a date."""
    days = [(d, n) for d, n in ((_day(v), n) for v, n in counts) if d is not None]
    if not days:
        return None
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    bucket = next(name for span, name in _BUCKETS if (last - first).days <= span)
    totals: Counter[dt.date] = Counter()
    for day, n in days:
        totals[_bucket(day, bucket)] += n
    slots, day = [], _bucket(first, bucket)
    while day <= last:
        slots.append(day)
        day = _next(day, bucket)
    peak = max(totals.values())
    plot_w, plot_h = WIDTH - LEFT - 4, HEIGHT - BOTTOM - TOP
    step = plot_w / len(slots)
    bars = []
    for i, day in enumerate(slots):
        n = totals.get(day, 0)
        h = plot_h * n / peak
        label = day.strftime("%Y-%m") if bucket == "month" else day.isoformat()
        bars.append(Bar(LEFT + i * step + step * 0.1, HEIGHT - BOTTOM - h, max(step * 0.8, 1.0), h, label, n))
    every = max(1, len(slots) // 6)
    ticks = tuple((b.x + b.width / 2, b.label) for b in bars[::every])
    return Chart(bucket, tuple(bars), ticks, peak)
