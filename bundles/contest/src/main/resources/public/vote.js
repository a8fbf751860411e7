// The Audience Award ballot: a visitor opens it from the QR code on a ticket
// (vote.html?contest=<id>&code=<code>), picks one work and votes once.
import { call, h, localized, setUp, show, t, time } from './public.js';

const params = new URLSearchParams(location.search);
const contest = /^\d+$/.test(params.get('contest') || '') ? params.get('contest') : null;
let code = params.get('code') || '';
let ballot = null;
let receipt = null;
let choice = null;
let problem = null;

function problemText(status, body) {
  const field = body && Array.isArray(body.errors) && body.errors[0] ? body.errors[0].field : null;
  if (status === 429 || status === 503) return t('busy');
  if (status === 0 || status >= 500) return t('failed');
  if (status === 409) return t('codeUsed');
  if (field === 'code') return /void/i.test(body.errors[0].message || '') ? t('codeVoided') : t('codeWrong');
  if (field === 'votingWindow') return t('windowClosed');
  if (field === 'entryNumber') return t('noWork');
  if (status === 404) return t('notOpen');
  return t('codeWrong');
}

function render() {
  if (!contest) {
    show(h('p', { class: 'alert', role: 'alert' }, t('noContest')));
    return;
  }
  if (receipt) {
    show(h('div', { class: 'thanks', role: 'status' },
      h('p', null, h('strong', null, t('thanks'))),
      h('p', null, t('receipt', { n: receipt.entryNumber, title: receipt.title, time: time(receipt.castAt) }))));
    return;
  }
  if (!ballot) {
    show(h('p', { class: 'alert', role: 'alert' }, problem || t('notOpen')));
    return;
  }
  const error = h('p', { id: 'form-error', class: 'error', role: 'alert', hidden: !problem }, problem || '');
  const codeInput = h('input', { type: 'text', id: 'code', name: 'code', value: code, autocomplete: 'off', autocapitalize: 'characters',
    spellcheck: 'false', inputmode: 'text', maxlength: 40, required: true, 'aria-describedby': 'code-hint' });
  codeInput.addEventListener('input', () => { code = codeInput.value; });
  const works = h('ul', { class: 'works' }, ballot.entries.map(e => h('li', { class: 'work' },
    h('label', null,
      h('input', { type: 'radio', name: 'work', value: e.number, checked: choice === e.number,
        onchange: () => { choice = e.number; } }),
      e.thumbnails && e.thumbnails.length
        ? h('img', { src: e.thumbnails[0], alt: t('photoOf', { title: e.title }), loading: 'lazy', width: 96, height: 96 }) : null,
      h('span', null,
        h('span', { class: 'number' }, t('number', { n: e.number })),
        h('span', { class: 'name' }, e.title),
        h('span', { class: 'note' }, [localized(e.category), e.materials].filter(Boolean).join(' · ')))))));
  const submit = h('button', { type: 'submit', class: 'primary' }, t('vote'));
  const form = h('form', { novalidate: true, 'aria-describedby': 'only-once' },
    h('p', { class: 'note' }, localized(ballot.title)),
    h('p', { class: 'note' }, t('closes', { time: time(ballot.votingCloses) })),
    h('label', { class: 'field', for: 'code' }, t('code')),
    codeInput,
    h('p', { id: 'code-hint', class: 'note' }, t('codeHint')),
    h('fieldset', null, h('legend', null, t('works')), works),
    h('p', { id: 'only-once', class: 'note' }, t('onlyOnce')),
    error,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!code.trim()) return fail(t('enterCode'), codeInput);
    if (choice === null) return fail(t('chooseWork'), works.querySelector('input'));
    submit.disabled = true;
    submit.textContent = t('voting');
    const answer = await call('POST', `/api/contest/public/contests/${contest}/votes`, { code: code.trim(), entryNumber: choice });
    if (answer.status === 201) {
      receipt = answer.body;
      problem = null;
      render();
      document.getElementById('main').focus();
      return;
    }
    problem = problemText(answer.status, answer.body);
    render();
    document.getElementById('form-error').focus();
  });
  show(form);

  function fail(text, focus) {
    error.textContent = text;
    error.hidden = false;
    if (focus) focus.focus();
  }
}

async function load() {
  if (contest) {
    const answer = await call('GET', `/api/contest/public/contests/${contest}/ballot`);
    if (answer.status === 200) ballot = answer.body;
    else problem = answer.status === 404 ? t('notOpen') : problemText(answer.status, answer.body);
  }
  setUp(render);
}

load();
