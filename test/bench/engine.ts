/**
 * Orchestration figures for `npm run bench`: rule executions per second in process (five-rule
 * and two-rule rulesets) and over HTTP (`POST /api/v4.1/event/sync`, two-rule ruleset, 8
 * keep-alive connections from a worker thread, and from the server's own thread) against the
 * in-process figure of the same ruleset, and the latency of one sync event.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import type { SubmitResult } from '../../server/orchestration/engine-api.js';
import { inWorker } from './in-worker.js';
import { against, percentile, QUICK, requestsPerSecond, versus, type Row } from './measure.js';

const BENCH_WORKFLOW = {
  retailerId: '1',
  version: '1.0',
  entityType: 'ORDER',
  entitySubtype: 'BENCH',
  name: 'ORDER::BENCH',
  statuses: [
    { name: 'CREATED', entityType: 'ORDER', category: 'BOOKING' },
    { name: 'BOOKED', entityType: 'ORDER', category: 'BOOKING' },
  ],
  rulesets: [
    {
      name: 'CREATE',
      type: 'ORDER',
      eventType: 'NORMAL',
      triggers: [{ status: 'CREATED' }],
      rules: [{ name: 'ACME.core.SetState', props: { status: 'BOOKED' } }],
      userActions: [],
    },
    {
      name: 'Touch',
      type: 'ORDER',
      eventType: 'NORMAL',
      triggers: [],
      userActions: [],
      rules: [
        { name: 'ACME.core.IfPropertyEquals', props: { jsonpath: 'status', value: 'NEVER', eventName: 'Never' } },
        { name: 'ACME.core.IfPropertyIsPresent', props: { jsonpath: 'event.attributes.missing', eventName: 'Never' } },
        { name: 'ACME.core.IfPropertyNotEquals', props: { jsonpath: 'type', value: 'BENCH', eventName: 'Never' } },
        { name: 'ACME.core.SetState', props: { status: 'BOOKED' } },
        { name: 'ACME.core.IfPropertyIsNotPresent', props: { jsonpath: 'ref', eventName: 'Never' } },
      ],
    },
  ],
};

/** The HTTP figure: sync events on a two-rule ruleset. */
const TWO_RULES = {
  name: 'Touch2',
  type: 'ORDER',
  eventType: 'NORMAL',
  triggers: [],
  userActions: [],
  rules: [
    { name: 'ACME.core.IfPropertyEquals', props: { jsonpath: 'status', value: 'NEVER', eventName: 'Never' } },
    { name: 'ACME.core.SetState', props: { status: 'BOOKED' } },
  ],
};

async function rulesInProcess(submit: () => Promise<SubmitResult>, events: number, rules: number): Promise<number> {
  for (let i = 0; i < 200; i += 1) await submit();
  const started = process.hrtime.bigint();
  for (let i = 0; i < events; i += 1) {
    const result = await submit();
    if (result.eventStatus !== 'COMPLETE') throw new Error(`bench event ended ${result.eventStatus}`);
  }
  return (events * rules) / (Number(process.hrtime.bigint() - started) / 1e9);
}

export async function benchEngine(): Promise<Row[]> {
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), {
    createClock: () => createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }),
  });
  const account = sim.accounts.get('LOCAL')!;
  const orchestration = account.orchestration!;
  orchestration.workflows.put({ ...BENCH_WORKFLOW, rulesets: [...BENCH_WORKFLOW.rulesets, TWO_RULES] });
  const order = runCommand(account, 'createOrder', {
    input: {
      ref: 'ENGINE-1',
      type: 'BENCH',
      retailer: { id: '1' },
      customer: { id: '1' },
      items: [{ ref: 'ENGINE-1-1', productRef: 'TSHIRT-BLK-M', quantity: 1 }],
    },
  }) as { id: string };
  await orchestration.engine.drain();
  const eventOf = (name: string) => ({ name, retailerId: '1', entityType: 'ORDER', entityId: order.id, rootEntityType: 'ORDER', rootEntityId: order.id });
  const n = QUICK ? 500 : 2000;
  const fiveRules = await rulesInProcess(() => orchestration.engine.submit(eventOf('Touch'), { mode: 'sync' }), n, 5);
  const twoRules = await rulesInProcess(() => orchestration.engine.submit(eventOf('Touch2'), { mode: 'sync' }), n, 2);

  const server = createApp(sim).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = (
    (await (
      await fetch(`${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`, { method: 'POST' })
    ).json()) as { access_token: string }
  ).access_token;
  const auth = { authorization: `Bearer ${token}` };
  const seconds = QUICK ? 1000 : 3000;
  const syncUrl = `${base}/api/v4.1/event/sync`;
  // The client in a worker thread, as a client in another process: its own HTTP work runs beside
  // the server's instead of taking turns with it on one thread.
  await inWorker<number>(new URL('./measure.js', import.meta.url), 'requestsPerSecond', [syncUrl, eventOf('Touch2'), auth, QUICK ? 500 : 2000]);
  const overHttp = 2 * (await inWorker<number>(new URL('./measure.js', import.meta.url), 'requestsPerSecond', [syncUrl, eventOf('Touch2'), auth, seconds]));
  const sameThread = 2 * (await requestsPerSecond(syncUrl, eventOf('Touch2'), auth, seconds));
  const samples: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${base}/api/v4.1/event/sync`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(eventOf('Touch2')),
    });
    await res.json();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  server.close();
  await sim.close();
  return [
    ['rule executions/s, five-rule ruleset, in process', `${fiveRules.toFixed(0)} rules/s`, against(fiveRules, 5000, 'rules/s', true)],
    ['rule executions/s, two-rule ruleset, in process (baseline)', `${twoRules.toFixed(0)} rules/s`, 'sync events, one at a time'],
    [
      'rule executions/s over HTTP (POST /event/sync, 2 rules; client in a worker)',
      `${overHttp.toFixed(0)} rules/s`,
      `${versus(overHttp, twoRules, 'in process')}; ${against(overHttp, 5000, 'rules/s', true)}`,
    ],
    ["the same, client on the server's thread (as before)", `${sameThread.toFixed(0)} rules/s`, versus(sameThread, twoRules, 'in process')],
    ['POST /api/v4.1/event/sync latency, p50', `${percentile(samples.slice(50), 50).toFixed(2)} ms`, 'one connection'],
  ];
}
