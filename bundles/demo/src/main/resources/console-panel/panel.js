// The demo island's panel: what is loaded, per program, and the last load or clear; administrators
// load and clear it from here (the same as island:demo load / clear in the Karaf shell).

const MODULES = ['people', 'terakoya', 'contest', 'jobs', 'community', 'ledger'];

export async function mount(element, ctx) {
  let timer = null;
  const draw = async () => {
    try {
      const status = await ctx.api.get('/api/demo');
      render(element, ctx, status, draw);
      if (status.running) {
        timer = setTimeout(draw, 2000);
      }
    } catch (error) {
      element.replaceChildren(ctx.ui.error(error));
    }
  };
  element.replaceChildren(ctx.ui.loading());
  await draw();
  return () => { if (timer) clearTimeout(timer); };
}

function render(element, ctx, status, redraw) {
  const { t, ui, fmt } = ctx;
  const h = ui.h;
  const rows = Object.entries(status.records || {}).map(([key, count]) => {
    const [module, kind] = key.split('/');
    return { module, kind, count };
  }).sort((a, b) => MODULES.indexOf(a.module) - MODULES.indexOf(b.module));
  const actions = [];
  if (ctx.hasRole('admin')) {
    actions.push(ui.button(t('action.load'), async () => {
      try {
        await ctx.api.post('/api/demo/load', {});
        ui.toast(t('action.load.started'), 'info');
      } catch (error) {
        if (error.status === 409) ui.toast(ui.errorText(error), 'error');
        else throw error;
      }
      await redraw();
    }, { kind: 'primary' }));
    if (status.loaded) {
      actions.push(ui.button(t('action.clear'), async () => {
        if (!await ui.confirm(t('action.clear.confirm'), { danger: true, confirmLabel: t('action.clear') })) return;
        await ctx.api.post('/api/demo/clear', {});
        ui.toast(t('action.clear.started'), 'info');
        await redraw();
      }, { kind: 'danger' }));
    }
  }
  element.replaceChildren(
    ui.section(t('status.title'),
      h('p', null, status.loaded ? t('status.loaded') : t('status.notLoaded')),
      status.running ? h('p', { class: 'alert alert-info', role: 'status' }, t('status.running', { operation: t(`operation.${status.operation}`) })) : null,
      rows.length ? ui.table({
        caption: t('status.records'),
        columns: [
          { key: 'module', label: t('column.module'), render: r => t(`module.${r.module}`), rowHeader: true },
          { key: 'kind', label: t('column.kind'), render: r => t(`kind.${r.kind}`) },
          { key: 'count', label: t('column.count'), align: 'end', render: r => fmt.number(r.count) },
        ],
        rows,
      }) : null,
      status.lastOutcome ? ui.dl([[t('status.last'), status.lastOutcome],
        [t('status.finished'), status.lastFinishedAt ? fmt.dateTime(status.lastFinishedAt) : '—']]) : null,
      actions.length ? h('div', { class: 'actions' }, ...actions) : null,
      h('p', null, t('status.shell'))),
    status.log && status.log.length ? ui.section(t('status.log'), h('pre', { class: 'demo-log' }, status.log.join('\n'))) : '');
}
