// The live event feed: the account's latest events (GET /api/v4.1/event, newest first), any
// entity, each linked to its root entity's timeline; NO_MATCH and FAILED highlighted.
import { platform } from './api.js';
import { badge, h, table, when } from './dom.js';

const COUNT = 50;

function timelineHref(context) {
  const type = context.rootEntityType ?? context.entityType;
  const id = context.rootEntityId ?? context.entityId;
  const ref = context.rootEntityRef ?? context.entityRef;
  return type && id ? `#/timeline/${type}/${encodeURIComponent(id)}${ref ? `?ref=${encodeURIComponent(ref)}` : ''}` : null;
}

function render(results) {
  if (!results.length) return h('p', {}, 'No events in the last 30 days of the virtual clock.');
  return table(
    `Latest ${results.length} events`,
    ['When', 'Event', 'Type', 'Status', 'Entity', 'Root'],
    results.map((e) => {
      const href = timelineHref(e.context);
      const bad = e.eventStatus === 'NO_MATCH' || e.eventStatus === 'FAILED';
      return h(
        'tr',
        { class: bad ? 'bad' : '' },
        h('td', {}, when(e.generatedOn)),
        h('td', {}, e.name ?? ''),
        h('td', {}, e.type),
        h('td', {}, badge(e.eventStatus)),
        h('td', {}, `${e.context.entityType ?? ''} ${e.context.entityRef ?? e.context.entityId ?? ''}`),
        h(
          'td',
          {},
          href ? h('a', { href }, `${e.context.rootEntityType ?? e.context.entityType} ${e.context.rootEntityRef ?? e.context.entityRef ?? ''}`) : '',
        ),
      );
    }),
  );
}

export async function eventsPage() {
  const load = async () => (await platform(`/api/v4.1/event?count=${COUNT}`)).results;
  let results = await load();
  const region = h('div', {}, render(results));
  const key = (list) => list.map((e) => `${e.id}:${e.eventStatus}`).join();
  return {
    node: h('section', {}, h('h1', {}, 'Events'), h('p', {}, 'The account\u2019s latest events, newest first; updates live.'), region),
    async refresh() {
      const next = await load();
      if (key(next) === key(results)) return;
      results = next;
      region.replaceChildren(render(results));
    },
  };
}
