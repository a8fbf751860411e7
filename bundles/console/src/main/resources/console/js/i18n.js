// Messages: flat JSON objects {"key": "text {placeholder}"} per language, Japanese first.

export const LANGUAGES = ['ja', 'en'];
const STORAGE_KEY = 'freelance-island.console.lang';

/** The language the user chose last time, Japanese by default. */
export function preferredLanguage() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(stored)) return stored;
  } catch { /* storage may be disabled */ }
  return 'ja';
}

/** Remembers the user's language. */
export function rememberLanguage(lang) {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage may be disabled */ }
}

const loaded = new Map();

async function fetchMessages(url) {
  if (!loaded.has(url)) {
    loaded.set(url, fetch(url, { credentials: 'omit' })
      .then(r => (r.ok ? r.json() : {}))
      .then(m => (m && typeof m === 'object' && !Array.isArray(m) ? m : {}))
      .catch(() => ({})));
  }
  return loaded.get(url);
}

/** Forgets the messages loaded from a base path (a program that was upgraded or retired). */
export function forgetMessages(base) {
  for (const url of [...loaded.keys()]) {
    if (url.startsWith(base)) loaded.delete(url);
  }
}

/**
 * A translation function over the messages at base (messages.ja.json, messages.en.json): the text
 * in the language, else in Japanese, else the key; {name} placeholders are replaced by vars.name.
 */
export async function translator(base, lang, version = '') {
  const suffix = version ? `?v=${encodeURIComponent(version)}` : '';
  const [ja, own] = await Promise.all([
    fetchMessages(`${base}messages.ja.json${suffix}`),
    lang === 'ja' ? Promise.resolve(null) : fetchMessages(`${base}messages.${lang}.json${suffix}`),
  ]);
  return (key, vars) => {
    let text = (own && own[key]) ?? ja[key] ?? key;
    if (vars) text = String(text).replace(/\{(\w+)\}/g, (m, name) => (vars[name] ?? m) + '');
    return text;
  };
}

/** The text of a {ja, en} object in a language, falling back to Japanese. */
export function localized(text, lang) {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.ja ?? text.en ?? '';
}
