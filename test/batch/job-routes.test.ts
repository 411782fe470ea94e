import request from 'supertest';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../server/account.js';
import type { createApp } from '../../server/app.js';
import { createTestApp, TEST_START, type TestApp } from '../support/test-app.js';

/**
 * Job & Batch API over HTTP (fluent-platform.md §4): creating and reading jobs, closing at
 * virtual midnight, and every request-level rejection (400/404) leaving nothing written.
 */
type Setup = { t: TestApp; account: Account; app: ReturnType<typeof createApp>; auth: { Authorization: string } };

async function setup(): Promise<Setup> {
  const t = await createTestApp();
  const account = t.sim.accounts.get(t.sim.config.account)!;
  // Mounted here until the default app mounts it; both resolve to the same per-account service.
  const app = t.app;
  return { t, account, app, auth: { Authorization: `Bearer ${await t.token()}` } };
}

const record = (fields: Record<string, unknown> = {}) => ({
  skuRef: 'TSHIRT-BLK-M',
  locationRef: 'LOC_MEL_STORE',
  qty: 12,
  correctedQty: 0,
  retailerId: 1,
  ...fields,
});
const inventoryBatch = (entities: unknown[], fields: Record<string, unknown> = {}) => ({ action: 'UPSERT', entityType: 'INVENTORY', entities, ...fields });

describe('POST /api/v4.1/job', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });

  it('creates a job and answers 200 with its numeric string id', async () => {
    const res = await request(s.app)
      .post('/api/v4.1/job')
      .set(s.auth)
      .send({ name: 'inventory-sync', retailerId: '1', meta: { preprocessing: 'skip' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.stringMatching(/^\d+$/) });
  });

  it('accepts retailerId as a number and answers it as a string', async () => {
    const created = await request(s.app).post('/api/v4.1/job').set(s.auth).send({ name: 'n', retailerId: 1 });
    const res = await request(s.app).get(`/api/v4.1/job/${created.body.id}`).set(s.auth);
    expect(res.body.retailerId).toBe('1');
  });

  it.each([
    ['name missing', { retailerId: '1' }, { code: '400', message: "'name' is required" }],
    ['name empty', { name: '', retailerId: '1' }, { code: '400', message: "'name' is required" }],
    ['retailerId missing', { name: 'x' }, { code: 'NotNull', message: "'retailerId' is required" }],
  ])('answers 400 with the platform body when %s', async (_case, body, error) => {
    const res = await request(s.app).post('/api/v4.1/job').set(s.auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [error] });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const malformed = await request(s.app).post('/api/v4.1/job').set(s.auth).set('content-type', 'application/json').send('{"name": ');
    expect(malformed.status).toBe(400);
    const text = await request(s.app).post('/api/v4.1/job').set(s.auth).set('content-type', 'text/plain').send('name=x');
    expect(text.status).toBe(400);
    expect(text.body.errors[0].message).toMatch(/JSON object/);
  });

  it('answers 401 without a bearer token', async () => {
    const res = await request(s.app).post('/api/v4.1/job').send({ name: 'x', retailerId: '1' });
    expect(res.status).toBe(401);
  });
});

describe('GET /api/v4.1/job/:id', () => {
  it('returns the job with its batches (§4.3) and 404 for an unknown id', async () => {
    const s = await setup();
    const { body: job } = await request(s.app)
      .post('/api/v4.1/job')
      .set(s.auth)
      .send({ name: 'daily', retailerId: '1', meta: { preprocessing: 'skip' } });
    const { body: batch } = await request(s.app)
      .post(`/api/v4.1/job/${job.id}/batch`)
      .set(s.auth)
      .send(inventoryBatch([record()]));
    const res = await request(s.app).get(`/api/v4.1/job/${job.id}`).set(s.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      jobId: job.id,
      name: 'daily',
      status: 'OPEN',
      retailerId: '1',
      meta: { preprocessing: 'skip' },
      createdOn: TEST_START.toISOString(),
      batch: [{ batchId: batch.id, status: expect.stringMatching(/^(PENDING|RUNNING|COMPLETE)$/), createdOn: TEST_START.toISOString() }],
    });
    const missing = await request(s.app).get('/api/v4.1/job/999').set(s.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: [{ code: '404', message: expect.stringContaining('No job with id 999') }] });
  });
});

describe('job closing at midnight UTC (§4.2)', () => {
  it('stays OPEN until virtual midnight, then is CLOSED and refuses batches', async () => {
    const s = await setup();
    const { body: job } = await request(s.app).post('/api/v4.1/job').set(s.auth).send({ name: 'daily', retailerId: '1' });
    const untilMidnight = Date.UTC(2026, 0, 16) - TEST_START.getTime();
    await s.account.clock.advance(untilMidnight - 1);
    expect((await request(s.app).get(`/api/v4.1/job/${job.id}`).set(s.auth)).body.status).toBe('OPEN');
    await s.account.clock.advance(1);
    expect((await request(s.app).get(`/api/v4.1/job/${job.id}`).set(s.auth)).body.status).toBe('CLOSED');

    const positions = s.account.store.count('InventoryPosition');
    const res = await request(s.app)
      .post(`/api/v4.1/job/${job.id}/batch`)
      .set(s.auth)
      .send(inventoryBatch([record({ skuRef: 'RUNNER-42', locationRef: 'LOC_MEL_DC', qty: 1 })]));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ code: '400', message: expect.stringMatching(/Job \d+ is CLOSED.*create a new job/) });
    expect((await request(s.app).get(`/api/v4.1/job/${job.id}`).set(s.auth)).body.batch).toEqual([]);
    expect(s.account.store.count('InventoryPosition')).toBe(positions);
  });
});

describe('POST /api/v4.1/job/:id/batch rejections', () => {
  let s: Setup;
  let jobId: string;
  beforeEach(async () => {
    s = await setup();
    jobId = (await request(s.app).post('/api/v4.1/job').set(s.auth).send({ name: 'daily', retailerId: '1' })).body.id;
  });

  it.each([
    ['an unknown action', inventoryBatch([record()], { action: 'DELETE' }), /Unknown batch action "DELETE"/],
    ['an unknown entityType', inventoryBatch([record()], { entityType: 'ORDER' }), /Unsupported entityType "ORDER" for action "UPSERT"/],
    ['a RETAILER batch with UPSERT', inventoryBatch([record()], { entityType: 'RETAILER' }), /Unsupported entityType "RETAILER"/],
    ['a missing action', { entityType: 'INVENTORY', entities: [record()] }, /'action' is required/],
    ['empty entities', inventoryBatch([]), /'entities' is empty/],
    ['missing entities', { action: 'UPSERT', entityType: 'INVENTORY' }, /'entities' is required/],
    ['entities that are not an array', inventoryBatch({} as unknown as unknown[]), /'entities' must be an array/],
    ['more than 5,000 entities', inventoryBatch(Array.from({ length: 5001 }, () => record())), /'entities' has 5001 records; a batch holds at most 5000/],
    ['an unknown catalogue', inventoryBatch([record()], { catalogueRef: 'NOPE:1' }), /Inventory catalogue "NOPE:1" does not exist/],
    ['a bad batch field', inventoryBatch([record()], { event: 42 }), /'event': expected a string/],
  ])('answers 400 for %s and writes nothing', async (_case, body, message) => {
    const positions = s.account.store.count('InventoryPosition');
    const quantities = s.account.store.count('InventoryQuantity');
    const events = s.account.orchestration!.events.size();
    const res = await request(s.app).post(`/api/v4.1/job/${jobId}/batch`).set(s.auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ code: expect.stringMatching(/^(400|NotNull)$/), message: expect.stringMatching(message) }]);
    expect((await request(s.app).get(`/api/v4.1/job/${jobId}`).set(s.auth)).body.batch).toEqual([]);
    await s.account.orchestration!.engine.drain();
    expect(s.account.store.count('InventoryPosition')).toBe(positions);
    expect(s.account.store.count('InventoryQuantity')).toBe(quantities);
    expect(s.account.orchestration!.events.size()).toBe(events);
  });

  it('answers 404 for an unknown job and for an unknown batch', async () => {
    const positions = s.account.store.count('InventoryPosition');
    const res = await request(s.app)
      .post('/api/v4.1/job/404/batch')
      .set(s.auth)
      .send(inventoryBatch([record({ skuRef: 'RUNNER-42', locationRef: 'LOC_MEL_DC' })]));
    expect(res.status).toBe(404);
    expect(res.body.errors[0]).toEqual({ code: '404', message: expect.stringContaining('No job with id 404') });
    expect(s.account.store.count('InventoryPosition')).toBe(positions);
    expect((await request(s.app).get(`/api/v4.1/job/${jobId}/batch/77`).set(s.auth)).status).toBe(404);
    expect((await request(s.app).get('/api/v4.1/job/404/batch/1').set(s.auth)).status).toBe(404);
    expect((await request(s.app).get('/api/v4.1/job/404/results').set(s.auth)).status).toBe(404);
  });

  it('answers 404 for a batch id of another job', async () => {
    const other = (await request(s.app).post('/api/v4.1/job').set(s.auth).send({ name: 'other', retailerId: '1' })).body.id;
    const { body: batch } = await request(s.app)
      .post(`/api/v4.1/job/${other}/batch`)
      .set(s.auth)
      .send(inventoryBatch([record()]));
    expect((await request(s.app).get(`/api/v4.1/job/${other}/batch/${batch.id}`).set(s.auth)).status).toBe(200);
    expect((await request(s.app).get(`/api/v4.1/job/${jobId}/batch/${batch.id}`).set(s.auth)).status).toBe(404);
  });
});

describe('GET /api/v4.1/job/:id/batch/:batchId', () => {
  it('completes with the per-record errors and pages them with start and count', async () => {
    const s = await setup();
    const jobId = (await request(s.app).post('/api/v4.1/job').set(s.auth).send({ name: 'daily', retailerId: '1' })).body.id;
    const entities = [record(), record({ qty: -1 }), record({ locationRef: 'LOC_NOWHERE' }), record({ skuRef: null }), record({ qty: 7 })];
    const { body: batch } = await request(s.app).post(`/api/v4.1/job/${jobId}/batch`).set(s.auth).send(inventoryBatch(entities));
    const done = await vi.waitFor(
      async () => {
        const res = await request(s.app).get(`/api/v4.1/job/${jobId}/batch/${batch.id}`).set(s.auth);
        expect(res.body.status, 'the batch to complete').toBe('COMPLETE');
        return res.body;
      },
      { timeout: 30_000, interval: 5 },
    );
    expect(done).toEqual({
      batchId: batch.id,
      jobId,
      entityType: 'INVENTORY',
      action: 'UPSERT',
      status: 'COMPLETE',
      start: 0,
      count: 3,
      total: 3,
      results: [
        {
          recordIndex: 1,
          skuRef: 'TSHIRT-BLK-M',
          locationRef: 'LOC_MEL_STORE',
          entityRef: 'TSHIRT-BLK-M:LOC_MEL_STORE',
          code: '400',
          message: "'qty' must not be negative, got -1",
        },
        {
          recordIndex: 2,
          skuRef: 'TSHIRT-BLK-M',
          locationRef: 'LOC_NOWHERE',
          entityRef: 'TSHIRT-BLK-M:LOC_NOWHERE',
          code: '404',
          message: expect.stringContaining('Location "LOC_NOWHERE" does not exist'),
        },
        { recordIndex: 3, skuRef: null, locationRef: 'LOC_MEL_STORE', entityRef: null, code: '400', message: "'skuRef' is required" },
      ],
      createdOn: TEST_START.toISOString(),
      lastModifiedOn: TEST_START.toISOString(),
    });
    const page = await request(s.app).get(`/api/v4.1/job/${jobId}/batch/${batch.id}?start=1&count=1`).set(s.auth);
    expect(page.body).toMatchObject({ start: 1, count: 1, total: 3, results: [{ recordIndex: 2 }] });
    expect((await request(s.app).get(`/api/v4.1/job/${jobId}/batch/${batch.id}?count=0`).set(s.auth)).status).toBe(400);
  });
});
