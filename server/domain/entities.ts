/**
 * Generic create / update / find over the store, driven by the entity model and the schema's
 * input types (design §2 principle 2). Used by the GraphQL resolvers, by the orchestration
 * engine's `mutate` effects, by seeds and by batches, so every writer follows the same rules.
 *
 * Writes are staged in a transaction and committed only when the whole mutation succeeded:
 * an unknown reference, a duplicate ref or a missing value changes nothing.
 */
import {
  type GraphQLInputObjectType,
  getNamedType,
  isInputObjectType,
  isNonNullType,
} from 'graphql';
import type { Clock } from '../lib/clock.js';
import type { Ids } from '../lib/ids.js';
import { SimError } from './errors.js';
import { matchesKey } from './filters.js';
import type { Model } from './model.js';
import { DEFAULT_STATUS_CREATED, ID_SEQUENCE, INPUT_FIELD_RENAMES, MAX_LENGTH, REF_FROM_FIELD } from './overrides.js';
import { isLinkRef, linkTo, type EntityRecord, type LinkRef, type Store } from './store/store.js';
import { Transaction } from './transaction.js';

export type DomainHooks = {
  /** After commit, for every created record (the engine raises CREATE events here). */
  onCreated?(record: EntityRecord): void;
  /** The version (major) new orchestrated entities start on, from the retailer's workflows. */
  workflowVersion?(workflowRef: string, retailerId?: string): number | undefined;
};

export type EntityServiceDeps = { model: Model; store: Store; clock: Clock; ids: Ids; hooks: DomainHooks };

/** What a write did that hooks hear of after commit. */
type Change = { type: 'created'; record: EntityRecord };

const REFERENCE_INPUT = /(Id|Key|LinkInput)$/;

export class EntityService {
  constructor(private readonly deps: EntityServiceDeps) {}

  get store(): Store {
    return this.deps.store;
  }

  /** Runs `work` in a transaction; commits and fires hooks only if it returns normally. */
  write<T>(work: (tx: Transaction, changes: Change[]) => T): T {
    const tx = new Transaction(this.deps.store);
    const changes: Change[] = [];
    const result = work(tx, changes);
    tx.commit();
    for (const c of changes) this.deps.hooks.onCreated?.(this.deps.store.get(c.record.__typename, c.record.id) ?? c.record);
    return result;
  }

  create(typename: string, inputType: GraphQLInputObjectType, input: Record<string, unknown>): EntityRecord {
    return this.write((tx, changes) => this.createIn(tx, changes, typename, inputType, input, undefined));
  }

  update(typename: string, inputType: GraphQLInputObjectType, input: Record<string, unknown>): EntityRecord {
    return this.write((tx, changes) => this.updateIn(tx, changes, typename, inputType, input));
  }

  /** Finds one record of `typename` (or an interface's concrete types) by a key object. */
  findByKey(view: { get(t: string, id: string): EntityRecord | undefined; candidates(t: string, ref?: string): EntityRecord[] }, typename: string, key: Record<string, unknown>): EntityRecord | undefined {
    for (const concrete of this.deps.model.concreteTypes(typename)) {
      if (key['id'] != null) {
        const r = view.get(concrete, String(key['id']));
        if (r && matchesKey(this.deps.store, r, key)) return r;
        continue;
      }
      const ref = key['ref'] == null ? undefined : String(key['ref']);
      const found = view.candidates(concrete, ref).find((r) => matchesKey(this.deps.store, r, key));
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Changes fields of one stored record directly (status, attributes, quantities) on behalf of
   * the engine, with the same bookkeeping as an update mutation: updatedOn, hooks, one commit.
   */
  patch(typename: string, id: string, change: (record: EntityRecord) => void): EntityRecord {
    return this.write((tx, changes) => {
      const existing = tx.get(typename, id);
      if (!existing) throw new SimError('ENTITY_NOT_FOUND', `C0120E: ${typename} ${id} was not found`);
      const record = structuredClone(existing);
      change(record);
      if ('updatedOn' in (this.deps.model.entities[typename]?.fields ?? {})) record['updatedOn'] = this.deps.clock.now().toISOString();
      tx.put(record);
        return record;
    });
  }

  // ---- create ---------------------------------------------------------------------------

  createIn(tx: Transaction, changes: Change[], typename: string, inputType: GraphQLInputObjectType, input: Record<string, unknown>, parent: EntityRecord | undefined): EntityRecord {
    const { model, clock, ids } = this.deps;
    const entity = model.entities[typename];
    if (!entity) throw new SimError('INTERNAL', `no stored type ${typename}`);
    const now = clock.now().toISOString();
    const record: EntityRecord = { __typename: typename, id: ids.nextNumeric(ID_SEQUENCE[typename] ?? typename) };
    if ('createdOn' in entity.fields) record['createdOn'] = now;
    if ('updatedOn' in entity.fields) record['updatedOn'] = now;
    if (parent) this.linkToParent(record, parent);
    const deferred: (() => void)[] = [];
    const inputFields = inputType.getFields();
    for (const [name, value] of Object.entries(input)) {
      const def = inputFields[name];
      if (!def || value === undefined) continue;
      const out = INPUT_FIELD_RENAMES[typename]?.[name] ?? name;
      checkLength(out, value);
      const named = getNamedType(def.type);
      if (value === null || !isInputObjectType(named)) {
        record[out] = value;
      } else if (REFERENCE_INPUT.test(named.name)) {
        record[out] = this.resolveReferences(tx, typename, out, named, value);
      } else if (named.name.startsWith('Create') && this.deps.model.entities[typename]?.fields[out]?.kind !== 'value') {
        // Children are created after the parent's own fields are known (they may need its id).
        deferred.push(() => {
          const childType = this.childType(typename, out, named.name);
          const values = (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
          const created = values.map((v) => this.createIn(tx, changes, childType, named, v, record));
          record[out] = Array.isArray(value) ? created.map(linkTo) : linkTo(created[0]!);
        });
      } else {
        // A value (UserRoleInput, PriceInput, …) is stored as given; keys inside it must exist.
        this.checkEmbeddedReferences(tx, named, value, `${typename}.${out}`);
        record[out] = value;
      }
    }
    this.applyDefaults(record);
    this.checkUnique(tx, record);
    tx.put(record);
    for (const run of deferred) run();
    this.applyCrossReferences(tx, record);
    tx.put(record);
    changes.push({ type: 'created', record });
    return record;
  }

  private applyDefaults(record: EntityRecord): void {
    const entity = this.deps.model.entities[record.__typename]!;
    const refFrom = REF_FROM_FIELD[record.__typename];
    if (refFrom && record['ref'] == null && record[refFrom] != null) record['ref'] = record[refFrom];
    if ('status' in entity.fields && record['status'] == null) {
      record['status'] = entity.orchestrateable || DEFAULT_STATUS_CREATED.has(record.__typename) ? 'CREATED' : 'ACTIVE';
    }
    if (entity.orchestrateable && 'workflowRef' in entity.fields && record['workflowRef'] == null) {
      const workflowRef = `${entity.fluentEntityType ?? upperSnake(record.__typename)}::${String(record['type'] ?? 'DEFAULT')}`;
      record['workflowRef'] = workflowRef;
      const retailer = record['retailer'];
      record['workflowVersion'] = this.deps.hooks.workflowVersion?.(workflowRef, isLinkRef(retailer) ? retailer.id : undefined) ?? 1;
    }
  }

  /** Order items name their product and fulfilment choice by ref (CreateOrderItemWithOrderInput). */
  private applyCrossReferences(tx: Transaction, record: EntityRecord): void {
    if (typeof record['productRef'] === 'string' && 'product' in (this.deps.model.entities[record.__typename]?.fields ?? {}) && !isLinkRef(record['product'])) {
      const key: Record<string, unknown> = { ref: record['productRef'] };
      if (typeof record['productCatalogueRef'] === 'string') key['catalogue'] = { ref: record['productCatalogueRef'] };
      const product = this.findByKey(tx, 'Product', key);
      if (!product) throw new SimError('ENTITY_NOT_FOUND', `C0120E: Product with ref "${record['productRef']}"${record['productCatalogueRef'] ? ` in catalogue "${record['productCatalogueRef']}"` : ''} was not found`);
      record['product'] = linkTo(product);
    }
    if (record.__typename === 'OrderItem' && typeof record['fulfilmentChoiceRef'] === 'string' && isLinkRef(record['order'])) {
      // FulfilmentChoice has no link back to its order: look at the order's own choice links too.
      const order = tx.get(record['order'].__link, record['order'].id);
      const own = [order?.['fulfilmentChoice'], ...(Array.isArray(order?.['fulfilmentChoices']) ? (order['fulfilmentChoices'] as unknown[]) : [])]
        .filter(isLinkRef)
        .map((l) => tx.get(l.__link, l.id))
        .filter((c): c is EntityRecord => c !== undefined);
      const choice = [...own, ...tx.linkedFrom(record['order'], 'FulfilmentChoice')].find((c) => c['ref'] === record['fulfilmentChoiceRef']);
      if (choice) record['fulfilmentChoice'] = linkTo(choice);
    }
  }

  /** `UserRoleInput.role: RoleKey` and the like: a key inside a value input must name an entity. */
  private checkEmbeddedReferences(tx: Transaction, inputType: GraphQLInputObjectType, value: unknown, where: string): void {
    for (const item of (Array.isArray(value) ? value : [value]) as Record<string, unknown>[]) {
      if (!item || typeof item !== 'object') continue;
      for (const [name, def] of Object.entries(inputType.getFields())) {
        const named = getNamedType(def.type);
        const v = item[name];
        if (v == null || !isInputObjectType(named)) continue;
        if (REFERENCE_INPUT.test(named.name)) {
          const target = named.name.replace(REFERENCE_INPUT, '');
          if (!this.deps.model.isStored(target) && this.deps.model.concreteTypes(target).length === 0) continue;
          for (const key of (Array.isArray(v) ? v : [v]) as Record<string, unknown>[]) {
            if (!this.findByKey(tx, target, key)) throw new SimError('ENTITY_NOT_FOUND', `C0120E: ${target} ${JSON.stringify(key)} referenced by ${where}.${name} was not found`);
          }
        } else {
          this.checkEmbeddedReferences(tx, named, v, `${where}.${name}`);
        }
      }
    }
  }

  /** Sets the child's back-link to its parent (`OrderItem.order`) when the child has one. */
  private linkToParent(child: EntityRecord, parent: EntityRecord): void {
    const { model } = this.deps;
    const fields = model.entities[child.__typename]?.fields ?? {};
    for (const [name, kind] of Object.entries(fields)) {
      if (kind.kind === 'link' && !kind.view && model.concreteTypes(kind.target).includes(parent.__typename)) {
        child[name] = linkTo(parent);
        return;
      }
    }
    for (const [name, kind] of Object.entries(fields)) {
      if (kind.kind === 'link' && kind.view && model.concreteTypes(kind.target).includes(parent.__typename)) {
        child[name] = linkTo(parent);
        return;
      }
    }
  }

  private childType(parentType: string, field: string, inputName: string): string {
    const { model } = this.deps;
    const kind = model.entities[parentType]?.fields[field];
    const target = kind?.kind === 'connection' ? kind.node : kind?.kind === 'link' || kind?.kind === 'links' ? kind.target : undefined;
    const fromInput = /^Create(.+?)(?:With.+)?Input$/.exec(inputName)?.[1];
    if (target && model.concreteTypes(target).length === 1) return model.concreteTypes(target)[0]!;
    if (fromInput && model.isStored(fromInput)) return fromInput;
    throw new SimError('INTERNAL', `cannot tell which type ${parentType}.${field} (${inputName}) creates`);
  }

  private resolveReferences(tx: Transaction, typename: string, field: string, inputType: GraphQLInputObjectType, value: unknown): LinkRef | LinkRef[] {
    const { model } = this.deps;
    const kind = model.entities[typename]?.fields[field];
    const fromKind = kind?.kind === 'connection' ? kind.node : kind?.kind === 'link' || kind?.kind === 'links' ? kind.target : undefined;
    const target = fromKind ?? inputType.name.replace(REFERENCE_INPUT, '');
    const one = (key: Record<string, unknown>): LinkRef => {
      const found = this.findByKey(tx, target, key);
      if (!found) throw new SimError('ENTITY_NOT_FOUND', `C0120E: ${target} ${JSON.stringify(key)} referenced by ${typename}.${field} was not found`);
      return linkTo(found);
    };
    return Array.isArray(value) ? (value as Record<string, unknown>[]).filter((v) => v != null).map(one) : one(value as Record<string, unknown>);
  }

  /** A ref is unique within the scope its lookup query uses (`order(ref)`, `standardProduct(ref, catalogue)`). */
  private checkUnique(tx: Transaction, record: EntityRecord): void {
    const scope = this.uniqueScope(record.__typename);
    if (!scope || typeof record['ref'] !== 'string') return;
    const siblings = scope.types.flatMap((t) => tx.candidates(t, record['ref'] as string));
    const clash = siblings.find((s) => s.id !== record.id || s.__typename !== record.__typename ? scope.fields.every((f) => sameLink(s[f], record[f])) : false);
    if (clash) {
      throw new SimError('DUPLICATE_ENTITY', `C0121E: ${record.__typename} with ref "${record['ref']}" already exists${scope.fields.length ? ` in this ${scope.fields.join('/')}` : ''}`);
    }
  }

  private uniqueScopes: Map<string, { types: string[]; fields: string[] } | null> | undefined;

  private uniqueScope(typename: string): { types: string[]; fields: string[] } | null {
    if (!this.uniqueScopes) {
      this.uniqueScopes = new Map();
      const query = this.deps.model.schema.getQueryType()!;
      for (const f of Object.values(query.getFields())) {
        const argNames = f.args.map((a) => a.name);
        if (!argNames.includes('ref') || argNames.includes('first')) continue;
        const ret = getNamedType(f.type).name;
        const types = this.deps.model.concreteTypes(ret);
        const fields = f.args.filter((a) => a.name !== 'ref' && a.name !== 'id' && isNonNullType(a.type)).map((a) => a.name);
        for (const t of types) if (!this.uniqueScopes.has(t)) this.uniqueScopes.set(t, { types, fields });
      }
    }
    return this.uniqueScopes.get(typename) ?? null;
  }

  // ---- update ---------------------------------------------------------------------------

  updateIn(tx: Transaction, changes: Change[], typename: string, inputType: GraphQLInputObjectType, input: Record<string, unknown>, within?: EntityRecord): EntityRecord {
    const keyFields = keyFieldsOf(inputType, typename);
    const key = Object.fromEntries(keyFields.filter((k) => input[k] != null).map((k) => [k, input[k]]));
    if (Object.keys(key).length === 0) throw new SimError('MISSING_VARIABLES', `C0140E: ${inputType.name} needs ${keyFields.join(' + ')} to find the ${typename}`);
    const existing = within && key['id'] != null ? tx.get(typename, String(key['id'])) : this.findByKey(tx, typename, key);
    // A nested child belongs to `within` if either links the other (OrderItem.order, or Location.openingSchedule).
    if (!existing || (within && !linksTo(existing, within) && !linksTo(within, existing))) {
      throw new SimError('ENTITY_NOT_FOUND', `C0120E: ${typename} ${JSON.stringify(key)} was not found`);
    }
    const record: EntityRecord = structuredClone(existing);
    const fields = inputType.getFields();
    for (const [name, value] of Object.entries(input)) {
      const def = fields[name];
      if (!def || value === undefined || (keyFields.includes(name) && name !== 'status')) continue;
      const out = INPUT_FIELD_RENAMES[typename]?.[name] ?? name;
      checkLength(out, value);
      const named = getNamedType(def.type);
      if (out === 'attributes' && Array.isArray(value)) record['attributes'] = upsertAttributes(record['attributes'], value as AttributeValue[]);
      else if (value === null || !isInputObjectType(named)) record[out] = value;
      else if (REFERENCE_INPUT.test(named.name)) record[out] = this.resolveReferences(tx, typename, out, named, value);
      else if (named.name.startsWith('Update')) {
        const childType = this.childType(typename, out, named.name.replace(/^Update/, 'Create'));
        for (const v of (Array.isArray(value) ? value : [value]) as Record<string, unknown>[]) this.updateIn(tx, changes, childType, named, v, record);
      } else if (named.name.startsWith('Create') && this.deps.model.entities[typename]?.fields[out]?.kind !== 'value') {
        const childType = this.childType(typename, out, named.name);
        const created = ((Array.isArray(value) ? value : [value]) as Record<string, unknown>[]).map((v) => this.createIn(tx, changes, childType, named, v, record));
        record[out] = Array.isArray(value) ? [...((record[out] as LinkRef[] | undefined) ?? []), ...created.map(linkTo)] : linkTo(created[0]!);
      } else record[out] = value;
    }
    if ('updatedOn' in record || 'createdOn' in record) record['updatedOn'] = this.deps.clock.now().toISOString();
    this.checkUnique(tx, record);
    tx.put(record);
    return record;
  }
}

type AttributeValue = { name: string; type: string; value: unknown };

/** Attributes are upserted by name on update (schema descriptions, fluent-platform.md §2.6). */
export function upsertAttributes(current: unknown, incoming: AttributeValue[]): AttributeValue[] {
  const list = Array.isArray(current) ? [...(current as AttributeValue[])] : [];
  for (const a of incoming) {
    if (!a) continue;
    const at = list.findIndex((x) => x.name === a.name);
    if (at >= 0) list[at] = a;
    else list.push(a);
  }
  return list;
}

/** The fields an update input is keyed by: its required identifying fields (§2.5). */
function keyFieldsOf(inputType: GraphQLInputObjectType, typename: string): string[] {
  const identifying = ['id', 'ref', 'username', 'name', 'alphabeticCode'];
  const keys: string[] = [];
  for (const f of Object.values(inputType.getFields())) {
    const required = isNonNullType(f.type);
    if (identifying.includes(f.name) && (required || f.name === 'id')) keys.push(f.name);
    else if (required && isInputObjectType(getNamedType(f.type)) && REFERENCE_INPUT.test(getNamedType(f.type).name)) keys.push(f.name);
  }
  // Setting, Comment and others are keyed by id alone even though other fields are required.
  if (keys.includes('id')) return ['id'];
  if (typename === 'Role' || typename === 'Permission') return ['name'];
  return keys;
}

/** `CarrierConsignment` → `CARRIER_CONSIGNMENT`, for workflowRefs of types outside §3.3. */
function upperSnake(typename: string): string {
  return typename.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

function linksTo(from: EntityRecord, to: EntityRecord): boolean {
  return Object.values(from).some((v) => (Array.isArray(v) ? v : [v]).some((l) => isLinkRef(l) && l.id === to.id && l.__link === to.__typename));
}

function sameLink(a: unknown, b: unknown): boolean {
  if (isLinkRef(a) && isLinkRef(b)) return a.__link === b.__link && a.id === b.id;
  return a === b;
}

function checkLength(field: string, value: unknown): void {
  const max = MAX_LENGTH[field];
  if (max !== undefined && typeof value === 'string' && value.length > max) {
    throw new SimError('FIELD_TOO_LONG', `C0141E: ${field} is ${value.length} characters long; the maximum is ${max}`);
  }
}
