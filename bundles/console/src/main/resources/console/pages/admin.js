// The administrators' area: the program catalog with install and retire, the installed program
// modules, the audit log, and the staff accounts.

import { ApiError } from '../js/api.js';
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

/** The password fields of a form: the password twice, so a typing mistake does not lock anyone out. */
function passwordFields(t, label) {
  return [
    { name: 'password', label, type: 'password', required: true, autocomplete: 'new-password', help: t('admin.accounts.password.help') },
    { name: 'passwordAgain', label: t('admin.accounts.password.again'), type: 'password', required: true, autocomplete: 'new-password' },
  ];
}

function checkPasswords(t, values) {
  if (values.password !== values.passwordAgain) {
    throw new ApiError(400, { title: t('ui.form.invalid'), errors: [{ field: 'passwordAgain', message: t('admin.accounts.password.mismatch') }] });
  }
}

/**
 * Staff accounts (/api/admin/accounts): who may sign in, with which platform roles; administrators
 * create accounts, change their roles, reset passwords and disable or enable them.
 */
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
  const roleOptions = PLATFORM_ROLES.map(r => ({ value: r, label: t(`role.${r}`) }));
  const path = (name, action = '') => `/api/admin/accounts/${encodeURIComponent(name)}${action}`;

  /** Shows the list again and puts the focus on an element of an account's row (after an action). */
  async function reloadAndFocus(name, action) {
    await load();
    const row = results.querySelector(`tr[data-account="${CSS.escape(name)}"]`);
    const target = row && (row.querySelector(`button[data-action="${action}"]`) || row.querySelector('th'));
    if (target) {
      if (target.tagName === 'TH') target.setAttribute('tabindex', '-1');
      target.focus();
    }
  }

  const changeRoles = async (account) => {
    const done = await ui.formDialog({
      title: t('admin.accounts.roles.title', { name: account.name }),
      fields: [{ name: 'roles', label: t('admin.accounts.roles'), type: 'checkboxes', required: true, options: roleOptions,
        value: (account.roles || []).filter(r => PLATFORM_ROLES.includes(r)) }],
      submitLabel: t('admin.accounts.roles.save'),
      onSubmit: (values) => api.put(path(account.name, '/roles'), { roles: values.roles }),
    });
    if (done) {
      ui.toast(t('admin.accounts.roles.saved', { name: account.name }), 'success');
      await reloadAndFocus(account.name, 'roles');
    }
  };

  const resetPassword = async (account) => {
    const done = await ui.formDialog({
      title: t('admin.accounts.password.title', { name: account.name }),
      text: t('admin.accounts.password.text'),
      fields: passwordFields(t, t('admin.accounts.password.new')),
      submitLabel: t('admin.accounts.password.save'),
      onSubmit: async (values) => {
        checkPasswords(t, values);
        await api.post(path(account.name, '/password'), { password: values.password });
      },
    });
    if (done) {
      ui.toast(t('admin.accounts.password.saved', { name: account.name }), 'success');
      await reloadAndFocus(account.name, 'password');
    }
  };

  const switchState = async (account) => {
    const disable = !account.disabled;
    const confirmed = await ui.confirm(t(disable ? 'admin.accounts.disable.confirm' : 'admin.accounts.enable.confirm',
      { name: account.name }), {
      title: t(disable ? 'admin.accounts.disable' : 'admin.accounts.enable'),
      confirmLabel: t(disable ? 'admin.accounts.disable' : 'admin.accounts.enable'),
      danger: disable,
    });
    if (!confirmed) return;
    try {
      await api.post(path(account.name, disable ? '/disable' : '/enable'));
      ui.toast(t(disable ? 'admin.accounts.disabled.done' : 'admin.accounts.enabled.done', { name: account.name }), 'success');
    } catch (error) {
      ui.toast(ui.errorText(error), 'error');
    }
    await reloadAndFocus(account.name, 'state');
  };

  async function load() {
    const page = await api.get(`/api/admin/accounts?offset=${offset}&limit=50`);
    const items = Array.isArray(page) ? page : page.items || [];
    /** A button of an account's row; its accessible name says which account it acts on. */
    const action = (key, account, kind, onClick, act) => ui.button(t(key), onClick,
      { kind, 'aria-label': t(`${key}.label`, { name: account.name }), 'data-action': act });
    const table = ui.table({
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
        { key: 'actions', label: t('admin.accounts.actions'), render: a => h('div', { class: 'row-actions' },
          action('admin.accounts.roles.change', a, 'secondary', () => changeRoles(a), 'roles'),
          action('admin.accounts.password.reset', a, 'secondary', () => resetPassword(a), 'password'),
          a.disabled ? action('admin.accounts.enable', a, 'secondary', () => switchState(a), 'state')
            : action('admin.accounts.disable', a, 'danger', () => switchState(a), 'state')) },
      ],
    });
    table.querySelectorAll('tbody tr').forEach((tr, i) => { if (items[i]) tr.dataset.account = items[i].name; });
    results.replaceChildren(...[table,
      Array.isArray(page) ? null : ui.pager(page, (next) => { offset = next; load().catch(e => results.replaceChildren(ui.error(e))); })]
      .filter(Boolean));
  }

  const create = ui.form({
    id: 'account-create',
    fields: [
      { name: 'name', label: t('admin.accounts.user'), required: true, autocomplete: 'off', help: t('admin.accounts.name.help') },
      ...passwordFields(t, t('admin.accounts.password')),
      { name: 'roles', label: t('admin.accounts.roles'), type: 'checkboxes', required: true, options: roleOptions, value: ['staff'] },
    ],
    submitLabel: t('admin.accounts.create'),
    onSubmit: async (values) => {
      checkPasswords(t, values);
      let account;
      try {
        account = await api.post('/api/admin/accounts', { name: values.name, password: values.password, roles: values.roles });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) error.fields.name = error.message; // the name is taken
        throw error;
      }
      create.reset();
      create.querySelectorAll('input[name="roles"]').forEach((box) => { box.checked = box.value === 'staff'; });
      ui.toast(t('admin.accounts.created', { name: account.name }), 'success');
      await reloadAndFocus(account.name, null);
    },
  });
  element.replaceChildren(ui.section(t('admin.accounts.new'), create), results);
  load().catch(error => results.replaceChildren(ui.error(error)));
}

export function mount(element, env) {
  const page = env.route.split('/')[0] || 'modules';
  if (page === 'audit') return auditPage(element, env);
  if (page === 'accounts') return accountsPage(element, env);
  return modulesPage(element, env);
}
