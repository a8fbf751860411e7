// What the Terakoya panel's views share: the program's codes (labelled from the messages), fiscal
// years, texts in two languages, a person finder on the people registry, and small helpers.

export const STATUSES = ['APPLIED', 'ACCEPTED', 'WAITLISTED', 'DECLINED', 'WITHDRAWN'];
export const ATTENDANCE = ['PRESENT', 'LATE', 'ABSENT', 'EXCUSED'];
export const RULES = ['ATTENDANCE', 'ASSIGNMENT', 'ATTENDANCE_OR_ASSIGNMENT', 'ATTENDANCE_AND_ASSIGNMENT'];
export const FORMATS = ['ON_SITE', 'ONLINE', 'HYBRID'];
/** The plan's first fiscal year: the panel offers years from here to next year. */
const FIRST_YEAR = 2015;

/** Options of a select: codes labelled by the messages "<prefix>.<code>". */
export function choices(t, prefix, codes) {
  return codes.map(code => ({ value: code, label: t(`${prefix}.${code}`) }));
}

/** The fiscal years staff can choose, newest first, labelled with their era (令和7年度). */
export function yearOptions(fmt) {
  const years = [];
  for (let y = fmt.fiscalYearOf() + 1; y >= FIRST_YEAR; y--) years.push({ value: y, label: fmt.fiscalYear(y) });
  return years;
}

/** A {ja, en} text in the user's language (Japanese when there is no English). */
export function text(ctx, value) {
  if (!value) return '';
  return (ctx.lang === 'en' && value.en) || value.ja || value.en || '';
}

/** 10:00 from 10:00:00. */
export function time(value) {
  return value ? String(value).slice(0, 5) : '';
}

/** Today's date on the island, as the API writes dates. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/** The badge kind of an application's status. */
export function statusKind(status) {
  return { APPLIED: 'info', ACCEPTED: 'success', WAITLISTED: 'warning', DECLINED: 'neutral', WITHDRAWN: 'neutral' }[status] || 'neutral';
}

/** A person's name as the API gives it, or their id when the registry does not name them. */
export function personName(ctx, row) {
  return row.personName || ctx.t('person.unnamed', { id: row.personId });
}

/** Moves the focus to the heading of a section, or to an element (after an action changed the page). */
export function focusOn(target) {
  if (!target) return;
  const element = target.matches && target.matches('section') ? target.querySelector('h2, h3') : target;
  if (!element) return;
  if (!element.matches('a, button, input, select, textarea')) element.setAttribute('tabindex', '-1');
  element.focus();
}

/** The API's row errors of a CSV import (rows[<line>].<column>) as table rows in line order. */
export function rowErrors(problem) {
  const errors = (problem && Array.isArray(problem.errors)) ? problem.errors : [];
  return errors.map((e) => {
    const m = /^rows\[(\d+)\](?:\.(.+))?$/.exec(e.field || '');
    return { line: m ? Number(m[1]) : null, column: m ? (m[2] || '') : (e.field || ''), message: e.message };
  }).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Finds a person in the people registry by name or kana (GET /api/people?q=) and offers a button
 * per person found; onPick(person) does the act (an ApiError it throws is shown above the list).
 * @returns {HTMLElement}
 */
export function personPicker(ctx, { id, title, actionLabel, actionAria, onPick }) {
  const { t, ui } = ctx;
  const h = ui.h;
  const message = h('div', { class: 'picker-message', 'aria-live': 'polite' });
  const results = h('div', { class: 'picker-results' });
  const form = ui.form({
    id: `${id}-form`,
    fields: [{ name: 'q', label: t('picker.q'), type: 'search', required: true, help: t('picker.q.help'), maxLength: 100 }],
    submitLabel: t('picker.search'),
    onSubmit: async ({ q }) => {
      message.replaceChildren();
      const page = await ctx.api.get(`/api/people?${new URLSearchParams({ q, limit: 10 })}`);
      results.replaceChildren(ui.table({
        caption: t('picker.caption', { count: page.total, q }),
        empty: t('picker.none'),
        rows: page.items,
        columns: [
          { key: 'name', label: t('picker.name'), rowHeader: true, render: p => [p.name, h('span', { class: 'kana' }, p.kana)] },
          { key: 'district', label: t('picker.district') },
          { key: 'consent', label: t('picker.consent'), render: p => ((p.consents || []).includes('PROGRAM_ADMINISTRATION')
            ? ui.badge(t('picker.consent.yes'), 'success') : ui.badge(t('picker.consent.no'), 'warning')) },
          { key: 'action', label: t('picker.action'), render: p => ui.button(actionLabel, async (event) => {
            const button = event.currentTarget;
            button.disabled = true;
            try {
              await onPick(p);
              results.replaceChildren();
              form.reset();
            } catch (error) {
              button.disabled = false;
              message.replaceChildren(h('div', { class: 'alert alert-danger', role: 'alert', tabindex: -1 }, ui.errorText(error)));
              message.firstChild.focus();
            }
          }, { kind: 'primary', 'aria-label': actionAria(p), 'data-person': p.id }) },
        ],
      }));
    },
  });
  form.classList.add('form-inline');
  const section = ui.section(title, form, message, results);
  section.id = id;
  return section;
}

/** Asks for an optional reason (declining, withdrawing) in a dialog; resolves to the answer of act(reason), or null. */
export function withReason(ctx, { title, text: message, submitLabel, act }) {
  return ctx.ui.formDialog({
    title,
    text: message,
    fields: [{ name: 'reason', label: ctx.t('reason'), type: 'textarea', rows: 3, maxLength: 500, help: ctx.t('reason.help') }],
    submitLabel,
    onSubmit: async ({ reason }) => act(reason),
  });
}
