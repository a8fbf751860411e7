// The contest card on the console's home page. Staff: the contests whose entry, judging or voting
// window is open or about to open, contests waiting for their results to be published, and the
// markets coming up (and those over but not closed yet). Jurors: the contests they judge now.

const API = '/api/contest';
const SHOWN = 5;

function text(value, lang) {
  if (!value) return '';
  return (lang === 'en' ? value.en : value.ja) || value.ja || '';
}

/** Today's date on the island, as the API writes dates. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/** Where a contest stands now: the window open, the next to open, or results to publish. */
function stage(c) {
  const windows = [['entry', c.entryWindow], ['judging', c.judgingWindow], ['voting', c.votingWindow]];
  const open = windows.filter(([, w]) => w.phase === 'OPEN');
  if (open.length) return { kind: 'open', windows: open };
  const next = windows.filter(([, w]) => w.phase === 'BEFORE').sort((a, b) => a[1].opens.localeCompare(b[1].opens))[0];
  if (next) return { kind: 'next', windows: [next] };
  return c.published ? null : { kind: 'publish', windows: [] };
}

export async function mount(element, ctx) {
  const { t, ui, api, fmt, lang } = ctx;
  const h = ui.h;
  element.replaceChildren(ui.loading());
  try {
    if (!ctx.hasRole('staff')) {
      element.replaceChildren(await juror(ctx));
      return;
    }
    const [contests, markets] = await Promise.all([api.get(`${API}/contests?limit=20`), api.get(`${API}/markets?limit=50`)]);
    const staged = contests.items.map(c => ({ c, s: stage(c) })).filter(x => x.s);
    const live = staged.filter(x => x.s.kind !== 'publish');
    const toPublish = staged.filter(x => x.s.kind === 'publish');
    const day = today();
    const upcoming = markets.items.filter(m => !m.closed && m.endsOn >= day).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    const toClose = markets.items.filter(m => !m.closed && m.endsOn < day);
    const contestLink = c => h('a', { href: `#/contest/contests/${c.id}` }, text(c.title, lang));
    const marketLink = m => h('a', { href: `#/contest/markets/${m.id}` }, text(m.name, lang));
    const windowLine = ([name, w], kind) => h('span', { class: 'contest-home-window' },
      ui.badge(t(`home.window.${name}`), kind === 'open' ? 'success' : 'neutral'), ' ',
      kind === 'open' ? t('home.until', { date: fmt.dateTime(w.closes) }) : t('home.from', { date: fmt.dateTime(w.opens) }));
    const attention = [
      ...toPublish.slice(0, SHOWN).map(({ c }) => h('li', null, contestLink(c), ' ', ui.badge(t('home.publish'), 'warning'))),
      ...toClose.slice(0, SHOWN).map(m => h('li', null, marketLink(m), ' ', ui.badge(t('home.closeMarket'), 'warning'))),
    ];
    const days = m => (m.startsOn === m.endsOn ? fmt.date(m.startsOn) : `${fmt.date(m.startsOn)} – ${fmt.date(m.endsOn)}`);
    element.replaceChildren(h('div', { class: 'contest-home' },
      h('h3', null, t('home.contests')),
      live.length ? h('ul', { class: 'contest-home-list' }, live.slice(0, SHOWN).map(({ c, s }) => h('li', null,
        contestLink(c), ' ', h('span', { class: 'contest-home-meta' }, t('home.entries', { n: fmt.number(c.entries) })),
        h('div', null, s.windows.map(w => windowLine(w, s.kind))))))
        : ui.empty(t('home.contests.none')),
      attention.length ? [h('h3', null, t('home.attention')), h('ul', { class: 'contest-home-list' }, attention)] : null,
      h('h3', null, t('home.markets')),
      upcoming.length ? h('ul', { class: 'contest-home-list' }, upcoming.slice(0, SHOWN).map(m => h('li', null,
        marketLink(m), ' ', h('span', { class: 'contest-home-meta' }, [days(m), m.venue].filter(Boolean).join(' · ')))))
        : ui.empty(t('home.markets.none')),
      h('p', null, h('a', { href: '#/contest/contests' }, t('home.all')))));
  } catch (error) {
    element.replaceChildren(ui.error(error));
  }
}

/** A juror's card: the contests assigned to them whose judging is open or about to open. */
async function juror(ctx) {
  const { t, ui, api, fmt, lang } = ctx;
  const h = ui.h;
  if (!ctx.hasRole('juror')) return ui.empty(t('home.contests.none'));
  const assigned = (await api.get(`${API}/contests/assigned`)).filter(c => c.judgingWindow.phase !== 'CLOSED');
  return h('div', { class: 'contest-home' },
    h('h3', null, t('home.judging')),
    assigned.length ? h('ul', { class: 'contest-home-list' }, assigned.map(c => h('li', null,
      h('a', { href: `#/contest/jury/${c.id}` }, text(c.title, lang)), ' ',
      c.judgingWindow.phase === 'OPEN' ? [ui.badge(t('phase.OPEN'), 'success'), ' ', t('home.until', { date: fmt.dateTime(c.judgingWindow.closes) })]
        : [ui.badge(t('phase.BEFORE'), 'neutral'), ' ', t('home.from', { date: fmt.dateTime(c.judgingWindow.opens) })])))
      : ui.empty(t('jury.empty')));
}
