// When the wasm does not come as it should, the patient still has the
// emergency line: in the element's language (a Spanish page's fallback is
// Spanish), with the page's number; after the loader's time limit when the
// download stalls (and the widget still starts if the wasm arrives late);
// and a wasm served with the wrong Content-Type still runs the widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { startServer, readUi, DIST, REPO } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { hostPage, element, BUNDLE } from './lib/pages.mjs';
import { ready, walkTo, assertEmergencyLine, assertOutcomeDials } from './lib/journey.mjs';

/** The loader's time limit for the wasm, read from the loader itself. */
const LOAD_TIMEOUT_MS = Number(/\bconst LOAD_TIMEOUT_MS = (\d+);/.exec(
  await fs.readFile(path.join(REPO, 'static/embed/loader.js'), 'utf8'))?.[1]);
/** How long a test waits for that line: the limit, and room for a busy machine. */
const WAIT_PAST_LIMIT = LOAD_TIMEOUT_MS + 20_000;

const FALLBACK = '<p id="fallback">Call the clinic on 555 0100.</p>';
const WASM = BUNDLE.replace(/symptom-checker\.js$/, 'symptom-checker_bg.wasm');

let server;
let browser;
let bundle;
let wasm;
const UI = {};

before(async () => {
  assert.ok(LOAD_TIMEOUT_MS > 0, 'static/embed/loader.js names its LOAD_TIMEOUT_MS');
  UI.en = await readUi('en');
  UI.es = await readUi('es');
  bundle = await fs.readFile(path.join(DIST, BUNDLE));
  wasm = await fs.readFile(path.join(DIST, WASM));
  server = await startServer({
    pages: {
      // The bundle served from a folder without its wasm: the load fails.
      '/broken/symptom-checker.js': { body: bundle },
      '/broken-es.html': {
        body: hostPage({
          title: 'Página de la clínica', lang: 'en',
          body: element({ 'emergency-number': '112', 'clinic-phone': '555 0100', locale: 'es' }, FALLBACK),
        }).replace(`src="${BUNDLE}"`, 'src="/broken/symptom-checker.js"'),
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A host page loading the bundle from `folder`, whose wasm the test serves itself. */
function pageFrom(folder, attrs) {
  server.addPage(`/${folder}/symptom-checker.js`, bundle);
  return server.addPage(`/${folder}.html`, hostPage({ title: 'Clinic page', body: element(attrs, FALLBACK) })
    .replace(`src="${BUNDLE}"`, `src="/${folder}/symptom-checker.js"`));
}

test('locale="es" with the wasm blocked: the fallback line in Spanish, with the page\'s number and the clinic\'s', () =>
  withPage(browser, {
    expectErrors: {
      reason: 'the page loads the bundle from a folder without its wasm on purpose: the 404 and the loader\'s report of it',
      match: [/^Failed to load resource: .*404.*\/broken\/symptom-checker_bg\.wasm\)$/, /^symptom-checker: the widget could not load\b/],
    },
  }, async ({ page }) => {
    await page.goto(server.url('/broken-es.html'));
    const host = page.locator('symptom-checker');
    await host.locator('p[data-role="emergency-line"]').waitFor();
    await assertEmergencyLine(host, { number: '112', text: UI.es.start_failed });
    const line = host.locator('p[data-role="emergency-line"]');
    const text = await line.innerText();
    for (const words of [UI.es.call_us, UI.es.emergency_before.trim()]) assert.ok(text.includes(words), `"${words}" in: ${text}`);
    assert.ok(!text.includes(UI.en.start_failed), `no English: ${text}`);
    assert.equal(await line.getAttribute('lang'), 'es', 'the line says its language');
    assert.deepEqual(await line.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ['tel:5550100', 'tel:112']);
    assert.ok(await page.locator('#fallback').isVisible(), 'the host\'s own text is shown');
  }));

test('a wasm download that stalls: the emergency line after the loader\'s time limit, and the widget once the wasm arrives', async () => {
  let arrive;
  const held = new Promise((resolve) => { arrive = resolve; });
  const url = pageFrom('stalled', { 'emergency-number': '999' });
  server.addPage('/stalled/symptom-checker_bg.wasm', wasm, { type: 'application/wasm', hold: held });
  try {
    await withPage(browser, {}, async ({ page }) => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const host = page.locator('symptom-checker');
      await host.locator('p[data-role="emergency-line"]').waitFor({ timeout: WAIT_PAST_LIMIT });
      await assertEmergencyLine(host, { number: '999', text: UI.en.start_failed, where: 'stalled' });
      assert.ok(await page.locator('#fallback').isVisible(), 'the host\'s own text is shown');
      assert.equal(await host.locator('[data-screen]').count(), 0, 'no widget yet');
      assert.ok(server.requests.includes('/stalled/symptom-checker_bg.wasm'), 'the wasm was asked for');
      // The download completes after all: the widget takes the line's place.
      arrive();
      const w = await ready(page);
      await assertEmergencyLine(w, { number: '999', where: 'arrived' });
      assert.ok(!(await w.innerText()).includes(UI.en.start_failed), 'the "could not start" line is gone');
      await walkTo(w, 'emergency_now');
      await assertOutcomeDials(w, '999');
    });
  } finally {
    arrive();
  }
});

test('a wasm download that never ends: the emergency line, in the element\'s language', () => {
  const url = pageFrom('hanging', { 'emergency-number': '112', locale: 'es' });
  server.addPage('/hanging/symptom-checker_bg.wasm', wasm, { type: 'application/wasm', hold: new Promise(() => {}) });
  return withPage(browser, {}, async ({ page }) => {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const host = page.locator('symptom-checker');
    await host.locator('p[data-role="emergency-line"]').waitFor({ timeout: WAIT_PAST_LIMIT });
    await assertEmergencyLine(host, { number: '112', text: UI.es.start_failed, where: 'hanging' });
    assert.ok(await page.locator('#fallback').isVisible(), 'the host\'s own text is shown');
  });
});

test('a wasm served with the wrong Content-Type: the widget still runs (instantiated from its bytes), with a warning', () => {
  const url = pageFrom('octet', { 'emergency-number': '112' });
  server.addPage('/octet/symptom-checker_bg.wasm', wasm, { type: 'application/octet-stream' });
  return withPage(browser, {}, async ({ page, log }) => {
    await page.goto(url);
    const w = await ready(page);
    await assertEmergencyLine(w, { number: '112' });
    await walkTo(w, 'droop_review');
    await assertOutcomeDials(w, '112');
    assert.ok(log.console.some((m) => m.type === 'warning' && m.text.includes('application/wasm')),
      'the wrong type is reported in the console');
  });
});
