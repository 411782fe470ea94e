/**
 * A real HTTP webhook receiver for tests (style.md §10, level 5): node:http on 127.0.0.1, port 0.
 * Records each request's raw body bytes and headers, and answers as programmed: fail the next N
 * requests, delay, status code and body, or never answer (timeouts). `waitForRequests` waits
 * with `vi.waitFor` (use it, or `expect.poll`, instead of sleeps around real network I/O).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';

export type ReceivedWebhook = {
  method: string;
  /** Path and query. */
  path: string;
  /** Node's lower-cased header record. */
  headers: IncomingHttpHeaders;
  /** The body exactly as received. */
  body: Buffer;
};

export type ReceiverResponse = {
  /** @default 200 */
  status?: number;
  /** @default '' */
  body?: string;
  /** Real ms to wait before answering. @default 0 */
  delayMs?: number;
  /** Never answer (the connection stays open until the client gives up or `close()`). */
  hang?: boolean;
};

export type WebhookReceiverOptions = ReceiverResponse & {
  /** The first `failTimes` requests get `failWith` instead. @default 0 */
  failTimes?: number;
  /** @default { status: 500, body: 'receiver failure' } */
  failWith?: ReceiverResponse;
};

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/webhook` */
  readonly url: string;
  readonly origin: string;
  readonly requests: readonly ReceivedWebhook[];
  /** The next `times` requests get `response` (default 500). */
  failNext(times: number, response?: ReceiverResponse): void;
  /** Changes the answer to every request not covered by `failNext`. */
  respondWith(response: ReceiverResponse): void;
  /** Resolves once at least `count` requests have been received. */
  waitForRequests(count: number, timeoutMs?: number): Promise<readonly ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  const { failTimes = 0, failWith = { status: 500, body: 'receiver failure' }, ...normal } = options;
  let failuresLeft = failTimes;
  let failure: ReceiverResponse = failWith;
  let response: ReceiverResponse = normal;
  const requests: ReceivedWebhook[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const answer = (res: ServerResponse, how: ReceiverResponse): void => {
    if (how.hang) return;
    const send = (): void => {
      if (res.destroyed) return;
      res.writeHead(how.status ?? 200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(how.body ?? '');
    };
    if (!how.delayMs) send();
    else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, how.delayMs);
      timers.add(timer);
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        answer(res, failure);
      } else answer(res, response);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/webhook`,
    origin,
    requests,
    failNext(times, how = { status: 500, body: 'receiver failure' }) {
      failuresLeft = times;
      failure = how;
    },
    respondWith(how) {
      response = how;
    },
    waitForRequests: (count, timeoutMs = 5_000) =>
      vi.waitFor(
        () => {
          if (requests.length < count) throw new Error(`expected ${count} requests, got ${requests.length}`);
          return requests;
        },
        { timeout: timeoutMs, interval: 5 },
      ),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
