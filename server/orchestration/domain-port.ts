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
import { BoundedMap } from '../lib/bounded-map.js';
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

  /** Scalars as stored, links expanded one level to their own scalars; `linked` gets each linked record, in field order. */
  const fieldsOf = (r: EntityRecord, linked?: (EntityRecord | undefined)[]): Record<string, unknown> => {
    const expand = (link: LinkRef) => {
      const target = store.resolve(link);
      linked?.push(target);
      return scalarsOf(target);
    };
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(r)) {
      if (k === 'password') continue;
      const v = r[k];
      if (isLinkRef(v)) out[k] = expand(v);
      else if (Array.isArray(v) && v.some(isLinkRef)) out[k] = v.map((x) => (isLinkRef(x) ? expand(x) : x));
      else out[k] = v;
    }
    return out;
  };

  const lazy: ViewReader = { rootOf, retailerIdOf, fieldsOf: viewFieldsReader(fieldsOf, (link) => store.resolve(link)) };
  const toView = (r: EntityRecord): EntityView => new RecordView(r, lazy);

  const relatedRecords = (parent: EntityRecord, field: string): EntityRecord[] => {
    const kind = domain.model.entities[parent.__typename]?.fields[field];
    // A link the API derives (Fulfilment.fromLocation from fromAddress) answers like a stored one.
    const own = parent[field] ?? DERIVED_VALUES[`${parent.__typename}.${field}`]?.(store, parent);
    const linked = (Array.isArray(own) ? own : [own]).filter(isLinkRef);
    const types = kind?.kind === 'connection' ? domain.model.concreteTypes(kind.node) : [];
    // The common case, a connection of one type and no stored links (a position's quantities):
    // the store's reverse index answers in id order already.
    if (linked.length === 0 && types.length === 1) return store.linkedFrom({ __link: parent.__typename, id: parent.id }, types[0]!);
    const out = new Map<string, EntityRecord>();
    for (const l of linked) {
      const r = store.resolve(l);
      if (r) out.set(`${r.__typename}:${r.id}`, r);
    }
    for (const t of types) for (const r of store.linkedFrom({ __link: parent.__typename, id: parent.id }, t)) out.set(`${r.__typename}:${r.id}`, r);
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
    related(parentKey, field, options) {
      const parent = findRecord(parentKey);
      if (!parent) return [];
      const records = relatedRecords(parent, field);
      return options?.expandLinks === false ? records.map((r) => scalarsOf(r) ?? {}) : records.map(lazy.fieldsOf);
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
 * How many records' expanded fields `viewFieldsReader` keeps. Kept for every record ever read,
 * they were ≈ 1.7 KiB per HD order (order, items, fulfilments, choices), held as long as the
 * records: the largest per-order cost after the records themselves. A rule reads the same few
 * records (a network's locations, an order's items) many times in a short while, which the
 * newest few thousand cover.
 */
export const VIEW_FIELDS_KEPT = 4096;

/**
 * `fieldsOf` for views (read-only), kept per record object: records are replaced, never changed,
 * on every write, and the kept fields stay valid while each record it links still resolves to the
 * same object (a linked record that was written since is a new object). A rule reads a network's
 * locations or an order's items for every order; expanding them again was the sourcing chain's
 * largest cost. Only the VIEW_FIELDS_KEPT records expanded last are kept.
 */
function viewFieldsReader(
  fieldsOf: (r: EntityRecord, linked: (EntityRecord | undefined)[]) => Record<string, unknown>,
  resolve: (link: LinkRef) => EntityRecord | undefined,
): (r: EntityRecord) => Record<string, unknown> {
  const cache = new BoundedMap<EntityRecord, { linked: readonly (EntityRecord | undefined)[]; fields: Record<string, unknown> }>(VIEW_FIELDS_KEPT);
  /** Whether `r` still links exactly the records `fieldsOf` expanded, in field order. */
  const sameLinked = (r: EntityRecord, linked: readonly (EntityRecord | undefined)[]): boolean => {
    let i = 0;
    const same = (link: LinkRef): boolean => i < linked.length && resolve(link) === linked[i++];
    for (const key in r) {
      if (key === 'password') continue;
      const v = r[key];
      if (isLinkRef(v)) {
        if (!same(v)) return false;
      } else if (Array.isArray(v)) {
        for (const x of v) if (isLinkRef(x) && !same(x)) return false;
      }
    }
    return i === linked.length;
  };
  return (r) => {
    const kept = cache.get(r);
    if (kept && sameLinked(r, kept.linked)) return kept.fields;
    const linked: (EntityRecord | undefined)[] = [];
    const fields = fieldsOf(r, linked);
    cache.set(r, { linked, fields });
    return fields;
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
      const own: Record<string, unknown> = {};
      for (const k of Object.keys(r)) {
        const v = r[k];
        if (k !== 'password' && !isLinkRef(v) && !(Array.isArray(v) && v.some(isLinkRef))) own[k] = v;
      }
      scalars = Object.freeze(own);
      cache.set(r, scalars);
    }
    return scalars;
  };
}

type ViewReader = {
  rootOf(r: EntityRecord): EntityRecord;
  retailerIdOf(r: EntityRecord, root: EntityRecord): string | undefined;
  fieldsOf(r: EntityRecord): Record<string, unknown>;
};

/**
 * One record as the engine sees it. Walking to the root and expanding links are the costly parts
 * and many views never need them, so `retailerId`, `root` and `fields` are worked out on first
 * read and kept. A class: a view per entity read is the engine's most frequent allocation, and an
 * object literal with getters costs three closures and a change of shape per view.
 */
class RecordView implements EntityView {
  readonly entityType: string;
  readonly typename: string;
  readonly id: string;
  readonly ref: string | undefined;
  readonly subtype: string | undefined;
  readonly status: string | undefined;
  readonly workflowRef: string | undefined;
  readonly workflowVersion: number | undefined;
  readonly #record: EntityRecord;
  readonly #reader: ViewReader;
  #retailerId: { value: string | undefined } | undefined;
  #root: EntityView['root'] | undefined;
  #fields: Record<string, unknown> | undefined;

  constructor(r: EntityRecord, reader: ViewReader) {
    this.entityType = FLUENT_ENTITY_TYPES[r.__typename] ?? r.__typename.toUpperCase();
    this.typename = r.__typename;
    this.id = r.id;
    this.ref = typeof r['ref'] === 'string' ? r['ref'] : undefined;
    this.subtype = typeof r['type'] === 'string' ? r['type'] : undefined;
    this.status = typeof r['status'] === 'string' ? r['status'] : undefined;
    this.workflowRef = typeof r['workflowRef'] === 'string' ? r['workflowRef'] : undefined;
    this.workflowVersion = r['workflowVersion'] == null ? undefined : Number(r['workflowVersion']);
    this.#record = r;
    this.#reader = reader;
  }

  get retailerId(): string | undefined {
    this.#retailerId ??= { value: this.#reader.retailerIdOf(this.#record, this.#reader.rootOf(this.#record)) };
    return this.#retailerId.value;
  }

  get root(): EntityView['root'] {
    if (!this.#root) {
      const root = this.#reader.rootOf(this.#record);
      this.#root = {
        entityType: FLUENT_ENTITY_TYPES[root.__typename] ?? root.__typename.toUpperCase(),
        id: root.id,
        ref: typeof root['ref'] === 'string' ? root['ref'] : undefined,
      };
    }
    return this.#root;
  }

  get fields(): Record<string, unknown> {
    this.#fields ??= this.#reader.fieldsOf(this.#record);
    return this.#fields;
  }

  /** The same properties a plain view has (for logs, explain and test comparisons). */
  toJSON(): EntityView {
    const { entityType, typename, id, ref, subtype, status, workflowRef, workflowVersion, retailerId, root, fields } = this;
    return { entityType, typename, id, ref, subtype, status, workflowRef, workflowVersion, retailerId, root, fields };
  }
}
