/**
 * GraphQL figures: `orderById` through the whole stack against a bare graphql-js server on
 * node:http serving the same order shape (same query, a static order), and how searches and
 * memory grow with the number of orders (10k / 50k / 100k): p50 of an indexed status search and
 * of createdOn windows (old, middle, newest), heap and RSS per order.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, graphql } from 'graphql';
import type { Account } from '../../server/account.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock, type Clock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import { against, gc, MiB, percentile, postJson, QUICK, requestsPerSecond, versus, type Row } from './measure.js';
import { hdChoice } from '../support/delivery-address.js';

const START = new Date('2026-01-01T00:00:00Z');
const ORDER_QUERY = (id: string): string => `{ orderById(id: "${id}") { id ref status items { edges { node { ref quantity } } } } }`;

const BARE_SCHEMA = buildSchema(`
  type Query { orderById(id: ID!): Order }
  type Order { id: ID! ref: String status: String items(first: Int): OrderItemConnection }
  type OrderItemConnection { edges: [OrderItemEdge] }
  type OrderItemEdge { node: OrderItem }
  type OrderItem { ref: String quantity: Int }
`);

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The same order shape from graphql-js on node:http: parse, execute, stringify. */
async function bareOrderServer(): Promise<{ url: string; close(): void }> {
  const order = { id: '1', ref: 'BENCH-1', status: 'BOOKED', items: { edges: [{ node: { ref: 'BENCH-1-1', quantity: 1 } }] } };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { query } = JSON.parse(body) as { query: string };
      void graphql({ schema: BARE_SCHEMA, source: query, rootValue: { orderById: () => order } }).then((r) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(r));
      });
    });
  });
  const url = await listen(server);
  return { url, close: () => void server.close() };
}

async function p50(base: string, token: string, query: string, samples: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples + 10; i += 1) {
    const started = process.hrtime.bigint();
    const body = (await postJson(`${base}/graphql`, { query }, { authorization: `Bearer ${token}` })) as { errors?: unknown };
    if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
    if (i >= 10) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentile(times, 50);
}

/** Creates orders `from`…`to - 1`, one second apart on the frozen clock; 4 in 5 get a later status. */
async function loadOrders(account: Account, clock: Clock, from: number, to: number): Promise<void> {
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
  }
  await account.orchestration!.engine.drain();
}

const windowQuery = (fromS: number): string =>
  `{ orders(createdOn: { from: "${new Date(START.getTime() + fromS * 1000).toISOString()}", to: "${new Date(START.getTime() + (fromS + 3600) * 1000).toISOString()}" }, first: 100) { edges { node { id ref } } } }`;

export async function benchGraphql(): Promise<Row[]> {
  const rows: Row[] = [];
  let clock!: Clock;
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), { createClock: () => (clock = createClock({ start: START, frozen: true })) });
  const server = createApp(sim).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Loading moves the clock a second per order: a fresh token after each load, on a new
  // connection (a pooled one the server closed while orders loaded would fail).
  const newToken = async (): Promise<string> => {
    const res = await fetch(`${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`, {
      method: 'POST',
      headers: { connection: 'close' },
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  let token = await newToken();
  const account = sim.accounts.get('LOCAL')!;
  const bare = await bareOrderServer();
  try {
    // 1. orderById against the bare server, alternating so load changes hit both alike.
    const order = runCommand(account, 'createOrder', {
      input: {
        ref: 'BENCH-1',
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        fulfilmentChoice: hdChoice('BENCH-1'),
        items: [{ ref: 'BENCH-1-1', productRef: 'TSHIRT-BLK-M', quantity: 1 }],
      },
    }) as { id: string };
    await account.orchestration!.engine.drain();
    const seconds = QUICK ? 1000 : 3000;
    const auth = { authorization: `Bearer ${token}` };
    const bareRps = await requestsPerSecond(bare.url, { query: ORDER_QUERY('1') }, {}, seconds);
    const simRps = await requestsPerSecond(`${base}/graphql`, { query: ORDER_QUERY(order.id) }, auth, seconds);
    rows.push(['orderById, bare graphql-js on node:http, same shape (baseline)', `${bareRps.toFixed(0)} req/s`, '8 connections, keep-alive']);
    rows.push(['orderById through auth + yoga + resolvers', `${simRps.toFixed(0)} req/s`, versus(simRps, bareRps, `bare ${bareRps.toFixed(0)} req/s`)]);

    // 2. Growth: the same searches and memory at each size.
    gc();
    const idle = process.memoryUsage();
    rows.push(['heap / RSS before loading orders', `${(idle.heapUsed / MiB).toFixed(0)} / ${(idle.rss / MiB).toFixed(0)} MiB`, '—']);
    const sizes = QUICK ? [2_000, 5_000, 10_000] : [10_000, 50_000, 100_000];
    let loaded = 0;
    for (const size of sizes) {
      const started = process.hrtime.bigint();
      await loadOrders(account, clock, loaded, size);
      const loadS = Number(process.hrtime.bigint() - started) / 1e9;
      const k = `${size / 1000}k`;
      rows.push([
        `load orders ${loaded / 1000}k → ${k} (in process)`,
        `${loadS.toFixed(1)} s`,
        `${(((size - loaded) / loadS) | 0).toLocaleString('en')} orders/s`,
      ]);
      loaded = size;
      token = await newToken();
      gc();
      const mem = process.memoryUsage();
      const perOrderKiB = (mem.heapUsed - idle.heapUsed) / size / 1024;
      rows.push([
        `heap / RSS with ${k} orders`,
        `${(mem.heapUsed / MiB).toFixed(0)} / ${(mem.rss / MiB).toFixed(0)} MiB`,
        `${perOrderKiB.toFixed(1)} KiB heap per order${size === 100_000 ? `; RSS ${against(mem.rss / MiB, 600, 'MiB')}` : ''}`,
      ]);
      const samples = QUICK ? 30 : 100;
      const status = await p50(base, token, '{ orders(status: ["BOOKED", "SHIPPED"], first: 100) { edges { node { id ref status } } } }', samples);
      rows.push([`orders(status: [2 values], first: 100), ${k}, p50`, `${status.toFixed(2)} ms`, against(status, 10, 'ms')]);
      const newest = await p50(base, token, windowQuery(size - 3600), samples);
      const middle = await p50(base, token, windowQuery(size / 2), samples);
      const old = await p50(base, token, windowQuery(0), samples);
      rows.push([`orders(createdOn: newest 1 h, first: 100), ${k}, p50 (baseline)`, `${newest.toFixed(2)} ms`, against(newest, 5, 'ms')]);
      rows.push([`orders(createdOn: middle 1 h), ${k}, p50`, `${middle.toFixed(2)} ms`, `${versus(middle, newest, 'newest')}; ${against(middle, 5, 'ms')}`]);
      rows.push([`orders(createdOn: oldest 1 h), ${k}, p50`, `${old.toFixed(2)} ms`, `${versus(old, newest, 'newest')}; ${against(old, 5, 'ms')}`]);
    }
  } finally {
    bare.close();
    server.close();
    await sim.close();
  }
  return rows;
}
