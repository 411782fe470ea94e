/**
 * Rule executions per second through a realistic HD lifecycle (issue 11's bench acceptance):
 * an HD order created over GraphQL, then what a warehouse integration sends — WaveCreate,
 * ConfirmPick, ConfirmShip as sync events — until the order is COMPLETE, counting the rules the
 * engine executed (its `rule` audit records). Over HTTP, with the client in a worker thread
 * (lifecycle-client.ts), against the same lifecycle run in process in the same run.
 */
import type { AddressInfo } from 'node:net';
import type { Account } from '../../server/account.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock } from '../../server/lib/clock.js';
import type { EventRecord } from '../../server/orchestration/event-log.js';
import { createSimulator } from '../../server/simulator.js';
import { inWorker } from './in-worker.js';
import type { LifecycleCount, LifecycleLoad } from './lifecycle-client.js';
import { against, QUICK, versus, type Row } from './measure.js';
import { hdChoice } from '../support/delivery-address.js';

export const PRODUCT = 'RUNNER-42';

/** `createOrder` input of a one-item HD order `ref` of PRODUCT, delivered next to the restocked warehouse. */
export const hdOrderInput = (ref: string): Record<string, unknown> => ({
  ref,
  type: 'HD',
  retailer: { id: '1' },
  customer: { id: '1' },
  fulfilmentChoice: hdChoice(ref),
  items: [{ ref: `${ref}-1`, productRef: PRODUCT, quantity: 1 }],
});
const WAREHOUSE_EVENTS = ['WaveCreate', 'ConfirmPick', 'ConfirmShip'];

/** Counts the rules the account's engine executes from now on. */
function countRules(account: Account): () => number {
  const events = account.orchestration!.events;
  const append = events.append.bind(events);
  let rules = 0;
  events.append = (record: EventRecord) => {
    if (record.category === 'rule') rules += 1;
    append(record);
  };
  return () => rules;
}

async function oneInProcess(account: Account, ref: string): Promise<void> {
  const engine = account.orchestration!.engine;
  runCommand(account, 'createOrder', { input: hdOrderInput(ref) });
  await engine.drain();
  for (const name of WAREHOUSE_EVENTS) {
    const fulfilment = { entityType: 'FULFILMENT', entityRef: `${ref}-F1`, rootEntityType: 'ORDER', rootEntityRef: ref };
    const result = await engine.submit({ name, retailerId: '1', ...fulfilment }, { mode: 'sync' });
    if (result.eventStatus !== 'COMPLETE') throw new Error(`in-process lifecycle ${ref}: ${name} ended ${result.eventStatus}`);
  }
}

/**
 * Stock for every order the bench makes: the workflow sources from stock (workflow-contracts.md §5.2)
 * and the seed's 73 RUNNER-42 would be reserved after 73 orders; the rest would be system-rejected.
 */
export function restock(account: Account): void {
  const catalogue = { ref: 'DEFAULT:1' };
  const position = `${PRODUCT}:LOC_MEL_DC`;
  runCommand(account, 'updateInventoryQuantity', { input: { ref: `${position}:LAST_ON_HAND`, catalogue, quantity: 10_000_000 } });
  runCommand(account, 'updateInventoryPosition', { input: { ref: position, catalogue, onHand: 10_000_000 } });
}

export async function benchLifecycle(): Promise<Row[]> {
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), {
    createClock: () => createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }),
  });
  const account = sim.accounts.get('LOCAL')!;
  restock(account);
  const rules = countRules(account);
  const durationMs = QUICK ? 1500 : 5000;

  for (let i = 0; i < 50; i += 1) await oneInProcess(account, `WARM-${i}`);
  const inProcessStart = rules();
  const started = process.hrtime.bigint();
  let orders = 0;
  while (Number(process.hrtime.bigint() - started) / 1e6 < durationMs) await oneInProcess(account, `INPROC-${orders++}`);
  const inProcessSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perOrder = (rules() - inProcessStart) / orders;
  const inProcess = (rules() - inProcessStart) / inProcessSeconds;

  const server = createApp(sim).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = (
    (await (
      await fetch(`${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`, { method: 'POST' })
    ).json()) as { access_token: string }
  ).access_token;
  const load = (prefix: string, ms: number): Promise<LifecycleCount> =>
    inWorker<LifecycleCount>(new URL('./lifecycle-client.js', import.meta.url), 'hdLifecycles', [
      { base, token, durationMs: ms, concurrency: 8, prefix, productRef: PRODUCT } satisfies LifecycleLoad,
    ]);
  await load('HTTPWARM', QUICK ? 500 : 2000);
  const httpStart = rules();
  const http = await load('HTTP', durationMs);
  const overHttp = (rules() - httpStart) / http.seconds;
  server.close();
  await sim.close();
  return [
    [
      `HD lifecycle in process (createOrder → 3 warehouse events → COMPLETE)`,
      `${inProcess.toFixed(0)} rules/s`,
      `${(orders / inProcessSeconds).toFixed(0)} orders/s, ${perOrder.toFixed(0)} rules per order (baseline)`,
    ],
    [
      'HD lifecycle over HTTP (GraphQL + sync events, 8 clients in a worker)',
      `${overHttp.toFixed(0)} rules/s`,
      `${(http.orders / http.seconds).toFixed(0)} orders/s, ${(http.requests / http.seconds).toFixed(0)} req/s; ${versus(overHttp, inProcess, 'in process')}; ${against(overHttp, 5000, 'rules/s', true)}`,
    ],
  ];
}
