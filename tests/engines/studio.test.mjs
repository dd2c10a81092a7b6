// The content studio (dist/studio/) in every engine: it checks the shipped
// content on load, shows a broken edit's diagnostic at its line, and once
// the edit is fixed the preview runs the real widget through a journey; a
// Spanish text edited in the form view reaches the file's text, is flagged
// as changed in one language, and the FHIR export is offered.
// The studio's own page is served with the error record (lib/capture.js)
// added to its <head>, so the engines' error rule holds here too.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { startServer, DIST, REPO } from '../e2e/lib/server.mjs';
import { ready, walkTo } from '../e2e/lib/journey.mjs';
import { engineSuite, CAPTURE_PAGE, CAPTURE_TAG } from './lib/engines.mjs';

let server;
let shipped;
before(async () => {
  shipped = await fs.readFile(path.join(REPO, 'static/content/botox-aftercare.toml'), 'utf8');
  const page = await fs.readFile(path.join(DIST, 'studio', 'index.html'), 'utf8');
  assert.ok(page.includes('<head>'), 'the studio page has a <head>');
  const withCapture = { body: page.replace('<head>', `<head>\n    ${CAPTURE_TAG}`) };
  server = await startServer({ pages: { ...CAPTURE_PAGE, '/studio/': withCapture, '/studio/index.html': withCapture } });
});
after(() => server?.close());

/** In the page: whether the check's status line matches `pattern`. */
const statusIs = (pattern) =>
  new RegExp(pattern).test(document.querySelector('[data-role="check-status"]')?.textContent ?? '');

/** Replaces the editor's text as typing does (an `input` event). */
function setText(text) {
  const editor = document.querySelector('#st-text');
  editor.value = text;
  editor.dispatchEvent(new Event('input', { bubbles: true }));
}

engineSuite(() => server, ({ engine, page }) => {
  test(`${engine}: the studio checks an edit, shows its problem at its line, and previews the fixed content`, () =>
    page({}, async (p) => {
      await p.open(server.url('/studio/'));
      await p.waitFor(statusIs, 'the shipped content checked', '^No problems');

      const broken = shipped.replace('next = "severity"', 'next = "severty"');
      assert.notEqual(broken, shipped, 'the edit applies');
      const line = broken.slice(0, broken.indexOf('next = "severty"')).split('\n').length;
      await p.evaluate(setText, broken);
      await p.waitFor(statusIs, 'the problem found', '^1 problem\\b');
      const problem = await p.evaluate(() => {
        const el = document.querySelector('.st-problem');
        return el && { line: el.dataset.line, column: el.dataset.column, text: el.querySelector('pre')?.textContent ?? '' };
      });
      assert.equal(problem?.line, String(line), 'the diagnostic is at the edited line');
      assert.equal(problem.column, '8');
      assert.match(problem.text, /= help: did you mean `severity`\?/);

      await p.evaluate(setText, shipped);
      await p.waitFor(statusIs, 'the fixed content checked', '^No problems');
      const w = p.widget('[data-role="preview"]');
      await ready(w);
      await walkTo(w, 'touch_up');
    }));

  test(`${engine}: a Spanish text edited in the form view reaches the file, flagged as changed in one language`, () =>
    page({}, async (p) => {
      await p.open(server.url('/studio/'));
      await p.waitFor(statusIs, 'the shipped content checked', '^No problems');
      await p.evaluate(() => document.querySelector('[data-action="download-fhir"]')?.textContent ?? '')
        .then((label) => assert.equal(label, 'Download botox-aftercare.fhir.json'));
      await p.evaluate(() => document.querySelector('[data-action="form-view"]').click());
      const field = '#st-f-outcome-heaviness_expected fieldset[data-text="summary"] textarea[data-locale="es"]';
      const old = await p.waitFor((sel) => document.querySelector(sel)?.value, 'the form view', field);
      assert.ok(shipped.includes(`es = "${old}"`), 'the form shows the file\'s Spanish summary');
      const edited = 'La frente se siente pesada: es común y se quita en una o dos semanas.';
      await p.evaluate((sel, text) => {
        const area = document.querySelector(sel);
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }, field, edited);
      await p.waitFor(statusIs, 'the edit checked', '^No problems');
      await p.waitFor(() => document.querySelector('[data-role="diff-one-language"] li')?.textContent ?? '', 'the one-language flag')
        .then((flag) => assert.match(flag, /^outcome heaviness_expected \/ summary: Spanish changed, English unchanged/));
      await p.evaluate(() => document.querySelector('[data-action="text-view"]').click());
      const text = await p.waitFor(() => document.querySelector('#st-text')?.value, 'the text view');
      assert.equal(text, shipped.replace(`es = "${old}"`, `es = "${edited}"`), 'only that string changed');
    }));
});
