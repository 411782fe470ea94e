/**
 * Figures for the request limits (issue 16 #2): the largest order the input-list limit lets in,
 * how long it holds up a concurrent small request, and how fast over-limit queries are refused.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createHttpServer } from '../../server/http/server-limits.js';
import { createClock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import { createEventLog, formatGeneratedOn } from '../../server/orchestration/event-log.js';
import { percentile } from './measure.js';
import { hdChoice } from '../support/delivery-address.js';

export type LimitsFigures = {
  oneItemP50Ms: number;
  maxOrderP50Ms: number;
  maxItems: number;
  longestStallMs: number;
  nestedRefusedP50Ms: number;
  aliasesRefusedP50Ms: number;
  /** Event search by a rare name over 245,000 events (the figure: 200–300 ms unindexed). */
  rareNameSearchP50Ms: number;
  /** The same log searched by a rare status. */
  rareStatusSearchP50Ms: number;
};

function eventSearchFigures(): { byName: number; byStatus: number } {
  const clock = createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true });
  const log = createEventLog({ clock });
  const at = formatGeneratedOn(clock.now());
  for (let i = 0; i < 245_000; i += 1) {
    const rare = i % 50_000 === 0;
    log.append({
      id: `e-${i}`,
      name: rare ? 'RareEvent' : 'InventoryChanged',
      type: 'ORCHESTRATION_AUDIT',
      accountId: 'LOCAL',
      retailerId: '1',
      category: 'ruleSet',
      context: {
        sourceEvents: [],
        entityType: 'ORDER',
        entityId: String(i),
        entityRef: `O-${i}`,
        rootEntityType: 'ORDER',
        rootEntityId: String(i),
        rootEntityRef: `O-${i}`,
      },
      eventStatus: rare ? 'FAILED' : 'COMPLETE',
      attributes: null,
      source: null,
      generatedBy: 'bench',
      generatedOn: at,
    });
  }
  const time = (run: () => unknown): number => {
    const samples: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const started = performance.now();
      run();
      samples.push(performance.now() - started);
    }
    return percentile(samples, 50);
  };
  return { byName: time(() => log.search({ name: ['RareEvent'] })), byStatus: time(() => log.search({ eventStatus: ['FAILED'] })) };
}

export async function benchLimits(): Promise<LimitsFigures> {
  const config = loadConfig({ logLevel: 'silent' });
  const sim = await createSimulator(config, { createClock: () => createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }) });
  const server = createHttpServer(createApp(sim), config).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokenRes = await fetch(`${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`, {
    method: 'POST',
  });
  const token = ((await tokenRes.json()) as { access_token: string }).access_token;
  const gql = async (query: string, variables?: unknown): Promise<number> => {
    const started = performance.now();
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    await res.json();
    return performance.now() - started;
  };
  const create = 'mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }';
  const order = (ref: string, n: number) => ({
    input: {
      ref,
      type: 'HD',
      retailer: { id: '1' },
      customer: { id: '1' },
      fulfilmentChoice: hdChoice(ref),
      items: Array.from({ length: n }, (_, i) => ({ ref: `${ref}-${i}`, productRef: 'TSHIRT-BLK-M', quantity: 1 })),
    },
  });

  const small: number[] = [];
  for (let i = 0; i < 20; i += 1) small.push(await gql(create, order(`ONE-${i}`, 1)));
  const big: number[] = [];
  let longestStallMs = 0;
  for (let i = 0; i < 5; i += 1) {
    // A small request every 5 ms while the big order runs: the longest one is the stall.
    let running = true;
    const pings = (async () => {
      while (running) {
        const started = performance.now();
        await (await fetch(`${base}/_sim/health`)).json();
        longestStallMs = Math.max(longestStallMs, performance.now() - started);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    big.push(await gql(create, order(`MAX-${i}`, config.maxInputList)));
    running = false;
    await pings;
  }
  let nested = 'ref';
  for (let i = 0; i < 7; i += 1) nested = `items(first: 10) { edges { node { ref order { ${nested} } } } }`;
  const refusedNested: number[] = [];
  const refusedAliases: number[] = [];
  const aliases = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
  for (let i = 0; i < 10; i += 1) {
    refusedNested.push(await gql(`{ order(ref: "MAX-0") { ${nested} } }`));
    refusedAliases.push(await gql(aliases));
  }
  server.close();
  await sim.close();
  const search = eventSearchFigures();
  return {
    rareNameSearchP50Ms: search.byName,
    rareStatusSearchP50Ms: search.byStatus,
    oneItemP50Ms: percentile(small.slice(5), 50),
    maxOrderP50Ms: percentile(big, 50),
    maxItems: config.maxInputList,
    longestStallMs,
    nestedRefusedP50Ms: percentile(refusedNested, 50),
    aliasesRefusedP50Ms: percentile(refusedAliases, 50),
  };
}
