// A job taken from a partner, new (jobs/new) or edited (jobs/<id>/edit): field names are the API's
// JSON paths, so a 400 naming schedule.deadline lands at that field.

import {
  API, EFFORT_UNITS, PAY_TYPES, TIME_WINDOWS, WORK_MODES, choices, coordinator, nest, onListFields, text,
} from './common.js';

export async function mount(element, ctx, id) {
  const { t, ui, api } = ctx;
  const h = ui.h;
  const back = h('p', null, h('a', { href: id ? `#/jobs/jobs/${id}` : '#/jobs/jobs' }, id ? t('job.back') : t('board.back')));
  if (!coordinator(ctx)) {
    element.replaceChildren(back, h('div', { class: 'card' }, h('p', null, t('form.forbidden'))));
    return;
  }
  const [job, partners, skills] = await Promise.all([id ? api.get(`${API}/jobs/${encodeURIComponent(id)}`) : null,
    api.get(`${API}/partners?active=true&limit=500`), api.get(`${API}/skills`)]);
  ctx.setTitle(job ? t('jobForm.edit', { title: text(ctx, job.title) }) : t('jobForm.new'));
  if (!partners.items.length) {
    element.replaceChildren(back, h('div', { class: 'alert alert-warning', role: 'status' }, t('jobForm.noPartners'), ' ',
      h('a', { href: '#/jobs/partners' }, t('jobForm.noPartners.link'))));
    return;
  }
  const curated = new Set(skills.map(s => s.code));
  const chosen = job ? job.skills.map(s => s.code) : [];
  const s = job ? job.schedule : {};
  const form = ui.form({
    id: 'job-form',
    fields: [
      { name: 'partnerId', label: t('job.partner'), type: 'select', required: true, value: job && job.partnerId,
        options: partners.items.map(p => ({ value: p.id, label: p.name })) },
      { name: 'title.ja', label: t('job.title'), required: true, maxLength: 200, value: job && job.title.ja },
      { name: 'title.en', label: t('job.title.en'), maxLength: 200, value: job && job.title.en },
      { name: 'description', label: t('job.description'), type: 'textarea', rows: 4, maxLength: 4000, value: job && job.description },
      { name: 'skills', label: t('job.skills'), type: 'checkboxes', help: t('job.skills.help'),
        options: skills.map(k => ({ value: k.code, label: text(ctx, k.label) })), value: chosen.filter(c => curated.has(c)) },
      { name: 'skillTags', label: t('job.skillTags'), help: t('job.skillTags.help'), maxLength: 400,
        value: chosen.filter(c => !curated.has(c)).join('、') },
      { name: 'volume', label: t('job.volume'), type: 'number', min: 1, max: 100000, required: true, value: job ? job.volume : 1 },
      { name: 'unit.ja', label: t('job.unit'), maxLength: 200, help: t('job.unit.help'), value: job && job.unit && job.unit.ja },
      { name: 'effort.value', label: t('job.effort'), type: 'number', min: 0.1, max: 10000, step: 0.1, required: true,
        value: job ? job.effort.value : 1, help: t('job.effort.help') },
      { name: 'effort.unit', label: t('job.effortUnit'), type: 'select', required: true, value: job ? job.effort.unit : 'DAYS',
        options: choices(t, 'effortUnit', EFFORT_UNITS) },
      { name: 'schedule.start', label: t('job.start'), type: 'date', value: s.start },
      { name: 'schedule.deadline', label: t('job.deadline'), type: 'date', value: s.deadline },
      { name: 'schedule.windows', label: t('job.windows'), type: 'checkboxes', help: t('job.windows.help'),
        options: choices(t, 'window', TIME_WINDOWS), value: s.windows || [] },
      { name: 'schedule.workMode', label: t('job.workMode'), type: 'select', required: true, value: s.workMode || 'REMOTE',
        options: choices(t, 'workMode', WORK_MODES) },
      { name: 'schedule.location', label: t('job.location'), maxLength: 200, value: s.location },
      { name: 'pay.type', label: t('job.payType'), type: 'select', required: true, value: job ? job.pay.type : 'FIXED',
        options: choices(t, 'payType', PAY_TYPES) },
      { name: 'pay.yen', label: t('job.payYen'), type: 'number', min: 0, max: 1000000000, required: true, value: job && job.pay.yen },
      { name: 'priority', label: t('job.priority'), type: 'checkbox', value: job && job.priority, help: t('job.priority.help') },
      { name: 'receivedOn', label: t('job.receivedOn'), type: 'date', value: job && job.receivedOn, help: t('job.receivedOn.help') },
    ],
    submitLabel: job ? t('jobForm.save') : t('jobForm.create'),
    cancelLabel: t('form.cancel'),
    onCancel: () => ctx.navigate(id ? `jobs/${id}` : 'jobs'),
    onSubmit: async (values) => {
      const tags = String(values.skillTags || '').split(/[,、，]/).map(x => x.trim()).filter(Boolean);
      const body = nest({ ...values, skillTags: null, skills: null, 'schedule.windows': null });
      body.partnerId = Number(values.partnerId);
      body.skills = [...values.skills, ...tags];
      body.schedule = { ...(body.schedule || {}), windows: values['schedule.windows'] };
      body.priority = !!values.priority;
      if (job) body.version = job.version;
      try {
        const saved = job ? await api.put(`${API}/jobs/${job.id}`, body) : await api.post(`${API}/jobs`, body);
        ui.toast(t(job ? 'jobForm.saved' : 'jobForm.created', { title: text(ctx, saved.title) }), 'success');
        ctx.navigate(`jobs/${saved.id}`);
      } catch (error) {
        onListFields(error, ['skills', 'schedule.windows', 'schedule.fixedDates']);
      }
    },
  });
  const section = ui.section(job ? t('jobForm.edit', { title: text(ctx, job.title) }) : t('jobForm.new'), form);
  element.replaceChildren(back, section);
}
