import { startServer } from '../lib/server.mjs';
import { launch, openPage } from '../lib/browser.mjs';
import * as j from '../lib/journey.mjs';
const server = await startServer();
const browser = await launch();
const p = await openPage(browser, { viewport: { width: 320, height: 640 } });
await p.page.goto(server.url('/'));
const over = () => p.page.evaluate(() => { const sc = document.querySelector('symptom-checker').shadowRoot.querySelector('.sc'); const r = sc.getBoundingClientRect(); const bad = [...sc.querySelectorAll('*')].filter(e => { const b = e.getBoundingClientRect(); return b.width && (b.right > r.right + 0.5 || b.left < r.left - 0.5); }).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right); return { sw: document.documentElement.scrollWidth, iw: innerWidth, scsw: sc.scrollWidth, sccw: sc.clientWidth, bad }; });
for (const id of Object.keys(j.ROUTES)) {
  await j.walkTo(p.page, id, { each: async (w, s, q) => console.log(id, s, q, JSON.stringify(await over())) });
  await j.restart(p.page);
}
await p.page.setViewportSize({ width: 360, height: 740 });
await j.walkTo(p.page, 'emergency_now');
const call = p.page.locator('symptom-checker .sc-call');
console.log(await call.boundingBox(), await p.page.evaluate(() => scrollY), await call.evaluate(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; }));
await browser.close(); await server.close();
