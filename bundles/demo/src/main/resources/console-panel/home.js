// The "getting started" card on the console's home page: what a newcomer can try first, with links
// to the panels of the programs installed now, and whether the demo island is loaded.

const STEPS = [
  { module: 'kpi', route: 'stages/3', key: 'kpi' },
  { module: 'people', route: 'search', key: 'people' },
  { module: 'terakoya', route: 'courses', key: 'terakoya' },
  { module: 'contest', route: 'contests', key: 'contest' },
  { module: 'jobs', route: 'jobs', key: 'jobs' },
  { module: 'community', route: 'events', key: 'community' },
];

export async function mount(element, ctx) {
  const { t, ui, api } = ctx;
  const h = ui.h;
  element.replaceChildren(ui.loading());
  try {
    const [modules, demo] = await Promise.all([
      api.get('/api/modules'),
      api.get('/api/demo').catch(() => null),
    ]);
    const installed = new Set(modules.items.map(m => m.id));
    installed.add('people');
    const steps = STEPS.filter(s => installed.has(s.module)).map(s =>
      h('li', null, h('a', { href: `#/${s.module}/${s.route}` }, t(`home.step.${s.key}`)), ' ', t(`home.step.${s.key}.what`)));
    const loaded = demo && demo.loaded;
    element.replaceChildren(h('div', { class: 'demo-home' },
      h('p', null, t('home.welcome')),
      loaded
        ? h('p', { class: 'alert alert-info' }, t('home.loaded'))
        : h('p', null, ctx.hasRole('admin') ? t('home.notLoaded.admin') : t('home.notLoaded')),
      h('h3', null, t('home.try')),
      h('ol', { class: 'demo-home-steps' }, steps),
      h('p', null, h('a', { href: '#/demo/status' }, t('home.more')))));
  } catch (error) {
    element.replaceChildren(ui.error(error));
  }
}
