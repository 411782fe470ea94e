/**
 * Helpers for the legacy REST tests: a second retailer with its own user (role context RETAILER
 * of that retailer, or ACCOUNT), and a token for any user.
 */
import request from 'supertest';
import type { TestApp } from '../support/test-app.js';

/** Creates a retailer and returns its id. */
export async function createRetailer(t: TestApp, name: string): Promise<string> {
  const res = await t.gql<{ createRetailer: { id: string } }>('mutation($input: CreateRetailerInput) { createRetailer(input: $input) { id } }', {
    input: { name, tradingName: name },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createRetailer.id;
}

/** Creates a user whose ADMIN role has the given context, and returns a token for it. */
export async function userToken(
  t: TestApp,
  username: string,
  context: { contextType: 'RETAILER' | 'ACCOUNT'; contextId: string },
  retailerId: string,
): Promise<string> {
  const res = await t.gql('mutation($input: CreateUserInput) { createUser(input: $input) { id } }', {
    input: {
      ref: username,
      username,
      password: 'pw',
      primaryEmail: `${username}@example.com`,
      type: 'ADMIN',
      timezone: 'UTC',
      primaryRetailer: { id: retailerId },
      roles: [{ role: { name: 'ADMIN' }, contexts: [context] }],
    },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const { clientId, clientSecret } = t.sim.config;
  const token = await request(t.app)
    .post('/oauth/token')
    .query({ grant_type: 'password', scope: 'api', client_id: clientId, client_secret: clientSecret, username, password: 'pw' });
  if (token.status !== 200) throw new Error(`token for ${username}: ${token.status} ${token.text}`);
  return token.body.access_token as string;
}
