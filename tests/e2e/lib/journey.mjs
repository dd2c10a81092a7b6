// Patient journeys driven only by the DOM contract of the clinical
// specification (docs/clinical-spec.md): data-screen, data-question-id,
// data-answer-id, data-action, data-outcome-id, data-urgency. Nothing here
// depends on wording, so the same helpers work in every language.
//
// Playwright's CSS locators pierce open shadow roots, so
// `page.locator('symptom-checker [data-screen]')` reaches inside the widget.
// The journey helpers also take a driver-neutral view (VIEW, below): the
// cross-engine WebDriver suite walks the same journeys through one.
import assert from 'node:assert/strict';

/** Single- or multiple-choice, per the spec. */
export const QUESTIONS = {
  red_flags: 'multiple',
  concern: 'multiple',
  droop_signs: 'multiple',
  headache_signs: 'multiple',
  thinner_check: 'single',
  site_signs: 'multiple',
  weakness_kind: 'single',
  not_working_when: 'single',
  uneven_when: 'single',
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
 * All 18 outcomes of the spec, each with its urgency and one answer path
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
  site_check: {
    urgency: 'urgent',
    path: [NONE, ['concern', ['site_problem']], ['site_signs', ['infection', 'growing_bruise']]],
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
  weakness_review: {
    urgency: 'soon',
    path: [NONE, ['concern', ['local_weakness']], ['weakness_kind', ['other']]],
  },
  other_review: { urgency: 'soon', path: [NONE, ['concern', ['other']]] },
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
  weakness_expected: {
    urgency: 'self_care',
    path: [NONE, ['concern', ['local_weakness']], ['weakness_kind', ['expected']]],
  },
  site_expected: {
    urgency: 'self_care',
    path: [NONE, ['concern', ['site_problem']], ['site_signs', ['none']]],
  },
};

/**
 * More stories from the specification, each with where it must end: the
 * under-triage gaps versions 2 and 3 closed, and the waits they allow.
 * @type {[string, [string, string[]][], string][]}
 */
export const STORIES = [
  ['a faint that has passed', [['red_flags', ['confusion']]], 'emergency_now'],
  ['pregnant with flashing lights', [['red_flags', ['pregnancy_warning']]], 'emergency_now'],
  ['blotchy painful skin near a shot', [['red_flags', ['skin_colour']]], 'emergency_now'],
  ['a droop with unequal pupils', [NONE, ['concern', ['droop']], ['droop_signs', ['pupils']]], 'emergency_now'],
  ['an eyelid droop after an underarm shot', [NONE, ['concern', ['droop']], ['droop_signs', ['far_from_face']]],
    'emergency_now'],
  ['a droop of both eyelids', [NONE, ['concern', ['droop']], ['droop_signs', ['both_sides']]], 'droop_urgent'],
  ['an eye that will not open', [NONE, ['concern', ['droop']], ['droop_signs', ['eye_closed']]], 'droop_urgent'],
  ['a headache with fever', [NONE, ['concern', ['headache']], ['headache_signs', ['fever']]], 'headache_urgent'],
  ['a headache in pregnancy', [NONE, ['concern', ['headache']], ['headache_signs', ['pregnant']]], 'headache_urgent'],
  ['a new temple headache at 74 with jaw pain when chewing',
    [NONE, ['concern', ['headache']], ['headache_signs', ['older_new']]], 'headache_urgent'],
  ['a severe, worsening headache with vomiting on rivaroxaban',
    [NONE, ['concern', ['headache']], ['headache_signs', ['blood_thinner', 'worsening']], ['thinner_check', ['yes']]],
    'emergency_now'],
  ['a mild headache on warfarin',
    [NONE, ['concern', ['headache']], ['headache_signs', ['blood_thinner']], ['thinner_check', ['no']]],
    'headache_urgent'],
  ['a headache worse on standing up', [NONE, ['concern', ['headache']], ['headache_signs', ['positional']]],
    'headache_urgent'],
  ['a migraine beyond 72 hours', [...HEADACHE, ['reason', ['migraine']], ['usual_migraine', ['yes']],
    ['migraine_course', ['long']]], 'headache_urgent'],
  ['a spreading red, hot needle spot', [NONE, ['concern', ['site_problem']], ['site_signs', ['infection']]],
    'site_check'],
  ['an eyelid swollen shut near the shot', [NONE, ['concern', ['site_problem']], ['site_signs', ['near_eye']]],
    'emergency_now'],
  ['a small bruise at the needle spot', [NONE, ['concern', ['site_problem']], ['site_signs', ['none']]],
    'site_expected'],
  ['a straw is harder after a lip flip', [NONE, ['concern', ['local_weakness']], ['weakness_kind', ['expected']]],
    'weakness_expected'],
  ['something not on the list', [NONE, ['concern', ['other']]], 'other_review'],
  ['lopsided at day five', [NONE, ['concern', ['uneven']], ['uneven_when', ['under_2_weeks']]], 'wait_full_effect'],
];

const MILD_RECENT = [['headache_signs', ['none']], ['reason', ['cosmetic']], ['severity', ['mild']],
  ['injected', ['days_1_2']], ['duration', ['under_48h']]];

/**
 * Several concerns ticked together (the specification's "several concerns
 * at once"): each ticked concern's questions in answer order (the droop
 * first, then the headache), the most urgent outcome shown in full, the
 * others as "also" parts, in order, each with the concerns that led to it.
 * Boxes are ticked in the order given, so both orders of one pair appear.
 * @type {[string, [string, string[]][], string, string[], Record<string, string[]>][]}
 */
export const COMBINED = [
  ['a droop with eye pain and a mild headache, headache ticked first',
    [NONE, ['concern', ['headache', 'droop']], ['droop_signs', ['eye_pain']], ...MILD_RECENT],
    'droop_urgent', ['headache_self_care'], { headache_self_care: ['headache'] }],
  ['a droop with eye pain and a mild headache, droop ticked first',
    [NONE, ['concern', ['droop', 'headache']], ['droop_signs', ['eye_pain']], ...MILD_RECENT],
    'droop_urgent', ['headache_self_care'], { headache_self_care: ['headache'] }],
  ['a plain droop under a severe headache: the droop keeps its unequal-pupils line',
    [NONE, ['concern', ['droop', 'headache']], ['droop_signs', ['none']], ['headache_signs', ['none']],
      ['reason', ['cosmetic']], ['severity', ['severe']]],
    'headache_urgent', ['droop_review'], { droop_review: ['droop'] }],
  ['a droop, then a severe headache on a blood thinner: the later branch ends in an emergency',
    [NONE, ['concern', ['droop', 'headache']], ['droop_signs', ['none']], ['headache_signs', ['blood_thinner']],
      ['thinner_check', ['yes']]],
    'emergency_now', ['droop_review'], { droop_review: ['droop'] }],
  ['a droop with unequal pupils and a headache: the headache is not assessed',
    [NONE, ['concern', ['headache', 'droop']], ['droop_signs', ['pupils']]],
    'emergency_now', [], {}],
  ['a rash and a mild headache',
    [NONE, ['concern', ['rash', 'headache']], ...MILD_RECENT],
    'allergy_check', ['headache_self_care'], { headache_self_care: ['headache'] }],
  ['a rash and a headache with fever: a tie goes to the first ticked concern in the list',
    [NONE, ['concern', ['headache', 'rash']], ['headache_signs', ['fever']]],
    'headache_urgent', ['allergy_check'], { allergy_check: ['rash'] }],
  ['uneven and not working, both within two weeks',
    [NONE, ['concern', ['uneven', 'not_working']], ['uneven_when', ['under_2_weeks']],
      ['not_working_when', ['under_2_weeks']]],
    'wait_full_effect', [], {}],
  ['uneven at three weeks, not working',
    [NONE, ['concern', ['not_working', 'uneven']], ['uneven_when', ['over_2_weeks']],
      ['not_working_when', ['under_2_weeks']]],
    'touch_up', ['wait_full_effect'], { wait_full_effect: ['not_working'] }],
  ['a bruise and a heavy brow, two at home',
    [NONE, ['concern', ['site_problem', 'heaviness']], ['site_signs', ['none']]],
    'site_expected', ['heaviness_expected'], { heaviness_expected: ['heaviness'] }],
];

/** Every answer id that appears in ROUTES (to check that events carry none). */
export const ANSWER_IDS = [...new Set(Object.values(ROUTES).flatMap((r) => r.path.flatMap(([, a]) => a)))];

const isPage = (scope) => typeof scope.mainFrame === 'function';

/**
 * Marks a driver-neutral view of one widget. The journey helpers below
 * take a Playwright page or locator, or any object with `[VIEW]: true`
 * and these methods, every selector relative to the widget (inside its
 * shadow root), each waiting or failing as Playwright's locators do:
 *
 *   scope                   what `each` callbacks and `ready` get back
 *   waitFor(sel)            until one element matches and is visible
 *   waitGone(sel)           until nothing matches
 *   count(sel)              how many match, now
 *   attr(sel, name)         the attribute of the one match
 *   click(sel)              a real click on the one match
 *   setChecked(sel, on)     ticks or unticks the one checkbox by clicking it
 *   ids(sel)                the `data-answer-id`s of every match, in order
 *   visible(sel)            is the one match visible, now
 *   text(sel)               the rendered text (innerText) of the one match
 *   hrefs(sel)              the `href` attributes of every match, in order
 *
 * The cross-engine suite (tests/engines/) drives WebDriver through such a
 * view, so both suites walk journeys by the same rules.
 */
export const VIEW = Symbol('journey view');

/** The view of `scope`: itself if it is one, else Playwright's. */
function view(scope) {
  if (scope[VIEW]) return scope;
  const w = widget(scope);
  const at = (sel) => w.locator(sel);
  return {
    [VIEW]: true,
    scope: w,
    waitFor: (sel) => at(sel).waitFor(),
    waitGone: (sel) => at(sel).waitFor({ state: 'detached' }),
    count: (sel) => at(sel).count(),
    attr: (sel, name) => at(sel).getAttribute(name),
    click: (sel) => at(sel).click(),
    setChecked: (sel, on) => at(sel).setChecked(on),
    ids: (sel) => at(sel).evaluateAll((els) => els.map((e) => e.dataset.answerId)),
    visible: (sel) => at(sel).isVisible(),
    text: (sel) => at(sel).innerText(),
    hrefs: (sel) => at(sel).evaluateAll((els) => els.map((e) => e.getAttribute('href'))),
  };
}

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
  const v = view(scope);
  await v.waitFor('[data-screen]');
  return v.scope;
}

/** The current `data-screen`. */
export async function screenOf(scope) {
  return view(scope).attr('[data-screen]', 'data-screen');
}

/** Waits for `data-screen="name"`. */
export async function onScreen(scope, name) {
  await view(scope).waitFor(`[data-screen="${name}"]`);
}

/** The outcome shown in full (not an "also" part inside it). */
export const ROOT_OUTCOME = '[data-outcome-id]:not([data-role="also"] *)';

/** The outcome shown: `{ id, urgency }`. */
export async function outcomeOf(scope) {
  const v = view(scope);
  await v.waitFor(ROOT_OUTCOME);
  return { id: await v.attr(ROOT_OUTCOME, 'data-outcome-id'), urgency: await v.attr(ROOT_OUTCOME, 'data-urgency') };
}

/** The "also" parts under the outcome: `[{ id, urgency }]`, in order. */
export async function alsoOf(scope) {
  return widget(scope).locator('[data-role="also"] [data-outcome-id]').evaluateAll((parts) =>
    parts.map((p) => ({ id: p.dataset.outcomeId, urgency: p.dataset.urgency })));
}

/** Presses Start on the start screen. */
export async function start(scope) {
  const v = view(scope);
  await v.click('[data-screen="start"] [data-action="start"]');
  await onScreen(v, 'question');
}

/** The selector of the question container with this id. */
const questionSel = (questionId) => `[data-question-id="${questionId}"]`;

/** The question container with this id (a Playwright locator). */
export function question(scope, questionId) {
  return widget(scope).locator(questionSel(questionId));
}

/** The answer control (button or checkbox) with this id at this question (a Playwright locator). */
export function answerControl(scope, questionId, answerId) {
  return question(scope, questionId).locator(`[data-answer-id="${answerId}"]`);
}

/** Waits until the question `questionId` is on screen. */
export async function atQuestion(scope, questionId) {
  await view(scope).waitFor(questionSel(questionId));
}

/**
 * Answers the question `questionId` (which must be on screen) with
 * `answerIds` by mouse: a button for single choice; ticks, then Continue,
 * for multiple choice. Waits until the widget has moved on.
 */
export async function answer(scope, questionId, answerIds) {
  const v = view(scope);
  const q = questionSel(questionId);
  await v.waitFor(q);
  const boxes = await v.ids(`${q} input[type="checkbox"][data-answer-id]`);
  if (boxes.length > 0) {
    // Untick what an earlier visit left ticked, then tick the wanted ones.
    for (const id of boxes) {
      if (!answerIds.includes(id)) await v.setChecked(`${q} input[data-answer-id="${id}"]`, false);
    }
    for (const id of answerIds) await v.setChecked(`${q} input[data-answer-id="${id}"]`, true);
    assert.deepEqual((await checkedIds(v, questionId)).sort(), [...answerIds].sort(),
      `${questionId}: ticked boxes`);
    await v.click(`${q} [data-action="next"]`);
  } else {
    assert.equal(answerIds.length, 1, `${questionId} is single choice: one answer`);
    await v.click(`${q} button[data-answer-id="${answerIds[0]}"]`);
  }
  await v.waitGone(q);
}

/** The ids of the ticked boxes at a multiple-choice question. */
export async function checkedIds(scope, questionId) {
  return view(scope).ids(`${questionSel(questionId)} input[type="checkbox"][data-answer-id]:checked`);
}

/** The ids of the buttons with aria-pressed="true" at a single-choice question. */
export async function pressedIds(scope, questionId) {
  return view(scope).ids(`${questionSel(questionId)} button[data-answer-id][aria-pressed="true"]`);
}

/**
 * Walks `steps` ([questionId, answerIds] pairs) from the start screen (or
 * from wherever the first step's question is shown) to the end, calling
 * `each(w, screen, id)` on every screen on the way: 'start', each
 * 'question' (with its id) and the final 'outcome' (with its id).
 * Returns the outcome reached, or null if the steps end on a question.
 */
export async function walk(scope, steps, { each = async () => {} } = {}) {
  const v = view(scope);
  const w = await ready(v);
  if ((await screenOf(v)) === 'start') {
    await each(w, 'start', null);
    await start(v);
  }
  for (const [questionId, answerIds] of steps) {
    await atQuestion(v, questionId);
    await each(w, 'question', questionId);
    await answer(v, questionId, answerIds);
  }
  if ((await screenOf(v)) !== 'outcome') return null;
  const reached = await outcomeOf(v);
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
  const v = view(scope);
  await v.click('[data-action="restart"]');
  await onScreen(v, 'start');
}

/** Presses Back. */
export async function back(scope) {
  await view(scope).click('[data-action="back"]');
}

/**
 * Asserts the always-on line: visible, says "Not a diagnosis" (or the
 * given text), and links the emergency number as `tel:`. With `number:
 * null` (the page set a number the rules refuse), it says `local` (the
 * words for "your local emergency number") and links no number at all.
 */
export async function assertEmergencyLine(scope, {
  number = '911', text = 'Not a diagnosis', local = 'your local emergency number', where = '',
} = {}) {
  const v = view(scope);
  const line = 'p[data-role="emergency-line"]';
  assert.equal(await v.count(line), 1, `${where}: one emergency line`);
  assert.ok(await v.visible(line), `${where}: emergency line visible`);
  const content = await v.text(line);
  assert.ok(content.includes(text), `${where}: emergency line says "${text}": ${content}`);
  if (number === null) {
    assert.ok(content.includes(local), `${where}: emergency line says "${local}": ${content}`);
    assert.equal(await v.count(`${line} a[href^="tel:"]`), 0, `${where}: no number to call`);
    return;
  }
  assert.ok(content.includes(number), `${where}: emergency line shows ${number}: ${content}`);
  const digits = number.replace(/[^+0-9]/g, '');
  const call = `${line} a[href="tel:${digits}"]`;
  assert.equal(await v.count(call), 1, `${where}: emergency line links tel:${digits}`);
  assert.ok(await v.visible(call), `${where}: the tel: link is visible`);
}

/** The emergency numbers the tests configure: none may show where another was set. */
const NUMBERS = ['911', '999', '112'];

/** Does `text` show `number` as a number of its own (not inside a longer one, a date or a hash)? */
const shows = (text, number) => new RegExp(`(?<![\\w-])${number}(?![\\w-])`).test(text);

/**
 * On the outcome screen, for a page whose `emergency-number` is `number`
 * and that sets no clinic phone: every `tel:` link in the widget (the
 * emergency line, the outcome's call, its warning signs) dials `number`;
 * the outcome's own link is there (the call at an emergency, the call
 * under the warning signs below it); and the outcome's text and its
 * summary show `number` and none of the other numbers.
 */
export async function assertOutcomeDials(scope, number, { where = '' } = {}) {
  const v = view(scope);
  const tel = `tel:${number.replace(/[^+0-9]/g, '')}`;
  const { id, urgency } = await outcomeOf(v);
  where = `${where} ${id} (${urgency}), emergency-number ${number}`;
  const own = urgency === 'emergency' ? '.sc-outcome > a.sc-call' : '.sc-outcome .sc-warning a[href^="tel:"]';
  assert.deepEqual(await v.hrefs(own), [tel], `${where}: the outcome's own call (${own})`);
  const all = await v.hrefs('a[href^="tel:"]');
  assert.ok(all.length >= 2, `${where}: the emergency line's and the outcome's links: ${all}`);
  assert.deepEqual([...new Set(all)], [tel], `${where}: every tel: link`);
  for (const [what, sel] of [['the outcome', ROOT_OUTCOME], ['the summary', 'pre[data-role="summary"]']]) {
    const text = await v.text(sel);
    assert.ok(shows(text, number), `${where}: ${what} shows ${number}: ${text.slice(0, 300)}`);
    for (const other of NUMBERS.filter((n) => n !== number)) {
      assert.ok(!shows(text, other), `${where}: ${what} shows ${other}`);
    }
  }
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
