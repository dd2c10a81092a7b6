import { startServer } from '/work/main/tests/e2e/lib/server.mjs';
import { launch, withPage } from '/work/main/tests/e2e/lib/browser.mjs';
import { ready, walkTo, start, answer, question } from '/work/main/tests/e2e/lib/journey.mjs';
const server = await startServer();
const browser = await launch();
await withPage(browser, { locale: 'es-ES' }, async ({ page }) => {
  await page.goto(server.url('/'));
  const w = await ready(page);
  console.log(await page.evaluate(() => navigator.languages));
  console.log(await w.locator('[data-screen]').getAttribute('lang'));
  console.log(await w.locator('[data-screen]').ariaSnapshot());
  await start(w);
  console.log(await w.locator('[data-screen]').ariaSnapshot());
  await answer(w, 'red_flags', ['none']);
  console.log(await w.locator('[data-screen]').ariaSnapshot());
  await walkTo(w, 'headache_persisting');
  console.log(await w.locator('[data-screen]').ariaSnapshot());
});
await browser.close(); await server.close();
