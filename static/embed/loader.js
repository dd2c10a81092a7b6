// <symptom-checker>: one script tag and one element. Loads the widget's
// wasm from next to this file and forwards the element's lifecycle to it
// (src/embed.rs). Everything else is in Rust; this file stays this small.
// If the wasm cannot load, the element keeps the host's own text and adds
// the emergency line, so the page never shows an empty box.
import init, * as widget from 'wasm-glue';

const ready = init();

// The panic fallback's Reload button (Rust code should not run after a panic).
const reload = (event) => {
  if (event.target.closest?.('[data-action="reload"]')) location.reload();
};

function emergencyLine(element) {
  const number = element.getAttribute('emergency-number') ?? '';
  // The same rule as the widget's `emergency-number`: 2 to 6 digits.
  const safe = /^[0-9]{2,6}$/.test(number.trim()) ? number.trim() : '911';
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const line = document.createElement('p');
  const call = document.createElement('a');
  call.href = `tel:${safe}`;
  call.textContent = safe;
  line.dataset.role = 'emergency-line';
  line.append('Not a diagnosis. In an emergency, call ', call, ' now.');
  root.replaceChildren(line, document.createElement('slot'));
}

ready.then(
  () => customElements.define('symptom-checker', class extends HTMLElement {
    static get observedAttributes() { return widget.observedAttributes(); }
    connectedCallback() { widget.connected(this); this.shadowRoot?.addEventListener('click', reload); }
    disconnectedCallback() { widget.disconnected(this); }
    attributeChangedCallback(name, old, value) { widget.attributeChanged(this, name, old, value); }
  }),
  (error) => {
    console.error('symptom-checker: the widget could not load', error);
    customElements.define('symptom-checker', class extends HTMLElement {
      connectedCallback() { emergencyLine(this); }
    });
  },
);

/** For frameworks: `const handle = await mount(element, { locale: 'es' }); handle.unmount();` */
export async function mount(element, options = {}) {
  await ready;
  const handle = widget.mount(element, options);
  element.shadowRoot?.addEventListener('click', reload);
  return handle;
}
