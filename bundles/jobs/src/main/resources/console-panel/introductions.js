// Introductions: the list (introductions), by status, with those awaiting the freelancer's answer
// first in mind; and one introduction (introductions/<id>) with its terms, the answers staff
// record (accept, decline, counter-proposal, each with how it came), the coordinator's decisions,
// the contract, and the timeline of everything that happened.

import {
  API, CHANNELS, INTRODUCTION_STATUSES, choices, coordinator, focusOn, pagedTable, personName, statusKind, termsText, text, today,
} from './common.js';

/** The list's filter, kept while the page lives. */
let lastFilter = { status: 'OFFERED' };

export async function mount(element, ctx, id) {
  if (id && /^\d+$/.test(id)) return one(element, ctx, id);
  // introductions/<status> (the home card's links: introductions/proposed) lists those
  if (id && INTRODUCTION_STATUSES.includes(id.toUpperCase())) lastFilter = { status: id.toUpperCase() };
  return list(element, ctx);
}

async function list(element, ctx) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  const table = pagedTable(ctx, {
    id: 'introduction-results',
    fetch: (offset) => {
      const params = new URLSearchParams({ offset, limit: 50 });
      if (lastFilter.status) params.set('status', lastFilter.status);
      return api.get(`${API}/introductions?${params}`);
    },
    table: page => ui.table({
      caption: t('introductions.caption', { total: fmt.number(page.total) }),
      empty: t('introductions.none'),
      rows: page.items,
      onRowClick: i => ctx.navigate(`introductions/${i.id}`),
      columns: [
        { key: 'personName', label: t('person.name'), rowHeader: true,
          render: i => h('a', { href: `#/jobs/introductions/${i.id}` }, personName(ctx, i)) },
        { key: 'job', label: t('job.title'), render: i => text(ctx, i.jobTitle) },
        { key: 'status', label: t('introduction.status'), render: i => ui.badge(text(ctx, i.statusLabel), statusKind(i.status)) },
        { key: 'terms', label: t('introduction.terms'), render: i => termsText(ctx, i.agreed || i.proposed || i.offered) },
        { key: 'createdAt', label: t('introduction.createdAt'), render: i => fmt.dateTime(i.createdAt) },
      ],
    }),
  });
  const filter = ui.form({
    id: 'introduction-filter',
    fields: [{ name: 'status', label: t('introduction.status'), type: 'select', value: lastFilter.status, placeholder: t('filter.any'),
      options: choices(t, 'introductionStatus', INTRODUCTION_STATUSES) }],
    submitLabel: t('filter.show'),
    onSubmit: async (values) => {
      lastFilter = values;
      await table.load(0);
    },
  });
  filter.classList.add('form-inline');
  element.replaceChildren(h('p', { class: 'help' }, t('introductions.help')), ui.section(t('introductions.filter'), filter), table.element);
  table.element.append(ui.loading());
  await table.load(0);
}

async function one(element, ctx, id) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  const base = `${API}/introductions/${encodeURIComponent(id)}`;
  const coord = coordinator(ctx);
  let intro = await api.get(base);

  const channelField = { name: 'channel', label: t('answer.channel'), type: 'select', required: true, value: 'PHONE',
    options: choices(t, 'channel', CHANNELS) };

  /** Sends an act of the introduction; resolves to the introduction as it is now. */
  const post = (path, body) => api.post(`${base}/${path}`, body || {});

  /** After an act: the page drawn again from the API's answer, a toast, the focus on the summary. */
  function after(result, message) {
    if (!result) return;
    intro = result;
    ui.toast(message, 'success');
    draw();
    focusOn(element.querySelector('#introduction-summary'));
  }

  /** A button that asks for details in a dialog, then acts. */
  const dialogButton = (label, dialog, done, attrs) => ui.button(label, async () => after(await ui.formDialog(dialog), done), attrs);

  function answerButtons() {
    const allowed = new Set(intro.allowedActions);
    const buttons = [];
    if (allowed.has('ACCEPT')) {
      buttons.push(dialogButton(t('answer.accept'), {
        title: t('answer.accept'), text: t('answer.accept.text', { name: personName(ctx, intro) }),
        fields: [channelField, { name: 'note', label: t('answer.note'), type: 'textarea', rows: 3, maxLength: 1000 }],
        submitLabel: t('answer.accept.submit'),
        onSubmit: v => post('accept', v),
      }, t('answer.accepted'), { kind: 'primary', id: 'introduction-accept' }));
    }
    if (allowed.has('DECLINE')) {
      buttons.push(dialogButton(t('answer.decline'), {
        title: t('answer.decline'),
        fields: [channelField, { name: 'reason', label: t('reason'), type: 'textarea', rows: 3, maxLength: 1000 }],
        submitLabel: t('answer.decline.submit'),
        onSubmit: v => post('decline', v),
      }, t('answer.declined'), { id: 'introduction-decline' }));
    }
    if (coord && allowed.has('ACCEPT_PROPOSAL')) {
      buttons.push(ui.button(t('proposal.accept'), async () => {
        try {
          after(await post('proposal/accept', {}), t('proposal.accepted'));
        } catch (error) {
          ui.toast(ui.errorText(error), 'error');
        }
      }, { kind: 'primary', id: 'proposal-accept' }));
    }
    if (coord && allowed.has('REJECT_PROPOSAL')) {
      buttons.push(dialogButton(t('proposal.reject'), {
        title: t('proposal.reject'), text: t('proposal.reject.text'),
        fields: [{ name: 'reason', label: t('reason'), type: 'textarea', rows: 3, maxLength: 1000 }],
        submitLabel: t('proposal.reject'),
        onSubmit: v => post('proposal/reject', v),
      }, t('proposal.rejected'), { id: 'proposal-reject' }));
    }
    if (coord && allowed.has('WITHDRAW')) {
      buttons.push(dialogButton(t('introduction.withdraw'), {
        title: t('introduction.withdraw'), text: t('introduction.withdraw.text'),
        fields: [{ name: 'reason', label: t('reason'), type: 'textarea', rows: 3, maxLength: 1000 }],
        submitLabel: t('introduction.withdraw'),
        onSubmit: v => post('withdraw', v),
      }, t('introduction.withdrawn'), { kind: 'danger', id: 'introduction-withdraw' }));
    }
    return buttons;
  }

  function summary() {
    const buttons = answerButtons();
    const section = ui.section(t('introduction.summary'), ui.dl([
      [t('job.title'), h('a', { href: `#/jobs/jobs/${intro.jobId}` }, text(ctx, intro.jobTitle))],
      [t('person.name'), personName(ctx, intro)],
      intro.role ? [t('introduction.role'), intro.role] : null,
      [t('introduction.status'), ui.badge(text(ctx, intro.statusLabel), statusKind(intro.status))],
      [t('introduction.offered'), termsText(ctx, intro.offered)],
      intro.proposed ? [t('introduction.proposed'), termsText(ctx, intro.proposed)] : null,
      intro.agreed ? [t('introduction.agreed'), termsText(ctx, intro.agreed)] : null,
      intro.note ? [t('introduction.note'), intro.note] : null,
      intro.contractId ? [t('contract.title'), h('a', { href: `#/jobs/contracts/${intro.contractId}`, id: 'introduction-contract' },
        t('contract.open'))] : null,
    ]), buttons.length ? [h('p', { class: 'help' }, t('answer.help')), h('div', { class: 'actions' }, ...buttons)] : null);
    section.id = 'introduction-summary';
    return section;
  }

  function proposalForm() {
    const section = ui.section(t('proposal.title'), h('p', { class: 'help' }, t('proposal.help')), ui.form({
      id: 'proposal-form',
      fields: [
        channelField,
        { name: 'scope', label: t('terms.scope'), type: 'textarea', rows: 2, maxLength: 2000 },
        { name: 'units', label: t('terms.units.label'), type: 'number', min: 1, max: 100000 },
        { name: 'payYen', label: t('terms.payYen'), type: 'number', min: 0, max: 1000000000 },
        { name: 'dueDate', label: t('terms.dueDate'), type: 'date' },
        { name: 'note', label: t('answer.note'), type: 'textarea', rows: 2, maxLength: 1000 },
      ],
      submitLabel: t('proposal.submit'),
      onSubmit: async v => after(await post('propose', v), t('proposal.recorded')),
    }));
    section.id = 'introduction-proposal';
    return section;
  }

  function contractForm() {
    const terms = intro.agreed || intro.offered || {};
    const section = ui.section(t('contract.make'), h('p', { class: 'help' }, t('contract.make.help')), ui.form({
      id: 'contract-form',
      fields: [
        { name: 'scope', label: t('terms.scope'), type: 'textarea', rows: 2, maxLength: 2000, value: terms.scope },
        { name: 'units', label: t('terms.units.label'), type: 'number', min: 1, max: 100000, value: terms.units },
        { name: 'payYen', label: t('terms.payYen'), type: 'number', min: 0, max: 1000000000, value: terms.payYen },
        { name: 'dueDate', label: t('terms.dueDate'), type: 'date', value: terms.dueDate },
        { name: 'paymentDueDate', label: t('terms.paymentDueDate'), type: 'date', help: t('terms.paymentDueDate.help') },
        { name: 'termsIssuedOn', label: t('terms.termsIssuedOn'), type: 'date', value: today(), help: t('terms.termsIssuedOn.help') },
      ],
      submitLabel: t('contract.make.submit'),
      onSubmit: async (v) => {
        const contract = await api.post(`${base}/contract`, v);
        ui.toast(t('contract.made', { name: personName(ctx, intro) }), 'success');
        ctx.navigate(`contracts/${contract.id}`);
      },
    }));
    section.id = 'introduction-contract-form';
    return section;
  }

  function timeline() {
    return ui.section(t('introduction.history'), h('ol', { class: 'jobs-timeline', id: 'introduction-history' }, ...intro.history.map(e =>
      h('li', null,
        h('strong', null, text(ctx, e.actionLabel)), ' ',
        h('time', { datetime: e.at }, fmt.dateTime(e.at)), ' · ', t('history.by', { user: e.recordedBy }),
        e.channel ? [' · ', t(`channel.${e.channel}`)] : null,
        e.terms ? h('div', null, termsText(ctx, e.terms)) : null,
        e.reason ? h('div', { class: 'jobs-note' }, e.reason) : null))));
  }

  function draw() {
    ctx.setTitle(`${personName(ctx, intro)} — ${text(ctx, intro.jobTitle)}`);
    const allowed = new Set(intro.allowedActions);
    element.replaceChildren(...[
      h('p', null, h('a', { href: `#/jobs/jobs/${intro.jobId}` }, t('job.back')), ' · ',
        h('a', { href: '#/jobs/introductions' }, t('introductions.back'))),
      summary(),
      allowed.has('PROPOSE') ? proposalForm() : null,
      coord && allowed.has('CONTRACT') ? contractForm() : null,
      timeline()].filter(Boolean));
  }
  draw();
}
