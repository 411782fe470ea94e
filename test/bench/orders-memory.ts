/**
 * Memory with many orders (issue 17): one-item orders created in process through `runCommand`
 * and the workflow, one a second on the frozen clock, with heap and RSS after a GC at 10k, 50k
 * and 100k orders (2k / 5k / 10k with `--quick`), so linear growth and the cost per order show.
 * The baseline is the same process before any order; the event log's size is printed beside it,
 * since its retention bounds what the orders' events keep.
 */
import type { Account } from '../../server/account.js';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock, type Clock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import { against, MiB, mib, QUICK, type Row, settledMemory } from './measure.js';

const START = new Date('2026-01-01T00:00:00Z');

/** Creates orders `from`…`to - 1`, one second apart; 4 in 5 get a later status (as a test's orders would). */
export async function loadOneItemOrders(account: Account, clock: Clock, from: number, to: number): Promise<void> {
  const statuses = ['CREATED', 'BOOKED', 'PICKING', 'SHIPPED', 'COMPLETE'];
  for (let i = from; i < to; i += 1) {
    await clock.advance(1000);
    const created = runCommand(account, 'createOrder', {
      input: {
        ref: `LOAD-${i}`,
        type: 'B2B',
        retailer: { id: '1' },
        customer: { id: '1' },
        items: [{ ref: `LOAD-${i}-1`, productRef: 'TSHIRT-BLK-M', quantity: 1 }],
      },
    }) as { id: string };
    if (i % 5 !== 0) account.entities.patch('Order', created.id, (r) => void (r['status'] = statuses[i % 5]));
    if (i % 1000 === 999) await account.orchestration!.engine.drain();
  }
  await account.orchestration!.engine.drain();
}

export async function benchOrdersMemory(): Promise<Row[]> {
  let clock!: Clock;
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), { createClock: () => (clock = createClock({ start: START, frozen: true })) });
  const account = sim.accounts.get('LOCAL')!;
  try {
    const idle = settledMemory();
    const rows: Row[] = [['heap / RSS before any order (baseline)', `${mib(idle.heapUsed)} / ${mib(idle.rss)} MiB`, 'default seed, after GC']];
    let loaded = 0;
    for (const size of QUICK ? [2_000, 5_000, 10_000] : [10_000, 50_000, 100_000]) {
      const started = process.hrtime.bigint();
      await loadOneItemOrders(account, clock, loaded, size);
      const loadS = Number(process.hrtime.bigint() - started) / 1e9;
      const mem = settledMemory();
      const k = `${size / 1000}k`;
      const perOrder = (field: 'heapUsed' | 'rss'): string => ((mem[field] - idle[field]) / size / 1024).toFixed(2);
      const events = account.orchestration!.events.stats().records.toLocaleString('en');
      rows.push([
        `heap / RSS with ${k} one-item orders`,
        `${mib(mem.heapUsed)} / ${mib(mem.rss)} MiB`,
        `${perOrder('heapUsed')} / ${perOrder('rss')} KiB per order above the baseline; event log ${events} records` +
          (size === 100_000 ? `; RSS ${against(mem.rss / MiB, 600, 'MiB')}` : ''),
      ]);
      rows.push([
        `load orders ${loaded / 1000}k → ${k} (in process)`,
        `${loadS.toFixed(1)} s`,
        `${(((size - loaded) / loadS) | 0).toLocaleString('en')} orders/s`,
      ]);
      loaded = size;
    }
    return rows;
  } finally {
    await sim.close();
  }
}
