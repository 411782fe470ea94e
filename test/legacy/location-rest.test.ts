import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** `GET /api/v4.1/location` as a storefront's store locator calls it (Location API page). */
describe('legacy REST /api/v4.1/location', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    auth = { Authorization: `Bearer ${await t.token()}` };
  });

  it('pages the retailer locations with start and count, and filters by agentStatuses', async () => {
    const all = await request(t.app).get('/api/v4.1/location').query({ retailerId: 1 }).set(auth);
    expect(all.status).toBe(200);
    // Three stores/warehouses and SYSTEM_REJECTED, the location of system-rejected fulfilments (workflow-contracts.md §5.2).
    expect(all.body).toMatchObject({ start: 0, count: 4, total: 4 });
    const refs = (all.body.results as { locationRef: string }[]).map((l) => l.locationRef);
    expect(refs).toContain('LOC_MEL_DC');
    const page = await request(t.app).get('/api/v4.1/location').query({ retailerId: 1, start: 1, count: 1 }).set(auth);
    expect(page.body).toMatchObject({ start: 1, count: 1, total: 4, results: [{ locationRef: refs[1] }] });
    const none = await request(t.app).get('/api/v4.1/location').query({ retailerId: 1, agentStatuses: 'INACTIVE' }).set(auth);
    expect(none.body).toMatchObject({ total: 0, results: [] });
  });

  it('reads one location by id with its primary address and retailer', async () => {
    const all = await request(t.app).get('/api/v4.1/location').query({ retailerId: 1 }).set(auth);
    const dc = (all.body.results as { locationId: string; locationRef: string }[]).find((l) => l.locationRef === 'LOC_MEL_DC')!;
    const res = await request(t.app).get(`/api/v4.1/location/${dc.locationId}`).set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      locationId: dc.locationId,
      locationRef: 'LOC_MEL_DC',
      type: 'WAREHOUSE',
      name: 'Melbourne Distribution Centre',
      retailerId: '1',
      primaryAddress: { city: expect.any(String) },
    });
    expect((await request(t.app).get('/api/v4.1/location/abc').set(auth)).status).toBe(404);
  });
});
