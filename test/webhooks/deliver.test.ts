import { describe, expect, it } from 'vitest';
import { deliverOnce, type FetchLike } from '../../server/webhooks/deliver.js';
import { loadOrCreateKeyPair } from '../../server/webhooks/keys.js';
import { toWebhookBody } from '../../server/webhooks/payload.js';
import { signBody, signBodyAsync } from '../../server/webhooks/sign.js';
import { FLINTX_OK_BODY } from '../fixtures/flintx-webhook-sample.js';

const keys = loadOrCreateKeyPair();
const body = Buffer.from(FLINTX_OK_BODY, 'utf8');
const answer = (status: number, text = ''): FetchLike => async () => new Response(status === 204 || status === 304 ? null : text, { status });
const attempt = (fetchImpl: FetchLike) => deliverOnce(fetchImpl, { url: 'http://127.0.0.1:9/hook', headers: {}, body, timeoutMs: 1_000 });

describe('signBodyAsync', () => {
  it('produces exactly the headers signBody produces', async () => {
    const event = { id: 'x', name: 'N', accountId: 'A', retailerId: '1', entityId: '1', entityRef: 'R', entityType: 'ORDER', entityStatus: 'S', type: 'NORMAL', attributes: { é: '✓' }, rootEntityId: '1', rootEntityType: 'ORDER', rootEntityRef: 'R' };
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
    expect(await attempt(refused)).toMatchObject({ ok: false, responseStatus: null, responseBodyExcerpt: '', error: 'connection error: connect ECONNREFUSED 127.0.0.1:9' });
  });

  it('reports a timeout when the answer does not come in time', async () => {
    const never: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const outcome = await deliverOnce(never, { url: 'http://x/', headers: {}, body, timeoutMs: 20 });
    expect(outcome).toMatchObject({ ok: false, responseStatus: null, error: 'timeout: no complete answer within 20 ms' });
  });

  it('reports an abort from outside as such', async () => {
    const controller = new AbortController();
    const never: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const pending = deliverOnce(never, { url: 'http://x/', headers: {}, body, timeoutMs: 5_000, signal: controller.signal });
    controller.abort();
    expect((await pending).error).toMatch(/^aborted/);
  });
});
