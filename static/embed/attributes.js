// The emergency-number rule of the widget (symptom_checker_core::attributes),
// for the loader's fallback, which must show the same number when the wasm
// fails. Both are tested against one table: tests/attributes/emergency-number.tsv.

const BIDI_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The attribute's value, trimmed, without control or bidirectional-override characters. */
export function clean(value) {
  return String(value ?? '').replace(BIDI_OR_CONTROL, '').trim();
}

/**
 * `emergency-number`: 2 to 6 digits, with spaces and `+ - ( ) .` allowed, a
 * `+` only first. Returns `{ display, href }`, or null when refused (then
 * 911 is used).
 */
export function emergencyNumber(value) {
  const v = clean(value);
  const digits = v.replace(/[^0-9]/g, '');
  const plus = v.startsWith('+');
  const ok = /^[0-9 +().-]*$/.test(v) && digits.length >= 2 && digits.length <= 6 && !v.slice(plus ? 1 : 0).includes('+');
  return ok ? { display: v, href: `tel:${plus ? '+' : ''}${digits}` } : null;
}

export const DEFAULT_EMERGENCY_NUMBER = { display: '911', href: 'tel:911' };
