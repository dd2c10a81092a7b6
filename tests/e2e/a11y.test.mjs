// Accessibility of the widget in a real browser: axe (WCAG 2.0–2.2 A/AA)
// on every kind of screen in light and dark, English and Spanish; no
// sideways scrolling at 320 px; focus and the live region on each step;
// target sizes; reduced motion (WCAG 2.2 AA).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

import fs from 'node:fs/promises';
import path from 'node:path';

import { startServer, readContent, DIST } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { hostPage, element } from './lib/pages.mjs';
import {
  ROUTES, COMBINED, ready, walk, walkTo, answer, back, restart, start, question, outcomeOf, deepFocus, widget,
} from './lib/journey.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** One outcome of each urgency level. */
const BY_URGENCY = ['emergency_now', 'headache_urgent', 'headache_persisting', 'headache_self_care'];

let server;
let browser;
before(async () => {
  server = await startServer({
    pages: {
      '/theme-dark.html': { body: hostPage({ title: 'Dark widget', body: element({ theme: 'dark', 'clinic-phone': '555 0100' }) }) },
      '/theme-light.html': { body: hostPage({ title: 'Light widget', body: element({ theme: 'light', 'clinic-phone': '555 0100' }) }) },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs axe on the whole page (it looks into the open shadow root) and fails on any violation. */
async function assertNoViolations(page, where) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map((n) => `    ${JSON.stringify(n.target)}\n      ${n.failureSummary?.replaceAll('\n', '\n      ')}`).join('\n'));
  assert.equal(violations.length, 0, `axe at ${where}:\n${report.join('\n')}`);
}

/** Switches the widget's language with its own button. */
async function chooseLocale(w, locale) {
  await w.locator(`button[data-locale="${locale}"]`).click();
  await w.locator(`[data-screen][lang="${locale}"]`).waitFor();
  assert.equal(await w.locator(`button[data-locale="${locale}"]`).getAttribute('aria-pressed'), 'true');
}

test('axe looks inside the widget: a planted violation is reported', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.goto(server.url('/'));
    const w = await ready(page);
    await w.evaluate((host) => {
      const unnamed = document.createElement('button'); // no accessible name
      host.shadowRoot.querySelector('[data-screen]').append(unnamed);
    });
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const hit = violations.find((v) => v.id === 'button-name');
    assert.ok(hit, `button-name reported, got ${violations.map((v) => v.id)}`);
    assert.ok(hit.nodes.some((n) => JSON.stringify(n.target).includes('symptom-checker')),
      'the node is addressed through the shadow host');
  }));

for (const colorScheme of ['light', 'dark']) {
  for (const locale of ['en', 'es']) {
    test(`axe: no violations on every kind of screen (${colorScheme}, ${locale})`, () =>
      withPage(browser, { colorScheme }, async ({ page }) => {
        await page.goto(server.url('/'));
        const w = await ready(page);
        if (locale !== 'en') await chooseLocale(w, locale);
        await assertNoViolations(page, 'start');
        await start(w);
        await assertNoViolations(page, 'red_flags (multiple choice)');
        await question(w, 'red_flags').locator('[data-action="next"]').click();
        await question(w, 'red_flags').locator('[role="alert"]').waitFor();
        await assertNoViolations(page, 'red_flags with the refusal message');
        await answer(w, 'red_flags', ['none']);
        await question(w, 'concern').waitFor();
        await assertNoViolations(page, 'concern (multiple choice)');
        await answer(w, 'concern', ['headache']);
        await back(w);
        await question(w, 'concern').waitFor();
        await assertNoViolations(page, 'concern with an answer pressed');
        for (const outcomeId of BY_URGENCY) {
          await restart(w);
          await walkTo(w, outcomeId);
          assert.equal(await w.locator('[data-screen]').getAttribute('lang'), locale);
          await assertNoViolations(page, `${outcomeId} (${ROUTES[outcomeId].urgency})`);
        }
        // Several concerns: the outcome in full and the "also" parts.
        const [story, path] = COMBINED[0];
        await restart(w);
        await walk(w, path);
        assert.ok((await w.locator('[data-role="also"]').count()) > 0, `${story}: an "also" part`);
        await assertNoViolations(page, story);
      }));
  }
}

for (const [theme, colorScheme] of [['dark', 'light'], ['light', 'dark']]) {
  test(`axe: theme="${theme}" on a ${colorScheme} page`, () =>
    withPage(browser, { colorScheme }, async ({ page }) => {
      await page.goto(server.url(`/theme-${theme}.html`));
      const w = await ready(page);
      // The attribute wins over the page's scheme.
      const luminance = await w.locator('[data-screen]').evaluate((el) => {
        const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      });
      if (theme === 'dark') assert.ok(luminance < 0.3, `dark background, luminance ${luminance}`);
      else assert.ok(luminance > 0.7, `light background, luminance ${luminance}`);
      await assertNoViolations(page, 'start');
      await start(w);
      await assertNoViolations(page, 'red_flags');
      for (const outcomeId of ['emergency_now', 'headache_persisting', 'heaviness_expected']) {
        await restart(w);
        await walkTo(w, outcomeId);
        await assertNoViolations(page, outcomeId);
      }
    }));
}

/** Asserts nothing is wider than the viewport, in the page or in the widget. */
async function assertNoSidewaysScroll(page, where) {
  const m = await widget(page).evaluate((host) => {
    const sc = host.shadowRoot.querySelector('[data-screen]');
    const box = sc.getBoundingClientRect();
    const sticking = [...sc.querySelectorAll('*')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
    }).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      widgetRight: box.right,
      overflow: sc.scrollWidth - sc.clientWidth,
      sticking,
    };
  });
  assert.ok(m.scrollWidth <= m.innerWidth, `${where}: page ${m.scrollWidth}px wide in a ${m.innerWidth}px viewport`);
  assert.ok(m.widgetRight <= m.innerWidth, `${where}: widget ends at ${m.widgetRight}px`);
  assert.equal(m.overflow, 0, `${where}: widget content overflows by ${m.overflow}px`);
  assert.deepEqual(m.sticking, [], `${where}: elements outside the widget's box`);
}

for (const locale of ['en', 'es']) {
  test(`no sideways scrolling at 320 px, every screen of every journey (${locale})`, () =>
    withPage(browser, { viewport: { width: 320, height: 640 } }, async ({ page }) => {
      await page.goto(server.url('/'));
      const w = await ready(page);
      if (locale !== 'en') await chooseLocale(w, locale);
      for (const outcomeId of Object.keys(ROUTES)) {
        await walkTo(w, outcomeId, {
          each: (_, screen, id) => assertNoSidewaysScroll(page, `${outcomeId}: ${screen} ${id ?? ''}`),
        });
        await restart(w);
      }
      await start(w);
      await question(w, 'red_flags').locator('[data-action="next"]').click();
      await question(w, 'red_flags').locator('[role="alert"]').waitFor();
      await assertNoSidewaysScroll(page, 'refusal message');
    }));
}

test('focus moves to the new heading and the live region announces every step', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.goto(server.url('/'));
    const w = await ready(page);
    assert.equal((await deepFocus(page))?.tag, 'body', 'no focus taken on page load');
    const live = w.locator('[aria-live="polite"]');
    assert.equal(await live.count(), 1, 'one polite live region');
    const check = async (where) => {
      const heading = w.locator('[data-screen] h2');
      assert.equal(await heading.count(), 1, `${where}: one h2`);
      const title = (await heading.innerText()).trim();
      const focus = await deepFocus(page);
      assert.equal(focus?.tag, 'h2', `${where}: focus on the h2, got ${JSON.stringify(focus)}`);
      assert.equal(focus.text, title, `${where}: focus on this screen's h2`);
      return title;
    };
    const steps = ROUTES.headache_persisting.path;
    await walk(w, steps, {
      each: async (_, screen, id) => {
        if (screen === 'start') return;
        const title = await check(`${screen} ${id}`);
        const said = await live.innerText();
        assert.ok(said.includes(title), `${screen} ${id}: live region says "${said}", not the title "${title}"`);
      },
    });
    assert.equal((await outcomeOf(w)).id, 'headache_persisting');
    await back(w);
    await question(w, 'duration').waitFor();
    await check('after Back');
    await restart(w);
    await check('after Start over');
    await chooseLocale(w, 'es');
    await start(w);
    const title = await check('red_flags in Spanish');
    assert.ok((await live.innerText()).includes(title), 'live region in Spanish');
  }));

/** What the target-size checks measure: controls, and checkbox rows (input + label). */
const TARGETS = { controls: 'button, a.sc-button, a.sc-call', checkboxes: 'input[type="checkbox"]' };

/**
 * Boxes of every visible control in the widget matched by `selectors`:
 * buttons and call links by themselves, checkboxes with their labels. Each
 * is named `<tag> <id>` (`button start`, `a tel:911`, `checkbox none`).
 */
async function targets(page, selectors = TARGETS) {
  return widget(page).evaluate((host, sel) => {
    const root = host.shadowRoot;
    const box = (els) => {
      const rs = els.map((e) => e.getBoundingClientRect());
      const left = Math.min(...rs.map((r) => r.left)); const right = Math.max(...rs.map((r) => r.right));
      const top = Math.min(...rs.map((r) => r.top)); const bottom = Math.max(...rs.map((r) => r.bottom));
      return { width: right - left, height: bottom - top };
    };
    const out = [];
    for (const b of root.querySelectorAll(sel.controls)) {
      const id = b.dataset.action ?? b.dataset.answerId ?? b.dataset.locale ?? b.getAttribute('href') ?? b.textContent.trim();
      if (b.getClientRects().length) out.push({ what: `${b.tagName.toLowerCase()} ${id}`, ...box([b]) });
    }
    for (const input of root.querySelectorAll(sel.checkboxes)) {
      if (input.getClientRects().length) out.push({ what: `checkbox ${input.dataset.answerId}`, ...box([input, ...input.labels]) });
    }
    return out;
  }, selectors);
}

/**
 * The controls targets() must find on each screen screensForTargets()
 * visits (each answer read from the content file), so that a selector
 * matching nothing cannot pass the size checks.
 */
async function expectedTargets() {
  const content = await readContent();
  const locales = content.locales.map((l) => `button ${l}`);
  const answers = (q, kind) => content.question(q).answers.map((a) => `${kind} ${a.id}`);
  const outcome = [...locales, 'button print', 'button copy', 'button back', 'button restart'];
  // The demo page's clinic phone and booking link (the soon outcome links both).
  const demo = await fs.readFile(path.join(DIST, 'index.html'), 'utf8');
  const attr = (name) => demo.match(new RegExp(`<symptom-checker[^>]*\\s${name}="([^"]+)"`))?.[1] ?? assert.fail(`dist/index.html sets ${name}`);
  return {
    start: [...locales, 'button start'],
    red_flags: [...locales, ...answers('red_flags', 'checkbox'), 'button next', 'button back', 'button restart'],
    concern: [...locales, ...answers('concern', 'checkbox'), 'button next', 'button back', 'button restart'],
    emergency_now: [...outcome, 'a tel:911'],
    touch_up: [...outcome, `a tel:${attr('clinic-phone').replaceAll(' ', '')}`, `a ${attr('booking-url')}`],
  };
}

/** Measures the targets on `where` and fails unless every expected control was measured. */
async function measured(page, where, expected, selectors = TARGETS) {
  const found = await targets(page, selectors);
  assert.ok(found.length > 0, `${where}: no control matched ${JSON.stringify(selectors)}`);
  const names = found.map((t) => t.what);
  assert.deepEqual(expected[where].filter((x) => !names.includes(x)), [], `${where}: controls not measured (found ${names})`);
  return found;
}

const screensForTargets = async (page, visit) => {
  const w = await ready(page);
  await visit('start');
  await start(w);
  await visit('red_flags');
  await answer(w, 'red_flags', ['none']);
  await visit('concern');
  await restart(w);
  await walkTo(w, 'emergency_now');
  await visit('emergency_now');
  await restart(w);
  await walkTo(w, 'touch_up');
  await visit('touch_up');
};

test('every control is at least 24×24 px (WCAG 2.5.8)', async () => {
  const expected = await expectedTargets();
  await withPage(browser, { viewport: { width: 360, height: 740 } }, async ({ page }) => {
    await page.goto(server.url('/'));
    await screensForTargets(page, async (where) => {
      const small = (await measured(page, where, expected)).filter((t) => t.width < 24 || t.height < 24);
      assert.deepEqual(small, [], `${where}: targets under 24×24`);
    });
    // Control: selectors that match nothing fail the check instead of passing it.
    await assert.rejects(measured(page, 'touch_up', expected, { controls: '.sc-no-such-control', checkboxes: '.sc-no-such-box' }),
      /no control matched/);
    await assert.rejects(measured(page, 'touch_up', expected, { controls: 'button', checkboxes: 'input[type="checkbox"]' }),
      /controls not measured/);
  });
});

test('on a touch screen every control is at least 44 px tall', async () => {
  const expected = await expectedTargets();
  await withPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, async ({ page }) => {
    await page.goto(server.url('/'));
    await screensForTargets(page, async (where) => {
      const small = (await measured(page, where, expected)).filter((t) => t.height < 44 || t.width < 44);
      assert.deepEqual(small, [], `${where}: touch targets under 44 px`);
    });
  });
});

test('honours prefers-reduced-motion', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.goto(server.url('/'));
    const w = await ready(page);
    await start(w);
    await answer(w, 'red_flags', ['none']);
    await answer(w, 'concern', ['headache']);
    await answer(w, 'headache_signs', ['none']);
    const durations = () => question(w, 'reason').locator('button[data-answer-id]').first()
      .evaluate((b) => getComputedStyle(b).transitionDuration.split(',').map((d) => parseFloat(d)));
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.ok((await durations()).some((d) => d > 0), 'a transition normally (so the check below can fail)');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.ok((await durations()).every((d) => d === 0), 'no transition with reduced motion');
  }));
