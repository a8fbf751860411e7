// The graduates of a fiscal year across courses, with their certificates.

import { personName, text, yearOptions } from './common.js';

let lastYear = null;

export async function mount(element, ctx) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  if (lastYear === null) lastYear = String(fmt.fiscalYearOf());
  const results = h('div', { 'aria-live': 'polite' });
  const staff = ctx.hasRole('staff');

  async function load(offset) {
    const params = new URLSearchParams({ offset, limit: 100 });
    if (lastYear) params.set('fiscalYear', lastYear);
    const page = await api.get(`/api/terakoya/graduates?${params}`);
    results.replaceChildren(ui.table({
      caption: lastYear ? t('graduates.caption.year', { year: fmt.fiscalYear(lastYear), total: fmt.number(page.total) })
        : t('graduates.caption', { total: fmt.number(page.total) }),
      empty: t('graduates.none'),
      rows: page.items,
      columns: [
        { key: 'person', label: t('enrolment.person'), rowHeader: true, render: g => personName(ctx, g) },
        { key: 'course', label: t('course.title'), render: g => h('a', { href: `#/terakoya/courses/${g.courseId}/graduates` }, text(ctx, g.courseTitle)) },
        { key: 'fiscalYear', label: t('course.fiscalYear'), render: g => fmt.fiscalYear(g.fiscalYear) },
        { key: 'completedAt', label: t('graduate.completedAt'), render: g => fmt.date(g.completedAt) },
        { key: 'certificateNumber', label: t('graduate.certificateNumber') },
        staff ? { key: 'certificate', label: t('graduate.certificate'), render: g => ui.button(t('graduate.certificate.download'), async () => {
          try {
            const name = await api.download(`/api/terakoya/courses/${g.courseId}/enrolments/${g.enrolmentId}/certificate`);
            ui.toast(t('download.done', { file: name }), 'success');
          } catch (error) {
            ui.toast(ui.errorText(error), 'error');
          }
        }, { 'aria-label': t('graduate.certificate.label', { name: personName(ctx, g) }) }) } : null,
      ].filter(Boolean),
    }), ui.pager(page, next => load(next).catch(e => results.replaceChildren(ui.error(e)))));
  }

  const form = ui.form({
    id: 'graduates-filter',
    fields: [{ name: 'fiscalYear', label: t('course.fiscalYear'), type: 'select', value: lastYear, placeholder: t('filter.allYears'),
      options: yearOptions(fmt) }],
    submitLabel: t('filter.show'),
    onSubmit: async ({ fiscalYear }) => {
      lastYear = fiscalYear || '';
      await load(0);
    },
  });
  form.classList.add('form-inline');
  element.replaceChildren(ui.section(t('graduates.filter'), h('p', { class: 'help' }, t('graduates.text')), form), results);
  results.append(ui.loading());
  await load(0).catch(e => results.replaceChildren(ui.error(e)));
}
