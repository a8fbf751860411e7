// The published results: winners only (results.html lists every contest whose results are out,
// results.html?contest=<id> one of them).
import { call, h, localized, setUp, show, t } from './public.js';

const params = new URLSearchParams(location.search);
const only = /^\d+$/.test(params.get('contest') || '') ? Number(params.get('contest')) : null;
let results = [];
let failed = false;

function render() {
  if (failed) {
    show(h('p', { class: 'alert', role: 'alert' }, t('failed')));
    return;
  }
  if (!results.length) {
    show(h('p', null, t('noResults')));
    return;
  }
  show(...results.map(r => h('section', { 'aria-labelledby': `contest-${r.contest.id}` },
    h('h2', { id: `contest-${r.contest.id}` }, `${localized(r.contest.fiscalYearLabel)} ${localized(r.contest.title)}`),
    h('ul', { class: 'winners' }, r.winners.map(w => h('li', { class: 'winner' },
      h('p', null, h('span', { class: 'award' }, localized(w.awardLabel))),
      w.photos && w.photos.length ? h('img', { src: w.photos[0], alt: t('photoOf', { title: w.title }), loading: 'lazy' }) : null,
      h('p', null, h('strong', null, w.title), ' ', h('span', { class: 'note' }, t('number', { n: w.entryNumber }))),
      h('p', { class: 'note' }, [localized(w.category), w.materials, w.technique].filter(Boolean).join(' · ')),
      w.makerName ? h('p', null, t('maker', { name: w.makerName })) : null))))));
}

async function load() {
  const list = await call('GET', '/api/contest/public/contests');
  if (list.status !== 200) {
    failed = true;
  } else {
    const contests = list.body.filter(c => only === null || c.id === only);
    const answers = await Promise.all(contests.map(c => call('GET', `/api/contest/public/contests/${c.id}/results`)));
    results = answers.filter(a => a.status === 200).map(a => a.body);
  }
  setUp(render);
}

load();
