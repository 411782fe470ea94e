/**
 * Test helpers shipped with the package as `fluent-sim/testing`.
 *
 * `startSimulator()` runs a simulator in this process on a free port; `connectSimulator(url)`
 * talks to one that runs elsewhere (a CI service container, a vitest/jest global setup). Both
 * return the same handle, built only on the public HTTP API and `/_sim`, so a test suite can
 * move between the two without changes. `handle.createAccount()` gives each parallel worker an
 * account of its own.
 *
 * @example
 * const sim = await startSimulator();
 * const token = await sim.token();
 * await sim.clock.advance('PT1H');
 * const webhook = await sim.expectWebhook({ name: 'OrderStatus', entityRef: 'HD-1' });
 * await sim.stop();
 */
import { isRecord } from './lib/guards.js';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig, type RawConfig } from './config.js';
import { createSimulator } from './simulator.js';
import { createHttpServer } from './http/server-limits.js';
import { isLoopbackHost } from './http/middleware/control-access.js';

export type ConnectOptions = {
  /** The simulator's control token, needed for `/_sim/*` when it listens off loopback (a container). */
  controlToken?: string;
};

export type SimulatorCredentials = {
  accountId: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  retailerId: string;
};

export type WebhookMatch =
  | Partial<Record<'name' | 'entityId' | 'entityRef' | 'entityType' | 'entityStatus' | 'status' | 'url', string>>
  | ((delivery: RecordedWebhook) => boolean);

/** A delivery from the outbox, with its parsed payload. */
export type RecordedWebhook = {
  id: string;
  name: string;
  url: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  headers: Record<string, string>;
  body: string;
  payload: Record<string, unknown>;
  attempts: { number: number; at: string; status: string; responseStatus: number | null }[];
};

export type SimulatorHandle = {
  readonly url: string;
  readonly credentials: SimulatorCredentials;
  /** A bearer token for the handle's account (cached until it is close to expiry). */
  token(): Promise<string>;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** Back to the account's seed. */
  reset(): Promise<void>;
  snapshot(name: string): Promise<void>;
  restore(name: string): Promise<void>;
  clock: {
    now(): Promise<string>;
    freeze(frozen?: boolean): Promise<void>;
    set(iso: string): Promise<void>;
    /** ISO-8601 duration: `PT30S`, `PT1H`, `P2D`. Runs what became due. */
    advance(duration: string): Promise<string>;
  };
  /**
   * Waits (real time) until the outbox holds a webhook matching `match`; rejects after `timeout`
   * ms. It long-polls `GET /_sim/webhooks` (an answer per outbox change), never polls in a loop.
   */
  expectWebhook(match: WebhookMatch, options?: { timeout?: number; status?: 'DELIVERED' | 'FAILED' | 'PENDING' }): Promise<RecordedWebhook>;
  /** A fresh account (tenant) on the same simulator, as a handle of its own. */
  createAccount(options?: {
    id?: string;
    seed?: string | { records?: Record<string, Record<string, unknown>[]>; steps: { mutation: string; input: Record<string, unknown>; as?: string }[] };
  }): Promise<SimulatorHandle>;
  /** Stops an in-process simulator; for a connected one it does nothing. */
  stop(): Promise<void>;
};

export const DEFAULT_CREDENTIALS: SimulatorCredentials = {
  accountId: 'LOCAL',
  clientId: 'LOCAL',
  clientSecret: 'local-secret',
  username: 'admin',
  password: 'password',
  retailerId: '1',
};

export type StartSimulatorOptions = Partial<RawConfig> & {
  /** Freeze the virtual clock at this instant (tests usually want this). */
  clockStart?: string;
};

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<SimulatorHandle> {
  const config = loadConfig({ logLevel: 'silent', port: 0, ...options });
  const sim = await createSimulator(config);
  // Off loopback /_sim/* needs a control token: the handle generates one and sends it.
  const controlToken = config.controlToken ?? (isLoopbackHost(config.host) ? undefined : randomBytes(24).toString('base64url'));
  const server = createHttpServer(createApp(sim, controlToken ? { controlToken } : {}), config).listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // A server listening on a TCP port (not a pipe) answers address() with an AddressInfo.
  const { port } = server.address() as AddressInfo;
  const credentials: SimulatorCredentials = {
    accountId: config.account,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    username: config.username,
    password: config.password,
    retailerId: config.retailerId,
  };
  const stop = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sim.close();
  };
  return handle(`http://127.0.0.1:${port}`, credentials, stop, controlToken ? { controlToken } : {});
}

export async function connectSimulator(
  url: string,
  credentials: SimulatorCredentials = DEFAULT_CREDENTIALS,
  options: ConnectOptions = {},
): Promise<SimulatorHandle> {
  const res = await fetch(new URL('/_sim/health', url));
  if (!res.ok) throw new Error(`No fluent-sim answers at ${url} (/_sim/health: ${res.status})`);
  return handle(url.replace(/\/$/, ''), credentials, async () => undefined, options);
}

type OutboxPage = { results: Omit<RecordedWebhook, 'payload'>[]; next: string | null; version: number };
type SimCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Every matching delivery: the first page may long-poll (`wait`), the rest are read at once. */
async function outboxPages(sim: SimCall, query: Record<string, string>): Promise<OutboxPage> {
  const first = await sim<OutboxPage>('GET', `/_sim/webhooks?${new URLSearchParams({ ...query, limit: '1000' })}`);
  const results = [...first.results];
  for (let next = first.next; next !== null; ) {
    const page = await sim<OutboxPage>('GET', `/_sim/webhooks?${new URLSearchParams({ ...query, wait: '0', limit: '1000', after: next })}`);
    results.push(...page.results);
    next = page.next;
  }
  return { results, next: null, version: first.version };
}

function handle(url: string, credentials: SimulatorCredentials, stop: () => Promise<void>, options: ConnectOptions): SimulatorHandle {
  let cached: { token: string; until: number } | undefined;
  const simHeaders: Record<string, string> = {
    'content-type': 'application/json',
    'x-fluent-sim-account': credentials.accountId,
    ...(options.controlToken ? { 'x-fluent-sim-control-token': options.controlToken } : {}),
  };
  const sim: SimCall = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, { method, headers: simHeaders, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    // The /_sim route's JSON answer; T is the shape that route documents.
    return (text ? JSON.parse(text) : undefined) as T;
  };

  const self: SimulatorHandle = {
    url,
    credentials,
    async token() {
      if (cached && Date.now() < cached.until) return cached.token;
      const params = new URLSearchParams({
        grant_type: 'password',
        scope: 'api',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        username: credentials.username,
        password: credentials.password,
      });
      const res = await fetch(`${url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params });
      // The token endpoint's JSON, every field optional and checked before use.
      const body = (await res.json()) as { access_token?: string; expires_in?: number };
      if (!res.ok || !body.access_token) throw new Error(`token request failed: ${res.status} ${JSON.stringify(body)}`);
      // Tokens expire on the real clock (--token-ttl); refresh well before.
      cached = { token: body.access_token, until: Date.now() + 60_000 };
      return body.access_token;
    },
    async graphql(query, variables) {
      const post = async (): Promise<Response> =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await self.token()}` },
          body: JSON.stringify({ query, variables }),
        });
      let res = await post();
      if (res.status === 401) {
        // Expired early (POST /_sim/tokens/expire): log in again once.
        cached = undefined;
        res = await post();
      }
      if (res.status !== 200) throw new Error(`GraphQL answered ${res.status}: ${await res.text()}`);
      // A GraphQL answer, typed by the caller's generic (the handle's documented contract).
      return (await res.json()) as never;
    },
    reset: async () => void (await sim('POST', '/_sim/reset')),
    snapshot: async (name) => void (await sim('POST', '/_sim/snapshots', { name })),
    restore: async (name) => void (await sim('POST', `/_sim/snapshots/${encodeURIComponent(name)}/restore`)),
    clock: {
      now: async () => (await sim<{ now: string }>('GET', '/_sim/clock')).now,
      freeze: async (frozen = true) => void (await sim('POST', '/_sim/clock', { freeze: frozen })),
      set: async (iso) => void (await sim('POST', '/_sim/clock', { set: iso })),
      advance: async (duration) => (await sim<{ now: string }>('POST', '/_sim/clock', { advance: duration })).now,
    },
    async expectWebhook(match, options = {}) {
      const timeout = options.timeout ?? 5_000;
      const deadline = Date.now() + timeout;
      const matches = (d: RecordedWebhook): boolean => {
        if (options.status && d.status !== options.status) return false;
        if (typeof match === 'function') return match(d);
        return Object.entries(match).every(([k, v]) => (k === 'status' || k === 'url' ? d[k] === v : String(d.payload[k]) === v));
      };
      // Delivery fields the server can filter on; payload fields are matched here.
      const server: Record<string, string> = {};
      const status = options.status ?? (typeof match === 'object' ? match.status : undefined);
      if (status) server['status'] = status;
      if (typeof match === 'object' && match.url) server['url'] = match.url;
      let version: number | undefined;
      let seen: OutboxPage['results'] = [];
      for (;;) {
        const wait = Math.min(Math.max(0, deadline - Date.now()), 30_000);
        const pages = await outboxPages(sim, { ...server, wait: String(wait), ...(version === undefined ? {} : { version: String(version) }) });
        seen = pages.results;
        const found = seen.map((d) => ({ ...d, payload: payloadOf(d.body) })).find(matches);
        if (found) return found;
        if (Date.now() >= deadline) {
          throw new Error(
            `No webhook matching ${typeof match === 'function' ? 'the predicate' : JSON.stringify(match)} within ${timeout} ms; outbox has ${seen.length}: ${seen.map((r) => `${r.name}→${r.url} ${r.status}`).join(', ') || 'nothing'}`,
          );
        }
        version = pages.version;
      }
    },
    async createAccount(accountOptions = {}) {
      const created = await sim<SimulatorCredentials>('POST', '/_sim/accounts', accountOptions);
      return handle(url, created, async () => undefined, options);
    },
    stop,
  };
  return self;
}

/** A delivery's JSON body as an object (webhook bodies are JSON objects; anything else reads as empty). */
function payloadOf(body: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(body);
  return isRecord(parsed) ? parsed : {};
}
