import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

type UserRoles = { user: { roles: { role: { name: string }; contexts: { contextType: string; contextId: string }[] }[] } };
const rolesOf = async (t: TestApp, username: string): Promise<UserRoles['user']['roles']> =>
  (await ok<UserRoles>(t, `query($u: String) { user(username: $u) { roles { role { name } contexts { contextType contextId } } } }`, { u: username })).user
    .roles;

async function createClerk(t: TestApp): Promise<void> {
  await ok(
    t,
    `mutation {
    createUser(input: {ref: "clerk", username: "clerk", password: "pw", primaryEmail: "clerk@example.com", type: "STORE", timezone: "UTC",
      roles: [
        {role: {name: "STORE_ASSISTANT"}, contexts: [{contextType: "LOCATION", contextId: "1"}, {contextType: "LOCATION", contextId: "2"}]},
        {role: {name: "ADMIN"}, contexts: [{contextType: "RETAILER", contextId: "1"}]}
      ]}) { id }
  }`,
  );
}

describe('Mutation.removeUserRolesFromUser', () => {
  it('removes the named contexts, and the role once it has none left', async () => {
    const t = await createTestApp();
    await createClerk(t);
    await ok(
      t,
      `mutation { removeUserRolesFromUser(input: {user: {username: "clerk"}, roles: [{role: {name: "STORE_ASSISTANT"}, contexts: [{contextType: "LOCATION", contextId: "1"}]}]}) { status } }`,
    );
    expect(await rolesOf(t, 'clerk')).toEqual([
      { role: { name: 'STORE_ASSISTANT' }, contexts: [{ contextType: 'LOCATION', contextId: '2' }] },
      { role: { name: 'ADMIN' }, contexts: [{ contextType: 'RETAILER', contextId: '1' }] },
    ]);
    const data = await ok<{ removeUserRolesFromUser: { status: string } }>(
      t,
      `mutation { removeUserRolesFromUser(input: {user: {username: "clerk"}, roles: [{role: {name: "ADMIN"}, contexts: [{contextType: "RETAILER", contextId: "1"}]}]}) { status } }`,
    );
    expect(data.removeUserRolesFromUser.status).toBe('SUCCESS');
    expect(await rolesOf(t, 'clerk')).toEqual([{ role: { name: 'STORE_ASSISTANT' }, contexts: [{ contextType: 'LOCATION', contextId: '2' }] }]);
  });

  it('removes the whole role when the key lists no contexts', async () => {
    const t = await createTestApp();
    await createClerk(t);
    await ok(
      t,
      `mutation { removeUserRolesFromUser(input: {user: {username: "clerk"}, roles: [{role: {name: "STORE_ASSISTANT"}, contexts: []}]}) { status } }`,
    );
    expect((await rolesOf(t, 'clerk')).map((r) => r.role.name)).toEqual(['ADMIN']);
  });

  it('answers C0120E for an unknown user or role and changes nothing', async () => {
    const t = await createTestApp();
    await createClerk(t);
    const noUser = await t.gql(
      `mutation { removeUserRolesFromUser(input: {user: {username: "nobody"}, roles: [{role: {name: "ADMIN"}, contexts: []}]}) { status } }`,
    );
    expect(noUser.errors?.[0]?.extensions?.code).toBe('C0120E');
    const noRole = await t.gql(
      `mutation { removeUserRolesFromUser(input: {user: {username: "clerk"}, roles: [{role: {name: "ADMIN"}, contexts: []}, {role: {name: "NOPE"}, contexts: []}]}) { status } }`,
    );
    expect(noRole.errors?.[0]?.extensions?.code).toBe('C0120E');
    expect((await rolesOf(t, 'clerk')).map((r) => r.role.name)).toEqual(['STORE_ASSISTANT', 'ADMIN']);
  });
});
