import type { FluentClient } from '@fluentcommerce/fc-connect-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../server/account.js';
import { listen, type Listening } from '../support/listen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { officialClient } from '../support/official-client.js';

/**
 * The official client (`@fluentcommerce/fc-connect-sdk`) runs its Job & Batch calls unchanged
 * against the simulator: createJob, sendBatch, getBatchStatus, getJobStatus, getJobResults
 * (fluent-platform.md §4.1), and gets the platform's 4xx for a closed or unknown job.
 */
describe('official client FluentClient: jobs and batches', () => {
  let t: TestApp;
  let account: Account;
  let server: Listening;
  let client: FluentClient;

  beforeAll(async () => {
    t = await createTestApp();
    account = t.sim.accounts.get(t.sim.config.account)!;
    server = await listen(t.app);
    client = officialClient(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('creates a job, sends a batch, polls it to COMPLETE and reads job status and results', async () => {
    const job = await client.createJob({ name: 'sdk-inventory', retailerId: '1', meta: { preprocessing: 'skip' } });
    expect(job).toEqual({ id: expect.stringMatching(/^\d+$/) });

    const batch = await client.sendBatch(job.id, {
      action: 'UPSERT',
      entityType: 'INVENTORY',
      source: 'SDK',
      entities: [
        { skuRef: 'RUNNER-42', locationRef: 'LOC_MEL_DC', qty: 17, correctedQty: 0, retailerId: 1, type: 'LAST_ON_HAND', status: 'ACTIVE' },
        { skuRef: 'RUNNER-43', locationRef: 'LOC_NOWHERE', qty: 3, correctedQty: 0, retailerId: 1, type: 'LAST_ON_HAND', status: 'ACTIVE' },
      ],
    });
    expect(batch).toEqual({ id: expect.stringMatching(/^\d+$/) });

    const status = await vi.waitFor(
      async () => {
        const current = (await client.getBatchStatus(job.id, batch.id)) as unknown as Record<string, unknown>;
        expect(current['status'], 'the batch to complete').toBe('COMPLETE');
        return current;
      },
      { timeout: 30_000, interval: 5 },
    );
    expect(status).toMatchObject({ batchId: batch.id, jobId: job.id, status: 'COMPLETE', total: 1, results: [{ recordIndex: 1, code: '404' }] });

    const jobStatus = (await client.getJobStatus(job.id)) as unknown as Record<string, unknown>;
    expect(jobStatus).toMatchObject({ jobId: job.id, status: 'OPEN', retailerId: '1', batch: [{ batchId: batch.id, status: 'COMPLETE' }] });

    const results = await client.getJobResults(job.id);
    expect(results).toMatchObject({ id: job.id, status: 'OPEN', totalBatches: 1, successfulBatches: 0, failedBatches: 1 });
    expect(results.results).toEqual([
      expect.objectContaining({
        batchId: batch.id,
        status: 'COMPLETE',
        processedEntities: 2,
        errors: [expect.objectContaining({ code: '404', entityIndex: 1 })],
      }),
    ]);

    const res = await client.graphql({ query: '{ inventoryPosition(ref: "RUNNER-42:LOC_MEL_DC", catalogue: { ref: "DEFAULT:1" }) { onHand } }' });
    expect((res as { data?: unknown }).data).toEqual({ inventoryPosition: { onHand: 17 } });
  });

  it('creates positions and quantities for 100 SKUs that exist in no catalogue (linked by reference)', async () => {
    const skus = Array.from({ length: 100 }, (_, i) => `NO-PRODUCT-${i}`);
    expect(skus.some((ref) => account.entities.findByKey(account.view, 'Product', { ref }))).toBe(false);
    const job = await client.createJob({ name: 'sdk-unknown-skus', retailerId: '1' });
    const entities = skus.map((skuRef, i) => ({
      skuRef,
      locationRef: 'LOC_MEL_DC',
      qty: i + 1,
      correctedQty: 0,
      retailerId: 1,
      type: 'LAST_ON_HAND',
      status: 'ACTIVE',
    }));
    // What the platform still rejects per record: a missing location and a bad quantity.
    entities.push({ ...entities[0]!, locationRef: 'LOC_NOWHERE' }, { ...entities[0]!, qty: -1 });
    const batch = await client.sendBatch(job.id, { action: 'UPSERT', entityType: 'INVENTORY', entities });
    const status = await vi.waitFor(
      async () => {
        const current = (await client.getBatchStatus(job.id, batch.id)) as unknown as Record<string, unknown>;
        expect(current['status'], 'the batch to complete').toBe('COMPLETE');
        return current;
      },
      { timeout: 30_000, interval: 5 },
    );
    expect(status['results']).toEqual([expect.objectContaining({ recordIndex: 100, code: '404' }), expect.objectContaining({ recordIndex: 101, code: '400' })]);

    const query = `query($skus: [String!]) {
      inventoryPositions(productRef: $skus, first: 200) { edges { node { productRef onHand product { ref } quantities { edges { node { type quantity } } } } } }
    }`;
    const res = (await client.graphql({ query, variables: { skus } })) as { data: { inventoryPositions: { edges: { node: Record<string, unknown> }[] } } };
    const nodes = res.data.inventoryPositions.edges.map((e) => e.node);
    expect(nodes).toHaveLength(100);
    for (const node of nodes) {
      const qty = Number(String(node['productRef']).replace('NO-PRODUCT-', '')) + 1;
      expect(node).toEqual({
        productRef: node['productRef'],
        onHand: qty,
        product: null,
        quantities: { edges: [{ node: { type: 'LAST_ON_HAND', quantity: qty } }] },
      });
    }
  });

  it('creates a position with createInventoryPosition for a productRef that names no product', async () => {
    const mutation = `mutation { createInventoryPosition(input: {
      ref: "NO-PRODUCT-GQL:LOC_MEL_DC", catalogue: { ref: "DEFAULT:1" }, type: "DEFAULT", productRef: "NO-PRODUCT-GQL", locationRef: "LOC_MEL_DC", onHand: 4
    }) { ref productRef onHand product { ref } } }`;
    const res = (await client.graphql({ query: mutation })) as { data?: unknown; errors?: unknown };
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ createInventoryPosition: { ref: 'NO-PRODUCT-GQL:LOC_MEL_DC', productRef: 'NO-PRODUCT-GQL', onHand: 4, product: null } });
  });

  it('gets a 400 for a batch to a job closed at virtual midnight and a 404 for an unknown job', async () => {
    const job = await client.createJob({ name: 'sdk-closing', retailerId: '1' });
    const now = account.clock.nowMs();
    const midnight = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + 1);
    await account.clock.advance(midnight - now);
    expect(((await client.getJobStatus(job.id)) as unknown as Record<string, unknown>)['status']).toBe('CLOSED');
    const entities = [{ skuRef: 'RUNNER-42', locationRef: 'LOC_MEL_DC', qty: 1, type: 'LAST_ON_HAND', status: 'ACTIVE' }];
    await expect(client.sendBatch(job.id, { action: 'UPSERT', entityType: 'INVENTORY', entities })).rejects.toMatchObject({
      name: 'FluentAPIError',
      statusCode: 400,
    });
    await expect(client.getJobStatus('99999')).rejects.toMatchObject({ name: 'FluentAPIError', statusCode: 404 });
  });
});
