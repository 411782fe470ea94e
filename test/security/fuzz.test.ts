/**
 * Property-based fuzzing of every route's body and of GraphQL inputs (issue 16 deliverable 8):
 * whatever a client sends, the answer is never a 5xx nor GraphQL's masked "Unexpected error.",
 * and a rejected request changes nothing. Bounded in runs and time so it fits in CI; fast-check
 * prints the seed and the shrunk counter-example when a property fails.
 */
import fc from 'fast-check';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

const RUNS = { numRuns: 60, interruptAfterTimeLimit: 8_000 };

/** JSON-ish values, nulls, huge and odd numbers, strings that look like paths or code. */
const odd = fc.oneof(
  fc.constantFrom(null, '', '/etc/passwd', '../../x', '__proto__', 'constructor', 1e308, -1, 0, 2 ** 53, '1e309', 'NaN', true),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
);
const anyJson = fc.jsonValue({ maxDepth: 4 });
const value = fc.oneof(odd, anyJson);

const eventBody = fc.record(
  {
    name: fc.oneof(fc.constantFrom('CREATE', 'CancelOrder', 'WaveCreate'), value),
    retailerId: fc.oneof(fc.constantFrom('1', 1), value),
    entityType: fc.oneof(fc.constantFrom('ORDER', 'FULFILMENT'), value),
    entityRef: fc.oneof(fc.constantFrom('FZ-1'), value),
    entityId: value,
    rootEntityType: fc.oneof(fc.constant('ORDER'), value),
    rootEntityRef: value,
    attributes: fc.oneof(fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 4 }), value),
    scheduledOn: value,
    meta: value,
  },
  { requiredKeys: [] },
);

const orderInput = fc.record(
  {
    ref: fc.oneof(
      fc.string({ minLength: 1, maxLength: 20 }).map((s) => `FZ-${s}`),
      value,
    ),
    type: fc.oneof(fc.constantFrom('HD', 'CC'), value),
    retailer: fc.oneof(fc.constant({ id: '1' }), fc.record({ id: value }), value),
    customer: fc.oneof(fc.constant({ id: '1' }), value),
    totalPrice: value,
    attributes: fc.oneof(fc.array(fc.record({ name: value, type: value, value }), { maxLength: 3 }), value),
    items: fc.oneof(
      fc.array(
        fc.oneof(fc.constant(null), fc.record({ ref: value, productRef: fc.oneof(fc.constant('TSHIRT-BLK-M'), value), quantity: value }, { requiredKeys: [] })),
        { maxLength: 4 },
      ),
      value,
    ),
  },
  { requiredKeys: [] },
);

/** A random GraphQL text from the characters that break parsers. */
const graphqlText = fc
  .array(
    fc.constantFrom(
      '{',
      '}',
      '(',
      ')',
      '[',
      ']',
      'me',
      'orders',
      'a:',
      ' ',
      '"',
      '$x',
      '1e309',
      '...',
      '#',
      '\n',
      'first: 500',
      'id',
      'mutation',
      'fragment F on User',
      '@skip',
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

describe('fuzzing: no 5xx, and a rejected request changes nothing', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  const fingerprint = (): string => {
    const a = t.sim.accounts.get('LOCAL')!;
    return JSON.stringify([
      a.store.version,
      a.orchestration!.events.size(),
      a.webhooks!.list().length,
      a.jobs.toJSON(),
      t.sim.accounts.size,
      t.sim.snapshots.get('LOCAL')!.size,
      a.clock.nowMs(),
    ]);
  };
  beforeAll(async () => {
    t = await createTestApp({ maxAccounts: 3 });
    auth = { Authorization: `Bearer ${await t.token()}` };
    const job = await request(t.app).post('/api/v4.1/job').set(auth).send({ name: 'fuzz', retailerId: '1' });
    expect(job.body.id).toBe('1');
  });

  /** Sends, then checks the two invariants; the engine is drained so its work is counted too. */
  async function sendAndCheck(send: () => request.Test, rejected: (res: request.Response) => boolean): Promise<void> {
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    const before = fingerprint();
    const res = await send();
    expect(res.status, res.text).toBeLessThan(500);
    expect(res.text).not.toContain('Unexpected error.');
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    if (rejected(res)) expect(fingerprint(), `${res.status} ${res.text.slice(0, 300)}`).toBe(before);
  }

  const restError = (res: request.Response): boolean => res.status >= 400 && Array.isArray(res.body?.errors);
  const gqlRejected = (res: request.Response): boolean =>
    res.status >= 400 || (Array.isArray(res.body?.errors) && Object.values((res.body?.data ?? {}) as Record<string, unknown>).every((v) => v === null));

  const routes: [string, 'post' | 'put', string][] = [
    ['event sync', 'post', '/api/v4.1/event/sync'],
    ['event async', 'post', '/api/v4.1/event/async'],
    ['job', 'post', '/api/v4.1/job'],
    ['batch', 'post', '/api/v4.1/job/1/batch'],
    ['workflow', 'put', '/api/v4.1/workflow'],
    ['clock', 'post', '/_sim/clock'],
    ['snapshots', 'post', '/_sim/snapshots'],
    ['accounts', 'post', '/_sim/accounts'],
  ];

  it.each(routes)('%s: any JSON body', async (_name, method, path) => {
    const body = path.includes('/event/')
      ? fc.oneof(eventBody, value)
      : path.endsWith('/batch')
        ? fc.oneof(fc.record({ action: value, entityType: value, entities: fc.array(value, { maxLength: 5 }) }, { requiredKeys: [] }), value)
        : value;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        await sendAndCheck(() => request(t.app)[method](path).set(auth).set('Content-Type', 'application/json').send(JSON.stringify(b)), restError);
      }),
      RUNS,
    );
  });

  it('any bytes with any content type, on every route', async () => {
    const types = fc.constantFrom(
      'application/json',
      'application/json; charset=latin1',
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/graphql',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
    );
    const paths = fc.constantFrom(...routes.map((r) => r[2]), '/graphql', '/oauth/token');
    await fc.assert(
      fc.asyncProperty(
        paths,
        types,
        fc.string({ maxLength: 300 }),
        fc.constantFrom(undefined, 'gzip', 'br', 'identity'),
        async (path, type, text, encoding) => {
          await sendAndCheck(
            () => {
              const req = request(t.app).post(path).set(auth).set('Content-Type', type);
              return (encoding ? req.set('Content-Encoding', encoding) : req).send(text);
            },
            (res) => res.status >= 400,
          );
        },
      ),
      RUNS,
    );
  });

  it('GraphQL: createOrder with arbitrary inputs, as variables and as the raw JSON of numbers', async () => {
    const query = 'mutation($input: CreateOrderInput) { createOrder(input: $input) { id ref status totalPrice } }';
    await fc.assert(
      fc.asyncProperty(orderInput, fc.boolean(), async (input, rawBigNumber) => {
        const body = JSON.stringify({ query, variables: { input } });
        // JSON.stringify cannot write 1e309; splice it in as a client could.
        const text = rawBigNumber ? body.replace(/"totalPrice":[^,}]+/, '"totalPrice":1e309') : body;
        await sendAndCheck(() => request(t.app).post('/graphql').set(auth).set('Content-Type', 'application/json').send(text), gqlRejected);
      }),
      RUNS,
    );
  });

  it('GraphQL: arbitrary query texts and variables, POST and GET', async () => {
    await fc.assert(
      fc.asyncProperty(graphqlText, fc.oneof(value, fc.string({ maxLength: 30 })), fc.boolean(), async (query, variables, get) => {
        await sendAndCheck(
          () =>
            get
              ? request(t.app)
                  .get('/graphql')
                  .query({ query, variables: typeof variables === 'string' ? variables : JSON.stringify(variables) })
                  .set(auth)
                  .set('Accept', 'application/json')
              : request(t.app).post('/graphql').set(auth).set('Content-Type', 'application/json').send(JSON.stringify({ query, variables })),
          gqlRejected,
        );
      }),
      RUNS,
    );
  });

  it('event search and webhook filters: arbitrary query strings', async () => {
    const key = fc.constantFrom('name', 'context.rootEntityRef', 'from', 'to', 'start', 'count', 'eventStatus', 'status', 'entityRef', 'format', 'account');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(key, fc.string({ maxLength: 20 })), { maxLength: 30 }),
        fc.constantFrom('/api/v4.1/event', '/_sim/webhooks', '/api/v4.1/job/1', '/_sim/webhooks/public-key'),
        async (pairs, path) => {
          const qs = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
          await sendAndCheck(
            () => request(t.app).get(`${path}?${qs}`).set(auth),
            () => true,
          );
        },
      ),
      RUNS,
    );
  });
});
