// The home page: the plan's current stage (with the KPI program's figures when it is installed),
// the cards programs contribute (panel.json "home"), and the programs installed now.

import { localized } from '../js/i18n.js';

let plan = null;

async function loadPlan() {
  if (!plan) {
    plan = fetch('/console/plan.json', { credentials: 'omit' }).then(r => (r.ok ? r.json() : null)).catch(() => null);
  }
  return plan;
}

function stageOf(stages, year) {
  return stages.find(s => year >= s.from && year <= s.to)
    || (year > stages[stages.length - 1].to ? stages[stages.length - 1] : stages[0]);
}

/** Reads the KPI program's stages whatever their exact shape: an array, or {items} / {stages}. */
function kpiStage(data, number) {
  const stages = Array.isArray(data) ? data : (data && (data.items || data.stages)) || [];
  return stages.find(s => Number(s.number ?? s.stage ?? s.id) === Number(number)) || null;
}

function gradeKind(grade) {
  return { A: 'success', B: 'warning', C: 'danger' }[String(grade || '').toUpperCase()] || 'neutral';
}

function indicatorCard(indicator, env) {
  const { t, fmt, ui, lang } = env;
  const h = ui.h;
  const unit = indicator.unit || '';
  const value = (n) => {
    if (n === null || n === undefined) return '—';
    if (unit === 'yen') return fmt.yen(n);
    if (unit === 'percent') return fmt.percent(n, 0);
    return fmt.number(n) + (t(`unit.${unit}`) === `unit.${unit}` ? '' : t(`unit.${unit}`));
  };
  const rate = indicator.achievementRate;
  const name = localized(indicator.name, lang) || indicator.id;
  return h('li', { class: 'kpi-card' },
    h('h3', null, name),
    h('p', { class: 'kpi-figures' },
      h('span', { class: 'kpi-actual' }, value(indicator.actual)),
      h('span', { class: 'kpi-target' }, t('home.kpi.target', { target: value(indicator.target) }))),
    rate === null || rate === undefined ? null : h('div', { class: 'kpi-bar', 'aria-hidden': 'true' },
      h('span', { style: { width: `${Math.max(0, Math.min(100, Number(rate)))}%` } })),
    h('p', { class: 'kpi-rate' },
      rate === null || rate === undefined ? '' : t('home.kpi.rate', { rate: fmt.percent(rate) }), ' ',
      indicator.grade ? ui.badge(t('home.kpi.grade', { grade: indicator.grade }), gradeKind(indicator.grade)) : null,
      indicator.actualSource === 'reported' ? ui.badge(t('home.kpi.reported'), 'neutral') : null));
}

export async function mount(element, env) {
  const { t, fmt, ui, lang, api } = env;
  const h = ui.h;
  env.setTitle(t('home.title'));
  const cleanups = [];
  const data = await loadPlan();
  const year = fmt.fiscalYearOf();
  const parts = [];

  if (data && Array.isArray(data.stages) && data.stages.length) {
    const stage = stageOf(data.stages, year);
    const yearOfStage = Math.min(stage.to, Math.max(stage.from, year)) - stage.from + 1;
    const kpiSlot = h('div', { class: 'kpi-slot' });
    parts.push(ui.section(t('home.stage.title'),
      h('p', { class: 'stage-name' }, t('home.stage.name', { number: stage.number, name: localized(stage.name, lang) })),
      h('p', { class: 'stage-years' }, fmt.fiscalYears(stage.from, stage.to)),
      year >= stage.from && year <= stage.to
        ? h('p', { class: 'stage-now' }, t('home.stage.now', { year: fmt.fiscalYear(year), n: yearOfStage, of: stage.to - stage.from + 1 }))
        : null,
      stage.focus ? h('p', null, localized(stage.focus, lang)) : null,
      Array.isArray(stage.pillars) ? h('div', null, h('h3', null, t('home.stage.pillars')),
        h('ol', { class: 'pillars' }, stage.pillars.map(p => h('li', null, localized(p, lang))))) : null,
      kpiSlot));

    const kpi = env.modules().find(m => m.id === 'kpi');
    const targets = () => (Array.isArray(stage.targets) ? h('div', null, h('h3', null, t('home.stage.targets')),
      h('ol', { class: 'targets' }, stage.targets.map(x => h('li', null, localized(x, lang))))) : null);
    if (kpi && env.hasRole('staff')) {
      kpiSlot.append(ui.loading(t('home.kpi.loading')));
      api.get('/api/kpi/stages').then((stages) => {
        const found = kpiStage(stages, stage.number);
        const indicators = found && Array.isArray(found.indicators) ? found.indicators : [];
        kpiSlot.replaceChildren(indicators.length
          ? h('div', null, h('h3', null, t('home.kpi.title')), h('ul', { class: 'kpi-cards' }, indicators.map(i => indicatorCard(i, env))))
          : targets());
      }).catch((error) => {
        kpiSlot.replaceChildren(h('p', { class: 'alert alert-warning' }, t('home.kpi.unavailable', { reason: ui.errorText(error) })),
          targets() || '');
      });
    } else {
      const list = targets();
      if (list) kpiSlot.append(list);
    }
  }

  const withCards = env.panelModules().filter(m => m.manifest && m.manifest.home);
  if (withCards.length) {
    const cards = h('div', { class: 'home-cards' });
    for (const module of withCards) {
      const slot = h('div', { class: 'home-card-body' });
      cards.append(ui.section(localized(module.title, lang) || module.id, slot));
      env.mountHomeCard(module, slot).then((cleanup) => { if (cleanup) cleanups.push(cleanup); })
        .catch((error) => {
          console.error(`The home card of ${module.id} failed`, error);
          slot.replaceChildren(ui.error(error));
        });
    }
    parts.push(cards);
  }

  const modules = env.modules();
  parts.push(ui.section(t('home.programs.title'),
    modules.length === 0 ? ui.empty(t('home.programs.none')) : h('ul', { class: 'program-list' }, modules.map((module) => {
      const title = localized(module.title, lang) || module.id;
      const visible = env.panelModules().includes(module);
      return h('li', { class: 'program', 'data-module': module.id },
        h('h3', null, visible ? h('a', { href: `#/${module.id}` }, title) : title),
        h('p', null, localized(module.description, lang)),
        h('p', { class: 'program-tags' },
          (module.pillars || []).map(p => ui.badge(t(`pillar.${p}`), 'info')),
          (module.stages || []).map(s => ui.badge(t('home.programs.stage', { number: s }), 'neutral'))));
    }))));

  element.replaceChildren(...parts);
  return () => cleanups.forEach((cleanup) => {
    try { cleanup(); } catch (e) { console.error(e); }
  });
}
