/**
 * The whole state of one account as plain JSON, and its restoration: the entity store, the id
 * counters and every stateful part attached to the account (workflows, event log, engine queue,
 * webhook outbox, jobs). Used by snapshots, reset and the data file.
 *
 * The virtual clock is not part of the state: restoring a snapshot does not move time.
 */
import type { Account } from '../account.js';
import type { StoreData } from '../domain/store/store.js';

export type AccountSnapshot = {
  store: StoreData;
  ids: Record<string, number>;
  /** maps part name to that part's own JSON */
  parts: Record<string, unknown>;
};

export function captureAccount(account: Account): AccountSnapshot {
  const parts: Record<string, unknown> = {};
  for (const [name, part] of account.parts) parts[name] = part.toJSON();
  return structuredClone({ store: account.store.toJSON(), ids: account.ids.counters(), parts });
}

export function restoreAccount(account: Account, snapshot: AccountSnapshot): void {
  const copy = structuredClone(snapshot);
  account.store.restore(copy.store);
  account.ids.restore(copy.ids);
  for (const [name, part] of account.parts) {
    if (name in copy.parts) part.restore(copy.parts[name]);
    else part.clear();
  }
}
