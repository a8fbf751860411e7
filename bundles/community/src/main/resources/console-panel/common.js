// Helpers the community panel's views share.

export { nest } from '/console/js/dom.js';

/** Today in Japan, YYYY-MM-DD. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/** An island local date-time (2025-06-14T19:00:00) as an instant the console formats in Japan time. */
export function island(localDateTime) {
  return localDateTime ? `${localDateTime}+09:00` : null;
}

/** The text of a {ja, en} label in the user's language. */
export function text(label, lang) {
  if (!label) return '';
  return (lang === 'en' ? label.en : label.ja) || label.ja || '';
}

/** Options for a select from [{code, label}] or from enum names with messages. */
export function options(list, lang) {
  return list.map(c => ({ value: c.code, label: text(c.label, lang) }));
}

/** A heading row with a back button. */
export function back(ctx, route) {
  return ctx.ui.h('p', { class: 'actions' }, ctx.ui.button(ctx.t('common.back'), () => ctx.navigate(route)));
}

/** Renders an async view: a loading line, then the content or the error. */
export async function render(element, ctx, build) {
  element.replaceChildren(ctx.ui.loading());
  try {
    const content = await build();
    element.replaceChildren(...[content].flat().filter(Boolean));
  } catch (error) {
    element.replaceChildren(ctx.ui.error(error));
  }
}

/** A badge for a publication status. */
export function publication(ctx, status) {
  return status === 'PUBLISHED' ? ctx.ui.badge(ctx.t('common.published'), 'success') : ctx.ui.badge(ctx.t('common.draft'), 'neutral');
}
