// The KPI panel: the plan's stages with targets, actuals, rates and grades; per-stage charts of
// actual against target by fiscal year; each indicator's definition, yearly figures, the records
// behind it (audit-logged) and its revisions; CSV downloads; trends across stages.
import { indicatorChart } from './chart.js';

export async function mount(element, ctx) {
  const charts = [];
  const cleanup = () => charts.splice(0).forEach(c => c.destroy());
  const [first, second] = (ctx.route || 'stages').split('/');
  try {
    if (first === 'trends') {
      await trends(element, ctx);
    } else if (first === 'indicator' && second) {
      await indicator(element, ctx, decodeURIComponent(second), charts);
    } else if (first === 'stages' && second) {
      await stage(element, ctx, Number(second), charts);
    } else {
      await stages(element, ctx);
    }
  } catch (error) {
    element.replaceChildren(ctx.ui.error(error));
  }
  return cleanup;
}

function gradeBadge(ctx, grade) {
  if (!grade) return ctx.ui.badge(ctx.t('grade.none'), 'neutral');
  return ctx.ui.badge(grade, grade === 'A' ? 'success' : grade === 'B' ? 'warning' : 'danger');
}

function figure(ctx, value, unit) {
  if (value == null || value === undefined) return '—';
  if (unit === 'percent') return ctx.fmt.percent(Number(value));
  if (unit === 'yen') return ctx.fmt.yen(Number(value));
  return ctx.fmt.number(Number(value));
}

function indicatorTable(ctx, caption, indicators) {
  const { ui } = ctx;
  return ui.table({
    caption,
    columns: [
      { key: 'name', label: ctx.t('col.indicator'), rowHeader: true,
        render: i => ui.h('a', { href: `#/kpi/indicator/${encodeURIComponent(i.id)}` }, i.name[ctx.lang] || i.name.ja) },
      { key: 'target', label: ctx.t('col.target'), align: 'end', render: i => figure(ctx, i.target, i.unit) },
      { key: 'actual', label: ctx.t('col.actual'), align: 'end', render: i => figure(ctx, i.actual, i.unit) },
      { key: 'source', label: ctx.t('col.source'),
        render: i => ui.badge(ctx.t(`source.${i.actualSource}`), i.actualSource === 'computed' ? 'info' : 'neutral') },
      { key: 'rate', label: ctx.t('col.rate'), align: 'end',
        render: i => (i.achievementRate == null ? '—' : ctx.fmt.percent(Number(i.achievementRate))) },
      { key: 'grade', label: ctx.t('col.grade'), render: i => gradeBadge(ctx, i.grade) },
    ],
    rows: indicators,
  });
}

function csvButton(ctx, number) {
  return ctx.ui.button(ctx.t('stage.csv'), () => ctx.api.download(`/api/kpi/stages/${number}/export.csv`)
    .catch(e => ctx.ui.toast(ctx.ui.errorText(e), 'error')));
}

function stageTitle(ctx, s) {
  return ctx.t('stage.heading', { n: s.number, years: `${s.fiscalYears.eras} ${ctx.fmt.fiscalYears(s.fiscalYears.from, s.fiscalYears.to)}` });
}

async function stages(element, ctx) {
  const { ui } = ctx;
  element.replaceChildren(ui.loading());
  const list = await ctx.api.get('/api/kpi/stages');
  const sections = list.map(s => ui.section(stageTitle(ctx, s),
    ui.h('p', null, ui.badge(ctx.t(`stage.status.${s.status}`), s.status === 'running' ? 'info' : 'neutral'), ' ',
      s.title[ctx.lang] || s.title.ja, ' — ', s.theme[ctx.lang] || s.theme.ja),
    ui.h('div', { class: 'kpi-actions' },
      ui.button(ctx.t('stage.open'), () => ctx.navigate(`stages/${s.number}`), { kind: 'primary' }), csvButton(ctx, s.number)),
    indicatorTable(ctx, stageTitle(ctx, s), s.indicators)));
  element.replaceChildren(
    ui.h('div', { class: 'kpi-actions' }, ui.button(ctx.t('opendata.csv'), () => ctx.api.download('/api/kpi/open-data.csv')
      .catch(e => ui.toast(ui.errorText(e), 'error')))),
    ...sections);
}

function chartCard(ctx, breakdown, charts) {
  const { ui } = ctx;
  const name = breakdown.name[ctx.lang] || breakdown.name.ja;
  const canvas = ui.h('canvas', { role: 'img', 'aria-label': ctx.t('chart.label', { name }) });
  const card = ui.h('figure', { class: 'kpi-chart' }, ui.h('h3', null, name),
    ui.h('div', { class: 'kpi-chart-canvas' }, canvas));
  indicatorChart(canvas, breakdown, ctx).then(c => charts.push(c)).catch(() => canvas.replaceWith(ui.empty('—')));
  return card;
}

function yearsTable(ctx, breakdown, captionHidden = false) {
  return ctx.ui.table({
    caption: `${breakdown.name[ctx.lang] || breakdown.name.ja} — ${ctx.t('indicator.byYear')}`,
    captionHidden,
    columns: [
      { key: 'year', label: ctx.t('col.year'), rowHeader: true, render: y => ctx.fmt.fiscalYear(y.fiscalYear) },
      { key: 'actual', label: ctx.t('col.yearActual'), align: 'end', render: y => figure(ctx, y.actual, breakdown.unit) },
      { key: 'cumulative', label: ctx.t('col.cumulative'), align: 'end', render: y => figure(ctx, y.cumulative, breakdown.unit) },
    ],
    rows: breakdown.years,
  });
}

async function stage(element, ctx, number, charts) {
  const { ui } = ctx;
  element.replaceChildren(ui.loading());
  const [s, years] = await Promise.all([ctx.api.get(`/api/kpi/stages/${number}`), ctx.api.get(`/api/kpi/stages/${number}/years`)]);
  ctx.setTitle(stageTitle(ctx, s));
  const computed = years.filter(b => b.actualSource === 'computed');
  element.replaceChildren(
    ui.section(stageTitle(ctx, s),
      ui.h('p', null, ui.badge(ctx.t(`stage.status.${s.status}`), s.status === 'running' ? 'info' : 'neutral'), ' ',
        s.title[ctx.lang] || s.title.ja, ' — ', s.theme[ctx.lang] || s.theme.ja),
      ui.h('div', { class: 'kpi-actions' }, csvButton(ctx, number)),
      indicatorTable(ctx, stageTitle(ctx, s), s.indicators)),
    ui.section(ctx.t('stage.charts'),
      computed.length
        ? ui.h('div', { class: 'kpi-charts' }, computed.map(b => ui.h('div', null, chartCard(ctx, b, charts), yearsTable(ctx, b, true))))
        : ui.empty(ctx.t('stage.chart.none'))));
}

async function indicator(element, ctx, id, charts) {
  const { ui } = ctx;
  element.replaceChildren(ui.loading());
  const [i, breakdown] = await Promise.all([ctx.api.get(`/api/kpi/indicators/${encodeURIComponent(id)}`),
    ctx.api.get(`/api/kpi/indicators/${encodeURIComponent(id)}/years`)]);
  const name = i.name[ctx.lang] || i.name.ja;
  ctx.setTitle(name);
  const rule = i.rule;
  const definition = ui.section(ctx.t('indicator.definition'),
    ui.h('div', { class: 'kpi-actions' }, ui.button(ctx.t('indicator.back'), () => ctx.navigate(`stages/${i.stage}`))),
    ui.dl([
      [ctx.t('col.target'), figure(ctx, i.target, i.unit)],
      [ctx.t('col.actual'), figure(ctx, i.actual, i.unit)],
      [ctx.t('col.source'), ctx.t(`source.${i.actualSource}`)],
      [ctx.t('col.rate'), i.achievementRate == null ? '—' : ctx.fmt.percent(Number(i.achievementRate))],
      [ctx.t('col.grade'), gradeBadge(ctx, i.grade)],
      [ctx.t('indicator.years'), ctx.fmt.fiscalYears(i.fiscalYears.from, i.fiscalYears.to)],
      [ctx.t('indicator.note'), ui.h('span', { class: 'kpi-note' }, i.note[ctx.lang] || i.note.ja)],
      rule ? [ctx.t('indicator.types'), rule.eventTypes.join(', ')] : null,
      rule ? [ctx.t('indicator.measure'), ctx.t(`measure.${rule.measure}`)] : null,
      rule && rule.thresholdYen ? [ctx.t('indicator.threshold'), ctx.fmt.yen(rule.thresholdYen)] : null,
      i.series ? [ctx.t('indicator.series'), ctx.t(`series.${i.series}`)] : null,
      [ctx.t('indicator.revision'), String(i.revision)],
      [ctx.t('indicator.updated'), `${ctx.fmt.dateTime(i.updatedAt)} (${i.updatedBy})`],
    ]));
  const byYear = ui.section(ctx.t('indicator.byYear'),
    i.actualSource === 'computed' ? chartCard(ctx, breakdown, charts) : ui.empty(ctx.t('stage.chart.none')),
    yearsTable(ctx, breakdown));
  const records = ui.section(ctx.t('indicator.records'), ui.h('p', null, ctx.t('indicator.records.note')));
  const revisions = ui.section(ctx.t('indicator.revisions'));
  element.replaceChildren(definition, byYear, records, revisions);
  await Promise.all([recordsView(records, ctx, i, null, 0), revisionsView(revisions, ctx, i.id)]);
}

async function recordsView(section, ctx, i, year, offset) {
  const { ui } = ctx;
  const body = section.querySelector('.kpi-records') || ui.h('div', { class: 'kpi-records' });
  section.append(body);
  body.replaceChildren(ui.loading());
  const query = `?offset=${offset}&limit=50${year ? `&fiscalYear=${year}` : ''}`;
  let page;
  try {
    page = await ctx.api.get(`/api/kpi/indicators/${encodeURIComponent(i.id)}/records${query}`);
  } catch (error) {
    body.replaceChildren(ui.error(error));
    return;
  }
  if (page.recordKind === 'none') {
    body.replaceChildren(ui.empty(ctx.t('indicator.records.none')));
    return;
  }
  const options = [];
  for (let y = i.fiscalYears.from; y <= i.fiscalYears.to; y++) options.push({ value: String(y), label: ctx.fmt.fiscalYear(y) });
  const selectId = `kpi-year-${i.id}`;
  const select = ui.h('select', { id: selectId }, ui.h('option', { value: '' }, ctx.t('indicator.records.all')),
    options.map(o => ui.h('option', { value: o.value, selected: String(year || '') === o.value }, o.label)));
  select.addEventListener('change', () => recordsView(section, ctx, i, select.value || null, 0));
  const columns = page.recordKind === 'event'
    ? [
      { key: 'eventId', label: ctx.t('record.event'), rowHeader: true },
      { key: 'type', label: ctx.t('record.type') },
      { key: 'personId', label: ctx.t('record.person') },
      { key: 'occurredAt', label: ctx.t('record.date'), render: r => ctx.fmt.date(r.occurredAt) },
      { key: 'fiscalYear', label: ctx.t('col.year'), render: r => ctx.fmt.fiscalYear(r.fiscalYear) },
      { key: 'amountYen', label: ctx.t('record.amount'), align: 'end', render: r => (r.amountYen == null ? '' : ctx.fmt.yen(r.amountYen)) },
      ...(i.rule && i.rule.measure === 'RATIO'
        ? [{ key: 'counted', label: ctx.t('record.counted'), render: r => ctx.t(r.counted ? 'record.yes' : 'record.no') }] : []),
    ]
    : [
      { key: 'personId', label: ctx.t('record.person'), rowHeader: true },
      ...(page.recordKind === 'person-year' ? [{ key: 'fiscalYear', label: ctx.t('col.year'), render: r => ctx.fmt.fiscalYear(r.fiscalYear) }] : []),
      { key: 'events', label: ctx.t('record.events'), align: 'end', render: r => ctx.fmt.number(r.events) },
      { key: 'amountYen', label: ctx.t('record.amount'), align: 'end', render: r => ctx.fmt.yen(r.amountYen) },
    ];
  body.replaceChildren(
    i.actualSource === 'reported' ? ui.h('p', { class: 'alert alert-info' }, ctx.t('indicator.records.reported')) : '',
    ui.h('div', { class: 'kpi-filter' }, ui.h('label', { for: selectId }, ctx.t('indicator.records.year')), select),
    ui.table({ caption: ctx.t('indicator.records'), captionHidden: true, columns, rows: page.items }),
    ui.pager(page, next => recordsView(section, ctx, i, year, next)));
}

async function revisionsView(section, ctx, id) {
  const { ui } = ctx;
  try {
    const page = await ctx.api.get(`/api/kpi/indicators/${encodeURIComponent(id)}/revisions?limit=20`);
    section.append(ui.table({
      caption: ctx.t('indicator.revisions'), captionHidden: true,
      columns: [
        { key: 'revision', label: ctx.t('indicator.revision'), rowHeader: true, align: 'end' },
        { key: 'change', label: ctx.t('revision.change') },
        { key: 'changedBy', label: ctx.t('revision.by') },
        { key: 'changedAt', label: ctx.t('revision.at'), render: r => ctx.fmt.dateTime(r.changedAt) },
        { key: 'target', label: ctx.t('col.target'), align: 'end', render: r => figure(ctx, r.definition.target, r.definition.unit) },
      ],
      rows: page.items,
    }));
  } catch (error) {
    section.append(ui.error(error));
  }
}

async function trends(element, ctx) {
  const { ui } = ctx;
  element.replaceChildren(ui.loading());
  const list = await ctx.api.get('/api/kpi/trends');
  element.replaceChildren(ui.section(ctx.t('trends.title'), ui.h('p', null, ctx.t('trends.note')),
    ...list.map(trend => indicatorTable(ctx, ctx.t(`series.${trend.series}`), trend.indicators))));
}
