import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createHttpServer } from '../../server/http/server-limits.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 16 #8: 13 of the 18 5xx seen were requests the server could not read.
describe("requests the server cannot read are the client's errors", () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    auth = { Authorization: `Bearer ${await t.token()}` };
  });

  const EVENT = '{"name":"CREATE","retailerId":"1","entityType":"ORDER","entityRef":"X","rootEntityType":"ORDER","rootEntityRef":"X"}';

  it.each([
    ['a latin1 charset', 'application/json; charset=latin1', '', 415],
    ['a gzip header on a plain body', 'application/json', 'gzip', 400],
    ['a deflate header on a plain body', 'application/json', 'deflate', 400],
    ['a br header on a plain body', 'application/json', 'br', 400],
    ['an unknown encoding', 'application/json', 'compress', 415],
  ])('answers %s with %s %s in the platform shape', async (_what, type, encoding, status) => {
    for (const path of ['/api/v4.1/event/async', '/graphql', '/_sim/snapshots']) {
      let req = request(t.app).post(path).set(auth).set('Content-Type', type);
      if (encoding !== '') req = req.set('Content-Encoding', encoding);
      const res = await req.send(EVENT);
      expect(res.status, path).toBe(status);
      expect(res.body.errors[0].code, path).toBe(String(status));
    }
  });

  it('answers bad percent-encoding in a path with 400', async () => {
    for (const path of ['/api/v4.1/event/%ZZ', '/api/v4.1/job/%E0%A4%A', '/_sim/webhooks/%ZZ', '/_sim/snapshots/%ZZ/restore']) {
      const res = await request(t.app).get(path).set(auth);
      expect(res.status, path).toBeLessThan(500);
    }
    expect((await request(t.app).get('/api/v4.1/event/%ZZ').set(auth)).status).toBe(400);
  });

  it('answers a body over 2 MB with 413 on every route, JSON, form or other', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024 + 1);
    const cases = [
      request(t.app)
        .post('/graphql')
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ query: big })),
      request(t.app).post('/graphql').set(auth).set('Content-Type', 'application/graphql').send(big),
      request(t.app)
        .post('/api/v4.1/event/sync')
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ name: big })),
      request(t.app)
        .post('/api/v4.1/job/1/batch')
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ entities: [big] })),
      request(t.app)
        .put('/api/v4.1/workflow')
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ name: big })),
      request(t.app).post('/oauth/token').set('Content-Type', 'application/x-www-form-urlencoded').send(`grant_type=${big}`),
      request(t.app)
        .post('/_sim/accounts')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ id: big })),
    ];
    for (const [i, res] of (await Promise.all(cases)).entries()) {
      expect(res.status, `case ${i}`).toBe(413);
      expect(res.body, `case ${i}`).toEqual({ errors: [{ code: '413', message: expect.stringContaining('--max-body-bytes') }] });
    }
    expect(t.sim.accounts.size).toBe(1);
  });

  it('lets a plugin JAR pass the general limit (its route reads up to 50 MB itself)', async () => {
    const res = await request(t.app)
      .post('/orchestration/rest/v1/plugin/upload')
      .set(auth)
      .attach('file', Buffer.alloc(3 * 1024 * 1024, 1), 'big.jar');
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('--max-body-bytes');
  });

  it('accepts a form body over 100 kB (the old parser default) and still answers its grant', async () => {
    const res = await request(t.app)
      .post('/oauth/token')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`grant_type=password&pad=${'x'.repeat(200_000)}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });
});

describe('slow clients', () => {
  let t: TestApp;
  let server: ReturnType<typeof createHttpServer>;
  beforeAll(async () => {
    t = await createTestApp({ headersTimeout: 300, requestTimeout: 600 });
    server = createHttpServer(createApp(t.sim), t.sim.config).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('cuts off a client that never finishes its headers with 408', async () => {
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.write('GET /_sim/health HTTP/1.1\r\nHost: x\r\n');
    await new Promise((resolve) => socket.once('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});
