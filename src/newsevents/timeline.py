"""Dyad timelines: cooperation and conflict between two actors, week by week or month by month.

`dyad_timeline(db, "JPN-KOR")` reads the store and aggregates the events between the two countries
(either direction unless `directed=True`) into one `TimelineRow` per period: how many distinct
happenings, the sum and mean of their Goldstein and PLOVER scores, counts by quad class.

Choices, and why:
- A story reported by five outlets is one happening, so events that share a `story_id` count once
  (`dedupe=True`); the row still reports how many mentions it had.
- Background events (recaps of earlier happenings) are placed at their own date, not at the date of
  the article that recalls them, and are counted separately so a chart can mark them.
- An event without a date of its own is placed at its article's publication date (what the news
  reported that day), unless it is a recap: a recap's publication date says nothing about when it
  happened, so undated recaps are left out.
- A date coarser than the period (a year for a monthly series) is placed at the start of its span
  and counted in `n_imprecise`, so readers can tell a January spike made of year-only dates.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from newsevents.errors import UsageError
from newsevents.records import ActorRef, Event
from newsevents.report.labels import QuadLabel, load_quad_labels
from newsevents.report.store_reader import load_snapshot

Freq = Literal["week", "month"]
FREQS: tuple[str, ...] = ("week", "month")
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
FREQ_PRECISION = {"month": "month", "week": "day"}
SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
CHART_SUFFIXES = frozenset({".png", ".svg", ".pdf"})


@dataclass(frozen=True)
class Dyad:
    """A pair of actor countries ("JPN-KOR"), or one country ("KOR": all its events)."""

    first: str
    second: str | None = None
    directed: bool = False

    @property
    def label(self) -> str:
        if self.second is None:
            return self.first
        return f"{self.first}{'->' if self.directed else '-'}{self.second}"

    def matches(self, source: str | None, target: str | None) -> bool:
        """Does an event from `source` to `target` belong to this dyad?"""
        if self.second is None:
            return self.first in (source, target)
        if self.directed:
            return (source, target) == (self.first, self.second)
        return {source, target} == {self.first, self.second} and source is not None


@dataclass(frozen=True)
class Placement:
    """Where an event sits in time and how well that is known."""

    day: date
    precision: Literal["year", "month", "day"]
    by_pub_date: bool = False


@dataclass(frozen=True)
class TimelineRow:
    """One period of a dyad timeline."""

    period: str  # "2019-08" (month) or "2019-W34" (ISO week)
    start: str  # first day of the period, YYYY-MM-DD
    n_events: int  # distinct happenings (a story counts once)
    n_mentions: int  # event mentions behind them
    n_background: int  # of n_events, recaps of earlier happenings
    n_imprecise: int  # of n_events, dated more coarsely than the period or by pub_date
    goldstein_sum: float
    goldstein_mean: float | None
    plover_sum: float
    plover_mean: float | None
    quad_counts: tuple[int, int, int, int]  # quad classes 1..4
    event_ids: tuple[str, ...] = ()  # the representative event of each happening


def parse_dyad(text: str, directed: bool = False) -> Dyad:
    """Parse "JPN-KOR" (or "JPN->KOR", directed) or a single code "KOR"; codes upper-cased."""
    cleaned = text.strip().upper().replace("->", "-").replace(">", "")
    parts = [p.strip() for p in cleaned.split("-") if p.strip()]
    if not 1 <= len(parts) <= 2 or not all(p.isalnum() for p in parts):
        raise UsageError(f"cannot read dyad {text!r}: write two country codes like JPN-KOR")
    directed = directed or "->" in text
    return Dyad(parts[0], parts[1] if len(parts) == 2 else None, directed and len(parts) == 2)


def parse_partial_date(value: str | None) -> Placement | None:
    """A Placement for "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None when absent or unreadable."""
    if not value:
        return None
    parts = value.strip()[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return Placement(date(numbers[0], 1, 1), "year")
        if len(numbers) == 2:
            return Placement(date(numbers[0], numbers[1], 1), "month")
        if len(numbers) == 3:
            return Placement(date(*numbers), "day")
    except ValueError:
        return None
    return None


def place_event(event: Event, pub_date: str | None) -> Placement | None:
    """When an event happened: its own date, else (not for recaps) its article's pub_date."""
    own = parse_partial_date(event.date)
    if own is not None or event.background:
        return own
    reported = parse_partial_date(pub_date)
    if reported is None:
        return None
    return Placement(reported.day, reported.precision, by_pub_date=True)


def period_of(day: date, freq: Freq) -> tuple[str, date]:
    """The period key and first day of the month or ISO week that holds `day`."""
    if freq == "month":
        return f"{day.year:04d}-{day.month:02d}", day.replace(day=1)
    if freq == "week":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}", day - timedelta(days=day.weekday())
    raise UsageError(f"unknown frequency {freq!r}; use one of {', '.join(FREQS)}")


def is_imprecise(placement: Placement, freq: Freq) -> bool:
    """Is the placement coarser than the period, or borrowed from the publication date?"""
    needed = PRECISION_RANK[FREQ_PRECISION[freq]]
    return placement.by_pub_date or PRECISION_RANK[placement.precision] < needed


@dataclass(frozen=True)
class _Happening:
    event: Event
    placement: Placement
    n_mentions: int


def _representative(mentions: Sequence[tuple[Event, Placement]]) -> tuple[Event, Placement]:
    """The mention that best stands for a story: precise own date, not a recap, main, confident."""
    return max(mentions, key=lambda m: (not m[1].by_pub_date, PRECISION_RANK[m[1].precision],
                                        not m[0].background, m[0].main, m[0].confidence))


def _happenings(placed: Sequence[tuple[Event, Placement]], dedupe: bool) -> list[_Happening]:
    if not dedupe:
        return [_Happening(e, p, 1) for e, p in placed]
    by_story: dict[str, list[tuple[Event, Placement]]] = defaultdict(list)
    singles: list[_Happening] = []
    for event, placement in placed:
        if event.story_id:
            by_story[event.story_id].append((event, placement))
        else:
            singles.append(_Happening(event, placement, 1))
    for mentions in by_story.values():
        event, placement = _representative(mentions)
        singles.append(_Happening(event, placement, len(mentions)))
    return singles


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _row(period: str, start: date, group: Sequence[_Happening], freq: Freq) -> TimelineRow:
    goldstein = [h.event.goldstein for h in group if h.event.goldstein is not None]
    plover = [h.event.plover_score for h in group if h.event.plover_score is not None]
    quads = [0, 0, 0, 0]
    for h in group:
        if 1 <= h.event.quad_class <= 4:
            quads[h.event.quad_class - 1] += 1
    ordered = sorted(group, key=lambda h: (h.placement.day, h.event.event_id))
    return TimelineRow(
        period=period,
        start=start.isoformat(),
        n_events=len(group),
        n_mentions=sum(h.n_mentions for h in group),
        n_background=sum(h.event.background for h in group),
        n_imprecise=sum(is_imprecise(h.placement, freq) for h in group),
        goldstein_sum=round(sum(goldstein), 6),
        goldstein_mean=None if not goldstein else round(_mean(goldstein) or 0.0, 6),
        plover_sum=round(sum(plover), 6),
        plover_mean=None if not plover else round(_mean(plover) or 0.0, 6),
        quad_counts=(quads[0], quads[1], quads[2], quads[3]),
        event_ids=tuple(h.event.event_id for h in ordered),
    )


def aggregate(
    events: Iterable[Event],
    pub_dates: Mapping[str, str | None],
    freq: Freq = "month",
    dedupe: bool = True,
    include_background: bool = True,
) -> tuple[TimelineRow, ...]:
    """Group events into periods (only periods that have events), oldest first.

    `pub_dates` maps doc_id to the article's publication date, used for undated events.
    """
    if freq not in FREQS:
        raise UsageError(f"unknown frequency {freq!r}; use one of {', '.join(FREQS)}")
    placed = []
    for event in events:
        if event.background and not include_background:
            continue
        placement = place_event(event, pub_dates.get(event.doc_id))
        if placement is not None:
            placed.append((event, placement))
    groups: dict[tuple[date, str], list[_Happening]] = defaultdict(list)
    for happening in _happenings(placed, dedupe):
        key, start = period_of(happening.placement.day, freq)
        groups[(start, key)].append(happening)
    return tuple(_row(key, start, groups[(start, key)], freq) for start, key in sorted(groups))


def dyad_timeline(
    db_path: str | Path,
    dyad: str,
    freq: Freq = "month",
    directed: bool = False,
    dedupe: bool = True,
    include_background: bool = True,
) -> tuple[TimelineRow, ...]:
    """The timeline of `dyad` ("JPN-KOR", "JPN->KOR", or one country "KOR") from a store."""
    wanted = parse_dyad(dyad, directed)
    snapshot = load_snapshot(db_path, with_text=False)
    pub_dates = {a.doc_id: a.pub_date for a in snapshot.articles}
    events = (e for e in snapshot.events if wanted.matches(_country(e.source), _country(e.target)))
    return aggregate(events, pub_dates, freq, dedupe, include_background)


def _country(actor: ActorRef | None) -> str | None:
    return actor.country if actor is not None else None


# --------------------------------------------------------------------------- terminal


def sparkline(values: Sequence[float]) -> str:
    """One block character per value, scaled between the smallest and largest value."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return SPARK_BLOCKS[len(SPARK_BLOCKS) // 2] * len(values)
    scale = (len(SPARK_BLOCKS) - 1) / (high - low)
    return "".join(SPARK_BLOCKS[round((v - low) * scale)] for v in values)


def diverging_bar(value: float | None, limit: float = 10.0, half_width: int = 5) -> str:
    """A text bar left of centre for conflict (negative), right of centre for cooperation."""
    if value is None:
        return " " * half_width + "┆" + " " * half_width
    cells = min(half_width, round(abs(value) / limit * half_width))
    if value < 0:
        return " " * (half_width - cells) + "█" * cells + "┆" + " " * half_width
    return " " * half_width + "┆" + "█" * cells + " " * (half_width - cells)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:+.1f}"


def render_terminal(
    rows: Sequence[TimelineRow],
    title: str | None = None,
    width: int = 120,
    color: bool = False,
    quad_labels: Mapping[int, QuadLabel] | None = None,
) -> str:
    """A table of the timeline with a Goldstein sparkline; ANSI colours only if `color`."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    labels = quad_labels or load_quad_labels()
    table = Table(title=title, caption=_caption(rows), box=box.SIMPLE_HEAD, header_style="bold",
                  pad_edge=False)
    for name in ("Period", "Events", "Recaps", "Gold Σ", "Gold μ", "PLOV Σ", "PLOV μ"):
        table.add_column(name, justify="left" if name == "Period" else "right", no_wrap=True)
    for number in (1, 2, 3, 4):
        table.add_column(labels[number].short, justify="right", no_wrap=True)
    table.add_column("conf ┆ coop", justify="center", no_wrap=True)
    for row in rows:
        gold_style = "green" if (row.goldstein_mean or 0) > 0 else "red"
        table.add_row(
            row.period, str(row.n_events), str(row.n_background) if row.n_background else "",
            _fmt(row.goldstein_sum), _fmt(row.goldstein_mean), _fmt(row.plover_sum),
            _fmt(row.plover_mean), *(str(c) for c in row.quad_counts),
            f"[{gold_style}]{diverging_bar(row.goldstein_mean)}[/]",
        )
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False)
    if not rows:
        console.print(f"{title + ': ' if title else ''}no dated events for this dyad")
    else:
        console.print(table)
    return buffer.getvalue()


def _caption(rows: Sequence[TimelineRow]) -> str:
    if not rows:
        return ""
    total = sum(r.n_events for r in rows)
    recaps = sum(r.n_background for r in rows)
    imprecise = sum(r.n_imprecise for r in rows)
    spark = sparkline([r.goldstein_sum for r in rows])
    return (f"Goldstein Σ {spark}  ·  {total} events, {recaps} recaps (marked), "
            f"{imprecise} placed by coarse or publication date")


# --------------------------------------------------------------------------- charts


QUAD_COLORS = ("#7fb8a4", "#2a7f62", "#e5a36b", "#c0392b")
COOPERATION_COLOR, CONFLICT_COLOR, RECAP_COLOR = "#2a7f62", "#c0392b", "#6c5b7b"


def save_chart(
    rows: Sequence[TimelineRow],
    path: str | Path,
    title: str | None = None,
    quad_labels: Mapping[int, QuadLabel] | None = None,
) -> Path:
    """Write the timeline as a two-panel chart (PNG, SVG or PDF by the file suffix).

    Top: Goldstein sum per period (bars) and mean (dots); periods holding recaps are marked with
    hollow diamonds. Bottom: events per period stacked by quad class. The time axis spans the
    periods with current events: recaps of far older events are counted in a note, not drawn
    decades away. Uses the Agg backend, no global pyplot state.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    out = Path(path)
    if out.suffix.lower() not in CHART_SUFFIXES:
        raise UsageError(f"cannot tell the chart format of {out}; end it in .png, .svg or .pdf")
    if not rows:
        raise UsageError("no dated events to chart for this dyad")
    labels = quad_labels or load_quad_labels()
    figure = Figure(figsize=(9, 5.2), dpi=150, layout="constrained")
    FigureCanvasAgg(figure)
    top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    low, high = _time_range(rows)
    shown = [r for r in rows if low <= date.fromisoformat(r.start) <= high]
    starts = [date.fromisoformat(r.start) for r in shown]
    width = _bar_width_days(starts)
    _draw_scores(top, shown, starts, width)
    _draw_quads(bottom, shown, starts, width, labels)
    pad = timedelta(days=max(20.0, (high - low).days * 0.02))
    bottom.set_xlim(low - pad, high + pad)
    _note_hidden_recaps(top, rows, low, high)
    if title:
        figure.suptitle(title, fontsize=12, fontweight="bold")
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, format=out.suffix.lower().lstrip("."))
    return out


def _time_range(rows: Sequence[TimelineRow]) -> tuple[date, date]:
    """First and last period start among periods with current (not only recap) events."""
    current = [r for r in rows if r.n_background < r.n_events] or list(rows)
    return date.fromisoformat(current[0].start), date.fromisoformat(current[-1].start)


def _note_hidden_recaps(axes: Any, rows: Sequence[TimelineRow], low: date, high: date) -> None:
    before = sum(r.n_background for r in rows if date.fromisoformat(r.start) < low)
    after = sum(r.n_background for r in rows if date.fromisoformat(r.start) > high)
    notes = [f"◂ {before} earlier recap(s) not drawn" if before else "",
             f"{after} later recap(s) not drawn ▸" if after else ""]
    for text, x, align in zip(notes, (0.01, 0.99), ("left", "right"), strict=True):
        if text:
            axes.text(x, 0.02, text, transform=axes.transAxes, ha=align, va="bottom",
                      fontsize=7, color=RECAP_COLOR)


def _bar_width_days(starts: Sequence[date]) -> float:
    gaps = [(b - a).days for a, b in zip(starts, starts[1:], strict=False) if (b - a).days > 0]
    return max(2.0, min([*gaps, 28]) * 0.8)


def _draw_scores(axes: Any, rows: Sequence[TimelineRow], starts: Sequence[date],
                 width: float) -> None:
    from matplotlib.patches import Patch

    sums = [r.goldstein_sum for r in rows]
    colors = [COOPERATION_COLOR if s >= 0 else CONFLICT_COLOR for s in sums]
    axes.bar(starts, sums, width=width, color=colors, alpha=0.85)
    means = [(d, r.goldstein_mean) for d, r in zip(starts, rows, strict=True)
             if r.goldstein_mean is not None]
    if means:
        axes.plot([d for d, _ in means], [m for _, m in means], color="#333333", marker="o",
                  markersize=3, linestyle="none", label="Goldstein mean")
    recaps = [(d, r) for d, r in zip(starts, rows, strict=True) if r.n_background]
    if recaps:
        axes.scatter([d for d, _ in recaps], [0.0] * len(recaps), marker="D", s=40,
                     facecolors="none", edgecolors=RECAP_COLOR, linewidths=1.4, zorder=3,
                     label="recap (background) events")
    axes.axhline(0, color="#888888", linewidth=0.8)
    axes.set_ylabel("Goldstein (−10 conflict … +10 coop.)", fontsize=8)
    handles = [Patch(facecolor=COOPERATION_COLOR, label="Goldstein sum ≥ 0"),
               Patch(facecolor=CONFLICT_COLOR, label="Goldstein sum < 0"),
               *axes.get_legend_handles_labels()[0]]
    axes.legend(handles=handles, fontsize=7, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=4,
                frameon=False)
    axes.grid(axis="y", color="#e5e5e5", linewidth=0.6)


def _draw_quads(axes: Any, rows: Sequence[TimelineRow], starts: Sequence[date], width: float,
                labels: Mapping[int, QuadLabel]) -> None:
    bottoms = [0] * len(rows)
    for index in range(4):
        counts = [r.quad_counts[index] for r in rows]
        axes.bar(starts, counts, width=width, bottom=bottoms, color=QUAD_COLORS[index],
                 label=labels[index + 1].label)
        bottoms = [b + c for b, c in zip(bottoms, counts, strict=True)]
    axes.set_ylabel("events", fontsize=8)
    axes.legend(fontsize=7, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=4, frameon=False)
    axes.grid(axis="y", color="#e5e5e5", linewidth=0.6)
