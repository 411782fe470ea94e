/**
 * An in-memory DomainPort for engine tests: orders (root entities, with items) and their
 * fulfilments, plus settings. Just enough to exercise matching, effects and the CREATE hook
 * without the real domain layer. `createFulfilment`/`createOrder` through `mutate` call the
 * `onEntityCreated` hook, as the real domain layer does after a create mutation.
 */
import { SimError } from '../../server/domain/errors.js';
import type { DomainPort, EntityKey, EntityView, Setting } from '../../server/orchestration/port.js';

type Attribute = { name: string; type: string; value: unknown };

type Row = {
  entityType: 'ORDER' | 'FULFILMENT';
  id: string;
  ref: string;
  type: string;
  status: string;
  retailerId: string;
  workflowRef: string | undefined;
  workflowVersion: number | undefined;
  orderId: string | undefined;
  attributes: Attribute[];
  items: Record<string, unknown>[];
};

export type FakeOrderInput = {
  ref: string;
  type?: string;
  status?: string;
  retailerId?: string;
  workflowRef?: string;
  workflowVersion?: number;
  items?: Record<string, unknown>[];
};

export type FakeFulfilmentInput = { ref: string; type?: string; status?: string };

export interface FakeDomain extends DomainPort {
  addOrder(input: FakeOrderInput): EntityView;
  addFulfilment(orderId: string, input: FakeFulfilmentInput): EntityView;
  addSetting(setting: Setting): void;
  /** Called after `mutate('createOrder' | 'createFulfilment', …)`, like the real domain layer. */
  onEntityCreated: ((entity: EntityView) => void) | undefined;
  /** Every mutate call, in order. */
  readonly mutations: { mutation: string; input: Record<string, unknown> }[];
}

export function createFakeDomain(): FakeDomain {
  const rows = new Map<string, Row>();
  const settings: Setting[] = [];
  const counters = { ORDER: 0, FULFILMENT: 0 };

  const keyOf = (entityType: string, id: string): string => `${entityType}:${id}`;

  function lookup(key: EntityKey): Row | undefined {
    if (key.id !== undefined) return rows.get(keyOf(key.entityType, key.id));
    if (key.ref === undefined) return undefined;
    return [...rows.values()].find((row) => row.entityType === key.entityType && row.ref === key.ref);
  }

  function mustLookup(key: EntityKey): Row {
    const row = lookup(key);
    if (!row) throw new SimError('ENTITY_NOT_FOUND', `No ${key.entityType} with id ${String(key.id)} / ref ${String(key.ref)}`);
    return row;
  }

  function view(row: Row): EntityView {
    const order = row.orderId !== undefined ? rows.get(keyOf('ORDER', row.orderId)) : undefined;
    const root = order ?? row;
    return {
      entityType: row.entityType,
      typename: row.entityType === 'ORDER' ? 'Order' : 'Fulfilment',
      id: row.id,
      ref: row.ref,
      subtype: row.type,
      status: row.status,
      workflowRef: row.workflowRef,
      workflowVersion: row.workflowVersion,
      retailerId: root.retailerId,
      root: { entityType: 'ORDER', id: root.id, ref: root.ref },
      fields: {
        id: row.id,
        ref: row.ref,
        type: row.type,
        status: row.status,
        workflowRef: row.workflowRef,
        workflowVersion: row.workflowVersion,
        retailer: { id: root.retailerId },
        attributes: structuredClone(row.attributes),
      },
    };
  }

  function insert(row: Row): EntityView {
    rows.set(keyOf(row.entityType, row.id), row);
    return view(row);
  }

  function addOrder(input: FakeOrderInput): EntityView {
    counters.ORDER += 1;
    const type = input.type ?? 'HD';
    return insert({
      entityType: 'ORDER',
      id: String(counters.ORDER),
      ref: input.ref,
      type,
      status: input.status ?? 'CREATED',
      retailerId: input.retailerId ?? '1',
      workflowRef: input.workflowRef ?? `ORDER::${type}`,
      workflowVersion: input.workflowVersion,
      orderId: undefined,
      attributes: [],
      items: input.items ?? [],
    });
  }

  function addFulfilment(orderId: string, input: FakeFulfilmentInput): EntityView {
    const order = mustLookup({ entityType: 'ORDER', id: orderId });
    counters.FULFILMENT += 1;
    return insert({
      entityType: 'FULFILMENT',
      id: String(100 + counters.FULFILMENT),
      ref: input.ref,
      type: input.type ?? 'HD_PFDC',
      status: input.status ?? 'CREATED',
      retailerId: order.retailerId,
      workflowRef: undefined,
      workflowVersion: undefined,
      orderId: order.id,
      attributes: [],
      items: [],
    });
  }

  const domain: FakeDomain = {
    onEntityCreated: undefined,
    mutations: [],
    addOrder,
    addFulfilment,
    addSetting: (setting) => void settings.push(setting),
    find: (key) => {
      const row = lookup(key);
      return row ? view(row) : undefined;
    },
    findUnder: (root, key) => {
      const row = [...rows.values()].find((r) => r.entityType === key.entityType && r.ref === key.ref);
      const found = row ? view(row) : undefined;
      return found && found.root.entityType === root.entityType && (found.root.id === root.id || found.root.ref === root.ref) ? found : undefined;
    },
    children(parent, childEntityType) {
      const order = lookup(parent);
      if (!order) return [];
      return [...rows.values()].filter((row) => row.entityType === childEntityType && row.orderId === order.id).map(view);
    },
    related(parent, field) {
      const row = lookup(parent);
      return row && field === 'items' ? structuredClone(row.items) : [];
    },
    // No inventory in this world: sourcing finds no location.
    inventoryPositions: () => [],
    virtualCataloguesCovering: () => [],
    networkLocations: () => [],
    locations: () => [],
    virtualCataloguesOfControlGroup: () => [],
    fulfilmentsAtLocation: () => [],
    setting(name, retailerId) {
      return (
        settings.find((s) => s.name === name && s.context === 'RETAILER' && String(s.contextId) === retailerId) ??
        settings.find((s) => s.name === name && s.context === 'ACCOUNT')
      );
    },
    setStatus(key, status) {
      const row = mustLookup(key);
      row.status = status;
      return view(row);
    },
    upsertAttributes(key, attributes) {
      const row = mustLookup(key);
      for (const attribute of attributes) {
        row.attributes = [...row.attributes.filter((a) => a.name !== attribute.name), attribute];
      }
      return view(row);
    },
    mutate(mutation, input) {
      domain.mutations.push({ mutation, input: structuredClone(input) });
      let created: EntityView;
      if (mutation === 'createFulfilment') {
        const order = input['order'] as { id?: string } | undefined;
        created = addFulfilment(String(order?.id), { ref: String(input['ref']), type: input['type'] as string | undefined });
      } else if (mutation === 'createOrder') {
        created = addOrder({ ref: String(input['ref']), type: input['type'] as string | undefined });
      } else {
        throw new SimError('VALIDATION_FAILED', `The fake domain does not implement ${mutation}`);
      }
      domain.onEntityCreated?.(created);
      return { ...created.fields };
    },
  };
  return domain;
}
