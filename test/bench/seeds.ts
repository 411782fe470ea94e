/**
 * Seed profile figures: load time of the demo and large profiles, heap with large loaded, and the
 * time to reset the demo account to its seeded state and to restore a snapshot of it (target
 * ≤ 50 ms). Each profile is loaded as the account is created (`onAccount`), so the simulator's
 * own seed state — what `reset` returns to — is the loaded profile, as with `--seed demo`.
 */
import type { Account } from '../../server/account.js';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import { loadProfile } from '../../server/seed/profiles/load-profile.js';
import type { SeedProfile } from '../../server/seed/profiles/profile-sizes.js';
import { createSimulator, type Simulator } from '../../server/simulator.js';
import { holdAccount, restoreAccount } from '../../server/state/account-state.js';
import { against, gc, MiB, percentile, QUICK, versus, type Row } from './measure.js';
import { hdChoice } from '../support/delivery-address.js';

const SEED_VALUE = 1;

const ms = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e6;

/** Wall time of the load, and the process's CPU time meanwhile (steadier on a shared machine). */
async function simulatorWith(profile: SeedProfile): Promise<{ sim: Simulator; account: Account; loadMs: number; cpuMs: number }> {
  let loadMs = Number.NaN;
  let cpuMs = Number.NaN;
  const sim = await createSimulator(loadConfig({ logLevel: 'silent', seed: 'none' }), {
    createClock: () => createClock({ start: new Date('2026-01-15T09:00:00Z'), frozen: true }),
    createIds: () => createIds({ deterministicUuids: true }),
    onAccount: async (account) => {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      await loadProfile(account, profile, SEED_VALUE);
      loadMs = ms(started);
      const used = process.cpuUsage(cpu);
      cpuMs = (used.user + used.system) / 1000;
    },
  });
  return { sim, account: sim.accounts.get(sim.config.account)!, loadMs, cpuMs };
}

/** What a test would do between resets: a new order that the workflow books, an order cancelled. */
async function change(account: Account, n: number): Promise<void> {
  runCommand(account, 'createOrder', {
    input: {
      ref: `BENCH-${n}`,
      type: 'HD',
      retailer: { id: '1' },
      customer: { id: '1' },
      fulfilmentChoice: hdChoice(`BENCH-${n}`),
      items: [{ ref: `BENCH-${n}-1`, productRef: 'P00001', quantity: 1 }],
    },
  });
  await account.orchestration!.engine.drain();
  await account.orchestration!.engine.submit({ name: 'CancelOrder', retailerId: '1', entityType: 'ORDER', entityRef: `BENCH-${n}` }, { mode: 'sync' });
}

/** Demo load time, then reset and snapshot-restore times (p50 of 7, each after a change). */
async function benchDemo(): Promise<{ demoLoadMs: number; demoCpuMs: number; resetDemoMs: number; restoreDemoMs: number }> {
  const { sim, account, loadMs, cpuMs } = await simulatorWith('demo');
  const resets: number[] = [];
  const restores: number[] = [];
  try {
    const snapshot = holdAccount(account);
    for (let i = 0; i < 7; i += 1) {
      await change(account, i);
      let started = process.hrtime.bigint();
      await sim.reset(account);
      resets.push(ms(started));
      await change(account, i);
      started = process.hrtime.bigint();
      restoreAccount(account, snapshot);
      restores.push(ms(started));
    }
  } finally {
    await sim.close();
  }
  return { demoLoadMs: loadMs, demoCpuMs: cpuMs, resetDemoMs: percentile(resets, 50), restoreDemoMs: percentile(restores, 50) };
}

/** Large load time and the heap it occupies (after a GC when node runs with --expose-gc). */
async function benchLarge(): Promise<{ largeLoadMs: number; largeCpuMs: number; largeHeapMiB: number }> {
  const { sim, loadMs, cpuMs } = await simulatorWith('large');
  gc();
  const largeHeapMiB = process.memoryUsage().heapUsed / MiB;
  await sim.close();
  return { largeLoadMs: loadMs, largeCpuMs: cpuMs, largeHeapMiB };
}

export async function benchSeeds(): Promise<Row[]> {
  const demo = await benchDemo();
  gc();
  const rows: Row[] = [
    ['load the demo seed profile (300 orders through the workflows)', `${demo.demoLoadMs.toFixed(0)} ms`, `CPU ${demo.demoCpuMs.toFixed(0)} ms`],
    ['reset the demo profile to its seed, p50', `${demo.resetDemoMs.toFixed(0)} ms`, against(demo.resetDemoMs, 50, 'ms')],
    ['restore a snapshot of the demo profile, p50', `${demo.restoreDemoMs.toFixed(0)} ms`, against(demo.restoreDemoMs, 50, 'ms')],
  ];
  if (QUICK) return rows;
  const large = await benchLarge();
  rows.push(
    [
      'load the large seed profile (5,000 orders)',
      `${(large.largeLoadMs / 1000).toFixed(1)} s`,
      `${versus(large.largeLoadMs, demo.demoLoadMs, 'demo')}; ${against(large.largeLoadMs / 1000, 20, 's')}; CPU ${(large.largeCpuMs / 1000).toFixed(1)} s (demo → ${(large.largeCpuMs / demo.demoCpuMs).toFixed(1)}×)`,
    ],
    ['heap with the large profile loaded', `${large.largeHeapMiB.toFixed(0)} MiB`, '—'],
  );
  return rows;
}
