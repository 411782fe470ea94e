import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadOrCreateKeyPair, publicKeyFromBase64Spki, publicKeyToBase64Spki } from '../../server/webhooks/keys.js';
import { FLEX_SIGNATURE_HEADER, FLUENT_SIGNATURE_HEADER, signBody } from '../../server/webhooks/sign.js';
import { verifySignature } from '../../server/webhooks/verify.js';

const body = Buffer.from('{"id":"e-1","name":"OrderStatus","attributes":{"city":"Zürich"}}', 'utf8');
const pair = loadOrCreateKeyPair();

function rsa1024() {
  return generateKeyPairSync('rsa', { modulusLength: 1024, publicExponent: 0x10001 });
}

describe('signBody', () => {
  it('uses the header names from fluent-platform.md §6.3', () => {
    expect(FLUENT_SIGNATURE_HEADER).toBe('fluent-signature');
    expect(FLEX_SIGNATURE_HEADER).toBe('flex.signature');
    expect(Object.keys(signBody(body, pair.privateKey)).sort()).toEqual(['flex.signature', 'fluent-signature']);
  });

  it('round-trips: node:crypto verifies SHA-512 and MD5 PKCS#1 v1.5 signatures over the raw bytes', () => {
    const headers = signBody(body, pair.privateKey);
    const fluent = Buffer.from(headers['fluent-signature'], 'base64');
    const flex = Buffer.from(headers['flex.signature'], 'base64');
    expect(verify('sha512', body, pair.publicKey, fluent)).toBe(true);
    expect(verify('md5', body, pair.publicKey, flex)).toBe(true);
    // each header is bound to its own digest
    expect(verify('md5', body, pair.publicKey, fluent)).toBe(false);
    expect(verify('sha512', body, pair.publicKey, flex)).toBe(false);
  });

  it('round-trips through verifySignature', () => {
    const headers = signBody(body, pair.privateKey);
    expect(verifySignature(body, headers['fluent-signature'], pair.publicKey, 'sha512')).toBe(true);
    expect(verifySignature(body, headers['flex.signature'], pair.publicKey, 'md5')).toBe(true);
  });

  it('fails verification after a one-byte change to the body', () => {
    const headers = signBody(body, pair.privateKey);
    const tampered = Buffer.from(body);
    tampered[7] = (tampered[7] ?? 0) ^ 0x01;
    expect(verify('sha512', tampered, pair.publicKey, Buffer.from(headers['fluent-signature'], 'base64'))).toBe(false);
    expect(verifySignature(tampered, headers['fluent-signature'], pair.publicKey, 'sha512')).toBe(false);
    expect(verifySignature(tampered, headers['flex.signature'], pair.publicKey, 'md5')).toBe(false);
  });

  it('gives 172 base64 characters with a 1024-bit key (§6.3) and 344 with 2048 bits', () => {
    const small = signBody(body, rsa1024().privateKey);
    expect(small['fluent-signature']).toHaveLength(172);
    expect(small['flex.signature']).toHaveLength(172);
    const large = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(signBody(body, large.privateKey)['fluent-signature']).toHaveLength(344);
  });

  it('is deterministic for the same key and body (PKCS#1 v1.5 has no salt)', () => {
    expect(signBody(body, pair.privateKey)).toEqual(signBody(Buffer.from(body), pair.privateKey));
  });

  it('refuses a public key or a non-RSA key', () => {
    expect(() => signBody(body, pair.publicKey)).toThrow(/RSA private key/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => signBody(body, ec.privateKey)).toThrow(/RSA private key/);
  });
});

describe('loadOrCreateKeyPair', () => {
  it("generates a 1024-bit RSA pair (the size of Fluent's sample key) with PEM exports when given nothing", () => {
    expect(pair.privateKey.asymmetricKeyDetails).toMatchObject({ modulusLength: 1024, publicExponent: 65537n });
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('reloads the same key from pem or from a stored pair, pem taking precedence', () => {
    const other = loadOrCreateKeyPair();
    expect(loadOrCreateKeyPair({ pem: pair.privateKeyPem }).publicKeyPem).toBe(pair.publicKeyPem);
    expect(loadOrCreateKeyPair({ existing: { privateKeyPem: pair.privateKeyPem } }).publicKeyPem).toBe(pair.publicKeyPem);
    const both = loadOrCreateKeyPair({ pem: other.privateKeyPem, existing: { privateKeyPem: pair.privateKeyPem } });
    expect(both.publicKeyPem).toBe(other.publicKeyPem);
  });

  it('accepts a PKCS#1 "RSA PRIVATE KEY" PEM and re-exports it as PKCS#8', () => {
    const pkcs1 = pair.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
    const loaded = loadOrCreateKeyPair({ pem: pkcs1 });
    expect(loaded.privateKeyPem).toBe(pair.privateKeyPem);
  });

  it('throws a plain Error with a clear message on a bad PEM', () => {
    const truncated = `${pair.privateKeyPem.slice(0, 120)}\n-----END PRIVATE KEY-----\n`;
    const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => loadOrCreateKeyPair({ pem: 'hello' })).toThrow(/Invalid webhook signing key \(pem option\)/);
    expect(() => loadOrCreateKeyPair({ pem: truncated })).toThrow(/not a readable unencrypted private key PEM/);
    expect(() => loadOrCreateKeyPair({ pem: pair.publicKeyPem })).toThrow(/Invalid webhook signing key/);
    expect(() => loadOrCreateKeyPair({ existing: { privateKeyPem: ecPem } })).toThrow(/expected an RSA key, got ec/);
  });
});

describe('publicKeyFromBase64Spki', () => {
  it('round-trips with publicKeyToBase64Spki and tolerates line breaks', () => {
    const b64 = publicKeyToBase64Spki(pair.publicKey);
    expect(publicKeyFromBase64Spki(b64).equals(pair.publicKey)).toBe(true);
    expect(publicKeyFromBase64Spki(b64.replace(/(.{64})/g, '$1\n')).equals(pair.publicKey)).toBe(true);
  });

  it('throws a clear Error on garbage', () => {
    expect(() => publicKeyFromBase64Spki('')).toThrow(/Invalid webhook public key/);
    expect(() => publicKeyFromBase64Spki('not*base64')).toThrow(/Invalid webhook public key/);
    expect(() => publicKeyFromBase64Spki('QUJDRA==')).toThrow(/not a DER SubjectPublicKeyInfo/);
  });
});
