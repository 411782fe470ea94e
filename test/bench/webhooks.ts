/**
 * Webhook throughput for `npm run bench` (issue 17, target ≥ 500/s one per event), next to two
 * baselines measured in the same run against the same receiver:
 * - plain `fetch` of the same body, 8 at a time (the per-receiver limit), no signing;
 * - signing alone (`signBody`, SHA-512 and MD5 RSA signatures) on one thread, no HTTP;
 * and two figures of ours: the webhook service alone (deliveries enqueued directly), and one
 * webhook per event — async events through the engine, each running a `core.SendWebhook` rule,
 * until every delivery is DELIVERED. The receiver runs in a child process, as a real one would.
 */
import { spawn } from 'node:child_process';
import { loadConfig } from '../../server/config.js';
import { runCommand } from '../../server/domain/commands/run-command.js';
import { createClock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import type { WebhookRequest } from '../../server/orchestration/webhook-queue.js';
import { createSimulator } from '../../server/simulator.js';
import { loadOrCreateKeyPair } from '../../server/webhooks/keys.js';
import { toWebhookBody } from '../../server/webhooks/payload.js';
import { signBody } from '../../server/webhooks/sign.js';
import { createWebhookService } from '../../server/webhooks/webhook-service.js';

// A bare receiver: read the body, answer 200, print the port once listening.
const RECEIVER_SOURCE = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('ok'); });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startReceiverProcess(): Promise<{ url: string; close(): void }> {
  const child = spawn(process.execPath, ['-e', RECEIVER_SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`webhook bench receiver exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/webhook`, close: () => void child.kill('SIGTERM') };
}

const request = (url: string, i: number): WebhookRequest => ({
  name: 'OrderStatus',
  url,
  accountId: 'BENCH',
  retailerId: '1',
  sourceEventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  event: {
    id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: 'OrderStatus',
    accountId: 'BENCH',
    retailerId: '1',
    entityId: String(i),
    entityRef: `HD_${i}`,
    entityType: 'ORDER',
    entityStatus: 'COMPLETE',
    type: 'NORMAL',
    attributes: {},
    rootEntityId: String(i),
    rootEntityType: 'ORDER',
    rootEntityRef: `HD_${i}`,
  },
});

/** A workflow whose `Notify` event sends one webhook (setting `bench.webhook`) and nothing else. */
const NOTIFY_WORKFLOW = {
  retailerId: '1',
  version: '1.0',
  entityType: 'ORDER',
  entitySubtype: 'HOOK',
  name: 'ORDER::HOOK',
  statuses: [{ name: 'CREATED', entityType: 'ORDER', category: 'BOOKING' }],
  rulesets: [
    { name: 'CREATE', type: 'ORDER', eventType: 'NORMAL', triggers: [{ status: 'CREATED' }], rules: [], userActions: [] },
    {
      name: 'Notify',
      type: 'ORDER',
      eventType: 'NORMAL',
      triggers: [],
      rules: [{ name: 'BENCH.core.SendWebhook', props: { setting: 'bench.webhook' } }],
      userActions: [],
    },
  ],
};

export type WebhookBenchResult = {
  /** Baseline: unsigned POSTs of the same body with fetch, 8 at a time. */
  plainFetchPerSecond: number;
  /** Baseline: signBody calls per second on one thread, no HTTP. */
  signOnlyPerSecond: number;
  /** The webhook service alone: enqueue → DELIVERED. */
  servicePerSecond: number;
  /** One webhook per event, through the engine: first event submitted → last DELIVERED (target ≥ 500/s). */
  perEventPerSecond: number;
};

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

async function plainFetch(url: string, n: number): Promise<number> {
  const body = new Uint8Array(toWebhookBody(request(url, 0).event));
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < n) {
        next += 1;
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
      }
    }),
  );
  return n / seconds(started);
}

function signOnly(url: string, n: number): number {
  const keys = loadOrCreateKeyPair();
  const body = toWebhookBody(request(url, 0).event);
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) signBody(body, keys.privateKey);
  return n / seconds(started);
}

async function serviceAlone(url: string, n: number): Promise<number> {
  const keys = loadOrCreateKeyPair();
  const service = createWebhookService({
    clock: createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }),
    ids: createIds({ deterministicUuids: true }),
    privateKey: keys.privateKey,
    publicKeyPem: keys.publicKeyPem,
    maxRecords: n,
    maxPending: n,
  });
  try {
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) service.enqueue(request(url, i));
    await service.drain();
    const delivered = service.list({ status: 'DELIVERED' }).length;
    if (delivered !== n) throw new Error(`only ${delivered} of ${n} webhooks were delivered`);
    return n / seconds(started);
  } finally {
    service.close();
  }
}

async function onePerEvent(url: string, n: number): Promise<number> {
  const sim = await createSimulator(loadConfig({ logLevel: 'silent', webhookMaxPending: String(n) }), {
    createClock: () => createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }),
  });
  const account = sim.accounts.get('LOCAL')!;
  const { engine, workflows } = account.orchestration!;
  workflows.put(NOTIFY_WORKFLOW);
  runCommand(account, 'createSetting', {
    input: { name: 'bench.webhook', valueType: 'JSON', lobValue: { name: 'OrderStatus', url }, context: 'ACCOUNT', contextId: 0 },
  });
  const order = runCommand(account, 'createOrder', {
    input: { ref: 'HOOK-1', type: 'HOOK', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: 'HOOK-1-1', productRef: 'TSHIRT-BLK-M', quantity: 1 }] },
  }) as { id: string };
  await engine.drain();
  const event = { name: 'Notify', retailerId: '1', entityType: 'ORDER', entityId: order.id, rootEntityType: 'ORDER', rootEntityId: order.id };
  try {
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) await engine.submit(event, { mode: 'async' });
    await engine.drain();
    await account.webhooks!.drain();
    const elapsed = seconds(started);
    const delivered = account.webhooks!.page({ status: 'DELIVERED' }, { limit: 0 }).total;
    if (delivered !== n) throw new Error(`only ${delivered} of ${n} event webhooks were delivered`);
    return n / elapsed;
  } finally {
    await sim.close();
  }
}

export async function benchWebhooks(options: { deliveries?: number } = {}): Promise<WebhookBenchResult> {
  const n = options.deliveries ?? 3_000;
  const receiver = await startReceiverProcess();
  try {
    // Warm-up of the receiver connection and of the code paths.
    await plainFetch(receiver.url, 200);
    await serviceAlone(receiver.url, 200);
    return {
      plainFetchPerSecond: await plainFetch(receiver.url, n),
      signOnlyPerSecond: signOnly(receiver.url, 1_000),
      servicePerSecond: await serviceAlone(receiver.url, n),
      perEventPerSecond: await onePerEvent(receiver.url, n),
    };
  } finally {
    receiver.close();
  }
}
