// The community and hub panel of the staff console: events with check-in, the consultation desk,
// satisfaction surveys, role models, community leaders and the pages for would-be migrants.

import * as consultations from './consultations.js';
import * as events from './events.js';
import * as leaders from './leaders.js';
import * as pages from './pages.js';
import * as roleModels from './roleModels.js';
import * as surveys from './surveys.js';

const VIEWS = {
  events,
  consultations,
  surveys,
  'role-models': roleModels,
  leaders,
  'migrant-pages': pages,
};

export async function mount(element, ctx) {
  const [section, id] = (ctx.route || 'events').split('/');
  const view = VIEWS[section] || events;
  if (id && /^\d+$/.test(id) && view.detail) {
    await view.detail(element, ctx, id);
  } else {
    await view.list(element, ctx);
  }
}
