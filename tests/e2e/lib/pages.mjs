// Host pages the tests serve next to dist/'s files: a clinic page as a
// clinic's web person would write it, with the two-line embed snippet and
// no inline script or style (so the same page works under a strict CSP).
import fs from 'node:fs';

/** The release's version: Cargo.toml's, the one source of it. */
export const VERSION = /^version = "(.+)"$/m.exec(fs.readFileSync(new URL('../../../Cargo.toml', import.meta.url), 'utf8'))[1];

/** The embed bundle's path on the test server. */
export const BUNDLE = `/embed/${VERSION}/symptom-checker.js`;

/** Escapes text for an HTML attribute value or text node. */
export const esc = (s) => String(s)
  .replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** `<symptom-checker a="b" …>fallback</symptom-checker>` with escaped values. */
export function element(attrs = {}, fallback = '') {
  // Every clinic page sets its emergency number (without it, the widget
  // warns that 911 is a guess): give `'emergency-number': null` to leave
  // it out.
  const all = { 'emergency-number': '911', ...attrs };
  const list = Object.entries(all).filter(([, v]) => v !== null).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return `<symptom-checker${list}>${fallback}</symptom-checker>`;
}

/**
 * A whole host page: `head` goes into <head> (stylesheets), `body` into
 * <main>. The favicon is same-origin (the server answers 204) so that a
 * `default-src 'self'` policy has nothing to refuse.
 */
export function hostPage({ title = 'Host page', head = '', body = element(), lang = 'en' } = {}) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="/favicon.ico">
${head}
<script type="module" src="${BUNDLE}"></script>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/** The snippet as EMBEDDING.md gives it: its first html block. */
export function embeddingSnippet() {
  const doc = fs.readFileSync(new URL('../../../EMBEDDING.md', import.meta.url), 'utf8');
  // The first html block of the section "The snippet" (the WordPress steps
  // before it paste the same element under another path).
  const section = doc.slice(doc.indexOf('\n## The snippet\n'));
  const snippet = section.match(/\n```html\n([\s\S]*?)```/)?.[1];
  if (!snippet?.includes('<symptom-checker')) throw new Error('EMBEDDING.md has no html block with the snippet');
  return snippet;
}

/**
 * A plain HTML file with the EMBEDDING.md snippet pasted into its body, as
 * is; `head` goes into <head> (a test harness's own script, say).
 */
export function snippetPage({ head = '' } = {}) {
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Snippet</title>${head}</head>\n<body>\n${embeddingSnippet()}</body>\n</html>\n`;
}

/**
 * In the page (pass it to an `evaluate` that gives the host element first):
 * the computed `props` of the widget's key elements on the current screen,
 * by selector, to compare a widget on a hostile page with one on a plain
 * page.
 */
export function keyStylesIn(host, props) {
  const sels = ['[data-screen]', 'p[data-role="emergency-line"]', 'p[data-role="emergency-line"] a', 'h2',
    'button[data-locale]', '[data-action]', '[data-answer-id]', 'label', '[data-outcome-id] a', '[data-outcome-id] h3'];
  const out = {};
  for (const sel of sels) {
    const el = host.shadowRoot.querySelector(sel);
    if (!el) continue;
    const s = getComputedStyle(el);
    out[sel] = Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
  }
  return out;
}
