/**
 * One Fluent account inside the simulator: its data, its virtual clock, its id counters and the
 * services that act on them. Several accounts can live in one process (tenants); the bearer
 * token decides which one a request uses.
 *
 * `buildAccount` is the one place an account is put together, in dependency order: the domain
 * (store, entity service), then its event log, webhook delivery, orchestration engine and jobs.
 * Each part is a typed field; nothing is attached later.
 */
import type { Clock } from './lib/clock.js';
import type { Ids } from './lib/ids.js';
import { accountIdOf, type AccountId } from './domain/ids.js';
import { createJobService, type JobService } from './batch/job-service.js';
import type { Domain } from './domain/domain.js';
import { EntityService, type DomainHooks } from './domain/entities.js';
import type { Model } from './domain/model.js';
import type { PagingLimits } from './domain/paging.js';
import { Store } from './domain/store/store.js';
import { Transaction } from './domain/transaction.js';
import { Users } from './auth/users.js';
import { createOrchestration, type Orchestration } from './orchestration/account-orchestration.js';
import { createDomainPort } from './orchestration/domain-port.js';
import { createEventLog, type EventRetention } from './orchestration/event-log.js';
import type { RuleRegistry } from './orchestration/rule-registry.js';
import { createAccountWebhooks, type WebhookKeys } from './webhooks/account-webhooks.js';
import type { Dispatcher } from './webhooks/dispatcher.js';
import type { WebhookService } from './webhooks/webhook-service.js';
import { PluginStore } from './plugins/plugin-store.js';

export type AccountCredentials = { clientId: string; clientSecret: string };

/**
 * An account. The domain's fields (`store`, `clock`, `entities`, …) are also on the account
 * itself: `account.store` is `account.domain.store`.
 */
export type Account = Domain & {
  readonly id: AccountId;
  readonly credentials: AccountCredentials;
  readonly domain: Domain;
  /** Hooks the orchestration layer set on the entity service (CREATE events, workflow versions). */
  readonly hooks: DomainHooks;
  readonly users: Users;
  readonly orchestration: Orchestration;
  /** Signed webhook delivery and its outbox. */
  readonly webhooks: WebhookService;
  /** The Job & Batch API's jobs. */
  readonly jobs: JobService;
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
  registry: RuleRegistry;
  /** Workflow folders loaded in order (later files win for the same name). */
  workflowDirs: readonly string[];
  webhookKeys: WebhookKeys;
  webhookTimeoutMs?: number;
  /** Deliveries kept PENDING at most; more are recorded FAILED. */
  webhookMaxPending?: number;
  /** Shared by all accounts, so tenants take turns for the same delivery slots. */
  webhookDispatcher?: Dispatcher;
  /** Transport for webhooks (tests inject one). */
  fetch?: typeof fetch;
  /** @default DEFAULT_EVENT_RETENTION (event-log.ts) */
  eventRetention?: EventRetention;
  /** Fault injection: real milliseconds an async event waits before it is processed. */
  asyncDelayMs?: (event: { name: string }) => number | undefined;
};

export async function buildAccount(options: AccountOptions): Promise<Account> {
  const { credentials, model, clock, ids, paging } = options;
  const id = accountIdOf(options.id);
  const store = new Store();
  const hooks: DomainHooks = {};
  const entities = new EntityService({ model, store, clock, ids, hooks });
  const domain: Domain = { model, store, clock, ids, entities, paging, view: new Transaction(store) };
  const port = createDomainPort(domain);
  const events = createEventLog({ clock, ...(options.eventRetention ? { retention: options.eventRetention } : {}) });
  const webhooks = createAccountWebhooks({
    accountId: id,
    clock,
    ids,
    port,
    events,
    keys: options.webhookKeys,
    timeoutMs: options.webhookTimeoutMs,
    maxPending: options.webhookMaxPending,
    dispatcher: options.webhookDispatcher,
    fetch: options.fetch,
  });
  const orchestration = await createOrchestration({
    accountId: id,
    clock,
    ids,
    port,
    events,
    hooks,
    registry: options.registry,
    workflowDirs: options.workflowDirs,
    webhooks,
    asyncDelayMs: options.asyncDelayMs,
  });
  const plugins = new PluginStore(() => clock.now());
  const withoutJobs = { ...domain, id, credentials, domain, hooks, users: new Users(store), orchestration, webhooks, plugins };
  return Object.assign(withoutJobs, { jobs: createJobService({ account: withoutJobs }) });
}
