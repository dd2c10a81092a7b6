// The widget on a patient's phone: at 390×844 (a current iPhone) and
// 320×640 (the smallest phones), in English and Spanish, light and dark,
// with touch. What must hold on every such screen:
//   - a ticked warning sign has its "Call … now" right under it, on
//     screen, before Continue;
//   - Continue stays on screen while the long list scrolls;
//   - every outcome has its call (the emergency number on an emergency, the
//     clinic's phone on "today" and "in a few days", the always-on
//     "Call 911" otherwise) inside the first screen;
//   - a new screen starts at the widget's top (the emergency line in view),
//     with focus on its heading;
//   - the emergency colours keep their alarm in dark mode, at AA contrast.
// Screenshots of each go to output/phone/ on every run (artifacts for a
// person to look at) and, with UPDATE_SNAPSHOTS=1, to docs/phone/, which
// ACCESSIBILITY.md shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer, readUi, REPO } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { hostPage, element } from './lib/pages.mjs';
import { ROUTES, ready, walk, walkTo, restart, start, question, deepFocus } from './lib/journey.mjs';

const OUTPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output', 'phone');
const DOCS = path.join(REPO, 'docs', 'phone');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1' && !process.env.CI;
const CLINIC = { 'clinic-name': 'Riverside Skin Clinic', 'clinic-phone': '+1 555 010 2030', 'emergency-number': '911' };
const PHONES = [{ width: 390, height: 844 }, { width: 320, height: 640 }];
/** An outcome of each urgency, and what its call is. */
const OUTCOMES = [
  ['emergency_now', '.sc-call[href="tel:911"]'],
  ['headache_urgent', '.sc-contact a[href="tel:+15550102030"]'],
  ['droop_review', '.sc-contact a[href="tel:+15550102030"]'],
  ['heaviness_expected', 'p[data-role="emergency-line"] a[href="tel:911"]'],
];

let server;
let browser;
const UI = {};

before(async () => {
  UI.en = await readUi('en');
  UI.es = await readUi('es');
  const pages = {};
  for (const locale of ['en', 'es']) {
    for (const theme of ['light', 'dark']) {
      // A clinic's page with some text above the widget, as a real one has.
      const intro = '<h1>After your treatment</h1><p>Most people feel fine. If something worries you, check it here.</p>';
      pages[`/${locale}-${theme}.html`] = {
        body: hostPage({ title: 'Clinic page', lang: locale, body: intro + element({ ...CLINIC, locale, theme }) }),
      };
    }
  }
  server = await startServer({ pages });
  browser = await launch();
  await fs.mkdir(OUTPUT, { recursive: true });
  if (UPDATE) await fs.mkdir(DOCS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The box of `selector` in the widget, in viewport coordinates. */
async function box(w, selector) {
  const b = await w.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is laid out`);
  return b;
}

/** Whether the box lies wholly inside the viewport. */
const inside = (b, vp) => b.y >= 0 && b.y + b.height <= vp.height && b.x >= 0 && b.x + b.width <= vp.width;

async function shoot(page, name) {
  // At CSS-pixel scale, as JPEG: 40 of them stay small enough to keep in
  // the repository.
  const file = `${name}.jpg`;
  await page.screenshot({ path: path.join(OUTPUT, file), type: 'jpeg', quality: 80, scale: 'css' });
  if (UPDATE) await fs.copyFile(path.join(OUTPUT, file), path.join(DOCS, file));
}

for (const vp of PHONES) {
  for (const locale of ['en', 'es']) {
    for (const theme of ['light', 'dark']) {
      const name = `${vp.width}x${vp.height}-${locale}-${theme}`;
      test(`phone ${name}: a ticked warning sign's call right under it, Continue on screen, each outcome's call in the first screen`, () =>
        withPage(browser, { viewport: vp, isMobile: true, hasTouch: true, deviceScaleFactor: 2, colorScheme: theme }, async ({ page }) => {
          const ui = UI[locale];
          await page.goto(server.url(`/${locale}-${theme}.html`));
          const w = await ready(page);
          await start(w);
          await question(w, 'red_flags').waitFor();

          // Continue is on screen before any scrolling, though the list is
          // several screens long.
          assert.ok(inside(await box(w, '[data-action="next"]'), vp), `${name}: Continue on the first screen`);

          // Tick a warning sign far down the list: its call appears right
          // under it, on screen, and a screen reader hears it at once.
          const sign = w.locator('[data-question-id="red_flags"] input[data-answer-id="pregnancy_warning"]');
          await sign.scrollIntoViewIfNeeded();
          await sign.setChecked(true);
          const call = w.locator('[data-role="call-now"]');
          await call.waitFor();
          assert.equal(await call.count(), 1, `${name}: one call, under the one sign ticked`);
          assert.equal(await call.getAttribute('href'), 'tel:911');
          assert.equal((await call.innerText()).trim(), `${ui.call_now}911${ui.call_now_after}`.trim());
          // Brought into view as it appears (without moving focus), clear of
          // the sticky Continue.
          await page.waitForFunction(() => {
            const el = document.querySelector('symptom-checker').shadowRoot.querySelector('[data-role="call-now"]');
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight;
          });
          const { label, c, under, covered } = await w.evaluate((host) => {
            const root = host.shadowRoot;
            const el = root.querySelector('[data-role="call-now"]');
            const li = el.closest('li');
            const r = (e) => { const b = e.getBoundingClientRect(); return { x: b.x, y: b.y, width: b.width, height: b.height }; };
            const mid = r(el);
            const top = root.elementFromPoint(mid.x + mid.width / 2, mid.y + mid.height / 2);
            return {
              label: r(li.querySelector('label')), c: mid,
              under: li.querySelector('input').dataset.answerId,
              covered: !el.contains(top),
            };
          });
          assert.equal(under, 'pregnancy_warning', `${name}: in the ticked sign's own row`);
          assert.ok(inside(c, vp), `${name}: the call under the ticked sign is on screen`);
          assert.ok(!covered, `${name}: the call is not under the sticky Continue`);
          assert.ok(c.y >= label.y + label.height - 1 && c.y - (label.y + label.height) < 24,
            `${name}: the call is right under the sign (${Math.round(c.y - label.y - label.height)} px)`);
          assert.equal((await deepFocus(page))?.answer, 'pregnancy_warning', `${name}: focus stays on the box`);
          const alert = await w.locator('[data-question-id="red_flags"] [aria-live="assertive"]').innerText();
          assert.ok(alert.includes('911'), `${name}: announced at once: ${alert}`);
          assert.ok(inside(await box(w, '[data-action="next"]'), vp), `${name}: Continue still on screen after scrolling`);
          await shoot(page, `${name}-warning-sign`);
          await sign.setChecked(false);
          assert.equal(await call.count(), 0, `${name}: unticked, the call goes`);

          // Every outcome's call inside the first screen, the widget's top
          // (the emergency line) in view, focus on the heading.
          for (const [id, selector] of OUTCOMES) {
            await restart(w);
            await walkTo(w, id);
            const top = await box(w, 'p[data-role="emergency-line"]');
            assert.ok(inside(top, vp), `${name} ${id}: the screen starts at the widget's top`);
            const focus = await deepFocus(page);
            assert.equal(focus?.tag, 'h2', `${name} ${id}: focus on the heading`);
            assert.ok(inside(await box(w, selector), vp), `${name} ${id}: the call is inside the first screen`);
            await shoot(page, `${name}-${ROUTES[id].urgency}`);
          }
        }));
    }
  }
}

/** WCAG relative luminance of an `rgb(r, g, b)` colour. */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test('dark mode keeps the alarm: the emergency banner and call are a saturated red with white text, at AA', () =>
  withPage(browser, { viewport: PHONES[0], isMobile: true, hasTouch: true, colorScheme: 'dark' }, async ({ page }) => {
    await page.goto(server.url('/en-dark.html'));
    const w = await ready(page);
    await walk(w, ROUTES.emergency_now.path);
    for (const sel of ['[data-urgency="emergency"] > .sc-banner', '.sc-call', '.sc-emergency-call']) {
      const { fg, bg } = await w.locator(sel).first().evaluate((e) => {
        const s = getComputedStyle(e);
        return { fg: s.color, bg: s.backgroundColor };
      });
      const [r, g, b] = bg.match(/\d+/g).map(Number);
      assert.ok(r > 150 && g < 60 && b < 60, `${sel}: a saturated red, not salmon: ${bg}`);
      assert.equal(fg, 'rgb(255, 255, 255)', `${sel}: white text`);
      const ratio = (luminance(fg) + 0.05) / (luminance(bg) + 0.05);
      assert.ok(ratio >= 4.5, `${sel}: contrast ${ratio.toFixed(2)}:1`);
    }
  }));

test('no hover look on a touch screen: the option under the finger on the next screen does not look chosen', () =>
  withPage(browser, { viewport: PHONES[0], isMobile: true, hasTouch: true }, async ({ page }) => {
    await page.goto(server.url('/en-light.html'));
    const w = await ready(page);
    await walk(w, [['red_flags', ['none']], ['concern', ['headache']], ['headache_signs', ['none']]]);
    const option = w.locator('[data-question-id="reason"] button[data-answer-id="cosmetic"]');
    const plain = await w.locator('[data-question-id="reason"] button[data-answer-id="other"]')
      .evaluate((e) => getComputedStyle(e).borderColor);
    await option.hover();
    assert.equal(await option.evaluate((e) => getComputedStyle(e).borderColor), plain,
      'a hovered option looks like the others where nothing hovers');
  }));
