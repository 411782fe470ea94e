import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../support/test-app.js';

/**
 * Retailer batches (fluent-platform.md §4.5): `CREATE` + `RETAILER` creates each retailer and
 * its `<retailerId>_admin` user, who can then log in; bad or duplicate records are listed.
 */
describe('a CREATE RETAILER batch', () => {
  it('creates the retailers and their admin users, and lists the bad records', async () => {
    const t = await createTestApp();
    const account = t.sim.accounts.get(t.sim.config.account)!;
    const app = t.app;
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const retailersBefore = account.store.count('Retailer');

    const jobId = (await request(app).post('/api/v4.1/job').set(auth).send({ name: 'onboarding', retailerId: '1' })).body.id;
    const entities = [
      {
        retailerId: 'b2c',
        retailerName: 'b2c',
        region: 'AUS',
        tradingName: 'B2C Trading',
        customerSupportPhone: '+61 3 9000 1111',
        customerSupportEmail: 'help@b2c.example',
        website: 'https://b2c.example',
      },
      { retailerId: 'b2c', retailerName: 'again' },
      { retailerName: 'no id' },
      { retailerId: 'long', retailerName: 'x'.repeat(46) },
      { retailerId: 42, retailerName: 'Numeric' },
    ];
    const sent = await request(app).post(`/api/v4.1/job/${jobId}/batch`).set(auth).send({ action: 'CREATE', entityType: 'RETAILER', entities });
    expect(sent.status).toBe(200);
    const batch = await vi.waitFor(
      async () => {
        const res = await request(app).get(`/api/v4.1/job/${jobId}/batch/${sent.body.id}`).set(auth);
        expect(res.body.status, 'the retailer batch to complete').toBe('COMPLETE');
        return res.body;
      },
      { timeout: 30_000, interval: 5 },
    );

    expect(batch).toMatchObject({ entityType: 'RETAILER', action: 'CREATE', total: 3 });
    expect(batch.results).toEqual([
      { recordIndex: 1, retailerId: 'b2c', entityRef: 'b2c', code: '400', message: 'Retailer "b2c" already exists' },
      { recordIndex: 2, retailerId: null, entityRef: null, code: '400', message: "'retailerId' is required" },
      { recordIndex: 3, retailerId: 'long', entityRef: 'long', code: '400', message: "'retailerName' is 46 characters long; at most 45 are allowed" },
    ]);
    expect(account.store.count('Retailer')).toBe(retailersBefore + 2);

    const res = await t.gql<{ retailers: { edges: { node: Record<string, unknown> }[] }; user: Record<string, unknown> }>(
      `{ retailers(ref: ["b2c"]) { edges { node { ref tradingName summary supportPhone supportEmail websiteUrl } } }
         user(username: "b2c_admin") { username primaryRetailer { ref } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.retailers.edges).toEqual([
      {
        node: {
          ref: 'b2c',
          tradingName: 'B2C Trading',
          summary: 'b2c',
          supportPhone: '+61 3 9000 1111',
          supportEmail: 'help@b2c.example',
          websiteUrl: 'https://b2c.example',
        },
      },
    ]);
    expect(res.data.user).toEqual({ username: 'b2c_admin', primaryRetailer: { ref: 'b2c' } });

    const token = await request(app).post('/oauth/token').query({
      grant_type: 'password',
      client_id: t.sim.config.clientId,
      client_secret: t.sim.config.clientSecret,
      username: '42_admin',
      password: 'password',
    });
    expect(token.status).toBe(200);

    const audits = await request(app).get('/api/v4.1/event').set(auth).query({ name: 'BATCH_COMPLETE', 'context.entityId': sent.body.id });
    expect(audits.body.results).toHaveLength(1);
  });
});
