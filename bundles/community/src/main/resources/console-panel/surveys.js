// Satisfaction surveys: the yearly rate against the plan's 80 % target, creating a survey, opening it,
// answer codes, paper answers typed in, and the results.

import { back, render, text } from './common.js';

const TEMPLATE_JA = [
  'overall, LIKERT_1_5, 島での仕事と暮らし（ワークライフ）に満足していますか',
  '*recommend, CHOICE, 島でのフリーランスの働き方を友人に勧めたいですか, yes:はい|maybe:どちらともいえない|no:いいえ',
  '*comment, FREE_TEXT, ご意見・ご要望',
].join('\n');

/** Reads the questions typed one per line: [*]code, type, question[, code:label|code:label]. */
export function parseQuestions(source) {
  return source.split('\n').map(line => line.trim()).filter(Boolean).map(line => {
    const optional = line.startsWith('*');
    const [code, type, question, choices] = (optional ? line.slice(1) : line).split(',').map(p => p.trim());
    const q = { code, type: (type || '').toUpperCase(), text: { ja: question || '' }, required: !optional };
    if (choices) {
      q.options = choices.split('|').map(o => {
        const [c, label] = o.split(':').map(p => p.trim());
        return { code: c, label: { ja: label || c } };
      });
    }
    return q;
  });
}

export async function list(element, ctx) {
  const { ui, t, fmt, api } = ctx;
  const year = fmt.fiscalYearOf();
  await render(element, ctx, async () => {
    const [rates, page] = await Promise.all([api.get(`/api/community/surveys/satisfaction?from=${year - 2}&to=${year}`),
      api.get('/api/community/surveys?limit=100')]);
    const satisfaction = ui.table({
      caption: t('surveys.satisfaction'), captionHidden: true, rows: rates.slice().reverse(),
      columns: [
        { key: 'fiscalYear', label: t('common.fiscalYear'), rowHeader: true, render: r => fmt.fiscalYear(r.fiscalYear) },
        { key: 'responses', label: t('surveys.responses'), align: 'end', render: r => fmt.number(r.responses) },
        { key: 'satisfied', label: t('surveys.satisfied'), align: 'end', render: r => fmt.number(r.satisfied) },
        { key: 'rate', label: t('surveys.rate'), align: 'end', render: r => r.rate === undefined || r.rate === null ? '—' : fmt.percent(r.rate * 100) },
        { key: 'target', label: t('surveys.target', { target: fmt.percent(80, 0) }), render: r => r.targetMet === undefined || r.targetMet === null ? ''
          : r.targetMet ? ui.badge(t('surveys.targetMet'), 'success') : ui.badge(t('surveys.targetNotMet'), 'warning') },
      ],
    });
    const surveys = ui.table({
      caption: t('surveys.title'), captionHidden: true, rows: page.items, onRowClick: s => ctx.navigate(`surveys/${s.id}`),
      columns: [
        { key: 'fiscalYear', label: t('common.fiscalYear'), render: s => fmt.fiscalYear(s.fiscalYear) },
        { key: 'title', label: t('common.title'), rowHeader: true, render: s => ui.h('a', { href: `#/community/surveys/${s.id}` }, text(s.title, ctx.lang)) },
        { key: 'anonymous', label: t('surveys.anonymous'), render: s => s.anonymous ? '✓' : '' },
        { key: 'status', label: t('common.status'), render: s => ui.badge(s.status, s.status === 'OPEN' ? 'success' : 'neutral') },
        { key: 'responses', label: t('surveys.responses'), align: 'end', render: s => fmt.number(s.responses) },
      ],
    });
    const form = ui.form({
      fields: [
        { name: 'fiscalYear', label: t('common.fiscalYear'), type: 'number', required: true, value: year, min: 2015, max: 2200 },
        { name: 'title.ja', label: t('common.titleJa'), required: true, value: `島フリーランス満足度調査（${fmt.fiscalYear(year)}）` },
        { name: 'title.en', label: t('common.titleEn') },
        { name: 'anonymous', label: t('surveys.anonymous'), type: 'checkbox', value: true },
        { name: 'questions', label: t('surveys.questions'), type: 'textarea', rows: 6, required: true, value: TEMPLATE_JA,
          help: t('surveys.questions.help') },
        { name: 'rule.question', label: t('surveys.rule.question'), value: 'overall' },
        { name: 'rule.min', label: t('surveys.rule.min'), type: 'number', min: 1, max: 5, value: 4 },
        { name: 'rule.options', label: t('surveys.rule.options') },
      ],
      submitLabel: t('surveys.new'),
      onSubmit: async (v) => {
        const rule = v['rule.question'] ? { question: v['rule.question'], min: v['rule.options'] ? undefined : v['rule.min'],
          options: v['rule.options'] ? v['rule.options'].split(',').map(s => s.trim()).filter(Boolean) : undefined } : undefined;
        const created = await api.post('/api/community/surveys', {
          fiscalYear: v.fiscalYear, title: { ja: v['title.ja'], en: v['title.en'] || undefined }, anonymous: !!v.anonymous,
          questions: parseQuestions(v.questions || ''), satisfiedWhen: rule,
        });
        ui.toast(t('common.saved'), 'success');
        ctx.navigate(`surveys/${created.id}`);
      },
    });
    return [ui.section(t('surveys.satisfaction'), satisfaction), ui.section(t('surveys.title'), surveys), ui.section(t('surveys.new'), form)];
  });
}

export async function detail(element, ctx, id) {
  const { ui, t, fmt, api } = ctx;
  const h = ui.h;
  const base = `/api/community/surveys/${id}`;
  const reload = () => detail(element, ctx, id);
  const issuedHolder = h('div');
  await render(element, ctx, async () => {
    const [s, results] = await Promise.all([api.get(base), api.get(`${base}/results`)]);
    ctx.setTitle(text(s.title, ctx.lang));
    const info = ui.dl([
      [t('common.fiscalYear'), fmt.fiscalYear(s.fiscalYear)],
      [t('surveys.anonymous'), s.anonymous ? '✓' : '—'],
      [t('common.status'), ui.badge(s.status, s.status === 'OPEN' ? 'success' : 'neutral')],
      [t('surveys.responses'), fmt.number(s.responses)],
      [t('surveys.tokens'), t('surveys.tokens.summary', { issued: fmt.number(s.tokensIssued), used: fmt.number(s.tokensUsed) })],
      [t('surveys.rate'), results.satisfactionRate === undefined || results.satisfactionRate === null ? '—'
        : `${fmt.percent(results.satisfactionRate * 100)} (${fmt.number(results.satisfied)} / ${fmt.number(results.responses)})`],
    ]);
    const lifecycle = s.status === 'OPEN'
      ? ui.button(t('surveys.close'), async () => { await api.post(`${base}/close`, {}); reload(); })
      : ui.button(t('surveys.open'), async () => {
        try { await api.post(`${base}/open`, {}); reload(); } catch (error) { ui.toast(ui.errorText(error), 'error'); }
      }, { kind: 'primary' });
    const tokens = ui.form({
      fields: s.anonymous
        ? [{ name: 'count', label: t('surveys.tokens.count'), type: 'number', min: 1, max: 2000, required: true, value: 10 }]
        : [{ name: 'personIds', label: t('surveys.tokens.persons'), required: true }],
      submitLabel: t('surveys.tokens'),
      onSubmit: async (v) => {
        const body = s.anonymous ? { count: v.count } : { personIds: v.personIds.split(',').map(p => p.trim()).filter(Boolean) };
        const issued = await api.post(`${base}/tokens`, body);
        issuedHolder.replaceChildren(h('h3', null, t('surveys.tokens.issued')),
          h('ol', { class: 'community-tokens' }, issued.tokens.map(tk => h('li', null, tk.token + (tk.personId ? ` (${tk.personId})` : '')))));
      },
    });
    const answerFields = s.questions.map(q => {
      const label = text(q.text, ctx.lang);
      if (q.type === 'LIKERT_1_5') {
        return { name: q.code, label, type: 'select', required: q.required, options: ['1', '2', '3', '4', '5'] };
      }
      if (q.type === 'CHOICE') {
        return { name: q.code, label, type: 'select', required: q.required, options: q.options.map(o => ({ value: o.code, label: text(o.label, ctx.lang) })) };
      }
      return { name: q.code, label, type: 'textarea', rows: 2, required: q.required };
    });
    const paper = s.status !== 'OPEN' ? null : ui.form({
      fields: (s.anonymous ? [] : [{ name: 'personId', label: t('common.person'), required: true }]).concat(answerFields),
      submitLabel: t('surveys.record'),
      onSubmit: async (v) => {
        const answers = s.questions.filter(q => v[q.code] !== null && v[q.code] !== undefined).map(q => (
          q.type === 'LIKERT_1_5' ? { question: q.code, rating: Number(v[q.code]) }
            : q.type === 'CHOICE' ? { question: q.code, choice: v[q.code] } : { question: q.code, text: v[q.code] }));
        await api.post(`${base}/responses`, { personId: v.personId || undefined, answers });
        ui.toast(t('common.saved'), 'success');
        reload();
      },
    });
    const resultTables = results.questions.filter(q => q.distribution).map(q => ui.table({
      caption: `${q.code}: ${text(q.text, ctx.lang)}${q.mean !== undefined && q.mean !== null ? ` — ${t('surveys.mean')} ${fmt.number(q.mean, 2)}` : ''}`,
      rows: Object.entries(q.distribution).map(([answer, count]) => ({ answer, count })),
      columns: [{ key: 'answer', label: t('surveys.answered'), rowHeader: true },
        { key: 'count', label: t('surveys.responses'), align: 'end', render: r => fmt.number(r.count) }],
    }));
    const download = ui.button(t('common.downloadCsv'), () => api.download(`${base}/results.csv`));
    return [
      back(ctx, 'surveys'),
      ui.section(text(s.title, ctx.lang), info, h('p', { class: 'actions' }, lifecycle)),
      s.status === 'CLOSED' ? null : ui.section(t('surveys.tokens'), tokens, issuedHolder),
      paper ? ui.section(t('surveys.record'), paper) : null,
      ui.section(t('surveys.results'), ...resultTables, h('p', { class: 'actions' }, download)),
    ];
  });
}
