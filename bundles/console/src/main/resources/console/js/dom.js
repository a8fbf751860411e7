// Small helpers for panels that need no translator or session, importable by any panel as
// '/console/js/dom.js' (the console's module API, like ctx.ui): kept here once instead of in
// every panel.

/** Moves the focus to the heading of a section, or to an element (after an action changed the page). */
export function focusOn(target) {
  if (!target) return;
  const element = target.matches && target.matches('section') ? target.querySelector('h2, h3') : target;
  if (!element) return;
  if (!element.matches('a, button, input, select, textarea')) element.setAttribute('tabindex', '-1');
  element.focus();
}

/**
 * Turns a form's values with dotted names ({"title.ja": "x"}) into a request body
 * ({title: {ja: "x"}}); empty values are left out, and so are objects left empty.
 */
export function nest(values) {
  const body = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') continue;
    const parts = name.split('.');
    let target = body;
    for (const part of parts.slice(0, -1)) {
      target[part] = target[part] || {};
      target = target[part];
    }
    target[parts[parts.length - 1]] = value;
  }
  return body;
}
