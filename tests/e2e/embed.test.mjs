// <symptom-checker> on pages the tests write themselves, as clinic sites
// would embed it: hostile page CSS, a strict CSP with Trusted Types, two
// widgets on one page, live attribute changes, removal, mount()/unmount(),
// host events, a bundle whose wasm cannot load, and hostile attribute
// values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { startServer, DIST } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { hostPage, element, snippetPage, keyStylesIn, BUNDLE } from './lib/pages.mjs';
import {
  ROUTES, ANSWER_IDS, ready, walk, walkTo, answer, back, restart, start, screenOf, question,
  checkedIds, pressedIds, outcomeOf, assertEmergencyLine, deepFocus, widget,
} from './lib/journey.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
const HOSTILE_CSS = '* { all: revert; font: 30px serif !important; } button { display: none !important; }';
const CLINIC = { 'clinic-name': 'Riverside Test Clinic', 'clinic-phone': '+1 555 010 2030', 'booking-url': 'https://clinic.example/book', 'emergency-number': '911' };

let server;
let browser;
before(async () => {
  const bundle = await fs.readFile(path.join(DIST, BUNDLE));
  server = await startServer({
    gzip: true,
    pages: {
      '/plain.html': { body: hostPage({ title: 'Plain page', body: element(CLINIC) }) },
      '/hostile.html': {
        body: hostPage({ title: 'Hostile page', head: '<link rel="stylesheet" href="/hostile.css">', body: element(CLINIC) }),
      },
      '/hostile.css': { body: HOSTILE_CSS },
      '/csp.html': {
        body: hostPage({ title: 'Strict CSP', body: element(CLINIC) }),
        headers: { 'content-security-policy': CSP },
      },
      '/two.html': {
        body: hostPage({
          title: 'Two widgets',
          body: element({ id: 'a', locale: 'es', 'emergency-number': '112', 'clinic-name': 'Clínica A', 'clinic-phone': '555 0101', theme: 'dark' }) +
            element({ id: 'b', 'emergency-number': '999', 'clinic-name': 'Clinic B', 'clinic-phone': '555 0202', 'booking-url': 'https://b.example/book', theme: 'light' }),
        }),
      },
      '/skip.html': { body: hostPage({ title: 'No start screen', body: element({ ...CLINIC, 'start-screen': 'skip' }) }) },
      '/bad-attrs.html': {
        body: hostPage({
          title: 'Bad attributes in the HTML',
          body: element({ 'clinic-name': 'Clinic', 'clinic-phone': 'call us!', 'booking-url': 'javascript:alert(1)',
            'emergency-number': '<b>112</b>', locale: 'klingon', theme: 'neon', 'start-screen': 'maybe' }),
        }),
      },
      '/empty.html': { body: hostPage({ title: 'Empty host', body: '<div id="mount-here"></div>' }) },
      // The loader served from a folder without its wasm: the load fails.
      '/broken/symptom-checker.js': { body: bundle },
      '/broken.html': {
        body: hostPage({ title: 'Broken bundle', body: element({ 'emergency-number': '112' }, '<p id="fallback">Call the clinic on 555 0100.</p>') })
          .replace(`src="${BUNDLE}"`, 'src="/broken/symptom-checker.js"'),
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Symptom-checker warnings logged so far. */
const widgetWarnings = (log) => log.console.filter((m) => m.type === 'warning' && m.text.includes('symptom-checker'));

// ------------------------------------------------------- the documented snippet

test('the snippet in EMBEDDING.md, pasted into a plain HTML file, works (integrity included)', () =>
  withPage(browser, {}, async ({ page, log }) => {
    const url = server.addPage('/snippet.html', snippetPage());
    await page.goto(url);
    const defined = await page.waitForFunction(() => customElements.get('symptom-checker'), null, { timeout: 5000 })
      .then(() => true, () => false);
    const errors = log.console.filter((m) => m.type === 'error').map((m) => m.text);
    assert.ok(defined, `the snippet's script did not run: ${JSON.stringify(errors)}`);
    const w = await ready(page);
    await walkTo(w, 'allergy_check', { each: (x) => assertEmergencyLine(x) });
    assert.deepEqual(errors, []);
  }));

// ---------------------------------------------------------------- hostile CSS

/** Computed styles of the widget's key elements, for one screen. */
const STYLE_PROPS = {
  look: ['display', 'visibility', 'opacity', 'font-family', 'font-weight', 'font-style', 'color',
    'background-color', 'text-decoration-line', 'text-transform', 'border-top-style', 'border-top-color',
    'letter-spacing', 'text-align', 'cursor'],
  size: ['font-size', 'line-height', 'padding-top', 'padding-left', 'border-top-width', 'border-radius', 'min-height'],
};
async function keyStyles(w, props) {
  return w.evaluate(keyStylesIn, props);
}

/** Styles on each kind of screen: start, multiple choice, single choice, an outcome. */
async function stylesAlongAJourney(browser, url, props) {
  return withPage(browser, {}, async ({ page, log }) => {
    await page.goto(url);
    const w = await ready(page);
    const seen = {};
    const got = await walk(w, ROUTES.touch_up.path, {
      each: async (x, screen, id) => {
        // The pointer rests where the last answer was clicked: move it off,
        // so no button of the new screen is compared in its hover state.
        await page.mouse.move(0, 0);
        seen[`${screen} ${id ?? ''}`] = await keyStyles(x, props);
      },
    });
    assert.deepEqual(got, { id: 'touch_up', urgency: 'soon' }, 'the journey completes');
    assert.deepEqual(log.errors, []);
    return seen;
  });
}

test('hostile page CSS: the widget keeps its look and completes a journey', async () => {
  const plain = await stylesAlongAJourney(browser, server.url('/plain.html'), STYLE_PROPS.look);
  const hostile = await stylesAlongAJourney(browser, server.url('/hostile.html'), STYLE_PROPS.look);
  // start, red_flags (multiple), concern and uneven_when (single), the outcome.
  assert.ok(Object.keys(plain).length === 5 && Object.keys(plain['start ']).length >= 5, 'styles were collected');
  assert.deepEqual(hostile, plain);
});

test('hostile page CSS: the widget keeps its sizes', async () => {
  const plain = await stylesAlongAJourney(browser, server.url('/plain.html'), STYLE_PROPS.size);
  const hostile = await stylesAlongAJourney(browser, server.url('/hostile.html'), STYLE_PROPS.size);
  assert.deepEqual(hostile, plain);
});

test('the page\'s CSS applies to the page: the hostile rules are live (so the comparison above can fail)', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.goto(server.url('/hostile.html'));
    await ready(page);
    const h1 = await page.locator('h1').evaluate((e) => getComputedStyle(e).fontSize);
    assert.equal(h1, '30px');
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { textContent: 'page button' })));
    assert.equal(await page.locator('body > button').isVisible(), false, 'the page\'s own buttons are hidden');
    assert.ok(await widget(page).locator('[data-action="start"]').isVisible(), 'the widget\'s are not');
  }));

// ----------------------------------------------------------------- strict CSP

const recordViolations = () => {
  window.__violations = [];
  const record = (e) => window.__violations.push({
    directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber,
  });
  window.addEventListener('securitypolicyviolation', record, true);
};

test('strict CSP with Trusted Types: a full journey with no violation and no console error', () =>
  withPage(browser, {}, async ({ page, log }) => {
    await page.addInitScript(recordViolations);
    const response = await page.goto(server.url('/csp.html'));
    assert.equal(response.headers()['content-security-policy'], CSP, 'the page is served with the policy');
    const w = await ready(page);
    await walkTo(w, 'headache_persisting', { each: (x) => assertEmergencyLine(x) });
    await back(w);
    await page.locator('symptom-checker button[data-locale="es"]').click();
    await restart(w);
    await walkTo(w, 'emergency_now');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
    assert.deepEqual(log.errors, []);
  }));

test('strict CSP: the violation listener does catch a violation (control)', () =>
  withPage(browser, {
    expectErrors: { reason: 'the control plants a Trusted Types violation, which the browser logs', match: /requires 'TrustedHTML' assignment/ },
  }, async ({ page, log }) => {
    await page.addInitScript(recordViolations);
    await page.goto(server.url('/csp.html'));
    await ready(page);
    await page.evaluate(() => {
      try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); } catch { /* Trusted Types throws */ }
    });
    await page.waitForFunction(() => window.__violations.length > 0);
    const v = await page.evaluate(() => window.__violations);
    assert.ok(v.some((x) => x.directive === 'require-trusted-types-for'), JSON.stringify(v));
    assert.ok(log.console.some((m) => m.type === 'error'), 'and it is logged as an error');
  }));

// ------------------------------------------------------------ two on one page

test('two widgets on one page are independent', () =>
  withPage(browser, { colorScheme: 'light' }, async ({ page, log }) => {
    await page.goto(server.url('/two.html'));
    const a = await ready(page.locator('#a'));
    const b = await ready(page.locator('#b'));
    await assertEmergencyLine(a, { number: '112', text: 'No es un diagnóstico' });
    await assertEmergencyLine(b, { number: '999' });
    assert.equal(await a.locator('[data-screen]').getAttribute('lang'), 'es');
    assert.equal(await b.locator('[data-screen]').getAttribute('lang'), 'en');
    const bg = (w) => w.locator('[data-screen]').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(await bg(a), await bg(b), 'theme="dark" and theme="light" differ');

    await start(a);
    assert.equal(await screenOf(b), 'start', 'starting A leaves B alone');
    await walk(a, ROUTES.touch_up.path);
    assert.deepEqual(await outcomeOf(a), { id: 'touch_up', urgency: 'soon' });
    assert.equal(await a.locator('[data-outcome-id] a[href="tel:5550101"]').count(), 1, 'A calls its clinic');
    assert.ok((await a.locator('[data-outcome-id]').innerText()).includes('Clínica A'));
    assert.equal(await a.locator('a[href="https://b.example/book"]').count(), 0, 'A has no booking link of B');

    assert.equal(await screenOf(b), 'start');
    await walkTo(b, 'allergy_check');
    assert.equal(await b.locator('[data-outcome-id] a[href="tel:5550202"]').count(), 1, 'B calls its clinic');
    assert.equal(await b.locator('[data-outcome-id] a[href="https://b.example/book"]').count(), 1, 'B has its booking link');
    assert.equal(await b.locator('a[href="tel:112"]').count(), 0, 'B does not show A\'s number');

    await restart(b);
    assert.deepEqual(await outcomeOf(a), { id: 'touch_up', urgency: 'soon' }, 'restarting B leaves A');
    await a.locator('button[data-locale="en"]').click();
    await a.locator('[data-screen][lang="en"]').waitFor();
    assert.equal(await b.locator('[data-screen]').getAttribute('lang'), 'en');
    await b.locator('button[data-locale="es"]').click();
    await b.locator('[data-screen][lang="es"]').waitFor();
    assert.equal(await a.locator('[data-screen]').getAttribute('lang'), 'en', 'B\'s language switch leaves A');
    assert.deepEqual(widgetWarnings(log), []);
  }));

// ------------------------------------------------------- attributes mid-journey

test('changing attributes mid-journey updates the widget and keeps the answers', () =>
  withPage(browser, { colorScheme: 'light' }, async ({ page, log }) => {
    await page.goto(server.url('/plain.html'));
    const w = await ready(page);
    const set = (name, value) => w.evaluate((el, [n, v]) => (v === null ? el.removeAttribute(n) : el.setAttribute(n, v)), [name, value]);
    await walk(w, ROUTES.headache_persisting.path.slice(0, 6)); // up to `injected`
    await question(w, 'injected').waitFor();

    await set('emergency-number', '112');
    await assertEmergencyLine(w, { number: '112' });
    await question(w, 'injected').waitFor();

    await set('locale', 'es');
    await w.locator('[data-screen][lang="es"]').waitFor();
    await assertEmergencyLine(w, { number: '112', text: 'No es un diagnóstico' });
    assert.equal(await question(w, 'injected').count(), 1, 'still at the same question');
    await back(w);
    assert.deepEqual(await pressedIds(w, 'severity'), ['moderate'], 'the earlier answer is kept');

    await set('theme', 'dark');
    const dark = await w.locator('[data-screen]').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(dark, 'rgb(255, 255, 255)', 'theme="dark" applies at once');

    await answer(w, 'severity', ['moderate']);
    await answer(w, 'injected', ['days_3_14']);
    await answer(w, 'duration', ['over_48h']);
    assert.deepEqual(await outcomeOf(w), { id: 'headache_persisting', urgency: 'soon' });
    const path = ROUTES.headache_persisting.path;
    assert.equal(await w.locator('[data-outcome-id] dd').count(), path.length, '"why" lists every answer');

    await set('clinic-phone', '555 0199');
    await w.locator('[data-outcome-id] a[href="tel:5550199"]').waitFor();
    assert.equal(await w.locator('a[href="tel:+15550102030"]').count(), 0, 'the old clinic number is gone');
    await set('emergency-number', null);
    await assertEmergencyLine(w, { number: '911', text: 'No es un diagnóstico' });
    await set('locale', 'en');
    await w.locator('[data-screen][lang="en"]').waitFor();
    assert.deepEqual(await outcomeOf(w), { id: 'headache_persisting', urgency: 'soon' }, 'still on the outcome');
    // Removing the emergency number falls back to the US one, and says so
    // once; good values warn nothing.
    const removed = widgetWarnings(log).map((m) => m.text);
    assert.equal(removed.length, 1, JSON.stringify(removed));
    assert.match(removed[0], /`emergency-number` is not set; using 911/);

    // A bad value on a live widget: one warning, and no guessed number.
    await set('emergency-number', 'javascript:alert(1)');
    await assertEmergencyLine(w, { number: null });
    const warnings = widgetWarnings(log).slice(1);
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0].text, /emergency-number/);
    assert.match(warnings[0].text, /your local emergency number/);
  }));

test('bad attributes written in the page\'s HTML: one warning each, defaults used', () =>
  withPage(browser, { colorScheme: 'light' }, async ({ page, log }) => {
    await page.goto(server.url('/bad-attrs.html'));
    const w = await ready(page);
    // A refused emergency number is never replaced by 911.
    await assertEmergencyLine(w, { number: null });
    assert.equal(await screenOf(w), 'start');
    await walkTo(w, 'touch_up');
    assert.deepEqual(await w.locator('a[href^="tel:"]').count(), 0, 'no clinic phone link, no guessed emergency number');
    const warned = widgetWarnings(log).map((m) => m.text);
    for (const attr of ['clinic-phone', 'booking-url', 'emergency-number', 'locale', 'theme', 'start-screen']) {
      assert.equal(warned.filter((t) => t.includes(`\`${attr}\``) || t.includes(`"${attr}"`) || t.includes(` ${attr} `)).length, 1,
        `one warning for ${attr}: ${JSON.stringify(warned)}`);
    }
    assert.equal(warned.length, 6, `six warnings in all: ${JSON.stringify(warned)}`);
  }));

// ------------------------------------------------------- start-screen="skip"

test('start-screen="skip" opens at the first question, without Back there', () =>
  withPage(browser, {}, async ({ page, log }) => {
    await page.goto(server.url('/skip.html'));
    const w = await ready(page);
    await question(w, 'red_flags').waitFor();
    assert.equal(await screenOf(w), 'question');
    assert.equal((await deepFocus(page))?.tag, 'body', 'no focus taken on page load');
    await assertEmergencyLine(w);
    const backButton = w.locator('[data-action="back"]');
    assert.equal(await backButton.count(), 0, 'no Back at the first question');
    await answer(w, 'red_flags', ['none']);
    await question(w, 'concern').waitFor();
    assert.equal(await backButton.count(), 1, 'Back after the first answer');
    await back(w);
    await question(w, 'red_flags').waitFor();
    assert.deepEqual(await checkedIds(w, 'red_flags'), ['none'], 'the answer is kept');
    assert.equal(await backButton.count(), 0);
    await walkTo(w, 'touch_up');
    // Start over comes back to the first question, not to a start screen.
    await w.locator('[data-action="restart"]').click();
    await question(w, 'red_flags').waitFor();
    assert.equal(await screenOf(w), 'question');
    assert.deepEqual(await checkedIds(w, 'red_flags'), [], 'Start over forgets the answers');
    assert.equal((await deepFocus(page))?.tag, 'h2', 'focus on the question after Start over');
    assert.deepEqual(widgetWarnings(log), []);
  }));

// ------------------------------------------------------------ remove, re-add

test('removing the element unmounts it; re-adding it works', () =>
  withPage(browser, {}, async ({ page, log }) => {
    await page.goto(server.url('/plain.html'));
    const w = await ready(page);
    await walk(w, ROUTES.headache_persisting.path.slice(0, 3));
    await question(w, 'reason').waitFor();
    await page.evaluate(() => { window.__kept = document.querySelector('symptom-checker'); window.__kept.remove(); });
    const left = await page.evaluate(() => window.__kept.shadowRoot?.childNodes.length ?? -1);
    assert.equal(left, 0, 'the shadow root is emptied on removal');

    await page.evaluate(() => document.querySelector('main').append(window.__kept));
    await ready(page);
    assert.equal(await widget(page).locator('[data-screen]').count(), 1, 'one widget, rendered once');
    await walkTo(page, 'heaviness_expected');

    // Moving it, and many remove/add cycles, leave one working widget.
    await page.evaluate(() => {
      const el = document.querySelector('symptom-checker');
      for (let i = 0; i < 25; i++) { el.remove(); document.querySelector('main').append(el); }
      document.querySelector('h1').after(el);
    });
    await ready(page);
    assert.equal(await widget(page).locator('[data-screen]').count(), 1);
    await walkTo(page, 'allergy_check');
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  }));

// ---------------------------------------------------------- mount / unmount

test('mount(element, options) renders into any element; unmount() removes it', () =>
  withPage(browser, {}, async ({ page, log }) => {
    await page.goto(server.url('/empty.html'));
    await page.evaluate(async (bundle) => {
      const { mount } = await import(bundle);
      window.__handle = await mount(document.getElementById('mount-here'), { locale: 'es', 'emergency-number': '112' });
    }, BUNDLE);
    const w = await ready(page.locator('#mount-here'));
    assert.equal(await w.locator('[data-screen]').getAttribute('lang'), 'es');
    await assertEmergencyLine(w, { number: '112', text: 'No es un diagnóstico' });
    await walkTo(w, 'droop_review');

    await page.evaluate(() => window.__handle.unmount());
    const left = await page.evaluate(() => document.getElementById('mount-here').shadowRoot?.childNodes.length ?? -1);
    assert.equal(left, 0, 'unmount empties the shadow root');

    await page.evaluate(async (bundle) => {
      const { mount } = await import(bundle);
      const el = document.getElementById('mount-here');
      el.removeAttribute('locale');
      el.removeAttribute('emergency-number');
      window.__handle = await mount(el, {});
    }, BUNDLE);
    await ready(w);
    assert.equal(await screenOf(w), 'start', 'mounted again, from the start');
    await assertEmergencyLine(w);
    await walkTo(w, 'touch_up');
    await page.evaluate(() => window.__handle.unmount());
    assert.equal(await w.locator('[data-screen]').count(), 0);
    assert.deepEqual(log.errors, []);
    // Mounted the second time without a number: the US one, said once.
    const warned = widgetWarnings(log).map((m) => m.text);
    assert.equal(warned.length, 1, JSON.stringify(warned));
    assert.match(warned[0], /`emergency-number` is not set/);
  }));

// ---------------------------------------------------------------- host events

const recordEvents = () => {
  window.__events = [];
  for (const type of ['symptom-checker:step', 'symptom-checker:outcome']) {
    document.addEventListener(type, (e) => window.__events.push({
      type: e.type, detail: e.detail, bubbles: e.bubbles, composed: e.composed,
      target: e.target?.tagName?.toLowerCase() ?? null,
    }));
  }
};

test('host events: ids, urgency and locale, bubbling and composed, never answers', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.addInitScript(recordEvents);
    await page.goto(server.url('/plain.html'));
    const w = await ready(page);
    assert.deepEqual(await page.evaluate(() => window.__events), [], 'no event on load');
    await walkTo(w, 'usual_migraine_plan');
    await w.locator('button[data-locale="es"]').click();
    await back(w);
    await question(w, 'migraine_course').waitFor();
    await back(w);
    await question(w, 'usual_migraine').waitFor();
    await answer(w, 'usual_migraine', ['no']);
    await question(w, 'severity').waitFor();

    const events = await page.evaluate(() => window.__events);
    const step = (questionId, locale = 'en') => ({ type: 'symptom-checker:step', detail: { questionId, locale } });
    assert.deepEqual(events.map(({ type, detail }) => ({ type, detail })), [
      step('red_flags'), step('concern'), step('headache_signs'), step('reason'), step('usual_migraine'),
      step('migraine_course'),
      { type: 'symptom-checker:outcome', detail: { outcomeId: 'usual_migraine_plan', urgency: 'self_care', alsoOutcomeIds: [], locale: 'en' } },
      step('migraine_course', 'es'), step('usual_migraine', 'es'), step('severity', 'es'),
    ]);
    for (const e of events) {
      assert.equal(e.bubbles, true);
      assert.equal(e.composed, true);
      assert.equal(e.target, 'symptom-checker', 'dispatched from the host element');
      for (const value of Object.values(e.detail).flat()) assert.ok(!ANSWER_IDS.includes(value), `answer id "${value}" in an event`);
    }
  }));

test('host events cross an enclosing shadow root (composed)', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.addInitScript(recordEvents);
    await page.goto(server.url('/empty.html'));
    await page.evaluate(() => {
      const outer = document.getElementById('mount-here').attachShadow({ mode: 'open' });
      outer.append(document.createElement('symptom-checker'));
    });
    const w = await ready(page.locator('#mount-here symptom-checker'));
    await walkTo(w, 'emergency_now');
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => [e.type, e.target]), [
      ['symptom-checker:step', 'div'], // retargeted to the outer host
      ['symptom-checker:outcome', 'div'],
    ]);
    assert.deepEqual(events[1].detail, { outcomeId: 'emergency_now', urgency: 'emergency', alsoOutcomeIds: [], locale: 'en' });
  }));

// ------------------------------------------------------ when the wasm fails

test('if the wasm cannot load, the host\'s text stays and the emergency line is added', () =>
  withPage(browser, {
    expectErrors: {
      reason: 'the page loads the bundle from a folder without its wasm on purpose: the 404 and the loader\'s report of it',
      match: [/^Failed to load resource: .*404.*\/broken\/symptom-checker_bg\.wasm\)$/, /^symptom-checker: the widget could not load .*\/broken\/symptom-checker_bg\.wasm/],
    },
  }, async ({ page, log }) => {
    await page.goto(server.url('/broken.html'));
    const host = page.locator('symptom-checker');
    await host.locator('p[data-role="emergency-line"]').waitFor();
    await assertEmergencyLine(host, { number: '112', text: 'The symptom checker could not start.' });
    assert.ok(await page.locator('#fallback').isVisible(), 'the host\'s own text is shown');
    assert.equal(await host.locator('[data-screen]').count(), 0, 'no widget');
    assert.ok(log.console.some((m) => m.type === 'error' && m.text.includes('could not load')), 'the failure is logged');
  }));

// ---------------------------------------------------- hostile attribute values

const LONG = 'a'.repeat(100_000);
const PWN = 'window.__pwned=1';
/**
 * [attribute, value, expectation]. `warn`: exactly one warning naming the
 * attribute. `text`: accepted after cleaning, with no warning, and shown
 * as this exact text.
 */
const HOSTILE = [
  ['booking-url', `javascript:${PWN}`, { warn: true }],
  ['booking-url', ` JaVaScRiPt:${PWN}`, { warn: true }],
  ['booking-url', `data:text/html,<script>${PWN}</script>`, { warn: true }],
  ['booking-url', 'http://clinic.example/book', { warn: true }],
  ['booking-url', `https://x.example/" onmouseover="${PWN}`, { warn: true }],
  ['booking-url', `\u0000javascript:${PWN}`, { warn: true }],
  ['booking-url', '//evil.example/book', { warn: true }],
  ['booking-url', `https://x.example/${LONG}`, { warn: true }],
  ['booking-url', '', { warn: true }],
  ['clinic-phone', `javascript:${PWN}`, { warn: true }],
  ['clinic-phone', `<img src=x onerror="${PWN}">`, { warn: true }],
  ['clinic-phone', '+1+2', { warn: true }],
  ['clinic-phone', '1'.repeat(5000), { warn: true }],
  ['clinic-phone', '', { warn: true }],
  ['emergency-number', `tel:911;${PWN}`, { warn: true }],
  ['emergency-number', `911<script>${PWN}</script>`, { warn: true }],
  ['emergency-number', '12345678901234', { warn: true }],
  ['emergency-number', '\u0669\u0661\u0661', { warn: true }], // Arabic-Indic digits
  ['emergency-number', '9'.repeat(5000), { warn: true }],
  ['emergency-number', '', { warn: true }],
  ['clinic-name', LONG, { warn: true }],
  ['clinic-name', '\u202E\u0000\u0007', { warn: true }],
  ['clinic-name', '', { warn: true }],
  ['clinic-name', `<img src=x onerror="${PWN}">`, { text: `<img src=x onerror="${PWN}">` }],
  ['clinic-name', `</p><script>${PWN}</script>`, { text: `</p><script>${PWN}</script>` }],
  ['clinic-name', 'Clinic\u202Egnp.exe\u2066', { text: 'Clinicgnp.exe' }],
  ['locale', 'xx', { warn: true }],
  ['locale', '<b>es</b>', { warn: true }],
  ['locale', LONG, { warn: true }],
  ['locale', '', { warn: true }],
  ['theme', 'neon', { warn: true }],
  ['theme', 'dark; background: url(javascript:alert(1))', { warn: true }],
  ['theme', LONG, { warn: true }],
  ['theme', '', { warn: true }],
  ['start-screen', `<script>${PWN}</script>`, { warn: true }],
  ['start-screen', 'skip please', { warn: true }],
  ['start-screen', LONG, { warn: true }],
  ['start-screen', '', { warn: true }],
];

const ALLOWED_TAGS = new Set(['div', 'section', 'p', 'strong', 'span', 'a', 'button', 'h2', 'h3', 'ul', 'ol', 'li',
  'input', 'label', 'fieldset', 'legend', 'dl', 'dt', 'dd', 'pre', 'textarea', 'details', 'summary']);

/** Everything that must hold on every screen, whatever the attributes. */
async function assertNothingInjected(page, w, where) {
  const found = await w.evaluate((host) => {
    const els = [...host.shadowRoot.querySelectorAll('*')];
    return {
      tags: [...new Set(els.map((e) => e.tagName.toLowerCase()))],
      handlers: els.flatMap((e) => [...e.attributes].filter((a) => /^on|^style$|^srcdoc$|^formaction$/i.test(a.name))
        .map((a) => `${e.tagName.toLowerCase()}[${a.name}]`)),
      hrefs: els.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')),
    };
  });
  const strange = found.tags.filter((t) => !ALLOWED_TAGS.has(t));
  assert.deepEqual(strange, [], `${where}: unexpected elements in the shadow root`);
  assert.deepEqual(found.handlers, [], `${where}: handler or style attributes`);
  for (const href of found.hrefs) {
    assert.match(href, /^(https:\/\/[^\s"'<>`\\]+|tel:\+?[0-9]{2,20})$/, `${where}: link ${JSON.stringify(href.slice(0, 80))}`);
  }
  const outside = await page.evaluate(() => document.querySelectorAll('img, iframe, object, embed, script:not([src])').length);
  assert.equal(outside, 0, `${where}: elements injected into the page`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${where}: script from an attribute ran`);
}

test('the injection check fails on a planted <img> or javascript: link (control)', () =>
  withPage(browser, {
    expectErrors: { reason: 'the planted <img> asks for /nothing.png, which is not there', match: /^Failed to load resource: .*404.*\/nothing\.png\)$/ },
  }, async ({ page }) => {
    await page.goto(server.url('/plain.html'));
    const w = await ready(page);
    await assertNothingInjected(page, w, 'clean');
    for (const plant of ['<img src="/nothing.png" alt="">', '<a href="javascript:void 0">x</a>', '<b onclick="void 0">x</b>']) {
      await w.evaluate((host, html) => {
        const box = host.shadowRoot.querySelector('[data-screen]');
        box.querySelector('[data-planted]')?.remove();
        const t = document.createElement('template');
        t.innerHTML = `<span data-planted>${html}</span>`;
        box.append(t.content);
      }, plant);
      await assert.rejects(assertNothingInjected(page, w, plant), assert.AssertionError, plant);
    }
  }));

const attributes = [...new Set(HOSTILE.map(([name]) => name))];
for (const name of attributes) {
  const cases = HOSTILE.filter(([n]) => n === name);
  test(`hostile ${name} values (${cases.length}): no script, nothing injected, one warning each, still works`, () =>
    withPage(browser, { colorScheme: 'light' }, async ({ page, log }) => {
      await page.goto(server.url('/empty.html'));
      await page.evaluate(() => customElements.whenDefined('symptom-checker'));
      for (const [i, [attr, value, expect]] of cases.entries()) {
        const where = `${attr}=${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…(${value.length})` : value)}`;
        const before = log.console.length;
        await page.evaluate(([base, attr, value, id]) => {
          document.querySelector('symptom-checker')?.remove();
          const el = document.createElement('symptom-checker');
          el.id = id;
          for (const [k, v] of Object.entries(base)) el.setAttribute(k, v);
          el.setAttribute(attr, value);
          document.getElementById('mount-here').append(el);
        }, [CLINIC, attr, value, `w${i}`]);
        const w = await ready(page.locator(`#w${i}`));
        assert.equal(await screenOf(w), 'start', `${where}: the start screen (shown by default)`);

        const each = (x, screen, id) => assertNothingInjected(page, x, `${where} ${screen} ${id ?? ''}`);
        await walkTo(w, 'touch_up', { each });
        if (attr === 'emergency-number') {
          // A refused number is never replaced by a guess: the words for the
          // local emergency number, and no number to dial.
          await restart(w);
          await walkTo(w, 'emergency_now', { each });
          assert.equal(await w.locator('a[href^="tel:"]').count(), 0, `${where}: no number to dial`);
          assert.ok((await w.locator('.sc-call').innerText()).includes('your local emergency number'), `${where}: call the local number`);
        }
        assert.deepEqual(log.dialogs, [], `${where}: a dialog opened`);

        const warnings = log.console.slice(before).filter((m) => m.type === 'warning');
        if (expect.warn) {
          assert.equal(warnings.length, 1, `${where}: one warning, got ${JSON.stringify(warnings.map((m) => m.text.slice(0, 120)))}`);
          assert.ok(warnings[0].text.includes(attr), `${where}: the warning names ${attr}: ${warnings[0].text.slice(0, 200)}`);
          const fallback = { 'emergency-number': 'your local emergency number', theme: 'auto', 'start-screen': 'show' }[attr];
          if (fallback) assert.ok(warnings[0].text.includes(fallback), `${where}: the warning names the default ${fallback}`);
        } else {
          assert.deepEqual(warnings, [], `${where}: no warning for a value that is only cleaned`);
        }
        assert.deepEqual(log.console.slice(before).filter((m) => m.type === 'error'), [], `${where}: console errors`);

        // The default (or the cleaned value) is what the patient sees.
        if (attr === 'emergency-number') await assertEmergencyLine(w, { number: null, where });
        if (attr === 'locale') assert.equal(await w.locator('[data-screen]').getAttribute('lang'), 'en', where);
        if (attr === 'theme') {
          const bg = await w.locator('[data-screen]').evaluate((e) => getComputedStyle(e).backgroundColor);
          assert.equal(bg, 'rgb(255, 255, 255)', `${where}: theme auto on a light page`);
        }
        if (attr === 'clinic-phone') {
          const tels = await w.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          assert.deepEqual([...new Set(tels)], ['tel:911'], `${where}: no clinic phone link`);
        }
        if (attr === 'booking-url') {
          const external = await w.locator('a[href^="https:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          assert.ok(external.every((h) => !h.includes('clinic.example') && !h.includes('x.example')), `${where}: no booking link`);
        }
        if (expect.text) {
          await restart(w);
          await walkTo(w, 'touch_up');
          const call = w.locator('[data-outcome-id] a[href="tel:+15550102030"]');
          const text = await call.textContent();
          assert.ok(text.includes(expect.text), `${where}: the clinic name shown as text: ${JSON.stringify(text)}`);
          assert.ok(!/[\u0000-\u001f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text), `${where}: control or bidi characters shown`);
        }
      }
    }));
}
