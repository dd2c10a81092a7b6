// Several concerns at once, in English and Spanish, by the DOM contract:
// the concern question is "tick all that apply"; each ticked concern's
// questions come in turn; the outcome shown in full is the most urgent, and
// every other concern gets an "also" part (data-role="also" with its own
// data-outcome-id and data-urgency), named by its heading, in the summary
// for the clinic and in the outcome event (ids only). Back goes to the
// question asked before, across branches, keeping every answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, readContent, readUi } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { hostPage, element } from './lib/pages.mjs';
import {
  COMBINED, QUESTIONS, ready, walk, walkTo, back, restart, question, checkedIds, pressedIds, outcomeOf, alsoOf,
  assertEmergencyLine,
} from './lib/journey.mjs';

let server;
let browser;
let content;
const UI = {};

before(async () => {
  content = await readContent();
  UI.en = await readUi('en');
  UI.es = await readUi('es');
  server = await startServer({
    pages: {
      '/en.html': { body: hostPage({ title: 'Clinic page', body: element({ locale: 'en' }) }) },
      '/es.html': { body: hostPage({ title: 'Clinic page', lang: 'es', body: element({ locale: 'es' }) }) },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const outcome = (id) => {
  const o = content.outcomes.find((x) => x.id === id);
  assert.ok(o, `outcome ${id} in the content`);
  return o;
};

/** Records the host events of the page. */
const recordEvents = () => {
  window.__events = [];
  document.addEventListener('symptom-checker:outcome', (e) => window.__events.push(e.detail));
};

/** Opens the page in `locale` and waits for the widget. */
async function open(page, locale) {
  await page.addInitScript(recordEvents);
  await page.goto(server.url(`/${locale}.html`));
  return ready(page);
}

for (const locale of ['en', 'es']) {
  test(`${locale}: each ticked concern is asked about, the most urgent is shown, the others as "also"`, () =>
    withPage(browser, {}, async ({ page }) => {
      const ui = UI[locale];
      const w = await open(page, locale);
      for (const [story, path, shown, also] of COMBINED) {
        const asked = [];
        await walk(w, path, {
          each: async (x, screen, id) => {
            await assertEmergencyLine(x, { text: ui.not_a_diagnosis.trim(), where: `${story}: ${screen} ${id ?? ''}` });
            if (screen === 'question') asked.push(id);
          },
        });
        assert.deepEqual(asked, path.map(([q]) => q), `${story}: every branch asked, in order`);
        assert.deepEqual(await outcomeOf(w), { id: shown, urgency: outcome(shown).urgency }, `${story}: shown in full`);
        assert.deepEqual(await alsoOf(w), also.map((id) => ({ id, urgency: outcome(id).urgency })),
          `${story}: the "also" parts`);

        // Each part: named by its heading, with the title, the urgency in
        // words and the first step, in this language.
        const summary = await w.locator('[data-role="summary"]').textContent();
        for (const id of also) {
          const o = outcome(id);
          const part = w.locator(`[data-role="also"]:has([data-outcome-id="${id}"])`);
          assert.equal(await part.count(), 1, `${story}: one part for ${id}`);
          const name = await part.evaluate((section) => {
            const heading = section.getRootNode().getElementById(section.getAttribute('aria-labelledby'));
            return heading?.textContent ?? null;
          });
          assert.equal(name, `${ui.also} ${o.title[locale]}`, `${story}: ${id} is named by its heading`);
          const text = await part.innerText();
          const urgencyWords = ui.urgency[['emergency', 'urgent', 'soon', 'self_care'].indexOf(o.urgency)];
          assert.ok(text.includes(urgencyWords), `${story}: ${id} says its urgency: ${text}`);
          assert.ok(text.includes(o.steps[0][locale]), `${story}: ${id} gives its first step`);
          assert.ok(summary.includes(o.title[locale]), `${story}: the summary carries ${id}`);
        }
        const announced = await w.locator('[aria-live="polite"]').textContent();
        for (const id of also) {
          assert.ok(announced.includes(outcome(id).title[locale]), `${story}: ${id} is announced: ${announced}`);
        }

        const events = await page.evaluate(() => window.__events.splice(0));
        assert.deepEqual(events.at(-1), { outcomeId: shown, urgency: outcome(shown).urgency, alsoOutcomeIds: also, locale },
          `${story}: the outcome event carries every outcome id, no answers`);
        await restart(w);
      }
    }));
}

test('back goes to the question asked before, across branches, keeping every answer', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await open(page, 'en');
    const [, path] = COMBINED[0];
    // Up to the droop's question, after the whole headache branch.
    const droop = path.findIndex(([q]) => q === 'droop_signs');
    await walk(w, path.slice(0, droop));
    await question(w, 'droop_signs').waitFor();
    await back(w);
    await question(w, 'duration').waitFor();
    assert.deepEqual(await pressedIds(w, 'duration'), ['under_48h'], 'the last headache answer is kept');
    for (const [q, answers] of path.slice(1, droop - 1).reverse()) {
      await back(w);
      await question(w, q).waitFor();
      const kept = QUESTIONS[q] === 'multiple' ? await checkedIds(w, q) : await pressedIds(w, q);
      assert.deepEqual([...kept].sort(), [...answers].sort(), `back at ${q}: the answer kept`);
    }
    await question(w, 'concern').waitFor();
    // Untick the headache: the droop's question comes next.
    await walk(w, [['concern', ['droop']], ['droop_signs', ['none']]]);
    assert.deepEqual(await outcomeOf(w), { id: 'droop_review', urgency: 'soon' });
    assert.deepEqual(await alsoOf(w), [], 'no other concern any more');
  }));

test('a single concern ends as it did, with no "also" part', () =>
  withPage(browser, {}, async ({ page }) => {
    const w = await open(page, 'en');
    for (const outcomeId of ['droop_urgent', 'headache_self_care', 'touch_up']) {
      await walkTo(w, outcomeId);
      assert.equal(await w.locator('[data-role="also"]').count(), 0, `${outcomeId}: no "also" part`);
      const events = await page.evaluate(() => window.__events.splice(0));
      assert.deepEqual(events.at(-1).alsoOutcomeIds, [], `${outcomeId}: no other outcome ids`);
      await restart(w);
    }
  }));
