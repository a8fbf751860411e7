// The job brokering panel: job board, candidate ranking with reasons, introductions and their
// history, contracts with Freelance Act findings, earnings per fiscal year, partners.
const API = '/api/jobs';

export async function mount(element, ctx) {
  const [path, query] = (ctx.route || 'jobs').split('?');
  const [section, id] = path.split('/');
  const pages = { jobs: id ? jobPage : board, introductions: introductionPage, contracts, earnings, partners };
  const page = pages[section] || board;
  element.replaceChildren(ctx.ui.loading());
  try {
    await page(element, ctx, id, new URLSearchParams(query || ''));
  } catch (e) {
    element.replaceChildren(ctx.ui.error(e));
  }
}

const text = (ctx, label) => (label ? (ctx.lang === 'en' ? label.en : label.ja) : '');
const coordinator = (ctx) => ctx.hasRole('coordinator');

function reasons(ctx, list) {
  const { h } = ctx.ui;
  return h('ul', { class: 'jobs-reasons' }, ...list.map((r) => h('li', {
    class: [r.points < 0 ? 'jobs-reason-minus' : '', r.sensitive ? 'jobs-reason-sensitive' : ''].join(' ').trim(),
  }, `${text(ctx, r.text)}${r.points ? ` (${r.points > 0 ? '+' : ''}${r.points})` : ''}`)));
}

async function board(element, ctx) {
  const { ui, t, api, fmt } = ctx;
  const [jobs, partnerPage] = await Promise.all([api.get(`${API}/jobs?limit=100`), api.get(`${API}/partners?limit=500`)]);
  const table = ui.table({
    caption: t('jobs'),
    columns: [
      { key: 'title', label: t('title'), rowHeader: true, render: (j) => text(ctx, j.title) },
      { key: 'partnerName', label: t('partner') },
      { key: 'deadline', label: t('deadline'), render: (j) => (j.schedule.deadline ? fmt.date(j.schedule.deadline) : '') },
      { key: 'pay', label: t('pay'), align: 'end', render: (j) => fmt.yen(j.pay.totalYen) },
      { key: 'status', label: t('status'), render: (j) => ui.badge(text(ctx, j.statusLabel), j.status === 'OPEN' ? 'info' : 'neutral') },
    ],
    rows: jobs.items,
    empty: t('none'),
    onRowClick: (j) => ctx.navigate(`jobs/${j.id}`),
  });
  const children = [ui.section(t('jobs'), table)];
  if (coordinator(ctx) && partnerPage.items.length) {
    children.push(ui.section(t('newJob'), ui.form({
      fields: [
        { name: 'partnerId', label: t('partner'), type: 'select', required: true,
          options: partnerPage.items.map((p) => ({ value: String(p.id), label: p.name })) },
        { name: 'title', label: t('title'), required: true },
        { name: 'titleEn', label: t('titleEn') },
        { name: 'skills', label: t('skills'), required: true, placeholder: 'writing, photography' },
        { name: 'volume', label: t('volume'), type: 'number', min: 1, value: 1, required: true },
        { name: 'unit', label: t('unit') },
        { name: 'effort', label: t('effortDays'), type: 'number', min: 0.1, step: 0.1, value: 1, required: true },
        { name: 'deadline', label: t('deadline'), type: 'date' },
        { name: 'workMode', label: t('workMode'), type: 'select', required: true, options: [
          { value: 'REMOTE', label: ctx.lang === 'en' ? 'Remote' : 'リモート' },
          { value: 'HYBRID', label: ctx.lang === 'en' ? 'Partly on site' : '一部現地' },
          { value: 'ON_SITE', label: ctx.lang === 'en' ? 'On site' : '現地' }] },
        { name: 'payType', label: t('payType'), type: 'select', required: true, options: [
          { value: 'PER_UNIT', label: ctx.lang === 'en' ? 'Per unit' : '単価' },
          { value: 'FIXED', label: ctx.lang === 'en' ? 'Fixed' : '固定報酬' }] },
        { name: 'payYen', label: t('payYen'), type: 'number', min: 0, required: true },
        { name: 'priority', label: t('priority'), type: 'checkbox' },
      ],
      submitLabel: t('save'),
      onSubmit: async (v) => {
        const job = await api.post(`${API}/jobs`, {
          partnerId: Number(v.partnerId), title: { ja: v.title, en: v.titleEn },
          skills: String(v.skills).split(',').map((s) => s.trim()).filter(Boolean),
          volume: Number(v.volume), unit: v.unit ? { ja: v.unit } : null,
          effort: { value: Number(v.effort), unit: 'DAYS' },
          schedule: { deadline: v.deadline, workMode: v.workMode },
          pay: { type: v.payType, yen: Number(v.payYen) }, priority: !!v.priority,
        });
        ctx.navigate(`jobs/${job.id}`);
      },
    })));
  }
  element.replaceChildren(...children);
}

async function jobPage(element, ctx, id) {
  const { ui, t, api, fmt } = ctx;
  const job = await api.get(`${API}/jobs/${id}`);
  ctx.setTitle(text(ctx, job.title));
  const [ranking, intros] = await Promise.all([
    api.get(`${API}/jobs/${id}/candidates?limit=20`),
    api.get(`${API}/jobs/${id}/introductions?limit=100`),
  ]);
  const summary = ui.dl([
    [t('partner'), job.partnerName],
    [t('status'), text(ctx, job.statusLabel)],
    [t('skills'), job.skills.map((s) => text(ctx, s.label)).join('・')],
    [t('volume'), `${job.volume}${job.unit ? text(ctx, job.unit) : ''}`],
    [t('deadline'), job.schedule.deadline ? fmt.date(job.schedule.deadline) : '—'],
    [t('pay'), fmt.yen(job.pay.totalYen)],
  ]);
  const actions = [];
  if (coordinator(ctx) && ['OPEN', 'INTRODUCED', 'PAID'].includes(job.status)) {
    actions.push(ui.button(t('closeJob'), async () => {
      if (await ui.confirm(t('confirmClose'), { danger: true })) {
        await api.post(`${API}/jobs/${id}/close`, {});
        ctx.navigate(`jobs/${id}`);
      }
    }, { kind: 'danger' }));
  }
  const candidates = ui.table({
    caption: t('candidates'),
    columns: [
      { key: 'rank', label: t('rank'), align: 'end' },
      { key: 'name', label: t('name'), rowHeader: true, render: (c) => c.name || c.personId },
      { key: 'score', label: t('score'), align: 'end', render: (c) => ui.h('span', { class: 'jobs-score' }, String(c.score)) },
      { key: 'reasons', label: t('reasons'), render: (c) => reasons(ctx, c.reasons) },
      { key: 'action', label: t('introduce'), render: (c) => (c.introduction
        ? ui.badge(text(ctx, c.introduction.statusLabel), 'neutral')
        : (coordinator(ctx) && ['OPEN', 'INTRODUCED'].includes(job.status)
          ? ui.button(t('introduce'), async () => {
            await api.post(`${API}/jobs/${id}/introductions`, { personIds: [c.personId] });
            ui.toast(t('done'), 'success');
            ctx.navigate(`jobs/${id}`);
          }, { kind: 'primary' }) : '')) },
    ],
    rows: ranking.items,
    empty: t('none'),
  });
  const introductions = ui.table({
    caption: t('introductions'),
    columns: [
      { key: 'personName', label: t('name'), rowHeader: true, render: (i) => i.personName || i.personId },
      { key: 'status', label: t('status'), render: (i) => text(ctx, i.statusLabel) },
      { key: 'pay', label: t('pay'), align: 'end', render: (i) => fmt.yen((i.agreed || i.offered).payYen) },
    ],
    rows: intros.items,
    empty: t('none'),
    onRowClick: (i) => ctx.navigate(`introductions/${i.id}`),
  });
  element.replaceChildren(ui.section(text(ctx, job.title), summary, ui.h('div', { class: 'actions' }, ...actions)),
    ui.section(t('introductions'), introductions), ui.section(t('candidates'), candidates));
}

async function introductionPage(element, ctx, id) {
  const { ui, t, api, fmt } = ctx;
  const i = await api.get(`${API}/introductions/${id}`);
  ctx.setTitle(`${i.personName || i.personId} — ${text(ctx, i.jobTitle)}`);
  const terms = (x) => (x ? [x.scope, x.payYen != null ? fmt.yen(x.payYen) : null, x.dueDate ? fmt.date(x.dueDate) : null]
    .filter(Boolean).join(' / ') : '—');
  const timeline = ui.h('ol', { class: 'jobs-timeline' }, ...i.history.map((e) => ui.h('li', {},
    ui.h('strong', {}, text(ctx, e.actionLabel)), ` ${fmt.dateTime(e.at)} · ${e.recordedBy}`,
    e.channel ? ` · ${e.channel}` : '', e.reason ? ui.h('div', {}, e.reason) : '',
    e.terms ? ui.h('div', {}, terms(e.terms)) : '')));
  const act = (path, body) => async () => {
    await api.post(`${API}/introductions/${id}/${path}`, body ? body() : {});
    ui.toast(t('done'), 'success');
    ctx.navigate(`introductions/${id}`);
  };
  const allowed = new Set(i.allowedActions);
  const buttons = [];
  if (allowed.has('ACCEPT')) buttons.push(ui.button(t('accept'), act('accept')));
  if (allowed.has('DECLINE')) buttons.push(ui.button(t('decline'), act('decline'), { kind: 'secondary' }));
  const coord = coordinator(ctx);
  if (coord && allowed.has('ACCEPT_PROPOSAL')) buttons.push(ui.button(t('acceptProposal'), act('proposal/accept'), { kind: 'primary' }));
  if (coord && allowed.has('REJECT_PROPOSAL')) buttons.push(ui.button(t('rejectProposal'), act('proposal/reject'), { kind: 'secondary' }));
  if (coord && allowed.has('WITHDRAW')) buttons.push(ui.button(t('withdraw'), act('withdraw'), { kind: 'danger' }));
  const parts = [ui.section(t('introductions'), ui.dl([
    [t('status'), text(ctx, i.statusLabel)], [t('scope'), terms(i.offered)],
    ['→', i.proposed ? terms(i.proposed) : (i.agreed ? terms(i.agreed) : '—')],
  ]), ui.h('p', {}, t('recordedFor')), ui.h('div', { class: 'actions' }, ...buttons))];
  if (allowed.has('PROPOSE')) {
    parts.push(ui.section(t('propose'), ui.form({
      fields: [{ name: 'scope', label: t('scope') }, { name: 'payYen', label: t('payYen'), type: 'number', min: 0 },
        { name: 'dueDate', label: t('dueDate'), type: 'date' }, { name: 'note', label: t('reason'), type: 'textarea' }],
      submitLabel: t('propose'),
      onSubmit: async (v) => {
        await api.post(`${API}/introductions/${id}/propose`, { scope: v.scope, payYen: v.payYen == null ? null : Number(v.payYen),
          dueDate: v.dueDate, note: v.note });
        ctx.navigate(`introductions/${id}`);
      },
    })));
  }
  if (coord && allowed.has('CONTRACT')) {
    parts.push(ui.section(t('contract'), ui.form({
      fields: [{ name: 'paymentDueDate', label: t('paymentDueDate'), type: 'date', required: true },
        { name: 'termsIssuedOn', label: t('termsIssuedOn'), type: 'date', required: true }],
      submitLabel: t('contract'),
      onSubmit: async (v) => {
        await api.post(`${API}/introductions/${id}/contract`, v);
        ctx.navigate('contracts');
      },
    })));
  }
  parts.push(ui.section(t('history'), timeline));
  element.replaceChildren(...parts);
}

async function contracts(element, ctx, id, query) {
  const { ui, t, api, fmt } = ctx;
  const flagged = query.get('flagged') === 'true';
  const page = await api.get(`${API}/contracts?limit=200${flagged ? '&flagged=true' : ''}`);
  const today = new Date().toISOString().slice(0, 10);
  const step = (c) => {
    if (!coordinator(ctx)) return '';
    if (c.status === 'ACTIVE') {
      return ui.button(t('deliver'), async () => {
        await api.post(`${API}/contracts/${c.id}/delivery`, { deliveredOn: today });
        ctx.navigate('contracts');
      });
    }
    if (c.status === 'DELIVERED') {
      return ui.button(t('payNow'), async () => {
        await api.post(`${API}/contracts/${c.id}/payment`, { paidOn: today });
        ctx.navigate('contracts');
      }, { kind: 'primary' });
    }
    return '';
  };
  const table = ui.table({
    caption: t('contracts'),
    columns: [
      { key: 'personName', label: t('name'), rowHeader: true, render: (c) => c.personName || c.personId },
      { key: 'job', label: t('jobs'), render: (c) => text(ctx, c.jobTitle) },
      { key: 'payYen', label: t('pay'), align: 'end', render: (c) => (c.payYen == null ? '—' : fmt.yen(c.payYen)) },
      { key: 'paymentDueDate', label: t('paymentDueDate'), render: (c) => (c.paymentDueDate ? fmt.date(c.paymentDueDate) : '—') },
      { key: 'status', label: t('status'), render: (c) => text(ctx, c.statusLabel) },
      { key: 'flags', label: t('flags'), render: (c) => ui.h('div', {}, ...c.flags.map((f) =>
        ui.badge(text(ctx, f.text), f.severity === 'VIOLATION' ? 'danger' : 'warning'))) },
      { key: 'step', label: '', render: step },
    ],
    rows: page.items,
    empty: t('none'),
  });
  const box = ui.h('input', { type: 'checkbox', id: 'jobs-flagged-only',
    onchange: (e) => ctx.navigate(e.target.checked ? 'contracts?flagged=true' : 'contracts') });
  box.checked = flagged;
  const toggle = ui.h('label', { for: 'jobs-flagged-only' }, box, ` ${t('flaggedOnly')}`);
  element.replaceChildren(ui.section(t('contracts'), toggle, table));
}

async function earnings(element, ctx) {
  const { ui, t, api, fmt } = ctx;
  const year = fmt.fiscalYearOf();
  const page = await api.get(`${API}/earnings?fiscalYear=${year}&limit=500`);
  const table = ui.table({
    caption: `${t('earnings')} ${fmt.fiscalYear(year)}`,
    columns: [
      { key: 'name', label: t('name'), rowHeader: true, render: (e) => e.name || e.personId },
      { key: 'paidYen', label: t('paidYen'), align: 'end', render: (e) => fmt.yen(e.paidYen) },
      { key: 'contracts', label: t('count'), align: 'end' },
      { key: 'selfReportedYen', label: t('selfReported'), align: 'end', render: (e) => (e.selfReportedYen == null ? '—' : fmt.yen(e.selfReportedYen)) },
    ],
    rows: page.items,
    empty: t('none'),
  });
  element.replaceChildren(ui.section(`${t('earnings')} ${fmt.fiscalYear(year)}`, table,
    ui.h('div', { class: 'actions' }, ui.button(t('export'), () => api.download(`${API}/earnings/export.csv?fiscalYear=${year}`),
      { kind: 'secondary' }))));
}

async function partners(element, ctx) {
  const { ui, t, api } = ctx;
  const page = await api.get(`${API}/partners?limit=500`);
  const table = ui.table({
    caption: t('partners'),
    columns: [
      { key: 'name', label: t('partner'), rowHeader: true },
      { key: 'kind', label: t('kind'), render: (p) => text(ctx, p.kindLabel) },
      { key: 'contactName', label: t('contact') },
      { key: 'quota', label: t('quota'), align: 'end', render: (p) => (p.priorityQuota == null ? '—' : `${p.priorityUsed} / ${p.priorityQuota}`) },
    ],
    rows: page.items,
    empty: t('none'),
  });
  const parts = [ui.section(t('partners'), table)];
  if (coordinator(ctx)) {
    const kinds = ['CROWDSOURCING', 'STOCK_PHOTO', 'HANDMADE_MARKET', 'ONLINE_LEARNING', 'COMPANY', 'PUBLIC_BODY', 'OTHER'];
    parts.push(ui.section(t('newPartner'), ui.form({
      fields: [
        { name: 'name', label: t('partner'), required: true },
        { name: 'kind', label: t('kind'), type: 'select', required: true, options: kinds.map((k) => ({ value: k, label: k })) },
        { name: 'contactName', label: t('contact') },
        { name: 'priorityQuota', label: t('quota'), type: 'number', min: 0 },
      ],
      submitLabel: t('save'),
      onSubmit: async (v) => {
        await api.post(`${API}/partners`, { ...v, priorityQuota: v.priorityQuota == null ? null : Number(v.priorityQuota) });
        ctx.navigate('partners');
      },
    })));
  }
  element.replaceChildren(...parts);
}
