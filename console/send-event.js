// The send-an-event form: POST /api/v4.1/event/sync or /async, the Event API any client uses.
import { platform, retailerId } from './api.js';
import { attempt, h, say } from './dom.js';

const FIELDS = ['name', 'entityType', 'entityId', 'entityRef', 'entitySubtype', 'rootEntityType', 'rootEntityId', 'rootEntityRef', 'scheduledOn'];

export function sendEventForm(context = {}) {
  const input = (name) => h('label', {}, `${name} `, h('input', { name, value: context[name] ?? '', required: name === 'name' || name === 'entityType' }));
  const result = h('output', { class: 'result' });
  const form = h(
    'form',
    {
      class: 'send-event',
      onsubmit: async (e) => {
        e.preventDefault();
        const f = new FormData(form);
        const body = { retailerId: await retailerId() };
        for (const key of FIELDS) if (f.get(key)?.trim()) body[key] = f.get(key).trim();
        const attributes = f.get('attributes').trim();
        if (attributes) {
          try {
            body.attributes = JSON.parse(attributes);
          } catch {
            return say('Attributes must be a JSON object', true);
          }
        }
        const answer = await attempt(() => platform(`/api/v4.1/event/${f.get('mode')}`, { method: 'POST', body }));
        if (answer) {
          result.textContent = answer.eventStatus ? `${answer.eventStatus} (event ${answer.eventId ?? answer.id})` : `accepted: event ${answer.id}`;
          say(`Event ${body.name} sent`);
        }
      },
    },
    FIELDS.map(input),
    h('label', {}, 'attributes (JSON) ', h('textarea', { name: 'attributes', rows: 2 }, '')),
    h('label', {}, 'mode ', h('select', { name: 'mode' }, h('option', { value: 'sync' }, 'sync'), h('option', { value: 'async' }, 'async'))),
    h('button', { type: 'submit' }, 'Send event'),
    result,
  );
  return form;
}
