/**
 * The engine's view of one account's data (implements `DomainPort` of domain-view.ts over the store).
 * Entities are addressed by Fluent entity type (ORDER, FULFILMENT, …, fluent-platform.md §3.3)
 * and id or ref; the root entity is found by following each sub-entity's parent field.
 */
import type { Domain } from '../domain/domain.js';
import { DERIVED_VALUES, fulfilmentFromLocation } from '../domain/derived-values.js';
import { SimError } from '../domain/errors.js';
import { upsertAttributes } from '../domain/entity-fields.js';
import { FLUENT_ENTITY_TYPES, PARENT_FIELD, PARENT_LINKED_FROM, TYPENAMES_OF_ENTITY_TYPE } from '../domain/overrides.js';
import { isLinkRef, linkTo, type EntityRecord, type LinkRef } from '../domain/store/store.js';
import { runCommand } from '../domain/commands/run-command.js';
import { locationsOfNetwork } from '../graphql/special/network-locations.js';
import type { DomainPort, EntityKey, EntityView, Setting } from './domain-view.js';

/** Join records on the way from a sub-entity to its root (Consignment → ConsignmentArticle → Article). */
const JOIN_PARENT_FIELD: Readonly<Record<string, string>> = { ConsignmentArticle: 'article', CarrierConsignmentArticle: 'article' };

/** Records rules look up that are not orchestrateable (no workflow, no events): a consignment's carrier, a customer for its billing accounts. */
const LOOKUP_TYPENAMES: Readonly<Record<string, readonly string[]>> = { CARRIER: ['Carrier'], CUSTOMER: ['Customer'], USER: ['User'] };

export function createDomainPort(domain: Domain): DomainPort {
  const { store } = domain;
  const scalarsOf = scalarsReader();

  const findRecord = (key: EntityKey): EntityRecord | undefined => {
    const typenames = TYPENAMES_OF_ENTITY_TYPE[key.entityType] ?? LOOKUP_TYPENAMES[key.entityType] ?? [];
    for (const typename of typenames) {
      if (key.id != null) {
        const r = store.get(typename, String(key.id));
        if (r && (key.ref == null || r['ref'] === key.ref)) return r;
      } else if (key.ref != null) {
        const [first] = store.candidates(typename, 'ref', [key.ref]);
        if (first !== undefined) return store.get(typename, String(first));
      }
    }
    return undefined;
  };

  const mustFind = (key: EntityKey): EntityRecord => {
    const r = findRecord(key);
    if (!r) throw new SimError('ENTITY_NOT_FOUND', `C0120E: ${key.entityType} ${key.id ?? key.ref ?? '?'} was not found`);
    return r;
  };

  const first = (v: unknown): LinkRef | undefined => (isLinkRef(v) ? v : Array.isArray(v) ? v.find(isLinkRef) : undefined);

  const rootOf = (record: EntityRecord): EntityRecord => {
    let current = record;
    for (let depth = 0; depth < 8; depth += 1) {
      const field = PARENT_FIELD[current.__typename] ?? JOIN_PARENT_FIELD[current.__typename];
      const linkedFrom = PARENT_LINKED_FROM[current.__typename];
      if (!field && !linkedFrom) return current;
      const link = field ? first(current[field]) : undefined;
      const next = link ? store.resolve(link) : linkedFrom ? store.linkedFrom({ __link: current.__typename, id: current.id }, linkedFrom)[0] : undefined;
      if (!next) return current;
      current = next;
    }
    return current;
  };

  const retailerIdOf = (r: EntityRecord, root: EntityRecord): string | undefined => {
    for (const candidate of [r, root]) {
      if (isLinkRef(candidate['retailer'])) return candidate['retailer'].id;
      if (candidate['retailerId'] != null) return String(candidate['retailerId']);
      if (Array.isArray(candidate['retailerRefs']) && candidate['retailerRefs'].length) return String(candidate['retailerRefs'][0]);
    }
    return undefined;
  };

  /** Scalars as stored, links expanded one level to their own scalars. */
  const fieldsOf = (r: EntityRecord): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      if (k === 'password') continue;
      if (isLinkRef(v)) out[k] = scalarsOf(store.resolve(v));
      else if (Array.isArray(v) && v.some(isLinkRef)) out[k] = v.map((x) => (isLinkRef(x) ? scalarsOf(store.resolve(x)) : x));
      else out[k] = v;
    }
    return out;
  };

  const toView = (r: EntityRecord): EntityView => ({
    entityType: FLUENT_ENTITY_TYPES[r.__typename] ?? r.__typename.toUpperCase(),
    typename: r.__typename,
    id: r.id,
    ref: typeof r['ref'] === 'string' ? r['ref'] : undefined,
    subtype: typeof r['type'] === 'string' ? r['type'] : undefined,
    status: typeof r['status'] === 'string' ? r['status'] : undefined,
    workflowRef: typeof r['workflowRef'] === 'string' ? r['workflowRef'] : undefined,
    workflowVersion: r['workflowVersion'] == null ? undefined : Number(r['workflowVersion']),
    // Walking to the root and expanding links are the costly parts, and many views never need them.
    get retailerId() {
      const value = retailerIdOf(r, rootOf(r));
      Object.defineProperty(this, 'retailerId', { value, enumerable: true });
      return value;
    },
    get root() {
      const root = rootOf(r);
      const value = {
        entityType: FLUENT_ENTITY_TYPES[root.__typename] ?? root.__typename.toUpperCase(),
        id: root.id,
        ref: typeof root['ref'] === 'string' ? root['ref'] : undefined,
      };
      Object.defineProperty(this, 'root', { value, enumerable: true });
      return value;
    },
    get fields() {
      const value = fieldsOf(r);
      Object.defineProperty(this, 'fields', { value, enumerable: true });
      return value;
    },
  });

  const relatedRecords = (parent: EntityRecord, field: string): EntityRecord[] => {
    const kind = domain.model.entities[parent.__typename]?.fields[field];
    const out = new Map<string, EntityRecord>();
    // A link the API derives (Fulfilment.fromLocation from fromAddress) answers like a stored one.
    const own = parent[field] ?? DERIVED_VALUES[`${parent.__typename}.${field}`]?.(store, parent);
    for (const l of Array.isArray(own) ? own : [own]) {
      const r = isLinkRef(l) ? store.resolve(l) : undefined;
      if (r) out.set(`${r.__typename}:${r.id}`, r);
    }
    if (kind?.kind === 'connection') {
      for (const t of domain.model.concreteTypes(kind.node))
        for (const r of store.linkedFrom({ __link: parent.__typename, id: parent.id }, t)) out.set(`${r.__typename}:${r.id}`, r);
    }
    return [...out.values()].sort((a, b) => Number(a.id) - Number(b.id));
  };

  return {
    find: (key) => {
      const r = findRecord(key);
      return r ? toView(r) : undefined;
    },
    findUnder(rootKey, key) {
      for (const typename of TYPENAMES_OF_ENTITY_TYPE[key.entityType] ?? []) {
        for (const id of store.candidates(typename, 'ref', [key.ref])) {
          const r = store.get(typename, String(id));
          if (!r) continue;
          const root = rootOf(r);
          const sameRoot = rootKey.id != null ? root.id === String(rootKey.id) : rootKey.ref != null && root['ref'] === rootKey.ref;
          if (sameRoot && (FLUENT_ENTITY_TYPES[root.__typename] ?? root.__typename.toUpperCase()) === rootKey.entityType) return toView(r);
        }
      }
      return undefined;
    },
    children(parentKey, childEntityType) {
      const parent = findRecord(parentKey);
      if (!parent) return [];
      const link = { __link: parent.__typename, id: parent.id };
      return (TYPENAMES_OF_ENTITY_TYPE[childEntityType] ?? []).flatMap((t) => store.linkedFrom(link, t)).map(toView);
    },
    related(parentKey, field) {
      const parent = findRecord(parentKey);
      return parent ? relatedRecords(parent, field).map(fieldsOf) : [];
    },
    inventoryPositions(catalogueRef, productRef) {
      const positions: Record<string, unknown>[] = [];
      for (const id of store.candidates('InventoryPosition', 'productRef', [productRef])) {
        const position = store.get('InventoryPosition', String(id));
        const catalogue = position && first(position['catalogue']);
        if (catalogue && store.resolve(catalogue)?.['ref'] === catalogueRef) positions.push(fieldsOf(position));
      }
      return positions;
    },
    virtualCataloguesCovering(inventoryCatalogueRef, locationRef) {
      const covers = (catalogue: EntityRecord): boolean => {
        const listed = catalogue['networkIds'];
        const networkIds = Array.isArray(listed) ? listed.map(String) : [];
        if (networkIds.length === 0) return true;
        return networkIds.some((id) => {
          const network = store.get('Network', id);
          return network !== undefined && locationsOfNetwork(domain, network).some((l) => l['ref'] === locationRef);
        });
      };
      return store
        .candidates('VirtualCatalogue')
        .map((id) => store.get('VirtualCatalogue', String(id)))
        .filter((c): c is EntityRecord => c !== undefined && c['inventoryCatalogueRef'] === inventoryCatalogueRef && covers(c))
        .map(toView);
    },
    networkLocations(networkRef) {
      const network = store.candidates('Network', 'ref', [networkRef]).map((id) => store.get('Network', String(id)))[0];
      return network ? locationsOfNetwork(domain, network).map(toView) : [];
    },
    locations() {
      return store
        .candidates('Location')
        .map((id) => store.get('Location', String(id)))
        .filter((l): l is EntityRecord => l !== undefined)
        .map(toView);
    },
    virtualCataloguesOfControlGroup(controlGroupRef) {
      return store
        .candidates('VirtualCatalogue')
        .map((id) => store.get('VirtualCatalogue', String(id)))
        .filter((c): c is EntityRecord => c !== undefined && c['controlGroupRef'] === controlGroupRef)
        .map(toView);
    },
    fulfilmentsAtLocation(locationRef) {
      const location = findRecord({ entityType: 'LOCATION', ref: locationRef });
      if (!location) return [];
      // Fulfilments link their location directly or through an address of it (primary or store address).
      const addresses = [first(location['primaryAddress']), ...store.linkedFrom(linkTo(location), 'StoreAddress').map(linkTo)];
      const candidates = new Map<string, EntityRecord>();
      for (const target of [linkTo(location), ...addresses]) {
        if (target) for (const f of store.linkedFrom(target, 'Fulfilment')) candidates.set(f.id, f);
      }
      return [...candidates.values()]
        .filter((f) => fulfilmentFromLocation(store, f)?.id === location.id)
        .sort((a, b) => Number(a.id) - Number(b.id))
        .map(toView);
    },
    setting(name, retailerId, locationId) {
      const settings = store
        .candidates('Setting')
        .map((id) => store.get('Setting', String(id)))
        .filter((s): s is EntityRecord => s?.['name'] === name);
      const pick =
        (locationId === undefined ? undefined : settings.find((s) => s['context'] === 'LOCATION' && String(s['contextId']) === String(locationId))) ??
        settings.find((s) => s['context'] === 'RETAILER' && retailerId !== undefined && String(s['contextId']) === String(retailerId)) ??
        settings.find((s) => s['context'] === 'ACCOUNT');
      return pick
        ? ({
            name,
            value: typeof pick['value'] === 'string' ? pick['value'] : null,
            lobValue: pick['lobValue'] ?? null,
            context: String(pick['context']),
            contextId: Number(pick['contextId']),
          } satisfies Setting)
        : undefined;
    },
    setStatus(key, status) {
      const r = mustFind(key);
      return toView(
        domain.entities.patch(r.__typename, r.id, (rec) => {
          rec['status'] = status;
        }),
      );
    },
    upsertAttributes(key, attributes) {
      const r = mustFind(key);
      return toView(
        domain.entities.patch(r.__typename, r.id, (rec) => {
          rec['attributes'] = upsertAttributes(rec['attributes'], attributes);
        }),
      );
    },
    mutate(mutation, input) {
      const result = runCommand(domain, mutation, { input });
      // As stored, not copied: the engine discards it, and a copy per write costs more than the write's bookkeeping.
      return result as Readonly<Record<string, unknown>>; // commands return a record or a plain result object
    },
  };
}

/**
 * A record's own scalar fields, kept per port. Records are replaced, never changed, on every
 * write, so the result can be kept per record object (frozen: audit events and rules share it).
 */
function scalarsReader(): (r: EntityRecord | undefined) => Readonly<Record<string, unknown>> | null {
  const cache = new WeakMap<EntityRecord, Readonly<Record<string, unknown>>>();
  return (r) => {
    if (!r) return null;
    let scalars = cache.get(r);
    if (!scalars) {
      scalars = Object.freeze(
        Object.fromEntries(Object.entries(r).filter(([k, v]) => k !== 'password' && !isLinkRef(v) && !(Array.isArray(v) && v.some(isLinkRef)))),
      );
      cache.set(r, scalars);
    }
    return scalars;
  };
}
