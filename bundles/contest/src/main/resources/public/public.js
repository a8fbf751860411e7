// What the contest's public pages share: their texts in Japanese and English, the language switch,
// calls to the public API and a small element builder. No library: the pages load on a phone at the
// market in a moment.

const TEXTS = {
  ja: {
    skip: '本文へ', brand: 'あまみハンドメイド大賞', loading: '読み込み中…', language: 'English',
    voteTitle: '観客賞の投票', resultsTitle: '結果発表',
    closes: '投票の締め切り: {time}',
    code: '投票コード（券に印刷された10文字）', codeHint: '例: ABCDE-23456。ハイフンはあってもなくてもかまいません。',
    works: '投票する作品をひとつ選んでください', number: '作品番号 {n}',
    vote: 'この作品に投票する', voting: '投票しています…',
    thanks: '投票ありがとうございました。', receipt: '作品番号 {n}「{title}」に投票しました（{time}）。',
    onlyOnce: '投票はひとつの券につき一度だけで、変更できません。',
    chooseWork: '作品をひとつ選んでください。', enterCode: '投票コードを入力してください。',
    notOpen: '今は投票を受け付けていません。投票期間を会場の案内でご確認ください。',
    noContest: '投票するコンテストが指定されていません。券の QR コードから開いてください。',
    codeWrong: 'この投票コードは使えません。券に印刷された10文字を確かめてください。',
    codeVoided: 'この券は無効になっています。会場の係員にお尋ねください。',
    codeUsed: 'この券ではすでに投票されています。投票は変更できません。',
    windowClosed: '投票期間外です。',
    noWork: 'その番号の作品はありません。',
    busy: '混み合っています。少し待ってからもう一度お試しください。',
    failed: '通信できませんでした。時間をおいてもう一度お試しください。',
    noResults: 'まだ結果は発表されていません。',
    maker: '作者: {name}', seeResults: '結果発表を見る', photoOf: '「{title}」の写真',
  },
  en: {
    skip: 'Skip to content', brand: 'Amami Handmade Grand Prize', loading: 'Loading…', language: '日本語',
    voteTitle: 'Audience Award vote', resultsTitle: 'Results',
    closes: 'Voting closes: {time}',
    code: 'Vote code (the 10 characters printed on your ticket)', codeHint: 'For example ABCDE-23456, with or without the dash.',
    works: 'Choose one work to vote for', number: 'Work no. {n}',
    vote: 'Vote for this work', voting: 'Voting…',
    thanks: 'Thank you for voting.', receipt: 'You voted for work no. {n}, "{title}" ({time}).',
    onlyOnce: 'Each ticket votes once and the vote cannot be changed.',
    chooseWork: 'Choose one work.', enterCode: 'Enter your vote code.',
    notOpen: 'Voting is not open now. Please see the times announced at the venue.',
    noContest: 'No contest was given. Please open this page from the QR code on your ticket.',
    codeWrong: 'This vote code cannot be used. Please check the 10 characters printed on your ticket.',
    codeVoided: 'This ticket was withdrawn. Please ask the staff at the venue.',
    codeUsed: 'This ticket has already voted. A vote cannot be changed.',
    windowClosed: 'Voting is closed.',
    noWork: 'There is no work with that number.',
    busy: 'Many people are voting. Please wait a moment and try again.',
    failed: 'The server could not be reached. Please try again later.',
    noResults: 'No results have been published yet.',
    maker: 'By {name}', seeResults: 'See the results', photoOf: 'Photo of "{title}"',
  },
};

const params = new URLSearchParams(location.search);
let lang = ['ja', 'en'].includes(params.get('lang')) ? params.get('lang')
  : (localStorage.getItem('fi.public.lang') || ((navigator.language || 'ja').startsWith('ja') ? 'ja' : 'en'));
if (!['ja', 'en'].includes(lang)) lang = 'ja';

/** The page's language. */
export const language = () => lang;

/** A text in the page's language, with {placeholders} filled in. */
export function t(key, vars = {}) {
  const text = (TEXTS[lang] && TEXTS[lang][key]) || TEXTS.ja[key] || key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

/** A { ja, en } text of the API in the page's language. */
export function localized(text) {
  if (!text) return '';
  return (lang === 'en' && text.en) || text.ja || text.en || '';
}

/** A time in Japan, written the way the page's language writes it. */
export function time(instant) {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short',
  }).format(new Date(instant));
}

/** Builds an element: h('p', { class: 'note' }, 'text', child, ...). */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Calls the public API: { status, body } (status 0 when the server could not be reached). */
export async function call(method, path, body) {
  try {
    const response = await fetch(path, {
      method,
      headers: { 'Accept': 'application/json, application/problem+json', 'Accept-Language': lang,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const text = await response.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = null; }
    return { status: response.status, body: parsed };
  } catch {
    return { status: 0, body: null };
  }
}

/** Sets the fixed texts of the page and the language button; render draws the rest again on a switch. */
export function setUp(render) {
  const apply = () => {
    document.documentElement.lang = lang;
    for (const element of document.querySelectorAll('[data-text]')) element.textContent = t(element.dataset.text);
    const button = document.getElementById('language');
    button.textContent = t('language');
    button.lang = lang === 'ja' ? 'en' : 'ja';
    document.title = `${document.getElementById('title').textContent} | ${t('brand')}`;
  };
  document.getElementById('language').addEventListener('click', () => {
    lang = lang === 'ja' ? 'en' : 'ja';
    localStorage.setItem('fi.public.lang', lang);
    apply();
    render();
  });
  apply();
  render();
}

/** Shows content in the page's live region. */
export function show(...children) {
  document.getElementById('content').replaceChildren(...children);
}
