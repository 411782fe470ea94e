import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app.js';

describe('Query.me', () => {
  it('returns the user the token was issued to, with roles and retailer', async () => {
    const t = await createTestApp();
    const res = await t.gql(
      `{ me { id username ref firstName lastName type primaryRetailer { ref } roles { role { name } contexts { contextType contextId } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data['me']).toEqual({
      id: '1',
      username: t.sim.config.username,
      ref: t.sim.config.username,
      firstName: 'Local',
      lastName: 'Admin',
      type: 'ADMIN',
      primaryRetailer: { ref: 'LOCAL' },
      roles: [
        {
          role: { name: 'ADMIN' },
          contexts: [
            { contextType: 'ACCOUNT', contextId: t.sim.config.account },
            { contextType: 'RETAILER', contextId: t.sim.config.retailerId },
          ],
        },
      ],
    });
  });

  it('follows the user record when it changes', async () => {
    const t = await createTestApp();
    await t.gql(`mutation { updateUser(input: {id: "1", firstName: "Renamed"}) { id } }`);
    const res = await t.gql<{ me: { firstName: string } }>(`{ me { firstName } }`);
    expect(res.data.me.firstName).toBe('Renamed');
  });
});
