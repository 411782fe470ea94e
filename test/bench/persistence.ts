/**
 * `--data` cost per mutation: the same createOrder over HTTP against the same simulator, in turn
 * to a server that holds the answer until its journal line is written and to one in memory only
 * (the baseline), in the same run. The data-file server's line also carries the changes the
 * in-memory requests made, so the figure errs on the high side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createLogger } from '../../server/lib/logger.js';
import { createCommitMiddleware } from '../../server/persistence/commit-middleware.js';
import { sharedPartsOf } from '../../server/persistence/data-document.js';
import { startPersistence } from '../../server/persistence/persistence.js';
import { createSimulator, type Simulator } from '../../server/simulator.js';
import { against, percentile, QUICK, type Row } from './measure.js';

export type PersistenceBench = { baselineP50Ms: number; dataP50Ms: number; dataFsyncP50Ms: number; commitP50Ms: number; startCompactMs: number };

type Target = { base: string; token: string; sku: string; close(): Promise<void> };

/** Serves `sim` on a free port, with a data file at `data.path` when given. */
async function serve(sim: Simulator, data?: { path: string; fsync: boolean }): Promise<Target & { compactMs: number; commits: number[] }> {
  const commits: number[] = [];
  let compactMs = 0;
  let before: ReturnType<typeof createCommitMiddleware>[] = [];
  let stop = async (): Promise<void> => undefined;
  if (data) {
    const started = performance.now();
    const persistence = await startPersistence(sim, data.path, sharedPartsOf(sim), 0, { logger: createLogger('silent'), fsync: data.fsync });
    compactMs = performance.now() - started;
    // The time a held answer waits for its line: collect the changes, serialise, write.
    const commit = persistence.commit;
    persistence.commit = async () => {
      const begun = performance.now();
      await commit();
      commits.push(performance.now() - begun);
    };
    before = [createCommitMiddleware(persistence)];
    stop = () => persistence.stop();
  }
  const server = createApp(sim, { before }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokenRes = await fetch(`${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`, {
    method: 'POST',
  });
  const token = ((await tokenRes.json()) as { access_token: string }).access_token;
  const sku = String(sim.accounts.get('LOCAL')!.view.candidates('VariantProduct')[0]!['ref']);
  return {
    base,
    token,
    sku,
    compactMs,
    commits,
    close: async () => {
      server.close();
      await stop();
    },
  };
}

async function createOrderMs(target: Target, ref: string): Promise<number> {
  const query = `mutation { createOrder(input: { ref: "${ref}", type: "HD", retailer: { id: "1" }, customer: { id: "1" }, fulfilmentChoice: { ref: "${ref}-FC", deliveryType: "STANDARD", deliveryAddress: { ref: "${ref}-ADDR", name: "Kim", street: "1 Test St", city: "Dandenong", postcode: "3175", country: "AU", latitude: -37.9875, longitude: 145.2149 } }, items: [{ ref: "${ref}-1", productRef: "${target.sku}", quantity: 1 }] }) { id } }`;
  const started = performance.now();
  const res = await fetch(`${target.base}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: { createOrder?: { id: string } } };
  if (!body.data?.createOrder) throw new Error(`createOrder failed: ${JSON.stringify(body)}`);
  return performance.now() - started;
}

/** Alternates the same mutation between the in-memory server and the data-file server. */
async function interleaved(
  sim: Simulator,
  data: { path: string; fsync: boolean },
  tag: string,
  count: number,
): Promise<{ memory: number; data: number; commit: number; compactMs: number }> {
  const memory = await serve(sim);
  const written = await serve(sim, data);
  const samples = { memory: [] as number[], data: [] as number[] };
  for (let i = 0; i < 20; i += 1) await createOrderMs(memory, `${tag}-WARM-${i}`);
  for (let i = 0; i < count; i += 1) {
    samples.memory.push(await createOrderMs(memory, `${tag}-MEM-${i}`));
    samples.data.push(await createOrderMs(written, `${tag}-DATA-${i}`));
  }
  await memory.close();
  await written.close();
  return { memory: percentile(samples.memory, 50), data: percentile(samples.data, 50), commit: percentile(written.commits, 50), compactMs: written.compactMs };
}

/** One simulator with `seed`, optionally grown by `extraOrders`; three passes over it. */
export async function benchPersistence(seed: string, extraOrders = 0): Promise<PersistenceBench> {
  const sim = await createSimulator(loadConfig({ logLevel: 'silent', seed }));
  const account = sim.accounts.get('LOCAL')!;
  for (let i = 0; i < extraOrders; i += 1) {
    runCommand(account, 'createOrder', {
      input: {
        ref: `LOAD-${i}`,
        type: 'B2B',
        retailer: { id: '1' },
        customer: { id: '1' },
        items: [{ ref: `LOAD-${i}-1`, productRef: 'TSHIRT-BLK-M', quantity: 1 }],
      },
    });
  }
  await account.orchestration!.engine.drain();
  const dir = mkdtempSync(join(tmpdir(), 'fluent-sim-bench-'));
  try {
    const count = QUICK ? 40 : 150;
    const written = await interleaved(sim, { path: join(dir, 'data.json'), fsync: false }, 'W', count);
    const synced = await interleaved(sim, { path: join(dir, 'synced.json'), fsync: true }, 'S', count);
    return {
      baselineP50Ms: written.memory,
      dataP50Ms: written.data,
      dataFsyncP50Ms: synced.data,
      commitP50Ms: written.commit,
      startCompactMs: written.compactMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sim.close();
  }
}

/** The rows `npm run bench` prints for one data set. */
export async function persistenceRows(label: string, seed: string, extraOrders = 0): Promise<Row[]> {
  const figures = await benchPersistence(seed, QUICK ? Math.min(extraOrders, 10_000) : extraOrders);
  const added = (ms: number): string => `+${(ms - figures.baselineP50Ms).toFixed(2)} ms over the baseline`;
  return [
    [`createOrder p50, ${label}, in memory (baseline)`, `${figures.baselineP50Ms.toFixed(2)} ms`, '—'],
    [
      `createOrder p50, ${label}, --data`,
      `${figures.dataP50Ms.toFixed(2)} ms`,
      `${added(figures.dataP50Ms)}; ${against(figures.dataP50Ms - figures.baselineP50Ms, 5, 'ms added')}`,
    ],
    ['  of which the answer waits for its journal line, p50', `${figures.commitP50Ms.toFixed(2)} ms`, against(figures.commitP50Ms, 5, 'ms')],
    [`createOrder p50, ${label}, --data --data-fsync true`, `${figures.dataFsyncP50Ms.toFixed(2)} ms`, added(figures.dataFsyncP50Ms)],
    [`first snapshot of ${label} (written once, at the first start)`, `${figures.startCompactMs.toFixed(0)} ms`, '—'],
  ];
}
