// Talks to the simulator through its public surfaces only: GraphQL and the Event API with a bearer
// token (from POST /_sim/console/token), and the /_sim endpoints for the account chosen.
const tokens = new Map();
let account = '';

export function currentAccount() {
  return account;
}

export function useAccount(id) {
  account = id;
}

/** The control token, when the simulator's control plane asks for one (docs/limits-and-security.md). */
const CONTROL_KEY = 'fluent-sim-control-token';

export function useControlToken(token) {
  sessionStorage.setItem(CONTROL_KEY, token);
}

async function failure(res) {
  const text = await res.text();
  let message = text;
  try {
    const body = JSON.parse(text);
    message = body.errors?.map((e) => e.message).join('; ') ?? body.message ?? text;
  } catch {
    // not JSON: the text is the message
  }
  return Object.assign(new Error(`${res.status}: ${message}`), { status: res.status });
}

/** A /_sim endpoint for the chosen account. */
export async function sim(path, { method = 'GET', body } = {}) {
  const res = await fetch(path, {
    method,
    headers: {
      'x-fluent-sim-account': account,
      ...(sessionStorage.getItem(CONTROL_KEY) ? { 'x-fluent-sim-control-token': sessionStorage.getItem(CONTROL_KEY) } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await failure(res);
  return res.status === 204 ? null : res.json();
}

async function session() {
  if (!tokens.has(account)) tokens.set(account, await sim('/_sim/console/token', { method: 'POST' }));
  return tokens.get(account);
}

export async function retailerId() {
  return (await session()).retailerId;
}

/** A platform endpoint (GraphQL, Event API) with the account's token; one retry on 401. */
export async function platform(path, { method = 'GET', body } = {}, retry = true) {
  const { access_token: token } = await session();
  const res = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401 && retry) {
    tokens.delete(account);
    return platform(path, { method, body }, false);
  }
  if (!res.ok && res.status !== 400) throw await failure(res);
  return res.json();
}

export async function gql(query, variables = {}) {
  const body = await platform('/graphql', { method: 'POST', body: { query, variables } });
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

/** GET /api/v4.1/event with the given filters, all pages (up to `limit`). */
export async function events(filters, limit = 1000) {
  const all = [];
  for (let start = 0; all.length < limit; ) {
    const query = new URLSearchParams({ ...filters, start: String(start), count: '200' });
    const page = await platform(`/api/v4.1/event?${query}`);
    all.push(...page.results);
    if (!page.hasMore || page.results.length === 0) break;
    start += page.results.length;
  }
  return all;
}
