// The contest and market panel: contests (entries with photos, jurors, ticket sheets, results),
// the juror's judging (blind, own scores only) and markets (exhibitors, visitors, attendance).
// Every rule lives in the REST API (/api/contest); this panel only shows and sends.

const API = '/api/contest';

export async function mount(element, ctx) {
  const { ui, route } = ctx;
  const parts = route.split('/').filter(Boolean);
  const view = ui.h('div');
  element.append(view);
  const show = async (render) => {
    view.replaceChildren(ui.loading());
    try {
      view.replaceChildren(...[await render()].flat());
    } catch (error) {
      view.replaceChildren(ui.error(error));
    }
  };
  if (parts[0] === 'jury') {
    await show(() => (parts[1] ? judging(ctx, Number(parts[1]), () => show(() => judging(ctx, Number(parts[1])))) : juryHome(ctx)));
  } else if (parts[0] === 'markets') {
    await show(() => (parts[1] ? market(ctx, Number(parts[1])) : markets(ctx)));
  } else if (parts[0] === 'contests' && parts[1]) {
    await show(() => contest(ctx, Number(parts[1])));
  } else {
    await show(() => contests(ctx));
  }
}

// ---- helpers

function text(value, lang) {
  if (!value) return '';
  return (lang === 'en' ? value.en : value.ja) || value.ja || '';
}

function phaseBadge(ctx, window) {
  const kind = { BEFORE: 'neutral', OPEN: 'success', CLOSED: 'warning' }[window.phase] || 'neutral';
  return ctx.ui.badge(ctx.t(`phase.${window.phase}`), kind);
}

function iso(local) {
  return local ? new Date(local).toISOString() : null;
}

function localInput(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "code:label" lines, for categories; "code:label:weight" for criteria. */
function lines(value) {
  return String(value || '').split(/\r?\n/).map(l => l.trim()).filter(Boolean).map(l => l.split(/[:：]/).map(p => p.trim()));
}

async function refresh(ctx, render, into) {
  into.replaceChildren(ctx.ui.loading());
  try {
    into.replaceChildren(...[await render()].flat());
  } catch (error) {
    into.replaceChildren(ctx.ui.error(error));
  }
}

// ---- contests

async function contests(ctx) {
  const { t, ui, fmt, api, lang } = ctx;
  const h = ui.h;
  const page = await api.get(`${API}/contests?limit=100`);
  const table = ui.table({
    caption: t('contests.title'),
    captionHidden: true,
    columns: [
      { key: 'fiscalYear', label: t('contest.fiscalYear'), render: c => fmt.fiscalYear(c.fiscalYear) },
      { key: 'title', label: t('contest.title'), rowHeader: true, render: c => h('a', { href: `#/contest/contests/${c.id}` }, text(c.title, lang)) },
      { key: 'entries', label: t('contest.entries'), align: 'end', render: c => fmt.number(c.entries) },
      { key: 'entry', label: t('contest.entryWindow'), render: c => phaseBadge(ctx, c.entryWindow) },
      { key: 'judging', label: t('contest.judgingWindow'), render: c => phaseBadge(ctx, c.judgingWindow) },
      { key: 'voting', label: t('contest.votingWindow'), render: c => phaseBadge(ctx, c.votingWindow) },
      { key: 'published', label: t('contest.published'), render: c => (c.published ? ui.badge(t('contest.published'), 'success') : '') },
    ],
    rows: page.items,
    empty: t('contests.empty'),
    onRowClick: c => ctx.navigate(`contests/${c.id}`),
  });
  const year = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  const form = ui.form({
    fields: [
      { name: 'fiscalYear', label: t('contest.fiscalYear'), type: 'number', required: true, value: year, min: 1989, max: 2200 },
      { name: 'edition', label: t('contest.edition'), type: 'number', min: 1 },
      { name: 'titleJa', label: t('contest.titleJa'), required: true },
      { name: 'titleEn', label: t('contest.titleEn') },
      { name: 'entryOpens', label: t('contest.entryOpens'), type: 'datetime-local', required: true },
      { name: 'entryCloses', label: t('contest.entryCloses'), type: 'datetime-local', required: true },
      { name: 'judgingOpens', label: t('contest.judgingOpens'), type: 'datetime-local', required: true },
      { name: 'judgingCloses', label: t('contest.judgingCloses'), type: 'datetime-local', required: true },
      { name: 'votingOpens', label: t('contest.votingOpens'), type: 'datetime-local', required: true },
      { name: 'votingCloses', label: t('contest.votingCloses'), type: 'datetime-local', required: true },
      { name: 'categories', label: t('contest.categories'), type: 'textarea', required: true, help: t('contest.categories.help'),
        value: 'textile:布もの\naccessory:アクセサリー\nother:その他' },
      { name: 'scale', label: t('contest.scale'), type: 'number', required: true, value: 10, min: 3, max: 100 },
      { name: 'criteria', label: t('contest.criteria'), type: 'textarea', required: true, help: t('contest.criteria.help'),
        value: 'craft:技術:3\noriginality:独創性:2\nisland:奄美らしさ:1' },
    ],
    submitLabel: t('contest.create'),
    onSubmit: async (v) => {
      const body = {
        fiscalYear: v.fiscalYear, edition: v.edition, title: { ja: v.titleJa, en: v.titleEn },
        entryWindow: { opens: iso(v.entryOpens), closes: iso(v.entryCloses) },
        judgingWindow: { opens: iso(v.judgingOpens), closes: iso(v.judgingCloses) },
        votingWindow: { opens: iso(v.votingOpens), closes: iso(v.votingCloses) },
        categories: lines(v.categories).map(([code, ja, en]) => ({ code, label: { ja: ja || code, en } })),
        rubric: { scale: v.scale, criteria: lines(v.criteria).map(([code, ja, weight]) => ({ code, label: { ja: ja || code }, weight: Number(weight || 1) })) },
      };
      try {
        const created = await api.post(`${API}/contests`, body);
        ui.toast(t('contest.created'));
        ctx.navigate(`contests/${created.id}`);
      } catch (error) {
        if (error.fields) {
          for (const [field, message] of Object.entries({ ...error.fields })) {
            const m = /^(entry|judging|voting)Window\.(opens|closes)$/.exec(field);
            if (m) error.fields[`${m[1]}${m[2] === 'opens' ? 'Opens' : 'Closes'}`] = message;
          }
        }
        throw error;
      }
    },
  });
  return [ui.section(t('contests.title'), table), ui.section(t('contest.new'), form)];
}

async function contest(ctx, id) {
  const { t, ui, fmt, api, lang } = ctx;
  const h = ui.h;
  const c = await api.get(`${API}/contests/${id}`);
  ctx.setTitle(text(c.title, lang));
  const closeButton = (window) => ui.button(t('contest.closeNow'), async () => {
    if (!(await ui.confirm(t('contest.closeNow.confirm')))) return;
    try {
      await api.post(`${API}/contests/${id}/windows/${window}/close`);
      ctx.navigate(`contests/${id}`);
    } catch (error) {
      ui.toast(ui.errorText(error), 'error');
    }
  });
  const phases = h('div', { class: 'contest-phases' },
    [['entry', c.entryWindow], ['judging', c.judgingWindow], ['voting', c.votingWindow]].map(([name, w]) => h('div', null,
      h('h3', null, t(`contest.${name}Window`), ' ', phaseBadge(ctx, w)),
      h('p', null, `${fmt.dateTime(w.opens)} – ${fmt.dateTime(w.closes)}`),
      w.phase === 'OPEN' ? closeButton(name) : null)));
  const summary = ui.section(text(c.title, lang), ui.dl([
    [t('contest.fiscalYear'), fmt.fiscalYear(c.fiscalYear)],
    [t('contest.categories'), c.categories.map(x => text(x.label, lang)).join('、')],
    [t('contest.criteria'), c.rubric.criteria.map(x => `${text(x.label, lang)} ×${x.weight}`).join('、') + ` (1–${c.rubric.scale})`],
    [t('contest.awards'), c.awards.map(x => text(x.label, lang)).join('、')],
  ]), phases);

  const entriesBox = h('div');
  const jurorsBox = h('div');
  const batchesBox = h('div');
  const resultsBox = h('div');
  const loadEntries = () => refresh(ctx, () => entries(ctx, c, () => loadEntries()), entriesBox);
  const loadJurors = () => refresh(ctx, () => jurors(ctx, c, () => loadJurors()), jurorsBox);
  const loadBatches = () => refresh(ctx, () => batches(ctx, c, () => loadBatches()), batchesBox);
  const loadResults = () => refresh(ctx, () => results(ctx, c, () => loadResults()), resultsBox);
  await Promise.all([loadEntries(), loadJurors(), loadBatches(), loadResults()]);
  return [summary, ui.section(t('entries.title'), entriesBox), ui.section(t('jurors.title'), jurorsBox),
    ui.section(t('tickets.title'), batchesBox), ui.section(t('results.title'), resultsBox)];
}

async function entries(ctx, c, reload) {
  const { t, ui, fmt, api, lang } = ctx;
  const h = ui.h;
  const page = await api.get(`${API}/contests/${c.id}/entries?limit=500`);
  const table = ui.table({
    caption: t('entries.title'),
    captionHidden: true,
    columns: [
      { key: 'number', label: t('entry.number'), align: 'end' },
      { key: 'photos', label: t('entry.photos'), render: e => h('div', { class: 'contest-photos' },
        e.photos.map(p => h('a', { href: p.url, target: '_blank', rel: 'noopener' },
          h('img', { src: p.thumbnailUrl, alt: t('entry.photo.alt', { number: e.number, position: p.position }), loading: 'lazy' })))) },
      { key: 'title', label: t('entry.title'), rowHeader: true },
      { key: 'maker', label: t('entry.maker'), render: e => e.makerName || e.makerId },
      { key: 'category', label: t('entry.category'), render: e => text(e.categoryLabel, lang) },
      { key: 'materials', label: t('entry.materials') },
      { key: 'price', label: t('entry.price'), align: 'end', render: e => (e.priceYen == null ? '' : fmt.yen(e.priceYen)) },
      { key: 'status', label: t('entry.status'), render: e => ui.badge(t(`entry.status.${e.status}`), e.status === 'SUBMITTED' ? 'success' : 'neutral') },
      { key: 'actions', label: t('ui.actions'), render: e => (e.status === 'SUBMITTED' && c.judgingWindow.phase !== 'CLOSED'
        ? ui.button(t('entry.withdraw'), async () => {
          if (!(await ui.confirm(t('entry.withdraw.confirm', { number: e.number }), { danger: true }))) return;
          try {
            await api.post(`${API}/contests/${c.id}/entries/${e.id}/withdraw`, {});
            reload();
          } catch (error) {
            ui.toast(ui.errorText(error), 'error');
          }
        }) : '') },
    ],
    rows: page.items,
    empty: t('entries.empty'),
  });
  if (c.entryWindow.phase !== 'OPEN') return [table];
  const form = ui.form({
    fields: [
      { name: 'makerId', label: t('entry.makerId'), required: true, help: t('entry.makerId.help') },
      { name: 'title', label: t('entry.title'), required: true },
      { name: 'description', label: t('entry.description'), type: 'textarea' },
      { name: 'category', label: t('entry.category'), type: 'select', required: true,
        options: c.categories.map(x => ({ value: x.code, label: text(x.label, lang) })) },
      { name: 'materials', label: t('entry.materials'), placeholder: '大島紬' },
      { name: 'technique', label: t('entry.technique'), placeholder: '泥染め' },
      { name: 'priceYen', label: t('entry.priceYen'), type: 'number', min: 0, help: t('entry.priceYen.help') },
      { name: 'photos', label: t('entry.photos'), type: 'file', help: t('entry.photos.help') },
    ],
    submitLabel: t('entry.submit'),
    onSubmit: async (v) => {
      const data = new FormData();
      const entry = { makerId: v.makerId, title: v.title, description: v.description, category: v.category,
        materials: v.materials, technique: v.technique, priceYen: v.priceYen };
      data.append('entry', new Blob([JSON.stringify(entry)], { type: 'application/json' }));
      for (const file of form.querySelector('input[name="photos"]').files) data.append('photos', file, file.name);
      const created = await api.upload(`${API}/contests/${c.id}/entries`, data);
      ui.toast(t('entry.submitted', { number: created.number }));
      reload();
    },
  });
  const input = form.querySelector('input[name="photos"]');
  input.multiple = true;
  input.accept = 'image/jpeg,image/png,image/webp';
  return [table, h('h3', null, t('entry.new')), form];
}

async function jurors(ctx, c, reload) {
  const { t, ui, api, fmt } = ctx;
  const list = await api.get(`${API}/contests/${c.id}/jurors`);
  const table = ui.table({
    caption: t('jurors.title'),
    captionHidden: true,
    columns: [
      { key: 'account', label: t('juror.account'), rowHeader: true },
      { key: 'displayName', label: t('juror.displayName') },
      { key: 'progress', label: t('juror.progress'), render: j => `${fmt.number(j.scored)} / ${fmt.number(j.toScore)}` },
      { key: 'conflicts', label: t('juror.conflicts'), align: 'end', render: j => fmt.number(j.conflicts.length) },
    ],
    rows: list,
    empty: t('jurors.empty'),
  });
  if (c.judgingWindow.phase === 'CLOSED') return [table];
  const form = ui.form({
    fields: [
      { name: 'account', label: t('juror.account'), required: true, help: t('juror.account.help') },
      { name: 'displayName', label: t('juror.displayName') },
    ],
    submitLabel: t('juror.assign'),
    onSubmit: async (v) => {
      await api.post(`${API}/contests/${c.id}/jurors`, v);
      reload();
    },
  });
  return [table, form];
}

async function batches(ctx, c, reload) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  const list = await api.get(`${API}/contests/${c.id}/ticket-batches`);
  const table = ui.table({
    caption: t('tickets.title'),
    captionHidden: true,
    columns: [
      { key: 'id', label: t('batch.id'), align: 'end' },
      { key: 'label', label: t('batch.label') },
      { key: 'size', label: t('batch.size'), align: 'end', render: b => fmt.number(b.size) },
      { key: 'used', label: t('batch.used'), align: 'end', render: b => fmt.number(b.used) },
      { key: 'createdAt', label: t('batch.createdAt'), render: b => fmt.dateTime(b.createdAt) },
      { key: 'state', label: t('batch.state'), render: b => (b.voided ? ui.badge(t('batch.voided'), 'danger')
        : b.sheetAvailable ? ui.badge(t('batch.sheetUntil', { time: fmt.dateTime(b.sheetAvailableUntil) }), 'warning')
          : ui.badge(t('batch.printed'), 'neutral')) },
      { key: 'actions', label: t('ui.actions'), render: b => h('div', { class: 'actions' },
        b.sheetAvailable ? ui.button(t('batch.download'), async () => {
          try {
            await api.download(b.sheetUrl);
            reload();
          } catch (error) {
            ui.toast(ui.errorText(error), 'error');
          }
        }, { kind: 'primary' }) : null,
        b.voided ? null : ui.button(t('batch.void'), async () => {
          if (!(await ui.confirm(t('batch.void.confirm'), { danger: true }))) return;
          try {
            await api.post(`${API}/contests/${c.id}/ticket-batches/${b.id}/void`, {});
            reload();
          } catch (error) {
            ui.toast(ui.errorText(error), 'error');
          }
        }, { kind: 'danger' })) },
    ],
    rows: list,
    empty: t('tickets.empty'),
  });
  const note = h('p', { class: 'help' }, t('tickets.help'));
  if (c.votingWindow.phase === 'CLOSED') return [note, table];
  const form = ui.form({
    fields: [
      { name: 'count', label: t('batch.size'), type: 'number', required: true, min: 1, max: 2000, value: 100 },
      { name: 'label', label: t('batch.label') },
    ],
    submitLabel: t('batch.generate'),
    onSubmit: async (v) => {
      const b = await api.post(`${API}/contests/${c.id}/ticket-batches`, v);
      await api.download(b.sheetUrl);
      reload();
    },
  });
  return [note, table, form];
}

async function results(ctx, c, reload) {
  const { t, ui, api, fmt, lang } = ctx;
  const h = ui.h;
  const r = await api.get(`${API}/contests/${c.id}/results`);
  const out = [h('p', null, t('results.progress', { given: fmt.number(r.scoresGiven), expected: fmt.number(r.scoresExpected) }))];
  out.push(ui.table({
    caption: t('results.awards'),
    columns: [
      { key: 'label', label: t('results.award'), rowHeader: true, render: a => text(a.label, lang) },
      { key: 'entryNumber', label: t('entry.number'), align: 'end' },
      { key: 'title', label: t('entry.title') },
      { key: 'maker', label: t('entry.maker'), render: a => a.makerName || a.makerId || '' },
    ],
    rows: r.awards,
  }));
  if (r.jury) {
    out.push(ui.table({
      caption: t('results.jury'),
      columns: [
        { key: 'rank', label: t('results.rank'), align: 'end', render: x => (x.rank || '—') },
        { key: 'entryNumber', label: t('entry.number'), align: 'end' },
        { key: 'title', label: t('entry.title'), rowHeader: true },
        { key: 'score', label: t('results.score'), align: 'end', render: x => x.score ?? '' },
        { key: 'jurors', label: t('results.jurors'), align: 'end' },
        { key: 'tie', label: t('results.tie'), render: x => (x.tieBrokenBy ? t('results.tieBy', { rule: x.tieBrokenBy }) : '') },
      ],
      rows: r.jury,
    }));
  } else {
    out.push(ui.empty(t('results.juryHidden')));
  }
  if (r.audience) {
    out.push(ui.table({
      caption: t('results.audience'),
      columns: [
        { key: 'rank', label: t('results.rank'), align: 'end', render: x => (x.rank || '—') },
        { key: 'entryNumber', label: t('entry.number'), align: 'end' },
        { key: 'title', label: t('entry.title'), rowHeader: true },
        { key: 'votes', label: t('results.votes'), align: 'end', render: x => fmt.number(x.votes) },
      ],
      rows: r.audience,
    }));
  } else {
    out.push(ui.empty(t('results.audienceHidden')));
  }
  if (r.votingClosed || ctx.hasRole('admin')) {
    out.push(h('div', { class: 'actions' }, ui.button(t('results.votesCsv'), () => api.download(`${API}/contests/${c.id}/votes.csv`)
      .catch(error => ui.toast(ui.errorText(error), 'error')))));
  }
  if (r.published) {
    out.push(ui.badge(t('results.publishedAt', { time: fmt.dateTime(r.publishedAt) }), 'success'));
    return out;
  }
  for (const award of c.awards.filter(a => a.basis === 'DESIGNATED')) {
    out.push(ui.form({
      fields: [{ name: 'entryNumber', label: t('results.designate', { award: text(award.label, lang) }), type: 'number', required: true, min: 1 }],
      submitLabel: t('ui.save'),
      onSubmit: async (v) => {
        await api.put(`${API}/contests/${c.id}/awards/${encodeURIComponent(award.code)}/winner`, v);
        reload();
      },
    }));
  }
  if (r.judgingClosed && r.votingClosed) {
    out.push(h('div', { class: 'actions' }, ui.button(t('results.publish'), async () => {
      if (!(await ui.confirm(t('results.publish.confirm')))) return;
      try {
        await api.post(`${API}/contests/${c.id}/results/publish`);
        ui.toast(t('results.published'));
        reload();
      } catch (error) {
        ui.toast(ui.errorText(error), 'error');
      }
    }, { kind: 'primary' })));
  }
  return out;
}

// ---- the juror's side

async function juryHome(ctx) {
  const { t, ui, api, fmt, lang } = ctx;
  const h = ui.h;
  const list = await api.get(`${API}/contests/assigned`);
  return ui.section(t('jury.title'), ui.table({
    caption: t('jury.title'),
    captionHidden: true,
    columns: [
      { key: 'fiscalYear', label: t('contest.fiscalYear'), render: c => fmt.fiscalYear(c.fiscalYear) },
      { key: 'title', label: t('contest.title'), rowHeader: true, render: c => h('a', { href: `#/contest/jury/${c.id}` }, text(c.title, lang)) },
      { key: 'judging', label: t('contest.judgingWindow'), render: c => phaseBadge(ctx, c.judgingWindow) },
    ],
    rows: list,
    empty: t('jury.empty'),
    onRowClick: c => ctx.navigate(`jury/${c.id}`),
  }));
}

async function judging(ctx, id, reload) {
  const { t, ui, api, fmt, lang } = ctx;
  const h = ui.h;
  const [view, makers] = await Promise.all([api.get(`${API}/contests/${id}/jury/entries`), api.get(`${API}/contests/${id}/jury/makers`)]);
  ctx.setTitle(text(view.title, lang));
  const open = view.judgingWindow.phase === 'OPEN';
  const header = ui.section(text(view.title, lang),
    h('p', null, phaseBadge(ctx, view.judgingWindow), ' ', `${fmt.dateTime(view.judgingWindow.opens)} – ${fmt.dateTime(view.judgingWindow.closes)}`),
    h('p', null, t('jury.progress', { scored: fmt.number(view.scored), toScore: fmt.number(view.toScore) })),
    h('p', { class: 'help' }, t('jury.blind')));
  const conflicts = ui.form({
    fields: [{ name: 'personIds', label: t('jury.conflicts'), type: 'select', multiple: true, help: t('jury.conflicts.help'),
      options: makers.map(m => ({ value: m.personId, label: m.name || m.personId })), value: makers.filter(m => m.declared).map(m => m.personId) }],
    submitLabel: t('jury.conflicts.save'),
    onSubmit: async (v) => {
      if (!(await ui.confirm(t('jury.conflicts.confirm')))) return;
      await api.put(`${API}/contests/${id}/jury/conflicts`, { personIds: v.personIds || [] });
      reload();
    },
  });
  const works = view.entries.map(e => {
    const fields = view.rubric.criteria.map(c => ({ name: `values.${c.code}`, label: `${text(c.label, lang)} (×${c.weight})`,
      type: 'number', required: true, min: 1, max: view.rubric.scale, value: e.myScore ? e.myScore.values[c.code] : null }));
    fields.push({ name: 'comment', label: t('jury.comment'), type: 'textarea', rows: 2, value: e.myScore ? e.myScore.comment : '' });
    const form = open ? ui.form({
      fields,
      submitLabel: e.myScore ? t('jury.revise') : t('jury.score'),
      onSubmit: async (v) => {
        const values = {};
        for (const c of view.rubric.criteria) values[c.code] = v[`values.${c.code}`];
        const body = { values, comment: v.comment };
        if (e.myScore) await api.put(`${API}/contests/${id}/entries/${e.id}/score`, body);
        else await api.post(`${API}/contests/${id}/entries/${e.id}/score`, body);
        ui.toast(t('jury.saved', { number: e.number }));
        reload();
      },
    }) : h('p', null, e.myScore ? t('jury.myScore', { score: e.myScore.weighted }) : t('jury.notScored'));
    return h('article', { class: 'contest-work' },
      h('div', null,
        h('h3', null, `#${e.number} ${e.title}`),
        ui.dl([[t('entry.category'), text(e.categoryLabel, lang)], [t('entry.materials'), e.materials], [t('entry.technique'), e.technique],
          [t('entry.description'), e.description]]),
        h('div', { class: 'contest-photos' }, e.photos.map(p => h('a', { href: p.url, target: '_blank', rel: 'noopener' },
          h('img', { src: p.thumbnailUrl, alt: t('entry.photo.alt', { number: e.number, position: p.position }), loading: 'lazy' }))))),
      h('div', null, e.myScore ? ui.badge(t('jury.myScore', { score: e.myScore.weighted }), 'info') : null, form));
  });
  return [header, ui.section(t('jury.conflicts'), conflicts),
    ui.section(t('jury.works'), works.length ? works : ui.empty(t('jury.noWorks')))];
}

// ---- markets

async function markets(ctx) {
  const { t, ui, api, fmt, lang } = ctx;
  const h = ui.h;
  const [page, attendance] = await Promise.all([api.get(`${API}/markets?limit=200`), api.get(`${API}/markets/attendance`)]);
  const table = ui.table({
    caption: t('markets.title'),
    captionHidden: true,
    columns: [
      { key: 'startsOn', label: t('market.dates'), render: m => (m.startsOn === m.endsOn ? fmt.date(m.startsOn)
        : `${fmt.date(m.startsOn)} – ${fmt.date(m.endsOn)}`) },
      { key: 'name', label: t('market.name'), rowHeader: true, render: m => h('a', { href: `#/contest/markets/${m.id}` }, text(m.name, lang)) },
      { key: 'venue', label: t('market.venue') },
      { key: 'exhibitors', label: t('market.exhibitors'), align: 'end', render: m => fmt.number(m.exhibitors) },
      { key: 'visitors', label: t('market.visitors'), align: 'end', render: m => fmt.number(m.visitors) },
      { key: 'closed', label: t('market.state'), render: m => (m.closed ? ui.badge(t('market.closed'), 'neutral') : ui.badge(t('market.open'), 'info')) },
    ],
    rows: page.items,
    empty: t('markets.empty'),
    onRowClick: m => ctx.navigate(`markets/${m.id}`),
  });
  const totals = ui.table({
    caption: t('attendance.title'),
    columns: [
      { key: 'year', label: t('contest.fiscalYear'), rowHeader: true, render: y => fmt.fiscalYear(y.fiscalYear) },
      { key: 'markets', label: t('attendance.markets'), align: 'end', render: y => fmt.number(y.markets) },
      { key: 'visitors', label: t('market.visitors'), align: 'end', render: y => fmt.number(y.visitors) },
      { key: 'exhibitors', label: t('market.exhibitors'), align: 'end', render: y => fmt.number(y.exhibitors) },
      { key: 'sales', label: t('attendance.sales'), align: 'end', render: y => fmt.yen(y.salesYen) },
    ],
    rows: attendance.years,
  });
  const form = ui.form({
    fields: [
      { name: 'nameJa', label: t('market.name'), required: true },
      { name: 'venue', label: t('market.venue'), required: true },
      { name: 'startsOn', label: t('market.startsOn'), type: 'date', required: true },
      { name: 'endsOn', label: t('market.endsOn'), type: 'date', required: true },
    ],
    submitLabel: t('market.create'),
    onSubmit: async (v) => {
      const m = await api.post(`${API}/markets`, { name: { ja: v.nameJa }, venue: v.venue, startsOn: v.startsOn, endsOn: v.endsOn });
      ctx.navigate(`markets/${m.id}`);
    },
  });
  return [ui.section(t('attendance.title'), h('p', { class: 'kpi-figures' }, t('attendance.cumulative', { visitors: fmt.number(attendance.visitors) })), totals),
    ui.section(t('markets.title'), table), ui.section(t('market.new'), form)];
}

async function market(ctx, id) {
  const { t, ui, api, fmt, lang } = ctx;
  const h = ui.h;
  const m = await api.get(`${API}/markets/${id}`);
  ctx.setTitle(text(m.name, lang));
  const box = h('div');
  const load = () => refresh(ctx, async () => {
    const [exhibitors, visitors] = await Promise.all([api.get(`${API}/markets/${id}/exhibitors`), api.get(`${API}/markets/${id}/visitors`)]);
    const out = [];
    const exTable = ui.table({
      caption: t('market.exhibitors'),
      columns: [
        { key: 'booth', label: t('market.booth') },
        { key: 'name', label: t('entry.maker'), rowHeader: true, render: x => x.name || x.personId },
        { key: 'sales', label: t('market.sales'), align: 'end', render: x => (x.salesYen == null ? '' : fmt.yen(x.salesYen)) },
      ],
      rows: exhibitors,
    });
    out.push(ui.section(t('market.exhibitors'), exTable, m.closed ? null : ui.form({
      fields: [{ name: 'personId', label: t('entry.makerId'), required: true }, { name: 'booth', label: t('market.booth') }],
      submitLabel: t('market.addExhibitor'),
      onSubmit: async (v) => {
        await api.post(`${API}/markets/${id}/exhibitors`, v);
        load();
      },
    })));
    const days = ui.table({
      caption: t('market.visitors'),
      columns: [
        { key: 'date', label: t('market.day'), rowHeader: true, render: d => fmt.date(d.date) },
        { key: 'visitors', label: t('market.visitors'), align: 'end', render: d => fmt.number(d.visitors) },
        { key: 'hours', label: t('market.hours'), render: d => (d.hourly ? d.hours.map(x => `${x.hour}時 ${fmt.number(x.visitors)}`).join('、') : t('market.wholeDay')) },
      ],
      rows: visitors.days,
    });
    out.push(ui.section(t('market.visitors'), h('p', null, t('market.total', { visitors: fmt.number(visitors.visitors) })), days, ui.form({
      fields: [
        { name: 'date', label: t('market.day'), type: 'date', required: true, value: m.startsOn, min: m.startsOn, max: m.endsOn },
        { name: 'hour', label: t('market.hour'), type: 'number', min: 0, max: 23, help: t('market.hour.help') },
        { name: 'visitors', label: t('market.visitors'), type: 'number', required: true, min: 0 },
      ],
      submitLabel: t('market.record'),
      onSubmit: async (v) => {
        try {
          await api.put(`${API}/markets/${id}/visitors`, { counts: [v] });
        } catch (error) {
          if (error.fields) {
            for (const [field, message] of Object.entries({ ...error.fields })) {
              const key = field.replace(/^counts\[0\]\./, '');
              if (key !== field) error.fields[key] = message;
            }
          }
          throw error;
        }
        load();
      },
    })));
    if (!m.closed) {
      out.push(h('div', { class: 'actions' }, ui.button(t('market.close'), async () => {
        if (!(await ui.confirm(t('market.close.confirm')))) return;
        try {
          await api.post(`${API}/markets/${id}/close`);
          ctx.navigate(`markets/${id}`);
        } catch (error) {
          ui.toast(ui.errorText(error), 'error');
        }
      }, { kind: 'primary' })));
    }
    return out;
  }, box);
  await load();
  return [ui.section(text(m.name, lang), ui.dl([[t('market.venue'), m.venue], [t('market.dates'), `${fmt.date(m.startsOn)} – ${fmt.date(m.endsOn)}`],
    [t('market.state'), m.closed ? t('market.closed') : t('market.open')]])), box];
}
