// What the people panel's views share: the registry's choices (codes of the REST API, labelled from
// the messages), the skill vocabulary, dates, and the mapping of the API's field errors onto fields.

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
export const WINDOWS = ['EARLY_MORNING', 'MORNING', 'AFTERNOON', 'EVENING', 'NIGHT'];
export const LIFESTYLE = ['CHILD_REARING', 'CAREGIVING', 'SIDE_JOB', 'REMOTE_ONLY'];
export const FLAGS = ['CHILD_REARING_FREELANCER', 'SIDE_JOB_FREELANCER', 'COMMUNITY_LEADER'];
export const PURPOSES = ['PROGRAM_ADMINISTRATION', 'STATISTICS', 'ROLE_MODEL', 'JOB_OFFERS'];
export const ORIGINS = ['ISLAND_BORN', 'U_TURN', 'I_TURN'];
export const PHASES = ['INTERESTED', 'VISITING', 'TRIAL_STAY', 'MOVED'];
export const SOURCES = ['SELF_REPORT', 'CONTRACT_RECORDS'];

/** Options of a select or a group of checkboxes: codes labelled by the messages "<prefix>.<code>". */
export function choices(t, prefix, codes) {
  return codes.map(code => ({ value: code, label: t(`${prefix}.${code}`) }));
}

/** Today's date on the island, as the API writes dates (2025-04-01). */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

let skills = null;

/** The curated skills ({ code, label: { ja, en } }), fetched once per page. */
export async function loadSkills(ctx) {
  if (!skills) {
    skills = ctx.api.get('/api/people/skills').catch((error) => {
      skills = null;
      throw error;
    });
  }
  return skills;
}

/** The label of a skill: the vocabulary's in the user's language, or a free tag as it is. */
export function skillLabel(ctx, vocabulary, code) {
  const skill = vocabulary.find(s => s.code === code);
  return skill ? (skill.label[ctx.lang] || skill.label.ja) : code;
}

/** The lines of a text area, trimmed, without empty ones. */
export function lines(text) {
  return String(text || '').split(/\r?\n/).map(s => s.trim()).filter(Boolean);
}

/** Tags typed in one field, separated by commas (either width) or the Japanese comma. */
export function tags(text) {
  return String(text || '').split(/[,、，]/).map(s => s.trim()).filter(Boolean);
}

/** The URL of the profile route. */
export function profileHref(id) {
  return `#/people/search/${encodeURIComponent(id)}`;
}

/** Moves the focus to the heading of a section (after an action changed what it shows). */
export function focusHeading(section) {
  const heading = section && section.querySelector('h2, h3');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

/** "週20時間・月 水 金" */
export function availability(ctx, a) {
  if (!a) return '';
  const days = (a.weekdays || []).slice().sort((x, y) => WEEKDAYS.indexOf(x) - WEEKDAYS.indexOf(y))
    .map(d => ctx.t(`weekday.short.${d}`)).join(' ');
  return [a.hoursPerWeek ? ctx.t('person.hours', { hours: ctx.fmt.number(a.hoursPerWeek) }) : null, days || null]
    .filter(Boolean).join(ctx.t('list.separator'));
}
