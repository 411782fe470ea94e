/**
 * The simulator as a whole, without HTTP: configuration, the schema and its entity model, the
 * token service and the accounts (tenants). `createApp` puts HTTP in front of it; `main.ts`
 * listens.
 */
import { existsSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { createAccount, type Account } from './account.js';
import { TokenService } from './auth/tokens.js';
import type { Config } from './config.js';
import { SimError } from './domain/errors.js';
import type { Model } from './domain/model.js';
import { loadSchema } from './graphql/schema.js';
import { runMutation } from './graphql/run-mutation.js';
import { createClock, type Clock } from './lib/clock.js';
import { createIds, type Ids } from './lib/ids.js';
import { packagePath } from './lib/package-path.js';
import { applySeed, readSeedFile } from './seed/load-seed.js';
import { attachOrchestration } from './orchestration/account-orchestration.js';
import { createRuleRegistry, loadUserRules } from './orchestration/rule-registry.js';
import { BUILTIN_RULES } from './orchestration/rules/index.js';

export type SimulatorOptions = {
  /** Clock for new accounts (tests pass a frozen one). */
  createClock?: () => Clock;
  /** Ids for new accounts (tests pass deterministic ones). */
  createIds?: () => Ids;
};

export type Simulator = {
  readonly config: Config;
  readonly model: Model;
  readonly schema: GraphQLSchema;
  readonly tokens: TokenService;
  readonly accounts: Map<string, Account>;
  /** The account a client id (or a `fluent.account` header) belongs to. */
  accountForClient(clientId: string | undefined, accountHeader?: string): Account | undefined;
  /** The user client_credentials tokens act as. */
  defaultUsername(account: Account): string;
  close(): Promise<void>;
};

export async function createSimulator(config: Config, options: SimulatorOptions = {}): Promise<Simulator> {
  const loaded = loadSchema();
  const newClock = options.createClock ?? (() => createClock({ start: config.clockStart ? new Date(config.clockStart) : undefined, frozen: config.clockStart !== undefined }));
  const newIds = options.createIds ?? (() => createIds());
  const accounts = new Map<string, Account>();
  const account = createAccount({
    id: config.account,
    credentials: { clientId: config.clientId, clientSecret: config.clientSecret },
    model: loaded.model,
    clock: newClock(),
    ids: newIds(),
    paging: { defaultPageSize: config.pageSize, maxPageSize: config.maxPageSize },
  });
  accounts.set(account.id, account);
  const userRules = config.rules ? await loadUserRules(config.rules) : [];
  const registry = createRuleRegistry([...BUILTIN_RULES, ...userRules], { unknownRulePolicy: config.unknownRules });
  const workflowDirs = [packagePath('rulesets'), ...(config.workflows ? [config.workflows] : [])];
  account.orchestration = await attachOrchestration(account, { registry, workflowDirs });
  seedAccount(account, config);
  await account.orchestration.engine.drain();

  return {
    config,
    model: loaded.model,
    schema: loaded.executable,
    tokens: new TokenService(createIds()),
    accounts,
    accountForClient(clientId, accountHeader) {
      for (const a of accounts.values()) if (a.credentials.clientId === clientId) return a;
      if (clientId === undefined && accountHeader) return accounts.get(accountHeader);
      return undefined;
    },
    defaultUsername: () => config.username,
    async close() {
      for (const a of accounts.values()) a.clock.dispose();
    },
  };
}

/** The built-in seed (or a user's seed file), then the configured default user. */
function seedAccount(account: Account, config: Config): void {
  if (config.seed !== 'none') {
    const path = existsSync(config.seed) ? config.seed : packagePath(`seeds/${config.seed}.json`);
    applySeed(account, readSeedFile(path), path);
  }
  ensureDefaultUser(account, config);
}

function ensureDefaultUser(account: Account, config: Config): void {
  if (account.users.find(config.username)) return;
  if (!account.store.get('Retailer', config.retailerId)) {
    // `--seed none`: the account still needs the retailer its default user belongs to.
    const created = runMutation(account, 'createRetailer', { input: { name: `${config.account}-retailer`, tradingName: config.account } }) as { id: string };
    if (created.id !== config.retailerId) {
      throw new SimError('CONFIG_INVALID', `The default user needs retailer ${config.retailerId}, which the seed "${config.seed}" does not create`);
    }
  }
  runMutation(account, 'createUser', {
    input: {
      ref: config.username,
      username: config.username,
      password: config.password,
      firstName: 'Local',
      lastName: 'Admin',
      primaryEmail: `${config.username}@fluent-sim.local`,
      type: 'ADMIN',
      timezone: 'UTC',
      primaryRetailer: { id: config.retailerId },
      roles: [{ role: { name: 'ADMIN' }, contexts: [{ contextType: 'RETAILER', contextId: config.retailerId }] }],
    },
  });
}
