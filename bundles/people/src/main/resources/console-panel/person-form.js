// Registering a person and editing a profile. The fields are named after the API's JSON paths
// (availability.hoursPerWeek, residency.movedOn, ...) so that the API's field errors land next to
// them; list items (skills[2], portfolio[0], consents[0].givenOn) are shown at their list's field.

import {
  LIFESTYLE, ORIGINS, PHASES, PURPOSES, WEEKDAYS, WINDOWS, choices, lines, loadSkills, profileHref, tags, today,
} from './common.js';

/** Moves the API's errors of list items onto the fields that hold the lists. */
function mapErrors(error, sentSkills, curated) {
  if (!error || !error.fields) return error;
  const mapped = {};
  const add = (name, message) => { mapped[name] = mapped[name] ? `${mapped[name]} / ${message}` : message; };
  for (const [field, message] of Object.entries(error.fields)) {
    let m;
    if ((m = /^skills\[(\d+)\]$/.exec(field))) {
      add(curated.has(sentSkills[Number(m[1])]) ? 'skills' : 'skillTags', message);
    } else if ((m = /^consents\[\d+\]\.(givenOn|noticeVersion)$/.exec(field))) {
      add(`consents.${m[1]}`, message);
    } else if ((m = /^(consents|portfolio|preferredWork|lifestyle|availability\.weekdays|availability\.windows)\[\d+\]/.exec(field))) {
      add(m[1], message);
    } else {
      add(field, message);
    }
  }
  error.fields = mapped;
  return error;
}

export async function mount(element, ctx, id) {
  const { t, ui, api } = ctx;
  const h = ui.h;
  if (!ctx.hasRole('staff')) {
    element.replaceChildren(h('div', { class: 'card' }, h('p', null, t('form.forbidden'))));
    return;
  }
  const [vocabulary, person] = await Promise.all([loadSkills(ctx),
    id ? api.get(`/api/people/${encodeURIComponent(id)}?purpose=${encodeURIComponent(t('audit.purpose.edit'))}`) : null]);
  if (person) ctx.setTitle(t('form.edit.title', { name: person.name }));
  const curated = new Set(vocabulary.map(s => s.code));
  const p = person || {};
  const a = p.availability || {};
  const r = p.residency || {};
  const yesNo = [{ value: 'true', label: t('yes') }, { value: 'false', label: t('no') }];

  const fields = [
    { name: 'name', label: t('person.name'), required: true, autocomplete: 'off', value: p.name, maxLength: 100 },
    { name: 'kana', label: t('person.kana'), required: true, autocomplete: 'off', value: p.kana, help: t('form.kana.help'), maxLength: 100 },
    { name: 'email', label: t('person.email'), type: 'email', autocomplete: 'off', value: p.email },
    { name: 'phone', label: t('person.phone'), type: 'tel', autocomplete: 'off', value: p.phone },
    { name: 'district', label: t('person.district'), value: p.district, help: t('form.district.help') },
    { name: 'registeredOn', label: t('person.registeredOn'), type: 'date', value: p.registeredOn, help: person ? null : t('form.registeredOn.help') },
    { name: 'skills', label: t('person.skills'), type: 'checkboxes', value: (p.skills || []).filter(s => curated.has(s)),
      options: vocabulary.map(s => ({ value: s.code, label: s.label[ctx.lang] || s.label.ja })) },
    { name: 'skillTags', label: t('form.skillTags'), value: (p.skills || []).filter(s => !curated.has(s)).join('、'), help: t('form.skillTags.help') },
    { name: 'portfolio', label: t('person.portfolio'), type: 'textarea', rows: 2, value: (p.portfolio || []).join('\n'), help: t('form.lines.urls') },
    { name: 'availability.hoursPerWeek', label: t('form.hoursPerWeek'), type: 'number', min: 0, max: 168, value: a.hoursPerWeek },
    { name: 'availability.weekdays', label: t('person.weekdays'), type: 'checkboxes', value: a.weekdays || [], options: choices(t, 'weekday', WEEKDAYS) },
    { name: 'availability.windows', label: t('person.windows'), type: 'checkboxes', value: a.windows || [], options: choices(t, 'window', WINDOWS) },
    { name: 'preferredWork', label: t('person.preferredWork'), type: 'textarea', rows: 2, value: (p.preferredWork || []).join('\n'), help: t('form.lines') },
    { name: 'residency.origin', label: t('person.origin'), type: 'select', value: r.origin, options: choices(t, 'origin', ORIGINS) },
    { name: 'residency.movedOn', label: t('person.movedOn'), type: 'date', value: r.movedOn, help: t('form.movedOn.help') },
    { name: 'residency.phase', label: t('person.phase'), type: 'select', value: r.phase, options: choices(t, 'phase', PHASES), help: t('form.phase.help') },
    { name: 'lifestyle', label: t('person.lifestyle'), type: 'checkboxes', value: p.lifestyle || [], options: choices(t, 'lifestyle', LIFESTYLE),
      help: t('form.sensitive') },
    { name: 'residency.householdSize', label: t('person.householdSize'), type: 'number', min: 1, max: 20, value: r.householdSize, help: t('form.sensitive') },
    { name: 'residency.withFamily', label: t('person.withFamily'), type: 'select', options: yesNo, placeholder: t('form.unanswered'),
      value: r.withFamily === true || r.withFamily === false ? String(r.withFamily) : null, help: t('form.sensitive') },
  ];
  if (!person) {
    fields.push(
      { name: 'consents', label: t('form.consents'), type: 'checkboxes', options: choices(t, 'purpose', PURPOSES), help: t('form.consents.help') },
      { name: 'consents.givenOn', label: t('consent.givenOn'), type: 'date', value: today() },
      { name: 'consents.noticeVersion', label: t('consent.noticeVersion'), help: t('consent.noticeVersion.help'), maxLength: 20 });
  }

  const form = ui.form({
    id: person ? 'person-edit' : 'person-new',
    fields,
    submitLabel: person ? t('form.save') : t('form.register'),
    cancelLabel: t('form.cancel'),
    onCancel: () => { location.hash = person ? profileHref(person.id) : '#/people/search'; },
    onSubmit: async (v) => {
      const skills = [...v.skills, ...tags(v.skillTags)];
      const consents = person ? undefined : v.consents.map(purpose => ({
        purpose, givenOn: v['consents.givenOn'], noticeVersion: v['consents.noticeVersion'] }));
      if (consents && consents.length && !v['consents.noticeVersion']) {
        form.showErrors({ 'consents.noticeVersion': t('form.required') }, t('form.invalid'));
        return;
      }
      const body = {
        name: v.name, kana: v.kana, email: v.email, phone: v.phone, district: v.district, registeredOn: v.registeredOn,
        skills, portfolio: lines(v.portfolio),
        availability: { hoursPerWeek: v['availability.hoursPerWeek'], weekdays: v['availability.weekdays'], windows: v['availability.windows'] },
        lifestyle: v.lifestyle, preferredWork: lines(v.preferredWork),
        residency: { origin: v['residency.origin'], movedOn: v['residency.movedOn'], householdSize: v['residency.householdSize'],
          withFamily: v['residency.withFamily'] === null ? null : v['residency.withFamily'] === 'true', phase: v['residency.phase'] },
        consents,
        version: person ? person.version : undefined,
      };
      let saved;
      try {
        saved = person ? await api.put(`/api/people/${encodeURIComponent(person.id)}`, body) : await api.post('/api/people', body);
      } catch (error) {
        if (error.status === 409) {
          error.message = t('form.conflict');
        }
        throw mapErrors(error, skills, curated);
      }
      ui.toast(t(person ? 'form.saved' : 'form.registered', { name: saved.name }), 'success');
      location.hash = profileHref(saved.id);
    },
  });
  element.replaceChildren(ui.section(person ? t('form.edit.section') : t('form.new.section'),
    h('p', { class: 'help' }, t('form.text')), form));
}
