// Several concerns at once, in English and Spanish, by the DOM contract:
// the concern question is "tick all that apply"; each ticked concern's
// questions come in turn, each saying which concern it is about; the
// outcome shown in full is the most urgent, and every other concern gets an
// "also" part (data-role="also" with its own data-outcome-id and
// data-urgency), named by its concern, with its urgency, first step and its
// own "get help sooner" lines, in the summary for the clinic and in the
// outcome event (ids only). An emergency cut short lists the concerns not
// assessed. Back goes to the question asked before, across branches,
// keeping every answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, readContent, readUi } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { hostPage, element } from './lib/pages.mjs';
import {
  COMBINED, QUESTIONS, URGENCIES, ready, walk, walkTo, back, restart, question, checkedIds, pressedIds, outcomeOf,
  alsoOf, assertEmergencyLine,
} from './lib/journey.mjs';

/** The first question of each concern's branch. */
const QUESTION_OF = {
  droop: 'droop_signs', headache: 'headache_signs', site_problem: 'site_signs', local_weakness: 'weakness_kind',
  uneven: 'uneven_when', not_working: 'not_working_when',
};

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

/** "About your drooping eyelid or brow", as the widget names concerns. */
const about = (ui, locale, concernIds) => {
  const names = concernIds.map((id) => content.answer('concern', id).about[locale]);
  const list = names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')}${ui.and}${names.at(-1)}`;
  return `${ui.about}${list}`;
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
      for (const [story, path, shown, also, concerns] of COMBINED) {
        const asked = [];
        const ticked = path.find(([q]) => q === 'concern')[1];
        await walk(w, path, {
          each: async (x, screen, id) => {
            await assertEmergencyLine(x, { text: ui.not_a_diagnosis.trim(), where: `${story}: ${screen} ${id ?? ''}` });
            if (screen === 'question') asked.push(id);
            // After the concern question, each question says which concern
            // it is about.
            if (screen === 'question' && !['red_flags', 'concern'].includes(id)) {
              const heading = await x.locator(`[data-question-id="${id}"] h2`).innerText();
              assert.ok(heading.startsWith(ui.about), `${story}: ${id} names its concern: ${heading}`);
              assert.ok(ticked.some((c) => heading.includes(content.answer('concern', c).about[locale])),
                `${story}: ${id} names a ticked concern: ${heading}`);
            }
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
          const named = about(ui, locale, concerns[id]);
          assert.equal(name, named, `${story}: ${id} is named by its concern`);
          const text = await part.innerText();
          const urgencyWords = ui.urgency[['emergency', 'urgent', 'soon', 'self_care'].indexOf(o.urgency)];
          assert.ok(text.includes(urgencyWords), `${story}: ${id} says its urgency: ${text}`);
          assert.ok(text.includes(o.title[locale]), `${story}: ${id} gives its title`);
          assert.ok(text.includes(o.steps[0][locale]), `${story}: ${id} gives its first step`);
          assert.ok(text.includes(o.sooner[locale]), `${story}: ${id} keeps its own "get help sooner" lines`);
          const lessUrgent = URGENCIES.indexOf(o.urgency) > URGENCIES.indexOf(outcome(shown).urgency);
          assert.equal(text.includes(ui.after_main), lessUrgent, `${story}: ${id} says to follow the main advice first`);
          for (const words of [named, o.title[locale], o.sooner[locale]]) {
            assert.ok(summary.includes(words), `${story}: the summary carries ${id}: ${words}`);
          }
        }
        // Concerns an emergency cut short are "not assessed" in the summary.
        const cut = ticked.filter((c) => shown === 'emergency_now' && !path.some(([q]) => q === QUESTION_OF[c]));
        for (const c of cut) {
          assert.ok(summary.includes(ui.not_assessed.trim()), `${story}: "not assessed" in the summary`);
          assert.ok(summary.includes(content.answer('concern', c).about[locale]), `${story}: ${c} not assessed`);
        }
        if (cut.length === 0) assert.ok(!summary.includes(ui.not_assessed.trim()), `${story}: nothing cut short`);
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
    const [, path] = COMBINED.find(([story]) => story.startsWith('uneven at three weeks'));
    // Up to the second branch's question, after the first branch.
    const second = path.findIndex(([q]) => q === 'not_working_when');
    await walk(w, path.slice(0, second));
    await question(w, 'not_working_when').waitFor();
    await back(w);
    await question(w, 'uneven_when').waitFor();
    assert.deepEqual(await pressedIds(w, 'uneven_when'), ['over_2_weeks'], 'the first branch\'s answer is kept');
    for (const [q, answers] of path.slice(1, second - 1).reverse()) {
      await back(w);
      await question(w, q).waitFor();
      const kept = QUESTIONS[q] === 'multiple' ? await checkedIds(w, q) : await pressedIds(w, q);
      assert.deepEqual([...kept].sort(), [...answers].sort(), `back at ${q}: the answer kept`);
    }
    await question(w, 'concern').waitFor();
    // Untick `uneven`: the other branch's question comes next.
    await walk(w, [['concern', ['not_working']], ['not_working_when', ['over_2_weeks']]]);
    assert.deepEqual(await outcomeOf(w), { id: 'not_working_review', urgency: 'soon' });
    assert.deepEqual(await alsoOf(w), [], 'no other concern any more');
  }));

for (const locale of ['en', 'es']) {
  test(`${locale}: an emergency says first what the patient told us, and its steps show the configured number`, () =>
    withPage(browser, {}, async ({ page }) => {
      const ui = UI[locale];
      const w = await open(page, locale);
      await walk(w, [['red_flags', ['none']], ['concern', ['droop', 'headache']], ['droop_signs', ['far_from_face']]]);
      assert.deepEqual(await outcomeOf(w), { id: 'emergency_now', urgency: 'emergency' });
      const told = await w.locator('[data-role="told-us"]').innerText();
      assert.ok(told.startsWith(ui.told_us.trim()), told);
      assert.ok(told.includes(content.answer('droop_signs', 'far_from_face').label[locale]), told);
      // Before the steps.
      const order = await w.locator('[data-outcome-id="emergency_now"]').evaluate((card) => {
        const t = card.querySelector('[data-role="told-us"]');
        const steps = card.querySelector('ol');
        return t.compareDocumentPosition(steps) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      assert.ok(order, 'what the patient told us comes before the steps');
      // Under "Why this advice", folded: its text is there to read.
      const notAssessed = await w.locator('[data-role="not-assessed"]').textContent();
      assert.ok(notAssessed.includes(content.answer('concern', 'headache').about[locale]), notAssessed);
    }));
}

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
