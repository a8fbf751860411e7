// Building blocks every panel uses, so that the console looks and behaves the same everywhere and
// stays accessible: every field has a label, errors are announced and tied to their fields, dialogs
// trap and return focus, tables scroll by keyboard. Text is always inserted as text, never as HTML.

import { ApiError } from './api.js';

let counter = 0;
const uid = (prefix) => `${prefix}-${++counter}`;
const PROPERTIES = new Set(['value', 'checked', 'selected', 'indeterminate', 'multiple', 'disabled', 'hidden', 'open']);

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === true) continue;
    if (Array.isArray(child)) append(element, child);
    else if (child instanceof Node) element.append(child);
    else element.append(document.createTextNode(String(child)));
  }
  return element;
}

/**
 * Builds an element: h('button', { class: 'primary', onclick: save }, 'Save'). Attributes named
 * on<event> with a function become listeners; style takes an object; text children are escaped.
 */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  if (attrs !== null && attrs !== undefined
      && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class' || key === 'className') {
      element.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'style' && typeof value === 'object') {
      Object.assign(element.style, value);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (PROPERTIES.has(key)) {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  return append(element, children);
}

function options(list) {
  if (!list) return [];
  if (Array.isArray(list)) {
    return list.map(o => (o !== null && typeof o === 'object' ? { value: String(o.value), label: o.label ?? String(o.value) }
      : { value: String(o), label: String(o) }));
  }
  return Object.entries(list).map(([value, label]) => ({ value, label }));
}

/**
 * The building blocks in one language.
 * @param {(key: string, vars?: object) => string} t the shell's messages
 * @param {object} fmt the formatting functions
 */
export function createUi(t, fmt) {
  const ui = {};
  ui.h = h;

  /** A titled block of the page. */
  ui.section = (title, ...children) => {
    const id = uid('section');
    return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
  };

  /** A small coloured label: kind is info, success, warning, danger or neutral. */
  ui.badge = (text, kind = 'neutral') => h('span', { class: `badge badge-${kind}` }, text);

  /** A button: kind is primary, secondary (default) or danger. */
  ui.button = (label, onClick, { kind = 'secondary', type = 'button', disabled = false, ...attrs } = {}) =>
    h('button', { ...attrs, type, class: `button button-${kind}`, disabled, onclick: onClick }, label);

  /** A line that says something is loading, announced to screen readers. */
  ui.loading = (text) => h('p', { class: 'loading', role: 'status' }, text || t('ui.loading'));

  /** What a failed call means, for the user. */
  ui.errorText = (error) => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('error.network');
      if (error.status === 403) return t('error.forbidden');
      if (error.status === 404) return t('error.notFound');
      if (error.status >= 500) return t('error.server', { status: error.status });
      return error.message;
    }
    return t('error.unexpected');
  };

  /** A field error of the API in the user's language where it is one of the common ones ("must not be null"). */
  ui.fieldMessage = (message) => {
    const text = String(message ?? '');
    return /^(must not be (null|blank|empty)|is required)$/.test(text.trim()) ? t('ui.required.message') : text;
  };

  /** A box that shows an error. */
  ui.error = (error) => h('div', { class: 'alert alert-danger', role: 'alert' }, ui.errorText(error));

  /** A note for something empty. */
  ui.empty = (text) => h('p', { class: 'empty' }, text);

  /** A description list from [label, value] pairs. */
  ui.dl = (pairs) => h('dl', { class: 'details' }, pairs.filter(Boolean).map(([label, value]) => [h('dt', label), h('dd', value ?? '')]));

  /**
   * A table: columns [{ key, label, render?(row), align?: 'end', rowHeader? }], rows, a caption
   * (read by screen readers; visible unless captionHidden) and the text to show when it is empty.
   */
  ui.table = ({ caption, columns, rows, empty, captionHidden = false, onRowClick } = {}) => {
    const captionId = uid('caption');
    const head = h('thead', h('tr', columns.map(c => h('th', { scope: 'col', class: c.align === 'end' ? 'num' : null }, c.label))));
    const body = h('tbody');
    if (!rows || rows.length === 0) {
      body.append(h('tr', h('td', { colspan: columns.length, class: 'empty' }, empty || t('ui.table.empty'))));
    } else {
      for (const row of rows) {
        const cells = columns.map(c => {
          const value = c.render ? c.render(row) : row[c.key];
          return h(c.rowHeader ? 'th' : 'td', { scope: c.rowHeader ? 'row' : null, class: c.align === 'end' ? 'num' : null },
            value ?? '');
        });
        const tr = h('tr', null, cells);
        if (onRowClick) {
          tr.classList.add('clickable');
          tr.addEventListener('click', (e) => { if (!e.target.closest('a,button,input,select,textarea')) onRowClick(row); });
        }
        body.append(tr);
      }
    }
    return h('div', { class: 'table-wrap', role: 'region', tabindex: 0, 'aria-labelledby': captionId },
      h('table', null, h('caption', { id: captionId, class: captionHidden ? 'visually-hidden' : null }, caption || ''), head, body));
  };

  /**
   * Paging for {items, total, offset, limit}: previous and next buttons and where the page is;
   * onChange(offset) is called with the new offset.
   */
  ui.pager = (page, onChange) => {
    const { total = 0, offset = 0, limit = 50 } = page || {};
    const first = total === 0 ? 0 : offset + 1;
    const last = Math.min(offset + limit, total);
    return h('nav', { class: 'pager', 'aria-label': t('ui.pager') },
      ui.button(t('ui.pager.previous'), () => onChange(Math.max(0, offset - limit)), { disabled: offset <= 0 }),
      h('span', { class: 'pager-status', 'aria-live': 'polite' },
        t('ui.pager.status', { first: fmt.number(first), last: fmt.number(last), total: fmt.number(total) })),
      ui.button(t('ui.pager.next'), () => onChange(offset + limit), { disabled: offset + limit >= total }));
  };

  /** A short message at the corner of the screen, announced politely (kind error: assertively). */
  ui.toast = (message, kind = 'info') => {
    const region = document.getElementById(kind === 'error' ? 'toasts-alert' : 'toasts');
    if (!region) return;
    const item = h('div', { class: `toast toast-${kind}` }, h('span', null, message),
      h('button', { type: 'button', class: 'toast-close', 'aria-label': t('ui.close'), onclick: () => item.remove() }, '×'));
    region.append(item);
    setTimeout(() => item.remove(), kind === 'error' ? 10_000 : 6_000);
  };

  /** Asks a yes/no question in a modal dialog; resolves to true when confirmed. */
  ui.confirm = (message, { confirmLabel, cancelLabel, danger = false, title } = {}) => new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = uid('dialog-title');
    const messageId = uid('dialog-message');
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'aria-describedby': messageId });
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      if (opener && opener.focus) opener.focus();
      resolve(answer);
    };
    const cancel = ui.button(cancelLabel || t('ui.cancel'), () => close(false));
    dialog.append(
      h('h2', { id: titleId }, title || t('ui.confirm.title')),
      h('p', { id: messageId }, message),
      h('div', { class: 'actions' }, cancel,
        ui.button(confirmLabel || t('ui.ok'), () => close(true), { kind: danger ? 'danger' : 'primary' })));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(false); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });

  /**
   * A form: fields [{ name, label, type, required, options, value, help, placeholder, min, max,
   * step, pattern, autocomplete, rows, multiple, accept }], a submit label, and onSubmit(values). A
   * field left empty gives null; number fields give numbers; a checkbox a boolean; checkboxes (a
   * group of options) an array of the values ticked; file the File chosen. An ApiError thrown by
   * onSubmit is shown next to the fields it names, the rest above the buttons.
   */
  ui.form = ({ fields, submitLabel, onSubmit, cancelLabel, onCancel, id } = {}) => {
    const formId = id || uid('form');
    const form = h('form', { class: 'form', id: formId, novalidate: true });
    const formError = h('div', { class: 'alert alert-danger form-error', role: 'alert', tabindex: -1, hidden: true });
    const controls = new Map();

    for (const field of fields) {
      const fieldId = `${formId}-${field.name}`;
      const helpId = field.help ? `${fieldId}-help` : null;
      const errorId = `${fieldId}-error`;
      const describedBy = [helpId].filter(Boolean).join(' ') || null;
      const required = field.required ? h('span', { class: 'required' }, t('ui.required')) : null;
      const error = h('p', { class: 'field-error', id: errorId, hidden: true });
      const help = field.help ? h('p', { class: 'help', id: helpId }, field.help) : null;
      let control;
      let wrapper;
      const type = field.type || 'text';
      if (type === 'checkboxes') {
        const chosen = new Set((Array.isArray(field.value) ? field.value : []).map(String));
        const choices = options(field.options).map((o, i) => h('label', { class: 'choice' },
          h('input', { type: 'checkbox', name: field.name, value: o.value, id: i === 0 ? fieldId : null,
            checked: chosen.has(o.value) }), ' ', o.label));
        const inputs = () => [...form.querySelectorAll(`input[name="${CSS.escape(field.name)}"]`)];
        control = { group: true, get: () => inputs().filter(i => i.checked).map(i => i.value), inputs };
        wrapper = h('fieldset', { class: 'field', 'aria-describedby': describedBy },
          h('legend', null, field.label, required), help, h('div', { class: 'choices' }, choices), error);
      } else if (type === 'radio') {
        const choices = options(field.options).map((o, i) => h('label', { class: 'choice' },
          h('input', { type: 'radio', name: field.name, value: o.value, id: i === 0 ? fieldId : null,
            checked: String(field.value ?? '') === o.value, required: !!field.required }), ' ', o.label));
        control = { radio: true, get: () => form.querySelector(`input[name="${CSS.escape(field.name)}"]:checked`)?.value ?? null,
          inputs: () => [...form.querySelectorAll(`input[name="${CSS.escape(field.name)}"]`)] };
        wrapper = h('fieldset', { class: 'field', 'aria-describedby': describedBy },
          h('legend', null, field.label, required), help, h('div', { class: 'choices' }, choices), error);
      } else if (type === 'checkbox') {
        const input = h('input', { type: 'checkbox', id: fieldId, name: field.name, checked: !!field.value,
          'aria-describedby': describedBy });
        control = { input, get: () => input.checked };
        wrapper = h('div', { class: 'field field-checkbox' }, h('label', { for: fieldId }, input, ' ', field.label, required),
          help, error);
      } else {
        let input;
        if (type === 'textarea') {
          input = h('textarea', { rows: field.rows || 4 });
          input.value = field.value ?? '';
        } else if (type === 'select') {
          input = h('select', { multiple: !!field.multiple },
            field.required || field.multiple ? null : h('option', { value: '' }, field.placeholder || t('ui.select.none')),
            options(field.options).map(o => h('option', { value: o.value,
              selected: Array.isArray(field.value) ? field.value.map(String).includes(o.value) : String(field.value ?? '') === o.value }, o.label)));
        } else if (type === 'file') {
          input = h('input', { type: 'file', accept: field.accept });
        } else {
          input = h('input', { type, value: field.value ?? '', placeholder: field.placeholder, min: field.min, max: field.max,
            step: field.step, pattern: field.pattern, maxlength: field.maxLength, inputmode: field.inputmode });
        }
        input.id = fieldId;
        input.name = field.name;
        if (field.required) input.required = true;
        if (field.autocomplete) input.setAttribute('autocomplete', field.autocomplete);
        if (describedBy) input.setAttribute('aria-describedby', describedBy);
        control = {
          input,
          get: () => {
            if (type === 'select' && field.multiple) return [...input.selectedOptions].map(o => o.value);
            if (type === 'file') return input.files && input.files.length ? input.files[0] : null;
            const value = input.value;
            if (value === '') return null;
            return type === 'number' ? Number(value) : value;
          },
        };
        wrapper = h('div', { class: 'field' }, h('label', { for: fieldId }, field.label, required), help, input, error);
      }
      control.field = field;
      control.error = error;
      control.wrapper = wrapper;
      controls.set(field.name, control);
      form.append(wrapper);
    }

    const submit = h('button', { type: 'submit', class: 'button button-primary' }, submitLabel || t('ui.save'));
    const actions = h('div', { class: 'actions' }, submit,
      onCancel ? ui.button(cancelLabel || t('ui.cancel'), onCancel) : null);
    form.append(formError, actions);

    const focusable = (control) => control.input || (control.inputs && control.inputs()[0]);
    const setError = (control, message) => {
      control.error.textContent = message;
      control.error.hidden = false;
      const targets = control.input ? [control.input] : control.inputs();
      for (const target of targets) {
        target.setAttribute('aria-invalid', 'true');
        const ids = new Set((target.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
        ids.add(control.error.id);
        target.setAttribute('aria-describedby', [...ids].join(' '));
      }
    };
    const clearErrors = () => {
      formError.hidden = true;
      formError.textContent = '';
      for (const control of controls.values()) {
        control.error.hidden = true;
        control.error.textContent = '';
        for (const target of control.input ? [control.input] : control.inputs()) target.removeAttribute('aria-invalid');
      }
    };

    /** Shows errors: { field: message } and an optional message for the whole form. */
    form.showErrors = (fieldErrors = {}, message = null) => {
      clearErrors();
      const unknown = [];
      let first = null;
      for (const [name, raw] of Object.entries(fieldErrors)) {
        const text = ui.fieldMessage(raw);
        const control = controls.get(name);
        if (control) {
          setError(control, text);
          first = first || focusable(control);
        } else {
          unknown.push(`${name}: ${text}`);
        }
      }
      if (message || unknown.length) {
        formError.replaceChildren(...[message, ...unknown].filter(Boolean).map(line => h('p', null, line)));
        formError.hidden = false;
        first = first || formError;
      }
      if (first) first.focus();
    };
    form.values = () => Object.fromEntries([...controls].map(([name, control]) => [name, control.get()]));

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const errors = {};
      for (const [name, control] of controls) {
        const value = control.get();
        if (control.field.required && (value === null || value === false || (Array.isArray(value) && !value.length))) {
          errors[name] = t('ui.required.message');
        } else if (control.input && !control.input.checkValidity()) {
          errors[name] = control.input.validationMessage;
        }
      }
      if (Object.keys(errors).length) {
        form.showErrors(errors);
        return;
      }
      clearErrors();
      submit.disabled = true;
      form.setAttribute('aria-busy', 'true');
      try {
        await onSubmit(form.values());
      } catch (error) {
        if (error instanceof ApiError) {
          form.showErrors(error.fields, Object.keys(error.fields).length ? t('ui.form.invalid') : ui.errorText(error));
        } else {
          form.showErrors({}, ui.errorText(error));
          console.error(error);
        }
      } finally {
        submit.disabled = false;
        form.removeAttribute('aria-busy');
      }
    });
    return form;
  };

  /**
   * A form in a modal dialog: { title, text?, fields, submitLabel, onSubmit(values) }. Resolves to
   * what onSubmit returned (true when nothing) once it succeeded, or null when cancelled; errors
   * thrown by onSubmit stay in the dialog next to their fields. The focus goes to the first field
   * and back to the element that opened the dialog, when it is still on the page.
   */
  ui.formDialog = ({ title, text, fields, submitLabel, cancelLabel, onSubmit } = {}) => new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = uid('dialog-title');
    const dialog = h('dialog', { class: 'dialog dialog-form', 'aria-labelledby': titleId });
    let open = true;
    const close = (result) => {
      if (!open) return;
      open = false;
      dialog.close();
      dialog.remove();
      if (opener && opener.isConnected && opener.focus) opener.focus();
      resolve(result);
    };
    const form = ui.form({
      fields, submitLabel, cancelLabel, onCancel: () => close(null),
      onSubmit: async (values) => {
        const result = await onSubmit(values);
        close(result === undefined ? true : result);
      },
    });
    dialog.append(h('h2', { id: titleId }, title), text ? h('p', null, text) : null, form);
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(null); });
    document.body.append(dialog);
    dialog.showModal();
    const first = form.querySelector('input, select, textarea');
    if (first) first.focus();
  });

  return Object.freeze(ui);
}
