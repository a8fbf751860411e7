// The administrators' area: the program catalog with install and retire, the installed program
// modules, the audit log, and the staff accounts.

import { localized } from '../js/i18n.js';

function installedTable(env, modules) {
  const { t, ui, lang } = env;
  const h = ui.h;
  return ui.table({
    caption: t('admin.modules.caption', { count: modules.length }),
    empty: t('admin.modules.none'),
    rows: modules,
    columns: [
      { key: 'id', label: t('admin.modules.id'), rowHeader: true, render: m => h('code', null, m.id) },
      { key: 'title', label: t('admin.modules.name'), render: m => localized(m.title, lang) },
      { key: 'version', label: t('admin.modules.version') },
      { key: 'state', label: t('admin.modules.state'),
        render: m => ui.badge(t(`admin.modules.state.${m.state}`), m.state === 'ACTIVE' ? 'success' : 'warning') },
      { key: 'stages', label: t('admin.modules.stages'), render: m => (m.stages || []).join(', ') },
      { key: 'pillars', label: t('admin.modules.pillars'), render: m => (m.pillars || []).map(p => t(`pillar.${p}`)).join('、') },
      { key: 'panel', label: t('admin.modules.panel'),
        render: m => (m.manifest ? h('a', { href: `#/${m.id}` }, t('admin.modules.panel.open'))
          : m.consolePath ? t('admin.modules.panel.broken') : t('admin.modules.panel.none')) },
      { key: 'bundle', label: t('admin.modules.bundle'), render: m => h('code', null, m.bundle) },
    ],
  });
}

/** The program catalog (GET /api/admin/programs): every program of this distribution, with install and retire. */
function catalogTable(env, programs) {
  const { t, ui, api, lang, fmt } = env;
  const h = ui.h;
  const name = (p) => (p.module ? localized(p.module.title, lang) : '') || p.description || p.id;
  const act = async (program, button, install) => {
    const confirmed = await ui.confirm(t(install ? 'admin.programs.install.confirm' : 'admin.programs.retire.confirm',
      { name: name(program) }), {
      title: t(install ? 'admin.programs.install' : 'admin.programs.retire'),
      confirmLabel: t(install ? 'admin.programs.install' : 'admin.programs.retire'),
      danger: !install,
    });
    if (!confirmed) return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = t(install ? 'admin.programs.installing' : 'admin.programs.retiring');
    try {
      const outcome = await api.post(`/api/admin/programs/${encodeURIComponent(program.id)}/${install ? 'install' : 'retire'}`);
      ui.toast(t(install ? 'admin.programs.installed' : 'admin.programs.retired',
        { name: name((outcome && outcome.program) || program), seconds: fmt.number((outcome && outcome.millis || 0) / 1000, 1) }), 'success');
    } catch (error) {
      ui.toast(ui.errorText(error), 'error');
    }
    await env.reload();
    const again = document.querySelector(`button[data-program="${CSS.escape(program.id)}"]`);
    if (again) again.focus();
  };
  return ui.table({
    caption: t('admin.programs.caption', { count: programs.length }),
    empty: t('admin.programs.none'),
    rows: programs,
    columns: [
      { key: 'id', label: t('admin.modules.id'), rowHeader: true, render: p => h('code', null, p.id) },
      { key: 'name', label: t('admin.modules.name'), render: p => name(p) },
      { key: 'version', label: t('admin.modules.version') },
      { key: 'installed', label: t('admin.modules.state'),
        render: p => (p.installed ? ui.badge(t('admin.programs.state.installed'), 'success')
          : ui.badge(t('admin.programs.state.available'), 'neutral')) },
      { key: 'action', label: t('admin.programs.action'), render: (p) => {
        const button = ui.button(t(p.installed ? 'admin.programs.retire' : 'admin.programs.install'),
          () => act(p, button, !p.installed), { kind: p.installed ? 'danger' : 'primary',
            'aria-label': t(p.installed ? 'admin.programs.retire.label' : 'admin.programs.install.label', { name: name(p) }),
            'data-program': p.id });
        return button;
      } },
    ],
  });
}

async function modulesPage(element, env) {
  const { t, ui, api } = env;
  const h = ui.h;
  env.setTitle(t('admin.modules.title'));
  let catalog = null;
  try {
    const page = await api.get('/api/admin/programs');
    catalog = Array.isArray(page) ? page : page.items || [];
  } catch (error) {
    if (!(error.status === 404 || error.status === 405)) {
      element.replaceChildren(ui.error(error));
      return;
    }
    // a platform without the program catalog: installing and retiring happen in the Karaf shell
  }
  element.replaceChildren(
    catalog ? h('section', { class: 'card', id: 'program-catalog', 'aria-labelledby': 'program-catalog-title' },
      h('h2', { id: 'program-catalog-title' }, t('admin.programs.title')),
      h('p', null, t('admin.programs.text')),
      catalogTable(env, catalog))
      : h('section', { class: 'card', id: 'module-lifecycle', 'aria-labelledby': 'module-lifecycle-title' },
        h('h2', { id: 'module-lifecycle-title' }, t('admin.modules.lifecycle.title')),
        h('p', null, t('admin.modules.lifecycle.text')),
        h('pre', { class: 'code' }, 'feature:list | grep freelance-island\nfeature:install freelance-island-<id>\nfeature:uninstall freelance-island-<id>')),
    ui.section(t('admin.modules.installed'), installedTable(env, env.modules())));
}

function auditPage(element, env) {
  const { t, ui, api, fmt } = env;
  const h = ui.h;
  env.setTitle(t('admin.audit.title'));
  let filters = {};
  let offset = 0;
  const results = h('div', { class: 'audit-results', 'aria-live': 'polite' });

  async function load() {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== null && value !== '') params.set(key, value);
    }
    params.set('offset', offset);
    params.set('limit', 50);
    const page = await api.get(`/api/admin/audit?${params}`);
    results.replaceChildren(
      ui.table({
        caption: t('admin.audit.caption', { total: fmt.number(page.total) }),
        empty: t('admin.audit.none'),
        rows: page.items,
        columns: [
          { key: 'recordedAt', label: t('admin.audit.when'), render: e => h('time', { datetime: e.recordedAt }, fmt.dateTime(e.recordedAt)) },
          { key: 'actor', label: t('admin.audit.actor') },
          { key: 'action', label: t('admin.audit.action'), render: e => h('code', null, e.action) },
          { key: 'subject', label: t('admin.audit.subject'), render: e => [e.subjectType, e.subjectId].filter(Boolean).join(' ') },
          { key: 'purpose', label: t('admin.audit.purpose') },
          { key: 'details', label: t('admin.audit.details'),
            render: e => Object.entries(e.details || {}).map(([k, v]) => `${k}=${v}`).join(', ') },
        ],
      }),
      ui.pager(page, (next) => {
        offset = next;
        load().catch(error => results.replaceChildren(ui.error(error)));
      }));
  }

  const form = ui.form({
    id: 'audit-filter',
    fields: [
      { name: 'actor', label: t('admin.audit.actor') },
      { name: 'action', label: t('admin.audit.action'), help: t('admin.audit.action.help') },
      { name: 'subjectId', label: t('admin.audit.subjectId') },
      { name: 'from', label: t('admin.audit.from'), type: 'date' },
      { name: 'to', label: t('admin.audit.to'), type: 'date', help: t('admin.audit.to.help') },
    ],
    submitLabel: t('admin.audit.search'),
    onSubmit: async (values) => {
      filters = values;
      offset = 0;
      await load();
    },
  });
  form.classList.add('form-inline');
  element.replaceChildren(ui.section(t('admin.audit.filter'), form), results);
  results.append(ui.loading());
  load().catch(error => results.replaceChildren(ui.error(error)));
}

const PLATFORM_ROLES = ['admin', 'staff', 'coordinator', 'juror'];

/** Staff accounts (GET /api/admin/accounts): who may sign in, with which platform roles. */
function accountsPage(element, env) {
  const { t, ui, api } = env;
  const h = ui.h;
  env.setTitle(t('admin.accounts.title'));
  if (!env.accountsAvailable()) {
    element.replaceChildren(h('div', { class: 'card' }, h('p', null, t('admin.accounts.unavailable'))));
    return;
  }
  let offset = 0;
  const results = h('div', { 'aria-live': 'polite' }, ui.loading());
  async function load() {
    const page = await api.get(`/api/admin/accounts?offset=${offset}&limit=50`);
    const items = Array.isArray(page) ? page : page.items || [];
    results.replaceChildren(
      ui.table({
        caption: t('admin.accounts.caption'),
        empty: t('admin.accounts.none'),
        rows: items,
        columns: [
          { key: 'name', label: t('admin.accounts.user'), rowHeader: true, render: a => h('code', null, a.name) },
          { key: 'roles', label: t('admin.accounts.roles'),
            render: a => (a.roles || []).filter(r => PLATFORM_ROLES.includes(r)).map(r => ui.badge(t(`role.${r}`), 'info')) },
          { key: 'enabled', label: t('admin.accounts.state'),
            render: a => (a.enabled === false || a.disabled === true ? ui.badge(t('admin.accounts.disabled'), 'warning')
              : ui.badge(t('admin.accounts.enabled'), 'success')) },
        ],
      }),
      Array.isArray(page) ? null : ui.pager(page, (next) => { offset = next; load().catch(e => results.replaceChildren(ui.error(e))); }));
  }
  element.replaceChildren(results);
  load().catch(error => results.replaceChildren(ui.error(error)));
}

export function mount(element, env) {
  const page = env.route.split('/')[0] || 'modules';
  if (page === 'audit') return auditPage(element, env);
  if (page === 'accounts') return accountsPage(element, env);
  return modulesPage(element, env);
}
