import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

const permissionsOf = async (t: TestApp, name: string): Promise<string[]> => {
  const data = await ok<{ role: { permissions: { name: string }[] } }>(t, `query($name: String!) { role(name: $name) { permissions { name } } }`, { name });
  return data.role.permissions.map((p) => p.name);
};

describe('Mutation.removePermissionsFromRole', () => {
  it('removes the named permissions from the role', async () => {
    const t = await createTestApp();
    // seeds/default.json: STORE_ASSISTANT has ORDER_VIEW, FULFILMENT_VIEW, FULFILMENT_UPDATE, LOCATION_VIEW, INVENTORY_VIEW.
    const data = await ok<{ removePermissionsFromRole: { status: string } }>(
      t,
      `mutation { removePermissionsFromRole(input: {role: {name: "STORE_ASSISTANT"}, permissions: [{name: "FULFILMENT_UPDATE"}, {name: "ORDER_CREATE"}]}) { status } }`,
    );
    expect(data.removePermissionsFromRole.status).toBe('SUCCESS');
    expect(await permissionsOf(t, 'STORE_ASSISTANT')).toEqual(['ORDER_VIEW', 'FULFILMENT_VIEW', 'LOCATION_VIEW', 'INVENTORY_VIEW']);
    expect(await permissionsOf(t, 'ADMIN')).toContain('FULFILMENT_UPDATE');
  });

  it('answers C0120E for an unknown permission and changes nothing', async () => {
    const t = await createTestApp();
    const res = await t.gql(
      `mutation { removePermissionsFromRole(input: {role: {name: "STORE_ASSISTANT"}, permissions: [{name: "ORDER_VIEW"}, {name: "NO_SUCH_PERMISSION"}]}) { status } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
    expect(await permissionsOf(t, 'STORE_ASSISTANT')).toContain('ORDER_VIEW');
  });

  it('answers C0120E for an unknown role', async () => {
    const t = await createTestApp();
    const res = await t.gql(`mutation { removePermissionsFromRole(input: {role: {name: "NOPE"}, permissions: [{name: "ORDER_VIEW"}]}) { status } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
  });
});
