// Drives the dashboard in headless Chromium with playwright-core; see run.sh. MODE is corpus
// (tests e2e-1.*) or scale (e2e-2.*: a generated store of a million events). The expected
// answers are files in EXPECT, written by run.sh from the command line and the store.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const url = process.env.URL;
const scale = process.env.MODE === 'scale';
const T = scale ? 'e2e-2' : 'e2e-1';
const read = (f) => fs.readFileSync(path.join(process.env.EXPECT, f), 'utf8');
const series = JSON.parse(read('series.json'));
const network = JSON.parse(read('network.json'));
const events = JSON.parse(read('events.json'));
const [firstMonth, lastMonth] = read('extent.txt').trim().split(' ');
const regions = read('regions.txt').split('\n').filter(Boolean);
const PAGE = 100, MAX_EDGES = 300;      /* as web/app.js asks */
let pass = 0, fail = 0;
function check(name, want, got) {
  if (String(want) === String(got)) { pass++; console.log(`ok   ${T}.${name}`); }
  else { fail++; console.log(`FAIL ${T}.${name}\n     expected: ${want}\n     got:      ${got}`); }
}
const norm = (s) => s.replace(/\s+/g, ' ').trim();
/* the events of the pair in the page's order: latest first, undated last */
const dated = events.filter((e) => e.date && e.date !== 'undated');
const latest = dated.slice().reverse();

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    /* the first view: the whole extent, RUS and PRK */
    await page.waitForFunction(() => +document.getElementById('network').dataset.nodes > 0 && document.getElementById('status').textContent === '',
                               null, { timeout: 60000 });
    check('1 the range starts at the data\'s first month', firstMonth, await page.inputValue('#from'));
    check('2 the range ends at the data\'s last month', lastMonth, await page.inputValue('#to'));
    const total = series.reduce((s, r) => s + r.events, 0);
    check('3 the chart counts the RUS-PRK events', total, await page.getAttribute('#chart', 'data-events'));
    check('4 the chart is drawn', 1, await page.locator('#chart canvas').count());
    const coop = series.reduce((s, r) => s + r.verbal_coop, 0);
    check('5 verbal cooperation count', coop, await page.textContent('#quads td[data-quad="1"]'));
    /* the axes: one zero, whole events */
    const zeros = await page.evaluate(() => [plot.valToPos(0, 'g'), plot.valToPos(0, 'n')].map((v) => Math.round(v)));
    check('6 the two axes share their zero', zeros[0], zeros[1]);
    const ticks = (await page.getAttribute('#chart', 'data-count-ticks')).split(',').map(Number);
    check('7 the events axis has ticks', true, ticks.length >= 2);
    check('8 the events axis counts whole events', '', ticks.filter((v) => !Number.isInteger(v)).join(','));
    /* the network: the busiest edges of the command line's, each IGO its own node */
    /* the busiest MAX_EDGES edges (ties by source, target) and their ends */
    const key = (e) => `${e.source}\t${e.target}`;
    const top = network.edges.slice().sort((a, b) => b.events - a.events || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).slice(0, MAX_EDGES);
    const ends = new Set(top.flatMap((e) => [e.source, e.target]));
    check('9 network nodes: the ends of the busiest edges', ends.size, await page.getAttribute('#network', 'data-nodes'));
    check('10 network edges', top.length, await page.getAttribute('#network', 'data-edges'));
    check('11 the busiest edges are drawn', '', (await page.evaluate((ks) => ks.filter((k) => cy.getElementById(k).length !== 1), top.map((e) => `${e.source}>${e.target}`))).join(','));
    const igos = network.nodes.filter((n) => /^IGO[A-Z]+$/.test(n.code)).length;
    check('12 IGOs are nodes of their own', `${igos > 1} false ${igos}`,
          `${igos > 1} ${network.nodes.some((n) => n.code === 'IGO')} ${await page.getAttribute('#network', 'data-igos')}`);
    if (!scale) {
      const ids = await page.evaluate(() => cy.nodes().map((n) => n.id()));
      check('12b IGO nodes are drawn', true, ids.some((c) => /^IGO[A-Z]+$/.test(c)));
    }
    /* the pickers: countries, no regions, though the store has region actors */
    const options = await page.evaluate(() => [...document.getElementById('pair-a').options].map((o) => o.value));
    const storeCodes = network.nodes.map((n) => n.code);
    check('13 the store has region actors', true, storeCodes.some((c) => regions.includes(c)));
    check('14 no region among the countries offered', '', options.filter((c) => regions.includes(c)).join(','));
    check('15 no IGO or NGO among the countries offered', '', options.filter((c) => /^(IGO|NGO)/.test(c)).join(','));
    /* the events: latest first, a page, the total */
    const rows = page.locator('#events tbody tr.event-row');
    check('16 a page of event rows', Math.min(PAGE, events.length), await rows.count());
    check('17 the total', events.length, await page.getAttribute('#events-panel', 'data-total'));
    check('18 the count says the total', true, (await page.textContent('#event-count')).includes(events.length.toLocaleString('en')));
    const dates = await page.evaluate(() => [...document.querySelectorAll('#events tbody tr.event-row td:first-child')].map((td) => td.textContent));
    check('19 the latest event first', latest[0].date, dates[0]);
    const later = (d, e) => { const n = Math.min(d.length, e.length); return d.slice(0, n) > e.slice(0, n); };
    check('20 latest first all down the page', '', dates.filter((d, i) => i && d !== 'undated' && later(d, dates[i - 1])).join(','));
    check('20b the latest event\'s row', latest[0].id, await rows.first().getAttribute('data-id'));
    if (events.length > PAGE) {
      await page.click('#older');
      await page.waitForFunction((d) => document.querySelector('#events tbody tr.event-row').dataset.event !== d,
                                 await rows.first().getAttribute('data-event'), { timeout: 30000 });
      check('21 the next page starts with the 101st latest', latest[PAGE].id, await rows.first().getAttribute('data-id'));
      check('22 the count says which page', true, (await page.textContent('#event-count')).startsWith(`${PAGE + 1}–`));
      await page.click('#newer');
      await page.waitForFunction(() => document.getElementById('event-count').textContent.startsWith('1–'), null, { timeout: 30000 });
    }
    /* the sentence of a clicked event opens under its row */
    await page.click('#events tbody tr.event-row:first-child');
    await page.waitForSelector('#events tr.selected + tr.sentence-row #sentence-text', { timeout: 30000 });
    const text = norm(await page.textContent('#sentence-text'));
    check('23 the clicked event opens its sentence', norm(latest[0].text), text);
    check('24 the sentence is beside its row', 1, await page.locator('#events tr.event-row.selected + tr.sentence-row #sentence').count());
    const marks = await page.evaluate(() => [...new Set([...document.querySelectorAll('#sentence-text span')].map((x) => x.className))].sort().join(','));
    check('25 actors and verb are highlighted', true, marks.includes('verb') && /src|tgt/.test(marks));
    /* the relation panel: short however many sources */
    const longest = await page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('#relation table')].map((t) => t.rows.length - 1)));
    check('26 the relation panel shows at most 20 rows a table', true, longest > 0 && longest <= 20);
    if (!scale) check('27 the relation names a tier', true, (await page.textContent('#relation')).includes('rank'));
    else check('27 the relation says how many more sources', true, (await page.textContent('#relation')).includes('more'));
    check('28 no script errors', '', errors.join('; '));
    await page.screenshot({ path: process.env.SHOT, fullPage: true });
  } catch (e) {
    fail++;
    console.log(`FAIL ${T}: ${e.message}`);
  } finally {
    await browser.close();
  }
  console.log(`e2e: ${pass} passed, ${fail} failed`);
  process.exit(fail ? 1 : 0);
})();
