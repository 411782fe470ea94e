import type { FluentClient } from '@fluentcommerce/fc-connect-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../server/testing.js';
import { officialClient } from '../support/official-client.js';

/**
 * The official client (`@fluentcommerce/fc-connect-sdk`, design §7) runs unchanged against the
 * simulator: password-grant authentication with the default credentials and `graphql` with
 * cursor auto-pagination over a connection.
 */
describe('official client FluentClient', () => {
  let sim: SimulatorHandle;
  let client: FluentClient;

  beforeAll(async () => {
    // The project's own helper, as a consumer's test suite would use it (fluent-sim/testing).
    sim = await startSimulator({ clockStart: '2026-01-15T09:00:00.000Z' });
    for (let i = 1; i <= 23; i += 1) {
      const res = await sim.graphql(`mutation($input: CreateCustomerInput) { createCustomer(input: $input) { id } }`, {
        input: {
          username: `sdk-${i}@example.com`,
          primaryEmail: `sdk-${i}@example.com`,
          firstName: 'Sdk',
          lastName: `Customer ${i}`,
          timezone: 'UTC',
          promotionOptIn: false,
          retailer: { id: '1' },
        },
      });
      expect(res.errors).toBeUndefined();
    }
    client = officialClient(sim.url);
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('authenticates and runs a query', async () => {
    const res = (await client.graphql({ query: 'query { me { username primaryRetailer { id } } }' })) as { data?: { me: unknown } };
    expect(res.data?.me).toEqual({ username: 'admin', primaryRetailer: { id: '1' } });
  });

  it('auto-paginates a connection with first/after until hasNextPage is false', async () => {
    const res = (await client.graphql({
      query: `query Customers($first: Int, $after: String) {
        customers(lastName: null, first: $first, after: $after) { edges { cursor node { username } } pageInfo { hasNextPage } } }`,
      variables: { first: 5 },
    })) as { data?: { customers: { edges: { node: { username: string } }[] } } };
    const usernames = res.data!.customers.edges.map((e) => e.node.username);
    expect(usernames).toHaveLength(24);
    expect(new Set(usernames).size).toBe(24);
    expect(usernames).toContain('jane.citizen@example.com');
    expect(usernames[0]).toBe('sdk-23@example.com');
  });
});
