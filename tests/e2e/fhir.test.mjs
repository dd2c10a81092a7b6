// The content as FHIR R4, checked by implementations nobody here wrote:
// `docs/fhir/botox-aftercare.json` (what `cargo content fhir` writes; a
// Rust test keeps the file current) validates with the npm `fhir` package
// (FHIR.js, its R4 structure definitions), and its Questionnaire renders in
// LHC-Forms (the National Library of Medicine's form renderer), where
// `enableWhen` opens the next question as the spec's routing does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

import { startServer, REPO } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';

const require = createRequire(import.meta.url);
const { Fhir } = require('fhir');

const EXPORT = path.join(REPO, 'docs/fhir/botox-aftercare.json');
const LFORMS = path.join(REPO, 'bench/peers/targets/lforms/vendor');
const LFORMS_SITE = path.join(REPO, 'bench/peers/targets/lforms/site');

const bundle = JSON.parse(fs.readFileSync(EXPORT, 'utf8'));
const resource = (type) => bundle.entry.map((e) => e.resource).find((r) => r.resourceType === type);
const questionnaire = resource('Questionnaire');

/** FHIR.js's R4 validation: the messages worse than information. */
function problems(value) {
  const result = new Fhir().validate(value, { errorOnUnexpected: true });
  const bad = result.messages.filter((m) => m.severity !== 'information' && m.severity !== 'info');
  return { valid: result.valid, bad };
}

test('the exported Bundle and each of its resources validate as FHIR R4 (FHIR.js)', () => {
  const types = bundle.entry.map((e) => e.resource.resourceType);
  assert.deepEqual(types, ['Questionnaire', 'CodeSystem', 'CodeSystem', 'CodeSystem']);
  for (const value of [bundle, ...bundle.entry.map((e) => e.resource)]) {
    const { valid, bad } = problems(value);
    assert.ok(valid && bad.length === 0, `${value.resourceType} ${value.id ?? ''}: ${JSON.stringify(bad.slice(0, 5))}`);
  }
});

test('the validator refuses a broken Questionnaire (control: it is really checking)', () => {
  const broken = structuredClone(questionnaire);
  broken.status = 'approved';
  broken.item[0].type = 'choise';
  broken.item[1].answerOption[0].valueKoding = broken.item[1].answerOption[0].valueCoding;
  const { valid, bad } = problems(broken);
  assert.equal(valid, false);
  assert.ok(bad.length >= 3, JSON.stringify(bad));
});

test('every answer code is in the answer CodeSystem, every outcome in the outcome CodeSystem with its urgency', () => {
  const [answers, outcomes, urgency] = bundle.entry.slice(1).map((e) => e.resource);
  const codes = (system) => new Set(system.concept.map((c) => c.code));
  const answerCodes = codes(answers);
  const outcomeCodes = codes(outcomes);
  const urgencies = codes(urgency);
  assert.deepEqual([...urgencies], ['emergency', 'urgent', 'soon', 'self_care']);
  for (const item of questionnaire.item) {
    for (const option of item.answerOption ?? []) {
      const { system, code } = option.valueCoding;
      const known = { [answers.url]: answerCodes, [outcomes.url]: outcomeCodes, [urgency.url]: urgencies }[system];
      assert.ok(known?.has(code), `${item.linkId}: ${system} ${code}`);
    }
    for (const when of item.enableWhen ?? []) {
      assert.ok(answerCodes.has(when.answerCoding.code), `${item.linkId} opened by ${when.answerCoding.code}`);
    }
  }
  for (const concept of outcomes.concept) {
    const level = concept.property.find((p) => p.code === 'urgency')?.valueCode;
    assert.ok(urgencies.has(level), `${concept.code}: urgency ${level}`);
  }
});

let server;
let browser;

before(async () => {
  // LHC-Forms is fetched by scripts/setup.sh test (npm pack); a test run
  // without it fails rather than passing having rendered nothing.
  assert.ok(fs.existsSync(path.join(LFORMS, 'webcomponent/main.js')), `LHC-Forms is not in ${LFORMS}: run scripts/setup.sh test`);
  server = await startServer({
    root: LFORMS,
    pages: {
      // The benchmark's LHC-Forms page (its scripts and styles), with our
      // questionnaire in place of the benchmark's.
      '/form.html': { body: fs.readFileSync(path.join(LFORMS_SITE, 'index.html'), 'utf8').replaceAll('"lforms/', '"/') },
      '/questionnaire.js': {
        type: 'text/javascript',
        body: `fetch('/questionnaire.json').then((r) => r.json()).then((q) =>
  LForms.Util.addFormToPage(q, 'formContainer', { fhirVersion: 'R4' })).then(() => { document.body.dataset.rendered = 'yes'; });`,
      },
      '/questionnaire.json': { type: 'application/json', body: JSON.stringify(questionnaire) },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const optionLabel = (linkId, code) =>
  questionnaire.item.find((i) => i.linkId === linkId).answerOption.find((o) => o.valueCoding.code === code).valueCoding.display;
const itemText = (linkId) => questionnaire.item.find((i) => i.linkId === linkId).text;

test('LHC-Forms renders the Questionnaire: the warning signs first, the next question opened by "none", the result items hidden', () =>
  withPage(browser, {}, async ({ page }) => {
    await page.goto(server.url('/form.html'));
    await page.locator('body[data-rendered="yes"]').waitFor();
    const form = page.locator('#formContainer');
    await form.getByText(itemText('red_flags'), { exact: true }).waitFor();
    // Every warning sign is offered as a box.
    for (const option of questionnaire.item[0].answerOption) {
      assert.equal(await form.getByText(option.valueCoding.display, { exact: true }).count(), 1, option.valueCoding.code);
    }
    // Nothing but the first question is open yet.
    assert.equal(await form.getByText(itemText('concern'), { exact: true }).count(), 0, 'the concern question waits for an answer');
    await form.getByText(optionLabel('red_flags', 'red_flags.none'), { exact: true }).click();
    await form.getByText(itemText('concern'), { exact: true }).waitFor();
    // The concern's answers open their branches.
    await form.getByText(optionLabel('concern', 'concern.headache'), { exact: true }).click();
    const opened = questionnaire.item.filter((i) => i.enableWhen?.some((w) => w.answerCoding.code === 'concern.headache'));
    assert.ok(opened.length > 0);
    for (const item of opened) await form.getByText(item.text, { exact: true }).first().waitFor();
    // The result items are for the widget's responses, not for a form.
    for (const linkId of ['result.outcome', 'result.urgency', 'result.also']) {
      assert.equal(await form.getByText(itemText(linkId), { exact: true }).count(), 0, `${linkId} is hidden`);
    }
  }));
