"""The report's stylesheet, inlined into the page (no remote fonts, no external files)."""

STYLE = r"""
:root {
  --ink: #1d2433; --muted: #5f6b7a; --faint: #8a94a3; --line: #e3e7ee; --bg: #f6f7fa;
  --card: #ffffff; --accent: #1f4e79; --accent-soft: #e8f0f8;
  --coop: #2a7f62; --conf: #c0392b; --recap: #6c5b7b;
  --q1: #7fb8a4; --q2: #2a7f62; --q3: #e5a36b; --q4: #c0392b;
  --mark: #fff1a8; --removed: #fbeaea;
}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  font: 14px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
        "Liberation Sans", sans-serif;
  color: var(--ink); background: var(--bg);
}
a { color: var(--accent); text-decoration: none; cursor: pointer; }
a:hover { text-decoration: underline; }
header.top {
  background: #14263d; color: #fff; padding: 14px 28px 0;
}
header.top h1 { margin: 0; font-size: 19px; font-weight: 600; letter-spacing: .2px; }
header.top .sub { color: #b9c6d6; font-size: 12.5px; margin-top: 2px; }
nav.tabs { display: flex; gap: 4px; margin-top: 12px; }
nav.tabs a {
  color: #cfd9e6; padding: 8px 16px; border-radius: 6px 6px 0 0; font-weight: 500;
}
nav.tabs a.active { background: var(--bg); color: var(--ink); text-decoration: none; }
.filters {
  position: sticky; top: 0; z-index: 5; background: #ffffffee; backdrop-filter: blur(4px);
  border-bottom: 1px solid var(--line); padding: 10px 28px; display: flex; flex-wrap: wrap;
  gap: 10px 16px; align-items: end;
}
.filters label { display: flex; flex-direction: column; font-size: 11px; color: var(--muted);
  text-transform: uppercase; letter-spacing: .4px; gap: 3px; }
.filters select, .filters input, .controls select {
  font: inherit; font-size: 13px; padding: 4px 6px; border: 1px solid #cdd4de;
  border-radius: 5px; background: #fff; color: var(--ink); min-width: 110px; max-width: 240px;
}
button {
  font: inherit; font-size: 13px; padding: 5px 12px; border: 1px solid #cdd4de;
  border-radius: 5px; background: #fff; color: var(--ink); cursor: pointer;
}
button:hover { background: var(--accent-soft); }
.filters .count { margin-left: auto; color: var(--muted); font-size: 12.5px; align-self: center; }
main { padding: 20px 28px 60px; max-width: 1400px; }
.card {
  background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 16px 18px; margin-bottom: 18px; box-shadow: 0 1px 2px rgba(20, 38, 61, .04);
}
.card h2 { margin: 0 0 10px; font-size: 16px; font-weight: 600; }
.card h3 { margin: 14px 0 6px; font-size: 14px; font-weight: 600; }
.controls { display: flex; gap: 14px; flex-wrap: wrap; align-items: center; margin-bottom: 6px;
  font-size: 12.5px; color: var(--muted); }
.chart svg { width: 100%; height: auto; display: block; }
.chart .axis text { font-size: 10.5px; fill: var(--muted); }
.chart .axis line, .chart .axis path { stroke: #c5ccd6; }
.chart .grid line { stroke: #eef1f5; }
.chart .zero { stroke: #8f99a8; stroke-width: 1; }
.chart .panel-label { font-size: 11px; fill: var(--muted); font-weight: 600; }
.chart .mark:hover { opacity: .75; }
.chart .recap { fill: #fff; stroke: var(--recap); stroke-width: 1.6; cursor: pointer; }
.chart .note { font-size: 10.5px; fill: var(--recap); }
.bar-pos { fill: var(--coop); } .bar-neg { fill: var(--conf); }
.q1 { fill: var(--q1); } .q2 { fill: var(--q2); } .q3 { fill: var(--q3); } .q4 { fill: var(--q4); }
.legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 12px; color: var(--muted);
  margin-top: 6px; }
.legend span.sw { display: inline-block; width: 11px; height: 11px; border-radius: 2px;
  margin-right: 5px; vertical-align: -1px; }
.legend span.dia { display: inline-block; width: 9px; height: 9px; border: 1.6px solid var(--recap);
  transform: rotate(45deg); margin-right: 6px; vertical-align: 0; }
.empty { color: var(--faint); font-style: italic; padding: 18px 0; text-align: center; }
table.data { width: 100%; border-collapse: collapse; font-size: 13px; }
table.data th { text-align: left; font-weight: 600; color: var(--muted); font-size: 11.5px;
  text-transform: uppercase; letter-spacing: .3px; border-bottom: 1px solid var(--line);
  padding: 6px 8px; position: sticky; top: 0; background: #fff; }
table.data td { padding: 6px 8px; border-bottom: 1px solid #f0f2f6; vertical-align: top; }
table.data tr.clickable { cursor: pointer; }
table.data tr.clickable:hover td { background: #f6f9fc; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.evidence { color: #37404f; width: 48%; }
td.outlet { max-width: 180px; }
.badge { display: inline-block; font-size: 10.5px; font-weight: 600; padding: 1px 6px;
  border-radius: 10px; background: #eef1f5; color: var(--muted); margin-right: 4px;
  white-space: nowrap; letter-spacing: .2px; }
.badge.type { background: var(--accent-soft); color: var(--accent); }
.badge.recap { background: #efeaf3; color: var(--recap); }
.badge.error { background: #fbeaea; color: var(--conf); }
.badge.ok { background: #e6f3ee; color: var(--coop); }
.badge.only { background: #fff4d6; color: #8a6100; }
.badge.q1 { background: #e6f2ee; color: #3d7c68; } .badge.q2 { background: #dff0e8; color: var(--coop); }
.badge.q3 { background: #fbefe3; color: #a4622a; } .badge.q4 { background: #fbeaea; color: var(--conf); }
.gs-pos { color: var(--coop); } .gs-neg { color: var(--conf); }
dl.meta { display: grid; grid-template-columns: 170px 1fr; gap: 4px 14px; margin: 0;
  font-size: 13px; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; word-break: break-word; }
.accounts { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 16px; }
.account { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px;
  background: #fcfdfe; }
.account h3 { margin: 0 0 2px; font-size: 15px; }
.account .country { color: var(--muted); font-size: 12px; }
.account ul.summary { margin: 8px 0 10px; padding-left: 18px; color: #37404f; font-size: 12.5px; }
.article-block { border-top: 1px solid var(--line); padding-top: 10px; margin-top: 10px; }
.art-head { font-size: 13px; font-weight: 600; margin-bottom: 4px; }
.mention { padding-top: 6px; margin-top: 4px; }
details.periods { margin-top: 10px; }
table.periods td, table.periods th { padding: 3px 8px; }
.mention .head { font-size: 12.5px; color: var(--muted); margin-bottom: 6px; }
.excerpt, .fulltext {
  font-family: Georgia, "Times New Roman", serif; font-size: 14px; line-height: 1.6;
  white-space: pre-wrap; word-wrap: break-word; color: #2a3140; background: #fff;
  border: 1px solid #eef1f5; border-radius: 6px; padding: 10px 12px;
}
.fulltext { max-height: 480px; overflow: auto; }
mark.evidence { background: var(--mark); color: inherit; padding: 1px 0; border-bottom: 2px solid #e2c200; }
mark.evidence.focus { background: #ffd84d; }
.removed { background: var(--removed); color: #8c5a5a; text-decoration: line-through;
  text-decoration-color: #d9a5a5; }
.reason { font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 10px;
  font-weight: 600; color: #a14a4a; background: #f6dede; border-radius: 8px; padding: 0 5px;
  margin-left: 6px; text-decoration: none; display: inline-block; vertical-align: 1px; }
.errorbox { background: #fbeaea; border: 1px solid #f0c5c5; color: #8a2b20; border-radius: 6px;
  padding: 10px 12px; margin-bottom: 12px; }
.stats { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 18px; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 10px 16px; min-width: 130px; }
.stat .v { font-size: 22px; font-weight: 600; } .stat .k { font-size: 12px; color: var(--muted); }
.stat.clickable { cursor: pointer; } .stat.clickable:hover { border-color: #b8c4d4; }
.stat.on { border-color: var(--conf); background: #fdf5f5; }
.back { font-size: 13px; margin-bottom: 10px; display: inline-block; }
.more { margin-top: 10px; }
details summary { cursor: pointer; color: var(--accent); font-size: 13px; margin: 6px 0; }
.muted { color: var(--muted); }
@media print { .filters, nav.tabs { display: none; } body { background: #fff; } }
"""
