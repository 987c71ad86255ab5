// Drives the dashboard in headless Chromium with playwright-core; see run.sh.
'use strict';
const { chromium } = require('playwright-core');

const url = process.env.URL;
const series = JSON.parse(process.env.SERIES);
const network = JSON.parse(process.env.NETWORK);
const events = JSON.parse(process.env.EVENTS);
let pass = 0, fail = 0;
function check(name, want, got) {
  if (String(want) === String(got)) { pass++; console.log(`ok   ${name}`); }
  else { fail++; console.log(`FAIL ${name}\n     expected: ${want}\n     got:      ${got}`); }
}

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
    await page.waitForFunction(() => +document.getElementById('network').dataset.nodes > 0, null, { timeout: 15000 });
    await page.selectOption('#pair-a', 'RUS');
    await page.selectOption('#pair-b', 'PRK');
    await page.click('#show');
    const total = series.reduce((s, r) => s + r.events, 0);
    await page.waitForFunction((n) => document.getElementById('chart').dataset.events === String(n), total, { timeout: 15000 });
    check('e2e-1.1 chart counts the RUS-PRK events', total, await page.getAttribute('#chart', 'data-events'));
    check('e2e-1.2 the chart is drawn', 1, await page.locator('#chart canvas').count());
    const coop = series.reduce((s, r) => s + r.verbal_coop, 0);
    check('e2e-1.3 verbal cooperation count', coop, await page.textContent('#quads td[data-quad="1"]'));
    check('e2e-1.4 network nodes', network.nodes.length, await page.getAttribute('#network', 'data-nodes'));
    check('e2e-1.5 network edges', network.edges.length, await page.getAttribute('#network', 'data-edges'));
    check('e2e-1.6 event rows', events.length, await page.locator('#events tbody tr').count());
    await page.click('#events tbody tr:first-child');
    await page.waitForSelector('#sentence:not([hidden])', { timeout: 10000 });
    const text = (await page.textContent('#sentence-text')).replace(/\s+/g, ' ').trim();
    check('e2e-1.7 the clicked event opens its sentence', events[0].text.replace(/\s+/g, ' ').trim(), text);
    check('e2e-1.8 actors and verb are highlighted', 3, await page.locator('#sentence-text span').count());
    check('e2e-1.9 the relation names a tier', true, (await page.textContent('#relation')).includes('rank'));
    check('e2e-1.10 no script errors', '', errors.join('; '));
    await page.screenshot({ path: 'build/dashboard.png', fullPage: true });
  } catch (e) {
    fail++;
    console.log(`FAIL e2e: ${e.message}`);
  } finally {
    await browser.close();
  }
  console.log(`e2e: ${pass} passed, ${fail} failed`);
  process.exit(fail ? 1 : 0);
})();
