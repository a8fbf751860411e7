// Contracts: the list (contracts), with their Freelance Act findings and a filter for the flagged
// ones; and one contract (contracts/<id>): its written terms, what the findings mean, and the
// coordinator's acts: amend the terms, record the delivery and the payment, cancel.

import {
  API, CONTRACT_STATUSES, choices, coordinator, flagBadges, focusOn, pagedTable, personName, statusKind, text, today,
} from './common.js';

/** The list's filter, kept while the page lives. */
let lastFilter = { status: '', flagged: false };

export async function mount(element, ctx, id) {
  // contracts/flagged (the home page's link) lists the flagged ones
  if (id === 'flagged') lastFilter = { status: '', flagged: true };
  return id && id !== 'flagged' ? one(element, ctx, id) : list(element, ctx);
}

async function list(element, ctx) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  const table = pagedTable(ctx, {
    id: 'contract-results',
    fetch: (offset) => {
      const params = new URLSearchParams({ offset, limit: 50 });
      if (lastFilter.status) params.set('status', lastFilter.status);
      if (lastFilter.flagged) params.set('flagged', 'true');
      return api.get(`${API}/contracts?${params}`);
    },
    table: page => ui.table({
      caption: t(lastFilter.flagged ? 'contracts.caption.flagged' : 'contracts.caption', { total: fmt.number(page.total) }),
      empty: t('contracts.none'),
      rows: page.items,
      onRowClick: c => ctx.navigate(`contracts/${c.id}`),
      columns: [
        { key: 'personName', label: t('person.name'), rowHeader: true, render: c => h('a', { href: `#/jobs/contracts/${c.id}` }, personName(ctx, c)) },
        { key: 'job', label: t('job.title'), render: c => text(ctx, c.jobTitle) },
        { key: 'payYen', label: t('terms.payYen'), align: 'end', render: c => (c.payYen == null ? '—' : fmt.yen(c.payYen)) },
        { key: 'dueDate', label: t('terms.dueDate'), render: c => (c.dueDate ? fmt.date(c.dueDate) : '—') },
        { key: 'paymentDueDate', label: t('terms.paymentDueDate'), render: c => (c.paymentDueDate ? fmt.date(c.paymentDueDate) : '—') },
        { key: 'status', label: t('contract.status'), render: c => ui.badge(text(ctx, c.statusLabel), statusKind(c.status)) },
        { key: 'flags', label: t('contract.flags'), render: c => (c.flags.length ? flagBadges(ctx, c.flags) : t('contract.flags.none')) },
      ],
    }),
  });
  const filter = ui.form({
    id: 'contract-filter',
    fields: [
      { name: 'status', label: t('contract.status'), type: 'select', value: lastFilter.status, placeholder: t('filter.any'),
        options: choices(t, 'contractStatus', CONTRACT_STATUSES) },
      { name: 'flagged', label: t('contracts.flaggedOnly'), type: 'checkbox', value: lastFilter.flagged },
    ],
    submitLabel: t('filter.show'),
    onSubmit: async (values) => {
      lastFilter = values;
      await table.load(0);
    },
  });
  filter.classList.add('form-inline');
  element.replaceChildren(h('p', { class: 'help' }, t('contracts.help')), ui.section(t('contracts.filter'), filter), table.element);
  table.element.append(ui.loading());
  await table.load(0);
}

async function one(element, ctx, id) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  const base = `${API}/contracts/${encodeURIComponent(id)}`;
  const coord = coordinator(ctx);
  let contract = await api.get(base);

  function after(result, message) {
    if (!result) return;
    contract = result;
    ui.toast(message, 'success');
    draw();
    focusOn(element.querySelector('#contract-summary'));
  }

  const dialogButton = (label, dialog, done, attrs) => ui.button(label, async () => after(await ui.formDialog(dialog), done), attrs);

  function actions() {
    if (!coord) return [];
    const buttons = [];
    if (contract.status === 'ACTIVE') {
      buttons.push(dialogButton(t('contract.deliver'), {
        title: t('contract.deliver'),
        fields: [{ name: 'deliveredOn', label: t('contract.deliveredOn'), type: 'date', required: true, value: today() },
          { name: 'note', label: t('contract.deliveryNote'), type: 'textarea', rows: 2, maxLength: 1000 }],
        submitLabel: t('contract.deliver.submit'),
        onSubmit: v => api.post(`${base}/delivery`, v),
      }, t('contract.delivered'), { kind: 'primary', id: 'contract-deliver' }));
    }
    if (contract.status === 'DELIVERED') {
      buttons.push(dialogButton(t('contract.pay'), {
        title: t('contract.pay'),
        text: contract.paymentDeadline ? t('contract.pay.deadline', { date: fmt.date(contract.paymentDeadline) }) : null,
        fields: [{ name: 'paidOn', label: t('contract.paidOn'), type: 'date', required: true, value: today() },
          { name: 'amountYen', label: t('contract.paidAmount'), type: 'number', min: 0, max: 1000000000, value: contract.payYen,
            help: t('contract.paidAmount.help') }],
        submitLabel: t('contract.pay.submit'),
        onSubmit: v => api.post(`${base}/payment`, v),
      }, t('contract.paid'), { kind: 'primary', id: 'contract-pay' }));
    }
    if (contract.status === 'ACTIVE') {
      buttons.push(dialogButton(t('contract.cancel'), {
        title: t('contract.cancel'), text: t('contract.cancel.text'),
        fields: [{ name: 'reason', label: t('reason'), type: 'textarea', rows: 3, maxLength: 1000 }],
        submitLabel: t('contract.cancel'),
        onSubmit: v => api.post(`${base}/cancel`, v),
      }, t('contract.cancelled'), { kind: 'danger', id: 'contract-cancel' }));
    }
    return buttons;
  }

  function summary() {
    const c = contract;
    const buttons = actions();
    const section = ui.section(t('contract.summary'), ui.dl([
      [t('job.title'), h('a', { href: `#/jobs/jobs/${c.jobId}` }, text(ctx, c.jobTitle))],
      [t('person.name'), personName(ctx, c)],
      c.role ? [t('introduction.role'), c.role] : null,
      [t('contract.status'), ui.badge(text(ctx, c.statusLabel), statusKind(c.status))],
      [t('terms.scope'), c.scope || '—'],
      c.units != null ? [t('terms.units.label'), fmt.number(c.units)] : null,
      [t('job.pay'), c.payYen == null ? '—' : fmt.yen(c.payYen)],
      [t('terms.dueDate'), c.dueDate ? fmt.date(c.dueDate) : '—'],
      [t('terms.paymentDueDate'), c.paymentDueDate ? fmt.date(c.paymentDueDate) : '—'],
      [t('terms.termsIssuedOn'), c.termsIssuedOn ? fmt.date(c.termsIssuedOn) : t('contract.termsNotIssued')],
      c.deliveredOn ? [t('contract.deliveredOn'), fmt.date(c.deliveredOn)] : null,
      c.deliveryNote ? [t('contract.deliveryNote'), c.deliveryNote] : null,
      c.paymentDeadline ? [t('contract.paymentDeadline'), fmt.date(c.paymentDeadline)] : null,
      c.paidOn ? [t('contract.paidOn'), fmt.date(c.paidOn)] : null,
      c.paidAmountYen != null ? [t('earnings.paid'), fmt.yen(c.paidAmountYen)] : null,
      c.paidFiscalYear ? [t('contract.paidFiscalYear'), fmt.fiscalYear(c.paidFiscalYear)] : null,
      c.cancelledReason ? [t('contract.cancelledReason'), c.cancelledReason] : null,
      [t('introduction.title'), h('a', { href: `#/jobs/introductions/${c.introductionId}` }, t('introduction.open'))],
    ]), buttons.length ? h('div', { class: 'actions' }, ...buttons) : null);
    section.id = 'contract-summary';
    return section;
  }

  function findings() {
    const flags = contract.flags;
    const section = ui.section(t('contract.flags'), flags.length
      ? [h('ul', { class: 'jobs-flags', id: 'contract-flags' }, flags.map(f => h('li', {
        class: `alert ${f.severity === 'VIOLATION' ? 'alert-danger' : 'alert-warning'}` },
        h('strong', null, t(`severity.${f.severity}`)), ' ', text(ctx, f.text)))),
      h('p', { class: 'help' }, t('contract.flags.help'))]
      : h('p', { class: 'alert alert-success', id: 'contract-flags' }, t('contract.flags.clear')));
    section.id = 'contract-findings';
    return section;
  }

  function termsForm() {
    const c = contract;
    const section = ui.section(t('contract.amend'), h('p', { class: 'help' }, t('contract.amend.help')), ui.form({
      id: 'contract-terms',
      fields: [
        { name: 'scope', label: t('terms.scope'), type: 'textarea', rows: 2, maxLength: 2000, value: c.scope },
        { name: 'units', label: t('terms.units.label'), type: 'number', min: 1, max: 100000, value: c.units },
        { name: 'payYen', label: t('terms.payYen'), type: 'number', min: 0, max: 1000000000, value: c.payYen },
        { name: 'dueDate', label: t('terms.dueDate'), type: 'date', value: c.dueDate },
        { name: 'paymentDueDate', label: t('terms.paymentDueDate'), type: 'date', value: c.paymentDueDate,
          help: t('terms.paymentDueDate.help') },
        { name: 'termsIssuedOn', label: t('terms.termsIssuedOn'), type: 'date', value: c.termsIssuedOn, help: t('terms.termsIssuedOn.help') },
      ],
      submitLabel: t('contract.amend.submit'),
      onSubmit: async v => after(await api.patch(`${base}/terms`, { ...v, version: contract.version }), t('contract.amended')),
    }));
    section.id = 'contract-amend';
    return section;
  }

  function draw() {
    ctx.setTitle(`${personName(ctx, contract)} — ${text(ctx, contract.jobTitle)}`);
    element.replaceChildren(...[
      h('p', null, h('a', { href: '#/jobs/contracts' }, t('contracts.back'))),
      summary(), findings(),
      coord && ['ACTIVE', 'DELIVERED'].includes(contract.status) ? termsForm() : null].filter(Boolean));
  }
  draw();
}
