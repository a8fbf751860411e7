// What the job brokering panel's views share: the program's codes (labelled from the messages),
// texts in two languages, fiscal years, dates and small helpers. See docs/jobs.md.

export const API = '/api/jobs';

export const JOB_STATUSES = ['OPEN', 'INTRODUCED', 'CONTRACTED', 'DELIVERED', 'PAID', 'CLOSED'];
export const INTRODUCTION_STATUSES = ['OFFERED', 'PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'CONTRACTED'];
export const CONTRACT_STATUSES = ['ACTIVE', 'DELIVERED', 'PAID', 'CANCELLED'];
export const PARTNER_KINDS = ['CROWDSOURCING', 'STOCK_PHOTO', 'HANDMADE_MARKET', 'ONLINE_LEARNING', 'COMPANY', 'PUBLIC_BODY', 'OTHER'];
export const WORK_MODES = ['REMOTE', 'HYBRID', 'ON_SITE'];
export const PAY_TYPES = ['FIXED', 'PER_UNIT'];
export const EFFORT_UNITS = ['DAYS', 'HOURS'];
export const CHANNELS = ['PHONE', 'EMAIL', 'MESSAGE', 'IN_PERSON', 'OTHER'];
export const TIME_WINDOWS = ['EARLY_MORNING', 'MORNING', 'AFTERNOON', 'EVENING', 'NIGHT'];
/** The plan's first fiscal year: the panel offers years from here to next year. */
const FIRST_YEAR = 2015;

/** Options of a select: codes labelled by the messages "<prefix>.<code>". */
export function choices(t, prefix, codes) {
  return codes.map(code => ({ value: code, label: t(`${prefix}.${code}`) }));
}

/** A {ja, en} text in the user's language (Japanese when there is no English). */
export function text(ctx, value) {
  if (!value) return '';
  return (ctx.lang === 'en' && value.en) || value.ja || value.en || '';
}

/** Whether the user brokers jobs (coordinators and administrators). */
export function coordinator(ctx) {
  return ctx.hasRole('coordinator');
}

/** Today's date on the island, as the API writes dates. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/** The fiscal years staff can choose, newest first, labelled with their era (令和7年度). */
export function yearOptions(fmt) {
  const years = [];
  for (let y = fmt.fiscalYearOf() + 1; y >= FIRST_YEAR; y--) years.push({ value: y, label: fmt.fiscalYear(y) });
  return years;
}

/** A person's name as the API gives it, or their id when the registry does not name them. */
export function personName(ctx, row) {
  return row.personName || row.name || ctx.t('person.unnamed', { id: row.personId });
}

/** The badge kind of a status. */
export function statusKind(status) {
  return {
    OPEN: 'info', INTRODUCED: 'info', CONTRACTED: 'success', DELIVERED: 'success', PAID: 'neutral', CLOSED: 'neutral',
    OFFERED: 'info', PROPOSED: 'warning', ACCEPTED: 'success', DECLINED: 'neutral', WITHDRAWN: 'neutral',
    ACTIVE: 'info', CANCELLED: 'neutral',
  }[status] || 'neutral';
}

/** The Freelance Act findings of a contract as badges (violations red, warnings amber). */
export function flagBadges(ctx, flags) {
  return (flags || []).map(f => ctx.ui.badge(text(ctx, f.text), f.severity === 'VIOLATION' ? 'danger' : 'warning'));
}

/** Terms (scope / pay / due date) in one line, or a dash. */
export function termsText(ctx, terms) {
  if (!terms) return '—';
  const parts = [terms.scope, terms.units != null ? ctx.t('terms.units', { n: ctx.fmt.number(terms.units) }) : null,
    terms.payYen != null ? ctx.fmt.yen(terms.payYen) : null,
    terms.dueDate ? ctx.t('terms.due', { date: ctx.fmt.date(terms.dueDate) }) : null].filter(Boolean);
  return parts.length ? parts.join(' / ') : '—';
}

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

/**
 * Moves the API's errors of list items (skills[2], schedule.fixedDates[0]) onto the field that
 * holds the list, so they are shown there; rethrows the error.
 */
export function onListFields(error, lists) {
  if (error && error.fields) {
    for (const [name, message] of Object.entries({ ...error.fields })) {
      const list = lists.find(l => name.startsWith(`${l}[`));
      if (list) {
        delete error.fields[name];
        error.fields[list] = error.fields[list] || message;
      }
    }
  }
  throw error;
}

/** A pager and a table that load a page at a time: load(offset) draws into the returned element. */
export function pagedTable(ctx, { fetch, table, id }) {
  const { ui } = ctx;
  const holder = ui.h('div', { id, 'aria-live': 'polite' });
  const load = async (offset) => {
    try {
      const page = await fetch(offset);
      holder.replaceChildren(table(page), page.total > page.limit ? ui.pager(page, next => load(next)) : '');
    } catch (error) {
      holder.replaceChildren(ui.error(error));
    }
  };
  return { element: holder, load };
}
