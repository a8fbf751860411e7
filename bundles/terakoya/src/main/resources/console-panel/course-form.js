// Creating and editing a course. Field names are the API's JSON paths (title.ja, completion.rule,
// ...) so the API's field errors are shown at their fields; the organisations teaching are typed one
// per line, instructors who are people of the registry are kept as they are.

import { FORMATS, RULES, choices, text, today, yearOptions } from './common.js';

function mapErrors(error, persons) {
  if (!error || !error.fields) return error;
  const mapped = {};
  for (const [field, message] of Object.entries(error.fields)) {
    const m = /^instructors(\[(\d+)\].*)?$/.exec(field);
    const name = m ? (m[2] !== undefined && Number(m[2]) < persons ? 'instructors.persons' : 'instructors') : field;
    mapped[name] = mapped[name] ? `${mapped[name]} / ${message}` : message;
  }
  error.fields = mapped;
  return error;
}

export async function mount(element, ctx, id) {
  const { t, ui, api, fmt } = ctx;
  const h = ui.h;
  if (!ctx.hasRole('staff')) {
    element.replaceChildren(h('div', { class: 'card' }, h('p', null, t('form.forbidden'))));
    return;
  }
  const [categories, course] = await Promise.all([api.get('/api/terakoya/categories'),
    id ? api.get(`/api/terakoya/courses/${encodeURIComponent(id)}`) : null]);
  const c = course || {};
  if (course) ctx.setTitle(t('form.edit.title', { title: text(ctx, course.title) }));
  const persons = (c.instructors || []).filter(i => i.personId);
  const organisations = (c.instructors || []).filter(i => !i.personId).map(i => i.organisation);
  const start = today();

  const fields = [
    { name: 'fiscalYear', label: t('course.fiscalYear'), type: 'select', required: true,
      value: c.fiscalYear ?? fmt.fiscalYearOf(), options: yearOptions(fmt) },
    { name: 'title.ja', label: t('form.title.ja'), required: true, maxLength: 200, value: c.title && c.title.ja },
    { name: 'title.en', label: t('form.title.en'), maxLength: 200, value: c.title && c.title.en, help: t('form.optional') },
    { name: 'description.ja', label: t('form.description.ja'), type: 'textarea', rows: 3, value: c.description && c.description.ja },
    { name: 'description.en', label: t('form.description.en'), type: 'textarea', rows: 3, value: c.description && c.description.en,
      help: t('form.optional') },
    { name: 'category', label: t('course.category'), type: 'select', required: true, value: c.category,
      options: categories.map(x => ({ value: x.code, label: text(ctx, x.label) })) },
    { name: 'instructors', label: t('form.instructors'), type: 'textarea', rows: 2, value: organisations.join('\n'),
      help: persons.length ? t('form.instructors.persons', { names: persons.map(p => p.name || p.personId).join('、') })
        : t('form.instructors.help') },
    { name: 'capacity', label: t('course.capacity'), type: 'number', required: true, min: 1, max: 1000, value: c.seats ? c.seats.capacity : 20 },
    { name: 'format', label: t('course.format'), type: 'radio', required: true, value: c.format || 'ON_SITE', options: choices(t, 'format', FORMATS) },
    { name: 'location', label: t('course.location'), maxLength: 200, value: c.location, help: t('form.location.help') },
    { name: 'applicationOpens', label: t('form.applicationOpens'), type: 'date', required: true, value: c.applicationOpens || start },
    { name: 'applicationCloses', label: t('form.applicationCloses'), type: 'date', required: true, value: c.applicationCloses,
      help: t('form.applicationCloses.help') },
    { name: 'completion.rule', label: t('course.rule'), type: 'select', required: true,
      value: c.completion ? c.completion.rule : 'ATTENDANCE', options: choices(t, 'rule', RULES) },
    { name: 'completion.minSessions', label: t('form.minSessions'), type: 'number', min: 1, max: 500,
      value: c.completion ? c.completion.minSessions : null, help: t('form.minSessions.help') },
  ];

  const form = ui.form({
    id: course ? 'course-edit' : 'course-new',
    fields,
    submitLabel: course ? t('form.save') : t('form.create'),
    cancelLabel: t('form.cancel'),
    onCancel: () => ctx.navigate(course ? `courses/${course.id}` : 'courses'),
    onSubmit: async (v) => {
      const orgs = String(v.instructors || '').split(/\r?\n/).map(s => s.trim()).filter(Boolean);
      const description = v['description.ja'] || v['description.en'] ? { ja: v['description.ja'], en: v['description.en'] } : null;
      const body = {
        fiscalYear: Number(v.fiscalYear),
        title: { ja: v['title.ja'], en: v['title.en'] },
        description,
        category: v.category,
        instructors: [...persons.map(p => ({ personId: p.personId })), ...orgs.map(o => ({ organisation: o }))],
        capacity: v.capacity,
        format: v.format,
        location: v.location,
        applicationOpens: v.applicationOpens,
        applicationCloses: v.applicationCloses,
        completion: { rule: v['completion.rule'], minSessions: v['completion.minSessions'] },
        version: course ? course.version : undefined,
      };
      let saved;
      try {
        saved = course ? await api.put(`/api/terakoya/courses/${course.id}`, body) : await api.post('/api/terakoya/courses', body);
      } catch (error) {
        if (error.status === 409 && !Object.keys(error.fields).length) {
          const m = /^(capacity|fiscalYear): (.*)$/.exec(error.message);
          if (m) error.fields[m[1]] = m[2];
          else error.message = t('form.conflict');
        }
        throw mapErrors(error, persons.length);
      }
      ui.toast(t(course ? 'form.saved' : 'form.created', { title: text(ctx, saved.title) }), 'success');
      ctx.navigate(`courses/${saved.id}`);
    },
  });
  element.replaceChildren(ui.section(course ? t('form.edit.section') : t('form.new.section'),
    h('p', { class: 'help' }, t(course ? 'form.edit.text' : 'form.new.text')), form));
}
