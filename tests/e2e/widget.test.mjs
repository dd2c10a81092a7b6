// The widget on the demo page (dist/index.html), as a patient uses it:
// every outcome, Back and Start over, the exclusive "none", the refused
// Continue, a keyboard-only journey, the always-on emergency line, the
// emergency call link, the stories the clinical specification names, the
// draft line, print and copy, and screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer, readContent, readUi, REPO, DIST_TEST, DIST_ALT, EXPECT_TEST_PANIC } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import {
  QUESTIONS, ROUTES, RED_FLAGS, STORIES, ready, walk, walkTo, answer, back, restart, start, onScreen, screenOf,
  question, answerControl, checkedIds, pressedIds, outcomeOf, assertEmergencyLine, deepFocus,
  focusMatches, tabTo, widget,
} from './lib/journey.mjs';

const OUTPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output');

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the demo page and waits for the widget. */
async function demo(page) {
  await page.goto(server.url('/'));
  return ready(page);
}

/** The line on every screen: checked on the way by walk()'s `each`. */
const everyScreen = (seen) => async (w, screen, id) => {
  await assertEmergencyLine(w, { where: `${screen} ${id ?? ''}` });
  seen.push(screen === 'question' ? id : screen);
};

for (const [outcomeId, route] of Object.entries(ROUTES)) {
  test(`journey to ${outcomeId} (${route.urgency}), with the emergency line on every screen`, () =>
    withPage(browser, {}, async ({ page, log }) => {
      const w = await demo(page);
      const seen = [];
      await walkTo(w, outcomeId, { each: everyScreen(seen) });
      assert.deepEqual(seen, ['start', ...route.path.map(([q]) => q), 'outcome']);
      // Outcomes below emergency list the warning signs with the number;
      // the emergency outcome leads with it. Either way the outcome itself
      // links the emergency number.
      const tel = w.locator(`[data-outcome-id="${outcomeId}"] a[href="tel:911"]`);
      assert.ok((await tel.count()) >= 1, 'the outcome links tel:911');
      // Start over comes back to the start screen, line still there.
      await restart(w);
      await assertEmergencyLine(w, { where: 'start after restart' });
      assert.deepEqual(log.errors, []);
      assert.deepEqual(log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
    }));
}

test('each red flag alone leads to emergency_now', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await demo(page);
    for (const flag of RED_FLAGS) {
      const reached = await walk(w, [['red_flags', [flag]]], {
        each: async (x, screen) => assertEmergencyLine(x, { where: `${flag}: ${screen}` }),
      });
      assert.deepEqual(reached, { id: 'emergency_now', urgency: 'emergency' }, flag);
      await restart(w);
    }
  }));

test('stories of the specification end where it says', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await demo(page);
    for (const [story, path, expected] of STORIES) {
      const reached = await walk(w, path);
      assert.equal(reached.id, expected, story);
      await restart(w);
    }
  }));

test('draft content says so on every screen; approved content does not', async () => {
  const ui = await readUi('en');
  await withPage(browser, {}, async ({ page }) => {
    const w = await demo(page);
    const seen = [];
    await walkTo(w, 'emergency_now', {
      each: async (x, screen) => {
        const line = x.locator('[data-role="draft-notice"]');
        assert.equal(await line.count(), 1, `${screen}: one draft line`);
        assert.equal(await line.innerText(), ui.draft, `${screen}: the draft line`);
        assert.ok(await line.isVisible(), `${screen}: visible`);
        seen.push(screen);
      },
    });
    assert.deepEqual(seen, ['start', 'question', 'outcome']);
  });
  // The second content file carries an approval: no draft line, and the
  // approver under the outcome.
  const alt = await readContent(path.join(REPO, 'tests/content/ear-piercing.toml'));
  assert.equal(alt.review.status, 'approved');
  const altServer = await startServer({ root: DIST_ALT });
  try {
    await withPage(browser, {}, async ({ page }) => {
      await page.goto(altServer.url('/'));
      const w = await ready(page);
      assert.equal(await w.locator('[data-role="draft-notice"]').count(), 0, 'start: no draft line');
      await start(w);
      assert.equal(await w.locator('[data-role="draft-notice"]').count(), 0, 'question: no draft line');
      await answer(w, 'danger_signs', ['breath_trouble']);
      const meta = await w.locator('.sc-meta').innerText();
      assert.ok(meta.startsWith(`${ui.approved_by[0]}${alt.review.approved_by}${ui.approved_by[1]}${alt.review.role}`), meta);
      assert.ok(meta.includes('November 30, 2026'), meta);
    });
  } finally {
    await altServer.close();
  }
});

test('Back keeps every earlier answer selected; Start over forgets them', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await demo(page);
    const route = ROUTES.headache_persisting.path;
    await walkTo(w, 'headache_persisting');
    // Back from the outcome through every question, in reverse.
    for (const [questionId, answerIds] of [...route].reverse()) {
      await back(w);
      await question(w, questionId).waitFor();
      await assertEmergencyLine(w, { where: `back at ${questionId}` });
      const multiple = QUESTIONS[questionId] === 'multiple';
      const kept = multiple ? await checkedIds(w, questionId) : await pressedIds(w, questionId);
      assert.deepEqual(kept.sort(), [...answerIds].sort(), `${questionId} keeps its answer`);
      if (!multiple) {
        const notPressed = await question(w, questionId)
          .locator('button[data-answer-id][aria-pressed="false"]').count();
        const all = await question(w, questionId).locator('button[data-answer-id]').count();
        assert.equal(notPressed, all - 1, `${questionId}: the other answers are aria-pressed=false`);
      }
    }
    await back(w);
    await onScreen(w, 'start');

    // Forward again, changing an earlier answer: the route follows it.
    await start(w);
    await answer(w, 'red_flags', ['none']);
    await answer(w, 'concern', ['headache']);
    await answer(w, 'headache_signs', ['none']);
    assert.deepEqual(await pressedIds(w, 'reason'), ['migraine'], 'reason still shows migraine');
    await answer(w, 'reason', ['cosmetic']);
    await question(w, 'severity').waitFor(); // usual_migraine is skipped now
    await answer(w, 'severity', ['severe']);
    assert.deepEqual(await outcomeOf(w), { id: 'headache_urgent', urgency: 'urgent' });
    await back(w);
    assert.deepEqual(await pressedIds(w, 'severity'), ['severe']);

    // Start over: the start screen, and nothing remembered.
    await restart(w);
    assert.equal(await screenOf(w), 'start');
    await start(w);
    assert.deepEqual(await checkedIds(w, 'red_flags'), [], 'Start over forgets the answers');
  }));

test('"none" is exclusive: it clears the other boxes, and they clear it', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await demo(page);
    await start(w);
    const box = (id) => answerControl(w, 'red_flags', id);
    await box('breathing').check();
    await box('vision').check();
    assert.deepEqual((await checkedIds(w, 'red_flags')).sort(), ['breathing', 'vision']);
    await box('none').check();
    assert.deepEqual(await checkedIds(w, 'red_flags'), ['none'], 'none clears the others');
    // Ticking another box (through its label this time) clears "none".
    const id = await box('swelling').getAttribute('id');
    assert.ok(id, 'the checkbox has an id for its <label for>');
    await question(w, 'red_flags').locator(`label[for="${id}"]`).click();
    assert.deepEqual(await checkedIds(w, 'red_flags'), ['swelling'], 'another box clears none');
    await question(w, 'red_flags').locator('[data-action="next"]').click();
    assert.deepEqual(await outcomeOf(w), { id: 'emergency_now', urgency: 'emergency' });
  }));

test('Continue with nothing ticked is refused with an inline message', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await demo(page);
    await start(w);
    const q = question(w, 'red_flags');
    const alert = q.locator('[role="alert"]');
    assert.equal(await alert.count(), 0, 'no message before Continue');
    await q.locator('[data-action="next"]').click();
    await alert.waitFor();
    assert.ok((await alert.innerText()).trim().length > 10, 'the message says something');
    assert.equal(await screenOf(w), 'question');
    assert.equal(await q.count(), 1, 'still at red_flags');
    // Ticking a box clears the message; unticking and Continue refuses again.
    await answerControl(w, 'red_flags', 'none').check();
    await alert.waitFor({ state: 'detached' });
    await answerControl(w, 'red_flags', 'none').uncheck();
    await q.locator('[data-action="next"]').click();
    await alert.waitFor();
    await answer(w, 'red_flags', ['none']);
    await question(w, 'concern').waitFor();
  }));

test('a whole journey with the keyboard alone (Tab, Shift+Tab, Enter, Space)', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await demo(page);
    const headingFocused = async (where) => {
      const f = await deepFocus(page);
      assert.equal(f?.tag, 'h2', `${where}: focus on the new heading, got ${JSON.stringify(f)}`);
      assert.ok(f.inShadow, `${where}: the widget's own heading`);
    };
    assert.equal((await deepFocus(page))?.tag, 'body', 'the widget does not take focus on load');

    await tabTo(page, '[data-action="start"]');
    await page.keyboard.press('Enter');
    await question(w, 'red_flags').waitFor();
    await headingFocused('red_flags');

    await tabTo(page, 'input[data-answer-id="vision"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[data-answer-id="none"]');
    await page.keyboard.press('Space');
    assert.deepEqual(await checkedIds(w, 'red_flags'), ['none'], 'Space ticks; none clears vision');
    await tabTo(page, '[data-action="next"]');
    await page.keyboard.press('Enter');
    await question(w, 'concern').waitFor();
    await headingFocused('concern');

    await tabTo(page, 'input[data-answer-id="headache"]');
    await page.keyboard.press('Space');
    assert.deepEqual(await checkedIds(w, 'concern'), ['headache'], 'Space ticks a concern');
    await tabTo(page, '[data-action="next"]');
    await page.keyboard.press('Enter');
    await question(w, 'headache_signs').waitFor();
    await headingFocused('headache_signs');

    await tabTo(page, 'input[data-answer-id="none"]');
    await page.keyboard.press('Space');
    await tabTo(page, '[data-action="next"]');
    await page.keyboard.press('Enter');
    await question(w, 'reason').waitFor();
    await headingFocused('reason');

    await tabTo(page, 'button[data-answer-id="other"]');
    // Keyboard focus is visible.
    const outline = await widget(page).locator('button[data-answer-id="other"]')
      .evaluate((b) => { const s = getComputedStyle(b); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; });
    assert.notEqual(outline.style, 'none', 'a visible focus outline');
    assert.ok(outline.width >= 2, `focus outline at least 2px, got ${outline.width}`);
    await tabTo(page, 'button[data-answer-id="migraine"]', { shift: true });
    await page.keyboard.press('Enter');
    await question(w, 'usual_migraine').waitFor();

    const rest = [['usual_migraine', 'no', 'Enter'], ['severity', 'moderate', 'Space'],
      ['injected', 'today', 'Enter'], ['duration', 'under_48h', 'Enter']];
    for (const [questionId, answerId, key] of rest) {
      await question(w, questionId).waitFor();
      await headingFocused(questionId);
      await tabTo(page, `button[data-answer-id="${answerId}"]`);
      await page.keyboard.press(key);
    }
    assert.deepEqual(await outcomeOf(w), { id: 'headache_self_care', urgency: 'self_care' });
    await headingFocused('outcome');

    await tabTo(page, '[data-action="back"]');
    await page.keyboard.press('Enter');
    await question(w, 'duration').waitFor();
    await headingFocused('back to duration');
    assert.deepEqual(await pressedIds(w, 'duration'), ['under_48h']);

    await tabTo(page, '[data-action="restart"]');
    await page.keyboard.press('Enter');
    await onScreen(w, 'start');
    await headingFocused('start over');
    assert.ok(await focusMatches(page, '[data-screen="start"] h2'));
  }));

test('the emergency outcome shows the tel: link first and largest', () =>
  withPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, async ({ page }) => {
    const w = await demo(page);
    await walkTo(w, 'emergency_now');
    const o = w.locator('[data-outcome-id="emergency_now"]');
    const first = o.locator('a, button').first();
    assert.equal(await first.getAttribute('href'), 'tel:911', 'the first control of the outcome calls 911');
    assert.match(await first.innerText(), /911/);
    assert.ok(await first.isVisible());
    const facts = await o.evaluate((card) => {
      const call = card.querySelector('a[href^="tel:"]');
      const h2 = card.querySelector('h2');
      const size = (e) => parseFloat(getComputedStyle(e).fontSize);
      const root = card.getRootNode();
      const texts = [...root.querySelectorAll('.sc *')].filter((e) =>
        e !== call && !call.contains(e) && e.getClientRects().length > 0 &&
        [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
      const box = call.getBoundingClientRect();
      const others = [...root.querySelectorAll('a, button')].filter((e) => e !== call && e.getClientRects().length);
      return {
        callSize: size(call),
        biggestOther: Math.max(...texts.map(size)),
        beforeHeading: !!(call.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING),
        aboveHeading: box.bottom <= h2.getBoundingClientRect().top + 1,
        height: box.height,
        area: box.width * box.height,
        biggestOtherArea: Math.max(...others.map((e) => { const r = e.getBoundingClientRect(); return r.width * r.height; })),
        inViewport: box.top >= 0 && box.bottom <= innerHeight,
      };
    });
    assert.ok(facts.callSize > facts.biggestOther,
      `call link text (${facts.callSize}px) larger than any other text (${facts.biggestOther}px)`);
    assert.ok(facts.beforeHeading && facts.aboveHeading, 'the call link comes before and above the title');
    assert.ok(facts.height >= 44, `call link at least 44px tall, got ${facts.height}`);
    assert.ok(facts.area > facts.biggestOtherArea, 'the call link is the largest control');
    assert.ok(facts.inViewport, 'the call link is on screen right after the answer (360×740)');
  }));

test('print shows only the summary; copy puts the summary on the clipboard', () =>
  withPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] }, async ({ page }) => {
    await page.addInitScript(() => {
      // Record instead of opening the print dialog.
      window.__prints = [];
      window.print = () => window.__prints.push({
        body: document.body.classList.contains('sc-printing'),
        host: document.querySelector('symptom-checker')?.hasAttribute('data-sc-printing'),
      });
    });
    const w = await demo(page);
    await walkTo(w, 'headache_self_care');
    const title = (await w.locator('[data-outcome-id] h2').innerText()).trim();
    const summary = w.locator('pre[data-role="summary"]');
    assert.equal(await summary.isVisible(), false, 'the summary is print-only');
    const text = await summary.textContent();
    assert.ok(text.includes(title), 'the summary names the outcome');
    assert.match(text, /Not a diagnosis/);
    for (const answerText of await w.locator('[data-outcome-id] dd').allInnerTexts()) {
      assert.ok(text.includes(answerText.trim()), `the summary includes the answer "${answerText}"`);
    }

    await w.locator('[data-action="print"]').click();
    assert.deepEqual(await page.evaluate(() => window.__prints), [{ body: true, host: true }],
      'print marks the page and this widget while printing');
    assert.equal(await page.evaluate(() => document.body.classList.contains('sc-printing')), false, 'and unmarks after');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await summary.isVisible(), 'the summary prints');
    assert.equal(await w.locator('[data-action="print"]').isVisible(), false, 'the buttons do not');
    await page.emulateMedia({ media: 'screen' });

    await w.locator('[data-action="copy"]').click();
    await w.locator('[role="status"]').filter({ hasText: /\S/ }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.includes(title), 'the clipboard has the outcome');
    assert.match(copied, /Not a diagnosis/);
  }));

// The screenshots are artifacts for a person to look at (output/*.png); no
// assertion compares them with anything (pixels differ between machines and
// Chromium versions). The look is pinned by the aria snapshots and the
// layout checks of a11y-depth.test.mjs; this test checks only that no
// screen it shoots scrolls sideways.
test('screenshots at 360×740 and 1280×800 into output/ (start, question, multiple choice, outcomes); none scrolls sideways', async () => {
  await fs.mkdir(OUTPUT, { recursive: true });
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    await withPage(browser, { viewport }, async ({ page }) => {
      const w = await demo(page);
      const size = `${viewport.width}x${viewport.height}`;
      const shoot = async (name) => {
        await page.screenshot({ path: path.join(OUTPUT, `widget-${size}-${name}.png`), fullPage: true });
        const wide = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
        assert.ok(wide[0] <= wide[1], `${size} ${name}: the page is ${wide[0]}px wide in ${wide[1]}px`);
      };
      await shoot('start');
      await start(w);
      await shoot('multiple-choice');
      await answer(w, 'red_flags', ['none']);
      await shoot('question');
      await restart(w);
      await walkTo(w, 'emergency_now');
      await shoot('outcome-emergency');
      await restart(w);
      await walkTo(w, 'headache_self_care');
      await shoot('outcome-self-care');
    });
  }
});

test('after a panic the error screen still shows the emergency line', async () => {
  assert.ok(existsSync(path.join(DIST_TEST, 'index.html')), 'the test build is there (scripts/test.sh builds dist-test/)');
  const panicServer = await startServer({ root: DIST_TEST });
  try {
    await withPage(browser, { expectErrors: EXPECT_TEST_PANIC }, async ({ page, log }) => {
      await page.goto(panicServer.url('/'));
      const w = await ready(page);
      await start(w);
      // The test build carries the hostile content fixture: any question will do.
      await answer(w, 'first', ['none']);
      await question(w, 'second').waitFor();
      assert.equal(await page.evaluate(() => typeof window.symptomCheckerTestPanic), 'function');
      await page.evaluate(() => { try { window.symptomCheckerTestPanic(); } catch { /* a wasm trap */ } });
      await onScreen(w, 'error');
      await assertEmergencyLine(w, { where: 'error screen' });
      assert.equal(await w.locator('[data-screen="error"]').getAttribute('role'), 'alert');
      assert.ok(log.console.some((m) => m.type === 'error' && m.text.includes('symptom-checker')), 'the panic is logged');
      // Reload brings the widget back.
      await Promise.all([page.waitForEvent('load'), w.locator('[data-action="reload"]').click()]);
      await onScreen(await ready(page), 'start');
    });
  } finally {
    await panicServer.close();
  }
});
