// <symptom-checker> on host pages in every engine (Chromium, Firefox ESR,
// WebKitGTK): the EMBEDDING.md snippet as is, on a plain page and under
// the strict CSP the document gives; hostile page CSS; the fallback when
// the wasm cannot load; two widgets on one page; removing and re-adding
// the element; the answers handed to a page that opted in, once per press
// of Send. And the harness's own check, per engine (control).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

import { startServer, readUi, DIST, REPO } from '../e2e/lib/server.mjs';
import { hostPage, element, snippetPage, keyStylesIn, BUNDLE } from '../e2e/lib/pages.mjs';
import {
  ROUTES, walk, walkTo, back, restart, start, screenOf, outcomeOf, assertEmergencyLine,
} from '../e2e/lib/journey.mjs';
import { engineSuite, until, CAPTURE_PAGE, CAPTURE_TAG } from './lib/engines.mjs';

/** The policy EMBEDDING.md documents, word for word. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
const HOSTILE_CSS = '* { all: revert; font: 30px serif !important; } button { display: none !important; }';
const { Fhir } = createRequire(import.meta.url)('fhir');
const CLINIC = { 'clinic-name': 'Riverside Test Clinic', 'clinic-phone': '+1 555 010 2030', 'booking-url': 'https://clinic.example/book', 'emergency-number': '911' };

let server;
const UI = {};
before(async () => {
  UI.en = await readUi('en');
  UI.es = await readUi('es');
  const bundle = await fs.readFile(path.join(DIST, BUNDLE));
  const docs = await fs.readFile(path.join(REPO, 'EMBEDDING.md'), 'utf8');
  assert.ok(docs.includes(CSP), 'EMBEDDING.md documents this policy');
  server = await startServer({
    gzip: true,
    pages: {
      ...CAPTURE_PAGE,
      '/snippet.html': { body: snippetPage({ head: CAPTURE_TAG }) },
      '/snippet-csp.html': { body: snippetPage({ head: CAPTURE_TAG }), headers: { 'content-security-policy': CSP } },
      '/plain.html': { body: hostPage({ title: 'Plain page', head: CAPTURE_TAG, body: element(CLINIC) }) },
      '/hostile.html': {
        body: hostPage({ title: 'Hostile page', head: `${CAPTURE_TAG}<link rel="stylesheet" href="/hostile.css">`, body: element(CLINIC) }),
      },
      '/hostile.css': { body: HOSTILE_CSS },
      // A page that opted in to the answers, and records each share event
      // (capture, on the document) with its detail as JSON.
      '/share-record.js': {
        body: `window.__shared = [];
document.addEventListener('symptom-checker:share', (e) => {
  window.__shared.push({ detail: JSON.parse(JSON.stringify(e.detail)), cancelable: e.cancelable });
}, { capture: true });
`,
      },
      '/share.html': {
        body: hostPage({ title: 'Share page', head: `${CAPTURE_TAG}<script src="/share-record.js"></script>`, body: element({ ...CLINIC, share: 'event' }) }),
      },
      '/two.html': {
        body: hostPage({
          title: 'Two widgets',
          head: CAPTURE_TAG,
          body: element({ id: 'a', locale: 'es', 'emergency-number': '112', 'clinic-name': 'Clínica A', 'clinic-phone': '555 0101', theme: 'dark' }) +
            element({ id: 'b', 'emergency-number': '999', 'clinic-name': 'Clinic B', 'clinic-phone': '555 0202', 'booking-url': 'https://b.example/book', theme: 'light' }),
        }),
      },
      // The harness's control: a strict-CSP page whose own script logs an
      // error, throws, breaks the policy and asks for a missing file.
      '/planted.html': {
        body: hostPage({ title: 'Planted errors', head: `${CAPTURE_TAG}<script src="/planted-errors.js"></script>`, body: element(CLINIC) }),
        headers: { 'content-security-policy': CSP },
      },
      '/planted-errors.js': {
        body: `console.error('planted console error');
setTimeout(() => { throw new Error('planted uncaught error'); }, 0);
addEventListener('DOMContentLoaded', () => {
  document.body.append(Object.assign(new Image(), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }));
  fetch('/planted-missing-file').catch(() => {});
});
`,
      },
      // Older engines, simulated by a script that runs before the bundle:
      // one that cannot compile the widget's WebAssembly (before Chrome 96,
      // Firefox 79, Safari 15.1: no reference types), and one without
      // constructed style sheets (before Firefox 101, Safari 16.4).
      '/old-wasm.js': {
        body: `const refuse = () => Promise.reject(new WebAssembly.CompileError('this engine cannot compile the module'));
WebAssembly.instantiateStreaming = refuse;
WebAssembly.instantiate = refuse;
`,
      },
      '/old-wasm.html': {
        body: hostPage({
          title: 'Old WebAssembly', head: `${CAPTURE_TAG}<script src="/old-wasm.js"></script>`,
          body: element({ 'emergency-number': '112' }, '<p id="fallback">Call the clinic on 555 0100.</p>'),
        }),
      },
      // Older still (Chrome 80-85, Firefox 74-77, Safari 13.1): the bundle
      // runs, but there is no replaceChildren() either.
      '/old-dom.js': { body: 'for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) delete proto.replaceChildren;\n' },
      '/old-dom.html': {
        body: hostPage({
          title: 'Old DOM', head: `${CAPTURE_TAG}<script src="/old-wasm.js"></script><script src="/old-dom.js"></script>`,
          body: element({ 'emergency-number': '112' }, '<p id="fallback">Call the clinic on 555 0100.</p>'),
        }),
      },
      '/old-css.js': { body: "window.CSSStyleSheet = function CSSStyleSheet() { throw new TypeError('Illegal constructor'); };\n" },
      '/old-css.html': { body: hostPage({ title: 'No constructed style sheets', head: `${CAPTURE_TAG}<script src="/old-css.js"></script>`, body: element(CLINIC) }) },
      // The bundle served from a folder without its wasm: the load fails.
      '/broken/symptom-checker.js': { body: bundle },
      '/broken.html': {
        body: hostPage({ title: 'Broken bundle', head: CAPTURE_TAG, body: element({ 'emergency-number': '112' }, '<p id="fallback">Call the clinic on 555 0100.</p>') })
          .replace(`src="${BUNDLE}"`, 'src="/broken/symptom-checker.js"'),
      },
      // The same on an English page whose element asks for Spanish.
      '/broken-es.html': {
        body: hostPage({ title: 'Broken bundle', head: CAPTURE_TAG, body: element({ 'emergency-number': '999', locale: 'es' }, '<p id="fallback">Call the clinic on 555 0100.</p>') })
          .replace(`src="${BUNDLE}"`, 'src="/broken/symptom-checker.js"'),
      },
      '/old-wasm-es.html': {
        body: hostPage({
          title: 'Old WebAssembly', head: `${CAPTURE_TAG}<script src="/old-wasm.js"></script>`,
          body: element({ 'emergency-number': '999', locale: 'es' }, '<p id="fallback">Call the clinic on 555 0100.</p>'),
        }),
      },
    },
  });
});
after(() => server?.close());

/** Computed styles of the widget's key elements on the current screen. */
const STYLE_PROPS = ['display', 'visibility', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'color',
  'background-color', 'text-decoration-line', 'text-transform', 'border-top-style', 'border-top-width', 'border-top-color',
  'border-radius', 'letter-spacing', 'line-height', 'padding-top', 'padding-left', 'text-align', 'min-height', 'cursor'];
function keyStyles(w) {
  return w.evaluate(keyStylesIn, STYLE_PROPS);
}

/** The widget's styles on each screen of a journey (start, multiple and single choice, an outcome). */
async function stylesAlongAJourney(p, url) {
  await p.open(url);
  const w = p.widget();
  const seen = {};
  const reached = await walk(w, ROUTES.touch_up.path, {
    each: async (x, screen, id) => {
      // The pointer rests where the last answer was clicked: move it off,
      // so no control of the new screen is compared in its hover state.
      await p.driver.actions().move({ x: 1, y: 1, origin: 'viewport' }).perform();
      seen[`${screen} ${id ?? ''}`] = await keyStyles(x);
    },
  });
  assert.deepEqual(reached, { id: 'touch_up', urgency: 'soon' }, 'the journey completes');
  return seen;
}

engineSuite(() => server, ({ engine, page }) => {
  test(`${engine}: the EMBEDDING.md snippet, pasted into a plain HTML file (integrity included), runs a journey`, () =>
    page({}, async (p) => {
      await p.open(server.url('/snippet.html'));
      await p.waitFor(() => !!customElements.get('symptom-checker'), 'the snippet\'s script to define <symptom-checker>');
      await walkTo(p.widget(), 'allergy_check', { each: (x) => assertEmergencyLine(x) });
    }));

  test(`${engine}: the snippet under the documented strict CSP: journeys, Back, language switch, no violation`, () =>
    page({}, async (p) => {
      await p.open(server.url('/snippet-csp.html'));
      const w = p.widget();
      await walkTo(w, 'headache_persisting', { each: (x) => assertEmergencyLine(x) });
      await back(w);
      await w.click('button[data-locale="es"]');
      await w.waitFor('[data-screen][lang="es"]');
      await restart(w);
      await walkTo(w, 'emergency_now', { each: (x) => assertEmergencyLine(x, { text: UI.es.not_a_diagnosis }) });
      // Any violation is in the page's record, and fails the test when the page closes.
    }));

  test(`${engine}: the strict CSP page does report a violation (control)`, () =>
    page({
      expectErrors: {
        reason: 'the control loads a data: image, which default-src \'self\' refuses: the violation, and the image\'s failed load',
        // The page's record, and Firefox's own report of it over BiDi.
        match: [/^CSP violation: (img-src|default-src)\b/, /^failed to load <img> data:/, /^Content-Security-Policy: .*\(img-src\) at data:/],
      },
    }, async (p) => {
      await p.open(server.url('/snippet-csp.html'));
      await p.widget().waitFor('[data-screen]');
      await p.evaluate(() => { document.body.append(Object.assign(new Image(), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' })); });
      await p.waitFor(() => window.__engineLog.some((e) => e.csp), 'the securitypolicyviolation event');
      assert.ok((await p.messages('error')).some((t) => t.startsWith('CSP violation')), 'the violation counts as an error');
    }));

  test(`${engine}: Trusted Types are enforced on the strict CSP page, and the widget needs no policy`, (t) =>
    page({
      expectErrors: {
        reason: 'the check assigns an HTML string on purpose, which Trusted Types refuse (the page\'s record, and the engine\'s own report)',
        match: [/^CSP violation: require-trusted-types-for\b/, /TrustedHTML/, /^Content-Security-Policy: .*require-trusted-types-for/],
      },
    }, async (p) => {
      await p.open(server.url('/snippet-csp.html'));
      const w = p.widget();
      await w.waitFor('[data-screen]');
      if (!(await p.evaluate(() => typeof window.trustedTypes === 'object'))) {
        t.skip(`${engine}: this engine has no Trusted Types (window.trustedTypes is missing), so require-trusted-types-for is not enforced; the journey under the policy above still runs`);
        return;
      }
      const refused = await p.evaluate(() => {
        try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); return false; } catch { return true; }
      });
      assert.ok(refused, 'an HTML string is refused');
      await walkTo(w, 'touch_up');
    }));

  test(`${engine}: hostile page CSS does not reach inside the shadow root`, () =>
    page({}, async (p) => {
      const plain = await stylesAlongAJourney(p, server.url('/plain.html'));
      const hostile = await stylesAlongAJourney(p, server.url('/hostile.html'));
      assert.equal(Object.keys(plain).length, 5, 'styles were collected on five screens');
      assert.ok(Object.keys(plain['start ']).length >= 5, 'on five kinds of element at least');
      assert.deepEqual(hostile, plain);
      // The page's own rules are live (so the comparison above could fail).
      assert.equal(await p.evaluate(() => getComputedStyle(document.querySelector('h1')).fontSize), '30px');
      const pageButtonShown = await p.evaluate(() => {
        const b = document.body.appendChild(Object.assign(document.createElement('button'), { textContent: 'page button' }));
        return b.getClientRects().length > 0;
      });
      assert.equal(pageButtonShown, false, 'the page\'s own buttons are hidden');
      await restart(p.widget());
      assert.ok(await p.widget().visible('[data-action="start"]'), 'the widget\'s are not');
    }));

  test(`${engine}: if the wasm cannot load, the host's text stays and the emergency line is added`, () =>
    page({
      expectErrors: {
        reason: 'the page loads the bundle from a folder without its wasm on purpose: the 404 and the loader\'s report of it',
        match: [/^failed load: 404 \(\/broken\/symptom-checker_bg\.wasm\)$/, /^symptom-checker: the widget could not load\b/],
      },
    }, async (p) => {
      await p.open(server.url('/broken.html'));
      const w = p.widget();
      await w.waitFor('p[data-role="emergency-line"]');
      await assertEmergencyLine(w, { number: '112', text: UI.en.start_failed });
      assert.ok(await p.evaluate(() => {
        const el = document.getElementById('fallback');
        return el.getClientRects().length > 0 && el.assignedSlot !== null;
      }), 'the host\'s own text is shown, in the slot');
      assert.equal(await w.count('[data-screen]'), 0, 'no widget');
      assert.ok((await p.messages('error')).some((t) => t.includes('could not load')), 'the failure is logged');
    }));

  test(`${engine}: locale="es" and the wasm cannot load: the fallback line in Spanish, with the page's number`, () =>
    page({
      expectErrors: {
        reason: 'the page loads the bundle from a folder without its wasm on purpose: the 404 and the loader\'s report of it',
        match: [/^failed load: 404 \(\/broken\/symptom-checker_bg\.wasm\)$/, /^symptom-checker: the widget could not load\b/],
      },
    }, async (p) => {
      await p.open(server.url('/broken-es.html'));
      const w = p.widget();
      await w.waitFor('p[data-role="emergency-line"]');
      await assertEmergencyLine(w, { number: '999', text: UI.es.start_failed });
      assert.equal(await w.attr('p[data-role="emergency-line"]', 'lang'), 'es');
      assert.ok((await w.text('p[data-role="emergency-line"]')).includes(UI.es.emergency_before.trim()), 'the call in Spanish');
    }));

  for (const [older, url] of [['', '/old-wasm.html'], [', nor has replaceChildren(),', '/old-dom.html'], [', on a page in Spanish,', '/old-wasm-es.html']]) {
    test(`${engine}: an engine that cannot compile the wasm${older} shows the host's text and the emergency line`, () =>
      page({
        expectErrors: {
          reason: 'the page makes compiling WebAssembly fail on purpose, as an engine without its features would; the loader reports it',
          // Over BiDi, Chromium and Firefox give the error argument as "error" or
          // "Object(0)", without its message: the page's record has it (below).
          match: /^symptom-checker: the widget could not load\b/,
        },
      }, async (p) => {
        await p.open(server.url(url));
        await p.waitFor(() => window.__engineLog.some((e) => /could not load CompileError: this engine cannot compile the module/.test(e.text)),
          'the loader to report the compile error');
        const w = p.widget();
        await w.waitFor('p[data-role="emergency-line"]');
        const es = url.includes('-es');
        await assertEmergencyLine(w, { number: es ? '999' : '112', text: UI[es ? 'es' : 'en'].start_failed });
        assert.ok(await p.evaluate(() => document.getElementById('fallback').getClientRects().length > 0), 'the host\'s own text is shown');
        assert.equal(await w.count('[data-screen]'), 0, 'no widget');
      }));
  }

  test(`${engine}: an engine without constructed style sheets runs the widget unstyled, emergency line included`, () =>
    page({}, async (p) => {
      await p.open(server.url('/old-css.html'));
      const w = p.widget();
      await walkTo(w, 'touch_up', { each: (x) => assertEmergencyLine(x) });
      assert.equal(await w.evaluate((host) => host.shadowRoot.adoptedStyleSheets.length), 0, 'no style sheet');
    }));

  test(`${engine}: share="event": one press of Send fires one symptom-checker:share with a valid FHIR QuestionnaireResponse`, () =>
    page({}, async (p) => {
      await p.open(server.url('/share.html'));
      const w = p.widget();
      const route = ROUTES.droop_review;
      await walkTo(w, 'droop_review');
      assert.deepEqual(await p.evaluate(() => window.__shared.length), 0, 'nothing before the press');
      await w.click('[data-action="share"]');
      await p.waitFor((text) => window.__shared.length > 0 &&
        document.querySelector('symptom-checker').shadowRoot.querySelector('[data-role="share-status"]').textContent === text,
      'the share event and the status', UI.en.not_shared);
      const shared = await p.evaluate(() => window.__shared);
      assert.equal(shared.length, 1, 'one event for one press');
      assert.equal(shared[0].cancelable, true);
      const qr = shared[0].detail.questionnaireResponse;
      const result = new Fhir().validate(qr, { errorOnUnexpected: true });
      assert.deepEqual(result.messages.filter((m) => m.severity === 'error'), [], 'FHIR.js errors');
      assert.equal(result.valid, true);
      assert.deepEqual(qr.item.map((i) => i.linkId),
        [...route.path.map(([q]) => q), 'result.outcome', 'result.urgency'], 'the questions asked, then the result');
      assert.deepEqual(qr.item.slice(0, route.path.length).map((i) => i.answer.map((a) => a.valueCoding.code)),
        route.path.map(([q, answers]) => answers.map((a) => `${q}.${a}`)), 'the answers given');
      assert.equal(qr.item.at(-1).answer[0].valueCoding.code, route.urgency);
      assert.equal(typeof shared[0].detail.summary, 'string');
    }));

  test(`${engine}: two widgets on one page are independent`, () =>
    page({}, async (p) => {
      await p.open(server.url('/two.html'));
      const a = p.widget('#a');
      const b = p.widget('#b');
      await a.waitFor('[data-screen]');
      await b.waitFor('[data-screen]');
      await assertEmergencyLine(a, { number: '112', text: UI.es.not_a_diagnosis });
      await assertEmergencyLine(b, { number: '999' });
      assert.equal(await a.attr('[data-screen]', 'lang'), 'es');
      assert.equal(await b.attr('[data-screen]', 'lang'), 'en');
      const bg = (w) => w.evaluate((host) => getComputedStyle(host.shadowRoot.querySelector('[data-screen]')).backgroundColor);
      assert.notEqual(await bg(a), await bg(b), 'theme="dark" and theme="light" differ');

      await start(a);
      assert.equal(await screenOf(b), 'start', 'starting A leaves B alone');
      await walk(a, ROUTES.touch_up.path);
      assert.deepEqual(await outcomeOf(a), { id: 'touch_up', urgency: 'soon' });
      assert.equal(await a.count('[data-outcome-id] a[href="tel:5550101"]'), 1, 'A calls its clinic');
      assert.ok((await a.text('[data-outcome-id]')).includes('Clínica A'));
      assert.equal(await a.count('a[href="https://b.example/book"]'), 0, 'A has no booking link of B');

      assert.equal(await screenOf(b), 'start');
      await walkTo(b, 'allergy_check');
      assert.equal(await b.count('[data-outcome-id] a[href="tel:5550202"]'), 1, 'B calls its clinic');
      assert.equal(await b.count('[data-outcome-id] a[href="https://b.example/book"]'), 1, 'B has its booking link');
      assert.equal(await b.count('a[href="tel:112"]'), 0, 'B does not show A\'s number');

      await restart(b);
      assert.deepEqual(await outcomeOf(a), { id: 'touch_up', urgency: 'soon' }, 'restarting B leaves A');
      await a.click('button[data-locale="en"]');
      await a.waitFor('[data-screen][lang="en"]');
      assert.equal(await b.attr('[data-screen]', 'lang'), 'en');
      await b.click('button[data-locale="es"]');
      await b.waitFor('[data-screen][lang="es"]');
      assert.equal(await a.attr('[data-screen]', 'lang'), 'en', 'B\'s language switch leaves A');
      const warnings = (await p.messages('warning')).filter((t) => t.includes('symptom-checker'));
      assert.deepEqual(warnings, []);
    }));

  test(`${engine}: removing the element unmounts it; re-adding and moving it works`, () =>
    page({}, async (p) => {
      await p.open(server.url('/plain.html'));
      const w = p.widget();
      await walk(w, ROUTES.headache_persisting.path.slice(0, 3));
      await w.waitFor('[data-question-id="reason"]');
      const left = await p.evaluate(() => {
        window.__kept = document.querySelector('symptom-checker');
        window.__kept.remove();
        return window.__kept.shadowRoot?.childNodes.length ?? -1;
      });
      assert.equal(left, 0, 'the shadow root is emptied on removal');

      await p.evaluate(() => document.querySelector('main').append(window.__kept));
      await w.waitFor('[data-screen]');
      assert.equal(await w.count('[data-screen]'), 1, 'one widget, rendered once');
      await walkTo(w, 'heaviness_expected');

      // Moving it, and many remove/add cycles, leave one working widget.
      await p.evaluate(() => {
        const el = document.querySelector('symptom-checker');
        for (let i = 0; i < 25; i++) { el.remove(); document.querySelector('main').append(el); }
        document.querySelector('h1').after(el);
      });
      await w.waitFor('[data-screen]');
      assert.equal(await w.count('[data-screen]'), 1);
      await walkTo(w, 'allergy_check');
    }));

  test(`${engine}: the harness fails a test on an undeclared console error, uncaught error, CSP violation or failed load (control)`, async () => {
    const planted = page({}, async (p) => {
      await p.open(server.url('/planted.html'));
      await p.widget().waitFor('[data-screen]');
      await p.waitFor(() => window.__engineLog.some((e) => e.type === 'uncaught') && window.__engineLog.some((e) => e.csp),
        'the planted errors to happen');
      await until(() => server.responses.some((r) => r.path === '/planted-missing-file'), 'the planted request');
    });
    await assert.rejects(planted, (error) => {
      assert.ok(error instanceof assert.AssertionError, String(error));
      for (const line of [/console\.error: planted console error/, /page error: .*planted uncaught error/,
        /console\.error: CSP violation: (img-src|default-src)/, /console\.error: failed load: 404 \(\/planted-missing-file\)/]) {
        assert.match(error.message, line);
      }
      return true;
    });
  });
});
