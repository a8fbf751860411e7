// The Terakoya console panel: the course list per fiscal year (this file); a course with its
// sessions, applications, attendance grid and graduates; course editing; all graduates of a year;
// the partner's online-learning seats (loaded when their route is opened). See docs/terakoya.md.

import { text, yearOptions } from './common.js';

/** The list shown last, kept while the page lives, so "back to the courses" shows it again. */
let lastList = null;

async function coursesView(element, ctx) {
  const { t, ui, fmt, api } = ctx;
  const h = ui.h;
  if (!lastList) lastList = { values: { fiscalYear: String(fmt.fiscalYearOf()) }, offset: 0 };
  const categories = await api.get('/api/terakoya/categories');
  const results = h('div', { class: 'course-results', 'aria-live': 'polite' });

  async function load(offset) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(lastList.values)) if (value) params.set(key, value);
    params.set('offset', offset);
    params.set('limit', 50);
    const page = await api.get(`/api/terakoya/courses?${params}`);
    lastList.offset = page.offset;
    const year = lastList.values.fiscalYear;
    results.replaceChildren(ui.table({
      caption: year ? t('courses.caption.year', { year: fmt.fiscalYear(year), total: fmt.number(page.total) })
        : t('courses.caption', { total: fmt.number(page.total) }),
      empty: t('courses.none'),
      rows: page.items,
      onRowClick: c => ctx.navigate(`courses/${c.id}`),
      columns: [
        { key: 'title', label: t('course.title'), rowHeader: true, render: c => h('a', { href: `#/terakoya/courses/${c.id}` }, text(ctx, c.title)) },
        { key: 'fiscalYear', label: t('course.fiscalYear'), render: c => fmt.fiscalYear(c.fiscalYear) },
        { key: 'category', label: t('course.category'), render: c => text(ctx, c.categoryLabel) || c.category },
        { key: 'format', label: t('course.format'), render: c => t(`format.${c.format}`) },
        { key: 'window', label: t('course.applications'), render: c => [
          t('period', { from: fmt.date(c.applicationOpens), to: fmt.date(c.applicationCloses) }), ' ',
          c.applicationOpen ? ui.badge(t('course.open'), 'success') : null] },
        { key: 'sessions', label: t('course.sessions'), align: 'end', render: c => fmt.number(c.completion.sessions) },
        { key: 'seats', label: t('course.seats'), render: c => [
          t('seats.short', { taken: fmt.number(c.seats.applied + c.seats.accepted), capacity: fmt.number(c.seats.capacity) }), ' ',
          c.seats.waitlisted ? ui.badge(t('seats.waitlisted', { n: fmt.number(c.seats.waitlisted) }), 'warning') : null] },
        { key: 'graduates', label: t('course.graduates'), align: 'end', render: c => fmt.number(c.graduates) },
      ],
    }), ui.pager(page, next => load(next).catch(showError)));
  }
  const showError = (error) => results.replaceChildren(ui.error(error));

  const form = ui.form({
    id: 'course-filter',
    fields: [
      { name: 'fiscalYear', label: t('course.fiscalYear'), type: 'select', value: lastList.values.fiscalYear,
        placeholder: t('filter.allYears'), options: yearOptions(fmt) },
      { name: 'q', label: t('filter.q'), type: 'search', value: lastList.values.q },
      { name: 'category', label: t('course.category'), type: 'select', value: lastList.values.category, placeholder: t('filter.any'),
        options: categories.map(c => ({ value: c.code, label: text(ctx, c.label) })) },
    ],
    submitLabel: t('filter.show'),
    onSubmit: async (values) => {
      lastList = { values, offset: 0 };
      await load(0);
    },
  });
  form.classList.add('form-inline');
  element.replaceChildren(...[
    ctx.hasRole('staff') ? h('div', { class: 'actions page-actions' },
      h('a', { class: 'button button-primary', href: '#/terakoya/courses/new', id: 'course-new' }, t('courses.new'))) : null,
    ui.section(t('courses.filter'), form),
    results].filter(Boolean));
  results.append(ui.loading());
  await load(lastList.offset).catch(showError);
}

export async function mount(element, ctx) {
  const [first, id, sub] = ctx.route.split('/');
  const version = encodeURIComponent(ctx.module.version || '');
  const view = async (file) => import(`./${file}?v=${version}`);
  if (first === 'courses' && id === 'new') return (await view('course-form.js')).mount(element, ctx, null);
  if (first === 'courses' && id && sub === 'edit') return (await view('course-form.js')).mount(element, ctx, id);
  if (first === 'courses' && id) return (await view('course.js')).mount(element, ctx, id, sub || '');
  if (first === 'graduates') return (await view('graduates.js')).mount(element, ctx);
  if (first === 'seats') return (await view('seats.js')).mount(element, ctx, id);
  return coursesView(element, ctx);
}
