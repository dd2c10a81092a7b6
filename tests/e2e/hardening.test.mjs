// Hardening: nothing leaves the device and nothing is stored,
// content cannot inject markup or script, and a crash keeps the page's
// own emergency number.
//
// - after the widget has loaded, a whole journey (with print, copy and the
//   language switch) makes no network request, opens no socket and no window;
// - the widget writes no cookie, localStorage, sessionStorage, IndexedDB,
//   Cache Storage or service worker;
// - the hostile-content build (dist-test/, tests/content/hostile.toml)
//   renders every hostile string as literal text: no script runs, only the
//   widget's own elements and attributes exist, links are https: or tel:;
// - after a panic (test build only) the fallback shows the number the page
//   configured. The plain panic fallback and the wasm-load failure are
//   covered in widget.test.mjs and embed.test.mjs;
// - the release build (dist/) carries nothing of the tests: no test-panic
//   hook on the page or in any file it ships;
// - the harness itself: withPage() fails a test on a browser error the test
//   did not declare.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

import { startServer, DIST, DIST_TEST, CONTENT_HOSTILE, EXPECT_TEST_PANIC, readContent } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { hostPage, element, BUNDLE } from './lib/pages.mjs';
import {
  ready, walk, walkTo, answer, back, restart, start, question, onScreen, answerControl,
  assertEmergencyLine,
} from './lib/journey.mjs';

const CLINIC = { 'clinic-name': 'Riverside Test Clinic', 'clinic-phone': '+1 555 010 2030', 'booking-url': 'https://clinic.example/book', 'emergency-number': '911' };
const PAGES = {
  '/clinic.html': { body: hostPage({ title: 'Clinic page', body: element(CLINIC) }) },
  '/clinic-112.html': { body: hostPage({ title: 'Clínica', body: element({ ...CLINIC, 'emergency-number': '112', locale: 'es' }) }) },
};

let server;
let testServer;
let browser;
before(async () => {
  server = await startServer({ pages: PAGES });
  if (existsSync(path.join(DIST_TEST, 'index.html'))) testServer = await startServer({ root: DIST_TEST, pages: PAGES });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await testServer?.close();
});

/** Replaces window.print (no dialog in a test) with a recorder. */
const stubPrint = () => {
  window.__prints = 0;
  window.print = () => { window.__prints += 1; };
};

// ------------------------------------------------------------ nothing leaves

/**
 * Records everything that could leave the device: requests of every page
 * and worker of the context, web sockets, new pages (popups).
 */
function recordTraffic(context, page) {
  const seen = [];
  // The favicon is the browser's own request (whenever it likes), not the page's.
  context.on('request', (r) => { if (!r.url().endsWith('/favicon.ico')) seen.push(`${r.method()} ${r.url()}`); });
  context.on('page', (p) => seen.push(`new page ${p.url()}`));
  page.on('websocket', (ws) => seen.push(`websocket ${ws.url()}`));
  page.on('worker', (wk) => seen.push(`worker ${wk.url()}`));
  return seen;
}

/** Lets anything queued (timers, promises, beacons) go out before counting. */
const settle = (page) => page.evaluate(() => new Promise((r) => setTimeout(r, 300)));

/** A journey touching everything the patient can do: answers, Back, both languages, print, copy, Start over. */
async function everything(w) {
  await walkTo(w, 'headache_persisting');
  await w.locator('[data-action="print"]').click();
  await w.locator('[data-action="copy"]').click();
  await w.locator('[role="status"]').filter({ hasText: /\S/ }).waitFor();
  await w.locator('button[data-locale="es"]').click();
  await w.locator('[data-screen][lang="es"]').waitFor();
  await back(w);
  await question(w, 'duration').waitFor();
  await answer(w, 'duration', ['under_48h']);
  await w.locator('[data-action="copy"]').click();
  await w.locator('button[data-locale="en"]').click();
  await w.locator('[data-screen][lang="en"]').waitFor();
  await restart(w);
  await walkTo(w, 'emergency_now');
  await restart(w);
  await start(w);
  await question(w, 'red_flags').locator('[data-action="next"]').click();
  await question(w, 'red_flags').locator('[role="alert"]').waitFor();
  await walkTo(w, 'touch_up');
}

test('after load, a whole journey with print, copy and the language switch makes no request', () =>
  withPage(browser, {
    permissions: ['clipboard-read', 'clipboard-write'],
    expectErrors: {
      reason: 'the control at the end requests /after-load and /beacon, which the server does not have',
      match: /^Failed to load resource: .*404.*\/(after-load|beacon)\)$/,
    },
  }, async ({ context, page, log }) => {
    await page.addInitScript(stubPrint);
    const traffic = recordTraffic(context, page);
    await page.goto(server.url('/clinic.html'));
    const w = await ready(page);
    await settle(page);
    // The load itself: the page, the bundle, its wasm, nothing else and nothing elsewhere.
    const wasm = BUNDLE.replace(/\.js$/, '_bg.wasm');
    assert.deepEqual(traffic.map((t) => t.replace(server.origin, '')).sort(),
      ['GET /clinic.html', `GET ${BUNDLE}`, `GET ${wasm}`].sort(), 'requests while loading');
    const loaded = traffic.length;
    const served = server.requests.length;
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').length);

    await everything(w);
    assert.equal(await page.evaluate(() => window.__prints), 1, 'print was pressed');
    await settle(page);
    assert.deepEqual(traffic.slice(loaded), [], 'requests after load');
    assert.deepEqual(server.requests.slice(served).filter((p) => p !== '/favicon.ico'), [], 'requests the server saw after load');
    assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').length), resources, 'resource timing entries');
    assert.deepEqual(log.errors, []);

    // Control: the recorders do see a request made after load.
    await page.evaluate(() => { fetch('/after-load').catch(() => {}); navigator.sendBeacon('/beacon', 'x'); });
    await settle(page);
    assert.deepEqual(traffic.slice(loaded).map((t) => t.replace(server.origin, '')).sort(), ['GET /after-load', 'POST /beacon']);
    assert.deepEqual(server.requests.slice(served).filter((p) => p !== '/favicon.ico').sort(), ['/after-load', '/beacon']);
  }));

/** Instruments every storage API so that a write is recorded even if undone later. */
function instrumentStorage() {
  const writes = [];
  window.__storageWrites = writes;
  for (const m of ['setItem', 'removeItem', 'clear']) {
    const orig = Storage.prototype[m];
    Storage.prototype[m] = function (...args) {
      writes.push(`${this === window.localStorage ? 'localStorage' : 'sessionStorage'}.${m}(${args.join(', ')})`);
      return orig.apply(this, args);
    };
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() { return cookie.get.call(this); },
    set(v) { writes.push(`document.cookie = ${v}`); cookie.set.call(this, v); },
  });
  const wrap = (proto, m, label) => {
    if (!proto?.[m]) return;
    const orig = proto[m];
    proto[m] = function (...args) { writes.push(`${label}(${String(args[0])})`); return orig.apply(this, args); };
  };
  wrap(globalThis.IDBFactory?.prototype, 'open', 'indexedDB.open');
  wrap(globalThis.CacheStorage?.prototype, 'open', 'caches.open');
  wrap(globalThis.ServiceWorkerContainer?.prototype, 'register', 'serviceWorker.register');
  wrap(globalThis.CookieStore?.prototype, 'set', 'cookieStore.set');
}

/** What is stored for the page, read back through every API. */
async function stored(context, page) {
  const inPage = await page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    writes: window.__storageWrites,
  }));
  const state = await context.storageState({ indexedDB: true });
  return { ...inPage, contextCookies: (await context.cookies()).map((c) => c.name), origins: state.origins };
}

const NOTHING = {
  cookie: '', localStorage: [], sessionStorage: [], indexedDB: [], caches: [], serviceWorkers: 0, writes: [],
  contextCookies: [], origins: [],
};

test('the widget stores nothing: no cookie, localStorage, sessionStorage, IndexedDB, cache or service worker', () =>
  withPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] }, async ({ context, page }) => {
    await page.addInitScript(stubPrint);
    await page.addInitScript(instrumentStorage);
    await page.goto(server.url('/clinic.html'));
    const w = await ready(page);
    assert.deepEqual(await stored(context, page), NOTHING, 'after load');
    await everything(w);
    // A reload (the only way back in) finds nothing remembered either.
    assert.deepEqual(await stored(context, page), NOTHING, 'after a whole journey');
    await page.reload();
    await onScreen(await ready(page), 'start');
    assert.deepEqual(await stored(context, page), NOTHING, 'after a reload');

    // Control: each kind of write is seen.
    await page.evaluate(async () => {
      localStorage.setItem('a', '1');
      sessionStorage.setItem('b', '2');
      document.cookie = 'c=3';
      await new Promise((r) => { const q = indexedDB.open('d'); q.onsuccess = () => { q.result.close(); r(); }; });
      await caches.open('e');
    });
    const after = await stored(context, page);
    assert.equal(after.cookie, 'c=3');
    assert.deepEqual([after.localStorage, after.sessionStorage, after.indexedDB, after.caches], [['a'], ['b'], ['d'], ['e']]);
    assert.deepEqual(after.writes, ['localStorage.setItem(a, 1)', 'sessionStorage.setItem(b, 2)', 'document.cookie = c=3',
      'indexedDB.open(d)', 'caches.open(e)']);
    assert.deepEqual(after.contextCookies, ['c']);
    assert.equal(after.origins.length, 1, 'the context sees the origin\'s storage');
  }));

// ------------------------------------------------------- hostile content

/** Every element the widget itself renders (screens, the copy fallback, the error screen). */
const WIDGET_TAGS = new Set(['div', 'section', 'p', 'strong', 'span', 'a', 'button', 'h2', 'h3', 'ul', 'ol', 'li',
  'input', 'label', 'fieldset', 'legend', 'dl', 'dt', 'dd', 'pre', 'textarea', 'details', 'summary']);
/** Every attribute it sets (aria-* and data-* aside). */
const WIDGET_ATTRIBUTES = new Set(['class', 'id', 'role', 'lang', 'href', 'target', 'rel', 'type', 'for', 'tabindex',
  'readonly', 'rows']);
const LINK = /^(https:\/\/[^\s"'<>`\\]+|tel:\+?[0-9]{2,20})$/;

/** Fails on anything in the widget (or the page) that the widget does not make itself. */
async function assertOnlyWidgetMarkup(page, where) {
  const found = await page.locator('symptom-checker').evaluate((host) => {
    const els = [...host.shadowRoot.querySelectorAll('*')];
    return {
      tags: [...new Set(els.map((e) => e.tagName.toLowerCase()))],
      attributes: [...new Set(els.flatMap((e) => e.getAttributeNames()))].filter((a) => !/^(aria|data)-[a-z-]+$/.test(a)),
      links: els.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')),
      javascript: els.flatMap((e) => [...e.attributes]).filter((a) => /javascript:/i.test(a.value)).map((a) => a.name),
      pageElements: [...document.querySelectorAll('img, iframe, svg, object, embed, form, marquee, style, script')]
        .map((e) => e.tagName.toLowerCase() + (e.getAttribute('src') ? ` ${e.getAttribute('src')}` : '')),
      pwned: window.__pwned,
    };
  });
  assert.deepEqual(found.tags.filter((t) => !WIDGET_TAGS.has(t)), [], `${where}: elements the widget does not make`);
  assert.deepEqual(found.attributes.filter((a) => !WIDGET_ATTRIBUTES.has(a)), [], `${where}: attributes the widget does not set`);
  for (const href of found.links) assert.match(href, LINK, `${where}: link ${JSON.stringify(href)}`);
  assert.deepEqual(found.javascript, [], `${where}: javascript: in attribute values`);
  assert.deepEqual(found.pageElements, [`script ${BUNDLE}`], `${where}: elements in the page`);
  assert.equal(found.pwned, undefined, `${where}: window.__pwned was set`);
}

test('the markup check fails on a planted element, attribute, link or script (control)', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.goto(server.url('/clinic.html'));
    const w = await ready(page);
    await assertOnlyWidgetMarkup(page, 'clean');
    const plants = [
      (root) => root.append(Object.assign(document.createElement('b'), { textContent: 'bold' })),
      (root) => root.querySelector('p').setAttribute('onclick', 'void 0'),
      (root) => root.querySelector('p').setAttribute('style', 'color: red'),
      (root) => root.querySelector('a').setAttribute('href', 'http://example.org/'),
      (root) => { root.querySelector('a').href = 'javascript:void 0'; },
      () => { window.__pwned = 1; },
      () => document.body.append(document.createElement('img')),
    ];
    for (const [i, plant] of plants.entries()) {
      await page.reload();
      await ready(page);
      await w.locator('[data-screen]').evaluate(plant);
      await assert.rejects(assertOnlyWidgetMarkup(page, `plant ${i}`), assert.AssertionError, `plant ${i}: ${plant}`);
    }
  }));

test('hostile content (dist-test): every string is literal text, no script runs, only the widget\'s own markup', {
  skip: !existsSync(path.join(DIST_TEST, 'index.html')) && !process.env.CI && 'no dist-test/ (scripts/test.sh builds it)',
}, async () => {
  const c = await readContent(CONTENT_HOSTILE);
  await withPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] }, async ({ page, log }) => {
    await page.addInitScript(stubPrint);
    await page.goto(testServer.url('/clinic.html'));
    const w = await ready(page);
    const text = (sel) => w.locator(sel).first().evaluate((e) => e.textContent);
    const checkScreen = async (locale, screen, id) => {
      const where = `${locale} ${screen} ${id ?? ''}`;
      await assertOnlyWidgetMarkup(page, where);
      // Hover and focus every control: a handler smuggled in would fire now.
      await w.evaluate((host) => {
        for (const el of host.shadowRoot.querySelectorAll('*')) {
          for (const type of ['mouseover', 'mouseenter', 'pointerover']) el.dispatchEvent(new MouseEvent(type, { bubbles: true }));
          el.focus?.();
        }
      });
      await assertOnlyWidgetMarkup(page, `${where}, after hover and focus`);
      if (screen === 'start') {
        assert.equal(await text('h2'), c.title[locale], `${where}: title as text`);
        assert.equal(await text('.sc-intro'), c.intro[locale], `${where}: intro as text`);
      } else if (screen === 'question') {
        const q = c.question(id);
        assert.equal(await text('h2'), q.text[locale], `${where}: question as text`);
        if (q.help) assert.equal(await text('#sc-help'), q.help[locale], `${where}: help as text`);
        for (const a of q.answers) {
          const control = answerControl(w, id, a.id);
          const label = await control.evaluate((e) => (e.labels?.[0] ?? e).querySelector('.sc-label').textContent);
          assert.equal(label, a.label[locale], `${where}: answer ${a.id} as text`);
          if (a.hint) assert.equal(await control.evaluate((e) => (e.labels?.[0] ?? e).querySelector('.sc-hint').textContent), a.hint[locale]);
        }
      } else {
        const o = c.outcome(id);
        assert.equal(await text('h2'), o.title[locale], `${where}: outcome title as text`);
        assert.equal(await text('.sc-summary'), o.summary[locale]);
        assert.deepEqual(await w.locator('#sc-steps + ol > li').allTextContents(), o.steps.map((s) => s[locale]));
        assert.equal(await text('#sc-sooner + p'), o.sooner[locale]);
        assert.equal(await text('#sc-tell + p'), o.tell_clinician[locale]);
        const sources = await w.locator('.sc-sources li a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
        assert.deepEqual(sources, o.sources.map((s) => [s.title[locale], s.url[locale]]), `${where}: sources as text, URLs unchanged`);
        assert.ok((await text('.sc-meta')).includes(c.version), `${where}: the version as text`);
        // The summary (print and clipboard) carries the same strings as plain text.
        const summary = await text('pre[data-role="summary"]');
        for (const s of [c.title[locale], o.title[locale], o.summary[locale], o.tell_clinician[locale]]) {
          assert.ok(summary.includes(s), `${where}: summary has ${JSON.stringify(s)}`);
        }
        await w.locator('[data-action="print"]').click();
        await w.locator('[data-action="copy"]').click();
        await w.locator('[role="status"]').filter({ hasText: /\S/ }).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), summary, `${where}: copied text`);
        await assertOnlyWidgetMarkup(page, `${where}, after print and copy`);
      }
    };
    const routes = [[['first', ['danger']]], [['first', ['none']], ['second', ['a']]], [['first', ['none']], ['second', ['b']]]];
    const reached = [];
    for (const locale of ['en', 'es']) {
      if (locale === 'es') {
        await w.locator('button[data-locale="es"]').click();
        await w.locator('[data-screen][lang="es"]').waitFor();
      }
      for (const route of routes) {
        const outcome = await walk(w, route, { each: (_, screen, id) => checkScreen(locale, screen, id) });
        reached.push(`${locale} ${outcome.id}`);
        await restart(w);
      }
    }
    assert.deepEqual(reached, ['en call_now', 'en home', 'en home', 'es call_now', 'es home', 'es home']);
    assert.deepEqual(log.dialogs, [], 'no dialog opened');
    assert.deepEqual(log.errors, [], 'no page error');
    assert.deepEqual(log.console.filter((m) => m.type === 'error' || m.type === 'warning'), [], 'no console error or warning');
    assert.equal(await page.evaluate(() => window.__prints), 6, 'print pressed on each outcome reached');
  });
});

test('after a panic mid-journey the fallback shows the page\'s own emergency number', {
  skip: !existsSync(path.join(DIST_TEST, 'index.html')) && !process.env.CI && 'no dist-test/ (scripts/test.sh builds it)',
}, () =>
  withPage(browser, { expectErrors: EXPECT_TEST_PANIC }, async ({ page, log }) => {
    await page.goto(testServer.url('/clinic-112.html'));
    const w = await ready(page);
    await assertEmergencyLine(w, { number: '112', text: 'No es un diagnóstico', where: 'before the panic' });
    await start(w);
    await answer(w, 'first', ['none']);
    await question(w, 'second').waitFor();
    await page.evaluate(() => { try { window.symptomCheckerTestPanic(); } catch { /* a wasm trap */ } });
    await onScreen(w, 'error');
    await assertEmergencyLine(w, { number: '112', text: 'No es un diagnóstico', where: 'error screen, in the language the patient was reading' });
    assert.equal(await w.locator('[data-screen="error"]').getAttribute('lang'), 'es');
    assert.equal(await w.locator('a[href="tel:911"]').count(), 0, 'no default 911 on a page that set 112');
    await assertOnlyWidgetMarkup(page, 'error screen');
    assert.ok(log.console.some((m) => m.type === 'error' && m.text.includes('symptom-checker')), 'the panic is logged');
  }));

// ------------------------------------------- nothing of the tests ships

/** The test-only hook the `test-panic` feature adds (dist-test/ only). */
const TEST_HOOK = 'symptomCheckerTestPanic';

/**
 * Traces of the test-panic hook in a build: `window.symptomCheckerTestPanic`
 * on a page served from it once the widget is ready, and the files under
 * its embed/ folder that contain the hook's name (text or binary).
 */
async function testHookTraces(root, url) {
  const embed = path.join(root, 'embed');
  const files = [];
  for (const entry of await fs.readdir(embed, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.push(path.join(entry.parentPath ?? entry.path, entry.name));
  }
  const withHook = [];
  for (const file of files) {
    if ((await fs.readFile(file)).includes(TEST_HOOK)) withHook.push(path.relative(root, file));
  }
  const onPage = await withPage(browser, {}, async ({ page }) => {
    await page.goto(url);
    await ready(page);
    return page.evaluate((name) => typeof window[name], TEST_HOOK);
  });
  return { scanned: files.map((f) => path.relative(root, f)).sort(), withHook, onPage };
}

test('the release build (dist/) has no test-panic hook: not on the page, not in any file under dist/embed/', async () => {
  const t = await testHookTraces(DIST, server.url('/clinic.html'));
  assert.ok(t.scanned.some((f) => f.endsWith('.js')) && t.scanned.some((f) => f.endsWith('.wasm')),
    `the bundle and its wasm were scanned: ${t.scanned}`);
  assert.equal(t.onPage, 'undefined', `window.${TEST_HOOK} on a page served from dist/`);
  assert.deepEqual(t.withHook, [], `files under dist/embed/ naming ${TEST_HOOK}`);
});

test('the test-hook check finds the hook in the test build (dist-test/) (control)', {
  skip: !existsSync(path.join(DIST_TEST, 'index.html')) && !process.env.CI && 'no dist-test/ (scripts/test.sh builds it)',
}, async () => {
  const t = await testHookTraces(DIST_TEST, testServer.url('/clinic.html'));
  assert.equal(t.onPage, 'function', `window.${TEST_HOOK} on a page served from dist-test/`);
  assert.ok(t.withHook.length > 0, `a file under dist-test/embed/ names ${TEST_HOOK}: scanned ${t.scanned}`);
});

// ------------------------------------------------------------- the harness

test('withPage fails a test whose page logs an error it did not declare (control)', async () => {
  const consoleError = async ({ page }) => {
    await page.goto(server.url('/clinic.html'));
    await ready(page);
    await page.evaluate(() => console.error('planted console error'));
  };
  const pageError = async ({ page }) => {
    await page.goto(server.url('/clinic.html'));
    await ready(page);
    await page.evaluate(() => new Promise((resolve) => {
      setTimeout(() => { throw new Error('planted page error'); });
      setTimeout(resolve, 50);
    }));
  };
  const undeclared = (what) => (e) => e instanceof assert.AssertionError && /did not declare/.test(e.message) && what.test(e.message);
  await assert.rejects(withPage(browser, {}, consoleError), undeclared(/console\.error: planted console error/));
  await assert.rejects(withPage(browser, {}, pageError), undeclared(/page error: Error: planted page error/));

  // Declared with its reason, the error is allowed; another one still fails.
  const declared = { reason: 'this control logs it on purpose', match: /^planted console error/ };
  await withPage(browser, { expectErrors: declared }, consoleError);
  await assert.rejects(withPage(browser, { expectErrors: declared }, pageError), undeclared(/planted page error/));
  // A declaration needs a reason and a RegExp.
  await assert.rejects(withPage(browser, { expectErrors: { match: /planted/ } }, consoleError), TypeError);
  await assert.rejects(withPage(browser, { expectErrors: { reason: 'a string is not a pattern', match: 'planted' } }, consoleError), TypeError);
  // The test's own failure is reported as it is, not replaced.
  const own = new Error('the test body failed');
  await assert.rejects(withPage(browser, {}, async (p) => { await consoleError(p); throw own; }), (e) => e === own);
});
