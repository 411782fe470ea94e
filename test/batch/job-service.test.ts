import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../server/account.js';
import { closingTime, jobStatusAt } from '../../server/batch/job-clock.js';
import { createJobService, type JobService } from '../../server/batch/job-service.js';
import { parseInventoryRecord } from '../../server/batch/parse-inventory-record.js';
import type { EntityRecord } from '../../server/domain/store/store.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The JobService without HTTP: batch lifecycle, ordering, snapshots, record parsing, job clock. */
describe('closingTime and jobStatusAt (§4.2)', () => {
  it.each([
    ['2026-01-15T09:00:00.000Z', '2026-01-16T00:00:00.000Z'],
    ['2026-01-15T00:00:00.000Z', '2026-01-16T00:00:00.000Z'],
    ['2026-01-15T23:59:59.999Z', '2026-01-16T00:00:00.000Z'],
    ['2026-12-31T12:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('a job created at %s closes at %s', (created, closes) => {
    const closesAt = closingTime(Date.parse(created));
    expect(new Date(closesAt).toISOString()).toBe(closes);
    expect(jobStatusAt({ closesAt }, closesAt - 1)).toBe('OPEN');
    expect(jobStatusAt({ closesAt }, closesAt)).toBe('CLOSED');
  });
});

describe('parseInventoryRecord', () => {
  it.each([
    [
      { skuRef: 'A', locationRef: 'L', qty: 3 },
      { skuRef: 'A', locationRef: 'L', qty: 3, type: 'LAST_ON_HAND' },
    ],
    [
      { skuRef: 'A', locationRef: 'L', qty: '10', correctedQty: '-2', retailerId: 1 },
      { qty: 10, correctedQty: -2, retailerId: '1' },
    ],
    [
      { skuRef: 'A', locationRef: 158, qty: 0, type: 'IN_TRANSIT', status: 'ACTIVE', ref: 'Q1' },
      { locationRef: '158', type: 'IN_TRANSIT', status: 'ACTIVE', ref: 'Q1' },
    ],
    [
      { skuRef: 'A', locationRef: 'L', qty: 1, attributes: { lot: 'L7', weight: 1.5 } },
      {
        attributes: [
          { name: 'lot', type: 'STRING', value: 'L7' },
          { name: 'weight', type: 'FLOAT', value: 1.5 },
        ],
      },
    ],
  ])('accepts %j', (raw, expected) => {
    const parsed = parseInventoryRecord(raw, 0);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.record).toMatchObject(expected);
  });

  it.each([
    [{ locationRef: 'L', qty: 1 }, "'skuRef' is required"],
    [{ skuRef: 'A', qty: 1 }, "'locationRef' is required"],
    [{ skuRef: 'A', locationRef: 'L' }, "'qty' is required"],
    [{ skuRef: 'A', locationRef: 'L', qty: -1 }, "'qty' must not be negative, got -1"],
    [{ skuRef: 'A', locationRef: 'L', qty: 1.5 }, "'qty' must be a whole number, got 1.5"],
    [{ skuRef: 'A', locationRef: 'L', qty: '1e3' }, `'qty' must be a whole number, got "1e3"`],
    [{ skuRef: 'A', locationRef: 'L', qty: 1, reservedQty: -3 }, "'reservedQty' must not be negative, got -3"],
    [{ skuRef: { ref: 'A' }, locationRef: 'L', qty: 1 }, `'skuRef' must be a string, got {"ref":"A"}`],
    [{ skuRef: 'A', locationRef: 'L', qty: 1, attributes: 'x' }, `'attributes' must be an object (name → value), got "x"`],
    ['A:L:1', 'record must be a JSON object {skuRef, locationRef, qty, …}, got "A:L:1"'],
  ])('rejects %j with a per-record error', (raw, message) => {
    const parsed = parseInventoryRecord(raw, 7);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatchObject({ recordIndex: 7, code: '400', message });
  });
});

describe('createJobService', () => {
  let t: TestApp;
  let account: Account;
  let jobs: JobService;
  const position = (ref: string): EntityRecord | undefined =>
    account.entities.findByKey(account.view, 'InventoryPosition', { ref, catalogue: { ref: 'DEFAULT:1' } });
  const quantity = (ref: string): EntityRecord | undefined =>
    account.entities.findByKey(account.view, 'InventoryQuantity', { ref, catalogue: { ref: 'DEFAULT:1' } });
  const batchOf = (qty: number) => ({ action: 'UPSERT', entityType: 'INVENTORY', entities: [{ skuRef: 'RUNNER-42', locationRef: 'LOC_MEL_DC', qty }] });

  beforeEach(async () => {
    t = await createTestApp();
    account = t.sim.accounts.get(t.sim.config.account)!;
    jobs = createJobService({ account, chunkSize: 10 });
  });

  it('answers PENDING at once, then RUNNING, then COMPLETE', async () => {
    const job = jobs.createJob({ name: 'j', retailerId: '1', meta: null });
    const entities = Array.from({ length: 40 }, (_, i) => ({ skuRef: 'RUNNER-42', locationRef: 'LOC_MEL_DC', qty: i }));
    const { id } = jobs.submitBatch(job.id, { action: 'UPSERT', entityType: 'INVENTORY', entities });
    expect(jobs.getBatch(job.id, id).status).toBe('PENDING');
    const seen = new Set<string>();
    while (jobs.getBatch(job.id, id).status !== 'COMPLETE') {
      seen.add(jobs.getBatch(job.id, id).status);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect([...seen]).toEqual(['PENDING', 'RUNNING']);
    expect(position('RUNNER-42:LOC_MEL_DC')?.['onHand']).toBe(39);
  });

  it('runs the batches of one job in order', async () => {
    const job = jobs.createJob({ name: 'j', retailerId: '1', meta: null });
    for (const qty of [5, 6, 7]) jobs.submitBatch(job.id, batchOf(qty));
    await jobs.whenIdle();
    expect(position('RUNNER-42:LOC_MEL_DC')?.['onHand']).toBe(7);
    expect(jobs.getJob(job.id).batch.map((b) => b.status)).toEqual(['COMPLETE', 'COMPLETE', 'COMPLETE']);
  });

  it('writes a quantity of another type with the record ref, status and attributes', async () => {
    const job = jobs.createJob({ name: 'j', retailerId: '1', meta: null });
    const record = {
      skuRef: 'RUNNER-42',
      locationRef: 'LOC_MEL_DC',
      qty: 4,
      type: 'IN_TRANSIT',
      status: 'INACTIVE',
      ref: 'RUNNER-42:LOC_MEL_DC:PO-9',
      attributes: { po: 'PO-9' },
    };
    jobs.submitBatch(job.id, { action: 'UPSERT', entityType: 'INVENTORY', entities: [record] });
    await jobs.whenIdle();
    expect(jobs.getBatch(job.id, '1').results).toEqual([]);
    expect(quantity('RUNNER-42:LOC_MEL_DC:PO-9')).toMatchObject({
      type: 'IN_TRANSIT',
      quantity: 4,
      status: 'INACTIVE',
      attributes: [{ name: 'po', type: 'STRING', value: 'PO-9' }],
    });
  });

  it('stops a running batch on clear()', async () => {
    const job = jobs.createJob({ name: 'j', retailerId: '1', meta: null });
    jobs.submitBatch(job.id, batchOf(99));
    jobs.clear();
    await jobs.whenIdle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(position('RUNNER-42:LOC_MEL_DC')?.['onHand']).not.toBe(99);
    expect(() => jobs.getJob(job.id)).toThrow(/No job with id/);
  });

  it('carries jobs through toJSON()/restore() and resumes unfinished batches', async () => {
    const job = jobs.createJob({ name: 'j', retailerId: '1', meta: { preprocessing: 'skip' } });
    jobs.submitBatch(job.id, batchOf(5));
    await jobs.whenIdle();
    jobs.submitBatch(job.id, batchOf(8));
    const snapshot = JSON.parse(JSON.stringify(jobs.toJSON()));
    jobs.clear();

    const restored = createJobService({ account });
    restored.restore(snapshot);
    expect(restored.getJob(job.id)).toMatchObject({ name: 'j', meta: { preprocessing: 'skip' }, batch: [{ status: 'COMPLETE' }, { status: 'PENDING' }] });
    await restored.whenIdle();
    expect(restored.getJob(job.id).batch.map((b) => b.status)).toEqual(['COMPLETE', 'COMPLETE']);
    expect(position('RUNNER-42:LOC_MEL_DC')?.['onHand']).toBe(8);
    expect(restored.toJSON().batches['2']?.records).toBeNull();
  });

  it("serves the job routes from the account's own job service, and snapshots it", async () => {
    const { id } = account.jobs.createJob({ name: 'direct', retailerId: '1', meta: null });
    const res = await request(t.app)
      .get(`/api/v4.1/job/${id}`)
      .set('Authorization', `Bearer ${await t.token()}`);
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('direct');
    await t.sim.reset(account);
    expect(() => account.jobs.getJob(id)).toThrow(/No job with id/);
  });
});
