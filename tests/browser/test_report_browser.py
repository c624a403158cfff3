"""The HTML report in a real browser: headless Chromium driven through chromedriver (WebDriver).

The report is built from a store made of the gold corpus plus one hostile article whose text,
title, outlet, URL and removed lines carry `<script>` and `onerror=` payloads. Skipped only when no
Chromium/chromedriver is installed (install them with scripts/install_browser.sh).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from report_webdriver import Browser, find_browser

from newsevents.report import build_report
from newsevents.timeline import dyad_timeline
from report_gold_store import FAILED_ERROR, FAILED_ID, HOSTILE_ID, SCHEMA, build_gold_store

pytestmark = pytest.mark.browser

BROWSER = find_browser()
SKIP_REASON = (
    "headless Chromium is not installed here (need `chromium` and `chromedriver` on PATH); "
    "install them with scripts/install_browser.sh (Debian: apt-get install chromium chromium-driver)"
)
TWO_OUTLET_STORY = "story-2020-11-12_jpn-kor_vice-fm-phone-talks-0"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_gold_store(tmp_path_factory.mktemp("store") / "gold.duckdb", hostile=True)


@pytest.fixture(scope="module")
def report_url(store: Path, tmp_path_factory) -> str:
    out = build_report(store, tmp_path_factory.mktemp("report") / "report.html", title="Gold")
    return out.resolve().as_uri()


@pytest.fixture(scope="module")
def browser():
    if BROWSER is None:
        pytest.skip(SKIP_REASON)
    driver = Browser(*BROWSER)
    try:
        yield driver
    finally:
        driver.close()


def open_view(browser: Browser, url: str, fragment: str = "") -> None:
    """Load the report afresh (a new document, so no filter state survives) at `fragment`."""
    browser.get("about:blank")
    browser.get(url + fragment)
    assert browser.wait_for("return window.__reportReady === true"), "report script did not finish"


def severe_console_entries(browser: Browser) -> list[str]:
    entries = browser.console_log() or []
    return [e.get("message", "") for e in entries if e.get("level") == "SEVERE"]


def select_option(browser: Browser, select_id: str, value: str) -> None:
    browser.click(browser.find(f"#{select_id}"))
    browser.click(browser.find(f'#{select_id} option[value="{value}"]'))


def visible_event_types(browser: Browser) -> list[str]:
    return browser.execute(
        "return Array.from(document.querySelectorAll('tr.event-row td:nth-child(3)'))"
        ".map(td => td.textContent)"
    )


def set_input(browser: Browser, input_id: str, value: str) -> None:
    browser.execute("const el = document.getElementById(arguments[0]); el.value = arguments[1];"
                    "el.dispatchEvent(new Event('change'));", input_id, value)


def visible_event_dates(browser: Browser) -> list[str]:
    return browser.execute(
        "return Array.from(document.querySelectorAll('tr.event-row td:nth-child(1)'))"
        ".map(td => td.textContent)")


def test_page_loads_without_errors(browser, report_url):
    open_view(browser, report_url)
    assert browser.execute("return window.__reportErrors") == []
    assert severe_console_entries(browser) == []
    assert browser.execute("return document.title") == "Gold"


def test_chart_renders_marks_and_recaps(browser, report_url):
    open_view(browser, report_url)
    bars = browser.execute("return document.querySelectorAll('#dyad-chart rect.mark.bar').length")
    quads = browser.execute("return document.querySelectorAll('#dyad-chart rect.quad').length")
    recaps = browser.execute("return document.querySelectorAll('#dyad-chart path.recap').length")
    ticks = browser.execute("return document.querySelectorAll('#dyad-chart .axis text').length")
    assert bars > 10 and quads >= bars and recaps > 0 and ticks > 3


def test_type_filter_changes_visible_rows(browser, report_url):
    open_view(browser, report_url)
    before = visible_event_types(browser)
    select_option(browser, "f-type", "ASSAULT")
    after = visible_event_types(browser)
    assert 0 < len(after) < len(before)
    assert set(after) == {"ASSAULT"}
    browser.click(browser.find("#f-reset"))
    assert len(visible_event_types(browser)) == len(before)


def test_recap_filter_hides_background_events(browser, report_url):
    open_view(browser, report_url)
    select_option(browser, "f-background", "exclude")
    badges = browser.execute("return document.querySelectorAll('tr.event-row .badge.recap').length")
    recap_marks = browser.execute("return document.querySelectorAll('#dyad-chart path.recap').length")
    assert badges == 0 and recap_marks == 0


def test_dyad_chart_matches_python_timeline(browser, report_url, store):
    open_view(browser, report_url)
    select_option(browser, "f-dyad", "JPN-KOR")
    rows = browser.execute("return window.__report.visibleRows()")
    expected = dyad_timeline(store, "JPN-KOR", freq="month")
    assert [r["period"] for r in rows] == [r.period for r in expected]
    assert [r["n_events"] for r in rows] == [r.n_events for r in expected]
    assert [r["n_background"] for r in rows] == [r.n_background for r in expected]
    assert [round(r["goldstein_sum"], 4) for r in rows] == [round(r.goldstein_sum, 4) for r in expected]
    assert [r["quad_counts"] for r in rows] == [list(r.quad_counts) for r in expected]
    table = browser.execute("return Array.from(document.querySelectorAll('tr.period-row td:first-child'))"
                            ".map(td => td.textContent)")
    assert table == [r.period for r in expected]


def test_direction_matches_python_directed_timeline(browser, report_url, store):
    open_view(browser, report_url, "#/timeline?dyad=JPN-KOR")
    select_option(browser, "c-direction", "KOR>JPN")
    arrows = browser.execute("return Array.from(document.querySelectorAll('tr.event-row td:nth-child(2)'))"
                             ".map(td => td.textContent)")
    assert arrows and set(arrows) == {"KOR → JPN"}
    rows = browser.execute("return window.__report.visibleRows()")
    expected = dyad_timeline(store, "KOR->JPN", freq="month")
    assert [(r["period"], r["n_events"]) for r in rows] == [(r.period, r.n_events) for r in expected]


def test_weekly_periods_match_python_timeline(browser, report_url, store):
    open_view(browser, report_url)
    select_option(browser, "f-dyad", "JPN-KOR")
    select_option(browser, "c-freq", "week")
    rows = browser.execute("return window.__report.visibleRows()")
    expected = dyad_timeline(store, "JPN-KOR", freq="week")
    assert [(r["period"], r["start"]) for r in rows] == [(r.period, r.start) for r in expected]


def test_story_page_shows_both_outlets(browser, report_url):
    open_view(browser, report_url, f"#/story/{TWO_OUTLET_STORY}")
    outlets = browser.execute(
        "return Array.from(document.querySelectorAll('.account')).map(a => a.dataset.outlet)")
    assert sorted(outlets) == ["Kyodo", "Yonhap"]
    per_outlet = browser.execute(
        "return Array.from(document.querySelectorAll('.account'))"
        ".map(a => a.querySelectorAll('.mention mark.evidence').length)")
    assert all(n >= 1 for n in per_outlet)
    marked = browser.execute(
        "return document.querySelector('.account[data-outlet=\"Yonhap\"] mark.evidence').textContent")
    assert marked.startswith("The vice foreign ministers of South Korea and Japan")


def test_whole_article_toggle_highlights_evidence(browser, report_url):
    open_view(browser, report_url, f"#/story/{TWO_OUTLET_STORY}")
    browser.click(browser.find(".account[data-outlet='Yonhap'] .article-block button"))
    full = browser.execute("return document.querySelector('.account .fulltext').textContent")
    assert "SEOUL, Nov. 12 (Yonhap)" in full
    assert browser.execute("return document.querySelectorAll('.fulltext mark.evidence').length") == 1


def test_article_page_shows_cleaning_and_pub_date_source(browser, report_url):
    open_view(browser, report_url, "#/article/yonhap_2020-11-12_vice-fm-phone")
    text = browser.execute("return document.getElementById('view').textContent")
    assert "2020-11-12  (from manifest)" in text
    removed = browser.execute("return document.querySelectorAll('#article-raw .removed').length")
    rows = browser.execute("return document.querySelectorAll('table.removed-lines tbody tr').length")
    assert removed > 0 and rows > 0


@pytest.fixture(scope="module")
def report_without_csp_url(report_url: str, tmp_path_factory) -> str:
    """The same report minus its Content Security Policy: escaping alone must keep it safe."""
    page = Path(report_url.removeprefix("file://")).read_text(encoding="utf-8")
    start = page.index('<meta http-equiv="Content-Security-Policy"')
    page = page[:start] + page[page.index(">", start) + 1:]
    out = tmp_path_factory.mktemp("nocsp") / "report.html"
    out.write_text(page, encoding="utf-8")
    return out.resolve().as_uri()


HOSTILE_VIEWS = ("", "#/articles", f"#/article/{HOSTILE_ID}",
                 f"#/article/{HOSTILE_ID}/{HOSTILE_ID}%23e0")


def test_date_range_filter_keeps_events_inside_the_range(browser, report_url):
    open_view(browser, report_url)
    everything = visible_event_dates(browser)
    set_input(browser, "f-from", "2020-01-01")
    set_input(browser, "f-to", "2020-12-31")
    dates = visible_event_dates(browser)
    assert 0 < len(dates) < len(everything)
    assert all(d.startswith("2020") for d in dates)


def test_outlet_filter_narrows_every_view(browser, report_url):
    open_view(browser, report_url)
    select_option(browser, "f-outlet", "Yonhap")
    outlets = browser.execute(
        "return Array.from(document.querySelectorAll('tr.event-row td.outlet')).map(td => td.textContent)")
    assert outlets and set(outlets) == {"Yonhap"}
    browser.click(browser.find("nav.tabs a[data-view='stories']"))
    stories = browser.execute("return document.querySelectorAll('tr.story-row').length")
    assert stories and all("Yonhap" in o for o in browser.execute(
        "return Array.from(document.querySelectorAll('tr.story-row td:nth-child(5)')).map(td => td.textContent)"))


def test_failed_input_shows_its_error(browser, report_url):
    open_view(browser, report_url, "#/articles")
    row = browser.execute(f"return document.querySelector('tr.article-row[data-id=\"{FAILED_ID}\"]').textContent")
    assert FAILED_ERROR in row
    browser.click(browser.find("#stat-failed"))
    listed = browser.execute(
        "return Array.from(document.querySelectorAll('tr.article-row')).map(r => r.dataset.id)")
    assert listed == [FAILED_ID]
    open_view(browser, report_url, f"#/article/{FAILED_ID}")
    assert FAILED_ERROR in browser.execute("return document.querySelector('.errorbox').textContent")


@pytest.mark.parametrize("url_fixture", ["report_url", "report_without_csp_url"])
def test_hostile_article_runs_nothing(browser, url_fixture, request):
    report_url = request.getfixturevalue(url_fixture)
    browser.console_log()  # drop earlier entries
    for fragment in HOSTILE_VIEWS:
        open_view(browser, report_url, fragment)
        assert browser.execute("return typeof window.__xssRan") == "undefined"
        assert browser.execute("return document.querySelectorAll('img').length") == 0
        assert browser.execute("return document.scripts.length") == 2
        assert severe_console_entries(browser) == []  # not even a blocked attempt
    shown = browser.execute("return document.getElementById('view').textContent")
    assert "<script>window.__xssRan" in shown  # the payload is shown as text, not run
    link = browser.execute("return document.querySelectorAll('a[href^=\"javascript\"]').length")
    assert link == 0
    assert browser.execute("return window.__reportErrors") == []


SPARSE_ROWS = (
    # an article without text, an event of an article that is not stored, an undated event
    # without actors or scores, a story whose mentions are missing and has no accounts
    "INSERT INTO articles (doc_id, status) VALUES ('bare', 'ok')",
    "INSERT INTO events (event_id, doc_id, type, evidence) VALUES ('orphan:0', 'gone', 'ASSAULT', "
    "'Troops shelled the town.')",
    "INSERT INTO events (event_id, doc_id, type, background, evidence_start, evidence_end) "
    "VALUES ('bare:0', 'bare', NULL, true, 5, 2)",
    "INSERT INTO stories (story_id, type, event_ids, doc_ids, outlets) "
    "VALUES ('s-lost', 'PROTEST', '[\"missing:0\"]', '[\"missing\"]', '[]')",
)


@pytest.mark.parametrize("rows", [(), SPARSE_ROWS], ids=["empty", "sparse"])
def test_empty_and_sparse_stores_render_without_errors(browser, tmp_path, rows):
    path = tmp_path / "sparse.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        for statement in rows:
            con.execute(statement)
    url = build_report(path, tmp_path / "r.html").resolve().as_uri()
    browser.console_log()
    for fragment in ("", "#/stories", "#/articles", "#/story/s-lost", "#/article/bare",
                     "#/article/nothing-here", "#/story/%E0%A4%A"):
        open_view(browser, url, fragment)
        assert browser.execute("return window.__reportErrors") == [], fragment
    assert severe_console_entries(browser) == []
