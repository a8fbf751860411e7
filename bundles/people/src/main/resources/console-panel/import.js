// The CSV import: the file is checked first (dryRun: nothing is stored) and every bad row is listed;
// only a file without errors can then be imported, with exactly the bytes that were checked.

import { focusHeading } from './common.js';

/** The API's row errors (rows[<line>].<field>) as table rows, in line order. */
export function rowErrors(problem) {
  const errors = (problem && Array.isArray(problem.errors)) ? problem.errors : [];
  return errors.map((e) => {
    const m = /^rows\[(\d+)\](?:\.(.+))?$/.exec(e.field || '');
    return { line: m ? Number(m[1]) : null, field: m ? (m[2] || '') : (e.field || ''), message: e.message };
  }).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export async function mount(element, ctx) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  const outcome = h('div', { class: 'import-outcome' });
  let checked = null; // { name, bytes } of the file that passed the check

  const send = (bytes, dryRun) => api.upload(`/api/people/import${dryRun ? '?dryRun=true' : ''}`,
    new Blob([bytes], { type: 'text/csv' }));

  function showErrors(error, title) {
    checked = null;
    const rows = error && error.status === 400 ? rowErrors(error.problem) : [];
    const section = ui.section(title,
      h('div', { class: 'alert alert-danger', role: 'alert' }, rows.length ? t('import.invalid', { count: fmt.number(rows.length) }) : ui.errorText(error)),
      rows.length ? ui.table({
        caption: t('import.errors.caption'),
        rows,
        columns: [
          { key: 'line', label: t('import.line'), align: 'end', rowHeader: true, render: r => (r.line === null ? '' : fmt.number(r.line)) },
          { key: 'message', label: t('import.message') },
        ],
      }) : null);
    section.id = 'import-errors';
    outcome.replaceChildren(section);
    focusHeading(section);
  }

  function showPreview(result, name) {
    const importButton = ui.button(t('import.run'), run, { kind: 'primary', id: 'import-run' });
    const section = ui.section(t('import.preview.title'),
      h('div', { class: 'alert alert-success', role: 'status' },
        t('import.preview', { file: name, rows: fmt.number(result.rows), created: fmt.number(result.created), updated: fmt.number(result.updated) })),
      h('p', null, t('import.preview.next')),
      h('div', { class: 'actions' }, importButton,
        ui.button(t('import.cancel'), () => { checked = null; outcome.replaceChildren(); form.querySelector('input[type=file]').focus(); })));
    section.id = 'import-preview';
    outcome.replaceChildren(section);
    focusHeading(section);
  }

  async function run(event) {
    if (!checked) return;
    const button = event && event.currentTarget;
    if (button) button.disabled = true;
    try {
      const result = await send(checked.bytes, false);
      checked = null;
      form.reset();
      const section = ui.section(t('import.done.title'),
        h('div', { class: 'alert alert-success', role: 'status' },
          t('import.done', { rows: fmt.number(result.rows), created: fmt.number(result.created), updated: fmt.number(result.updated) })),
        h('p', null, h('a', { href: '#/people/search' }, t('import.toSearch'))));
      section.id = 'import-done';
      outcome.replaceChildren(section);
      focusHeading(section);
      ui.toast(t('import.done.toast', { rows: fmt.number(result.rows) }), 'success');
    } catch (error) {
      showErrors(error, t('import.failed.title'));
    }
  }

  const form = ui.form({
    id: 'people-import',
    fields: [{ name: 'file', label: t('import.file'), type: 'file', required: true, accept: '.csv,text/csv', help: t('import.file.help') }],
    submitLabel: t('import.check'),
    onSubmit: async ({ file }) => {
      outcome.replaceChildren(ui.loading(t('import.checking')));
      const bytes = await file.arrayBuffer();
      try {
        const result = await send(bytes, true);
        checked = { name: file.name, bytes };
        showPreview(result, file.name);
      } catch (error) {
        if (error.status !== 400) {
          outcome.replaceChildren();
          throw error;
        }
        showErrors(error, t('import.errors.title'));
      }
    },
  });
  element.replaceChildren(
    ui.section(t('import.title'), h('p', null, t('import.text')), h('p', { class: 'help' }, t('import.columns')), form),
    outcome);
}
