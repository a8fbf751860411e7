// The console shell: sign-in, the frame (header, navigation, main area), routing by hash, and the
// panels of the installed programs, loaded from each program's own files (docs/console-panels.md).

import { ApiError, createApi } from './api.js';
import { createFormat } from './fmt.js';
import { forgetMessages, localized, preferredLanguage, rememberLanguage, translator } from './i18n.js';
import { createUi, h } from './ui.js';

const BASE = '/console/';
const POLL_MILLIS = 30_000;
const WARN_BEFORE_EXPIRY_MILLIS = 2 * 60_000;
const SAFE_PATH = /^(?!.*\.\.)[A-Za-z0-9_\-./]+$/;
/** Routes the shell keeps for itself; no program can use these ids. */
const SHELL_ROUTES = new Set(['', 'home', 'admin']);

const state = {
  lang: preferredLanguage(),
  session: null,
  modules: [],
  modulesSignature: '',
  accounts: false,
  t: null,
  fmt: null,
  ui: null,
  lastActivity: Date.now(),
  cleanup: null,
  view: null,
  navigation: 0,
  notice: null,
  expiryBanner: null,
};

const api = createApi({
  csrfToken: () => state.session && state.session.csrfToken,
  onUnauthorized: () => sessionLost(),
  onActivity: () => { state.lastActivity = Date.now(); },
});

const app = () => document.getElementById('app');

// ---------------------------------------------------------------- language

async function useLanguage(lang) {
  state.lang = lang;
  state.t = await translator(BASE, lang);
  state.fmt = createFormat(lang);
  state.ui = createUi(state.t, state.fmt);
  document.documentElement.lang = lang;
  document.title = state.t('app.title');
}

function languageSwitch() {
  const other = state.lang === 'ja' ? 'en' : 'ja';
  return h('button', {
    type: 'button', class: 'button button-quiet lang-switch', lang: other, id: 'lang-switch',
    'aria-label': state.t('lang.switch.label'),
    onclick: async () => {
      rememberLanguage(other);
      await useLanguage(other);
      if (state.session) {
        renderFrame();
        await route();
      } else {
        renderSignIn();
      }
      const again = document.getElementById('lang-switch');
      if (again) again.focus();
    },
  }, state.t('lang.switch'));
}

// ---------------------------------------------------------------- session

/** Whether the user has a role, or one of a list of roles (administrators have every role). */
function hasRole(role) {
  if (!role || (Array.isArray(role) && role.length === 0)) return true;
  const roles = (state.session && state.session.roles) || [];
  if (roles.includes('admin')) return true;
  return Array.isArray(role) ? role.some(r => roles.includes(r)) : roles.includes(role);
}

function sessionLost() {
  if (!state.session) return;
  state.session = null;
  state.notice = { kind: 'warning', text: state.t('signin.expired') };
  leaveView();
  renderSignIn();
}

async function signOut() {
  try {
    await api.del('/api/session');
  } catch (e) {
    // signed out already, or the server is gone: the browser forgets the session either way
  }
  state.session = null;
  state.notice = { kind: 'info', text: state.t('signin.signedOut') };
  leaveView();
  history.replaceState(null, '', BASE);
  renderSignIn();
}

function watchSession() {
  setInterval(async () => {
    if (!state.session) return;
    const idle = (state.session.idleTimeoutSeconds || 1800) * 1000;
    const left = idle - (Date.now() - state.lastActivity);
    if (left <= 0) {
      try {
        await api.get('/api/session'); // another tab may have kept it alive
      } catch (e) {
        // a 401 has sent the user to sign-in
      }
    }
    showExpiryWarning(left > 0 && left <= WARN_BEFORE_EXPIRY_MILLIS);
  }, 15_000);
}

function showExpiryWarning(show) {
  const slot = document.getElementById('session-warning');
  if (!slot) return;
  if (!show) {
    slot.replaceChildren();
    return;
  }
  if (slot.childElementCount) return;
  slot.append(h('div', { class: 'alert alert-warning', role: 'alert' },
    h('span', null, state.t('session.expiring')), ' ',
    state.ui.button(state.t('session.extend'), async () => {
      try {
        await api.get('/api/session');
        slot.replaceChildren();
      } catch (e) {
        // 401: back to sign-in
      }
    }, { kind: 'primary' })));
}

// ---------------------------------------------------------------- sign-in

function renderSignIn() {
  const { t, ui } = state;
  document.title = `${t('signin.title')} | ${t('app.title')}`;
  const notice = state.notice;
  state.notice = null;
  const form = ui.form({
    id: 'signin',
    fields: [
      { name: 'user', label: t('signin.user'), required: true, autocomplete: 'username' },
      { name: 'password', label: t('signin.password'), type: 'password', required: true, autocomplete: 'current-password' },
    ],
    submitLabel: t('signin.submit'),
    onSubmit: async (values) => {
      try {
        state.session = await api.post('/api/session', values);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const password = form.querySelector('input[name="password"]');
        if (password) password.value = '';
        if (error.status === 401) form.showErrors({}, t('signin.wrong'));
        else if (error.status === 429) form.showErrors({}, t('signin.locked', { seconds: error.retryAfter || 60 }));
        else if (error.status === 400) form.showErrors({}, t('signin.missing'));
        else form.showErrors({}, ui.errorText(error));
        return;
      }
      state.lastActivity = Date.now();
      await startShell();
    },
  });
  app().replaceChildren(
    h('header', { class: 'topbar topbar-signin' },
      h('span', { class: 'brand' }, t('app.name'), h('span', { class: 'brand-sub' }, t('app.console'))),
      h('div', { class: 'topbar-actions' }, languageSwitch())),
    h('main', { id: 'main', class: 'signin', tabindex: -1 },
      h('div', { class: 'card signin-card' },
        h('h1', null, t('signin.title')),
        notice ? h('div', { class: `alert alert-${notice.kind}`, role: 'status' }, notice.text) : null,
        form)));
  app().dataset.route = 'signin';
  app().setAttribute('aria-busy', 'false');
  const user = form.querySelector('input[name="user"]');
  if (user) user.focus();
}

// ---------------------------------------------------------------- modules and navigation

function safeBase(module) {
  const path = module.consolePath;
  return typeof path === 'string' && path.startsWith(BASE) && path.endsWith('/') && SAFE_PATH.test(path) ? path : null;
}

const manifests = new Map();

async function manifestOf(module) {
  const base = safeBase(module);
  if (!base) return null;
  const key = `${module.id}@${module.version}`;
  if (!manifests.has(key)) {
    manifests.set(key, fetch(`${base}panel.json?v=${encodeURIComponent(module.version || '')}`, { credentials: 'omit', cache: 'no-cache' })
      .then(r => (r.ok ? r.json() : null))
      .then(m => (m && typeof m === 'object' ? m : null))
      .catch(() => null)
      .then(m => {
        if (!m) manifests.delete(key); // try again at the next refresh
        return m;
      }));
  }
  return manifests.get(key);
}

/** Fetches /api/modules (without the session, so polling does not keep it alive) and the panels' manifests. */
async function refreshModules() {
  let list;
  try {
    const response = await fetch('/api/modules', { credentials: 'omit', cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!response.ok) return false;
    list = (await response.json()).items || [];
  } catch (e) {
    return false;
  }
  const modules = await Promise.all(list.filter(m => !SHELL_ROUTES.has(m.id)).map(async (m) => ({ ...m, manifest: await manifestOf(m) })));
  const signature = modules.map(m => `${m.id}@${m.version}:${m.manifest ? 1 : 0}`).join(',');
  const changed = signature !== state.modulesSignature;
  if (changed) {
    const gone = state.modules.filter(old => !modules.some(m => m.id === old.id && m.version === old.version));
    for (const old of gone) {
      if (safeBase(old)) forgetMessages(safeBase(old));
    }
  }
  state.modules = modules;
  state.modulesSignature = signature;
  if (changed && state.session) renderNav();
  return changed;
}

function visibleMenu(module) {
  const manifest = module.manifest;
  if (!manifest || !hasRole(manifest.role)) return [];
  const menu = Array.isArray(manifest.menu) ? manifest.menu : [];
  return menu.filter(entry => entry && typeof entry.route === 'string' && hasRole(entry.role));
}

function panelModules() {
  return state.modules.filter(m => m.manifest && hasRole(m.manifest.role));
}

function currentHash() {
  return location.hash.replace(/^#\/?/, '');
}

function navLink(href, label, route) {
  const current = currentHash();
  const active = route === current || (route !== '' && current.startsWith(route + '/')) || (route === '' && current === '');
  return h('a', { href, 'aria-current': active ? 'page' : null }, label);
}

function renderNav() {
  const nav = document.getElementById('nav');
  if (!nav) return;
  const { t, lang } = state;
  const groups = [h('li', null, navLink('#/', t('nav.home'), ''))];
  for (const module of panelModules()) {
    const menu = visibleMenu(module);
    const title = localized(module.title, lang) || module.id;
    const entries = menu.length ? menu : [{ route: '', label: module.title }];
    groups.push(h('li', { class: 'nav-group', 'data-module': module.id },
      h('span', { class: 'nav-group-title', id: `nav-${module.id}` }, title),
      h('ul', { 'aria-labelledby': `nav-${module.id}` }, entries.map(entry => h('li', null,
        navLink(`#/${module.id}/${entry.route}`.replace(/\/$/, ''), localized(entry.label, lang) || entry.route,
          `${module.id}/${entry.route}`.replace(/\/$/, '')))))));
  }
  if (hasRole('admin')) {
    const admin = [['admin/modules', t('nav.admin.modules')], ['admin/audit', t('nav.admin.audit')]];
    if (state.accounts) admin.push(['admin/accounts', t('nav.admin.accounts')]);
    groups.push(h('li', { class: 'nav-group', 'data-module': 'admin' },
      h('span', { class: 'nav-group-title', id: 'nav-admin' }, t('nav.admin')),
      h('ul', { 'aria-labelledby': 'nav-admin' }, admin.map(([r, label]) => h('li', null, navLink(`#/${r}`, label, r))))));
  }
  nav.replaceChildren(h('ul', { class: 'nav-list' }, groups));
}

// ---------------------------------------------------------------- frame and views

function renderFrame() {
  const { t, session } = state;
  const toggle = h('button', {
    type: 'button', class: 'button button-quiet nav-toggle', 'aria-expanded': 'false', 'aria-controls': 'nav',
    onclick: () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      document.body.classList.toggle('nav-open', open);
    },
  }, t('nav.toggle'));
  // a link to the page shown (the menu entry, the brand) shows it again with fresh data: the
  // browser fires no hashchange for it
  const again = (event) => {
    const link = event.target.closest('a[href^="#/"]');
    if (link && link.getAttribute('href').replace(/^#\/?/, '') === currentHash()) {
      event.preventDefault();
      route();
    }
  };
  app().replaceChildren(
    h('a', { class: 'skip-link', href: '#main', onclick: (e) => { e.preventDefault(); document.getElementById('main').focus(); } },
      t('nav.skip')),
    h('header', { class: 'topbar' },
      toggle,
      h('a', { class: 'brand', href: '#/', onclick: again }, t('app.name'), h('span', { class: 'brand-sub' }, t('app.console'))),
      h('div', { class: 'topbar-actions' },
        h('span', { class: 'user', id: 'current-user' }, t('session.user', { user: session.user })),
        languageSwitch(),
        h('button', { type: 'button', class: 'button button-quiet', id: 'sign-out', onclick: signOut }, t('signin.signOut')))),
    h('div', { class: 'layout' },
      h('nav', { id: 'nav', class: 'nav', 'aria-label': t('nav.label'), onclick: again }),
      h('main', { id: 'main', class: 'main', tabindex: -1 },
        h('div', { id: 'session-warning' }),
        h('h1', { id: 'page-title', tabindex: -1 }),
        h('div', { id: 'view', class: 'view' }))));
  renderNav();
}

function setTitle(text) {
  const title = document.getElementById('page-title');
  if (title) title.textContent = text;
  document.title = `${text} | ${state.t('app.title')}`;
}

function leaveView() {
  const cleanup = state.cleanup;
  state.cleanup = null;
  state.view = null;
  if (cleanup) {
    try {
      cleanup();
    } catch (e) {
      console.error('A panel failed to clean up', e);
    }
  }
}

function focusTitle(moveFocus) {
  if (!moveFocus) return;
  const title = document.getElementById('page-title');
  if (title) title.focus({ preventScroll: false });
}

function closeNavOnSmallScreens() {
  document.body.classList.remove('nav-open');
  const toggle = document.querySelector('.nav-toggle');
  if (toggle) toggle.setAttribute('aria-expanded', 'false');
}

async function checkSession() {
  try {
    const session = await api.get('/api/session');
    if (state.session) state.session = session; // roles may have changed
  } catch (error) {
    // a 401 has already sent the user to sign-in; anything else is left to the view
  }
}

async function route({ moveFocus = true } = {}) {
  if (!state.session) return;
  const token = ++state.navigation;
  app().setAttribute('aria-busy', 'true');
  // a navigation is a user's act: it confirms the session (and notices at once when it has ended)
  await Promise.all([refreshModules(), checkSession()]);
  if (token !== state.navigation || !state.session) return;
  renderNav();
  closeNavOnSmallScreens();
  leaveView();
  const view = document.getElementById('view');
  view.replaceChildren(state.ui.loading());
  const [first, ...rest] = currentHash().split('/');
  try {
    if (first === '' || first === 'home') {
      await showShellPage('home', '../pages/home.js', '', token);
    } else if (first === 'admin') {
      if (!hasRole('admin')) {
        showMessage(state.t('error.forbidden.title'), state.t('error.forbidden'));
      } else {
        await showShellPage('admin', '../pages/admin.js', rest.join('/'), token);
      }
    } else {
      await showPanel(first, rest.join('/'), token);
    }
  } catch (error) {
    if (token !== state.navigation) return;
    console.error(error);
    showMessage(state.t('error.title'), state.ui.errorText(error));
  }
  if (token === state.navigation) {
    focusTitle(moveFocus);
    app().dataset.route = currentHash();
    app().dataset.navigation = String(token);
    app().setAttribute('aria-busy', 'false');
  }
}

function showMessage(title, text, ...more) {
  setTitle(title);
  document.getElementById('view').replaceChildren(h('div', { class: 'card' }, h('p', null, text), ...more));
}

function shellEnv(routeRest) {
  return {
    route: routeRest,
    api,
    t: state.t,
    fmt: state.fmt,
    ui: state.ui,
    lang: state.lang,
    user: { name: state.session.user, roles: [...state.session.roles] },
    hasRole,
    modules: () => state.modules,
    panelModules,
    visibleMenu,
    manifestOf,
    accountsAvailable: () => state.accounts,
    setTitle,
    mountHomeCard,
    /** Shows the current route again, with the modules fetched anew (after an install or retire). */
    reload: () => route({ moveFocus: false }),
  };
}

async function showShellPage(kind, path, routeRest, token) {
  const page = await import(path);
  if (token !== state.navigation) return;
  const container = h('div', { class: `page page-${kind}` });
  document.getElementById('view').replaceChildren(container);
  state.view = { kind };
  const cleanup = await page.mount(container, shellEnv(routeRest));
  if (token !== state.navigation) {
    if (typeof cleanup === 'function') cleanup();
    return;
  }
  state.cleanup = typeof cleanup === 'function' ? cleanup : null;
}

function notInstalled(id) {
  showMessage(state.t('panel.missing.title'), state.t('panel.missing', { id }),
    h('p', null, h('a', { href: '#/' }, state.t('nav.backHome'))));
}

const stylesheets = new Map();

function ensureStylesheet(module, manifest) {
  if (!manifest.css || !SAFE_PATH.test(manifest.css)) return;
  const href = `${safeBase(module)}${manifest.css}?v=${encodeURIComponent(module.version || '')}`;
  const existing = stylesheets.get(module.id);
  if (existing && existing.getAttribute('href') === href) return;
  if (existing) existing.remove();
  const link = h('link', { rel: 'stylesheet', href, 'data-module': module.id });
  document.head.append(link);
  stylesheets.set(module.id, link);
}

function removeStylesheetsOfRetired() {
  for (const [id, link] of stylesheets) {
    if (!state.modules.some(m => m.id === id)) {
      link.remove();
      stylesheets.delete(id);
    }
  }
}

async function panelContext(module, routeRest, entryTitle) {
  const base = safeBase(module);
  const t = await translator(base, state.lang, module.version);
  const title = localized(module.title, state.lang) || module.id;
  return Object.freeze({
    moduleId: module.id,
    route: routeRest,
    navigate: (next) => { location.hash = `#/${module.id}/${String(next || '').replace(/^\/+/, '')}`; },
    lang: state.lang,
    t,
    user: Object.freeze({ name: state.session.user, roles: Object.freeze([...state.session.roles]) }),
    hasRole,
    api,
    fmt: state.fmt,
    ui: state.ui,
    module: Object.freeze({ id: module.id, title, version: module.version, path: base }),
    setTitle: (text) => setTitle(text ? `${entryTitle} › ${text}` : entryTitle),
  });
}

async function importEntry(module, entry) {
  if (typeof entry !== 'string' || !SAFE_PATH.test(entry)) throw new Error(`unsafe panel entry ${entry}`);
  return import(`${safeBase(module)}${entry}?v=${encodeURIComponent(module.version || '')}`);
}

async function showPanel(id, routeRest, token) {
  removeStylesheetsOfRetired();
  const module = state.modules.find(m => m.id === id);
  if (!module || !safeBase(module)) {
    notInstalled(id);
    return;
  }
  const manifest = module.manifest;
  if (!manifest) {
    showMessage(localized(module.title, state.lang) || id, state.t('panel.broken'));
    return;
  }
  if (!hasRole(manifest.role)) {
    showMessage(state.t('error.forbidden.title'), state.t('error.forbidden'));
    return;
  }
  const menu = visibleMenu(module);
  if (routeRest === '' && menu.length && menu[0].route) {
    history.replaceState(null, '', `#/${id}/${menu[0].route}`);
    routeRest = menu[0].route;
    renderNav();
  }
  const entry = menu.find(e => e.route && (routeRest === e.route || routeRest.startsWith(e.route + '/')));
  const declared = (Array.isArray(manifest.menu) ? manifest.menu : [])
    .find(e => e && e.route && (routeRest === e.route || routeRest.startsWith(e.route + '/')));
  if (declared && !entry) {
    showMessage(state.t('error.forbidden.title'), state.t('error.forbidden'));
    return;
  }
  const moduleTitle = localized(module.title, state.lang) || id;
  const entryTitle = entry ? `${moduleTitle} › ${localized(entry.label, state.lang)}` : moduleTitle;
  setTitle(entryTitle);
  ensureStylesheet(module, manifest);
  const [panel, ctx] = await Promise.all([importEntry(module, manifest.entry || 'panel.js'),
    panelContext(module, routeRest, entryTitle)]);
  if (token !== state.navigation) return;
  if (typeof panel.mount !== 'function') {
    showMessage(moduleTitle, state.t('panel.broken'));
    return;
  }
  const container = h('div', { class: 'panel', 'data-module': id });
  document.getElementById('view').replaceChildren(container);
  state.view = { kind: 'panel', id, version: module.version };
  const cleanup = await panel.mount(container, ctx);
  if (token !== state.navigation) {
    if (typeof cleanup === 'function') cleanup();
    return;
  }
  state.cleanup = typeof cleanup === 'function' ? cleanup : null;
}

/** Mounts a program's home card (panel.json "home") into an element; returns its cleanup. */
async function mountHomeCard(module, element) {
  const manifest = module.manifest;
  if (!manifest || !manifest.home || !hasRole(manifest.role)) return null;
  const home = typeof manifest.home === 'string' ? { entry: manifest.home } : manifest.home;
  if (!hasRole(home.role)) return null;
  const [card, ctx] = await Promise.all([importEntry(module, home.entry),
    panelContext(module, '', localized(module.title, state.lang) || module.id)]);
  if (typeof card.mount !== 'function') return null;
  ensureStylesheet(module, manifest);
  const cleanup = await card.mount(element, Object.freeze({ ...ctx, setTitle: () => {} }));
  return typeof cleanup === 'function' ? cleanup : null;
}

/** While a panel is shown, a refresh that finds its program retired or upgraded takes it away or reloads it. */
async function poll() {
  if (!state.session || document.visibilityState === 'hidden') return;
  const changed = await refreshModules();
  if (!changed || !state.view) return;
  const view = state.view;
  if (view.kind === 'panel') {
    const module = state.modules.find(m => m.id === view.id);
    if (!module || module.version !== view.version || !module.manifest) {
      await route({ moveFocus: false });
    }
  } else if (view.kind === 'home') {
    await route({ moveFocus: false });
  }
}

async function probeAccounts() {
  state.accounts = false;
  if (!hasRole('admin')) return;
  try {
    await api.get('/api/admin/accounts?limit=1');
    state.accounts = true;
  } catch (e) {
    state.accounts = false;
  }
}

async function startShell() {
  await probeAccounts();
  renderFrame();
  await route();
}

// ---------------------------------------------------------------- start

async function start() {
  await useLanguage(state.lang);
  window.addEventListener('hashchange', () => route());
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') poll(); });
  setInterval(poll, POLL_MILLIS);
  watchSession();
  try {
    const response = await fetch('/api/session', { credentials: 'same-origin', cache: 'no-store',
      headers: { Accept: 'application/json', 'X-Requested-With': 'fetch' } });
    state.session = response.ok ? await response.json() : null;
  } catch (e) {
    state.session = null;
  }
  if (state.session) {
    state.lastActivity = Date.now();
    await startShell();
  } else {
    renderSignIn();
  }
}

start().catch((error) => {
  console.error(error);
  app().replaceChildren(h('p', { class: 'alert alert-danger', role: 'alert' },
    'The console could not start. コンソールを起動できませんでした。'));
});
