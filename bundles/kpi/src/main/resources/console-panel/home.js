// The KPI card of the console's home page: the running stage's indicators and grades.
export async function mount(element, ctx) {
  const { ui } = ctx;
  element.replaceChildren(ui.loading());
  try {
    const stages = await ctx.api.get('/api/kpi/stages');
    const running = stages.find(s => s.status === 'running') || stages[stages.length - 1];
    if (!running) {
      element.replaceChildren(ui.empty('—'));
      return;
    }
    element.replaceChildren(ui.section(ctx.t('home.title'),
      ui.table({
        caption: ctx.t('stage.heading', { n: running.number, years: running.fiscalYears.eras }),
        columns: [
          { key: 'name', label: ctx.t('col.indicator'), rowHeader: true, render: i => i.name[ctx.lang] || i.name.ja },
          { key: 'rate', label: ctx.t('col.rate'), align: 'end',
            render: i => (i.achievementRate == null ? '—' : ctx.fmt.percent(Number(i.achievementRate))) },
          { key: 'grade', label: ctx.t('col.grade'), render: i => i.grade || ctx.t('grade.none') },
        ],
        rows: running.indicators,
      }),
      ui.h('p', null, ui.h('a', { href: `#/kpi/stages/${running.number}` }, ctx.t('home.open')))));
  } catch (error) {
    element.replaceChildren(ui.error(error));
  }
}
