/**
 * `npm run bench`: prints every performance figure the issues ask for, each beside the target or
 * the baseline measured in the same run. Figures, not pass/fail: a busy machine changes them.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildSchema, graphql } from 'graphql';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import { benchBatch } from './batch.js';
import { benchEngine } from './engine.js';
import { percentile, requestsPerSecond } from './measure.js';
import { benchSeeds } from './seeds.js';
import { benchWebhooks } from './webhooks.js';
import { benchWorkflowPut } from './workflow-put.js';

const report = (name: string, value: string, target: string): void => {
  console.log(`${name.padEnd(58)} ${value.padEnd(18)} ${target}`);
};

async function spawnToReady(): Promise<number> {
  const main = fileURLToPath(new URL('../../server/main.js', import.meta.url));
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [main, '--port', '0', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    child.kill('SIGTERM');
  }
  return percentile(samples, 50);
}

async function helloBaseline(): Promise<number> {
  const schema = buildSchema('type Query { hello: String }');
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void graphql({ schema, source: (JSON.parse(body) as { query: string }).query, rootValue: { hello: 'world' } }).then((r) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(r));
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const rps = await requestsPerSecond(url, { query: '{ hello }' }, {}, 3000);
  server.close();
  return rps;
}

type Row = [string, string, string];

/** Each section runs in its own process, so one section's heap never slows the next. */
const SECTIONS: Record<string, () => Promise<Row[]>> = {
  async startup() {
    return [['spawn-to-ready of the built CLI (p50 of 5)', `${(await spawnToReady()).toFixed(0)} ms`, '≤ 500 ms']];
  },
  async seeds() {
    const seeds = await benchSeeds();
    return [
      ['load the demo seed profile', `${seeds.demoLoadMs.toFixed(0)} ms`, '—'],
      ['reset the demo profile to its seed', `${seeds.resetDemoMs.toFixed(0)} ms`, '≤ 50 ms'],
      ['restore a snapshot of the demo profile', `${seeds.restoreDemoMs.toFixed(0)} ms`, '≤ 50 ms'],
      ['load the large seed profile', `${(seeds.largeLoadMs / 1000).toFixed(1)} s`, '—'],
      ['heap with the large profile loaded', `${seeds.largeHeapMiB.toFixed(0)} MiB`, '—'],
    ];
  },
  graphql: benchGraphql,
  async engine() {
    const engine = await benchEngine();
    return [
      ['rule executions through a five-rule ruleset', `${engine.rulesPerSecond.toFixed(0)} rules/s`, '≥ 5,000 rules/s'],
      ['POST /api/v4.1/event/sync latency, p50', `${engine.syncP50Ms.toFixed(2)} ms`, '—'],
    ];
  },
  async workflows() {
    const put = await benchWorkflowPut();
    const shape = `${put.rulesets} rulesets, ${put.rules} rules, ${put.kib.toFixed(0)} KiB, ${put.notSimulated} not simulated`;
    return [
      ['JSON.parse + stringify of the same body (baseline)', `${put.baselineP50Ms.toFixed(2)} ms`, '—'],
      [`PUT /api/v4.1/workflow, p50 (${shape})`, `${put.putP50Ms.toFixed(1)} ms`, '≤ 100 ms'],
    ];
  },
  async webhooks() {
    const webhooks = await benchWebhooks();
    const ratio = (v: number): string => `${((v / webhooks.plainFetchPerSecond) * 100).toFixed(0)} % of plain fetch`;
    return [
      ['plain fetch of the same body, 8 at a time (baseline)', `${webhooks.plainFetchPerSecond.toFixed(0)} /s`, '—'],
      ['signing alone, one thread (baseline)', `${webhooks.signOnlyPerSecond.toFixed(0)} /s`, '—'],
      ['signed webhooks, webhook service alone', `${webhooks.servicePerSecond.toFixed(0)} /s`, ratio(webhooks.servicePerSecond)],
      ['signed webhooks delivered, one per event (engine)', `${webhooks.perEventPerSecond.toFixed(0)} /s`, `≥ 500 /s; ${ratio(webhooks.perEventPerSecond)}`],
    ];
  },
  async batch() {
    const batch = await benchBatch();
    return [
      ['5,000-record inventory batch, accepted → COMPLETE', `${batch.ms.toFixed(0)} ms`, '≤ 1,000 ms'],
      ['peak RSS during the batch', `${batch.peakRssMiB.toFixed(0)} MiB`, '—'],
    ];
  },
};

async function benchGraphql(): Promise<Row[]> {
  const rows: Row[] = [];
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), { createClock: () => createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }) });
  const app = createApp(sim);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokenRes = await fetch(`${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`, { method: 'POST' });
  const token = ((await tokenRes.json()) as { access_token: string }).access_token;
  const account = sim.accounts.get('LOCAL')!;

  const order = runCommand(account, 'createOrder', {
    input: { ref: 'BENCH-1', type: 'HD', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: 'BENCH-1-1', productRef: 'TSHIRT-BLK-M', quantity: 1 }] },
  }) as { id: string };
  const baseline = await helloBaseline();
  const orderRps = await requestsPerSecond(`${base}/graphql`, { query: `{ orderById(id: "${order.id}") { id ref status items { edges { node { ref quantity } } } } }` }, { authorization: `Bearer ${token}` }, 3000);
  rows.push(['bare graphql-js { hello } server (baseline)', `${baseline.toFixed(0)} req/s`, '—']);
  rows.push(['orderById through auth + yoga + resolvers', `${orderRps.toFixed(0)} req/s`, `≥ 60 % of baseline (${((orderRps / baseline) * 100).toFixed(0)} %)`]);

  // The store's indexes are what this measures: the orders use a type without a workflow, so
  // orchestration adds one NO_MATCH record each and nothing else.
  const loadStart = process.hrtime.bigint();
  const statuses = ['CREATED', 'BOOKED', 'PICKING', 'SHIPPED', 'COMPLETE'];
  for (let i = 0; i < 100_000; i += 1) {
    const created = runCommand(account, 'createOrder', {
      input: { ref: `LOAD-${i}`, type: 'B2B', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: `LOAD-${i}-1`, productRef: 'TSHIRT-BLK-M', quantity: 1 }] },
    }) as { id: string };
    if (i % 5 !== 0) account.entities.patch('Order', created.id, (r) => {
      r['status'] = statuses[i % 5];
    });
  }
  await account.orchestration!.engine.drain();
  rows.push(['load 100k orders with one item each', `${(Number(process.hrtime.bigint() - loadStart) / 1e6).toFixed(0)} ms`, '—']);
  const samples: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const started = process.hrtime.bigint();
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ orders(status: ["BOOKED", "SHIPPED"], first: 100) { edges { node { id ref status } } } }' }),
    });
    await res.json();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  rows.push(['orders(status: [2 values], first: 100) over 100k, p50', `${percentile(samples.slice(20), 50).toFixed(2)} ms`, '≤ 10 ms']);
  rows.push(['heap used with 100k orders loaded', `${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`, '—']);
  server.close();
  await sim.close();
  return rows;
}

async function main(): Promise<void> {
  const section = process.argv[2];
  if (section) {
    const run = SECTIONS[section];
    if (!run) throw new Error(`unknown section ${section}; sections: ${Object.keys(SECTIONS).join(', ')}`);
    process.stdout.write(`${JSON.stringify(await run())}\n`);
    return;
  }
  console.log(`fluent-sim benchmarks — node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
  console.log(`${'figure'.padEnd(58)} ${'value'.padEnd(18)} target / baseline`);
  for (const name of Object.keys(SECTIONS)) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    const rows = JSON.parse(out.trim().split('\n').at(-1)!) as Row[];
    for (const [figure, value, target] of rows) report(figure, value, target);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
