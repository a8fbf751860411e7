// The ${titleEn} console panel (docs/console-panels.md of Freelance Island): the items of a fiscal
// year page by page, registering an item (staff), one item with its fields to change (staff) and
// deleting it (administrators). Everything through ctx: the API with the console's session, the
// labels of messages.ja.json / messages.en.json, and the shell's accessible building blocks.

const API = '/api/${programId}/items';

/** The statuses of an item, as the API's ItemStatus (PanelTest checks they agree). */
const STATUSES = ['OPEN', 'CLOSED'];

/** The list's filter, kept while the page lives, so that going back shows the same list. */
let filter = null;

function title(ctx, item) {
  return ctx.lang === 'en' ? item.title.en : item.title.ja;
}

/** The label of a status (the keys status.<STATUS>; PanelTest checks there is one for each). */
function statusLabel(ctx, status) {
  const key = 'status.' + status;
  return ctx.t(key);
}

function statusBadge(ctx, status) {
  return ctx.ui.badge(statusLabel(ctx, status), status === 'OPEN' ? 'info' : 'neutral');
}

function yearOptions(ctx) {
  const current = ctx.fmt.fiscalYearOf();
  const years = [];
  for (let year = current + 1; year >= current - 5; year--) {
    years.push({ value: String(year), label: ctx.fmt.fiscalYear(year) });
  }
  return years;
}

function statusOptions(ctx) {
  return STATUSES.map(status => ({ value: status, label: statusLabel(ctx, status) }));
}

/** The fields of an item, for registering and for changing it. */
function itemFields(ctx, item) {
  const { t } = ctx;
  return [
    { name: 'fiscalYear', label: t('item.fiscalYear'), type: 'select', required: true, options: yearOptions(ctx),
      value: String(item ? item.fiscalYear : ctx.fmt.fiscalYearOf()) },
    { name: 'titleJa', label: t('item.titleJa'), type: 'text', required: true, value: item ? item.title.ja : '' },
    { name: 'titleEn', label: t('item.titleEn'), type: 'text', value: item && item.title.en !== item.title.ja ? item.title.en : '' },
    { name: 'personId', label: t('item.personId'), type: 'text', help: t('item.personId.help'), value: item ? item.personId : '' },
    { name: 'startsOn', label: t('item.startsOn'), type: 'date', value: item ? item.startsOn : '' },
    { name: 'status', label: t('item.status'), type: 'select', options: statusOptions(ctx), value: item ? item.status : 'OPEN' },
  ];
}

function body(values, version) {
  return {
    fiscalYear: Number(values.fiscalYear),
    titleJa: values.titleJa,
    titleEn: values.titleEn,
    personId: values.personId,
    startsOn: values.startsOn,
    status: values.status,
    version: version,
  };
}

async function listView(element, ctx) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  if (!filter) filter = { fiscalYear: String(fmt.fiscalYearOf()), status: '', q: '' };
  const results = h('div', { 'aria-live': 'polite' });
  const showError = error => results.replaceChildren(ui.error(error));

  async function load(offset) {
    const params = new URLSearchParams({ offset: String(offset), limit: '50' });
    for (const [key, value] of Object.entries(filter)) {
      if (value) params.set(key, value);
    }
    const page = await api.get(API + '?' + params);
    results.replaceChildren(ui.table({
      caption: t('items.caption', { total: fmt.number(page.total) }),
      empty: t('items.none'),
      rows: page.items,
      onRowClick: item => ctx.navigate('items/' + item.id),
      columns: [
        { key: 'title', label: t('item.title'), rowHeader: true,
          render: item => h('a', { href: '#/' + ctx.moduleId + '/items/' + item.id }, title(ctx, item)) },
        { key: 'fiscalYear', label: t('item.fiscalYear'), render: item => fmt.fiscalYear(item.fiscalYear) },
        { key: 'startsOn', label: t('item.startsOn'), render: item => (item.startsOn ? fmt.date(item.startsOn) : t('none')) },
        { key: 'status', label: t('item.status'), render: item => statusBadge(ctx, item.status) },
      ],
    }), ui.pager(page, next => load(next).catch(showError)));
  }

  const search = ui.form({
    id: '${programId}-filter',
    fields: [
      { name: 'fiscalYear', label: t('item.fiscalYear'), type: 'select', placeholder: t('filter.allYears'),
        options: yearOptions(ctx), value: filter.fiscalYear },
      { name: 'status', label: t('item.status'), type: 'select', placeholder: t('filter.any'),
        options: statusOptions(ctx), value: filter.status },
      { name: 'q', label: t('filter.q'), type: 'search', value: filter.q },
    ],
    submitLabel: t('filter.show'),
    onSubmit: async (values) => {
      filter = { fiscalYear: values.fiscalYear || '', status: values.status || '', q: values.q || '' };
      await load(0);
    },
  });

  const sections = [ui.section(t('items.filter'), search), results];
  if (ctx.hasRole('staff')) {
    const create = ui.form({
      id: '${programId}-new',
      fields: itemFields(ctx, null),
      submitLabel: t('items.register'),
      onSubmit: async (values) => {
        const created = await api.post(API, body(values, null));
        ui.toast(t('items.registered', { title: title(ctx, created) }), 'success');
        ctx.navigate('items/' + created.id);
      },
    });
    sections.push(ui.section(t('items.new'), create));
  }
  element.replaceChildren(...sections);
  results.append(ui.loading());
  await load(0).catch(showError);
}

async function itemView(element, ctx, id) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  element.replaceChildren(ui.loading());
  let item;
  try {
    item = await api.get(API + '/' + encodeURIComponent(id));
  } catch (error) {
    element.replaceChildren(ui.error(error));
    return;
  }
  ctx.setTitle(title(ctx, item));
  const sections = [
    h('p', {}, h('a', { href: '#/' + ctx.moduleId + '/items' }, t('items.back'))),
    ui.section(t('item.details'), ui.dl([
      [t('item.fiscalYear'), fmt.fiscalYear(item.fiscalYear)],
      [t('item.titleJa'), item.title.ja],
      [t('item.titleEn'), item.title.en],
      [t('item.personId'), item.personId || t('none')],
      [t('item.startsOn'), item.startsOn ? fmt.date(item.startsOn) : t('none')],
      [t('item.status'), statusBadge(ctx, item.status)],
      [t('item.createdBy'), item.createdBy],
      [t('item.updatedAt'), fmt.dateTime(item.updatedAt + 'Z')],
    ])),
  ];
  if (ctx.hasRole('staff')) {
    sections.push(ui.section(t('item.edit'), ui.form({
      id: '${programId}-edit',
      fields: itemFields(ctx, item),
      submitLabel: t('item.save'),
      onSubmit: async (values) => {
        await api.put(API + '/' + item.id, body(values, item.version));
        ui.toast(t('item.saved'), 'success');
        await itemView(element, ctx, id);
      },
    })));
  }
  if (ctx.hasRole('admin')) {
    sections.push(h('div', { class: 'actions' }, ui.button(t('item.delete'), async () => {
      const sure = await ui.confirm(t('item.delete.confirm', { title: title(ctx, item) }),
        { confirmLabel: t('item.delete'), danger: true });
      if (!sure) return;
      try {
        await api.del(API + '/' + item.id);
        ui.toast(t('item.deleted'), 'success');
        ctx.navigate('items');
      } catch (error) {
        ui.toast(ui.errorText(error), 'error');
      }
    }, { kind: 'danger' })));
  }
  element.replaceChildren(...sections);
}

export async function mount(element, ctx) {
  const [first, id] = ctx.route.split('/');
  if (first === 'items' && id) {
    return itemView(element, ctx, id);
  }
  return listView(element, ctx);
}
