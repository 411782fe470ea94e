/**
 * Time to fully process one 5,000-record inventory batch (target ≤ 1 s) and the peak RSS while
 * doing it. Every record creates a new position and its LAST_ON_HAND quantity and raises
 * InventoryChanged, which the engine processes before the batch is COMPLETE (the worst case:
 * three orchestration events per record). Products are created beforehand, outside the timing.
 */
import { runCommand } from '../../server/domain/commands/run-command.js';
import { loadConfig } from '../../server/config.js';
import { createClock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import { createSimulator } from '../../server/simulator.js';

const LOCATIONS = ['LOC_MEL_STORE', 'LOC_SYD_STORE', 'LOC_MEL_DC'];
const MiB = 2 ** 20;

export async function benchBatch(options: { records?: number } = {}): Promise<{ ms: number; peakRssMiB: number }> {
  const records = options.records ?? 5000;
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), {
    createClock: () => createClock({ start: new Date('2026-01-01T09:00:00Z'), frozen: true }),
    createIds: () => createIds({ deterministicUuids: true }),
  });
  try {
    const account = sim.accounts.get(sim.config.account)!;
    const skus = Math.ceil(records / LOCATIONS.length);
    for (let i = 0; i < skus; i += 1) {
      runCommand(account, 'createStandardProduct', { input: { ref: `BENCH-${i}`, catalogue: { ref: 'PC:MASTER:1' }, type: 'STANDARD', name: `Bench ${i}`, gtin: `GTIN-${i}` } });
    }
    await account.orchestration!.engine.drain();
    const entities = Array.from({ length: records }, (_, i) => ({
      skuRef: `BENCH-${Math.floor(i / LOCATIONS.length)}`,
      locationRef: LOCATIONS[i % LOCATIONS.length],
      qty: i,
      correctedQty: 0,
      retailerId: 1,
    }));
    const { jobs } = account;
    const job = jobs.createJob({ name: 'bench', retailerId: '1', meta: null });

    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
    const started = process.hrtime.bigint();
    const { id } = jobs.submitBatch(job.id, { action: 'UPSERT', entityType: 'INVENTORY', entities });
    await jobs.whenIdle();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());

    const batch = jobs.getBatch(job.id, id);
    if (batch.status !== 'COMPLETE' || batch.total !== 0) throw new Error(`bench batch ended ${batch.status} with ${batch.total} record errors`);
    return { ms, peakRssMiB: peakRss / MiB };
  } finally {
    await sim.close();
  }
}
