// <symptom-checker>: one script tag and one element. Loads the widget's
// wasm from next to this file and forwards the element's lifecycle to it
// (src/embed.rs). Everything else is in Rust; this file stays this small.
//
// It also keeps the emergency line on screen when the widget fails:
// - the wasm cannot load: the element keeps the host's own text and adds
//   the emergency line;
// - the wasm has not arrived after LOAD_TIMEOUT_MS (a stalled fetch never
//   fails): the same line, on every element on the page then; the widget
//   still starts, in its place, if the wasm arrives later;
// - the wasm traps (a bug; release builds abort on panic): every widget on
//   the page is replaced by the error screen, with the emergency line, in
//   the language the patient was reading.
// The fallback's words come from the widget's own interface text
// (src/i18n.rs, as static/ui-text.json), written into this bundle at build
// time (tools/bundle-embed.mjs).
import init, * as widget from 'wasm-glue';
import { emergencyNumber, clinicPhone, DEFAULT_EMERGENCY_NUMBER } from './attributes.js';

/* global __SC_FALLBACK_TEXT__ */
/**
 * { en: { not_a_diagnosis, emergency_before, emergency_after, local_emergency,
 * start_failed, call_us, error_title, error_text, reload }, es: … }
 */
const TEXT = __SC_FALLBACK_TEXT__;

/**
 * How long the page waits for the wasm before it shows the emergency line
 * anyway (one number: the end-to-end tests of a stalled wasm wait for it).
 */
const LOAD_TIMEOUT_MS = 5000;

const ready = init();
const hosts = new Set();
let crashed = null;

// The panic fallback's Reload button (no Rust code runs after a trap).
const reload = (event) => {
  if (event.target.closest?.('[data-action="reload"]')) location.reload();
};


/** The language shown (the widget root's), else the page's choice, else English. */
function language(element) {
  const candidates = [
    element.shadowRoot?.querySelector('[data-screen]')?.getAttribute('lang'),
    element.getAttribute('locale'),
    ...(navigator.languages ?? []),
    document.documentElement.lang,
  ];
  for (const code of candidates) {
    const lang = String(code ?? '').toLowerCase().split(/[-_]/)[0];
    if (TEXT[lang]) return lang;
  }
  return 'en';
}

/**
 * Puts `nodes` in place of the root's children. Not replaceChildren(): the
 * fallback must work in every engine that runs this file, and Chrome
 * before 86, Firefox before 78 and Safari before 14 lack it (there, an
 * attached but empty shadow root would hide the host's own text too).
 */
function replace(root, ...nodes) {
  root.textContent = '';
  root.append(...nodes);
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * "In an emergency, call 911 now." with a tel: link; by the widget's rule,
 * 911 only when the page sets no number, and "your local emergency number"
 * (no link) when it sets one the rule refuses.
 */
function emergencyCall(element, t) {
  const given = element.getAttribute('emergency-number');
  const number = given === null ? DEFAULT_EMERGENCY_NUMBER : emergencyNumber(given);
  const call = number ? el('a', { href: number.href }, number.display) : t.local_emergency;
  return [t.emergency_before, call, t.emergency_after];
}

/** "Not a diagnosis. In an emergency, call 911 now." */
function emergencyLine(element, t) {
  const line = el('p', { className: 'sc-emergency' },
    el('strong', {}, t.not_a_diagnosis), ' ', ...emergencyCall(element, t));
  line.dataset.role = 'emergency-line';
  return line;
}

/**
 * The wasm could not load: the host's own text stays, and one line says so:
 * "The symptom checker could not start. Call us on … In an emergency, call …"
 */
function loadFailed(element) {
  const lang = language(element);
  const t = TEXT[lang];
  const phone = clinicPhone(element.getAttribute('clinic-phone') ?? '');
  const callUs = phone ? [` ${t.call_us}`, el('a', { href: phone.href }, phone.display), '.'] : [];
  const line = el('p', { className: 'sc-emergency' },
    el('strong', {}, t.start_failed), ...callUs, ' ', ...emergencyCall(element, t));
  line.dataset.role = 'emergency-line';
  line.setAttribute('role', 'alert');
  line.lang = lang;
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  replace(root, line, document.createElement('slot'));
}

/** The wasm trapped: the error screen, with the line, in every widget. */
function showError(element) {
  const lang = language(element);
  const t = TEXT[lang];
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const reloadButton = el('button', { type: 'button', className: 'sc-button sc-primary' }, t.reload);
  reloadButton.dataset.action = 'reload';
  const section = el('section', { className: 'sc', lang },
    emergencyLine(element, t),
    el('div', { className: 'sc-card' }, el('h2', { className: 'sc-title' }, t.error_title), el('p', {}, t.error_text), reloadButton));
  section.dataset.screen = 'error';
  section.setAttribute('role', 'alert');
  replace(root, section);
  root.addEventListener('click', reload);
}

const isTrap = (error) => error instanceof WebAssembly.RuntimeError;

function crash(error) {
  if (crashed) return;
  crashed = error;
  console.error('symptom-checker: the widget stopped working', error);
  for (const host of hosts) showError(host);
}

// Rust is entered from the element's callbacks below, and from the event
// handlers and scheduled renders it sets up itself: a trap in those reaches
// the page as an uncaught error.
addEventListener('error', (event) => { if (isTrap(event.error)) crash(event.error); });
addEventListener('unhandledrejection', (event) => { if (isTrap(event.reason)) crash(event.reason); });

/** Calls into the wasm; a trap shows the error screen instead of throwing. */
function enter(call) {
  if (crashed) return undefined;
  try {
    return call();
  } catch (error) {
    if (!isTrap(error)) throw error;
    crash(error);
    return undefined;
  }
}

// The wasm is late: the line on every element there is (each keeps its
// host's text); if the wasm arrives after all, the widget replaces it.
const late = setTimeout(() => {
  for (const element of document.querySelectorAll('symptom-checker')) loadFailed(element);
}, LOAD_TIMEOUT_MS);

ready.then(
  () => {
    clearTimeout(late);
    customElements.define('symptom-checker', class extends HTMLElement {
      static get observedAttributes() { return widget.observedAttributes(); }
      connectedCallback() {
        hosts.add(this);
        if (crashed) { showError(this); return; }
        enter(() => widget.connected(this));
      }
      disconnectedCallback() { hosts.delete(this); enter(() => widget.disconnected(this)); }
      attributeChangedCallback(name, old, value) { enter(() => widget.attributeChanged(this, name, old, value)); }
    });
  },
  (error) => {
    clearTimeout(late);
    console.error('symptom-checker: the widget could not load', error);
    customElements.define('symptom-checker', class extends HTMLElement {
      connectedCallback() { loadFailed(this); }
    });
  },
);

/** For frameworks: `const handle = await mount(element, { locale: 'es' }); handle.unmount();` */
export async function mount(element, options = {}) {
  await ready;
  hosts.add(element);
  const handle = enter(() => widget.mount(element, options));
  return {
    unmount() {
      hosts.delete(element);
      enter(() => handle?.unmount());
    },
  };
}
