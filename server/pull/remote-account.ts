/**
 * A client of a real Fluent account (or another fluent-sim), through its public APIs only: a
 * password-grant token (parameters in the query string, as deploy scripts send them), GraphQL
 * with cursor paging, and the Workflow API. Used by `fluent-sim pull`.
 */
import { isRecord } from '../lib/guards.js';

export type RemoteCredentials = { url: string; account: string; clientId: string; clientSecret: string; username: string; password: string };

export type GraphQLPage<T> = { edges: { cursor: string; node: T }[]; pageInfo: { hasNextPage: boolean } };

export class RemoteError extends Error {}

/** Largest page asked for: the platform's connections answer at most this many edges. */
const PAGE = 500;

/**
 * Tries per request when the connection fails (fetch's `TypeError`: reset, refused, a pooled
 * keep-alive socket the server closed). A pull of a large account makes dozens of requests, and
 * every one only reads, so a dropped connection is retried rather than ending the pull; HTTP
 * answers (4xx, 5xx) are never retried.
 */
const ATTEMPTS = 3;

export class RemoteAccount {
  private token: string | undefined;
  private readonly base: string;

  constructor(
    private readonly credentials: RemoteCredentials,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.base = credentials.url.replace(/\/+$/, '');
  }

  async authenticate(): Promise<{ retailerId: string | undefined }> {
    const { clientId, clientSecret, username, password, account } = this.credentials;
    const query = new URLSearchParams({ grant_type: 'password', scope: 'api', client_id: clientId, client_secret: clientSecret, username, password });
    const res = await this.send(`${this.base}/oauth/token?${query}`, { method: 'POST', headers: { 'fluent.account': account } });
    // The remote's JSON, every field optional and each one checked before use.
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; Retailer_id?: unknown; error_description?: string };
    if (!res.ok || !body.access_token)
      throw new RemoteError(`Authentication at ${this.base} failed (${res.status}): ${body.error_description ?? 'no token in the answer'}`);
    this.token = body.access_token;
    return { retailerId: body.Retailer_id === undefined ? undefined : String(body.Retailer_id) };
  }

  /** Runs one GraphQL query; GraphQL errors become a RemoteError naming the query. */
  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.send(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.requireToken()}` },
      body: JSON.stringify({ query, variables }),
    });
    // A GraphQL answer; `data` has the shape of the caller's query (the remote serves Fluent's schema).
    const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
    if (!res.ok || body.errors?.length || !body.data) {
      throw new RemoteError(`GraphQL at ${this.base} answered ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    }
    return body.data;
  }

  /**
   * Every node of a root connection, page by page (`first`/`after`), up to `max` nodes.
   * `selection` is the node's selection set; `field` the root field (e.g. `locations`).
   */
  async all<T>(field: string, selection: string, options: { max?: number; args?: string; onPage?: (count: number) => void } = {}): Promise<T[]> {
    const max = options.max ?? Number.POSITIVE_INFINITY;
    const extra = options.args ? `, ${options.args}` : '';
    const query = `query($first: Int, $after: String) { ${field}(first: $first, after: $after${extra}) { edges { cursor node { ${selection} } } pageInfo { hasNextPage } } }`;
    const out: T[] = [];
    let after: string | undefined;
    for (;;) {
      const first = Math.min(PAGE, max - out.length);
      if (first <= 0) break;
      const data = await this.graphql<Record<string, GraphQLPage<T>>>(query, { first, after });
      const page = data[field]!;
      out.push(...page.edges.map((e) => e.node));
      options.onPage?.(out.length);
      const last = page.edges.at(-1);
      if (!page.pageInfo.hasNextPage || !last) break;
      after = last.cursor;
    }
    return out;
  }

  /** The latest version of a workflow, or undefined when the account has none of that name. */
  async workflow(retailerId: string, name: string): Promise<Record<string, unknown> | undefined> {
    const res = await this.send(`${this.base}/api/v4.1/workflow/${encodeURIComponent(retailerId)}/${encodeURIComponent(name)}`, {
      headers: { authorization: `Bearer ${this.requireToken()}` },
    });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new RemoteError(`GET workflow ${retailerId}/${name} answered ${res.status}`);
    const body: unknown = await res.json();
    if (!isRecord(body)) return undefined;
    return typeof body['version'] === 'string' || typeof body['version'] === 'number' ? body : undefined;
  }

  /** `fetch`, retried on a failed connection; the last failure becomes a one-line RemoteError. */
  private async send(url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.fetchImpl(url, init);
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        if (attempt >= ATTEMPTS) {
          const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
          throw new RemoteError(`Cannot reach ${this.base} (${error.message}${cause}), after ${ATTEMPTS} attempts`);
        }
      }
    }
  }

  private requireToken(): string {
    if (!this.token) throw new RemoteError('authenticate() first');
    return this.token;
  }
}
