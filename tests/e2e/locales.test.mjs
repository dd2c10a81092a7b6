// The widget in Spanish: journeys to each of the 18 outcomes by
// the DOM-contract ids with the language from the `locale` attribute and
// from the browser's preferred languages; the fallback order (attribute,
// browser, content default); the language switch mid-journey keeping every
// answer and the position; dates written for the language.
//
// Expected wording is read from the sources (src/i18n.rs and the content
// file, as JSON: lib/server.mjs), so rewording a string does not break these tests, but showing the
// wrong language, or a string of the other language, does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, readContent, readUi } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { hostPage, element } from './lib/pages.mjs';
import {
  QUESTIONS, ROUTES, ready, walk, walkTo, answer, restart, start, question, outcomeOf, checkedIds,
  pressedIds, answerControl, onScreen,
} from './lib/journey.mjs';

const CLINIC = { 'clinic-name': 'Clínica Ribera', 'clinic-phone': '+1 555 010 2030', 'booking-url': 'https://clinic.example/citas', 'emergency-number': '911' };
const URGENCIES = ['emergency', 'urgent', 'soon', 'self_care'];

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
      // The host page is English: the widget's own root must say lang="es".
      '/es.html': { body: hostPage({ title: 'Clinic page', lang: 'en', body: element({ ...CLINIC, locale: 'es' }) }) },
      '/en.html': { body: hostPage({ title: 'Clinic page', body: element({ ...CLINIC, locale: 'en' }) }) },
      '/plain.html': { body: hostPage({ title: 'Clinic page', body: element(CLINIC) }) },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Interface strings of `code` that must never show when the widget speaks the other language. */
function giveaways(code) {
  const ui = UI[code];
  const fields = ['not_a_diagnosis', 'emergency_before', 'start_note', 'restart', 'choose_all', 'choose_one',
    'what_to_do', 'get_help_sooner', 'while_you_wait', 'warning_signs', 'tell_clinician', 'tell_emergency', 'why', 'sources', 'draft', 'version',
    'print', 'copy', 'book_online', 'widget_label'];
  return [...fields.map((f) => ui[f].trim()), ui.progress[0].trim(), ...ui.urgency, ...ui.months.filter((m) => m.length > 4)]
    .filter((s) => s.length >= 5);
}

/** Everything the checks below need from the current screen, in one round trip. */
function screenFacts(w) {
  return w.locator('[data-screen]').evaluate((root) => {
    const text = (e) => (e ? e.textContent.trim() : null);
    const all = (sel) => [...root.querySelectorAll(sel)];
    return {
      screen: root.dataset.screen,
      lang: root.getAttribute('lang'),
      label: root.getAttribute('aria-label'),
      innerText: root.innerText,
      line: all('p[data-role="emergency-line"]').map((p) => ({
        text: p.innerText, visible: p.checkVisibility(), tel: [...p.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')),
      })),
      langButtons: all('button[data-locale]').map((b) => ({
        locale: b.dataset.locale, lang: b.getAttribute('lang'), pressed: b.getAttribute('aria-pressed'),
      })),
      h2: text(root.querySelector('h2')),
      intro: text(root.querySelector('.sc-intro')),
      progress: text(root.querySelector('.sc-progress')),
      draft: text(root.querySelector('[data-role="draft-notice"]')),
      groups: all('.sc-group-label').map(text),
      question: root.querySelector('[data-question-id]')?.dataset.questionId ?? null,
      answers: all('[data-answer-id]').map((c) => ({
        id: c.dataset.answerId,
        label: text((c.labels?.[0] ?? c).querySelector('.sc-label')),
      })),
      actions: Object.fromEntries(all('[data-action]').map((b) => [b.dataset.action, text(b)])),
      banner: text(root.querySelector('.sc-banner')),
      h3: all('h3').map(text),
      steps: all('#sc-steps + ol > li').map(text),
      dt: all('.sc-why dt').map(text),
      dd: all('.sc-why dd').map(text),
      meta: text(root.querySelector('.sc-meta')),
      sources: all('.sc-sources li a').map(text),
      summary: root.querySelector('pre[data-role="summary"]')?.textContent ?? null,
    };
  });
}

/**
 * Asserts that the screen speaks `code`: the root's lang and name, the
 * emergency line, the pressed language button, the content text of this
 * screen in that language, the interface words, and no interface string of
 * the other language. `path` is the route so far (for the outcome's "why").
 */
async function assertSpeaks(w, code, where, path = []) {
  const ui = UI[code];
  const f = await screenFacts(w);
  assert.equal(f.lang, code, `${where}: lang on the widget root`);
  assert.equal(f.label, ui.widget_label, `${where}: the widget's accessible name`);
  // The always-on line, in this language (assertEmergencyLine's checks, in one round trip).
  assert.equal(f.line.length, 1, `${where}: one emergency line`);
  assert.ok(f.line[0].visible, `${where}: emergency line visible`);
  assert.equal(f.line[0].text, `${ui.not_a_diagnosis} ${ui.in_emergency}${ui.call_now}911`, `${where}: emergency line`);
  assert.deepEqual(f.line[0].tel, ['tel:911'], `${where}: emergency line calls 911`);
  assert.deepEqual(f.langButtons, [
    { locale: 'en', lang: 'en', pressed: String(code === 'en') },
    { locale: 'es', lang: 'es', pressed: String(code === 'es') },
  ], `${where}: language buttons`);
  const other = code === 'es' ? 'en' : 'es';
  const leaked = giveaways(other).filter((s) => f.innerText.includes(s));
  assert.deepEqual(leaked, [], `${where}: ${other} interface text on a ${code} screen`);
  assert.equal(f.draft, content.review.status === 'draft' ? ui.draft : null, `${where}: the draft line`);

  if (f.screen === 'start') {
    assert.equal(f.h2, content.title[code], `${where}: title`);
    assert.equal(f.intro, content.intro[code], `${where}: intro`);
    assert.equal(f.actions.start, ui.start, `${where}: Start button`);
  } else if (f.screen === 'question') {
    const q = content.question(f.question);
    assert.equal(f.h2, q.text[code], `${where}: question text`);
    const [a, b, c] = ui.progress.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    assert.match(f.progress, new RegExp(`^${a}\\d+${b}\\d+${c}$`), `${where}: progress`);
    assert.deepEqual(f.answers, q.answers.map((x) => ({ id: x.id, label: x.label[code] })), `${where}: answer labels`);
    assert.deepEqual(f.groups, q.groups.map((g) => g.label[code]), `${where}: group labels`);
    assert.equal(f.actions.restart, ui.restart, `${where}: Start over`);
    if (f.actions.back !== undefined) assert.equal(f.actions.back, ui.back, `${where}: Back`);
    if (q.kind === 'multiple') {
      assert.equal(f.actions.next, ui.next, `${where}: Continue`);
      assert.ok(f.innerText.includes(ui.choose_all), `${where}: "${ui.choose_all}"`);
    }
  } else {
    const id = await w.locator('[data-outcome-id]').getAttribute('data-outcome-id');
    const o = content.outcome(id);
    const urgencyWords = ui.urgency[URGENCIES.indexOf(o.urgency)];
    assert.equal(f.h2, o.title[code], `${where}: outcome title`);
    assert.equal(f.banner, `${o.urgency === 'emergency' ? '!!' : o.urgency === 'urgent' ? '!' : o.urgency === 'soon' ? 'i' : '✓'}${urgencyWords}`,
      `${where}: urgency banner`);
    const emergency = o.urgency === 'emergency';
    const headings = [ui.what_to_do, emergency ? ui.while_you_wait : ui.get_help_sooner, ...(emergency ? [] : [ui.warning_signs]),
      emergency ? ui.tell_emergency : ui.tell_clinician, ui.why, ui.sources];
    assert.deepEqual(f.h3, headings, `${where}: section headings`);
    assert.deepEqual(f.steps, o.steps.map((s) => s[code]), `${where}: steps`);
    assert.deepEqual(f.sources, o.sources.map((s) => s.title[code]), `${where}: source titles`);
    assert.equal(f.meta, `${ui.draft} ${ui.version} ${content.version}.`, `${where}: the draft line and version`);
    assert.deepEqual(f.dt, path.map(([qid]) => content.question(qid).text[code]), `${where}: why: questions`);
    assert.deepEqual(f.dd, path.map(([qid, aids]) => aids.map((aid) => content.answer(qid, aid).label[code]).join('; ')),
      `${where}: why: answers`);
    assert.equal(f.actions.print, ui.print, `${where}: print button`);
    assert.equal(f.actions.copy, ui.copy, `${where}: copy button`);
    assert.ok(f.summary.startsWith(`${ui.summary_title}\n`), `${where}: summary heading`);
    assert.ok(f.summary.includes(`\n${ui.urgency_label}: ${urgencyWords}\n`), `${where}: summary urgency`);
    assert.ok(f.summary.includes(`\n${o.title[code]}\n`), `${where}: summary title`);
  }
  return f;
}

/** walk()'s `each`: the screen speaks `code`, with the route so far for the outcome. */
const speaksOnEveryScreen = (code, route, label, seen = []) => async (x, screen, id) => {
  await assertSpeaks(x, code, `${label}: ${screen} ${id ?? ''}`, route);
  seen.push(screen === 'question' ? id : screen);
};

test('locale="es" on an English page: journeys to all 18 outcomes in Spanish, every screen', () =>
  withPage(browser, { locale: 'en-US' }, async ({ page, log }) => {
    await page.goto(server.url('/es.html'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'an English host page');
    const w = await ready(page);
    for (const [outcomeId, route] of Object.entries(ROUTES)) {
      const seen = [];
      await walkTo(w, outcomeId, { each: speaksOnEveryScreen('es', route.path, outcomeId, seen) });
      assert.deepEqual(seen, ['start', ...route.path.map(([q]) => q), 'outcome'], `${outcomeId}: every screen was checked`);
      await restart(w);
    }
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.console.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  }));

test('browser language es-ES, no attribute: all 18 journeys in Spanish', () =>
  withPage(browser, { locale: 'es-ES' }, async ({ page }) => {
    await page.goto(server.url('/plain.html'));
    assert.deepEqual(await page.evaluate(() => navigator.languages), ['es-ES'], 'the browser prefers es-ES');
    const w = await ready(page);
    for (const [outcomeId, route] of Object.entries(ROUTES)) {
      await walkTo(w, outcomeId, { each: speaksOnEveryScreen('es', route.path, `es-ES ${outcomeId}`) });
      await restart(w);
    }
    await assertSpeaks(w, 'es', 'start after Start over');
  }));

test('where the language comes from: attribute, then the browser\'s languages in order, then English', async () => {
  // The attribute beats the browser.
  await withPage(browser, { locale: 'es-ES' }, async ({ page }) => {
    await page.goto(server.url('/en.html'));
    await assertSpeaks(await ready(page), 'en', 'locale="en" in a Spanish browser');
  });
  // The first of the browser's languages that the content has.
  await withPage(browser, { locale: 'fr-FR' }, async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'languages', {
      get: () => ['fr-FR', 'es-MX', 'en-US'],
    }));
    await page.goto(server.url('/plain.html'));
    await assertSpeaks(await ready(page), 'es', 'fr-FR, es-MX, en-US');
  });
  // None of them: the content's default, English.
  await withPage(browser, { locale: 'fr-CA' }, async ({ page }) => {
    await page.goto(server.url('/plain.html'));
    const w = await ready(page);
    await assertSpeaks(w, 'en', 'fr-CA only');
    // The control: the same page does switch when the browser prefers Spanish.
    await w.locator('button[data-locale="es"]').click();
    await assertSpeaks(w, 'es', 'after the switch');
  });
});

/** Presses a language button and waits for the root's lang. */
async function switchTo(w, code) {
  await w.locator(`button[data-locale="${code}"]`).click();
  await w.locator(`[data-screen][lang="${code}"]`).waitFor();
}

test('switching language mid-journey keeps the position and every answer, there and back', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.goto(server.url('/plain.html'));
    const w = await ready(page);
    const path = ROUTES.headache_persisting.path;
    // Answer up to severity in English.
    const before = path.slice(0, 5);
    await walk(w, before);
    await question(w, 'severity').waitFor();
    const progressEn = await w.locator('.sc-progress').innerText();

    await switchTo(w, 'es');
    assert.equal(await question(w, 'severity').count(), 1, 'still at severity');
    await assertSpeaks(w, 'es', 'severity after the switch');
    assert.equal((await w.locator('.sc-progress').innerText()).match(/\d+/g).join('/'), progressEn.match(/\d+/g).join('/'),
      'same question number');
    // Back through the answers given in English: each is still selected.
    for (const [questionId, answerIds] of [...before].reverse()) {
      await w.locator('[data-action="back"]').click();
      await question(w, questionId).waitFor();
      await assertSpeaks(w, 'es', `back at ${questionId}`);
      const multiple = QUESTIONS[questionId] === 'multiple';
      const kept = multiple ? await checkedIds(w, questionId) : await pressedIds(w, questionId);
      assert.deepEqual(kept, answerIds, `${questionId} keeps its answer in Spanish`);
    }
    // Forward again in Spanish (keeping the same answers), then back to English at injected.
    await walk(w, path.slice(0, 6));
    await question(w, 'injected').waitFor();
    await switchTo(w, 'en');
    await assertSpeaks(w, 'en', 'injected after switching back');
    await walk(w, path.slice(6));
    assert.deepEqual(await outcomeOf(w), { id: 'headache_persisting', urgency: 'soon' });
    await assertSpeaks(w, 'en', 'outcome', path);
    // On the outcome: the same outcome and the same answers, in the other language.
    await switchTo(w, 'es');
    assert.deepEqual(await outcomeOf(w), { id: 'headache_persisting', urgency: 'soon' }, 'same outcome after the switch');
    await assertSpeaks(w, 'es', 'outcome after the switch', path);
    // Back from the outcome: duration still answered; Start over keeps the chosen language.
    await w.locator('[data-action="back"]').click();
    await question(w, 'duration').waitFor();
    assert.deepEqual(await pressedIds(w, 'duration'), ['over_48h']);
    await restart(w);
    await assertSpeaks(w, 'es', 'start after Start over');
  }));

test('switching language at the multiple-choice question keeps the ticked boxes and the refusal', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.goto(server.url('/plain.html'));
    const w = await ready(page);
    await start(w);
    await answerControl(w, 'red_flags', 'vision').check();
    await answerControl(w, 'red_flags', 'swelling').check();
    await switchTo(w, 'es');
    await assertSpeaks(w, 'es', 'red_flags with two boxes ticked');
    assert.deepEqual((await checkedIds(w, 'red_flags')).sort(), ['swelling', 'vision'], 'ticks kept (not yet confirmed)');
    // Untick both, Continue: the refusal, in Spanish; switching keeps it on screen in English.
    await answerControl(w, 'red_flags', 'vision').uncheck();
    await answerControl(w, 'red_flags', 'swelling').uncheck();
    await question(w, 'red_flags').locator('[data-action="next"]').click();
    const alert = question(w, 'red_flags').locator('[role="alert"]');
    assert.equal(await alert.innerText(), UI.es.choose_one);
    await switchTo(w, 'en');
    assert.equal(await alert.innerText(), UI.en.choose_one, 'the refusal follows the language');
    await answer(w, 'red_flags', ['swelling']);
    assert.deepEqual(await outcomeOf(w), { id: 'emergency_now', urgency: 'emergency' });
  }));

test('dates and the draft line are written for the language, on screen and in the summary', () =>
  withPage(browser, { timezoneId: 'UTC', permissions: ['clipboard-read', 'clipboard-write'] }, async ({ page }) => {
    // A fixed clock: 5 March 2026, 09:07 in the browser's time zone.
    await page.clock.setFixedTime(new Date('2026-03-05T09:07:00Z'));
    await page.goto(server.url('/es.html'));
    const w = await ready(page);
    await walkTo(w, 'headache_self_care');
    assert.equal(content.review.status, 'draft', 'the shipped content is a draft (the lines below assume it)');

    const meta = w.locator('.sc-meta');
    const summary = w.locator('pre[data-role="summary"]');
    assert.equal(await meta.innerText(), `${UI.es.draft} ${UI.es.version} ${content.version}.`);
    assert.equal(await w.locator('[data-role="draft-notice"]').innerText(), UI.es.draft);
    let text = await summary.textContent();
    assert.equal(text.split('\n')[1], '5 de marzo de 2026, 09:07', 'summary: date and time in Spanish');
    assert.ok(text.includes(`${UI.es.draft} ${UI.es.version} ${content.version} (${content.id}).`), 'summary: the draft line');
    await w.locator('[data-action="copy"]').click();
    await w.locator('[role="status"]').filter({ hasText: UI.es.copied }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, text, 'the copied text is the summary');

    await switchTo(w, 'en');
    assert.equal(await meta.innerText(), `${UI.en.draft} ${UI.en.version} ${content.version}.`);
    text = await summary.textContent();
    assert.equal(text.split('\n')[1], 'March 5, 2026, 09:07', 'summary: date and time in English');
    assert.ok(text.includes(`${UI.en.draft} ${UI.en.version} ${content.version} (${content.id}).`));
    assert.doesNotMatch(text, /marzo|borrador/);
    await onScreen(w, 'outcome');
  }));
