// The consultation desk: follow-ups due, logging a case, the case log, counts by month and topic.

import { back, nest, options, render, text, today } from './common.js';

async function choices(ctx) {
  return ctx.api.get('/api/community/consultations/choices');
}

function caseTable(ctx, caption, page, onPage) {
  const { ui, t, fmt } = ctx;
  return [ui.table({
    caption, captionHidden: true, rows: page.items, onRowClick: c => ctx.navigate(`consultations/${c.id}`),
    columns: [
      { key: 'heldOn', label: t('consultations.heldOn'), render: c => fmt.date(c.heldOn) },
      { key: 'person', label: t('common.name'), rowHeader: true, render: c => ui.h('a', { href: `#/community/consultations/${c.id}` },
        c.anonymous ? t('consultations.anonymous') : `${c.personName || ''} (${c.personId})`) },
      { key: 'topic', label: t('consultations.topic'), render: c => text(c.topicLabel, ctx.lang) },
      { key: 'channel', label: t('consultations.channel'), render: c => text(c.channelLabel, ctx.lang) },
      { key: 'followUpOn', label: t('consultations.followUpOn'), render: c => c.followUpOn
        ? [fmt.date(c.followUpOn), c.followUpDue ? ' ' : '', c.followUpDue ? ui.badge(t('consultations.due'), 'warning') : null] : '' },
      { key: 'status', label: t('common.status'), render: c => ui.badge(c.status, c.status === 'CLOSED' ? 'neutral' : 'info') },
    ],
  }), onPage ? ui.pager(page, onPage) : null];
}

export async function list(element, ctx) {
  const { ui, t, fmt, api } = ctx;
  const h = ui.h;
  const logHolder = h('div');
  const loadLog = async (offset = 0) => {
    const page = await api.get(`/api/community/consultations?offset=${offset}&limit=20`);
    logHolder.replaceChildren(...caseTable(ctx, t('consultations.all'), page, loadLog));
  };
  await render(element, ctx, async () => {
    const [c, due, counts] = await Promise.all([choices(ctx), api.get('/api/community/consultations/follow-ups?limit=50'),
      api.get('/api/community/consultations/counts')]);
    await loadLog(0);
    const form = ui.form({
      fields: [
        { name: 'personId', label: t('common.person'), help: t('consultations.person.help'), autocomplete: 'off' },
        { name: 'heldOn', label: t('consultations.heldOn'), type: 'date', required: true, value: today(), max: today() },
        { name: 'topic', label: t('consultations.topic'), type: 'select', required: true, options: options(c.topics, ctx.lang) },
        { name: 'channel', label: t('consultations.channel'), type: 'select', required: true, value: 'IN_PERSON',
          options: options(c.channels, ctx.lang) },
        { name: 'notes', label: t('consultations.notes'), type: 'textarea', rows: 5 },
        { name: 'followUpOn', label: t('consultations.followUpOn'), type: 'date' },
      ],
      submitLabel: t('consultations.new'),
      onSubmit: async (values) => {
        const created = await api.post('/api/community/consultations', nest(values));
        ui.toast(t('common.saved'), 'success');
        ctx.navigate(`consultations/${created.id}`);
      },
    });
    const topics = c.topics;
    const months = Object.keys(counts.byMonth);
    const grid = ui.table({
      caption: t('consultations.counts', { year: fmt.fiscalYear(counts.fiscalYear) }),
      rows: months.map(m => ({ month: m })).concat([{ month: null }]),
      columns: [{ key: 'month', label: t('consultations.month'), rowHeader: true, render: r => r.month || t('consultations.total') }]
        .concat(topics.map(tp => ({ key: tp.code, label: text(tp.label, ctx.lang), align: 'end',
          render: r => fmt.number(r.month ? counts.cells.find(x => x.month === r.month && x.topic === tp.code).count : counts.byTopic[tp.code]) })))
        .concat([{ key: 'total', label: t('consultations.total'), align: 'end',
          render: r => fmt.number(r.month ? counts.byMonth[r.month] : counts.total) }]),
    });
    const download = ui.button(t('common.downloadCsv'), () => api.download(`/api/community/consultations/counts.csv?fiscalYear=${counts.fiscalYear}`));
    return [
      ui.section(t('consultations.followUps'), ...caseTable(ctx, t('consultations.followUps'), due, null)),
      ui.section(t('consultations.new'), form),
      ui.section(t('consultations.all'), logHolder),
      ui.section(t('consultations.counts', { year: fmt.fiscalYear(counts.fiscalYear) }), grid, h('p', { class: 'actions' }, download)),
    ];
  });
}

export async function detail(element, ctx, id) {
  const { ui, t, fmt, api } = ctx;
  const h = ui.h;
  const reload = () => detail(element, ctx, id);
  await render(element, ctx, async () => {
    const c = await api.get(`/api/community/consultations/${id}`);
    ctx.setTitle(`#${c.id}`);
    const info = ui.dl([
      [t('common.name'), c.anonymous ? t('consultations.anonymous') : `${c.personName || ''} (${c.personId})`],
      [t('consultations.heldOn'), fmt.date(c.heldOn)],
      [t('consultations.topic'), text(c.topicLabel, ctx.lang)],
      [t('consultations.channel'), text(c.channelLabel, ctx.lang)],
      [t('common.status'), c.status],
      [t('consultations.followUpOn'), c.followUpOn ? fmt.date(c.followUpOn) : '—'],
      [t('consultations.recordedBy'), c.recordedBy],
      [t('consultations.notes'), h('div', { class: 'pre-wrap' }, c.notes || '')],
    ]);
    const close = c.status === 'CLOSED' ? null : ui.form({
      fields: [{ name: 'note', label: t('consultations.closeNote'), type: 'textarea', rows: 2 }],
      submitLabel: t('consultations.close'),
      onSubmit: async (values) => { await api.post(`/api/community/consultations/${id}/close`, nest(values)); reload(); },
    });
    return [back(ctx, 'consultations'), ui.section(`#${c.id}`, info), close ? ui.section(t('consultations.close'), close) : null];
  });
}
