/**
 * Generic create / update / patch / find over the store, driven by the entity model and the
 * schema's input types (design §2 principle 2). The domain commands (`commands/`) call it for
 * every caller, so every writer follows the same rules. References are followed by
 * `entity-references.ts`, ref uniqueness is `unique-refs.ts`, field defaults and lengths are
 * `entity-fields.ts`.
 *
 * Writes are staged in a transaction and committed only when the whole mutation succeeded:
 * an unknown reference, a duplicate ref or a missing value changes nothing.
 */
import { type GraphQLInputObjectType, getNamedType, isInputObjectType } from 'graphql';
import type { Clock } from '../lib/clock.js';
import { copyJson } from '../lib/copy-json.js';
import type { Ids } from '../lib/ids.js';
import { isRecord } from '../lib/guards.js';
import { isoInstant } from '../lib/iso-instant.js';
import { createFieldPlan } from './create-field-plan.js';
import { applyDefaults, checkLength, keyFieldsOf, upsertAttributes, upsertPrices } from './entity-fields.js';
import {
  applyCrossReferences,
  checkEmbeddedReferences,
  childType as childTypeOf,
  linksTo,
  linkToParent,
  REFERENCE_INPUT,
  resolveReferences,
  type FindByKey,
} from './entity-references.js';
import { SimError } from './errors.js';
import { matchesKey } from './filters.js';
import type { Model } from './model.js';
import { ID_SEQUENCE, INPUT_FIELD_RENAMES } from './overrides.js';
import { linkTo, type EntityRecord, type Store } from './store/store.js';
import { Transaction } from './transaction.js';
import { uniqueRefCheck } from './unique-refs.js';

export type DomainHooks = {
  /** After commit, for every created record (the engine raises CREATE events here). */
  onCreated?(record: EntityRecord): void;
  /** The version (major) new orchestrated entities start on, from the retailer's workflows. */
  workflowVersion?(workflowRef: string, retailerId?: string): number | undefined;
};

export type EntityServiceDeps = { model: Model; store: Store; clock: Clock; ids: Ids; hooks: DomainHooks };

/** What a write did that hooks hear of after commit. */
type Change = { type: 'created'; record: EntityRecord };

export class EntityService {
  private readonly checkUnique: (tx: Transaction, record: EntityRecord) => void;
  private readonly find: FindByKey = (tx, typename, key) => this.findByKey(tx, typename, key);

  constructor(private readonly deps: EntityServiceDeps) {
    this.checkUnique = uniqueRefCheck(deps.model);
  }

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
  findByKey(
    view: { get(t: string, id: string): EntityRecord | undefined; candidates(t: string, ref?: string): EntityRecord[] },
    typename: string,
    key: Record<string, unknown>,
  ): EntityRecord | undefined {
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
    return this.write((tx, _changes) => {
      const existing = tx.get(typename, id);
      if (!existing) throw new SimError('ENTITY_NOT_FOUND', `C0120E: ${typename} ${id} was not found`);
      const record = copyJson(existing);
      change(record);
      if ('updatedOn' in (this.deps.model.entities[typename]?.fields ?? {})) record['updatedOn'] = isoInstant(this.deps.clock.nowMs());
      tx.put(record);
      return record;
    });
  }

  // ---- create ---------------------------------------------------------------------------

  createIn(
    tx: Transaction,
    changes: Change[],
    typename: string,
    inputType: GraphQLInputObjectType,
    input: Record<string, unknown>,
    parent: EntityRecord | undefined,
  ): EntityRecord {
    const { model, clock, ids } = this.deps;
    const entity = model.entities[typename];
    if (!entity) throw new SimError('INTERNAL', `no stored type ${typename}`);
    const now = isoInstant(clock.nowMs());
    const record: EntityRecord = { __typename: typename, id: ids.nextNumeric(ID_SEQUENCE[typename] ?? typename) };
    if ('createdOn' in entity.fields) record['createdOn'] = now;
    if ('updatedOn' in entity.fields) record['updatedOn'] = now;
    if (parent) linkToParent(model, record, parent);
    const deferred: (() => void)[] = [];
    const plans = createFieldPlan(model, typename, inputType);
    for (const name of Object.keys(input)) {
      const plan = plans.get(name);
      const value = input[name];
      if (!plan || value === undefined) continue;
      const { out } = plan;
      checkLength(out, value);
      if (value === null || plan.kind === 'plain') {
        record[out] = value;
      } else if (plan.kind === 'reference') {
        record[out] = resolveReferences(this.deps.model, this.find, tx, typename, out, plan.named, value);
      } else if (plan.kind === 'children') {
        const { named } = plan;
        // Children are created after the parent's own fields are known (they may need its id).
        deferred.push(() => {
          const childType = childTypeOf(this.deps.model, typename, out, named.name);
          const created = childInputs(value, `${typename}.${out}`, named.name).map((v) => this.createIn(tx, changes, childType, named, v, record));
          record[out] = Array.isArray(value) ? created.map(linkTo) : linkTo(created[0]!);
        });
      } else {
        // A value (UserRoleInput, PriceInput, …) is stored as given; keys inside it must exist.
        checkEmbeddedReferences(model, this.find, tx, plan.named, value, `${typename}.${out}`);
        record[out] = value;
      }
    }
    applyDefaults(model, this.deps.hooks.workflowVersion, record);
    this.checkUnique(tx, record);
    tx.put(record);
    for (const run of deferred) run();
    applyCrossReferences(model, this.find, tx, record);
    tx.put(record);
    changes.push({ type: 'created', record });
    return record;
  }

  // ---- update ---------------------------------------------------------------------------

  updateIn(
    tx: Transaction,
    changes: Change[],
    typename: string,
    inputType: GraphQLInputObjectType,
    input: Record<string, unknown>,
    within?: EntityRecord,
  ): EntityRecord {
    const keyFields = keyFieldsOf(inputType, typename);
    const key = Object.fromEntries(keyFields.filter((k) => input[k] != null).map((k) => [k, input[k]]));
    if (Object.keys(key).length === 0)
      throw new SimError('MISSING_VARIABLES', `C0140E: ${inputType.name} needs ${keyFields.join(' + ')} to find the ${typename}`);
    const existing = within && key['id'] != null ? tx.get(typename, String(key['id'])) : this.findByKey(tx, typename, key);
    // A nested child belongs to `within` if either links the other (OrderItem.order, or Location.openingSchedule).
    if (!existing || (within && !linksTo(existing, within) && !linksTo(within, existing))) {
      throw new SimError('ENTITY_NOT_FOUND', `C0120E: ${typename} ${JSON.stringify(key)} was not found`);
    }
    const record: EntityRecord = copyJson(existing);
    const fields = inputType.getFields();
    for (const [name, value] of Object.entries(input)) {
      const def = fields[name];
      if (!def || value === undefined || (keyFields.includes(name) && name !== 'status')) continue;
      const out = INPUT_FIELD_RENAMES[typename]?.[name] ?? name;
      checkLength(out, value);
      const named = getNamedType(def.type);
      if (out === 'attributes' && Array.isArray(value)) record['attributes'] = upsertAttributes(record['attributes'], value);
      else if (out === 'prices' && Array.isArray(value)) record['prices'] = upsertPrices(record['prices'], value);
      else if (value === null || !isInputObjectType(named)) record[out] = value;
      else if (REFERENCE_INPUT.test(named.name)) record[out] = resolveReferences(this.deps.model, this.find, tx, typename, out, named, value);
      else if (named.name.startsWith('Update')) {
        const childType = childTypeOf(this.deps.model, typename, out, named.name.replace(/^Update/, 'Create'));
        for (const v of childInputs(value, `${typename}.${out}`, named.name)) this.updateIn(tx, changes, childType, named, v, record);
      } else if (named.name.startsWith('Create') && this.deps.model.entities[typename]?.fields[out]?.kind !== 'value') {
        const childType = childTypeOf(this.deps.model, typename, out, named.name);
        const created = childInputs(value, `${typename}.${out}`, named.name).map((v) => this.createIn(tx, changes, childType, named, v, record));
        const before = record[out];
        record[out] = Array.isArray(value) ? [...(Array.isArray(before) ? before : []), ...created.map(linkTo)] : linkTo(created[0]!);
      } else record[out] = value;
    }
    if ('updatedOn' in record || 'createdOn' in record) record['updatedOn'] = isoInstant(this.deps.clock.nowMs());
    this.checkUnique(tx, record);
    tx.put(record);
    return record;
  }
}

/** The child inputs of a nested `Create…`/`Update…` field (a list, or one), each an object: a null entry is C0140E. */
function childInputs(value: unknown, field: string, inputTypeName: string): Record<string, unknown>[] {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  const gap = values.findIndex((v) => !isRecord(v));
  if (gap >= 0) throw new SimError('MISSING_VARIABLES', `C0140E: ${field}[${gap}] is null; each entry must be a ${inputTypeName}`);
  return values.filter(isRecord);
}
