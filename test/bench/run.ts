/**
 * `npm run bench`: prints every performance figure of issue 17, each beside a baseline measured
 * in the same run (and the ratio) or its target. Figures, not pass/fail: a busy machine changes
 * them, so the header prints the load average before and after. Each section runs in its own
 * process (`--expose-gc`), so one section's heap never slows the next.
 *
 * `npm run bench -- --quick`: smaller loads and shorter runs, for a CI smoke run (not gating).
 * `npm run bench -- <section> …`: only those sections.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchBatch } from './batch.js';
import { benchConsole } from './console.js';
import { benchEngine } from './engine.js';
import { benchEventsMemory } from './events-memory.js';
import { benchGraphql } from './graphql.js';
import { benchHdOrdersMemory } from './hd-orders-memory.js';
import { benchLargeOrders } from './large-orders.js';
import { benchLifecycle } from './lifecycle.js';
import { benchLimits } from './limits.js';
import { against, QUICK, versus, type Row } from './measure.js';
import { benchOrdersMemory } from './orders-memory.js';
import { persistenceRows } from './persistence.js';
import { benchSeeds } from './seeds.js';
import { benchStartup } from './startup.js';
import { benchWebhooks } from './webhooks.js';
import { benchWorkflowPut } from './workflow-put.js';

const SECTIONS: Record<string, () => Promise<Row[]>> = {
  startup: benchStartup,
  seeds: benchSeeds,
  graphql: benchGraphql,
  engine: benchEngine,
  lifecycle: benchLifecycle,
  events: benchEventsMemory,
  memory: benchOrdersMemory,
  memoryHd: benchHdOrdersMemory,
  orders: benchLargeOrders,
  batch: benchBatch,
  persistence: () => persistenceRows('demo profile', 'demo'),
  persistence100k: () => persistenceRows('100k orders', 'default', 100_000),
  async workflows() {
    const put = await benchWorkflowPut();
    const shape = `${put.rulesets} rulesets, ${put.rules} rules, ${put.kib.toFixed(0)} KiB, ${put.notSimulated} not simulated`;
    return [
      ['JSON.parse + stringify of the same body (baseline)', `${put.baselineP50Ms.toFixed(2)} ms`, '—'],
      [
        `PUT /api/v4.1/workflow, p50 (${shape})`,
        `${put.putP50Ms.toFixed(1)} ms`,
        `${versus(put.putP50Ms, put.baselineP50Ms, 'parse + stringify')}; ${against(put.putP50Ms, 100, 'ms')}`,
      ],
    ];
  },
  async webhooks() {
    const webhooks = await benchWebhooks(QUICK ? { deliveries: 500 } : {});
    const ratio = (v: number): string => `${((v / webhooks.plainFetchPerSecond) * 100).toFixed(0)} % of plain fetch`;
    return [
      ['plain fetch of the same body, 8 at a time (baseline)', `${webhooks.plainFetchPerSecond.toFixed(0)} /s`, '—'],
      ['signing alone, one thread (baseline)', `${webhooks.signOnlyPerSecond.toFixed(0)} /s`, '—'],
      ['signed webhooks, webhook service alone', `${webhooks.servicePerSecond.toFixed(0)} /s`, ratio(webhooks.servicePerSecond)],
      ['signed webhooks delivered, one per event (engine)', `${webhooks.perEventPerSecond.toFixed(0)} /s`, `≥ 500 /s; ${ratio(webhooks.perEventPerSecond)}`],
    ];
  },
  async console() {
    const page = await benchConsole(QUICK ? 1_000 : 10_000);
    const orders = page.orders.toLocaleString('en');
    return [
      ['GET /_sim/health, p50 (baseline)', `${page.healthP50Ms.toFixed(1)} ms`, '—'],
      [
        `console first page, ${orders} orders (HTML, modules, token, 25 orders), p50`,
        `${page.firstPageP50Ms.toFixed(0)} ms`,
        `${versus(page.firstPageP50Ms, page.healthP50Ms, 'health')}; ${against(page.firstPageP50Ms, 1000, 'ms')}`,
      ],
    ];
  },
  async limits() {
    const l = await benchLimits();
    return [
      ['createOrder with 1 item, p50 (baseline)', `${l.oneItemP50Ms.toFixed(1)} ms`, '—'],
      [`createOrder with ${l.maxItems} items (the input-list limit), p50`, `${l.maxOrderP50Ms.toFixed(0)} ms`, '≈ 100 ms'],
      ['longest wait of a concurrent /_sim/health meanwhile', `${l.longestStallMs.toFixed(0)} ms`, '≈ 100 ms'],
      ['7-level nested items query refused (C0001E), p50', `${l.nestedRefusedP50Ms.toFixed(1)} ms`, '— (was 170 s, then out of memory)'],
      ['10,000-alias query refused (C0001E), p50', `${l.aliasesRefusedP50Ms.toFixed(1)} ms`, '—'],
      [
        'event search by a rare name over 245k events, p50',
        `${l.rareNameSearchP50Ms.toFixed(2)} ms`,
        `— (by a rare status: ${l.rareStatusSearchP50Ms.toFixed(2)} ms; a scan was 200–300 ms)`,
      ],
    ];
  },
};

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function runSection(name: string, quick: boolean): Row[] {
  const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--section', name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
    env: { ...process.env, FLUENT_SIM_BENCH_QUICK: quick ? '1' : '0' },
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Row[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--section') {
    const run = SECTIONS[args[1] ?? ''];
    if (!run) throw new Error(`unknown section ${args[1]}; sections: ${Object.keys(SECTIONS).join(', ')}`);
    process.stdout.write(`${JSON.stringify(await run())}\n`);
    return;
  }
  const quick = args.includes('--quick');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((name) => !SECTIONS[name]);
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  const cpu = cpus();
  console.log(`fluent-sim benchmarks${quick ? ' (--quick)' : ''} — ${new Date().toISOString()}`);
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  console.log(`load average at start: ${load()} (figures vary by machine and load; ratios are steadier)\n`);
  console.log(`${'figure'.padEnd(64)} ${'value'.padEnd(18)} baseline / target`);
  for (const name of wanted.length ? wanted : Object.keys(SECTIONS)) {
    for (const [figure, value, comparison] of runSection(name, quick)) console.log(`${figure.padEnd(64)} ${value.padEnd(18)} ${comparison}`);
  }
  console.log(`\nload average at end: ${load()}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
