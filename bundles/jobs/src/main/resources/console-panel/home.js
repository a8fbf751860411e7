// The job brokering card on the console's home page: the open jobs, the introductions waiting for
// the freelancer's answer (staff record it), and for coordinators what waits for them: counter-
// proposals to decide, accepted introductions without a contract, and contracts the Freelance Act
// flags (terms not given in writing or incomplete, payment late or overdue).

import { API, coordinator, flagBadges, personName, text } from './common.js';

const SHOWN = 5;

export async function mount(element, ctx) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  element.replaceChildren(ui.loading());
  const coord = coordinator(ctx);
  const total = path => api.get(`${API}/${path}${path.includes('?') ? '&' : '?'}limit=1`).then(p => p.total);
  try {
    const [open, introduced, offered, proposed, accepted, flagged] = await Promise.all([
      api.get(`${API}/jobs?status=OPEN&limit=${SHOWN}`),
      total('jobs?status=INTRODUCED'),
      total('introductions?status=OFFERED'),
      coord ? total('introductions?status=PROPOSED') : null,
      coord ? total('introductions?status=ACCEPTED') : null,
      coord ? api.get(`${API}/contracts/flagged?limit=${SHOWN}`) : null,
    ]);
    const link = (href, label) => h('a', { href }, label);
    const attention = [
      offered ? h('li', null, link('#/jobs/introductions/offered', t('home.offered', { n: fmt.number(offered) }))) : null,
      proposed ? h('li', null, link('#/jobs/introductions/proposed', t('home.proposed', { n: fmt.number(proposed) }))) : null,
      accepted ? h('li', null, link('#/jobs/introductions/accepted', t('home.accepted', { n: fmt.number(accepted) }))) : null,
    ].filter(Boolean);
    element.replaceChildren(h('div', { class: 'jobs-home' },
      h('h3', null, t('home.open', { n: fmt.number(open.total) })),
      open.items.length ? h('ul', { class: 'jobs-home-list' }, open.items.map(j => h('li', null,
        link(`#/jobs/jobs/${j.id}`, text(ctx, j.title)), ' ',
        h('span', { class: 'jobs-home-meta' }, [j.partnerName, j.schedule.deadline ? t('home.deadline', { date: fmt.date(j.schedule.deadline) }) : null,
          fmt.yen(j.pay.totalYen)].filter(Boolean).join(' · ')))))
        : ui.empty(t('home.open.none')),
      introduced ? h('p', null, t('home.introduced', { n: fmt.number(introduced) })) : null,
      attention.length ? [h('h3', null, t('home.attention')), h('ul', { class: 'jobs-home-list' }, attention)] : null,
      flagged ? [h('h3', null, t('home.flagged', { n: fmt.number(flagged.total) })),
        flagged.items.length ? h('ul', { class: 'jobs-home-list jobs-home-flagged' }, flagged.items.map(c => h('li', null,
          link(`#/jobs/contracts/${c.id}`, `${personName(ctx, c)} — ${text(ctx, c.jobTitle)}`), h('div', null, flagBadges(ctx, c.flags)))))
          : ui.empty(t('home.flagged.none')),
        flagged.total > flagged.items.length ? h('p', null, link('#/jobs/contracts/flagged', t('home.flagged.all'))) : null] : null,
      h('p', null, link('#/jobs/jobs', t('home.board')))));
  } catch (error) {
    element.replaceChildren(ui.error(error));
  }
}
