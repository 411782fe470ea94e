// One entity: its fields, attributes, items and children, links to its timeline, and the
// send-an-event form prefilled from it.
import { gql } from './api.js';
import { badge, h, table, when } from './dom.js';
import { entityHref } from './entities.js';
import { ENTITY_TYPES, eventEntityType } from './entity-types.js';
import { sendEventForm } from './send-event.js';
import { workflowOfHref } from './workflow.js';

/** The entity's workflow (a fulfilment runs on its order's), its status to highlight. */
function workflowOf(type, entity) {
  const owner = entity.order ?? entity;
  const ownerType = entity.order ? 'ORDER' : eventEntityType(type);
  const name = owner.workflowRef || (owner.type ? `${ownerType}::${owner.type}` : null);
  return name && workflowOfHref(name, owner.workflowVersion, `${eventEntityType(type)}:${entity.status}`);
}

async function load(type, id, ref) {
  const spec = ENTITY_TYPES[type];
  if (spec.byId) return (await gql(`query($id: ID!) { entity: ${spec.byId}(id: $id) { ${spec.detail} } }`, { id })).entity;
  // No by-id query on the platform for this type: search by ref, pick the id.
  const data = await gql(`query($ref: [String!]) { list: ${spec.list}(ref: $ref, first: 100) { edges { node { ${spec.detail} } } } }`, {
    ref: ref ? [ref] : null,
  });
  return data.list.edges.map((e) => e.node).find((n) => n.id === id) ?? null;
}

function fields(entity) {
  const scalar = Object.entries(entity).filter(([, v]) => v === null || typeof v !== 'object');
  return h(
    'dl',
    { class: 'fields' },
    scalar.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, k === 'status' ? badge(v) : /On$/.test(k) ? when(v) : (v ?? '—'))]),
  );
}

function links(entity) {
  const parents = [
    ['order', 'ORDER'],
    ['customer', 'CUSTOMER'],
    ['fromLocation', 'LOCATION'],
  ].filter(([k]) => entity[k]);
  if (!parents.length) return null;
  // A link without an id (fromLocation is a LocationLink {ref}) opens the list searched by ref.
  const target = (type, node) => (node.id ? entityHref(type, node) : `#/entities/${type}?ref=${encodeURIComponent(node.ref)}`);
  return h(
    'p',
    {},
    parents.map(([k, type]) => [`${k}: `, h('a', { href: target(type, entity[k]) }, entity[k].ref ?? entity[k].id), ' ']),
  );
}

function attributes(list) {
  if (!list?.length) return h('p', {}, 'No attributes.');
  return table(
    'Attributes',
    ['Name', 'Type', 'Value'],
    list.map((a) => h('tr', {}, h('td', {}, a.name), h('td', {}, a.type), h('td', {}, h('code', {}, JSON.stringify(a.value))))),
  );
}

function children(title, connection, childType) {
  const nodes = connection?.edges?.map((e) => e.node) ?? [];
  if (!nodes.length) return null;
  const keys = Object.keys(nodes[0]);
  const cell = (n, k) => {
    if (k === 'ref' && childType) return h('a', { href: entityHref(childType, n) }, n.ref);
    return k === 'status' ? badge(n.status) : (n[k] ?? '');
  };
  return table(
    title,
    keys,
    nodes.map((n) =>
      h(
        'tr',
        {},
        keys.map((k) => h('td', {}, cell(n, k))),
      ),
    ),
  );
}

export async function entityPage(type, id, params) {
  const ref = params.get('ref');
  const entity = await load(type, id, ref);
  if (!entity) return { node: h('section', {}, h('h1', {}, 'Not found'), h('p', {}, `No ${type} with id ${id}`)) };
  const diagram = await workflowOf(type, entity);
  const timeline = `#/timeline/${type}/${encodeURIComponent(entity.id)}?ref=${encodeURIComponent(entity.ref ?? '')}`;
  const context = { entityType: eventEntityType(type), entityId: entity.id, entityRef: entity.ref, entitySubtype: entity.type };
  if (ENTITY_TYPES[type].root) Object.assign(context, { rootEntityType: type, rootEntityId: entity.id, rootEntityRef: entity.ref });
  if (entity.order) Object.assign(context, { rootEntityType: 'ORDER', rootEntityId: entity.order.id, rootEntityRef: entity.order.ref });
  return {
    node: h(
      'section',
      {},
      h('h1', {}, `${type} ${entity.ref ?? entity.id}`),
      h(
        'p',
        {},
        h('a', { href: timeline }, 'Timeline: events and what the rules did'),
        ' · ',
        diagram ? [h('a', { href: diagram }, 'Workflow diagram'), ' · '] : null,
        'status ',
        badge(entity.status),
        entity.updatedOn ? ` · updated ${when(entity.updatedOn)}` : '',
      ),
      links(entity),
      h('h2', {}, 'Fields'),
      fields(entity),
      h('h2', {}, 'Attributes'),
      attributes(entity.attributes),
      children('Items', entity.items, null),
      children('Fulfilments', entity.fulfilments, 'FULFILMENT'),
      h('h2', {}, 'Send an event'),
      sendEventForm(context),
    ),
  };
}
