// Patient journeys in every engine (Chromium, Firefox ESR, WebKitGTK): the
// spec's route to each outcome in English with the emergency line checked
// on every screen, the spec's stories, every outcome in Spanish, Back, Start
// over, and the language switch mid-journey. The routes and the way a
// journey is walked are the Playwright suite's (tests/e2e/lib/journey.mjs).
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, readContent, readUi } from '../e2e/lib/server.mjs';
import { hostPage, element } from '../e2e/lib/pages.mjs';
import {
  ROUTES, STORIES, COMBINED, walk, walkTo, answer, back, restart, start, screenOf, outcomeOf, checkedIds, pressedIds,
  assertEmergencyLine, assertOutcomeDials, onScreen,
} from '../e2e/lib/journey.mjs';
import { engineSuite, CAPTURE_PAGE, CAPTURE_TAG } from './lib/engines.mjs';

const CLINIC = { 'clinic-name': 'Riverside Test Clinic', 'clinic-phone': '+1 555 010 2030', 'booking-url': 'https://clinic.example/book', 'emergency-number': '911' };

let server;
let content;
const UI = {};
before(async () => {
  content = await readContent();
  UI.en = await readUi('en');
  UI.es = await readUi('es');
  server = await startServer({
    pages: {
      ...CAPTURE_PAGE,
      '/en.html': { body: hostPage({ title: 'Clinic page', head: CAPTURE_TAG, body: element(CLINIC) }) },
      '/es.html': { body: hostPage({ title: 'Clinic page', head: CAPTURE_TAG, body: element({ ...CLINIC, locale: 'es' }) }) },
      '/uk.html': { body: hostPage({ title: 'UK clinic page', head: CAPTURE_TAG, body: element({ 'emergency-number': '999' }) }) },
    },
  });
});
after(() => server?.close());

/** The emergency line in `code`, checked with where the journey is. */
const lineIn = (code) => (w, screen, id) => assertEmergencyLine(w, { text: UI[code].not_a_diagnosis, where: `${screen} ${id ?? ''}` });

/** The widget root's `lang`, once it is `code`. */
async function waitForLang(w, code) {
  await w.waitFor(`[data-screen][lang="${code}"]`);
}

engineSuite(() => server, ({ engine, page }) => {
  for (const [id, route] of Object.entries(ROUTES)) {
    test(`${engine}: the route to ${id} (${route.urgency}), the emergency line on every screen`, () =>
      page({}, async (p) => {
        await p.open(server.url('/en.html'));
        const w = p.widget();
        await walkTo(w, id, { each: lineIn('en') });
        await waitForLang(w, 'en');
      }));
  }

  test(`${engine}: emergency-number="999": every tel: link of an emergency and of a wait dials 999, the summaries too`, () =>
    page({}, async (p) => {
      await p.open(server.url('/uk.html'));
      const w = p.widget();
      for (const id of ['emergency_now', 'droop_review']) {
        await walkTo(w, id);
        await assertOutcomeDials(w, '999');
        await restart(w);
      }
    }));

  test(`${engine}: the specification's stories end where it says`, () =>
    page({}, async (p) => {
      await p.open(server.url('/en.html'));
      const w = p.widget();
      assert.ok(STORIES.length >= 5, 'stories to walk');
      for (const [story, steps, outcome] of STORIES) {
        const reached = await walk(w, steps);
        assert.equal(reached?.id, outcome, story);
        await restart(w);
      }
    }));

  test(`${engine}: several concerns at once: each asked about, the most urgent shown, the others as "also"`, () =>
    page({}, async (p) => {
      await p.open(server.url('/en.html'));
      const w = p.widget();
      for (const [story, steps, shown, also] of COMBINED) {
        const reached = await walk(w, steps, { each: lineIn('en') });
        assert.equal(reached?.id, shown, story);
        assert.equal(await w.count('[data-role="also"] [data-outcome-id]'), also.length, `${story}: the "also" parts`);
        for (const id of also) {
          assert.equal(await w.count(`[data-role="also"] [data-outcome-id="${id}"]`), 1, `${story}: "also" ${id}`);
        }
        await restart(w);
      }
    }));

  test(`${engine}: in Spanish (locale="es"), every outcome with its Spanish title`, () =>
    page({}, async (p) => {
      await p.open(server.url('/es.html'));
      const w = p.widget();
      await waitForLang(w, 'es');
      for (const id of Object.keys(ROUTES)) {
        await walkTo(w, id, { each: lineIn('es') });
        await waitForLang(w, 'es');
        assert.equal(await w.text('[data-outcome-id] h2'), content.outcome(id).title.es, `${id}: the Spanish title`);
        await restart(w);
      }
    }));

  test(`${engine}: Back keeps every earlier answer, down to the first question and back up to the outcome`, () =>
    page({}, async (p) => {
      await p.open(server.url('/en.html'));
      const w = p.widget();
      const path = ROUTES.headache_persisting.path;
      await walkTo(w, 'headache_persisting');
      // From the outcome back to each question in turn, the answer given still chosen.
      for (const [questionId, answerIds] of [...path].reverse()) {
        await back(w);
        await w.waitFor(`[data-question-id="${questionId}"]`);
        await assertEmergencyLine(w, { where: `back at ${questionId}` });
        const kept = (await checkedIds(w, questionId)).length ? await checkedIds(w, questionId) : await pressedIds(w, questionId);
        assert.deepEqual(kept.sort(), [...answerIds].sort(), `${questionId}: the answer is kept`);
      }
      // And forward again by the same answers.
      assert.deepEqual(await walk(w, path), { id: 'headache_persisting', urgency: 'soon' });
    }));

  test(`${engine}: Start over from an outcome and from a question forgets the answers`, () =>
    page({}, async (p) => {
      await p.open(server.url('/en.html'));
      const w = p.widget();
      await walkTo(w, 'droop_urgent');
      await restart(w);
      assert.equal(await screenOf(w), 'start');
      await start(w);
      const boxes = '[data-question-id="red_flags"] input[type="checkbox"][data-answer-id]';
      await w.waitFor('[data-question-id="red_flags"]');
      assert.ok((await w.count(boxes)) > 1, 'the first question\'s boxes are there');
      assert.deepEqual(await checkedIds(w, 'red_flags'), [], 'nothing ticked after Start over');
      await answer(w, 'red_flags', ['none']);
      await answer(w, 'concern', ['headache']);
      await restart(w);
      await start(w);
      await w.waitFor('[data-question-id="red_flags"]');
      assert.ok((await w.count(boxes)) > 1);
      assert.deepEqual(await checkedIds(w, 'red_flags'), []);
      await walkTo(w, 'heaviness_expected');
    }));

  test(`${engine}: the language switch mid-journey keeps the question and the answers`, () =>
    page({}, async (p) => {
      await p.open(server.url('/en.html'));
      const w = p.widget();
      const path = ROUTES.headache_persisting.path;
      await walk(w, path.slice(0, 5)); // up to `severity`
      await w.waitFor('[data-question-id="severity"]');
      await w.click('button[data-locale="es"]');
      await waitForLang(w, 'es');
      await assertEmergencyLine(w, { text: UI.es.not_a_diagnosis, where: 'after the switch' });
      assert.equal(await w.count('[data-question-id="severity"]'), 1, 'still at the same question');
      assert.equal(await w.text('[data-question-id="severity"] h2'), content.question('severity').text.es);
      await back(w);
      await w.waitFor('[data-question-id="usual_migraine"]');
      assert.deepEqual(await pressedIds(w, 'usual_migraine'), ['no'], 'the earlier answer is kept');
      assert.deepEqual(await walk(w, path.slice(4), { each: lineIn('es') }), { id: 'headache_persisting', urgency: 'soon' });
      await w.click('button[data-locale="en"]');
      await waitForLang(w, 'en');
      assert.deepEqual(await outcomeOf(w), { id: 'headache_persisting', urgency: 'soon' }, 'still at the outcome');
      assert.equal(await w.text('[data-outcome-id] h2'), content.outcome('headache_persisting').title.en);
      await restart(w);
      await onScreen(w, 'start');
      await waitForLang(w, 'en');
    }));
});
