// Partners: companies and platforms whose jobs the program brokers, with their contact, agreement
// and yearly priority quota. Coordinators add and edit them.

import { API, PARTNER_KINDS, choices, coordinator, focusOn, text } from './common.js';

export async function mount(element, ctx) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  const coord = coordinator(ctx);
  const listSlot = h('div', { id: 'partner-results' });

  const fields = (p = {}) => [
    { name: 'name', label: t('partner.name'), required: true, maxLength: 200, value: p.name },
    { name: 'kind', label: t('partner.kind'), type: 'select', required: true, value: p.kind, options: choices(t, 'partnerKind', PARTNER_KINDS) },
    { name: 'contactName', label: t('partner.contactName'), maxLength: 200, value: p.contactName },
    { name: 'contactEmail', label: t('partner.contactEmail'), type: 'email', maxLength: 200, value: p.contactEmail, autocomplete: 'off' },
    { name: 'contactPhone', label: t('partner.contactPhone'), type: 'tel', maxLength: 50, value: p.contactPhone, autocomplete: 'off' },
    { name: 'agreement', label: t('partner.agreement'), type: 'textarea', rows: 2, maxLength: 2000, value: p.agreement },
    { name: 'agreementFrom', label: t('partner.agreementFrom'), type: 'date', value: p.agreementFrom },
    { name: 'agreementUntil', label: t('partner.agreementUntil'), type: 'date', value: p.agreementUntil },
    { name: 'priorityQuota', label: t('partner.quota'), type: 'number', min: 0, max: 100000, value: p.priorityQuota,
      help: t('partner.quota.help') },
    { name: 'note', label: t('partner.note'), type: 'textarea', rows: 2, maxLength: 2000, value: p.note },
  ];

  async function drawList() {
    const page = await api.get(`${API}/partners?limit=500`);
    listSlot.replaceChildren(ui.table({
      caption: t('partners.caption', { total: fmt.number(page.total) }),
      empty: t('partners.none'),
      rows: page.items,
      columns: [
        { key: 'name', label: t('partner.name'), rowHeader: true },
        { key: 'kind', label: t('partner.kind'), render: p => text(ctx, p.kindLabel) },
        { key: 'contactName', label: t('partner.contactName'), render: p => p.contactName || '—' },
        { key: 'agreement', label: t('partner.agreementPeriod'), render: p => (p.agreementFrom || p.agreementUntil
          ? `${p.agreementFrom ? fmt.date(p.agreementFrom) : ''} 〜 ${p.agreementUntil ? fmt.date(p.agreementUntil) : ''}` : '—') },
        { key: 'quota', label: t('partner.quota.used'), align: 'end',
          render: p => (p.priorityQuota == null ? '—' : `${fmt.number(p.priorityUsed)} / ${fmt.number(p.priorityQuota)}`) },
        { key: 'jobs', label: t('partner.jobs'), align: 'end', render: p => fmt.number(p.jobs) },
        { key: 'active', label: t('partner.active'), render: p => (p.active ? ui.badge(t('partner.active.yes'), 'success')
          : ui.badge(t('partner.active.no'), 'neutral')) },
        coord ? { key: 'edit', label: t('partner.actions'), render: p => ui.button(t('partner.edit'), async () => {
          const saved = await ui.formDialog({
            title: t('partner.edit.title', { name: p.name }),
            fields: [...fields(p), { name: 'active', label: t('partner.active'), type: 'checkbox', value: p.active }],
            submitLabel: t('partner.save'),
            onSubmit: v => api.put(`${API}/partners/${p.id}`, { ...v, active: !!v.active, version: p.version }),
          });
          if (!saved) return;
          ui.toast(t('partner.saved', { name: saved.name }), 'success');
          await drawList();
          focusOn(listSlot.querySelector(`button[data-partner="${saved.id}"]`));
        }, { 'data-partner': p.id, 'aria-label': t('partner.edit.aria', { name: p.name }) }) } : null,
      ].filter(Boolean),
    }));
  }

  const parts = [ui.section(t('partners.title'), listSlot)];
  if (coord) {
    const form = ui.form({
      id: 'partner-new',
      fields: fields(),
      submitLabel: t('partner.create'),
      onSubmit: async (v) => {
        const saved = await api.post(`${API}/partners`, v);
        ui.toast(t('partner.created', { name: saved.name }), 'success');
        form.reset();
        await drawList();
        focusOn(listSlot.closest('section'));
      },
    });
    parts.push(ui.section(t('partner.new'), form));
  }
  element.replaceChildren(...parts);
  listSlot.append(ui.loading());
  await drawList();
}
