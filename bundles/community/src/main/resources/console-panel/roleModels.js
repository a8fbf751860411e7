// Role models: profiles, their photos, and publication with the person's consent.

import { back, nest, options, publication, render, text } from './common.js';

function fields(ctx, skills, r = {}) {
  const t = ctx.t;
  return [
    { name: 'personId', label: t('common.person'), required: true, value: r.personId, autocomplete: 'off' },
    { name: 'displayName', label: t('roleModels.displayName'), required: true, value: r.displayName },
    { name: 'headline.ja', label: t('roleModels.headlineJa'), required: true, value: r.headline?.ja },
    { name: 'headline.en', label: t('roleModels.headlineEn'), value: r.headline && r.headline.en !== r.headline.ja ? r.headline.en : null },
    { name: 'workKind', label: t('roleModels.workKind'), type: 'select', required: true, value: r.workKind, options: options(skills, ctx.lang) },
    { name: 'work.ja', label: t('roleModels.workJa'), type: 'textarea', rows: 2, value: r.work?.ja },
    { name: 'work.en', label: t('roleModels.workEn'), type: 'textarea', rows: 2, value: r.work && r.work.en !== r.work.ja ? r.work.en : null },
    { name: 'story.ja', label: t('roleModels.storyJa'), type: 'textarea', rows: 6, value: r.story?.ja },
    { name: 'story.en', label: t('roleModels.storyEn'), type: 'textarea', rows: 6, value: r.story && r.story.en !== r.story.ja ? r.story.en : null },
  ];
}

async function skills(ctx) {
  const all = await ctx.api.get('/api/people/skills');
  return all.map(s => ({ code: s.code, label: s.label }));
}

function consent(ctx, r) {
  const { ui, t } = ctx;
  if (r.consentsNow === true) return ui.badge(t('roleModels.consent.yes'), 'success');
  if (r.consentsNow === false) return ui.badge(t('roleModels.consent.no'), 'danger');
  return ui.badge(t('roleModels.consent.unknown'), 'neutral');
}

export async function list(element, ctx) {
  const { ui, t, api } = ctx;
  await render(element, ctx, async () => {
    const [page, skillList] = await Promise.all([api.get('/api/community/role-models?limit=200'), skills(ctx)]);
    const table = ui.table({
      caption: t('roleModels.title'), captionHidden: true, rows: page.items, onRowClick: r => ctx.navigate(`role-models/${r.id}`),
      columns: [
        { key: 'displayName', label: t('roleModels.displayName'), rowHeader: true,
          render: r => ui.h('a', { href: `#/community/role-models/${r.id}` }, r.displayName) },
        { key: 'person', label: t('common.name'), render: r => `${r.personName || ''} (${r.personId})` },
        { key: 'workKind', label: t('roleModels.workKind'), render: r => text(r.workKindLabel, ctx.lang) },
        { key: 'status', label: t('common.status'), render: r => publication(ctx, r.status) },
        { key: 'consent', label: t('roleModels.consent'), render: r => consent(ctx, r) },
        { key: 'visible', label: t('roleModels.visible'), render: r => r.publiclyVisible ? '✓' : '' },
      ],
    });
    const form = ui.form({
      fields: fields(ctx, skillList), submitLabel: t('roleModels.new'),
      onSubmit: async (values) => {
        const created = await api.post('/api/community/role-models', nest(values));
        ui.toast(t('common.saved'), 'success');
        ctx.navigate(`role-models/${created.id}`);
      },
    });
    return [ui.section(t('roleModels.title'), ui.h('p', null, t('roleModels.publish.help')), table), ui.section(t('roleModels.new'), form)];
  });
}

export async function detail(element, ctx, id) {
  const { ui, t, fmt, api } = ctx;
  const h = ui.h;
  const base = `/api/community/role-models/${id}`;
  const reload = () => detail(element, ctx, id);
  await render(element, ctx, async () => {
    const [r, skillList] = await Promise.all([api.get(base), skills(ctx)]);
    ctx.setTitle(r.displayName);
    const info = ui.dl([
      [t('common.name'), `${r.personName || ''} (${r.personId})`],
      [t('common.status'), publication(ctx, r.status)],
      [t('roleModels.consent'), consent(ctx, r)],
      [t('roleModels.visible'), r.publiclyVisible ? ui.badge(t('roleModels.visible'), 'success') : ui.badge(t('roleModels.hidden'), 'neutral')],
      r.publishedAt ? [t('common.published'), fmt.dateTime(r.publishedAt)] : null,
    ]);
    const publish = r.status === 'PUBLISHED'
      ? ui.button(t('common.unpublish'), async () => { await api.post(`${base}/unpublish`, {}); reload(); })
      : ui.button(t('common.publish'), async () => {
        try { await api.post(`${base}/publish`, {}); reload(); } catch (error) { ui.toast(ui.errorText(error), 'error'); }
      }, { kind: 'primary' });
    const file = h('input', { type: 'file', id: `photo-${id}`, name: 'file', accept: 'image/jpeg,image/png,image/webp' });
    const photo = h('div', null,
      r.hasPhoto ? h('img', { class: 'community-photo', src: `${base}/photo?v=${encodeURIComponent(r.updatedAt)}`, alt: r.displayName }) : null,
      h('div', { class: 'field' }, h('label', { for: `photo-${id}` }, t('roleModels.photo.upload')), file),
      h('p', { class: 'actions' },
        ui.button(t('roleModels.photo.upload'), async () => {
          if (!file.files.length) return;
          const form = new FormData();
          form.append('file', file.files[0]);
          try { await api.upload(`${base}/photo`, form); reload(); } catch (error) { ui.toast(ui.errorText(error), 'error'); }
        }),
        r.hasPhoto ? ui.button(t('roleModels.photo.remove'), async () => { await api.del(`${base}/photo`); reload(); }) : null));
    const edit = ui.form({
      fields: fields(ctx, skillList, r), submitLabel: t('common.save'),
      onSubmit: async (values) => { await api.put(base, { ...nest(values), version: r.version }); ui.toast(t('common.saved'), 'success'); reload(); },
    });
    return [
      back(ctx, 'role-models'),
      ui.section(r.displayName, info, h('p', null, t('roleModels.publish.help')), h('p', { class: 'actions' }, publish)),
      ui.section(t('roleModels.photo'), photo),
      ui.section(t('common.edit'), edit),
    ];
  });
}
