/**
 * Large orders (issue 16 #2): how long one `createOrder` of N items (over HTTP, HD, through the
 * workflow) holds up a concurrent cheap request, for N up to the default `--max-input-list` and
 * at 1,000 (the default before, allowed here by raising the limit). The baseline is the same
 * cheap request while a 1-item order is processed. The stall of one order is the longest
 * `GET /_sim/health` sent every 5 ms from the order's request until its workflow is done; the
 * figure is the median over 5 orders. Most of it is the inventory catalogue's execution: each
 * item reserves stock through two events, inline in one execution.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';
import { ConfigSchema, loadConfig } from '../../server/config.js';
import { createHttpServer } from '../../server/http/server-limits.js';
import { createClock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import { percentile, QUICK, versus, type Row } from './measure.js';
import { hdChoice } from '../support/delivery-address.js';

const CREATE = 'mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }';

const orderOf = (ref: string, items: number) => ({
  input: {
    ref,
    type: 'HD',
    retailer: { id: '1' },
    customer: { id: '1' },
    fulfilmentChoice: hdChoice(ref),
    items: Array.from({ length: items }, (_, i) => ({ ref: `${ref}-${i}`, productRef: 'TSHIRT-BLK-M', quantity: 1 })),
  },
});

export async function benchLargeOrders(): Promise<Row[]> {
  const defaultLimit = ConfigSchema.parse({}).maxInputList;
  const config = loadConfig({ logLevel: 'silent', maxInputList: Math.max(defaultLimit, 1000) });
  const sim = await createSimulator(config, { createClock: () => createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }) });
  const server = createHttpServer(createApp(sim), config).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const engine = sim.accounts.get(config.account)!.orchestration!.engine;
  const tokenRes = await fetch(`${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`, {
    method: 'POST',
  });
  const token = ((await tokenRes.json()) as { access_token: string }).access_token;

  /** One order of `items`: its answer time and the longest wait of a concurrent health check. */
  const oneOrder = async (ref: string, items: number): Promise<{ answerMs: number; stallMs: number }> => {
    let running = true;
    let stallMs = 0;
    const pings = (async () => {
      while (running) {
        const started = performance.now();
        await (await fetch(`${base}/_sim/health`)).json();
        stallMs = Math.max(stallMs, performance.now() - started);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const started = performance.now();
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: CREATE, variables: orderOf(ref, items) }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`bench order refused: ${JSON.stringify(body.errors)}`);
    const answerMs = performance.now() - started;
    await engine.drain();
    running = false;
    await pings;
    return { answerMs, stallMs };
  };

  const sizes = [...new Set([1, 50, defaultLimit, 200, 1000])].sort((a, b) => a - b);
  const rows: Row[] = [];
  let baselineStall = Number.NaN;
  try {
    for (let i = 0; i < 3; i += 1) await oneOrder(`WARM-${i}`, 10);
    for (const items of sizes) {
      const runs: { answerMs: number; stallMs: number }[] = [];
      for (let i = 0; i < (QUICK ? 2 : 5); i += 1) runs.push(await oneOrder(`N${items}-${i}`, items));
      const stall = percentile(
        runs.map((r) => r.stallMs),
        50,
      );
      const answer = percentile(
        runs.map((r) => r.answerMs),
        50,
      );
      if (items === 1) baselineStall = stall;
      const limit = items === defaultLimit ? ' (the default --max-input-list)' : items > defaultLimit ? ' (over the default limit)' : '';
      rows.push([
        `createOrder of ${items.toLocaleString('en')} item(s)${limit}: longest concurrent wait, p50`,
        `${stall.toFixed(0)} ms`,
        items === 1
          ? `baseline (a 1-item order); answer ${answer.toFixed(0)} ms`
          : `${versus(stall, baselineStall, '1-item order')}; target ≈ 100 ms; answer ${answer.toFixed(0)} ms`,
      ]);
    }
  } finally {
    server.close();
    await sim.close();
  }
  return rows;
}
