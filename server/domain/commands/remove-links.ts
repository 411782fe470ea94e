/**
 * The shared core of the `remove…From…` mutations: takes members out of a membership list
 * (`Network.locations`, `StandardProduct.categories`, `Role.permissions`, `Wave.fulfilments`) and,
 * where the other side keeps the link too (`Location.networks`), from there as well, in one
 * transaction. Members that are not linked are ignored.
 */
import type { Domain } from '../domain.js';
import type { EntityRecord } from '../store/store.js';
import type { Transaction } from '../transaction.js';
import { sameRecord, linksIn } from '../links.js';

/**
 * `Remove…Output.status` is "Status of the mutation operation" (schema description); its values
 * are not documented [inferred].
 */
export const REMOVE_SUCCEEDED = { status: 'SUCCESS' } as const;

export type RemoveLinksOptions = {
  /** The owner's membership field, e.g. `locations` on a Network. */
  field: string;
  /** The member's field that may link back to the owner, e.g. `networks` on a Location. */
  backField?: string;
};

export function removeLinks(domain: Domain, tx: Transaction, owner: EntityRecord, members: readonly EntityRecord[], options: RemoveLinksOptions): void {
  const now = domain.clock.now().toISOString();
  const current = tx.get(owner.__typename, owner.id) ?? owner;
  const kept = linksIn(current[options.field]).filter((l) => !members.some((m) => sameRecord(l, m)));
  const linked = current[options.field];
  if (Array.isArray(linked) && kept.length !== linked.length) {
    tx.put(touched({ ...structuredClone(current), [options.field]: kept }, now));
  }
  if (!options.backField) return;
  for (const member of members) {
    const m = tx.get(member.__typename, member.id) ?? member;
    const back = m[options.backField];
    if (!Array.isArray(back)) continue;
    const keptBack = linksIn(back).filter((l) => !sameRecord(l, owner));
    if (keptBack.length !== back.length) tx.put(touched({ ...structuredClone(m), [options.backField]: keptBack }, now));
  }
}

function touched(record: EntityRecord, now: string): EntityRecord {
  if ('updatedOn' in record || 'createdOn' in record) record['updatedOn'] = now;
  return record;
}
