import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The console's server side (server/console/console-router.ts); the page itself: test/browser. */
describe('the console routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('serves the page and its modules from the package, and redirects /console to /console/', async () => {
    const page = await request(t.app).get('/console/');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    const script = await request(t.app).get('/console/app.js');
    expect(script.status).toBe(200);
    expect(script.type).toBe('text/javascript');
    const bare = await request(t.app).get('/console');
    expect(bare.status).toBe(301);
    expect(bare.headers['location']).toBe('/console/');
    expect((await request(t.app).get('/console/nothing.js')).status).toBe(404);
  });

  it('links the console from GET / (HTML for a browser, JSON otherwise)', async () => {
    const html = await request(t.app).get('/').set('accept', 'text/html');
    expect(html.text).toContain('href="/console/"');
    const json = await request(t.app).get('/').set('accept', 'application/json');
    expect(json.body).toMatchObject({ console: '/console/', graphql: '/graphql' });
  });

  it('lists the default account first, then the tenants', async () => {
    await request(t.app).post('/_sim/accounts').send({ id: 'ACME' }).expect(201);
    const res = await request(t.app).get('/_sim/console/accounts');
    expect(res.body).toEqual({ default: 'LOCAL', accounts: ['LOCAL', 'ACME'] });
  });

  it('gives a token for the chosen account that GraphQL accepts as that account', async () => {
    const res = await request(t.app).post('/_sim/console/token').set('x-fluent-sim-account', 'LOCAL');
    expect(res.body).toMatchObject({ account: 'LOCAL', access_token: expect.any(String), retailerId: '1' });
    const me = await request(t.app).post('/graphql').set('authorization', `Bearer ${res.body.access_token}`).send({ query: '{ me { username } }' });
    expect(me.body).toEqual({ data: { me: { username: 'admin' } } });
    const missing = await request(t.app).post('/_sim/console/token').set('x-fluent-sim-account', 'NOPE');
    expect(missing.status).toBe(404);
  });
});
