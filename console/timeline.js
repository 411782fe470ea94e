// The timeline of an entity: its events from the Event API in time order, grouped under the event
// that caused them, each orchestration event with its execution trace (/_sim/events/{id}/explain):
// rulesets matched, rules and their effects, status changes, and why NO_MATCH or FAILED.
import { events, sim } from './api.js';
import { badge, h, when } from './dom.js';
import { ENTITY_TYPES, eventEntityType } from './entity-types.js';

const SINCE = '2000-01-01T00:00:00.000Z';

async function load(type, id) {
  const filters = ENTITY_TYPES[type]?.root
    ? { 'context.rootEntityType': type, 'context.rootEntityId': id, from: SINCE }
    : { 'context.entityType': eventEntityType(type), 'context.entityId': id, from: SINCE };
  // Newest first from the API; reversed, the log's order is time order.
  const list = (await events(filters)).reverse();
  const traces = await Promise.all(list.map((e) => (e.type === 'ORCHESTRATION' ? sim(`/_sim/events/${e.id}/explain`).catch(() => null) : null)));
  return list.map((event, i) => ({ event, trace: traces[i] }));
}

/** Registry keys of rule stubs (issue 10), from the rule catalogue. */
async function stubKeys() {
  const { rules } = await sim('/_sim/rules');
  return new Set(rules.filter((r) => r.description.startsWith('Rule stub')).map((r) => r.name));
}

function effect(e) {
  switch (e.type) {
    case 'setStatus':
      return `status → ${e.status} (${e.target.entityType} ${e.target.ref ?? e.target.id ?? ''})`;
    case 'sendEvent':
      return `sends event ${e.event.name}${e.event.delayMs ? ` after ${e.event.delayMs / 1000} s` : ''}`;
    case 'webhook':
      return `webhook ${e.name} → ${e.url}`;
    case 'mutate':
      return `mutation ${e.mutation}`;
    case 'setAttributes':
      return `sets attributes ${e.attributes.map((a) => a.name).join(', ')}`;
    case 'audit':
      return `audit ${e.name}`;
    default:
      return e.type;
  }
}

function rule(step, stubs) {
  const kind = !step.simulated ? ' [not simulated: skipped]' : stubs.has(step.resolvedAs) ? ' [stub]' : '';
  return h(
    'li',
    { class: step.error ? 'failed' : '' },
    h('span', { class: 'rule' }, step.rule.replace(/^[^.]+\./, ''), kind),
    step.error ? h('span', { class: 'reason' }, ` failed: ${step.error}`) : null,
    step.effects.length
      ? h(
          'ul',
          {},
          step.effects.map((e) => h('li', {}, effect(e))),
        )
      : h('span', { class: 'muted' }, ' (no effect)'),
  );
}

function outcome(trace) {
  const o = trace.outcome;
  if (o.type === 'noMatch') return h('p', { class: 'reason' }, `No match: ${o.reason}`);
  if (o.type === 'failed') return h('p', { class: 'reason' }, `Failed${o.rule ? ` in ${o.rule}` : ''}: ${o.message}`);
  if (o.type === 'scheduled') return h('p', {}, `Scheduled for ${when(o.at)}`);
  return null;
}

function criteria(check) {
  return ['name', 'type', 'subtype', 'status']
    .filter((c) => !check[c].ok)
    .map((c) => `${c} ${check[c].actual ?? '—'}, expected ${[check[c].expected].flat().join(' or ')}`)
    .join('; ');
}

function traceView(trace, stubs) {
  const matched = trace.rulesets.filter((r) => r.matched);
  const unmatched = trace.rulesets.filter((r) => !r.matched);
  return h(
    'div',
    { class: 'trace' },
    trace.workflow ? h('p', { class: 'muted' }, `workflow ${trace.workflow.name} v${trace.workflow.version}`) : null,
    outcome(trace),
    matched.map((r) =>
      h(
        'div',
        { class: 'ruleset' },
        h('h4', {}, `Ruleset ${r.ruleset}`),
        h(
          'ul',
          {},
          trace.rules.filter((s) => s.ruleset === r.ruleset).map((step) => rule(step, stubs)),
        ),
      ),
    ),
    unmatched.length
      ? h('p', { class: 'muted' }, `Rulesets not matched: ${unmatched.map((r) => `${r.ruleset} at ${r.location} (${criteria(r)})`).join(' · ')}`)
      : null,
    trace.statusChanges.length
      ? h('p', { class: 'changes' }, trace.statusChanges.map((c) => `${c.entityType} ${c.ref ?? c.id}: ${c.from ?? '—'} → ${c.to}`).join('; '))
      : null,
  );
}

function audits(list) {
  if (!list.length) return null;
  return h(
    'details',
    {},
    h('summary', {}, `${list.length} audit event(s)`),
    h(
      'ul',
      {},
      list.map(({ event }) =>
        h(
          'li',
          {},
          `${event.category ?? ''} ${event.name} `,
          h('span', { class: 'muted' }, `${event.context.entityType ?? ''} ${event.context.entityRef ?? ''}`),
        ),
      ),
    ),
  );
}

function entry({ event, trace, audit }, byId, stubs) {
  const bad = event.eventStatus === 'NO_MATCH' || event.eventStatus === 'FAILED';
  const cause = event.context.sourceEvents.map((id) => byId.get(id)).find(Boolean);
  return h(
    'li',
    { class: `event${bad ? ' bad' : ''}`, id: `event-${event.id}` },
    h(
      'h3',
      {},
      badge(event.eventStatus),
      ' ',
      event.name ?? event.type,
      ' ',
      h('span', { class: 'muted' }, `${event.type} · ${event.context.entityType ?? ''} ${event.context.entityRef ?? ''} · ${when(event.generatedOn)}`),
    ),
    cause
      ? h(
          'p',
          { class: 'muted' },
          'caused by ',
          h(
            'a',
            {
              href: `#event-${cause.id}`,
              onclick: (e) => {
                e.preventDefault();
                document.getElementById(`event-${cause.id}`)?.scrollIntoView();
              },
            },
            cause.name ?? cause.id,
          ),
        )
      : null,
    trace ? traceView(trace, stubs) : null,
    audits(audit ?? []),
  );
}

/**
 * Groups: each event that no other listed event caused, followed by what it caused (depth first);
 * audit events go inside the orchestration event they record.
 */
function groups(entries) {
  const byId = new Map(entries.map((e) => [e.event.id, e.event]));
  const items = new Map(entries.map((e) => [e.event.id, e]));
  const childrenOf = new Map();
  const roots = [];
  for (const item of entries) {
    const parent = item.event.context.sourceEvents.find((id) => byId.has(id));
    const owner = parent && items.get(parent);
    if (item.event.type !== 'ORCHESTRATION' && owner?.event.type === 'ORCHESTRATION') (owner.audit ??= []).push(item);
    else if (parent) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), item]);
    else roots.push(item);
  }
  const flatten = (item) => [item, ...(childrenOf.get(item.event.id) ?? []).flatMap(flatten)];
  return { byId, list: roots.map(flatten) };
}

function render(entries, stubs) {
  const { byId, list } = groups(entries);
  if (!list.length) return h('p', {}, 'No events yet.');
  return h(
    'ol',
    { class: 'timeline' },
    list.map((group) =>
      h(
        'li',
        { class: 'group' },
        h(
          'ol',
          {},
          group.map((item) => entry(item, byId, stubs)),
        ),
      ),
    ),
  );
}

const signature = (entries) => entries.map(({ event }) => `${event.id}:${event.eventStatus}`).join();

export async function timelinePage(type, id, params) {
  const [first, stubs] = await Promise.all([load(type, id), stubKeys()]);
  let entries = first;
  const region = h('div', {}, render(entries, stubs));
  const ref = params.get('ref');
  return {
    node: h(
      'section',
      {},
      h('h1', {}, `Timeline of ${type} ${ref || id}`),
      h(
        'p',
        {},
        h('a', { href: `#/entity/${type}/${encodeURIComponent(id)}${ref ? `?ref=${encodeURIComponent(ref)}` : ''}` }, `Back to the ${type.toLowerCase()}`),
        ' · updates live',
      ),
      region,
    ),
    async refresh() {
      const next = await load(type, id);
      if (signature(next) === signature(entries)) return;
      entries = next;
      region.replaceChildren(render(entries, stubs));
    },
  };
}
