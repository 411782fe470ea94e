// A receiver written the Java way verifies the simulator's signatures. Fluent documents its
// webhook signatures with the JCA names `SHA512withRSA` (fluent-signature) and `MD5withRSA`
// (flex.signature), over the raw body with the public key as X.509 SubjectPublicKeyInfo
// (fluent-platform.md §6.3, §6.5). A Java receiver does
//   Signature s = Signature.getInstance("SHA512withRSA");
//   s.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
//   s.update(rawBody); s.verify(Base64.getDecoder().decode(header));
// node:crypto's createVerify takes OpenSSL names, so the JCA names are mapped to the same
// algorithms (PKCS#1 v1.5 signature OIDs 1.2.840.113549.1.1.13 and .4), never to something looser.
import { createPublicKey, createVerify } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { toWebhookBody } from '../../server/webhooks/payload.js';
import { signBody } from '../../server/webhooks/sign.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** JCA signature algorithm → the OpenSSL name of the same algorithm. */
const JCA_TO_OPENSSL = { SHA512withRSA: 'sha512WithRSAEncryption', MD5withRSA: 'md5WithRSAEncryption' } as const;
type JcaName = keyof typeof JCA_TO_OPENSSL;
const HEADER_OF: Record<JcaName, 'fluent-signature' | 'flex.signature'> = { SHA512withRSA: 'fluent-signature', MD5withRSA: 'flex.signature' };

/** What the Java snippet above does, step for step. */
function javaVerify(algorithm: JcaName, base64Spki: string, rawBody: Buffer, header: string): boolean {
  const publicKey = createPublicKey({ key: Buffer.from(base64Spki, 'base64'), format: 'der', type: 'spki' });
  const verifier = createVerify(JCA_TO_OPENSSL[algorithm]);
  verifier.update(rawBody);
  return verifier.verify(publicKey, Buffer.from(header, 'base64'));
}

describe('verifying with the Java algorithm names', () => {
  let t: TestApp;
  let base64Spki: string;
  const body = toWebhookBody({
    id: '2f1c0a7e-5b8d-4c1e-9f3a-7d6e5c4b3a21',
    name: 'OrderStatus',
    accountId: 'LOCAL',
    retailerId: '1',
    entityId: '7',
    entityRef: 'HD-7',
    entityType: 'ORDER',
    entityStatus: 'BOOKED',
    type: 'NORMAL',
    attributes: { note: 'Grüße ✓' },
    rootEntityId: '7',
    rootEntityType: 'ORDER',
    rootEntityRef: 'HD-7',
  });

  beforeAll(async () => {
    t = await createTestApp();
    const res = await request(t.app).get('/_sim/webhooks/public-key').query({ format: 'base64' });
    expect(res.status).toBe(200);
    base64Spki = res.text.trim();
  });

  it.each(['SHA512withRSA', 'MD5withRSA'] as const)('accepts the %s header over the raw body with the served key', (algorithm) => {
    const headers = signBody(body, t.sim.webhookKeys.privateKey);
    expect(javaVerify(algorithm, base64Spki, body, headers[HEADER_OF[algorithm]])).toBe(true);
  });

  it.each(['SHA512withRSA', 'MD5withRSA'] as const)('rejects a changed body and the other header under %s', (algorithm) => {
    const headers = signBody(body, t.sim.webhookKeys.privateKey);
    const changed = Buffer.from(body.toString('utf8').replace('BOOKED', 'BOOKEd'));
    expect(javaVerify(algorithm, base64Spki, changed, headers[HEADER_OF[algorithm]])).toBe(false);
    const other = algorithm === 'SHA512withRSA' ? 'MD5withRSA' : 'SHA512withRSA';
    expect(javaVerify(algorithm, base64Spki, body, headers[HEADER_OF[other]])).toBe(false);
  });
});
