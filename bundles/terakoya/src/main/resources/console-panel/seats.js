// The partner's online-learning seats: a pool per partner and fiscal year (seats/), and a pool's
// allocations to people with their use (seats/<pool id>).

import { focusOn, personName, personPicker, today, yearOptions } from './common.js';

let lastYear = null;

async function pools(element, ctx) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  if (lastYear === null) lastYear = String(fmt.fiscalYearOf());
  const results = h('div', { 'aria-live': 'polite' });

  async function load(offset) {
    const params = new URLSearchParams({ offset, limit: 50 });
    if (lastYear) params.set('fiscalYear', lastYear);
    const page = await api.get(`/api/terakoya/online-seats/pools?${params}`);
    results.replaceChildren(ui.table({
      caption: t('pools.caption', { total: fmt.number(page.total) }),
      empty: t('pools.none'),
      rows: page.items,
      onRowClick: p => ctx.navigate(`seats/${p.id}`),
      columns: [
        { key: 'partner', label: t('pool.partner'), rowHeader: true, render: p => h('a', { href: `#/terakoya/seats/${p.id}` }, p.partner) },
        { key: 'serviceName', label: t('pool.service') },
        { key: 'fiscalYear', label: t('course.fiscalYear'), render: p => fmt.fiscalYear(p.fiscalYear) },
        { key: 'seats', label: t('pool.seats'), align: 'end', render: p => fmt.number(p.seats) },
        { key: 'allocated', label: t('pool.allocated'), align: 'end', render: p => fmt.number(p.allocated) },
        { key: 'free', label: t('pool.free'), align: 'end', render: p => fmt.number(p.free) },
      ],
    }), ui.pager(page, next => load(next).catch(e => results.replaceChildren(ui.error(e)))));
  }

  const filter = ui.form({
    id: 'pool-filter',
    fields: [{ name: 'fiscalYear', label: t('course.fiscalYear'), type: 'select', value: lastYear, placeholder: t('filter.allYears'),
      options: yearOptions(fmt) }],
    submitLabel: t('filter.show'),
    onSubmit: async ({ fiscalYear }) => {
      lastYear = fiscalYear || '';
      await load(0);
    },
  });
  filter.classList.add('form-inline');
  const create = ui.form({
    id: 'pool-create',
    fields: [
      { name: 'fiscalYear', label: t('course.fiscalYear'), type: 'select', required: true, value: fmt.fiscalYearOf(), options: yearOptions(fmt) },
      { name: 'partner', label: t('pool.partner'), required: true, maxLength: 200 },
      { name: 'serviceName', label: t('pool.service'), maxLength: 200 },
      { name: 'seats', label: t('pool.seats'), type: 'number', required: true, min: 1, max: 100000, value: 100 },
      { name: 'note', label: t('note'), maxLength: 500 },
    ],
    submitLabel: t('pool.create'),
    onSubmit: async (v) => {
      const pool = await api.post('/api/terakoya/online-seats/pools', { ...v, fiscalYear: Number(v.fiscalYear) });
      ui.toast(t('pool.created', { partner: pool.partner, year: fmt.fiscalYear(pool.fiscalYear) }), 'success');
      ctx.navigate(`seats/${pool.id}`);
    },
  });
  create.classList.add('form-inline');
  element.replaceChildren(ui.section(t('pools.title'), h('p', { class: 'help' }, t('pools.text')), filter), results,
    ui.section(t('pool.create.title'), create));
  results.append(ui.loading());
  await load(0).catch(e => results.replaceChildren(ui.error(e)));
}

async function pool(element, ctx, id) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  const base = `/api/terakoya/online-seats/pools/${encodeURIComponent(id)}`;

  async function render(focusAllocation = null) {
    const [p, page] = await Promise.all([api.get(base), api.get(`${base}/allocations?limit=500`)]);
    ctx.setTitle(`${p.partner}（${fmt.fiscalYear(p.fiscalYear)}）`);
    const details = ui.section(t('pool.details'), ui.dl([
      [t('pool.partner'), p.partner],
      [t('pool.service'), p.serviceName || t('none')],
      [t('course.fiscalYear'), fmt.fiscalYear(p.fiscalYear)],
      [t('pool.seats'), t('pool.usage', { seats: fmt.number(p.seats), allocated: fmt.number(p.allocated), free: fmt.number(p.free) })],
      [t('note'), p.note || t('none')],
    ]), h('div', { class: 'actions' }, ui.button(t('pool.edit'), async () => {
      const done = await ui.formDialog({
        title: t('pool.edit.title', { partner: p.partner }),
        fields: [
          { name: 'serviceName', label: t('pool.service'), maxLength: 200, value: p.serviceName },
          { name: 'seats', label: t('pool.seats'), type: 'number', required: true, min: 1, max: 100000, value: p.seats },
          { name: 'note', label: t('note'), maxLength: 500, value: p.note },
        ],
        submitLabel: t('form.save'),
        onSubmit: async (v) => {
          try {
            return await api.put(base, v);
          } catch (error) {
            const m = error.status === 409 && /^seats: (.*)$/.exec(error.message);
            if (m) error.fields.seats = m[1];
            throw error;
          }
        },
      });
      if (done) {
        ui.toast(t('pool.saved'), 'success');
        await render();
        focusOn(element.querySelector('section'));
      }
    })));

    const allocationActions = (a) => {
      if (!a.active) return '';
      const name = personName(ctx, a);
      return h('div', { class: 'row-actions' },
        ui.button(t('allocation.usage'), async () => {
          const done = await ui.formDialog({
            title: t('allocation.usage.title', { name }),
            fields: [
              { name: 'usedOn', label: t('allocation.usedOn'), type: 'date', required: true, value: today() },
              { name: 'minutes', label: t('allocation.minutes'), type: 'number', required: true, min: 1, max: 1440, value: 60 },
              { name: 'note', label: t('note'), maxLength: 200 },
            ],
            submitLabel: t('allocation.usage.save'),
            onSubmit: v => api.post(`/api/terakoya/online-seats/allocations/${a.id}/usage`, v),
          });
          if (done) {
            ui.toast(t('allocation.usage.saved', { name }), 'success');
            await render(a.id);
          }
        }, { 'aria-label': t('allocation.usage.label', { name }) }),
        ui.button(t('allocation.release'), async () => {
          const ok = await ui.confirm(t('allocation.release.confirm', { name }),
            { title: t('allocation.release'), confirmLabel: t('allocation.release'), danger: true });
          if (!ok) return;
          try {
            await api.post(`/api/terakoya/online-seats/allocations/${a.id}/release`);
            ui.toast(t('allocation.released', { name }), 'success');
          } catch (error) {
            ui.toast(ui.errorText(error), 'error');
          }
          await render(a.id);
        }, { kind: 'danger', 'aria-label': t('allocation.release.label', { name }) }));
    };
    const table = ui.table({
      caption: t('allocations.caption', { total: fmt.number(page.total) }),
      empty: t('allocations.none'),
      rows: page.items,
      columns: [
        { key: 'person', label: t('enrolment.person'), rowHeader: true, render: a => personName(ctx, a) },
        { key: 'allocatedAt', label: t('allocation.allocatedAt'), render: a => fmt.date(a.allocatedAt) },
        { key: 'state', label: t('allocation.state'), render: a => (a.active ? ui.badge(t('allocation.active'), 'success')
          : ui.badge(t('allocation.releasedAt', { when: fmt.date(a.releasedAt) }), 'neutral')) },
        { key: 'usageDays', label: t('allocation.days'), align: 'end', render: a => fmt.number(a.usageDays) },
        { key: 'usageMinutes', label: t('allocation.totalMinutes'), align: 'end', render: a => fmt.number(a.usageMinutes) },
        { key: 'lastUsedOn', label: t('allocation.lastUsedOn'), render: a => (a.lastUsedOn ? fmt.date(a.lastUsedOn) : '') },
        { key: 'actions', label: t('actions'), render: allocationActions },
      ],
    });
    table.querySelectorAll('tbody tr').forEach((tr, i) => { if (page.items[i]) tr.dataset.allocation = page.items[i].id; });
    const list = ui.section(t('allocations.title'), table);
    const picker = p.free > 0 ? personPicker(ctx, {
      id: 'allocation-picker',
      title: t('allocation.new.title'),
      actionLabel: t('allocation.new'),
      actionAria: person => t('allocation.new.label', { name: person.name }),
      onPick: async (person) => {
        const a = await api.post(`${base}/allocations`, { personId: person.id });
        ui.toast(t('allocation.created', { name: person.name }), 'success');
        await render(a.id);
      },
    }) : h('div', { class: 'alert alert-warning' }, t('pool.full'));
    element.replaceChildren(h('p', null, h('a', { href: '#/terakoya/seats' }, t('pool.back'))), details, picker, list);
    if (focusAllocation) {
      const row = list.querySelector(`tr[data-allocation="${focusAllocation}"]`);
      focusOn(row ? row.querySelector('th') : list);
    }
  }
  await render();
}

export async function mount(element, ctx, id) {
  if (id) return pool(element, ctx, id);
  return pools(element, ctx);
}
