// One course: its details and sessions, the applications with the waitlist, the attendance grid
// and the graduates with their certificates, each a view of its own (courses/<id>/<view>).

import {
  ATTENDANCE, STATUSES, choices, focusOn, personName, personPicker, rowErrors, statusKind, text, time, withReason,
} from './common.js';

const VIEWS = [
  { route: '', key: 'course.view.overview' },
  { route: 'enrolments', key: 'course.view.enrolments', role: 'staff' },
  { route: 'attendance', key: 'course.view.attendance', role: 'staff' },
  { route: 'graduates', key: 'course.view.graduates' },
];

export async function mount(element, ctx, id, view) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  const base = `/api/terakoya/courses/${encodeURIComponent(id)}`;
  const current = VIEWS.find(v => v.route === view);
  if (!current) {
    element.replaceChildren(h('div', { class: 'alert alert-danger', role: 'alert' }, t('course.view.unknown')),
      h('a', { href: '#/terakoya/courses' }, t('course.back')));
    return;
  }
  let course = await api.get(base);
  const staff = ctx.hasRole('staff');
  const body = h('div', { class: 'course-body' });

  const ruleText = (completion) => {
    const n = completion.minSessions;
    return t(`rule.text.${completion.rule}`, { n: fmt.number(n), m: fmt.number(completion.sessions) });
  };

  function header() {
    const s = course.seats;
    ctx.setTitle(text(ctx, course.title));
    return h('div', { class: 'course-header' },
      h('p', { class: 'course-meta' },
        ui.badge(fmt.fiscalYear(course.fiscalYear), 'neutral'), ' ',
        ui.badge(text(ctx, course.categoryLabel) || course.category, 'info'), ' ',
        ui.badge(t(`format.${course.format}`), 'neutral'), ' ',
        course.applicationOpen ? ui.badge(t('course.open'), 'success') : ui.badge(t('course.closed'), 'neutral')),
      h('p', { class: 'course-seats', id: 'course-seats' }, t('seats.summary', {
        capacity: fmt.number(s.capacity), accepted: fmt.number(s.accepted), applied: fmt.number(s.applied),
        waitlisted: fmt.number(s.waitlisted), free: fmt.number(s.free) })),
      h('nav', { 'aria-label': t('course.views') }, h('ul', { class: 'subnav' },
        VIEWS.filter(v => !v.role || ctx.hasRole(v.role)).map(v => h('li', null, h('a', {
          href: `#/terakoya/courses/${course.id}${v.route ? `/${v.route}` : ''}`,
          'aria-current': v === current ? 'page' : null }, t(v.key)))))));
  }

  const headerSlot = h('div');
  const refreshCourse = async () => {
    course = await api.get(base);
    headerSlot.replaceChildren(header());
  };
  headerSlot.append(header());
  element.replaceChildren(
    h('p', null, h('a', { href: '#/terakoya/courses' }, t('course.back'))),
    headerSlot, body);

  if (current.role && !ctx.hasRole(current.role)) {
    body.replaceChildren(h('div', { class: 'card' }, h('p', null, t('form.forbidden'))));
    return;
  }
  const views = { '': overview, enrolments, attendance, graduates };
  await views[current.route]();

  // ------------------------------------------------------------ overview: details and sessions

  async function overview() {
    const sessions = await api.get(`${base}/sessions`);
    const instructors = (course.instructors || []).map(i => i.name || i.organisation || i.personId).join('、');
    const details = ui.section(t('course.details'), ui.dl([
      [t('course.title'), text(ctx, course.title)],
      course.title.en && ctx.lang === 'ja' ? [t('course.title.en'), course.title.en] : null,
      [t('course.fiscalYear'), fmt.fiscalYear(course.fiscalYear)],
      [t('course.category'), text(ctx, course.categoryLabel) || course.category],
      [t('course.format'), t(`format.${course.format}`)],
      [t('course.location'), course.location || t('none')],
      [t('course.instructors'), instructors || t('none')],
      [t('course.applications'), t('period', { from: fmt.date(course.applicationOpens), to: fmt.date(course.applicationCloses) })],
      [t('course.capacity'), t('persons', { n: fmt.number(course.seats.capacity) })],
      [t('course.rule'), ruleText(course.completion)],
      course.description && text(ctx, course.description) ? [t('course.description'), text(ctx, course.description)] : null,
    ]), staff ? h('div', { class: 'actions' },
      h('a', { class: 'button button-primary', href: `#/terakoya/courses/${course.id}/edit` }, t('course.edit')),
      ui.button(t('course.delete'), async () => {
        const ok = await ui.confirm(t('course.delete.confirm', { title: text(ctx, course.title) }),
          { title: t('course.delete'), confirmLabel: t('course.delete'), danger: true });
        if (!ok) return;
        try {
          await api.del(base);
          ui.toast(t('course.deleted', { title: text(ctx, course.title) }), 'success');
          ctx.navigate('courses');
        } catch (error) {
          ui.toast(error.status === 409 ? t('course.delete.refused') : ui.errorText(error), 'error');
        }
      }, { kind: 'danger' })) : null);

    const sessionFields = (s = {}) => [
      { name: 'date', label: t('session.date'), type: 'date', required: true, value: s.date },
      { name: 'startsAt', label: t('session.startsAt'), type: 'time', required: true, value: time(s.startsAt) || '10:00' },
      { name: 'endsAt', label: t('session.endsAt'), type: 'time', required: true, value: time(s.endsAt) || '12:00' },
      { name: 'topic.ja', label: t('session.topic'), maxLength: 200, value: s.topic && s.topic.ja },
      { name: 'topic.en', label: t('session.topic.en'), maxLength: 200, value: s.topic && s.topic.en },
      { name: 'location', label: t('session.location'), maxLength: 200, value: s.location, help: t('session.location.help') },
    ];
    const sessionBody = (v) => ({
      date: v.date, startsAt: v.startsAt, endsAt: v.endsAt, location: v.location,
      topic: v['topic.ja'] || v['topic.en'] ? { ja: v['topic.ja'], en: v['topic.en'] } : null,
    });
    const table = ui.table({
      caption: t('sessions.caption', { count: fmt.number(sessions.length) }),
      empty: t('sessions.none'),
      rows: sessions,
      columns: [
        { key: 'number', label: t('session.number'), rowHeader: true, render: s => t('session.nth', { n: s.number }) },
        { key: 'date', label: t('session.date'), render: s => h('time', { datetime: s.date }, fmt.date(s.date)) },
        { key: 'time', label: t('session.time'), render: s => t('period.time', { from: time(s.startsAt), to: time(s.endsAt) }) },
        { key: 'topic', label: t('session.topic'), render: s => text(ctx, s.topic) },
        { key: 'location', label: t('session.location'), render: s => s.location || course.location || '' },
        staff ? { key: 'actions', label: t('actions'), render: s => h('div', { class: 'row-actions' },
          ui.button(t('session.edit'), async () => {
            const done = await ui.formDialog({ title: t('session.edit.title', { n: s.number }), fields: sessionFields(s),
              submitLabel: t('form.save'), onSubmit: v => api.put(`${base}/sessions/${s.id}`, sessionBody(v)) });
            if (done) {
              ui.toast(t('session.saved', { n: s.number }), 'success');
              await overview();
            }
          }, { 'aria-label': t('session.edit.label', { n: s.number }) }),
          ui.button(t('session.delete'), async () => {
            const ok = await ui.confirm(t('session.delete.confirm', { n: s.number, date: fmt.date(s.date) }),
              { title: t('session.delete'), confirmLabel: t('session.delete'), danger: true });
            if (!ok) return;
            try {
              await api.del(`${base}/sessions/${s.id}`);
              ui.toast(t('session.deleted', { n: s.number }), 'success');
              await refreshCourse();
              await overview();
              focusOn(body.querySelector('#sessions'));
            } catch (error) {
              ui.toast(ui.errorText(error), 'error');
            }
          }, { kind: 'danger', 'aria-label': t('session.delete.label', { n: s.number }) })) } : null,
      ].filter(Boolean),
    });
    const add = staff ? ui.form({
      id: 'session-add',
      fields: sessionFields(),
      submitLabel: t('session.add'),
      onSubmit: async (v) => {
        const created = await api.post(`${base}/sessions`, sessionBody(v));
        ui.toast(t('session.added', { n: created.number, date: fmt.date(created.date) }), 'success');
        await refreshCourse();
        await overview();
        focusOn(body.querySelector('#session-add input[name="date"]'));
      },
    }) : null;
    if (add) add.classList.add('form-inline');
    const sessionSection = ui.section(t('sessions.title'), table, add ? h('h3', null, t('session.add.title')) : null, add);
    sessionSection.id = 'sessions';
    body.replaceChildren(details, sessionSection);
  }

  // ------------------------------------------------------------ applications and the waitlist

  async function enrolments(filter = { status: null, offset: 0 }, focusId = null) {
    const params = new URLSearchParams({ offset: filter.offset, limit: 50 });
    if (filter.status) params.set('status', filter.status);
    const page = await api.get(`${base}/enrolments?${params}`);
    const again = async (enrolmentId) => {
      await refreshCourse();
      await enrolments(filter, enrolmentId);
    };
    const act = async (e, action, message) => {
      try {
        await api.post(`${base}/enrolments/${e.id}/${action}`);
        ui.toast(message, 'success');
      } catch (error) {
        ui.toast(ui.errorText(error), 'error');
      }
      await again(e.id);
    };
    const closing = async (e, action) => {
      const name = personName(ctx, e);
      const done = await withReason(ctx, {
        title: t(`enrolment.${action}.title`, { name }),
        text: t(`enrolment.${action}.text`),
        submitLabel: t(`enrolment.${action}`),
        act: reason => api.post(`${base}/enrolments/${e.id}/${action}`, { reason }),
      });
      if (done) {
        ui.toast(t(action === 'decline' ? 'enrolment.declined' : 'enrolment.withdrawn', { name }), 'success');
        await again(e.id);
      }
    };
    const actions = (e) => {
      if (!staff || e.completed) return e.completed ? ui.badge(t('enrolment.completed'), 'success') : '';
      const name = personName(ctx, e);
      const buttons = [];
      if (e.status === 'APPLIED') {
        buttons.push(ui.button(t('enrolment.accept'), () => act(e, 'accept', t('enrolment.accepted', { name })),
          { kind: 'primary', 'aria-label': t('enrolment.accept.label', { name }), 'data-action': 'accept' }));
      }
      if (e.status === 'APPLIED' || e.status === 'WAITLISTED') {
        buttons.push(ui.button(t('enrolment.decline'), () => closing(e, 'decline'),
          { 'aria-label': t('enrolment.decline.label', { name }), 'data-action': 'decline' }));
      }
      if (e.status === 'APPLIED' || e.status === 'ACCEPTED' || e.status === 'WAITLISTED') {
        buttons.push(ui.button(t('enrolment.withdraw'), () => closing(e, 'withdraw'),
          { kind: 'danger', 'aria-label': t('enrolment.withdraw.label', { name }), 'data-action': 'withdraw' }));
      }
      return h('div', { class: 'row-actions' }, buttons);
    };
    const table = ui.table({
      caption: t('enrolments.caption', { total: fmt.number(page.total) }),
      empty: t('enrolments.none'),
      rows: page.items,
      columns: [
        { key: 'person', label: t('enrolment.person'), rowHeader: true, render: e => personName(ctx, e) },
        { key: 'status', label: t('enrolment.status'), render: e => [ui.badge(t(`status.${e.status}`), statusKind(e.status)),
          e.waitlistPosition ? ` ${t('enrolment.position', { n: fmt.number(e.waitlistPosition) })}` : ''] },
        { key: 'appliedAt', label: t('enrolment.appliedAt'), render: e => fmt.dateTime(e.appliedAt) },
        { key: 'acceptedAt', label: t('enrolment.acceptedAt'), render: e => (e.acceptedAt ? fmt.dateTime(e.acceptedAt) : '') },
        { key: 'closed', label: t('enrolment.closed'), render: e => (e.closedAt
          ? `${fmt.dateTime(e.closedAt)}${e.closedReason ? `（${e.closedReason}）` : ''}` : '') },
        { key: 'actions', label: t('actions'), render: actions },
      ],
    });
    table.querySelectorAll('tbody tr').forEach((tr, i) => { if (page.items[i]) tr.dataset.enrolment = page.items[i].id; });
    const filterForm = ui.form({
      id: 'enrolment-filter',
      fields: [{ name: 'status', label: t('enrolment.status'), type: 'select', value: filter.status, placeholder: t('filter.allStatuses'),
        options: choices(t, 'status', STATUSES) }],
      submitLabel: t('filter.show'),
      onSubmit: async ({ status }) => enrolments({ status, offset: 0 }),
    });
    filterForm.classList.add('form-inline');
    const picker = personPicker(ctx, {
      id: 'enrolment-picker',
      title: t('enrolment.apply.title'),
      actionLabel: t('enrolment.apply'),
      actionAria: p => t('enrolment.apply.label', { name: p.name }),
      onPick: async (p) => {
        const e = await api.post(`${base}/enrolments`, { personId: p.id });
        ui.toast(e.status === 'WAITLISTED' ? t('enrolment.waitlisted', { name: p.name, n: fmt.number(e.waitlistPosition) })
          : t('enrolment.applied', { name: p.name }), 'success');
        await again(e.id);
      },
    });
    const list = ui.section(t('enrolments.title'), h('p', { class: 'help' }, t('enrolments.text')), filterForm, table,
      ui.pager(page, offset => enrolments({ ...filter, offset }).catch(error => ui.toast(ui.errorText(error), 'error'))));
    list.id = 'enrolments';
    body.replaceChildren(picker, list);
    if (focusId) {
      const row = body.querySelector(`tr[data-enrolment="${focusId}"]`);
      focusOn(row ? row.querySelector('th') : list);
    }
  }

  // ------------------------------------------------------------ attendance grid

  async function attendance(focus = null) {
    const grid = await api.get(`${base}/attendance`);
    if (!grid.sessions.length) {
      body.replaceChildren(h('div', { class: 'card' }, h('p', null, t('attendance.noSessions')),
        h('a', { href: `#/terakoya/courses/${course.id}` }, t('attendance.addSessions'))));
      return;
    }
    const changes = new Map(); // "<session number>|<personId>" -> status
    const assignments = new Map(); // enrolmentId -> submitted
    const status = h('p', { class: 'attendance-status', 'aria-live': 'polite' });
    const save = ui.button(t('attendance.save'), async () => {
      save.disabled = true;
      try {
        let recorded = 0;
        const bySession = new Map();
        for (const [key, value] of changes) {
          const [number, personId] = key.split('|');
          if (!bySession.has(number)) bySession.set(number, []);
          bySession.get(number).push({ personId, status: value });
        }
        for (const [number, entries] of bySession) {
          const session = grid.sessions.find(s => String(s.number) === number);
          const result = await api.put(`${base}/sessions/${session.id}/attendance`, { entries, othersAbsent: false });
          recorded += result.recorded;
        }
        for (const [enrolmentId, submitted] of assignments) {
          await api.put(`${base}/enrolments/${enrolmentId}/assignment`, { submitted });
          recorded += 1;
        }
        ui.toast(t('attendance.saved', { n: fmt.number(recorded) }), 'success');
        await attendance('grid');
      } catch (error) {
        save.disabled = false;
        status.replaceChildren(h('span', { class: 'alert alert-danger', role: 'alert' }, ui.errorText(error)));
      }
    }, { kind: 'primary', disabled: true, id: 'attendance-save' });
    const changed = () => {
      const n = changes.size + assignments.size;
      save.disabled = n === 0;
      status.textContent = n ? t('attendance.pending', { n: fmt.number(n) }) : '';
    };
    const sessionLabel = s => `${t('session.nth', { n: s.number })} ${fmt.date(s.date)}`;
    const columns = [
      { key: 'person', label: t('enrolment.person'), rowHeader: true, render: r => personName(ctx, r) },
      ...grid.sessions.map(s => ({ key: `s${s.number}`, label: sessionLabel(s), render: (r) => {
        const value = (r.sessions || {})[s.number] || '';
        const select = h('select', {
          class: 'attendance-select', 'data-session': s.number, 'data-person': r.personId,
          'aria-label': t('attendance.cell', { name: personName(ctx, r), session: sessionLabel(s) }),
          onchange: (event) => {
            const key = `${s.number}|${r.personId}`;
            if (event.target.value === value) changes.delete(key);
            else changes.set(key, event.target.value);
            event.target.classList.toggle('changed', event.target.value !== value);
            changed();
          },
        }, value ? null : h('option', { value: '' }, t('attendance.unrecorded')),
        ATTENDANCE.map(code => h('option', { value: code, selected: code === value }, t(`attendance.${code}`))));
        return select;
      } })),
      { key: 'attended', label: t('attendance.attended'), align: 'end',
        render: r => t('attendance.count', { n: fmt.number(r.attended), m: fmt.number(grid.sessions.length) }) },
      { key: 'assignment', label: t('attendance.assignment'), render: r => {
        const box = h('input', { type: 'checkbox', checked: r.assignmentSubmitted, disabled: r.completed,
          'aria-label': t('attendance.assignment.cell', { name: personName(ctx, r) }),
          onchange: (event) => {
            if (event.target.checked === r.assignmentSubmitted) assignments.delete(r.enrolmentId);
            else assignments.set(r.enrolmentId, event.target.checked);
            changed();
          } });
        return box;
      } },
      { key: 'rule', label: t('attendance.rule'), render: r => (r.completed ? ui.badge(t('attendance.completed'), 'success')
        : r.meetsRule ? ui.badge(t('attendance.meets'), 'info') : ui.badge(t('attendance.notYet'), 'neutral')) },
    ];
    const table = ui.table({ caption: t('attendance.caption', { rule: ruleText(grid.completion) }), empty: t('attendance.none'),
      rows: grid.rows, columns });
    const gridSection = ui.section(t('attendance.title'), h('p', { class: 'help' }, t('attendance.text')), table,
      h('div', { class: 'actions' }, save, ui.button(t('attendance.export'), async () => {
        try {
          const name = await api.download(`${base}/attendance.csv`);
          ui.toast(t('download.done', { file: name }), 'success');
        } catch (error) {
          ui.toast(ui.errorText(error), 'error');
        }
      })), status);
    gridSection.id = 'attendance-grid';

    const outcome = h('div', { class: 'import-outcome' });
    const importForm = ui.form({
      id: 'attendance-import',
      fields: [{ name: 'file', label: t('attendance.import.file'), type: 'file', required: true, accept: '.csv,text/csv',
        help: t('attendance.import.help') }],
      submitLabel: t('attendance.import.run'),
      onSubmit: async ({ file }) => {
        const bytes = await file.arrayBuffer();
        try {
          const result = await api.upload(`${base}/attendance/import`, new Blob([bytes], { type: 'text/csv' }));
          ui.toast(t('attendance.imported', { n: fmt.number(result.recorded) }), 'success');
          await attendance('grid');
        } catch (error) {
          if (error.status !== 400 && error.status !== 422) throw error;
          const rows = rowErrors(error.problem);
          outcome.replaceChildren(...[h('div', { class: 'alert alert-danger', role: 'alert', tabindex: -1 },
            rows.length ? t('attendance.import.invalid', { count: fmt.number(rows.length) }) : ui.errorText(error)),
          rows.length ? ui.table({
            caption: t('attendance.import.errors'),
            rows,
            columns: [
              { key: 'line', label: t('import.line'), align: 'end', rowHeader: true, render: r => (r.line === null ? '' : fmt.number(r.line)) },
              { key: 'column', label: t('import.column') },
              { key: 'message', label: t('import.message') },
            ],
          }) : null].filter(Boolean));
          outcome.firstChild.focus();
        }
      },
    });
    body.replaceChildren(gridSection, ui.section(t('attendance.import.title'), h('p', { class: 'help' }, t('attendance.import.text')),
      importForm, outcome));
    if (focus === 'grid') focusOn(gridSection);
  }

  // ------------------------------------------------------------ completion and graduates

  async function graduates(focus = false) {
    const [page, grid] = await Promise.all([api.get(`${base}/graduates?limit=500`),
      staff ? api.get(`${base}/attendance`) : Promise.resolve(null)]);
    const waiting = grid ? grid.rows.filter(r => r.meetsRule && !r.completed).length : null;
    const confirmSection = staff ? ui.section(t('completion.title'),
      h('p', null, t('completion.rule', { rule: ruleText(course.completion) })),
      h('p', { id: 'completion-waiting' }, t('completion.waiting', { n: fmt.number(waiting) })),
      h('div', { class: 'actions' }, ui.button(t('completion.confirm'), async () => {
        const ok = await ui.confirm(t('completion.confirm.text', { n: fmt.number(waiting) }),
          { title: t('completion.confirm'), confirmLabel: t('completion.confirm') });
        if (!ok) return;
        try {
          const result = await api.post(`${base}/completion`);
          ui.toast(t('completion.done', { n: fmt.number(result.newlyCompleted) }), 'success');
          await refreshCourse();
          await graduates(true);
        } catch (error) {
          ui.toast(ui.errorText(error), 'error');
        }
      }, { kind: 'primary', id: 'completion-confirm' }))) : null;
    const table = ui.table({
      caption: t('graduates.caption', { total: fmt.number(page.total) }),
      empty: t('graduates.none'),
      rows: page.items,
      columns: [
        { key: 'person', label: t('enrolment.person'), rowHeader: true, render: g => personName(ctx, g) },
        { key: 'completedAt', label: t('graduate.completedAt'), render: g => fmt.date(g.completedAt) },
        { key: 'certificateNumber', label: t('graduate.certificateNumber') },
        staff ? { key: 'certificate', label: t('graduate.certificate'), render: g => ui.button(t('graduate.certificate.download'), async () => {
          try {
            const name = await api.download(`${base}/enrolments/${g.enrolmentId}/certificate`);
            ui.toast(t('download.done', { file: name }), 'success');
          } catch (error) {
            ui.toast(ui.errorText(error), 'error');
          }
        }, { 'aria-label': t('graduate.certificate.label', { name: personName(ctx, g) }), 'data-enrolment': g.enrolmentId }) } : null,
      ].filter(Boolean),
    });
    const list = ui.section(t('graduates.title'), table);
    list.id = 'graduates';
    body.replaceChildren(...[confirmSection, list].filter(Boolean));
    if (focus) focusOn(list);
  }
}

