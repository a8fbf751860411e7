// Events and exchange meetings: the list, planning, registrations and check-in at the door.

import { back, island, nest, options, render, text, today } from './common.js';

const KINDS = ['EXCHANGE_MEETING', 'STUDY_SESSION', 'FREELANCER_CAFE', 'MARKET_DAY'];
const KIND_LABELS = {
  EXCHANGE_MEETING: { ja: '交流会', en: 'Exchange meeting' },
  STUDY_SESSION: { ja: '勉強会', en: 'Study session' },
  FREELANCER_CAFE: { ja: 'フリーランスカフェ', en: 'Freelancer cafe' },
  MARKET_DAY: { ja: 'マルシェ・販売会', en: 'Market day' },
};

function eventFields(ctx, e = {}) {
  const t = ctx.t;
  return [
    { name: 'title.ja', label: t('common.titleJa'), required: true, value: e.title?.ja },
    { name: 'title.en', label: t('common.titleEn'), value: e.title && e.title.en !== e.title.ja ? e.title.en : null },
    { name: 'description.ja', label: t('common.descriptionJa'), type: 'textarea', value: e.description?.ja },
    { name: 'kind', label: t('events.kind'), type: 'select', required: true, value: e.kind || 'EXCHANGE_MEETING',
      options: options(KINDS.map(k => ({ code: k, label: KIND_LABELS[k] })), ctx.lang) },
    { name: 'startsAt', label: t('events.startsAt'), type: 'datetime-local', required: true, value: e.startsAt?.slice(0, 16) },
    { name: 'endsAt', label: t('events.endsAt'), type: 'datetime-local', required: true, value: e.endsAt?.slice(0, 16) },
    { name: 'place', label: t('events.place'), value: e.place },
    { name: 'onlineUrl', label: t('events.onlineUrl'), type: 'url', value: e.onlineUrl },
    { name: 'capacity', label: t('events.capacity'), type: 'number', min: 1, max: 100000, value: e.capacity, help: t('events.capacity.help') },
    { name: 'waitlist', label: t('events.waitlist'), type: 'checkbox', value: e.waitlist ?? true },
    { name: 'visibility', label: t('events.visibility'), type: 'select', required: true, value: e.visibility || 'PUBLIC',
      options: [{ value: 'PUBLIC', label: t('events.visibility.PUBLIC') }, { value: 'INTERNAL', label: t('events.visibility.INTERNAL') }] },
  ];
}

function eventBody(values, version) {
  const body = nest(values);
  body.waitlist = !!values.waitlist;
  if (version !== undefined) body.version = version;
  return body;
}

function statusBadge(ctx, e) {
  return e.status === 'CANCELLED' ? ctx.ui.badge(ctx.t('events.cancelled'), 'danger') : null;
}

export async function list(element, ctx) {
  const { ui, t, fmt, api } = ctx;
  const h = ui.h;
  let past = false;
  const tableHolder = h('div');
  const load = async (offset = 0) => {
    const from = past ? '' : `&from=${today()}`;
    const page = await api.get(`/api/community/events?offset=${offset}&limit=20${from}`);
    tableHolder.replaceChildren(ui.table({
      caption: t('events.upcoming'), captionHidden: true, rows: page.items,
      onRowClick: (e) => ctx.navigate(`events/${e.id}`),
      columns: [
        { key: 'startsAt', label: t('events.startsAt'), render: e => fmt.dateTime(island(e.startsAt)) },
        { key: 'title', label: t('common.title'), rowHeader: true,
          render: e => h('a', { href: `#/community/events/${e.id}` }, text(e.title, ctx.lang)) },
        { key: 'kind', label: t('events.kind'), render: e => text(e.kindLabel, ctx.lang) },
        { key: 'place', label: t('events.place'), render: e => e.place || e.onlineUrl || '' },
        { key: 'attendance', label: t('events.registered'), align: 'end',
          render: e => `${fmt.number(e.attendance.registered)}${e.capacity ? ' / ' + fmt.number(e.capacity) : ''}` },
        { key: 'checkedIn', label: t('events.checkedIn'), align: 'end', render: e => fmt.number(e.attendance.checkedIn) },
        { key: 'status', label: t('common.status'), render: e => statusBadge(ctx, e) },
      ],
    }), ui.pager(page, load));
  };
  const toggle = h('label', { class: 'choice' }, h('input', { type: 'checkbox', onchange: (ev) => { past = ev.target.checked; load(0); } }),
    ' ', t('events.past'));
  const form = ui.form({
    fields: eventFields(ctx), submitLabel: t('events.new'),
    onSubmit: async (values) => {
      const created = await api.post('/api/community/events', eventBody(values));
      ui.toast(t('common.saved'), 'success');
      ctx.navigate(`events/${created.id}`);
    },
  });
  const feed = `${location.origin}/api/community/public/calendar.ics`;
  await render(element, ctx, async () => {
    await load(0);
    return [
      ui.section(t('events.upcoming'), toggle, tableHolder),
      ui.section(t('events.new'), form),
      ui.section(t('events.calendar'), h('p', null, t('events.calendar.help')), h('p', null, h('a', { href: feed }, feed))),
    ];
  });
}

export async function detail(element, ctx, id) {
  const { ui, t, fmt, api } = ctx;
  const h = ui.h;
  const base = `/api/community/events/${id}`;
  const reload = () => detail(element, ctx, id);
  await render(element, ctx, async () => {
    const [e, page] = await Promise.all([api.get(base), api.get(`${base}/registrations?limit=500`)]);
    ctx.setTitle(text(e.title, ctx.lang));
    const a = e.attendance;
    const info = ui.dl([
      [t('events.kind'), text(e.kindLabel, ctx.lang)],
      [t('events.startsAt'), fmt.dateTime(island(e.startsAt))],
      [t('events.endsAt'), fmt.dateTime(island(e.endsAt))],
      [t('events.place'), e.place || ''],
      e.onlineUrl ? [t('events.onlineUrl'), e.onlineUrl] : null,
      [t('events.visibility'), t(`events.visibility.${e.visibility}`)],
      [t('common.status'), statusBadge(ctx, e) || '—'],
    ]);
    const counts = ui.dl([
      [t('events.registered'), `${fmt.number(a.registered)}${e.capacity ? ' / ' + fmt.number(e.capacity) : ''}`],
      [t('events.waitlisted'), fmt.number(a.waitlisted)],
      [t('events.checkedIn'), fmt.number(a.checkedIn)],
      [t('events.visitors'), fmt.number(a.unregisteredVisitors)],
      [t('events.attendance'), fmt.number(a.attendance)],
      a.placesLeft === undefined || a.placesLeft === null ? null : [t('events.placesLeft'), fmt.number(a.placesLeft)],
    ]);
    const cancelButton = e.status === 'CANCELLED'
      ? ui.button(t('events.reinstate'), async () => { await api.post(`${base}/reinstate`, {}); reload(); })
      : ui.button(t('events.cancel'), async () => {
        if (await ui.confirm(t('events.cancel.confirm'), { danger: true, confirmLabel: t('events.cancel') })) {
          await api.post(`${base}/cancel`, {});
          reload();
        }
      }, { kind: 'danger' });
    const checkIn = ui.form({
      fields: [{ name: 'personId', label: t('common.person'), required: true, autocomplete: 'off' }],
      submitLabel: t('events.checkIn'),
      onSubmit: async (values) => {
        const r = await api.post(`${base}/check-ins`, values);
        ui.toast(t('events.checkedIn.done', { name: r.personName || r.personId }), 'success');
        reload();
      },
    });
    const register = ui.form({
      fields: [{ name: 'personId', label: t('common.person'), required: true, autocomplete: 'off' },
        { name: 'note', label: t('common.note') }],
      submitLabel: t('events.register'),
      onSubmit: async (values) => {
        const r = await api.post(`${base}/registrations`, values);
        ui.toast(`${t('events.code')}: ${r.checkInCode}`, 'success');
        reload();
      },
    });
    const visitors = ui.form({
      fields: [{ name: 'count', label: t('events.visitors.count'), type: 'number', min: 0, required: true, value: a.unregisteredVisitors }],
      submitLabel: t('events.visitors.set'),
      onSubmit: async (values) => { await api.put(`${base}/visitors`, values); ui.toast(t('common.saved'), 'success'); reload(); },
    });
    const edit = ui.form({
      fields: eventFields(ctx, e), submitLabel: t('common.save'),
      onSubmit: async (values) => { await api.put(base, eventBody(values, e.version)); ui.toast(t('common.saved'), 'success'); reload(); },
    });
    const registrations = ui.table({
      caption: t('events.registrations'), captionHidden: true, rows: page.items,
      columns: [
        { key: 'person', label: t('common.name'), rowHeader: true, render: r => `${r.personName || ''} (${r.personId})` },
        { key: 'status', label: t('common.status'), render: r => r.status === 'WAITLISTED'
          ? ui.badge(`${t('events.waitlisted')} ${t('events.position', { n: r.waitlistPosition })}`, 'warning')
          : r.status === 'CANCELLED' ? ui.badge(t('events.cancelled'), 'neutral') : ui.badge(t('events.registered'), 'info') },
        { key: 'code', label: t('events.code'), render: r => h('span', { class: 'community-code' }, r.checkInCode) },
        { key: 'checkedIn', label: t('events.checkedIn'), render: r => r.checkedIn
          ? `${fmt.dateTime(r.checkedInAt)} · ${r.checkedInBy === 'self' ? t('events.self') : r.checkedInBy}${r.walkIn ? ' · ' + t('events.walkIn') : ''}` : '' },
        { key: 'actions', label: t('common.actions'), render: r => (r.checkedIn || r.status === 'CANCELLED') ? null : h('span', { class: 'actions' },
          ui.button(t('events.checkIn'), async () => {
            try {
              await api.post(`${base}/check-ins`, { personId: r.personId });
              ui.toast(t('events.checkedIn.done', { name: r.personName || r.personId }), 'success');
              reload();
            } catch (error) { ui.toast(ui.errorText(error), 'error'); }
          }, { kind: 'primary', 'aria-label': `${t('events.checkIn')}: ${r.personName || r.personId}` }),
          ui.button(t('events.cancelRegistration'), async () => {
            try { await api.post(`${base}/registrations/${r.id}/cancel`, {}); reload(); } catch (error) { ui.toast(ui.errorText(error), 'error'); }
          }, { 'aria-label': `${t('events.cancelRegistration')}: ${r.personName || r.personId}` })) },
      ],
    });
    return [
      back(ctx, 'events'),
      h('div', { class: 'community-grid' }, ui.section(text(e.title, ctx.lang), info, h('p', { class: 'actions' }, cancelButton)),
        ui.section(t('events.attendance'), counts)),
      ui.section(t('events.checkInPerson'), checkIn),
      ui.section(t('events.registrations'), registrations),
      h('div', { class: 'community-grid' }, ui.section(t('events.register'), register), ui.section(t('events.visitors.set'), visitors)),
      ui.section(t('common.edit'), edit),
    ];
  });
}
