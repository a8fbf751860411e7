// The Terakoya card on the console's home page: the courses taking applications (this fiscal year's
// and next year's, whose applications open before the year starts), and courses with people on the
// waitlist (staff should free or add seats).

import { text } from './common.js';

export async function mount(element, ctx) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  element.replaceChildren(ui.loading());
  try {
    const year = fmt.fiscalYearOf();
    const [page, next] = await Promise.all([api.get(`/api/terakoya/courses?fiscalYear=${year}&limit=200`),
      api.get(`/api/terakoya/courses?fiscalYear=${year + 1}&limit=200`)]);
    const courses = [...page.items, ...next.items];
    const open = courses.filter(c => c.applicationOpen);
    const waiting = courses.filter(c => c.seats.waitlisted > 0);
    const item = c => h('li', null, h('a', { href: `#/terakoya/courses/${c.id}` }, text(ctx, c.title)), ' ',
      t('home.seats', { free: fmt.number(c.seats.free), waitlisted: fmt.number(c.seats.waitlisted) }));
    element.replaceChildren(h('div', null,
      h('p', null, t('home.year', { year: fmt.fiscalYear(year), count: fmt.number(page.total) })),
      h('h3', null, t('home.open')),
      open.length ? h('ul', { class: 'terakoya-home-list' }, open.slice(0, 5).map(item)) : ui.empty(t('home.open.none')),
      waiting.length ? [h('h3', null, t('home.waiting')), h('ul', { class: 'terakoya-home-list' }, waiting.slice(0, 5).map(item))] : null,
      h('p', null, h('a', { href: '#/terakoya/courses' }, t('home.all')))));
  } catch (error) {
    element.replaceChildren(ui.error(error));
  }
}
