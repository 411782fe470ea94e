// A searchable, paginated list per entity type, read through GraphQL connections (ref and status
// filters, cursor paging) as an integration would.
import { gql } from './api.js';
import { badge, h, table, when } from './dom.js';
import { ENTITY_TYPES } from './entity-types.js';

const PAGE_SIZE = 25;

function listQuery(spec) {
  return `query($first: Int, $after: String, $ref: [String!], $status: [String!]) {
    list: ${spec.list}(first: $first, after: $after, ref: $ref, status: $status) {
      edges { cursor node { ${spec.columns} } } pageInfo { hasNextPage } } }`;
}

function href(type, params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  return `#/entities/${type}${query ? `?${query}` : ''}`;
}

export function entityHref(type, node) {
  return `#/entity/${type}/${encodeURIComponent(node.id)}${node.ref ? `?ref=${encodeURIComponent(node.ref)}` : ''}`;
}

export async function entitiesPage(type, params) {
  const spec = ENTITY_TYPES[type] ?? ENTITY_TYPES.ORDER;
  const ref = params.get('ref') ?? '';
  const status = params.get('status') ?? '';
  const after = params.get('after') ?? '';
  const back = params.get('back') ?? '';
  // A [String!] variable fits both the [String] and the [String!] ref arguments.
  const data = await gql(listQuery(spec), {
    first: PAGE_SIZE,
    after: after || null,
    ref: ref ? [ref] : null,
    status: status ? [status] : null,
  });
  const edges = data.list?.edges ?? [];
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (e) => {
        e.preventDefault();
        const f = new FormData(e.target);
        const id = f.get('id').trim();
        location.hash = id
          ? `#/entity/${f.get('type')}/${encodeURIComponent(id)}`
          : href(f.get('type'), { ref: f.get('ref').trim(), status: f.get('status').trim() });
      },
    },
    h(
      'label',
      {},
      'Type ',
      h(
        'select',
        { name: 'type' },
        Object.entries(ENTITY_TYPES).map(([key, s]) => h('option', { value: key, selected: key === type }, s.label)),
      ),
    ),
    h('label', {}, 'Ref ', h('input', { name: 'ref', value: ref, placeholder: 'exact ref' })),
    h('label', {}, 'Status ', h('input', { name: 'status', value: status, placeholder: 'e.g. BOOKED' })),
    h('label', {}, 'Open by id ', h('input', { name: 'id', placeholder: 'entity id' })),
    h('button', { type: 'submit' }, 'Search'),
  );
  const rows = edges.map(({ node }) =>
    h(
      'tr',
      {},
      h('td', {}, h('a', { href: entityHref(type, node) }, node.ref ?? node.id)),
      h('td', {}, node.id),
      h('td', {}, node.type ?? ''),
      h('td', {}, badge(node.status)),
      h('td', {}, node.catalogue?.ref ?? ''),
      h('td', {}, when(node.createdOn)),
    ),
  );
  const cursors = back ? back.split(',') : [];
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    after ? h('a', { href: href(type, { ref, status, after: cursors.at(-1) ?? '', back: cursors.slice(0, -1).join(',') }) }, '← Previous') : null,
    data.list?.pageInfo?.hasNextPage
      ? h('a', { href: href(type, { ref, status, after: edges.at(-1).cursor, back: [...cursors, after].join(',') }) }, 'Next →')
      : null,
  );
  return {
    node: h(
      'section',
      {},
      h('h1', {}, spec.label),
      form,
      edges.length
        ? table(`${spec.label}: ${edges.length} shown`, ['Ref', 'Id', 'Type', 'Status', 'Catalogue', 'Created'], rows)
        : h('p', {}, 'Nothing found.'),
      pager,
    ),
  };
}
