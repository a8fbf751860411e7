// The job brokering panel: the job board (this file); a job with its ranked candidates and
// introductions; the job form; an introduction with its timeline; contracts with their Freelance
// Act findings; earnings per fiscal year; partners (loaded when their route is opened). See docs/jobs.md.

import { API, JOB_STATUSES, choices, coordinator, pagedTable, statusKind, text } from './common.js';

/** The board's filters, kept while the page lives, so "back to the board" shows the same page again. */
let lastBoard = null;

async function board(element, ctx) {
  const { t, ui, fmt, api } = ctx;
  const h = ui.h;
  if (!lastBoard) lastBoard = { values: { status: '' }, offset: 0 };
  const list = pagedTable(ctx, {
    id: 'job-results',
    fetch: async (offset) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(lastBoard.values)) if (value) params.set(key, value);
      params.set('offset', offset);
      params.set('limit', 50);
      const page = await api.get(`${API}/jobs?${params}`);
      lastBoard.offset = page.offset;
      return page;
    },
    table: page => ui.table({
      caption: t('board.caption', { total: fmt.number(page.total) }),
      empty: t('board.none'),
      rows: page.items,
      onRowClick: j => ctx.navigate(`jobs/${j.id}`),
      columns: [
        { key: 'title', label: t('job.title'), rowHeader: true, render: j => [h('a', { href: `#/jobs/jobs/${j.id}` }, text(ctx, j.title)),
          j.priority ? [' ', ui.badge(t('job.priority.short'), 'warning')] : null] },
        { key: 'partnerName', label: t('job.partner') },
        { key: 'skills', label: t('job.skills'), render: j => j.skills.map(s => text(ctx, s.label)).join('・') },
        { key: 'deadline', label: t('job.deadline'), render: j => (j.schedule.deadline ? fmt.date(j.schedule.deadline) : '—') },
        { key: 'workMode', label: t('job.workMode'), render: j => t(`workMode.${j.schedule.workMode}`) },
        { key: 'pay', label: t('job.pay'), align: 'end', render: j => fmt.yen(j.pay.totalYen) },
        { key: 'status', label: t('job.status'), render: j => ui.badge(text(ctx, j.statusLabel), statusKind(j.status)) },
        { key: 'introductions', label: t('job.introductions'), align: 'end', render: j => fmt.number(j.introductions) },
      ],
    }),
  });
  const filter = ui.form({
    id: 'job-filter',
    fields: [
      { name: 'status', label: t('job.status'), type: 'select', value: lastBoard.values.status, placeholder: t('filter.any'),
        options: choices(t, 'jobStatus', JOB_STATUSES) },
      { name: 'q', label: t('filter.q'), type: 'search', value: lastBoard.values.q, maxLength: 100 },
    ],
    submitLabel: t('filter.show'),
    onSubmit: async (values) => {
      lastBoard = { values, offset: 0 };
      await list.load(0);
    },
  });
  filter.classList.add('form-inline');
  element.replaceChildren(...[
    coordinator(ctx) ? h('div', { class: 'actions page-actions' },
      h('a', { class: 'button button-primary', href: '#/jobs/jobs/new', id: 'job-new' }, t('board.new'))) : null,
    ui.section(t('board.filter'), filter),
    list.element].filter(Boolean));
  list.element.append(ui.loading());
  await list.load(lastBoard.offset);
}

export async function mount(element, ctx) {
  const [path] = (ctx.route || 'jobs').split('?');
  const [first, id, sub] = path.split('/');
  const version = encodeURIComponent(ctx.module.version || '');
  const view = async (file) => import(`./${file}?v=${version}`);
  if (first === 'jobs' && id === 'new') return (await view('job-form.js')).mount(element, ctx, null);
  if (first === 'jobs' && id && sub === 'edit') return (await view('job-form.js')).mount(element, ctx, id);
  if (first === 'jobs' && id) return (await view('job.js')).mount(element, ctx, id);
  if (first === 'introductions') return (await view('introductions.js')).mount(element, ctx, id);
  if (first === 'contracts') return (await view('contracts.js')).mount(element, ctx, id);
  if (first === 'earnings') return (await view('earnings.js')).mount(element, ctx);
  if (first === 'partners') return (await view('partners.js')).mount(element, ctx);
  return board(element, ctx);
}
