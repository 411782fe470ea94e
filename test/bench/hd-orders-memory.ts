/**
 * Memory with many HD orders through the workflow (issue 17): the `memory` section's one-item
 * orders are B2B, which no workflow runs (one event-log record each). Here each order runs the
 * reference ORDER::HD workflow (sourced from restocked stock, a fulfilment, its audits: ≈ 95
 * event-log records per order), created in process one a second on the frozen clock, with heap
 * and RSS after a GC at 5k, 10k and 20k orders (1k / 2k / 4k with `--quick`). The event log is
 * at its retention (100,000 records) from ≈ 1,000 orders on, so the growth past 5k is what each
 * order keeps for good. Every order reserves on the one restocked position, whose quantities
 * each later order walks: the load slows down as the run goes on (a CPU cost, not this figure's).
 */
import type { Account } from '../../server/account.js';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock, type Clock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import { hdOrderInput, restock } from './lifecycle.js';
import { mib, QUICK, type Row, settledMemory } from './measure.js';

const START = new Date('2026-01-01T00:00:00Z');

async function loadHdOrders(account: Account, clock: Clock, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 1) {
    await clock.advance(1000);
    const ref = `HD-${i}`;
    runCommand(account, 'createOrder', { input: hdOrderInput(ref) });
    if (i % 100 === 99) await account.orchestration!.engine.drain();
  }
  await account.orchestration!.engine.drain();
}

export async function benchHdOrdersMemory(): Promise<Row[]> {
  let clock!: Clock;
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), { createClock: () => (clock = createClock({ start: START, frozen: true })) });
  const account = sim.accounts.get('LOCAL')!;
  try {
    restock(account);
    const idle = settledMemory();
    const rows: Row[] = [['heap / RSS before any HD order (baseline)', `${mib(idle.heapUsed)} / ${mib(idle.rss)} MiB`, 'default seed, restocked, after GC']];
    let loaded = 0;
    let previous: { size: number; mem: NodeJS.MemoryUsage } | undefined;
    for (const size of QUICK ? [1_000, 2_000, 4_000] : [5_000, 10_000, 20_000]) {
      const started = process.hrtime.bigint();
      await loadHdOrders(account, clock, loaded, size);
      const loadS = Number(process.hrtime.bigint() - started) / 1e9;
      const mem = settledMemory();
      const events = account.orchestration!.events.stats();
      const growth = previous
        ? `; ${((mem.heapUsed - previous.mem.heapUsed) / (size - previous.size) / 1024).toFixed(2)} KiB heap per order since ${previous.size / 1000}k`
        : '';
      rows.push([
        `heap / RSS with ${size / 1000}k HD orders (workflow run)`,
        `${mib(mem.heapUsed)} / ${mib(mem.rss)} MiB`,
        `event log ${events.records.toLocaleString('en')} records (${events.dropped.toLocaleString('en')} dropped)${growth}`,
      ]);
      rows.push([
        `load HD orders ${loaded / 1000}k → ${size / 1000}k (in process)`,
        `${loadS.toFixed(1)} s`,
        `${(((size - loaded) / loadS) | 0).toLocaleString('en')} orders/s`,
      ]);
      previous = { size, mem };
      loaded = size;
    }
    return rows;
  } finally {
    await sim.close();
  }
}
