// Does the official client accept what we sign? The receiver under test is
// WebhookValidationService from @fluentcommerce/fc-connect-sdk 0.1.56
// (dist/{cjs,esm}/services/integration/webhook-validation-service.js). How it works, from its code:
// - new WebhookValidationService(config, logger); validateWebhook(payload: string, headers, publicKey: string)
//   resolves to { isValid, algorithm, error? }. It never rejects unless strictValidation is set.
// - The payload string is UTF-8-encoded with TextEncoder, so a UTF-8 body round-trips byte-exactly.
// - The key must be bare base64 SPKI (the form Fluent publishes, §6.5). Passing a PEM fails: it strips
//   all whitespace first, so "BEGIN PUBLIC KEY" is never found and the armour reaches atob.
// - fluent-signature (or x-fluent-signature / fluent_signature) is checked with WebCrypto
//   RSASSA-PKCS1-v1_5 + SHA-512. flex.signature alone can never pass: the key is imported with SHA-1
//   because WebCrypto has no MD5 (fluent-platform.md §6.3).
// - Imported keys are cached under `${algorithm}_${first 20 chars of the key}`. Every RSA SPKI of one
//   size starts with the same 20 characters, so one service instance must not be used with two keys.
import { WebhookValidationService, type Logger } from '@fluentcommerce/fc-connect-sdk';
import { describe, expect, it } from 'vitest';
import { loadOrCreateKeyPair, publicKeyToBase64Spki } from '../../server/webhooks/keys.js';
import { toWebhookBody, type WebhookEvent } from '../../server/webhooks/payload.js';
import { signBody } from '../../server/webhooks/sign.js';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const newService = () => new WebhookValidationService({}, silent);

const event: WebhookEvent = {
  id: '0b6f3c1e-8d8a-4f0e-9a57-0c2f6f0c9a11',
  name: 'OrderStatus',
  accountId: 'SIM',
  retailerId: '1',
  entityId: '42',
  entityRef: 'HD_42',
  entityType: 'ORDER',
  entityStatus: 'COMPLETE',
  entitySubtype: 'HD',
  type: 'NORMAL',
  attributes: { city: 'Zürich', note: 'ünïcödé ✓' },
  rootEntityId: '42',
  rootEntityType: 'ORDER',
  rootEntityRef: 'HD_42',
};
const keys = loadOrCreateKeyPair();
const publicKeyB64 = publicKeyToBase64Spki(keys.publicKey);
const body = toWebhookBody(event);
const headers = { 'content-type': 'application/json', ...signBody(body, keys.privateKey) };

describe('fc-connect-sdk WebhookValidationService', () => {
  it('accepts a webhook body signed by our signBody (SHA512withRSA)', async () => {
    const result = await newService().validateWebhook(body.toString('utf8'), headers, publicKeyB64);
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ isValid: true, algorithm: 'SHA512withRSA' });
  });

  it('accepts our signature under the x-fluent-signature spelling too', async () => {
    const alt = { 'x-fluent-signature': headers['fluent-signature'] };
    expect((await newService().validateWebhook(body.toString('utf8'), alt, publicKeyB64)).isValid).toBe(true);
  });

  it('rejects a tampered body', async () => {
    const tampered = body.toString('utf8').replace('"entityStatus":"COMPLETE"', '"entityStatus":"CANCELLED"');
    expect(tampered).not.toBe(body.toString('utf8'));
    const result = await newService().validateWebhook(tampered, headers, publicKeyB64);
    expect(result.isValid).toBe(false);
  });

  it('rejects our signature checked against a different key', async () => {
    const stranger = publicKeyToBase64Spki(loadOrCreateKeyPair().publicKey);
    expect((await newService().validateWebhook(body.toString('utf8'), headers, stranger)).isValid).toBe(false);
  });
});

// Pinned SDK behaviour that constrains how the simulator and its tests may use the SDK.
describe('fc-connect-sdk 0.1.56 limitations', () => {
  it('cannot validate flex.signature alone, even a correct one, so fluent-signature must always be sent', async () => {
    const flexOnly = { 'flex.signature': headers['flex.signature'] };
    const result = await newService().validateWebhook(body.toString('utf8'), flexOnly, publicKeyB64);
    expect(result).toMatchObject({ isValid: false, algorithm: 'MD5withRSA' });
  });

  it('rejects a PEM public key, so receivers must be given the bare base64 SPKI', async () => {
    const result = await newService().validateWebhook(body.toString('utf8'), headers, keys.publicKeyPem);
    expect(result.isValid).toBe(false);
    expect(result.error).toMatch(/import public key/);
  });

  it('reuses the first cached key of a size on one instance, so use one instance per key', async () => {
    const shared = newService();
    const other = loadOrCreateKeyPair();
    expect((await shared.validateWebhook(body.toString('utf8'), headers, publicKeyB64)).isValid).toBe(true);
    // Our body, signed with keys.privateKey, "validates" against other's public key: the cache hit
    // returns the first key. A fresh instance gets it right.
    const otherB64 = publicKeyToBase64Spki(other.publicKey);
    expect((await shared.validateWebhook(body.toString('utf8'), headers, otherB64)).isValid).toBe(true);
    expect((await newService().validateWebhook(body.toString('utf8'), headers, otherB64)).isValid).toBe(false);
  });
});
