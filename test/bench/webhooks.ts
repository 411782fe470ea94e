/**
 * Signed webhook deliveries per second to a local receiver (target ≥ 500/s): enqueue N deliveries
 * at once and time until all are DELIVERED. Each delivery is serialised, signed twice with the
 * simulator's 2048-bit RSA key (SHA-512 and MD5) and POSTed with fetch to 127.0.0.1.
 * The receiver runs in a child process, as a real receiver would, so the figure is the sender's.
 */
import { spawn } from 'node:child_process';
import { createClock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import type { WebhookRequest } from '../../server/orchestration/webhook-queue.js';
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
    name: 'OrderStatus', accountId: 'BENCH', retailerId: '1', entityId: String(i), entityRef: `HD_${i}`,
    entityType: 'ORDER', entityStatus: 'COMPLETE', type: 'NORMAL', attributes: {},
    rootEntityId: String(i), rootEntityType: 'ORDER', rootEntityRef: `HD_${i}`,
  },
});

export type WebhookBenchResult = {
  /** Signed deliveries per second, enqueue to DELIVERED (target ≥ 500/s). */
  perSecond: number;
  /** Baseline from the same run: signBody calls per second on one thread, no HTTP. */
  signOnlyPerSecond: number;
};

export async function benchWebhooks(options: { deliveries?: number; warmup?: number } = {}): Promise<WebhookBenchResult> {
  const deliveries = options.deliveries ?? 3_000;
  const warmup = options.warmup ?? 200;
  const receiver = await startReceiverProcess();
  const keys = loadOrCreateKeyPair();
  const service = createWebhookService({
    clock: createClock({ start: new Date('2026-01-01T00:00:00Z'), frozen: true }),
    ids: createIds({ deterministicUuids: true }),
    privateKey: keys.privateKey,
    publicKeyPem: keys.publicKeyPem,
    maxRecords: deliveries + warmup,
  });
  try {
    for (let i = 0; i < warmup; i += 1) service.enqueue(request(receiver.url, i));
    await service.drain();
    const started = process.hrtime.bigint();
    for (let i = 0; i < deliveries; i += 1) service.enqueue(request(receiver.url, warmup + i));
    await service.drain();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const delivered = service.list({ status: 'DELIVERED' }).length;
    if (delivered !== deliveries + warmup) throw new Error(`only ${delivered} of ${deliveries + warmup} webhooks were delivered`);

    const body = toWebhookBody(request(receiver.url, 0).event);
    const signs = 500;
    const signStarted = process.hrtime.bigint();
    for (let i = 0; i < signs; i += 1) signBody(body, keys.privateKey);
    const signSeconds = Number(process.hrtime.bigint() - signStarted) / 1e9;
    return { perSecond: deliveries / seconds, signOnlyPerSecond: signs / signSeconds };
  } finally {
    service.close();
    receiver.close();
  }
}
