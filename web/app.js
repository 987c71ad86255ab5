/* app.js - the dyad dashboard: a network of actors, a dyad's series, its events and relation.
 * Everything comes from the JSON API of `dyad serve` (docs/api.md); nothing is loaded from
 * elsewhere. */
'use strict';

const $ = (id) => document.getElementById(id);
const state = { a: 'RUS', b: 'PRK', from: '', to: '', picks: [], offset: 0, total: 0 };
const PAGE = 100;       /* events a page */
const MAX_EDGES = 300;  /* the network's busiest edges: more would freeze the layout */

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) q.set(k, v);
  const res = await fetch(path + (q.toString() ? '?' + q : ''));
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function range() {
  return { from: state.from || '', to: state.to || '' };
}

function status(msg) { $('status').textContent = msg; }

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('data-')) e.setAttribute(k, v); else e[k] = v;
  }
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(k == null ? '' : String(k)));
  return e;
}

/* Goldstein -10..10 to red .. grey .. green. */
function colour(g) {
  const t = Math.max(-1, Math.min(1, g / 6));
  const grey = [150, 155, 165], good = [27, 127, 59], bad = [179, 38, 30];
  const to = t >= 0 ? good : bad, a = Math.abs(t);
  const c = grey.map((x, i) => Math.round(x + (to[i] - x) * a));
  return `rgb(${c.join(',')})`;
}

/* The data's extent sets the date range; the country pickers offer the codes of the store that
 * the dictionary names as countries (build/web/countries.json, from dict/countries.txt): no
 * regions, IGOs or NGOs. */
async function loadExtent() {
  const [ext, names] = await Promise.all([api('/api/extent'),
    fetch('countries.json').then((r) => (r.ok ? r.json() : null)).catch(() => null)]);
  if (ext.first) $('from').value = ext.first.slice(0, 7);
  if (ext.last) $('to').value = ext.last.slice(0, 7);
  const codes = ext.codes.filter((c) => (names ? Object.hasOwn(names, c) : /^[A-Z]{3}$/.test(c) && c !== 'IGO' && c !== 'NGO'));
  for (const id of ['pair-a', 'pair-b']) {
    $(id).replaceChildren(...codes.map((c) => el('option', { value: c }, names ? `${c} ${names[c]}` : c)));
  }
  if (!codes.includes(state.a) && codes.length) state.a = codes[0];
  if (!codes.includes(state.b) && codes.length > 1) state.b = codes[1];
  $('pair-a').value = state.a;
  $('pair-b').value = state.b;
  $('controls').dataset.events = ext.events;
}

let cy = null;
async function loadNetwork() {
  const net = await api('/api/network', { ...range(), limit: MAX_EDGES });
  const box = $('network');
  /* the actors drawn are the ends of the busiest edges: of a large store, the rest would be a
   * grid of unconnected dots */
  const ends = new Set(net.edges.flatMap((e) => [e.source, e.target]));
  const known = new Map(net.nodes.map((n) => [n.code, n]));
  net.nodes = [...ends].map((c) => known.get(c) || { code: c, mentions: 0, events: 0 });
  box.dataset.nodes = net.nodes.length;
  box.dataset.edges = net.edges.length;
  box.dataset.igos = [...known.keys()].filter((c) => /^IGO[A-Z]/.test(c)).length;
  $('network-note').textContent = net.edges.length >= MAX_EDGES ? `The busiest ${MAX_EDGES} relations of the period.` : '';
  const maxEv = Math.max(1, ...net.edges.map((e) => e.events));
  const maxM = Math.max(1, ...net.nodes.map((n) => n.mentions + n.events));
  const elements = [
    ...net.nodes.map((n) => ({ data: { id: n.code, label: n.code, size: 14 + 26 * Math.sqrt((n.mentions + n.events) / maxM) },
                               classes: n.code.startsWith('IGO') && n.code.length > 3 ? 'igo' : '' })),
    ...net.edges.map((e) => ({
      data: { id: e.source + '>' + e.target, source: e.source, target: e.target, events: e.events,
              width: 1 + 7 * e.events / maxEv, colour: colour(e.mean_goldstein), label: String(e.events) },
    })),
  ];
  if (cy) cy.destroy();
  cy = cytoscape({
    container: box,
    elements,
    /* a dense graph (a large store's busiest edges join a few busy countries) reads best as a ring */
    layout: net.edges.length > 3 * net.nodes.length ? { name: 'circle', animate: false, avoidOverlap: true }
      : { name: 'cose', animate: false, randomize: false, nodeRepulsion: 9000 },
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#4a6fa5',
                                   color: '#1d2430', 'font-size': 11, 'text-valign': 'center', 'text-halign': 'right' } },
      { selector: 'node.igo', style: { 'background-color': '#8a5fb0', shape: 'round-rectangle' } },
      { selector: 'node:selected', style: { 'background-color': '#e8a33d' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)',
                                   'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
    ],
  });
  cy.on('tap', 'node', (ev) => {
    if (![...$('pair-a').options].some((o) => o.value === ev.target.id())) return;     /* countries only */
    state.picks.push(ev.target.id());
    if (state.picks.length === 2) {
      [state.a, state.b] = state.picks;
      state.picks = [];
      $('pair-a').value = state.a;
      $('pair-b').value = state.b;
      status('loading…');
      showPair().then(() => status(''), (e) => status('error: ' + e.message));
    }
  });
}

let plot = null;
const WHOLE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000];

/* The two axes' ranges with their zeros at one height: the Goldstein sums may go below zero,
 * the counts may not, so the counts' axis reaches below zero as far (in proportion) as the sums'. */
function sharedZero(gs, ns) {
  const gpos = Math.max(0, ...gs), gneg = Math.max(0, ...gs.map((v) => -v)), npos = Math.max(1, ...ns);
  const t = gpos + gneg > 0 ? Math.min(0.5, gneg / (gpos + gneg)) : 0;       /* zero's height from the bottom */
  const top = Math.max(gpos, t > 0 ? gneg * (1 - t) / t : 1);
  const pad = 1.05;
  return [[-t / (1 - t) * top * pad, top * pad], [-t / (1 - t) * npos * pad, npos * pad]];
}
async function loadSeries() {
  const rows = await api('/api/series', { dyad: `${state.a},${state.b}`, by: 'month', ...range() });
  $('series-title').textContent = `${state.a} and ${state.b}: cooperation and conflict by month`;
  const total = rows.reduce((s, r) => s + r.events, 0);
  $('chart').dataset.events = total;
  const x = rows.map((r) => Date.UTC(+r.period.slice(0, 4), +r.period.slice(5, 7) - 1, 1) / 1000);
  const data = [x, rows.map((r) => r.goldstein), rows.map((r) => r.verbal_coop), rows.map((r) => r.material_coop),
                rows.map((r) => r.verbal_conflict), rows.map((r) => r.material_conflict)];
  const width = Math.max(320, $('chart').clientWidth || 560);
  const [gr, nr] = sharedZero(data[1], data.slice(2).flat());
  const chart = $('chart');
  const opts = {
    width, height: 300,
    scales: { g: { range: () => gr }, n: { range: () => nr } },
    series: [
      {},
      { label: 'Goldstein sum', stroke: '#4a6fa5', width: 2, scale: 'g' },
      { label: 'verbal coop', stroke: '#7bc48d', scale: 'n' },
      { label: 'material coop', stroke: '#1b7f3b', scale: 'n' },
      { label: 'verbal conflict', stroke: '#f0a08a', scale: 'n' },
      { label: 'material conflict', stroke: '#b3261e', scale: 'n' },
    ],
    axes: [{}, { scale: 'g', label: 'Goldstein' },
      /* events are counted whole: integer steps only, and no count below zero */
      { scale: 'n', side: 1, label: 'events', grid: { show: false }, incrs: WHOLE,
        values: (u, ticks) => { chart.dataset.countTicks = ticks.filter((v) => v >= 0).join(','); return ticks.map((v) => (v < 0 ? '' : v)); } }],
  };
  if (plot) plot.destroy();
  $('chart').replaceChildren();
  plot = rows.length ? new uPlot(opts, data, $('chart')) : null;
  if (!rows.length) $('chart').append(el('p', { class: 'hint' }, 'No events between these two in this period.'));
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  $('quads').replaceChildren(
    el('tr', {}, ...['events (one a day)', 'verbal coop', 'material coop', 'verbal conflict', 'material conflict'].map((h) => el('th', {}, h))),
    el('tr', {}, ...[total, sum('verbal_coop'), sum('material_coop'), sum('verbal_conflict'), sum('material_conflict')]
      .map((v, i) => el('td', { class: 'num', 'data-quad': i }, v))),
  );
}

/* A section of the relation: its first SHOW rows, and how many more there are (a pair of a
 * large store has thousands of sources; the panel stays short). */
const SHOW = 20;
const SOURCES = 100;    /* the API's page of a relation's sources (its busiest first; offset= pages on) */
function table(rows, cols, more) {
  if (!rows.length) return el('p', { class: 'hint' }, 'none');
  const t = el('table', { class: 'small', 'data-rows': rows.length }, el('tr', {}, ...cols.map((c) => el('th', {}, c))),
               ...rows.slice(0, SHOW).map((r) => el('tr', {}, ...cols.map((c) => el('td', {}, r[c] == null ? '' : r[c])))));
  return rows.length > SHOW ? el('div', {}, t, el('p', { class: 'hint more' }, `and ${more ? 'over ' : ''}${(rows.length - SHOW).toLocaleString('en')} more`)) : t;
}

async function loadRelation() {
  const r = await api('/api/relation', { a: state.a, b: state.b });
  const box = $('relation');
  const now = r.tier.find((t) => t.now === 'now');
  /* the relation's timeline: tiers from when a source first names them, each treaty's stages */
  const names = Object.fromEntries(r.treaties.map((t) => [t.treaty, t.name]));
  const seen = new Set();
  const timeline = [
    ...r.tier.filter((t) => t.since).map((t) => ({ date: t.since, what: `tier: ${t.tier}`, rank: t.rank })),
    ...r.stages.filter((s) => s.date && !seen.has(`${s.treaty}${s.stage}${s.party}${s.date}`) && seen.add(`${s.treaty}${s.stage}${s.party}${s.date}`))
      .map((s) => ({ date: s.date, what: `${names[s.treaty]}: ${s.stage}${s.party ? ` by ${s.party}` : ''}`, rank: null })),
  ].sort((x, y) => x.date.localeCompare(y.date));
  box.replaceChildren(
    el('p', {}, now ? el('strong', {}, `${now.tier} (rank ${now.rank ?? '?'})`) : 'No named tier in the corpus.',
       now ? ` — named since ${now.since || '?'}, latest ${now.latest || '?'} (${now.claims} sources)` : ''),
    el('h3', {}, 'Timeline'), table(timeline, ['date', 'what']),
    el('h3', {}, 'Tiers named'), table(r.tier, ['tier', 'rank', 'since', 'latest', 'claims', 'now']),
    el('h3', {}, 'Treaties'), table(r.treaties, ['name', 'status', 'signed', 'in_force', 'ended', 'clauses', 'aliases']),
    el('h3', {}, 'Treaty stages (each source)'), table(r.stages, ['treaty', 'stage', 'party', 'date', 'doc', 'conflict']),
    el('h3', {}, 'Trade (each source side by side)'), table(r.trade, ['kind', 'year', 'value', 'doc', 'conflict']),
    el('h3', {}, 'Sources'), table(r.sources, ['doc', 'pub', 'events'], r.sources.length >= SOURCES),
  );
  for (const td of box.querySelectorAll('td')) if (td.textContent === 'conflict') td.className = 'conflict';
}

/* The pair's events, latest first, a page of PAGE at state.offset, with their total. */
async function loadEvents() {
  const q = { dyad: `${state.a},${state.b}`, ...range() };
  const [rows, ext] = await Promise.all([api('/api/events', { ...q, limit: PAGE, offset: state.offset }), api('/api/extent', q)]);
  state.total = ext.events;
  const last = state.offset + rows.length;
  $('event-count').textContent = rows.length
    ? `${(state.offset + 1).toLocaleString('en')}–${last.toLocaleString('en')} of ${ext.events.toLocaleString('en')}, latest first`
      + (ext.undated ? ` (${ext.undated.toLocaleString('en')} undated, last)` : '')
    : `none of ${ext.events.toLocaleString('en')}`;
  $('events-panel').dataset.total = ext.events;
  $('newer').disabled = state.offset === 0;
  $('older').disabled = last >= ext.events;
  const body = $('events').tBodies[0];
  body.replaceChildren(...rows.map((r) => {
    const tr = el('tr', { class: 'event-row', 'data-doc': r.doc_id, 'data-event': r.event_id, 'data-id': r.id },
      el('td', {}, r.date ?? 'undated'), el('td', {}, r.source), el('td', {}, r.target), el('td', {}, r.code),
      el('td', { class: 'num' }, r.goldstein), el('td', {}, `${r.doc} #${r.sent}`));
    tr.addEventListener('click', () => openEvent(tr, r));
    return tr;
  }));
}

async function page(step) {
  state.offset = Math.max(0, state.offset + step * PAGE);
  status('loading…');
  try { await loadEvents(); status(''); } catch (e) { status('error: ' + e.message); }
}

/* Offsets are bytes of the stored UTF-8 text: slice bytes, not UTF-16 units. */
async function openEvent(tr, row) {
  for (const x of document.querySelectorAll('#events tr.selected')) x.classList.remove('selected');
  tr.classList.add('selected');
  const doc = await api(`/api/doc/${row.doc_id}`);
  const ev = doc.events.find((e) => e.id === row.event_id);
  const bytes = new TextEncoder().encode(doc.text);
  const dec = new TextDecoder();
  /* each byte gets the innermost mark over it ("visited [North Korea]" is verb and target) */
  const marks = [[ev.verb_start, ev.verb_end, 'verb'], [ev.src_start, ev.src_end, 'src'], [ev.tgt_start, ev.tgt_end, 'tgt']]
    .filter((m) => m[0] >= ev.start && m[1] <= ev.end && m[0] < m[1]);
  const cls = (i) => { let c = ''; for (const [s, e, k] of marks) if (i >= s && i < e) c = k; return c; };
  const parts = [];
  for (let i = ev.start; i < ev.end;) {
    const c = cls(i);
    let j = i + 1;
    while (j < ev.end && cls(j) === c) j++;
    const text = dec.decode(bytes.slice(i, j));
    parts.push(c ? el('span', { class: c }, text) : text);
    i = j;
  }
  /* the sentence opens in a row of its own just under the event's row */
  $('sentence')?.closest('tr').remove();
  const box = el('div', { id: 'sentence' }, el('p', { id: 'sentence-text' }, ...parts),
    el('p', { class: 'meta' }, `${ev.source} → ${ev.target}, CAMEO ${ev.code} (Goldstein ${ev.goldstein}), ${doc.name}, sentence ${ev.sent}, bytes ${ev.start}–${ev.end}`));
  tr.after(el('tr', { class: 'sentence-row' }, el('td', { colSpan: 6 }, box)));
}

async function showPair() {
  state.a = $('pair-a').value;
  state.b = $('pair-b').value;
  state.from = $('from').value;
  state.to = $('to').value;
  state.offset = 0;
  await Promise.all([loadSeries(), loadEvents(), loadRelation()]);
}

/* The network and the pair at once: the network of a large store takes longest. */
async function showAll(ev) {
  if (ev) ev.preventDefault();
  state.from = $('from').value;
  state.to = $('to').value;
  status('loading…');
  try {
    await Promise.all([loadNetwork(), showPair()]);
    status('');
  } catch (e) {
    status('error: ' + e.message);
  }
}

$('controls').addEventListener('submit', showAll);
$('newer').addEventListener('click', () => page(-1));
$('older').addEventListener('click', () => page(1));
loadExtent().then(() => showAll()).catch((e) => status('error: ' + e.message));
