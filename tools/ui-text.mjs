// The widget's interface text, read from src/i18n.rs (one `pub const XX: Ui
// = Ui { … }` per language), keyed by each language's `code`: strings as
// strings, tuples and arrays as arrays of strings, booleans as booleans.
// One reader for the embed bundler (the loader's fallback words) and the
// end-to-end suite.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const I18N = fileURLToPath(new URL('../src/i18n.rs', import.meta.url));

/** A Rust string literal's value (its escapes are JSON's). */
const literal = (s) => JSON.parse(s);

/** `{ en: { code: 'en', not_a_diagnosis: '…', months: […], … }, es: … }` */
export function uiTexts(source = fs.readFileSync(I18N, 'utf8')) {
  const out = {};
  for (const m of source.matchAll(/pub const [A-Z]+: Ui = Ui \{([\s\S]*?)\n\};/g)) {
    const body = m[1];
    const ui = {};
    const field = /^\s{4}(\w+):\s*/gm;
    let f;
    while ((f = field.exec(body))) {
      const rest = body.slice(field.lastIndex);
      if (rest[0] === '"') {
        ui[f[1]] = literal(/^"(?:[^"\\]|\\.)*"/.exec(rest)[0]);
      } else if (rest[0] === '(' || rest[0] === '[') {
        const close = rest.indexOf(rest[0] === '(' ? ')' : ']');
        ui[f[1]] = [...rest.slice(1, close).matchAll(/"(?:[^"\\]|\\.)*"/g)].map((s) => literal(s[0]));
      } else {
        ui[f[1]] = /^true/.test(rest);
      }
    }
    if (!ui.code) throw new Error('src/i18n.rs: a Ui without a code');
    out[ui.code] = ui;
  }
  if (!out.en) throw new Error('src/i18n.rs: no English interface text');
  return out;
}
