// Accessibility in depth (WCAG 2.2 AA beyond what axe finds): the
// accessibility tree pinned with aria snapshots; WCAG 1.4.12 text spacing
// on every kind of screen; 200 % zoom without sideways scrolling; the
// printed summary.
//
// Aria snapshots live in tests/e2e/snapshots/<name>.aria.yml. After an
// intended change, rewrite them and review the diff:
//
//     UPDATE_SNAPSHOTS=1 node --test tests/e2e/a11y-depth.test.mjs
//
// (refused when CI is set: CI only compares; see lib/snapshots.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer, readContent, readUi } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { assertAriaSnapshot, snapshotMode } from './lib/snapshots.mjs';
import { hostPage, element } from './lib/pages.mjs';
import {
  ROUTES, COMBINED, ready, walk, walkTo, answer, back, restart, start, question, answerControl, widget,
} from './lib/journey.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUTPUT = path.join(HERE, 'output');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const CLINIC = { 'clinic-name': 'Riverside Test Clinic', 'clinic-phone': '+1 555 010 2030', 'booking-url': 'https://clinic.example/book', 'emergency-number': '911' };

let server;
let browser;
before(async () => {
  server = await startServer({
    pages: {
      '/clinic.html': { body: hostPage({ title: 'Clinic page', body: element(CLINIC) }) },
      '/clinic-es.html': { body: hostPage({ title: 'Página de la clínica', lang: 'es', body: element({ ...CLINIC, locale: 'es' }) }) },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page, url = '/clinic.html') {
  await page.goto(server.url(url));
  return ready(page);
}

// --------------------------------------------------------------- aria snapshots

test('UPDATE_SNAPSHOTS=1 is refused when CI is set: nothing is written, comparing still works', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aria-snapshots-'));
  try {
    const locator = { ariaSnapshot: async () => '- heading "Planted" [level=2]' };
    const refused = /UPDATE_SNAPSHOTS=1 refused: CI is set/;
    assert.throws(() => snapshotMode({ UPDATE_SNAPSHOTS: '1', CI: 'true' }), refused);
    assert.throws(() => snapshotMode({ UPDATE_SNAPSHOTS: '1', CI: '1' }), refused);
    await assert.rejects(assertAriaSnapshot(locator, 'refused', 'a planted heading', { dir, env: { UPDATE_SNAPSHOTS: '1', CI: 'true' } }), refused);
    assert.deepEqual(await fs.readdir(dir), [], 'nothing written in CI');
    // Control: the same call writes outside CI (CI unset or empty), and CI compares.
    assert.equal(snapshotMode({ UPDATE_SNAPSHOTS: '1', CI: '' }), 'update');
    assert.equal(snapshotMode({ CI: 'true' }), 'compare');
    await assertAriaSnapshot(locator, 'written', 'a planted heading', { dir, env: { UPDATE_SNAPSHOTS: '1' } });
    assert.deepEqual(await fs.readdir(dir), ['written.aria.yml']);
    await assertAriaSnapshot(locator, 'written', 'a planted heading', { dir, env: { CI: 'true' } });
    await assert.rejects(assertAriaSnapshot({ ariaSnapshot: async () => '- heading "Other"' }, 'written', 'a planted heading', { dir, env: { CI: 'true' } }),
      assert.AssertionError);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

const screenRoot = (w) => w.locator('[data-screen]');

test('aria snapshot: a single-choice question with an earlier answer pressed', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await open(page);
    await start(w);
    await answer(w, 'red_flags', ['none']);
    await answer(w, 'concern', ['headache']);
    await answer(w, 'headache_signs', ['none']);
    await answer(w, 'reason', ['migraine']);
    await back(w);
    await question(w, 'reason').waitFor();
    await assertAriaSnapshot(screenRoot(w), 'question-single', 'the single-choice question "reason" with "migraine" pressed');
  }));

test('aria snapshot: the multiple-choice question with one box ticked, and with the refusal', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await open(page);
    await start(w);
    await answerControl(w, 'red_flags', 'vision').check();
    await assertAriaSnapshot(screenRoot(w), 'question-multiple-ticked', 'the multiple-choice question "red_flags" with "vision" ticked');
    await answerControl(w, 'red_flags', 'vision').uncheck();
    await question(w, 'red_flags').locator('[data-action="next"]').click();
    await question(w, 'red_flags').locator('[role="alert"]').waitFor();
    await assertAriaSnapshot(screenRoot(w), 'question-multiple-refused', '"red_flags" after Continue with nothing ticked');
  }));

test('aria snapshot: outcomes (soon with the clinic\'s links; emergency; emergency in Spanish)', async () => {
  await withPage(browser, {}, async ({ page }) => {
    const w = await open(page);
    await walkTo(w, 'headache_persisting');
    await assertAriaSnapshot(screenRoot(w), 'outcome-soon', 'the outcome "headache_persisting" (soon)');
    await restart(w);
    await walkTo(w, 'emergency_now');
    await assertAriaSnapshot(screenRoot(w), 'outcome-emergency', 'the outcome "emergency_now" (emergency)');
    // Several concerns: each "also" part is a region named by its heading.
    await restart(w);
    await walk(w, COMBINED[0][1]);
    await assertAriaSnapshot(screenRoot(w), 'outcome-also', `the outcome of "${COMBINED[0][0]}"`);
  });
  await withPage(browser, {}, async ({ page }) => {
    const w = await open(page, '/clinic-es.html');
    await walkTo(w, 'emergency_now');
    await assertAriaSnapshot(screenRoot(w), 'outcome-emergency-es', 'the outcome "emergency_now" in Spanish');
  });
});

test('aria snapshot comparison fails on a changed state, name or role (control)', { skip: UPDATE && 'updating snapshots' }, () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await open(page);
    await start(w);
    await answer(w, 'red_flags', ['none']);
    await answer(w, 'concern', ['headache']);
    await answer(w, 'headache_signs', ['none']);
    await answer(w, 'reason', ['migraine']);
    await back(w);
    await question(w, 'reason').waitFor();
    const name = 'question-single';
    await assertAriaSnapshot(screenRoot(w), name, 'unchanged');
    const plants = [
      ['aria-pressed false on the chosen answer', (root) => root.querySelector('[aria-pressed="true"][data-answer-id]').setAttribute('aria-pressed', 'false')],
      ['a renamed answer', (root) => { root.querySelector('button[data-answer-id="other"] .sc-label').textContent = 'Other'; }],
      ['a heading turned into a paragraph', (root) => root.querySelector('h2').setAttribute('role', 'paragraph')],
      ['Back made a link', (root) => root.querySelector('[data-action="back"]').setAttribute('role', 'link')],
    ];
    for (const [what, plant] of plants) {
      await page.reload();
      const again = await ready(page);
      await start(again);
      await answer(again, 'red_flags', ['none']);
      await answer(again, 'concern', ['headache']);
      await answer(again, 'headache_signs', ['none']);
      await answer(again, 'reason', ['migraine']);
      await back(again);
      await question(again, 'reason').waitFor();
      await screenRoot(again).evaluate(plant);
      await assert.rejects(assertAriaSnapshot(screenRoot(again), name, what), assert.AssertionError, what);
    }
  }));

// ------------------------------------------------------------- layout checks

/** WCAG 1.4.12's minimum overrides, as a user style sheet would apply them. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/** Adds the overrides to the widget's shadow root (a constructed sheet after the widget's own). */
async function applyTextSpacing(w) {
  await w.evaluate((host, css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    host.shadowRoot.adoptedStyleSheets = [...host.shadowRoot.adoptedStyleSheets, sheet];
  }, TEXT_SPACING);
  // The overrides are live (so the checks below run against them).
  const s = await w.locator('[data-action="start"], [data-action="restart"]').first()
    .evaluate((b) => { const c = getComputedStyle(b); return { ls: parseFloat(c.letterSpacing) / parseFloat(c.fontSize), lh: parseFloat(c.lineHeight) / parseFloat(c.fontSize) }; });
  assert.ok(Math.abs(s.ls - 0.12) < 0.01 && Math.abs(s.lh - 1.5) < 0.01, `text spacing applied: ${JSON.stringify(s)}`);
}

/**
 * In the page: every layout problem in the widget's shadow root.
 * - clipped: an element whose overflow is hidden or clipped and whose
 *   content is larger than its box (text cut off), or any element that
 *   scrolls sideways;
 * - outside: a line of text (or a checkbox) not inside the box of an
 *   ancestor that draws one (border or background: buttons, rows, the
 *   banner, the call link), or wider than its block container;
 * - overlap: two lines of different text (or text and a checkbox) on top
 *   of each other (but for the sticky Continue over the list it scrolls);
 * - sideways: the page or the widget scrolls horizontally.
 * The visually hidden live region (1 px, clipped by design) and what a
 * folded <details> hides are skipped.
 */
function layoutProblems(host) {
  const root = host.shadowRoot.querySelector('[data-screen]');
  // The content of a folded <details> is not on screen (Chromium lays it out
  // with `content-visibility: hidden`, so it still reports boxes).
  const folded = (el) => !!el.closest('details:not([open])') && !el.closest('summary');
  const skip = (el) => !!el.closest('.sc-visually-hidden') || folded(el);
  const name = (el) => `${el.tagName.toLowerCase()}${el.dataset.answerId ? `[${el.dataset.answerId}]` : ''}${el.dataset.action ? `[${el.dataset.action}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
  const T = 1; // px of tolerance for sub-pixel rounding
  const problems = [];
  const els = [root, ...root.querySelectorAll('*')].filter((e) => !skip(e) && e.getClientRects().length);

  for (const el of els) {
    const cs = getComputedStyle(el);
    // Hidden or clipped content is lost. A scroll box (the read-only text
    // area of the copy fallback) may scroll vertically, never sideways.
    const hides = (o) => o === 'hidden' || o === 'clip';
    if (cs.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + T) problems.push(`clipped: ${name(el)} content ${el.scrollWidth}px wide in ${el.clientWidth}px`);
    if (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + T) problems.push(`clipped: ${name(el)} content ${el.scrollHeight}px tall in ${el.clientHeight}px`);
  }

  const drawsBox = (el) => {
    const cs = getComputedStyle(el);
    return parseFloat(cs.borderTopWidth) > 0 || parseFloat(cs.borderLeftWidth) > 0 ||
      (cs.backgroundColor !== 'rgba(0, 0, 0, 0)' && cs.backgroundColor !== 'transparent');
  };
  const isBlock = (el) => !getComputedStyle(el).display.startsWith('inline') || el.matches('button, input, .sc-button, .sc-icon');
  const inside = (r, b) => r.left >= b.left - T && r.right <= b.right + T && r.top >= b.top - T && r.bottom <= b.bottom + T;
  const boxes = []; // [rect, owner element, label]
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim() || skip(n.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const label = `"${n.textContent.trim().slice(0, 40)}" in ${name(n.parentElement)}`;
    for (const r of range.getClientRects()) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      boxes.push([r, n, label]);
      const block = (() => { let e = n.parentElement; while (e !== root && !isBlock(e)) e = e.parentElement; return e; })();
      const b = block.getBoundingClientRect();
      if (r.left < b.left - T || r.right > b.right + T) problems.push(`outside: ${label} sticks out of ${name(block)} sideways`);
      for (let e = n.parentElement; e && e !== root.parentNode; e = e.parentElement) {
        if (e !== root && drawsBox(e) && !inside(r, e.getBoundingClientRect())) {
          problems.push(`outside: ${label} spills out of ${name(e)}`);
          break;
        }
      }
    }
  }
  for (const input of root.querySelectorAll('input')) {
    if (input.getClientRects().length) boxes.push([input.getBoundingClientRect(), input, `checkbox ${input.dataset.answerId}`]);
  }
  // The sticky Continue floats over the list as it scrolls, by design; what
  // it may cover is never what has focus (its scroll-margin, and the 2.4.11
  // test), so its overlaps with the list are not problems.
  const floats = (node) => {
    for (let e = node.nodeType === 1 ? node : node.parentElement; e && e !== root.parentNode; e = e.parentElement) {
      if (getComputedStyle(e).position === 'sticky') return true;
    }
    return false;
  };
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, na, la] = boxes[i];
      const [b, nb, lb] = boxes[j];
      if (na === nb || floats(na) !== floats(nb)) continue;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > T && h > T) problems.push(`overlap: ${la} and ${lb}`);
    }
  }

  const page = document.documentElement;
  if (page.scrollWidth > innerWidth) problems.push(`sideways: the page is ${page.scrollWidth}px wide in ${innerWidth}px`);
  const box = root.getBoundingClientRect();
  if (box.right > innerWidth + T || box.left < -T) problems.push(`sideways: the widget spans ${box.left}–${box.right}px`);
  return [...new Set(problems)];
}

async function assertLayout(w, where) {
  const problems = await w.evaluate(layoutProblems);
  assert.deepEqual(problems, [], `${where}: layout problems`);
}

/** Visits one screen of every kind, calling `check(where)` on each. */
async function everyKindOfScreen(w, check) {
  await check('start');
  await start(w);
  await answerControl(w, 'red_flags', 'vision').check();
  await check('red_flags (multiple choice, a box ticked)');
  await answerControl(w, 'red_flags', 'vision').uncheck();
  await question(w, 'red_flags').locator('[data-action="next"]').click();
  await question(w, 'red_flags').locator('[role="alert"]').waitFor();
  await check('red_flags with the refusal');
  await answer(w, 'red_flags', ['none']);
  await answer(w, 'concern', ['headache']);
  await back(w);
  await question(w, 'concern').waitFor();
  await check('concern (single choice, an answer pressed)');
  for (const outcomeId of ['emergency_now', 'allergy_check', 'headache_persisting', 'heaviness_expected']) {
    await restart(w);
    await walkTo(w, outcomeId);
    await check(`${outcomeId} (${ROUTES[outcomeId].urgency})`);
  }
  // The copy fallback: the clipboard refuses, the text is shown to copy by hand.
  await w.evaluate((host) => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    host.dataset.clipboard = 'refused';
  });
  await w.locator('[data-action="copy"]').click();
  await w.locator('textarea.sc-manual').waitFor();
  await check('outcome with the copy fallback');
}

for (const [locale, viewport] of [['en', { width: 1280, height: 800 }], ['es', { width: 320, height: 640 }]]) {
  test(`WCAG 1.4.12 text spacing: nothing clipped, spilling or overlapping on any kind of screen (${locale}, ${viewport.width}px)`, () =>
    withPage(browser, { viewport }, async ({ page }) => {
      const w = await open(page, locale === 'es' ? '/clinic-es.html' : '/clinic.html');
      await applyTextSpacing(w);
      await everyKindOfScreen(w, (where) => assertLayout(w, `${locale} ${viewport.width}px ${where}`));
    }));
}

test('200 % zoom (1280×800 at 200 %: 640×400 CSS px, 2 device pixels each): no sideways scrolling, nothing clipped', () =>
  withPage(browser, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }, async ({ page }) => {
    for (const url of ['/clinic.html', '/clinic-es.html']) {
      const w = await open(page, url);
      assert.equal(await page.evaluate(() => [innerWidth, devicePixelRatio].join('@')), '640@2');
      await everyKindOfScreen(w, (where) => assertLayout(w, `${url} 200% ${where}`));
    }
  }));

test('the layout check finds planted clipping, spilling and overlap (control)', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await open(page);
    await start(w);
    await assertLayout(w, 'clean');
    const plants = {
      clipped: (root) => {
        const label = root.querySelector('label .sc-label');
        Object.assign(label.style, { display: 'block', height: '0.5em', overflow: 'hidden' });
      },
      outside: (root) => {
        const label = root.querySelector('button[data-action="next"]');
        Object.assign(label.style, { width: '4em', whiteSpace: 'nowrap', justifyContent: 'flex-start' });
        label.textContent = 'Continue to the next question please';
      },
      overlap: (root) => {
        const p = root.querySelector('.sc-progress');
        Object.assign(p.style, { marginBottom: '-3em' });
      },
      sideways: (root) => {
        root.querySelector('.sc-help').style.width = '3000px';
      },
    };
    for (const [kind, plant] of Object.entries(plants)) {
      await page.reload();
      const again = await ready(page);
      await start(again);
      await again.locator('[data-screen]').evaluate(plant);
      const problems = await again.evaluate(layoutProblems);
      assert.ok(problems.some((p) => p.startsWith(`${kind}:`)), `${kind} found, got ${JSON.stringify(problems)}`);
    }
  }));

// ------------------------------------------- colour, focus, change of context

/** One outcome of each urgency level, most urgent first. */
const BY_URGENCY = ['emergency_now', 'headache_urgent', 'headache_persisting', 'headache_self_care'];

test('WCAG 1.4.1: each urgency is told in its own words and symbol, also with forced colours', async () => {
  const en = await readUi('en');
  await withPage(browser, {}, async ({ page }) => {
    const w = await open(page);
    const banners = [];
    for (const [i, outcomeId] of BY_URGENCY.entries()) {
      await walkTo(w, outcomeId);
      const banner = w.locator('.sc-banner');
      const read = async () => ({
        words: (await banner.locator('span:not(.sc-icon)').innerText()).trim(),
        icon: (await banner.locator('.sc-icon').innerText()).trim(),
        visible: await banner.isVisible(),
      });
      const normal = await read();
      await page.emulateMedia({ forcedColors: 'active' });
      assert.deepEqual(await read(), normal, `${outcomeId}: the same words and symbol with forced colours`);
      await page.emulateMedia({ forcedColors: 'none' });
      assert.equal(normal.words, en.urgency[i], `${outcomeId}: the urgency in words`);
      assert.ok(normal.visible && normal.icon.length > 0, `${outcomeId}: a visible symbol`);
      banners.push(normal);
      await restart(w);
    }
    assert.equal(new Set(banners.map((b) => b.words)).size, 4, 'four different sets of words');
    assert.equal(new Set(banners.map((b) => b.icon)).size, 4, 'four different symbols');
  });
});

/**
 * In the page: contrast ratios of what identifies controls and their
 * states against what is next to them: borders against the widget's
 * background, filled controls' fill, the pressed and ticked markers, the
 * checkbox colour, and the focus outline of the focused control.
 */
function nonTextContrasts(host) {
  const root = host.shadowRoot.querySelector('[data-screen]');
  const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).slice(0, 3).map((v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100; };
  const bg = getComputedStyle(root).backgroundColor;
  const out = [];
  const push = (what, color) => { if (rgb(color)[3] !== 0) out.push({ what, ratio: ratio(color, bg) }); };
  for (const el of root.querySelectorAll('.sc-answer, .sc-button, .sc-lang, .sc-check, .sc-manual')) {
    const cs = getComputedStyle(el);
    const name = `${el.className.split(' ').join('.')}${el.dataset.answerId ? `[${el.dataset.answerId}]` : ''}${el.dataset.action ? `[${el.dataset.action}]` : ''}`;
    const fill = cs.backgroundColor;
    // A control is told apart from the page by its border, or by a fill that contrasts.
    const best = Math.max(parseFloat(cs.borderTopWidth) > 0 ? ratio(cs.borderTopColor, bg) : 0, rgb(fill)[3] === 0 ? 0 : ratio(fill, bg));
    out.push({ what: `${name} boundary`, ratio: best });
    if (el.matches('[aria-pressed="true"]')) push(`${name} pressed marker`, cs.borderTopColor);
    if (el.matches('.sc-check:has(input:checked)')) push(`${name} ticked marker`, cs.borderTopColor);
  }
  for (const input of root.querySelectorAll('input[type="checkbox"]')) push(`checkbox ${input.dataset.answerId}`, getComputedStyle(input).accentColor);
  let focused = host.shadowRoot.activeElement;
  if (focused && focused.matches(':focus-visible')) push(`focus outline of ${focused.tagName.toLowerCase()}`, getComputedStyle(focused).outlineColor);
  return out;
}

for (const colorScheme of ['light', 'dark']) {
  test(`WCAG 1.4.11: control boundaries, pressed and ticked markers and the focus outline are at least 3:1 (${colorScheme})`, () =>
    withPage(browser, { colorScheme }, async ({ page }) => {
      const w = await open(page);
      const low = [];
      const check = async (where) => {
        await page.keyboard.press('Tab'); // a focused control, for its outline
        const all = await w.evaluate(nonTextContrasts);
        assert.ok(all.some((c) => c.what.startsWith('focus outline')), `${where}: a focused control was measured`);
        low.push(...all.filter((c) => c.ratio < 3).map((c) => `${where}: ${c.what} ${c.ratio}:1`));
        return all;
      };
      await check('start');
      await start(w);
      await answerControl(w, 'red_flags', 'vision').check();
      const measured = await check('red_flags, a box ticked');
      assert.ok(measured.some((c) => c.what.includes('ticked marker')) && measured.some((c) => c.what.startsWith('checkbox')));
      await answerControl(w, 'red_flags', 'vision').uncheck();
      await answer(w, 'red_flags', ['none']);
      await answer(w, 'concern', ['headache']);
      await back(w);
      await question(w, 'concern').waitFor();
      assert.ok((await check('concern, an answer pressed')).some((c) => c.what.includes('pressed marker')));
      await restart(w);
      await walkTo(w, 'touch_up');
      await check('touch_up');
      assert.deepEqual(low, [], 'below 3:1');

      // Control: paler borders are caught.
      await w.locator('[data-screen]').evaluate((root, pale) => root.style.setProperty('--line', pale), colorScheme === 'light' ? '#d0d0d0' : '#303338');
      const pale = (await w.evaluate(nonTextContrasts)).filter((c) => c.ratio < 3);
      assert.ok(pale.length > 0, 'pale borders are reported');
    }));
}

test('WCAG 2.4.11: each control Tab reaches is on screen and not covered (320×640)', () =>
  withPage(browser, { viewport: { width: 320, height: 640 } }, async ({ page }) => {
    const w = await open(page);
    const tabThrough = async (where) => {
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      const seen = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const host = document.querySelector('symptom-checker');
          const el = host.shadowRoot.activeElement;
          if (!el) return document.activeElement === document.body ? { outside: 'body' } : { outside: document.activeElement.tagName };
          // Each box of the control (a link wrapping over two lines has two):
          // is its centre in the viewport, with the control itself on top there?
          const ok = [...el.getClientRects()].map((r) => {
            const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
            const top = host.shadowRoot.elementFromPoint(x, y);
            return {
              inView: x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight,
              onTop: !!top && (top === el || el.contains(top) || (!!el.labels && [...el.labels].some((l) => l.contains(top)))),
            };
          });
          return {
            what: `${el.tagName.toLowerCase()} ${el.dataset.action ?? el.dataset.answerId ?? el.dataset.locale ?? el.getAttribute('href') ?? ''}`,
            inView: ok.some((b) => b.inView),
            onTop: ok.some((b) => b.inView && b.onTop),
          };
        });
        if (f.outside) { if (seen.length) break; else continue; }
        seen.push(f);
      }
      assert.ok(seen.length >= 3, `${where}: Tab reached the widget's controls (${seen.length})`);
      const bad = seen.filter((f) => !f.inView || !f.onTop).map((f) => f.what);
      assert.deepEqual(bad, [], `${where}: focused controls off screen or covered`);
    };
    await tabThrough('start');
    await start(w);
    await tabThrough('red_flags');
    await answer(w, 'red_flags', ['none']);
    await tabThrough('concern');
    await restart(w);
    await walkTo(w, 'headache_persisting');
    await tabThrough('headache_persisting');
    // Control: a box fixed over the lower half of the screen covers some of them.
    await w.evaluate((host) => {
      const cover = document.createElement('div');
      Object.assign(cover.style, { position: 'fixed', left: 0, right: 0, bottom: 0, height: '50vh', background: '#fff' });
      host.shadowRoot.querySelector('[data-screen]').append(cover);
    });
    await assert.rejects(tabThrough('covered'), /covered/);
  }));

test('WCAG 3.2.2: ticking a box or choosing a language changes no context, and focus stays put', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await open(page);
    const where = () => page.evaluate(() => {
      const host = document.querySelector('symptom-checker');
      const el = host.shadowRoot.activeElement;
      return {
        screen: host.shadowRoot.querySelector('[data-screen]').dataset.screen,
        question: host.shadowRoot.querySelector('[data-question-id]')?.dataset.questionId ?? null,
        focus: el ? el.dataset.answerId ?? el.dataset.locale ?? el.dataset.action ?? el.tagName : null,
      };
    });
    await start(w);
    for (const id of ['vision', 'swelling', 'none']) {
      await answerControl(w, 'red_flags', id).focus();
      await page.keyboard.press('Space');
      assert.deepEqual(await where(), { screen: 'question', question: 'red_flags', focus: id }, `ticking ${id}`);
    }
    for (const code of ['es', 'en']) {
      await w.locator(`button[data-locale="${code}"]`).focus();
      await page.keyboard.press('Enter');
      await w.locator(`[data-screen][lang="${code}"]`).waitFor();
      assert.deepEqual(await where(), { screen: 'question', question: 'red_flags', focus: code }, `choosing ${code}`);
    }
    assert.deepEqual(await page.evaluate(() => location.pathname), '/clinic.html', 'no navigation');
  }));

// ----------------------------------------------------------------- printing

test('print: only the summary shows, with date and time, answers, outcome, urgency, sources and content version', async () => {
  const content = await readContent();
  const en = await readUi('en');
  await fs.mkdir(OUTPUT, { recursive: true });
  await withPage(browser, { timezoneId: 'UTC' }, async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-03-05T09:07:00Z'));
    await page.addInitScript(() => {
      window.__prints = [];
      window.print = () => window.__prints.push({
        body: document.body.classList.contains('sc-printing'),
        host: document.querySelector('symptom-checker').hasAttribute('data-sc-printing'),
      });
    });
    const w = await open(page);
    const route = ROUTES.headache_persisting;
    await walkTo(w, 'headache_persisting');
    await w.locator('[data-action="print"]').click();
    assert.deepEqual(await page.evaluate(() => window.__prints), [{ body: true, host: true }], 'Print marks the page and this widget');
    // Hold the page as it is while the print dialog is open, and render it for print.
    await page.evaluate(() => {
      document.body.classList.add('sc-printing');
      document.querySelector('symptom-checker').setAttribute('data-sc-printing', '');
    });
    await page.emulateMedia({ media: 'print' });

    const seen = await page.evaluate(() => {
      const host = document.querySelector('symptom-checker');
      const shown = (node) => {
        const el = node.parentElement;
        return el.checkVisibility({ visibilityProperty: true }) && document.createRange && (() => {
          const r = document.createRange(); r.selectNodeContents(node); return r.getClientRects().length > 0;
        })();
      };
      const texts = (root) => {
        const out = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent.trim() && shown(n)) out.push(n);
        return out;
      };
      const pre = host.shadowRoot.querySelector('pre[data-role="summary"]');
      const box = host.getBoundingClientRect();
      return {
        page: texts(document.body).filter((n) => !host.contains(n)).map((n) => n.textContent.trim().slice(0, 60)),
        widget: texts(host.shadowRoot).filter((n) => !pre.contains(n)).map((n) => `${n.parentElement.tagName}: ${n.textContent.trim().slice(0, 60)}`),
        controls: [...host.shadowRoot.querySelectorAll('button, a, input')].filter((e) => e.checkVisibility({ visibilityProperty: true })).length,
        pre: pre.checkVisibility({ visibilityProperty: true }),
        hostAt: [Math.round(box.left), Math.round(box.top + scrollY)],
        text: pre.innerText,
      };
    });
    assert.deepEqual(seen.page, [], 'none of the page\'s own text prints');
    assert.deepEqual(seen.widget, [], 'none of the widget\'s screen text prints');
    assert.equal(seen.controls, 0, 'no button or link prints');
    assert.ok(seen.pre, 'the summary prints');
    assert.deepEqual(seen.hostAt, [0, 0], 'the widget prints at the top left of the page');

    const o = content.outcome('headache_persisting');
    const lines = seen.text.split('\n');
    assert.equal(lines[0], en.summary_title);
    assert.equal(lines[1], 'March 5, 2026, 09:07', 'date and time');
    for (const [qid, aids] of route.path) {
      const q = content.question(qid);
      const line = `- ${q.text.en} ${aids.map((a) => content.answer(qid, a).label.en).join('; ')}`;
      assert.ok(lines.includes(line), `the answer to ${qid}: ${line}`);
    }
    assert.ok(lines.includes(`${en.urgency_label}: ${en.urgency[2]}`), 'the urgency in words');
    assert.ok(lines.includes(o.title.en), 'the outcome');
    assert.ok(lines.includes(o.summary.en), 'the guidance');
    for (const [i, step] of o.steps.entries()) assert.ok(lines.includes(`${i + 1}. ${step.en}`), `step ${i + 1}`);
    for (const s of o.sources) assert.ok(lines.includes(`- ${s.title.en} <${s.url.en}>`), `the source ${s.url.en}`);
    assert.ok(lines.includes(`${en.draft} ${en.version} ${content.version} (${content.id}).`),
      'the sign-off (draft) line and content version');
    assert.ok(lines.includes(en.warning_signs), 'the warning signs, a heading of their own');
    assert.ok(lines.includes(`${en.warning_signs_call}911.`), 'what to do if one appears');
    assert.equal(lines.at(-1), `${en.not_a_diagnosis} ${en.emergency_before}911${en.emergency_after}`, 'the emergency line ends it');

    // An artifact for a person to look at (output/print-summary.png), not
    // compared with anything: what prints is checked above, from the DOM.
    await page.screenshot({ path: path.join(OUTPUT, 'print-summary.png'), fullPage: true });

    // Back on screen: the page and the widget as before.
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => {
      document.body.classList.remove('sc-printing');
      document.querySelector('symptom-checker').removeAttribute('data-sc-printing');
    });
    assert.equal(await widget(page).locator('pre[data-role="summary"]').isVisible(), false, 'the summary is print-only');
    assert.ok(await page.locator('h1').isVisible());
  });
});
