// A configuration that cannot go quietly wrong, in the browser: an
// emergency number the rules refuse is never replaced by a guess (the
// words for "your local emergency number", no number to dial, in both
// languages), a missing one is the US number with one warning, a clinic
// phone with a trunk (0) dials without it, and the web person can see what
// the widget made of every attribute (`?sc-debug`, or the `debug`
// attribute), which patients never see otherwise.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, readUi } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { hostPage, element } from './lib/pages.mjs';
import { ready, walkTo, restart, start, assertEmergencyLine, assertOutcomeDials, ROUTES } from './lib/journey.mjs';

let server;
let browser;
const UI = {};

before(async () => {
  UI.en = await readUi('en');
  UI.es = await readUi('es');
  const page = (body, lang = 'en') => ({ body: hostPage({ title: 'Clinic page', lang, body }) });
  server = await startServer({
    pages: {
      '/two-numbers-en.html': page(element({ 'emergency-number': '999/112', 'clinic-phone': '+44 (0)20 7946 0958' })),
      '/country-code-es.html': page(element({ 'emergency-number': '+44 999', locale: 'es' }), 'es'),
      '/no-number.html': page(element({ 'emergency-number': null })),
      '/uk.html': page(element({ 'emergency-number': '999', 'clinic-phone': '+44 (0)20 7946 0958', 'clinic-name': 'Riverside' })),
      '/dial-999.html': page(element({ 'emergency-number': '999' })),
      '/dial-112.html': page(element({ 'emergency-number': '112' })),
      '/debug-attribute.html': page(element({ 'emergency-number': '999 112', debug: '' })),
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const warnings = (log) => log.console.filter((m) => m.type === 'warning' && m.text.includes('symptom-checker')).map((m) => m.text);

for (const [url, code] of [['/two-numbers-en.html', 'en'], ['/country-code-es.html', 'es']]) {
  test(`${code}: a refused emergency number says "your local emergency number" everywhere, with nothing to dial`, () =>
    withPage(browser, {}, async ({ page, log }) => {
      const ui = UI[code];
      await page.goto(server.url(url));
      const w = await ready(page);
      await assertEmergencyLine(w, { number: null, text: ui.not_a_diagnosis, local: ui.local_emergency });
      // The emergency outcome: its call, its steps and the summary say the
      // words, never 911 or the refused value.
      await walkTo(w, 'emergency_now');
      const card = await w.locator('[data-outcome-id="emergency_now"]').innerText();
      assert.ok(card.includes(`${ui.call_now}${ui.local_emergency}`), `the call: ${card.slice(0, 200)}`);
      assert.ok(!/911|999|112/.test(card), 'no number shown');
      assert.equal(await w.locator('a[href^="tel:"]').count(), 0, 'nothing to dial');
      const summary = await w.locator('pre[data-role="summary"]').textContent();
      assert.ok(summary.includes(ui.local_emergency) && !/911|999|112/.test(summary), 'the summary says the words too');
      // A warning sign ticked at the first question: the call under it says
      // the words too.
      await restart(w);
      await start(w);
      await w.locator('input[data-answer-id="breathing"]').setChecked(true);
      const call = await w.locator('[data-role="call-now"]').innerText();
      assert.ok(call.includes(ui.local_emergency), call);
      const warned = warnings(log);
      assert.equal(warned.length, 1, JSON.stringify(warned));
      assert.match(warned[0], /`emergency-number`.*your local emergency number/);
    }));
}

test('a missing emergency number is the US one, with one warning that it was not set', () =>
  withPage(browser, {}, async ({ page, log }) => {
    await page.goto(server.url('/no-number.html'));
    const w = await ready(page);
    await assertEmergencyLine(w, { number: '911' });
    const warned = warnings(log);
    assert.equal(warned.length, 1, JSON.stringify(warned));
    assert.match(warned[0], /`emergency-number` is not set; using 911/);
  }));

test('a UK clinic: 999 everywhere, and the clinic phone dialled without its trunk (0)', () =>
  withPage(browser, {}, async ({ page, log }) => {
    await page.goto(server.url('/uk.html'));
    const w = await ready(page);
    await assertEmergencyLine(w, { number: '999' });
    await walkTo(w, 'droop_review');
    const call = w.locator('.sc-contact a[href^="tel:"]');
    assert.equal(await call.getAttribute('href'), 'tel:+442079460958');
    assert.ok((await call.innerText()).includes('+44 (0)20 7946 0958'), 'shown as written');
    const tels = await w.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual([...new Set(tels)].sort(), ['tel:+442079460958', 'tel:999']);
    assert.deepEqual(warnings(log), []);
  }));

// The page's number on the outcome's own links, at every urgency: the
// emergency's call, and the call under the warning signs below it.
for (const number of ['999', '112']) {
  for (const id of ['emergency_now', 'headache_urgent', 'droop_review', 'heaviness_expected']) {
    test(`emergency-number="${number}": every tel: link of ${id} (${ROUTES[id].urgency}) and its summary dial ${number}`, () =>
      withPage(browser, {}, async ({ page }) => {
        await page.goto(server.url(`/dial-${number}.html`));
        const w = await ready(page);
        await walkTo(w, id);
        await assertOutcomeDials(w, number);
      }));
  }
}

test('the configuration view: shown with ?sc-debug or the debug attribute, with every setting and warning; never otherwise', () =>
  withPage(browser, {}, async ({ page }) => {
    // Off by default.
    await page.goto(server.url('/two-numbers-en.html'));
    let w = await ready(page);
    assert.equal(await w.locator('[data-role="config"]').count(), 0, 'patients never see it');

    for (const url of ['/two-numbers-en.html?sc-debug', '/debug-attribute.html', '/uk.html?utm_source=x&sc-debug']) {
      await page.goto(server.url(url));
      w = await ready(page);
      const box = w.locator('[data-role="config"]');
      await box.waitFor();
      const text = await box.innerText();
      for (const name of ['clinic-name', 'clinic-phone', 'booking-url', 'emergency-number', 'locale', 'theme', 'start-screen', 'share']) {
        assert.ok(text.includes(name), `${url}: ${name} listed`);
      }
      if (url.startsWith('/uk')) {
        assert.ok(text.includes('dials tel:+442079460958'), `${url}: what the clinic phone dials`);
        assert.ok(text.includes('No warnings'), `${url}: nothing to warn`);
      } else {
        assert.ok(text.includes('your local emergency number'), `${url}: the refused number and what is shown instead`);
        assert.ok(text.includes('ignoring attribute `emergency-number`'), `${url}: the warning, without the console`);
      }
    }
  }));
