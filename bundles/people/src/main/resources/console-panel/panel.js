// The people registry's console panel: search (this file), a person's profile, registration and
// editing, and the CSV import (loaded when their route is opened). See docs/console-panels.md.

import {
  FLAGS, LIFESTYLE, ORIGINS, WEEKDAYS, WINDOWS, availability, choices, loadSkills, profileHref, skillLabel,
} from './common.js';

/** The last search, kept while the page lives, so "back to the results" shows them again. */
let lastSearch = { values: {}, offset: 0 };

const SEARCH_KEYS = ['q', 'skill', 'district', 'flag', 'minHours', 'weekday', 'window', 'lifestyle', 'origin', 'status'];

/** The query string of a search: only the criteria given. */
function query(values) {
  const params = new URLSearchParams();
  for (const key of SEARCH_KEYS) {
    const value = values[key];
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

async function searchView(element, ctx) {
  const { t, ui, fmt } = ctx;
  const h = ui.h;
  const vocabulary = await loadSkills(ctx);
  const values = lastSearch.values;
  const results = h('div', { class: 'people-results', 'aria-live': 'polite' });

  async function load(offset) {
    const params = query(lastSearch.values);
    params.set('offset', offset);
    params.set('limit', 50);
    const page = await ctx.api.get(`/api/people?${params}`);
    lastSearch.offset = page.offset;
    const table = ui.table({
      caption: t('search.caption', { total: fmt.number(page.total) }),
      empty: t('search.none'),
      rows: page.items,
      onRowClick: (p) => ctx.navigate(`search/${p.id}`),
      columns: [
        { key: 'name', label: t('person.name'), rowHeader: true, render: p => [
          h('a', { href: profileHref(p.id) }, p.name),
          h('span', { class: 'kana', lang: 'ja' }, p.kana)] },
        { key: 'district', label: t('person.district') },
        { key: 'skills', label: t('person.skills'), render: p => (p.skills || []).map(s => skillLabel(ctx, vocabulary, s)).join('、') },
        { key: 'availability', label: t('person.availability'), render: p => availability(ctx, p.availability) },
        { key: 'state', label: t('search.state'), render: p => [
          p.erased ? ui.badge(t('person.erased'), 'danger') : null,
          !p.active && !p.erased ? ui.badge(t('person.inactive'), 'warning') : null,
          (p.flags || []).map(f => ui.badge(t(`flag.${f}`), 'info'))] },
      ],
    });
    results.replaceChildren(table, ui.pager(page, (next) => load(next).catch(showError)));
  }
  const showError = (error) => results.replaceChildren(ui.error(error));

  const form = ui.form({
    id: 'people-search',
    fields: [
      { name: 'q', label: t('search.q'), type: 'search', value: values.q, help: t('search.q.help') },
      { name: 'skill', label: t('person.skills'), type: 'select', value: values.skill, placeholder: t('search.any'),
        options: vocabulary.map(s => ({ value: s.code, label: s.label[ctx.lang] || s.label.ja })) },
      { name: 'district', label: t('person.district'), value: values.district },
      { name: 'flag', label: t('search.flag'), type: 'select', value: values.flag, placeholder: t('search.any'),
        options: choices(t, 'flag', FLAGS) },
      { name: 'minHours', label: t('search.minHours'), type: 'number', min: 0, max: 168, value: values.minHours },
      { name: 'weekday', label: t('search.weekday'), type: 'select', value: values.weekday, placeholder: t('search.any'),
        options: choices(t, 'weekday', WEEKDAYS) },
      { name: 'window', label: t('search.window'), type: 'select', value: values.window, placeholder: t('search.any'),
        options: choices(t, 'window', WINDOWS) },
      { name: 'lifestyle', label: t('person.lifestyle'), type: 'select', value: values.lifestyle, placeholder: t('search.any'),
        options: choices(t, 'lifestyle', LIFESTYLE) },
      { name: 'origin', label: t('person.origin'), type: 'select', value: values.origin, placeholder: t('search.any'),
        options: choices(t, 'origin', ORIGINS) },
      { name: 'status', label: t('search.status'), type: 'select', value: values.status, placeholder: t('search.status.active'),
        options: [{ value: 'inactive', label: t('search.status.inactive') }, { value: 'all', label: t('search.status.all') }] },
    ],
    submitLabel: t('search.submit'),
    onSubmit: async (next) => {
      lastSearch = { values: next, offset: 0 };
      await load(0);
    },
  });
  form.classList.add('form-inline');

  const exportForm = ui.form({
    id: 'people-export',
    fields: [{ name: 'purpose', label: t('export.purpose'), help: t('export.purpose.help'), maxLength: 200 }],
    submitLabel: t('export.submit'),
    onSubmit: async ({ purpose }) => {
      const params = query(lastSearch.values);
      if (purpose) params.set('purpose', purpose);
      const name = await ctx.api.download(`/api/people/export?${params}`);
      ui.toast(t('export.done', { file: name }), 'success');
    },
  });
  exportForm.classList.add('form-inline');

  element.replaceChildren(
    ui.section(t('search.title'), form),
    results,
    ui.section(t('export.title'), h('p', null, t('export.text')), exportForm));
  results.append(ui.loading());
  await load(lastSearch.offset).catch(showError);
}

export async function mount(element, ctx) {
  const [first, id, sub] = ctx.route.split('/');
  const version = encodeURIComponent(ctx.module.version || '');
  const view = async (file) => import(`./${file}?v=${version}`);
  if (first === 'new') return (await view('person-form.js')).mount(element, ctx, null);
  if (first === 'import') return (await view('import.js')).mount(element, ctx);
  if (first === 'search' && id) {
    if (sub === 'edit') return (await view('person-form.js')).mount(element, ctx, id);
    return (await view('profile.js')).mount(element, ctx, id);
  }
  return searchView(element, ctx);
}
