// Patient journeys driven only by the DOM contract of the clinical
// specification (docs/clinical-spec.md): data-screen, data-question-id,
// data-answer-id, data-action, data-outcome-id, data-urgency. Nothing here
// depends on wording, so the same helpers work in every language.
//
// Playwright's CSS locators pierce open shadow roots, so
// `page.locator('symptom-checker [data-screen]')` reaches inside the widget.
import assert from 'node:assert/strict';

/** Single- or multiple-choice, per the spec. */
export const QUESTIONS = {
  red_flags: 'multiple',
  concern: 'multiple',
  droop_signs: 'multiple',
  not_working_when: 'single',
  uneven_when: 'single',
  headache_signs: 'multiple',
  reason: 'single',
  usual_migraine: 'single',
  migraine_course: 'single',
  severity: 'single',
  injected: 'single',
  duration: 'single',
};

/** Every answer of `red_flags` but the exclusive `none`: each alone means emergency. */
export const RED_FLAGS = [
  'breathing', 'swallowing', 'swelling', 'speech', 'vision', 'weakness', 'one_side',
  'thunderclap', 'fever_neck', 'head_injury', 'pregnancy_warning', 'confusion', 'skin_colour',
];

/** The four urgency levels, most urgent first. */
export const URGENCIES = ['emergency', 'urgent', 'soon', 'self_care'];

const NONE = ['red_flags', ['none']];
const HEADACHE = [NONE, ['concern', ['headache']], ['headache_signs', ['none']]];

/**
 * All 14 outcomes of the spec, each with its urgency and one answer path
 * that reaches it (the paths between them use every answer of every
 * single-choice question at least once where the spec allows).
 * @type {Record<string, {urgency: string, path: [string, string[]][]}>}
 */
export const ROUTES = {
  emergency_now: { urgency: 'emergency', path: [['red_flags', ['swallowing', 'vision']]] },
  allergy_check: { urgency: 'urgent', path: [NONE, ['concern', ['rash']]] },
  headache_urgent: {
    urgency: 'urgent',
    path: [...HEADACHE, ['reason', ['cosmetic']], ['severity', ['severe']]],
  },
  droop_urgent: {
    urgency: 'urgent',
    path: [NONE, ['concern', ['droop']], ['droop_signs', ['both_sides', 'eye_pain']]],
  },
  headache_persisting: {
    urgency: 'soon',
    path: [...HEADACHE, ['reason', ['migraine']], ['usual_migraine', ['no']],
      ['severity', ['moderate']], ['injected', ['days_3_14']], ['duration', ['over_48h']]],
  },
  headache_other_cause: {
    urgency: 'soon',
    path: [...HEADACHE, ['reason', ['other']], ['severity', ['mild']], ['injected', ['over_2_weeks']]],
  },
  droop_review: { urgency: 'soon', path: [NONE, ['concern', ['droop']], ['droop_signs', ['none']]] },
  touch_up: { urgency: 'soon', path: [NONE, ['concern', ['uneven']], ['uneven_when', ['over_2_weeks']]] },
  weakness_review: { urgency: 'soon', path: [NONE, ['concern', ['local_weakness']]] },
  not_working_review: {
    urgency: 'soon',
    path: [NONE, ['concern', ['not_working']], ['not_working_when', ['over_2_weeks']]],
  },
  wait_full_effect: {
    urgency: 'self_care',
    path: [NONE, ['concern', ['not_working']], ['not_working_when', ['under_2_weeks']]],
  },
  headache_self_care: {
    urgency: 'self_care',
    path: [...HEADACHE, ['reason', ['cosmetic']], ['severity', ['mild']],
      ['injected', ['days_1_2']], ['duration', ['under_48h']]],
  },
  usual_migraine_plan: {
    urgency: 'self_care',
    path: [...HEADACHE, ['reason', ['migraine']], ['usual_migraine', ['yes']], ['migraine_course', ['usual']]],
  },
  heaviness_expected: { urgency: 'self_care', path: [NONE, ['concern', ['heaviness']]] },
};

/**
 * More stories from the specification, each with where it must end: the
 * under-triage gaps version 2 closed, and the waits it allows.
 * @type {[string, [string, string[]][], string][]}
 */
export const STORIES = [
  ['a faint that has passed', [['red_flags', ['confusion']]], 'emergency_now'],
  ['pregnant with flashing lights', [['red_flags', ['pregnancy_warning']]], 'emergency_now'],
  ['blotchy painful skin near a shot', [['red_flags', ['skin_colour']]], 'emergency_now'],
  ['a droop with unequal pupils', [NONE, ['concern', ['droop']], ['droop_signs', ['pupils']]], 'emergency_now'],
  ['a droop of both eyelids', [NONE, ['concern', ['droop']], ['droop_signs', ['both_sides']]], 'droop_urgent'],
  ['an eye that will not open', [NONE, ['concern', ['droop']], ['droop_signs', ['eye_closed']]], 'droop_urgent'],
  ['a headache with fever', [NONE, ['concern', ['headache']], ['headache_signs', ['fever']]], 'headache_urgent'],
  ['a headache in pregnancy', [NONE, ['concern', ['headache']], ['headache_signs', ['pregnant']]], 'headache_urgent'],
  ['a migraine beyond 72 hours', [...HEADACHE, ['reason', ['migraine']], ['usual_migraine', ['yes']],
    ['migraine_course', ['long']]], 'headache_urgent'],
  ['lopsided at day five', [NONE, ['concern', ['uneven']], ['uneven_when', ['under_2_weeks']]], 'wait_full_effect'],
];

const MILD_RECENT = [['headache_signs', ['none']], ['reason', ['cosmetic']], ['severity', ['mild']],
  ['injected', ['days_1_2']], ['duration', ['under_48h']]];

/**
 * Several concerns ticked together (the specification's "several concerns
 * at once"): each ticked concern's questions in answer order, the most
 * urgent outcome shown in full, the others as "also" parts, in order.
 * Boxes are ticked in the order given, so both orders of one pair appear.
 * @type {[string, [string, string[]][], string, string[]][]}
 */
export const COMBINED = [
  ['a droop with eye pain and a mild headache, headache ticked first',
    [NONE, ['concern', ['headache', 'droop']], ...MILD_RECENT, ['droop_signs', ['eye_pain']]],
    'droop_urgent', ['headache_self_care']],
  ['a droop with eye pain and a mild headache, droop ticked first',
    [NONE, ['concern', ['droop', 'headache']], ...MILD_RECENT, ['droop_signs', ['eye_pain']]],
    'droop_urgent', ['headache_self_care']],
  ['a droop with unequal pupils after a mild headache',
    [NONE, ['concern', ['headache', 'droop']], ...MILD_RECENT, ['droop_signs', ['pupils']]],
    'emergency_now', ['headache_self_care']],
  ['a rash and a mild headache',
    [NONE, ['concern', ['rash', 'headache']], ...MILD_RECENT],
    'allergy_check', ['headache_self_care']],
  ['a rash and a headache with fever: a tie goes to the first ticked concern in the list',
    [NONE, ['concern', ['headache', 'rash']], ['headache_signs', ['fever']]],
    'headache_urgent', ['allergy_check']],
  ['uneven and not working, both within two weeks',
    [NONE, ['concern', ['uneven', 'not_working']], ['uneven_when', ['under_2_weeks']],
      ['not_working_when', ['under_2_weeks']]],
    'wait_full_effect', []],
  ['uneven at three weeks, not working',
    [NONE, ['concern', ['not_working', 'uneven']], ['uneven_when', ['over_2_weeks']],
      ['not_working_when', ['under_2_weeks']]],
    'touch_up', ['wait_full_effect']],
];

/** Every answer id that appears in ROUTES (to check that events carry none). */
export const ANSWER_IDS = [...new Set(Object.values(ROUTES).flatMap((r) => r.path.flatMap(([, a]) => a)))];

const isPage = (scope) => typeof scope.mainFrame === 'function';

/**
 * The `<symptom-checker>` host as a locator. Given a page, there must be
 * exactly one widget on it (Playwright's strictness fails otherwise).
 * @param {import('playwright-core').Page | import('playwright-core').Locator} scope
 */
export function widget(scope, selector = 'symptom-checker') {
  return isPage(scope) ? scope.locator(selector) : scope;
}

/** Waits until the widget has rendered (any screen). */
export async function ready(scope) {
  const w = widget(scope);
  await w.locator('[data-screen]').waitFor();
  return w;
}

/** The current `data-screen`. */
export async function screenOf(scope) {
  return widget(scope).locator('[data-screen]').getAttribute('data-screen');
}

/** Waits for `data-screen="name"`. */
export async function onScreen(scope, name) {
  await widget(scope).locator(`[data-screen="${name}"]`).waitFor();
}

/** The outcome shown in full (not an "also" part inside it). */
export const ROOT_OUTCOME = '[data-outcome-id]:not([data-role="also"] *)';

/** The outcome shown: `{ id, urgency }`. */
export async function outcomeOf(scope) {
  const o = widget(scope).locator(ROOT_OUTCOME);
  await o.waitFor();
  return { id: await o.getAttribute('data-outcome-id'), urgency: await o.getAttribute('data-urgency') };
}

/** The "also" parts under the outcome: `[{ id, urgency }]`, in order. */
export async function alsoOf(scope) {
  return widget(scope).locator('[data-role="also"] [data-outcome-id]').evaluateAll((parts) =>
    parts.map((p) => ({ id: p.dataset.outcomeId, urgency: p.dataset.urgency })));
}

/** Presses Start on the start screen. */
export async function start(scope) {
  const w = widget(scope);
  await w.locator('[data-screen="start"] [data-action="start"]').click();
  await onScreen(w, 'question');
}

/** The question container with this id. */
export function question(scope, questionId) {
  return widget(scope).locator(`[data-question-id="${questionId}"]`);
}

/** The answer control (button or checkbox) with this id at this question. */
export function answerControl(scope, questionId, answerId) {
  return question(scope, questionId).locator(`[data-answer-id="${answerId}"]`);
}

/**
 * Answers the question `questionId` (which must be on screen) with
 * `answerIds` by mouse: a button for single choice; ticks, then Continue,
 * for multiple choice. Waits until the widget has moved on.
 */
export async function answer(scope, questionId, answerIds) {
  const q = question(scope, questionId);
  await q.waitFor();
  const boxes = q.locator('input[type="checkbox"][data-answer-id]');
  if ((await boxes.count()) > 0) {
    // Untick what an earlier visit left ticked, then tick the wanted ones.
    for (const box of await boxes.all()) {
      if (!answerIds.includes(await box.getAttribute('data-answer-id'))) await box.setChecked(false);
    }
    for (const id of answerIds) await q.locator(`input[data-answer-id="${id}"]`).setChecked(true);
    assert.deepEqual((await checkedIds(scope, questionId)).sort(), [...answerIds].sort(),
      `${questionId}: ticked boxes`);
    await q.locator('[data-action="next"]').click();
  } else {
    assert.equal(answerIds.length, 1, `${questionId} is single choice: one answer`);
    await q.locator(`button[data-answer-id="${answerIds[0]}"]`).click();
  }
  await q.waitFor({ state: 'detached' });
}

/** The ids of the ticked boxes at a multiple-choice question. */
export async function checkedIds(scope, questionId) {
  return question(scope, questionId)
    .locator('input[type="checkbox"][data-answer-id]')
    .evaluateAll((boxes) => boxes.filter((b) => b.checked).map((b) => b.dataset.answerId));
}

/** The ids of the buttons with aria-pressed="true" at a single-choice question. */
export async function pressedIds(scope, questionId) {
  return question(scope, questionId)
    .locator('button[data-answer-id]')
    .evaluateAll((buttons) => buttons
      .filter((b) => b.getAttribute('aria-pressed') === 'true')
      .map((b) => b.dataset.answerId));
}

/**
 * Walks `steps` ([questionId, answerIds] pairs) from the start screen (or
 * from wherever the first step's question is shown) to the end, calling
 * `each(w, screen, id)` on every screen on the way: 'start', each
 * 'question' (with its id) and the final 'outcome' (with its id).
 * Returns the outcome reached, or null if the steps end on a question.
 */
export async function walk(scope, steps, { each = async () => {} } = {}) {
  const w = await ready(scope);
  if ((await screenOf(w)) === 'start') {
    await each(w, 'start', null);
    await start(w);
  }
  for (const [questionId, answerIds] of steps) {
    await question(w, questionId).waitFor();
    await each(w, 'question', questionId);
    await answer(w, questionId, answerIds);
  }
  if ((await screenOf(w)) !== 'outcome') return null;
  const reached = await outcomeOf(w);
  await each(w, 'outcome', reached.id);
  return reached;
}

/** Walks the spec's route to `outcomeId` and asserts the outcome and urgency. */
export async function walkTo(scope, outcomeId, options) {
  const route = ROUTES[outcomeId];
  const reached = await walk(scope, route.path, options);
  assert.deepEqual(reached, { id: outcomeId, urgency: route.urgency }, `journey to ${outcomeId}`);
  return reached;
}

/** Presses Start over and waits for the start screen. */
export async function restart(scope) {
  const w = widget(scope);
  await w.locator('[data-action="restart"]').click();
  await onScreen(w, 'start');
}

/** Presses Back. */
export async function back(scope) {
  await widget(scope).locator('[data-action="back"]').click();
}

/**
 * Asserts the always-on line: visible, says "Not a diagnosis" (or the
 * given text), and links the emergency number as `tel:`.
 */
export async function assertEmergencyLine(scope, { number = '911', text = 'Not a diagnosis', where = '' } = {}) {
  const line = widget(scope).locator('p[data-role="emergency-line"]');
  assert.equal(await line.count(), 1, `${where}: one emergency line`);
  assert.ok(await line.isVisible(), `${where}: emergency line visible`);
  const content = await line.innerText();
  assert.ok(content.includes(text), `${where}: emergency line says "${text}": ${content}`);
  assert.ok(content.includes(number), `${where}: emergency line shows ${number}: ${content}`);
  const digits = number.replace(/[^+0-9]/g, '');
  const call = line.locator(`a[href="tel:${digits}"]`);
  assert.equal(await call.count(), 1, `${where}: emergency line links tel:${digits}`);
  assert.ok(await call.isVisible(), `${where}: the tel: link is visible`);
}

/**
 * In the page: the element that really has focus, looking through shadow
 * roots, described for assertions.
 */
export async function deepFocus(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim(),
      inShadow: el.getRootNode() instanceof ShadowRoot,
      action: el.getAttribute('data-action'),
      answer: el.getAttribute('data-answer-id'),
      locale: el.getAttribute('data-locale'),
      href: el.getAttribute('href'),
      type: el.getAttribute('type'),
    };
  });
}

/** In the page: does the deeply focused element match `selector`? */
export async function focusMatches(page, selector) {
  return page.evaluate((sel) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return !!el && el.matches(sel);
  }, selector);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`;
 * fails after `max` presses. Returns the number of presses.
 */
export async function tabTo(page, selector, { shift = false, max = 60 } = {}) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    if (await focusMatches(page, selector)) return i;
  }
  const at = await deepFocus(page);
  assert.fail(`${shift ? 'Shift+Tab' : 'Tab'} never reached ${selector} in ${max} presses (at ${JSON.stringify(at)})`);
}
