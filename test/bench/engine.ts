/**
 * Orchestration figures for `npm run bench`: rule executions per second through a five-rule
 * ruleset (engine in process), and the latency of `POST /api/v4.1/event/sync` over HTTP.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock } from '../../server/lib/clock.js';
import { createSimulator } from '../../server/simulator.js';
import { percentile } from './measure.js';

const BENCH_WORKFLOW = {
  retailerId: '1',
  version: '1.0',
  entityType: 'ORDER',
  entitySubtype: 'BENCH',
  name: 'ORDER::BENCH',
  statuses: [{ name: 'CREATED', entityType: 'ORDER', category: 'BOOKING' }, { name: 'BOOKED', entityType: 'ORDER', category: 'BOOKING' }],
  rulesets: [
    { name: 'CREATE', type: 'ORDER', eventType: 'NORMAL', triggers: [{ status: 'CREATED' }], rules: [{ name: 'ACME.core.SetState', props: { status: 'BOOKED' } }], userActions: [] },
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

export async function benchEngine(): Promise<{ rulesPerSecond: number; syncP50Ms: number }> {
  const sim = await createSimulator(loadConfig({ logLevel: 'silent' }), { createClock: () => createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }) });
  const account = sim.accounts.get('LOCAL')!;
  const orchestration = account.orchestration!;
  orchestration.workflows.put(BENCH_WORKFLOW);
  const order = runCommand(account, 'createOrder', {
    input: { ref: 'ENGINE-1', type: 'BENCH', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: 'ENGINE-1-1', productRef: 'TSHIRT-BLK-M', quantity: 1 }] },
  }) as { id: string };
  await orchestration.engine.drain();
  const event = { name: 'Touch', retailerId: '1', entityType: 'ORDER', entityId: order.id, rootEntityType: 'ORDER', rootEntityId: order.id };
  for (let i = 0; i < 200; i += 1) await orchestration.engine.submit(event, { mode: 'sync' });
  const n = 2000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) {
    const result = await orchestration.engine.submit(event, { mode: 'sync' });
    if (result.eventStatus !== 'COMPLETE') throw new Error(`bench event ended ${result.eventStatus}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const server = createApp(sim).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = ((await (await fetch(`${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`, { method: 'POST' })).json()) as { access_token: string }).access_token;
  const samples: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${base}/api/v4.1/event/sync`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(event) });
    await res.json();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  server.close();
  await sim.close();
  return { rulesPerSecond: (n * 5) / seconds, syncP50Ms: percentile(samples.slice(50), 50) };
}
