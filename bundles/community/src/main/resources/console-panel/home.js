// The community card on the console's home page: the next events and the follow-ups due.

import { island, text, today } from './common.js';

export async function mount(element, ctx) {
  const { ui, t, fmt, api } = ctx;
  const h = ui.h;
  try {
    const [events, due] = await Promise.all([api.get(`/api/community/events?from=${today()}&limit=5`),
      api.get('/api/community/consultations/follow-ups?limit=1')]);
    element.replaceChildren(ui.section(t('home.title'),
      h('h3', null, t('home.upcoming')),
      events.items.length === 0 ? ui.empty(t('home.none')) : h('ul', null, events.items.map(e => h('li', null,
        h('a', { href: `#/community/events/${e.id}` }, `${fmt.dateTime(island(e.startsAt))} ${text(e.title, ctx.lang)}`)))),
      h('p', null, h('a', { href: '#/community/consultations' }, t('home.followUps', { n: fmt.number(due.total) })))));
  } catch (error) {
    element.replaceChildren(ui.section(t('home.title'), ui.error(error)));
  }
}
