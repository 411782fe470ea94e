/**
 * The web console's first page with 10,000 orders (issue 13: "loads in < 1 s"): what the page
 * fetches on load — index.html and its modules, the account list, a token, the first 25 orders
 * over GraphQL — sequentially as the browser's critical path does, p50 of 20 loads, beside
 * `GET /_sim/health` in the same run as the baseline. HTTP only: no browser in the bench.
 *
 * `node dist/test/bench/console.js` prints them on their own.
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import { percentile } from './measure.js';
import { hdChoice } from '../support/delivery-address.js';

const MODULES = [
  'style.css',
  'app.js',
  'api.js',
  'dom.js',
  'entities.js',
  'entity-types.js',
  'entity.js',
  'timeline.js',
  'webhooks.js',
  'controls.js',
  'events.js',
  'send-event.js',
  'workflow.js',
  'vendor/dagre.js',
];
const LIST = `query($first: Int) { list: orders(first: $first) { edges { cursor node { id ref type status createdOn } } pageInfo { hasNextPage } } }`;

const ms = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e6;

async function timed(samples: number, run: () => Promise<void>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = process.hrtime.bigint();
    await run();
    out.push(ms(started));
  }
  return percentile(out, 50);
}

export async function benchConsole(orders = 10_000): Promise<{ orders: number; healthP50Ms: number; firstPageP50Ms: number }> {
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), {
    createClock: () => createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }),
  });
  const account = sim.accounts.get(sim.config.account)!;
  for (let n = 0; n < orders; n += 1) {
    runCommand(account, 'createOrder', {
      input: {
        ref: `CONSOLE-${n}`,
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        fulfilmentChoice: hdChoice(`CONSOLE-${n}`),
        items: [{ ref: `CONSOLE-${n}-1`, productRef: 'TSHIRT-BLK-M', quantity: 1 }],
      },
    });
    if (n % 500 === 499) await account.orchestration!.engine.drain();
  }
  await account.orchestration!.engine.drain();
  const server = createApp(sim).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ok = async (res: Response): Promise<Response> => {
    if (!res.ok) throw new Error(`${res.url}: ${res.status}`);
    await res.arrayBuffer();
    return res;
  };
  const healthP50Ms = await timed(20, async () => void (await ok(await fetch(`${base}/_sim/health`))));
  const firstPageP50Ms = await timed(20, async () => {
    await ok(await fetch(`${base}/console/`));
    await Promise.all(MODULES.map(async (file) => ok(await fetch(`${base}/console/${file}`))));
    await ok(await fetch(`${base}/_sim/console/accounts`));
    const token = (await (await fetch(`${base}/_sim/console/token`, { method: 'POST' })).json()) as { access_token: string };
    const list = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
      body: JSON.stringify({ query: LIST, variables: { first: 25 } }),
    });
    const body = (await list.json()) as { data?: { list: { edges: unknown[] } } };
    if (body.data?.list.edges.length !== 25) throw new Error(`orders list: ${JSON.stringify(body).slice(0, 200)}`);
  });
  server.close();
  return { orders, healthP50Ms, firstPageP50Ms };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchConsole());
