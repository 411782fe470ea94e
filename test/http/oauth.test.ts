import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCli } from '../../server/cli.js';
import { loadConfig } from '../../server/config.js';
import { UNAUTHORIZED_BODY } from '../../server/http/middleware/auth.js';
import { listen } from '../support/listen.js';
import { officialClient } from '../support/official-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const CREDS = { client_id: 'LOCAL', client_secret: 'local-secret', username: 'admin', password: 'password', scope: 'api' };

describe('POST /oauth/token', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('issues a bearer token from query-string parameters with an empty body (fluent-platform.md §1.1)', async () => {
    const res = await request(t.app)
      .post('/oauth/token')
      .query({ ...CREDS, grant_type: 'password' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 86400,
      scope: 'api',
      Retailer_id: 1,
      FirstName: 'Local',
      LastName: 'Admin',
      Roles: ['ADMIN'],
    });
    expect(res.body.access_token).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof res.body.refresh_token).toBe('string');
  });

  it('reads a form-encoded body and merges it with the query string', async () => {
    const res = await request(t.app)
      .post('/oauth/token')
      .query({ client_id: 'LOCAL', client_secret: 'local-secret' })
      .type('form')
      .send({ grant_type: 'password', username: 'admin', password: 'password' });
    expect(res.status).toBe(200);
    expect(res.body.Retailer_id).toBe(1);
  });

  it('answers 400 invalid_grant "Bad credentials" for a wrong password, secret or user', async () => {
    for (const wrong of [{ password: 'nope' }, { client_secret: 'nope' }, { username: 'ghost' }, { client_id: 'OTHER' }]) {
      const res = await request(t.app)
        .post('/oauth/token')
        .type('form')
        .send({ ...CREDS, grant_type: 'password', ...wrong });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'invalid_grant', error_description: 'Bad credentials' });
    }
  });

  it('exchanges a refresh token once and refuses it the second time', async () => {
    const first = await request(t.app)
      .post('/oauth/token')
      .type('form')
      .send({ ...CREDS, grant_type: 'password' });
    const refresh = { grant_type: 'refresh_token', refresh_token: first.body.refresh_token, client_id: 'LOCAL', client_secret: 'local-secret' };
    const second = await request(t.app).post('/oauth/token').type('form').send(refresh);
    expect(second.status).toBe(200);
    expect(second.body.access_token).not.toBe(first.body.access_token);
    const again = await request(t.app).post('/oauth/token').type('form').send(refresh);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' });
  });

  it('accepts client_credentials for the configured client and acts as the default user', async () => {
    const res = await request(t.app)
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: 'LOCAL', client_secret: 'local-secret' });
    expect(res.status).toBe(200);
    const me = await request(t.app).post('/graphql').set('Authorization', `Bearer ${res.body.access_token}`).send({ query: '{ me { username } }' });
    expect(me.body.data.me.username).toBe('admin');
  });

  it('refuses client_credentials when the policy disables it', async () => {
    const strict = await createTestApp({ clientCredentials: 'false' });
    const res = await request(strict.app)
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: 'LOCAL', client_secret: 'local-secret' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('unsupported_grant_type');
  });

  it('lets a user created through GraphQL log in with its password', async () => {
    const created = await t.gql(`mutation($input: CreateUserInput) { createUser(input: $input) { id username } }`, {
      input: { ref: 'picker', username: 'picker', password: 's3cret', primaryEmail: 'p@x.io', type: 'STORE', timezone: 'UTC', primaryRetailer: { id: '1' } },
    });
    expect(created.errors).toBeUndefined();
    const res = await request(t.app)
      .post('/oauth/token')
      .query({ ...CREDS, username: 'picker', password: 's3cret', grant_type: 'password' });
    expect(res.status).toBe(200);
    expect(res.body.Retailer_id).toBe(1);
  });
});

describe('bearer authentication', () => {
  let t: TestApp;
  /** The wall clock token lifetimes run on, moved by hand. */
  let wallMs: number;
  beforeEach(async () => {
    wallMs = Date.UTC(2030, 0, 1);
    t = await createTestApp({ tokenTtl: '60' }, { wallClock: () => wallMs });
  });
  const me = (token: string) => request(t.app).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query: '{ me { id } }' });

  it('answers 401 with the documented body when the token is missing, unknown or malformed', async () => {
    for (const header of [undefined, 'Bearer 00000000-0000-0000-0000-000000000000', 'Basic abc', 'Bearer']) {
      const req = request(t.app).post('/graphql').send({ query: '{ me { id } }' });
      const res = await (header ? req.set('Authorization', header) : req);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(UNAUTHORIZED_BODY);
    }
    const rest = await request(t.app).get('/api/v4.1/event');
    expect(rest.status).toBe(401);
    expect(rest.body).toEqual(UNAUTHORIZED_BODY);
  });

  it('accepts the scheme in lower case, as real clients send it', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', `bearer ${await t.token()}`)
      .send({ query: '{ me { username } }' });
    expect(res.status).toBe(200);
    expect(res.body.data.me.username).toBe('admin');
  });

  it('keeps tokens alive while the virtual clock moves on by days', async () => {
    const token = await t.token();
    await t.sim.accounts.get('LOCAL')!.clock.advance(3 * 86_400_000);
    expect((await me(token)).status).toBe(200);
  });

  it('expires access tokens --token-ttl seconds after issue on the wall clock', async () => {
    const token = await t.token();
    wallMs += 59_000;
    expect((await me(token)).status).toBe(200);
    wallMs += 1_000;
    const after = await me(token);
    expect([after.status, after.body]).toEqual([401, UNAUTHORIZED_BODY]);
    const rest = await request(t.app).get('/api/v4.1/event').set('Authorization', `Bearer ${token}`);
    expect([rest.status, rest.body]).toEqual([401, UNAUTHORIZED_BODY]);
  });

  it('takes the lifetime from --token-ttl or FLUENT_SIM_TOKEN_TTL', () => {
    const ttlOf = (argv: string[], env: NodeJS.ProcessEnv): number => {
      const command = parseCli(argv, env, '0.0.0');
      return command.type === 'start' ? loadConfig(command.raw).tokenTtl : NaN;
    };
    expect(ttlOf([], {})).toBe(86_400);
    expect(ttlOf([], { FLUENT_SIM_TOKEN_TTL: '120' })).toBe(120);
    expect(ttlOf(['--token-ttl', '30'], { FLUENT_SIM_TOKEN_TTL: '120' })).toBe(30);
  });
});

describe('POST /_sim/tokens/expire', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  const login = async (creds = CREDS) =>
    (
      await request(t.app)
        .post('/oauth/token')
        .query({ ...creds, grant_type: 'password' })
    ).body as Record<string, string>;
  const me = (token: string) => request(t.app).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query: '{ me { username } }' });

  it('ends every access token of the account with the 401 of an expired token; refresh still works', async () => {
    const [first, second] = [await login(), await login()];
    const res = await request(t.app).post('/_sim/tokens/expire').send({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ account: 'LOCAL', expired: { accessTokens: 2, refreshTokens: 0 } });
    for (const { access_token } of [first!, second!]) {
      const after = await me(access_token!);
      expect([after.status, after.body]).toEqual([401, UNAUTHORIZED_BODY]);
    }
    const refreshed = await request(t.app)
      .post('/oauth/token')
      .query({ grant_type: 'refresh_token', refresh_token: first!['refresh_token'], client_id: 'LOCAL' });
    expect(refreshed.status).toBe(200);
    expect((await me(refreshed.body.access_token)).status).toBe(200);
  });

  it('ends refresh tokens too when asked, and leaves other accounts alone', async () => {
    const other = (await request(t.app).post('/_sim/accounts').send({ id: 'OTHER', seed: 'none' })).body as Record<string, string>;
    const otherToken = await login({ ...CREDS, client_id: other['clientId']!, client_secret: other['clientSecret']!, password: other['password']! });
    const mine = await login();
    const res = await request(t.app).post('/_sim/tokens/expire').set('Authorization', `Bearer ${mine['access_token']}`).send({ refreshTokens: true });
    expect(res.body).toEqual({ account: 'LOCAL', expired: { accessTokens: 1, refreshTokens: 1 } });
    const refreshed = await request(t.app).post('/oauth/token').query({ grant_type: 'refresh_token', refresh_token: mine['refresh_token'] });
    expect([refreshed.status, refreshed.body]).toEqual([400, { error: 'invalid_grant', error_description: 'Invalid refresh token' }]);
    expect((await me(otherToken['access_token']!)).status).toBe(200);
  });

  it('lets the official client recover through its own token refresh', async () => {
    const server = await listen(t.app);
    try {
      const client = officialClient(server.url);
      const query = '{ me { username } }';
      expect(await client.graphql({ query })).toMatchObject({ data: { me: { username: 'admin' } } });
      expect((await request(t.app).post('/_sim/tokens/expire').send({})).body.expired.accessTokens).toBe(1);
      expect(await client.graphql({ query })).toMatchObject({ data: { me: { username: 'admin' } } });
    } finally {
      await server.close();
    }
  });

  it('refuses a body it does not understand', async () => {
    const res = await request(t.app).post('/_sim/tokens/expire').send({ refreshTokens: 'yes' });
    expect(res.status).toBe(400);
  });
});
