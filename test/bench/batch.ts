/**
 * Time to fully process one 5,000-record inventory batch (target ≤ 1 s), first for new
 * positions (each record: InventoryChanged on the catalogue, the CREATEs of its new position and
 * quantity, and a VirtualCatalogueEvent for the seeded, ACTIVE BASE:1 — four events, six writes),
 * then the same refs again (existing positions: two events, three writes), with the peak RSS and
 * the CPU time of each (steadier than wall time on a shared machine). The
 * baseline is the same body POSTed to a bare `node:http` server that parses it, in the same run.
 * Products are created beforehand, outside the timing.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import { createSimulator } from '../../server/simulator.js';
import { against, MiB, msSince, QUICK, versus, type Row } from './measure.js';

const LOCATIONS = ['LOC_MEL_STORE', 'LOC_SYD_STORE', 'LOC_MEL_DC'];

/** POST of the same JSON body to a server that only parses it (p50 of 5). */
async function bareBaseline(body: string): Promise<number> {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      JSON.parse(text);
      res.end('{"id":"1"}');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const times: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    const started = process.hrtime.bigint();
    await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
    if (i > 0) times.push(msSince(started));
  }
  server.close();
  return times.sort((a, b) => a - b)[2]!;
}

export async function benchBatch(): Promise<Row[]> {
  const records = QUICK ? 1000 : 5000;
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), {
    createClock: () => createClock({ start: new Date('2026-01-01T09:00:00Z'), frozen: true }),
    createIds: () => createIds({ deterministicUuids: true }),
  });
  try {
    const account = sim.accounts.get(sim.config.account)!;
    const skus = Math.ceil(records / LOCATIONS.length);
    for (let i = 0; i < skus; i += 1) {
      runCommand(account, 'createStandardProduct', {
        input: { ref: `BENCH-${i}`, catalogue: { ref: 'PC:MASTER:1' }, type: 'STANDARD', name: `Bench ${i}`, gtin: `GTIN-${i}` },
      });
    }
    await account.orchestration!.engine.drain();
    const entities = (offset: number) =>
      Array.from({ length: records }, (_, i) => ({
        skuRef: `BENCH-${Math.floor(i / LOCATIONS.length)}`,
        locationRef: LOCATIONS[i % LOCATIONS.length],
        qty: i + offset,
        correctedQty: 0,
        retailerId: 1,
      }));
    const { jobs } = account;
    const job = jobs.createJob({ name: 'bench', retailerId: '1', meta: null });

    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
    // Wall time, and the process's CPU time meanwhile (steadier on a shared machine).
    const timeOne = async (offset: number): Promise<{ ms: number; cpuMs: number }> => {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const { id } = jobs.submitBatch(job.id, { action: 'UPSERT', entityType: 'INVENTORY', entities: entities(offset) });
      await jobs.whenIdle();
      const ms = msSince(started);
      const used = process.cpuUsage(cpu);
      const batch = jobs.getBatch(job.id, id);
      if (batch.status !== 'COMPLETE' || batch.total !== 0) throw new Error(`bench batch ended ${batch.status} with ${batch.total} record errors`);
      return { ms, cpuMs: (used.user + used.system) / 1000 };
    };
    const created = await timeOne(0);
    const updated = await timeOne(7);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const bare = await bareBaseline(JSON.stringify({ action: 'UPSERT', entityType: 'INVENTORY', entities: entities(0) }));
    const n = records.toLocaleString('en');
    return [
      [`${n}-record body POSTed to bare node:http (baseline)`, `${bare.toFixed(0)} ms`, 'parse only'],
      [
        `${n}-record inventory batch → COMPLETE, new positions`,
        `${created.ms.toFixed(0)} ms`,
        `${versus(created.ms, bare, 'bare')}; ${against(created.ms, 1000, 'ms')}; CPU ${created.cpuMs.toFixed(0)} ms`,
      ],
      [
        `${n}-record inventory batch → COMPLETE, existing positions`,
        `${updated.ms.toFixed(0)} ms`,
        `${versus(updated.ms, bare, 'bare')}; ${against(updated.ms, 1000, 'ms')}; CPU ${updated.cpuMs.toFixed(0)} ms`,
      ],
      ['peak RSS during the two batches', `${(peakRss / MiB).toFixed(0)} MiB`, '—'],
    ];
  } finally {
    await sim.close();
  }
}
