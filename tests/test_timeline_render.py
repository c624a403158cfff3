"""Timelines rendered for the terminal and exported as charts for papers."""

from __future__ import annotations

import re

import pytest

from newsevents.errors import UsageError
from newsevents.timeline import diverging_bar, dyad_timeline, render_terminal, save_chart, sparkline
from report_gold_store import build_gold_store

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    store = build_gold_store(tmp_path_factory.mktemp("store") / "gold.duckdb")
    return dyad_timeline(store, "JPN-KOR")


def test_sparkline_scales_between_lowest_and_highest():
    assert sparkline([-27.6, 0.0, 29.4]) == "▁▄█"
    assert sparkline([2.0, 2.0]) == "▅▅" and sparkline([]) == ""


def test_diverging_bar_points_left_for_conflict_right_for_cooperation():
    conflict, cooperation = diverging_bar(-6.0), diverging_bar(5.0)
    assert conflict.index("█") < conflict.index("┆") < cooperation.index("█")
    assert len(conflict) == len(cooperation) == len(diverging_bar(None))


def test_terminal_table_lists_periods_and_scores(rows):
    text = render_terminal(rows, title="JPN-KOR")
    assert "JPN-KOR" in text and "Gold Σ" in text and "Verbal" not in text
    for row in rows:
        assert row.period in text
    assert f"{rows[0].goldstein_sum:+.1f}" in text
    assert "recaps" in text and not ANSI.search(text)


def test_terminal_colour_only_when_asked(rows):
    assert ANSI.search(render_terminal(rows, color=True))


def test_terminal_says_when_there_is_nothing():
    assert "no dated events" in render_terminal((), title="XXX-YYY")


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"),
                                                (".pdf", b"%PDF")])
def test_chart_export_formats(rows, tmp_path, suffix, magic):
    out = save_chart(rows, tmp_path / f"jpn-kor{suffix}", title="JPN-KOR")
    assert out.read_bytes().startswith(magic)


def test_svg_chart_has_bars_and_legend(rows, tmp_path):
    svg = save_chart(rows, tmp_path / "chart.svg").read_text()
    assert svg.count("<path") > len(rows) and "Material conflict" in svg and "recap" in svg


def test_chart_spans_current_events_and_counts_older_recaps(rows, tmp_path):
    # the 1965 treaty recalled in 2019 must not stretch the axis back to 1965
    assert rows[0].period == "1965-01" and rows[0].n_background == rows[0].n_events
    svg = save_chart(rows, tmp_path / "chart.svg").read_text()
    years = [int(y) for y in re.findall(r"<!-- (\d{4}) -->", svg)]  # the axis tick labels
    assert "earlier recap(s) not drawn" in svg and years and min(years) >= 2013


def test_chart_needs_a_known_format_and_rows(rows, tmp_path):
    with pytest.raises(UsageError, match="png"):
        save_chart(rows, tmp_path / "chart.gif")
    with pytest.raises(UsageError, match="no dated events"):
        save_chart((), tmp_path / "chart.png")
