// The phone-number rules of the widget (symptom_checker_core::attributes),
// for the loader's fallback, which must show the same numbers when the wasm
// fails. Both are tested against the same tables: tests/attributes/*.tsv.

const BIDI_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The attribute's value, trimmed, without control or bidirectional-override characters. */
export function clean(value) {
  return String(value ?? '').replace(BIDI_OR_CONTROL, '').trim();
}

/**
 * A number of `min` to `max` digits: digits, spaces and `+ - ( ) .`, a `+`
 * only first; after a country code, a `(0)` is shown but not dialled.
 * Returns `{ display, href }`, or null when refused.
 */
function dial(value, min, max) {
  const v = clean(value);
  const plus = v.startsWith('+');
  const digits = (plus ? v.replace('(0)', '') : v).replace(/[^0-9]/g, '');
  const ok = /^[0-9 +().-]*$/.test(v) && digits.length >= min && digits.length <= max
    && !v.slice(plus ? 1 : 0).includes('+');
  return ok ? { display: v, href: `tel:${plus ? '+' : ''}${digits}` } : null;
}

/**
 * `emergency-number`: one short number, 2 to 6 digits, with spaces and
 * `- ( ) .` allowed. Refused (null): a country code, or what looks like two
 * numbers (two groups of two digits or more). A refused value is never
 * replaced by 911: the fallback then says "your local emergency number".
 */
export function emergencyNumber(value) {
  const v = clean(value);
  const groups = v.split(/[^0-9]/).filter((g) => g.length >= 2).length;
  if (v.startsWith('+') || groups > 1) return null;
  return dial(v, 2, 6);
}

/** `clinic-phone`: 2 to 20 digits. */
export function clinicPhone(value) {
  return dial(value, 2, 20);
}

/** The number used when the page sets none (the documented US default). */
export const DEFAULT_EMERGENCY_NUMBER = { display: '911', href: 'tel:911' };
