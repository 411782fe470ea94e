import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { hdChoice } from '../support/delivery-address.js';

/**
 * The lean routes for `POST /api/v4.1/event/{sync,async}` and `POST /graphql`
 * (http/lean-routes.ts) answer exactly as the full express chain does. A query string sends the
 * same request through the full chain; for events, the ETag that only express's `res.json` adds
 * tells which one answered.
 */
describe('the lean routes', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    auth = { Authorization: `Bearer ${await t.token()}` };
  });
  beforeEach(async () => t.reset());

  const event = { name: 'NoSuchRuleset', retailerId: '1', entityType: 'ORDER', entityRef: 'NOPE', rootEntityType: 'ORDER', rootEntityRef: 'NOPE' };
  const masked = (body: Record<string, unknown>) => ({ ...body, ...(body['eventId'] ? { eventId: 'id' } : {}), ...(body['id'] ? { id: 'id' } : {}) });

  /** Sends the same request to the lean route and through the full chain; returns both answers. */
  async function both(path: string, send: (req: request.Test) => request.Test) {
    const lean = await send(request(t.app).post(path));
    const full = await send(request(t.app).post(`${path}?via=express`));
    return { lean, full };
  }

  it('takes the common request — JSON, a valid token — and answers as the full chain does', async () => {
    for (const path of ['/api/v4.1/event/sync', '/api/v4.1/event/async']) {
      const { lean, full } = await both(path, (req) => req.set(auth).send(event));
      expect(lean.headers['etag']).toBeUndefined();
      expect(full.headers['etag']).toBeDefined();
      expect(lean.status).toBe(full.status);
      expect(lean.headers['content-type']).toBe(full.headers['content-type']);
      expect(masked(lean.body)).toEqual(masked(full.body));
    }
  });

  it('answers a sync event that ran as the express route does (COMPLETE, 200)', async () => {
    const created = await t.gql<{ createOrder: { id: string } }>('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref: 'LEAN-1',
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        fulfilmentChoice: hdChoice('LEAN-1'),
        items: [{ ref: 'LEAN-1-1', productRef: 'RUNNER-42', quantity: 1 }],
      },
    });
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    const res = await request(t.app)
      .post('/api/v4.1/event/sync')
      .set(auth)
      .send({ name: 'WaveCreate', retailerId: 1, entityType: 'FULFILMENT', entityRef: 'LEAN-1-F1', rootEntityType: 'ORDER', rootEntityRef: 'LEAN-1' });
    expect(res.headers['etag']).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ eventId: expect.any(String), entityId: expect.any(String), eventStatus: 'COMPLETE' });
    expect(created.data.createOrder.id).toBeDefined();
  });

  it.each([
    ['a missing required field', (req: request.Test) => req.send({ ...event, name: undefined })],
    ['a body that is not an object', (req: request.Test) => req.send([1, 2])],
    ['malformed JSON', (req: request.Test) => req.type('application/json').send('{"name": ')],
    ['JSON nested too deep', (req: request.Test) => req.send({ ...event, attributes: { deep: JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`) } })],
    ['a form body', (req: request.Test) => req.type('form').send('name=x&retailerId=1&entityType=ORDER')],
    ['a declared length over the limit', (req: request.Test) => req.set('content-length', String(50 * 1024 * 1024)).send(event)],
  ])('answers %s as the full chain does', async (_, send) => {
    const { lean, full } = await both('/api/v4.1/event/sync', (req) => send(req.set(auth)));
    expect(lean.status).toBeGreaterThanOrEqual(400);
    expect(lean.status).toBe(full.status);
    expect(masked(lean.body)).toEqual(masked(full.body));
  });

  it.each([
    ['no token', {}],
    ['a bad token', { Authorization: 'Bearer nope' }],
  ])('answers %s with the documented 401', async (_, headers) => {
    const { lean, full } = await both('/api/v4.1/event/sync', (req) => req.set(headers).send(event));
    expect(lean.status).toBe(401);
    expect(lean.body).toEqual(full.body);
  });

  it('leaves a request with an injected HTTP fault to the fault middleware', async () => {
    await request(t.app).post('/_sim/faults').send({ type: 'http', path: '/api/v4.1/event/sync', status: 503, times: 1 });
    const res = await request(t.app).post('/api/v4.1/event/sync').set(auth).send(event);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ errors: [{ code: '503', message: expect.stringContaining('Fault injected') }] });
    const next = await request(t.app).post('/api/v4.1/event/sync').set(auth).send(event);
    expect(next.status).toBe(400);
    expect(next.body).toMatchObject({ eventStatus: 'NO_MATCH' });
  });

  it.each([
    ['a query', { query: '{ order(ref: "NOPE") { id } me { username } }' }],
    ['a mutation with variables', { query: 'mutation($input: CreateLocationInput) { createLocation(input: $input) { ref } }', variables: { input: {} } }],
    ['a syntax error', { query: '{ order(' }],
    ['no query', { variables: {} }],
    ['variables nested too deep', { query: '{ me { id } }', variables: { deep: JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`) } }],
  ])('answers a GraphQL request with %s as the full chain does', async (_, body) => {
    const { lean, full } = await both('/graphql', (req) => req.set(auth).send(body));
    expect(lean.status).toBe(full.status);
    expect(lean.headers['content-type']).toBe(full.headers['content-type']);
    expect(lean.body).toEqual(full.body);
  });

  it('answers a GraphQL request without a token with the documented 401', async () => {
    const { lean, full } = await both('/graphql', (req) => req.send({ query: '{ me { id } }' }));
    expect(lean.status).toBe(401);
    expect(lean.body).toEqual(full.body);
  });
});
