/**
 * Key lookups for the special resolvers: a required entity named by a key input (`NetworkKey`,
 * `InventoryCatalogueKey`, …) that answers `C0120E` when missing, the way the generic create and
 * update do (fluent-platform.md §2.10).
 */
import type { Domain } from './domain.js';
import { SimError } from './errors.js';
import type { EntityRecord } from './store/store.js';
import type { Transaction } from './transaction.js';

/** Fields that identify a record on their own; a key with none of them would match anything. */
const IDENTIFYING = ['id', 'ref', 'username', 'name', 'alphabeticCode'];

export type Key = Record<string, unknown>;

/** Drops null and undefined values, so `{id: null, ref: "X"}` looks up by ref only. */
export function compactKey(key: Key): Key {
  return Object.fromEntries(Object.entries(key).filter(([, v]) => v !== undefined && v !== null));
}

/**
 * The record of `typename` (or an interface's concrete types) matching `key`, read through `view`
 * (a transaction inside a mutation, `domain.view` otherwise).
 *
 * @throws SimError MISSING_VARIABLES (C0140E) when the key names nothing identifying.
 * @throws SimError ENTITY_NOT_FOUND (C0120E) when no record matches.
 */
export function findRequired(domain: Domain, view: Transaction, typename: string, key: Key, usedBy: string): EntityRecord {
  const compact = compactKey(key);
  if (!IDENTIFYING.some((f) => f in compact)) {
    throw new SimError('MISSING_VARIABLES', `C0140E: ${usedBy} needs an id, ref, username or name to find the ${typename}; got ${JSON.stringify(key)}`);
  }
  const found = domain.entities.findByKey(view, typename, compact);
  if (!found) throw new SimError('ENTITY_NOT_FOUND', `C0120E: ${typename} ${JSON.stringify(compact)} given to ${usedBy} was not found`);
  return found;
}
