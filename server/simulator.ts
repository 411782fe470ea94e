/**
 * The simulator as a whole, without HTTP: configuration, the schema and its entity model, the
 * rule registry, the token service and the accounts (tenants), each with its own data, clock,
 * workflows, events and outbox. `createApp` puts HTTP in front of it; `main.ts` listens.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { buildAccount, type Account } from './account.js';
import { TokenService } from './auth/tokens.js';
import type { Config } from './config.js';
import { SimError } from './domain/errors.js';
import type { Model } from './domain/model.js';
import { loadSchema } from './graphql/schema.js';
import { runCommand } from './domain/commands/run-command.js';
import { createClock, type Clock } from './lib/clock.js';
import { createIds, type Ids } from './lib/ids.js';
import { packagePath } from './lib/package-path.js';
import { createRuleRegistry, loadUserRules, type RuleRegistry } from './orchestration/rule-registry.js';
import { BUILTIN_RULES } from './orchestration/rules/index.js';
import { installStubs } from './orchestration/stubs/install-stubs.js';
import { readStubFile } from './orchestration/stubs/read-stub-file.js';
import { applySeed, readSeedFile, type SeedFile } from './seed/load-seed.js';
import type { ProfileProgress } from './seed/profiles/load-profile.js';
import { isSeedProfile } from './seed/profiles/profile-sizes.js';
import { holdAccount, restoreAccount, type HeldSnapshot } from './state/account-state.js';
import { createDispatcher } from './webhooks/dispatcher.js';
import { createFaultyFetch } from './faults/fault-fetch.js';
import { Faults, type Fault } from './faults/faults.js';
import { loadOrCreateKeyPair, loadOrCreateKeyPairAsync, type WebhookKeyPair } from './webhooks/keys.js';
import { errorMessage, propertyOf } from './lib/guards.js';

export type SimulatorOptions = {
  /** Clock for new accounts (tests pass a frozen one). */
  createClock?: () => Clock;
  /** Ids for new accounts (tests pass deterministic ones). */
  createIds?: () => Ids;
  /** Called for every new account before it is seeded. */
  onAccount?: (account: Account) => void | Promise<void>;
  /** The webhook signing key kept in a data file, when there is one. */
  storedWebhookKeyPem?: string;
  /** Transport for webhooks (tests inject one). */
  fetch?: typeof fetch;
  /** Progress of a generated seed profile (a large one takes a while). */
  onSeedProgress?: ProfileProgress;
  /** The wall clock token lifetimes run on (tests inject one rather than sleep). */
  wallClock?: () => number;
  /** Told of every injected fault that fires (the log). */
  onFault?: (fault: Fault, detail: string) => void;
};

/** Who may log in to an account, and what it starts with. */
export type AccountSpec = {
  id: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  retailerId: string;
  /**
   * A profile name, a seed file's path (command line and configuration only), or a seed document
   * itself (`POST /_sim/accounts` accepts names and documents, never paths).
   */
  seed: string | SeedFile;
};

export type SavedSnapshot = { name: string; createdOn: string; held: HeldSnapshot };

/** What `/_sim/snapshots` lists. */
export type SnapshotInfo = { name: string; createdOn: string };

export type Simulator = {
  readonly config: Config;
  readonly model: Model;
  /** The executable schema: its resolvers are attached on the first read (the first GraphQL request). */
  readonly schema: GraphQLSchema;
  readonly tokens: TokenService;
  /** The rules every new account starts with (each account has its own copy: see Orchestration.registry). */
  readonly registry: RuleRegistry;
  /** The key pair webhooks are signed with; the public half is served at /_sim/webhooks/public-key. */
  readonly webhookKeys: WebhookKeyPair;
  readonly accounts: Map<string, Account>;
  /** The credentials each account was created with. */
  readonly specs: Map<string, AccountSpec>;
  /** maps account id to snapshot name to snapshot (read-only: use snapshot / restore / deleteSnapshot) */
  readonly snapshots: ReadonlyMap<string, ReadonlyMap<string, SavedSnapshot>>;
  /** Injected faults, per account (`/_sim/faults`). */
  readonly faults: Faults;
  createAccount(spec: AccountSpec): Promise<Account>;
  /** Returns an account to the state it had right after seeding. */
  reset(account: Account): Promise<void>;
  /** Forgets an account, its snapshots and seed state, and stops its timers (a data file without it). */
  dropAccount(account: Account): void;
  /** Saves the account's state under a name (after the engine's queue drained); replaces one of the same name. */
  snapshot(account: Account, name: string): Promise<SnapshotInfo>;
  /** Puts back a saved state. @throws SimError NOT_FOUND for an unknown name. */
  restore(account: Account, name: string): Promise<void>;
  /** @throws SimError NOT_FOUND for an unknown name. */
  deleteSnapshot(account: Account, name: string): void;
  listSnapshots(account: Account): SnapshotInfo[];
  /** The account a client id (or a `fluent.account` header) belongs to. */
  accountForClient(clientId: string | undefined, accountHeader?: string): Account | undefined;
  /** The user client_credentials tokens act as. */
  defaultUsername(account: Account): string;
  close(): Promise<void>;
};

export async function createSimulator(config: Config, options: SimulatorOptions = {}): Promise<Simulator> {
  // A new webhook key is generated off the main thread while the schema is built.
  const webhookKeysReady = loadWebhookKeys(config, options.storedWebhookKeyPem);
  webhookKeysReady.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
  const loaded = loadSchema();
  const newClock =
    options.createClock ?? (() => createClock({ start: config.clockStart ? new Date(config.clockStart) : undefined, frozen: config.clockStart !== undefined }));
  const newIds = options.createIds ?? (() => createIds());
  const userRules = config.rules ? await loadUserRules(config.rules) : [];
  const stubFile = config.ruleStubs ? await readStubFile(config.ruleStubs) : undefined;
  // Each account gets its own registry, so stubs posted to /_sim/rule-stubs stay in their account.
  const newRegistry = (): RuleRegistry => {
    const created = createRuleRegistry([...BUILTIN_RULES, ...userRules], { unknownRulePolicy: config.unknownRules });
    if (stubFile) installStubs(created, stubFile);
    return created;
  };
  const registry = startRegistry(newRegistry);
  const workflowDirs = [packagePath('rulesets'), ...(config.workflows ? [config.workflows] : [])];
  const accounts = new Map<string, Account>();
  const specs = new Map<string, AccountSpec>();
  const seedStates = new Map<string, HeldSnapshot>();
  const snapshots = new Map<string, Map<string, SavedSnapshot>>();
  const snapshotsOf = (account: Account): Map<string, SavedSnapshot> => {
    let saved = snapshots.get(account.id);
    if (!saved) snapshots.set(account.id, (saved = new Map()));
    return saved;
  };
  const tokens = new TokenService(createIds(), options.wallClock);
  const webhookKeys = await webhookKeysReady;
  // One for all accounts: tenants take turns for the same delivery slots.
  const webhookDispatcher = createDispatcher();
  const faults = new Faults(options.onFault ? { onFire: options.onFault } : {});

  /** Ids of accounts being seeded. */
  const creating = new Set<string>();

  /** A new account with its engine, outbox and jobs, seeded; registered only if seeding worked. */
  async function createSeededAccount(spec: AccountSpec): Promise<Account> {
    const account = await buildAccount({
      id: spec.id,
      credentials: { clientId: spec.clientId, clientSecret: spec.clientSecret },
      model: loaded.model,
      clock: newClock(),
      ids: newIds(),
      paging: { defaultPageSize: config.pageSize, maxPageSize: config.maxPageSize },
      registry: newRegistry(),
      workflowDirs,
      webhookKeys,
      webhookTimeoutMs: config.webhookTimeout,
      webhookMaxPending: config.webhookMaxPending,
      webhookDispatcher,
      eventRetention: { maxRecords: config.eventRetention, maxAgeDays: config.eventRetentionDays },
      fetch: createFaultyFetch(faults, spec.id, options.fetch),
      asyncDelayMs: (event) => faults.take(spec.id, 'event', (f) => f.name === undefined || f.name === event.name, `event ${event.name}`)?.delayMs,
    });
    try {
      await options.onAccount?.(account);
      await seedAccount(account, spec, config.seedValue, options.onSeedProgress);
      await account.orchestration.engine.drain();
    } catch (error) {
      // A seed that fails leaves no account behind, nor its timers.
      account.webhooks.close();
      account.clock.dispose();
      throw error;
    }
    accounts.set(account.id, account);
    specs.set(account.id, spec);
    snapshots.set(account.id, new Map());
    seedStates.set(account.id, holdAccount(account));
    return account;
  }

  const sim: Simulator = {
    config,
    model: loaded.model,
    get schema() {
      return loaded.executable();
    },
    tokens,
    registry,
    webhookKeys,
    accounts,
    specs,
    snapshots,
    faults,
    async createAccount(spec) {
      if (accounts.has(spec.id) || creating.has(spec.id)) throw new SimError('CONFLICT', `Account "${spec.id}" already exists`);
      if ([...specs.values()].some((s) => s.clientId === spec.clientId)) throw new SimError('CONFLICT', `client_id "${spec.clientId}" is taken`);
      // Reserved while it seeds (seeding yields): a second request for the same id is a conflict.
      creating.add(spec.id);
      try {
        return await createSeededAccount(spec);
      } finally {
        creating.delete(spec.id);
      }
    },
    async reset(account) {
      const seeded = seedStates.get(account.id);
      if (!seeded) throw new SimError('NOT_FOUND', `Account "${account.id}" has no seed state`);
      restoreAccount(account, seeded);
      faults.clear(account.id);
    },
    dropAccount(account) {
      account.webhooks.close();
      account.clock.dispose();
      accounts.delete(account.id);
      specs.delete(account.id);
      snapshots.delete(account.id);
      seedStates.delete(account.id);
    },
    async snapshot(account, name) {
      await account.orchestration.engine.drain();
      const saved = { name, createdOn: account.clock.now().toISOString(), held: holdAccount(account) };
      snapshotsOf(account).set(name, saved);
      return { name, createdOn: saved.createdOn };
    },
    async restore(account, name) {
      const saved = snapshotsOf(account).get(name);
      if (!saved) throw new SimError('NOT_FOUND', `No snapshot "${name}" in account ${account.id}; GET /_sim/snapshots lists them`);
      await account.orchestration.engine.drain();
      restoreAccount(account, saved.held);
    },
    deleteSnapshot(account, name) {
      if (!snapshotsOf(account).delete(name)) throw new SimError('NOT_FOUND', `No snapshot "${name}" in account ${account.id}`);
    },
    listSnapshots: (account) => [...snapshotsOf(account).values()].map(({ name, createdOn }) => ({ name, createdOn })),
    accountForClient(clientId, accountHeader) {
      for (const a of accounts.values()) if (a.credentials.clientId === clientId) return a;
      if (clientId === undefined && accountHeader) return accounts.get(accountHeader);
      return undefined;
    },
    defaultUsername: (account) => specs.get(account.id)?.username ?? config.username,
    async close() {
      for (const a of accounts.values()) {
        a.webhooks.close();
        a.clock.dispose();
      }
    },
  };

  await sim.createAccount({
    id: config.account,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    username: config.username,
    password: config.password,
    retailerId: config.retailerId,
    seed: config.seed,
  });
  return sim;
}

/** The first registry: a stub refused at start (it would replace a library rule) stops the start. */
function startRegistry(create: () => RuleRegistry): RuleRegistry {
  try {
    return create();
  } catch (error) {
    if (error instanceof SimError && error.code === 'VALIDATION_FAILED') throw new SimError('CONFIG_INVALID', `--rule-stubs ${error.message}`);
    throw error;
  }
}

/** `--webhook-key FILE` wins, then the key kept in the data file, else a new key pair. */
async function loadWebhookKeys(config: Config, storedPem: string | undefined): Promise<WebhookKeyPair> {
  if (config.webhookKey) {
    let pem: string;
    try {
      pem = readFileSync(config.webhookKey, 'utf8');
    } catch (error) {
      throw new SimError('CONFIG_INVALID', `--webhook-key ${config.webhookKey} cannot be read: ${errorMessage(error)}`);
    }
    try {
      return loadOrCreateKeyPair({ pem });
    } catch (error) {
      throw new SimError('CONFIG_INVALID', `--webhook-key ${config.webhookKey}: ${errorMessage(error)}`);
    }
  }
  return loadOrCreateKeyPairAsync(storedPem ? { existing: { privateKeyPem: storedPem } } : {});
}

/**
 * The seed: a generated profile (small, demo, large — checked before file names, so a file
 * called `small` does not win), the built-in `default`, a user's seed file, or nothing; then the
 * account's default user.
 */
async function seedAccount(account: Account, spec: AccountSpec, seedValue: number, onProgress?: ProfileProgress): Promise<void> {
  // A document comes over HTTP: other requests run between its steps.
  if (typeof spec.seed === 'object') await applySeed(account, spec.seed, 'the seed document', { yieldEvery: 50, drainEvery: 50 });
  // Loaded on demand: faker and its locales cost start-up time the default seed does not need.
  else if (isSeedProfile(spec.seed)) await (await import('./seed/profiles/load-profile.js')).loadProfile(account, spec.seed, seedValue, onProgress);
  else if (spec.seed !== 'none') {
    const path = existsSync(spec.seed) ? spec.seed : seedProfilePath(spec.seed);
    await applySeed(account, readSeedFile(path), path);
  }
  ensureDefaultUser(account, spec);
}

function seedProfilePath(profile: string): string {
  try {
    if (profile === 'profiles') throw new Error('not a seed');
    return packagePath(`seeds/${profile}.json`);
  } catch {
    throw new SimError('CONFIG_INVALID', `Unknown seed "${profile}": give default, none, small, demo, large, or the path of a seed JSON file`);
  }
}

function ensureDefaultUser(account: Account, spec: AccountSpec): void {
  if (account.users.find(spec.username)) return;
  if (!account.store.get('Retailer', spec.retailerId)) {
    // `--seed none`: the account still needs the retailer its default user belongs to.
    const created = runCommand(account, 'createRetailer', { input: { name: `${spec.id}-retailer`, tradingName: spec.id } });
    if (propertyOf(created, 'id') !== spec.retailerId) {
      throw new SimError(
        'CONFIG_INVALID',
        `The default user needs retailer ${spec.retailerId}, which the seed ${typeof spec.seed === 'string' ? `"${spec.seed}"` : 'document'} does not create`,
      );
    }
  }
  if (!account.entities.findByKey(account.view, 'Role', { name: 'ADMIN' })) runCommand(account, 'createRole', { input: { name: 'ADMIN' } });
  runCommand(account, 'createUser', {
    input: {
      ref: spec.username,
      username: spec.username,
      password: spec.password,
      firstName: 'Local',
      lastName: 'Admin',
      primaryEmail: `${spec.username}@fluent-sim.local`,
      type: 'ADMIN',
      timezone: 'UTC',
      primaryRetailer: { id: spec.retailerId },
      // The account's admin: its role opens every retailer (ACCOUNT context), as an account-level
      // user's does on the platform; the RETAILER context names its own retailer (docs/legacy-rest.md).
      roles: [
        {
          role: { name: 'ADMIN' },
          contexts: [
            { contextType: 'ACCOUNT', contextId: account.id },
            { contextType: 'RETAILER', contextId: spec.retailerId },
          ],
        },
      ],
    },
  });
}
