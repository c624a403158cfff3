"""The report's script, inlined into the page.

Rules the script keeps: data comes only from the JSON block (`JSON.parse`, never `eval`); every
piece of article data reaches the page through `textContent` or a validated attribute, never
`innerHTML`; links from data are followed only for http(s) URLs. Errors are collected in
`window.__reportErrors` so the browser test can assert there were none.
"""

SCRIPT = r"""
(function () {
  'use strict';
  var ERRORS = window.__reportErrors = window.__reportErrors || [];
  window.addEventListener('error', function (e) {
    ERRORS.push(String(e.message || e.type) + (e.lineno ? ' @' + e.lineno : ''));
  });
  window.addEventListener('unhandledrejection', function (e) {
    ERRORS.push('unhandled rejection: ' + String(e.reason));
  });

  var DATA = JSON.parse(document.getElementById('report-data').textContent);
  var SVGNS = 'http://www.w3.org/2000/svg';
  var DAY = 86400000;
  var ROW_LIMIT = 300;
  var METRICS = {
    gsum: {label: 'Goldstein sum', signed: true},
    gmean: {label: 'Goldstein mean', signed: true},
    psum: {label: 'PLOVER score sum', signed: true},
    pmean: {label: 'PLOVER score mean', signed: true},
    count: {label: 'Events', signed: false}
  };
  var PRECISION = {year: 0, month: 1, day: 2};

  // ------------------------------------------------------------------ DOM helpers
  function h(tag, props, children) {
    var node = document.createElement(tag);
    setProps(node, props);
    append(node, children);
    return node;
  }
  function s(tag, props, children) {
    var node = document.createElementNS(SVGNS, tag);
    setProps(node, props);
    append(node, children);
    return node;
  }
  function setProps(node, props) {
    if (!props) return;
    Object.keys(props).forEach(function (key) {
      var value = props[key];
      if (value === null || value === undefined || value === false) return;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'class') node.setAttribute('class', value);
      else if (typeof value === 'function') node.addEventListener(key.replace(/^on/, ''), value);
      else if (/^on/i.test(key)) throw new Error('refusing attribute ' + key);
      else node.setAttribute(key, value === true ? '' : String(value));
    });
  }
  function append(node, children) {
    if (children === null || children === undefined || children === false) return;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      if (Array.isArray(child)) append(node, child);
      else if (typeof child === 'object') node.appendChild(child);
      else node.appendChild(document.createTextNode(String(child)));
    });
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function safeUrl(url) { return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null; }
  function fmt(x, digits) {
    if (x === null || x === undefined || isNaN(x)) return '–';
    var d = digits === undefined ? 1 : digits;
    return (x > 0 ? '+' : '') + Number(x).toFixed(d);
  }
  function link(text, hash, cls) { return h('a', {href: hash, 'class': cls || null, text: text}); }
  function routeHash(kind, id) { return '#/' + kind + '/' + encodeURIComponent(id); }

  // ------------------------------------------------------------------ indexes
  var ARTICLES = {}, EVENTS = {}, STORIES = {};
  DATA.articles.forEach(function (a) { ARTICLES[a.id] = a; });
  DATA.stories.forEach(function (st) { STORIES[st.id] = st; });
  DATA.events.forEach(function (ev) {
    EVENTS[ev.id] = ev;
    var art = ARTICLES[ev.doc] || {};
    ev.outlet = art.outlet || null;
    var countries = [];
    [ev.source, ev.target].forEach(function (side) {
      if (side && side.country && countries.indexOf(side.country) < 0) countries.push(side.country);
    });
    ev.pair = countries.slice().sort().join('-');
    ev.arrow = actorCode(ev.source) + ' → ' + actorCode(ev.target);
    ev.direction = (ev.source && ev.source.country || '') + '>' + (ev.target && ev.target.country || '');
    ev.place = placeEvent(ev, art.pub_date);
  });

  function actorCode(actor) {
    if (!actor) return '–';
    if (actor.country) return actor.country;
    var text = actor.text || actor.name || actor.code || '?';
    return text.length > 24 ? text.slice(0, 23) + '…' : text;
  }

  // Same placement rules as newsevents.timeline: own date; else publication date unless a recap.
  function parseDate(value) {
    if (!value) return null;
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(value));
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] : 1, d = m[3] ? +m[3] : 1;
    var t = Date.UTC(y, mo - 1, d);
    var check = new Date(t);
    if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
    var precision = m[3] ? 'day' : (m[2] ? 'month' : 'year');
    var end = precision === 'day' ? t : (precision === 'month' ? Date.UTC(y, mo, 0) : Date.UTC(y, 11, 31));
    return {t: t, end: end, precision: precision, byPub: false};
  }
  function placeEvent(ev, pubDate) {
    var own = parseDate(ev.date);
    if (own || ev.background) return own;
    var pub = parseDate(pubDate);
    if (pub) pub.byPub = true;
    return pub;
  }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }

  // ------------------------------------------------------------------ periods
  function periodOf(t, freq) {
    var d = new Date(t);
    if (freq === 'month') {
      var start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      return {key: iso(start).slice(0, 7), start: start, end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)};
    }
    var weekday = (d.getUTCDay() + 6) % 7;  // Monday = 0
    var monday = t - weekday * DAY;
    var thursday = new Date(monday + 3 * DAY);
    var isoYear = thursday.getUTCFullYear();
    var week = 1 + Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / (7 * DAY));
    return {key: isoYear + '-W' + (week < 10 ? '0' : '') + week, start: monday, end: monday + 7 * DAY};
  }
  function imprecise(place, freq) {
    var needed = freq === 'month' ? PRECISION.month : PRECISION.day;
    return place.byPub || PRECISION[place.precision] < needed;
  }
  function representative(mentions) {
    return mentions.slice().sort(function (a, b) {
      var ka = [!a.place.byPub, PRECISION[a.place.precision], !a.background, a.main, a.confidence];
      var kb = [!b.place.byPub, PRECISION[b.place.precision], !b.background, b.main, b.confidence];
      for (var i = 0; i < ka.length; i++) { if (ka[i] !== kb[i]) return ka[i] > kb[i] ? -1 : 1; }
      return 0;
    })[0];
  }
  function happenings(events, dedupe) {
    var placed = events.filter(function (ev) { return ev.place; });
    if (!dedupe) return placed.map(function (ev) { return {ev: ev, n: 1}; });
    var byStory = {}, out = [];
    placed.forEach(function (ev) {
      if (ev.story) (byStory[ev.story] = byStory[ev.story] || []).push(ev);
      else out.push({ev: ev, n: 1});
    });
    Object.keys(byStory).forEach(function (id) {
      out.push({ev: representative(byStory[id]), n: byStory[id].length});
    });
    return out;
  }
  function aggregate(events, freq, dedupe) {
    var groups = {};
    happenings(events, dedupe).forEach(function (hp) {
      var p = periodOf(hp.ev.place.t, freq);
      var g = groups[p.key] = groups[p.key] || {period: p.key, start: p.start, end: p.end, items: []};
      g.items.push(hp);
    });
    return Object.keys(groups).map(function (k) { return summarise(groups[k], freq); })
      .sort(function (a, b) { return a.start - b.start; });
  }
  function summarise(g, freq) {
    var gs = [], ps = [], quads = [0, 0, 0, 0], row = {
      period: g.period, start: g.start, end: g.end, n_events: g.items.length, n_mentions: 0,
      n_background: 0, n_imprecise: 0, items: g.items
    };
    g.items.forEach(function (hp) {
      var ev = hp.ev;
      row.n_mentions += hp.n;
      if (ev.background) row.n_background += 1;
      if (imprecise(ev.place, freq)) row.n_imprecise += 1;
      if (typeof ev.goldstein === 'number') gs.push(ev.goldstein);
      if (typeof ev.plover === 'number') ps.push(ev.plover);
      if (ev.quad >= 1 && ev.quad <= 4) quads[ev.quad - 1] += 1;
    });
    function sum(xs) { return xs.reduce(function (a, b) { return a + b; }, 0); }
    row.goldstein_sum = sum(gs); row.goldstein_mean = gs.length ? sum(gs) / gs.length : null;
    row.plover_sum = sum(ps); row.plover_mean = ps.length ? sum(ps) / ps.length : null;
    row.quad_counts = quads;
    return row;
  }
  function metricOf(row, metric) {
    return {gsum: row.goldstein_sum, gmean: row.goldstein_mean, psum: row.plover_sum,
            pmean: row.plover_mean, count: row.n_events}[metric];
  }

  // ------------------------------------------------------------------ state & filters
  var state = {dyad: '', type: '', from: '', to: '', outlet: '', background: 'all',
               direction: '', freq: 'month', metric: 'gsum', dedupe: true, showAll: false,
               failedOnly: false};

  function eventPasses(ev, ignoreDates) {
    if (state.dyad && ev.pair !== state.dyad) return false;
    if (state.dyad && state.direction && ev.direction !== state.direction) return false;
    if (state.type && ev.type !== state.type) return false;
    if (state.outlet && ev.outlet !== state.outlet) return false;
    if (state.background === 'exclude' && ev.background) return false;
    if (state.background === 'only' && !ev.background) return false;
    return ignoreDates === true || inDateRange(ev.place);
  }
  function inDateRange(place) {
    if (!state.from && !state.to) return true;
    if (!place) return false;
    if (state.from && iso(place.end) < state.from) return false;
    if (state.to && iso(place.t) > state.to) return false;
    return true;
  }
  function storyPasses(st) {
    if (state.dyad && st.dyad !== state.dyad) return false;
    if (state.type && st.type !== state.type) return false;
    if (state.outlet && st.outlets.indexOf(state.outlet) < 0) return false;
    if (state.background === 'exclude' && st.background) return false;
    if (state.background === 'only' && !st.background) return false;
    return inDateRange(parseDate(st.date || st.first_reported));
  }
  function articlePasses(a) {
    if (state.outlet && a.outlet !== state.outlet) return false;
    if ((state.from || state.to) && !inDateRange(parseDate(a.pub_date))) return false;
    if (state.dyad || state.type || state.background !== 'all') {
      // an article matches when one of its events does; its own pub_date decides the dates
      return eventsOfArticle(a.id).some(function (ev) { return eventPasses(ev, true); });
    }
    return true;
  }
  var BY_DOC = {};
  DATA.events.forEach(function (ev) { (BY_DOC[ev.doc] = BY_DOC[ev.doc] || []).push(ev); });
  function eventsOfArticle(id) { return BY_DOC[id] || []; }

  function countBy(items, keyOf) {
    var counts = {};
    items.forEach(function (it) { var k = keyOf(it); if (k) counts[k] = (counts[k] || 0) + 1; });
    return counts;
  }
  function options(select, counts, allLabel, labelOf) {
    append(select, h('option', {value: '', text: allLabel}));
    Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); })
      .forEach(function (k) {
        append(select, h('option', {value: k, text: (labelOf ? labelOf(k) : k) + ' (' + counts[k] + ')'}));
      });
  }

  function buildFilters(bar) {
    var dyad = h('select', {id: 'f-dyad'}), type = h('select', {id: 'f-type'});
    var outlet = h('select', {id: 'f-outlet'}), bg = h('select', {id: 'f-background'});
    options(dyad, countBy(DATA.events, function (e) { return e.pair; }), 'All dyads',
            function (k) { return k.indexOf('-') < 0 ? k + ' (domestic)' : k.replace('-', ' – '); });
    options(type, countBy(DATA.events, function (e) { return e.type; }), 'All types');
    options(outlet, countBy(DATA.articles, function (a) { return a.outlet; }), 'All outlets');
    [['all', 'Include recaps'], ['exclude', 'Exclude recaps'], ['only', 'Only recaps']].forEach(function (o) {
      append(bg, h('option', {value: o[0], text: o[1]}));
    });
    var from = h('input', {id: 'f-from', type: 'date'}), to = h('input', {id: 'f-to', type: 'date'});
    var reset = h('button', {id: 'f-reset', type: 'button', text: 'Reset', onclick: function () {
      [dyad, type, outlet, from, to].forEach(function (el) { el.value = ''; });
      bg.value = 'all';
      readFilters();
    }});
    var count = h('span', {'class': 'count', id: 'f-count'});
    append(bar, [
      h('label', null, ['Dyad', dyad]), h('label', null, ['Event type', type]),
      h('label', null, ['From', from]), h('label', null, ['To', to]),
      h('label', null, ['Outlet', outlet]), h('label', null, ['Recaps', bg]), reset, count
    ]);
    // Filters given in the link (#/timeline?dyad=JPN-KOR&type=REQUEST) preset the controls.
    var query = location.hash.split('?')[1] || '';
    var controls = {dyad: dyad, type: type, outlet: outlet, background: bg, from: from, to: to};
    query.split('&').forEach(function (pair) {
      var kv = pair.split('=');
      var control = controls[safeDecode(kv[0] || '')];
      if (control && kv.length === 2) control.value = safeDecode(kv[1]);
    });
    readFilterValues();
    function readFilterValues() {
      if (state.dyad !== dyad.value) state.direction = '';
      state.dyad = dyad.value; state.type = type.value; state.outlet = outlet.value;
      state.from = from.value; state.to = to.value; state.background = bg.value || 'all';
    }
    function readFilters() {
      readFilterValues();
      state.showAll = false;
      render();
    }
    [dyad, type, outlet, bg, from, to].forEach(function (el) {
      el.addEventListener('change', readFilters);
    });
  }

  // ------------------------------------------------------------------ chart
  function niceTicks(lo, hi, count, integer) {
    if (lo === hi) { lo -= 1; hi += 1; }
    var step = Math.pow(10, Math.floor(Math.log10((hi - lo) / count)));
    var err = (hi - lo) / count / step;
    if (err >= 7.5) step *= 10; else if (err >= 3.5) step *= 5; else if (err >= 1.5) step *= 2;
    if (integer) step = Math.max(1, Math.round(step));
    var ticks = [];
    for (var v = Math.floor(lo / step + 1e-9) * step; v < hi + step - step * 1e-9; v += step) ticks.push(+v.toFixed(10));
    return ticks;
  }
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function timeTicks(t0, t1) {
    var months = (t1 - t0) / (30.44 * DAY);
    var steps = [1, 2, 3, 6, 12, 24, 60, 120, 240];
    var step = steps.filter(function (st) { return months / st <= 9; })[0] || 240;
    var d = new Date(t0), index = d.getUTCFullYear() * 12 + d.getUTCMonth() + 1;
    var ticks = [];
    for (var t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); t <= t1; index += 1,
         t = Date.UTC(Math.floor(index / 12), index % 12, 1)) {
      if (index % step !== 0) continue;
      var dt = new Date(t), month = dt.getUTCMonth(), year = dt.getUTCFullYear();
      var label = step >= 12 ? String(year)
        : (month === 0 || !ticks.length ? MONTHS[month] + ' ' + year : MONTHS[month]);
      ticks.push({t: t, label: label});
    }
    if (!ticks.length) ticks.push({t: t0, label: iso(t0)});
    return ticks;
  }

  // Chart geometry: a score panel, a recap strip and a quad-class panel over one time axis.
  // The time range covers the periods with current events; older or newer recaps are counted
  // at the edges instead of stretching the axis over decades.
  function chartFrame(rows) {
    var W = 960, L = 58, R = 18, T = 22;
    var frame = {W: W, L: L, R: R, T: T, top: {y: T, h: 170}, strip: {y: T + 176, h: 24},
                 bot: {y: T + 222, h: 110}};
    frame.axisY = frame.bot.y + frame.bot.h;
    frame.H = frame.axisY + 26;
    var current = rows.filter(function (r) { return r.n_background < r.n_events; });
    var basis = current.length ? current : rows;
    var t0 = basis[0].start, t1 = basis[basis.length - 1].end;
    var pad = Math.max((t1 - t0) * 0.02, 2 * DAY);
    t0 -= pad; t1 += pad;
    var minSpan = (state.freq === 'week' ? 56 : 182) * DAY;  // a few periods either side
    if (t1 - t0 < minSpan) { var mid = (t0 + t1) / 2; t0 = mid - minSpan / 2; t1 = mid + minSpan / 2; }
    frame.t0 = t0; frame.t1 = t1;
    frame.x = function (t) { return L + (t - t0) / (t1 - t0) * (W - L - R); };
    frame.visible = rows.filter(function (r) { return r.end > t0 && r.start < t1; });
    frame.bar = function (r) {  // [left, width] of a period's bar
      var x0 = frame.x(Math.max(r.start, t0)), x1 = frame.x(Math.min(r.end, t1));
      var w = Math.min(36, Math.max(2, (x1 - x0) * 0.82));
      return [x0 + (x1 - x0 - w) / 2, w];
    };
    return frame;
  }

  function yAxis(svg, f, ticks, y, label, labelY, signed) {
    var grid = s('g', {'class': 'grid'}), axis = s('g', {'class': 'axis'});
    ticks.forEach(function (v) {
      append(grid, s('line', {x1: f.L, x2: f.W - f.R, y1: y(v), y2: y(v)}));
      var text = (signed && v > 0 ? '+' : '') + (Math.abs(v) < 10 && v % 1 ? v.toFixed(1) : String(v));
      append(axis, s('text', {x: f.L - 6, y: y(v) + 3.5, 'text-anchor': 'end', text: text}));
    });
    append(svg, [grid, axis, s('text', {'class': 'panel-label', x: f.L, y: labelY, text: label})]);
  }

  function drawScorePanel(svg, f) {
    var metric = state.metric, info = METRICS[metric], top = f.top;
    var values = f.visible.map(function (r) { return metricOf(r, metric); })
      .filter(function (v) { return v !== null; }).concat([0]);
    var ticks = niceTicks(Math.min.apply(null, values), Math.max.apply(null, values), 4);
    var lo = ticks[0], hi = ticks[ticks.length - 1];
    function y(v) { return top.y + (hi - v) / (hi - lo) * top.h; }
    yAxis(svg, f, ticks, y, info.label + ' per ' + state.freq +
          (state.dedupe ? ' (stories counted once)' : ' (every mention)'), f.T - 8, info.signed);
    var bars = s('g', {'class': 'bars'});
    f.visible.forEach(function (r) {
      var v = metricOf(r, metric);
      if (v === null) return;
      var box = f.bar(r);
      var rect = s('rect', {'class': 'mark bar ' + (v >= 0 ? 'bar-pos' : 'bar-neg'), x: box[0], width: box[1],
                            y: Math.min(y(v), y(0)), height: Math.max(1, Math.abs(y(v) - y(0))), 'data-period': r.period});
      append(rect, s('title', {text: r.period + ' · ' + info.label + ' ' + fmt(v) + ' · ' + r.n_events +
        ' events (' + r.n_mentions + ' mentions)' + (r.n_background ? ', ' + r.n_background + ' recaps' : '') +
        (r.n_imprecise ? ', ' + r.n_imprecise + ' dated coarsely' : '')}));
      append(bars, rect);
    });
    append(svg, [bars, s('line', {'class': 'zero', x1: f.L, x2: f.W - f.R, y1: y(0), y2: y(0)})]);
  }

  function drawRecapStrip(svg, f, recaps) {
    var cy = f.strip.y + f.strip.h / 2, r = 5.5, before = 0, after = 0, marks = s('g', {'class': 'recaps'});
    append(svg, [s('text', {'class': 'panel-label', x: f.L - 6, y: cy + 4, 'text-anchor': 'end', text: 'recaps'}),
                 s('line', {x1: f.L, x2: f.W - f.R, y1: cy, y2: cy, stroke: '#eceff4'})]);
    recaps.forEach(function (ev) {
      if (ev.place.t < f.t0) { before += 1; return; }
      if (ev.place.t > f.t1) { after += 1; return; }
      var cx = f.x(ev.place.t);
      var dia = s('path', {'class': 'recap', 'data-event': ev.id,
                           d: 'M' + cx + ' ' + (cy - r) + 'L' + (cx + r) + ' ' + cy + 'L' + cx + ' ' + (cy + r) + 'L' + (cx - r) + ' ' + cy + 'Z',
                           onclick: function () { location.hash = routeHash('article', ev.doc) + '/' + encodeURIComponent(ev.id); }});
      append(dia, s('title', {text: 'Recap (' + (ev.date || '?') + '): ' + ev.type + ' ' + ev.arrow + ' — ' + ev.evidence}));
      append(marks, dia);
    });
    append(svg, marks);
    function plural(n) { return n + ' recap' + (n > 1 ? 's' : ''); }
    if (before) append(svg, s('text', {'class': 'note', x: f.L + 4, y: f.strip.y + 4, text: '◂ ' + plural(before) + ' before this range'}));
    if (after) append(svg, s('text', {'class': 'note', x: f.W - f.R - 4, y: f.strip.y + 4, 'text-anchor': 'end', text: plural(after) + ' after this range ▸'}));
  }

  function drawQuadPanel(svg, f) {
    var bot = f.bot;
    var ticks = niceTicks(0, Math.max.apply(null, f.visible.map(function (r) { return r.n_events; }).concat([1])), 3, true);
    var cmax = ticks[ticks.length - 1];
    function y(v) { return bot.y + bot.h - v / cmax * bot.h; }
    yAxis(svg, f, ticks, y, 'Events by quad class', bot.y - 6);
    var stacks = s('g', {'class': 'stacks'});
    f.visible.forEach(function (r) {
      var box = f.bar(r), base = 0;
      r.quad_counts.forEach(function (c, i) {
        if (!c) return;
        var rect = s('rect', {'class': 'mark quad q' + (i + 1), x: box[0], width: box[1], y: y(base + c),
                              height: Math.max(1, y(base) - y(base + c)), 'data-period': r.period});
        append(rect, s('title', {text: r.period + ' · ' + DATA.quad_labels[String(i + 1)] + ': ' + c}));
        append(stacks, rect);
        base += c;
      });
    });
    append(svg, stacks);
  }

  function drawTimeAxis(svg, f) {
    var axis = s('g', {'class': 'axis'});
    append(axis, s('line', {x1: f.L, x2: f.W - f.R, y1: f.axisY, y2: f.axisY}));
    timeTicks(f.t0, f.t1).forEach(function (tk) {
      append(axis, [s('line', {x1: f.x(tk.t), x2: f.x(tk.t), y1: f.axisY, y2: f.axisY + 4}),
                    s('text', {x: f.x(tk.t), y: f.axisY + 16, 'text-anchor': 'middle', text: tk.label})]);
    });
    append(svg, axis);
  }

  function drawChart(container, rows, recaps) {
    clear(container);
    if (!rows.length) {
      append(container, h('div', {'class': 'empty', text: 'No dated events match the filters.'}));
      return;
    }
    var f = chartFrame(rows);
    var svg = s('svg', {viewBox: '0 0 ' + f.W + ' ' + f.H, role: 'img', id: 'dyad-chart',
                        'aria-label': 'Cooperation and conflict over time'});
    drawScorePanel(svg, f);
    drawRecapStrip(svg, f, recaps);
    drawQuadPanel(svg, f);
    drawTimeAxis(svg, f);
    append(container, svg);
  }

  function legend() {
    var items = [h('span', null, [h('span', {'class': 'sw', style: 'background: var(--coop)'}), 'cooperative (≥ 0)']),
                 h('span', null, [h('span', {'class': 'sw', style: 'background: var(--conf)'}), 'conflictual (< 0)'])];
    [1, 2, 3, 4].forEach(function (q) {
      items.push(h('span', null, [h('span', {'class': 'sw', style: 'background: var(--q' + q + ')'}), DATA.quad_labels[String(q)]]));
    });
    items.push(h('span', null, [h('span', {'class': 'dia'}), 'recap of an earlier event, at its own date']));
    return h('div', {'class': 'legend'}, items);
  }

  // ------------------------------------------------------------------ tables
  function typeBadge(type) { return h('span', {'class': 'badge type', text: type || '?'}); }
  function quadBadge(q) {
    if (!(q >= 1 && q <= 4)) return null;
    return h('span', {'class': 'badge q' + q, text: DATA.quad_labels[String(q)]});
  }
  function scoreCell(v) {
    return h('td', {'class': 'num ' + (v > 0 ? 'gs-pos' : (v < 0 ? 'gs-neg' : '')), text: fmt(v)});
  }
  function eventTable(events, limit) {
    if (!events.length) return h('div', {'class': 'empty', text: 'No events match the filters.'});
    var head = h('tr', null, ['Date', 'Dyad', 'Type', 'Class', 'Goldstein', 'Outlet', 'Evidence', ''].map(function (t) {
      return h('th', {text: t});
    }));
    var body = h('tbody');
    events.slice(0, limit || events.length).forEach(function (ev) {
      var tags = [];
      if (ev.background) tags.push(h('span', {'class': 'badge recap', text: 'recap'}));
      if (ev.status && ev.status !== 'occurred') tags.push(h('span', {'class': 'badge', text: ev.status}));
      if (ev.story) tags.push(link('story', routeHash('story', ev.story), 'badge'));
      var row = h('tr', {'class': 'event-row clickable', 'data-id': ev.id, onclick: function (e) {
        if (e.target.tagName !== 'A') location.hash = routeHash('article', ev.doc) + '/' + encodeURIComponent(ev.id);
      }}, [
        h('td', {'class': 'nowrap', text: (ev.date || (ev.place ? iso(ev.place.t) + '*' : '–'))}),
        h('td', {'class': 'nowrap', text: ev.arrow}),
        h('td', null, typeBadge(ev.type)),
        h('td', null, quadBadge(ev.quad)),
        scoreCell(ev.goldstein),
        h('td', {'class': 'outlet', text: ev.outlet || '–'}),
        h('td', {'class': 'evidence', text: ev.evidence}),
        h('td', {'class': 'nowrap'}, tags)
      ]);
      append(body, row);
    });
    return h('table', {'class': 'data events'}, [h('thead', null, head), body]);
  }

  // ------------------------------------------------------------------ text with highlights
  // Segments `raw` at the edges of evidence and removed-line ranges (UTF-16 offsets) and
  // renders each piece as a text node inside <mark> / <span class=removed> as needed.
  function markedText(raw, evidences, removed, focusId) {
    var cuts = [0, raw.length];
    evidences.concat(removed).forEach(function (r) {
      if (r.start >= 0 && r.end > r.start && r.end <= raw.length) cuts.push(r.start, r.end);
    });
    cuts = cuts.filter(function (c, i, all) { return all.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    var out = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1], piece = raw.slice(a, b);
      var ev = evidences.filter(function (r) { return r.start <= a && b <= r.end; })[0];
      var rm = removed.filter(function (r) { return r.start <= a && b <= r.end; })[0];
      var node = piece;
      if (ev) node = h('mark', {'class': 'evidence' + (ev.id === focusId ? ' focus' : ''), 'data-event': ev.id, title: ev.label, text: piece});
      if (rm) {
        node = h('span', {'class': 'removed', title: 'removed: ' + rm.reason}, node);
        if (b === rm.end) out.push(node, h('span', {'class': 'reason', text: rm.reason}));
        else out.push(node);
        continue;
      }
      out.push(node);
    }
    return out;
  }
  function evidenceRanges(events) {
    return events.filter(function (ev) { return ev.ev_start >= 0; }).map(function (ev) {
      return {start: ev.ev_start, end: ev.ev_end, id: ev.id, label: ev.type + ' ' + ev.arrow};
    });
  }
  function excerpt(ev) {
    var art = ARTICLES[ev.doc];
    var raw = (art && art.raw) || '';
    if (ev.ev_start < 0 || !raw) {
      return h('div', {'class': 'excerpt'}, [h('mark', {'class': 'evidence', text: ev.evidence}),
        h('div', {'class': 'muted', text: '(sentence not located in the article text)'})]);
    }
    var a = raw.lastIndexOf('\n', ev.ev_start - 1) + 1;
    var b = raw.indexOf('\n', ev.ev_end);
    if (b < 0) b = raw.length;
    var ranges = [{start: ev.ev_start - a, end: ev.ev_end - a, id: ev.id, label: ev.type}];
    return h('div', {'class': 'excerpt'}, markedText(raw.slice(a, b), ranges, [], null));
  }

  // ------------------------------------------------------------------ views
  var root, tabs, countEl;
  function setCount(text) { countEl.textContent = text; }

  function showAllButton(shown, total) {
    return h('div', {'class': 'more'}, [h('span', {'class': 'muted', text: 'Showing ' + shown + ' of ' + total + '. '}),
      h('button', {type: 'button', 'class': 'show-all', text: 'Show all', onclick: function () { state.showAll = true; render(); }})]);
  }
  function byDateDesc(a, b) {
    var ta = a.place ? a.place.t : -Infinity, tb = b.place ? b.place.t : -Infinity;
    return tb - ta || (a.id < b.id ? -1 : 1);
  }
  function periodTable(rows) {
    var heads = ['Period', 'Events', 'Mentions', 'Recaps', 'Goldstein Σ', 'Goldstein μ', 'PLOVER Σ', 'PLOVER μ']
      .concat([1, 2, 3, 4].map(function (q) { return DATA.quad_labels[String(q)]; }));
    var body = h('tbody');
    rows.forEach(function (r) {
      append(body, h('tr', {'class': 'period-row'}, [
        h('td', {'class': 'nowrap', text: r.period}), h('td', {'class': 'num', text: String(r.n_events)}),
        h('td', {'class': 'num', text: String(r.n_mentions)}), h('td', {'class': 'num', text: r.n_background ? String(r.n_background) : ''}),
        scoreCell(r.goldstein_sum), scoreCell(r.goldstein_mean), scoreCell(r.plover_sum), scoreCell(r.plover_mean)
      ].concat(r.quad_counts.map(function (c) { return h('td', {'class': 'num', text: c ? String(c) : ''}); }))));
    });
    return h('table', {'class': 'data periods'}, [h('thead', null, h('tr', null, heads.map(function (x) { return h('th', {text: x}); }))), body]);
  }

  // Who acts on whom: both directions of the selected pair, or one.
  function directionControl() {
    var pair = state.dyad.split('-');
    if (pair.length !== 2) return null;
    var select = h('select', {id: 'c-direction'}, [h('option', {value: '', text: 'both directions'})]);
    [[pair[0], pair[1]], [pair[1], pair[0]]].forEach(function (d) {
      var key = d[0] + '>' + d[1];
      append(select, h('option', {value: key, text: d[0] + ' → ' + d[1] + ' only', selected: key === state.direction}));
    });
    select.addEventListener('change', function () { state.direction = select.value; render(); });
    return h('label', null, [select]);
  }

  function viewTimeline() {
    var events = DATA.events.filter(function (ev) { return eventPasses(ev); }).sort(byDateDesc);
    setCount(events.length + ' of ' + DATA.events.length + ' events');
    var rows = aggregate(events, state.freq, state.dedupe);
    var recaps = happenings(events.filter(function (e) { return e.background; }), state.dedupe)
      .map(function (hp) { return hp.ev; });
    var metric = h('select', {id: 'c-metric'}), freq = h('select', {id: 'c-freq'});
    Object.keys(METRICS).forEach(function (k) { append(metric, h('option', {value: k, text: METRICS[k].label, selected: k === state.metric})); });
    ['month', 'week'].forEach(function (k) { append(freq, h('option', {value: k, text: 'per ' + k, selected: k === state.freq})); });
    var dedupe = h('input', {type: 'checkbox', id: 'c-dedupe', checked: state.dedupe});
    metric.addEventListener('change', function () { state.metric = metric.value; render(); });
    freq.addEventListener('change', function () { state.freq = freq.value; render(); });
    dedupe.addEventListener('change', function () { state.dedupe = dedupe.checked; render(); });
    var chart = h('div', {'class': 'chart'});
    var title = state.dyad ? 'Dyad ' + state.dyad.replace('-', ' – ') : 'All dyads';
    append(root, h('div', {'class': 'card'}, [
      h('h2', {text: title + ': cooperation and conflict over time'}),
      h('div', {'class': 'controls'}, [h('label', null, ['Show ', metric]), h('label', null, [freq]),
        directionControl(), h('label', null, [dedupe, ' count each story once'])]),
      chart, legend()
    ]));
    drawChart(chart, rows, recaps);
    if (rows.length) {
      append(chart.parentNode, h('details', {'class': 'periods'}, [
        h('summary', {text: 'Table per ' + state.freq + ': sum and mean of scores, counts by quad class'}),
        periodTable(rows),
        h('div', {'class': 'muted', text: 'For papers: newsevents timeline --db FILE --dyad ' + (state.dyad || 'AAA-BBB') + ' --png chart.png (or .svg)'})]));
    }
    var shown = state.showAll ? events.length : Math.min(events.length, ROW_LIMIT);
    var card = h('div', {'class': 'card'}, [h('h2', {text: 'Events (' + events.length + ')'}), eventTable(events, shown)]);
    if (shown < events.length) append(card, showAllButton(shown, events.length));
    append(root, card);
  }

  function headline(st) {
    var mentions = st.events.map(function (id) { return EVENTS[id]; }).filter(Boolean);
    var best = mentions.filter(function (ev) { return ev.main; })[0] || mentions[0];
    return best ? best.evidence : '';
  }

  function viewStories() {
    var stories = DATA.stories.filter(storyPasses);
    setCount(stories.length + ' of ' + DATA.stories.length + ' stories');
    if (!stories.length) {
      append(root, h('div', {'class': 'card'}, [h('h2', {text: 'Stories'}),
        h('div', {'class': 'empty', text: DATA.stories.length ? 'No stories match the filters.' : 'No stories: the store has no linked events (run with linking on).'})]));
      return;
    }
    var body = h('tbody');
    stories.forEach(function (st) {
      append(body, h('tr', {'class': 'story-row clickable', 'data-id': st.id, onclick: function () { location.hash = routeHash('story', st.id); }}, [
        h('td', {'class': 'nowrap', text: st.date || '–'}), h('td', null, typeBadge(st.type)),
        h('td', {'class': 'nowrap', text: st.dyad || '–'}), h('td', {'class': 'num', text: String(st.n_mentions)}),
        h('td', {text: st.outlets.join(', ')}),
        h('td', {'class': 'evidence', text: headline(st)}),
        h('td', null, st.background ? h('span', {'class': 'badge recap', text: 'recap'}) : null)
      ]));
    });
    var head = h('tr', null, ['Date', 'Type', 'Dyad', 'Mentions', 'Outlets', 'Clearest mention', ''].map(function (t) { return h('th', {text: t}); }));
    append(root, h('div', {'class': 'card'}, [h('h2', {text: 'Stories (' + stories.length + ')'}),
      h('table', {'class': 'data stories'}, [h('thead', null, head), body])]));
  }

  function accountColumns(st) {
    var columns = st.accounts.map(function (acc) {
      return {outlet: acc.outlet, country: acc.outlet_country, docs: acc.docs.slice(), summary: acc.summary, only: acc.only_here};
    });
    var covered = {};
    columns.forEach(function (c) { c.docs.forEach(function (d) { covered[d] = true; }); });
    st.events.forEach(function (id) {
      var ev = EVENTS[id];
      if (!ev || covered[ev.doc]) return;
      var art = ARTICLES[ev.doc] || {};
      var col = columns.filter(function (c) { return c.outlet === (art.outlet || null) && !c.summary.length; })[0];
      if (!col) { col = {outlet: art.outlet || null, country: art.outlet_country || null, docs: [], summary: [], only: []}; columns.push(col); }
      col.docs.push(ev.doc); covered[ev.doc] = true;
    });
    return columns;
  }

  function viewStory(id) {
    var st = STORIES[id];
    append(root, link('← All stories', '#/stories', 'back'));
    if (!st) { append(root, h('div', {'class': 'card empty', text: 'No story with this id.'})); return; }
    setCount(st.n_mentions + ' mentions');
    var meta = h('dl', {'class': 'meta'}, [
      h('dt', {text: 'Event type'}), h('dd', null, typeBadge(st.type)),
      h('dt', {text: 'Dyad'}), h('dd', {text: st.dyad || '–'}),
      h('dt', {text: 'Happened'}), h('dd', {text: st.date || 'unknown'}),
      h('dt', {text: 'First reported'}), h('dd', {text: st.first_reported || 'unknown'}),
      h('dt', {text: 'Mentions'}), h('dd', {text: st.n_mentions + ' in ' + st.docs.length + ' articles'}),
      h('dt', {text: 'Outlets'}), h('dd', {text: st.outlets.join(', ') || '–'}),
      h('dt', {text: 'Recap'}), h('dd', {text: st.background ? 'yes: recalled as background' : 'no'})
    ]);
    append(root, h('div', {'class': 'card'}, [h('h2', {text: 'Story: ' + (st.type || '') + ' ' + (st.dyad || '')}), meta]));
    var grid = h('div', {'class': 'accounts'});
    accountColumns(st).forEach(function (col) {
      var box = h('div', {'class': 'account', 'data-outlet': col.outlet || ''}, [
        h('h3', {text: col.outlet || 'Unknown outlet'}),
        col.country ? h('div', {'class': 'country', text: col.country}) : null,
        col.summary.length ? h('ul', {'class': 'summary'}, col.summary.map(function (line) { return h('li', {text: line}); })) : null
      ]);
      col.docs.forEach(function (doc) {
        var art = ARTICLES[doc] || {};
        var mentions = st.events.map(function (eid) { return EVENTS[eid]; })
          .filter(function (ev) { return ev && ev.doc === doc; });
        if (!mentions.length) return;
        var full = null;
        var toggle = h('button', {type: 'button', text: 'Show whole article', onclick: function () {
          if (full) { full.remove(); full = null; toggle.textContent = 'Show whole article'; return; }
          full = h('div', {'class': 'fulltext'}, markedText(art.raw || '', evidenceRanges(mentions), [], null));
          toggle.after(full); toggle.textContent = 'Hide article';
        }});
        var block = h('div', {'class': 'article-block', 'data-doc': doc}, [
          h('div', {'class': 'art-head'}, [link(art.title || doc, routeHash('article', doc)),
            h('span', {'class': 'muted', text: ' · ' + (art.pub_date || 'date unknown')})])
        ]);
        mentions.forEach(function (ev) {
          append(block, h('div', {'class': 'mention', 'data-event': ev.id}, [
            h('div', {'class': 'head'}, [typeBadge(ev.type), ev.arrow + ' · ' + (ev.date || 'undated') + ' · ' + ev.status,
              ev.attributed_to ? ' · according to ' + ev.attributed_to : '',
              ev.background ? [' ', h('span', {'class': 'badge recap', text: 'recap'})] : null,
              col.only.indexOf(ev.id) >= 0 ? [' ', h('span', {'class': 'badge only', text: 'only in this outlet'})] : null]),
            excerpt(ev)
          ]));
        });
        append(block, h('div', {'class': 'more'}, toggle));
        append(box, block);
      });
      append(grid, box);
    });
    append(root, h('div', {'class': 'card'}, [h('h2', {text: 'Outlets side by side'}), grid]));
  }

  function viewArticles() {
    var arts = DATA.articles.filter(articlePasses).filter(function (a) {
      return !state.failedOnly || a.status !== 'ok';
    });
    setCount(arts.length + ' of ' + DATA.articles.length + ' articles');
    var failed = DATA.articles.filter(function (a) { return a.status !== 'ok'; }).length;
    var failedStat = stat(failed, state.failedOnly ? 'failed (showing only these; click for all)' : 'failed (click to list)');
    failedStat.setAttribute('id', 'stat-failed');
    failedStat.className += ' clickable' + (state.failedOnly ? ' on' : '');
    failedStat.addEventListener('click', function () { state.failedOnly = !state.failedOnly; render(); });
    append(root, h('div', {'class': 'stats'}, [
      stat(DATA.articles.length, 'articles'), failedStat, stat(DATA.events.length, 'event mentions'),
      stat(DATA.stories.length, 'stories')]));
    if (!arts.length) { append(root, h('div', {'class': 'card empty', text: 'No articles match the filters.'})); return; }
    var body = h('tbody');
    var shown = state.showAll ? arts.length : Math.min(arts.length, ROW_LIMIT);
    arts.slice(0, shown).forEach(function (a) {
      append(body, h('tr', {'class': 'article-row clickable', 'data-id': a.id, onclick: function () { location.hash = routeHash('article', a.id); }}, [
        h('td', null, [h('div', {text: a.title || a.id}), h('div', {'class': 'muted', text: a.id})]),
        h('td', {text: a.outlet || '–'}),
        h('td', {'class': 'nowrap'}, [a.pub_date || 'unknown', h('div', {'class': 'muted', text: a.pub_date_source || ''})]),
        h('td', null, a.status === 'ok' ? h('span', {'class': 'badge ok', text: 'ok'}) : [h('span', {'class': 'badge error', text: a.status}), h('div', {'class': 'muted', text: a.error || ''})]),
        h('td', {'class': 'num', text: String(a.n_events)}), h('td', {'class': 'num', text: String(a.removed.length)})
      ]));
    });
    var head = h('tr', null, ['Article', 'Outlet', 'Published', 'Status', 'Events', 'Removed lines'].map(function (t) { return h('th', {text: t}); }));
    var card = h('div', {'class': 'card'}, [h('h2', {text: 'Articles (' + arts.length + ')'}),
      h('table', {'class': 'data articles'}, [h('thead', null, head), body])]);
    if (shown < arts.length) append(card, showAllButton(shown, arts.length));
    append(root, card);
  }
  function stat(v, k) { return h('div', {'class': 'stat'}, [h('div', {'class': 'v', text: String(v)}), h('div', {'class': 'k', text: k})]); }

  function viewArticle(id, focusId) {
    var a = ARTICLES[id];
    append(root, link('← All articles', '#/articles', 'back'));
    if (!a) { append(root, h('div', {'class': 'card empty', text: 'No article with this id.'})); return; }
    var events = eventsOfArticle(id);
    setCount(events.length + ' events');
    var url = safeUrl(a.url);
    var meta = h('dl', {'class': 'meta'}, [
      h('dt', {text: 'Document'}), h('dd', {text: a.id}),
      h('dt', {text: 'Source file'}), h('dd', {text: a.source_path || '–'}),
      h('dt', {text: 'Outlet'}), h('dd', {text: (a.outlet || 'unknown') + (a.outlet_country ? ' (' + a.outlet_country + ')' : '')}),
      h('dt', {text: 'URL'}), h('dd', null, url ? h('a', {href: url, rel: 'noopener noreferrer', target: '_blank', text: url}) : (a.url || '–')),
      h('dt', {text: 'Published'}), h('dd', {text: (a.pub_date || 'unknown') + (a.pub_date_source ? '  (from ' + a.pub_date_source + ')' : '')}),
      h('dt', {text: 'Dateline'}), h('dd', {text: a.dateline || '–'}),
      h('dt', {text: 'Status'}), h('dd', null, a.status === 'ok' ? h('span', {'class': 'badge ok', text: 'ok'}) : h('span', {'class': 'badge error', text: a.status})),
      h('dt', {text: 'Truncated'}), h('dd', {text: a.truncated ? 'yes: the text looks cut off' : 'no'}),
      h('dt', {text: 'Content hash'}), h('dd', {text: a.content_hash || '–'})
    ]);
    append(root, h('div', {'class': 'card'}, [h('h2', {text: a.title || a.id}),
      a.error ? h('div', {'class': 'errorbox', text: 'Error: ' + a.error}) : null, meta]));
    append(root, h('div', {'class': 'card'}, [h('h2', {text: 'Events (' + events.length + ')'}), eventTable(events)]));
    var cleaning = h('div', {'class': 'card', id: 'cleaning'}, [h('h2', {text: 'Cleaning result'}),
      h('div', {'class': 'muted', text: a.removed.length + ' line(s) removed (struck through, with the reason); event evidence highlighted.'})]);
    if (a.raw) append(cleaning, h('div', {'class': 'fulltext', id: 'article-raw'}, markedText(a.raw, evidenceRanges(events), a.removed, focusId)));
    else append(cleaning, h('div', {'class': 'empty', text: 'No text stored for this article.'}));
    if (a.text) append(cleaning, h('details', null, [h('summary', {text: 'Kept text (what the parser read)'}), h('div', {'class': 'fulltext', text: a.text})]));
    if (a.removed.length) {
      var body = h('tbody');
      a.removed.forEach(function (r) { append(body, h('tr', {'class': 'removed-row'}, [h('td', {text: r.text}), h('td', null, h('span', {'class': 'badge', text: r.reason}))])); });
      append(cleaning, [h('h3', {text: 'Removed lines'}), h('table', {'class': 'data removed-lines'}, [
        h('thead', null, h('tr', null, [h('th', {text: 'Line'}), h('th', {text: 'Reason'})])), body])]);
    }
    append(root, cleaning);
    if (focusId) {
      var target = root.querySelector('mark.focus');
      if (target && target.scrollIntoView) target.scrollIntoView({block: 'center'});
    }
  }

  // ------------------------------------------------------------------ routing
  function parseRoute() {
    var parts = location.hash.replace(/^#\/?/, '').split('?')[0].split('/');
    var kind = parts[0] || 'timeline';
    return {kind: kind, id: parts[1] ? safeDecode(parts[1]) : null,
            focus: parts[2] ? safeDecode(parts[2]) : null};
  }
  function safeDecode(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }
  var lastRoute = null;
  function render() {
    var route = parseRoute();
    if (lastRoute !== null && lastRoute !== route.kind) state.showAll = false;
    lastRoute = route.kind;
    clear(root);
    var section = {story: 'stories', article: 'articles'}[route.kind] || route.kind;
    Array.prototype.forEach.call(tabs.querySelectorAll('a'), function (a) {
      a.className = a.getAttribute('data-view') === section ? 'active' : '';
    });
    if (route.kind === 'story') viewStory(route.id);
    else if (route.kind === 'article') viewArticle(route.id, route.focus);
    else if (route.kind === 'stories') viewStories();
    else if (route.kind === 'articles') viewArticles();
    else viewTimeline();
    document.body.setAttribute('data-view', route.kind);
  }

  function start() {
    var app = document.getElementById('app');
    var header = h('header', {'class': 'top'}, [
      h('h1', {text: DATA.title}),
      h('div', {'class': 'sub', text: DATA.articles.length + ' articles · ' + DATA.events.length + ' event mentions · ' +
        DATA.stories.length + ' stories · from ' + DATA.source + ' · generated ' + DATA.generated})
    ]);
    tabs = h('nav', {'class': 'tabs'}, [
      h('a', {href: '#/timeline', 'data-view': 'timeline', text: 'Dyad timeline'}),
      h('a', {href: '#/stories', 'data-view': 'stories', text: 'Stories (' + DATA.stories.length + ')'}),
      h('a', {href: '#/articles', 'data-view': 'articles', text: 'Articles (' + DATA.articles.length + ')'})
    ]);
    append(header, tabs);
    var bar = h('div', {'class': 'filters', id: 'filters'});
    root = h('main', {id: 'view'});
    append(app, [header, bar, root]);
    buildFilters(bar);
    countEl = document.getElementById('f-count');
    window.addEventListener('hashchange', render);
    render();
    window.__reportReady = true;
  }

  // For tests and the console: the chart's rows under the current filters (no DOM access).
  function visibleRows() {
    return aggregate(DATA.events.filter(function (ev) { return eventPasses(ev); }), state.freq, state.dedupe).map(function (r) {
      return {period: r.period, start: iso(r.start), n_events: r.n_events, n_mentions: r.n_mentions,
              n_background: r.n_background, n_imprecise: r.n_imprecise,
              goldstein_sum: r.goldstein_sum, goldstein_mean: r.goldstein_mean,
              plover_sum: r.plover_sum, plover_mean: r.plover_mean, quad_counts: r.quad_counts};
    });
  }
  window.__report = {state: state, render: render, visibleRows: visibleRows};
  start();
})();
"""
