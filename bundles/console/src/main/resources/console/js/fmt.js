// Formatting for the console: dates in the island's time zone, yen, numbers and fiscal years with
// their Japanese era. createFormat(lang) gives the ctx.fmt object panels receive.

const ZONE = 'Asia/Tokyo';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The start year of the fiscal year (April–March) a date falls in, reckoned in Japan. */
export function fiscalYearOf(value = new Date()) {
  const parsed = toDate(value);
  if (!parsed) return null;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: parsed.zone, year: 'numeric', month: 'numeric' })
    .formatToParts(parsed.date);
  const year = Number(parts.find(p => p.type === 'year').value);
  const month = Number(parts.find(p => p.type === 'month').value);
  return month >= 4 ? year : year - 1;
}

/** The era of a fiscal year: { ja: '令和', short: 'R', year: 7 } (2019 is 令和元年度, as the plan writes it). */
export function eraOf(year) {
  if (year >= 2019) return { ja: '令和', short: 'R', year: year - 2018 };
  if (year >= 1989) return { ja: '平成', short: 'H', year: year - 1988 };
  return null;
}

function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return isNaN(value) ? null : { date: value, zone: ZONE };
  const match = typeof value === 'string' && DATE_ONLY.exec(value);
  if (match) {
    return { date: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))), zone: 'UTC' };
  }
  const date = new Date(value);
  return isNaN(date) ? null : { date, zone: ZONE };
}

/**
 * The formatting functions of one language.
 * @param {'ja'|'en'} lang
 */
export function createFormat(lang) {
  const en = lang === 'en';
  const locale = en ? 'en-US' : 'ja-JP';
  const cache = new Map();
  const formatter = (zone, options) => {
    const key = zone + JSON.stringify(options);
    if (!cache.has(key)) cache.set(key, new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }));
    return cache.get(key);
  };
  const dateOptions = { year: 'numeric', month: en ? 'short' : 'long', day: 'numeric' };
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

  const fmt = {
    /** 2025年4月1日 / Apr 1, 2025 (a date, or the date of an instant in Japan). */
    date(value) {
      const parsed = toDate(value);
      return parsed ? formatter(parsed.zone, dateOptions).format(parsed.date) : (value ?? '') + '';
    },
    /** 2025年4月1日 14:30 / Apr 1, 2025, 2:30 PM (Japan time). */
    dateTime(value) {
      const parsed = toDate(value);
      if (!parsed) return (value ?? '') + '';
      return formatter(parsed.zone, { ...dateOptions, hour: 'numeric', minute: '2-digit' }).format(parsed.date);
    },
    /** 令和7年4月1日 / Apr 1, 2025 (R7): a date with its era. */
    eraDate(value) {
      const parsed = toDate(value);
      if (!parsed) return (value ?? '') + '';
      if (!en) {
        return new Intl.DateTimeFormat('ja-JP-u-ca-japanese',
          { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: parsed.zone })
          .format(parsed.date).replace(/^(令和|平成)1年/, '$1元年');
      }
      const iso = new Intl.DateTimeFormat('en-CA', { timeZone: parsed.zone }).format(parsed.date); // YYYY-MM-DD
      const year = Number(iso.slice(0, 4));
      const era = iso >= '2019-05-01' ? `R${year - 2018}` : iso >= '1989-01-08' ? `H${year - 1988}` : null;
      return fmt.date(value) + (era ? ` (${era})` : '');
    },
    /** ¥120,000 (integer yen). */
    yen(n) {
      if (n === null || n === undefined || n === '' || isNaN(Number(n))) return '';
      const value = Math.round(Number(n));
      return (value < 0 ? '-' : '') + '¥' + new Intl.NumberFormat(locale).format(Math.abs(value));
    },
    /** 1,234.5 */
    number(n, digits) {
      if (n === null || n === undefined || n === '' || isNaN(Number(n))) return '';
      return digits === undefined ? numberFormat.format(Number(n))
        : new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(n));
    },
    /** 92.5% for 92.5 (a value already in percent). */
    percent(n, digits = 1) {
      const number = fmt.number(n, digits);
      return number === '' ? '' : number + '%';
    },
    /** 令和7年度 / FY2025 (R7), for the fiscal year that starts in April 2025. */
    fiscalYear(year) {
      const y = Number(year);
      if (!Number.isInteger(y)) return (year ?? '') + '';
      const era = eraOf(y);
      if (en) return era ? `FY${y} (${era.short}${era.year})` : `FY${y}`;
      return era ? `${era.ja}${era.year === 1 ? '元' : era.year}年度` : `${y}年度`;
    },
    /** 令和7年度〜令和9年度 / FY2025–FY2027 (R7–R9). */
    fiscalYears(from, to) {
      if (Number(from) === Number(to)) return fmt.fiscalYear(from);
      if (!en) return `${fmt.fiscalYear(from)}〜${fmt.fiscalYear(to)}`;
      const a = eraOf(Number(from));
      const b = eraOf(Number(to));
      return `FY${from}–FY${to}` + (a && b ? ` (${a.short}${a.year}–${b.short}${b.year})` : '');
    },
    /** The fiscal year a date falls in (today by default). */
    fiscalYearOf,
  };
  return Object.freeze(fmt);
}
