// The community card on the console's home page: the next events (with free places) and the
// consultations whose follow-up is due, overdue first.

import { island, text, today } from './common.js';

const SHOWN = 5;

export async function mount(element, ctx) {
  const { ui, t, fmt, api } = ctx;
  const h = ui.h;
  element.replaceChildren(ui.loading());
  try {
    const [events, due] = await Promise.all([api.get(`/api/community/events?from=${today()}&limit=${SHOWN}`),
      api.get(`/api/community/consultations/follow-ups?limit=${SHOWN}`)]);
    const who = c => (c.anonymous ? t('consultations.anonymous') : (c.personName || c.personId));
    element.replaceChildren(h('div', { class: 'community-home' },
      h('h3', null, t('home.upcoming')),
      events.items.length === 0 ? ui.empty(t('home.none')) : h('ul', { class: 'community-home-list' }, events.items.map(e => h('li', null,
        h('a', { href: `#/community/events/${e.id}` }, text(e.title, ctx.lang)), ' ',
        h('span', { class: 'community-home-meta' }, [fmt.dateTime(island(e.startsAt)), e.place].filter(Boolean).join(' · '))))),
      h('h3', null, t('home.followUps', { n: fmt.number(due.total) })),
      due.items.length === 0 ? ui.empty(t('home.followUps.none')) : h('ul', { class: 'community-home-list' }, due.items.map(c => h('li', null,
        h('a', { href: `#/community/consultations/${c.id}` }, `${who(c)} — ${text(c.topicLabel, ctx.lang)}`), ' ',
        h('span', { class: 'community-home-meta' }, t('home.followUpOn', { date: fmt.date(c.followUpOn) }))))),
      h('p', null, h('a', { href: '#/community/consultations' }, t('home.desk')))));
  } catch (error) {
    element.replaceChildren(ui.error(error));
  }
}
