// A person's profile: the whole record (audit-logged by the API), with consents, counted statuses
// and yearly income. Sensitive fields (lifestyle, household, income) are shown only when the API
// sent them: it decides by the user's role.

import {
  FLAGS, PURPOSES, SOURCES, WINDOWS, availability, choices, focusHeading, loadSkills, skillLabel, today,
} from './common.js';

export async function mount(element, ctx, id) {
  const { t, ui, fmt, api } = ctx;
  const h = ui.h;
  const canEdit = ctx.hasRole('staff');
  const base = `/api/people/${encodeURIComponent(id)}`;
  const [vocabulary, first] = await Promise.all([loadSkills(ctx),
    api.get(`${base}?purpose=${encodeURIComponent(t('audit.purpose.profile'))}`)]);
  let person = first;

  /** Draws the record again (the API answers every change with the whole record) and focuses a section. */
  function render(focus) {
    ctx.setTitle(person.name);
    const sensitive = Array.isArray(person.lifestyle);
    const sections = {
      consents: consentsSection(),
      flags: flagsSection(),
      income: sensitive ? incomeSection() : null,
    };
    element.replaceChildren(...[header(), basics(sensitive), sections.consents, sections.flags, sections.income].filter(Boolean));
    if (focus) focusHeading(sections[focus] || element.querySelector('.person-header'));
  }

  /** Runs a change and draws the record it answers; failures are announced. */
  async function change(call, message, focus) {
    try {
      person = await call();
      render(focus);
      ui.toast(message, 'success');
    } catch (error) {
      ui.toast(ui.errorText(error), 'error');
    }
  }

  function header() {
    const state = person.erased ? ui.badge(t('person.erased'), 'danger')
      : person.active ? ui.badge(t('person.active'), 'success') : ui.badge(t('person.inactive'), 'warning');
    const actions = h('div', { class: 'actions' },
      h('a', { class: 'button button-secondary', href: '#/people/search' }, t('profile.back')),
      canEdit && !person.erased ? h('a', { class: 'button button-primary', href: `#/people/search/${encodeURIComponent(person.id)}/edit` },
        t('profile.edit')) : null,
      canEdit && !person.erased ? ui.button(t(person.active ? 'profile.deactivate' : 'profile.reactivate'), async () => {
        const ok = await ui.confirm(t(person.active ? 'profile.deactivate.confirm' : 'profile.reactivate.confirm', { name: person.name }),
          { title: t(person.active ? 'profile.deactivate' : 'profile.reactivate'),
            confirmLabel: t(person.active ? 'profile.deactivate' : 'profile.reactivate'), danger: person.active });
        if (ok) {
          await change(() => api.post(`${base}/${person.active ? 'deactivate' : 'reactivate'}`),
            t(person.active ? 'profile.deactivated' : 'profile.reactivated', { name: person.name }), 'header');
        }
      }, { kind: person.active ? 'danger' : 'secondary', id: 'person-active' }) : null);
    return h('section', { class: 'card person-header', 'aria-labelledby': 'person-name' },
      h('h2', { id: 'person-name' }, person.name, ' ', h('span', { class: 'kana', lang: 'ja' }, person.kana)),
      h('p', null, state, ' ', t('profile.id', { id: person.id })),
      actions);
  }

  const list = (items) => (items && items.length ? items.join('、') : t('profile.none'));
  const labelled = (prefix, codes, order) => list((codes || []).slice()
    .sort((a, b) => (order ? order.indexOf(a) - order.indexOf(b) : 0)).map(c => t(`${prefix}.${c}`)));

  function basics(sensitive) {
    const r = person.residency || {};
    const a = person.availability || {};
    return h('div', { class: 'person-basics' },
      ui.section(t('profile.contact'), ui.dl([
        [t('person.email'), person.email ? h('a', { href: `mailto:${person.email}` }, person.email) : t('profile.none')],
        [t('person.phone'), person.phone || t('profile.none')],
        [t('person.district'), person.district || t('profile.none')],
        [t('person.registeredOn'), fmt.date(person.registeredOn)],
        [t('profile.updatedAt'), fmt.dateTime(person.updatedAt)],
      ])),
      ui.section(t('profile.work'), ui.dl([
        [t('person.skills'), list((person.skills || []).map(s => skillLabel(ctx, vocabulary, s)))],
        [t('person.availability'), availability(ctx, a) || t('profile.none')],
        [t('person.windows'), labelled('window', a.windows, WINDOWS)],
        [t('person.preferredWork'), list(person.preferredWork)],
        [t('person.portfolio'), person.portfolio && person.portfolio.length
          ? h('ul', { class: 'plain' }, person.portfolio.map(url => h('li', null, h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url))))
          : t('profile.none')],
      ])),
      ui.section(t('profile.residency'), ui.dl([
        [t('person.origin'), r.origin ? t(`origin.${r.origin}`) : t('profile.none')],
        [t('person.movedOn'), r.movedOn ? fmt.eraDate(r.movedOn) : t('profile.none')],
        [t('person.phase'), r.phase ? t(`phase.${r.phase}`) : t('profile.none')],
        sensitive ? [t('person.householdSize'), r.householdSize ? t('person.persons', { n: r.householdSize }) : t('profile.none')] : null,
        sensitive ? [t('person.withFamily'), r.withFamily === true ? t('yes') : r.withFamily === false ? t('no') : t('profile.none')] : null,
        sensitive ? [t('person.lifestyle'), labelled('lifestyle', person.lifestyle)] : null,
      ]), sensitive ? h('p', { class: 'help' }, t('profile.sensitive')) : null));
  }

  function consentsSection() {
    const table = ui.table({
      caption: t('consent.caption'),
      captionHidden: true,
      empty: t('consent.none'),
      rows: person.consents || [],
      columns: [
        { key: 'purpose', label: t('consent.purpose'), rowHeader: true, render: c => t(`purpose.${c.purpose}`) },
        { key: 'givenOn', label: t('consent.givenOn'), render: c => fmt.date(c.givenOn) },
        { key: 'noticeVersion', label: t('consent.noticeVersion') },
        { key: 'state', label: t('consent.state'), render: c => (c.holds ? ui.badge(t('consent.holds'), 'success')
          : ui.badge(t('consent.withdrawnAt', { when: fmt.dateTime(c.withdrawnAt) }), 'neutral')) },
        canEdit ? { key: 'action', label: t('consent.action'), render: c => (c.holds ? ui.button(t('consent.withdraw'), async () => {
          const ok = await ui.confirm(t('consent.withdraw.confirm', { purpose: t(`purpose.${c.purpose}`), name: person.name }),
            { title: t('consent.withdraw'), confirmLabel: t('consent.withdraw'), danger: true });
          if (ok) {
            await change(() => api.del(`${base}/consents/${encodeURIComponent(c.purpose)}`),
              t('consent.withdrawn', { purpose: t(`purpose.${c.purpose}`) }), 'consents');
          }
        }, { kind: 'danger', 'aria-label': t('consent.withdraw.label', { purpose: t(`purpose.${c.purpose}`) }),
          'data-purpose': c.purpose }) : '') } : null,
      ].filter(Boolean),
    });
    const give = canEdit && !person.erased ? ui.form({
      id: 'consent-give',
      fields: [
        { name: 'purpose', label: t('consent.purpose'), type: 'select', required: true, options: choices(t, 'purpose', PURPOSES) },
        { name: 'givenOn', label: t('consent.givenOn'), type: 'date', required: true, value: today() },
        { name: 'noticeVersion', label: t('consent.noticeVersion'), required: true, help: t('consent.noticeVersion.help'), maxLength: 20 },
      ],
      submitLabel: t('consent.give'),
      onSubmit: async (values) => {
        person = await api.post(`${base}/consents`, values);
        render('consents');
        ui.toast(t('consent.given', { purpose: t(`purpose.${values.purpose}`) }), 'success');
      },
    }) : null;
    if (give) give.classList.add('form-inline');
    return ui.section(t('consent.title'), h('p', { class: 'help' }, t('consent.text')), table,
      give ? h('h3', null, t('consent.give.title')) : null, give);
  }

  function flagsSection() {
    const table = ui.table({
      caption: t('flag.caption'),
      captionHidden: true,
      empty: t('flag.none'),
      rows: person.flags || [],
      columns: [
        { key: 'flag', label: t('flag.flag'), rowHeader: true, render: f => t(`flag.${f.flag}`) },
        { key: 'since', label: t('flag.since'), render: f => fmt.date(f.since) },
        { key: 'until', label: t('flag.until'), render: f => (f.until ? fmt.date(f.until) : '') },
        { key: 'holds', label: t('flag.state'), render: f => (f.holdsToday ? ui.badge(t('flag.holds'), 'info') : ui.badge(t('flag.ended'), 'neutral')) },
        canEdit ? { key: 'action', label: t('flag.action'), render: f => (!f.until ? ui.button(t('flag.clear'), async () => {
          const done = await ui.formDialog({
            title: t('flag.clear.title', { flag: t(`flag.${f.flag}`) }),
            fields: [{ name: 'until', label: t('flag.until'), type: 'date', required: true, value: today(), help: t('flag.until.help') }],
            submitLabel: t('flag.clear'),
            onSubmit: async (values) => api.post(`${base}/flags/${encodeURIComponent(f.flag)}/clear`, values),
          });
          if (done) {
            person = done;
            render('flags');
            ui.toast(t('flag.cleared', { flag: t(`flag.${f.flag}`) }), 'success');
          }
        }, { 'aria-label': t('flag.clear.label', { flag: t(`flag.${f.flag}`) }) }) : '') } : null,
      ].filter(Boolean),
    });
    const set = canEdit && !person.erased ? ui.form({
      id: 'flag-set',
      fields: [
        { name: 'flag', label: t('flag.flag'), type: 'select', required: true, options: choices(t, 'flag', FLAGS) },
        { name: 'since', label: t('flag.since'), type: 'date', required: true, value: today() },
        { name: 'until', label: t('flag.until.optional'), type: 'date' },
      ],
      submitLabel: t('flag.set'),
      onSubmit: async (values) => {
        person = await api.post(`${base}/flags`, values);
        render('flags');
        ui.toast(t('flag.saved', { flag: t(`flag.${values.flag}`) }), 'success');
      },
    }) : null;
    if (set) set.classList.add('form-inline');
    return ui.section(t('flag.title'), h('p', { class: 'help' }, t('flag.text')), table,
      set ? h('h3', null, t('flag.set.title')) : null, set);
  }

  function incomeSection() {
    const current = fmt.fiscalYearOf();
    const years = Array.from({ length: 10 }, (_, i) => current - i);
    const table = ui.table({
      caption: t('income.caption'),
      captionHidden: true,
      empty: t('income.none'),
      rows: (person.incomes || []).slice().sort((a, b) => b.fiscalYear - a.fiscalYear),
      columns: [
        { key: 'fiscalYear', label: t('income.fiscalYear'), rowHeader: true, render: i => fmt.fiscalYear(i.fiscalYear) },
        { key: 'amountYen', label: t('income.amount'), align: 'end', render: i => fmt.yen(i.amountYen) },
        { key: 'source', label: t('income.source'), render: i => t(`source.${i.source}`) },
        { key: 'revision', label: t('income.revision'), align: 'end', render: i => fmt.number(i.revision) },
        { key: 'reportedAt', label: t('income.reportedAt'), render: i => `${fmt.dateTime(i.reportedAt)}（${i.reportedBy || ''}）` },
      ],
    });
    const report = canEdit && !person.erased ? ui.form({
      id: 'income-report',
      fields: [
        { name: 'fiscalYear', label: t('income.fiscalYear'), type: 'select', required: true, value: current,
          options: years.map(y => ({ value: y, label: fmt.fiscalYear(y) })) },
        { name: 'amountYen', label: t('income.amount.yen'), type: 'number', required: true, min: 0, step: 1 },
        { name: 'source', label: t('income.source'), type: 'select', required: true, options: choices(t, 'source', SOURCES) },
      ],
      submitLabel: t('income.save'),
      onSubmit: async ({ fiscalYear, amountYen, source }) => {
        person = await api.put(`${base}/income/${encodeURIComponent(fiscalYear)}`, { amountYen, source });
        render('income');
        ui.toast(t('income.saved', { year: fmt.fiscalYear(fiscalYear) }), 'success');
      },
    }) : null;
    if (report) report.classList.add('form-inline');
    return ui.section(t('income.title'), h('p', { class: 'help' }, t('income.text')), table,
      report ? h('h3', null, t('income.report.title')) : null, report);
  }

  render();
  return undefined;
}

