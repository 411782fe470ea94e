import request from 'supertest';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../server/account.js';
import type { createApp } from '../../server/app.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createTestApp, TEST_START, type TestApp } from '../support/test-app.js';

/**
 * A full 5,000-record inventory batch over HTTP (fluent-platform.md §4.4, §4.6): bad records are
 * listed and the others applied; positions and their LAST_ON_HAND quantities show through
 * GraphQL; each record raises InventoryChanged on the catalogue; the batch leaves a BATCH_COMPLETE audit (§3.5).
 */
const SKUS = 300;
const LOCATIONS = ['LOC_MEL_STORE', 'LOC_SYD_STORE', 'LOC_MEL_DC'];

/** Bad records at fixed positions: index → [record, expected code, expected message]. */
const BAD: Record<number, [unknown, string, RegExp]> = {
  10: [{ skuRef: 'SKU-1', locationRef: 'LOC_NOWHERE', qty: 1, correctedQty: 0, retailerId: 1 }, '404', /Location "LOC_NOWHERE" does not exist/],
  20: [{ skuRef: 'SKU-2', locationRef: 'LOC_MEL_DC', qty: -5, correctedQty: 0, retailerId: 1 }, '400', /'qty' must not be negative, got -5/],
  30: [{ locationRef: 'LOC_MEL_DC', qty: 5, correctedQty: 0, retailerId: 1 }, '400', /'skuRef' is required/],
  40: [{ skuRef: 'SKU-4', qty: 5, correctedQty: 0, retailerId: 1 }, '400', /'locationRef' is required/],
  50: [{ skuRef: 'SKU-5', locationRef: 'LOC_MEL_DC', qty: 2.5, correctedQty: 0, retailerId: 1 }, '400', /'qty' must be a whole number, got 2.5/],
  70: [{ skuRef: 'SKU-7', locationRef: 'LOC_MEL_DC', qty: 'lots', correctedQty: 0, retailerId: 1 }, '400', /'qty' must be a whole number, got "lots"/],
  80: [{ skuRef: 'SKU-8', locationRef: 'LOC_MEL_DC', correctedQty: 0, retailerId: 1 }, '400', /'qty' is required/],
  4999: [null, '400', /record must be a JSON object/],
};

function buildRecords(): { entities: unknown[]; expected: Map<string, number> } {
  const entities: unknown[] = [];
  const expected = new Map<string, number>();
  for (let i = 0; i < 5000; i += 1) {
    const bad = BAD[i];
    if (bad) {
      entities.push(bad[0]);
      continue;
    }
    // Every 50th record updates a seeded position; the others cycle over the new SKUs.
    const skuRef = i % 50 === 0 ? 'TSHIRT-BLK-M' : `SKU-${i % SKUS}`;
    const locationRef = i % 50 === 0 ? 'LOC_SYD_STORE' : LOCATIONS[Math.floor(i / SKUS) % 3]!;
    // Half the quantities arrive as strings, as in the docs' examples (§4.4).
    const qty = i % 2 === 0 ? i : String(i);
    entities.push({ skuRef, locationRef, qty, correctedQty: 1, retailerId: 1 });
    expected.set(`${skuRef}:${locationRef}`, i);
  }
  return { entities, expected };
}

describe('a 5,000-record inventory batch', () => {
  let t: TestApp;
  let account: Account;
  let app: ReturnType<typeof createApp>;
  let auth: { Authorization: string };
  let jobId: string;
  let batchId: string;
  let expected: Map<string, number>;
  let positionsBefore: number;
  let batchBody: Record<string, unknown>;

  beforeAll(async () => {
    t = await createTestApp();
    account = t.sim.accounts.get(t.sim.config.account)!;
    app = t.app;
    auth = { Authorization: `Bearer ${await t.token()}` };
    for (let i = 0; i < SKUS; i += 1) {
      runCommand(account, 'createStandardProduct', {
        input: { ref: `SKU-${i}`, catalogue: { ref: 'PC:MASTER:1' }, type: 'STANDARD', name: `Product ${i}`, gtin: `GTIN-${i}` },
      });
    }
    await account.orchestration!.engine.drain();
    positionsBefore = account.store.count('InventoryPosition');

    jobId = (await request(app).post('/api/v4.1/job').set(auth).send({ name: 'inventory-full', retailerId: '1' })).body.id;
    const built = buildRecords();
    expected = built.expected;
    const sent = await request(app)
      .post(`/api/v4.1/job/${jobId}/batch`)
      .set(auth)
      .send({ action: 'UPSERT', entityType: 'INVENTORY', source: 'ERP', catalogueRef: 'DEFAULT:1', entities: built.entities });
    expect(sent.status).toBe(200);
    batchId = sent.body.id;
    batchBody = await vi.waitFor(
      async () => {
        const res = await request(app).get(`/api/v4.1/job/${jobId}/batch/${batchId}`).set(auth);
        expect(res.body.status, 'the batch to complete').toBe('COMPLETE');
        return res.body as Record<string, unknown>;
      },
      { timeout: 150_000, interval: 5 },
    );
  }, 180_000);

  it('lists exactly the bad records, in record order, with code and message', () => {
    const indexes = Object.keys(BAD).map(Number);
    expect(batchBody).toMatchObject({
      batchId,
      jobId,
      entityType: 'INVENTORY',
      action: 'UPSERT',
      status: 'COMPLETE',
      start: 0,
      count: indexes.length,
      total: indexes.length,
    });
    const results = batchBody['results'] as { recordIndex: number; code: string; message: string }[];
    expect(results.map((r) => r.recordIndex)).toEqual(indexes);
    for (const result of results) {
      const [, code, message] = BAD[result.recordIndex]!;
      expect(result.code).toBe(code);
      expect(result.message).toMatch(message);
    }
  });

  it('upserts one position per sku and location, and nothing for bad records', () => {
    const newPositions = [...expected.keys()].filter((ref) => !ref.startsWith('TSHIRT-BLK-M')).length;
    expect(newPositions).toBeGreaterThan(800);
    expect(account.store.count('InventoryPosition')).toBe(positionsBefore + newPositions);
  });

  it.each(['SKU-7:LOC_MEL_DC', 'SKU-299:LOC_MEL_STORE', 'TSHIRT-BLK-M:LOC_SYD_STORE'])(
    'shows %s through GraphQL with the last onHand and its LAST_ON_HAND quantity',
    async (ref) => {
      const qty = expected.get(ref)!;
      const res = await t.gql<{ inventoryPosition: Record<string, unknown>; inventoryQuantities: { edges: { node: Record<string, unknown> }[] } }>(
        `query($ref: String!, $quantityRef: [String!]) {
          inventoryPosition(ref: $ref, catalogue: { ref: "DEFAULT:1" }) {
            ref productRef locationRef onHand status
            quantities(type: ["LAST_ON_HAND"]) { edges { node { ref type quantity } } }
          }
          inventoryQuantities(ref: $quantityRef, catalogue: { ref: "DEFAULT:1" }) { edges { node { ref type quantity } } }
        }`,
        { ref, quantityRef: [`${ref}:LAST_ON_HAND`] },
      );
      expect(res.errors).toBeUndefined();
      const [skuRef, locationRef] = ref.split(':');
      const quantity = { ref: `${ref}:LAST_ON_HAND`, type: 'LAST_ON_HAND', quantity: qty };
      expect(res.data.inventoryPosition).toEqual({
        ref,
        productRef: skuRef,
        locationRef,
        onHand: qty,
        status: 'ACTIVE',
        quantities: { edges: [{ node: quantity }] },
      });
      expect(res.data.inventoryQuantities.edges).toEqual([{ node: quantity }]);
    },
  );

  /** The InventoryChanged event of one record: sent to the catalogue, the record in `inventoryPosition` (§2.1). */
  async function changedEventOf(productRef: string, locationRef: string): Promise<Record<string, unknown>> {
    const res = await request(app)
      .get('/api/v4.1/event')
      .set(auth)
      .query({ name: 'InventoryChanged', 'context.entityRef': 'DEFAULT:1', eventType: 'ORCHESTRATION', count: 5000 });
    expect(res.status).toBe(200);
    const positionOf = (e: { attributes: { name: string; value: { productRef?: string; locationRef?: string } }[] }) =>
      e.attributes.find((a) => a.name === 'inventoryPosition')?.value;
    return res.body.results.find((e: Parameters<typeof positionOf>[0]) => {
      const position = positionOf(e);
      return position?.productRef === productRef && position.locationRef === locationRef;
    });
  }

  it('raises InventoryChanged on the catalogue with the record as inventoryPosition (workflow-contracts.md §2.1)', async () => {
    const event = await changedEventOf('SKU-7', 'LOC_MEL_DC');
    expect(event).toMatchObject({
      name: 'InventoryChanged',
      type: 'ORCHESTRATION',
      retailerId: '1',
      eventStatus: 'COMPLETE',
      source: 'ERP',
      context: { entityType: 'INVENTORY_CATALOGUE', entityRef: 'DEFAULT:1', rootEntityType: 'INVENTORY_CATALOGUE', rootEntityRef: 'DEFAULT:1' },
    });
    expect(event['attributes']).toEqual(
      expect.arrayContaining([
        {
          name: 'inventoryPosition',
          type: 'JSON',
          value: { productRef: 'SKU-7', locationRef: 'LOC_MEL_DC', qty: expected.get('SKU-7:LOC_MEL_DC')!, correctedQty: 1 },
        },
        { name: 'source', value: 'ERP', type: 'STRING' },
      ]),
    );
  });

  it('keeps the events of successful records without audits or traces (quiet batch records)', async () => {
    const eventId = (await changedEventOf('SKU-7', 'LOC_MEL_DC'))['id'] as string;
    const audits = await request(app).get('/api/v4.1/event').set(auth).query({ 'context.sourceEvents': eventId, eventType: 'ORCHESTRATION_AUDIT' });
    expect(audits.body.results).toEqual([]);
    expect((await request(app).get(`/_sim/events/${eventId}/explain`)).status).toBe(404);
    // The CREATE the new position raised inside that execution is quiet too.
    const create = await request(app)
      .get('/api/v4.1/event')
      .set(auth)
      .query({ name: 'CREATE', 'context.entityRef': 'SKU-7:LOC_MEL_DC', eventType: 'ORCHESTRATION' });
    expect(create.body.results).toHaveLength(1);
    expect(create.body.results[0].context.sourceEvents).toEqual([expect.any(String)]);
    const createAudits = await request(app)
      .get('/api/v4.1/event')
      .set(auth)
      .query({ 'context.sourceEvents': create.body.results[0].id, eventType: 'ORCHESTRATION_AUDIT' });
    expect(createAudits.body.results).toEqual([]);
  });

  it('leaves a BATCH_COMPLETE audit shaped like the live example (§3.5)', async () => {
    const res = await request(app).get('/api/v4.1/event').set(auth).query({ name: 'BATCH_COMPLETE' });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(1);
    expect(res.body.results[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'BATCH_COMPLETE',
      type: 'ORCHESTRATION_AUDIT',
      accountId: account.id,
      retailerId: '1',
      category: 'BATCH',
      context: {
        sourceEvents: [expect.stringMatching(/^[0-9a-f-]{36}$/)],
        entityType: 'BATCH',
        entityId: batchId,
        entityRef: batchId,
        rootEntityType: 'JOB',
        rootEntityId: jobId,
        rootEntityRef: jobId,
      },
      eventStatus: 'COMPLETE',
      attributes: null,
      source: null,
      generatedBy: 'Rubix User',
      generatedOn: TEST_START.toISOString().replace('Z', '+00:00'),
    });
    const byJob = await request(app).get('/api/v4.1/event').set(auth).query({ 'context.rootEntityType': 'JOB', 'context.rootEntityId': jobId });
    expect(byJob.body.results.map((e: { name: string }) => e.name)).toEqual(['BATCH_COMPLETE']);
  });

  it('reports the batch in the job and in the job results', async () => {
    const job = await request(app).get(`/api/v4.1/job/${jobId}`).set(auth);
    expect(job.body.batch).toEqual([{ batchId, status: 'COMPLETE', createdOn: TEST_START.toISOString() }]);
    const results = await request(app).get(`/api/v4.1/job/${jobId}/results`).set(auth);
    expect(results.body).toMatchObject({ id: jobId, jobId, status: 'OPEN', totalBatches: 1, successfulBatches: 0, failedBatches: 1 });
    expect(results.body.results[0]).toMatchObject({ batchId, status: 'COMPLETE', processedEntities: 5000, totalEntities: 5000 });
    expect(results.body.results[0].errors).toHaveLength(Object.keys(BAD).length);
    expect(results.body.results[0].errors[0]).toMatchObject({ entityIndex: 10, recordIndex: 10, code: '404' });
  });
});
