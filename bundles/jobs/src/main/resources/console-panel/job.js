// One job: its details, its introductions and the ranked candidates with the reasons of their
// scores (every view of the ranking is audit-logged by the API). Coordinators introduce the job to
// a candidate, edit it while nobody has a contract, and close it.

import { API, coordinator, focusOn, pagedTable, personName, statusKind, termsText, text } from './common.js';

const CANDIDATES_PER_PAGE = 20;

export async function mount(element, ctx, id) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  const base = `${API}/jobs/${encodeURIComponent(id)}`;
  let job = await api.get(base);
  const coord = coordinator(ctx);
  const detailsSlot = h('div');
  const introductionsSlot = h('div');

  function details() {
    ctx.setTitle(text(ctx, job.title));
    const sc = job.schedule;
    const actions = [];
    if (coord && ['OPEN', 'INTRODUCED'].includes(job.status)) {
      actions.push(h('a', { class: 'button button-secondary', href: `#/jobs/jobs/${job.id}/edit`, id: 'job-edit' }, t('job.edit')));
    }
    if (coord && ['OPEN', 'INTRODUCED', 'PAID'].includes(job.status)) {
      actions.push(ui.button(t('job.close'), async () => {
        const closed = await ui.formDialog({
          title: t('job.close'),
          text: t(job.status === 'PAID' ? 'job.close.paid' : 'job.close.untaken'),
          fields: [{ name: 'reason', label: t('reason'), type: 'textarea', rows: 3, maxLength: 1000 }],
          submitLabel: t('job.close'),
          onSubmit: async ({ reason }) => api.post(`${base}/close`, { reason }),
        });
        if (!closed) return;
        job = closed;
        ui.toast(t('job.closed', { title: text(ctx, job.title) }), 'success');
        await redraw();
        focusOn(detailsSlot.querySelector('section'));
      }, { kind: 'danger', id: 'job-close' }));
    }
    return ui.section(t('job.details'), ui.dl([
      [t('job.partner'), job.partnerName],
      [t('job.status'), ui.badge(text(ctx, job.statusLabel), statusKind(job.status))],
      [t('job.skills'), job.skills.map(s => text(ctx, s.label)).join('・')],
      [t('job.volume'), `${fmt.number(job.volume)}${text(ctx, job.unit)}`],
      [t('job.effort.total'), t('job.effort.value', { hours: fmt.number(job.effort.totalHours, 1) })],
      [t('job.period'), [sc.start ? fmt.date(sc.start) : '', '〜', sc.deadline ? fmt.date(sc.deadline) : t('job.deadline.none')].join(' ')],
      [t('job.workMode'), [t(`workMode.${sc.workMode}`), sc.location ? `（${sc.location}）` : ''].join('')],
      sc.windows && sc.windows.length ? [t('job.windows'), sc.windows.map(w => t(`window.${w}`)).join('・')] : null,
      [t('job.pay'), t(`job.pay.${job.pay.type}`, { yen: fmt.yen(job.pay.yen), total: fmt.yen(job.pay.totalYen) })],
      job.priority ? [t('job.priority'), ui.badge(t('job.priority.short'), 'warning')] : null,
      [t('job.receivedOn'), job.receivedOn ? fmt.date(job.receivedOn) : '—'],
      job.description ? [t('job.description'), job.description] : null,
      job.closedReason ? [t('job.closedReason'), job.closedReason] : null,
    ]), actions.length ? h('div', { class: 'actions' }, ...actions) : null);
  }

  async function introductions() {
    const page = await api.get(`${base}/introductions?limit=100`);
    const section = ui.section(t('job.introductions'), ui.table({
      caption: t('introductions.caption', { total: fmt.number(page.total) }),
      captionHidden: true,
      empty: t('introductions.none'),
      rows: page.items,
      onRowClick: i => ctx.navigate(`introductions/${i.id}`),
      columns: [
        { key: 'personName', label: t('person.name'), rowHeader: true,
          render: i => h('a', { href: `#/jobs/introductions/${i.id}` }, personName(ctx, i)) },
        { key: 'status', label: t('introduction.status'), render: i => ui.badge(text(ctx, i.statusLabel), statusKind(i.status)) },
        { key: 'terms', label: t('introduction.terms'), render: i => termsText(ctx, i.agreed || i.proposed || i.offered) },
        { key: 'updatedAt', label: t('introduction.updatedAt'), render: i => fmt.dateTime(i.updatedAt) },
      ],
    }));
    section.id = 'job-introductions';
    return section;
  }

  const candidates = pagedTable(ctx, {
    id: 'job-candidates',
    fetch: offset => api.get(`${base}/candidates?offset=${offset}&limit=${CANDIDATES_PER_PAGE}`),
    table: page => ui.table({
      caption: t('candidates.caption', { total: fmt.number(page.total) }),
      empty: t('candidates.none'),
      rows: page.items,
      columns: [
        { key: 'rank', label: t('candidate.rank'), align: 'end', render: c => fmt.number(c.rank) },
        { key: 'name', label: t('person.name'), rowHeader: true, render: c => [personName(ctx, c),
          c.district ? h('span', { class: 'jobs-district' }, c.district) : null] },
        { key: 'score', label: t('candidate.score'), align: 'end', render: c => [h('span', { class: 'jobs-score' }, fmt.number(c.score)),
          h('span', { class: 'jobs-parts' }, t('candidate.parts', {
            skills: c.parts.skills, time: c.parts.availability, lifestyle: c.parts.lifestyle, load: c.parts.load, results: c.parts.results }))] },
        { key: 'reasons', label: t('candidate.reasons'), render: c => reasons(ctx, c.reasons) },
        { key: 'action', label: t('candidate.action'), render: c => action(c) },
      ],
    }),
  });

  function action(c) {
    if (c.introduction) {
      return h('a', { href: `#/jobs/introductions/${c.introduction.id}` },
        ui.badge(text(ctx, c.introduction.statusLabel), statusKind(c.introduction.status)));
    }
    if (!coord || !['OPEN', 'INTRODUCED'].includes(job.status)) return '';
    return ui.button(t('candidate.introduce'), async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        await api.post(`${base}/introductions`, { personIds: [c.personId] });
        ui.toast(t('candidate.introduced', { name: personName(ctx, c) }), 'success');
        job = await api.get(base);
        await redraw();
        focusOn(introductionsSlot.querySelector('section'));
      } catch (error) {
        button.disabled = false;
        ui.toast(ui.errorText(error), 'error');
      }
    }, { kind: 'primary', 'data-person': c.personId, 'aria-label': t('candidate.introduce.aria', { name: personName(ctx, c) }) });
  }

  async function redraw() {
    detailsSlot.replaceChildren(details());
    introductionsSlot.replaceChildren(await introductions());
    await candidates.load(0);
  }

  const candidatesSection = ui.section(t('job.candidates'), h('p', { class: 'help' }, t('candidates.help')), candidates.element);
  element.replaceChildren(h('p', null, h('a', { href: '#/jobs/jobs' }, t('board.back'))),
    detailsSlot, introductionsSlot, candidatesSection);
  await redraw();
}

/** The reasons of a score, each with its points; lifestyle reasons are marked as sensitive. */
function reasons(ctx, list) {
  const { h } = ctx.ui;
  return h('ul', { class: 'jobs-reasons' }, ...list.map(r => h('li', {
    class: [r.points < 0 ? 'jobs-reason-minus' : '', r.sensitive ? 'jobs-reason-sensitive' : ''].filter(Boolean).join(' ') || null,
  }, text(ctx, r.text), r.points ? ` (${r.points > 0 ? '+' : '−'}${Math.abs(r.points)})` : '',
  r.sensitive ? h('span', { class: 'visually-hidden' }, ctx.t('candidate.sensitive')) : null)));
}
