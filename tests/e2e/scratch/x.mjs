import { startServer } from '/work/main/tests/e2e/lib/server.mjs';
import { launch, openPage } from '/work/main/tests/e2e/lib/browser.mjs';
import * as j from '/work/main/tests/e2e/lib/journey.mjs';
import { AxeBuilder } from '@axe-core/playwright';
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
const server = await startServer({ pages: { '/csp.html': { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP</title><script type="module" src="/embed/0.1.0/symptom-checker.js"></script></head><body><main><h1>CSP</h1><symptom-checker clinic-phone="555 0100"></symptom-checker></main></body></html>`, headers: { 'content-security-policy': csp } } } });
const browser = await launch();
for (const scheme of ['light','dark']) {
const p = await openPage(browser, { colorScheme: scheme });
await p.page.goto(server.url('/'));
await j.ready(p.page);
const tags = ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa'];
const run = async (label) => { const r = await new AxeBuilder({ page: p.page }).withTags(tags).analyze(); console.log(scheme, label, r.violations.map(v => [v.id, v.impact, v.nodes.map(n => [n.target, n.failureSummary])])); };
await run('start');
await j.start(p.page); await run('red_flags');
await j.answer(p.page, 'red_flags', ['none']); await run('concern');
for (const id of ['emergency_now','headache_urgent','headache_persisting','headache_self_care']) { await j.restart(p.page); await j.walkTo(p.page, id); await run(id); }
await p.page.locator('[data-locale=es]').click(); await run('es outcome');
await p.close();
}
const p = await openPage(browser);
await p.page.addInitScript(() => { window.__v = []; document.addEventListener('securitypolicyviolation', e => window.__v.push([e.violatedDirective, e.blockedURI, e.sample, e.sourceFile, e.lineNumber]), true); });
await p.page.goto(server.url('/csp.html'));
await j.ready(p.page);
await j.walkTo(p.page, 'headache_persisting');
console.log(await p.page.evaluate(() => window.__v), p.log);
await browser.close(); await server.close();
