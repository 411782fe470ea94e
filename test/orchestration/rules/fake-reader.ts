/**
 * A small in-memory DomainReader and builders for rule tests: entities, related records and
 * settings are plain data, so each test states exactly what the rule can see.
 */
import type { DomainReader, EntityKey, EntityView, OrchestrationEvent, RuleInput, Setting } from '../../../server/orchestration/port.js';

export type FakeData = {
  entities?: EntityView[];
  /** Keyed `ENTITY_TYPE:id:field`, e.g. `ORDER:o1:items`. */
  related?: Record<string, Record<string, unknown>[]>;
  settings?: Setting[];
  /** Inventory positions as plain records (`catalogueRef`, `productRef`, `locationRef`, `onHand`). */
  positions?: Record<string, unknown>[];
  /** Location refs per network ref (the locations must be among `entities`). */
  networks?: Record<string, string[]>;
};

const sameKey = (view: { entityType: string; id: string; ref: string | undefined }, key: EntityKey): boolean =>
  view.entityType === key.entityType &&
  ((key.id !== undefined && view.id === key.id) || (key.id === undefined && key.ref !== undefined && view.ref === key.ref));

export function fakeReader(data: FakeData = {}): DomainReader {
  const entities = data.entities ?? [];
  return {
    find: (key) => entities.find((e) => sameKey(e, key)),
    findUnder: (root, key) => entities.find((e) => e.entityType === key.entityType && e.ref === key.ref && sameKey(e.root, root)),
    children: (parent, childEntityType) => entities.filter((e) => e.entityType === childEntityType && sameKey(e.root, parent)),
    related: (parent, field) => data.related?.[`${parent.entityType}:${parent.id}:${field}`] ?? [],
    virtualCataloguesCovering: (inventoryCatalogueRef, locationRef) =>
      entities.filter(
        (e) =>
          e.entityType === 'VIRTUAL_CATALOGUE' &&
          e.fields['inventoryCatalogueRef'] === inventoryCatalogueRef &&
          (e.fields['locationRefs'] as unknown[] | undefined)?.includes(locationRef) !== false,
      ),
    virtualCataloguesOfControlGroup: (controlGroupRef) =>
      entities.filter((e) => e.entityType === 'VIRTUAL_CATALOGUE' && e.fields['controlGroupRef'] === controlGroupRef),
    fulfilmentsAtLocation: (locationRef) =>
      entities.filter((e) => e.entityType === 'FULFILMENT' && (e.fields['fromLocation'] as { ref?: string } | undefined)?.ref === locationRef),
    inventoryPositions: (catalogueRef, productRef) =>
      (data.positions ?? []).filter((p) => p['catalogueRef'] === catalogueRef && p['productRef'] === productRef),
    networkLocations: (networkRef) =>
      (data.networks?.[networkRef] ?? []).flatMap((ref) => entities.filter((e) => e.entityType === 'LOCATION' && e.ref === ref)),
    locations: () => entities.filter((e) => e.entityType === 'LOCATION'),
    setting: (name, retailerId, locationId) => {
      const named = (data.settings ?? []).filter((s) => s.name === name);
      return (
        (locationId === undefined ? undefined : named.find((s) => s.context === 'LOCATION' && String(s.contextId) === locationId)) ??
        named.find((s) => s.context === 'RETAILER' && String(s.contextId) === retailerId) ??
        named.find((s) => s.context === 'ACCOUNT')
      );
    },
  };
}

/** An entity snapshot; an ORDER is its own root unless `root` says otherwise. */
export function entity(partial: Partial<EntityView> & Pick<EntityView, 'entityType' | 'id'>): EntityView {
  const ref = partial.ref ?? `${partial.entityType}-${partial.id}`;
  return {
    typename: partial.entityType,
    ref,
    subtype: undefined,
    status: 'CREATED',
    workflowRef: undefined,
    workflowVersion: undefined,
    retailerId: '1',
    root: { entityType: partial.entityType, id: partial.id, ref },
    fields: {},
    ...partial,
  };
}

/** An event addressed to `target`, named `name`. */
export function eventOn(target: EntityView, name = 'TEST', attributes: Record<string, unknown> = {}): OrchestrationEvent {
  return {
    id: 'evt-1',
    name,
    accountId: 'ACME',
    retailerId: target.retailerId ?? '1',
    entityType: target.entityType,
    entityId: target.id,
    entityRef: target.ref,
    entitySubtype: target.subtype,
    rootEntityType: target.root.entityType,
    rootEntityId: target.root.id,
    rootEntityRef: target.root.ref,
    attributes,
    sourceEvents: [],
  };
}

export const NOW = new Date('2025-01-01T00:00:00.000Z');

/** A full RuleInput for `target` with parsed props. */
export function ruleInput<P>(target: EntityView, props: P, options: { event?: OrchestrationEvent; data?: FakeData } = {}): RuleInput<P> {
  return { event: options.event ?? eventOn(target), entity: target, props, now: NOW, read: fakeReader(options.data) };
}

/** A small order world for the order-library rule tests: one HD order and its fulfilments. */
export const ROOT = { entityType: 'ORDER', id: 'o1', ref: 'HD-1' } as const;

export const hdOrder = (status = 'BOOKED', fields: Record<string, unknown> = {}): EntityView =>
  entity({ entityType: 'ORDER', id: 'o1', ref: 'HD-1', subtype: 'HD', status, fields });

export const fulfilment = (id: string, status: string, subtype = 'HD_PFDC'): EntityView =>
  entity({ entityType: 'FULFILMENT', id, ref: `HD-1-${id}`, subtype, status, root: { ...ROOT } });
