/**
 * The whole state of one account as plain JSON, and its restoration: the entity store, the id
 * counters and every stateful part attached to the account (workflows, event log, engine queue,
 * webhook outbox, jobs). Used by snapshots, reset and the data file.
 *
 * The virtual clock is not part of the state: restoring a snapshot does not move time.
 */
import type { Account } from '../account.js';
import type { StoreData, StoreImage } from '../domain/store/store.js';
import type { EventLogImage } from '../orchestration/event-log.js';

export type AccountSnapshot = {
  store: StoreData;
  ids: Record<string, number>;
  /** maps part name to that part's own JSON */
  parts: Record<string, unknown>;
};

/**
 * Entity records and event records are shared between the live account and its snapshots:
 * both are replaced, never changed in place, when they change. Everything else is copied.
 */
const SHARED_PARTS = new Set(['events']);

/** In-memory copies of the indexed parts, so a restore copies indexes instead of rebuilding them. */
type Images = { store: StoreImage; events: EventLogImage | undefined };
const images = new WeakMap<AccountSnapshot, Images>();

/** `forRestore`: also keep index copies, for snapshots restored in this process (not for files). */
export function captureAccount(account: Account, options: { forRestore?: boolean } = {}): AccountSnapshot {
  const parts: Record<string, unknown> = {};
  for (const [name, part] of account.parts) parts[name] = SHARED_PARTS.has(name) ? part.toJSON() : structuredClone(part.toJSON());
  const snapshot: AccountSnapshot = { store: account.store.toJSON(), ids: account.ids.counters(), parts };
  if (options.forRestore) images.set(snapshot, { store: account.store.image(), events: account.orchestration?.events.image() });
  return snapshot;
}

export function restoreAccount(account: Account, snapshot: AccountSnapshot): void {
  const image = images.get(snapshot);
  if (image) account.store.restoreImage(image.store);
  else account.store.restore(snapshot.store);
  account.ids.restore({ ...snapshot.ids });
  for (const [name, part] of account.parts) {
    if (!(name in snapshot.parts)) part.clear();
    else if (name === 'events' && image?.events && account.orchestration) account.orchestration.events.restoreImage(image.events);
    else part.restore(SHARED_PARTS.has(name) ? snapshot.parts[name] : structuredClone(snapshot.parts[name]));
  }
}
