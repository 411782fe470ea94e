import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PullCommandOptions } from '../../server/cli.js';
import { runPull } from '../../server/pull/run-pull.js';
import type { SeedFile } from '../../server/seed/load-seed.js';
import { listen, type Listening } from '../support/listen.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * `fluent-sim pull` past 5,000 inventory positions (docs/pull.md): instance A gets 5,600 more
 * positions from two inventory batches; pull pages through them 500 at a time, and the seed holds
 * every one with its onHand and quantities, or at most `--max-positions` of them. In the e2e
 * project for its cost (two 2,800-record batches and a copy loading 11,000 steps: 10-30 s).
 */
const LOCATIONS = ['LOC_MEL_STORE', 'LOC_SYD_STORE'];
const SKUS_PER_BATCH = 1400;

describe('fluent-sim pull with more than 5,000 positions', () => {
  let a: TestApp;
  let server: Listening;
  let dir: string;

  const pull = async (out: string, maxPositions: number): Promise<{ seed: SeedFile; output: string }> => {
    let output = '';
    const sink = { write: (chunk: string) => void (output += chunk) } as unknown as NodeJS.WritableStream;
    const options: PullCommandOptions = {
      url: server.url,
      account: 'LOCAL',
      clientId: 'LOCAL',
      clientSecret: 'local-secret',
      username: 'admin',
      password: 'password',
      out,
      maxPositions,
      orders: 0,
      includeSecrets: false,
    };
    expect(await runPull(options, fetch, sink), output).toBe(0);
    return { seed: JSON.parse(readFileSync(out, 'utf8')) as SeedFile, output };
  };
  const positionSteps = (seed: SeedFile) => seed.steps.filter((step) => step.mutation === 'createInventoryPosition').map((step) => step.input);
  const onHandByRef = (t: TestApp): Map<string, unknown> => {
    const store = t.sim.accounts.get(t.sim.config.account)!.store;
    return new Map(
      store
        .candidates('InventoryPosition')
        .map((id) => [String(store.get('InventoryPosition', String(id))!['ref']), store.get('InventoryPosition', String(id))!['onHand']]),
    );
  };

  beforeAll(async () => {
    a = await createTestApp();
    const auth = { Authorization: `Bearer ${await a.token()}` };
    const job = await request(a.app).post('/api/v4.1/job').set(auth).send({ name: 'many positions', retailerId: '1' });
    for (const batchNo of [0, 1]) {
      const entities = Array.from({ length: SKUS_PER_BATCH }, (_, i) => `SKU-${batchNo}-${String(i).padStart(5, '0')}`).flatMap((skuRef, i) =>
        LOCATIONS.map((locationRef) => ({ skuRef, locationRef, qty: (i % 40) + 1, retailerId: '1' })),
      );
      const sent = await request(a.app).post(`/api/v4.1/job/${job.body.id}/batch`).set(auth).send({ action: 'UPSERT', entityType: 'INVENTORY', entities });
      expect(sent.status).toBe(200);
      await vi.waitFor(
        async () => {
          const res = await request(a.app).get(`/api/v4.1/job/${job.body.id}/batch/${sent.body.id}`).set(auth);
          expect(res.body.status).toBe('COMPLETE');
          expect(res.body.results).toEqual([]);
        },
        { timeout: 120_000, interval: 20 },
      );
    }
    server = await listen(a.app);
    dir = mkdtempSync(join(tmpdir(), 'fluent-sim-pull-many-'));
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('copies every position with its onHand; a copy started from the file has them all', async () => {
    const original = onHandByRef(a);
    expect(original.size).toBeGreaterThan(2 * SKUS_PER_BATCH * LOCATIONS.length);
    const file = join(dir, 'all.json');
    const { seed, output } = await pull(file, 100_000);
    expect(output).toContain(`pull: wrote ${file}: `);
    const steps = positionSteps(seed);
    expect(steps).toHaveLength(original.size);
    expect(new Map(steps.map((input) => [input['ref'], input['onHand'] ?? null]))).toEqual(
      new Map([...original].map(([ref, onHand]) => [ref, onHand ?? null])),
    );
    const quantities = seed.steps.filter((step) => step.mutation === 'createInventoryQuantity');
    expect(quantities.length).toBeGreaterThanOrEqual(2 * SKUS_PER_BATCH * LOCATIONS.length);

    const b = await createTestApp({ seed: file });
    expect(onHandByRef(b)).toEqual(original);
  }, 240_000);

  it('honours --max-positions: the newest N, past the 5,000 mark and mid-page', async () => {
    const { seed } = await pull(join(dir, 'capped.json'), 5_250);
    const steps = positionSteps(seed);
    expect(steps).toHaveLength(5_250);
    const refs = steps.map((input) => String(input['ref']));
    expect(new Set(refs).size).toBe(5_250);
    // The newest positions: the second batch's whole, and the first batch's last ones; none of the seed's own.
    const original = onHandByRef(a);
    expect(refs.every((ref) => original.has(ref) && ref.startsWith('SKU-'))).toBe(true);
    expect(refs.filter((ref) => ref.startsWith('SKU-1-'))).toHaveLength(SKUS_PER_BATCH * LOCATIONS.length);
    // Oldest first in the file, so the copy's ids follow the original's order.
    expect(refs.at(-1)).toBe(`SKU-1-${String(SKUS_PER_BATCH - 1).padStart(5, '0')}:${LOCATIONS.at(-1)}`);
  }, 120_000);
});
