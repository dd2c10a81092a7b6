// The patient hands their answers to the clinic only when they choose:
// without the `share` attribute there is no Send button on any outcome and
// no event the widget fires carries an answer; with `share="event"`, one
// press of "Send my answers to the clinic" fires exactly one cancelable
// `symptom-checker:share` event whose detail is the copied summary and a
// FHIR R4 QuestionnaireResponse (valid by FHIR.js, its items the questions
// asked and the answers clicked, then the outcome shown), in English and
// Spanish; a polite live region says whether the page took them; a bad
// value warns once and shows no button. The booking form of EMBEDDING.md
// is served as written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';

import { startServer, readUi, readContent, REPO } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { hostPage, element } from './lib/pages.mjs';
import {
  ready, walk, walkTo, restart, outcomeOf, alsoOf, ROUTES, COMBINED, ANSWER_IDS,
} from './lib/journey.mjs';

const require = createRequire(import.meta.url);
const { Fhir } = require('fhir');

let server;
let browser;
let content;
const UI = {};

/** Every event type the widget fires: each `"symptom-checker:…"` name in src/embed.rs. */
const EVENT_TYPES = [...new Set([...fs.readFileSync(path.join(REPO, 'src/embed.rs'), 'utf8')
  .matchAll(/"(symptom-checker:[a-z-]+)"/g)].map((m) => m[1]))];

/** The section "Sending the answers to the clinic" of EMBEDDING.md: its html and js blocks. */
function bookingFormDocs() {
  const doc = fs.readFileSync(path.join(REPO, 'EMBEDDING.md'), 'utf8');
  const start = doc.indexOf('\n## Sending the answers to the clinic\n');
  assert.ok(start > 0, 'EMBEDDING.md has the section');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  const blocks = [...section.matchAll(/\n```(html|js)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));
  const html = blocks.filter((b) => b.lang === 'html').map((b) => b.text);
  const js = blocks.filter((b) => b.lang === 'js').map((b) => b.text);
  assert.match(html[0], /<symptom-checker [^>]*share="event"/, 'the attribute as documented');
  assert.match(html[1], /<form id="booking"/, 'the booking form');
  assert.equal(js.length, 1, 'one script');
  return { element: html[0], form: html[1], script: js[0] };
}

before(async () => {
  UI.en = await readUi('en');
  UI.es = await readUi('es');
  content = await readContent();
  const docs = bookingFormDocs();
  const page = (body, lang = 'en') => ({ body: hostPage({ title: 'Clinic page', lang, body }) });
  const clinic = { 'clinic-name': 'Riverside', 'clinic-phone': '+1 555 010 2030' };
  server = await startServer({
    pages: {
      '/plain.html': page(element(clinic)),
      '/share.html': page(element({ ...clinic, share: 'event' })),
      '/share-es.html': page(element({ ...clinic, share: 'event', locale: 'es' }), 'es'),
      '/share-bad.html': page(element({ ...clinic, share: 'yes' })),
      '/booking.html': page(docs.element + docs.form),
      '/booking-form.js': { body: docs.script, type: 'text/javascript; charset=utf-8' },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * In the page, before its scripts: records every event the widget fires,
 * on the document in the capture phase (before any page listener), with
 * its detail as JSON and its flags. With `take`, a later listener takes
 * the answers as a booking form would (`preventDefault()`).
 */
function recordEvents({ types, take }) {
  window.__events = [];
  for (const type of types) {
    document.addEventListener(type, (e) => window.__events.push({
      type: e.type, detail: JSON.parse(JSON.stringify(e.detail)), bubbles: e.bubbles, composed: e.composed,
      cancelable: e.cancelable, target: e.target?.tagName?.toLowerCase() ?? null,
    }), { capture: true });
  }
  if (take) document.addEventListener('symptom-checker:share', (e) => e.preventDefault());
}

const events = (page) => page.evaluate(() => window.__events);
const shareEvents = async (page) => (await events(page)).filter((e) => e.type === 'symptom-checker:share');
const widgetWarnings = (log) => log.console.filter((m) => m.type === 'warning' && m.text.includes('symptom-checker')).map((m) => m.text);

/** Every string in a value, deeply (keys too). */
function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { out.push(k); strings(v, out); }
  return out;
}

/** FHIR.js's verdict on a resource: valid, and no message of severity error. */
function assertValidFhir(resource, where) {
  const result = new Fhir().validate(resource, { errorOnUnexpected: true });
  const errors = result.messages.filter((m) => m.severity === 'error');
  assert.deepEqual(errors, [], `${where}: FHIR.js errors`);
  assert.equal(result.valid, true, `${where}: FHIR.js says valid: ${JSON.stringify(result.messages)}`);
}

/**
 * Walks `steps`, noting the question ids asked in order; then checks that
 * the one share event's response says exactly that journey in `locale`.
 */
async function walkAndRecord(w, steps) {
  const asked = [];
  const reached = await walk(w, steps, { each: async (_, screen, id) => { if (screen === 'question') asked.push(id); } });
  return { asked, reached };
}

/** The exported Questionnaire (`cargo content fhir`, kept in docs/fhir/). */
const QUESTIONNAIRE = JSON.parse(fs.readFileSync(path.join(REPO, 'docs/fhir/botox-aftercare.json'), 'utf8')).entry[0].resource;

/** The response answers the exported Questionnaire: its canonical URL and version, its items, their answer options. */
function assertAnswersQuestionnaire(qr, where) {
  assert.equal(qr.questionnaire, `${QUESTIONNAIRE.url}|${QUESTIONNAIRE.version}`, `${where}: the exported Questionnaire`);
  for (const item of qr.item) {
    const asked = QUESTIONNAIRE.item.find((i) => i.linkId === item.linkId);
    assert.ok(asked, `${where}: ${item.linkId} is an item of the Questionnaire`);
    assert.ok(item.answer.length === 1 || asked.repeats, `${where}: ${item.linkId} repeats`);
    for (const { valueCoding } of item.answer) {
      assert.ok(asked.answerOption.some((o) => o.valueCoding.system === valueCoding.system && o.valueCoding.code === valueCoding.code),
        `${where}: ${valueCoding.code} is an answer option of ${item.linkId}`);
    }
  }
}

function assertResponse(qr, { asked, steps, outcome, urgency, also, locale, where }) {
  assertValidFhir(qr, where);
  assertAnswersQuestionnaire(qr, where);
  assert.equal(qr.resourceType, 'QuestionnaireResponse');
  assert.equal(qr.status, 'completed');
  assert.equal(qr.language, locale, `${where}: language`);
  assert.equal(qr.questionnaire, `urn:symptom-checker:${content.id}|${content.version}`, `${where}: questionnaire`);
  assert.match(qr.authored, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/, `${where}: authored with the offset`);
  assert.equal(qr.subject, undefined, 'no subject');
  const chosen = new Map(steps);
  const questions = qr.item.slice(0, asked.length);
  assert.deepEqual(questions.map((i) => i.linkId), asked, `${where}: one item per question asked, in order`);
  for (const item of questions) {
    const q = content.question(item.linkId);
    assert.equal(item.text, q.text[locale], `${where}: ${item.linkId}'s text`);
    assert.deepEqual(item.answer.map((a) => a.valueCoding.code).sort(),
      chosen.get(item.linkId).map((a) => `${item.linkId}.${a}`).sort(), `${where}: ${item.linkId}'s answers`);
    for (const { valueCoding } of item.answer) {
      assert.equal(valueCoding.system, `urn:symptom-checker:${content.id}:answer`);
      const answerId = valueCoding.code.slice(item.linkId.length + 1);
      assert.equal(valueCoding.display, content.answer(item.linkId, answerId).label[locale], `${where}: ${valueCoding.code}'s label`);
    }
  }
  const results = qr.item.slice(asked.length);
  const byLink = Object.fromEntries(results.map((i) => [i.linkId, i]));
  assert.deepEqual(results.map((i) => i.linkId), ['result.outcome', 'result.urgency', ...(also.length ? ['result.also'] : [])],
    `${where}: the result items`);
  assert.deepEqual(byLink['result.outcome'].answer.map((a) => a.valueCoding.code), [outcome], `${where}: the outcome`);
  assert.equal(byLink['result.outcome'].answer[0].valueCoding.display, content.outcome(outcome).title[locale]);
  assert.deepEqual(byLink['result.urgency'].answer.map((a) => a.valueCoding.code), [urgency], `${where}: the urgency`);
  assert.equal(byLink['result.outcome'].text, { en: 'Outcome', es: 'Resultado' }[locale]);
  assert.equal(byLink['result.urgency'].text, { en: 'Urgency', es: 'Urgencia' }[locale]);
  if (also.length) {
    assert.deepEqual(byLink['result.also'].answer.map((a) => a.valueCoding.code), also, `${where}: the other outcomes`);
  }
}

// ------------------------------------------------------- without the attribute

test('without share: no Send button on any outcome, and no event the widget fires carries an answer', () =>
  withPage(browser, {}, async ({ page, log }) => {
    assert.deepEqual([...EVENT_TYPES].sort(), ['symptom-checker:outcome', 'symptom-checker:share', 'symptom-checker:step'],
      'every event type the widget can fire is listened to');
    await page.addInitScript(recordEvents, { types: EVENT_TYPES, take: false });
    await page.goto(server.url('/plain.html'));
    const w = await ready(page);
    // Every outcome, and two with other concerns' outcomes under them.
    const journeys = [
      ...Object.entries(ROUTES).map(([id, route]) => [id, route.path]),
      ...COMBINED.filter(([, , , also]) => also.length > 0).slice(0, 2).map(([name, steps]) => [name, steps]),
    ];
    await page.evaluate(() => { window.print = () => {}; });
    for (const [i, [name, steps]] of journeys.entries()) {
      await walk(w, steps);
      await outcomeOf(w);
      assert.equal(await w.locator('[data-action="share"]').count(), 0, `${name}: no Send button`);
      assert.equal(await w.locator('[data-role="share-status"]').count(), 0, `${name}: no share status`);
      // On the first, the patient presses every other action of the outcome.
      if (i === 0) {
        for (const action of ['copy-top', 'print-top', 'copy', 'print']) await w.locator(`[data-action="${action}"]`).click();
      }
      await restart(w);
    }
    const seen = await events(page);
    assert.ok(seen.length > journeys.length * 2, `events were recorded (${seen.length})`);
    const codes = new Set(content.questions.flatMap((q) => q.answers.map((a) => `${q.id}.${a.id}`)));
    const labels = new Set(content.questions.flatMap((q) => q.answers.flatMap((a) => [a.label.en, a.label.es])));
    for (const e of seen) {
      assert.notEqual(e.type, 'symptom-checker:share', 'no share event without the attribute');
      for (const s of strings(e.detail)) {
        assert.ok(!ANSWER_IDS.includes(s) && !codes.has(s) && !labels.has(s), `${e.type} carries an answer: ${s}`);
        assert.ok(!['summary', 'questionnaireResponse', 'item', 'answer'].includes(s), `${e.type} carries ${s}`);
      }
    }
    assert.deepEqual(widgetWarnings(log), []);
  }));

// ---------------------------------------------------------- share="event"

// Each on a clock away from UTC: `authored` carries the patient's offset.
const CLOCKS = {
  en: { url: '/share.html', timezoneId: 'Asia/Kolkata', offset: '+05:30' },
  es: { url: '/share-es.html', timezoneId: 'America/Mexico_City', offset: '-06:00' },
};
for (const [code, { url, timezoneId, offset }] of Object.entries(CLOCKS)) {
  test(`${code}: share="event": one press, one cancelable share event; its QuestionnaireResponse is valid FHIR R4 and says the journey (clock at ${offset})`, () =>
    withPage(browser, { timezoneId }, async ({ page, log }) => {
      await page.addInitScript(recordEvents, { types: EVENT_TYPES, take: false });
      await page.goto(server.url(url));
      const w = await ready(page);
      const journeys = [
        ['usual_migraine_plan', ROUTES.usual_migraine_plan.path],
        ['emergency_now', ROUTES.emergency_now.path],
        ...COMBINED.filter(([, , , also]) => also.length > 0).slice(0, 2).map(([name, steps]) => [name, steps]),
      ];
      let sent = 0;
      for (const [where, steps] of journeys) {
        const { asked } = await walkAndRecord(w, steps);
        const { id, urgency } = await outcomeOf(w);
        const also = (await alsoOf(w)).map((a) => a.id);
        assert.equal(await shareEvents(page).then((s) => s.length), sent, `${where}: nothing sent before the press`);
        const button = w.locator('[data-action="share"]');
        assert.equal(await button.count(), 1, `${where}: one Send button`);
        assert.equal((await button.innerText()).trim(), UI[code].share);
        await button.click();
        await w.locator('[data-role="share-status"]').filter({ hasText: UI[code].not_shared }).waitFor();
        const shared = await shareEvents(page);
        sent += 1;
        assert.equal(shared.length, sent, `${where}: exactly one event for one press`);
        const e = shared.at(-1);
        assert.deepEqual([e.bubbles, e.composed, e.cancelable, e.target], [true, true, true, 'symptom-checker']);
        assert.deepEqual(Object.keys(e.detail).sort(), ['questionnaireResponse', 'summary']);
        const copied = await w.locator('pre[data-role="summary"]').textContent();
        assert.equal(e.detail.summary, copied, `${where}: the summary is the copied text`);
        const qr = e.detail.questionnaireResponse;
        assertResponse(qr, { asked, steps, outcome: id, urgency, also, locale: code, where });
        // When the outcome was reached, on the patient's clock: the summary's
        // time, with the clock's offset from UTC.
        assert.equal(qr.authored.slice(-6), offset, `${where}: authored ${qr.authored}`);
        assert.ok(copied.includes(`, ${qr.authored.slice(11, 16)}`), `${where}: the summary's time is ${qr.authored.slice(11, 16)}`);
        await restart(w);
      }
      // The start screen says the answers leave only if the patient sends them.
      assert.equal((await w.locator('.sc-note').innerText()).trim(), UI[code].start_note_share);
      assert.deepEqual(widgetWarnings(log), []);
    }));
}

for (const take of [true, false]) {
  const expected = take ? 'shared' : 'not_shared';
  test(`the live region, when the page ${take ? 'takes the answers (preventDefault)' : 'does not take them'}: "${expected}"; every press sends once more, nothing else sends`, () =>
    withPage(browser, {}, async ({ page }) => {
      await page.addInitScript(recordEvents, { types: EVENT_TYPES, take });
      await page.goto(server.url('/share.html'));
      const w = await ready(page);
      await walkTo(w, 'droop_review');
      const status = w.locator('[data-role="share-status"]');
      assert.equal(await status.getAttribute('role'), 'status', 'a polite live region');
      assert.equal((await status.innerText()).trim(), '', 'silent before the press');
      for (let press = 1; press <= 3; press += 1) {
        await w.locator('[data-action="share"]').click();
        await status.filter({ hasText: UI.en[expected] }).waitFor();
        assert.equal((await status.innerText()).trim(), UI.en[expected], `press ${press}`);
        assert.equal((await shareEvents(page)).length, press, 'one event per press');
      }
      // The button and the message pass axe (WCAG 2.0 to 2.2, A and AA), and
      // the button is as tall as its neighbours (at least 44 px).
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), [], 'axe');
      const box = await w.locator('[data-action="share"]').boundingBox();
      assert.ok(box.height >= 44, `the Send button is ${box.height} px tall`);
      // Pressing anything else sends nothing.
      await w.locator('[data-action="copy"]').click();
      await w.locator('[data-action="back"]').click();
      await w.locator('[data-question-id]').waitFor();
      assert.equal((await shareEvents(page)).length, 3, 'only the Send button sends');
    }));
}

test('the EMBEDDING.md booking form, as written: it takes the answers and the patient is told so', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.addInitScript(recordEvents, { types: EVENT_TYPES, take: false });
    await page.goto(server.url('/booking.html'));
    const w = await ready(page);
    await walkTo(w, 'touch_up');
    assert.equal(await page.locator('#booking-notes').inputValue(), '', 'the form is empty before the press');
    await w.locator('[data-action="share"]').click();
    await w.locator('[data-role="share-status"]').filter({ hasText: UI.en.shared }).waitFor();
    const [e] = await shareEvents(page);
    assert.equal(await page.locator('#booking-notes').inputValue(), e.detail.summary, 'the summary in the textarea');
    const qr = JSON.parse(await page.locator('#booking-fhir').inputValue());
    assert.deepEqual(qr, e.detail.questionnaireResponse, 'the response in the hidden field');
    assertValidFhir(qr, 'the hidden field');
  }));

test('share="yes": one console warning naming the attribute, and no Send button', () =>
  withPage(browser, {}, async ({ page, log }) => {
    await page.addInitScript(recordEvents, { types: EVENT_TYPES, take: false });
    await page.goto(server.url('/share-bad.html'));
    const w = await ready(page);
    await walkTo(w, 'allergy_check');
    assert.equal(await w.locator('[data-action="share"]').count(), 0, 'no Send button');
    const warned = widgetWarnings(log);
    assert.equal(warned.length, 1, JSON.stringify(warned));
    assert.match(warned[0], /`share`/);
    assert.equal((await shareEvents(page)).length, 0);
  }));
