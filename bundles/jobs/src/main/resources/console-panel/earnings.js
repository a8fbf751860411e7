// Earnings per fiscal year: what each freelancer was paid through the program, beside the income
// they reported themselves; the CSV export of the year. Every view is audit-logged by the API.

import { API, pagedTable, personName, yearOptions } from './common.js';

/** The fiscal year shown last, kept while the page lives. */
let lastYear = null;

export async function mount(element, ctx) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  if (!lastYear) lastYear = fmt.fiscalYearOf();
  const table = pagedTable(ctx, {
    id: 'earnings-results',
    fetch: offset => api.get(`${API}/earnings?fiscalYear=${lastYear}&offset=${offset}&limit=100`),
    table: page => ui.table({
      caption: t('earnings.caption', { year: fmt.fiscalYear(lastYear), total: fmt.number(page.total) }),
      empty: t('earnings.none'),
      rows: page.items,
      columns: [
        { key: 'name', label: t('person.name'), rowHeader: true, render: e => personName(ctx, e) },
        { key: 'paidYen', label: t('earnings.paid'), align: 'end', render: e => fmt.yen(e.paidYen) },
        { key: 'contracts', label: t('earnings.contracts'), align: 'end', render: e => fmt.number(e.contracts) },
        { key: 'selfReportedYen', label: t('earnings.selfReported'), align: 'end',
          render: e => (e.selfReportedYen == null ? '—' : fmt.yen(e.selfReportedYen)) },
      ],
    }),
  });
  const filter = ui.form({
    id: 'earnings-filter',
    fields: [{ name: 'fiscalYear', label: t('earnings.fiscalYear'), type: 'select', required: true, value: lastYear,
      options: yearOptions(fmt) }],
    submitLabel: t('filter.show'),
    onSubmit: async ({ fiscalYear }) => {
      lastYear = Number(fiscalYear);
      await table.load(0);
    },
  });
  filter.classList.add('form-inline');
  const exportButton = ui.button(t('earnings.export'), async () => {
    try {
      await api.download(`${API}/earnings/export.csv?fiscalYear=${lastYear}`);
    } catch (error) {
      ui.toast(ui.errorText(error), 'error');
    }
  }, { id: 'earnings-export' });
  element.replaceChildren(h('p', { class: 'help' }, t('earnings.help')),
    ui.section(t('earnings.filter'), filter, h('div', { class: 'actions' }, exportButton)), table.element);
  table.element.append(ui.loading());
  await table.load(0);
}
