// The KPI card of the console's home page. The shell's stage section already shows every
// indicator of the running stage; this card lists those that need attention (graded below A,
// lowest achievement first), each linked to its drill-down.
export async function mount(element, ctx) {
  const { ui, t, fmt } = ctx;
  const h = ui.h;
  element.replaceChildren(ui.loading());
  try {
    const stages = await ctx.api.get('/api/kpi/stages');
    const running = stages.find(s => s.status === 'running') || stages[stages.length - 1];
    if (!running) {
      element.replaceChildren(ui.empty(t('home.none')));
      return;
    }
    const behind = running.indicators.filter(i => i.grade && i.grade !== 'A')
      .sort((a, b) => Number(a.achievementRate ?? 0) - Number(b.achievementRate ?? 0));
    element.replaceChildren(h('div', { class: 'kpi-home' },
      h('h3', null, t('home.behind', { stage: t('stage.heading', { n: running.number, years: running.fiscalYears.eras }) })),
      behind.length ? ui.table({
        caption: t('home.behind.caption'),
        captionHidden: true,
        columns: [
          { key: 'name', label: t('col.indicator'), rowHeader: true,
            render: i => h('a', { href: `#/kpi/indicator/${encodeURIComponent(i.id)}` }, i.name[ctx.lang] || i.name.ja) },
          { key: 'rate', label: t('col.rate'), align: 'end',
            render: i => (i.achievementRate == null ? '—' : fmt.percent(Number(i.achievementRate))) },
          { key: 'grade', label: t('col.grade'), render: i => ui.badge(i.grade, i.grade === 'C' ? 'danger' : 'warning') },
        ],
        rows: behind,
      }) : h('p', { class: 'alert alert-success' }, t('home.onTrack')),
      h('p', null, h('a', { href: `#/kpi/stages/${running.number}` }, t('home.open')))));
  } catch (error) {
    element.replaceChildren(ui.error(error));
  }
}
