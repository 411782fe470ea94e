import { afterEach, describe, expect, it } from 'vitest';
import { deliverOnce, type FetchLike } from '../../server/webhooks/deliver.js';
import { loadOrCreateKeyPair } from '../../server/webhooks/keys.js';
import { toWebhookBody } from '../../server/webhooks/payload.js';
import { signBody, signBodyAsync } from '../../server/webhooks/sign.js';
import { startWebhookReceiver, type WebhookReceiver, type WebhookReceiverOptions } from '../support/webhook-receiver.js';

const keys = loadOrCreateKeyPair();
const body = Buffer.from('{"id":"6d1e8f3a","name":"OrderStatus","attributes":{}}', 'utf8');
const answer =
  (status: number, text = ''): FetchLike =>
  async () =>
    new Response(status === 204 || status === 304 ? null : text, { status });
const attempt = (fetchImpl: FetchLike) => deliverOnce(fetchImpl, { url: 'http://127.0.0.1:9/hook', headers: {}, body, timeoutMs: 1_000 });

describe('signBodyAsync', () => {
  it('produces exactly the headers signBody produces', async () => {
    const event = {
      id: 'x',
      name: 'N',
      accountId: 'A',
      retailerId: '1',
      entityId: '1',
      entityRef: 'R',
      entityType: 'ORDER',
      entityStatus: 'S',
      type: 'NORMAL',
      attributes: { é: '✓' },
      rootEntityId: '1',
      rootEntityType: 'ORDER',
      rootEntityRef: 'R',
    };
    for (const bytes of [body, toWebhookBody(event), Buffer.alloc(0)]) {
      expect(await signBodyAsync(bytes, keys.privateKey)).toEqual(signBody(bytes, keys.privateKey));
    }
  });

  it('rejects a public key', async () => {
    await expect(signBodyAsync(body, keys.publicKey)).rejects.toThrow(/RSA private key/);
  });
});

describe('deliverOnce', () => {
  it.each([
    [200, true],
    [201, true],
    [204, true],
    [299, true],
    [301, false],
    [304, false],
    [400, false],
    [404, false],
    [500, false],
    [503, false],
  ])('treats HTTP %d as success: %s', async (status, ok) => {
    const outcome = await attempt(answer(status));
    expect(outcome).toMatchObject({ ok, responseStatus: status, error: ok ? null : expect.stringMatching(new RegExp(`^HTTP ${status}`)) });
  });

  it('sends POST with the given headers and the exact body bytes, not following redirects', async () => {
    let seen: { url: string; init: RequestInit | undefined } | undefined;
    const spy: FetchLike = async (url, init) => {
      seen = { url: String(url), init };
      return new Response('ok');
    };
    await deliverOnce(spy, { url: 'http://receiver/hook', headers: { 'fluent-signature': 's' }, body, timeoutMs: 1_000 });
    expect(seen?.url).toBe('http://receiver/hook');
    expect(seen?.init).toMatchObject({ method: 'POST', headers: { 'fluent-signature': 's' }, redirect: 'manual' });
    expect(Buffer.from(seen!.init!.body as Uint8Array).equals(body)).toBe(true);
  });

  it('keeps the first 500 characters of a long multi-byte answer', async () => {
    const outcome = await attempt(answer(500, 'ü✓'.repeat(1_000)));
    expect(outcome.responseBodyExcerpt).toBe('ü✓'.repeat(250));
  });

  it('describes a connection error from its cause', async () => {
    const refused: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    };
    expect(await attempt(refused)).toMatchObject({
      ok: false,
      responseStatus: null,
      responseBodyExcerpt: '',
      error: 'connection error: connect ECONNREFUSED 127.0.0.1:9',
    });
  });

  it('reports a timeout when the answer does not come in time', async () => {
    const never: FetchLike = (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const outcome = await deliverOnce(never, { url: 'http://x/', headers: {}, body, timeoutMs: 20 });
    expect(outcome).toMatchObject({ ok: false, responseStatus: null, error: 'timeout: no complete answer within 20 ms' });
  });

  it('reports an abort from outside as such', async () => {
    const controller = new AbortController();
    const never: FetchLike = (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const pending = deliverOnce(never, { url: 'http://x/', headers: {}, body, timeoutMs: 5_000, signal: controller.signal });
    controller.abort();
    expect((await pending).error).toMatch(/^aborted/);
  });
});

describe('deliverOnce over node:http (the default transport)', () => {
  const receivers: WebhookReceiver[] = [];
  afterEach(async () => {
    for (const r of receivers.splice(0)) await r.close();
  });
  const start = async (options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> => {
    const r = await startWebhookReceiver(options);
    receivers.push(r);
    return r;
  };
  const send = (url: string, timeoutMs = 1_000) =>
    deliverOnce(undefined, { url, headers: { 'content-type': 'application/json', 'fluent-signature': 's' }, body, timeoutMs });

  it('POSTs the exact bytes with the headers and reports a 2xx as success', async () => {
    const r = await start({ status: 202, body: 'queued' });
    expect(await send(r.url)).toMatchObject({ ok: true, responseStatus: 202, responseBodyExcerpt: 'queued', error: null });
    expect(r.requests[0]).toMatchObject({ method: 'POST', headers: { 'fluent-signature': 's', 'content-length': String(body.byteLength) } });
    expect(r.requests[0]!.body.equals(body)).toBe(true);
  });

  it('keeps 500 characters of a long non-2xx answer and does not follow a redirect', async () => {
    const r = await start({ status: 503, body: 'ü✓'.repeat(5_000) });
    expect(await send(r.url)).toMatchObject({
      ok: false,
      responseStatus: 503,
      responseBodyExcerpt: 'ü✓'.repeat(250),
      error: expect.stringMatching(/^HTTP 503/),
    });
    r.respondWith({ status: 302 });
    expect(await send(r.url)).toMatchObject({ ok: false, responseStatus: 302 });
    expect(r.requests).toHaveLength(2);
  });

  it('describes a refused connection, a timeout and a URL it cannot send to', async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    expect((await send(closed.url)).error).toMatch(/^connection error: connect ECONNREFUSED/);
    const hung = await start({ hang: true });
    expect(await send(hung.url, 50)).toMatchObject({ ok: false, responseStatus: null, error: 'timeout: no complete answer within 50 ms' });
    expect((await send('not a url')).error).toMatch(/^request error: Invalid URL/);
    expect((await send('ftp://host/x')).error).toMatch(/unsupported protocol ftp:/);
  });
});
