// The content studio (dist/studio/, crates/studio): a clinician's edits are
// checked as they type with the build's own diagnostics, the real widget
// previews the edited content, a changed route shows in "what changed for
// patients", the download is the edited text, nothing is requested after
// load, the clinician's work is kept on the device unless they say not to,
// leaving with unsaved changes asks first, and axe finds no violation. Screenshots go to output/studio-*.png (artifacts, compared
// with nothing; the ones in docs/ are copies of them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';

import { startServer, REPO } from './lib/server.mjs';
import { launch, withPage } from './lib/browser.mjs';
import { widget, ready, start, walk, outcomeOf } from './lib/journey.mjs';

const OUTPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output');
const SHIPPED = await fs.readFile(path.join(REPO, 'static/content/botox-aftercare.toml'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

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

/** The shipped text with `from` (which must be in it) replaced by `to`, once. */
function edited(from, to, text = SHIPPED) {
  assert.ok(text.includes(from), `the content has ${from}`);
  return text.replace(from, to);
}

/** The 1-based line of the first `needle` in `text`. */
const lineOf = (text, needle) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** Opens the studio and waits until it has checked the shipped content. */
async function open(page) {
  await page.goto(server.url('/studio/'));
  await status(page, /^No problems/);
}

/** Waits until the check status says `pattern`. */
async function status(page, pattern) {
  await page.locator('[data-role="check-status"]').filter({ hasText: pattern }).waitFor();
}

/**
 * Replaces the editor's whole text with one `input` event, as pasting
 * does. (Playwright's fill() of the whole 60 KB file inserts it as typed
 * text, which takes seconds in a wrapping text box.)
 */
async function setText(page, text) {
  await page.locator('#st-text').evaluate((t, value) => {
    t.value = value;
    t.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** Replaces the editor's text, and waits for its check. */
async function type(page, text, expected) {
  await setText(page, text);
  await status(page, expected);
}

const preview = (page) => widget(page, '[data-role="preview"]');

test('a broken edit shows the build\'s diagnostic at its line, and choosing it moves the cursor there', () =>
  withPage(browser, {}, async ({ page }) => {
    await open(page);
    const broken = edited('next = "severity"', 'next = "severty"');
    await type(page, broken, /^1 problem\b/);
    const line = lineOf(broken, 'next = "severty"');
    const problem = page.locator('.st-problem');
    assert.equal(await problem.count(), 1);
    assert.equal(await problem.getAttribute('data-line'), String(line));
    assert.equal(await problem.getAttribute('data-column'), '8');
    assert.equal(await problem.locator('button').textContent(),
      `Line ${line}, column 8: unknown question or outcome \`severty\``);
    // The text of `cargo content check`: the arrow, the line, the caret, the help.
    const rendered = await problem.locator('pre').textContent();
    assert.match(rendered, new RegExp(`--> botox-aftercare\\.toml:${line}:8\\n`));
    assert.match(rendered, new RegExp(`${line} \\| next = "severty"\\n\\s+\\|\\s+\\^{9} no question or outcome has this id`));
    assert.match(rendered, /= help: did you mean `severity`\?/);
    // The gutter marks the line; the preview keeps the last version without
    // problems, and says so.
    assert.deepEqual(await page.locator('.st-lines .st-bad').evaluateAll((ls) => ls.map((l) => l.dataset.line)), [String(line)]);
    await page.locator('[data-role="stale-preview"]').waitFor();
    await ready(preview(page));

    // Keyboard: Tab to the problem, Enter: the cursor is on what the caret marks.
    await problem.locator('button').focus();
    await page.keyboard.press('Enter');
    const cursor = await page.locator('#st-text').evaluate((t) => [document.activeElement === t, t.selectionStart, t.selectionEnd]);
    const at = broken.indexOf('"severty"');
    assert.deepEqual(cursor, [true, at, at + '"severty"'.length]);
  }));

test('the text wraps, so the Spanish half of a long line shows, and the line numbers stay beside their lines', () =>
  withPage(browser, { viewport: { width: 1000, height: 800 } }, async ({ page }) => {
    await open(page);
    const area = page.locator('#st-text');
    // Nothing runs off to the right: long lines wrap within the box.
    const [scrollWidth, clientWidth] = await area.evaluate((t) => [t.scrollWidth, t.clientWidth]);
    assert.ok(scrollWidth <= clientWidth, `the text box scrolls sideways: ${scrollWidth} > ${clientWidth}`);
    // The numbered lines behind the text wrap exactly as the text does:
    // the same height, and a line of several rows is as tall as them.
    const heights = async () => Promise.all([
      area.evaluate((t) => t.scrollHeight),
      page.locator('.st-lines').evaluate((l) => l.scrollHeight),
    ]);
    const [text, lines] = await heights();
    assert.equal(lines, text, 'the numbered lines and the text are the same height');
    const intro = lineOf(SHIPPED, 'intro = {');
    const rows = await page.locator(`.st-line[data-line="${intro}"]`).evaluate((l) => l.offsetHeight / 21);
    assert.ok(rows >= 3, `the intro line takes several rows (${rows})`);
    // A problem on a line far down, after many wrapped lines: its number is
    // marked, and choosing the problem brings that very line into view.
    const broken = edited('next = "severity"', 'next = "severty"');
    await type(page, broken, /^1 problem\b/);
    const line = lineOf(broken, 'next = "severty"');
    await page.locator('.st-problem button').click();
    const [top, bottom, blockTop, blockBottom] = await page.evaluate((n) => {
      const t = document.querySelector('#st-text').getBoundingClientRect();
      const b = document.querySelector(`.st-line[data-line="${n}"]`).getBoundingClientRect();
      return [t.top, t.bottom, b.top, b.bottom];
    }, line);
    assert.ok(blockTop >= top && blockBottom <= bottom, `line ${line} is in view: ${blockTop}..${blockBottom} in ${top}..${bottom}`);
    assert.deepEqual(await heights().then(([a, b]) => a === b), true, 'still the same height');
    // Wider: fewer rows, still in step.
    await page.setViewportSize({ width: 1600, height: 800 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const [wideText, wideLines] = await heights();
    assert.ok(wideText < text, `fewer rows when wider: ${wideText} < ${text}`);
    assert.equal(wideLines, wideText);
  }));

test('a quotation mark typed inside a text gets a help line that says what to type instead', () =>
  withPage(browser, {}, async ({ page }) => {
    await open(page);
    const broken = edited('Do not rub or press the spot.', 'Do not take "extra" doses.');
    await type(page, broken, /^1 problem\b/);
    const problem = page.locator('.st-problem');
    assert.equal(await problem.getAttribute('data-line'), String(lineOf(broken, '"extra"')));
    const help = await problem.locator('[data-role="toml-help"]').textContent();
    assert.match(help, /^What to type: A straight quotation mark \("\) ends a text, so this text stops before “extra”/);
    assert.match(help, /curly quotes: “extra”/);
    assert.match(help, /\\"extra\\"/);
    // Typing what it says fixes the file.
    await type(page, edited('Do not rub or press the spot.', 'Do not take “extra” doses.'), /^No problems/);
    // A text left without its closing quotation mark, and a { left open.
    await type(page, edited('"Do not rub or press the spot."', '"Do not rub or press the spot.'), /problem/);
    assert.match(await page.locator('[data-role="toml-help"]').first().textContent(), /no closing quotation mark/);
    await type(page, edited('es = "No frote ni apriete ese lugar." },', 'es = "No frote ni apriete ese lugar.",'), /problem/);
    assert.match(await page.locator('[data-role="toml-help"]').first().textContent(), /opens \{ but does not close it/);
    // A problem that is not about quoting has no such line.
    await type(page, edited('next = "severity"', 'next = "severty"'), /^1 problem\b/);
    assert.equal(await page.locator('[data-role="toml-help"]').count(), 0);
  }));

test('a fixed edit previews in the real widget, in either language, with the preview\'s settings', () =>
  withPage(browser, {}, async ({ page }) => {
    await open(page);
    await type(page, edited('next = "severity"', 'next = "severty"'), /^1 problem\b/);
    const fixed = edited('After your Botox treatment: check a symptom', 'Checked in the studio');
    await type(page, fixed, /^No problems/);
    const w = await ready(preview(page));
    assert.equal(await w.locator('.sc-title').textContent(), 'Checked in the studio');
    await page.locator('[data-setting="emergency-number"]').fill('112');
    await page.locator('[data-setting="clinic-name"]').fill('Studio Test Clinic');
    await page.locator('[data-setting="clinic-phone"]').fill('555 0199');
    assert.equal(await w.locator('[data-role="emergency-line"] a').getAttribute('href'), 'tel:112');
    await page.locator('[data-setting="language"]').selectOption('es');
    await w.locator('[data-screen][lang="es"]').waitFor();
    await page.locator('[data-setting="language"]').selectOption('en');
    await w.locator('[data-screen][lang="en"]').waitFor();
    // A whole journey in the preview, to an outcome that names the clinic.
    const reached = await walk(w, [['red_flags', ['none']], ['concern', ['not_working']], ['not_working_when', ['over_2_weeks']]]);
    assert.deepEqual(reached, { id: 'not_working_review', urgency: 'soon' });
    assert.match(await w.locator('.sc-contact').textContent(), /Studio Test Clinic \(555 0199\)/);
  }));

test('a changed route shows in "what changed for patients" and in the preview', () =>
  withPage(browser, {}, async ({ page }) => {
    await open(page);
    assert.match(await page.locator('[data-role="diff-summary"]').textContent(), /Nothing changed/);
    const start = SHIPPED.indexOf('id = "not_working_when"');
    const rerouted = SHIPPED.slice(0, start) +
      edited('next = "wait_full_effect"', 'next = "not_working_review"', SHIPPED.slice(start));
    await type(page, rerouted, /^No problems/);
    assert.match(await page.locator('[data-role="diff-summary"]').textContent(), /^Compared with the shipped content: 1 answer paths end differently/);
    const row = page.locator('[data-role="diff-changed"] tbody tr');
    assert.equal(await row.count(), 1);
    const cells = await row.locator('td').allTextContents();
    assert.deepEqual(cells.slice(1), [
      'red_flags: none → concern: not_working → not_working_when: under_2_weeks',
      'wait_full_effect (self_care)',
      'not_working_review (soon)',
    ]);
    // First, as patients read it: the questions and the answers' labels.
    assert.match(cells[0], /^Have you had any of these, now or at any time since your shot\? “[^”]+” → What is bothering you\? “[^”]+” → .+\? “[^”]+”$/);
    assert.ok(!/\bnot_working\b|\bred_flags\b/.test(cells[0]), cells[0]);
    const reached = await walk(preview(page), [['red_flags', ['none']], ['concern', ['not_working']], ['not_working_when', ['under_2_weeks']]]);
    assert.deepEqual(reached, { id: 'not_working_review', urgency: 'soon' });
    // Two concerns together follow the edit: "not working" under two weeks
    // no longer gives wait_full_effect beside any other concern, and the
    // table of every pair is there.
    const gone = await page.locator('[data-role="diff-pairs-removed"] tbody tr').allTextContents();
    assert.ok(gone.some((r) => r.startsWith('concern: uneven + not_working') && r.includes('wait_full_effect (self_care)')),
      `the pairs in the diff: ${gone.join('\n')}`);
    assert.ok((await page.locator('[data-role="pairs"] tbody tr').count()) > 50, 'every pair of concerns');
    // The path table and the graph follow the edit too.
    const paths = await page.locator('[data-role="paths"] tbody tr').allTextContents();
    assert.ok(paths.some((r) => r.includes('not_working_when: under_2_weeks') && r.includes('not_working_review')), 'path table');
    assert.ok((await page.locator('[data-role="graph-list"] li').allTextContents())
      .includes('not_working_when (under_2_weeks, over_2_weeks) → not_working_review'), 'graph');
  }));

test('the download is the edited text, and the approval record carries the content hash', () =>
  withPage(browser, { acceptDownloads: true }, async ({ page }) => {
    await open(page);
    // The shipped content's hash is the one on the review page.
    const review = await fs.readFile(path.join(REPO, 'CONTENT-REVIEW.md'), 'utf8');
    const shippedHash = /`(sha256:[0-9a-f]{64})`/.exec(review)[1];
    assert.equal(await page.locator('[data-role="hash"]').textContent(), shippedHash);

    const text = `${SHIPPED}\n# Edited in the studio: día 2, 🩺\n`;
    await type(page, text, /^No problems/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="download"]').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'botox-aftercare.toml');
    assert.equal(await fs.readFile(await download.path(), 'utf8'), text);

    await page.locator('[data-field="by"]').fill('Dr Ana Test');
    await page.locator('[data-field="role"]').fill('Clinical lead');
    await page.locator('[data-field="date"]').fill('2026-11-30');
    const record = await page.locator('[data-role="record"]').textContent();
    assert.equal(record, `[review]\nstatus = "approved"\napproved_by = "Dr Ana Test"\nrole = "Clinical lead"\ndate = "2026-11-30"\nnext_review = "2027-11-30"\ncontent_hash = "${shippedHash}"\n`,
      'a comment changes no hash');
    const [approved] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="download-approved"]').click(),
    ]);
    const approvedText = await fs.readFile(await approved.path(), 'utf8');
    assert.ok(approvedText.includes(record), 'the record is in the file');
    assert.ok(approvedText.endsWith('# Edited in the studio: día 2, 🩺\n'), 'the rest is as edited');
    // Opened again in the studio, the approved file is valid as it is,
    // and not yet due for review (a year after its approval).
    await type(page, approvedText, /^No problems/);
    assert.equal(await page.locator('[data-role="review-due"]').count(), 0);
    // Approved two years ago: still valid (the widget never changes by a
    // date), and the studio says the review is due, as the CLI does.
    await type(page, edited('date = "2026-11-30"\nnext_review = "2027-11-30"\n',
      'date = "2024-11-30"\nnext_review = "2025-11-30"\n', approvedText), /^No problems/);
    assert.match(await page.locator('[data-role="review-due"]').textContent(),
      /^Review due\. The content's next clinical review was due on 2025-11-30 \(approved by Dr Ana Test on 2024-11-30\)/);
  }));

test('a text changed in one language only is flagged in the review, and approval asks to confirm its translation', () =>
  withPage(browser, { acceptDownloads: true }, async ({ page }) => {
    await open(page);
    const text = edited('es = "No frote ni apriete ese lugar."', 'es = "No frote ese lugar."');
    await type(page, text, /^No problems/);
    const flagged = page.locator('[data-role="diff-one-language"] li');
    assert.equal(await flagged.count(), 1);
    assert.match(await flagged.textContent(), /: Spanish changed, English unchanged: check the translation\.$/);
    // Approval: the record and the approved file wait for the confirmation.
    await page.locator('[data-field="by"]').fill('Dr Ana Test');
    await page.locator('[data-field="role"]').fill('Clinical lead');
    await page.locator('[data-field="date"]').fill('2026-12-06');
    assert.match(await page.locator('[data-role="record-waits"]').textContent(), /Confirm each translation/);
    assert.equal(await page.locator('[data-action="download-approved"]').count(), 0);
    const confirm = page.locator('[data-action="confirm-translation"]');
    assert.equal(await confirm.count(), 1);
    await confirm.check();
    const [approved] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="download-approved"]').click(),
    ]);
    assert.match(await fs.readFile(await approved.path(), 'utf8'), /No frote ese lugar\./);
    // Another change to the same text asks again.
    await type(page, edited('es = "No frote ni apriete ese lugar."', 'es = "No frote nunca ese lugar."'), /^No problems/);
    assert.equal(await page.locator('[data-action="confirm-translation"]').isChecked(), false);
    assert.equal(await page.locator('[data-action="download-approved"]').count(), 0);
    // English-only: said the other way round.
    await type(page, edited('"Do not rub or press the spot."', '"Never rub the spot."'), /^No problems/);
    assert.match(await flagged.textContent(), /English changed, Spanish unchanged/);
    // Both languages changed: nothing to flag, nothing to confirm.
    await type(page, edited('{ en = "Do not rub or press the spot.", es = "No frote ni apriete ese lugar." }',
      '{ en = "Never rub the spot.", es = "Nunca frote ese lugar." }'), /^No problems/);
    assert.equal(await page.locator('[data-role="diff-one-language"]').count(), 0);
    assert.equal(await page.locator('[data-action="confirm-translation"]').count(), 0);
    await page.locator('[data-action="download-approved"]').waitFor();
  }));

test('approval summarises what is approved, reminds to raise the version, reads dates as people type them, and prints the review', () =>
  withPage(browser, {}, async ({ page }) => {
    await open(page);
    const summary = page.locator('[data-role="approve-summary"] li');
    assert.deepEqual(await summary.allTextContents(), ['Nothing changed from the shipped content.']);
    assert.equal(await page.locator('[data-role="version-reminder"]').count(), 0);
    const start = SHIPPED.indexOf('id = "not_working_when"');
    const changed = SHIPPED.slice(0, start) + edited('next = "wait_full_effect"', 'next = "not_working_review"',
      edited('"Do not rub or press the spot."', '"Never rub the spot."', SHIPPED.slice(start)));
    await type(page, changed, /^No problems/);
    assert.deepEqual(await summary.allTextContents(), [
      '1 text changed (in English).',
      '1 answer path changed: 1 now leads somewhere else, 0 gone, 0 new.',
      `${await page.locator('[data-role="diff-pairs-added"] tbody tr').count() + await page.locator('[data-role="diff-pairs-removed"] tbody tr').count()} results of two concerns ticked together changed.`,
      '1 other value changed (where answers lead, urgencies, ids, order or version).',
    ]);
    assert.match(await page.locator('[data-role="version-reminder"]').textContent(),
      /^Raise the version\. The version is still 3\.0\.0, the same as the shipped file\. Change the line version = "3\.0\.0" at the top of the file \(for example to 3\.0\.1\)/);
    await type(page, edited('version = "3.0.0"', 'version = "3.0.1"', changed), /^No problems/);
    assert.equal(await page.locator('[data-role="version-reminder"]').count(), 0);
    assert.match((await summary.allTextContents()).at(-1), /^2 other values changed/);

    // Dates as people type them; an ambiguous one is said to be so.
    await page.locator('[data-field="by"]').fill('Dr Ana Test');
    await page.locator('[data-field="role"]').fill('Clinical lead');
    await page.locator('[data-action="confirm-translation"]').check();
    const date = page.locator('[data-field="date"]');
    for (const typed of ['2026-12-06', '6 December 2026', 'Dec 6 2026', 'December 6, 2026']) {
      await date.fill(typed);
      assert.equal(await page.locator('[data-role="date-read"]').textContent(), 'Read as 6 December 2026 (2026-12-06).', typed);
      assert.match(await page.locator('[data-role="record"]').textContent(), /\ndate = "2026-12-06"\n/, typed);
    }
    await date.fill('6/12/2026');
    assert.match(await page.locator('[data-role="date-problem"]').textContent(),
      /^“6\/12\/2026” could be 6 December 2026 or 12 June 2026: the order of day and month differs between countries\. Type it as 2026-12-06 or 6 December 2026\.$/);
    assert.equal(await page.locator('[data-role="record"]').count(), 0, 'no record with an ambiguous date');
    await date.fill('next Tuesday');
    assert.match(await page.locator('[data-role="date-problem"]').textContent(), /^The studio cannot read “next Tuesday” as a date\./);
    assert.equal(await page.locator('[data-role="record"]').count(), 0);
    assert.equal(await date.getAttribute('aria-describedby'), 'st-date-said');
    await date.fill('13/12/2026');
    assert.equal(await page.locator('[data-role="date-read"]').textContent(), 'Read as 13 December 2026 (2026-12-13).');

    // Printed: what changed, the tables, the hash and a signature line;
    // not the editor, the preview or the buttons.
    await page.emulateMedia({ media: 'print' });
    for (const shown of ['[data-role="diff"]', '[data-role="diff-changed"]', '[data-role="paths"]', '[data-role="hash"]', '[data-role="approve-summary"]', '.st-signature']) {
      assert.ok(await page.locator(shown).first().isVisible(), `printed: ${shown}`);
    }
    for (const hidden of ['#st-text', '[data-role="preview"]', '[data-action="print"]', '[data-action="open-shipped"]']) {
      assert.equal(await page.locator(hidden).isVisible(), false, `not printed: ${hidden}`);
    }
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('.st-signature').isVisible(), false, 'the signature line is for paper');
    await fs.mkdir(OUTPUT, { recursive: true });
    await page.pdf({ path: path.join(OUTPUT, 'studio-review.pdf') }).catch(() => {});
  }));

test('the form view: an outcome\'s Spanish summary edited there shows in the text view, the preview and the review, and the download differs only in that string', () =>
  withPage(browser, { acceptDownloads: true }, async ({ page }) => {
    await open(page);
    const at = SHIPPED.indexOf('id = "heaviness_expected"');
    const oldEs = /summary = \{ en = "[^"]*", es = "([^"]*)" \}/.exec(SHIPPED.slice(at))[1];
    const newEs = 'La frente se siente pesada: es común y se quita en una o dos semanas.';
    await page.locator('[data-action="form-view"]').click();
    assert.equal(await page.locator('[data-action="form-view"]').getAttribute('aria-pressed'), 'true');
    // The search narrows the outline; its link jumps to the outcome.
    const all = Number(/of (\d+)/.exec(await page.locator('[data-role="form-count"]').textContent())[1]);
    await page.locator('[data-action="form-search"]').fill('heaviness_expected');
    assert.equal(await page.locator('[data-role="form-count"]').textContent(), `1 of ${all} questions and outcomes`);
    await page.locator('[data-action="form-search"]').fill('');
    await page.locator('.st-outline a', { hasText: 'Outcome heaviness_expected' }).click();
    const entry = page.locator('#st-f-outcome-heaviness_expected');
    await page.waitForFunction(() => {
      const e = document.querySelector('#st-f-outcome-heaviness_expected').getBoundingClientRect();
      const box = document.querySelector('.st-entries').getBoundingClientRect();
      return e.top >= box.top - 1 && e.top < box.bottom;
    });
    // English and Spanish side by side.
    const summary = entry.locator('fieldset[data-text="summary"]');
    assert.deepEqual(await summary.locator('textarea').evaluateAll((ts) => ts.map((t) => t.dataset.locale)), ['en', 'es']);
    assert.equal(await summary.locator('textarea[data-locale="es"]').inputValue(), oldEs);
    await summary.locator('textarea[data-locale="es"]').fill(newEs);
    await status(page, /^No problems/);
    const expected = SHIPPED.replace(`es = "${oldEs}"`, `es = "${newEs}"`);
    assert.notEqual(expected, SHIPPED);

    // The review flags it; the preview shows it.
    assert.equal(await page.locator('[data-role="diff-one-language"] li').textContent(),
      'outcome heaviness_expected / summary: Spanish changed, English unchanged: check the translation.');
    await page.locator('[data-setting="language"]').selectOption('es');
    await preview(page).locator('[data-screen][lang="es"]').waitFor();
    assert.deepEqual(await walk(preview(page), [['red_flags', ['none']], ['concern', ['heaviness']]]),
      { id: 'heaviness_expected', urgency: 'self_care' });
    assert.ok((await preview(page).locator('[data-outcome-id="heaviness_expected"]').first().textContent()).includes(newEs), 'the preview');

    await fs.mkdir(OUTPUT, { recursive: true });
    await page.locator('#st-edit').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: path.join(OUTPUT, 'studio-form.png') });
    // axe, in the form view.
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], 'axe in the form view');

    // The text view has the edit, and nothing else changed.
    await page.locator('[data-action="text-view"]').click();
    assert.equal(await page.locator('#st-text').inputValue(), expected);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download"]').click()]);
    assert.equal(await fs.readFile(await download.path(), 'utf8'), expected, 'comments and layout kept');

    // A problem chosen while in the form view opens the text view at it.
    await page.locator('[data-action="form-view"]').click();
    const broken = edited('next = "severity"', 'next = "severty"');
    await page.locator('[data-action="open-file"]').setInputFiles({ name: 'edit.toml', mimeType: 'text/plain', buffer: Buffer.from(broken) });
    await status(page, /^1 problem\b/);
    await page.locator('.st-problem button').click();
    await page.locator('#st-text').waitFor();
    const caret = broken.indexOf('"severty"');
    assert.deepEqual(await page.locator('#st-text').evaluate((t) => [document.activeElement === t, t.selectionStart, t.selectionEnd]),
      [true, caret, caret + '"severty"'.length]);
  }));

test('after load nothing is requested; the work is kept on this device until the clinician unticks "keep my work"', () =>
  withPage(browser, {}, async ({ page, context }) => {
    const seen = [];
    context.on('request', (r) => { if (!r.url().endsWith('/favicon.ico')) seen.push(`${r.method()} ${r.url()}`); });
    await open(page);
    const loaded = seen.length;
    const served = server.requests.length;
    assert.ok(await page.locator('[data-action="keep"]').isChecked(), 'kept by default');
    const text = edited('After your Botox treatment: check a symptom', 'Kept on this device');
    await type(page, text, /^No problems/);
    await walk(preview(page), [['red_flags', ['vision']]]);
    await page.locator('[data-field="by"]').fill('Dr Ana Test');
    assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), {
      'symptom-checker-studio.work': text,
      'symptom-checker-studio.work-name': 'botox-aftercare.toml',
    }, 'the work, and nothing else');
    assert.equal(await page.evaluate(() => sessionStorage.length + document.cookie.length), 0);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    assert.deepEqual(seen.slice(loaded), [], 'requests after load');
    assert.deepEqual(server.requests.slice(served).filter((p) => p !== '/favicon.ico'), [], 'requests the server saw');

    // Unticking clears the kept work, and the choice is remembered.
    await page.locator('[data-action="keep"]').uncheck();
    assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), { 'symptom-checker-studio.keep': 'no' });
    assert.match(await page.locator('[data-role="keep-note"]').textContent(), /closing this page forgets your changes/);
    await page.locator('[data-action="open-shipped"]').click();
    assert.equal(await page.locator('#st-text').inputValue(), SHIPPED);
    await page.reload();
    await status(page, /^No problems/);
    assert.equal(await page.locator('[data-action="keep"]').isChecked(), false);
    assert.equal(await page.locator('#st-text').inputValue(), SHIPPED);
    await type(page, text, /^No problems/);
    assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), { 'symptom-checker-studio.keep': 'no' });
    // Ticking it again keeps the text as it is now.
    await page.locator('[data-action="keep"]').check();
    assert.equal(await page.evaluate(() => localStorage.getItem('symptom-checker-studio.work')), text);
    assert.equal(await page.evaluate(() => localStorage.getItem('symptom-checker-studio.keep')), null);
  }));

test('work kept under the earlier storage names still opens, and is then kept under the new ones', () =>
  withPage(browser, {}, async ({ page }) => {
    const old = edited('After your Botox treatment: check a symptom', 'Kept by an earlier studio');
    // Before the page's own scripts, as an earlier studio left it.
    await page.addInitScript((text) => {
      if (localStorage.getItem('symptom-checker-studio.work') === null) {
        localStorage.setItem('symptom-checker-studio.draft', text);
        localStorage.setItem('symptom-checker-studio.draft-name', 'earlier.toml');
      }
    }, old);
    await open(page);
    assert.equal(await page.locator('#st-text').inputValue(), old);
    assert.match(await page.locator('[data-role="opened"]').textContent(), /your kept work: earlier\.toml/);
    const text = edited('Kept by an earlier studio', 'Kept again', old);
    await type(page, text, /^No problems/);
    assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), {
      'symptom-checker-studio.work': text,
      'symptom-checker-studio.work-name': 'earlier.toml',
    }, 'under the new names only');
  }));

test('leaving with unsaved changes asks first, a reload restores the kept work, and a downloaded text leaves without asking', () =>
  withPage(browser, { acceptDownloads: true }, async ({ page, log }) => {
    await open(page);
    // Nothing changed: the page closes without asking.
    const text = edited('After your Botox treatment: check a symptom', 'Not lost');
    // A click first: browsers ask only on a page the person has used.
    await page.locator('#st-text').click();
    await setText(page, text);
    // Leaving at once, before the check: the page asks, and is kept when
    // the clinician says no.
    await page.close({ runBeforeUnload: true });
    await page.waitForEvent('dialog', { predicate: (d) => d.type() === 'beforeunload' }).catch(() => {});
    assert.ok(log.dialogs.some((d) => d.startsWith('beforeunload')), `dialogs: ${log.dialogs}`);
    assert.equal(page.isClosed(), false);
    assert.equal(await page.locator('#st-text').inputValue(), text);

    // Saying yes: the reload restores the kept work, even a keystroke not yet checked.
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => { log.dialogs.push(`${d.type()}: ${d.message()}`); d.accept().catch(() => {}); });
    const more = `${text}# one more line\n`;
    await setText(page, more);
    await page.reload();
    await status(page, /^No problems/);
    assert.equal(await page.locator('#st-text').inputValue(), more);
    assert.match(await page.locator('[data-role="opened"]').textContent(), /your kept work/);

    // Downloaded: nothing is lost by leaving, so the page does not ask.
    await page.locator('#st-text').click();
    await type(page, edited('Not lost', 'Downloaded', more), /^No problems/);
    await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download"]').click()]);
    const asked = log.dialogs.length;
    await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);
    assert.equal(log.dialogs.length, asked, 'no question after the download');
  }));

test('a file picked from this computer opens and is checked', () =>
  withPage(browser, {}, async ({ page }) => {
    await open(page);
    const broken = edited('id = "botox-aftercare"', 'id = "botox-aftercare"\nsurprise = 1');
    await page.locator('[data-action="open-file"]').setInputFiles({
      name: 'clinic-edit.toml', mimeType: 'text/plain', buffer: Buffer.from(broken),
    });
    await status(page, /^1 problem\b/);
    assert.match(await page.locator('[data-role="opened"]').textContent(), /a file from this computer: clinic-edit\.toml/);
    assert.match(await page.locator('.st-problem pre').textContent(), /--> clinic-edit\.toml:\d+:1/);
    // A file opened with problems has no earlier version to preview.
    await page.locator('[data-role="no-preview"]').waitFor();
    assert.equal(await page.locator('[data-role="stale-preview"]').count(), 0);
  }));

test('the studio is axe clean: loaded, with a problem, and previewing an outcome', () =>
  withPage(browser, {}, async ({ page }) => {
    const axe = async (where) => {
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const report = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      assert.equal(violations.length, 0, `axe at ${where}:\n${report.join('\n')}`);
    };
    await open(page);
    await axe('load');
    await fs.mkdir(OUTPUT, { recursive: true });
    await type(page, edited('next = "severity"', 'next = "severty"'), /^1 problem\b/);
    await page.locator('.st-problem button').click();
    await page.locator('#st-edit').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT, 'studio-problem.png') });
    await axe('a problem');
    await type(page, SHIPPED, /^No problems/);
    await walk(preview(page), [['red_flags', ['none']]]);
    await page.locator('#st-edit').evaluate((e) => e.scrollIntoView());
    await page.locator('#st-text').evaluate((t) => { t.scrollTop = 0; });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(OUTPUT, 'studio-preview.png') });
    await walk(preview(page), [['concern', ['heaviness']]]);
    assert.equal((await outcomeOf(preview(page))).id, 'heaviness_expected');
    await axe('an outcome in the preview');
  }));

// The studio served as a careful clinic or hospital would serve an
// internal page: scripts and styles from its own origin only, no inline
// code, no plug-ins, no framing. Every violation is both a console error
// (which fails withPage) and an event counted here.
const STUDIO_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

test('the studio works under a strict Content-Security-Policy: edit, check, preview, form view, approve', async () => {
  const strict = await startServer({
    headers: Object.fromEntries(['/studio/', '/studio/index.html'].map((p) => [p, { 'Content-Security-Policy': STUDIO_CSP }])),
  });
  try {
    await withPage(browser, { acceptDownloads: true }, async ({ page }) => {
      await page.addInitScript(() => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(strict.url('/studio/'));
      assert.equal(response.headers()['content-security-policy'], STUDIO_CSP, 'the page is served with the policy');
      await status(page, /^No problems/);
      await type(page, edited('next = "severity"', 'next = "severty"'), /^1 problem\b/);
      await page.locator('.st-problem button').click();
      await type(page, SHIPPED, /^No problems/);
      assert.equal((await walk(preview(page), [['red_flags', ['none']], ['concern', ['heaviness']]])).id, 'heaviness_expected');
      await page.locator('[data-action="form-view"]').click();
      await page.locator('[data-action="form-search"]').fill('heaviness');
      await page.locator('[data-action="text-view"]').click();
      await page.locator('[data-field="by"]').fill('Dr Ana Test');
      await page.locator('[data-field="role"]').fill('Clinical lead');
      await page.locator('[data-field="date"]').fill('2026-12-06');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-action="download"]').click(),
      ]);
      assert.equal(await fs.readFile(await download.path(), 'utf8'), SHIPPED);
      assert.deepEqual(await page.evaluate(() => window.violations), []);
    });
  } finally {
    await strict.close();
  }
});

test('the FHIR export is what `cargo content fhir` writes, and waits while the text has problems', () =>
  withPage(browser, { acceptDownloads: true }, async ({ page }) => {
    await open(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="download-fhir"]').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'botox-aftercare.fhir.json');
    const expected = await fs.readFile(path.join(REPO, 'docs/fhir/botox-aftercare.json'), 'utf8');
    assert.equal(await fs.readFile(await download.path(), 'utf8'), expected);
    await type(page, SHIPPED.replace('id = "botox-aftercare"', 'id = 7'), /problem/);
    assert.equal(await page.locator('[data-action="download-fhir"]').count(), 0);
    await page.locator('[data-role="fhir-waits"]').waitFor();
  }));
