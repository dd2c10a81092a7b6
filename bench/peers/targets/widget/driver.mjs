// The widget as a target of this harness: the release embed bundle built
// with ./content.toml, on a page that embeds it as a clinic would (one
// script tag, one element). Built into dist-bench/ by scripts/bench.sh.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../dist-bench/', import.meta.url));

export default (kit) => {
  const text = kit.textDriver({ next: 'Continue', back: 'Back' });
  return {
    description: 'symptom-checker: Yew 0.23 + wasm-bindgen, release, wasm-opt -Oz, <symptom-checker> in Shadow DOM',
    root,
    entry: '/',
    missing: () => (fs.existsSync(`${root}/index.html`) ? null : 'run scripts/bench.sh to build dist-bench/'),
    ...text,
    // Single-choice answers advance on activation; only the multiple-choice
    // question has a Continue button. So "next" clicks it only when it is there.
    next: async (page) => {
      const present = await page.evaluate(() => {
        const host = document.querySelector('symptom-checker');
        return Boolean(host?.shadowRoot?.querySelector('[data-action="next"]'));
      });
      if (present) await text.next(page);
    },
  };
};
