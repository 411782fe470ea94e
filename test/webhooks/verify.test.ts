import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadOrCreateKeyPair } from '../../server/webhooks/keys.js';
import { signBody } from '../../server/webhooks/sign.js';
import { verifySignature, verifyWebhook, type SignatureAlgorithm } from '../../server/webhooks/verify.js';

const body = Buffer.from('{"id":"e-2","name":"OrderStatus","attributes":{}}');
const { privateKey, publicKey } = loadOrCreateKeyPair();
const signed = signBody(body, privateKey);
const fluent = signed['fluent-signature'];
const flex = signed['flex.signature'];

describe('verifySignature', () => {
  it('accepts the right signature and rejects a signature from another key', () => {
    expect(verifySignature(body, fluent, publicKey, 'sha512')).toBe(true);
    const stranger = loadOrCreateKeyPair();
    expect(verifySignature(body, fluent, stranger.publicKey, 'sha512')).toBe(false);
    expect(verifySignature(body, signBody(body, stranger.privateKey)['fluent-signature'], publicKey, 'sha512')).toBe(false);
  });

  it("rejects a signature checked with the other header's digest", () => {
    expect(verifySignature(body, fluent, publicKey, 'md5')).toBe(false);
    expect(verifySignature(body, flex, publicKey, 'sha512')).toBe(false);
  });

  it('returns false instead of throwing on garbage input', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const cases: Array<[Buffer, unknown, unknown, unknown]> = [
      [body, '', publicKey, 'sha512'],
      [body, 'not base64 at all!', publicKey, 'sha512'],
      [body, `${fluent}!!`, publicKey, 'sha512'], // valid signature plus junk: Buffer.from would ignore the junk
      [body, `${fluent}\n`, publicKey, 'sha512'],
      [body, fluent.slice(0, -4), publicKey, 'sha512'], // truncated
      [body, Buffer.alloc(256, 0xff).toString('base64'), publicKey, 'sha512'], // right length, > modulus
      [body, fluent, ec.publicKey, 'sha512'], // wrong key type
      [body, fluent, publicKey, 'sha1'],
      [body, undefined, publicKey, 'sha512'],
      [body, fluent, undefined, 'sha512'],
      [Buffer.alloc(0), fluent, publicKey, 'sha512'],
    ];
    for (const [raw, sig, key, alg] of cases) {
      expect(() => verifySignature(raw, sig as string, key as typeof publicKey, alg as SignatureAlgorithm)).not.toThrow();
    }
    const results = cases.map(([raw, sig, key, alg]) => verifySignature(raw, sig as string, key as typeof publicKey, alg as SignatureAlgorithm));
    expect(results.every((result) => result === false)).toBe(true);
  });
});

describe('verifyWebhook', () => {
  it('checks both headers as the platform sends them', () => {
    expect(verifyWebhook(body, signed, publicKey)).toEqual({ fluentSignature: true, flexSignature: true });
  });

  it.each([
    ['x-fluent-signature', 'flex-signature'],
    ['fluent_signature', 'flex_signature'],
    ['Fluent-Signature', 'Flex.Signature'],
  ])('accepts the alternative spellings %s / %s (§6.3)', (fluentName, flexName) => {
    const headers = { [fluentName]: fluent, [flexName]: flex };
    expect(verifyWebhook(body, headers, publicKey)).toEqual({ fluentSignature: true, flexSignature: true });
  });

  it('reports a missing flex signature as null and a missing fluent signature as false', () => {
    expect(verifyWebhook(body, { 'fluent-signature': fluent }, publicKey)).toEqual({ fluentSignature: true, flexSignature: null });
    expect(verifyWebhook(body, { 'flex.signature': flex, 'fluent-signature': undefined }, publicKey)).toEqual({
      fluentSignature: false,
      flexSignature: true,
    });
    expect(verifyWebhook(body, {}, publicKey)).toEqual({ fluentSignature: false, flexSignature: null });
  });

  it('accepts a single-valued header array but not conflicting repeated values', () => {
    expect(verifyWebhook(body, { 'fluent-signature': [fluent], 'flex.signature': [flex, flex] }, publicKey)).toEqual({
      fluentSignature: true,
      flexSignature: true,
    });
    expect(verifyWebhook(body, { 'fluent-signature': [fluent, flex] }, publicKey).fluentSignature).toBe(false);
  });

  it('fails both headers for a tampered body and for swapped header values', () => {
    const tampered = Buffer.from(body.toString().replace('e-2', 'e-3'));
    expect(verifyWebhook(tampered, signed, publicKey)).toEqual({ fluentSignature: false, flexSignature: false });
    const swapped = { 'fluent-signature': flex, 'flex.signature': fluent };
    expect(verifyWebhook(body, swapped, publicKey)).toEqual({ fluentSignature: false, flexSignature: false });
  });
});
