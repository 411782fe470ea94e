/**
 * The whole state of one account as plain JSON, and its restoration: the entity store, the id
 * counters and every stateful part of the account (workflows, event log, engine queue, webhook
 * outbox, jobs, installed plugins). Used by snapshots, reset and the data file.
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

/** A snapshot kept in this process, with copies of the indexes so a restore need not rebuild them. */
export type HeldSnapshot = { snapshot: AccountSnapshot; images: { store: StoreImage; events: EventLogImage } };

/** A piece of per-account state outside the entity store. */
type StatefulPart = { toJSON(): unknown; restore(data: never): void; clear(): void };

/**
 * The account's stateful parts under the names the snapshot and data file use. `shared`: the
 * records are replaced, never changed in place, so live account and snapshot may share them;
 * every other part is copied.
 */
function partsOf(account: Account): Record<string, { part: StatefulPart; shared: boolean }> {
  const { workflows, events, engine } = account.orchestration;
  // In the order they are restored: plugins before the workflows that may name their rules.
  return {
    plugins: { part: account.plugins, shared: false },
    webhooks: { part: account.webhooks, shared: false },
    workflows: { part: workflows, shared: false },
    events: { part: events, shared: true },
    engine: { part: engine, shared: false },
    jobs: { part: account.jobs, shared: false },
  };
}

/** The account's stateful parts by name, in restore order (the data file's journal reads them). */
export function accountParts(account: Account): [name: string, part: { toJSON(): unknown }][] {
  return Object.entries(partsOf(account)).map(([name, { part }]) => [name, part]);
}

export function captureAccount(account: Account): AccountSnapshot {
  const parts: Record<string, unknown> = {};
  for (const [name, { part, shared }] of Object.entries(partsOf(account))) parts[name] = shared ? part.toJSON() : structuredClone(part.toJSON());
  return { store: account.store.toJSON(), ids: account.ids.counters(), parts };
}

/** A snapshot to restore in this process: also keeps index copies (not for files). */
export function holdAccount(account: Account): HeldSnapshot {
  return { snapshot: captureAccount(account), images: { store: account.store.image(), events: account.orchestration.events.image() } };
}

export function restoreAccount(account: Account, state: AccountSnapshot | HeldSnapshot): void {
  const { snapshot, images } = 'snapshot' in state ? state : { snapshot: state, images: undefined };
  if (images) account.store.restoreImage(images.store);
  else account.store.restore(snapshot.store);
  account.ids.restore({ ...snapshot.ids });
  for (const [name, { part, shared }] of Object.entries(partsOf(account))) {
    if (!(name in snapshot.parts)) part.clear();
    else if (name === 'events' && images) account.orchestration.events.restoreImage(images.events);
    // Each part is given back what its own `toJSON` wrote under its name (captureAccount above).
    else part.restore((shared ? snapshot.parts[name] : structuredClone(snapshot.parts[name])) as never);
  }
}
