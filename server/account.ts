/**
 * One Fluent account inside the simulator: its data, its virtual clock, its id counters and the
 * services that act on them. Several accounts can live in one process (tenants); the bearer
 * token decides which one a request uses.
 */
import type { Clock } from './lib/clock.js';
import type { Ids } from './lib/ids.js';
import { EntityService, type DomainHooks } from './domain/entities.js';
import type { Model } from './domain/model.js';
import type { PagingLimits } from './domain/paging.js';
import { Store } from './domain/store/store.js';
import { Transaction } from './domain/transaction.js';
import { Users } from './auth/users.js';
import type { Orchestration } from './orchestration/account-orchestration.js';
import type { WebhookService } from './webhooks/webhook-service.js';
import { PluginStore } from './plugins/plugin-store.js';

export type AccountCredentials = { clientId: string; clientSecret: string };

/** A piece of per-account state outside the entity store (event log, outbox, jobs, …). */
export type StatefulPart = {
  toJSON(): unknown;
  restore(data: unknown): void;
  clear(): void;
};

export type Account = {
  readonly id: string;
  readonly credentials: AccountCredentials;
  readonly model: Model;
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly entities: EntityService;
  readonly paging: PagingLimits;
  /** A read-only view for lookups outside a mutation. */
  readonly view: Transaction;
  /** Hooks the orchestration layer attaches (CREATE events, workflow versions). */
  readonly hooks: DomainHooks;
  readonly users: Users;
  /** State beside the store, by name, captured by snapshots and the data file. */
  readonly parts: Map<string, StatefulPart>;
  /** Set once the engine is attached (simulator start-up). */
  orchestration: Orchestration | undefined;
  /** Signed webhook delivery and its outbox (set at start-up). */
  webhooks: WebhookService | undefined;
  /** Rule plugins uploaded and installed through the Plugin API. */
  readonly plugins: PluginStore;
};

export type AccountOptions = {
  id: string;
  credentials: AccountCredentials;
  model: Model;
  clock: Clock;
  ids: Ids;
  paging: PagingLimits;
};

export function createAccount(options: AccountOptions): Account {
  const store = new Store();
  const hooks: DomainHooks = {};
  const entities = new EntityService({ model: options.model, store, clock: options.clock, ids: options.ids, hooks });
  const plugins = new PluginStore(() => options.clock.now());
  const parts = new Map<string, StatefulPart>([['plugins', plugins]]);
  return { ...options, store, entities, hooks, view: new Transaction(store), users: new Users(store), orchestration: undefined, webhooks: undefined, parts, plugins };
}
