// Pages for would-be migrants, by the phase of their relation to the island.

import { back, nest, options, publication, render, text } from './common.js';

function fields(ctx, phases, p = {}) {
  const t = ctx.t;
  const en = (x) => (x && x.en !== x.ja ? x.en : null);
  return [
    { name: 'slug', label: t('pages.slug'), required: true, value: p.slug, pattern: '[a-z0-9][a-z0-9-]*', help: 'trial-stay-houses' },
    { name: 'phase', label: t('pages.phase'), type: 'select', required: true, value: p.phase, options: options(phases, ctx.lang) },
    { name: 'position', label: t('pages.position'), type: 'number', min: 0, max: 10000, value: p.position ?? 100 },
    { name: 'title.ja', label: t('common.titleJa'), required: true, value: p.title?.ja },
    { name: 'title.en', label: t('common.titleEn'), value: en(p.title) },
    { name: 'summary.ja', label: t('pages.summaryJa'), type: 'textarea', rows: 2, value: p.summary?.ja },
    { name: 'summary.en', label: t('pages.summaryEn'), type: 'textarea', rows: 2, value: en(p.summary) },
    { name: 'body.ja', label: t('pages.bodyJa'), type: 'textarea', rows: 10, value: p.body?.ja },
    { name: 'body.en', label: t('pages.bodyEn'), type: 'textarea', rows: 10, value: en(p.body) },
  ];
}

export async function list(element, ctx) {
  const { ui, t, api } = ctx;
  await render(element, ctx, async () => {
    const [page, phases] = await Promise.all([api.get('/api/community/migrant-pages?limit=500'), api.get('/api/community/migrant-pages/phases')]);
    const table = ui.table({
      caption: t('pages.title'), captionHidden: true, rows: page.items, onRowClick: p => ctx.navigate(`migrant-pages/${p.id}`),
      columns: [
        { key: 'phase', label: t('pages.phase'), render: p => text(p.phaseLabel, ctx.lang) },
        { key: 'title', label: t('common.title'), rowHeader: true, render: p => ui.h('a', { href: `#/community/migrant-pages/${p.id}` }, text(p.title, ctx.lang)) },
        { key: 'slug', label: t('pages.slug') },
        { key: 'status', label: t('common.status'), render: p => publication(ctx, p.status) },
      ],
    });
    const form = ui.form({
      fields: fields(ctx, phases), submitLabel: t('pages.new'),
      onSubmit: async (values) => {
        const created = await api.post('/api/community/migrant-pages', nest(values));
        ctx.navigate(`migrant-pages/${created.id}`);
      },
    });
    return [ui.section(t('pages.title'), table), ui.section(t('pages.new'), form)];
  });
}

export async function detail(element, ctx, id) {
  const { ui, t, api } = ctx;
  const base = `/api/community/migrant-pages/${id}`;
  const reload = () => detail(element, ctx, id);
  await render(element, ctx, async () => {
    const [p, phases] = await Promise.all([api.get(base), api.get('/api/community/migrant-pages/phases')]);
    ctx.setTitle(text(p.title, ctx.lang));
    const toggle = p.status === 'PUBLISHED'
      ? ui.button(t('common.unpublish'), async () => { await api.post(`${base}/unpublish`, {}); reload(); })
      : ui.button(t('common.publish'), async () => { await api.post(`${base}/publish`, {}); reload(); }, { kind: 'primary' });
    const edit = ui.form({
      fields: fields(ctx, phases, p), submitLabel: t('common.save'),
      onSubmit: async (values) => { await api.put(base, { ...nest(values), version: p.version }); ui.toast(t('common.saved'), 'success'); reload(); },
    });
    return [back(ctx, 'migrant-pages'), ui.section(text(p.title, ctx.lang), ui.dl([[t('common.status'), publication(ctx, p.status)]]),
      ui.h('p', { class: 'actions' }, toggle)), ui.section(t('common.edit'), edit)];
  });
}
