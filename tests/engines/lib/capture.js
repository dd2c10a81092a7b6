// The page's own record of its errors, for the cross-engine suite: the
// first script of every test page (a classic script from the page's own
// origin, so a strict CSP allows it). It keeps what a WebDriver session
// may not report: CSP violations in every engine, and console errors,
// uncaught errors and warnings where the engine has no WebDriver BiDi
// (the harness reads it with `window.__engineLog`).
(() => {
  const log = [];
  Object.defineProperty(window, '__engineLog', { value: log });
  const describe = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === 'string') return value;
    try { return String(value); } catch { return Object.prototype.toString.call(value); }
  };
  const wrap = (method, type) => {
    const original = console[method];
    console[method] = function (...args) {
      if (method === 'assert') {
        if (!args[0]) log.push({ type, text: `Assertion failed: ${args.slice(1).map(describe).join(' ')}` });
      } else {
        log.push({ type, text: args.map(describe).join(' ') });
      }
      return original.apply(this, args);
    };
  };
  wrap('error', 'error');
  wrap('warn', 'warning');
  wrap('assert', 'assert');
  addEventListener('error', (event) => {
    const el = event.target;
    if (el && el !== window && el.tagName) {
      log.push({ type: 'error', text: `failed to load <${el.tagName.toLowerCase()}> ${el.src || el.href || ''}`, page: true });
    } else {
      log.push({ type: 'uncaught', text: describe(event.error ?? event.message) });
    }
  }, true);
  addEventListener('unhandledrejection', (event) => log.push({ type: 'uncaught', text: `unhandled rejection: ${describe(event.reason)}` }));
  addEventListener('securitypolicyviolation', (event) => log.push({
    type: 'error',
    text: `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`,
    csp: true,
  }), true);
})();
