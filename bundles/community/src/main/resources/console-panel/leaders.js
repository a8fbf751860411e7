// Community leaders: who leads which community, since and until when (the plan's target: 3).

import { nest, render, text, today } from './common.js';

export async function list(element, ctx) {
  const { ui, t, fmt, api } = ctx;
  const h = ui.h;
  const reload = () => list(element, ctx);
  await render(element, ctx, async () => {
    const [all, active] = await Promise.all([api.get('/api/community/leaders?limit=200'), api.get('/api/community/leaders?active=true&limit=200')]);
    const table = ui.table({
      caption: t('leaders.title'), captionHidden: true, rows: all.items,
      columns: [
        { key: 'person', label: t('common.name'), rowHeader: true, render: l => `${l.personName || ''} (${l.personId})` },
        { key: 'community', label: t('leaders.communityJa'), render: l => `${text(l.communityName, ctx.lang)} (${l.community})` },
        { key: 'since', label: t('leaders.since'), render: l => fmt.date(l.since) },
        { key: 'until', label: t('leaders.until'), render: l => l.until ? fmt.date(l.until) : '' },
        { key: 'active', label: t('common.status'), render: l => l.active ? ui.badge(t('leaders.active'), 'success') : null },
      ],
    });
    const start = ui.form({
      fields: [
        { name: 'personId', label: t('common.person'), required: true, autocomplete: 'off' },
        { name: 'community', label: t('leaders.community'), required: true, help: t('leaders.community.help'), pattern: '[a-z0-9][a-z0-9-]*' },
        { name: 'communityName.ja', label: t('leaders.communityJa'), required: true },
        { name: 'communityName.en', label: t('leaders.communityEn') },
        { name: 'since', label: t('leaders.since'), type: 'date', required: true, value: today() },
        { name: 'note', label: t('common.note') },
      ],
      submitLabel: t('leaders.new'),
      onSubmit: async (values) => { await api.post('/api/community/leaders', nest(values)); ui.toast(t('common.saved'), 'success'); reload(); },
    });
    const open = all.items.filter(l => !l.until);
    const end = open.length === 0 ? null : ui.form({
      fields: [
        { name: 'id', label: t('leaders.title'), type: 'select', required: true,
          options: open.map(l => ({ value: String(l.id), label: `${l.personName || l.personId} — ${text(l.communityName, ctx.lang)}` })) },
        { name: 'until', label: t('leaders.until'), type: 'date', required: true, value: today() },
      ],
      submitLabel: t('leaders.end'),
      onSubmit: async (values) => { await api.post(`/api/community/leaders/${values.id}/end`, { until: values.until }); reload(); },
    });
    return [
      ui.section(t('leaders.title'), h('p', null, t('leaders.activeCount', { n: fmt.number(active.total) })), table),
      ui.section(t('leaders.new'), start),
      end ? ui.section(t('leaders.end'), end) : null,
    ];
  });
}
