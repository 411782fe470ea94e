/**
 * Memory under a stream of events: RSS (after a GC) before and after 40,000 sync events on a
 * two-rule ruleset, with the default event retention (100,000 records) and trace limit, and the
 * event log size the retention keeps. The target is a bound set by the documented retention.
 */
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import { gc, MiB, QUICK, versus, type Row } from './measure.js';

const WORKFLOW = {
  retailerId: '1',
  version: '1.0',
  entityType: 'ORDER',
  entitySubtype: 'MEM',
  name: 'ORDER::MEM',
  statuses: [
    { name: 'CREATED', entityType: 'ORDER', category: 'BOOKING' },
    { name: 'BOOKED', entityType: 'ORDER', category: 'BOOKING' },
  ],
  rulesets: [
    {
      name: 'Touch',
      type: 'ORDER',
      eventType: 'NORMAL',
      triggers: [],
      userActions: [],
      rules: [
        { name: 'ACME.core.IfPropertyEquals', props: { jsonpath: 'status', value: 'NEVER', eventName: 'Never' } },
        { name: 'ACME.core.SetState', props: { status: 'BOOKED' } },
      ],
    },
  ],
};

const rssAfterGc = (): number => {
  gc();
  return process.memoryUsage.rss() / MiB;
};

export async function benchEventsMemory(): Promise<Row[]> {
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), {
    createClock: () => createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }),
  });
  const account = sim.accounts.get('LOCAL')!;
  const { engine, events, workflows } = account.orchestration!;
  workflows.put(WORKFLOW);
  const order = runCommand(account, 'createOrder', {
    input: { ref: 'MEM-1', type: 'MEM', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: 'MEM-1-1', productRef: 'TSHIRT-BLK-M', quantity: 1 }] },
  }) as { id: string };
  await engine.drain();
  const event = { name: 'Touch', retailerId: '1', entityType: 'ORDER', entityId: order.id, rootEntityType: 'ORDER', rootEntityId: order.id };
  const idle = rssAfterGc();
  const total = QUICK ? 10_000 : 40_000;
  const rows: Row[] = [['RSS idle, default seed (baseline)', `${idle.toFixed(0)} MiB`, 'after GC']];
  for (let done = 0; done < total; ) {
    for (const end = done + 10_000; done < end; done += 1) await engine.submit(event, { mode: 'sync' });
    const rss = rssAfterGc();
    const stats = events.stats();
    rows.push([
      `RSS after ${(done / 1000).toFixed(0)}k events`,
      `${rss.toFixed(0)} MiB`,
      `${versus(rss, idle, 'idle')}; log keeps ${stats.records.toLocaleString('en')} records (${stats.dropped.toLocaleString('en')} dropped)`,
    ]);
  }
  await sim.close();
  return rows;
}
